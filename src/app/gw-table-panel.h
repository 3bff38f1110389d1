/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The grid under the body where the cells of the table the cursor is on
 * are typed, with buttons to add and remove rows and columns. It holds
 * the rows as it shows them; the editor writes them into the body when
 * the panel says so:
 *
 * - ::cells-changed — cells were typed (after a pause, or at
 *   gw_table_panel_commit());
 * - ::reshaped — a row or column was added or removed: the rows changed
 *   shape, and the cell being edited moved;
 * - ::delete-table — Delete Table was pressed;
 * - ::done — Escape in a cell: the typing goes back to the body.
 *
 * Its actions ("table.add-row", "table.remove-row", "table.add-column",
 * "table.remove-column", "table.delete") act on the cell being edited. */

#define GW_TYPE_TABLE_PANEL (gw_table_panel_get_type ())
G_DECLARE_FINAL_TYPE (GwTablePanel, gw_table_panel, GW, TABLE_PANEL, GtkWidget)

GwTablePanel *gw_table_panel_new         (void);
/* Shows @rows (a GPtrArray of GStrv, all as long) and reveals the panel;
 * entries are kept while the shape stays, so a change coming back from
 * the body (undo) does not take the focus away. */
void          gw_table_panel_show_rows   (GwTablePanel *self,
                                          GPtrArray    *rows);
/* Forgets the rows (cells typed and not yet written are dropped: commit
 * first) and hides the panel. */
void          gw_table_panel_hide        (GwTablePanel *self);
/* The rows as the grid shows them, NULL when no table is shown. */
GPtrArray    *gw_table_panel_get_rows    (GwTablePanel *self);
/* Whether cells were typed that ::cells-changed has not yet announced. */
gboolean      gw_table_panel_get_pending (GwTablePanel *self);
/* Emits ::cells-changed now if cells typed wait for it. */
void          gw_table_panel_commit      (GwTablePanel *self);
/* Drops cells typed and not yet announced. */
void          gw_table_panel_discard     (GwTablePanel *self);
/* Moves the cell being edited to @row, @column (clamped when rows are
 * shown next), without focusing it. */
void          gw_table_panel_set_cell    (GwTablePanel *self,
                                          guint         row,
                                          guint         column);
/* Focuses the entry of @row, @column, if the grid has one. */
void          gw_table_panel_focus_cell  (GwTablePanel *self,
                                          guint         row,
                                          guint         column);

G_END_DECLS
