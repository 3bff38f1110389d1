/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-register-private.h"
#include "gw-text.h"

/* The life of a number: 取号 (taking the next one under a lock), issuing,
 * voiding, editing; looking numbers up and listing them. */

static GwRegisterTestHook test_hook;

void
_gw_register_set_test_hook (GwRegisterTestHook hook)
{
  test_hook = hook;
}

#define ENTRY_COLUMNS \
  "SELECT n.id, o.name, c.code, n.year, n.seq, n.status, n.title, n.kind, n.file, " \
  "n.user, n.taken_at, n.issued_at, n.voided_at, n.void_reason " \
  "FROM numbers n JOIN codes c ON c.id = n.code_id JOIN organs o ON o.id = c.organ_id "

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return g_strdup (text ? text : "");
}

static GwRegisterEntry *
entry_from_row (GwRegister   *self,
                sqlite3_stmt *stmt,
                gint64        now)
{
  GwRegisterEntry *e = g_new0 (GwRegisterEntry, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->organ = column_dup (stmt, 1);
  e->code = column_dup (stmt, 2);
  e->year = sqlite3_column_int (stmt, 3);
  e->seq = sqlite3_column_int (stmt, 4);
  e->number = gw_doc_number_format (e->code, e->year, e->seq);
  if (!gw_number_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &e->status))
    e->status = GW_NUMBER_RESERVED;
  e->title = column_dup (stmt, 6);
  e->kind = column_dup (stmt, 7);
  e->file = column_dup (stmt, 8);
  e->user = column_dup (stmt, 9);
  e->taken_at = sqlite3_column_int64 (stmt, 10);
  e->issued_at = sqlite3_column_int64 (stmt, 11);
  e->voided_at = sqlite3_column_int64 (stmt, 12);
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    e->void_reason = column_dup (stmt, 13);
  e->stale = e->status == GW_NUMBER_RESERVED &&
             now - e->taken_at > (gint64) self->stale_days * 24 * 3600;
  return e;
}

static GwRegisterEntry *
find_entry (GwRegister  *self,
            const char  *number,
            GError     **error)
{
  g_autofree char *code = NULL;
  int year, seq;
  sqlite3_stmt *stmt;
  GwRegisterEntry *entry = NULL;

  if (!gw_doc_number_parse (number, &code, &year, &seq))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("“%s” is not a document number of the form 代字〔年份〕序号号"),
                   number ? number : "");
      return NULL;
    }
  stmt = _gw_register_prepare (self, ENTRY_COLUMNS "WHERE c.code = ? AND n.year = ? AND n.seq = ?");
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entry = entry_from_row (self, stmt, _gw_register_now_seconds ());
  sqlite3_finalize (stmt);
  return entry;
}

GwRegisterEntry *
gw_register_lookup (GwRegister  *self,
                    const char  *number,
                    GError     **error)
{
  return find_entry (self, number, error);
}

int
gw_register_next_seq (GwRegister *self,
                      const char *code,
                      int         year)
{
  sqlite3_stmt *stmt = _gw_register_prepare (self,
    "SELECT COALESCE (MAX (n.seq), 0) + 1 FROM numbers n JOIN codes c ON c.id = n.code_id "
    "WHERE c.code = ? AND n.year = ?");
  int next = 1;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return next;
}

GwRegisterEntry *
gw_register_take (GwRegister  *self,
                  const char  *organ,
                  const char  *code,
                  int          year,
                  const char  *title,
                  const char  *kind,
                  const char  *file,
                  GError     **error)
{
  g_autofree char *owner = NULL;
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gint64 code_id, id;
  int seq;

  if (!_gw_register_check_write (self, error))
    return NULL;
  if (year < 1000 || year > 9999)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("%d is not a year"), year);
      return NULL;
    }
  /* IMMEDIATE: the write lock is taken before reading the last sequence,
   * so two processes can never read the same one. */
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  code_id = _gw_register_code_id (self, code, &owner);
  if (code_id == 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   _("The 代字 %s is not in the register; add it to its organ first"), code);
      goto fail;
    }
  if (organ != NULL && g_strcmp0 (organ, owner) != 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   _("The 代字 %s belongs to %s, not %s"), code, owner, organ);
      goto fail;
    }
  if (_gw_register_refuse_closed (self, year, error))
    goto fail;

  stmt = _gw_register_prepare (self, "SELECT COALESCE (MAX (seq), 0) + 1 FROM numbers "
                                     "WHERE code_id = ? AND year = ?");
  sqlite3_bind_int64 (stmt, 1, code_id);
  sqlite3_bind_int (stmt, 2, year);
  seq = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (seq <= 0)
    {
      _gw_register_set_sqlite_error (self, error, _("taking a number"));
      goto fail;
    }

  stmt = _gw_register_prepare (self,
    "INSERT INTO numbers (code_id, year, seq, status, title, kind, file, user, taken_at) "
    "VALUES (?, ?, ?, 'reserved', ?, ?, ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, code_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, title ? title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, kind ? kind : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, file ? file : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, _gw_register_now_seconds ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("taking a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (self->db);
  number = gw_doc_number_format (code, year, seq);
  _gw_register_audit (self, id, "take", title);

  if (test_hook)
    test_hook ("take");

  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return find_entry (self, number, NULL);

fail:
  _gw_register_rollback (self);
  return NULL;
}

