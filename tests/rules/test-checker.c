/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "gw-checker.h"
#include "gw-error.h"
#include "gw-import-text.h"
#include "gw-open.h"
#include "gw-rule-private.h"
#include "gw-template.h"
#include "gw-text.h"

static GwChecker *shared_checker;

static GwChecker *
checker (void)
{
  if (shared_checker == NULL)
    {
      g_autoptr(GError) error = NULL;
      shared_checker = gw_checker_new_default (&error);
      g_assert_no_error (error);
    }
  return shared_checker;
}

static GListModel *
check_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_import_text_data (text, strlen (text), "test.txt", &error);

  g_assert_no_error (error);
  return gw_checker_check (checker (), doc);
}

static guint
count_rule (GListModel *findings,
            const char *rule_id,
            GwFinding **first)
{
  guint n = 0;

  if (first)
    *first = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      if (g_str_equal (gw_finding_get_rule_id (f), rule_id))
        {
          if (first && *first == NULL)
            *first = g_object_ref (f);
          n++;
        }
    }
  return n;
}

/* A prohibition is not a violation: the same clause forbids it. */
static void
test_negated_trigger (void)
{
  g_autoptr(GListModel) bad = check_text ("运营服务项目以“价低者得”为原则。\n");
  g_autoptr(GListModel) good = check_text ("运营服务项目不能仅以“价低者得”为原则。\n");
  g_autoptr(GListModel) good2 = check_text ("运营服务项目严禁单纯以「价低者得」为原则。\n");
  g_autoptr(GListModel) other_clause = check_text ("不能拖延，运营服务项目以价低者得为原则。\n");

  g_assert_cmpuint (count_rule (bad, "procurement.not-lowest-price", NULL), ==, 1);
  g_assert_cmpuint (count_rule (good, "procurement.not-lowest-price", NULL), ==, 0);
  g_assert_cmpuint (count_rule (good2, "procurement.not-lowest-price", NULL), ==, 0);
  /* a negation in another clause does not excuse it */
  g_assert_cmpuint (count_rule (other_clause, "procurement.not-lowest-price", NULL), ==, 1);
}

/* 低价优先法 computes the price score; ties broken by lower bid are lawful. */
static void
test_allowed_phrases (void)
{
  g_autoptr(GListModel) a = check_text ("价格分采用低价优先法计算。\n");
  g_autoptr(GListModel) b = check_text ("得分相同的，按报价由低到高排列。\n");
  g_autoptr(GListModel) c = check_text ("各镇按报价由低到高确定承接机构。\n");

  g_assert_cmpuint (count_rule (a, "procurement.not-lowest-price", NULL), ==, 0);
  g_assert_cmpuint (count_rule (b, "procurement.not-lowest-price", NULL), ==, 0);
  g_assert_cmpuint (count_rule (c, "procurement.not-lowest-price", NULL), ==, 1);
}

/* A phrase broken across lines still matches, and the position maps back
 * to the line and column of the file. */
static void
test_broken_line_position (void)
{
  g_autoptr(GListModel) findings =
    check_text ("关于社工站建设的通知\n\n各镇人民政府：\n\n为推进社工站建设，评审采用最低评\n标价法确定承接机构。\n");
  g_autoptr(GwFinding) f = NULL;

  g_assert_cmpuint (count_rule (findings, "procurement.not-lowest-price", &f), ==, 1);
  g_assert_nonnull (f);
  g_assert_cmpint (gw_finding_get_block (f), >=, 0);
  g_assert_cmpuint (gw_finding_get_line (f), ==, 5);
  g_assert_cmpuint (gw_finding_get_column (f), ==, 14);
  g_assert_cmpuint (gw_finding_get_length (f), ==, 6);
  g_assert_nonnull (strstr (gw_finding_get_excerpt (f), "最低评"));
}

