/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-services.h"
#include "gw-document.h"

G_BEGIN_DECLS

/* One open document in a tab: the model, where it is saved, the editor for
 * its kind, the findings panel and the preview. It re-checks, autosaves a
 * recovery copy and refreshes the preview a moment after each edit. */

#define GW_TYPE_PAGE (gw_page_get_type ())
G_DECLARE_FINAL_TYPE (GwPage, gw_page, GW, PAGE, GtkWidget)

GwPage       *gw_page_new                (GwServices    *services,
                                          GwDocument    *doc,
                                          GFile         *file);
GwDocument   *gw_page_get_document       (GwPage        *self);
GFile        *gw_page_get_file           (GwPage        *self);
/* File name, or the title/“Untitled document” for new documents. */
const char   *gw_page_get_name           (GwPage        *self);
/* The name with “• ” in front while there are unsaved changes. */
const char   *gw_page_get_title          (GwPage        *self);
gboolean      gw_page_get_modified       (GwPage        *self);
void          gw_page_set_modified       (GwPage        *self,
                                          gboolean       modified);
/* Atomic save as .gwdoc to @file; clears the modified mark and the
 * recovery copy, and adds the file to the recent documents. */
gboolean      gw_page_save               (GwPage        *self,
                                          GFile         *file,
                                          GError       **error);

/* Findings of the last completed check (GListModel of GwFinding). */
GListModel   *gw_page_get_findings       (GwPage        *self);
guint         gw_page_count_findings     (GwPage        *self,
                                          int            severity);
/* Starts a check now (cancelling one in flight). */
void          gw_page_check_now          (GwPage        *self);
/* Whether a check is running or scheduled. */
gboolean      gw_page_get_checking       (GwPage        *self);

GtkWidget    *gw_page_get_editor         (GwPage        *self);   /* GwEditor or GwEvaluationEditor */
GtkWidget    *gw_page_get_findings_panel (GwPage        *self);
/* The policy parameters of an opinion, beside the findings. */
struct _GwPolicyPanel;
struct _GwPolicyPanel *gw_page_get_policy_panel (GwPage    *self);
GtkWidget    *gw_page_get_preview        (GwPage        *self);
void          gw_page_set_show_findings  (GwPage        *self,
                                          gboolean       show);
void          gw_page_set_show_preview   (GwPage        *self,
                                          gboolean       show);
gboolean      gw_page_get_show_preview   (GwPage        *self);

void          gw_page_undo               (GwPage        *self);
void          gw_page_redo               (GwPage        *self);
void          gw_page_show_find          (GwPage        *self,
                                          gboolean       replace);

/* Recovery copy: its id, writing it now, and dropping it (clean close). */
const char   *gw_page_get_recovery_id    (GwPage        *self);
void          gw_page_set_recovery_id    (GwPage        *self,
                                          const char    *id);
gboolean      gw_page_autosave_now       (GwPage        *self,
                                          GError       **error);
void          gw_page_discard_recovery   (GwPage        *self);

G_END_DECLS
