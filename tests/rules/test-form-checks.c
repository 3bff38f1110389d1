/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-form-checks.h"

/* The default form of evaluation.md, built in code so that each test can
 * bend one thing and see exactly one check object. */

typedef struct {
  const char *id;
  const char *name;
  double      max;
  double      score;  /* the complying form's score */
} Row;

static const Row default_rows[] = {
  { "A1", "人员配备与持证率", 5, 4.5 },
  { "A2", "制度建设与执行", 4, 3.5 },
  { "A3", "档案与台账", 3, 3 },
  { "A4", "督导与培训", 3, 2.5 },
  { "B1", "场地、设施、标识", 5, 4.5 },
  { "B2", "安全管理", 2, 2 },
  { "B3", "信息化与数据报送", 3, 2.5 },
  { "C1", "合同约定服务指标完成率", 15, 13 },
  { "C2", "民政兜底服务（救助、养老、儿童关爱）", 10, 9 },
  { "C3", "五社联动与资源链接", 10, 8.5 },
  { "D1", "项目目标达成度", 8, 7 },
  { "D2", "典型案例与服务模式提炼", 4, 3.5 },
  { "D3", "宣传与创新", 3, 2.5 },
  { "E1", "服务对象满意度", 5, 4.5 },
  { "E2", "购买方及村（社区）评价", 5, 4.5 },
  { "F1", "专账核算、票据合规", 5, 4.5 },
  { "F2", "预算执行与资金使用率", 5, 4 },
  { "F3", "人员薪酬社保按时足额发放", 5, 4 },
};

static const struct {
  const char *id;
  const char *name;
  double      max;
} default_sections[] = {
  { "A", "项目管理", 15 },
  { "B", "阵地建设", 10 },
  { "C", "服务执行与产出", 35 },
  { "D", "服务成效", 15 },
  { "E", "社会评价", 10 },
  { "F", "财务管理", 15 },
};

static const char *const default_vetoes[] = {
  "重大安全责任事故",
  "虚报、伪造服务数据或档案",
  "截留、挪用项目资金",
  "擅自转包",
  "严重违反社会工作职业伦理",
};

#define RENEW     "续签下一年度合同"
#define NO_RENEW  "不予续签，按政府采购程序重新确定承接机构"
#define CYCLE_END "周期届满，按政府采购程序重新确定承接机构"

/* A complying 年度 evaluation with a total of 87.5 (良好) in year 2. */
static GwEvaluation *
default_form (void)
{
  GwEvaluation *ev = gw_evaluation_new ();
  const char *const evaluators[] = { "张明", "李华", "王芳", NULL };
  const char *const grades[] = { "优秀", "良好", "合格" };

  /* A fresh evaluation may come with no form or with the shipped one;
   * this test builds its own either way. */
  g_list_store_remove_all (gw_evaluation_get_sections (ev));
  g_list_store_remove_all (gw_evaluation_get_veto_items (ev));
  g_ptr_array_set_size (gw_evaluation_get_grades (ev), 0);
  g_ptr_array_set_size (gw_evaluation_get_decisions (ev), 0);

  for (guint s = 0; s < G_N_ELEMENTS (default_sections); s++)
    {
      g_autoptr(GwEvalSection) section = gw_eval_section_new (default_sections[s].id,
                                                              default_sections[s].name,
                                                              default_sections[s].max);
      double subtotal = 0;

      for (guint r = 0; r < G_N_ELEMENTS (default_rows); r++)
        {
          g_autoptr(GwIndicator) indicator = NULL;

          if (default_rows[r].id[0] != default_sections[s].id[0])
            continue;
          indicator = gw_indicator_new (default_rows[r].id, default_rows[r].name,
                                        default_rows[r].max);
          gw_indicator_set_score (indicator, default_rows[r].score);
          g_list_store_append (gw_eval_section_get_indicators (section), indicator);
          subtotal += default_rows[r].score;
        }
      gw_eval_section_set_stated_subtotal (section, subtotal);
      g_list_store_append (gw_evaluation_get_sections (ev), section);
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_vetoes); i++)
    {
      g_autoptr(GwVetoItem) item = gw_veto_item_new (default_vetoes[i], FALSE);

      g_list_store_append (gw_evaluation_get_veto_items (ev), item);
    }

  gw_evaluation_set_step (ev, 0.5);
  gw_evaluation_add_grade (ev, "优秀", 90);
  gw_evaluation_add_grade (ev, "良好", 80);
  gw_evaluation_add_grade (ev, "合格", 60);
  gw_evaluation_add_grade (ev, "不合格", 0);
  for (guint year = 1; year <= 2; year++)
    {
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        gw_evaluation_add_decision (ev, year, grades[g], RENEW);
      gw_evaluation_add_decision (ev, year, "不合格", NO_RENEW);
    }
  gw_evaluation_add_decision (ev, 3, NULL, CYCLE_END);

  gw_evaluation_set_stated_total (ev, 87.5);
  gw_evaluation_set_field (ev, GW_EVAL_PROJECT, "神木市镇街社工站运营服务项目");
  gw_evaluation_set_field (ev, GW_EVAL_TIER, "镇街社工站");
  gw_evaluation_set_field (ev, GW_EVAL_PURCHASER, "神木市民政局");
  gw_evaluation_set_field (ev, GW_EVAL_OPERATOR, "神木市益民社会工作服务中心");
  gw_evaluation_set_field (ev, GW_EVAL_CREDIT_CODE, "91350100M000100Y43");
  gw_evaluation_set_field (ev, GW_EVAL_CONTRACT_NUMBER, "SMMZ-2024-017");
  gw_evaluation_set_field (ev, GW_EVAL_CONTRACT_AMOUNT, "300,000.00元");
  gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "276,500元");
  gw_evaluation_set_field (ev, GW_EVAL_SERVICE_START, "2024年1月1日");
  gw_evaluation_set_field (ev, GW_EVAL_SERVICE_END, "2024年12月31日");
  gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "2");
  gw_evaluation_set_field (ev, GW_EVAL_TYPE, "年度");
  gw_evaluation_set_field (ev, GW_EVAL_EVALUATOR, "榆林市明德社会工作评估中心");
  gw_evaluation_set_field (ev, GW_EVAL_DATE, "2024-12-20");
  gw_evaluation_set_evaluators (ev, evaluators);
  gw_evaluation_set_field (ev, GW_EVAL_TEAM_LEADER, "张明");
  gw_evaluation_set_field (ev, GW_EVAL_EVALUATORS_DATE, "2024-12-20");
  gw_evaluation_set_field (ev, GW_EVAL_OPERATOR_ACK, "赵强");
  gw_evaluation_set_field (ev, GW_EVAL_OPERATOR_ACK_DATE, "2024-12-22");
  gw_evaluation_set_field (ev, GW_EVAL_PURCHASER_OPINION, "同意评估结果。");
  gw_evaluation_set_field (ev, GW_EVAL_PURCHASER_DATE, "2024/12/25");
  gw_evaluation_set_field (ev, GW_EVAL_BUREAU_REVIEW, "经审核，同意。");
  gw_evaluation_set_field (ev, GW_EVAL_BUREAU_DATE, "2024年12月28日");
  gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "良好");
  gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, RENEW);
  return ev;
}

