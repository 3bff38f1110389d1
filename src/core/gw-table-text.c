/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-table-text"

#include "config.h"

#include <string.h>

#include "gw-delimited.h"
#include "gw-import-text.h"
#include "gw-table-text.h"

gboolean
gw_table_text_is_table (const char *line)
{
  g_return_val_if_fail (line != NULL, FALSE);
  return g_str_has_prefix (line, GW_TABLE_TEXT_MARK);
}

/* Appends @cell with what would break the line apart made a space: one
 * character for one, so offsets still match the block's text. */
static void
append_cell (GString    *s,
             const char *cell)
{
  for (const char *p = cell; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0xE000)
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }
}

char *
gw_table_text_from_rows (GPtrArray *rows)
{
  GString *s;

  g_return_val_if_fail (rows != NULL, NULL);

  s = g_string_new (GW_TABLE_TEXT_MARK);
  for (guint r = 0; rows && r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      if (r > 0)
        g_string_append (s, GW_TABLE_TEXT_ROW_SEPARATOR);
      for (guint c = 0; cells[c]; c++)
        {
          if (c > 0)
            g_string_append_c (s, '\t');
          append_cell (s, cells[c]);
        }
    }
  return g_string_free (s, FALSE);
}

GPtrArray *
gw_table_text_to_rows (const char *line)
{
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;
  guint width = 1;

  g_return_val_if_fail (line != NULL, NULL);

  if (!g_str_has_prefix (line, GW_TABLE_TEXT_MARK))
    return NULL;
  lines = g_strsplit (line + GW_TABLE_TEXT_MARK_LEN, GW_TABLE_TEXT_ROW_SEPARATOR, -1);
  for (guint r = 0; lines[r]; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r], "\t", -1);
      width = MAX (width, g_strv_length (cells));
    }
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 0; lines[r]; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r], "\t", -1);
      char **row = g_new0 (char *, width + 1);

      for (guint c = 0; c < width; c++)
        row[c] = g_strdup (c < g_strv_length (cells) ? cells[c] : "");
      g_ptr_array_add (rows, row);
    }
  return rows;
}

GPtrArray *
gw_table_text_new_rows (guint n_rows,
                        guint n_columns)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < n_rows; r++)
    {
      char **row = g_new0 (char *, n_columns + 1);
      for (guint c = 0; c < n_columns; c++)
        row[c] = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* One row of pasted cells as the line gw_import_text_is_table_row() and
 * gw_import_text_table_rows() read: a tab or a line break inside a quoted cell
 * becomes a space, as a table line shows it (append_cell()). */
static char *
row_as_line (char **cells)
{
  GString *s = g_string_new (NULL);

  for (guint c = 0; cells[c]; c++)
    {
      if (c > 0)
        g_string_append_c (s, '\t');
      for (const char *p = cells[c]; *p; p++)
        g_string_append_c (s, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
    }
  return g_string_free (s, FALSE);
}

static void
append_piece (GString    *out,
              guint      *pieces,
              const char *piece)
{
  if ((*pieces)++ > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, piece);
}

char *
gw_table_text_from_pasted (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GPtrArray) row_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n, covered, pieces = 0, found = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (strchr (text, '\t') == NULL)
    return NULL;
  /* Windows programs put CRLF on the clipboard */
  {
    g_autoptr(GRegex) eol = g_regex_new ("\r\n?", 0, 0, NULL);
    folded = g_regex_replace_literal (eol, text, -1, 0, "\n", 0, NULL);
  }
  lines = g_strsplit (folded, "\n", -1);
  n = g_strv_length (lines);
  rows = gw_delimited_parse (folded, -1, '\t', &starts, NULL);
  if (rows == NULL)
    {
      /* a quote never closed: then no quote is special, one row a line */
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      starts = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < n; i++)
        {
          guint lineno = i + 1;

          if (i + 1 == n && *lines[i] == '\0')
            break;   /* the final empty line is no row */
          g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
          g_array_append_val (starts, lineno);
        }
    }
  for (guint r = 0; r < rows->len; r++)
    g_ptr_array_add (row_lines, row_as_line (g_ptr_array_index (rows, r)));

  /* the rows hold lines [0, covered); only a final empty line is left */
  covered = n > 0 && *lines[n - 1] == '\0' ? n - 1 : n;
  for (guint r = 0; r < rows->len;)
    {
      guint run = gw_import_text_table_run ((const char * const *) row_lines->pdata + r, rows->len - r);

      if (run > 0)
        {
          g_autoptr(GPtrArray) cells = gw_import_text_table_rows ((const char * const *) row_lines->pdata + r, run, NULL);
          g_autofree char *table = gw_table_text_from_rows (cells);

          append_piece (out, &pieces, table);
          found++;
          r += run;
        }
      else
        {
          /* not a table row: its lines as they were, quotes and all */
          guint from = g_array_index (starts, guint, r) - 1;
          guint to = r + 1 < rows->len ? g_array_index (starts, guint, r + 1) - 1 : covered;

          for (guint i = from; i < to; i++)
            append_piece (out, &pieces, lines[i]);
          r++;
        }
    }
  for (guint i = covered; i < n; i++)
    append_piece (out, &pieces, lines[i]);
  return found > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

char *
gw_table_text_unwrap (const char *text)
{
  g_autoptr(GString) s = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (strstr (text, GW_TABLE_TEXT_MARK) == NULL && strstr (text, GW_TABLE_TEXT_ROW_SEPARATOR) == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2028)
        g_string_append_c (s, '\n');
      else if (c != 0xE000)
        g_string_append_unichar (s, c);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
gw_table_text_cell_at (const char *before,
                       guint      *row,
                       guint      *column)
{
  g_return_if_fail (before != NULL);
  g_return_if_fail (row != NULL && column != NULL);

  *row = 0;
  *column = 0;
  /* the tabs and row breaks before the point */
  for (const char *p = before; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\t')
        (*column)++;
      else if (c == 0x2028)
        {
          (*row)++;
          *column = 0;
        }
    }
}
