/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The clause reader: what a clause means for the rules, read once per
 * clause and shared by every trigger (issue 10). Rules name these
 * annotations ("exempt": ["negation", "prohibition", "problem", "one-of"],
 * "needs": ["sole"]) instead of carrying their own lists of exempting
 * phrases. See docs/rule-packs.md, "The clause reader". */

typedef struct _GwCheckContext GwCheckContext;

typedef enum {
  /* a prohibition anywhere in the clause: 不得/严禁/禁止/不能/不应/不可/
   * 不准/不许/不允许 (not 不得拒绝…), 杜绝/防止/避免; 不得不 is an obligation */
  GW_CLAUSE_PROHIBITED = 1 << 0,
  /* the practice is named as a problem or a thing to change: a problem
   * word in the clause (问题, 弊端, 乱象, 局面, 惯性, 老路 …); a framing
   * verb before it in the sentence (扭转, 破除, 告别, 纠正, 整治 …); a
   * later clause of the sentence that ends or rejects it (…已经整改,
   * 此类做法须立即停止, 老办法不再沿用); a practice named as a topic
   * (…的, …做法) and stopped by the next clause (…，自即日起停止执行;
   * …的，全部清理纠正); a past practice (过去/以往) with a problem word */
  GW_CLAUSE_FRAMED     = 1 << 1,
  /* a sole or decisive quantifier: 唯一/仅/只/完全/决定性/单纯/全凭, or
   * everything else shut out: 除报价外不再考虑其他因素 */
  GW_CLAUSE_SOLE       = 1 << 2,
  /* one factor among several: 之一/综合/兼顾/结合/统筹/并重 */
  GW_CLAUSE_ONE_OF     = 1 << 3,
  /* a double negation read as an obligation: 不得不, 不能不, 非…不可 */
  GW_CLAUSE_OBLIGATION = 1 << 4,
} GwClauseFlags;

/* A clause is read in segments split at a turn (而由, 而是, 改由, 却, 但):
 * a negator, prohibition or quantifier reaches to the end of its segment
 * only (不再组织评审而由报价最低者成交 negates the review, not the award). */
#define GW_CLAUSE_MAX_SEGMENTS 4

typedef struct {
  gsize start, end;            /* the clause, bytes of the normalised text */
  gsize sentence_start, sentence_end;
  guint flags;                 /* GwClauseFlags of the whole clause: framing, obligation */
  guint seg_flags[GW_CLAUSE_MAX_SEGMENTS]; /* prohibition, sole, one-of: per segment */
  GArray *breaks;              /* gsize: where each segment after the first starts */
  gsize framed_from;           /* a framing verb in the clause frames what follows this */
  gboolean framed_here;        /* framed by the clause itself or what follows it */
  GArray *negators;            /* gsize pairs: start, end of each negator */
  GArray *post_negators;       /* gsize: negators that govern what stands
                                * before them (价格高低不应是…, 自评不得替代…) */
  GArray *obligations;         /* gsize pairs: 不得不, 非…不可 */
} GwClause;

/* The clause around @pos, annotated (built on first use, cached in @ctx). */
const GwClause *_gw_clause_at        (GwCheckContext *ctx,
                                      gsize           pos);
/* Whether the clause negates what stands at [@start, @end): a negator
 * before it in the clause (with adverbs or modal words between: 不能一味,
 * 并非只), or one after it that governs the subject (价格高低不应是主要
 * 考量). The halves of a double negation (不得不) negate nothing. */
gboolean        _gw_clause_negates   (GwCheckContext *ctx,
                                      gsize           start,
                                      gsize           end);
/* Whether the clause negates or forbids the amount at [@start, @end) (a
 * number of years, a share): 不得一次签订四年, 严禁将价格权重设为5%. Not
 * when it is a bound: 不得少于五年, 不得超过30% set five years and 30%. */
gboolean        _gw_clause_negates_amount (GwCheckContext *ctx,
                                           gsize           start,
                                           gsize           end);
/* Whether words just before @start deny what stands there (未组织政府采购,
 * 不再组织评估): a lawful marker so denied does not make a clause lawful. */
gboolean        _gw_clause_denies    (GwCheckContext *ctx,
                                      gsize           start);
/* The readings of the clause at @pos: framing and obligation for the
 * whole clause, the others for @pos's segment. */
guint           _gw_clause_flags     (GwCheckContext *ctx,
                                      gsize           pos);
/* Parses an annotation name ("negation" is not one: it depends on the
 * position, see _gw_clause_negates ()); FALSE when unknown. */
gboolean        _gw_clause_flag_from_string (const char *name,
                                             guint      *flag);
void            _gw_clause_free      (gpointer        clause);

G_END_DECLS
