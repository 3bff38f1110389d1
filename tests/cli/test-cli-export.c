/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

/* gongwen --export-pdf, run as a user would: the real binary, exit status,
 * stderr and the files it leaves behind. */

static char *gongwen;
static char *draft;   /* bytes of tests/data/render/draft.txt */
static gsize draft_len;

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gw-cli-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static int
run (const char * const *args,
     char              **err_out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *err = NULL;
  int status = -1;

  g_ptr_array_add (argv, gongwen);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (err_out)
    *err_out = err;
  else
    g_free (err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Names in @dir, sorted, joined with spaces. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_pdf (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (g_strrstr (data + len - 10, "%%EOF"));
}

static void
rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        rm_rf (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

/* Good files are exported in parallel while bad ones are reported; exit 1,
 * no temporary file left, inputs untouched. */
static void
test_parallel_with_failures (gconstpointer mode)
{
  g_autofree char *in = make_tmpdir ();
  g_autofree char *out = g_build_filename (in, "out", NULL);
  g_autofree char *opt = g_strdup_printf ("--export-pdf=%s", out);
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const char *good[] = { "a.txt", "b.txt", "c.txt", "d.txt", "e.gwdoc.txt" };

  g_ptr_array_add (args, g_strdup (opt));
  g_ptr_array_add (args, g_strdup ("--jobs=2"));
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_ptr_array_add (args, write_file (in, good[i], draft, draft_len));
  g_ptr_array_add (args, write_file (in, "broken.gwdoc", "<gwdoc><unclosed>", -1));
  g_ptr_array_add (args, write_file (in, "empty.txt", "", 0));
  g_ptr_array_add (args, g_build_filename (in, "missing.txt", NULL));
  g_ptr_array_add (args, NULL);

  /* worker processes by default; threads when asked (both must behave) */
  if (g_strcmp0 (mode, "threads") == 0)
    g_setenv ("GW_EXPORT_THREADS", "1", TRUE);
  else
    g_unsetenv ("GW_EXPORT_THREADS");

  g_assert_cmpint (run ((const char * const *) args->pdata, &err), ==, 1);
  g_assert_nonnull (strstr (err, "broken.gwdoc"));
  g_assert_nonnull (strstr (err, "empty.txt"));
  g_assert_nonnull (strstr (err, "missing.txt"));
  g_assert_null (strstr (err, "a.txt"));

  names = listing (out);
  g_assert_cmpstr (names, ==, "a.pdf b.pdf c.pdf d.pdf e.gwdoc.pdf");
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *base = g_strndup (good[i], strrchr (good[i], '.') - good[i]);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", out, base);
      g_autofree char *src = g_build_filename (in, good[i], NULL);
      g_autofree char *data = NULL;
      gsize len;

      assert_pdf (pdf);
      g_assert_true (g_file_get_contents (src, &data, &len, NULL));
      g_assert_cmpmem (data, len, draft, draft_len);
    }
  g_unsetenv ("GW_EXPORT_THREADS");
  rm_rf (in);
}

/* Two inputs with one name: the first is exported, the second refused. */
static void
test_same_basename (void)
{
  g_autofree char *in = make_tmpdir ();
  g_autofree char *d1 = g_build_filename (in, "one", NULL);
  g_autofree char *d2 = g_build_filename (in, "two", NULL);
  g_autofree char *out = g_build_filename (in, "out", NULL);
  g_autofree char *opt = g_strdup_printf ("--export-pdf=%s", out);
  g_autofree char *f1 = NULL, *f2 = NULL, *err = NULL, *names = NULL;

  g_mkdir (d1, 0700);
  g_mkdir (d2, 0700);
  f1 = write_file (d1, "x.txt", draft, draft_len);
  f2 = write_file (d2, "x.txt", draft, draft_len);
  {
    const char *args[] = { opt, f1, f2, NULL };
    g_assert_cmpint (run (args, &err), ==, 1);
  }
  g_assert_nonnull (strstr (err, f2));
  names = listing (out);
  g_assert_cmpstr (names, ==, "x.pdf");
  rm_rf (in);
}

/* An input that sits where its PDF would go is never overwritten. */
static void
test_input_not_overwritten (void)
{
  g_autofree char *in = make_tmpdir ();
  g_autofree char *opt = g_strdup_printf ("--export-pdf=%s", in);
  g_autofree char *f = write_file (in, "notes.pdf", draft, draft_len);
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  gsize len;
  const char *args[] = { opt, f, NULL };

  g_assert_cmpint (run (args, &err), ==, 1);
  g_assert_nonnull (strstr (err, "notes.pdf"));
  g_assert_true (g_file_get_contents (f, &data, &len, NULL));
  g_assert_cmpmem (data, len, draft, draft_len);
  rm_rf (in);
}

/* Success: exit 0, and the same input gives the same bytes again. */
static void
test_success_reproducible (void)
{
  g_autofree char *in = make_tmpdir ();
  g_autofree char *out = g_build_filename (in, "out", NULL);
  g_autofree char *opt = g_strdup_printf ("--export-pdf=%s", out);
  g_autofree char *f = write_file (in, "draft.txt", draft, draft_len);
  g_autofree char *pdf = g_build_filename (out, "draft.pdf", NULL);
  g_autofree char *first = NULL, *second = NULL;
  gsize l1, l2;
  const char *args[] = { opt, f, NULL };

  g_assert_cmpint (run (args, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &first, &l1, NULL));
  g_assert_cmpint (run (args, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &second, &l2, NULL));
  g_assert_cmpmem (first, l1, second, l2);
  rm_rf (in);
}

/* The call is wrong: exit 2. */
static void
test_usage_errors (void)
{
  g_autofree char *in = make_tmpdir ();
  g_autofree char *file = write_file (in, "plain", "x", -1);
  g_autofree char *f = write_file (in, "draft.txt", draft, draft_len);
  g_autofree char *opt = g_strdup_printf ("--export-pdf=%s", file);
  g_autofree char *opt2 = g_strdup_printf ("--export-pdf=%s", in);
  const char *into_file[] = { opt, f, NULL };
  const char *no_files[] = { opt2, NULL };

  g_assert_cmpint (run (into_file, NULL), ==, 2);
  g_assert_cmpint (run (no_files, NULL), ==, 2);
  rm_rf (in);
}


/* --strict: a draft with error findings is skipped and named; exit 1. */
static void
test_strict (void)
{
  g_autofree char *in = make_tmpdir ();
  g_autofree char *out = g_build_filename (in, "out", NULL);
  g_autofree char *opt = g_strdup_printf ("--export-pdf=%s", out);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "render", "violations.txt", NULL);
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "data", "render", "opinion.txt", NULL);
  g_autofree char *err = NULL, *names = NULL;
  const char *strict[] = { opt, "--strict", good_path, bad_path, NULL };
  const char *lax[] = { opt, good_path, bad_path, NULL };

  g_assert_cmpint (run (strict, &err), ==, 1);
  g_assert_nonnull (strstr (err, "violations.txt"));
  g_assert_nonnull (strstr (err, "--strict"));
  names = listing (out);
  g_assert_cmpstr (names, ==, "opinion.pdf");
  g_clear_pointer (&names, g_free);
  g_assert_cmpint (run (lax, NULL), ==, 0);
  names = listing (out);
  g_assert_cmpstr (names, ==, "opinion.pdf violations.pdf");
  rm_rf (in);
}

