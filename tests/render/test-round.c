/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "gw-contract-list.h"
#include "gw-docx-writer.h"
#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-form-checks.h"
#include "gw-open.h"
#include "gw-round.h"
#include "gw-summary.h"

/* Valid GB 32100-2015 codes (check digits computed outside Gongwen). */
#define CODE1 "52610821MJ1234560D"
#define CODE2 "52610821MJ1234561G"
#define CODE3 "52610821MJ1234562K"

static const GwContractCheck check = { 3, gw_credit_code_validate };

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gw-round-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
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

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Columns shuffled, a column the form has no place for (备注), the period
 * as one range in one row style and dates in another. */
static const char shuffled_csv[] =
  "承接机构,备注,统一社会信用代码,站点,服务期,采购人,周期第几年,合同金额（元）,站点层级\r\n"
  "神木市启航社会工作服务中心,,"CODE1",高家堡镇社工站,2024/1/1至2024/12/31,神木市高家堡镇人民政府,1,\"300,000\",镇街社工站\r\n"
  "神木市同心社会工作服务中心,\"说明，含逗号\"\"引号\"\"\","CODE2",店塔镇社工站,2024年3月1日~2025年2月28日,神木市店塔镇人民政府,第3年,280000元,镇街社工站\r\n"
  "\r\n"
  "神木市阳光社会工作服务中心,,"CODE3",神木市社工总站,2024-01-01至2024-12-31,神木市民政局,2,500000.00,社工总站\r\n";

static void
check_shuffled (GPtrArray *list)
{
  GwContract *c;

  g_assert_cmpuint (list->len, ==, 3);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (c->values[GW_CONTRACT_STATION], ==, "高家堡镇社工站");
  g_assert_cmpstr (c->values[GW_CONTRACT_START], ==, "2024-01-01");
  g_assert_cmpstr (c->values[GW_CONTRACT_END], ==, "2024-12-31");
  g_assert_cmpstr (c->values[GW_CONTRACT_AMOUNT], ==, "300000");
  g_assert_cmpuint (c->line, ==, 2);
  c = g_ptr_array_index (list, 1);
  g_assert_cmpstr (c->values[GW_CONTRACT_OPERATOR], ==, "神木市同心社会工作服务中心");
  g_assert_cmpstr (c->values[GW_CONTRACT_START], ==, "2024-03-01");
  g_assert_cmpstr (c->values[GW_CONTRACT_END], ==, "2025-02-28");
  g_assert_cmpstr (c->values[GW_CONTRACT_CYCLE_YEAR], ==, "3");
  g_assert_cmpstr (c->values[GW_CONTRACT_AMOUNT], ==, "280000");
  c = g_ptr_array_index (list, 2);
  g_assert_cmpstr (c->values[GW_CONTRACT_STATION], ==, "神木市社工总站");
  g_assert_cmpstr (c->values[GW_CONTRACT_TIER], ==, "社工总站");
  g_assert_cmpuint (c->line, ==, 5);   /* the blank line counts */
}

static void
test_encodings (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *gb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", shuffled_csv, NULL);
  gsize gb_len = 0;
  struct { const char *name; const char *data; gssize len; } files[] = {
    { "utf8.csv", shuffled_csv, -1 },
    { "bom.csv", bom, -1 },
    { "gb18030.csv", NULL, 0 },
  };

  gb = g_convert (shuffled_csv, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  /* really another encoding: not valid UTF-8 */
  g_assert_false (g_utf8_validate (gb, gb_len, NULL));
  files[2].data = gb;
  files[2].len = gb_len;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = write_file (dir, files[i].name, files[i].data, files[i].len);
      g_autoptr(GPtrArray) list = gw_contract_list_read (path, &check, &error);

      g_assert_no_error (error);
      g_assert_nonnull (list);
      check_shuffled (list);
    }
  rm_rf (dir);
}

