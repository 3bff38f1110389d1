/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* ---- GwIndicator: one scored row ---------------------------------------- */

#define GW_TYPE_INDICATOR (gw_indicator_get_type ())
G_DECLARE_FINAL_TYPE (GwIndicator, gw_indicator, GW, INDICATOR, GObject)

/* Scores are doubles; NAN means "left blank". Properties: id, name, max,
 * score, self-score, comment, scored-by; all notify. */
GwIndicator *gw_indicator_new            (const char  *id,
                                          const char  *name,
                                          double       max);
const char  *gw_indicator_get_id         (GwIndicator *self);
const char  *gw_indicator_get_name       (GwIndicator *self);
void         gw_indicator_set_name       (GwIndicator *self, const char *name);
double       gw_indicator_get_max        (GwIndicator *self);
void         gw_indicator_set_max        (GwIndicator *self, double max);
double       gw_indicator_get_score      (GwIndicator *self);
void         gw_indicator_set_score      (GwIndicator *self, double score);
double       gw_indicator_get_self_score (GwIndicator *self);
void         gw_indicator_set_self_score (GwIndicator *self, double score);
const char  *gw_indicator_get_comment    (GwIndicator *self);
void         gw_indicator_set_comment    (GwIndicator *self, const char *comment);
const char  *gw_indicator_get_scored_by  (GwIndicator *self);
void         gw_indicator_set_scored_by  (GwIndicator *self, const char *who);
GwIndicator *gw_indicator_copy           (GwIndicator *self);
/* All properties equal; two blank (NAN) scores count as equal. */
gboolean     gw_indicator_equal          (GwIndicator *a, GwIndicator *b);

G_END_DECLS
