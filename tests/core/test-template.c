/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gw-error.h"
#include "gw-template.h"

#define OPINION_RESOURCE "/io/github/gongwen/Gongwen/core/templates/opinion.xml"
#define EVALUATION_RESOURCE "/io/github/gongwen/Gongwen/core/templates/evaluation.xml"

static GHashTable *
shenmu_values (void)
{
  GHashTable *v = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (v, g_strdup ("city"), g_strdup ("神木市"));
  g_hash_table_insert (v, g_strdup ("issuing-organ"), g_strdup ("神木市人民政府办公室"));
  g_hash_table_insert (v, g_strdup ("doc-number"), g_strdup ("神政办发〔2023〕12号"));
  g_hash_table_insert (v, g_strdup ("date"), g_strdup ("2023年3月10日"));
  g_hash_table_insert (v, g_strdup ("pilot-stations"), g_strdup ("3"));
  g_hash_table_insert (v, g_strdup ("pilot-townships"), g_strdup ("高家堡镇\n锦界镇\n 大柳塔镇 \n"));
  g_hash_table_insert (v, g_strdup ("price-weight"), g_strdup ("10%"));
  g_hash_table_insert (v, g_strdup ("leader"), g_strdup ("主要负责同志"));
  g_hash_table_insert (v, g_strdup ("attachments"),
                       g_strdup ("神木市社工站（室）建设标准\n神木市社工站运营服务项目年度评估表"));
  return v;
}