static void
test_english_headers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = write_file (dir, "en.csv",
    "Service End , Cycle Year,Operator,USCC,Purchaser,Station Name,Service Start\n"
    "2024-12-31,2,Op A,"CODE1",Gov A,Station A,2024-01-01\n", -1);
  g_autoptr(GPtrArray) list = gw_contract_list_read (path, &check, &error);
  GwContract *c;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (c->values[GW_CONTRACT_STATION], ==, "Station A");
  g_assert_cmpstr (c->values[GW_CONTRACT_CREDIT_CODE], ==, CODE1);
  g_assert_cmpstr (c->values[GW_CONTRACT_END], ==, "2024-12-31");
  g_assert_cmpstr (c->values[GW_CONTRACT_CYCLE_YEAR], ==, "2");
  g_assert_true (gw_contract_column_from_header ("合同金额(元)", NULL));
  /* a ledger's title row above the headers is skipped */
  {
    g_autofree char *p2 = write_file (dir, "titled.csv",
      "2024年社工站合同台账,,\n\n站点,承接机构,统一社会信用代码,采购人\n乙站,机构乙,"CODE2",政府乙\n", -1);
    g_autoptr(GPtrArray) l2 = gw_contract_list_read (p2, &check, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (l2->len, ==, 1);
    g_assert_cmpuint (((GwContract *) g_ptr_array_index (l2, 0))->line, ==, 4);
  }
  g_assert_true (gw_contract_column_from_header ("统一社会信用代码：", NULL));
  g_assert_false (gw_contract_column_from_header ("备注", NULL));
  rm_rf (dir);
}

static void
test_bad_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "round", NULL);
  /* one bad thing per row, each in its own column */
  g_autofree char *path = write_file (dir, "bad.csv",
    "站点,承接机构,统一社会信用代码,采购人,服务期起,服务期止,周期第几年\n"
    "甲站,机构甲,"CODE1",政府甲,2024-01-01,2024-12-31,1\n"          /* 2: good */
    "乙站,机构乙,,政府乙,2024-01-01,2024-12-31,1\n"                 /* 3: missing code */
    "丙站,机构丙,52610821MJ1234560E,政府丙,2024-01-01,2024-12-31,1\n" /* 4: check digit */
    "丁站,机构丁,"CODE2",政府丁,2024-12-31,2024-01-01,1\n"          /* 5: end before start */
    "戊站,机构戊,"CODE3",政府戊,2024-01-01,2024-12-31,4\n"          /* 6: past year 3 */
    "甲站,机构己,"CODE2",政府己,2024-01-01,2024-12-31,1\n", -1);    /* 7: duplicate */
  g_autoptr(GPtrArray) list = gw_contract_list_read (path, &check, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (list);
  g_assert_error (error, GW_ERROR, GW_ERROR_INVALID);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_nonnull (strstr (lines[0], "bad.csv: line 3, column 3 (统一社会信用代码)"));
  g_assert_nonnull (strstr (lines[1], "line 4, column 3 (统一社会信用代码)"));
  g_assert_nonnull (strstr (lines[1], "52610821MJ1234560E"));
  g_assert_nonnull (strstr (lines[2], "line 5, column 6 (服务期止)"));
  g_assert_nonnull (strstr (lines[3], "line 6, column 7 (周期第几年)"));
  g_assert_nonnull (strstr (lines[3], "3"));
  g_assert_nonnull (strstr (lines[4], "line 7, column 1 (站点)"));
  g_assert_nonnull (strstr (lines[4], "line 2"));
  /* nothing half created: no list, so no folder */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* the largest cycle year is the caller's (template's or opinion's) */
  {
    GwContractCheck two = { 2, gw_credit_code_validate };
    g_autofree char *p2 = write_file (dir, "y3.csv",
      "站点,承接机构,统一社会信用代码,采购人,周期第几年\n甲站,机构甲,"CODE1",政府甲,3\n", -1);
    g_autoptr(GPtrArray) l2 = NULL;

    g_clear_error (&error);
    l2 = gw_contract_list_read (p2, &two, &error);
    g_assert_null (l2);
    g_assert_nonnull (strstr (error->message, "year 3 of the cycle is past the last, year 2"));
  }
  /* a header missing a required column */
  {
    g_autofree char *p3 = write_file (dir, "nocode.csv", "站点,承接机构,采购人\n甲站,机构甲,政府甲\n", -1);
    g_autoptr(GPtrArray) l3 = NULL;

    g_clear_error (&error);
    l3 = gw_contract_list_read (p3, &check, &error);
    g_assert_null (l3);
    g_assert_nonnull (strstr (error->message, "nocode.csv: line 1: no column headed “统一社会信用代码”"));
  }
  rm_rf (dir);
}

