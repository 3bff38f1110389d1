/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gw-document.h"

G_BEGIN_DECLS

/* Shown once after a Word file (or one LibreOffice converted) is opened:
 * which header and closing elements the import recognised, what it left
 * out, and where to check them (the Header and Footer form). Does
 * nothing for documents without an import report or read from text. */
void gw_import_report_dialog_present (GtkWindow  *parent,
                                      GwDocument *doc,
                                      const char *file_name);

G_END_DECLS
