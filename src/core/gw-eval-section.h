/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-indicator.h"

G_BEGIN_DECLS

/* ---- GwEvalSection: a group of indicators (A 项目管理 …) ---------------- */

#define GW_TYPE_EVAL_SECTION (gw_eval_section_get_type ())
G_DECLARE_FINAL_TYPE (GwEvalSection, gw_eval_section, GW, EVAL_SECTION, GObject)

/* Properties: id (construct-only), name, max, stated-subtotal; all notify.
 * Signal ::changed (no arguments) after any change to those, to the list of
 * indicators or to a property of an indicator in it. */
GwEvalSection *gw_eval_section_new            (const char    *id,
                                               const char    *name,
                                               double         max);
const char    *gw_eval_section_get_id         (GwEvalSection *self);
const char    *gw_eval_section_get_name       (GwEvalSection *self);
void           gw_eval_section_set_name       (GwEvalSection *self,
                                               const char    *name);
double         gw_eval_section_get_max        (GwEvalSection *self);
void           gw_eval_section_set_max        (GwEvalSection *self, double max);
/* Subtotal written on the form (NAN when not stated). */
double         gw_eval_section_get_stated_subtotal (GwEvalSection *self);
void           gw_eval_section_set_stated_subtotal (GwEvalSection *self, double v);
/* GListStore of GwIndicator. */
GListStore    *gw_eval_section_get_indicators (GwEvalSection *self);
void           gw_eval_section_add_indicator  (GwEvalSection *self,
                                               GwIndicator   *indicator);
/* The indicator with @id ("A1"), or NULL (transfer none). */
GwIndicator   *gw_eval_section_find_indicator (GwEvalSection *self,
                                               const char    *id);
GwEvalSection *gw_eval_section_copy           (GwEvalSection *self);
gboolean       gw_eval_section_equal          (GwEvalSection *a,
                                               GwEvalSection *b);
/* Sum of the scores; blank scores count 0. */
double         gw_eval_section_compute_subtotal (GwEvalSection *self);
/* Sum of the indicators' maxima. */
double         gw_eval_section_compute_max    (GwEvalSection *self);

G_END_DECLS
