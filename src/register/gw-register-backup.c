/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gw-register-private.h"

/* Copies of the register: dated backups (also taken before a migration)
 * and restoring one. */

char *
gw_register_backup (GwRegister  *self,
                    const char  *dir,
                    GError     **error)
{
  g_autofree char *path = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      int saved = errno;
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not use the backup folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  path = _gw_register_dated_name (dir, "register");
  if (!_gw_register_copy_database (self->db, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
gw_register_restore (GwRegister  *self,
                     const char  *backup,
                     GError     **error)
{
  g_autoptr(GwRegister) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *safety = NULL;
  sqlite3_backup *copy;
  int rc;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  /* Opening it checks that it is a register this version can read. */
  source = gw_register_open (backup, GW_REGISTER_OPEN_READ_ONLY, error);
  if (source == NULL)
    return FALSE;
  if (gw_register_get_schema_version (source) != GW_REGISTER_SCHEMA_VERSION)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("The backup %s has another schema version; open it with the "
                     "Gongwen that wrote it"), backup);
      return FALSE;
    }
  dir = g_path_get_dirname (self->path);
  safety = gw_register_backup (self, dir, error);
  if (safety == NULL)
    return FALSE;
  copy = sqlite3_backup_init (self->db, "main", source->db, "main");
  if (copy == NULL)
    {
      _gw_register_set_sqlite_error (self, error, _("restoring a backup"));
      return FALSE;
    }
  do
    rc = sqlite3_backup_step (copy, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (copy);
  if (rc != SQLITE_DONE)
    {
      _gw_register_set_sqlite_error (self, error, _("restoring a backup"));
      return FALSE;
    }
  _gw_register_audit (self, 0, "restore", backup);
  return TRUE;
}