static GwIndicator *
find_indicator (GwEvaluation *ev,
                const char   *id)
{
  GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (sections, i);
      GListModel *indicators = G_LIST_MODEL (gw_eval_section_get_indicators (section));

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(GwIndicator) indicator = g_list_model_get_item (indicators, j);

          if (g_strcmp0 (gw_indicator_get_id (indicator), id) == 0)
            return indicator;  /* the section keeps it alive */
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static GwEvalSection *
find_section (GwEvaluation *ev,
              const char   *id)
{
  GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (sections, i);

      if (g_strcmp0 (gw_eval_section_get_id (section), id) == 0)
        return section;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Sets a score and keeps the stated subtotal and total in step, so that only
 * the check under test sees something. */
static void
set_score (GwEvaluation *ev,
           const char   *id,
           double        score)
{
  GwIndicator *indicator = find_indicator (ev, id);
  GwEvalSection *section = find_section (ev, (char[]) { id[0], '\0' });
  double old = gw_indicator_get_score (indicator);

  gw_indicator_set_score (indicator, score);
  gw_eval_section_set_stated_subtotal (section,
                                       gw_eval_section_get_stated_subtotal (section) - old + score);
  gw_evaluation_set_stated_total (ev, gw_evaluation_get_stated_total (ev) - old + score);
}

static void
tick_veto (GwEvaluation *ev,
           guint         index)
{
  g_autoptr(GwVetoItem) item = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (ev)),
                                                      index);

  gw_veto_item_set_ticked (item, TRUE);
}

/* Runs @check and asserts it reports exactly @n issues; when @target is
 * given, the first one must point at it, and each @needle must occur in its
 * detail (the numbers the person needs to fix the form). */
static void
assert_issues (GwEvaluation *ev,
               const char   *check,
               guint         n,
               const char   *target,
               ...)
{
  g_autoptr(GPtrArray) issues = gw_form_check (check, ev, NULL);
  va_list args;
  const char *needle;

  for (guint i = 0; i < issues->len; i++)
    {
      GwFormIssue *issue = g_ptr_array_index (issues, i);

      g_test_message ("%s: [%s] %s", check, issue->target, issue->detail);
      g_assert_nonnull (issue->target);
      g_assert_nonnull (issue->detail);
      g_assert_cmpstr (issue->detail, !=, "");
    }
  g_assert_cmpuint (issues->len, ==, n);
  if (n == 0 || target == NULL)
    return;

  g_assert_cmpstr (((GwFormIssue *) g_ptr_array_index (issues, 0))->target, ==, target);
  va_start (args, target);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      const char *detail = ((GwFormIssue *) g_ptr_array_index (issues, 0))->detail;

      if (strstr (detail, needle) == NULL)
        g_error ("“%s” does not mention “%s”", detail, needle);
    }
  va_end (args);
}

