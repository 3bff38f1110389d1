/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-matchers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gw-form-checks.h"
#include "gw-against-private.h"
#include "gw-clause-private.h"
#include "gw-numeral.h"
#include "gw-matcher-private.h"

static GRegex *
default_regex (const char *pattern)
{
  GRegex *r = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (r != NULL);
  return r;
}

/* A pattern the engine gave up on in [start, end): the rule could not be
 * evaluated there, which _gw_rule_check() reports (the first place). */
static void
note_failure (GwCheckContext *ctx,
              GError         *error,
              gsize           start,
              gsize           end)
{
  if (error == NULL || ctx->failed)
    return;
  g_debug ("%s", error->message);
  ctx->failed = TRUE;
  ctx->fail_start = start;
  ctx->fail_end = end;
}

/* g_regex_match_full() over [start, end) of the text, noting an error. */
static gboolean
match_range (GwCheckContext  *ctx,
             GRegex          *regex,
             gsize            start,
             gsize            end,
             GMatchInfo     **mi)
{
  g_autoptr(GError) error = NULL;
  gboolean found;

  /* The unit alone, not the text up to its end: PCRE checks the UTF-8 of
   * the whole subject on every call, which made long documents quadratic. */
  found = g_regex_match_full (regex, ctx->text + start, end - start, 0, 0, mi, &error);
  note_failure (ctx, error, start, end);
  return found;
}

/* g_match_info_next(), noting an error in the range [start, end). */
static gboolean
match_next (GwCheckContext *ctx,
            GMatchInfo     *mi,
            gsize           start,
            gsize           end)
{
  g_autoptr(GError) error = NULL;
  gboolean found = g_match_info_next (mi, &error);

  note_failure (ctx, error, start, end);
  return found;
}

/* Whether @regex matches somewhere in [start, end) of the text. */
static gboolean
matches_in (GwCheckContext *ctx,
            GRegex         *regex,
            gsize           start,
            gsize           end)
{
  if (end <= start)
    return FALSE;
  return match_range (ctx, regex, start, end, NULL);
}

/* The index of the draft the prefilters read, made once per check. */
static GwPrefilterIndex *
prefilter_index (GwCheckContext *ctx)
{
  if (ctx->prefilter == NULL)
    ctx->prefilter = _gw_prefilter_index_new (ctx->text, ctx->len);
  return ctx->prefilter;
}

/* The matches of a regex in [start, end) of the text, one after the other,
 * as g_regex_match_full() over that range and g_match_info_next() would
 * give them, but run only over the pieces its prefilter lets through. */
typedef struct {
  GwCheckContext *ctx;
  GRegex         *regex;
  GArray         *runs;       /* GwTextRange */
  guint           next_run;
  gsize           base;       /* where the current run starts */
  gsize           base_end;   /* and ends */
  GMatchInfo     *mi;
} Scan;

static gboolean
scan_next_run (Scan *sc)
{
  while (sc->next_run < sc->runs->len)
    {
      GwTextRange *r = &g_array_index (sc->runs, GwTextRange, sc->next_run++);

      g_clear_pointer (&sc->mi, g_match_info_free);
      sc->base = r->start;
      sc->base_end = r->end;
      if (match_range (sc->ctx, sc->regex, r->start, r->end, &sc->mi))
        return TRUE;
    }
  g_clear_pointer (&sc->mi, g_match_info_free);
  return FALSE;
}

/* Whether there is a first match; then scan_pos() reads it. */
static gboolean
scan_start (Scan           *sc,
            GwCheckContext *ctx,
            GRegex         *regex,
            GwPrefilter    *pf,
            gsize           start,
            gsize           end)
{
  sc->ctx = ctx;
  sc->regex = regex;
  sc->runs = _gw_prefilter_runs (pf, prefilter_index (ctx), start, end);
  sc->next_run = 0;
  sc->base = 0;
  sc->mi = NULL;
  return scan_next_run (sc);
}

static gboolean
scan_next (Scan *sc)
{
  if (sc->mi && match_next (sc->ctx, sc->mi, sc->base, sc->base_end))
    return TRUE;
  return scan_next_run (sc);
}

static void
scan_clear (Scan *sc)
{
  g_clear_pointer (&sc->mi, g_match_info_free);
  g_clear_pointer (&sc->runs, g_array_unref);
}