static GwTemplate *
load_opinion (void)
{
  g_autoptr(GError) error = NULL;
  GwTemplate *t = gw_template_new_from_resource (OPINION_RESOURCE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static GwTemplate *
load_evaluation (void)
{
  g_autoptr(GError) error = NULL;
  GwTemplate *t = gw_template_new_from_resource (EVALUATION_RESOURCE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

/* The text of the first block that starts with @prefix, or NULL. */
static const char *
find_block (GwDocument *doc,
            const char *prefix)
{
  for (guint i = 0; i < gw_document_get_n_blocks (doc); i++)
    {
      GwBlock *b = gw_document_get_block (doc, i);
      if (g_str_has_prefix (gw_block_get_text (b), prefix))
        return gw_block_get_text (b);
    }
  return NULL;
}

static void
test_opinion_fields (void)
{
  g_autoptr(GwTemplate) t = load_opinion ();
  GwTemplateField *f;
  double min, max;
  g_autofree char *msg = NULL;

  g_assert_cmpstr (gw_template_get_id (t), ==, "opinion");
  g_assert_cmpint (gw_template_get_kind (t), ==, GW_DOCUMENT_KIND_OPINION);
  g_assert_cmpstr (gw_template_get_name (t), ==, "社工站（室）建设和管理服务实施意见");
  g_assert_cmpuint (g_list_model_get_n_items (gw_template_get_fields (t)), >=, 12);

  f = gw_template_get_field (t, "price-weight");
  g_assert_nonnull (f);
  g_assert_cmpint (gw_template_field_get_field_type (f), ==, GW_FIELD_PERCENTAGE);
  g_assert_true (gw_template_field_get_required (f));
  g_assert_cmpstr (gw_template_field_get_label (f), ==, "价格分权重");
  g_assert_cmpstr (gw_template_field_get_default (f), ==, "10");
  g_assert_true (strlen (gw_template_field_get_description (f)) > 0);
  gw_template_field_get_range (f, &min, &max);
  g_assert_cmpfloat (min, ==, 10);
  g_assert_cmpfloat (max, ==, 30);
  g_assert_true (gw_template_field_validate (f, "30%", NULL));
  g_assert_true (gw_template_field_validate (f, "１５％", NULL));
  g_assert_false (gw_template_field_validate (f, "50%", &msg));
  g_assert_nonnull (strstr (msg, "50"));
  g_clear_pointer (&msg, g_free);
  g_assert_false (gw_template_field_validate (f, "9.5", NULL));
  g_assert_false (gw_template_field_validate (f, "十分之一", NULL));
  g_assert_false (gw_template_field_validate (f, "", &msg));
  g_clear_pointer (&msg, g_free);

  f = gw_template_get_field (t, "leader");
  g_assert_cmpint (gw_template_field_get_field_type (f), ==, GW_FIELD_CHOICE);
  g_assert_cmpstr (gw_template_field_get_choices (f)[0], ==, "主要负责同志");
  g_assert_cmpstr (gw_template_field_get_choices (f)[1], ==, "分管负责同志");
  g_assert_false (gw_template_field_validate (f, "组长", NULL));

  f = gw_template_get_field (t, "pilot-stations");
  g_assert_cmpint (gw_template_field_get_field_type (f), ==, GW_FIELD_INTEGER);
  g_assert_false (gw_template_field_validate (f, "3.5", NULL));
  g_assert_false (gw_template_field_validate (f, "三", NULL));
  g_assert_false (gw_template_field_validate (f, "0", NULL));
  g_assert_true (gw_template_field_validate (f, "４", NULL));

  f = gw_template_get_field (t, "doc-number");
  g_assert_true (gw_template_field_validate (f, "神政办发〔2023〕12号", NULL));
  g_assert_false (gw_template_field_validate (f, "神政办发[2023]12号", NULL));
  g_assert_false (gw_template_field_validate (f, "神政办发〔2023〕012号", NULL));
  g_assert_false (gw_template_field_validate (f, "神政办发〔2023〕第12号", &msg));
  g_assert_nonnull (strstr (msg, "神政办发〔2023〕12号"));  /* the hint */
  g_clear_pointer (&msg, g_free);

  f = gw_template_get_field (t, "date");
  g_assert_cmpint (gw_template_field_get_field_type (f), ==, GW_FIELD_DATE);
  g_assert_true (gw_template_field_validate (f, "2023年3月10日", NULL));
  g_assert_false (gw_template_field_validate (f, "2023年03月10日", &msg));
  g_assert_nonnull (strstr (msg, "2023年3月10日"));  /* says how to write it */
  g_clear_pointer (&msg, g_free);
  g_assert_false (gw_template_field_validate (f, "2023年2月30日", NULL));
  g_assert_false (gw_template_field_validate (f, "二〇二三年三月十日", NULL));
  /* the one date reader (gw_date_parse): spaces and full-width digits are
   * read, and written the GB/T 9704 way */
  msg = gw_template_field_normalize (f, "2023 年 3 月 10 日");
  g_assert_cmpstr (msg, ==, "2023年3月10日");
  g_clear_pointer (&msg, g_free);
  msg = gw_template_field_normalize (f, "２０２３年３月１０日");
  g_assert_cmpstr (msg, ==, "2023年3月10日");
  g_clear_pointer (&msg, g_free);
  g_assert_false (gw_template_field_validate (f, "2023-3-10", NULL));
  msg = gw_template_field_format_date (f, 2023, 3, 10);
  g_assert_cmpstr (msg, ==, "2023年3月10日");
  g_assert_true (gw_template_field_validate (f, msg, NULL));
  g_clear_pointer (&msg, g_free);

  f = gw_template_get_field (t, "pilot-townships");
  g_assert_cmpint (gw_template_field_get_field_type (f), ==, GW_FIELD_LIST);
  g_assert_cmpstr (gw_template_field_get_separator (f), ==, "、");
  msg = gw_template_field_normalize (f, " 高家堡镇 \n\n锦界镇\n");
  g_assert_cmpstr (msg, ==, "高家堡镇\n锦界镇");
  g_clear_pointer (&msg, g_free);
  g_assert_false (gw_template_field_validate (f, "高家堡镇、锦界镇", NULL));

  f = gw_template_get_field (t, "recipients");
  g_assert_false (gw_template_field_validate (f, "各镇人民政府、街道办事处", NULL));
  g_assert_null (gw_template_get_field (t, "no-such-field"));
}

static void
test_opinion_instantiate (void)
{
  g_autoptr(GwTemplate) t = load_opinion ();
  g_autoptr(GHashTable) values = shenmu_values ();
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  const char * const *attachments;
  const char *text;
  guint n_level1 = 0;
  static const char *outline[] = { "一、总体要求", "二、体系建设", "三、运营管理", "四、评估考核", "五、保障措施" };

  doc = gw_template_instantiate (t, values, errors, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);

  g_assert_cmpint (gw_document_get_kind (doc), ==, GW_DOCUMENT_KIND_OPINION);
  g_assert_cmpstr (gw_document_get_template_id (doc), ==, "opinion");
  g_assert_null (gw_document_get_evaluation (doc));
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "神木市人民政府办公室文件");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, "神政办发〔2023〕12号");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==,
                   "神木市人民政府办公室\n关于加快推进社工站（室）建设和管理服务的实施意见");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_RECIPIENTS), ==,
                   "各镇人民政府、街道办事处，市政府各工作部门：");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_SIGNATURE), ==, "神木市人民政府办公室");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DATE), ==, "2023年3月10日");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_COPY_TO), ==,
                   "市委办公室，市人大常委会办公室，市政协办公室。");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_PRINTING_ORGAN), ==, "神木市人民政府办公室");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_PRINTING_DATE), ==, "2023年3月10日");

  attachments = gw_document_get_attachments (doc);
  g_assert_cmpuint (g_strv_length ((char **) attachments), ==, 2);
  g_assert_cmpstr (attachments[0], ==, "神木市社工站（室）建设标准");
  g_assert_cmpstr (attachments[1], ==, "神木市社工站运营服务项目年度评估表");

  /* Field values are kept, normalised, for the form and re-instantiation. */
  g_assert_cmpstr (gw_document_get_field (doc, "price-weight"), ==, "10");
  g_assert_cmpstr (gw_document_get_field (doc, "pilot-townships"), ==, "高家堡镇\n锦界镇\n大柳塔镇");
  g_assert_cmpstr (gw_document_get_field (doc, "copy-to"), ==, "市委办公室，市人大常委会办公室，市政协办公室。");

  /* The outline, numbered in order, first block the preamble. */
  g_assert_cmpint (gw_block_get_kind (gw_document_get_block (doc, 0)), ==, GW_BLOCK_PARAGRAPH);
  g_assert_true (g_str_has_prefix (gw_block_get_text (gw_document_get_block (doc, 0)),
                                   "为加快推进全市社工站（室）建设"));
  for (guint i = 0; i < gw_document_get_n_blocks (doc); i++)
    {
      GwBlock *b = gw_document_get_block (doc, i);
      GwHeadingMarker m;

      if (gw_block_get_kind (b) != GW_BLOCK_HEADING)
        continue;
      g_assert_true (gw_heading_marker_parse (gw_block_get_text (b), &m));
      g_assert_true (m.well_formed);
      g_assert_cmpuint (m.level, ==, gw_block_get_level (b));
      if (m.level == 1)
        {
          g_assert_cmpuint (n_level1, <, G_N_ELEMENTS (outline));
          g_assert_cmpstr (gw_block_get_text (b), ==, outline[n_level1]);
          n_level1++;
        }
      /* No indentation or line breaks from the XML leak into the text. */
      g_assert_null (strchr (gw_block_get_text (b), '\n'));
      g_assert_null (strstr (gw_block_get_text (b), "  "));
    }
  g_assert_cmpuint (n_level1, ==, 5);

  /* A run-in level-2 heading is one block. */
  text = find_block (doc, "（一）工作目标。");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "试点开展三个镇街社工站运营服务项目，试点镇街为高家堡镇、锦界镇、大柳塔镇，"));
  g_assert_nonnull (strstr (text, "其中至少确定一个“五社联动”试点镇街"));
  g_assert_nonnull (find_block (doc, "（二）基本原则。"));

  text = find_block (doc, "（二）采购原则。");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "价格分值占总分值的比重为10%。"));
  g_assert_nonnull (strstr (text, "不能仅以“价低者得”为原则"));
  g_assert_nonnull (strstr (text, "公开招标或竞争性磋商"));
  text = find_block (doc, "（三）项目周期。");
  g_assert_nonnull (strstr (text, "三年为一个周期，周期内一年一签"));
  g_assert_nonnull (strstr (text, "不得将服务项目转包"));
  text = find_block (doc, "（二）结果运用。");
  g_assert_nonnull (strstr (text, "良好或合格的续签合同"));
  g_assert_nonnull (strstr (text, "不合格的不予续签，按照政府采购程序重新确定承接机构"));
  text = find_block (doc, "（一）加强组织领导。");
  g_assert_nonnull (strstr (text, "成立神木市规范社工站（室）建设和管理服务工作领导小组"));
  g_assert_nonnull (strstr (text, "由市政府主要负责同志任组长，分管负责同志任副组长，各相关单位负责同志为成员。"));
  g_assert_nonnull (strstr (text, "办公室设在市民政局"));
  text = find_block (doc, "（二）强化经费保障。");
  g_assert_nonnull (strstr (text, "纳入年度财政预算"));
  g_assert_nonnull (strstr (text, "分期拨付"));
  g_assert_nonnull (find_block (doc, "（一）年度评估。由购买主体委托第三方评估机构"));
  g_assert_nonnull (find_block (doc, "（一）三级服务平台。市级设立社工服务中心（社工总站），镇街设立社工站，村（社区）设立社工室（点）。"));
  g_assert_nonnull (find_block (doc, "（二）五社联动。以社区为平台、社会组织为载体、社会工作者为支撑、社区志愿者为辅助、社会慈善资源为补充"));
  g_assert_nonnull (strstr (gw_block_get_text (gw_document_get_block (doc, 0)), "财政部令第102号"));
}

