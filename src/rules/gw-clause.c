/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-clause"

#include "config.h"

#include <string.h>

#include "gw-clause-private.h"
#include "gw-check-context-private.h"

/* A clause is read once, the first time a trigger lands in it, and what it
 * means is kept with the check context: whole drafts have thousands of
 * clauses and triggers land in a handful. */

/* Negators and prohibitions. 不得拒绝/不得推诿 forbid refusing, which is
 * no negation of the practice that follows. */
#define NEGATORS \
  "(?:不能|不得|严禁|禁止|不应|不宜|不准|不允许|不可|不该|切勿|不要)(?!拒绝|推诿|推辞|推脱|借故|无故|以任何理由)" \
  "|避免|杜绝|防止|不以|不搞|纠正|不采用|不实行|不采取|不再|反对|摒弃|摈弃|克服|扭转|取消" \
  "|不是|并非|而非|不作为|不将|不把|不单纯|不单|不光|不只|不仅仅|绝不|决不|不唯|不凭|不靠|不按|不依|不由(?!得)|不从|不向"

#define PROHIBITIONS \
  "(?:不得|严禁|禁止|不能|不应|不允许|不可)(?!拒绝|推诿|推辞|推脱|借故|无故|以任何理由拒绝)|杜绝|防止|避免"

/* Double negation: an obligation, not a negation. */
#define OBLIGATIONS "不得不|不能不|不可不|无不|不会不|非[^，。；！？\\n]{1,6}不可"

/* What a negator after the subject governs: 价格高低不应是…, 自评结果不得
 * 替代第三方评估, 价格不作为唯一依据. */
#define POST_GOVERNED "^\\s*(?:再|能|应|得|会)?\\s*(?:是|作为|成为|为|当作|视为|替代|代替|取代|等同于|作|以|单独|决定)"

/* Problem words in the trigger's own clause (针对…低价中标的问题). */
#define PROBLEM_WORDS "问题|弊端|纠正|整治|乱象|误区|局面|惯性|老路|老办法|陋习|顽疾|偏差|歪风|怪象"

/* Framing verbs whose object is the practice after them in the sentence. */
#define FRAMING_VERBS "扭转|破除|告别|摒弃|摈弃|革除|根治|遏制|纠正|整治|改变|改掉|废止|废除|叫停|清理|克服|打破|走出|跳出|摆脱"

/* A later clause that ends or rejects the practice named before it. */
#define FRAMING_AFTER \
  "(?:问题|现象|做法|情况|弊端|局面|惯性|老路|老办法|办法|方式|模式|行为|惯例|规定)[^。；！？\\n]{0,10}?" \
  "(?:已经|已被|已全部|均已|已|须|要|应|必须|应当|一律|立即|坚决|予以|彻底|全部)[^。；！？\\n]{0,4}?" \
  "(?:整改|纠正|取消|废止|停止|杜绝|不再沿用|不再采用|不再使用|不再执行|清理|叫停|禁止|改正)" \
  "|(?:此类|这种|这类|这一|该|上述|以上|这些|类似|前述)(?:做法|现象|问题|情况|行为|方式|办法|规定)"

/* Words that deny what follows them closely: a lawful marker that is
 * denied is none (被直接交由…承接，未组织政府采购; 不再组织评估，由原承接
 * 机构继续履行). */
#define DENIALS \
  "(?:未|没有|不再|无需|无须|不必|不用|免于|免予|不经|未经|不需要?|缺少|缺乏|跳过|绕过|省去|省略|" \
  "不进行|不组织|不开展|不履行|不走|不搞|不通过|不采用|不实行)[^，。；！？\\n]{0,4}$"

/* …or right after it: 年度评估结果不作为续签条件, 与评估结果不挂钩. */
#define DENIALS_AFTER \
  "^[^，。；！？\\n]{0,6}?(?:不作为|不再作为|不得作为|不是|并非|不再是|不挂钩|不与[^，。；！？\\n]{0,8}挂钩|不影响)"

#define PAST_MARKERS "过去|以往|此前|曾经|原来|以前|一度|前些年|长期以来"
#define PAST_PROBLEMS "问题|弊端|现象|整改|纠正|不再|已经|已被|偏差"

