/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "gw-document.h"
#include "gw-evaluation.h"

/* The default form of evaluation.md: six sections, 18 indicators. */
static const struct {
  const char *section;
  const char *section_name;
  double      section_max;
  const char *id;
  const char *name;
  double      max;
} form[] = {
  { "A", "项目管理", 15, "A1", "人员配备与持证率", 5 },
  { "A", "项目管理", 15, "A2", "制度建设与执行", 4 },
  { "A", "项目管理", 15, "A3", "档案与台账", 3 },
  { "A", "项目管理", 15, "A4", "督导与培训", 3 },
  { "B", "阵地建设", 10, "B1", "场地、设施、标识", 5 },
  { "B", "阵地建设", 10, "B2", "安全管理", 2 },
  { "B", "阵地建设", 10, "B3", "信息化与数据报送", 3 },
  { "C", "服务执行与产出", 35, "C1", "合同约定服务指标完成率", 15 },
  { "C", "服务执行与产出", 35, "C2", "民政兜底服务（救助、养老、儿童关爱）", 10 },
  { "C", "服务执行与产出", 35, "C3", "五社联动与资源链接", 10 },
  { "D", "服务成效", 15, "D1", "项目目标达成度", 8 },
  { "D", "服务成效", 15, "D2", "典型案例与服务模式提炼", 4 },
  { "D", "服务成效", 15, "D3", "宣传与创新", 3 },
  { "E", "社会评价", 10, "E1", "服务对象满意度", 5 },
  { "E", "社会评价", 10, "E2", "购买方及村（社区）评价", 5 },
  { "F", "财务管理", 15, "F1", "专账核算、票据合规", 5 },
  { "F", "财务管理", 15, "F2", "预算执行与资金使用率", 5 },
  { "F", "财务管理", 15, "F3", "人员薪酬社保按时足额发放", 5 },
};

static const char *vetoes[] = {
  "重大安全责任事故", "虚报、伪造服务数据或档案", "截留、挪用项目资金",
  "擅自转包", "严重违反社会工作职业伦理",
};

#define RENEW "续签下一年度合同"
#define NO_RENEW "不予续签，按政府采购程序重新确定承接机构"
#define CYCLE_END "周期届满，按政府采购程序重新确定承接机构"

static GwEvaluation *
make_form (void)
{
  GwEvaluation *ev = gw_evaluation_new ();
  GwEvalSection *section = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (form); i++)
    {
      g_autoptr(GwIndicator) ind = NULL;

      if (section == NULL || g_strcmp0 (gw_eval_section_get_id (section), form[i].section) != 0)
        {
          g_autoptr(GwEvalSection) s = gw_eval_section_new (form[i].section, form[i].section_name,
                                                            form[i].section_max);
          gw_evaluation_add_section (ev, s);
          section = s;
        }
      ind = gw_indicator_new (form[i].id, form[i].name, form[i].max);
      gw_eval_section_add_indicator (section, ind);
    }
  for (guint i = 0; i < G_N_ELEMENTS (vetoes); i++)
    {
      g_autoptr(GwVetoItem) v = gw_veto_item_new (vetoes[i], FALSE);
      gw_evaluation_add_veto_item (ev, v);
    }
  /* Deliberately out of order: the scale must sort itself. */
  gw_evaluation_add_grade (ev, "合格", 60);
  gw_evaluation_add_grade (ev, "优秀", 90);
  gw_evaluation_add_grade (ev, "不合格", 0);
  gw_evaluation_add_grade (ev, "良好", 80);
  for (guint year = 1; year <= 2; year++)
    {
      gw_evaluation_add_decision (ev, year, "不合格", NO_RENEW);
      gw_evaluation_add_decision (ev, year, NULL, RENEW);
    }
  gw_evaluation_add_decision (ev, 3, NULL, CYCLE_END);
  return ev;
}