static gboolean
has_target (GwEvaluation *ev,
            const char   *check,
            const char   *target)
{
  g_autoptr(GPtrArray) issues = gw_form_check (check, ev, NULL);

  for (guint i = 0; i < issues->len; i++)
    if (g_strcmp0 (((GwFormIssue *) g_ptr_array_index (issues, i))->target, target) == 0)
      return TRUE;
  return FALSE;
}

/* ---- the whole form ------------------------------------------------------ */

static void
test_complying_form (void)
{
  g_autoptr(GwEvaluation) ev = default_form ();
  const char * const *names = gw_form_check_names ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 10);
  for (guint i = 0; names[i] != NULL; i++)
    assert_issues (ev, names[i], 0, NULL, NULL);
}

static void
test_catalogue_names (void)
{
  const char *const expected[] = {
    "max-sum-100", "score-range", "subtotals", "grade-matches-score", "veto",
    "renewal-matches-grade", "required-fields", "dates", "signatures",
    "money-consistency",
  };
  const char * const *names = gw_form_check_names ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_strv_contains (names, expected[i]));
}

static void
test_unknown_check (void)
{
  g_autoptr(GwEvaluation) ev = default_form ();
  g_autoptr(GPtrArray) issues = NULL;

  g_test_expect_message ("gw-form-checks", G_LOG_LEVEL_CRITICAL, "*no-such-check*");
  issues = gw_form_check ("no-such-check", ev, NULL);
  g_test_assert_expected_messages ();
  g_assert_nonnull (issues);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_form_from_document (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_EVALUATION);
  g_autoptr(GwEvaluation) ev = default_form ();
  g_autoptr(GPtrArray) issues = NULL;

  gw_indicator_set_score (find_indicator (ev, "A1"), 7);
  gw_document_set_evaluation (doc, ev);
  issues = gw_form_check ("score-range", NULL, doc);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (((GwFormIssue *) g_ptr_array_index (issues, 0))->target, ==, "A1");
}

/* ---- form.max-sum-100 ---------------------------------------------------- */