#define SOLE_WORDS "唯一|仅仅|仅以|仅凭|仅按|仅看|只以|只凭|只按|只看|只比|完全(?:以|凭|按|由|取决)|决定性|单纯|全凭|一律以|就定|便定|就选|便选|就用|就给"
#define ONE_OF_WORDS "之一|综合|兼顾|结合|统筹|并重|多方面|等因素|同时考虑|也要|更要|更注重"

typedef struct {
  GRegex *negators, *prohibitions, *obligations, *post_governed, *problem_words,
         *framing_verbs, *framing_after, *past, *past_problems, *sole, *one_of, *denials, *denials_after;
} Regexes;

static GRegex *
make (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *r = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  if (r == NULL)
    g_error ("gw-clause: %s: %s", pattern, error->message);
  return r;
}

static const Regexes *
regexes (void)
{
  static Regexes r;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      r.negators = make (NEGATORS);
      r.prohibitions = make (PROHIBITIONS);
      r.obligations = make (OBLIGATIONS);
      r.post_governed = make (POST_GOVERNED);
      r.problem_words = make (PROBLEM_WORDS);
      r.framing_verbs = make (FRAMING_VERBS);
      r.framing_after = make (FRAMING_AFTER);
      r.past = make (PAST_MARKERS);
      r.past_problems = make (PAST_PROBLEMS);
      r.sole = make (SOLE_WORDS);
      r.one_of = make (ONE_OF_WORDS);
      r.denials = make (DENIALS);
      r.denials_after = make (DENIALS_AFTER);
      g_once_init_leave (&once, 1);
    }
  return &r;
}

void
_gw_clause_free (gpointer data)
{
  GwClause *c = data;

  g_array_unref (c->negators);
  g_array_unref (c->post_negators);
  g_array_unref (c->obligations);
  g_free (c);
}

/* Matches of @regex in [start, end) as byte pairs relative to the text. */
static void
each_match (GwCheckContext *ctx,
            GRegex         *regex,
            gsize           start,
            gsize           end,
            GArray         *out)
{
  g_autoptr(GMatchInfo) mi = NULL;

  if (end <= start)
    return;
  g_regex_match_full (regex, ctx->text + start, end - start, 0, 0, &mi, NULL);
  while (g_match_info_matches (mi))
    {
      int s, e;
      gsize pair[2];

      g_match_info_fetch_pos (mi, 0, &s, &e);
      pair[0] = start + s;
      pair[1] = start + e;
      g_array_append_vals (out, pair, 2);
      if (!g_match_info_next (mi, NULL))
        break;
    }
}

static gboolean
any_in (GwCheckContext *ctx,
        GRegex         *regex,
        gsize           start,
        gsize           end)
{
  if (end <= start)
    return FALSE;
  return g_regex_match_full (regex, ctx->text + start, end - start, 0, 0, NULL, NULL);
}

/* Whether [s, e) overlaps one of @pairs: 不得不按 holds no 不按. */
static gboolean
inside (GArray *pairs,
        gsize   s,
        gsize   e)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (s < g_array_index (pairs, gsize, i + 1) && e > g_array_index (pairs, gsize, i))
      return TRUE;
  return FALSE;
}

