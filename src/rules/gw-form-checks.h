/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gw-document.h"
#include "gw-evaluation.h"

G_BEGIN_DECLS

/* The checks behind the form.* rules of the catalogue (rules.md) over the
 * evaluation form of evaluation.md. A check reports what it finds as
 * GwFormIssue; the rule pack turns those into GwFinding with the rule's id,
 * severity and basis. Every threshold, maximum, step and decision comes from
 * the form itself. */

typedef struct {
  char *target;  /* indicator or section id ("A1", "B"), or field name as gw_eval_field_to_string gives ("credit-code"), or "total"/"grade"/"decision"/"evaluators" */
  char *detail;  /* translated sentence (_()) with the numbers: "A1 人员配备与持证率: score 5.5 is above its maximum 5" */
} GwFormIssue;

void       gw_form_issue_free (GwFormIssue *issue);

/* Runs one named check; returns a GPtrArray of GwFormIssue* (free func set),
 * empty when the form complies. Unknown check_name → g_critical + empty.
 * @evaluation may be NULL when @doc carries the form; @doc may be NULL. */
GPtrArray *gw_form_check (const char   *check_name,
                          GwEvaluation *evaluation,
                          GwDocument   *doc);

/* The names gw_form_check() knows, NULL-terminated. */
const char * const *gw_form_check_names (void);

/* GB 32100-2015 unified social credit code: 18 chars, charset 0-9 A-Z
 * without I O Z S V, registration-authority code, check digit (weights
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, mod 31). Returns TRUE when
 * valid; otherwise a translated reason in *why (may be NULL).
 * Surrounding spaces are ignored, and full-width and lower-case letters and
 * digits are folded before checking: a code pasted from a Word table in
 * full-width forms, or typed in lower case, is the same code. */
gboolean   gw_credit_code_validate (const char  *code,
                                    char       **why);

/* Helpers the checks use, public because the form editor shows the same
 * readings live. */

/* Parses 2024-01-01, 2024/1/1, 2024.1.1 or 2024年1月1日 (half- or full-width
 * digits, surrounding spaces ignored). FALSE when @text is no valid date. */
gboolean   gw_form_parse_date (const char *text,
                               GDate      *date);

/* Parses an amount of money in 元: 300000, 300,000.00, ¥300000, 300000元,
 * 30万元, 人民币30万元整, optionally followed by a parenthesised 大写 text.
 * FALSE when @text holds no number. */
gboolean   gw_form_parse_amount (const char *text,
                                 double     *yuan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwFormIssue, gw_form_issue_free)

G_END_DECLS
