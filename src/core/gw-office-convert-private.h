/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* .doc, .wps, .odt and .rtf through LibreOffice: `soffice --headless
 * --convert-to docx` with a throwaway profile (-env:UserInstallation) in
 * a private temporary folder, killed after @timeout_seconds, the folder
 * removed afterwards. Without soffice on PATH (the Flatpak has none) the
 * error asks the user to save the file as .docx (另存为). */

gboolean _gw_office_convert_available (void);
GBytes  *_gw_office_convert_to_docx   (const char  *path,
                                       guint        timeout_seconds,
                                       GError     **error);

G_END_DECLS
