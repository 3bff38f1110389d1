/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gw-matcher-private.h"
#include "gw-rule-pack.h"

G_BEGIN_DECLS

/* The rule object (gw-rule.c), its parser (gw-rule-json.c,
 * gw-matcher-parser.c, gw-rule-parser.c) and the examples verifier
 * (gw-rule-examples.c), for the packs and the checker above them. */

struct _GwRule
{
  GObject     parent_instance;

  GwRuleWords words;       /* id, severity, message, basis, suggestion */
  char       *pack_name;
  char      **kinds;
  char       *replacement;
  GPtrArray  *matchers;     /* GwMatcher* */
  GPtrArray  *violating;    /* GwDocument* */
  GPtrArray  *compliant;    /* GwDocument* */
};

/* The language messages are shown in: 0 for Chinese locales, 1 otherwise. */
guint           _gw_lang_current        (void);

/* Runs one rule over a prepared document, appending GwFinding*. */
void            _gw_rule_check          (GwRule         *rule,
                                         GwCheckContext *ctx,
                                         GPtrArray      *findings);
gboolean        _gw_rule_applies_to     (GwRule         *rule,
                                         GwDocumentKind  kind);

/* The finding for a rule that could not be evaluated at [@start, @end). */
GwFinding      *_gw_check_context_incomplete (GwCheckContext *ctx,
                                              GwRule         *rule,
                                              gsize           start,
                                              gsize           end);

guint           _gw_rule_get_n_examples (GwRule         *rule);
/* For tests: the rule's matchers (GwMatcher*) and its example drafts. */
GPtrArray      *_gw_rule_get_matchers   (GwRule         *rule);
GwDocument     *_gw_rule_get_example    (GwRule         *rule,
                                         gboolean        violating,
                                         guint           index);

/* The newest pack format this build reads ("format" of a pack; 1 when
 * absent). Format 2 packs exempt prohibitions by default and name the
 * clause reader's annotations (docs/rule-packs.md). */
#define GW_RULE_PACK_FORMAT_CURRENT 2

/* Parsing (gw-rule-parser.c). @where names the pack file for messages. */
GwRule         *_gw_rule_new_from_json  (JsonObject     *object,
                                         guint           format,
                                         const char     *pack_name,
                                         const char     *where,
                                         const char     *base_dir,
                                         GError        **error);
/* Off: patterns are not probed at load (the fuzz harness, where the probe
 * is fixed regex work unrelated to the bytes being parsed; the limits
 * still hold at check time). Set before any load, from one thread. */
void            _gw_rule_set_probe_enabled (gboolean enabled);
/* Documents built from example snippets. */
GwDocument     *_gw_snippet_document_new (GwDocumentKind kind,
                                          const char    *text);

/* Runs the rule's own examples (gw-rule-examples.c); an error names the
 * failing one. */
gboolean        _gw_rule_verify_examples (GwRule        *rule,
                                          const char    *where,
                                          GError       **error);

G_END_DECLS
