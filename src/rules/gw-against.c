/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-against"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gw-against-private.h"
#include "gw-form-checks.h"
#include "gw-numeral.h"

/* What a decision of the form's table does, read from its words. */
typedef enum {
  DECIDES_OTHER,
  DECIDES_RENEW,
  DECIDES_REPROCURE,
} Decides;

static Decides
decides (const char *decision)
{
  static GRegex *reprocure, *refuse;

  if (decision == NULL)
    return DECIDES_OTHER;
  if (g_once_init_enter (&reprocure))
    {
      refuse = g_regex_new ("(不予|不再|不得|不能|停止)续签", 0, 0, NULL);
      g_once_init_leave (&reprocure,
                         g_regex_new ("重新[^，。；]{0,8}(采购|招标|确定|选定|遴选)|政府采购程序|另行(采购|确定|招标)", 0, 0, NULL));
    }
  if (g_regex_match (reprocure, decision, 0, NULL))
    return DECIDES_REPROCURE;
  if (strstr (decision, "续签") && !g_regex_match (refuse, decision, 0, NULL))
    return DECIDES_RENEW;
  return DECIDES_OTHER;
}

static void
add (GPtrArray  *issues,
     const char *target,
     char       *detail)
{
  GwFormIssue *issue = g_new0 (GwFormIssue, 1);

  issue->target = g_strdup (target);
  issue->detail = detail;
  g_ptr_array_add (issues, issue);
}

static guint
max_year (GwEvaluation *ev)
{
  GPtrArray *decisions = gw_evaluation_get_decisions (ev);
  guint years = 0;

  for (guint i = 0; i < decisions->len; i++)
    years = MAX (years, ((GwDecisionRule *) decisions->pdata[i])->cycle_year);
  return years;
}

static void
check_cycle (GwEvaluation *ev,
             GwPolicy     *policy,
             GPtrArray    *issues)
{
  guint cycle = gw_policy_get_cycle_years (policy);
  guint year = gw_evaluation_get_cycle_year (ev);
  guint table = max_year (ev);

  if (year > cycle)
    add (issues, "cycle-year",
         g_strdup_printf (_("Year %u of the cycle is past the opinion's %u-year cycle"), year, cycle));
  if (table > cycle)
    add (issues, "decision",
         g_strdup_printf (_("The decision table runs to year %u of the cycle; the opinion's cycle is %u years"),
                          table, cycle));
}

/* Each (year, grade) the form's table decides, against the opinion. */
static void
check_decisions (GwEvaluation *ev,
                 GwPolicy     *policy,
                 gboolean      renewals,
                 GPtrArray    *issues)
{
  GPtrArray *grades = gw_evaluation_get_grades (ev);
  guint years = MAX (max_year (ev), 1);

  if (gw_policy_has (policy, GW_POLICY_CYCLE_YEARS))
    years = MIN (years, gw_policy_get_cycle_years (policy));
  for (guint y = 1; y <= years; y++)
    for (guint i = 0; i < grades->len; i++)
      {
        const char *grade = ((GwGrade *) grades->pdata[i])->name;
        const char *decision = gw_evaluation_decision_for (ev, grade, y);
        const char *wanted = gw_policy_decision_for (policy, y, grade);
        Decides d = decides (decision);

        if (wanted == NULL)
          continue;
        if (renewals && d == DECIDES_RENEW &&
            (g_str_equal (wanted, "not-renewed") || g_str_equal (wanted, "reprocure") ||
             g_str_equal (wanted, "terminate")))
          add (issues, "decision",
               g_strdup_printf (_("The form renews grade %s in year %u of the cycle (“%s”); the opinion does not renew it"),
                                grade, y, decision));
        else if (!renewals && d == DECIDES_REPROCURE &&
                 (g_str_equal (wanted, "renew") || g_str_equal (wanted, "rectify")))
          add (issues, "decision",
               g_strdup_printf (_("The form orders re-procurement for grade %s in year %u of the cycle (“%s”); the opinion does not"),
                                grade, y, decision));
      }
}

static char *
number (double v)
{
  return gw_number_format (v, -1);
}

static void
check_thresholds (GwEvaluation *ev,
                  GwPolicy     *policy,
                  GPtrArray    *issues)
{
  GPtrArray *stated = gw_policy_get_grade_thresholds (policy);
  GPtrArray *grades = gw_evaluation_get_grades (ev);

  for (guint i = 0; stated && i < stated->len; i++)
    {
      GwGrade *want = stated->pdata[i];
      GwGrade *have = NULL;
      g_autofree char *w = number (want->min);

      for (guint k = 0; k < grades->len && have == NULL; k++)
        if (g_str_equal (((GwGrade *) grades->pdata[k])->name, want->name))
          have = grades->pdata[k];
      if (have == NULL)
        add (issues, "grade",
             g_strdup_printf (_("The form's grade scale has no grade %s; the opinion sets it at %s points"),
                              want->name, w));
      else if (have->min != want->min)
        {
          g_autofree char *h = number (have->min);
          add (issues, "grade",
               g_strdup_printf (_("Grade %s starts at %s points on the form and at %s points in the opinion"),
                                want->name, h, w));
        }
    }
}