static void
test_max_sum (void)
{
  /* One indicator's maximum raised: the section and the whole disagree. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_indicator_set_max (find_indicator (ev, "A1"), 6);
    assert_issues (ev, "max-sum-100", 2, "A", "15", "16", NULL);
    g_assert_true (has_target (ev, "max-sum-100", "total"));
  }
  /* A section whose stated maximum is not its indicators' sum. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_eval_section_set_max (find_section (ev, "B"), 12);
    assert_issues (ev, "max-sum-100", 1, "B", "12", "10", NULL);
  }
  /* Sections that agree with their rows but add up to 95. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_indicator_set_max (find_indicator (ev, "D1"), 3);
    gw_eval_section_set_max (find_section (ev, "D"), 10);
    assert_issues (ev, "max-sum-100", 1, "total", "95", NULL);
  }
  /* A row worth nothing. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_indicator_set_max (find_indicator (ev, "E1"), 0);
    g_assert_true (has_target (ev, "max-sum-100", "E1"));
  }
  /* Points moved between two rows of a section: still complies. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_indicator_set_max (find_indicator (ev, "A1"), 4);
    gw_indicator_set_max (find_indicator (ev, "A2"), 5);
    assert_issues (ev, "max-sum-100", 0, NULL, NULL);
  }
  /* Points moved between sections, both section maxima updated. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_indicator_set_max (find_indicator (ev, "C1"), 12.5);
    gw_eval_section_set_max (find_section (ev, "C"), 32.5);
    gw_indicator_set_max (find_indicator (ev, "F3"), 7.5);
    gw_eval_section_set_max (find_section (ev, "F"), 17.5);
    assert_issues (ev, "max-sum-100", 0, NULL, NULL);
  }
}

/* ---- form.score-range ---------------------------------------------------- */

static void
test_score_range (void)
{
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "A1", 5.5);
    assert_issues (ev, "score-range", 1, "A1", "A1 人员配备与持证率", "5.5", "5", NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "C1", 4.3);
    assert_issues (ev, "score-range", 1, "C1", "4.3", "0.5", NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "E1", -0.5);
    assert_issues (ev, "score-range", 1, "E1", "-0.5", NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_indicator_set_score (find_indicator (ev, "D1"), NAN);
    assert_issues (ev, "score-range", 1, "D1", "D1", NULL);
  }
  /* The step is the form's: 13.5 is off a step of 1. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_step (ev, 1);
    set_score (ev, "C1", 13.5);
    g_assert_true (has_target (ev, "score-range", "C1"));
  }
  /* Edges that comply: exactly the maximum, exactly 0. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "A1", 5);
    set_score (ev, "C2", 0);
    assert_issues (ev, "score-range", 0, NULL, NULL);
  }
  /* 13.25 is on a step of 0.25. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_step (ev, 0.25);
    set_score (ev, "C1", 13.25);
    assert_issues (ev, "score-range", 0, NULL, NULL);
  }
}

/* ---- form.subtotals ------------------------------------------------------ */

static void
test_subtotals (void)
{
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_eval_section_set_stated_subtotal (find_section (ev, "C"), 31);
    assert_issues (ev, "subtotals", 1, "C", "31", "30.5", NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_stated_total (ev, 88);
    assert_issues (ev, "subtotals", 1, "total", "88", "87.5", NULL);
  }
  /* A score changed and nothing else: the section and the total are off. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_indicator_set_score (find_indicator (ev, "F2"), 5);
    assert_issues (ev, "subtotals", 2, "F", "12.5", "13.5", NULL);
  }
  /* Just outside the tolerance. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_eval_section_set_stated_subtotal (find_section (ev, "C"), 30.52);
    assert_issues (ev, "subtotals", 1, "C", NULL);
  }
  /* Just inside the tolerance (±0.01). */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_eval_section_set_stated_subtotal (find_section (ev, "C"), 30.51);
    gw_evaluation_set_stated_total (ev, 87.49);
    assert_issues (ev, "subtotals", 0, NULL, NULL);
  }
  /* Nothing stated: the program fills them in. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_eval_section_set_stated_subtotal (find_section (ev, "A"), NAN);
    gw_evaluation_set_stated_total (ev, NAN);
    assert_issues (ev, "subtotals", 0, NULL, NULL);
  }
}

/* ---- form.grade-matches-score -------------------------------------------- */

static void
test_grade (void)
{
  /* 80.0 exactly is 良好 (inclusive lower bounds). */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "C1", 5.5);
    g_assert_cmpfloat_with_epsilon (gw_evaluation_get_stated_total (ev), 80.0, 1e-9);
    assert_issues (ev, "grade-matches-score", 0, NULL, NULL);
  }
  /* 79.5 is 合格, not 良好. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "C1", 5);
    assert_issues (ev, "grade-matches-score", 1, "grade", "良好", "79.5", "合格", NULL);
  }
  /* 90.0 exactly is 优秀: understating is as wrong as overstating. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "C1", 15);
    set_score (ev, "A4", 3);
    g_assert_cmpfloat_with_epsilon (gw_evaluation_get_stated_total (ev), 90.0, 1e-9);
    assert_issues (ev, "grade-matches-score", 1, "grade", "优秀", NULL);
  }
  /* A grade the scale does not have. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "较好");
    assert_issues (ev, "grade-matches-score", 1, "grade", "较好", NULL);
  }
  /* 59.5 is 不合格; spaces around the stated grade do not matter. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "C1", 0);
    set_score (ev, "C2", 0);
    set_score (ev, "C3", 2.5);
    g_assert_cmpfloat_with_epsilon (gw_evaluation_get_stated_total (ev), 59.5, 1e-9);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, " 不合格 ");
    assert_issues (ev, "grade-matches-score", 0, NULL, NULL);
  }
  /* The thresholds are the form's: with 良好 from 88, 87.5 is 合格. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    g_ptr_array_set_size (gw_evaluation_get_grades (ev), 0);
    gw_evaluation_add_grade (ev, "优秀", 95);
    gw_evaluation_add_grade (ev, "良好", 88);
    gw_evaluation_add_grade (ev, "合格", 60);
    gw_evaluation_add_grade (ev, "不合格", 0);
    assert_issues (ev, "grade-matches-score", 1, "grade", "合格", NULL);
  }
  /* Not stated: nothing to disagree with. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "");
    assert_issues (ev, "grade-matches-score", 0, NULL, NULL);
  }
  /* The lowest grade without a veto is as wrong as any other. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "不合格");
    assert_issues (ev, "grade-matches-score", 1, "grade", "87.5", "良好", NULL);
  }
}

/* ---- form.veto ----------------------------------------------------------- */

static GwEvaluation *
form_with_95 (void)
{
  GwEvaluation *ev = default_form ();

  set_score (ev, "C1", 15);
  set_score (ev, "C3", 10);
  set_score (ev, "D1", 8);
  set_score (ev, "A4", 3);
  set_score (ev, "B3", 3);
  set_score (ev, "F2", 5);
  set_score (ev, "F3", 5);
  g_assert_cmpfloat_with_epsilon (gw_evaluation_get_stated_total (ev), 95.0, 1e-9);
  gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "优秀");
  return ev;
}