/* Gives every indicator @fraction of its maximum. */
static void
score_all (GwEvaluation *ev,
           double        fraction)
{
  for (guint i = 0; i < G_N_ELEMENTS (form); i++)
    gw_indicator_set_score (gw_evaluation_find_indicator (ev, form[i].id), form[i].max * fraction);
}

static void
test_field_names (void)
{
  GwEvalField f;

  g_assert_cmpstr (gw_eval_field_to_string (GW_EVAL_PROJECT), ==, "project");
  g_assert_cmpstr (gw_eval_field_to_string (GW_EVAL_CREDIT_CODE), ==, "credit-code");
  g_assert_cmpstr (gw_eval_field_to_string (GW_EVAL_OVERRIDE_REASON), ==, "override-reason");
  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    {
      g_assert_true (gw_eval_field_from_string (gw_eval_field_to_string (i), &f));
      g_assert_cmpint (f, ==, i);
    }
  g_assert_true (gw_eval_field_from_string ("operator-ack-date", &f));
  g_assert_cmpint (f, ==, GW_EVAL_OPERATOR_ACK_DATE);
  g_assert_false (gw_eval_field_from_string ("operator_ack", &f));
  g_assert_false (gw_eval_field_from_string (NULL, &f));
}

static void
test_scoring (void)
{
  g_autoptr(GwEvaluation) ev = make_form ();
  GwEvalSection *a = gw_evaluation_find_section (ev, "A");
  GwEvalSection *c = gw_evaluation_find_section (ev, "C");

  g_assert_nonnull (a);
  g_assert_cmpfloat (gw_evaluation_compute_max (ev), ==, 100);
  g_assert_cmpfloat (gw_eval_section_compute_max (c), ==, 35);
  /* All blank: blank counts 0. */
  g_assert_true (isnan (gw_indicator_get_score (gw_evaluation_find_indicator (ev, "A1"))));
  g_assert_cmpfloat (gw_evaluation_compute_total (ev), ==, 0);

  gw_indicator_set_score (gw_evaluation_find_indicator (ev, "A1"), 4.5);
  gw_indicator_set_score (gw_evaluation_find_indicator (ev, "A3"), 2);
  gw_indicator_set_score (gw_evaluation_find_indicator (ev, "C1"), 13.5);
  gw_indicator_set_self_score (gw_evaluation_find_indicator (ev, "C2"), 10);
  g_assert_cmpfloat (gw_eval_section_compute_subtotal (a), ==, 6.5);
  g_assert_cmpfloat (gw_eval_section_compute_subtotal (c), ==, 13.5);
  /* Self-scores do not count. */
  g_assert_cmpfloat (gw_evaluation_compute_total (ev), ==, 20);

  score_all (ev, 0.9);
  g_assert_cmpfloat_with_epsilon (gw_evaluation_compute_total (ev), 90, 1e-9);
  g_assert_null (gw_evaluation_find_indicator (ev, "G1"));
  g_assert_cmpfloat (gw_evaluation_get_step (ev), ==, 0.5);
}

static void
test_grades (void)
{
  g_autoptr(GwEvaluation) ev = make_form ();
  g_autoptr(GwEvaluation) empty = gw_evaluation_new ();
  GPtrArray *grades = gw_evaluation_get_grades (ev);

  g_assert_cmpuint (grades->len, ==, 4);
  g_assert_cmpstr (((GwGrade *) grades->pdata[0])->name, ==, "优秀");
  g_assert_cmpstr (((GwGrade *) grades->pdata[3])->name, ==, "不合格");

  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 100, FALSE), ==, "优秀");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 90, FALSE), ==, "优秀");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 89.5, FALSE), ==, "良好");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 80, FALSE), ==, "良好");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 79.5, FALSE), ==, "合格");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 60, FALSE), ==, "合格");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 59.5, FALSE), ==, "不合格");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 0, FALSE), ==, "不合格");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 95, TRUE), ==, "不合格");
  g_assert_null (gw_evaluation_grade_for_total (empty, 95, FALSE));

  score_all (ev, 0.85);
  g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, "良好");
  score_all (ev, 0.5);
  g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, "不合格");

  /* A three-tier scale whose lowest tier has a positive bound still rates a
   * total below it at the lowest tier. */
  gw_evaluation_clear_grades (ev);
  gw_evaluation_add_grade (ev, "良好", 85);
  gw_evaluation_add_grade (ev, "合格", 70);
  gw_evaluation_add_grade (ev, "不合格", 10);
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 86, FALSE), ==, "良好");
  g_assert_cmpstr (gw_evaluation_grade_for_total (ev, 5, FALSE), ==, "不合格");
}

