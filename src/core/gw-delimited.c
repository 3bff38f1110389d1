/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-delimited"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-delimited.h"
#include "gw-error.h"

/* Quoting as Excel and WPS write it and read it: a quote is special only
 * at the start of a cell; inside a quoted cell "" is one quote and a lone
 * quote ends the quoting. What follows a closing quote up to the next
 * delimiter is kept as written (Excel does the same), so a stray quote
 * never loses text. Line breaks inside a quoted cell are kept as written. */

static void
end_cell (GPtrArray *row,
          GString   *cell)
{
  g_ptr_array_add (row, g_strndup (cell->str, cell->len));
  g_string_truncate (cell, 0);
}

static void
end_row (GPtrArray *rows,
         GPtrArray *row)
{
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
}

GPtrArray *
gw_delimited_parse (const char  *text,
                    gssize       length,
                    char         delimiter,
                    GArray     **row_lines,
                    GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  GPtrArray *row = NULL;
  const char *p, *end;
  guint line = 1, quote_line = 0;
  gboolean quoted = FALSE, at_cell_start = TRUE;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (delimiter != '"' && delimiter != '\n' && delimiter != '\r' &&
                        delimiter != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);
  p = text;
  end = text + length;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_array_new (FALSE, FALSE, sizeof (guint));

  while (p < end)
    {
      char c = *p;

      if (row == NULL)
        {
          row = g_ptr_array_new ();
          g_array_append_val (lines, line);
        }

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p += 2;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              p++;
            }
          else
            {
              if (c == '\n' || (c == '\r' && !(p + 1 < end && p[1] == '\n')))
                line++;
              g_string_append_c (cell, c);
              p++;
            }
          continue;
        }

      if (c == '"' && at_cell_start)
        {
          quoted = TRUE;
          quote_line = line;
          at_cell_start = FALSE;
          p++;
        }
      else if (c == delimiter)
        {
          end_cell (row, cell);
          at_cell_start = TRUE;
          p++;
        }
      else if (c == '\r' || c == '\n')
        {
          p += (c == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
          line++;
          end_cell (row, cell);
          end_row (rows, row);
          row = NULL;
          at_cell_start = TRUE;
        }
      else
        {
          g_string_append_c (cell, c);
          at_cell_start = FALSE;
          p++;
        }
    }

  if (quoted)
    {
      if (row != NULL)
        {
          /* the row holds the cells read so far */
          g_ptr_array_add (row, NULL);
          g_strfreev ((char **) g_ptr_array_free (row, FALSE));
        }
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("line %u: a quoted cell is never closed"), quote_line);
      return NULL;
    }
  /* text without a final line break still ends its last row */
  if (row != NULL)
    {
      end_cell (row, cell);
      end_row (rows, row);
    }
  if (row_lines != NULL)
    *row_lines = g_steal_pointer (&lines);
  return g_steal_pointer (&rows);
}

static gboolean
needs_quotes (const char *cell,
              char        delimiter)
{
  for (const char *p = cell; *p; p++)
    if (*p == delimiter || *p == '"' || *p == '\n' || *p == '\r')
      return TRUE;
  return FALSE;
}

void
gw_delimited_append_row (GString            *out,
                         const char * const *cells,
                         char                delimiter)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; cells != NULL && cells[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, delimiter);
      if (!needs_quotes (cells[i], delimiter))
        {
          g_string_append (out, cells[i]);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = cells[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '\n');
}
