/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-document.h"
#include "gw-pdf.h"

G_BEGIN_DECLS

/* The pages exactly as export writes them: the renderer's PDF, drawn by
 * poppler. The only file of Gongwen that talks to poppler. */

#define GW_TYPE_PREVIEW (gw_preview_get_type ())
G_DECLARE_FINAL_TYPE (GwPreview, gw_preview, GW, PREVIEW, GtkWidget)

GwPreview *gw_preview_new          (void);
void       gw_preview_set_document (GwPreview  *self,
                                    GwRenderer *renderer,
                                    GwDocument *doc);
/* Renders the document again (asynchronously; an earlier run is cancelled). */
void       gw_preview_refresh      (GwPreview  *self);
guint      gw_preview_get_n_pages  (GwPreview  *self);
/* Zoom 1.0 = 96 dpi (an A4 page 794 px wide). */
void       gw_preview_set_zoom     (GwPreview  *self,
                                    double      zoom);
double     gw_preview_get_zoom     (GwPreview  *self);
void       gw_preview_go_to_page   (GwPreview  *self,
                                    guint       page);
/* The page shown (0-based): the one navigated to, or under the view's middle. */
guint      gw_preview_get_page     (GwPreview  *self);
/* The text poppler reads from page @page (tests). */
char      *gw_preview_get_page_text (GwPreview *self,
                                     guint      page);
/* Reads back a PDF: number of pages and the text of all of them (tests and
 * export checks); FALSE with @error when poppler cannot read it. */
gboolean   gw_pdf_read_back        (GBytes     *bytes,
                                    guint      *n_pages,
                                    char      **text,
                                    GError    **error);

G_END_DECLS