static void
test_veto (void)
{
  g_autoptr(GwEvaluation) ev = make_form ();
  g_autoptr(GwVetoItem) v = NULL;

  score_all (ev, 0.95);
  gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "1");
  g_assert_false (gw_evaluation_any_veto (ev));
  g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, "优秀");
  g_assert_cmpstr (gw_evaluation_compute_decision (ev), ==, RENEW);

  v = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (ev)), 3);
  g_assert_cmpstr (gw_veto_item_get_text (v), ==, "擅自转包");
  gw_veto_item_set_ticked (v, TRUE);
  g_assert_true (gw_evaluation_any_veto (ev));
  g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, "不合格");
  g_assert_cmpstr (gw_evaluation_compute_decision (ev), ==, NO_RENEW);
  /* The total itself is untouched by the veto. */
  g_assert_cmpfloat_with_epsilon (gw_evaluation_compute_total (ev), 95, 1e-9);
  gw_veto_item_set_ticked (v, FALSE);
  g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, "优秀");
}

static void
test_decisions (void)
{
  g_autoptr(GwEvaluation) ev = make_form ();
  static const struct {
    const char *year;
    double      fraction;
    const char *grade;
    const char *decision;
  } cases[] = {
    { "1", 0.95, "优秀", RENEW },
    { "1", 0.85, "良好", RENEW },
    { "2", 0.65, "合格", RENEW },
    { "1", 0.5, "不合格", NO_RENEW },
    { "2", 0.55, "不合格", NO_RENEW },
    { "3", 0.95, "优秀", CYCLE_END },
    { "3", 0.5, "不合格", CYCLE_END },
    { " ３ ", 0.85, "良好", CYCLE_END },
    { "", 0.85, "良好", NULL },
    { "第二年", 0.85, "良好", NULL },
    { "4", 0.85, "良好", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      score_all (ev, cases[i].fraction);
      gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, cases[i].year);
      g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, cases[i].grade);
      g_assert_cmpstr (gw_evaluation_compute_decision (ev), ==, cases[i].decision);
    }

  g_assert_cmpstr (gw_evaluation_decision_for (ev, "合格", 2), ==, RENEW);
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "不合格", 3), ==, CYCLE_END);
  g_assert_null (gw_evaluation_decision_for (ev, "良好", 0));

  /* A year-0 rule matches any year; first match wins. */
  gw_evaluation_clear_decisions (ev);
  gw_evaluation_add_decision (ev, 0, "基本合格", "限期整改");
  gw_evaluation_add_decision (ev, 0, NULL, "其他");
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "基本合格", 2), ==, "限期整改");
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "基本合格", 0), ==, "限期整改");
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "良好", 3), ==, "其他");
}

