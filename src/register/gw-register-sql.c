/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gw-register-private.h"

/* The bottom of the register: its error domain, the SQLite helpers every
 * file of the register shares, and copying a database to a new file (a
 * backup, or the copy taken before a migration). Calls nothing above it. */

G_DEFINE_QUARK (gw-register-error-quark, gw_register_error)

void
_gw_register_set_sqlite_error (GwRegister  *self,
                               GError     **error,
                               const char  *what)
{
  int code = sqlite3_errcode (self->db) & 0xFF;
  GwRegisterError kind = GW_REGISTER_ERROR_IO;

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    kind = GW_REGISTER_ERROR_CORRUPT;
  else if (code == SQLITE_READONLY)
    kind = GW_REGISTER_ERROR_READ_ONLY;
  g_set_error (error, GW_REGISTER_ERROR, kind,
               /* Translators: "%s: %s (%s)" is the register's file, what was
                * being done, and SQLite's own message */
               _("Register %s: %s failed (%s)"),
               self->path, what, sqlite3_errmsg (self->db));
}

gboolean
_gw_register_exec (GwRegister  *self,
                   const char  *sql,
                   GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _gw_register_set_sqlite_error (self, error, sql);
      return FALSE;
    }
  return TRUE;
}

void
_gw_register_rollback (GwRegister *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
_gw_register_check_write (GwRegister  *self,
                          GError     **error)
{
  if (self->read_only)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_READ_ONLY,
                   _("The register %s is open read-only; nothing was changed"),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_gw_register_prepare (GwRegister *self,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("register: cannot prepare %s: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }
  return stmt;
}

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