static void
test_veto (void)
{
  /* 95 points and 截留、挪用项目资金 ticked: 优秀 is wrong. */
  {
    g_autoptr(GwEvaluation) ev = form_with_95 ();

    assert_issues (ev, "veto", 0, NULL, NULL);
    tick_veto (ev, 2);
    assert_issues (ev, "veto", 1, "grade", "截留、挪用项目资金", "不合格", "优秀", "95", NULL);
    /* The thresholds alone still say 优秀: not this check's business. */
    assert_issues (ev, "grade-matches-score", 0, NULL, NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    tick_veto (ev, 0);
    tick_veto (ev, 3);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "合格");
    assert_issues (ev, "veto", 1, "grade", "重大安全责任事故", "擅自转包", NULL);
  }
  /* 95 with a veto ticked and 不合格 stated: right on both counts. */
  {
    g_autoptr(GwEvaluation) ev = form_with_95 ();

    tick_veto (ev, 4);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "不合格");
    assert_issues (ev, "veto", 0, NULL, NULL);
    assert_issues (ev, "grade-matches-score", 0, NULL, NULL);
  }
  /* The lowest grade is the form's, whatever it is called. */
  {
    g_autoptr(GwEvaluation) ev = form_with_95 ();

    g_ptr_array_set_size (gw_evaluation_get_grades (ev), 0);
    gw_evaluation_add_grade (ev, "好", 85);
    gw_evaluation_add_grade (ev, "中", 70);
    gw_evaluation_add_grade (ev, "差", 0);
    tick_veto (ev, 1);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "差");
    assert_issues (ev, "veto", 0, NULL, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "不合格");
    assert_issues (ev, "veto", 1, "grade", "差", NULL);
  }
}

/* ---- form.renewal-matches-grade ------------------------------------------ */

static void
test_renewal (void)
{
  /* Year 3: the cycle ends whatever the grade. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "3");
    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, CYCLE_END);
    assert_issues (ev, "renewal-matches-grade", 0, NULL, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, RENEW);
    assert_issues (ev, "renewal-matches-grade", 1, "decision", RENEW, CYCLE_END, NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = form_with_95 ();

    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "３");
    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, CYCLE_END);
    assert_issues (ev, "renewal-matches-grade", 0, NULL, NULL);
  }
  /* 良好 in year 2 renews. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, NO_RENEW);
    assert_issues (ev, "renewal-matches-grade", 1, "decision", "良好", RENEW, NULL);
  }
  /* A veto makes 95 points 不合格, which is not renewed. */
  {
    g_autoptr(GwEvaluation) ev = form_with_95 ();

    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "1");
    tick_veto (ev, 0);
    assert_issues (ev, "renewal-matches-grade", 1, "decision", NO_RENEW, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, NO_RENEW);
    assert_issues (ev, "renewal-matches-grade", 0, NULL, NULL);
  }
  /* A final full stop, half- or full-width, changes nothing. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, RENEW ".");
    assert_issues (ev, "renewal-matches-grade", 0, NULL, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, RENEW "。");
    assert_issues (ev, "renewal-matches-grade", 0, NULL, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, RENEW "合同");
    assert_issues (ev, "renewal-matches-grade", 1, "decision", NULL);
  }
  /* An override with a written reason is the person's call. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION, NO_RENEW);
    gw_evaluation_set_field (ev, GW_EVAL_OVERRIDE_REASON, "承接机构已书面申请终止合作。");
    assert_issues (ev, "renewal-matches-grade", 0, NULL, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_OVERRIDE_REASON, "   ");
    assert_issues (ev, "renewal-matches-grade", 1, "decision", NULL);
  }
  /* Typed with half-width punctuation and a full stop: the same decision. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    set_score (ev, "C1", 0);
    set_score (ev, "C2", 0);
    set_score (ev, "C3", 0);
    gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "不合格");
    gw_evaluation_set_field (ev, GW_EVAL_STATED_DECISION,
                             "不予续签, 按政府采购程序重新确定承接机构。");
    assert_issues (ev, "renewal-matches-grade", 0, NULL, NULL);
  }
  /* A decision table with a hole. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    g_ptr_array_set_size (gw_evaluation_get_decisions (ev), 0);
    gw_evaluation_add_decision (ev, 1, NULL, RENEW);
    gw_evaluation_add_decision (ev, 3, NULL, CYCLE_END);
    assert_issues (ev, "renewal-matches-grade", 1, "decision", "良好", NULL);
  }
}

/* ---- form.required-fields ------------------------------------------------ */

