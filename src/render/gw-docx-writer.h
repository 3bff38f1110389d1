/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* The Word (.docx) writer: the same GwDocument the PDF renderer lays out,
 * written as an Office Open XML package laid out to GB/T 9704 as far as a
 * word processor can carry it (see docs/docx.md, "## Export"). No GTK, no
 * Pango: Word and WPS break the lines themselves.
 *
 * Every character of the model's text must reach the written document part:
 * after writing, the part is read back and each element's text looked for
 * in order; an element that is not there fails the export with an error
 * naming it (GW_ERROR_RENDER). The package holds no copy of the model. */

/* The family names the .docx asks for, by role (what offices have). */
#define GW_DOCX_FONT_FANGSONG "仿宋"
#define GW_DOCX_FONT_HEITI    "黑体"
#define GW_DOCX_FONT_KAITI    "楷体"
#define GW_DOCX_FONT_SONGTI   "宋体"
#define GW_DOCX_FONT_TITLE    "方正小标宋简体"

/* The package as bytes. */
GBytes   *gw_docx_write_bytes (GwDocument  *doc,
                               GError     **error);

/* Writes the package to @path: a temporary file beside it, renamed over
 * it only when complete. */
gboolean  gw_docx_write_file  (GwDocument  *doc,
                               const char  *path,
                               GError     **error);

G_END_DECLS
