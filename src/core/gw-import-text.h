/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* Plain-text drafts pasted out of Word or WPS: UTF-8 with or without BOM,
 * UTF-16 with BOM, CRLF, CR or LF, or GB18030; full-width indents.
 * Recognises 份号/密级/紧急程度, the issuing organ's mark, document number,
 * title (one or two lines), main recipients, the four heading levels,
 * paragraphs (rejoining lines broken mid-phrase by a PDF copy), 附件 lines,
 * signature and date, 附注, attachment pages, 抄送 and 印发 lines. Every
 * block keeps one GwSourceSpan per source line it was built from (1-based
 * line, 1-based column in characters of the original line, indent
 * included); metadata elements keep their line and column through
 * gw_document_set_meta_source(). Values are kept as written (a document
 * number "某民发[2024]007号", a date "2024年03月05日", an attachment name
 * with the punctuation its author put after it), so the checker can point
 * at what is wrong. Attachment names lose only their list numbers.
 *
 * Errors: GW_ERROR_EMPTY (no text at all), GW_ERROR_TOO_LARGE (over
 * GW_MAX_INPUT_SIZE), GW_ERROR_ENCODING (binary data, or bytes that are
 * neither UTF-8 nor GB18030: the message names the line and byte offset).
 * On error nothing is returned: there is never a half-read document. */

/* Decodes @data to UTF-8: BOM stripped, CRLF and CR folded to LF. Returns a
 * newly allocated NUL-terminated string. */
char       *gw_import_text_decode        (const char  *data,
                                          gsize        len,
                                          const char  *display_name,
                                          GError     **error);

GwDocument *gw_import_text_file          (const char  *path,
                                          GError     **error);
GwDocument *gw_import_text_data          (const char  *data,
                                          gsize        len,
                                          const char  *display_name,
                                          GError     **error);

/* The recognisers the importer uses, for the checker and the editor.
 * @text is one line with surrounding whitespace already stripped. */

/* A 成文日期 written as a whole line: 2023年3月10日, 2024年03月05日,
 * 二〇二三年三月十六日 (spaces between the parts tolerated). */
gboolean    gw_import_text_is_date_line  (const char  *text);

/* A 发文字号: 代字 + year in brackets + sequence + 号, in its correct form
 * (神政办发〔2023〕12号) or the usual wrong ones ([2023] 【2023】 (2023)
 * ［2023］ 第12号 007号). On success @length (may be NULL) receives the
 * bytes of the number itself; the line may go on with 签发人：… after it. */
gboolean    gw_import_text_is_doc_number (const char  *text,
                                          gsize       *length);

/* Tables pasted out of Excel, WPS 表格 or a Word table, or a .txt saved
 * from a spreadsheet: a run of two or more consecutive lines, each holding a
 * TAB between two pieces of text, is a table; one row a line, cells split
 * at the tabs. A single such line, or lines only indented with a tab, stay
 * text. The importer and the editor's paste both use these. */

/* Whether @line (one line, untrimmed) is a table row: a TAB with text on
 * both sides of it once the line is trimmed. */
gboolean    gw_import_text_is_table_row  (const char  *line);

/* How many lines, from @lines[0] on, make a table (at least two rows), or 0
 * when no table starts there. */
guint       gw_import_text_table_run     (const char * const *lines,
                                          guint        n_lines);

/* The rows (GPtrArray of GStrv, all of the same length) of the table made
 * of @lines: cells trimmed, empty cells at the end of a row dropped and
 * short rows padded with empty cells, so every row is as long as the
 * longest; a first column empty in every row (lines indented with a tab)
 * is dropped. When @columns is not %NULL it receives, for every cell in
 * row order, the 0-based column (in characters) of the cell's first
 * character in its line (the line's length for padding). */
GPtrArray  *gw_import_text_table_rows    (const char * const *lines,
                                          guint        n_lines,
                                          GArray      *columns);

G_END_DECLS