/* Inside a transaction: the entry for @number, refusing unknown numbers
 * and closed years. */
static GwRegisterEntry *
entry_for_change (GwRegister  *self,
                  const char  *number,
                  GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = find_entry (self, number, error);

  if (entry == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                     _("%s is not in the register"), number);
      return NULL;
    }
  if (_gw_register_refuse_closed (self, entry->year, error))
    return NULL;
  return g_steal_pointer (&entry);
}

gboolean
gw_register_issue (GwRegister  *self,
                   const char  *number,
                   const char  *file,
                   GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = NULL;
  sqlite3_stmt *stmt;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  entry = entry_for_change (self, number, error);
  if (entry == NULL)
    goto fail;
  if (entry->status != GW_NUMBER_RESERVED)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   entry->status == GW_NUMBER_VOID
                     ? _("%s is void and cannot be issued")
                     : _("%s is already issued"), entry->number);
      goto fail;
    }
  stmt = _gw_register_prepare (self, "UPDATE numbers SET status = 'issued', issued_at = ?, "
                                     "file = COALESCE (?, file) WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, _gw_register_now_seconds ());
  if (file)
    sqlite3_bind_text (stmt, 2, file, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entry->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("issuing a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  _gw_register_audit (self, entry->id, "issue", file);
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _gw_register_rollback (self);
  return FALSE;
}

gboolean
gw_register_void (GwRegister  *self,
                  const char  *number,
                  const char  *reason,
                  GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = NULL;
  sqlite3_stmt *stmt;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (gw_text_is_blank (reason))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("A number is voided only with a reason"));
      return FALSE;
    }
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  entry = entry_for_change (self, number, error);
  if (entry == NULL)
    goto fail;
  if (entry->status == GW_NUMBER_VOID)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   _("%s is already void"), entry->number);
      goto fail;
    }
  stmt = _gw_register_prepare (self,
    "UPDATE numbers SET status = 'void', voided_at = ?, void_reason = ? "
    "WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, _gw_register_now_seconds ());
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entry->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("voiding a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  _gw_register_audit (self, entry->id, "void", reason);
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _gw_register_rollback (self);
  return FALSE;
}

gboolean
gw_register_edit (GwRegister  *self,
                  const char  *number,
                  const char  *title,
                  const char  *file,
                  GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  entry = entry_for_change (self, number, error);
  if (entry == NULL)
    goto fail;
  stmt = _gw_register_prepare (self, "UPDATE numbers SET title = COALESCE (?, title), "
                                     "file = COALESCE (?, file) WHERE id = ?");
  if (title)
    sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  if (file)
    sqlite3_bind_text (stmt, 2, file, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entry->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("editing a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  detail = g_strdup_printf ("title: %s → %s; file: %s → %s",
                            entry->title, title ? title : entry->title,
                            entry->file, file ? file : entry->file);
  _gw_register_audit (self, entry->id, "edit", detail);
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _gw_register_rollback (self);
  return FALSE;
}

GPtrArray *
gw_register_list (GwRegister  *self,
                  const char  *organ,
                  int          year,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_register_entry_free);
  sqlite3_stmt *stmt = _gw_register_prepare (self,
    ENTRY_COLUMNS "WHERE (?1 IS NULL OR o.name = ?1) AND (?2 = 0 OR n.year = ?2) "
    "ORDER BY o.name, c.code, n.year, n.seq");
  gint64 now = _gw_register_now_seconds ();
  int rc;

  if (organ)
    sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (self, stmt, now));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _gw_register_set_sqlite_error (self, error, _("listing numbers"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}