static void
test_opinion_variants (void)
{
  g_autoptr(GwTemplate) t = load_opinion ();
  g_autoptr(GHashTable) values = shenmu_values ();
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  /* Optional fields given: they replace the fallbacks. Two pilots read
   * 两个; the leader choice drops the deputy clause. */
  g_hash_table_insert (values, g_strdup ("organ-mark"), g_strdup ("神木市人民政府文件"));
  g_hash_table_insert (values, g_strdup ("printing-organ"), g_strdup ("神木市人民政府办公室秘书科"));
  g_hash_table_insert (values, g_strdup ("printing-date"), g_strdup ("2023年3月13日"));
  g_hash_table_insert (values, g_strdup ("copy-to"), g_strdup (""));
  g_hash_table_insert (values, g_strdup ("pilot-stations"), g_strdup ("２"));
  g_hash_table_insert (values, g_strdup ("pilot-townships"), g_strdup ("高家堡镇\n锦界镇"));
  g_hash_table_insert (values, g_strdup ("leader"), g_strdup ("分管负责同志"));
  g_hash_table_insert (values, g_strdup ("price-weight"), g_strdup ("30"));
  g_hash_table_remove (values, "attachments");

  doc = gw_template_instantiate (t, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "神木市人民政府文件");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_PRINTING_ORGAN), ==, "神木市人民政府办公室秘书科");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_PRINTING_DATE), ==, "2023年3月13日");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_COPY_TO), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) gw_document_get_attachments (doc)), ==, 0);
  text = find_block (doc, "（一）工作目标。");
  g_assert_nonnull (strstr (text, "试点开展两个镇街社工站运营服务项目，试点镇街为高家堡镇、锦界镇，"));
  text = find_block (doc, "（一）加强组织领导。");
  g_assert_nonnull (strstr (text, "由市政府分管负责同志任组长，各相关单位负责同志为成员。"));
  g_assert_nonnull (strstr (find_block (doc, "（二）采购原则。"), "比重为30%。"));
}

