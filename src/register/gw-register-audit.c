/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include "gw-register-private.h"

/* The audit trail: every change to a number is logged with who and when. */

gint64
_gw_register_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_gw_register_audit (GwRegister *self,
                    gint64      number_id,
                    const char *action,
                    const char *detail)
{
  sqlite3_stmt *stmt = _gw_register_prepare (self,
    "INSERT INTO audit (number_id, action, detail, user, at) VALUES (?, ?, ?, ?, ?)");

  if (stmt == NULL)
    return;
  if (number_id > 0)
    sqlite3_bind_int64 (stmt, 1, number_id);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, detail ? detail : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, _gw_register_now_seconds ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_warning ("register: could not log %s: %s", action, sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
}

GStrv
gw_register_audit_log (GwRegister *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _gw_register_prepare (self,
    "SELECT a.at, a.user, a.action, c.code, n.year, n.seq, a.detail FROM audit a "
    "LEFT JOIN numbers n ON n.id = a.number_id LEFT JOIN codes c ON c.id = n.code_id "
    "ORDER BY a.id");

  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, 0));
      g_autofree char *when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
      g_autofree char *number = NULL;

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        number = gw_doc_number_format ((const char *) sqlite3_column_text (stmt, 3),
                                   sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5));
      g_autofree char *line = g_strdup_printf ("%s %s %s %s %s", when,
                                               (const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2),
                                               number ? number : "-",
                                               (const char *) sqlite3_column_text (stmt, 6));

      g_strv_builder_add (builder, line);
    }
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}