/* Byte positions of the current match (or of its group @name, when it
 * has one that took part) in the whole text. */
static void
scan_pos (Scan       *sc,
          const char *name,
          int        *s,
          int        *e)
{
  *s = *e = -1;
  if (name == NULL || !g_match_info_fetch_named_pos (sc->mi, name, s, e) || *s < 0)
    g_match_info_fetch_pos (sc->mi, 0, s, e);
  *s += sc->base;
  *e += sc->base;
}

/* matches_in() for long ranges, through the prefilter. */
static gboolean
scan_any (GwCheckContext *ctx,
          GRegex         *regex,
          GwPrefilter    *pf,
          gsize           start,
          gsize           end)
{
  Scan sc;
  gboolean found;

  if (end <= start)
    return FALSE;   /* as matches_in() */
  found = scan_start (&sc, ctx, regex, pf, start, end);
  scan_clear (&sc);
  return found;
}

static gboolean
matches_around (GwCheckContext *ctx,
                GRegex         *regex,
                gsize           pos,
                GwWithin        within)
{
  gsize s, e;

  _gw_check_context_unit (ctx, pos, within, &s, &e);
  return matches_in (ctx, regex, s, e);
}

static gboolean
conds_any (GwCheckContext *ctx,
           GArray         *conds,
           gsize           pos)
{
  for (guint i = 0; conds && i < conds->len; i++)
    {
      GwCond *c = &g_array_index (conds, GwCond, i);
      if (matches_around (ctx, c->regex, pos, c->within))
        return TRUE;
    }
  return FALSE;
}

/* conds_any () for what makes a trigger lawful: a marker the clause
 * reader reads as denied (未组织政府采购) counts for nothing. */
static gboolean
conds_any_affirmed (GwCheckContext *ctx,
                    GArray         *conds,
                    gsize           pos)
{
  for (guint i = 0; conds && i < conds->len; i++)
    {
      GwCond *c = &g_array_index (conds, GwCond, i);
      g_autoptr(GMatchInfo) mi = NULL;
      gsize s, e;

      _gw_check_context_unit (ctx, pos, c->within, &s, &e);
      if (e <= s)
        continue;
      match_range (ctx, c->regex, s, e, &mi);
      while (g_match_info_matches (mi))
        {
          int ms;

          g_match_info_fetch_pos (mi, 0, &ms, NULL);
          if (!_gw_clause_denies (ctx, s + ms))
            return TRUE;
          if (!match_next (ctx, mi, s, e))
            break;
        }
    }
  return FALSE;
}

static gboolean
conds_all (GwCheckContext *ctx,
           GArray         *conds,
           gsize           pos)
{
  for (guint i = 0; conds && i < conds->len; i++)
    {
      GwCond *c = &g_array_index (conds, GwCond, i);
      if (!matches_around (ctx, c->regex, pos, c->within))
        return FALSE;
    }
  return TRUE;
}

/* Byte ranges of the sections whose heading matches @scope (GArray of
 * GwTextRange); NULL when the matcher has no scope or no heading matches. */
static GArray *
scope_ranges (GwCheckContext *ctx,
              GRegex         *scope)
{
  GArray *ranges;

  if (scope == NULL)
    return NULL;
  ranges = g_array_new (FALSE, FALSE, sizeof (GwTextRange));
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      GwBlockKind kind = gw_block_get_kind (ctx->blocks[i]);
      GwHeadingMarker marker;
      gsize s = ctx->block_start[i], e = ctx->block_start[i + 1];
      gsize head_end = e;

      if (kind != GW_BLOCK_HEADING && kind != GW_BLOCK_ATTACHMENT)
        continue;
      /* The heading proper: up to the first 。 of a run-on heading. */
      for (const char *p = ctx->text + s; p < ctx->text + e; p = g_utf8_next_char (p))
        if (gw_text_is_delimiter (p, ctx->text, ctx->text + e, GW_TEXT_SENTENCE))
          {
            head_end = p - ctx->text;
            break;
          }
      (void) marker;
      if (matches_in (ctx, scope, s, head_end))
        {
          GwTextRange r = { s, ctx->block_start[ctx->section_end[i]] };
          g_array_append_val (ranges, r);
        }
    }
  if (ranges->len == 0)
    g_clear_pointer (&ranges, g_array_unref);
  return ranges;
}