static GwClause *
read_clause (GwCheckContext *ctx,
             gsize           cs,
             gsize           ce,
             gsize           ss,
             gsize           se)
{
  const Regexes *r = regexes ();
  GwClause *c = g_new0 (GwClause, 1);
  GArray *obligations = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gsize));

  c->start = cs;
  c->end = ce;
  c->sentence_start = ss;
  c->sentence_end = se;
  c->negators = g_array_new (FALSE, FALSE, sizeof (gsize));
  c->post_negators = g_array_new (FALSE, FALSE, sizeof (gsize));
  c->obligations = obligations;

  each_match (ctx, r->obligations, cs, ce, obligations);
  if (obligations->len > 0)
    c->flags |= GW_CLAUSE_OBLIGATION;

  /* Negators, but not the halves of a double negation. */
  each_match (ctx, r->negators, cs, ce, found);
  for (guint i = 0; i + 1 < found->len; i += 2)
    {
      gsize s = g_array_index (found, gsize, i), e = g_array_index (found, gsize, i + 1);

      if (inside (obligations, s, e))
        continue;
      g_array_append_val (c->negators, s);
      g_array_append_val (c->negators, e);
      if (any_in (ctx, r->post_governed, e, ce))
        g_array_append_val (c->post_negators, s);
    }
  g_array_set_size (found, 0);
  each_match (ctx, r->prohibitions, cs, ce, found);
  for (guint i = 0; i + 1 < found->len; i += 2)
    if (!inside (obligations, g_array_index (found, gsize, i), g_array_index (found, gsize, i + 1)))
      {
        c->flags |= GW_CLAUSE_PROHIBITED;
        break;
      }

  if (any_in (ctx, r->sole, cs, ce))
    c->flags |= GW_CLAUSE_SOLE;
  if (any_in (ctx, r->one_of, cs, ce))
    c->flags |= GW_CLAUSE_ONE_OF;

  /* Framing: in the clause itself; a framing verb earlier in the sentence;
   * a later clause that ends or rejects what came before; a past
   * practice named with a problem word. */
  if (any_in (ctx, r->problem_words, cs, ce) ||
      any_in (ctx, r->framing_verbs, ss, cs) ||
      any_in (ctx, r->framing_after, cs, se) ||
      (any_in (ctx, r->past, ss, ce) && any_in (ctx, r->past_problems, ss, se)))
    c->flags |= GW_CLAUSE_FRAMED;
  return c;
}

const GwClause *
_gw_clause_at (GwCheckContext *ctx,
               gsize           pos)
{
  gsize cs, ce, ss, se;
  GwClause *c;

  _gw_check_context_unit (ctx, pos, GW_WITHIN_CLAUSE, &cs, &ce);
  if (ctx->clauses == NULL)
    ctx->clauses = g_hash_table_new_full (NULL, NULL, NULL, _gw_clause_free);
  c = g_hash_table_lookup (ctx->clauses, GSIZE_TO_POINTER (cs + 1));
  if (c == NULL)
    {
      _gw_check_context_unit (ctx, pos, GW_WITHIN_SENTENCE, &ss, &se);
      c = read_clause (ctx, cs, ce, ss, se);
      g_hash_table_insert (ctx->clauses, GSIZE_TO_POINTER (cs + 1), c);
    }
  return c;
}

gboolean
_gw_clause_negates (GwCheckContext *ctx,
                    gsize           start,
                    gsize           end)
{
  const GwClause *c = _gw_clause_at (ctx, start);

  for (guint i = 0; i + 1 < c->negators->len; i += 2)
    if (g_array_index (c->negators, gsize, i) < start)
      return TRUE;
  for (guint i = 0; i < c->post_negators->len; i++)
    if (g_array_index (c->post_negators, gsize, i) >= end)
      return TRUE;
  /* 不 right before the verb the trigger starts on: 不纳入…管理. */
  if (start >= c->start + 3 && memcmp (ctx->text + start - 3, "不", 3) == 0 &&
      !inside (c->obligations, start - 3, start))
    return TRUE;
  return FALSE;
}

gboolean
_gw_clause_denies (GwCheckContext *ctx,
                   gsize           start)
{
  const GwClause *c = _gw_clause_at (ctx, start);
  gsize from = start;

  /* up to a dozen characters back, within the clause */
  for (guint n = 0; n < 12 && from > c->start; n++)
    {
      from--;
      while (from > c->start && ((guchar) ctx->text[from] & 0xC0) == 0x80)
        from--;
    }
  if (any_in (ctx, regexes ()->denials, from, start))
    return TRUE;
  return any_in (ctx, regexes ()->denials_after, start, c->end);
}

guint
_gw_clause_flags (GwCheckContext *ctx,
                  gsize           pos)
{
  return _gw_clause_at (ctx, pos)->flags;
}

gboolean
_gw_clause_flag_from_string (const char *name,
                             guint      *flag)
{
  static const struct { const char *name; guint flag; } names[] = {
    { "prohibition", GW_CLAUSE_PROHIBITED },
    { "problem", GW_CLAUSE_FRAMED },
    { "sole", GW_CLAUSE_SOLE },
    { "one-of", GW_CLAUSE_ONE_OF },
    { "obligation", GW_CLAUSE_OBLIGATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i].name) == 0)
      {
        *flag = names[i].flag;
        return TRUE;
      }
  return FALSE;
}
