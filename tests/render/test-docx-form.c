/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gw-docx-writer.h"
#include "gw-error.h"
#include "gw-import-docx-form.h"
#include "gw-open.h"
#include "gw-template.h"

/* Evaluation forms as Word files: written by the .docx writer, read back
 * into the form the bureau holds by gw-import-docx-form. Every score,
 * self-score, scorer, comment, veto tick, header field, stated grade and
 * decision and sign-off field comes back; what does not match is said. */

static GwDocument *
sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "gwdoc",
                                            "sample-evaluation.gwdoc", NULL);
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_document_open (path, &error);

  g_assert_no_error (error);
  return doc;
}

static void
for_each_indicator (GwEvaluation *ev, void (*fn) (GwIndicator *, gpointer), gpointer data)
{
  GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
      for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
          fn (ind, data);
        }
    }
}

static void
blank_indicator (GwIndicator *ind, gpointer data)
{
  gw_indicator_set_score (ind, NAN);
  gw_indicator_set_self_score (ind, NAN);
  gw_indicator_set_comment (ind, NULL);
  gw_indicator_set_scored_by (ind, NULL);
}

/* The form as the bureau sent it: structure only, nothing filled in. */
static GwDocument *
blank_copy (GwDocument *doc)
{
  GwDocument *blank = gw_document_copy (doc);
  GwEvaluation *ev = gw_document_get_evaluation (blank);
  GListModel *vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));

  for_each_indicator (ev, blank_indicator, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
    {
      g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, i);
      gw_veto_item_set_ticked (item, FALSE);
    }
  for (guint f = 0; f < GW_N_EVAL_FIELDS; f++)
    gw_evaluation_set_field (ev, f, NULL);
  gw_evaluation_set_evaluators (ev, (const char * const[]) { NULL });
  return blank;
}