static void
test_copy_equal (void)
{
  g_autoptr(GwEvaluation) ev = make_form ();
  g_autoptr(GwEvaluation) copy = NULL;
  g_autoptr(GwEvaluation) empty1 = gw_evaluation_new ();
  g_autoptr(GwEvaluation) empty2 = gw_evaluation_new ();
  static const char *names[] = { "张三", "李四", "王五", NULL };
  GwIndicator *ind;
  g_autoptr(GwVetoItem) v = NULL;

  /* Blank scores (NAN) compare equal. */
  g_assert_true (gw_evaluation_equal (empty1, empty2));

  gw_evaluation_set_field (ev, GW_EVAL_PROJECT, "神木市高家堡镇社工站运营服务项目");
  gw_evaluation_set_evaluators (ev, names);
  gw_indicator_set_score (gw_evaluation_find_indicator (ev, "A1"), 4.5);
  gw_indicator_set_comment (gw_evaluation_find_indicator (ev, "A1"), "持证率80%");
  gw_eval_section_set_stated_subtotal (gw_evaluation_find_section (ev, "A"), 4.5);
  gw_evaluation_set_stated_total (ev, 88);

  copy = gw_evaluation_copy (ev);
  g_assert_true (gw_evaluation_equal (ev, copy));
  g_assert_true (gw_evaluation_equal (copy, ev));
  g_assert_true (isnan (gw_indicator_get_score (gw_evaluation_find_indicator (copy, "B1"))));
  g_assert_cmpstr (gw_evaluation_get_evaluators (copy)[2], ==, "王五");
  g_assert_cmpuint (gw_evaluation_get_grades (copy)->len, ==, 4);
  g_assert_cmpuint (gw_evaluation_get_decisions (copy)->len, ==, 5);

  /* Deep: changing the copy's indicator leaves the original alone. */
  ind = gw_evaluation_find_indicator (copy, "A1");
  g_assert_true (ind != gw_evaluation_find_indicator (ev, "A1"));
  gw_indicator_set_score (ind, 5);
  g_assert_false (gw_evaluation_equal (ev, copy));
  g_assert_cmpfloat (gw_indicator_get_score (gw_evaluation_find_indicator (ev, "A1")), ==, 4.5);
  gw_indicator_set_score (ind, 4.5);
  g_assert_true (gw_evaluation_equal (ev, copy));

  /* Blank vs zero differ. */
  gw_indicator_set_score (gw_evaluation_find_indicator (copy, "B1"), 0);
  g_assert_false (gw_evaluation_equal (ev, copy));
  gw_indicator_set_score (gw_evaluation_find_indicator (copy, "B1"), NAN);
  g_assert_true (gw_evaluation_equal (ev, copy));

  v = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (copy)), 0);
  gw_veto_item_set_ticked (v, TRUE);
  g_assert_false (gw_evaluation_equal (ev, copy));
  gw_veto_item_set_ticked (v, FALSE);

  gw_evaluation_add_decision (copy, 3, NULL, "x");
  g_assert_false (gw_evaluation_equal (ev, copy));
  g_clear_object (&copy);

  copy = gw_evaluation_copy (ev);
  gw_evaluation_set_stated_total (copy, NAN);
  g_assert_false (gw_evaluation_equal (ev, copy));
  g_clear_object (&copy);

  copy = gw_evaluation_copy (ev);
  gw_evaluation_add_grade (copy, "基本合格", 50);
  g_assert_false (gw_evaluation_equal (ev, copy));
  g_clear_object (&copy);

  copy = gw_evaluation_copy (ev);
  gw_evaluation_set_field (copy, GW_EVAL_OVERRIDE_REASON, "经研究决定");
  g_assert_false (gw_evaluation_equal (ev, copy));
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(GwEvaluation) ev = make_form ();
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_EVALUATION);
  g_autoptr(GwIndicator) removed = NULL;
  g_autoptr(GwEvalSection) extra = gw_eval_section_new ("G", "其他", 5);
  g_autoptr(GwIndicator) g1 = gw_indicator_new ("G1", "其他", 5);
  g_autoptr(GwVetoItem) v = NULL;
  GwEvalSection *a = gw_evaluation_find_section (ev, "A");
  GwIndicator *a1 = gw_evaluation_find_indicator (ev, "A1");
  static const char *names[] = { "张三", NULL };
  guint count = 0, doc_count = 0, notified = 0;

  g_signal_connect (ev, "changed", G_CALLBACK (count_cb), &count);
  g_signal_connect (ev, "notify::project", G_CALLBACK (notify_count_cb), &notified);