static void
test_numbers_compared (void)
{
  g_autoptr(GListModel) low = check_text ("价格分值占总分值的5%。\n");
  g_autoptr(GListModel) high = check_text ("价格权重为0.6。\n");
  g_autoptr(GListModel) high_tos = check_text ("采用竞争性磋商方式，价格分值为40分。\n");
  g_autoptr(GListModel) ok = check_text ("价格分值占总分值的比重为百分之二十。\n");
  g_autoptr(GListModel) five = check_text ("合同一次签订五年。\n");
  g_autoptr(GListModel) three = check_text ("以三年为一个周期，周期内一年一签。\n");
  g_autoptr(GwFinding) f = NULL;

  g_assert_cmpuint (count_rule (low, "procurement.price-weight-range", &f), ==, 1);
  g_assert_cmpint (gw_finding_get_severity (f), ==, GW_SEVERITY_ERROR);
  g_clear_object (&f);
  g_assert_cmpuint (count_rule (high, "procurement.price-weight-range", &f), ==, 1);
  g_assert_cmpint (gw_finding_get_severity (f), ==, GW_SEVERITY_WARNING);
  g_clear_object (&f);
  g_assert_cmpuint (count_rule (high_tos, "procurement.price-weight-range", &f), ==, 1);
  g_assert_cmpint (gw_finding_get_severity (f), ==, GW_SEVERITY_ERROR);
  g_assert_cmpuint (count_rule (ok, "procurement.price-weight-range", NULL), ==, 0);
  g_assert_cmpuint (count_rule (five, "contract.term-max-3y", NULL), ==, 1);
  g_assert_cmpuint (count_rule (three, "contract.term-max-3y", NULL), ==, 0);
}

static void
test_one_click_fixes (void)
{
  g_autoptr(GListModel) findings =
    check_text ("某某县民政局文件\n\n某民发[2024]007号\n\n关于印发方案的通知\n\n各乡镇人民政府：\n\n"
                "为推进社工站建设,制定本方案。\n\n某某县民政局\n2024年03月05日\n");
  g_autoptr(GwFinding) number = NULL;
  g_autoptr(GwFinding) date = NULL;
  g_autoptr(GwFinding) comma = NULL;

  g_assert_cmpuint (count_rule (findings, "format.doc-number", &number), ==, 1);
  g_assert_cmpstr (gw_finding_get_replacement (number), ==, "某民发〔2024〕7号");
  g_assert_cmpint (gw_finding_get_meta (number), ==, GW_META_DOC_NUMBER);
  g_assert_cmpuint (gw_finding_get_offset (number), ==, 0);
  g_assert_cmpuint (gw_finding_get_length (number), ==, 13);
  g_assert_cmpuint (gw_finding_get_line (number), ==, 3);

  g_assert_cmpuint (count_rule (findings, "format.date", &date), ==, 1);
  g_assert_cmpstr (gw_finding_get_replacement (date), ==, "2024年3月5日");
  g_assert_cmpuint (gw_finding_get_line (date), ==, 12);

  g_assert_cmpuint (count_rule (findings, "format.punctuation", &comma), ==, 1);
  g_assert_cmpstr (gw_finding_get_replacement (comma), ==, "，");
  g_assert_cmpuint (gw_finding_get_line (comma), ==, 9);
  g_assert_cmpuint (gw_finding_get_column (comma), ==, 9);
}

/* format.date words the flaw gw_date_parse () reports, for the date as
 * the document holds it (a .gwdoc's or the header form's). */