static void
assert_same_form (GwEvaluation *want, GwEvaluation *got)
{
  GListModel *sw = G_LIST_MODEL (gw_evaluation_get_sections (want));
  GListModel *vw = G_LIST_MODEL (gw_evaluation_get_veto_items (want));
  GListModel *vg = G_LIST_MODEL (gw_evaluation_get_veto_items (got));
  const char * const *ew = gw_evaluation_get_evaluators (want);
  const char * const *eg = gw_evaluation_get_evaluators (got);

  for (guint f = 0; f < GW_N_EVAL_FIELDS; f++)
    if (g_strcmp0 (gw_evaluation_get_field (want, f), gw_evaluation_get_field (got, f)) != 0)
      g_error ("field %s: “%s” came back as “%s”", gw_eval_field_to_string (f),
               gw_evaluation_get_field (want, f), gw_evaluation_get_field (got, f));
  g_assert_true (g_strv_equal (ew ? ew : (const char * const[]) { NULL },
                               eg ? eg : (const char * const[]) { NULL }));
  for (guint i = 0; i < g_list_model_get_n_items (sw); i++)
    {
      g_autoptr(GwEvalSection) sec = g_list_model_get_item (sw, i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
      for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
        {
          g_autoptr(GwIndicator) a = g_list_model_get_item (inds, k);
          GwIndicator *b = gw_evaluation_find_indicator (got, gw_indicator_get_id (a));

          g_assert_nonnull (b);
          if (!gw_indicator_equal (a, b))
            g_error ("indicator %s: score %g/%g self %g/%g comment “%s”/“%s” by “%s”/“%s”",
                     gw_indicator_get_id (a), gw_indicator_get_score (a), gw_indicator_get_score (b),
                     gw_indicator_get_self_score (a), gw_indicator_get_self_score (b),
                     gw_indicator_get_comment (a), gw_indicator_get_comment (b),
                     gw_indicator_get_scored_by (a), gw_indicator_get_scored_by (b));
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (vw), ==, g_list_model_get_n_items (vg));
  for (guint i = 0; i < g_list_model_get_n_items (vw); i++)
    {
      g_autoptr(GwVetoItem) a = g_list_model_get_item (vw, i);
      g_autoptr(GwVetoItem) b = g_list_model_get_item (vg, i);
      g_assert_cmpstr (gw_veto_item_get_text (a), ==, gw_veto_item_get_text (b));
      g_assert_cmpint (gw_veto_item_get_ticked (a), ==, gw_veto_item_get_ticked (b));
    }
  g_assert_cmpstr (gw_evaluation_compute_grade (want), ==, gw_evaluation_compute_grade (got));
}

static GwDocument *
through_docx (GwDocument *filled, GwDocument *base, GPtrArray **report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gw_docx_write_bytes (filled, &error);
  GwDocument *back;

  g_assert_no_error (error);
  back = gw_import_docx_form (base, bytes, "form.docx", report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

/* The sample, every field filled, read into the blank form it was made
 * from: all of it comes back, and nothing is reported. */
static void
test_round_trip (void)
{
  g_autoptr(GwDocument) doc = sample ();
  g_autoptr(GwDocument) blank = blank_copy (doc);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GwDocument) back = through_docx (doc, blank, &report);

  for (guint i = 0; i < report->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (report, i));
  g_assert_cmpuint (report->len, ==, 0);
  assert_same_form (gw_document_get_evaluation (doc), gw_document_get_evaluation (back));
  g_assert_true (gw_evaluation_equal (gw_document_get_evaluation (doc), gw_document_get_evaluation (back)));
}

/* The governing opinion named in the header (依据的实施意见) comes back,
 * by path or by number; a form that names none has no such row. */
static void
test_governing_opinion (void)
{
  static const char * const references[] = { "../意见/神木实施意见.docx", "神政办发〔2023〕12号" };
  g_autoptr(GwDocument) doc = sample ();
  g_autoptr(GwDocument) blank = blank_copy (doc);

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autoptr(GwDocument) named = gw_document_copy (doc);
      g_autoptr(GPtrArray) report = NULL;
      g_autoptr(GwDocument) back = NULL;

      gw_evaluation_set_field (gw_document_get_evaluation (named), GW_EVAL_OPINION, references[i]);
      back = through_docx (named, blank, &report);
      g_assert_cmpuint (report->len, ==, 0);
      g_assert_cmpstr (gw_evaluation_get_field (gw_document_get_evaluation (back), GW_EVAL_OPINION),
                       ==, references[i]);
      assert_same_form (gw_document_get_evaluation (named), gw_document_get_evaluation (back));
    }
  {
    g_autoptr(GPtrArray) report = NULL;
    g_autoptr(GwDocument) back = through_docx (doc, blank, &report);
    const char *none = gw_evaluation_get_field (gw_document_get_evaluation (back), GW_EVAL_OPINION);

    g_assert_true (none == NULL || *none == '\0');
  }
}

/* A blank template instance and a scored one (a veto ticked, a changed
 * score and comment, a decision overridden with a reason) read back. */
static void
test_scored_in_word (void)
{
  g_autoptr(GwDocument) doc = sample ();
  g_autoptr(GwDocument) blank = blank_copy (doc);
  g_autoptr(GwDocument) scored = gw_document_copy (doc);
  GwEvaluation *ev = gw_document_get_evaluation (scored);
  g_autoptr(GwVetoItem) item = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (ev)), 2);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GwDocument) back = NULL;
  g_autoptr(GwDocument) blank_back = NULL;

  gw_indicator_set_score (gw_evaluation_find_indicator (ev, "A1"), 3);
  gw_indicator_set_comment (gw_evaluation_find_indicator (ev, "B2"), "消防器材过期两具。");
  gw_veto_item_set_ticked (item, TRUE);
  gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "不合格");
  gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, "不予续签，按政府采购程序重新确定承接机构");
  gw_evaluation_set_field (ev, GW_EVAL_OVERRIDE_REASON, "经购买方与民政局会商");
  back = through_docx (scored, blank, &report);
  g_assert_cmpuint (report->len, ==, 0);
  assert_same_form (ev, gw_document_get_evaluation (back));
  g_assert_true (gw_evaluation_any_veto (gw_document_get_evaluation (back)));
  g_assert_cmpfloat (gw_indicator_get_score (gw_evaluation_find_indicator (gw_document_get_evaluation (back), "A1")), ==, 3);

  /* the blank form itself: nothing filled in comes back filled in */
  g_clear_pointer (&report, g_ptr_array_unref);
  blank_back = through_docx (blank, blank, &report);
  g_assert_cmpuint (report->len, ==, 0);
  assert_same_form (gw_document_get_evaluation (blank), gw_document_get_evaluation (blank_back));
}

/* Both template instances (the shipped evaluation templates) export and
 * read back unchanged. */
