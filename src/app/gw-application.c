/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-application"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "gw-application.h"
#include "gw-cli.h"
#include "gw-window.h"

struct _GwApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GwApplication, gw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the files against the rule packs and print the findings"), NULL },
  { "list-rules", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the active rule catalogue"), NULL },
  { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Load an extra rule pack (repeatable)"), N_("PACK") },
  { "kind", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Treat the files as this kind of document: opinion or evaluation"), N_("KIND") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format of --check: text or json"), N_("FORMAT") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export each file as a GB/T 9704 PDF into DIR"), N_("DIR") },
  { "strict", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: skip documents that have error findings"), NULL },
  { "jobs", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --export-pdf: number of parallel jobs (default: number of cores)"), N_("N") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("FILE…") },
  { NULL }
};

static int
run_batch (GVariantDict *dict)
{
  GwCliOptions opts = { 0 };
  g_autofree char *format = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) packs = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *export_dir = NULL;
  gboolean check = g_variant_dict_contains (dict, "check");
  gboolean list_rules = g_variant_dict_contains (dict, "list-rules");
  int status;

  g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^aay", &files);
  g_variant_dict_lookup (dict, "rules", "^aay", &packs);
  g_variant_dict_lookup (dict, "kind", "s", &kind);
  g_variant_dict_lookup (dict, "format", "s", &format);
  g_variant_dict_lookup (dict, "export-pdf", "^ay", &export_dir);
  opts.strict = g_variant_dict_contains (dict, "strict");
  if (!g_variant_dict_lookup (dict, "jobs", "i", &opts.jobs))
    opts.jobs = 0;

  if (format == NULL || g_strcmp0 (format, "text") == 0)
    opts.format = GW_CLI_FORMAT_TEXT;
  else if (g_strcmp0 (format, "json") == 0)
    opts.format = GW_CLI_FORMAT_JSON;
  else
    {
      g_printerr (_("gongwen: unknown --format “%s”: use text or json\n"), format);
      return 2;
    }
  if (kind && g_strcmp0 (kind, "opinion") != 0 && g_strcmp0 (kind, "evaluation") != 0)
    {
      g_printerr (_("gongwen: unknown --kind “%s”: use opinion or evaluation\n"), kind);
      return 2;
    }
  if (opts.jobs < 0)
    {
      g_printerr (_("gongwen: --jobs must be a positive number\n"));
      return 2;
    }
  if ((check ? 1 : 0) + (list_rules ? 1 : 0) + (export_dir ? 1 : 0) > 1)
    {
      g_printerr (_("gongwen: use only one of --check, --list-rules and --export-pdf\n"));
      return 2;
    }

  opts.rule_packs = packs;
  opts.kind = kind;
  opts.export_dir = export_dir;
  opts.color = isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;
  opts.progress = isatty (STDERR_FILENO);

  if (list_rules)
    status = gw_cli_list_rules (&opts);
  else if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("gongwen: no files given\n"));
      status = 2;
    }
  else if (check)
    status = gw_cli_check (&opts, files);
  else
    status = gw_cli_export_pdf (&opts, files);
  return status;
}

static int
gw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("gongwen %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "check") ||
      g_variant_dict_contains (options, "list-rules") ||
      g_variant_dict_contains (options, "export-pdf"))
    return run_batch (options);

  if (g_variant_dict_contains (options, "strict") ||
      g_variant_dict_contains (options, "jobs") ||
      g_variant_dict_contains (options, "rules") ||
      g_variant_dict_contains (options, "kind") ||
      g_variant_dict_contains (options, "format"))
    {
      g_printerr (_("gongwen: --rules, --kind, --format, --strict and --jobs go with "
                    "--check, --list-rules or --export-pdf\n"));
      return 2;
    }

  /* Files given to the window go through GApplication::open. */
  return -1;
}

static GtkWindow *
new_window (GwApplication *self)
{
  GwWindow *window = gw_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
gw_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = new_window (GW_APPLICATION (app));
  gtk_window_present (window);
}

static void
gw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = new_window (GW_APPLICATION (app));
  for (int i = 0; i < n_files; i++)
    gw_window_open_file (GW_WINDOW (window), files[i]);
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "Gongwen developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Gongwen"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Draft, check and export official documents on social-work stations"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
gw_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (gw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
gw_application_class_init (GwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = gw_application_handle_local_options;
  app_class->activate = gw_application_activate;
  app_class->open = gw_application_open;
  app_class->startup = gw_application_startup;
}

static void
gw_application_init (GwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Draft the implementation opinions on social-work stations and their annual "
      "evaluation forms, check them against policy, and export GB/T 9704 PDF."));
}

GwApplication *
gw_application_new (void)
{
  return g_object_new (GW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/gongwen/Gongwen",
                       NULL);
}