static GwTemplate *
evaluation_template (void)
{
  g_autoptr(GError) error = NULL;
  GwTemplate *t = gw_template_find ("evaluation");

  g_assert_nonnull (t);
  return t;
}

static void
test_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *src = write_file (dir, "list.csv", shuffled_csv, -1);
  g_autofree char *out = g_build_filename (dir, "round", NULL);
  g_autoptr(GwTemplate) tmpl = evaluation_template ();
  g_autoptr(GPtrArray) list = gw_contract_list_read (src, &check, &error);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *manifest = g_build_filename (out, GW_ROUND_MANIFEST, NULL);
  g_auto(GStrv) stations = NULL;
  g_auto(GStrv) forms = NULL;
  GwRoundPolicy policy = { 0 };

  g_assert_no_error (error);
  gw_round_policy_init_from_template (&policy, tmpl);
  g_assert_cmpuint (policy.max_cycle_year, ==, 3);
  written = gw_round_create (tmpl, list, &policy, src, out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 4);

  for (guint i = 0; i < list->len; i++)
    {
      GwContract *c = g_ptr_array_index (list, i);
      g_autofree char *path = g_strdup_printf ("%s/%s.gwdoc", out, c->values[GW_CONTRACT_STATION]);
      g_autoptr(GwDocument) doc = gw_document_load_gwdoc (path, &error);
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GwDocument) expected = NULL;
      g_autofree char *project = g_strconcat (c->values[GW_CONTRACT_STATION], "运营服务项目", NULL);
      GwEvaluation *ev;

      g_assert_no_error (error);
      /* the template filled by hand with the row */
      g_hash_table_insert (values, "project", project);
      g_hash_table_insert (values, "operator", c->values[GW_CONTRACT_OPERATOR]);
      g_hash_table_insert (values, "credit-code", c->values[GW_CONTRACT_CREDIT_CODE]);
      g_hash_table_insert (values, "purchaser", c->values[GW_CONTRACT_PURCHASER]);
      g_hash_table_insert (values, "tier", c->values[GW_CONTRACT_TIER]);
      g_hash_table_insert (values, "contract-amount", c->values[GW_CONTRACT_AMOUNT]);
      g_hash_table_insert (values, "service-start", c->values[GW_CONTRACT_START]);
      g_hash_table_insert (values, "service-end", c->values[GW_CONTRACT_END]);
      g_hash_table_insert (values, "cycle-year", c->values[GW_CONTRACT_CYCLE_YEAR]);
      expected = gw_template_instantiate (tmpl, values, NULL, &error);
      g_assert_no_error (error);
      gw_document_set_field (expected, "station", c->values[GW_CONTRACT_STATION]);
      gw_document_set_source_path (expected, gw_document_get_source_path (doc));
      g_assert_true (gw_document_equal (doc, expected));
      ev = gw_document_get_evaluation (doc);
      g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_CREDIT_CODE), ==,
                       c->values[GW_CONTRACT_CREDIT_CODE]);
    }

  g_assert_true (g_key_file_load_from_file (kf, manifest, 0, &error));
  g_assert_cmpint (g_key_file_get_integer (kf, "Round", "Year", NULL), ==, 2024);
  {
    g_autofree char *source = g_key_file_get_string (kf, "Round", "Source", NULL);
    g_assert_cmpstr (source, ==, "list.csv");
  }
  stations = g_key_file_get_string_list (kf, "Round", "Stations", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (stations), ==, 3);
  g_assert_cmpstr (stations[1], ==, "店塔镇社工站");
  g_assert_cmpuint (gw_round_read_year (out), ==, 2024);
  forms = gw_round_list_forms (out, &error);
  g_assert_cmpuint (g_strv_length (forms), ==, 3);

  /* a second round into the same folder writes nothing */
  {
    g_autoptr(GPtrArray) again = gw_round_create (tmpl, list, &policy, src, out, &error);
    g_assert_null (again);
    g_assert_nonnull (strstr (error->message, "never overwrites"));
    g_clear_error (&error);
  }
  /* a governing opinion's scale and table replace the template's */
  {
    g_autofree char *out2 = g_build_filename (dir, "round2", NULL);
    g_autoptr(GPtrArray) w2 = NULL;
    g_autofree char *p = g_build_filename (out2, "高家堡镇社工站.gwdoc", NULL);
    g_autoptr(GwDocument) doc = NULL;
    GwEvaluation *ev;

    gw_round_policy_add_grade (&policy, "合格", 70);
    gw_round_policy_add_grade (&policy, "不合格", 0);
    gw_round_policy_add_decision (&policy, 0, "不合格", "终止合同");
    gw_round_policy_add_decision (&policy, 0, NULL, "续签");
    w2 = gw_round_create (tmpl, list, &policy, src, out2, &error);
    g_assert_no_error (error);
    doc = gw_document_load_gwdoc (p, &error);
    g_assert_no_error (error);
    ev = gw_document_get_evaluation (doc);
    g_assert_cmpuint (gw_evaluation_get_grades (ev)->len, ==, 2);
    g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 69.5, FALSE), ==, "不合格");
    g_assert_cmpstr (gw_evaluation_decision_for (ev, "合格", 3), ==, "续签");
  }
  gw_round_policy_clear (&policy);
  rm_rf (dir);
}

