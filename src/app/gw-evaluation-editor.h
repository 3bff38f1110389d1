/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-document.h"
#include "gw-finding.h"

G_BEGIN_DECLS

/* The annual evaluation form: header fields, the indicator table, live
 * subtotals, total, grade and suggested decision, veto items, the decision
 * (an override needs a written reason) and the sign-off. */

#define GW_TYPE_EVALUATION_EDITOR (gw_evaluation_editor_get_type ())
G_DECLARE_FINAL_TYPE (GwEvaluationEditor, gw_evaluation_editor, GW, EVALUATION_EDITOR, GtkWidget)

GwEvaluationEditor *gw_evaluation_editor_new            (void);
void                gw_evaluation_editor_set_document   (GwEvaluationEditor *self,
                                                         GwDocument         *doc);
void                gw_evaluation_editor_set_findings   (GwEvaluationEditor *self,
                                                         GListModel         *findings);
gboolean            gw_evaluation_editor_select_finding (GwEvaluationEditor *self,
                                                         GwFinding          *finding);
/* What the result rows show now (tests). */
const char         *gw_evaluation_editor_get_total_text (GwEvaluationEditor *self);
const char         *gw_evaluation_editor_get_grade_text (GwEvaluationEditor *self);
const char         *gw_evaluation_editor_get_decision_text (GwEvaluationEditor *self);
/* Whether the override reason is marked as missing. */
gboolean            gw_evaluation_editor_get_reason_missing (GwEvaluationEditor *self);
/* The entry row of a field (tests, focus). */
GtkWidget          *gw_evaluation_editor_get_field_row  (GwEvaluationEditor *self,
                                                         GwEvalField         field);
GtkColumnView      *gw_evaluation_editor_get_table      (GwEvaluationEditor *self);

G_END_DECLS