#define EXPECT(stmt, n) G_STMT_START { \
    guint before = count; \
    stmt; \
    g_assert_cmpuint (count - before, ==, n); \
  } G_STMT_END

  EXPECT (gw_evaluation_set_field (ev, GW_EVAL_PROJECT, "项目"), 1);
  EXPECT (gw_evaluation_set_field (ev, GW_EVAL_PROJECT, "项目"), 0);
  g_assert_cmpuint (notified, ==, 1);
  EXPECT (g_object_set (ev, "project", "项目二", NULL), 1);
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_PROJECT), ==, "项目二");
  EXPECT (gw_evaluation_set_evaluators (ev, names), 1);
  EXPECT (gw_evaluation_set_step (ev, 1), 1);
  EXPECT (gw_evaluation_set_stated_total (ev, 80), 1);
  EXPECT (gw_evaluation_set_stated_total (ev, 80), 0);
  EXPECT (gw_indicator_set_score (a1, 3), 1);
  EXPECT (gw_indicator_set_score (a1, 3), 0);
  EXPECT (gw_indicator_set_score (a1, NAN), 1);
  EXPECT (gw_indicator_set_score (a1, NAN), 0);
  EXPECT (gw_indicator_set_self_score (a1, 4), 1);
  EXPECT (gw_indicator_set_comment (a1, "好"), 1);
  EXPECT (gw_indicator_set_scored_by (a1, "第三方"), 1);
  EXPECT (gw_indicator_set_name (a1, "人员"), 1);
  EXPECT (gw_indicator_set_max (a1, 6), 1);
  EXPECT (gw_eval_section_set_stated_subtotal (a, 10), 1);
  EXPECT (gw_eval_section_set_max (a, 16), 1);
  EXPECT (gw_eval_section_set_name (a, "项目管理（改）"), 1);
  EXPECT (gw_eval_section_add_indicator (a, g1), 1);
  EXPECT (gw_evaluation_add_section (ev, extra), 1);
  EXPECT (gw_evaluation_add_grade (ev, "基本合格", 50), 1);
  EXPECT (gw_evaluation_add_decision (ev, 0, NULL, "其他"), 1);
  EXPECT (gw_evaluation_clear_decisions (ev), 1);
  EXPECT (gw_evaluation_clear_grades (ev), 1);

  v = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (ev)), 0);
  EXPECT (gw_veto_item_set_ticked (v, TRUE), 1);
  EXPECT (gw_veto_item_set_ticked (v, TRUE), 0);
  EXPECT (g_list_store_remove (gw_evaluation_get_veto_items (ev), 0), 1);
  /* A removed veto item no longer reaches the evaluation. */
  EXPECT (gw_veto_item_set_ticked (v, FALSE), 0);

  removed = g_object_ref (a1);
  EXPECT (g_list_store_remove (gw_eval_section_get_indicators (a), 0), 1);
  EXPECT (gw_indicator_set_score (removed, 1), 0);
  EXPECT (g_list_store_remove (gw_evaluation_get_sections (ev), 6), 1);
  EXPECT (gw_indicator_set_score (g1, 2), 1); /* still in section A */
  EXPECT (gw_eval_section_set_max (extra, 1), 0);

  /* The document forwards the form's changes. */
  gw_document_set_evaluation (doc, ev);
  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &doc_count);
  gw_indicator_set_score (gw_evaluation_find_indicator (ev, "C1"), 12);
  g_assert_cmpuint (doc_count, ==, 1);
  gw_evaluation_set_field (ev, GW_EVAL_STATED_GRADE, "良好");
  g_assert_cmpuint (doc_count, ==, 2);

#undef EXPECT
}

int
main (int   argc,
      char *argv[])
{
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evaluation/field-names", test_field_names);
  g_test_add_func ("/evaluation/scoring", test_scoring);
  g_test_add_func ("/evaluation/grades", test_grades);
  g_test_add_func ("/evaluation/veto", test_veto);
  g_test_add_func ("/evaluation/decisions", test_decisions);
  g_test_add_func ("/evaluation/copy-equal", test_copy_equal);
  g_test_add_func ("/evaluation/changed-signal", test_changed_signal);

  return g_test_run ();
}
