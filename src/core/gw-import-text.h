/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* Plain-text drafts pasted out of Word or WPS: UTF-8 with or without BOM,
 * CRLF or LF, or GB18030; full-width indents. Recognises the issuing organ's
 * mark, document number, title (one or two lines), main recipients, the four
 * heading levels, paragraphs, 附件 lines, signature and date, 附注, 抄送 and
 * 印发 lines. Every block keeps the source line (and column) it came from. */

/* Decodes @data to UTF-8 (BOM stripped, CRLF/CR folded to LF). */
char       *gw_text_decode            (const char  *data,
                                       gsize        len,
                                       const char  *display_name,
                                       GError     **error);

GwDocument *gw_import_text_file       (const char  *path,
                                       GError     **error);
GwDocument *gw_import_text_data       (const char  *data,
                                       gsize        len,
                                       const char  *display_name,
                                       GError     **error);

G_END_DECLS
