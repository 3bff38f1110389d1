/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* Opens any document Gongwen reads: .gwdoc (XML), a Word .docx package
 * or a plain-text draft, told apart by content, not only by name; .doc,
 * .wps, .odt and .rtf through LibreOffice when it is installed. Every
 * document opened keeps an import report (gw-import-report.h) saying its
 * source format. Errors name the file. */
GwDocument *gw_document_open (const char  *path,
                              GError     **error);

G_END_DECLS
