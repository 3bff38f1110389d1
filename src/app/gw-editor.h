/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-document.h"
#include "gw-finding.h"

G_BEGIN_DECLS

/* The editor of an opinion: the header and footer elements as a form bound
 * to the document's properties, and the body as text, one block per line,
 * with headings recognised and styled as they are typed. */

#define GW_TYPE_EDITOR (gw_editor_get_type ())
G_DECLARE_FINAL_TYPE (GwEditor, gw_editor, GW, EDITOR, GtkWidget)

GwEditor      *gw_editor_new            (void);
void           gw_editor_set_document   (GwEditor   *self,
                                         GwDocument *doc);
GwDocument    *gw_editor_get_document   (GwEditor   *self);
/* Where the document is saved (NULL: not yet), for the header form. */
void           gw_editor_set_file       (GwEditor   *self,
                                         GFile      *file);
GtkTextBuffer *gw_editor_get_buffer     (GwEditor   *self);
GtkTextView   *gw_editor_get_text_view  (GwEditor   *self);
/* Writes pending body edits into the document's blocks now (edits are
 * otherwise written a moment after typing pauses). */
void           gw_editor_sync_now       (GwEditor   *self);
/* Counts buffer changes: findings apply to the text of one generation. */
guint          gw_editor_get_generation (GwEditor   *self);

/* Underlines where @findings point (replacing earlier ones). */
void           gw_editor_set_findings   (GwEditor   *self,
                                         GListModel *findings);
/* Selects and shows the text a finding points at. */
gboolean       gw_editor_select_finding (GwEditor   *self,
                                         GwFinding  *finding);
/* Replaces the text a finding points at with its replacement (undoable). */
gboolean       gw_editor_apply_finding  (GwEditor   *self,
                                         GwFinding  *finding);
/* The buffer range of @block's characters @offset..@offset+@length. */
gboolean       gw_editor_get_block_range (GwEditor   *self,
                                          guint       block,
                                          guint       offset,
                                          guint       length,
                                          GtkTextIter *start,
                                          GtkTextIter *end);

void           gw_editor_show_find      (GwEditor   *self,
                                         gboolean    replace);
void           gw_editor_undo           (GwEditor   *self);
void           gw_editor_redo           (GwEditor   *self);
/* The row of a metadata element (AdwEntryRow), for tests and focus. */
GtkWidget     *gw_editor_get_meta_row   (GwEditor   *self,
                                         GwMeta      meta);

G_END_DECLS
