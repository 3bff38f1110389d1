/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-policy.h"

G_BEGIN_DECLS

/* What gw-policy.c reads from an opinion and gw-policy-apply.c applies to
 * a form. */

/* Where a parameter was stated. */
typedef struct {
  gboolean  set;
  guint     line;
  int       block;
  guint     offset, length;   /* characters of the sentence in the block */
  char     *text;
} Source;

struct _GwPolicy
{
  Source     src[GW_N_POLICY_PARAMS];
  guint      cycle_years;
  gboolean   annual_signing;
  GStrv      renewing_grades;
  char      *on_fail;
  double     price_lower, price_upper;
  char      *evaluator;
  GPtrArray *thresholds;      /* GwGrade* */
  gboolean   funding_in_budget;
  char      *title;
  char      *doc_number;
  GStrv      scale;           /* grade names stated by the opinion, highest first */
  Source     fallback;        /* an evaluator other than a third party */
  guint      fallback_rank;
  char      *fallback_value;
};

/* The usual four-tier scale, for “合格及以上” when the opinion names no
 * scale of its own. */
extern const char * const _gw_policy_default_scale[];

/* Frees a GwGrade. */
void _gw_policy_grade_free (gpointer data);

G_END_DECLS
