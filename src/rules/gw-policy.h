/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gw-document.h"
#include "gw-evaluation.h"

G_BEGIN_DECLS

/* The policy parameters an opinion states (issue 10): the contract cycle,
 * yearly signing, the grades that renew, what happens on 不合格, the
 * price-weight range, the evaluator, grade thresholds and funding in the
 * budget. Each parameter keeps the sentence it was read from; a parameter
 * the opinion does not state is absent, never guessed. */

typedef enum {
  GW_POLICY_CYCLE_YEARS,
  GW_POLICY_ANNUAL_SIGNING,
  GW_POLICY_RENEWING_GRADES,
  GW_POLICY_ON_FAIL,
  GW_POLICY_PRICE_WEIGHT_RANGE,
  GW_POLICY_EVALUATOR,
  GW_POLICY_GRADE_THRESHOLDS,
  GW_POLICY_FUNDING_IN_BUDGET,
  GW_N_POLICY_PARAMS
} GwPolicyParam;

/* The JSON key ("cycle_years") and a translated label ("Contract cycle"). */
const char *gw_policy_param_to_key  (GwPolicyParam param);
const char *gw_policy_param_label   (GwPolicyParam param);

typedef struct _GwPolicy GwPolicy;

/* Reads @doc's body (any kind; an opinion is what states these). Never
 * NULL: an empty policy when nothing is stated. */
GwPolicy   *gw_policy_extract       (GwDocument    *doc);
void        gw_policy_free          (GwPolicy      *policy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwPolicy, gw_policy_free)

gboolean    gw_policy_is_empty      (GwPolicy      *policy);
gboolean    gw_policy_has           (GwPolicy      *policy,
                                     GwPolicyParam  param);
/* Where the parameter was stated: the source line (1-based), the block and
 * the sentence's character range in that block's text, and the sentence. */
guint       gw_policy_get_line      (GwPolicy      *policy,
                                     GwPolicyParam  param);
int         gw_policy_get_block     (GwPolicy      *policy,
                                     GwPolicyParam  param,
                                     guint         *offset,
                                     guint         *length);
const char *gw_policy_get_text      (GwPolicy      *policy,
                                     GwPolicyParam  param);
/* The value as shown to a person (“3 年”, “良好、合格”, “10%–30%”). */
char       *gw_policy_describe_value (GwPolicy     *policy,
                                      GwPolicyParam param);

/* Values (meaningful only when gw_policy_has () says so). */
guint       gw_policy_get_cycle_years       (GwPolicy *policy);
gboolean    gw_policy_get_annual_signing    (GwPolicy *policy);
/* Highest first, as the grade scale runs. */
const char * const *gw_policy_get_renewing_grades (GwPolicy *policy);
/* "reprocure", "rectify" or "terminate". */
const char *gw_policy_get_on_fail           (GwPolicy *policy);
void        gw_policy_get_price_weight_range (GwPolicy *policy,
                                              double   *lower,
                                              double   *upper);
/* "third-party", "purchaser" or "operator". */
const char *gw_policy_get_evaluator         (GwPolicy *policy);
/* GwGrade* (name, min), highest first. */
GPtrArray  *gw_policy_get_grade_thresholds  (GwPolicy *policy);
gboolean    gw_policy_get_funding_in_budget (GwPolicy *policy);

/* The opinion's title (one line) and document number, for a finding's
 * basis; "" when the document has none. */
const char *gw_policy_get_title      (GwPolicy *policy);
const char *gw_policy_get_doc_number (GwPolicy *policy);

/* {"cycle_years": {"value": 3, "line": 30, "text": "…"}, …}: the keys the
 * opinion states, in the order of GwPolicyParam. */
JsonNode   *gw_policy_to_json        (GwPolicy *policy);

/* Fills an evaluation form from the policy: the grade scale (thresholds
 * stated), the decision table for each year of the cycle (renewing grades,
 * the consequence of 不合格, re-procurement when the cycle ends). What the
 * policy does not state keeps the form's (template's) own value. Returns
 * the number of parameters applied. The window's “New evaluation form from
 * this opinion” and the command line's new round both call this. */
guint       gw_policy_apply_to_evaluation (GwPolicy     *policy,
                                           GwEvaluation *evaluation);

/* The decision a form's table gives for @grade in @cycle_year under the
 * policy: "renew", "reprocure", "rectify", "terminate", "end-of-cycle" or
 * "not-renewed"; NULL when the policy does not say. */
const char *gw_policy_decision_for   (GwPolicy   *policy,
                                      guint       cycle_year,
                                      const char *grade);

G_END_DECLS
