/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-eval-section.h"
#include "gw-indicator.h"
#include "gw-veto-item.h"

G_BEGIN_DECLS

/* The annual evaluation form (docs/gwdoc-format.md, evaluation). Every number
 * (indicators, maxima, step, thresholds, veto items, decision table) comes
 * from the template or the file, never from code. */

/**
 * GwEvalField:
 * Header and sign-off text fields of the form, stored as the person typed
 * them (the checker validates). Property-style names: gw_eval_field_to_string().
 */
typedef enum {
  GW_EVAL_PROJECT,            /* 项目名称 */
  GW_EVAL_TIER,               /* 站点层级: 社工总站 / 镇街社工站 / 社工室 */
  GW_EVAL_PURCHASER,          /* 采购人 */
  GW_EVAL_OPERATOR,           /* 承接机构 */
  GW_EVAL_CREDIT_CODE,        /* 统一社会信用代码 */
  GW_EVAL_CONTRACT_NUMBER,    /* 合同编号 */
  GW_EVAL_CONTRACT_AMOUNT,    /* 合同金额（元） */
  GW_EVAL_FUNDS_USED,         /* 资金使用（元） */
  GW_EVAL_FUNDS_EXPLANATION,  /* 资金使用率说明 */
  GW_EVAL_SERVICE_START,      /* 服务期起 (YYYY-MM-DD) */
  GW_EVAL_SERVICE_END,        /* 服务期止 (YYYY-MM-DD) */
  GW_EVAL_CYCLE_YEAR,         /* 周期第几年 (1–3) */
  GW_EVAL_TYPE,               /* 评估类型: 中期 / 年度 */
  GW_EVAL_EVALUATOR,          /* 评估机构 */
  GW_EVAL_DATE,               /* 评估日期 (YYYY-MM-DD) */
  GW_EVAL_TEAM_LEADER,        /* 评估组长 */
  GW_EVAL_EVALUATORS_DATE,    /* 评估人员签字日期 */
  GW_EVAL_OPERATOR_ACK,       /* 承接机构负责人确认（签名） */
  GW_EVAL_OPERATOR_ACK_DATE,
  GW_EVAL_PURCHASER_OPINION,  /* 购买方意见 */
  GW_EVAL_PURCHASER_DATE,
  GW_EVAL_BUREAU_REVIEW,      /* 民政局审核意见 */
  GW_EVAL_BUREAU_DATE,
  GW_EVAL_STATED_GRADE,       /* 评估等次 as stated on the form */
  GW_EVAL_STATED_DECISION,    /* 结果运用 as stated on the form */
  GW_EVAL_OVERRIDE_REASON,    /* written reason when the decision is overridden */
  GW_EVAL_OPINION,            /* 依据的实施意见: the governing opinion, a path to its file
                               * (relative to the form's folder) or its 发文字号 */
  GW_N_EVAL_FIELDS
} GwEvalField;

const char *gw_eval_field_to_string   (GwEvalField field);
gboolean    gw_eval_field_from_string (const char *str, GwEvalField *field);

/* ---- GwEvaluation ------------------------------------------------------- */

#define GW_TYPE_EVALUATION (gw_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (GwEvaluation, gw_evaluation, GW, EVALUATION, GObject)

/* Properties: one string property per GwEvalField under the name
 * gw_eval_field_to_string() gives, "evaluators" (GStrv), "step",
 * "stated-total"; all notify.
 *
 * Signal ::changed (no arguments): emitted after ANY change inside — a field,
 * the evaluators, the step, the stated total, the grade scale, the decision
 * table, sections or veto items added/removed/moved, or a property of a
 * section, indicator or veto item. GwDocument forwards it. */
GwEvaluation *gw_evaluation_new           (void);
GwEvaluation *gw_evaluation_copy          (GwEvaluation *self);
gboolean      gw_evaluation_equal         (GwEvaluation *a,
                                           GwEvaluation *b);