static void
test_opinion_bad_values (void)
{
  g_autoptr(GwTemplate) t = load_opinion ();
  g_autoptr(GHashTable) values = shenmu_values ();
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;

  g_hash_table_remove (values, "city");                                          /* required, missing */
  g_hash_table_insert (values, g_strdup ("doc-number"), g_strdup ("  "));         /* required, blank */
  g_hash_table_insert (values, g_strdup ("price-weight"), g_strdup ("50%"));      /* out of range */
  g_hash_table_insert (values, g_strdup ("date"), g_strdup ("2023年03月10日"));   /* leading zeros */
  g_hash_table_insert (values, g_strdup ("pilot-stations"), g_strdup ("3.5"));    /* not an integer */
  g_hash_table_insert (values, g_strdup ("leader"), g_strdup ("副市长"));         /* not a choice */
  g_hash_table_insert (values, g_strdup ("attachments"), g_strdup ("建设标准。")); /* final punctuation */

  doc = gw_template_instantiate (t, values, errors, &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "7"));
  g_assert_cmpuint (g_hash_table_size (errors), ==, 7);
  g_assert_cmpstr (g_hash_table_lookup (errors, "city"), ==, "This field is required.");
  g_assert_cmpstr (g_hash_table_lookup (errors, "doc-number"), ==, "This field is required.");
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "price-weight"), "50%"));
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "price-weight"), "10%–30%"));
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "date"), "2023年3月10日"));
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "pilot-stations"), "whole number"));
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "leader"), "主要负责同志"));
  g_assert_nonnull (g_hash_table_lookup (errors, "attachments"));
  /* Valid fields are not reported. */
  g_assert_false (g_hash_table_contains (errors, "pilot-townships"));
  g_assert_false (g_hash_table_contains (errors, "issuing-organ"));
  g_clear_error (&error);

  /* The cross-field check: as many townships as pilot stations. */
  g_hash_table_remove_all (errors);
  g_clear_pointer (&values, g_hash_table_unref);
  values = shenmu_values ();
  g_hash_table_insert (values, g_strdup ("pilot-stations"), g_strdup ("4"));
  doc = gw_template_instantiate (t, values, errors, &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_TEMPLATE);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "pilot-townships"), "3"));
}

