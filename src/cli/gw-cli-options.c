/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "gw-cli-private.h"

/* Every verb of the command line, each defined in its own file. The order
 * is the order of --help. */
const GwCliVerb * const gw_cli_verbs[] = {
  &gw_cli_verb_version,
  &gw_cli_verb_check,
  &gw_cli_verb_list_rules,
  &gw_cli_verb_export_pdf,
  &gw_cli_verb_shared,
  NULL
};

static const GOptionEntry shared_entries[] = {
  { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Load an extra rule pack (repeatable)"), N_("PACK") },
  { "kind", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Treat the files as this kind of document: opinion or evaluation"), N_("KIND") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format of --check: text or json"), N_("FORMAT") },
  { "strict", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: skip documents that have error findings"), NULL },
  { "jobs", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --export-pdf: number of parallel jobs (default: number of cores)"), N_("N") },
  { NULL }
};

const GwCliVerb gw_cli_verb_shared = {
  .action = NULL,
  .entries = shared_entries,
};

static int
run_version (GVariantDict   *options,
             char          **files,
             const GwCliEnv *env)
{
  g_print ("gongwen %s\n", PACKAGE_VERSION);
  return 0;
}

static const GOptionEntry version_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

const GwCliVerb gw_cli_verb_version = {
  .action = "version",
  .entries = version_entries,
  .run = run_version,
};

gboolean
_gw_cli_options_init (GwCliOptions   *opts,
                      GVariantDict   *dict,
                      const GwCliEnv *env)
{
  g_autofree char *format = NULL;

  memset (opts, 0, sizeof *opts);
  g_variant_dict_lookup (dict, "rules", "^aay", &opts->rule_packs);
  g_variant_dict_lookup (dict, "kind", "s", &opts->kind);
  g_variant_dict_lookup (dict, "format", "s", &format);
  opts->strict = g_variant_dict_contains (dict, "strict");
  if (!g_variant_dict_lookup (dict, "jobs", "i", &opts->jobs))
    opts->jobs = 0;
  opts->color = env->color;
  opts->progress = env->progress;

  if (format == NULL || g_strcmp0 (format, "text") == 0)
    opts->format = GW_CLI_FORMAT_TEXT;
  else if (g_strcmp0 (format, "json") == 0)
    opts->format = GW_CLI_FORMAT_JSON;
  else
    {
      g_printerr (_("gongwen: unknown --format “%s”: use text or json\n"), format);
      return FALSE;
    }
  if (opts->kind && g_strcmp0 (opts->kind, "opinion") != 0 &&
      g_strcmp0 (opts->kind, "evaluation") != 0)
    {
      g_printerr (_("gongwen: unknown --kind “%s”: use opinion or evaluation\n"), opts->kind);
      return FALSE;
    }
  if (opts->jobs < 0)
    {
      g_printerr (_("gongwen: --jobs must be a positive number\n"));
      return FALSE;
    }
  return TRUE;
}

void
_gw_cli_options_clear (GwCliOptions *opts)
{
  g_clear_pointer (&opts->rule_packs, g_strfreev);
  g_clear_pointer (&opts->kind, g_free);
}

void
gw_cli_add_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  for (guint i = 0; gw_cli_verbs[i]; i++)
    if (gw_cli_verbs[i]->entries)
      g_application_add_main_option_entries (app, gw_cli_verbs[i]->entries);
  g_application_add_main_option_entries (app, (const GOptionEntry[]) {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
    { NULL }
  });
  g_application_set_option_context_parameter_string (app, _("[FILE…]"));
  g_application_set_option_context_summary (app,
    _("Draft the implementation opinions on social-work stations and their annual "
      "evaluation forms, check them against policy, and export GB/T 9704 PDF."));
}

/* Storage for one parsed value of the strict pre-parse. */
typedef union {
  gboolean  flag;
  int       integer;
  gint64    integer64;
  double    number;
  char     *string;
  char    **strv;
} Slot;

static void
clear_slot (const GOptionEntry *entry,
            Slot               *slot)
{
  switch (entry->arg)
    {
    case G_OPTION_ARG_STRING:
    case G_OPTION_ARG_FILENAME:
      g_free (slot->string);
      break;
    case G_OPTION_ARG_STRING_ARRAY:
    case G_OPTION_ARG_FILENAME_ARRAY:
      g_strfreev (slot->strv);
      break;
    default:
      break;
    }
}

/* GApplication's own options, and help, which GApplication answers. */
static gboolean
is_gapplication_option (const char *arg)
{
  return g_str_equal (arg, "-h") || g_str_equal (arg, "-?") ||
         g_str_has_prefix (arg, "--help") ||
         g_str_has_prefix (arg, "--gapplication-");
}

gboolean
gw_cli_check_arguments (char * const *arguments,
                        int          *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GError) error = NULL;
  g_autofree Slot *slots = NULL;
  g_auto(GStrv) remaining = NULL;
  char **argv;
  int argc;
  gboolean ok;
  guint n = 0;

  g_return_val_if_fail (arguments != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  for (guint i = 0; gw_cli_verbs[i]; i++)
    for (const GOptionEntry *e = gw_cli_verbs[i]->entries; e && e->long_name; e++)
      n++;
  slots = g_new0 (Slot, n);
  n = 0;
  for (guint i = 0; gw_cli_verbs[i]; i++)
    for (const GOptionEntry *e = gw_cli_verbs[i]->entries; e && e->long_name; e++)
      {
        GOptionEntry copy = *e;

        copy.arg_data = &slots[n++];
        g_array_append_val (entries, copy);
      }
  g_array_append_val (entries, ((GOptionEntry) {
    G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, NULL }));

  for (guint i = 0; arguments[i]; i++)
    {
      if (g_str_equal (arguments[i], "--"))
        {
          for (; arguments[i]; i++)
            g_ptr_array_add (args, arguments[i]);
          break;
        }
      if (i == 0 || !is_gapplication_option (arguments[i]))
        g_ptr_array_add (args, arguments[i]);
    }
  g_ptr_array_add (args, NULL);

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  /* g_option_context_parse() rearranges the array it is given. */
  argv = g_memdup2 (args->pdata, args->len * sizeof (char *));
  argc = (int) args->len - 1;
  ok = g_option_context_parse (context, &argc, &argv, &error);
  g_free (argv);

  n = 0;
  for (guint i = 0; gw_cli_verbs[i]; i++)
    for (const GOptionEntry *e = gw_cli_verbs[i]->entries; e && e->long_name; e++)
      clear_slot (e, &slots[n++]);

  if (!ok)
    {
      g_printerr ("gongwen: %s\n", error->message);
      g_printerr (_("Run “gongwen --help” to see the options.\n"));
      *exit_status = 2;
      return FALSE;
    }
  return TRUE;
}

static const GwCliVerb *
verb_defining (const char *name)
{
  for (guint i = 0; gw_cli_verbs[i]; i++)
    for (const GOptionEntry *e = gw_cli_verbs[i]->entries; e && e->long_name; e++)
      if (g_str_equal (e->long_name, name))
        return gw_cli_verbs[i];
  return NULL;
}

static gboolean
verb_takes (const GwCliVerb *verb,
            const char      *name)
{
  if (g_strcmp0 (verb->action, name) == 0)
    return TRUE;
  /* A verb takes what it defines, except what a table of shared options
   * defines, which each verb names in its accepts list. */
  if (verb_defining (name) == verb)
    return TRUE;
  for (guint i = 0; verb->accepts && verb->accepts[i]; i++)
    if (g_str_equal (verb->accepts[i], name))
      return TRUE;
  return FALSE;
}

/* "--a, --b or --c": the verbs that take @name. */
static char *
verbs_taking (const char *name)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; gw_cli_verbs[i]; i++)
    if (gw_cli_verbs[i]->action && verb_takes (gw_cli_verbs[i], name))
      g_ptr_array_add (names, g_strconcat ("--", gw_cli_verbs[i]->action, NULL));
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of options in a list */
        g_string_append (out, i + 1 == names->len ? _(" or ") : _(", "));
      g_string_append (out, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
gw_cli_handle_local_options (GVariantDict *options)
{
  const GwCliVerb *chosen = NULL;
  g_autoptr(GString) actions = g_string_new (NULL);
  g_auto(GStrv) files = NULL;
  GwCliEnv env;
  guint n_actions = 0;

  g_return_val_if_fail (options != NULL, 2);

  for (guint i = 0; gw_cli_verbs[i]; i++)
    {
      const char *action = gw_cli_verbs[i]->action;

      if (action == NULL || !g_variant_dict_contains (options, action))
        continue;
      chosen = gw_cli_verbs[i];
      g_string_append_printf (actions, "%s--%s", n_actions ? ", " : "", action);
      n_actions++;
    }
  if (n_actions > 1)
    {
      g_printerr (_("gongwen: use only one of %s\n"), actions->str);
      return 2;
    }

  /* Every option given must go with the verb chosen (or, with none, the
   * window takes no options but files). */
  for (guint i = 0; gw_cli_verbs[i]; i++)
    for (const GOptionEntry *e = gw_cli_verbs[i]->entries; e && e->long_name; e++)
      {
        g_autofree char *takers = NULL;

        if (!g_variant_dict_contains (options, e->long_name) ||
            (chosen && verb_takes (chosen, e->long_name)))
          continue;
        takers = verbs_taking (e->long_name);
        if (chosen)
          g_printerr (_("gongwen: --%s does not go with --%s; it goes with %s\n"),
                      e->long_name, chosen->action, takers);
        else
          g_printerr (_("gongwen: --%s goes with %s\n"), e->long_name, takers);
        return 2;
      }

  if (chosen == NULL)
    return -1;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);
  env.color = isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;
  env.progress = isatty (STDERR_FILENO);
  return chosen->run (options, files, &env);
}
