/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gw-error.h"
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

static void
append_field (GString    *out,
              const char *field)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);
}

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
  for (guint c = 0; c < N_COLS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, columns[c].zh);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < entries->len; i++)
    {
      GwRegisterEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *y = g_strdup_printf ("%d", e->year);
      g_autofree char *s = g_strdup_printf ("%d", e->seq);
      g_autofree char *taken = format_date (e->taken_at);
      g_autofree char *issued = format_date (e->issued_at);
      const char *fields[N_COLS] = {
        e->number, e->organ, e->code, y, s, status_zh[e->status], e->title, e->kind,
        e->file, e->user, taken, issued, e->void_reason,
      };

      for (guint c = 0; c < N_COLS; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, fields[c]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}

typedef struct {
  GStrv row;
  guint line;
} CsvRow;

static void
csv_row_clear (CsvRow *r)
{
  g_strfreev (r->row);
}

/* RFC 4180 as Excel and WPS write it: fields quoted with "", a doubled ""
 * inside quotes, line breaks allowed inside quotes. @text has LF line ends
 * (gw_text_decode folded CRLF). Each row remembers the line it started on.
 * TODO: use the core's shared delimited-text reader once it lands. */
static GArray *
parse_csv (const char  *text,
           const char  *name,
           GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (CsvRow));
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  guint line = 1, row_line = 1;
  gboolean quoted = FALSE, was_quoted = FALSE;

  g_array_set_clear_func (rows, (GDestroyNotify) csv_row_clear);
  for (;;)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              for (guint i = 0; i < fields->len; i++)
                g_free (fields->pdata[i]);
              g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS,
                           _("%s, line %u: a quoted field is never closed; nothing was "
                             "imported"), name, row_line);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            {
              quoted = FALSE;
              p++;
              continue;
            }
          if (c == '\n')
            line++;
          g_string_append_c (field, c);
          p++;
          continue;
        }
      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          p++;
          continue;
        }
      if (c == ',' || c == '\n' || c == '\0')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (c != ',')
            {
              CsvRow r;

              g_ptr_array_add (fields, NULL);
              r.row = (GStrv) g_ptr_array_steal (fields, NULL);
              r.line = row_line;
              /* a final newline leaves one empty field: not a row */
              if (!(c == '\0' && r.row[0][0] == '\0' && r.row[1] == NULL))
                g_array_append_val (rows, r);
              else
                g_strfreev (r.row);
              if (c == '\0')
                break;
              line++;
              row_line = line;
            }
          p++;
          continue;
        }
      g_string_append_c (field, c);
      p++;
    }
  return g_steal_pointer (&rows);
}

/* Reads @path whole, refusing anything but a regular file of at most
 * GW_MAX_INPUT_SIZE bytes before reading it. The core's bounded reader is
 * private to the core; this keeps the same limit. */
static char *
read_bounded (const char  *path,
              gsize       *len,
              GError     **error)
{
  GStatBuf st;
  g_autoptr(GError) local = NULL;
  char *data = NULL;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not read %s: not a readable file"), path);
      return NULL;
    }
  if (st.st_size > GW_MAX_INPUT_SIZE)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("%s is larger than %d MiB; Gongwen does not read it"), path,
                   GW_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, len, &local) || *len > GW_MAX_INPUT_SIZE)
    {
      g_free (data);
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not read %s: %s"), path,
                   local ? local->message : _("the file grew while it was read"));
      return NULL;
    }
  return data;
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
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GString) bad = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  guint n_bad = 0;
  int col[N_COLS], imported = 0;
  gsize len;
  GStrv header;

  if (!_gw_register_check_write (self, error))
    return -1;
  data = read_bounded (path, &len, error);
  if (data == NULL)
    return -1;
  text = gw_text_decode (data, len, path, &local);
  if (text == NULL)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO, "%s", local->message);
      return -1;
    }
  rows = parse_csv (text, path, error);
  if (rows == NULL)
    return -1;
  if (rows->len == 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS,
                   _("%s has no header row; nothing was imported"), path);
      return -1;
    }
  header = g_array_index (rows, CsvRow, 0).row;
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
      CsvRow *r = &g_array_index (rows, CsvRow, i);
      g_autofree char *code = NULL;
      g_autofree char *organ = g_strstrip (g_strdup (cell (r->row, col[COL_ORGAN])));
      g_autofree char *problem = NULL;
      const char *number = cell (r->row, col[COL_NUMBER]);
      const char *reason = cell (r->row, col[COL_REASON]);
      GwNumberStatus status;
      gint64 code_id, date;
      int year, seq;
      sqlite3_stmt *stmt;
      int rc;
      gboolean empty = TRUE;

      for (guint f = 0; r->row[f]; f++)
        if (*g_strstrip (r->row[f]) != '\0')
          empty = FALSE;
      if (empty)
        continue;

      if (!gw_number_parse (number, &code, &year, &seq))
        problem = g_strdup_printf (_("“%s” is not a document number of the form "
                                     "代字〔年份〕序号号"), number);
      else if (*organ == '\0')
        problem = g_strdup (_("the organ (机关) is empty"));
      else if (!parse_status (cell (r->row, col[COL_STATUS]), &status))
        problem = g_strdup_printf (_("unknown status “%s” (预留, 已发文 or 作废)"),
                                   cell (r->row, col[COL_STATUS]));
      else if (status == GW_NUMBER_VOID && *reason == '\0')
        problem = g_strdup (_("a void number needs a reason (作废原因)"));
      else if (!parse_date (cell (r->row, col[COL_ISSUED]), &date))
        problem = g_strdup_printf (_("“%s” is not a date"), cell (r->row, col[COL_ISSUED]));
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
          sqlite3_bind_text (stmt, 5, cell (r->row, col[COL_TITLE]), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, cell (r->row, col[COL_KIND]), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, cell (r->row, col[COL_FILE]), -1, SQLITE_STATIC);
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
          g_string_append_printf (bad, _("%s, line %u: %s"), path, r->line, problem);
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