/* Scores every indicator at @fraction of its maximum (rounded down to the
 * step), signs the form off, ticks veto item @veto (−1: none). */
static void
score_form (const char *path,
            double      fraction,
            int         veto,
            gboolean    sign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_document_load_gwdoc (path, &error);
  GwEvaluation *ev;
  GListModel *sections;

  g_assert_no_error (error);
  ev = gw_document_get_evaluation (doc);
  sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));

      for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
          gw_indicator_set_score (ind, floor (gw_indicator_get_max (ind) * fraction * 2) / 2);
        }
    }
  if (veto >= 0)
    {
      g_autoptr(GwVetoItem) item = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (ev)), veto);
      gw_veto_item_set_ticked (item, TRUE);
    }
  if (sign)
    {
      const char *names[] = { "张三", "李四", "王五", NULL };
      gw_evaluation_set_field (ev, GW_EVAL_TEAM_LEADER, "张三");
      gw_evaluation_set_field (ev, GW_EVAL_DATE, "2025-01-10");
      gw_evaluation_set_evaluators (ev, names);
    }
  gw_document_save_gwdoc (doc, path, &error);
  g_assert_no_error (error);
}

static char *
pdf_text (GBytes *bytes,
          int    *n_pages)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (pdf);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_autofree char *want = g_strdup_printf ("—%d—", i + 1);
      GString *squeezed = g_string_new (NULL);

      for (const char *c = t; *c; c++)
        if (!g_ascii_isspace (*c))
          g_string_append_c (squeezed, *c);
      /* every page numbered, the chart's pages too */
      g_assert_nonnull (strstr (squeezed->str, want));
      g_string_free (squeezed, TRUE);
      g_string_append_printf (all, "\f%s", t);
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return g_string_free (all, FALSE);
}

