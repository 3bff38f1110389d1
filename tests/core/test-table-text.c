/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gw-table-text.h"

/* A table as one line of the editor's body and back, pasted spreadsheet
 * cells made table lines, and the cell a point of a table line is in.
 * Lines are written with "#" for the mark and "/" for the row separator,
 * so the cases stay readable. */

static char *
readable (const char *line)
{
  GString *s = g_string_new (NULL);

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xE000)
        g_string_append_c (s, '#');
      else if (c == 0x2028)
        g_string_append_c (s, '/');
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static char *
encoded (const char *readable_line)
{
  GString *s = g_string_new (NULL);

  for (const char *p = readable_line; *p; p++)
    {
      if (*p == '#')
        g_string_append (s, GW_TABLE_TEXT_MARK);
      else if (*p == '/')
        g_string_append (s, GW_TABLE_TEXT_ROW_SEPARATOR);
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* Rows as "a|b;c|d". */
static char *
rows_to_string (GPtrArray *rows)
{
  GString *s = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *joined = g_strjoinv ("|", g_ptr_array_index (rows, r));

      if (r > 0)
        g_string_append_c (s, ';');
      g_string_append (s, joined);
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
rows_from_string (const char *text)
{
  g_auto(GStrv) rows = g_strsplit (text, ";", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; rows[r]; r++)
    g_ptr_array_add (out, g_strsplit (rows[r], "|", -1));
  return out;
}

static void
test_from_rows (void)
{
  static const struct {
    const char *rows;
    const char *line;
  } cases[] = {
    { "a|b;c|d", "#a\tb/c\td" },
    { "项目|标准", "#项目\t标准" },
    { "|;|", "#\t/\t" },
    { "a", "#a" },
    /* what would break the line apart becomes a space, one for one */
    { "a\tb|c", "#a b\tc" },
    { "说明\n第二行|x\r", "#说明 第二行\tx " },
    { "a" "\xe2\x80\xa8" "b|" "\xee\x80\x80" "c", "#a b\t c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = rows_from_string (cases[i].rows);
      g_autofree char *line = gw_table_text_from_rows (rows);
      g_autofree char *shown = readable (line);

      g_test_message ("case %u: %s", i, cases[i].rows);
      g_assert_cmpstr (shown, ==, cases[i].line);
      /* after the mark, the block's text character for character */
      g_assert_cmpint (g_utf8_strlen (line, -1), ==, g_utf8_strlen (cases[i].line, -1));
      g_assert_true (gw_table_text_is_table (line));
    }
}

static void
test_to_rows (void)
{
  static const struct {
    const char *line;
    const char *rows;   /* NULL: no table */
  } cases[] = {
    { "#a\tb/c\td", "a|b;c|d" },
    { "#a", "a" },
    { "#", "" },
    /* short rows are padded to the longest */
    { "#a/b\tc\td/", "a||;b|c|d;||" },
    { "#\t/\t", "|;|" },
    { "a\tb", NULL },
    { "", NULL },
    { "一、总体要求", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = encoded (cases[i].line);
      g_autoptr(GPtrArray) rows = gw_table_text_to_rows (line);

      g_test_message ("case %u: %s", i, cases[i].line);
      g_assert_cmpint (gw_table_text_is_table (line), ==, cases[i].rows != NULL);
      if (cases[i].rows == NULL)
        g_assert_null (rows);
      else
        {
          g_autofree char *got = rows_to_string (rows);
          g_autofree char *again = gw_table_text_from_rows (rows);
          g_autoptr(GPtrArray) back = gw_table_text_to_rows (again);
          g_autofree char *got_back = rows_to_string (back);

          g_assert_cmpstr (got, ==, cases[i].rows);
          /* rows read back are the rows written */
          g_assert_cmpstr (got_back, ==, got);
        }
    }
}

static void
test_new_rows (void)
{
  static const struct {
    guint rows, columns;
    const char *expected;
  } cases[] = {
    { 1, 1, "" },
    { 2, 3, "||;||" },
    { 3, 1, ";;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = gw_table_text_new_rows (cases[i].rows, cases[i].columns);
      g_autofree char *got = rows_to_string (rows);

      g_assert_cmpuint (rows->len, ==, cases[i].rows);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_from_pasted (void)
{
  static const struct {
    const char *text;
    const char *expected;   /* NULL: no table in it */
  } cases[] = {
    { "项目\t标准\n场地面积\t不少于50平方米\n", "#项目\t标准/场地面积\t不少于50平方米\n" },
    /* CRLF and an empty cell at a row's end, as Excel copies */
    { "年度\t金额（万元）\t\r\n2024\t12\r\n2025\t15\r\n", "#年度\t金额（万元）/2024\t12/2025\t15\n" },
    /* one line with a tab is no table */
    { "联系人：张三\t电话：1234567", NULL },
    { "no tab at all\nanother", NULL },
    /* a quoted cell holds a line break, a tab and a quote */
    { "项目\t\"说明\r\n第二行\"\r\n甲\t\"乙\t\"\"丙\"\"\"\r\n",
      "#项目\t说明 第二行/甲\t乙 \"丙\"\n" },
    /* text around a table stays as it was */
    { "前言\n甲\t乙\n丙\t丁\n后记", "前言\n#甲\t乙/丙\t丁\n后记" },
    /* a quote never closed: then no quote is special */
    { "a\t\"b\nc\td\n", "#a\t\"b/c\td\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = gw_table_text_from_pasted (cases[i].text);

      g_test_message ("case %u", i);
      if (cases[i].expected == NULL)
        g_assert_null (got);
      else
        {
          g_autofree char *shown = NULL;

          g_assert_nonnull (got);
          shown = readable (got);
          g_assert_cmpstr (shown, ==, cases[i].expected);
        }
    }
}

static void
test_unwrap (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "#a\tb/c\td", "a\tb\nc\td" },
    { "前言\n#甲\t乙/丙\t丁\n", "前言\n甲\t乙\n丙\t丁\n" },
    { "a/b", "a\nb" },
    { "plain text", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = encoded (cases[i].text);
      g_autofree char *got = gw_table_text_unwrap (text);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_cell_at (void)
{
  static const struct {
    const char *before;
    guint row, column;
  } cases[] = {
    { "", 0, 0 },
    { "#", 0, 0 },
    { "#项目", 0, 0 },
    { "#项目\t标", 0, 1 },
    { "#a\tb\tc/", 1, 0 },
    { "#a\tb/c\td/e\t", 2, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = encoded (cases[i].before);
      guint row = 99, column = 99;

      gw_table_text_cell_at (before, &row, &column);
      g_assert_cmpuint (row, ==, cases[i].row);
      g_assert_cmpuint (column, ==, cases[i].column);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/table-text/from-rows", test_from_rows);
  g_test_add_func ("/core/table-text/to-rows", test_to_rows);
  g_test_add_func ("/core/table-text/new-rows", test_new_rows);
  g_test_add_func ("/core/table-text/from-pasted", test_from_pasted);
  g_test_add_func ("/core/table-text/unwrap", test_unwrap);
  g_test_add_func ("/core/table-text/cell-at", test_cell_at);
  return g_test_run ();
}