static void
test_evaluation_instantiate (void)
{
  g_autoptr(GwTemplate) t = load_evaluation ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwVetoItem) veto = NULL;
  GwEvaluation *ev;
  GListModel *sections;
  GPtrArray *grades;
  static const char *section_ids[] = { "A", "B", "C", "D", "E", "F" };
  static const double section_max[] = { 15, 10, 35, 15, 10, 15 };
  static const guint section_n[] = { 4, 3, 3, 3, 2, 3 };
  guint n_indicators = 0;

  g_assert_cmpint (gw_template_get_kind (t), ==, GW_DOCUMENT_KIND_EVALUATION);
  g_hash_table_insert (values, "project", "神木市高家堡镇社工站运营服务项目");
  g_hash_table_insert (values, "purchaser", "神木市高家堡镇人民政府");
  g_hash_table_insert (values, "operator", "神木市益民社会工作服务中心");
  g_hash_table_insert (values, "credit-code", "52610881MJX123456A");
  g_hash_table_insert (values, "contract-amount", "300000.00");
  g_hash_table_insert (values, "service-start", "2023-04-01");
  g_hash_table_insert (values, "service-end", "2024-03-31");
  g_hash_table_insert (values, "cycle-year", "2");
  g_hash_table_insert (values, "evaluator", "榆林市社会工作评估中心");
  g_hash_table_insert (values, "date", "2024-03-20");
  g_hash_table_insert (values, "evaluators", "张三\n李四\n王五");

  doc = gw_template_instantiate (t, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_document_get_kind (doc), ==, GW_DOCUMENT_KIND_EVALUATION);
  g_assert_cmpstr (gw_document_get_template_id (doc), ==, "evaluation");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "神木市高家堡镇社工站运营服务项目年度评估表");
  ev = gw_document_get_evaluation (doc);
  g_assert_nonnull (ev);

  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_PROJECT), ==, "神木市高家堡镇社工站运营服务项目");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_TIER), ==, "镇街社工站");  /* default */
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_TYPE), ==, "年度");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_OPERATOR), ==, "神木市益民社会工作服务中心");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_CREDIT_CODE), ==, "52610881MJX123456A");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_SERVICE_END), ==, "2024-03-31");
  {
    g_autofree char *iso = gw_template_field_format_date (gw_template_get_field (t, "date"), 2024, 3, 5);
    g_assert_cmpstr (iso, ==, "2024-03-05");
  }
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_CONTRACT_NUMBER), ==, "");
  g_assert_cmpuint (gw_evaluation_get_cycle_year (ev), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) gw_evaluation_get_evaluators (ev)), ==, 3);
  g_assert_cmpstr (gw_evaluation_get_evaluators (ev)[1], ==, "李四");
  g_assert_cmpfloat (gw_evaluation_get_step (ev), ==, 0.5);

  sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GwEvalSection) s = g_list_model_get_item (sections, i);

      g_assert_cmpstr (gw_eval_section_get_id (s), ==, section_ids[i]);
      g_assert_cmpfloat (gw_eval_section_get_max (s), ==, section_max[i]);
      g_assert_cmpfloat (gw_eval_section_compute_max (s), ==, section_max[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gw_eval_section_get_indicators (s))), ==,
                        section_n[i]);
      n_indicators += section_n[i];
    }
  g_assert_cmpuint (n_indicators, ==, 18);
  g_assert_cmpfloat (gw_evaluation_compute_max (ev), ==, 100);
  g_assert_cmpstr (gw_indicator_get_name (gw_evaluation_find_indicator (ev, "C2")), ==,
                   "民政兜底服务（救助、养老、儿童关爱）");
  g_assert_cmpfloat (gw_indicator_get_max (gw_evaluation_find_indicator (ev, "C1")), ==, 15);
  g_assert_cmpstr (gw_indicator_get_scored_by (gw_evaluation_find_indicator (ev, "B3")), ==, "民政局");
  g_assert_true (isnan (gw_indicator_get_score (gw_evaluation_find_indicator (ev, "A1"))));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gw_evaluation_get_veto_items (ev))), ==, 5);
  grades = gw_evaluation_get_grades (ev);
  g_assert_cmpuint (grades->len, ==, 4);
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 90, FALSE), ==, "优秀");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 80, FALSE), ==, "良好");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 60, FALSE), ==, "合格");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 59.5, FALSE), ==, "不合格");

  /* The decision table of evaluation.md. */
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "良好", 2), ==, "续签下一年度合同");
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "合格", 1), ==, "续签下一年度合同");
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "不合格", 2), ==, "不予续签，按政府采购程序重新确定承接机构");
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "优秀", 3), ==, "周期届满，按政府采购程序重新确定承接机构");
  /* Blank form: total 0 → 不合格 → no renewal in year 2. */
  g_assert_cmpstr (gw_evaluation_compute_decision (ev), ==, "不予续签，按政府采购程序重新确定承接机构");
  veto = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (ev)), 3);
  g_assert_cmpstr (gw_veto_item_get_text (veto), ==, "擅自转包");
}

static void
test_evaluation_bad_values (void)
{
  g_autoptr(GwTemplate) t = load_evaluation ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;

  g_hash_table_insert (values, "project", "项目");
  g_hash_table_insert (values, "purchaser", "镇政府");
  g_hash_table_insert (values, "cycle-year", "4");
  g_hash_table_insert (values, "tier", "社工所");
  g_hash_table_insert (values, "service-start", "2023年4月1日");
  g_hash_table_insert (values, "credit-code", "123");

  doc = gw_template_instantiate (t, values, errors, &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_TEMPLATE);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 5);
  g_assert_true (g_hash_table_contains (errors, "operator"));  /* required, no default */
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "cycle-year"), "1 to 3"));
  g_assert_true (g_hash_table_contains (errors, "tier"));
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "service-start"), "2023-03-10"));
  {
    /* an ISO date field reads 2023/4/1 and 2023.4.1 as the form check
     * does, and writes 2023-04-01 */
    GwTemplateField *start = gw_template_get_field (t, "service-start");
    g_autofree char *slash = gw_template_field_normalize (start, "2023/4/1");
    g_autofree char *dot = gw_template_field_normalize (start, "2023.4.1");
    g_autofree char *iso = gw_template_field_normalize (start, "2023-4-1");

    g_assert_cmpstr (slash, ==, "2023-04-01");
    g_assert_cmpstr (dot, ==, "2023-04-01");
    g_assert_cmpstr (iso, ==, "2023-04-01");
    g_assert_false (gw_template_field_validate (start, "2023/4-1", NULL));
  }
  g_assert_true (g_hash_table_contains (errors, "credit-code"));
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

#define MINIMAL_TEMPLATE(id, extra) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<template id=\"" id "\" kind=\"opinion\" format=\"1\">\n" \
  "  <name>我的模板</name>\n" \
  "  <fields>\n" \
  "    <field name=\"township\" type=\"text\" required=\"true\"><label>镇名</label></field>\n" \
  "    <field name=\"items\" type=\"list\" separator=\"，\"><label>事项</label>" \
  "<default><item>甲</item><item>乙</item></default></field>\n" \
  "  </fields>\n" \
  "  <document>\n" \
  "    <meta name=\"title\">关于{{township}}社工站的通知</meta>\n" \
  "    <body>\n" \
  "      <heading level=\"1\">事项</heading>\n" \
  "      <p>{{township}}办理{{items}}共{{items|count|zh}}项。" extra "</p>\n" \
  "    </body>\n" \
  "  </document>\n" \
  "</template>\n"