static void
test_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *src = write_file (dir, "list.csv", shuffled_csv, -1);
  g_autofree char *out = g_build_filename (dir, "round", NULL);
  g_autoptr(GwTemplate) tmpl = evaluation_template ();
  g_autoptr(GPtrArray) list = gw_contract_list_read (src, &check, &error);
  g_autoptr(GPtrArray) written = gw_round_create (tmpl, list, NULL, src, out, &error);
  g_autofree char *a = g_build_filename (out, "高家堡镇社工站.gwdoc", NULL);
  g_autofree char *b = g_build_filename (out, "店塔镇社工站.gwdoc", NULL);
  g_autofree char *c = g_build_filename (out, "神木市社工总站.gwdoc", NULL);
  g_autofree char *bad = write_file (out, "损坏.gwdoc", "<gwdoc", -1);
  g_autoptr(GwRoundSummary) s = gw_round_summary_new ();
  g_autoptr(GwRenderer) renderer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_auto(GStrv) forms = NULL;
  g_autofree char *text = NULL;
  int n_pages = 0;

  g_assert_no_error (error);
  score_form (a, 0.95, -1, TRUE);   /* 优秀, year 1: renew, complete */
  score_form (b, 0.85, -1, FALSE);  /* 良好, but year 3: re-procure; scoring */
  score_form (c, 0.9, 2, TRUE);     /* vetoed → 不合格, year 2: re-procure */

  forms = gw_round_list_forms (out, &error);
  g_assert_cmpuint (g_strv_length (forms), ==, 4);
  s->year = gw_round_read_year (out);
  for (guint i = 0; forms[i]; i++)
    {
      g_autoptr(GwDocument) doc = gw_document_open (forms[i], &error);
      GwRoundRow *row;

      if (doc == NULL)
        {
          row = gw_round_row_new_unreadable (forms[i], error->message);
          g_clear_error (&error);
        }
      else
        row = gw_round_row_new (doc, forms[i]);
      /* the caller's checker said the 店塔 form has an error */
      if (g_str_has_suffix (forms[i], "店塔镇社工站.gwdoc"))
        gw_round_row_set_findings (row, 2, 1);
      gw_round_summary_add (s, row);
    }
  gw_round_summary_finish (s);
  g_assert_cmpuint (s->n_read, ==, 3);
  g_assert_cmpuint (s->n_unreadable, ==, 1);
  g_assert_cmpuint (s->n_with_errors, ==, 1);
  g_assert_cmpuint (s->n_counted, ==, 2);

  for (guint i = 0; i < s->rows->len; i++)
    {
      GwRoundRow *r = g_ptr_array_index (s->rows, i);

      if (g_str_equal (r->station, "高家堡镇社工站"))
        {
          g_assert_cmpint (r->status, ==, GW_FORM_STATUS_COMPLETE);
          g_assert_cmpstr (r->grade, ==, "优秀");
          g_assert_cmpstr (r->decision, ==, "续签下一年度合同");
          g_assert_false (r->reprocure);
        }
      else if (g_str_equal (r->station, "店塔镇社工站"))
        {
          g_assert_cmpint (r->status, ==, GW_FORM_STATUS_HAS_ERRORS);
          g_assert_cmpstr (r->decision, ==, "周期届满，按政府采购程序重新确定承接机构");
          g_assert_true (r->reprocure);
        }
      else if (g_str_equal (r->station, "神木市社工总站"))
        {
          g_assert_true (r->vetoed);
          g_assert_cmpstr (r->grade, ==, "不合格");
          g_assert_true (r->reprocure);
        }
      else
        g_assert_cmpint (r->status, ==, GW_FORM_STATUS_UNREADABLE);
    }

  csv = gw_round_summary_to_csv (s);
  g_assert_true (memcmp (g_bytes_get_data (csv, NULL), "\xEF\xBB\xBF", 3) == 0);

  renderer = gw_renderer_new (&error);
  g_assert_no_error (error);
  pdf = gw_summary_render_pdf (renderer, s, &error);
  g_assert_no_error (error);
  if (g_getenv ("GW_ROUND_KEEP_PDF"))
    g_file_set_contents (g_getenv ("GW_ROUND_KEEP_PDF"), g_bytes_get_data (pdf, NULL),
                         g_bytes_get_size (pdf), NULL);
  text = pdf_text (pdf, &n_pages);
  g_test_message ("%d pages", n_pages);
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_nonnull (strstr (text, "2024年度社工站运营"));
  g_assert_nonnull (strstr (text, "评估结果汇总表"));
  /* the distribution in the scale's order, empty grades shown */
  g_assert_cmpstr (g_ptr_array_index (s->grade_names, 0), ==, "优秀");
  g_assert_cmpstr (g_ptr_array_index (s->grade_names, 3), ==, "不合格");
  g_assert_cmpuint (g_array_index (s->grade_counts, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (s->grade_counts, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (s->grade_counts, guint, 3), ==, 1);
  g_assert_nonnull (strstr (text, "本表汇总评估表4份"));
  g_assert_nonnull (strstr (text, "无法读取1份"));
  g_assert_nonnull (strstr (text, "总分"));
  g_assert_nonnull (strstr (text, "结果运用"));
  g_assert_nonnull (strstr (text, "项目管理"));
  g_assert_nonnull (strstr (text, "须重新采购的站点"));
  g_assert_nonnull (strstr (text, "损坏.gwdoc"));
  g_assert_nonnull (strstr (text, "附图"));
  g_assert_nonnull (strstr (text, "※"));
  rm_rf (dir);
}

/* The shipped blank list: every header recognised, each field once, the
 * columns an evaluation form needs all there; a row typed under it reads. */
/* An evaluator scores the form in Word and sends STATION.docx back into the
 * round's folder: the round lists the .docx for that station (not also the
 * blank .gwdoc beside it) and reads its scores into the form. */
static void
test_scored_docx (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *src = write_file (dir, "list.csv", shuffled_csv, -1);
  g_autofree char *out = g_build_filename (dir, "round", NULL);
  g_autoptr(GwTemplate) tmpl = evaluation_template ();
  g_autoptr(GPtrArray) list = gw_contract_list_read (src, &check, &error);
  g_autoptr(GPtrArray) written = gw_round_create (tmpl, list, NULL, src, out, &error);
  g_autofree char *form = g_build_filename (out, "高家堡镇社工站.gwdoc", NULL);
  g_autofree char *scored = g_build_filename (dir, "scored.gwdoc", NULL);
  g_autofree char *docx = g_build_filename (out, "高家堡镇社工站.docx", NULL);
  g_autoptr(GwDocument) expected = NULL;
  g_autoptr(GwDocument) read = NULL;
  g_auto(GStrv) forms = NULL;
  guint n_docx = 0;

  g_auto(GStrv) before = NULL;

  g_assert_no_error (error);
  before = gw_round_list_forms (out, &error);
  g_assert_no_error (error);
  /* the evaluator's copy, scored and signed, sent back as Word */
  {
    g_autoptr(GFile) from = g_file_new_for_path (form);
    g_autoptr(GFile) to = g_file_new_for_path (scored);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  }
  score_form (scored, 0.85, -1, TRUE);
  expected = gw_document_load_gwdoc (scored, &error);
  g_assert_no_error (error);
  g_assert_true (gw_docx_write_file (expected, docx, &error));
  g_assert_no_error (error);

  forms = gw_round_list_forms (out, &error);
  g_assert_no_error (error);
  for (guint i = 0; forms[i]; i++)
    {
      g_assert_false (g_str_equal (forms[i], form));
      n_docx += g_str_equal (forms[i], docx);
    }
  g_assert_cmpuint (n_docx, ==, 1);
  g_assert_cmpuint (g_strv_length (forms), ==, g_strv_length (before));

  read = gw_round_open_form (docx, &error);
  g_assert_no_error (error);
  /* every section's scores as the evaluator gave them; the Word form
   * carries the grade it shows as the form's stated grade */
  {
    GListModel *got = G_LIST_MODEL (gw_evaluation_get_sections (gw_document_get_evaluation (read)));
    GListModel *want = G_LIST_MODEL (gw_evaluation_get_sections (gw_document_get_evaluation (expected)));

    g_assert_cmpuint (g_list_model_get_n_items (got), ==, g_list_model_get_n_items (want));
    for (guint i = 0; i < g_list_model_get_n_items (want); i++)
      {
        g_autoptr(GwEvalSection) x = g_list_model_get_item (got, i);
        g_autoptr(GwEvalSection) y = g_list_model_get_item (want, i);

        g_assert_true (gw_eval_section_equal (x, y));
      }
  }
  {
    GwRoundRow *row = gw_round_row_new (read, docx);

    g_assert_cmpstr (row->station, ==, "高家堡镇社工站");
    g_assert_cmpuint (row->n_scored, ==, row->n_indicators);
    gw_round_row_free (row);
  }
  rm_rf (dir);
}

static void
test_blank_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blank = g_test_build_filename (G_TEST_DIST, "..", "data", "round",
                                                  "contract-list.csv", NULL);
  g_autofree char *data = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *filled = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) heads = NULL;
  gboolean seen[GW_N_CONTRACT_COLUMNS] = { FALSE };
  GwContract *c;

  g_assert_true (g_file_get_contents (blank, &data, NULL, &error));
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  {
    g_autofree char *line = g_strchomp (g_strdup (data + 3));
    heads = g_strsplit (line, ",", -1);
  }
  for (guint i = 0; heads[i]; i++)
    {
      GwContractColumn col;

      g_assert_true (gw_contract_column_from_header (heads[i], &col));
      g_assert_false (seen[col]);
      seen[col] = TRUE;
      g_assert_cmpstr (heads[i], ==, gw_contract_column_header (col));
    }
  for (guint k = 0; k < GW_N_CONTRACT_COLUMNS; k++)
    if (k != GW_CONTRACT_PERIOD)   /* the list has start and end instead */
      g_assert_true (seen[k]);
  filled = g_strconcat (data, "甲站,,镇街社工站,政府甲,机构甲,"CODE1",HT-1,300000,2024-01-01,"
                       "2024-12-31,1,年度,评估机构甲\r\n", NULL);
  path = write_file (dir, "filled.csv", filled, -1);
  list = gw_contract_list_read (path, &check, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (c->values[GW_CONTRACT_EVALUATOR], ==, "评估机构甲");
  rm_rf (dir);
}

