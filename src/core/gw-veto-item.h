/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* ---- GwVetoItem: 一票否决 ---------------------------------------------- */

#define GW_TYPE_VETO_ITEM (gw_veto_item_get_type ())
G_DECLARE_FINAL_TYPE (GwVetoItem, gw_veto_item, GW, VETO_ITEM, GObject)

/* Properties: text, ticked; both notify. */
GwVetoItem  *gw_veto_item_new         (const char *text, gboolean ticked);
const char  *gw_veto_item_get_text    (GwVetoItem *self);
void         gw_veto_item_set_text    (GwVetoItem *self, const char *text);
gboolean     gw_veto_item_get_ticked  (GwVetoItem *self);
void         gw_veto_item_set_ticked  (GwVetoItem *self, gboolean ticked);

/* ---- grade scale and decision table (plain data) ------------------------ */

typedef struct {
  char   *name;   /* 优秀 */
  double  min;    /* inclusive lower bound of the total */
} GwGrade;

typedef struct {
  guint  cycle_year;  /* 1–3, or 0 for any year */
  char  *grade;       /* a grade name, or NULL for any grade */
  char  *decision;    /* 续签下一年度合同 … */
} GwDecisionRule;

G_END_DECLS
