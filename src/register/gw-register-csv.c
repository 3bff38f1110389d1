/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gw-delimited.h"
#include "gw-error.h"
#include "gw-file.h"
#include "gw-import-text.h"
#include "gw-register-private.h"

/* The register's CSV columns, in the order the export writes them. The
 * import reads them by header name (Chinese or English), in any order. */
enum {
  COL_NUMBER, COL_ORGAN, COL_CODE, COL_YEAR, COL_SEQ, COL_STATUS, COL_TITLE,
  COL_KIND, COL_FILE, COL_USER, COL_TAKEN, COL_ISSUED, COL_REASON, N_COLS
};

static const struct {
  const char *zh;
  const char *en;
} columns[N_COLS] = {
  { "发文字号", "number" },
  { "机关", "organ" },
  { "代字", "code" },
  { "年度", "year" },
  { "序号", "seq" },
  { "状态", "status" },
  { "标题", "title" },
  { "文种", "kind" },
  { "文件", "file" },
  { "登记人", "user" },
  { "取号日期", "taken" },
  { "发文日期", "issued" },
  { "作废原因", "reason" },
};

static const char * const status_zh[] = { "预留", "已发文", "作废" };

static char *
format_date (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

GBytes *
gw_register_export_csv (GwRegister  *self,
                        int          year,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = gw_register_list (self, NULL, year, error);
  GString *out;

  if (entries == NULL)
    return NULL;
  out = g_string_new ("\xEF\xBB\xBF");
  {
    const char *header[N_COLS + 1];

    for (guint c = 0; c < N_COLS; c++)
      header[c] = columns[c].zh;
    header[N_COLS] = NULL;
    gw_delimited_append_row (out, header, ',');
  }
  for (guint i = 0; i < entries->len; i++)
    {
      GwRegisterEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *y = g_strdup_printf ("%d", e->year);
      g_autofree char *s = g_strdup_printf ("%d", e->seq);
      g_autofree char *taken = format_date (e->taken_at);
      g_autofree char *issued = format_date (e->issued_at);
      const char *fields[N_COLS + 1] = {
        e->number, e->organ, e->code, y, s, status_zh[e->status], e->title, e->kind,
        e->file, e->user, taken, issued, e->void_reason ? e->void_reason : "", NULL,
      };

      gw_delimited_append_row (out, fields, ',');
    }
  return g_string_free_to_bytes (out);
}

static int
find_column (GStrv       header,
             guint       col)
{
  for (int i = 0; header[i]; i++)
    {
      g_autofree char *h = g_strstrip (g_strdup (header[i]));

      if (g_strcmp0 (h, columns[col].zh) == 0 || g_ascii_strcasecmp (h, columns[col].en) == 0)
        return i;
      /* a paper book's copy has one date: the day it went out */
      if (col == COL_ISSUED && (g_strcmp0 (h, "日期") == 0 || g_ascii_strcasecmp (h, "date") == 0))
        return i;
    }
  return -1;
}

static const char *
cell (GStrv row,
      int   col)
{
  if (col < 0 || (guint) col >= g_strv_length (row))
    return "";
  return row[col];
}

static gboolean
parse_status (const char     *text,
              GwNumberStatus *status)
{
  g_autofree char *s = g_strstrip (g_strdup (text));

  if (*s == '\0' || g_str_equal (s, "已发文") || g_str_equal (s, "已发") ||
      g_str_equal (s, "发文") || g_ascii_strcasecmp (s, "issued") == 0)
    *status = GW_NUMBER_ISSUED;
  else if (g_str_equal (s, "预留") || g_str_equal (s, "已预留") ||
           g_ascii_strcasecmp (s, "reserved") == 0)
    *status = GW_NUMBER_RESERVED;
  else if (g_str_equal (s, "作废") || g_str_equal (s, "已作废") ||
           g_ascii_strcasecmp (s, "void") == 0)
    *status = GW_NUMBER_VOID;
  else
    return FALSE;
  return TRUE;
}

/* 2024-03-10, 2024/3/10, 2024.3.10 or 2024年3月10日 → local midnight. */
static gboolean
parse_date (const char *text,
            gint64     *out)
{
  int parts[3] = { 0 }, n = 0;
  gboolean in_digits = FALSE;
  g_autoptr(GDateTime) dt = NULL;

  *out = 0;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (!in_digits)
            {
              if (n == 3)
                return FALSE;
              n++;
            }
          parts[n - 1] = parts[n - 1] * 10 + (*p - '0');
          if (parts[n - 1] > 9999)
            return FALSE;
          in_digits = TRUE;
        }
      else
        in_digits = FALSE;
    }
  if (n == 0)
    return TRUE;   /* no date: fine */
  if (n != 3)
    return FALSE;
  dt = g_date_time_new_local (parts[0], parts[1], parts[2], 0, 0, 0);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

