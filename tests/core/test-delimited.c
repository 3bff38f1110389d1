/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gw-delimited.h"
#include "gw-error.h"

/* The delimited-text reader and writer: Excel/WPS quoting, every line end,
 * the line each row starts on, and that what is written reads back. */

/* Rows are written "|"-separated cells and ";"-separated rows, so a table
 * of cases stays readable; a cell's own line break shows as itself. */
static char *
rows_to_string (GPtrArray *rows)
{
  GString *s = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autofree char *joined = g_strjoinv ("|", cells);

      if (r > 0)
        g_string_append_c (s, ';');
      g_string_append (s, joined);
    }
  return g_string_free (s, FALSE);
}

static char *
lines_to_string (GArray *lines)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (s, i > 0 ? ",%u" : "%u", g_array_index (lines, guint, i));
  return g_string_free (s, FALSE);
}

static void
test_parse (void)
{
  static const struct {
    const char *text;
    char        delimiter;
    const char *rows;
    const char *lines;
  } cases[] = {
    { "", '\t', "", "" },
    { "a", '\t', "a", "1" },
    { "a\tb\n", '\t', "a|b", "1" },
    { "a\tb", '\t', "a|b", "1" },                       /* no final line break */
    { "a\tb\r\nc\td\r\n", '\t', "a|b;c|d", "1,2" },     /* CRLF */
    { "a\tb\rc\td\r", '\t', "a|b;c|d", "1,2" },         /* old Mac CR */
    { "a\tb\nc\td", '\t', "a|b;c|d", "1,2" },
    { "a\n\nb\n", '\t', "a;;b", "1,2,3" },              /* an empty line mid-text is a row */
    { "a\n\n", '\t', "a;", "1,2" },                     /* only the final empty line is not */
    { "\n", '\t', "", "1" },
    { "a\t\tb\t\n", '\t', "a||b|", "1" },               /* empty cells kept */
    { "\"a\tb\"\tc\n", '\t', "a\tb|c", "1" },           /* delimiter in quotes */
    { "\"line 1\nline 2\"\tx\ny\tz\n", '\t', "line 1\nline 2|x;y|z", "1,3" },
    { "\"l1\r\nl2\"\tx\r\ny\tz\r\n", '\t', "l1\r\nl2|x;y|z", "1,3" },
    { "\"l1\rl2\"\tx\ry\tz", '\t', "l1\rl2|x;y|z", "1,3" },
    { "\"say \"\"hi\"\"\"\tb\n", '\t', "say \"hi\"|b", "1" },
    { "\"\"\tb\n", '\t', "|b", "1" },                   /* quoted empty cell */
    { "a\"b\tc\n", '\t', "a\"b|c", "1" },               /* a quote mid-cell is text */
    { "\"a\"b\tc\n", '\t', "ab|c", "1" },               /* text after the closing quote kept */
    { "“引号”\t中文\n", '\t', "“引号”|中文", "1" },      /* curly quotes are text */
    { "a,b\n\"c,d\",e\n", ',', "a|b;c,d|e", "1,2" },    /* CSV */
    { "a;b\n", ';', "a|b", "1" },
    { "x\t\"multi\n\nline\"\n2\n", '\t', "x|multi\n\nline;2", "1,4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) lines = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *got = NULL;
      g_autofree char *got_lines = NULL;

      g_test_message ("case %u: %s", i, cases[i].text);
      rows = gw_delimited_parse (cases[i].text, -1, cases[i].delimiter, &lines, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      got = rows_to_string (rows);
      got_lines = lines_to_string (lines);
      g_assert_cmpstr (got, ==, cases[i].rows);
      g_assert_cmpstr (got_lines, ==, cases[i].lines);
      g_assert_cmpuint (lines->len, ==, rows->len);
    }
}

static void
test_parse_length (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *got = NULL;

  /* only @length bytes are read: the rest, a quote included, is not */
  rows = gw_delimited_parse ("a\tb\n\"c", 4, '\t', NULL, NULL);
  g_assert_nonnull (rows);
  got = rows_to_string (rows);
  g_assert_cmpstr (got, ==, "a|b");
}

static void
test_unterminated (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "\"a", "line 1: a quoted cell is never closed" },
    { "a\tb\nc\t\"d\ne\n", "line 2: a quoted cell is never closed" },
    { "a\r\nb\r\n\"c\"\"\n", "line 3: a quoted cell is never closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) lines = NULL;
      g_autoptr(GPtrArray) rows = gw_delimited_parse (cases[i].text, -1, '\t', &lines, &error);

      g_assert_null (rows);
      g_assert_null (lines);
      g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_append_row (void)
{
  static const struct {
    const char *cells[4];
    char        delimiter;
    const char *written;
  } cases[] = {
    { { "a", "b", NULL }, '\t', "a\tb\n" },
    { { "", "", NULL }, '\t', "\t\n" },
    { { "a,b", "c", NULL }, '\t', "a,b\tc\n" },          /* a comma is no TSV delimiter */
    { { "a,b", "c", NULL }, ',', "\"a,b\",c\n" },
    { { "a\tb", NULL }, '\t', "\"a\tb\"\n" },
    { { "say \"hi\"", NULL }, '\t', "\"say \"\"hi\"\"\"\n" },
    { { "l1\nl2", "x", NULL }, '\t', "\"l1\nl2\"\tx\n" },
    { { "l1\rl2", NULL }, ',', "\"l1\rl2\"\n" },
    { { "中文", "“引号”", NULL }, ',', "中文,“引号”\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      gw_delimited_append_row (out, cases[i].cells, cases[i].delimiter);
      g_assert_cmpstr (out->str, ==, cases[i].written);

      /* and it reads back as the same cells */
      rows = gw_delimited_parse (out->str, out->len, cases[i].delimiter, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpstrv (g_ptr_array_index (rows, 0), cases[i].cells);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/delimited/parse", test_parse);
  g_test_add_func ("/delimited/parse-length", test_parse_length);
  g_test_add_func ("/delimited/unterminated", test_unterminated);
  g_test_add_func ("/delimited/append-row", test_append_row);
  return g_test_run ();
}
