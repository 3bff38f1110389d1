/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-policy"

#include "config.h"

#include "gw-policy.h"
#include "gw-policy-private.h"

/* An opinion's parameters put to work on an evaluation form: the decision
 * they give for a grade in a year of the cycle, and a form filled from
 * them. Reading the parameters out of the opinion is gw-policy.c. */

/* ---- applying to a form ------------------------------------------------- */

#define DECISION_RENEW      "续签下一年度合同"
#define DECISION_REPROCURE  "不予续签，按政府采购程序重新确定承接机构"
#define DECISION_RECTIFY    "限期整改，整改合格后续签下一年度合同"
#define DECISION_TERMINATE  "不予续签，解除合同"
#define DECISION_NOT_RENEW  "不予续签"
#define DECISION_END        "周期届满，按政府采购程序重新确定承接机构"

static gboolean
lowest_grade (GwEvaluation *evaluation,
              const char   *grade)
{
  GPtrArray *grades = gw_evaluation_get_grades (evaluation);
  return grades->len > 0 && g_strcmp0 (((GwGrade *) grades->pdata[grades->len - 1])->name, grade) == 0;
}

const char *
gw_policy_decision_for (GwPolicy   *policy,
                        guint       cycle_year,
                        const char *grade)
{
  g_return_val_if_fail (policy != NULL && grade != NULL, NULL);

  if (policy->src[GW_POLICY_CYCLE_YEARS].set && cycle_year >= policy->cycle_years)
    return "end-of-cycle";
  if (g_str_equal (grade, "不合格"))
    return policy->on_fail;
  if (policy->renewing_grades)
    {
      const char * const *scale = policy->scale ? (const char * const *) policy->scale : _gw_policy_default_scale;
      int rank = -1, best = G_MAXINT;

      if (g_strv_contains ((const char * const *) policy->renewing_grades, grade))
        return "renew";
      /* 良好或合格的续签: a better grade renews too. */
      for (int i = 0; scale[i]; i++)
        {
          if (g_str_equal (scale[i], grade))
            rank = i;
          if (g_strv_contains ((const char * const *) policy->renewing_grades, scale[i]))
            best = MIN (best, i);
        }
      return rank >= 0 && rank < best ? "renew" : "not-renewed";
    }
  return NULL;
}

guint
gw_policy_apply_to_evaluation (GwPolicy     *policy,
                               GwEvaluation *evaluation)
{
  guint applied = 0, years = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *grades, *decisions;

  g_return_val_if_fail (policy != NULL, 0);
  g_return_val_if_fail (GW_IS_EVALUATION (evaluation), 0);

  /* Grade scale: the stated thresholds replace the template's; a grade the
   * opinion does not bound (不合格 below the lowest) stays. */
  if (policy->thresholds)
    {
      g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (_gw_policy_grade_free);

      grades = gw_evaluation_get_grades (evaluation);
      for (guint i = 0; i < grades->len; i++)
        {
          GwGrade *g = grades->pdata[i], *c = g_new0 (GwGrade, 1);
          c->name = g_strdup (g->name);
          c->min = g->min;
          g_ptr_array_add (old, c);
        }
      gw_evaluation_clear_grades (evaluation);
      for (guint i = 0; i < policy->thresholds->len; i++)
        {
          GwGrade *g = policy->thresholds->pdata[i];
          gw_evaluation_add_grade (evaluation, g->name, g->min);
        }
      for (guint i = 0; i < old->len; i++)
        {
          GwGrade *g = old->pdata[i];
          gboolean stated = FALSE;
          for (guint k = 0; k < policy->thresholds->len; k++)
            stated |= g_str_equal (((GwGrade *) policy->thresholds->pdata[k])->name, g->name);
          if (!stated && g->min < ((GwGrade *) policy->thresholds->pdata[policy->thresholds->len - 1])->min)
            gw_evaluation_add_grade (evaluation, g->name, g->min);
        }
      applied++;
    }

  if (!policy->src[GW_POLICY_CYCLE_YEARS].set && !policy->renewing_grades && !policy->on_fail)
    return applied;

  /* Decision table: one row per grade for each year but the last, then the
   * end of the cycle. What the policy does not say keeps the template's
   * row for that year and grade. */
  decisions = gw_evaluation_get_decisions (evaluation);
  for (guint i = 0; i < decisions->len; i++)
    years = MAX (years, ((GwDecisionRule *) decisions->pdata[i])->cycle_year);
  if (policy->src[GW_POLICY_CYCLE_YEARS].set)
    {
      years = policy->cycle_years;
      applied++;
    }
  if (years == 0)
    years = 3;
  if (policy->renewing_grades)
    applied++;
  if (policy->on_fail)
    applied++;

  grades = gw_evaluation_get_grades (evaluation);
  for (guint i = 0; i < grades->len; i++)
    g_ptr_array_add (names, g_strdup (((GwGrade *) grades->pdata[i])->name));

  {
    /* The template's own decision for a (year, grade), first match wins. */
    g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);

    for (guint y = 1; y < years; y++)
      for (guint i = 0; i < names->len; i++)
        {
          const char *grade = names->pdata[i];
          const char *decision = NULL;

          if (lowest_grade (evaluation, grade) || g_str_equal (grade, "不合格"))
            {
              if (g_strcmp0 (policy->on_fail, "reprocure") == 0)
                decision = DECISION_REPROCURE;
              else if (g_strcmp0 (policy->on_fail, "rectify") == 0)
                decision = DECISION_RECTIFY;
              else if (g_strcmp0 (policy->on_fail, "terminate") == 0)
                decision = DECISION_TERMINATE;
            }
          else if (policy->renewing_grades)
            /* 良好或合格的续签: a better grade renews too */
            decision = g_strcmp0 (gw_policy_decision_for (policy, y, grade), "renew") == 0
                       ? DECISION_RENEW : DECISION_NOT_RENEW;
          if (decision == NULL)
            {
              for (guint k = 0; k < decisions->len; k++)
                {
                  GwDecisionRule *r = decisions->pdata[k];
                  if ((r->cycle_year == 0 || r->cycle_year == y || (y >= r->cycle_year && r->cycle_year == years)) &&
                      (r->grade == NULL || g_str_equal (r->grade, grade)))
                    {
                      decision = r->decision;
                      break;
                    }
                }
              /* The template's last year is not this cycle's last year. */
              if (decision == NULL || g_str_has_prefix (decision, "周期届满"))
                decision = DECISION_RENEW;
            }
          g_ptr_array_add (old, g_strdup_printf ("%u\x1f%s\x1f%s", y, grade, decision));
        }
    gw_evaluation_clear_decisions (evaluation);
    for (guint i = 0; i < old->len; i++)
      {
        g_auto(GStrv) f = g_strsplit (old->pdata[i], "\x1f", 3);
        gw_evaluation_add_decision (evaluation, (guint) g_ascii_strtoull (f[0], NULL, 10), f[1], f[2]);
      }
    gw_evaluation_add_decision (evaluation, years, NULL, DECISION_END);
  }
  return applied;
}
