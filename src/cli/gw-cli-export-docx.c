/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-export-docx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-cli-private.h"

/* gongwen --export-docx=DIR [--strict] [--jobs=N] FILE…
 *
 * The --export-pdf contract with Word files: DIR/NAME.docx per input,
 * written by the same batch engine (gw-cli-export.c). */

static int
run_export_docx (GVariantDict   *dict,
                 char          **files,
                 const GwCliEnv *env)
{
  g_auto(GwCliOptions) opts = { 0 };
  g_autofree char *dir = NULL;

  if (!_gw_cli_options_init (&opts, dict, env))
    return 2;
  g_variant_dict_lookup (dict, "export-docx", "^ay", &dir);
  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("gongwen: no files given\n"));
      return 2;
    }
  return _gw_cli_export_files (&opts, dir, files, GW_EXPORT_DOCX);
}

static const GOptionEntry export_docx_entries[] = {
  { "export-docx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export each file as a GB/T 9704 Word document (.docx) into DIR"), N_("DIR") },
  { NULL }
};

static const char * const export_docx_accepts[] = { "rules", "kind", "strict", "jobs", NULL };

const GwCliVerb gw_cli_verb_export_docx = {
  .action = "export-docx",
  .entries = export_docx_entries,
  .accepts = export_docx_accepts,
  .run = run_export_docx,
};
