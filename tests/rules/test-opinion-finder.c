/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gw-document-xml.h"
#include "gw-evaluation.h"
#include "gw-import-text.h"
#include "gw-opinion-finder.h"

/* The opinion an evaluation form's header names: by path (relative to the
 * form's folder) or by document number, looked for among the open
 * opinions, the register and the recently used files; what cannot be
 * found is an error and a check.incomplete finding, never silence. */

#define NUMBER "某民发〔2024〕3号"
#define OPINION_TEXT \
  "某某县民政局文件\n\n" NUMBER "\n\n某某县民政局\n关于社工站运营管理的意见\n\n各乡镇人民政府：\n\n" \
  "项目以两年为一个周期，一年一签。\n年度评估等次为优秀、良好的，续签下一年度合同。\n\n" \
  "某某县民政局\n2024年3月5日\n"

static GwDocument *
opinion (void)
{
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_import_text_data (OPINION_TEXT, strlen (OPINION_TEXT), "opinion.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, NUMBER);
  return doc;
}

static GwDocument *
form (const char *reference)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "gwdoc",
                                                 "sample-evaluation.gwdoc", NULL);
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_document_load_gwdoc (path, &error);

  g_assert_no_error (error);
  gw_evaluation_set_field (gw_document_get_evaluation (doc), GW_EVAL_OPINION, reference);
  return doc;
}

/* ---- a register whose numbers carry their file ----------------------------- */

#define TEST_TYPE_REGISTRY (test_registry_get_type ())
G_DECLARE_FINAL_TYPE (TestRegistry, test_registry, TEST, REGISTRY, GObject)

struct _TestRegistry
{
  GObject  parent_instance;
  char    *file;
};

static gboolean
test_registry_lookup (GwNumberRegistry *registry,
                      const char       *number,
                      GwNumberRecord   *record)
{
  TestRegistry *self = TEST_REGISTRY (registry);

  record->found = g_str_equal (number, NUMBER);
  record->status = GW_NUMBER_REGISTRY_ISSUED;
  record->title = g_strdup ("关于社工站运营管理的意见");
  record->file = record->found ? g_strdup (self->file) : NULL;
  return TRUE;
}

static void
test_registry_iface_init (GwNumberRegistryInterface *iface)
{
  iface->lookup = test_registry_lookup;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestRegistry, test_registry, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GW_TYPE_NUMBER_REGISTRY,
                                                      test_registry_iface_init))

static void
test_registry_finalize (GObject *object)
{
  g_free (TEST_REGISTRY (object)->file);
  G_OBJECT_CLASS (test_registry_parent_class)->finalize (object);
}

static void
test_registry_class_init (TestRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_registry_finalize;
}

static void
test_registry_init (TestRegistry *self)
{
}

/* ---- tests --------------------------------------------------------------- */

static void
test_reference (void)
{
  g_autoptr(GwDocument) named = form ("  " NUMBER " ");
  g_autoptr(GwDocument) blank = form ("  ");
  g_autofree char *reference = gw_opinion_reference_get (named);
  g_autofree char *none = gw_opinion_reference_get (blank);
  g_autofree char *sibling = gw_opinion_reference_for_path ("/srv/评估/2024", "/srv/意见/神木.docx");
  g_autofree char *inside = gw_opinion_reference_for_path ("/srv/评估", "/srv/评估/意见.txt");
  g_autofree char *apart = gw_opinion_reference_for_path ("/srv/评估", "/home/a/意见.txt");

  g_assert_cmpstr (reference, ==, NUMBER);
  g_assert_null (none);
  g_assert_false (gw_opinion_reference_is_path (NUMBER));
  g_assert_false (gw_opinion_reference_is_path ("神政办发[2023]12号"));
  g_assert_true (gw_opinion_reference_is_path ("意见.DOCX"));
  g_assert_true (gw_opinion_reference_is_path ("../意见/神木"));
  g_assert_cmpstr (sibling, ==, "../../意见/神木.docx");
  g_assert_cmpstr (inside, ==, "意见.txt");
  g_assert_cmpstr (apart, ==, "/home/a/意见.txt");
}