static void
test_templates (void)
{
  g_autoptr(GListModel) templates = gw_template_list_all ();
  guint tried = 0;

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(GwTemplate) t = g_list_model_get_item (templates, i);
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = NULL;
      g_autoptr(GwDocument) back = NULL;
      g_autoptr(GPtrArray) report = NULL;

      if (gw_template_get_kind (t) != GW_DOCUMENT_KIND_EVALUATION)
        continue;
      g_hash_table_insert (values, "project", "神木市滨河新区街道社工站运营服务项目");
      g_hash_table_insert (values, "tier", "镇街社工站");
      g_hash_table_insert (values, "purchaser", "神木市滨河新区街道办事处");
      g_hash_table_insert (values, "operator", "神木市益民社会工作服务中心");
      g_hash_table_insert (values, "cycle-year", "2");
      g_hash_table_insert (values, "type", "年度");
      doc = gw_template_instantiate (t, values, NULL, &error);
      g_assert_no_error (error);
      back = through_docx (doc, doc, &report);
      g_assert_cmpuint (report->len, ==, 0);
      g_assert_true (gw_evaluation_equal (gw_document_get_evaluation (doc),
                                          gw_document_get_evaluation (back)));
      tried++;
    }
  g_assert_cmpuint (tried, >=, 1);
}

static gboolean
report_has (GPtrArray *report, const char *needle)
{
  for (guint i = 0; i < report->len; i++)
    if (strstr (g_ptr_array_index (report, i), needle))
      return TRUE;
  return FALSE;
}

/* Rows the form does not have, and indicators no row gives, are said and
 * left alone. */
static void
test_unmatched (void)
{
  g_autoptr(GwDocument) doc = sample ();
  g_autoptr(GwDocument) base = gw_document_copy (doc);
  GwEvaluation *bev = gw_document_get_evaluation (base);
  GwEvalSection *a = gw_evaluation_find_section (bev, "A");
  GwEvalSection *f = gw_evaluation_find_section (bev, "F");
  g_autoptr(GwIndicator) extra = gw_indicator_new ("A5", "志愿者管理", 2);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GwDocument) back = NULL;
  g_autoptr(GwDocument) renamed = gw_document_copy (doc);
  g_autoptr(GwDocument) back2 = NULL;
  guint pos;

  /* the bureau's form has an indicator the file lacks, and lacks one it has */
  gw_eval_section_add_indicator (a, extra);
  g_assert_true (g_list_store_find (gw_eval_section_get_indicators (f),
                                    gw_evaluation_find_indicator (bev, "F3"), &pos));
  g_list_store_remove (gw_eval_section_get_indicators (f), pos);
  back = through_docx (doc, base, &report);
  for (guint i = 0; i < report->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (report, i));
  g_assert_true (report_has (report, "A5"));
  g_assert_true (report_has (report, "F3"));
  g_assert_cmpuint (report->len, ==, 2);
  g_assert_true (isnan (gw_indicator_get_score (gw_evaluation_find_indicator (gw_document_get_evaluation (back), "A5"))));

  /* a row whose number was changed is found by its name, and said */
  g_clear_pointer (&report, g_ptr_array_unref);
  {
    GwEvaluation *rev = gw_document_get_evaluation (renamed);
    g_autoptr(GwDocument) base2 = gw_document_copy (doc);
    GwIndicator *b3 = gw_evaluation_find_indicator (gw_document_get_evaluation (base2), "B3");

    gw_indicator_set_score (gw_evaluation_find_indicator (rev, "B3"), 1.5);
    /* the file says B9 for 信息化与数据报送: written from a form where it was B9 */
    {
      GwEvalSection *b = gw_evaluation_find_section (rev, "B");
      g_autoptr(GwIndicator) moved = gw_indicator_copy (gw_evaluation_find_indicator (rev, "B3"));
      g_autoptr(GwIndicator) b9 = gw_indicator_new ("B9", gw_indicator_get_name (moved), gw_indicator_get_max (moved));
      g_assert_true (g_list_store_find (gw_eval_section_get_indicators (b),
                                        gw_evaluation_find_indicator (rev, "B3"), &pos));
      g_list_store_remove (gw_eval_section_get_indicators (b), pos);
      gw_indicator_set_score (b9, 1.5);
      gw_eval_section_add_indicator (b, b9);
    }
    back2 = through_docx (renamed, base2, &report);
    g_assert_true (report_has (report, "B3"));
    g_assert_cmpfloat (gw_indicator_get_score (gw_evaluation_find_indicator (gw_document_get_evaluation (back2), "B3")), ==, 1.5);
    (void) b3;
  }
}