static gboolean
in_ranges (GArray *ranges,
           gsize   pos)
{
  if (ranges == NULL)
    return TRUE;
  for (guint i = 0; i < ranges->len; i++)
    {
      GwTextRange *r = &g_array_index (ranges, GwTextRange, i);
      if (pos >= r->start && pos < r->end)
        return TRUE;
    }
  return FALSE;
}

static void
add_text_finding (GwCheckContext *ctx,
                  GwRuleWords    *rule,
                  GwMatcher      *m,
                  GPtrArray      *findings,
                  gsize           start,
                  gsize           end,
                  GwSeverity     *severity,
                  const char     *detail)
{
  GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, severity, detail);

  _gw_finding_place_text (ctx, f, start, end);
  if (m->replacement)
    gw_finding_set_replacement (f, m->replacement);
  g_ptr_array_add (findings, f);
}

/* ---- trigger ------------------------------------------------------------ */

static gboolean
trigger_exempt (GwCheckContext *ctx,
                GwMatcher      *m,
                gsize           s,
                gsize           e)
{
  gsize cs, ce, ss, se;
  guint flags;

  _gw_check_context_unit (ctx, s, GW_WITHIN_CLAUSE, &cs, &ce);
  _gw_check_context_unit (ctx, s, GW_WITHIN_SENTENCE, &ss, &se);

  /* The clause reader (gw-clause.c) says what the clause means: negated
   * where the trigger stands, prohibited, framed as a problem to correct,
   * a sole factor or one among several. A pack's own "negations" still
   * replaces the negation reading (format 1). */
  if (m->exempt_negation &&
      (m->negation ? matches_in (ctx, m->negation, cs, s) : _gw_clause_negates (ctx, s, e)))
    return TRUE;
  flags = _gw_clause_flags (ctx, s);
  /* "针对…低价中标的问题", "扭转…价低者得的局面", "…的问题已经整改": the
   * practice is named to correct it. A problem word in another clause
   * about something else (为缓解人手不足的问题，…为镇政府招聘工作人员)
   * does not frame it. */
  if (m->exempt_problem && (flags & GW_CLAUSE_FRAMED))
    return TRUE;
  if (m->exempt_flags & flags)
    return TRUE;
  if ((m->needs & flags) != m->needs)
    return TRUE;
  for (guint i = 0; m->allow && i < m->allow->len; i++)
    {
      g_autoptr(GMatchInfo) mi = NULL;
      match_range (ctx, g_ptr_array_index (m->allow, i), ss, se, &mi);
      while (g_match_info_matches (mi))
        {
          int as, ae;
          g_match_info_fetch_pos (mi, 0, &as, &ae);
          if (ss + as < e && ss + ae > s)
            return TRUE;
          if (!match_next (ctx, mi, ss, se))
            break;
        }
    }
  if (conds_any_affirmed (ctx, m->unless, s))
    return TRUE;
  if (!conds_all (ctx, m->requires, s))
    return TRUE;
  return FALSE;
}

/* Whether an earlier matcher of @rule already reported the clause
 * [@cs, @ce): a rule whose concepts are written as several triggers (a
 * phrase list and a co-occurrence of two concepts) must still say a thing
 * once. The rule's findings are the last ones appended. */
static gboolean
clause_reported (GwCheckContext *ctx,
                 GwRuleWords    *rule,
                 GwMatcher      *m,
                 GPtrArray      *findings,
                 gsize           cs,
                 gsize           ce)
{
  g_autoptr(GwFinding) probe = NULL;
  const char *id = rule->id;

  for (guint i = findings->len; i > 0; i--)
    {
      GwFinding *f = g_ptr_array_index (findings, i - 1);
      guint off, clause_off;

      if (g_strcmp0 (gw_finding_get_rule_id (f), id) != 0)
        break;
      if (gw_finding_get_block (f) < 0)
        continue;
      if (probe == NULL)
        {
          probe = _gw_rule_make_finding (rule, m, ctx->lang, NULL, NULL);
          _gw_finding_place_text (ctx, probe, cs, ce);
        }
      off = gw_finding_get_offset (f);
      clause_off = gw_finding_get_offset (probe);
      if (gw_finding_get_block (f) == gw_finding_get_block (probe) &&
          off >= clause_off && off < clause_off + MAX (gw_finding_get_length (probe), 1u))
        return TRUE;
    }
  return FALSE;
}