int
gw_register_import_csv (GwRegister  *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) bad = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  guint n_bad = 0;
  int col[N_COLS], imported = 0;
  GStrv header;

  if (!_gw_register_check_write (self, error))
    return -1;
  /* the core's bounded reader: no FIFO, device or file over 16 MiB */
  file = g_file_new_for_path (path);
  data = gw_file_read_named (file, path, GW_MAX_INPUT_SIZE, &local);
  if (data != NULL)
    text = gw_import_text_decode (g_bytes_get_data (data, NULL), g_bytes_get_size (data), path, &local);
  if (text == NULL)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO, "%s", local->message);
      return -1;
    }
  rows = gw_delimited_parse (text, -1, ',', &lines, &local);
  if (rows == NULL)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS,
                   _("%s: %s; nothing was imported"), path, local->message);
      return -1;
    }
  if (rows->len == 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS,
                   _("%s has no header row; nothing was imported"), path);
      return -1;
    }
  header = g_ptr_array_index (rows, 0);
  for (guint c = 0; c < N_COLS; c++)
    col[c] = find_column (header, c);
  if (col[COL_NUMBER] < 0 || col[COL_ORGAN] < 0 || col[COL_TITLE] < 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS,
                   _("%s, line 1: the header needs the columns 发文字号, 机关 and 标题; "
                     "nothing was imported"), path);
      return -1;
    }

  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return -1;
  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      guint line = g_array_index (lines, guint, i);
      g_autofree char *code = NULL;
      g_autofree char *organ = g_strstrip (g_strdup (cell (row, col[COL_ORGAN])));
      g_autofree char *problem = NULL;
      const char *number = cell (row, col[COL_NUMBER]);
      const char *reason = cell (row, col[COL_REASON]);
      GwNumberStatus status;
      gint64 code_id, date;
      int year, seq;
      sqlite3_stmt *stmt;
      int rc;
      gboolean empty = TRUE;

      for (guint f = 0; row[f]; f++)
        if (*g_strstrip (row[f]) != '\0')
          empty = FALSE;
      if (empty)
        continue;

      if (!gw_doc_number_parse (number, &code, &year, &seq))
        problem = g_strdup_printf (_("“%s” is not a document number of the form "
                                     "代字〔年份〕序号号"), number);
      else if (*organ == '\0')
        problem = g_strdup (_("the organ (机关) is empty"));
      else if (!parse_status (cell (row, col[COL_STATUS]), &status))
        problem = g_strdup_printf (_("unknown status “%s” (预留, 已发文 or 作废)"),
                                   cell (row, col[COL_STATUS]));
      else if (status == GW_NUMBER_VOID && *reason == '\0')
        problem = g_strdup (_("a void number needs a reason (作废原因)"));
      else if (!parse_date (cell (row, col[COL_ISSUED]), &date))
        problem = g_strdup_printf (_("“%s” is not a date"), cell (row, col[COL_ISSUED]));
      else if (gw_register_year_is_closed (self, year))
        problem = g_strdup_printf (_("the year %d is closed"), year);
      else if ((code_id = _gw_register_ensure_organ_code (self, organ, code, &problem)) > 0)
        {
          gint64 when = date > 0 ? date : g_get_real_time () / G_USEC_PER_SEC;

          stmt = NULL;
          sqlite3_prepare_v2 (self->db,
            "INSERT INTO numbers (code_id, year, seq, status, title, kind, file, user, "
            "taken_at, issued_at, voided_at, void_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL);
          sqlite3_bind_int64 (stmt, 1, code_id);
          sqlite3_bind_int (stmt, 2, year);
          sqlite3_bind_int (stmt, 3, seq);
          sqlite3_bind_text (stmt, 4, gw_number_status_to_string (status), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, cell (row, col[COL_TITLE]), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, cell (row, col[COL_KIND]), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, cell (row, col[COL_FILE]), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, g_get_user_name (), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 9, when);
          if (status == GW_NUMBER_ISSUED)
            sqlite3_bind_int64 (stmt, 10, when);
          if (status == GW_NUMBER_VOID)
            {
              sqlite3_bind_int64 (stmt, 11, when);
              sqlite3_bind_text (stmt, 12, reason, -1, SQLITE_STATIC);
            }
          rc = sqlite3_step (stmt);
          sqlite3_finalize (stmt);
          if ((rc & 0xFF) == SQLITE_CONSTRAINT)
            problem = g_strdup_printf (_("%s is already in the register"), number);
          else if (rc != SQLITE_DONE)
            problem = g_strdup (sqlite3_errmsg (self->db));
          else
            imported++;
        }
      if (problem)
        {
          n_bad++;
          g_string_append_c (bad, '\n');
          g_string_append_printf (bad, _("%s, line %u: %s"), path, line, problem);
        }
    }

  if (n_bad > 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u bad row; nothing was imported:%s",
                                "%u bad rows; nothing was imported:%s", n_bad),
                   n_bad, bad->str);
      return -1;
    }
  {
    g_autofree char *detail = g_strdup_printf ("%s: %d", path, imported);
    _gw_register_audit (self, 0, "import", detail);
  }
  if (!_gw_register_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return -1;
    }
  return imported;
}