static void
test_date_flaws (void)
{
  static const struct {
    const char *date;
    const char *replacement;   /* NULL: none offered */
    const char *detail;        /* part of the message; NULL: no finding */
    GwSeverity  severity;
  } cases[] = {
    { "2024年3月5日", NULL, NULL, 0 },
    { "2024年03月05日", "2024年3月5日", "no leading zeros", GW_SEVERITY_ERROR },
    { "2024 年 3 月 5 日", "2024年3月5日", "without spaces", GW_SEVERITY_ERROR },
    { "２０２４年３月５日", "2024年3月5日", "plain Arabic digits", GW_SEVERITY_ERROR },
    { "2024-3-5", "2024年3月5日", "not a separator", GW_SEVERITY_ERROR },
    { "2024/03/05", "2024年3月5日", "not a separator", GW_SEVERITY_ERROR },
    { "二〇二四年三月五日", "2024年3月5日", "Arabic numerals", GW_SEVERITY_WARNING },
    { "二〇二四年二月三十日", NULL, "Arabic numerals", GW_SEVERITY_WARNING },
    { "2024年2月30日", NULL, "is not a valid date", GW_SEVERITY_ERROR },
    { "三月五日", NULL, "should read like", GW_SEVERITY_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GwDocument) doc = NULL;
      g_autoptr(GListModel) findings = NULL;
      g_autoptr(GwFinding) f = NULL;
      g_autoptr(GError) error = NULL;
      const char *text = "某某县民政局文件\n\n关于印发方案的通知\n\n各乡镇人民政府：\n\n现印发方案。\n\n某某县民政局\n";

      g_test_message ("%s", cases[i].date);
      doc = gw_import_text_data (text, strlen (text), "test.txt", &error);
      g_assert_no_error (error);
      gw_document_set_meta (doc, GW_META_DATE, cases[i].date);
      findings = gw_checker_check (checker (), doc);
      if (cases[i].detail == NULL)
        {
          g_assert_cmpuint (count_rule (findings, "format.date", NULL), ==, 0);
          continue;
        }
      g_assert_cmpuint (count_rule (findings, "format.date", &f), ==, 1);
      g_assert_cmpstr (gw_finding_get_replacement (f), ==, cases[i].replacement);
      g_assert_nonnull (strstr (gw_finding_get_message (f), cases[i].detail));
      g_assert_cmpint (gw_finding_get_severity (f), ==, cases[i].severity);
    }
}

static void
test_sorted (void)
{
  g_autoptr(GListModel) findings =
    check_text ("某民发[2024]7号\n\n关于印发方案的通知\n\n各乡镇人民政府：\n\n一、建设内容\n\n三、运营管理\n\n"
                "合同一次签订五年，期满自动续签。\n\n某某县民政局\n2024年03月05日\n");
  guint last_line = 0;

  g_assert_cmpuint (g_list_model_get_n_items (findings), >, 3);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      if (gw_finding_get_line (f) == 0)
        continue;
      g_assert_cmpuint (gw_finding_get_line (f), >=, last_line);
      last_line = gw_finding_get_line (f);
    }
}

/* A heading keeps its place in the sequence whatever indents it: a tab
 * pasted from a plain-text editor as well as ideographic spaces. */
static void
test_indented_headings (void)
{
  static const char *indents[] = { "", "　　", "\t", " \t　" };

  for (guint i = 0; i < G_N_ELEMENTS (indents); i++)
    {
      g_autofree char *text =
        g_strdup_printf ("关于印发方案的通知\n\n各乡镇人民政府：\n\n一、建设内容\n\n"
                         "%s三、运营管理\n\n按计划推进。\n", indents[i]);
      g_autoptr(GListModel) findings = check_text (text);

      g_assert_cmpuint (count_rule (findings, "format.heading-sequence", NULL), ==, 1);
    }
}

/* The shipped opinion template filled in with the Shenmu values must pass
 * every error rule: the template is what bureau staff start from. */
static void
test_template_opinion (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwTemplate) tpl =
    gw_template_new_from_resource ("/io/github/gongwen/Gongwen/core/templates/opinion.xml", &error);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GListModel) findings = NULL;
  guint n_errors = 0;

  g_assert_no_error (error);
  g_hash_table_insert (values, "city", "神木市");
  g_hash_table_insert (values, "issuing-organ", "神木市人民政府办公室");
  g_hash_table_insert (values, "organ-mark", "神木市人民政府办公室文件");
  g_hash_table_insert (values, "doc-number", "神政办发〔2023〕12号");
  g_hash_table_insert (values, "date", "2023年3月10日");
  g_hash_table_insert (values, "printing-organ", "神木市人民政府办公室");
  g_hash_table_insert (values, "printing-date", "2023年3月10日");
  g_hash_table_insert (values, "pilot-townships", "高家堡镇\n孙家岔镇\n滨河新区街道");
  g_hash_table_insert (values, "attachments", "神木市社工站（室）建设标准\n神木市社工站运营服务项目年度评估表");
  doc = gw_template_instantiate (tpl, values, field_errors, &error);
  if (doc == NULL)
    {
      GHashTableIter iter;
      gpointer k, v;
      g_hash_table_iter_init (&iter, field_errors);
      while (g_hash_table_iter_next (&iter, &k, &v))
        g_printerr ("field %s: %s\n", (char *) k, (char *) v);
    }
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  findings = gw_checker_check (checker (), doc);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      if (gw_finding_get_severity (f) == GW_SEVERITY_ERROR)
        {
          g_printerr ("template: %s: %s [%s]\n", gw_finding_get_rule_id (f),
                      gw_finding_get_message (f),
                      gw_finding_get_excerpt (f) ? gw_finding_get_excerpt (f) : "");
          n_errors++;
        }
    }
  g_assert_cmpuint (n_errors, ==, 0);
}