static void
run_trigger (GwMatcher      *m,
             GwRuleWords    *rule,
             GwCheckContext *ctx,
             GPtrArray      *findings)
{
  g_autoptr(GArray) scope = scope_ranges (ctx, m->scope);
  gsize last_clause = G_MAXSIZE;
  Scan sc;

  if (m->scope && scope == NULL)
    return;   /* the section the rule reads is not there */

  for (gboolean more = scan_start (&sc, ctx, m->pattern, m->pattern_pf, 0, ctx->len); more;
       more = scan_next (&sc))
    {
      int s, e;
      gsize cs, ce;

      scan_pos (&sc, "hit", &s, &e);
      if (e > s && in_ranges (scope, s))
        {
          _gw_check_context_unit (ctx, s, GW_WITHIN_CLAUSE, &cs, &ce);
          if (cs != last_clause && !trigger_exempt (ctx, m, s, e) &&
              !clause_reported (ctx, rule, m, findings, cs, ce))
            {
              add_text_finding (ctx, rule, m, findings, s, e, NULL, NULL);
              last_clause = cs;
            }
        }
    }
  scan_clear (&sc);
}

/* ---- required ----------------------------------------------------------- */

static gboolean
required_met (GwCheckContext *ctx,
              GwMatcher      *m,
              gsize           s,
              gsize           e)
{
  for (guint i = 0; m->all && i < m->all->len; i++)
    if (!scan_any (ctx, g_ptr_array_index (m->all, i), g_ptr_array_index (m->all_pf, i), s, e))
      return FALSE;
  if (m->any)
    {
      guint n = 0;
      for (guint i = 0; i < m->any->len; i++)
        if (scan_any (ctx, g_ptr_array_index (m->any, i), g_ptr_array_index (m->any_pf, i), s, e))
          n++;
      if (n < m->min)
        return FALSE;
    }
  return TRUE;
}

static void
run_required (GwMatcher      *m,
              GwRuleWords    *rule,
              GwCheckContext *ctx,
              GPtrArray      *findings)
{
  g_autoptr(GArray) scope = NULL;

  /* what must be said where something is said (when) holds for every
   * document; what must be said at all only for a whole opinion */
  if (m->when == NULL && !ctx->whole_opinion)
    return;
  scope = scope_ranges (ctx, m->scope);
  if (m->when)
    {
      gsize last_unit = G_MAXSIZE;
      int first_s = -1, first_e = -1;
      Scan sc;

      for (gboolean more = scan_start (&sc, ctx, m->when, m->when_pf, 0, ctx->len); more;
           more = scan_next (&sc))
        {
          int s, e;
          gsize us, ue;

          scan_pos (&sc, NULL, &s, &e);
          if (in_ranges (scope, s))
            {
              _gw_check_context_unit (ctx, s, m->within, &us, &ue);
              if (us != last_unit)
                {
                  last_unit = us;
                  if (required_met (ctx, m, us, ue))
                    {
                      /* once: one unit that meets it is enough */
                      if (m->once)
                        {
                          scan_clear (&sc);
                          return;
                        }
                    }
                  else if (m->once)
                    {
                      if (first_s < 0)
                        first_s = s, first_e = e;
                    }
                  else
                    add_text_finding (ctx, rule, m, findings, s, e, NULL, NULL);
                  if (m->within == GW_WITHIN_DOCUMENT)
                    break;
                }
            }
        }
      scan_clear (&sc);
      if (m->once && first_s >= 0)
        add_text_finding (ctx, rule, m, findings, first_s, first_e, NULL, NULL);
      return;
    }

  if (scope)
    {
      for (guint i = 0; i < scope->len; i++)
        {
          GwTextRange *r = &g_array_index (scope, GwTextRange, i);
          if (required_met (ctx, m, r->start, r->end))
            return;
        }
      {
        GwTextRange *r = &g_array_index (scope, GwTextRange, 0);
        gsize head_end = r->start;
        while (head_end < r->end && ctx->text[head_end] != '\n')
          head_end++;
        add_text_finding (ctx, rule, m, findings, r->start, head_end, NULL, NULL);
      }
      return;
    }

  if (!required_met (ctx, m, 0, ctx->len))
    {
      GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, NULL, NULL);
      g_ptr_array_add (findings, f);
    }
}

