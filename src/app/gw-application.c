/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-app-resources.h"
#include "gw-application.h"
#include "gw-cli.h"
#include "gw-preferences-window.h"
#include "gw-round-dialog.h"
#include "gw-window.h"

struct _GwApplication
{
  AdwApplication  parent_instance;

  GwServices     *services;
  GStrv           pending_files;
};

G_DEFINE_FINAL_TYPE (GwApplication, gw_application, ADW_TYPE_APPLICATION)

static gboolean
gw_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  /* An unknown or malformed option is a wrong call (exit 2); GApplication
   * alone would exit 1. */
  if (!gw_cli_check_arguments (*arguments, exit_status))
    return TRUE;
  return G_APPLICATION_CLASS (gw_application_parent_class)->local_command_line (app, arguments,
                                                                                exit_status);
}

static int
gw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  int status = gw_cli_handle_local_options (options);

  if (status >= 0)
    return status;

  /* G_OPTION_REMAINING took the file names out of argv, so GApplication
   * would only activate: keep them for activate to open. */
  g_clear_pointer (&GW_APPLICATION (app)->pending_files, g_strfreev);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay",
                         &GW_APPLICATION (app)->pending_files);
  return -1;
}

/* GONGWEN_BENCH_STARTUP=1: print the wall-clock time (µs since the epoch) of
 * the first painted frame and quit, so bench/startup-bench.sh can measure
 * launch-to-window without screen scraping. */
static void
on_first_frame_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  g_print ("GONGWEN_FIRST_FRAME %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_window_map_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_window_map_cb, NULL);
  if (clock)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame_cb), widget);
}

static GtkWindow *
new_window (GwApplication *self)
{
  GwWindow *window = gw_window_new (self);

  if (g_strcmp0 (g_getenv ("GONGWEN_BENCH_STARTUP"), "1") == 0)
    g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
gw_application_activate (GApplication *app)
{
  GwApplication *self = GW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_auto(GStrv) files = g_steal_pointer (&self->pending_files);

  if (window == NULL)
    window = new_window (self);
  for (guint i = 0; files && files[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      gw_window_open_file (GW_WINDOW (window), file);
    }
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
  /* Translators: your names, one per line. */
  const char *translators = _("translator-credits");

  adw_show_about_window (gtk_application_get_active_window (app),
                         "translator-credits",
                         g_str_equal (translators, "translator-credits") ? NULL : translators,
                         "application-name", _("Gongwen"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Draft, check and export official documents on social-work stations"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GwApplication *self = GW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GwPreferencesWindow *prefs = gw_preferences_window_new (GTK_APPLICATION (self),
                                                             self->services);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  new_window (GW_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l; l = l->next)
    g_object_ref (l->data);

  /* Each window asks about its unsaved documents; the app ends with the
   * last one. g_application_quit() would drop them without asking. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

/* A header form took the first number and so made the register: the
 * checker, the application's, is handed it. */
static void
attach_register_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GwApplication *self = GW_APPLICATION (user_data);

  gw_services_attach_register (self->services);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "attach-register", attach_register_action },
  { "preferences", preferences_action },
  { "new-window", new_window_action },
  { "quit", quit_action },
};

static void
gw_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close-page", { "<Control>w", NULL } },
    { "win.export-pdf", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.replace", { "<Control>h", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.preview", { "<Control><Alt>p", NULL } },
    { "win.show-findings", { "F9", NULL } },
    { "win.primary-menu", { "F10", NULL } },
  };

  G_APPLICATION_CLASS (gw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gw_round_add_app_actions (GTK_APPLICATION (app));
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
gw_application_dispose (GObject *object)
{
  GwApplication *self = GW_APPLICATION (object);

  g_clear_object (&self->services);
  g_clear_pointer (&self->pending_files, g_strfreev);
  G_OBJECT_CLASS (gw_application_parent_class)->dispose (object);
}

static void
gw_application_class_init (GwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gw_application_dispose;

  /* Referencing the bundle keeps the linker from dropping it (and its
   * registering constructor) out of the static library. */
  g_assert (gw_app_get_resource () != NULL);

  app_class->local_command_line = gw_application_local_command_line;
  app_class->handle_local_options = gw_application_handle_local_options;
  app_class->activate = gw_application_activate;
  app_class->open = gw_application_open;
  app_class->startup = gw_application_startup;
}

static void
gw_application_init (GwApplication *self)
{
  self->services = gw_services_new ();
  gw_cli_add_options (G_APPLICATION (self));
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

GwServices *
gw_application_get_services (GwApplication *self)
{
  g_return_val_if_fail (GW_IS_APPLICATION (self), NULL);
  return self->services;
}

GSettings *
gw_application_get_settings (GwApplication *self)
{
  g_return_val_if_fail (GW_IS_APPLICATION (self), NULL);
  return gw_services_get_settings (self->services);
}

GwChecker *
gw_application_get_checker (GwApplication *self)
{
  g_return_val_if_fail (GW_IS_APPLICATION (self), NULL);
  return gw_services_get_checker (self->services);
}

GwRenderer *
gw_application_get_renderer (GwApplication *self)
{
  g_return_val_if_fail (GW_IS_APPLICATION (self), NULL);
  return gw_services_get_renderer (self->services);
}

char *
gw_application_reload_checker (GwApplication *self)
{
  g_return_val_if_fail (GW_IS_APPLICATION (self), NULL);
  return gw_services_reload_checker (self->services);
}