static void
test_required_fields (void)
{
  static const GwEvalField required[] = {
    GW_EVAL_OPERATOR, GW_EVAL_CREDIT_CODE, GW_EVAL_PROJECT,
    GW_EVAL_CONTRACT_NUMBER, GW_EVAL_SERVICE_START, GW_EVAL_SERVICE_END,
    GW_EVAL_CYCLE_YEAR, GW_EVAL_CONTRACT_AMOUNT, GW_EVAL_EVALUATOR, GW_EVAL_DATE,
  };

  /* Each required field, left blank (or only spaces), is reported by name. */
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(GwEvaluation) ev = default_form ();

      gw_evaluation_set_field (ev, required[i], i % 2 ? "" : " 　");
      assert_issues (ev, "required-fields", 1, gw_eval_field_to_string (required[i]), NULL);
    }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_CREDIT_CODE, "91350100M000100Y44");
    assert_issues (ev, "required-fields", 1, "credit-code", "91350100M000100Y44", NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "4");
    assert_issues (ev, "required-fields", 1, "cycle-year", "4", "3", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "0");
    assert_issues (ev, "required-fields", 1, "cycle-year", NULL);
    /* Words are not read as a year: the decision could not be computed. */
    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "第二年");
    assert_issues (ev, "required-fields", 1, "cycle-year", "第二年", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "3");
    assert_issues (ev, "required-fields", 0, NULL, NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_CONTRACT_AMOUNT, "叁拾万元整");
    assert_issues (ev, "required-fields", 1, "contract-amount", "叁拾万元整", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_CONTRACT_AMOUNT, "0元");
    assert_issues (ev, "required-fields", 1, "contract-amount", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_CONTRACT_AMOUNT, "-300000");
    assert_issues (ev, "required-fields", 1, "contract-amount", NULL);
  }
  /* Other ways of writing the same facts comply. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_CONTRACT_AMOUNT, "30万元");
    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, " 3 ");
    gw_evaluation_set_field (ev, GW_EVAL_CREDIT_CODE, " 91350100m000100y43 ");
    assert_issues (ev, "required-fields", 0, NULL, NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_CONTRACT_AMOUNT, "人民币300000元（大写：叁拾万元整）");
    gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "１");
    assert_issues (ev, "required-fields", 0, NULL, NULL);
  }
}

/* ---- form.dates ---------------------------------------------------------- */

