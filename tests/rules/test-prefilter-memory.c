/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The prefilter's index is bounded by design: rows only for the characters
 * the loaded patterns ask for, none past a budget. Measured on its own
 * byte count (RSS means nothing under ASan). */
#include "config.h"

#include <string.h>

#include "gw-checker.h"
#include "gw-import-text.h"
#include "gw-prefilter.h"

#define MiB (1024 * 1024)

/* @n_bytes of text cycling through @n_distinct Han characters, a ， every
 * 20 characters and a 。 every five clauses, as a pasted table might. */
static char *
distinct_text (gsize n_bytes,
               guint n_distinct)
{
  GString *s = g_string_sized_new (n_bytes + 16);
  guint i = 0;

  while (s->len < n_bytes)
    {
      g_string_append_unichar (s, 0x4E00 + i % n_distinct);
      i++;
      if (i % 100 == 0)
        g_string_append (s, "。");
      else if (i % 20 == 0)
        g_string_append (s, "，");
    }
  return g_string_free (s, FALSE);
}

static void
test_index_bounded (void)
{
  g_autoptr(GError) error = NULL;
  /* loading the shipped packs reads their patterns */
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  g_autofree char *text = distinct_text (16 * MiB, 20000);
  g_autoptr(GwPrefilterIndex) index = NULL;
  gsize size;

  g_assert_no_error (error);
  index = _gw_prefilter_index_new (text, strlen (text));
  size = _gw_prefilter_index_get_size (index);
  g_test_message ("16 MiB, 20,000 distinct characters: index of %" G_GSIZE_FORMAT " bytes (%s)",
                  size, _gw_prefilter_index_is_usable (index) ? "in use" : "given up");
  /* a row per distinct character would be 20,000 × 4,200 words: 670 MB */
  g_assert_cmpuint (size, <, 160 * MiB);
}

/* A page-sized text of many distinct characters keeps its index, and the
 * findings are those without the prefilter. */
static void
test_findings_same (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  g_autofree char *corpus = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "corpus",
                                                 "opinion-violations.txt", NULL);
  g_autofree char *noise = distinct_text (200 * 1024, 20000);
  g_autofree char *text = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GListModel) with = NULL;
  g_autoptr(GListModel) without = NULL;
  g_autoptr(GwPrefilterIndex) index = NULL;
  guint n;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &corpus, NULL, NULL));
  text = g_strconcat (corpus, "\n", noise, "\n", corpus, NULL);
  index = _gw_prefilter_index_new (text, strlen (text));
  g_assert_true (_gw_prefilter_index_is_usable (index));

  doc = gw_import_text_data (text, strlen (text), "mixed.txt", &error);
  g_assert_no_error (error);
  _gw_prefilter_set_enabled (TRUE);
  with = gw_checker_check (checker, doc);
  _gw_prefilter_set_enabled (FALSE);
  without = gw_checker_check (checker, doc);
  _gw_prefilter_set_enabled (TRUE);
  n = g_list_model_get_n_items (with);
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (without));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwFinding) a = g_list_model_get_item (with, i);
      g_autoptr(GwFinding) b = g_list_model_get_item (without, i);

      g_assert_cmpstr (gw_finding_get_rule_id (a), ==, gw_finding_get_rule_id (b));
      g_assert_cmpint (gw_finding_get_block (a), ==, gw_finding_get_block (b));
      g_assert_cmpuint (gw_finding_get_offset (a), ==, gw_finding_get_offset (b));
      g_assert_cmpstr (gw_finding_get_message (a), ==, gw_finding_get_message (b));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/prefilter/memory/index-bounded", test_index_bounded);
  g_test_add_func ("/prefilter/memory/findings-same", test_findings_same);
  return g_test_run ();
}
