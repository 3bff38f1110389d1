/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A table written as one line of text, the way the editor holds it in its
 * body: a hidden mark, then the cells separated by tabs and the rows by
 * U+2028 LINE SEPARATOR (a line break inside the one line). Character for
 * character after the mark it is the block's text (rows joined by \n), so
 * a finding in a cell points into that cell. */

#define GW_TABLE_TEXT_MARK          "\xee\x80\x80"   /* U+E000, private use */
#define GW_TABLE_TEXT_MARK_LEN      3
#define GW_TABLE_TEXT_ROW_SEPARATOR "\xe2\x80\xa8"   /* U+2028 */

/* Whether @line is a table line (starts with the mark). */
gboolean   gw_table_text_is_table    (const char *line);

/* The table line of @rows (a GPtrArray of GStrv); a tab or line break in
 * a cell becomes a space, one character for one. */
char      *gw_table_text_from_rows   (GPtrArray  *rows);

/* The rows of a table line, every row as long as the longest; %NULL when
 * @line is no table line. */
GPtrArray *gw_table_text_to_rows     (const char *line);

/* @n_rows rows of @n_columns empty cells. */
GPtrArray *gw_table_text_new_rows    (guint       n_rows,
                                      guint       n_columns);

/* Pasted @text with its tables turned into table lines; %NULL when it
 * holds none. Cells are read as Excel and WPS put them on the clipboard
 * (gw_delimited_parse()), so a quoted cell may hold a line break or a tab;
 * a run of two or more table rows (gw_import_text_table_run()) is a table, and
 * every other line is kept as it was. */
char      *gw_table_text_from_pasted (const char *text);

/* @text with the table lines in it (a table copied out of the body) made
 * cells and rows again: the mark dropped, row separators made line
 * breaks. %NULL when @text holds neither. */
char      *gw_table_text_unwrap      (const char *text);

/* The cell that @before (a table line up to some point of it) ends in. */
void       gw_table_text_cell_at     (const char *before,
                                      guint      *row,
                                      guint      *column);

G_END_DECLS