/* The letter template, filled in, is a letter in the 信函 format that
 * passes every error rule too. */
static void
test_template_letter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwTemplate) tpl =
    gw_template_new_from_resource ("/io/github/gongwen/Gongwen/core/templates/letter.xml", &error);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GListModel) findings = NULL;
  guint n_errors = 0;

  g_assert_no_error (error);
  g_hash_table_insert (values, "issuing-organ", "神木市民政局");
  g_hash_table_insert (values, "doc-number", "神民函〔2024〕5号");
  g_hash_table_insert (values, "recipients", "神木市财政局：");
  g_hash_table_insert (values, "contact", "联系人：张华，电话：0912-8321234");
  g_hash_table_insert (values, "date", "2024年3月5日");
  doc = gw_template_instantiate (tpl, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_true (g_str_has_suffix (gw_document_get_meta (doc, GW_META_TITLE), "的函"));

  findings = gw_checker_check (checker (), doc);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      if (gw_finding_get_severity (f) == GW_SEVERITY_ERROR)
        {
          g_printerr ("letter template: %s: %s [%s]\n", gw_finding_get_rule_id (f),
                      gw_finding_get_message (f),
                      gw_finding_get_excerpt (f) ? gw_finding_get_excerpt (f) : "");
          n_errors++;
        }
    }
  g_assert_cmpuint (n_errors, ==, 0);
}

/* The async path gives the same findings as the synchronous one. */
static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gw_checker_check_finish (GW_CHECKER (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  const char *text = "关于社工站的通知\n\n各镇人民政府：\n\n评审采用最低评标价法，合同期满自动续签。\n";
  g_autoptr(GwDocument) doc = gw_import_text_data (text, strlen (text), "a.txt", NULL);
  g_autoptr(GListModel) sync = gw_checker_check (checker (), doc);
  g_autoptr(GListModel) async = NULL;

  gw_checker_check_async (checker (), doc, NULL, check_done_cb, &async);
  /* the caller may edit right away: the worker has its own copy */
  gw_block_set_text (gw_document_get_block (doc, 0), "已修改。");
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (async), ==, g_list_model_get_n_items (sync));
  for (guint i = 0; i < g_list_model_get_n_items (sync); i++)
    {
      g_autoptr(GwFinding) a = g_list_model_get_item (sync, i);
      g_autoptr(GwFinding) b = g_list_model_get_item (async, i);
      g_assert_cmpstr (gw_finding_get_rule_id (a), ==, gw_finding_get_rule_id (b));
      g_assert_cmpuint (gw_finding_get_line (a), ==, gw_finding_get_line (b));
    }
}

static gpointer
check_thread (gpointer data)
{
  GwDocument *doc = data;
  guint n = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GListModel) findings = gw_checker_check (checker (), doc);
      n = g_list_model_get_n_items (findings);
    }
  return GUINT_TO_POINTER (n);
}

