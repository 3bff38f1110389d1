/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-prefilter.h"

G_BEGIN_DECLS

/* Shared by the pattern reader (gw-prefilter-regex.c), which makes a
 * GwPrefilter, and the index of a text (gw-prefilter.c), which uses it. */

/* Characters at which a text is cut into pieces. */
enum {
  B_NL     = 1 << 0,   /* \n */
  B_PERIOD = 1 << 1,   /* 。 */
  B_EXCL   = 1 << 2,   /* ！ */
  B_QUES   = 1 << 3,   /* ？ */
  B_SEMI   = 1 << 4,   /* ； */
  B_COMMA  = 1 << 5,   /* ， */
  B_ALL    = (1 << 6) - 1,
};

#define SENTENCE_BARRIERS (B_NL | B_PERIOD | B_EXCL | B_QUES)
#define CLAUSE_BARRIERS   B_ALL

struct _GwPrefilter
{
  gboolean          analysed;
  GwPrefilterLevel  level;
  GPtrArray        *dnf;     /* the terms (see Node); NULL: no filter */
  GPtrArray        *clauses; /* the different clauses of the terms */
  GPtrArray        *terms;   /* per term, GArray of guint: its clauses' places */
};

/* The cut bit of @c (B_*), 0 for any other character. */
guint     _gw_prefilter_barrier_bit (gunichar c);
/* Whether some pattern read so far asks for @c. */
gboolean  _gw_prefilter_is_wanted   (gunichar c);

G_END_DECLS