/* Packages that are no workbook: refused with the file named, nothing read. */
static void
test_not_a_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwBlock) para = gw_block_new (GW_BLOCK_PARAGRAPH, "站点,承接机构");
  g_autoptr(GBytes) docx = NULL;
  g_autofree char *word = NULL;
  g_autofree char *cut = NULL;
  g_autoptr(GPtrArray) list = NULL;

  gw_document_append_block (doc, para);
  docx = gw_docx_write_bytes (doc, &error);
  g_assert_no_error (error);
  /* a Word file saved under the list's name */
  word = write_file (dir, "list.xlsx", g_bytes_get_data (docx, NULL), g_bytes_get_size (docx));
  list = gw_contract_list_read (word, &check, &error);
  g_assert_null (list);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "list.xlsx"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* a workbook cut short */
  cut = write_file (dir, "cut.xlsx", g_bytes_get_data (docx, NULL), g_bytes_get_size (docx) / 2);
  list = gw_contract_list_read (cut, &check, &error);
  g_assert_null (list);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "cut.xlsx"));
  g_test_message ("%s", error->message);
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/round/contracts/encodings", test_encodings);
  g_test_add_func ("/round/contracts/english-headers", test_english_headers);
  g_test_add_func ("/round/contracts/bad-rows", test_bad_rows);
  g_test_add_func ("/round/create", test_create);
  g_test_add_func ("/round/summary", test_summary);
  g_test_add_func ("/round/scored-docx", test_scored_docx);
  g_test_add_func ("/round/contracts/blank-list", test_blank_list);
  g_test_add_func ("/round/contracts/not-a-workbook", test_not_a_workbook);
  status = g_test_run ();
  /* what remains are the libraries' process-lifetime caches (see
   * test-pdf.c): torn down so that LeakSanitizer reports only ours */
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