static void
test_dates (void)
{
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_START, "2024-12-31");
    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_END, "2024-01-01");
    assert_issues (ev, "dates", 1, "service-end", "2024-01-01", "2024-12-31", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_END, "2024年12月31日");
    assert_issues (ev, "dates", 1, "service-end", NULL);
  }
  /* Longer than a yearly contract. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_END, "2025-01-02");
    assert_issues (ev, "dates", 1, "service-end", "12", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_END, "2026年12月31日");
    assert_issues (ev, "dates", 1, "service-end", NULL);
  }
  /* The bureau signs before the evaluation took place. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_BUREAU_DATE, "2024年12月19日");
    assert_issues (ev, "dates", 1, "bureau-date", "2024年12月19日", "2024-12-20", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_EVALUATORS_DATE, "2024/12/1");
    assert_issues (ev, "dates", 2, NULL, NULL);
  }
  /* Not a date at all, or not a real day. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_DATE, "2024-13-01");
    assert_issues (ev, "dates", 1, "date", "2024-13-01", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_DATE, "2023年2月29日");
    assert_issues (ev, "dates", 1, "date", NULL);
  }
  /* Mixed notations, sign-offs on the evaluation day itself. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_START, "2024/1/1");
    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_END, "２０２４年１２月３１日");
    gw_evaluation_set_field (ev, GW_EVAL_DATE, "2024年12月20日");
    gw_evaluation_set_field (ev, GW_EVAL_OPERATOR_ACK_DATE, "2024-12-20");
    gw_evaluation_set_field (ev, GW_EVAL_PURCHASER_DATE, "2024.12.20");
    gw_evaluation_set_field (ev, GW_EVAL_BUREAU_DATE, "2024/12/20");
    assert_issues (ev, "dates", 0, NULL, NULL);
  }
  /* Exactly twelve months, as contracts write it. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_START, "2024年3月1日");
    gw_evaluation_set_field (ev, GW_EVAL_SERVICE_END, "2025年3月1日");
    gw_evaluation_set_field (ev, GW_EVAL_DATE, "2025年2月20日");
    gw_evaluation_set_field (ev, GW_EVAL_EVALUATORS_DATE, "2025年2月20日");
    gw_evaluation_set_field (ev, GW_EVAL_OPERATOR_ACK_DATE, "2025年2月21日");
    gw_evaluation_set_field (ev, GW_EVAL_PURCHASER_DATE, "2025年2月25日");
    gw_evaluation_set_field (ev, GW_EVAL_BUREAU_DATE, "2025年3月2日");
    assert_issues (ev, "dates", 0, NULL, NULL);
  }
}

static void
test_parse_date (void)
{
  const struct {
    const char *text;
    int         y, m, d;  /* 0: not a date */
  } cases[] = {
    { "2024-01-01", 2024, 1, 1 },
    { "2024/1/1", 2024, 1, 1 },
    { "2024年1月1日", 2024, 1, 1 },
    { " 2024年12月31日 ", 2024, 12, 31 },
    { "2024.3.5", 2024, 3, 5 },
    { "２０２４－０２－２９", 2024, 2, 29 },
    { "2024年2月29", 2024, 2, 29 },
    { "2023-02-29", 0, 0, 0 },
    { "2024-13-01", 0, 0, 0 },
    { "2024-1/1", 0, 0, 0 },
    { "2024年1月", 0, 0, 0 },
    { "24-1-1", 0, 0, 0 },
    { "2024-01-011", 0, 0, 0 },
    { "2024-01-01日期", 0, 0, 0 },
    { "明年", 0, 0, 0 },
    { "", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      gboolean ok = gw_form_parse_date (cases[i].text, &date);

      g_test_message ("date “%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].y != 0);
      if (!ok)
        continue;
      g_assert_cmpint (g_date_get_year (&date), ==, cases[i].y);
      g_assert_cmpint (g_date_get_month (&date), ==, cases[i].m);
      g_assert_cmpint (g_date_get_day (&date), ==, cases[i].d);
    }
}

static void
test_parse_amount (void)
{
  const struct {
    const char *text;
    double      yuan;  /* < 0: not an amount */
  } cases[] = {
    { "300000", 300000 },
    { "300,000.00元", 300000 },
    { "300，000元", 300000 },
    { "30万元", 300000 },
    { "30.5万", 305000 },
    { "¥300000", 300000 },
    { "￥ 300000.50", 300000.5 },
    { "人民币30万元整", 300000 },
    { "300000元（大写：叁拾万元整）", 300000 },
    { "叁拾万元整", -1 },
    { "", -1 },
    { "三十万", -1 },
    { "1.2.3", -1 },
    { "-5", -1 },
    { "300000美元", -1 },
    { ",300", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double yuan = -1;
      gboolean ok = gw_form_parse_amount (cases[i].text, &yuan);

      g_test_message ("amount “%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].yuan >= 0);
      if (ok)
        g_assert_cmpfloat_with_epsilon (yuan, cases[i].yuan, 1e-6);
    }
}

/* ---- form.signatures ----------------------------------------------------- */

static void
test_signatures (void)
{
  {
    g_autoptr(GwEvaluation) ev = default_form ();
    const char *const two[] = { "张明", "李华", NULL };

    gw_evaluation_set_evaluators (ev, two);
    assert_issues (ev, "signatures", 1, "evaluators", "2", "3", NULL);
  }
  /* The same person twice, and a blank line, are not three evaluators. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();
    const char *const dup[] = { "张明", "李华", " 张明 ", "", NULL };

    gw_evaluation_set_evaluators (ev, dup);
    assert_issues (ev, "signatures", 1, "evaluators", NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_TEAM_LEADER, "");
    assert_issues (ev, "signatures", 1, "team-leader", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_BUREAU_REVIEW, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_OPERATOR_ACK, " ");
    gw_evaluation_set_field (ev, GW_EVAL_PURCHASER_OPINION, NULL);
    assert_issues (ev, "signatures", 4, NULL, NULL);
    g_assert_true (has_target (ev, "signatures", "bureau-review"));
    g_assert_true (has_target (ev, "signatures", "operator-ack"));
    g_assert_true (has_target (ev, "signatures", "purchaser-opinion"));
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();
    const char *const none[] = { NULL };

    gw_evaluation_set_evaluators (ev, none);
    assert_issues (ev, "signatures", 1, "evaluators", "0", NULL);
  }
  /* Four evaluators and an empty line comply. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();
    const char *const four[] = { "张明", "", "李华", "王芳", "陈静", NULL };

    gw_evaluation_set_evaluators (ev, four);
    assert_issues (ev, "signatures", 0, NULL, NULL);
  }
}

/* ---- form.money-consistency ---------------------------------------------- */

static void
test_money (void)
{
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "210,000元");
    assert_issues (ev, "money-consistency", 1, "funds-used", "70", NULL);
    /* An explanation settles it. */
    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_EXPLANATION, "因疫情部分活动延期，结余资金按规定退回。");
    assert_issues (ev, "money-consistency", 0, NULL, NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "31.5万元");
    assert_issues (ev, "money-consistency", 1, "funds-used", "105", NULL);
  }
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "239,999元");
    assert_issues (ev, "money-consistency", 1, "funds-used", "79.9997", NULL);
    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "很多");
    assert_issues (ev, "money-consistency", 1, "funds-used", "很多", NULL);
  }
  /* The edges of the band comply. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "240000");
    assert_issues (ev, "money-consistency", 0, NULL, NULL);
    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "30万元");
    assert_issues (ev, "money-consistency", 0, NULL, NULL);
  }
  /* Nothing written about funds: nothing to compare. */
  {
    g_autoptr(GwEvaluation) ev = default_form ();

    gw_evaluation_set_field (ev, GW_EVAL_FUNDS_USED, "");
    assert_issues (ev, "money-consistency", 0, NULL, NULL);
  }
}

/* ---- GB 32100-2015 ------------------------------------------------------- */

static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* The check character, computed here from the standard independently of
 * the code under test. */
static char
check_char (const char *first17)
{
  static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (charset, first17[i]) - charset) * w[i];
  return charset[(31 - sum % 31) % 31];
}

