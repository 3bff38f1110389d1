/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-register-private.h"
#include "gw-text.h"

/* Organs and their 代字. */

static gint64
organ_id (GwRegister *self,
          const char *organ)
{
  sqlite3_stmt *stmt = _gw_register_prepare (self, "SELECT id FROM organs WHERE name = ?");
  gint64 id = 0;

  sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

gint64
_gw_register_code_id (GwRegister  *self,
                      const char  *code,
                      char       **organ)
{
  sqlite3_stmt *stmt = _gw_register_prepare (self,
    "SELECT c.id, o.name FROM codes c JOIN organs o ON o.id = c.organ_id WHERE c.code = ?");
  gint64 id = 0;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (organ)
        *organ = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return id;
}

/* Inside a transaction: the 代字's id, adding the organ and the 代字 as
 * needed; 0 with @error_text when the 代字 belongs to another organ. */
gint64
_gw_register_ensure_organ_code (GwRegister  *self,
                                const char  *organ,
                                const char  *code,
                                char       **error_text)
{
  g_autofree char *owner = NULL;
  gint64 code_id = _gw_register_code_id (self, code, &owner);
  gint64 oid;
  sqlite3_stmt *stmt;

  if (code_id > 0)
    {
      if (g_strcmp0 (owner, organ) != 0)
        {
          *error_text = g_strdup_printf (_("the 代字 %s belongs to %s, not %s"),
                                         code, owner, organ);
          return 0;
        }
      return code_id;
    }
  oid = organ_id (self, organ);
  if (oid == 0)
    {
      stmt = _gw_register_prepare (self, "INSERT INTO organs (name) VALUES (?)");
      sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          *error_text = g_strdup (sqlite3_errmsg (self->db));
          sqlite3_finalize (stmt);
          return 0;
        }
      sqlite3_finalize (stmt);
      oid = sqlite3_last_insert_rowid (self->db);
    }
  stmt = _gw_register_prepare (self, "INSERT INTO codes (organ_id, code) VALUES (?, ?)");
  sqlite3_bind_int64 (stmt, 1, oid);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      *error_text = g_strdup (sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return 0;
    }
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (self->db);
}


gboolean
gw_register_add_organ (GwRegister          *self,
                       const char          *organ,
                       const char * const  *codes,
                       GError             **error)
{
  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (gw_text_is_blank (organ))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("An organ needs a name"));
      return FALSE;
    }
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (organ_id (self, organ) == 0)
    {
      sqlite3_stmt *stmt = _gw_register_prepare (self, "INSERT INTO organs (name) VALUES (?)");
      sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
    }
  for (guint i = 0; codes && codes[i]; i++)
    {
      g_autofree char *problem = NULL;

      if (gw_text_is_blank (codes[i]) || strstr (codes[i], "〔") != NULL)
        {
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                       _("“%s” is not a 代字"), codes[i]);
          _gw_register_rollback (self);
          return FALSE;
        }
      if (_gw_register_ensure_organ_code (self, organ, codes[i], &problem) == 0)
        {
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE, "%s", problem);
          _gw_register_rollback (self);
          return FALSE;
        }
    }
  _gw_register_audit (self, 0, "organ", organ);
  if (!_gw_register_exec (self, "COMMIT", error))
    {
      _gw_register_rollback (self);
      return FALSE;
    }
  return TRUE;
}

GStrv
gw_register_list_organs (GwRegister *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _gw_register_prepare (self, "SELECT name FROM organs ORDER BY name");

  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}

GStrv
gw_register_list_codes (GwRegister *self,
                        const char *organ)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _gw_register_prepare (self,
    "SELECT c.code FROM codes c JOIN organs o ON o.id = c.organ_id "
    "WHERE o.name = ? ORDER BY c.id");

  if (organ_id (self, organ) == 0)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}
