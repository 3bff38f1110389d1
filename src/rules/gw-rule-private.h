/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-number-registry.h"
#include <json-glib/json-glib.h>

#include "gw-document.h"
#include "gw-policy.h"
#include "gw-prefilter.h"
#include "gw-rule-pack.h"
#include "gw-text.h"

G_BEGIN_DECLS

/* Internals shared by the rule, pack, checker and matcher files. */

typedef enum {
  GW_WITHIN_CLAUSE,
  GW_WITHIN_SENTENCE,
  GW_WITHIN_PARAGRAPH,
  GW_WITHIN_SECTION,
  GW_WITHIN_DOCUMENT,
} GwWithin;

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

typedef struct _GwCheckContext GwCheckContext;
typedef struct _GwMatcher GwMatcher;

typedef void (*GwBuiltinFunc) (GwCheckContext *ctx,
                               GwRule         *rule,
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

/* The document prepared once for all rules. */
struct _GwCheckContext
{
  GwDocument     *doc;
  GwDocumentKind  kind;
  gboolean        whole_opinion;  /* content that must be there is checked */
  guint           lang;           /* 0 zh_CN, 1 en */
  guint           n_blocks;
  GwBlock       **blocks;
  GwTextMap      *map;
  const char     *text;           /* normalised body */
  gsize           len;
  guint          *block_start;    /* byte in text where each block starts (n_blocks + 1) */
  guint          *block_orig;     /* original char offset of each block (n_blocks + 1) */
  GArray         *delims[3];      /* gsize: delimiter bytes per GwTextUnit */
  guint          *section_end;    /* per block: first block after its section */
  guint          *section_start;  /* per block: the heading block its section starts at */
  GwPrefilterIndex *prefilter;    /* built on first use (gw-matchers.c) */
  GHashTable     *clauses;        /* clause start + 1 → GwClause*, read on first use (gw-clause.c) */
  GwPolicy       *policy;         /* the governing opinion's parameters, or NULL (not owned) */

  /* A pattern the engine gave up on (match or depth limit, bad UTF-8):
   * the rule being run, and the first range it could not read, which
   * _gw_rule_check() turns into a check.incomplete finding. */
  GwRule         *incomplete_rule; /* the rule check.incomplete, when active */
  gboolean        failed;
  gsize           fail_start, fail_end;
  GwNumberRegistry *registry;     /* the office's register, or NULL (not owned) */
};

GwCheckContext *_gw_check_context_new   (GwDocument     *doc,
                                         GwDocumentKind  kind,
                                         guint           lang);
void            _gw_check_context_free  (GwCheckContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCheckContext, _gw_check_context_free)

/* Byte range of the unit around @pos in the normalised text. */
void            _gw_check_context_unit  (GwCheckContext *ctx,
                                         gsize           pos,
                                         GwWithin        within,
                                         gsize          *start,
                                         gsize          *end);
guint           _gw_check_context_block_at (GwCheckContext *ctx,
                                            gsize           pos);

/* The language messages are shown in: 0 for Chinese locales, 1 otherwise. */
guint           _gw_lang_current        (void);

/* A finding for @rule (matcher overrides applied). */
GwFinding      *_gw_rule_make_finding   (GwRule         *rule,
                                         GwMatcher      *matcher,
                                         guint           lang,
                                         GwSeverity     *severity_override,
                                         const char     *detail);
/* Places @finding on the normalised byte range [@start, @end). */
void            _gw_finding_place_text  (GwCheckContext *ctx,
                                         GwFinding      *finding,
                                         gsize           start,
                                         gsize           end);
/* Places @finding on @meta, chars [@offset, @offset + @length) of its value. */
void            _gw_finding_place_meta  (GwCheckContext *ctx,
                                         GwFinding      *finding,
                                         GwMeta          meta,
                                         guint           offset,
                                         guint           length);
/* Places @finding on block @index, chars of its original text. */
void            _gw_finding_place_block (GwCheckContext *ctx,
                                         GwFinding      *finding,
                                         guint           index,
                                         guint           offset,
                                         guint           length);

/* The finding for a rule that could not be evaluated at [@start, @end). */
GwFinding      *_gw_check_context_incomplete (GwCheckContext *ctx,
                                              GwRule         *rule,
                                              gsize           start,
                                              gsize           end);

/* Pattern limits: prefixed to every pattern of a pack so that PCRE2 stops
 * after a fixed amount of work (deterministic, unlike a clock), and the
 * probe each pattern is run against at load under them. */
#define GW_PATTERN_LIMITS "(*LIMIT_MATCH=1000000)(*LIMIT_DEPTH=100000)"
const char     *_gw_pattern_strip_limits (const char *pattern);
/* Off: patterns are not probed at load (the fuzz harness, where the probe
 * is fixed regex work unrelated to the bytes being parsed; the limits
 * still hold at check time). Set before any load, from one thread. */
void            _gw_rule_set_probe_enabled (gboolean enabled);

/* Runs one rule over a prepared document, appending GwFinding*. */
void            _gw_rule_check          (GwRule         *rule,
                                         GwCheckContext *ctx,
                                         GPtrArray      *findings);
gboolean        _gw_rule_applies_to     (GwRule         *rule,
                                         GwDocumentKind  kind);

/* The newest pack format this build reads ("format" of a pack; 1 when
 * absent). Format 2 packs exempt prohibitions by default and name the
 * clause reader's annotations (docs/rule-packs.md). */
#define GW_RULE_PACK_FORMAT_CURRENT 2

/* Parsing (gw-rule.c). @where names the pack file for messages. */
GwRule         *_gw_rule_new_from_json  (JsonObject     *object,
                                         guint           format,
                                         const char     *pack_name,
                                         const char     *where,
                                         const char     *base_dir,
                                         GError        **error);
/* Runs the rule's own examples; an error names the failing one. */
gboolean        _gw_rule_verify_examples (GwRule        *rule,
                                          const char    *where,
                                          GError       **error);
guint           _gw_rule_get_n_examples (GwRule         *rule);
/* For tests: the rule's matchers (GwMatcher*) and its example drafts. */
GPtrArray      *_gw_rule_get_matchers   (GwRule         *rule);
GwDocument     *_gw_rule_get_example    (GwRule         *rule,
                                         gboolean        violating,
                                         guint           index);

/* Matchers (gw-matchers.c) and built-ins (gw-builtins.c). */
void            _gw_matcher_run         (GwMatcher      *matcher,
                                         GwRule         *rule,
                                         GwCheckContext *ctx,
                                         GPtrArray      *findings);
GwBuiltinFunc   _gw_builtin_lookup      (const char     *name);
/* gw-register-check.c and gw-number-registry.c */
void            _gw_builtin_doc_number_register (GwCheckContext *ctx,
                                                 GwRule         *rule,
                                                 GwMatcher      *matcher,
                                                 GPtrArray      *findings);
GwNumberRegistry *_gw_number_registry_get_example (void);
const char * const *_gw_builtin_names   (void);

/* Sorts findings into reading order, then by rule id. */
void            _gw_findings_sort       (GPtrArray      *findings,
                                         GwDocument     *doc);

GwRulePack     *_gw_rule_pack_new_from_resource_unverified (const char  *resource_path,
                                                           GError     **error);
/* For the fuzz harness: the whole parse (JSON, every key, every pattern
 * compiled and probed, the example drafts read) without running each
 * example through the checker, which is the checker's to be fuzzed, and
 * cost the harness ten times the parse. */
GwRulePack     *_gw_rule_pack_new_from_data_unverified (const char  *data,
                                                        gssize       len,
                                                        const char  *display_name,
                                                        const char  *base_dir,
                                                        GError     **error);

/* Documents built from example snippets (gw-rule.c). */
GwDocument     *_gw_snippet_document_new (GwDocumentKind kind,
                                          const char    *text);

G_END_DECLS
