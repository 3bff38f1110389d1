/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-fonts.h"
#include "gw-pdf.h"
#include "gw-preferences-window.h"

struct _GwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *organ_row;
  GtkSpinButton        *autosave_spin;
  AdwEntryRow          *register_row;
  GtkSpinButton        *stale_spin;
  AdwPreferencesGroup  *no_settings_group;
  AdwPreferencesGroup  *fonts_group;
  AdwPreferencesGroup  *packs_group;
  GtkLabel             *packs_error;

  GwServices           *services;
  GSettings            *settings;
  GStrv                 families;
  GPtrArray            *pack_rows;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const struct {
  GwFontRole  role;
  const char *key;
  const char *title;
  const char *subtitle;
} font_rows[] = {
  { GW_FONT_ROLE_FANGSONG, "font-fangsong", N_("Body (仿宋)"), N_("Paragraphs and third- and fourth-level headings") },
  { GW_FONT_ROLE_HEITI, "font-heiti", N_("First-level headings (黑体)"), N_("Headings like 一、 and the 附件 labels") },
  { GW_FONT_ROLE_KAITI, "font-kaiti", N_("Second-level headings (楷体)"), N_("Headings like （一）") },
  { GW_FONT_ROLE_SONGTI, "font-songti", N_("Page numbers (宋体)"), NULL },
  { GW_FONT_ROLE_TITLE, "font-title", N_("Title and organ mark (小标宋)"), NULL },
};

static void
on_font_selected_cb (AdwComboRow         *row,
                     GParamSpec          *pspec,
                     GwPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  guint selected = adw_combo_row_get_selected (row);
  const char *family = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                         ? "" : self->families[selected - 1];

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, key, family);
  gw_services_apply_fonts (self->services);
}

static void
build_fonts (GwPreferencesWindow *self)
{
  GwRenderer *renderer = gw_services_get_renderer (self->services);

  /* 中 stands for the Chinese characters a document needs. */
  self->families = gw_fonts_list_families_for ("中");
  for (guint i = 0; i < G_N_ELEMENTS (font_rows); i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
      g_autofree char *current = self->settings ? g_settings_get_string (self->settings, font_rows[i].key)
                                                : g_strdup ("");
      g_autofree char *default_label = NULL;
      const char *default_family = NULL;
      guint selected = 0;

      if (renderer && *current == '\0')
        default_family = gw_renderer_get_font (renderer, font_rows[i].role);
      default_label = default_family ? g_strdup_printf (_("Default (%s)"), default_family)
                                     : g_strdup (_("Default"));
      gtk_string_list_append (list, default_label);
      for (guint j = 0; self->families[j]; j++)
        {
          gtk_string_list_append (list, self->families[j]);
          if (g_strcmp0 (self->families[j], current) == 0)
            selected = j + 1;
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dgettext (GETTEXT_PACKAGE, font_rows[i].title));
      if (font_rows[i].subtitle)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     g_dgettext (GETTEXT_PACKAGE, font_rows[i].subtitle));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "key", (gpointer) font_rows[i].key);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_font_selected_cb), self);
      gtk_widget_set_sensitive (row, self->settings != NULL);
      adw_preferences_group_add (self->fonts_group, row);
    }
}

/* ---- rule packs ------------------------------------------------------------- */

static void
reload_packs (GwPreferencesWindow *self)
{
  g_autofree char *errors = gw_services_reload_checker (self->services);

  gtk_label_set_label (self->packs_error, errors ? errors : "");
  gtk_widget_set_visible (GTK_WIDGET (self->packs_error), errors != NULL);
}

static void build_packs (GwPreferencesWindow *self);

static void
remove_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) packs = g_settings_get_strv (self->settings, "rule-packs");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; packs[i]; i++)
    if (g_strcmp0 (packs[i], path) != 0)
      g_strv_builder_add (builder, packs[i]);
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "rule-packs", (const char * const *) kept);
  build_packs (self);
  reload_packs (self);
}

static void
build_packs (GwPreferencesWindow *self)
{
  g_auto(GStrv) packs = NULL;

  for (guint i = 0; i < self->pack_rows->len; i++)
    adw_preferences_group_remove (self->packs_group, g_ptr_array_index (self->pack_rows, i));
  g_ptr_array_set_size (self->pack_rows, 0);
  if (self->settings == NULL)
    return;

  packs = g_settings_get_strv (self->settings, "rule-packs");
  for (guint i = 0; packs[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *base = g_path_get_basename (packs[i]);
      g_autofree char *a11y = g_strdup_printf (_("Remove %s"), base);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), packs[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove this pack"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a11y, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-pack");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", packs[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->packs_group, row);
      g_ptr_array_add (self->pack_rows, row);
    }
}

static void
on_pack_chosen_cb (GtkNativeDialog     *dialog,
                   int                  response,
                   GwPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_auto(GStrv) packs = g_settings_get_strv (self->settings, "rule-packs");

      if (path && !g_strv_contains ((const char * const *) packs, path))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) added = NULL;

          g_strv_builder_addv (builder, (const char **) packs);
          g_strv_builder_add (builder, path);
          added = g_strv_builder_end (builder);
          g_settings_set_strv (self->settings, "rule-packs", (const char * const *) added);
          build_packs (self);
          reload_packs (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
add_pack_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser || self->settings == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add Rule Pack"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Rule packs (.json)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_pack_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
gw_preferences_window_dispose (GObject *object)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->pack_rows, g_ptr_array_unref);
  g_clear_pointer (&self->families, g_strfreev);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->services);
  G_OBJECT_CLASS (gw_preferences_window_parent_class)->dispose (object);
}

static void
gw_preferences_window_class_init (GwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, organ_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, register_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, stale_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, no_settings_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, fonts_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, packs_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, packs_error);
  gtk_widget_class_install_action (widget_class, "prefs.add-pack", NULL, add_pack_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-pack", "s", remove_pack_action);
}

static void
gw_preferences_window_init (GwPreferencesWindow *self)
{
  self->pack_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GwPreferencesWindow *
gw_preferences_window_new (GtkApplication *app,
                           GwServices     *services)
{
  GwPreferencesWindow *self;
  GSettings *settings;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (GW_IS_SERVICES (services), NULL);

  self = g_object_new (GW_TYPE_PREFERENCES_WINDOW, "application", app, NULL);
  self->services = g_object_ref (services);
  settings = gw_services_get_settings (services);
  if (settings)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "default-issuing-organ", self->organ_row, "text",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "register-path", self->register_row, "text",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "register-stale-days",
                       gtk_spin_button_get_adjustment (self->stale_spin), "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "autosave-interval",
                       gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->no_settings_group), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->organ_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->autosave_spin), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-pack", FALSE);
    }
  build_fonts (self);
  build_packs (self);
  return self;
}
