/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* Word (.docx) drafts, read into the same GwDocument the text importer
 * makes, through the same line recognisers and import state machine: each
 * body paragraph becomes one or more lines (a w:br starts another line of
 * the same paragraph), each table row one line of TAB-separated cells.
 * Formatting resolved from document defaults, the style chain and direct
 * formatting (colour, size, alignment) helps recognise the header.
 *
 * Source positions: `line` is the 1-based number of the body w:p in
 * document order (paragraphs in tables, text boxes and content controls
 * included; paragraphs deleted whole by tracked changes left out);
 * `column` is the 1-based character in that paragraph's visible text, an
 * automatic-numbering marker included and a w:br counted as one
 * character.
 *
 * The import report (gw_document_get_import_report()) says what was
 * recognised and what was left out (comments, tracked changes read as
 * accepted, images, drawings, footnotes …).
 *
 * Errors (GW_ERROR, every message naming the file): those of the package
 * layer (gw-package.h), GW_ERROR_PARSE when word/document.xml is missing
 * or is not WordprocessingML, GW_ERROR_TOO_LARGE for tables nested deeper
 * than GW_DOCX_MAX_TABLE_DEPTH, GW_ERROR_EMPTY when no text is left. */

#define GW_DOCX_MAX_TABLE_DEPTH 8

GwDocument *gw_import_docx_file  (const char  *path,
                                  GError     **error);
GwDocument *gw_import_docx_bytes (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **error);

G_END_DECLS
