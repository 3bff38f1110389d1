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
_gw_register_dated_name (const char *dir,
                         const char *stem)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 0;; n++)
    {
      g_autofree char *name = n == 0
        ? g_strdup_printf ("%s-%s.sqlite", stem, stamp)
        : g_strdup_printf ("%s-%s-%u.sqlite", stem, stamp, n);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* Copies @src into a new file @dest_path with the online backup API, so a
 * register in use by other processes is copied consistently. */
gboolean
_gw_register_copy_database (sqlite3     *src,
                            const char  *dest_path,
                            GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE,
                        NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not write the backup %s (%s)"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

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