static void
test_open_by_number (void)
{
  g_autoptr(GwOpinionFinder) finder = gw_opinion_finder_new ();
  g_autoptr(GwDocument) doc = opinion ();
  g_autoptr(GwPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  gw_opinion_finder_set_recent_file (finder, NULL);
  gw_opinion_finder_add_open (finder, doc, NULL);
  /* brackets and spaces as people type them */
  policy = gw_opinion_finder_resolve (finder, "某民发 [2024] 3号", "/tmp/form.gwdoc", &error);
  g_assert_no_error (error);
  g_assert_nonnull (policy);
  g_assert_cmpuint (gw_policy_get_cycle_years (policy), ==, 2);
  g_assert_cmpstr (gw_policy_get_doc_number (policy), ==, NUMBER);
}

static void
test_path_and_register (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gw-finder-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "意见", NULL);
  g_autofree char *path = g_build_filename (sub, "opinion.txt", NULL);
  g_autofree char *form_path = g_build_filename (dir, "表", "form.gwdoc", NULL);
  g_autoptr(GwOpinionFinder) finder = gw_opinion_finder_new ();
  g_autoptr(TestRegistry) registry = g_object_new (TEST_TYPE_REGISTRY, NULL);
  g_autoptr(GwPolicy) by_path = NULL, by_register = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, OPINION_TEXT, -1, NULL));
  gw_opinion_finder_set_recent_file (finder, NULL);

  by_path = gw_opinion_finder_resolve (finder, "../意见/opinion.txt", form_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gw_policy_get_cycle_years (by_path), ==, 2);

  registry->file = g_strdup (path);
  gw_opinion_finder_set_registry (finder, GW_NUMBER_REGISTRY (registry));
  by_register = gw_opinion_finder_resolve (finder, NUMBER, form_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_policy_get_doc_number (by_register), ==, NUMBER);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (sub), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_check (void)
{
  g_autoptr(GwChecker) checker = gw_checker_new_default (NULL);
  g_autoptr(GwOpinionFinder) finder = gw_opinion_finder_new ();
  g_autoptr(GwDocument) doc = opinion ();
  g_autoptr(GwDocument) governed = form (NUMBER);
  g_autoptr(GwDocument) unknown = form ("某民发〔2099〕1号");
  g_autoptr(GwDocument) alone = form (NULL);
  g_autoptr(GListModel) found = NULL, missing = NULL, plain = NULL;
  g_autoptr(GError) error = NULL;
  gboolean against = FALSE, incomplete = FALSE;

  g_assert_nonnull (checker);
  gw_opinion_finder_set_recent_file (finder, NULL);
  gw_opinion_finder_add_open (finder, doc, NULL);

  found = gw_opinion_finder_check (finder, checker, governed, "/tmp/form.gwdoc", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (found, i);
      if (g_str_has_prefix (gw_finding_get_rule_id (f), "form.against-opinion."))
        {
          against = TRUE;
          g_assert_nonnull (strstr (gw_finding_get_basis (f), NUMBER));
        }
    }
  g_assert_true (against);

  missing = gw_opinion_finder_check (finder, checker, unknown, "/tmp/form.gwdoc", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "form.gwdoc"));
  g_assert_nonnull (strstr (error->message, "某民发〔2099〕1号"));
  for (guint i = 0; i < g_list_model_get_n_items (missing); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (missing, i);
      g_assert_false (g_str_has_prefix (gw_finding_get_rule_id (f), "form.against-opinion."));
      if (g_str_equal (gw_finding_get_rule_id (f), "check.incomplete"))
        {
          incomplete = TRUE;
          g_assert_cmpint (gw_finding_get_severity (f), ==, GW_SEVERITY_ERROR);
          g_assert_cmpstr (gw_finding_get_target (f), ==, "opinion");
        }
    }
  g_assert_true (incomplete);
  g_clear_error (&error);

  /* no reference: the ordinary check */
  plain = gw_opinion_finder_check (finder, checker, alone, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (plain); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (plain, i);
      g_assert_cmpstr (gw_finding_get_rule_id (f), !=, "check.incomplete");
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules/opinion-finder/reference", test_reference);
  g_test_add_func ("/rules/opinion-finder/open-by-number", test_open_by_number);
  g_test_add_func ("/rules/opinion-finder/path-and-register", test_path_and_register);
  g_test_add_func ("/rules/opinion-finder/check", test_check);
  return g_test_run ();
}
