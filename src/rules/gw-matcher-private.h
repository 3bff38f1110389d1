/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-check-context-private.h"

G_BEGIN_DECLS

/* Matchers (gw-matcher.c, gw-matchers.c) and built-ins (gw-builtins.c,
 * gw-register-check.c): what a rule looks for, run over the check context.
 * They know a rule only by its words, which the rule object hands down, so
 * that nothing here calls up into it. */

typedef enum {
  GW_MATCHER_TRIGGER,
  GW_MATCHER_REQUIRED,
  GW_MATCHER_NUMBER,
  GW_MATCHER_ENUMERATION,
  GW_MATCHER_BUILTIN,
  GW_MATCHER_FORM,
} GwMatcherType;

typedef enum {
  GW_MEASURE_SHARE,   /* percent, points of 100, weight × 100 */
  GW_MEASURE_YEARS,   /* years, months ÷ 12 */
} GwMeasure;

typedef struct {
  GRegex   *regex;
  GwWithin  within;
} GwCond;

typedef struct _GwMatcher GwMatcher;

/* What a rule's findings say (held by the rule object, gw-rule.c). */
typedef struct {
  char       *id;
  GwSeverity  severity;
  char       *message[2];      /* zh_CN, en */
  char       *basis[2];
  char       *suggestion[2];
} GwRuleWords;

typedef void (*GwBuiltinFunc) (GwCheckContext *ctx,
                               GwRuleWords    *rule,
                               GwMatcher      *matcher,
                               GPtrArray      *findings);

struct _GwMatcher
{
  GwMatcherType  type;
  gboolean       has_severity;
  GwSeverity     severity;
  char          *message[2];      /* zh_CN, en: overrides the rule's */
  char          *suggestion[2];
  char          *replacement;
  GRegex        *scope;           /* heading of the section the rule reads */

  /* trigger */
  GRegex        *pattern;
  GPtrArray     *allow;           /* GRegex* */
  GArray        *unless;          /* GwCond */
  GArray        *requires;        /* GwCond */
  gboolean       exempt_negation;
  gboolean       exempt_problem;
  guint          exempt_flags;    /* GwClauseFlags that exempt (gw-clause-private.h) */
  guint          needs;           /* GwClauseFlags the clause must carry */
  GRegex        *negation;

  /* required */
  GRegex        *when;
  GwWithin       within;
  gboolean       once;            /* met when any unit around a "when" meets it */
  GPtrArray     *all;             /* GRegex* */
  GPtrArray     *any;             /* GRegex* */
  guint          min;

  /* number */
  GRegex        *context;
  GwMeasure      measure;
  gboolean       has_lower, has_upper;
  double         lower, upper;
  GRegex        *skip_before;
  guint          lookback;        /* characters before the match read too */
  GRegex        *escalate;
  GwWithin       escalate_within;
  GwSeverity     escalate_severity;

  /* enumeration */
  GRegex        *term;
  GPtrArray     *members;         /* GRegex* */
  guint          min_listed;

  /* builtin / form */
  char          *name;
  GwBuiltinFunc  func;

  /* Filters of the patterns run over whole drafts, made at load from the
   * patterns themselves (gw-prefilter.h); NULL where there is none. */
  GwPrefilter   *pattern_pf;      /* trigger */
  GwPrefilter   *when_pf;         /* required */
  GPtrArray     *all_pf;          /* GwPrefilter*, as all */
  GPtrArray     *any_pf;          /* GwPrefilter*, as any */
  GwPrefilter   *context_pf;      /* number */
  GwPrefilter   *term_pf;         /* enumeration */
};

void       _gw_matcher_free (GwMatcher *matcher);

/* A finding for @rule (matcher overrides applied; gw-matcher.c). */
GwFinding      *_gw_rule_make_finding   (GwRuleWords    *rule,
                                         GwMatcher      *matcher,
                                         guint           lang,
                                         GwSeverity     *severity_override,
                                         const char     *detail);

/* Matchers (gw-matchers.c) and built-ins (gw-builtins.c). */
void            _gw_matcher_run         (GwMatcher      *matcher,
                                         GwRuleWords    *rule,
                                         GwCheckContext *ctx,
                                         GPtrArray      *findings);
GwBuiltinFunc   _gw_builtin_lookup      (const char     *name);
const char * const *_gw_builtin_names   (void);
/* gw-register-check.c */
void            _gw_builtin_doc_number_register (GwCheckContext *ctx,
                                                 GwRuleWords    *rule,
                                                 GwMatcher      *matcher,
                                                 GPtrArray      *findings);

G_END_DECLS