/* ---- number ------------------------------------------------------------- */

static gboolean
measure_value (GwMeasure       measure,
               const GwNumber *n,
               double         *value)
{
  if (n->ordinal)
    return FALSE;
  if (measure == GW_MEASURE_SHARE)
    {
      switch (n->unit)
        {
        case GW_NUMBER_PERCENT:
        case GW_NUMBER_POINTS:
          *value = n->value;
          return TRUE;
        case GW_NUMBER_WEIGHT:
          *value = n->value * 100;
          return TRUE;
        default:
          return FALSE;
        }
    }
  switch (n->unit)
    {
    case GW_NUMBER_YEARS:
      *value = n->value;
      return TRUE;
    case GW_NUMBER_MONTHS:
      *value = n->value / 12;
      return TRUE;
    default:
      return FALSE;
    }
}

static GRegex *
date_range_regex (void)
{
  static gsize once;
  static GRegex *regex;

  if (g_once_init_enter (&once))
    {
      /* in Arabic or Chinese numerals: 二〇二四年一月一日至二〇二八年十二月三十一日 */
#define YEAR  "(\\d{4}|[〇零一二三四五六七八九]{4})年"
#define MONTH "(\\d{1,2}|十[一二]?|[一二三四五六七八九])月"
#define DAY   "(\\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
      /* 2025—2029年: the first year may go without its 年 */
      regex = default_regex (YEAR "?(?:" MONTH "(?:" DAY ")?)?(?:起)?\\s*(?:至|到|—|–|-|~)\\s*"
                             YEAR "(?:" MONTH "(?:" DAY ")?)?");
#undef YEAR
#undef MONTH
#undef DAY
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static int
fetch_int (GMatchInfo *mi,
           int         group,
           int         fallback)
{
  g_autofree char *s = g_match_info_fetch (mi, group);

  if (s == NULL || *s == '\0')
    return fallback;
  if (g_ascii_isdigit (*s))
    return atoi (s);
  return (int) gw_numeral_parse (s, -1, GW_NUMERAL_DIGITS | GW_NUMERAL_DECIMAL);   /* 二〇二四, 十二, 三十一 */
}

/* 自2024年1月1日至2028年12月31日: a term written as a span of dates, in
 * years; a span of whole years counts both ends (2024年至2026年 is three). */
static gboolean
date_span (GwCheckContext *ctx,
           gsize           start,
           gsize           end,
           double         *years,
           gsize          *span_start,
           gsize          *span_end)
{
  g_autoptr(GMatchInfo) mi = NULL;
  int y1, m1, d1, y2, m2, d2, s, e;
  GDate a, b;

  if (!match_range (ctx, date_range_regex (), start, end, &mi))
    return FALSE;
  y1 = fetch_int (mi, 1, 0);
  m1 = fetch_int (mi, 2, 1);
  d1 = fetch_int (mi, 3, 1);
  y2 = fetch_int (mi, 4, 0);
  m2 = fetch_int (mi, 5, 12);
  d2 = fetch_int (mi, 6, 0);
  if (!g_date_valid_dmy (d1, m1, y1) || y2 < y1 || y2 > 9999 || m2 < 1 || m2 > 12)
    return FALSE;
  if (d2 == 0)
    d2 = g_date_get_days_in_month (m2, y2);
  if (!g_date_valid_dmy (d2, m2, y2))
    return FALSE;
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, d1, m1, y1);
  g_date_set_dmy (&b, d2, m2, y2);
  *years = (g_date_days_between (&a, &b) + 1) / 365.25;
  g_match_info_fetch_pos (mi, 0, &s, &e);
  *span_start = start + s;
  *span_end = start + e;
  return TRUE;
}

static void
run_number (GwMatcher      *m,
            GwRuleWords    *rule,
            GwCheckContext *ctx,
            GPtrArray      *findings)
{
  g_autoptr(GArray) scope = scope_ranges (ctx, m->scope);
  gsize last_span = G_MAXSIZE;
  Scan sc;

  if (m->scope && scope == NULL)
    return;

  /* The numbers read are those inside the context match: the pattern says
   * how far from its key word a number may stand. */
  for (gboolean more = scan_start (&sc, ctx, m->context, m->context_pf, 0, ctx->len); more;
       more = scan_next (&sc))
    {
      int s, e;

      scan_pos (&sc, NULL, &s, &e);
      if (e > s && in_ranges (scope, s))
        {
          gsize us, ue;
          g_autoptr(GArray) numbers = NULL;

          /* Numbers are read from the whole clause (a match may begin in
           * the middle of 2025年) and kept where they touch the match. */
          gsize from = s;

          _gw_check_context_unit (ctx, s, GW_WITHIN_CLAUSE, &us, &ue);
          /* 五年一签: the number may stand just before the key word. */
          for (guint k = 0; k < m->lookback && from > us; k++)
            from = g_utf8_prev_char (ctx->text + from) - ctx->text;
          numbers = gw_text_extract_numbers (ctx->text + us, ue - us);
          if (m->measure == GW_MEASURE_YEARS)
            {
              double years;
              gsize ds, de;

              if (date_span (ctx, us, ue, &years, &ds, &de) && ds != last_span &&
                  ((m->has_upper && years > m->upper + 0.01) || (m->has_lower && years < m->lower)) &&
                  !conds_any (ctx, m->unless, ds))
                {
                  g_autofree char *y = gw_number_format_fixed (years, 1);
                  g_autofree char *detail = g_strconcat (y, ctx->lang == 0 ? "年" : " years", NULL);
                  add_text_finding (ctx, rule, m, findings, ds, de, NULL, detail);
                  last_span = ds;
                  continue;
                }
            }
          for (guint i = 0; i < numbers->len; i++)
            {
              GwNumber *n = &g_array_index (numbers, GwNumber, i);
              gsize ns = us + n->start, ne = us + n->end;
              double v;
              GwSeverity severity;
              gboolean escalated = FALSE;
              g_autofree char *value = NULL;
              g_autofree char *detail = NULL;

              if (ne <= from || ns >= (gsize) e)
                continue;
              if (!measure_value (m->measure, n, &v))
                continue;
              if (!((m->has_lower && v < m->lower) || (m->has_upper && v > m->upper)))
                continue;
              /* 不得一次签订四年: the clause forbids the amount (gw-clause.c) */
              if (_gw_clause_negates_amount (ctx, ns, ne))
                continue;
              if (m->skip_before && matches_in (ctx, m->skip_before, us, ns))
                continue;
              if (conds_any (ctx, m->unless, ns))
                continue;
              if (m->escalate && matches_around (ctx, m->escalate, ns, m->escalate_within))
                {
                  severity = m->escalate_severity;
                  escalated = TRUE;
                }
              value = gw_number_format (v, 6);
              if (m->measure == GW_MEASURE_SHARE)
                detail = g_strconcat (value, "%", NULL);
              else
                detail = g_strconcat (value, ctx->lang == 0 ? "年" : " years", NULL);
              add_text_finding (ctx, rule, m, findings, ns, ne, escalated ? &severity : NULL,
                                detail);
            }
        }
    }
  scan_clear (&sc);
}

/* ---- enumeration -------------------------------------------------------- */

typedef struct {
  guint member;
  gsize start;
  gsize end;
} MemberHit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const MemberHit *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Whether the text between two members joins them into a list: short, and
 * with a separator (以社区为平台、社会组织为载体… / 社区、社会组织和社工). */
static gboolean
joins_list (GwCheckContext *ctx,
            gsize           from,
            gsize           to)
{
  static const char *seps[] = { "、", "，", "和", "与", "及", "以及", "或" };
  const char *p = ctx->text + from, *end = ctx->text + to;

  if (to < from || g_utf8_strlen (p, to - from) > 8)
    return FALSE;
  for (; p < end; p = g_utf8_next_char (p))
    for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
      if (g_str_has_prefix (p, seps[i]))
        return TRUE;
  return FALSE;
}

/* Members named in one list in [start, end): the longest chain of mentions
 * joined by separators, counted once per member. */
static guint
longest_list (GwCheckContext *ctx,
              GwMatcher      *m,
              gsize           start,
              gsize           end)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (MemberHit));
  guint best = 0;

  for (guint i = 0; i < m->members->len; i++)
    {
      g_autoptr(GMatchInfo) mi = NULL;
      match_range (ctx, g_ptr_array_index (m->members, i), start, end, &mi);
      while (g_match_info_matches (mi))
        {
          int s, e;
          MemberHit h;
          g_match_info_fetch_pos (mi, 0, &s, &e);
          h.member = i;
          h.start = start + s;
          h.end = start + e;
          g_array_append_val (hits, h);
          if (!match_next (ctx, mi, start, end))
            break;
        }
    }
  g_array_sort (hits, compare_hits);

  for (guint i = 0; i < hits->len; i++)
    {
      guint64 seen = 0;
      guint n = 0;
      gsize last_end = 0;

      for (guint j = i; j < hits->len; j++)
        {
          MemberHit *h = &g_array_index (hits, MemberHit, j);
          if (j > i && h->start < last_end)
            continue;   /* overlapping mention (社区 inside 社区志愿者) */
          if (j > i && !joins_list (ctx, last_end, h->start))
            break;
          if (!(seen & (G_GUINT64_CONSTANT (1) << h->member)))
            {
              seen |= G_GUINT64_CONSTANT (1) << h->member;
              n++;
            }
          last_end = h->end;
        }
      best = MAX (best, n);
    }
  return best;
}