static void
test_user_folder (void)
{
  g_autofree char *dir = gw_template_get_user_dir ();
  g_autoptr(GListModel) before = gw_template_list_all ();
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GwTemplate) mine = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  /* The private data dir of main (): nothing in the user folder yet. */
  g_assert_true (g_str_has_prefix (dir, g_getenv ("XDG_DATA_HOME")));
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);

  write_file (dir, "mine.xml", MINIMAL_TEMPLATE ("my-notice", ""));
  write_file (dir, "broken.xml", "<template id=\"broken\" kind=\"opinion\"><name>坏</name>");
  write_file (dir, "dup.xml", MINIMAL_TEMPLATE ("opinion", ""));
  write_file (dir, "notes.txt", "not a template");
  {
    g_autofree char *folder = g_build_filename (dir, "folder.xml", NULL);
    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  }

  g_test_expect_message ("gw-template", G_LOG_LEVEL_WARNING, "*broken.xml*");
  g_test_expect_message ("gw-template", G_LOG_LEVEL_WARNING, "*dup.xml*opinion*");
  g_test_expect_message ("gw-template", G_LOG_LEVEL_WARNING, "*folder.xml*a folder*");
  all = gw_template_list_all ();
  g_test_assert_expected_messages ();

  n = g_list_model_get_n_items (all);
  g_assert_cmpuint (n, ==, 3);
  {
    g_autoptr(GwTemplate) first = g_list_model_get_item (all, 0);
    g_autoptr(GwTemplate) second = g_list_model_get_item (all, 1);

    g_assert_cmpstr (gw_template_get_id (first), ==, "opinion");
    g_assert_cmpstr (gw_template_get_id (second), ==, "evaluation");
  }
  mine = g_list_model_get_item (all, 2);
  g_assert_cmpstr (gw_template_get_id (mine), ==, "my-notice");
  g_assert_cmpstr (gw_template_get_name (mine), ==, "我的模板");

  /* Finding a user template scans the folder again, warnings included;
   * a built-in id does not. */
  for (guint i = 0; i < 2; i++)
    {
      g_test_expect_message ("gw-template", G_LOG_LEVEL_WARNING, "*broken.xml*");
      g_test_expect_message ("gw-template", G_LOG_LEVEL_WARNING, "*dup.xml*");
      g_test_expect_message ("gw-template", G_LOG_LEVEL_WARNING, "*folder.xml*");
    }
  {
    g_autoptr(GwTemplate) found = gw_template_find ("my-notice");
    g_autoptr(GwTemplate) builtin = gw_template_find ("evaluation");
    g_autoptr(GwTemplate) none = gw_template_find ("no-such-template");

    g_assert_nonnull (found);
    g_assert_cmpstr (gw_template_get_name (found), ==, "我的模板");
    g_assert_cmpint (gw_template_get_kind (builtin), ==, GW_DOCUMENT_KIND_EVALUATION);
    g_assert_null (none);
  }
  g_test_assert_expected_messages ();

  g_hash_table_insert (values, "township", "高家堡镇");
  doc = gw_template_instantiate (mine, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "关于高家堡镇社工站的通知");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc, 0)), ==, "一、事项");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc, 1)), ==, "高家堡镇办理甲，乙共二项。");
}

static void
test_unsafe_and_invalid (void)
{
  static const struct {
    const char *xml;
    int         code;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE template [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<template id=\"x\" kind=\"opinion\"><name>&x;</name><document/></template>", GW_ERROR_UNSAFE },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE template [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
      "<template id=\"x\" kind=\"opinion\"><name>&b;</name><document/></template>", GW_ERROR_UNSAFE },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE template SYSTEM \"http://example.com/t.dtd\">\n"
      "<template id=\"x\" kind=\"opinion\"><name>x</name><document/></template>", GW_ERROR_UNSAFE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name>", GW_ERROR_PARSE },
    { "", GW_ERROR_EMPTY },
    { "<doc/>", GW_ERROR_TEMPLATE },
    { "<template id=\"X Y\" kind=\"opinion\"><name>x</name><document/></template>", GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"memo\"><name>x</name><document/></template>", GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name></template>", GW_ERROR_TEMPLATE },
    /* A placeholder naming no field is caught at load, not at use. */
    { "<template id=\"x\" kind=\"opinion\"><name>x</name><document><body><p>{{city}}</p></body></document></template>",
      GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name><fields><field name=\"n\" type=\"integer\" min=\"5\">"
      "<label>n</label><default>3</default></field></fields><document/></template>", GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name><fields><field name=\"c\" type=\"choice\">"
      "<label>c</label></field></fields><document/></template>", GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name><fields><field name=\"c\" type=\"colour\">"
      "<label>c</label></field></fields><document/></template>", GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name><document><body><script/></body></document></template>",
      GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"evaluation\"><name>x</name><document><evaluation>"
      "<grade name=\"合格\" min=\"60\"/><decision grade=\"良好\">续签</decision></evaluation></document></template>",
      GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name><document><meta name=\"colour\">x</meta></document></template>",
      GW_ERROR_TEMPLATE },
    { "<template id=\"x\" kind=\"opinion\"><name>x</name><document><body><p>{{x</p></body></document></template>",
      GW_ERROR_TEMPLATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].xml, strlen (cases[i].xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(GwTemplate) t = gw_template_new_from_bytes (bytes, "case.xml", &error);

      g_test_message ("case %u", i);
      g_assert_null (t);
      g_assert_error (error, GW_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "case.xml"));
    }

  /* The same refusal from a file, naming the file and the line. */
  {
    g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "t", NULL);
    g_autofree char *path = g_build_filename (dir, "bomb.xml", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GwTemplate) t = NULL;

    write_file (dir, "bomb.xml", cases[0].xml);
    t = gw_template_new_from_file (path, &error);
    g_assert_null (t);
    g_assert_error (error, GW_ERROR, GW_ERROR_UNSAFE);
    g_assert_nonnull (strstr (error->message, "bomb.xml:2"));
  }
}