/* One checker, several threads at once, each with its own document. */
static void
test_threads (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "corpus", "opinion-violations.txt", NULL);
  GThread *threads[4];
  GwDocument *docs[4];
  guint expected;

  docs[0] = gw_document_open (path, NULL);
  g_assert_nonnull (docs[0]);
  {
    g_autoptr(GListModel) f = gw_checker_check (checker (), docs[0]);
    expected = g_list_model_get_n_items (f);
  }
  for (guint i = 1; i < 4; i++)
    docs[i] = gw_document_copy (docs[0]);
  for (guint i = 0; i < 4; i++)
    threads[i] = g_thread_new ("check", check_thread, docs[i]);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, expected);
      g_object_unref (docs[i]);
    }
}

/* A scoring table: each cell is read on its own, rows do not run together,
 * and the finding points into the table's text. */
static void
test_table (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GwBlock) table = NULL;
  g_autoptr(GwBlock) para = gw_block_new (GW_BLOCK_PARAGRAPH, "评分标准如下。");
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GwFinding) f = NULL;
  const char *r0[] = { "评分项", "分值", NULL };
  const char *r1[] = { "服务方案", "40分", NULL };
  const char *r2[] = { "价格", "60分", NULL };

  g_ptr_array_add (rows, g_strdupv ((char **) r0));
  g_ptr_array_add (rows, g_strdupv ((char **) r1));
  g_ptr_array_add (rows, g_strdupv ((char **) r2));
  table = gw_block_new_table (rows);
  gw_document_append_block (doc, para);
  gw_document_append_block (doc, table);
  findings = gw_checker_check (checker (), doc);
  g_assert_cmpuint (count_rule (findings, "procurement.price-weight-range", &f), ==, 1);
  g_assert_cmpint (gw_finding_get_block (f), ==, 1);
  /* "评分项\t分值\n服务方案\t40分\n价格\t60分": 60分 starts at 19 */
  g_assert_cmpuint (gw_finding_get_offset (f), ==, 19);
  g_assert_cmpuint (gw_finding_get_length (f), ==, 3);
}

static void
test_detect_kind (void)
{
  const char *form = "神木市社工站运营服务项目年度评估表\n\n承接机构：神木市益民社会工作服务中心\n"
                     "统一社会信用代码：52610821MJ5000123B\n合同编号：SMBH-2023-017\n"
                     "评估指标\t分值\t得分\n人员配备与持证率\t5\t4.5\n评估等次：良好\n评估组长：刘建华\n";
  const char *opinion = "关于加快推进社工站建设的实施意见\n\n各镇人民政府：\n\n为推进社工站建设，提出如下意见。\n";
  g_autoptr(GwDocument) a = gw_import_text_data (form, strlen (form), "form.txt", NULL);
  g_autoptr(GwDocument) b = gw_import_text_data (opinion, strlen (opinion), "opinion.txt", NULL);

  g_assert_cmpint (gw_checker_detect_kind (a), ==, GW_DOCUMENT_KIND_EVALUATION);
  g_assert_cmpint (gw_checker_detect_kind (b), ==, GW_DOCUMENT_KIND_OPINION);
}

/* ---- the corpus and the drafts of tests/data/check ---------------------- */

static gboolean
rule_matches (const char *pattern,
              const char *id)
{
  if (g_str_has_suffix (pattern, "*"))
    return strncmp (id, pattern, strlen (pattern) - 1) == 0;
  return g_str_equal (pattern, id);
}

