/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-cli.h"

/* Placeholder until the renderer lands (issue: GB/T 9704 PDF export). */
int
gw_cli_export_pdf (const GwCliOptions *options,
                   char              **files)
{
  g_printerr (_("gongwen: --export-pdf is not available yet\n"));
  return 2;
}