const char   *gw_evaluation_get_field     (GwEvaluation *self,
                                           GwEvalField   field);
void          gw_evaluation_set_field     (GwEvaluation *self,
                                           GwEvalField   field,
                                           const char   *value);

/* Evaluator names (评估人员), at least three on a complete form. */
const char * const *gw_evaluation_get_evaluators (GwEvaluation *self);
void          gw_evaluation_set_evaluators (GwEvaluation       *self,
                                            const char * const *names);

/* Score step (0.5 by default). */
double        gw_evaluation_get_step      (GwEvaluation *self);
void          gw_evaluation_set_step      (GwEvaluation *self,
                                           double        step);

/* GListStore of GwEvalSection / GwVetoItem. */
GListStore   *gw_evaluation_get_sections  (GwEvaluation *self);
GListStore   *gw_evaluation_get_veto_items (GwEvaluation *self);
/* Convenience: append to the stores above (remove with g_list_store_remove). */
void          gw_evaluation_add_section   (GwEvaluation  *self,
                                           GwEvalSection *section);
void          gw_evaluation_add_veto_item (GwEvaluation  *self,
                                           GwVetoItem    *item);
/* The section / indicator with @id ("A" / "A1") or NULL (transfer none). */
GwEvalSection *gw_evaluation_find_section  (GwEvaluation *self,
                                            const char   *id);
GwIndicator  *gw_evaluation_find_indicator (GwEvaluation *self,
                                            const char   *id);

/* Grade scale, highest first (array of GwGrade*, owned by the evaluation;
 * read it, do not modify it). add_grade inserts by @min, so the scale stays
 * highest first whatever order the grades are added in. */
GPtrArray    *gw_evaluation_get_grades    (GwEvaluation *self);
void          gw_evaluation_add_grade     (GwEvaluation *self,
                                           const char   *name,
                                           double        min);
void          gw_evaluation_clear_grades  (GwEvaluation *self);
/* Decision table (array of GwDecisionRule*, in order; first match wins;
 * read-only like the grades). */
GPtrArray    *gw_evaluation_get_decisions (GwEvaluation *self);
void          gw_evaluation_add_decision  (GwEvaluation *self,
                                           guint         cycle_year,
                                           const char   *grade,
                                           const char   *decision);
void          gw_evaluation_clear_decisions (GwEvaluation *self);

/* Total written on the form (NAN when not stated). */
double        gw_evaluation_get_stated_total (GwEvaluation *self);
void          gw_evaluation_set_stated_total (GwEvaluation *self,
                                              double        total);

/* Computations over the current scores. */
double        gw_evaluation_compute_total    (GwEvaluation *self);
double        gw_evaluation_compute_max      (GwEvaluation *self);
gboolean      gw_evaluation_any_veto         (GwEvaluation *self);
/* The grade the thresholds give for @total: the first (highest) grade whose
 * inclusive lower bound @total reaches; the lowest grade when @vetoed or when
 * @total is below every bound; NULL when the scale is empty. compute_grade
 * uses the computed total (blank scores count 0) and any ticked veto. */
const char   *gw_evaluation_grade_for_total  (GwEvaluation *self,
                                              double        total,
                                              gboolean      vetoed);
const char   *gw_evaluation_compute_grade    (GwEvaluation *self);
/* The decision the table gives for @grade in @cycle_year, or NULL: the first
 * rule whose cycle_year is 0 or equal and whose grade is NULL or equal. */
const char   *gw_evaluation_decision_for     (GwEvaluation *self,
                                              const char   *grade,
                                              guint         cycle_year);
const char   *gw_evaluation_compute_decision (GwEvaluation *self);
/* Cycle year parsed from the field (0 when missing or invalid; ASCII or
 * full-width digits, surrounding spaces ignored). */
guint         gw_evaluation_get_cycle_year   (GwEvaluation *self);

G_END_DECLS