static void
test_expected (gconstpointer data)
{
  const char *txt = data;
  g_autofree char *json_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GListModel) findings = NULL;
  JsonObject *expected;
  JsonArray *must, *must_not;
  gboolean any_error = FALSE;
  guint failures = 0;
  const char *kind;

  {
    g_autofree char *stem = g_strndup (txt, strrchr (txt, '.') - txt);
    json_path = g_strconcat (stem, ".expected.json", NULL);
  }
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));

  doc = gw_document_open (txt, &error);
  g_assert_no_error (error);
  kind = json_object_get_string_member_with_default (expected, "kind", NULL);
  if (kind)
    {
      GwDocumentKind k;
      g_assert_true (gw_document_kind_from_string (kind, &k));
      g_assert_cmpint (gw_checker_detect_kind (doc), ==, k);
      findings = gw_checker_check_as (checker (), doc, k);
    }
  else
    findings = gw_checker_check_as (checker (), doc, gw_checker_detect_kind (doc));

  must = json_object_get_array_member (expected, "must_report");
  for (guint i = 0; must && i < json_array_get_length (must); i++)
    {
      JsonObject *m = json_array_get_object_element (must, i);
      const char *rule = json_object_get_string_member (m, "rule");
      gint64 line = json_object_get_int_member_with_default (m, "line", 0);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (findings); j++)
        {
          g_autoptr(GwFinding) f = g_list_model_get_item (findings, j);
          if (g_str_equal (gw_finding_get_rule_id (f), rule) &&
              (line == 0 || gw_finding_get_line (f) == line))
            found = TRUE;
        }
      if (!found)
        {
          g_printerr ("%s: missing %s at line %" G_GINT64_FORMAT "\n", txt, rule, line);
          failures++;
        }
    }

  must_not = json_object_get_array_member (expected, "must_not_report");
  for (guint j = 0; j < g_list_model_get_n_items (findings); j++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, j);
      if (gw_finding_get_severity (f) == GW_SEVERITY_ERROR)
        any_error = TRUE;
      for (guint i = 0; must_not && i < json_array_get_length (must_not); i++)
        if (rule_matches (json_array_get_string_element (must_not, i), gw_finding_get_rule_id (f)))
          {
            g_printerr ("%s:%u:%u: false alarm %s: %s [%s]\n", txt, gw_finding_get_line (f),
                        gw_finding_get_column (f), gw_finding_get_rule_id (f),
                        gw_finding_get_message (f), gw_finding_get_excerpt (f));
            failures++;
          }
    }
  if (json_object_has_member (expected, "exit_status"))
    {
      gint64 status = json_object_get_int_member (expected, "exit_status");
      if ((status == 1) != any_error)
        {
          g_printerr ("%s: exit status would be %d, expected %" G_GINT64_FORMAT "\n", txt,
                      any_error ? 1 : 0, status);
          failures++;
        }
    }
  if (failures > 0)
    g_test_fail ();
}

static void
add_expected_tests (const char *dir_name)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", dir_name, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".gwdoc"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/rules/%s/%s", dir_name, n);
      g_test_add_data_func_full (test_path, g_build_filename (dir_path, n, NULL), test_expected,
                                 g_free);
    }
}

/* Setting a string to itself (as a caller passing the getter's result
 * does) must not free it before it is copied. */
static void
test_finding_set_same_string (void)
{
  g_autoptr(GwFinding) f = gw_finding_new ("format.date", GW_SEVERITY_WARNING, "日期");

  gw_finding_set_excerpt (f, "2024年03月05日");
  gw_finding_set_excerpt (f, gw_finding_get_excerpt (f));
  g_assert_cmpstr (gw_finding_get_excerpt (f), ==, "2024年03月05日");
  gw_finding_set_place (f, 2, -1, "成文日期", 0, 3);
  gw_finding_set_place (f, 2, -1, gw_finding_get_target (f), 0, 3);
  g_assert_cmpstr (gw_finding_get_target (f), ==, "成文日期");
}

/* Sections: an attachment ends the one before it (附件2 is not part of
 * 附件1), while a heading inside an attachment stays within it. */
static void
test_sections (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwCheckContext) ctx = NULL;
  const struct { GwBlockKind kind; const char *text; } blocks[] = {
    { GW_BLOCK_PARAGRAPH, "正文。" },           /* 0 */
    { GW_BLOCK_ATTACHMENT, "建设标准" },        /* 1 */
    { GW_BLOCK_HEADING, "一、站点" },           /* 2 */
    { GW_BLOCK_PARAGRAPH, "场地不少于50平方米。" }, /* 3 */
    { GW_BLOCK_ATTACHMENT, "评估表" },          /* 4 */
    { GW_BLOCK_PARAGRAPH, "评估内容。" },        /* 5 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      g_autoptr(GwBlock) b = NULL;

      if (blocks[i].kind == GW_BLOCK_HEADING)
        b = gw_block_new_heading (1, blocks[i].text);
      else if (blocks[i].kind == GW_BLOCK_ATTACHMENT)
        b = gw_block_new_attachment (i == 1 ? 1 : 2, blocks[i].text);
      else
        b = gw_block_new (blocks[i].kind, blocks[i].text);
      gw_document_append_block (doc, b);
    }
  ctx = _gw_check_context_new (doc, GW_DOCUMENT_KIND_OPINION, 0);

  g_assert_cmpuint (ctx->section_start[3], ==, 2);
  g_assert_cmpuint (ctx->section_end[2], ==, 4);
  g_assert_cmpuint (ctx->section_start[2], ==, 2);
  g_assert_cmpuint (ctx->section_end[1], ==, 4);   /* 附件2 starts its own */
  g_assert_cmpuint (ctx->section_start[5], ==, 4);
  g_assert_cmpuint (ctx->section_end[4], ==, 6);
}