static void
test_fixture_templates (void)
{
  /* The shipped files, read from the source tree as a user copy would be. */
  static const char *names[] = { "opinion.xml", "evaluation.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                     names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GwTemplate) t = gw_template_new_from_file (path, &error);

      g_assert_no_error (error);
      g_assert_nonnull (t);
      g_assert_true (g_str_has_suffix (gw_template_get_source (t), names[i]));
    }
}

static void
test_county_form (void)
{
  /* A bureau's own form from tests/data: its numbers, not the defaults. */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "templates",
                                                 "evaluation-three-tier.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwTemplate) t = gw_template_new_from_file (path, &error);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GwDocument) doc = NULL;
  GwEvaluation *ev;
  GPtrArray *grades;
  static const struct {
    double      s1, s2, m1;
    const char *year;
    const char *grade;
    const char *decision;
  } cases[] = {
    { 40, 20, 30, "1", "良好", "续签下一年度合同" },
    { 30, 15, 20, "1", "基本合格", "限期整改，整改合格后续签" },
    { 30, 15, 20, "2", "基本合格", "限期整改，整改合格后续签" },
    { 30, 10, 10, "1", "不合格", "不予续签，按政府采购程序重新确定承接机构" },
    { 40, 20, 30, "2", "良好", "周期届满，按政府采购程序重新确定承接机构" },
  };

  g_assert_no_error (error);
  g_hash_table_insert (values, "project", "某县社工站项目");
  doc = gw_template_instantiate (t, values, NULL, &error);
  g_assert_no_error (error);
  ev = gw_document_get_evaluation (doc);
  g_assert_cmpfloat (gw_evaluation_get_step (ev), ==, 1);
  g_assert_cmpfloat (gw_evaluation_compute_max (ev), ==, 100);
  grades = gw_evaluation_get_grades (ev);
  g_assert_cmpuint (grades->len, ==, 4);
  g_assert_cmpstr (((GwGrade *) grades->pdata[0])->name, ==, "良好");
  g_assert_cmpstr (((GwGrade *) grades->pdata[2])->name, ==, "基本合格");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gw_indicator_set_score (gw_evaluation_find_indicator (ev, "S1"), cases[i].s1);
      gw_indicator_set_score (gw_evaluation_find_indicator (ev, "S2"), cases[i].s2);
      gw_indicator_set_score (gw_evaluation_find_indicator (ev, "M1"), cases[i].m1);
      gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, cases[i].year);
      g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, cases[i].grade);
      g_assert_cmpstr (gw_evaluation_compute_decision (ev), ==, cases[i].decision);
    }

  /* This county's cycle is two years: year 3 is refused. */
  g_hash_table_insert (values, "cycle-year", "3");
  g_clear_object (&doc);
  doc = gw_template_instantiate (t, values, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_TEMPLATE);
}

