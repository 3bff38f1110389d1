/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "gw-import-text.h"
#include "gw-policy.h"
#include "gw-template.h"

/* Policy parameters read from one opinion, and an evaluation form filled
 * from them (tests/data/policy holds the expected JSON the CLI test reads). */

static GwDocument *
opinion (const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("某某县民政局\n关于社工站运营管理的意见\n\n各乡镇人民政府：\n\n%s\n\n某某县民政局\n2024年3月5日\n", body);
  GwDocument *doc = gw_import_text_data (text, strlen (text), "opinion.txt", &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_absent_not_guessed (void)
{
  g_autoptr(GwDocument) doc = opinion ("各乡镇要加强社工站日常管理，做好服务台账。");
  g_autoptr(GwPolicy) policy = gw_policy_extract (doc);
  g_autoptr(JsonNode) json = gw_policy_to_json (policy);

  g_assert_true (gw_policy_is_empty (policy));
  for (guint i = 0; i < GW_N_POLICY_PARAMS; i++)
    g_assert_false (gw_policy_has (policy, i));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (json)), ==, 0);
}

static void
test_financial_and_negated (void)
{
  g_autoptr(GwDocument) doc = opinion ("项目服务期限为叁年，三年服务期内不再逐年签订合同。");
  g_autoptr(GwPolicy) policy = gw_policy_extract (doc);

  g_assert_true (gw_policy_has (policy, GW_POLICY_CYCLE_YEARS));
  g_assert_cmpuint (gw_policy_get_cycle_years (policy), ==, 3);
  g_assert_true (gw_policy_has (policy, GW_POLICY_ANNUAL_SIGNING));
  g_assert_false (gw_policy_get_annual_signing (policy));
  /* 一年一签 is not a one-year cycle */
  g_assert_false (gw_policy_has (policy, GW_POLICY_RENEWING_GRADES));
}

static void
test_one_year_signing_not_a_cycle (void)
{
  g_autoptr(GwDocument) doc = opinion ("合同期限实行一年一签。");
  g_autoptr(GwPolicy) policy = gw_policy_extract (doc);

  g_assert_false (gw_policy_has (policy, GW_POLICY_CYCLE_YEARS));
  g_assert_true (gw_policy_get_annual_signing (policy));
}

static void
test_apply_to_evaluation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = opinion ("服务期限为两年，合同一年一签。考核满分100分，90分以上为优秀，75分至89分为良好，60分至74分为合格，60分以下为不合格。年度考核等次为优秀、良好的，续签下一年度合同。考核不合格的，终止合同，依法重新组织采购。");
  g_autoptr(GwPolicy) policy = gw_policy_extract (doc);
  g_autoptr(GwTemplate) template = gw_template_new_from_resource ("/io/github/gongwen/Gongwen/core/templates/evaluation.xml", &error);
  g_autoptr(GwDocument) form = NULL;
  GwEvaluation *evaluation;
  GPtrArray *grades, *decisions;
  gboolean end_seen = FALSE;

  g_assert_no_error (error);
  form = gw_template_instantiate (template, NULL, NULL, &error);
  if (form == NULL)
    {
      /* required fields may be empty in a fresh form: give them */
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      g_clear_error (&error);
      g_hash_table_insert (values, "project", "某社工站运营服务项目");
      g_hash_table_insert (values, "purchaser", "某镇人民政府");
      g_hash_table_insert (values, "operator", "某社会工作服务中心");
      g_hash_table_insert (values, "cycle-year", "1");
      form = gw_template_instantiate (template, values, NULL, &error);
    }
  g_assert_no_error (error);
  evaluation = gw_document_get_evaluation (form);
  g_assert_nonnull (evaluation);

  g_assert_cmpuint (gw_policy_apply_to_evaluation (policy, evaluation), ==, 4);

  grades = gw_evaluation_get_grades (evaluation);
  g_assert_cmpuint (grades->len, ==, 4);
  g_assert_cmpstr (((GwGrade *) grades->pdata[1])->name, ==, "良好");
  g_assert_cmpfloat (((GwGrade *) grades->pdata[1])->min, ==, 75);
  g_assert_cmpstr (((GwGrade *) grades->pdata[3])->name, ==, "不合格");

  decisions = gw_evaluation_get_decisions (evaluation);
  for (guint i = 0; i < decisions->len; i++)
    {
      GwDecisionRule *r = decisions->pdata[i];

      g_assert_cmpuint (r->cycle_year, <=, 2);
      if (r->cycle_year == 2)
        {
          g_assert_null (r->grade);
          g_assert_true (g_str_has_prefix (r->decision, "周期届满"));
          end_seen = TRUE;
        }
      else if (g_strcmp0 (r->grade, "合格") == 0)
        g_assert_cmpstr (r->decision, ==, "不予续签");
      else if (g_strcmp0 (r->grade, "良好") == 0)
        g_assert_cmpstr (r->decision, ==, "续签下一年度合同");
      else if (g_strcmp0 (r->grade, "不合格") == 0)
        g_assert_true (strstr (r->decision, "重新确定承接机构") != NULL);
    }
  g_assert_true (end_seen);
  g_assert_cmpstr (gw_policy_decision_for (policy, 1, "合格"), ==, "not-renewed");
  g_assert_cmpstr (gw_policy_decision_for (policy, 1, "不合格"), ==, "reprocure");
  g_assert_cmpstr (gw_policy_decision_for (policy, 2, "优秀"), ==, "end-of-cycle");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/policy/absent-not-guessed", test_absent_not_guessed);
  g_test_add_func ("/policy/financial-and-negated", test_financial_and_negated);
  g_test_add_func ("/policy/one-year-signing-not-a-cycle", test_one_year_signing_not_a_cycle);
  g_test_add_func ("/policy/apply-to-evaluation", test_apply_to_evaluation);
  return g_test_run ();
}