/* Required content (a leading group, the use of evaluation results, …) is
 * what a document governing the stations must say — an opinion, a notice —
 * but a letter, a report or a request on the same subject is not faulted
 * for leaving it out; a violation is still found in any of them. */
static void
test_required_only_in_opinions (void)
{
  static const struct {
    const char *title;
    gboolean    letter;
    gboolean    required;
  } cases[] = {
    { "关于进一步规范社工站运营服务的通知", FALSE, TRUE },
    { "关于商请核定社工站运营经费的函", TRUE, FALSE },
    { "关于商请核定社工站运营经费的函", FALSE, FALSE },
    { "临川市民政局关于社工站运营情况的报告", FALSE, FALSE },
    { "关于社工站运营经费的请示", FALSE, FALSE },
    { "关于加快推进社工站建设的实施意见", FALSE, TRUE },
    { "关于印发社工站建设和管理服务实施意见的通知", FALSE, TRUE },
    { "", FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
      g_autoptr(GListModel) findings = NULL;

      if (*cases[i].title)
        gw_document_set_meta (doc, GW_META_TITLE, cases[i].title);
      if (cases[i].letter)
        gw_document_set_format (doc, GW_DOCUMENT_FORMAT_LETTER);
      gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
        "各乡镇（街道）要抓紧推进社工站建设。承接机构以最低价中标确定。"));
      findings = gw_checker_check (checker (), doc);
      g_test_message ("%s: %u findings", cases[i].title, g_list_model_get_n_items (findings));
      g_assert_cmpuint (count_rule (findings, "org.leading-group", NULL), ==, cases[i].required ? 1 : 0);
      g_assert_cmpuint (count_rule (findings, "eval.result-use", NULL), ==, cases[i].required ? 1 : 0);
      g_assert_cmpuint (count_rule (findings, "procurement.not-lowest-price", NULL), ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/checker/negated-trigger", test_negated_trigger);
  g_test_add_func ("/rules/checker/template-letter", test_template_letter);
  g_test_add_func ("/rules/checker/allowed-phrases", test_allowed_phrases);
  g_test_add_func ("/rules/checker/broken-line-position", test_broken_line_position);
  g_test_add_func ("/rules/checker/numbers-compared", test_numbers_compared);
  g_test_add_func ("/rules/checker/one-click-fixes", test_one_click_fixes);
  g_test_add_func ("/rules/checker/date-flaws", test_date_flaws);
  g_test_add_func ("/rules/checker/sorted", test_sorted);
  g_test_add_func ("/rules/checker/indented-headings", test_indented_headings);
  g_test_add_func ("/rules/checker/table", test_table);
  g_test_add_func ("/rules/checker/detect-kind", test_detect_kind);
  g_test_add_func ("/rules/checker/template-opinion", test_template_opinion);
  g_test_add_func ("/rules/checker/async", test_async);
  g_test_add_func ("/rules/checker/threads", test_threads);
  g_test_add_func ("/rules/checker/finding-set-same-string", test_finding_set_same_string);
  g_test_add_func ("/rules/checker/sections", test_sections);
  g_test_add_func ("/rules/checker/required-only-in-opinions", test_required_only_in_opinions);
  add_expected_tests ("corpus");
  add_expected_tests ("check");

  ret = g_test_run ();
  g_clear_object (&shared_checker);
  return ret;
}
