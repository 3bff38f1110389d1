/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The first sheet of an .xlsx workbook (Office Open XML spreadsheet), as
 * rows of text: shared strings, inline strings and numbers (dates stay
 * serials of the 1900 system; gw_contract_parse_date() reads them). A row
 * is as long as its last non-empty cell; cells missing before it are "".
 * @row_lines receives each row's 1-based sheet row number. */
GPtrArray *gw_xlsx_read_first_sheet (GBytes      *bytes,
                                     const char  *display_name,
                                     GArray     **row_lines,
                                     GError     **error);

G_END_DECLS