/* All the text of a PDF, read back with poppler. */
static char *
pdf_text (const char *path,
          guint      *n_fang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (s, text);
      g_object_unref (page);
    }
  *n_fang = 0;
  info = poppler_font_info_new (pdf);
  while (poppler_font_info_scan (info, 50, &iter))
    {
      do
        *n_fang += strstr (poppler_fonts_iter_get_name (iter), "FandolFang") != NULL;
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_object_unref (info);
  g_object_unref (pdf);
  return g_string_free (s, FALSE);
}

/* From 12 documents on, the fonts are cut to the batch's characters: the
 * PDFs read exactly as one exported alone (also for a GB 18030 file and one
 * with a rare character), each embeds one body font, a bad file is still
 * reported, and the batch's font folder is gone afterwards. */
static void
test_batch_fonts (void)
{
  g_autofree char *in = make_tmpdir ();
  g_autofree char *tmp = g_build_filename (in, "tmp", NULL);
  g_autofree char *out = g_build_filename (in, "out", NULL);
  g_autofree char *alone = g_build_filename (in, "alone", NULL);
  g_autofree char *opt = g_strdup_printf ("--export-pdf=%s", out);
  g_autofree char *opt_alone = g_strdup_printf ("--export-pdf=%s", alone);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rare = g_strconcat (draft, "\n村口亍立，丌字少见。\n", NULL);
  g_autofree char *gb = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *left = NULL;
  gsize gb_len;
  guint n_fang;

  g_mkdir (tmp, 0700);
  g_setenv ("TMPDIR", tmp, TRUE);
  gb = g_convert (draft, draft_len, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  g_assert_nonnull (gb);
  g_ptr_array_add (args, g_strdup (opt));
  for (int i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("n%02d.txt", i);

      g_ptr_array_add (args, write_file (in, name, draft, draft_len));
    }
  g_ptr_array_add (args, write_file (in, "gb.txt", gb, gb_len));
  g_ptr_array_add (args, write_file (in, "rare.txt", rare, -1));
  g_ptr_array_add (args, write_file (in, "empty.txt", "", 0));
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run ((const char * const *) args->pdata, &err), ==, 1);
  g_assert_nonnull (strstr (err, "empty.txt"));
  left = listing (tmp);
  g_assert_cmpstr (left, ==, "");

  {
    g_autofree char *f = g_build_filename (in, "n01.txt", NULL);
    const char *one[] = { opt_alone, f, NULL };

    g_assert_cmpint (run (one, NULL), ==, 0);
  }
  pdf = g_build_filename (alone, "n01.pdf", NULL);
  ref = pdf_text (pdf, &n_fang);
  g_assert_cmpuint (strlen (ref), >, 200);
  for (const char *const *name = (const char *[]) { "n01.pdf", "n12.pdf", "gb.pdf", NULL };
       *name; name++)
    {
      g_autofree char *path = g_build_filename (out, *name, NULL);
      g_autofree char *text = pdf_text (path, &n_fang);

      g_assert_cmpstr (text, ==, ref);
      g_assert_cmpuint (n_fang, ==, 1);
    }
  {
    g_autofree char *path = g_build_filename (out, "rare.pdf", NULL);
    g_autofree char *text = pdf_text (path, &n_fang);

    g_assert_nonnull (strstr (text, "村口亍立"));
    g_assert_cmpuint (n_fang, ==, 1);
  }
  g_unsetenv ("TMPDIR");
  rm_rf (in);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  g_autofree char *draft_path = NULL;
  int status;

  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  cache = g_build_filename (g_get_tmp_dir (), "gw-test-render-cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  if (g_getenv ("GW_TEST_GONGWEN"))   /* run the suite against another build */
    gongwen = g_strdup (g_getenv ("GW_TEST_GONGWEN"));
  else
    gongwen = g_test_build_filename (G_TEST_BUILT, "..", "src", "gongwen", NULL);
  draft_path = g_test_build_filename (G_TEST_DIST, "data", "render", "draft.txt", NULL);
  g_assert_true (g_file_get_contents (draft_path, &draft, &draft_len, NULL));

  g_test_add_data_func ("/cli/export/parallel-with-failures/processes", "processes",
                        test_parallel_with_failures);
  g_test_add_data_func ("/cli/export/parallel-with-failures/threads", "threads",
                        test_parallel_with_failures);
  g_test_add_func ("/cli/export/same-basename", test_same_basename);
  g_test_add_func ("/cli/export/input-not-overwritten", test_input_not_overwritten);
  g_test_add_func ("/cli/export/reproducible", test_success_reproducible);
  g_test_add_func ("/cli/export/batch-fonts", test_batch_fonts);
  g_test_add_func ("/cli/export/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export/strict", test_strict);
  status = g_test_run ();
  g_free (gongwen);
  g_free (draft);
  return status;
}