static void
test_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "templates",
                                                 "evaluation-three-tier.xml", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(GwTemplate) zh = NULL;
  g_autoptr(GwTemplate) en = NULL;
  g_autoptr(GwTemplate) opinion_en = NULL;
  g_autoptr(GError) error = NULL;

  /* No matching language: the text without xml:lang, even though the root
   * element declares xml:lang="zh-CN" (it must not be inherited). */
  g_setenv ("LANGUAGE", "fr_FR", TRUE);
  zh = gw_template_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_template_get_name (zh), ==, "县社工站年度评估表（简表）");
  g_assert_cmpstr (gw_template_field_get_label (gw_template_get_field (zh, "project")), ==, "项目名称");

  g_setenv ("LANGUAGE", "en_US", TRUE);
  en = gw_template_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_template_get_name (en), ==, "County evaluation form (short)");
  g_assert_cmpstr (gw_template_field_get_label (gw_template_get_field (en, "project")), ==, "Project");
  /* A label without an English variant falls back to the Chinese one. */
  g_assert_cmpstr (gw_template_field_get_label (gw_template_get_field (en, "cycle-year")), ==, "周期第几年");
  opinion_en = gw_template_new_from_resource (OPINION_RESOURCE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_template_get_name (opinion_en), ==, "Implementation opinions on social-work stations");

  if (saved)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_body_elements (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<template id=\"body\" kind=\"opinion\" format=\"1\">\n"
    "  <name>正文元素</name>\n"
    "  <fields>\n"
    "    <field name=\"extra\" type=\"choice\"><label>附加</label><choice>是</choice><choice>否</choice>"
    "<default>否</default></field>\n"
    "    <field name=\"n\" type=\"integer\"><label>数量</label><default>12</default></field>\n"
    "    <field name=\"towns\" type=\"list\"><label>镇</label>"
    "<default><item>甲镇</item><item>乙镇</item></default></field>\n"
    "  </fields>\n"
    "  <document sealed=\"true\">\n"
    "    <attachments><attachment>固定附件</attachment></attachments>\n"
    "    <body>\n"
    "      <heading level=\"1\">第一部分</heading>\n"
    "      <if field=\"extra\" equals=\"是\"><heading level=\"1\">可选部分</heading></if>\n"
    "      <heading level=\"1\">第二部分</heading>\n"
    "      <heading level=\"2\">小节</heading>\n"
    "      <heading level=\"3\">条目</heading>\n"
    "      <heading level=\"4\">细目</heading>\n"
    "      <heading level=\"4\">（9）手写编号</heading>\n"
    "      <heading level=\"3\">条目</heading>\n"
    "      <heading level=\"4\">细目</heading>\n"
    "      <heading level=\"2\">小节</heading>\n"
    "      <p>共{{n|zh}}项，{{towns|join=和}}<if field=\"extra\" not-equals=\"是\">，无附加</if>。</p>\n"
    "      <p><if field=\"extra\" equals=\"是\">只在附加时出现</if></p>\n"
    "      <table><row><cell>镇</cell><cell>数量</cell></row>"
    "<row><cell>{{towns|count}}</cell><cell>{{n}}</cell></row></table>\n"
    "      <attachment-page number=\"1\">固定附件</attachment-page>\n"
    "      <p>附件正文</p>\n"
    "    </body>\n"
    "  </document>\n"
    "</template>\n";
  static const char *expected[] = {
    "一、第一部分", "二、第二部分", "（一）小节", "1.条目", "（1）细目", "（9）手写编号",
    "2.条目", "（1）细目", "（二）小节", "共十二项，甲镇和乙镇，无附加。",
    "镇\t数量\n2\t12", "固定附件", "附件正文",
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwTemplate) t = gw_template_new_from_bytes (bytes, "body.xml", &error);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwDocument) doc2 = NULL;
  double min, max;

  g_assert_no_error (error);
  doc = gw_template_instantiate (t, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gw_document_get_sealed (doc));
  g_assert_cmpstr (gw_document_get_attachments (doc)[0], ==, "固定附件");
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc, i)), ==, expected[i]);
  g_assert_cmpuint (gw_block_get_level (gw_document_get_block (doc, 4)), ==, 4);
  g_assert_cmpint (gw_block_get_kind (gw_document_get_block (doc, 10)), ==, GW_BLOCK_TABLE);
  g_assert_cmpint (gw_block_get_kind (gw_document_get_block (doc, 11)), ==, GW_BLOCK_ATTACHMENT);
  g_assert_cmpuint (gw_block_get_number (gw_document_get_block (doc, 11)), ==, 1);

  /* With the optional part the later headings move up by one. */
  g_hash_table_insert (values, "extra", "是");
  doc2 = gw_template_instantiate (t, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc2, 1)), ==, "二、可选部分");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc2, 2)), ==, "三、第二部分");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc2, 10)), ==, "共十二项，甲镇和乙镇。");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc2, 11)), ==, "只在附加时出现");

  /* Unbounded range: min > max. */
  gw_template_field_get_range (gw_template_get_field (t, "n"), &min, &max);
  g_assert_cmpfloat (min, >, max);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  while (children)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GFile) home_file = NULL;
  int status;

  /* A private XDG_DATA_HOME, set before GLib first reads (and caches) the
   * user dirs. G_TEST_OPTION_ISOLATE_DIRS would do the same per test, but
   * GLib 2.74 leaks its strings, which fails the AddressSanitizer run. */
  home = g_dir_make_tmp ("gongwen-test-template-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  home_file = g_file_new_for_path (home);

  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/opinion/fields", test_opinion_fields);
  g_test_add_func ("/template/opinion/instantiate", test_opinion_instantiate);
  g_test_add_func ("/template/opinion/variants", test_opinion_variants);
  g_test_add_func ("/template/opinion/bad-values", test_opinion_bad_values);
  g_test_add_func ("/template/evaluation/instantiate", test_evaluation_instantiate);
  g_test_add_func ("/template/evaluation/bad-values", test_evaluation_bad_values);
  g_test_add_func ("/template/user-folder", test_user_folder);
  g_test_add_func ("/template/unsafe-and-invalid", test_unsafe_and_invalid);
  g_test_add_func ("/template/source-files", test_fixture_templates);
  g_test_add_func ("/template/county-form", test_county_form);
  g_test_add_func ("/template/languages", test_languages);
  g_test_add_func ("/template/body-elements", test_body_elements);

  status = g_test_run ();
  remove_tree (home_file);
  return status;
}
