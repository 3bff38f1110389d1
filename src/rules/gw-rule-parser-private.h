/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gw-matcher-private.h"

G_BEGIN_DECLS

/* Shared by the parts of the parser (gw-rule-json.c at the bottom, then
 * gw-matcher-parser.c, gw-rule-parser.c) and the examples verifier. */

typedef struct {
  const char *where;
  const char *id;
  gboolean    probe;   /* run each pattern against the probes (a pack not shipped) */
  guint       format;   /* the pack's format */
} ParseCtx;

/* Sets @error to "where: rule “id”, key “key”: what"; returns FALSE. */
gboolean    _gw_json_fail          (GError         **error,
                                    const ParseCtx  *pc,
                                    const char      *key,
                                    const char      *format,
                                    ...) G_GNUC_PRINTF (4, 5);
gboolean    _gw_json_check_keys    (JsonObject      *object,
                                    const char     **allowed,
                                    const ParseCtx  *pc,
                                    const char      *context,
                                    GError         **error);
const char *_gw_json_get_string    (JsonObject      *object,
                                    const char      *key,
                                    gboolean         required,
                                    const ParseCtx  *pc,
                                    GError         **error,
                                    gboolean        *ok);
/* A text in both languages: "…" for both, or {"zh_CN": "…", "en": "…"}. */
gboolean    _gw_json_get_localized (JsonObject      *object,
                                    const char      *key,
                                    gboolean         required,
                                    char            *out[2],
                                    const ParseCtx  *pc,
                                    GError         **error);

/* Pattern limits: prefixed to every pattern of a pack so that PCRE2 stops
 * after a fixed amount of work (deterministic, unlike a clock), and the
 * probe each pattern is run against at load under them. */
#define GW_PATTERN_LIMITS "(*LIMIT_MATCH=1000000)(*LIMIT_DEPTH=100000)"
const char     *_gw_pattern_strip_limits (const char *pattern);

/* A matcher of a rule (gw-matcher-parser.c); @key names where it stands. */
GwMatcher  *_gw_matcher_new_from_json (JsonNode        *node,
                                       const char      *key,
                                       const ParseCtx  *pc,
                                       GError         **error);

G_END_DECLS
