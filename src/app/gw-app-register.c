/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-app-register"

#include "config.h"

#include "gw-app-register.h"
#include "gw-register-registry.h"

static GwRegister *shared;
/* Set by the application's services; NULL without them: the defaults. */
static GSettings *app_settings;

void
gw_app_register_set_settings (GSettings *settings)
{
  g_set_object (&app_settings, settings);
}

void
gw_app_register_unset_settings (GSettings *settings)
{
  if (app_settings == settings)
    g_clear_object (&app_settings);
}

static GSettings *
settings (void)
{
  return app_settings;
}

char *
gw_app_register_path (void)
{
  GSettings *s = settings ();
  g_autofree char *path = s ? g_settings_get_string (s, "register-path") : NULL;

  if (path == NULL || *path == '\0')
    return gw_register_default_path ();
  return g_steal_pointer (&path);
}

guint
gw_app_register_stale_days (void)
{
  GSettings *s = settings ();

  return s ? g_settings_get_uint (s, "register-stale-days") : 30;
}

GwRegister *
gw_app_register_get (GError **error)
{
  g_autofree char *path = gw_app_register_path ();

  if (shared && g_strcmp0 (gw_register_get_path (shared), path) != 0)
    g_clear_pointer (&shared, gw_register_close);
  if (shared == NULL)
    shared = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, error);
  if (shared)
    gw_register_set_stale_days (shared, gw_app_register_stale_days ());
  return shared;
}

gboolean
gw_app_register_exists (void)
{
  g_autofree char *path = gw_app_register_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

void
gw_app_register_attach (GwChecker *checker)
{
  g_autofree char *path = gw_app_register_path ();
  g_autoptr(GwRegisterRegistry) registry = NULL;
  GwRegister *reg;

  if (checker == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      gw_checker_set_registry (checker, NULL);
      return;
    }
  /* its own connection: the checker asks from its worker thread */
  reg = gw_register_open (path, GW_REGISTER_OPEN_NO_CREATE, NULL);
  if (reg == NULL)
    {
      gw_checker_set_registry (checker, NULL);
      return;
    }
  registry = gw_register_registry_new (reg);
  gw_checker_set_registry (checker, GW_NUMBER_REGISTRY (registry));
}
