/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-register-private.h"

/* Closing a year: its numbers can no longer change. */

static gboolean
year_closed (GwRegister *self,
             int         year)
{
  sqlite3_stmt *stmt = _gw_register_prepare (self, "SELECT 1 FROM closed_years WHERE year = ?");
  gboolean closed;

  sqlite3_bind_int (stmt, 1, year);
  closed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return closed;
}

gboolean
gw_register_year_is_closed (GwRegister *self,
                            int         year)
{
  return year_closed (self, year);
}

gboolean
_gw_register_refuse_closed (GwRegister  *self,
                            int          year,
                            GError     **error)
{
  if (!year_closed (self, year))
    return FALSE;
  g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
               _("The year %d is closed in the register; its numbers can no longer "
                 "change"), year);
  return TRUE;
}

gboolean
gw_register_close_year (GwRegister  *self,
                        int          year,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int reserved;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (_gw_register_refuse_closed (self, year, error))
    goto fail;
  stmt = _gw_register_prepare (self,
    "SELECT count(*) FROM numbers WHERE year = ? AND status = 'reserved'");
  sqlite3_bind_int (stmt, 1, year);
  reserved = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (reserved > 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The year %d still has %d reserved number; issue or void it "
                                "before closing the year",
                                "The year %d still has %d reserved numbers; issue or void them "
                                "before closing the year", reserved),
                   year, reserved);
      goto fail;
    }
  stmt = _gw_register_prepare (self,
    "INSERT INTO closed_years (year, closed_at, user) VALUES (?, ?, ?)");
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, _gw_register_now_seconds ());
  sqlite3_bind_text (stmt, 3, g_get_user_name (), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("closing a year"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  {
    g_autofree char *detail = g_strdup_printf ("%d", year);
    _gw_register_audit (self, 0, "close-year", detail);
  }
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _gw_register_rollback (self);
  return FALSE;
}
