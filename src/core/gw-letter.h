/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* Letters (函) and the letter format (信函, GB/T 9704 §10.1). A bureau
 * writes a 函 to an organ it does not lead (商请, 询问, 答复), numbered with
 * 函 in the 代字 (临民函〔2024〕5号) and titled "…关于…的函" (or "的复函"
 * in reply); such a document is laid out in the letter format. */

/* Whether @number, a 发文字号 as written, is a letter's: the 代字 before
 * the year's bracket ends in 函 (or 函字): 临民函〔2024〕5号. */
gboolean         gw_doc_number_is_letter  (const char *number);

/* Whether @title is a letter's: it ends in 的函 or 的复函 (line breaks
 * and spaces inside it ignored). */
gboolean         gw_title_is_letter       (const char *title);

/* The format @doc's number and title call for: GW_DOCUMENT_FORMAT_LETTER
 * when either is a letter's, else GW_DOCUMENT_FORMAT_DOCUMENT (always for
 * an evaluation form). The plain-text importer gives what it reads this
 * format. */
GwDocumentFormat gw_document_guess_format (GwDocument *doc);

G_END_DECLS
