/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Delimited text (TSV, CSV) as spreadsheets put it on the clipboard and in
 * files. One reader for the editor's paste and every CSV input, so a cell
 * reads the same wherever it comes from. */

/* Splits UTF-8 TEXT into rows of cells, with Excel/WPS quoting: a cell in
 * "…" may hold the delimiter, line breaks and "" for a quote; CRLF, LF or CR
 * end a row; a final empty line is not a row. Returns a GPtrArray of GStrv
 * (one per row); *row_lines (optional) gets a GArray of guint: the 1-based
 * line where each row starts. An unterminated quote is GW_ERROR_PARSE
 * naming the line (the caller prefixes the file name). */
GPtrArray *gw_delimited_parse      (const char  *text,
                                    gssize       length,
                                    char         delimiter,
                                    GArray     **row_lines,
                                    GError     **error);

/* Writes one row with quoting where needed (cells holding the delimiter, a
 * quote or a line break), followed by a line feed. */
void       gw_delimited_append_row (GString            *out,
                                    const char * const *cells,
                                    char                delimiter);

G_END_DECLS
