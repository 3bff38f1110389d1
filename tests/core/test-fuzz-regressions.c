/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gw-block.h"
#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-evaluation.h"
#include "gw-import-docx.h"
#include "gw-import-text.h"
#include "gw-numeral.h"
#include "gw-template.h"

/* Inputs the fuzzers in tests/fuzz once crashed a parser with, or that sit
 * at its edges, replayed on every run: each must give a result or a GError
 * with a message, never a crash (ASan builds catch the reads and leaks).
 * tests/data/fuzz-regressions/PARSER/ holds one folder per parser; a new
 * reproducer is just a file dropped there. */

typedef void (*ReplayFunc) (const char *path,
                            GBytes     *bytes);

static void
assert_error_says_something (const GError *error,
                             const char   *path)
{
  if (error == NULL)
    g_error ("%s: the parser failed without a GError", path);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

/* A document that imports must also survive being saved: the user would
 * otherwise lose it on the next open. */
static void
assert_saves_and_reloads (GwDocument *doc,
                          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = gw_document_to_gwdoc_bytes (doc);
  g_autoptr(GwDocument) loaded = gw_document_load_gwdoc_bytes (first, path, &error);
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (gw_document_equal (doc, loaded));
  second = gw_document_to_gwdoc_bytes (loaded);
  g_assert_true (g_bytes_equal (first, second));
}

static void
replay_import_text (const char *path,
                    GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GwDocument) doc = gw_import_text_data (data, len, path, &error);

  if (doc == NULL)
    {
      assert_error_says_something (error, path);
      return;
    }
  g_assert_no_error (error);
  assert_saves_and_reloads (doc, path);
}

static void
replay_gwdoc (const char *path,
              GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_document_load_gwdoc_bytes (bytes, path, &error);

  if (doc == NULL)
    {
      assert_error_says_something (error, path);
      return;
    }
  g_assert_no_error (error);
  assert_saves_and_reloads (doc, path);
}

static void
replay_heading_marker (const char *path,
                       GBytes     *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  /* Exact-size copies, so that a read past the end is seen under ASan. */
  g_autofree char *exact = g_memdup2 (data, len ? len : 1);
  g_autofree char *text = g_strndup (data, len);
  GwHeadingMarker marker;
  double v;

  if (gw_heading_marker_parse (text, &marker))
    {
      g_assert_cmpuint (marker.level, >=, 1);
      g_assert_cmpuint (marker.level, <=, 4);
      g_assert_cmpuint (marker.length, >, 0);
      g_assert_cmpuint (marker.length, <=, strlen (text));
    }
  v = gw_numeral_parse (exact, len, GW_NUMERAL_DIGITS | GW_NUMERAL_DECIMAL);
  g_assert_cmpfloat (v, >=, -1);
}

static void
replay_template (const char *path,
                 GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwTemplate) template = gw_template_new_from_file (path, &error);

  if (template == NULL)
    {
      assert_error_says_something (error, path);
      return;
    }
  g_assert_no_error (error);
}

/* Files as fuzz-docx takes them: 'Z' then a whole .docx package. */
static void
replay_docx (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GwDocument) doc = NULL;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1);
  g_assert_cmpint (((const char *) g_bytes_get_data (bytes, NULL))[0], ==, 'Z');
  package = g_bytes_new_from_bytes (bytes, 1, g_bytes_get_size (bytes) - 1);
  doc = gw_import_docx_bytes (package, path, &error);
  if (doc == NULL)
    {
      assert_error_says_something (error, path);
      return;
    }
  g_assert_no_error (error);
}

typedef struct {
  const char *folder;
  ReplayFunc  replay;
} Parser;

static const Parser parsers[] = {
  { "import-text", replay_import_text },
  { "gwdoc", replay_gwdoc },
  { "heading-marker", replay_heading_marker },
  { "template", replay_template },
  { "docx", replay_docx },
};

typedef struct {
  ReplayFunc  replay;
  char       *path;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c);
}

static void
test_replay (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (c->path, &contents, &len, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  c->replay (c->path, bytes);
}

/* Token attributes with white space around them pass the schema (RELAX NG
 * collapses white space in <value> comparisons); once they crashed the
 * loader (kind) or read as false (sealed, ticked). They must read as the
 * schema read them. */
static void
test_gwdoc_token_attributes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", "gwdoc",
                                                 "token-attributes-spaced.gwdoc", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_document_load_gwdoc (path, &error);
  g_autoptr(GwVetoItem) veto = NULL;
  GwEvaluation *evaluation;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpint (gw_document_get_kind (doc), ==, GW_DOCUMENT_KIND_EVALUATION);
  g_assert_true (gw_document_get_sealed (doc));
  evaluation = gw_document_get_evaluation (doc);
  g_assert_nonnull (evaluation);
  g_assert_cmpstr (gw_evaluation_get_field (evaluation, GW_EVAL_PROJECT), ==,
                   "神木市滨河新区街道社工站运营服务项目（2023—2024年度）");
  veto = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (evaluation)), 0);
  g_assert_true (gw_veto_item_get_ticked (veto));
}

/* Told "GBK", libxml2 converted the UTF-8 bytes, printed its own errors on
 * stderr and reported a syntax error deep in the file; the declaration
 * itself is what is wrong. */
static void
test_gwdoc_declared_encoding (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", "gwdoc",
                                                 "declared-gbk.gwdoc", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_document_load_gwdoc (path, &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "GBK"));
  g_assert_nonnull (strstr (error->message, ":1:"));
}

/* xsd:double admits 0, negatives and INF; a scoring step of 0 tripped a
 * g_return_if_fail() in the model and the file loaded with another step. */
static void
test_gwdoc_bad_step (void)
{
  const char *files[] = { "evaluation-step-zero.gwdoc", "evaluation-step-minus-inf.gwdoc" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions",
                                                     "gwdoc", files[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = gw_document_load_gwdoc (path, &error);

      g_assert_null (doc);
      g_assert_error (error, GW_ERROR, GW_ERROR_SCHEMA);
      g_assert_nonnull (strstr (error->message, "step"));
      g_assert_nonnull (strstr (error->message, files[i]));
    }
}

static guint n_cases;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* An empty folder would make every replay pass by doing nothing. */
static void
test_has_cases (void)
{
  g_assert_cmpuint (n_cases, >=, G_N_ELEMENTS (parsers));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);

  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions",
                                                         parsers[i].folder, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      /* Sorted, so the TAP output is the same on every machine. */
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/fuzz-regressions/%s/%s",
                                                        parsers[i].folder, file);
          Case *c = g_new0 (Case, 1);

          c->replay = parsers[i].replay;
          c->path = g_build_filename (dir_path, file, NULL);
          g_ptr_array_add (cases, c);
          g_test_add_data_func (test_path, c, test_replay);
          n_cases++;
        }
    }
  g_test_add_func ("/fuzz-regressions/has-cases", test_has_cases);
  g_test_add_func ("/fuzz-regressions/gwdoc-token-attributes", test_gwdoc_token_attributes);
  g_test_add_func ("/fuzz-regressions/gwdoc-declared-encoding", test_gwdoc_declared_encoding);
  g_test_add_func ("/fuzz-regressions/gwdoc-bad-step", test_gwdoc_bad_step);

  return g_test_run ();
}
