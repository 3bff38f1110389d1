/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-round"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-checker.h"
#include "gw-cli-private.h"
#include "gw-round-check.h"
#include "gw-round.h"
#include "gw-summary.h"

/* gongwen --new-round=CONTRACTS --out=DIR [--against=OPINION]
 * gongwen --summary=OUT.pdf|OUT.csv|OUT.docx FORMS…   (docs/evaluation-round.md) */

static int
run_new_round (GVariantDict   *dict,
               char          **files,
               const GwCliEnv *env)
{
  g_autofree char *list_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *against = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autofree char *note = NULL;

  g_variant_dict_lookup (dict, "new-round", "^ay", &list_path);
  g_variant_dict_lookup (dict, "out", "^ay", &out);
  g_variant_dict_lookup (dict, "against", "^ay", &against);
  if (out == NULL || *out == '\0')
    {
      g_printerr (_("gongwen: --new-round needs --out=DIR, the round's folder\n"));
      return 2;
    }
  if (files && files[0])
    {
      g_printerr (_("gongwen: --new-round takes no files: %s\n"), files[0]);
      return 2;
    }
  written = gw_round_start (list_path, out, against, &note, &error);
  if (note)
    g_printerr ("gongwen: %s\n", note);
  if (written == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("gongwen: no form was created\n"));
      return 2;
    }
  g_print (ngettext ("gongwen: %u form and the manifest written into %s\n",
                     "gongwen: %u forms and the manifest written into %s\n", written->len - 1),
           written->len - 1, out);
  return 0;
}

static const GOptionEntry new_round_entries[] = {
  { "new-round", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Start an evaluation round: one form per row of the contract list (.xlsx or .csv)"),
    N_("CONTRACTS") },
  { "out", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The folder of the new round"), N_("DIR") },
  { NULL }
};

static const char * const new_round_accepts[] = { "against", NULL };

const GwCliVerb gw_cli_verb_new_round = {
  .action = "new-round",
  .entries = new_round_entries,
  .accepts = new_round_accepts,
  .run = run_new_round,
};

/* ---- --summary ---------------------------------------------------------- */

static int
run_summary (GVariantDict   *dict,
             char          **files,
             const GwCliEnv *env)
{
  g_auto(GwCliOptions) opts = { 0 };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = NULL;
  g_autoptr(GwRoundSummary) summary = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  if (!_gw_cli_options_init (&opts, dict, env))
    return 2;
  g_variant_dict_lookup (dict, "summary", "^ay", &out);
  if (!g_str_has_suffix (out, ".pdf") && !g_str_has_suffix (out, ".csv") &&
      !g_str_has_suffix (out, ".docx"))
    {
      g_printerr (_("gongwen: --summary=%s: name a .pdf, .csv or .docx file\n"), out);
      return 2;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("gongwen: no files given\n"));
      return 2;
    }
  /* a round folder stands for every form in it */
  for (guint i = 0; files[i]; i++)
    {
      if (g_file_test (files[i], G_FILE_TEST_IS_DIR))
        {
          g_auto(GStrv) forms = gw_round_list_forms (files[i], &error);

          if (forms == NULL)
            {
              g_printerr ("gongwen: %s: %s\n", files[i], error->message);
              return 2;
            }
          for (guint k = 0; forms[k]; k++)
            g_ptr_array_add (paths, g_strdup (forms[k]));
        }
      else
        g_ptr_array_add (paths, g_strdup (files[i]));
    }

  checker = gw_checker_new_default (&error);
  for (guint i = 0; checker && opts.rule_packs && opts.rule_packs[i]; i++)
    if (!gw_checker_add_pack_file (checker, opts.rule_packs[i], &error))
      g_clear_object (&checker);
  if (checker == NULL)
    {
      g_printerr ("gongwen: %s\n", error->message);
      return 2;
    }

  summary = gw_round_summary_new ();
  {
    g_autofree char *dir = paths->len ? g_path_get_dirname (g_ptr_array_index (paths, 0)) : NULL;
    summary->year = dir ? gw_round_read_year (dir) : 0;
  }
  gw_round_check_forms (checker, (const char * const *) paths->pdata, paths->len,
                        opts.jobs > 0 ? (guint) opts.jobs : 0, summary);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      GwRoundRow *row = g_ptr_array_index (summary->rows, i);

      if (row->status == GW_FORM_STATUS_UNREADABLE)
        g_printerr ("gongwen: %s\n", row->error);
    }
  gw_round_summary_finish (summary);
  if (summary->n_read == 0)
    {
      g_printerr (_("gongwen: no form could be read; no summary written\n"));
      return 2;
    }

  {
    g_autoptr(GwRenderer) renderer = g_str_has_suffix (out, ".pdf") ? gw_renderer_new (&error) : NULL;

    ok = (renderer || !g_str_has_suffix (out, ".pdf")) &&
         gw_summary_export (renderer, summary, out, &error);
    /* nothing renders after this */
    if (renderer)
      _gw_cli_release_fonts (&renderer, &checker);
  }
  if (!ok)
    {
      g_printerr ("gongwen: %s\n", error->message);
      return 2;
    }
  g_print (_("gongwen: %s: the summary covers %u forms (%u read, %u unreadable, %u with errors)\n"),
           out, summary->rows->len, summary->n_read, summary->n_unreadable, summary->n_with_errors);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      GwRoundRow *r = g_ptr_array_index (summary->rows, i);

      if (r->n_errors)
        g_printerr (ngettext ("gongwen: %s: %u error finding; its figures are marked and not counted\n",
                              "gongwen: %s: %u error findings; its figures are marked and not counted\n",
                              r->n_errors),
                    r->path, r->n_errors);
    }
  return summary->n_unreadable || summary->n_with_errors ? 1 : 0;
}

static const GOptionEntry summary_entries[] = {
  { "summary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the roll-up report of the evaluation forms (or round folders) given"),
    N_("OUT.pdf|OUT.csv|OUT.docx") },
  { NULL }
};

static const char * const summary_accepts[] = { "rules", "jobs", NULL };

const GwCliVerb gw_cli_verb_summary = {
  .action = "summary",
  .entries = summary_entries,
  .accepts = summary_accepts,
  .run = run_summary,
};