static char *
field (GwEvaluation *ev,
       GwEvalField   f)
{
  const char *v = gw_evaluation_get_field (ev, f);
  char *s = g_strstrip (g_strdup (v ? v : ""));

  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static void
check_evaluator (GwEvaluation *ev,
                 GwPolicy     *policy,
                 GPtrArray    *issues)
{
  g_autofree char *evaluator = field (ev, GW_EVAL_EVALUATOR);
  g_autofree char *operator = field (ev, GW_EVAL_OPERATOR);
  g_autofree char *purchaser = field (ev, GW_EVAL_PURCHASER);

  if (evaluator == NULL || g_strcmp0 (gw_policy_get_evaluator (policy), "third-party") != 0)
    return;
  if ((operator && strstr (evaluator, operator)) ||
      g_regex_match_simple ("自评|自查|承接机构|运营机构|本机构", evaluator, 0, 0))
    add (issues, "evaluator",
         g_strdup_printf (_("The evaluator “%s” is the operator itself; the opinion has a third party evaluate"),
                          evaluator));
  else if ((purchaser && strstr (evaluator, purchaser)) ||
           (g_regex_match_simple ("民政局|人民政府|办事处|财政局", evaluator, 0, 0) &&
            !g_regex_match_simple ("第三方|评估(机构|中心|公司|事务所)|事务所|研究院|研究中心|协会|学会", evaluator, 0, 0)))
    add (issues, "evaluator",
         g_strdup_printf (_("The evaluator “%s” is the purchaser itself; the opinion has a third party evaluate"),
                          evaluator));
}

static const char * const names[] = {
  "against-opinion-cycle",
  "against-opinion-renewal",
  "against-opinion-reprocure",
  "against-opinion-thresholds",
  "against-opinion-evaluator",
  NULL
};

const char * const *
_gw_against_check_names (void)
{
  return names;
}

gboolean
_gw_against_is_check (const char *name)
{
  return name && g_strv_contains (names, name);
}

GPtrArray *
_gw_against_check (const char    *name,
                   GwEvaluation  *ev,
                   GwPolicy      *policy,
                   GwPolicyParam *param)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_form_issue_free);

  g_return_val_if_fail (GW_IS_EVALUATION (ev) && policy != NULL, issues);

  if (g_str_equal (name, "against-opinion-cycle"))
    {
      *param = GW_POLICY_CYCLE_YEARS;
      if (gw_policy_has (policy, *param))
        check_cycle (ev, policy, issues);
    }
  else if (g_str_equal (name, "against-opinion-renewal"))
    {
      *param = GW_POLICY_RENEWING_GRADES;
      if (gw_policy_has (policy, *param) || gw_policy_has (policy, GW_POLICY_ON_FAIL))
        check_decisions (ev, policy, TRUE, issues);
      if (!gw_policy_has (policy, *param))
        *param = GW_POLICY_ON_FAIL;
    }
  else if (g_str_equal (name, "against-opinion-reprocure"))
    {
      *param = GW_POLICY_ON_FAIL;
      if (gw_policy_has (policy, *param) || gw_policy_has (policy, GW_POLICY_RENEWING_GRADES))
        check_decisions (ev, policy, FALSE, issues);
      if (!gw_policy_has (policy, *param))
        *param = GW_POLICY_RENEWING_GRADES;
    }
  else if (g_str_equal (name, "against-opinion-thresholds"))
    {
      *param = GW_POLICY_GRADE_THRESHOLDS;
      if (gw_policy_has (policy, *param))
        check_thresholds (ev, policy, issues);
    }
  else if (g_str_equal (name, "against-opinion-evaluator"))
    {
      *param = GW_POLICY_EVALUATOR;
      if (gw_policy_has (policy, *param))
        check_evaluator (ev, policy, issues);
    }
  else
    g_critical ("no against-opinion check “%s”", name);
  return issues;
}

char *
_gw_against_basis (GwPolicy      *policy,
                   GwPolicyParam  param)
{
  const char *title = gw_policy_get_title (policy);
  const char *number = gw_policy_get_doc_number (policy);
  const char *text = gw_policy_get_text (policy, param);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "《%s》", *title ? title : _("the governing opinion"));
  if (*number)
    g_string_append_printf (s, "（%s）", number);
  if (text)
    g_string_append_printf (s, "：“%s”", text);
  return g_string_free (s, FALSE);
}