static void
test_credit_code_computed (void)
{
  const char authorities[] = "123456789ANY";

  for (guint n = 0; n < 500; n++)
    {
      char code[19];
      char *why = NULL;
      char right;

      code[0] = authorities[g_test_rand_int_range (0, strlen (authorities))];
      code[1] = '1' + g_test_rand_int_range (0, 9);
      for (int i = 2; i < 8; i++)
        code[i] = '0' + g_test_rand_int_range (0, 10);
      for (int i = 8; i < 17; i++)
        code[i] = charset[g_test_rand_int_range (0, 31)];
      code[17] = right = check_char (code);
      code[18] = '\0';
      if (!gw_credit_code_validate (code, &why))
        g_error ("%s rejected: %s", code, why);
      g_assert_null (why);

      /* Every other check character is wrong. */
      for (int c = 0; c < 31; c++)
        {
          if (charset[c] == right)
            continue;
          code[17] = charset[c];
          g_assert_false (gw_credit_code_validate (code, &why));
          g_assert_nonnull (why);
          g_clear_pointer (&why, g_free);
        }
      code[17] = right;

      /* So is a changed character anywhere in the body. */
      {
        int pos = g_test_rand_int_range (8, 17);
        char old = code[pos];

        code[pos] = charset[(strchr (charset, old) - charset + 1) % 31];
        g_assert_false (gw_credit_code_validate (code, NULL));
        code[pos] = old;
      }
    }
}

static void
test_credit_code_known (void)
{
  /* Published codes of real organisations and a widely used example. */
  const char *const valid[] = {
    "91350100M000100Y43",
    "914403001922038216",
    "9144030071526726XG",
    "91330100716105852F",
    "91110000802100433B",
    "91110108551385082Q",
  };
  struct {
    const char *code;
    const char *why_mentions;
  } invalid[] = {
    { "91350100M000100Y44", "3" },       /* wrong check character */
    { "91350100M000100Y4", "17" },       /* 17 characters */
    { "91350100M000100Y433", "19" },
    { "", "0" },
    { "91350100I000100Y43", "I" },
    { "91350100O000100Y43", "O" },
    { "91350100Z000100Y43", "Z" },
    { "91350100S000100Y43", "S" },
    { "91350100V000100Y43", "V" },
    { "91350100M000100Y4-", "-" },
    { "B1350100M000100Y43", "B" },       /* no such registration authority */
    { "90350100M000100Y43", "0" },       /* no such category */
    { "9135010AM000100Y43", "A" },       /* division code not digits */
    { "91350100M000100Y4三", "三" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *why = NULL;

      if (!gw_credit_code_validate (valid[i], &why))
        g_error ("%s rejected: %s", valid[i], why);
      g_assert_cmpint (check_char (valid[i]), ==, valid[i][17]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *why = NULL;

      g_assert_false (gw_credit_code_validate (invalid[i].code, &why));
      g_test_message ("%s: %s", invalid[i].code, why);
      g_assert_nonnull (why);
      if (strstr (why, invalid[i].why_mentions) == NULL)
        g_error ("reason for %s, “%s”, does not mention “%s”",
                 invalid[i].code, why, invalid[i].why_mentions);
    }

  /* Decided: case and width are folded, as elsewhere in the checker. People
   * type codes in lower case and paste them out of Word in full width; it is
   * the same code, and the charset still excludes i o z s v. */
  g_assert_true (gw_credit_code_validate ("91350100m000100y43", NULL));
  g_assert_true (gw_credit_code_validate ("９１３５０１００Ｍ０００１００Ｙ４３", NULL));
  g_assert_true (gw_credit_code_validate ("  9144030071526726xg\t", NULL));
  g_assert_false (gw_credit_code_validate ("91350100m000100y44", NULL));
  g_assert_false (gw_credit_code_validate ("91350100i000100y43", NULL));
  g_assert_false (gw_credit_code_validate (NULL, NULL));
  /* Spaces inside are not folded away: that is no longer the code. */
  g_assert_false (gw_credit_code_validate ("913501 00M000100Y43", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form-checks/complying-form", test_complying_form);
  g_test_add_func ("/form-checks/catalogue-names", test_catalogue_names);
  g_test_add_func ("/form-checks/unknown-check", test_unknown_check);
  g_test_add_func ("/form-checks/form-from-document", test_form_from_document);
  g_test_add_func ("/form-checks/max-sum-100", test_max_sum);
  g_test_add_func ("/form-checks/score-range", test_score_range);
  g_test_add_func ("/form-checks/subtotals", test_subtotals);
  g_test_add_func ("/form-checks/grade-matches-score", test_grade);
  g_test_add_func ("/form-checks/veto", test_veto);
  g_test_add_func ("/form-checks/renewal-matches-grade", test_renewal);
  g_test_add_func ("/form-checks/required-fields", test_required_fields);
  g_test_add_func ("/form-checks/dates", test_dates);
  g_test_add_func ("/form-checks/parse-date", test_parse_date);
  g_test_add_func ("/form-checks/parse-amount", test_parse_amount);
  g_test_add_func ("/form-checks/signatures", test_signatures);
  g_test_add_func ("/form-checks/money-consistency", test_money);
  g_test_add_func ("/form-checks/credit-code/computed", test_credit_code_computed);
  g_test_add_func ("/form-checks/credit-code/known", test_credit_code_known);

  return g_test_run ();
}
