/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-services"

#include "config.h"

#include "gw-app-register.h"
#include "gw-services.h"

struct _GwServices
{
  GObject         parent_instance;

  GwChecker      *checker;
  GwRenderer     *renderer;
  GSettings      *settings;
  gboolean        settings_looked_up;
  gboolean        checker_failed;
  gboolean        renderer_failed;
};

enum {
  CHECKER_CHANGED,
  PACK_ERRORS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GwServices, gw_services, G_TYPE_OBJECT)

static void
gw_services_dispose (GObject *object)
{
  GwServices *self = GW_SERVICES (object);

  if (self->settings)
    gw_app_register_unset_settings (self->settings);
  g_clear_object (&self->checker);
  g_clear_object (&self->renderer);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gw_services_parent_class)->dispose (object);
}

static void
gw_services_class_init (GwServicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gw_services_dispose;

  /**
   * GwServices::checker-changed:
   *
   * The rule packs changed (Preferences): open documents are checked again.
   */
  signals[CHECKER_CHANGED] =
    g_signal_new ("checker-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * GwServices::pack-errors:
   * @errors: one line per rule pack of the user's that could not be loaded
   *
   * The shipped rules still apply; the window tells the person.
   */
  signals[PACK_ERRORS] =
    g_signal_new ("pack-errors", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gw_services_init (GwServices *self)
{
}

GwServices *
gw_services_new (void)
{
  GwServices *self = g_object_new (GW_TYPE_SERVICES, NULL);

  /* The register's functions have no services at hand: give them the
   * settings they read the register's path from. */
  gw_app_register_set_settings (gw_services_get_settings (self));
  return self;
}

GSettings *
gw_services_get_settings (GwServices *self)
{
  g_return_val_if_fail (GW_IS_SERVICES (self), NULL);

  if (!self->settings_looked_up)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      self->settings_looked_up = TRUE;
      if (source)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema)
        self->settings = g_settings_new_full (schema, NULL, NULL);
      else
        g_debug ("Settings schema %s not installed; using defaults", APP_ID);
    }
  return self->settings;
}

static char *
add_user_packs (GwServices *self,
                GwChecker  *checker)
{
  GSettings *settings = gw_services_get_settings (self);
  g_auto(GStrv) packs = NULL;
  g_autoptr(GString) errors = NULL;

  if (settings == NULL)
    return NULL;
  packs = g_settings_get_strv (settings, "rule-packs");
  for (guint i = 0; packs[i]; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!gw_checker_add_pack_file (checker, packs[i], &error))
        {
          if (errors == NULL)
            errors = g_string_new (NULL);
          else
            g_string_append_c (errors, '\n');
          g_string_append (errors, error->message);
          g_debug ("%s", error->message);
        }
    }
  return errors ? g_string_free (g_steal_pointer (&errors), FALSE) : NULL;
}

GwChecker *
gw_services_get_checker (GwServices *self)
{
  g_return_val_if_fail (GW_IS_SERVICES (self), NULL);

  if (self->checker == NULL && !self->checker_failed)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *pack_errors = NULL;

      self->checker = gw_checker_new_default (&error);
      if (self->checker == NULL)
        {
          self->checker_failed = TRUE;
          g_warning ("Could not load the rule packs: %s", error->message);
          return NULL;
        }
      pack_errors = add_user_packs (self, self->checker);
      gw_app_register_attach (self->checker);
      if (pack_errors)
        g_signal_emit (self, signals[PACK_ERRORS], 0, pack_errors);
    }
  return self->checker;
}

char *
gw_services_reload_checker (GwServices *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = NULL;
  char *pack_errors;

  g_return_val_if_fail (GW_IS_SERVICES (self), NULL);

  checker = gw_checker_new_default (&error);
  if (checker == NULL)
    return g_strdup (error->message);
  pack_errors = add_user_packs (self, checker);
  gw_app_register_attach (checker);
  g_set_object (&self->checker, checker);
  self->checker_failed = FALSE;
  g_signal_emit (self, signals[CHECKER_CHANGED], 0);
  return pack_errors;
}

static void
set_fonts (GwServices *self)
{
  static const char *keys[GW_N_FONT_ROLES] = {
    [GW_FONT_ROLE_FANGSONG] = "font-fangsong",
    [GW_FONT_ROLE_HEITI] = "font-heiti",
    [GW_FONT_ROLE_KAITI] = "font-kaiti",
    [GW_FONT_ROLE_SONGTI] = "font-songti",
    [GW_FONT_ROLE_TITLE] = "font-title",
  };
  GSettings *settings = gw_services_get_settings (self);

  if (self->renderer == NULL || settings == NULL)
    return;
  for (guint i = 0; i < GW_N_FONT_ROLES; i++)
    {
      g_autofree char *family = g_settings_get_string (settings, keys[i]);
      gw_renderer_set_font (self->renderer, i, *family ? family : NULL);
    }
}

void
gw_services_apply_fonts (GwServices *self)
{
  g_return_if_fail (GW_IS_SERVICES (self));

  set_fonts (self);
  g_signal_emit (self, signals[CHECKER_CHANGED], 0);
}

GwRenderer *
gw_services_get_renderer (GwServices *self)
{
  g_return_val_if_fail (GW_IS_SERVICES (self), NULL);

  if (self->renderer == NULL && !self->renderer_failed)
    {
      g_autoptr(GError) error = NULL;

      self->renderer = gw_renderer_new (&error);
      if (self->renderer == NULL)
        {
          self->renderer_failed = TRUE;
          g_warning ("Could not set up the fonts: %s", error->message);
          return NULL;
        }
      set_fonts (self);
    }
  return self->renderer;
}

void
gw_services_attach_register (GwServices *self)
{
  g_return_if_fail (GW_IS_SERVICES (self));

  gw_app_register_attach (gw_services_get_checker (self));
}