/* A form filled in by another program: python3-docx (Debian's) opens the
 * blank form Gongwen wrote, types scores the way people do (full-width
 * digits, a 分), ticks a veto item with ✔ and signs, and saves; the scores
 * come back. Skipped without python3-docx. */
static void
test_filled_by_python_docx (void)
{
  static const char script[] =
    "import docx, sys\n"
    "d = docx.Document(sys.argv[1])\n"
    "def put(cell, text):\n"
    "    cell.paragraphs[0].text = text\n"
    "for t in d.tables:\n"
    "    for r in t.rows:\n"
    "        c = r.cells\n"
    "        if c[0].text == 'A1': put(c[3], '５'); put(c[4], '４．５分'); put(c[6], '持证社工3名')\n"
    "        if c[0].text == 'C1': put(c[4], '12')\n"
    "        if c[0].text.startswith('截留'): put(c[1], '✔')\n"
    "        if c[0].text == '购买方意见（盖章）': put(c[1], '同意'); put(c[2], '日期：2024-03-25')\n"
    "d.save(sys.argv[2])\n";
  g_autoptr(GwDocument) doc = sample ();
  g_autoptr(GwDocument) blank = blank_copy (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gw_docx_write_bytes (blank, &error);
  g_autofree char *dir = g_dir_make_tmp ("gw-form-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "blank.docx", NULL);
  g_autofree char *out = g_build_filename (dir, "filled.docx", NULL);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GwDocument) back = NULL;
  GwEvaluation *ev;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", "-c", script, in, out, NULL };

  g_assert_no_error (error);
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ||
      !g_spawn_command_line_sync ("/usr/bin/python3 -c 'import docx'", NULL, NULL, &status, NULL) ||
      status != 0)
    {
      g_test_skip ("python3-docx is not installed");
      return;
    }
  g_assert_true (g_file_set_contents (in, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  back = gw_import_docx_form_file (blank, out, &report, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (report, i));
  g_assert_cmpuint (report->len, ==, 0);
  ev = gw_document_get_evaluation (back);
  g_assert_cmpfloat (gw_indicator_get_score (gw_evaluation_find_indicator (ev, "A1")), ==, 4.5);
  g_assert_cmpfloat (gw_indicator_get_self_score (gw_evaluation_find_indicator (ev, "A1")), ==, 5);
  g_assert_cmpstr (gw_indicator_get_comment (gw_evaluation_find_indicator (ev, "A1")), ==, "持证社工3名");
  g_assert_cmpfloat (gw_indicator_get_score (gw_evaluation_find_indicator (ev, "C1")), ==, 12);
  g_assert_true (isnan (gw_indicator_get_score (gw_evaluation_find_indicator (ev, "A2"))));
  g_assert_true (gw_evaluation_any_veto (ev));
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_PURCHASER_OPINION), ==, "同意");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_PURCHASER_DATE), ==, "2024-03-25");
  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_not_a_form (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "gwdoc",
                                            "shenmu-opinion.gwdoc", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) opinion = gw_document_open (path, &error);
  g_autoptr(GwDocument) form = sample ();
  g_autoptr(GBytes) bytes = gw_docx_write_bytes (opinion, &error);
  g_autoptr(GwDocument) back = NULL;

  g_assert_no_error (error);
  back = gw_import_docx_form (form, bytes, "opinion.docx", NULL, &error);
  g_assert_null (back);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "opinion.docx"));
  g_clear_error (&error);
  /* and scores go only into a form */
  back = gw_import_docx_form (opinion, bytes, "opinion.docx", NULL, &error);
  g_assert_null (back);
  g_assert_error (error, GW_ERROR, GW_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/docx-form/round-trip", test_round_trip);
  g_test_add_func ("/docx-form/scored-in-word", test_scored_in_word);
  g_test_add_func ("/docx-form/governing-opinion", test_governing_opinion);
  g_test_add_func ("/docx-form/templates", test_templates);
  g_test_add_func ("/docx-form/unmatched", test_unmatched);
  g_test_add_func ("/docx-form/filled-by-python-docx", test_filled_by_python_docx);
  g_test_add_func ("/docx-form/not-a-form", test_not_a_form);
  return g_test_run ();
}