static void
run_enumeration (GwMatcher      *m,
                 GwRuleWords    *rule,
                 GwCheckContext *ctx,
                 GPtrArray      *findings)
{
  gsize last_unit = G_MAXSIZE;
  Scan sc;

  for (gboolean more = scan_start (&sc, ctx, m->term, m->term_pf, 0, ctx->len); more;
       more = scan_next (&sc))
    {
      int s, e;
      gsize us, ue;

      scan_pos (&sc, NULL, &s, &e);
      _gw_check_context_unit (ctx, s, m->within, &us, &ue);
      if (us != last_unit)
        {
          guint listed;

          last_unit = us;
          listed = longest_list (ctx, m, us, ue);
          if (listed >= m->min_listed && listed < m->members->len)
            add_text_finding (ctx, rule, m, findings, s, e, NULL, NULL);
        }
    }
  scan_clear (&sc);
}

/* ---- form --------------------------------------------------------------- */

static void
run_form (GwMatcher      *m,
          GwRuleWords    *rule,
          GwCheckContext *ctx,
          GPtrArray      *findings)
{
  GwEvaluation *ev = gw_document_get_evaluation (ctx->doc);
  g_autoptr(GPtrArray) issues = NULL;

  g_autofree char *basis = NULL;

  /* A plain-text draft of a form carries no scores to add up. */
  if (ev == NULL)
    return;
  if (_gw_against_is_check (m->name))
    {
      GwPolicyParam param = GW_POLICY_CYCLE_YEARS;

      /* Only a form checked against its governing opinion. */
      if (ctx->policy == NULL)
        return;
      issues = _gw_against_check (m->name, ev, ctx->policy, &param);
      basis = _gw_against_basis (ctx->policy, param);
    }
  else
    issues = gw_form_check (m->name, ev, ctx->doc);
  for (guint i = 0; i < issues->len; i++)
    {
      GwFormIssue *issue = g_ptr_array_index (issues, i);
      GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, NULL, issue->detail);

      gw_finding_set_place (f, -1, -1, issue->target, 0, 0);
      gw_finding_set_excerpt (f, issue->target);
      /* The opinion the form contradicts, and its sentence. */
      if (basis)
        gw_finding_set_basis (f, basis);
      g_ptr_array_add (findings, f);
    }
}

void
_gw_matcher_run (GwMatcher      *m,
                 GwRuleWords    *rule,
                 GwCheckContext *ctx,
                 GPtrArray      *findings)
{
  switch (m->type)
    {
    case GW_MATCHER_TRIGGER:
      run_trigger (m, rule, ctx, findings);
      break;
    case GW_MATCHER_REQUIRED:
      run_required (m, rule, ctx, findings);
      break;
    case GW_MATCHER_NUMBER:
      run_number (m, rule, ctx, findings);
      break;
    case GW_MATCHER_ENUMERATION:
      run_enumeration (m, rule, ctx, findings);
      break;
    case GW_MATCHER_BUILTIN:
      m->func (ctx, rule, m, findings);
      break;
    case GW_MATCHER_FORM:
      run_form (m, rule, ctx, findings);
      break;
    default:
      g_assert_not_reached ();
    }
}
