/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-rule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-evaluation.h"
#include "gw-file.h"
#include "gw-form-checks.h"
#include "gw-import-text.h"
#include "gw-against-private.h"
#include "gw-clause-private.h"
#include "gw-rule-private.h"

struct _GwRule
{
  GObject     parent_instance;

  char       *id;
  char       *pack_name;
  char      **kinds;
  GwSeverity  severity;
  char       *message[2];
  char       *basis[2];
  char       *suggestion[2];
  char       *replacement;
  GPtrArray  *matchers;     /* GwMatcher* */
  GPtrArray  *violating;    /* GwDocument* */
  GPtrArray  *compliant;    /* GwDocument* */
};

G_DEFINE_TYPE (GwRule, gw_rule, G_TYPE_OBJECT)

static void
cond_clear (gpointer data)
{
  GwCond *cond = data;
  g_clear_pointer (&cond->regex, g_regex_unref);
}

void
_gw_matcher_free (GwMatcher *m)
{
  if (m == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      g_free (m->message[i]);
      g_free (m->suggestion[i]);
    }
  g_free (m->replacement);
  g_clear_pointer (&m->scope, g_regex_unref);
  g_clear_pointer (&m->pattern, g_regex_unref);
  g_clear_pointer (&m->allow, g_ptr_array_unref);
  g_clear_pointer (&m->unless, g_array_unref);
  g_clear_pointer (&m->requires, g_array_unref);
  g_clear_pointer (&m->negation, g_regex_unref);
  g_clear_pointer (&m->when, g_regex_unref);
  g_clear_pointer (&m->all, g_ptr_array_unref);
  g_clear_pointer (&m->any, g_ptr_array_unref);
  g_clear_pointer (&m->context, g_regex_unref);
  g_clear_pointer (&m->skip_before, g_regex_unref);
  g_clear_pointer (&m->escalate, g_regex_unref);
  g_clear_pointer (&m->term, g_regex_unref);
  g_clear_pointer (&m->members, g_ptr_array_unref);
  g_clear_pointer (&m->pattern_pf, _gw_prefilter_free);
  g_clear_pointer (&m->when_pf, _gw_prefilter_free);
  g_clear_pointer (&m->all_pf, g_ptr_array_unref);
  g_clear_pointer (&m->any_pf, g_ptr_array_unref);
  g_clear_pointer (&m->context_pf, _gw_prefilter_free);
  g_clear_pointer (&m->term_pf, _gw_prefilter_free);
  g_free (m->name);
  g_free (m);
}

static GwPrefilter *
prefilter_of (GRegex *regex)
{
  return regex ? _gw_prefilter_new (_gw_pattern_strip_limits (g_regex_get_pattern (regex))) : NULL;
}

static GPtrArray *
prefilters_of (GPtrArray *regexes)
{
  GPtrArray *pfs;

  if (regexes == NULL)
    return NULL;
  pfs = g_ptr_array_new_full (regexes->len, (GDestroyNotify) _gw_prefilter_free);
  for (guint i = 0; i < regexes->len; i++)
    g_ptr_array_add (pfs, prefilter_of (g_ptr_array_index (regexes, i)));
  return pfs;
}

/* Read from the compiled patterns themselves, so a pack never has to say
 * anything about them and cannot get them wrong. */
static void
add_prefilters (GwMatcher *m)
{
  m->pattern_pf = prefilter_of (m->pattern);
  m->when_pf = prefilter_of (m->when);
  m->all_pf = prefilters_of (m->all);
  m->any_pf = prefilters_of (m->any);
  m->context_pf = prefilter_of (m->context);
  m->term_pf = prefilter_of (m->term);
}

static void
gw_rule_finalize (GObject *object)
{
  GwRule *self = GW_RULE (object);

  g_free (self->id);
  g_free (self->pack_name);
  g_strfreev (self->kinds);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->message[i]);
      g_free (self->basis[i]);
      g_free (self->suggestion[i]);
    }
  g_free (self->replacement);
  g_clear_pointer (&self->matchers, g_ptr_array_unref);
  g_clear_pointer (&self->violating, g_ptr_array_unref);
  g_clear_pointer (&self->compliant, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_rule_parent_class)->finalize (object);
}

static void
gw_rule_class_init (GwRuleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_rule_finalize;
}

static void
gw_rule_init (GwRule *self)
{
  self->matchers = g_ptr_array_new_with_free_func ((GDestroyNotify) _gw_matcher_free);
  self->violating = g_ptr_array_new_with_free_func (g_object_unref);
  self->compliant = g_ptr_array_new_with_free_func (g_object_unref);
}

guint
_gw_lang_current (void)
{
  const char * const *names = g_get_language_names ();

  return names && names[0] && g_str_has_prefix (names[0], "zh") ? 0 : 1;
}

const char *
gw_rule_get_id (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->id;
}

GwSeverity
gw_rule_get_severity (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), GW_SEVERITY_INFO);
  return self->severity;
}

const char *
gw_rule_get_message (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->message[_gw_lang_current ()];
}

const char *
gw_rule_get_basis (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->basis[_gw_lang_current ()];
}

const char *
gw_rule_get_suggestion (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->suggestion[_gw_lang_current ()];
}

const char *
gw_rule_get_message_for (GwRule     *self,
                         const char *language)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->message[g_str_has_prefix (language ? language : "", "zh") ? 0 : 1];
}

const char * const *
gw_rule_get_kinds (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return (const char * const *) self->kinds;
}

const char *
gw_rule_get_pack_name (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->pack_name;
}

gboolean
gw_rule_applies_to (GwRule         *self,
                    GwDocumentKind  kind)
{
  g_return_val_if_fail (GW_IS_RULE (self), FALSE);
  return g_strv_contains ((const char * const *) self->kinds, gw_document_kind_to_string (kind));
}

gboolean
_gw_rule_applies_to (GwRule         *rule,
                     GwDocumentKind  kind)
{
  return gw_rule_applies_to (rule, kind);
}

guint
_gw_rule_get_n_examples (GwRule *rule)
{
  return rule->violating->len + rule->compliant->len;
}

guint
gw_rule_get_n_violating_examples (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), 0);
  return self->violating->len;
}

guint
gw_rule_get_n_compliant_examples (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), 0);
  return self->compliant->len;
}

/* ---- findings ---------------------------------------------------------- */

GwFinding *
_gw_rule_make_finding (GwRule     *rule,
                       GwMatcher  *matcher,
                       guint       lang,
                       GwSeverity *severity_override,
                       const char *detail)
{
  GwSeverity severity = rule->severity;
  const char *message = rule->message[lang];
  const char *suggestion = rule->suggestion[lang];
  g_autofree char *full = NULL;
  GwFinding *finding;

  if (matcher)
    {
      if (matcher->has_severity)
        severity = matcher->severity;
      if (matcher->message[lang])
        message = matcher->message[lang];
      if (matcher->suggestion[lang])
        suggestion = matcher->suggestion[lang];
    }
  if (severity_override)
    severity = *severity_override;
  if (detail && *detail)
    {
      /* "发文字号格式不规范：年份应使用六角括号〔〕" — the message's own full
       * stop gives way to the colon. */
      g_autofree char *head = g_strdup (message);
      gsize n = strlen (head);

      if (n >= 3 && strcmp (head + n - 3, "。") == 0)
        head[n - 3] = '\0';
      else if (n >= 1 && head[n - 1] == '.')
        head[n - 1] = '\0';
      full = g_strdup_printf (lang == 0 ? "%s：%s" : "%s: %s", head, detail);
    }

  finding = gw_finding_new (rule->id, severity, full ? full : message);
  gw_finding_set_basis (finding, rule->basis[lang]);
  gw_finding_set_suggestion (finding, suggestion);
  return finding;
}

void
_gw_rule_check (GwRule         *rule,
                GwCheckContext *ctx,
                GPtrArray      *findings)
{
  ctx->failed = FALSE;
  for (guint i = 0; i < rule->matchers->len; i++)
    _gw_matcher_run (g_ptr_array_index (rule->matchers, i), rule, ctx, findings);
  /* What the rule found stands; where it could not look is a finding too,
   * never silence (one a rule: its first such place). */
  if (ctx->failed)
    g_ptr_array_add (findings, _gw_check_context_incomplete (ctx, rule, ctx->fail_start,
                                                             ctx->fail_end));
  ctx->failed = FALSE;
}

const char *
_gw_pattern_strip_limits (const char *pattern)
{
  if (pattern && g_str_has_prefix (pattern, GW_PATTERN_LIMITS))
    return pattern + strlen (GW_PATTERN_LIMITS);
  return pattern;
}

/* ---- snippets ---------------------------------------------------------- */

/* Example texts: one block per line, except that a line not ending a
 * sentence runs on into the next (a phrase broken across lines, as pasted
 * from a PDF); a blank line always ends a block. */
GwDocument *
_gw_snippet_document_new (GwDocumentKind  kind,
                          const char     *text)
{
  GwDocument *doc = gw_document_new (kind);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) pending = g_string_new (NULL);
  guint pending_line = 0;
  GwHeadingMarker marker;

  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      gboolean heading = line && gw_heading_marker_parse (line, &marker);
      gboolean ends = FALSE;

      if (pending->len > 0)
        {
          const char *last = g_utf8_find_prev_char (pending->str, pending->str + pending->len);
          gunichar c = g_utf8_get_char (last);
          ends = c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A;
        }
      if (pending->len > 0 && (line == NULL || *line == '\0' || heading || ends))
        {
          g_autoptr(GwBlock) block = NULL;

          if (gw_heading_marker_parse (pending->str, &marker))
            block = gw_block_new_heading (marker.level, pending->str);
          else
            block = gw_block_new (GW_BLOCK_PARAGRAPH, pending->str);
          gw_block_add_span (block, 0, pending_line, 1);
          gw_document_append_block (doc, block);
          g_string_truncate (pending, 0);
        }
      if (line == NULL)
        break;
      if (*line == '\0')
        continue;
      if (pending->len == 0)
        pending_line = i + 1;
      else
        g_string_append_c (pending, '\n');
      g_string_append (pending, line);
    }
  return doc;
}

/* ---- parsing ----------------------------------------------------------- */

typedef struct {
  const char *where;
  const char *id;
  gboolean    probe;   /* run each pattern against the probes (a pack not shipped) */
  guint       format;   /* the pack's format */
} ParseCtx;

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError         **error,
      const ParseCtx  *pc,
      const char      *key,
      const char      *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GW_ERROR, GW_ERROR_RULE_PACK,
               _("%s: rule “%s”, key “%s”: %s"),
               pc->where, pc->id ? pc->id : "?", key, what);
  return FALSE;
}

static gboolean
check_keys (JsonObject      *object,
            const char     **allowed,
            const ParseCtx  *pc,
            const char      *context,
            GError         **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *key = context ? g_strdup_printf ("%s.%s", context, (char *) l->data)
                                         : g_strdup (l->data);
          return fail (error, pc, key, _("unknown key"));
        }
    }
  return TRUE;
}

static const char *
get_string (JsonObject      *object,
            const char      *key,
            gboolean         required,
            const ParseCtx  *pc,
            GError         **error,
            gboolean        *ok)
{
  JsonNode *node = json_object_get_member (object, key);

  *ok = TRUE;
  if (node == NULL)
    {
      if (required)
        *ok = fail (error, pc, key, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = fail (error, pc, key, _("must be a string"));
      return NULL;
    }
  return json_node_get_string (node);
}

/* A text in both languages: "…" for both, or {"zh_CN": "…", "en": "…"}. */
static gboolean
get_localized (JsonObject      *object,
               const char      *key,
               gboolean         required,
               char            *out[2],
               const ParseCtx  *pc,
               GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return required ? fail (error, pc, key, _("missing")) : TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      out[0] = g_strdup (json_node_get_string (node));
      out[1] = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      static const char *langs[] = { "zh_CN", "en", NULL };
      g_autofree char *ctx_key = g_strdup (key);

      if (!check_keys (o, langs, pc, key, error))
        return FALSE;
      for (guint i = 0; i < 2; i++)
        {
          JsonNode *n = json_object_get_member (o, langs[i]);
          g_autofree char *sub = g_strdup_printf ("%s.%s", key, langs[i]);
          if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) ||
              json_node_get_value_type (n) != G_TYPE_STRING || !*json_node_get_string (n))
            return fail (error, pc, sub, _("must be a non-empty string"));
          out[i] = g_strdup (json_node_get_string (n));
        }
      return TRUE;
    }
  return fail (error, pc, key, _("must be a string or an object with “zh_CN” and “en”"));
}

/* At most the first 40 characters of a pattern, for messages: a pack's
 * pattern may be thousands of characters long. */
static char *
pattern_excerpt (const char *pattern)
{
  if (g_utf8_strlen (pattern, -1) <= 40)
    return g_strdup (pattern);
  {
    g_autofree char *head = g_utf8_substring (pattern, 0, 40);
    return g_strconcat (head, "…", NULL);
  }
}

/* GLib's reason why a pattern does not compile, without GLib's own
 * preamble, which quotes the whole pattern. */
static const char *
compile_reason (const GError *error,
                const char   *folded)
{
  const char *after = strstr (error->message, folded);
  const char *colon;

  after = after ? after + strlen (folded) : error->message;
  colon = strstr (after, ": ");
  if (colon)
    return colon + 2;
  colon = strstr (after, "：");
  return colon ? colon + strlen ("：") : error->message;
}

/* Texts a slow pattern is slowest on: a long run of one character, each
 * of the pattern's own literal characters and a few common ones, then a
 * character that breaks the run. A pattern that reaches PCRE2's limits on
 * any of them is refused at load, naming it; the same limits hold at check
 * time, where reaching them gives a check.incomplete finding. */
#define PROBE_RUN 256

static gboolean probe_enabled = TRUE;

void
_gw_rule_set_probe_enabled (gboolean enabled)
{
  probe_enabled = enabled;
}

static gboolean
probe_pattern (GRegex      *regex,
               const char  *pattern)
{
  static const gunichar common[] = { 'a', '1', ' ', 0x4E00 /* 一 */, 0xFF0C /* ， */ };
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GString) mixed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    g_array_append_val (chars, common[i]);
  for (const char *p = pattern; *p && chars->len < G_N_ELEMENTS (common) + 12;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean seen = FALSE;

      if (c < 0x80 && !g_ascii_isalnum (c))
        continue;   /* syntax, mostly */
      for (guint i = 0; i < chars->len && !seen; i++)
        seen = g_array_index (chars, gunichar, i) == c;
      if (!seen)
        g_array_append_val (chars, c);
    }
  for (guint i = 0; i <= chars->len; i++)
    {
      g_autoptr(GString) probe = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      if (i < chars->len)
        {
          for (guint n = 0; n < PROBE_RUN; n++)
            g_string_append_unichar (probe, g_array_index (chars, gunichar, i));
          g_string_append_unichar (mixed, g_array_index (chars, gunichar, i));
        }
      else
        while (g_utf8_strlen (probe->str, -1) < PROBE_RUN)
          g_string_append (probe, mixed->str);
      g_string_append (probe, "\u3002!");
      g_regex_match_full (regex, probe->str, probe->len, 0, 0, NULL, &error);
      if (error)
        return FALSE;
    }
  return TRUE;
}

static GRegex *
compile (const char      *pattern,
         const char      *key,
         const ParseCtx  *pc,
         GError         **error)
{
  g_autofree char *folded = gw_text_normalize_pattern (pattern);
  g_autofree char *limited = NULL;
  g_autofree char *excerpt = NULL;
  g_autoptr(GError) local_error = NULL;
  GRegex *regex;

  if (*pattern == '\0')
    {
      fail (error, pc, key, _("empty pattern"));
      return NULL;
    }
  excerpt = pattern_excerpt (pattern);
  limited = g_strconcat (GW_PATTERN_LIMITS, folded, NULL);
  regex = g_regex_new (limited, G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES, 0, &local_error);
  if (regex == NULL)
    {
      fail (error, pc, key, _("bad pattern “%s”: %s"), excerpt,
            compile_reason (local_error, limited));
      return NULL;
    }
  if (pc->probe && !probe_pattern (regex, folded))
    {
      fail (error, pc, key, _("pattern “%s” takes too long to match: on a test text it reached "
                              "the limit of the matching engine (nested repeats such as "
                              "“(a+)+” do that); simplify it"), excerpt);
      g_regex_unref (regex);
      return NULL;
    }
  return regex;
}

/* A pattern: a string, or an array of strings taken as alternatives. */
static GRegex *
get_pattern (JsonObject      *object,
             const char      *key,
             gboolean         required,
             const ParseCtx  *pc,
             GError         **error,
             gboolean        *ok)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GString) joined = NULL;

  *ok = TRUE;
  if (node == NULL)
    {
      if (required)
        *ok = fail (error, pc, key, _("missing"));
      return NULL;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      GRegex *r = compile (json_node_get_string (node), key, pc, error);
      *ok = r != NULL;
      return r;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GRegex *r;

      joined = g_string_new (NULL);
      if (json_array_get_length (array) == 0)
        {
          *ok = fail (error, pc, key, _("empty list of patterns"));
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *n = json_array_get_element (array, i);
          g_autoptr(GError) local_error = NULL;
          g_autoptr(GRegex) single = NULL;
          g_autofree char *folded = NULL;

          if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING ||
              !*json_node_get_string (n))
            {
              *ok = fail (error, pc, key, _("item %u must be a non-empty string"), i + 1);
              return NULL;
            }
          /* Compile each alone first so the error names the bad one. */
          folded = gw_text_normalize_pattern (json_node_get_string (n));
          single = g_regex_new (folded, G_REGEX_DUPNAMES, 0, &local_error);
          if (single == NULL)
            {
              g_autofree char *excerpt = pattern_excerpt (json_node_get_string (n));

              *ok = fail (error, pc, key, _("bad pattern “%s”: %s"),
                          excerpt, compile_reason (local_error, folded));
              return NULL;
            }
          if (i > 0)
            g_string_append_c (joined, '|');
          g_string_append_printf (joined, "(?:%s)", json_node_get_string (n));
        }
      r = compile (joined->str, key, pc, error);
      *ok = r != NULL;
      return r;
    }
  *ok = fail (error, pc, key, _("must be a pattern or a list of patterns"));
  return NULL;
}

/* A list of patterns kept apart (each must match on its own). */
static GPtrArray *
get_pattern_list (JsonObject      *object,
                  const char      *key,
                  const ParseCtx  *pc,
                  GError         **error,
                  gboolean        *ok)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GPtrArray) list = NULL;
  JsonArray *array;

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      *ok = fail (error, pc, key, _("must be a non-empty list of patterns"));
      return NULL;
    }
  array = json_node_get_array (node);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *n = json_array_get_element (array, i);
      GRegex *r;

      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        {
          *ok = fail (error, pc, key, _("item %u must be a string"), i + 1);
          return NULL;
        }
      r = compile (json_node_get_string (n), key, pc, error);
      if (r == NULL)
        {
          *ok = FALSE;
          return NULL;
        }
      g_ptr_array_add (list, r);
    }
  return g_steal_pointer (&list);
}

static gboolean
parse_within (const char *str,
              GwWithin   *within)
{
  static const char *names[] = { "clause", "sentence", "paragraph", "section", "document" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *within = (GwWithin) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
get_within (JsonObject      *object,
            const char      *key,
            GwWithin         fallback,
            GwWithin        *within,
            const ParseCtx  *pc,
            GError         **error)
{
  gboolean ok;
  const char *str = get_string (object, key, FALSE, pc, error, &ok);

  if (!ok)
    return FALSE;
  *within = fallback;
  if (str && !parse_within (str, within))
    return fail (error, pc, key,
                 _("“%s” is none of clause, sentence, paragraph, section, document"), str);
  return TRUE;
}

/* "unless"/"requires": a pattern (clause), or a list of
 * {"pattern": …, "within": …} or plain patterns. */
static GArray *
get_conds (JsonObject      *object,
           const char      *key,
           GwWithin         fallback,
           const ParseCtx  *pc,
           GError         **error,
           gboolean        *ok)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GArray) conds = NULL;
  JsonArray *array;

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  conds = g_array_new (FALSE, TRUE, sizeof (GwCond));
  g_array_set_clear_func (conds, cond_clear);
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GwCond cond = { NULL, fallback };
      cond.regex = get_pattern (object, key, TRUE, pc, error, ok);
      if (!*ok)
        return NULL;
      g_array_append_val (conds, cond);
      return g_steal_pointer (&conds);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = fail (error, pc, key, _("must be a pattern or a list"));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *n = json_array_get_element (array, i);
      GwCond cond = { NULL, fallback };

      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        {
          cond.regex = compile (json_node_get_string (n), key, pc, error);
          if (cond.regex == NULL)
            {
              *ok = FALSE;
              return NULL;
            }
        }
      else if (JSON_NODE_HOLDS_OBJECT (n))
        {
          JsonObject *o = json_node_get_object (n);
          static const char *keys[] = { "pattern", "within", NULL };
          if (!check_keys (o, keys, pc, key, error) ||
              !get_within (o, "within", fallback, &cond.within, pc, error))
            {
              *ok = FALSE;
              return NULL;
            }
          cond.regex = get_pattern (o, "pattern", TRUE, pc, error, ok);
          if (!*ok)
            return NULL;
        }
      else
        {
          *ok = fail (error, pc, key, _("item %u must be a pattern or an object"), i + 1);
          return NULL;
        }
      g_array_append_val (conds, cond);
    }
  return g_steal_pointer (&conds);
}

static gboolean
get_number (JsonObject      *object,
            const char      *key,
            gboolean        *present,
            double          *value,
            const ParseCtx  *pc,
            GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *present = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return fail (error, pc, key, _("must be a number"));
  *present = TRUE;
  *value = json_node_get_double (node);
  return TRUE;
}

static gboolean
parse_severity_key (JsonObject      *object,
                    const char      *key,
                    gboolean        *present,
                    GwSeverity      *severity,
                    const ParseCtx  *pc,
                    GError         **error)
{
  gboolean ok;
  const char *str = get_string (object, key, FALSE, pc, error, &ok);

  *present = FALSE;
  if (!ok)
    return FALSE;
  if (str == NULL)
    return TRUE;
  if (!gw_severity_from_string (str, severity))
    return fail (error, pc, key, _("“%s” is none of error, warning, info"), str);
  *present = TRUE;
  return TRUE;
}

/* "exempt": which readings of the clause exempt a trigger (gw-clause-private.h):
 * "negation", "problem" (framed as a problem), "prohibition", "one-of".
 * When absent: negation and problem in format 1; those and prohibition in
 * format 2, where a rule no longer lists its own prohibiting words. */
static gboolean
get_exemptions (JsonObject      *o,
                GwMatcher       *m,
                const ParseCtx  *pc,
                GError         **error)
{
  JsonNode *exempt = json_object_get_member (o, "exempt");
  JsonArray *a;

  m->exempt_negation = m->exempt_problem = TRUE;
  m->exempt_flags = pc->format >= 2 ? GW_CLAUSE_PROHIBITED : 0;
  if (exempt == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (exempt))
    return fail (error, pc, "exempt", _("must be a list of “negation”, “problem”, “prohibition”, “one-of”"));
  a = json_node_get_array (exempt);
  m->exempt_negation = m->exempt_problem = FALSE;
  m->exempt_flags = 0;
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      const char *s = json_array_get_string_element (a, i);
      guint flag = 0;

      if (g_strcmp0 (s, "negation") == 0)
        m->exempt_negation = TRUE;
      else if (g_strcmp0 (s, "problem") == 0)
        m->exempt_problem = TRUE;
      else if (pc->format >= 2 && (g_strcmp0 (s, "prohibition") == 0 || g_strcmp0 (s, "one-of") == 0) &&
               _gw_clause_flag_from_string (s, &flag))
        m->exempt_flags |= flag;
      else if (pc->format >= 2)
        return fail (error, pc, "exempt", _("“%s” is none of “negation”, “problem”, “prohibition”, “one-of”"),
                     s ? s : "?");
      else
        return fail (error, pc, "exempt", _("“%s” is neither “negation” nor “problem”"),
                     s ? s : "?");
    }
  return TRUE;
}

/* "needs": readings the clause must carry for the trigger to count
 * ("sole", "obligation", …): a price concept with a sole-factor concept
 * says 价低者得 in other words. Format 2. */
static gboolean
get_needs (JsonObject      *o,
           GwMatcher       *m,
           const ParseCtx  *pc,
           GError         **error)
{
  JsonNode *needs = json_object_get_member (o, "needs");
  JsonArray *a;

  m->needs = 0;
  if (needs == NULL)
    return TRUE;
  if (pc->format < 2)
    return fail (error, pc, "needs", _("needs a pack of format 2 or later"));
  if (!JSON_NODE_HOLDS_ARRAY (needs))
    return fail (error, pc, "needs", _("must be a list of “sole”, “one-of”, “obligation”, “problem”, “prohibition”"));
  a = json_node_get_array (needs);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      const char *s = json_array_get_string_element (a, i);
      guint flag = 0;

      if (!_gw_clause_flag_from_string (s, &flag))
        return fail (error, pc, "needs", _("“%s” is none of “sole”, “one-of”, “obligation”, “problem”, “prohibition”"),
                     s ? s : "?");
      m->needs |= flag;
    }
  return TRUE;
}

static gboolean
get_boolean (JsonObject      *o,
             const char      *key,
             gboolean        *value,
             const ParseCtx  *pc,
             GError         **error)
{
  JsonNode *node = json_object_get_member (o, key);

  if (node && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    return fail (error, pc, key, _("must be true or false"));
  *value = node && json_node_get_boolean (node);
  return TRUE;
}

/* What the required and enumeration matchers share: a pattern marking the
 * places to look at, lists of patterns to find there, how far around the
 * place ("within") and how many of them. Read in this order, so that of
 * several mistakes the same one is named first. */
typedef struct {
  const char *mark;           /* "when", "term" */
  gboolean    mark_required;
  const char *lists[3];       /* NULL-terminated */
  GwWithin    within;         /* when "within" is absent */
  const char *count;          /* "min", "min-listed" */
} Shape;

static gboolean
get_shape (JsonObject      *o,
           const Shape     *shape,
           GRegex         **mark,
           GPtrArray      **lists[],
           GwWithin        *within,
           gboolean        *has_count,
           double          *count,
           const ParseCtx  *pc,
           GError         **error)
{
  gboolean ok;

  *mark = get_pattern (o, shape->mark, shape->mark_required, pc, error, &ok);
  for (guint i = 0; ok && shape->lists[i]; i++)
    *lists[i] = get_pattern_list (o, shape->lists[i], pc, error, &ok);
  return ok && get_within (o, "within", shape->within, within, pc, error) &&
         get_number (o, shape->count, has_count, count, pc, error);
}

static gboolean
parse_trigger (JsonObject      *o,
               GwMatcher       *m,
               const ParseCtx  *pc,
               GError         **error)
{
  gboolean ok;

  m->pattern = get_pattern (o, "patterns", TRUE, pc, error, &ok);
  if (ok)
    m->allow = get_pattern_list (o, "allow", pc, error, &ok);
  if (ok)
    m->unless = get_conds (o, "unless", GW_WITHIN_CLAUSE, pc, error, &ok);
  if (ok)
    m->requires = get_conds (o, "requires", GW_WITHIN_SENTENCE, pc, error, &ok);
  if (ok)
    m->negation = get_pattern (o, "negations", FALSE, pc, error, &ok);
  return ok && get_exemptions (o, m, pc, error) && get_needs (o, m, pc, error);
}

static gboolean
parse_required (JsonObject      *o,
                GwMatcher       *m,
                const ParseCtx  *pc,
                GError         **error)
{
  static const Shape shape = { "when", FALSE, { "all", "any", NULL }, GW_WITHIN_DOCUMENT, "min" };
  GPtrArray **lists[] = { &m->all, &m->any };
  gboolean has_min;
  double min = 1;

  if (!get_shape (o, &shape, &m->when, lists, &m->within, &has_min, &min, pc, error))
    return FALSE;
  if (m->all == NULL && m->any == NULL)
    return fail (error, pc, "all", _("a required matcher needs “all” or “any”"));
  /* Checked before the cast: a fraction or a value out of range must not
   * turn into some other whole number. */
  if (has_min && m->any && !(min >= 1 && min <= m->any->len && min == floor (min)))
    return fail (error, pc, "min", _("must be between 1 and the number of “any” patterns"));
  m->min = has_min && m->any ? (guint) min : 1;
  return get_boolean (o, "once", &m->once, pc, error);
}

static gboolean
parse_number (JsonObject      *o,
              GwMatcher       *m,
              const ParseCtx  *pc,
              GError         **error)
{
  static const char *esc_keys[] = { "pattern", "within", "severity", NULL };
  JsonNode *esc = json_object_get_member (o, "escalate");
  const char *measure;
  gboolean ok, has_lookback, has_sev;
  double lookback = 0;
  JsonObject *eo;

  m->context = get_pattern (o, "context", TRUE, pc, error, &ok);
  if (ok)
    m->skip_before = get_pattern (o, "skip-before", FALSE, pc, error, &ok);
  if (ok)
    m->unless = get_conds (o, "unless", GW_WITHIN_SENTENCE, pc, error, &ok);
  if (!ok || !get_number (o, "lookback", &has_lookback, &lookback, pc, error))
    return FALSE;
  if (lookback < 0 || lookback > 100)
    return fail (error, pc, "lookback", _("must be between 0 and 100 characters"));
  m->lookback = (guint) lookback;
  if (!get_number (o, "min", &m->has_lower, &m->lower, pc, error) ||
      !get_number (o, "max", &m->has_upper, &m->upper, pc, error))
    return FALSE;
  measure = get_string (o, "measure", TRUE, pc, error, &ok);
  if (!ok)
    return FALSE;
  if (g_str_equal (measure, "share"))
    m->measure = GW_MEASURE_SHARE;
  else if (g_str_equal (measure, "years"))
    m->measure = GW_MEASURE_YEARS;
  else
    return fail (error, pc, "measure", _("“%s” is neither “share” nor “years”"), measure);
  if (!m->has_lower && !m->has_upper)
    return fail (error, pc, "min", _("a number matcher needs “min” or “max”"));
  if (esc == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (esc))
    return fail (error, pc, "escalate", _("must be an object"));
  eo = json_node_get_object (esc);
  if (!check_keys (eo, esc_keys, pc, "escalate", error) ||
      !get_within (eo, "within", GW_WITHIN_DOCUMENT, &m->escalate_within, pc, error) ||
      !parse_severity_key (eo, "severity", &has_sev, &m->escalate_severity, pc, error))
    return FALSE;
  if (!has_sev)
    return fail (error, pc, "escalate.severity", _("missing"));
  m->escalate = get_pattern (eo, "pattern", TRUE, pc, error, &ok);
  return ok;
}

static gboolean
parse_enumeration (JsonObject      *o,
                   GwMatcher       *m,
                   const ParseCtx  *pc,
                   GError         **error)
{
  static const Shape shape = { "term", TRUE, { "members", NULL }, GW_WITHIN_PARAGRAPH,
                               "min-listed" };
  GPtrArray **lists[] = { &m->members };
  gboolean has_min;
  double min = 3;

  if (!get_shape (o, &shape, &m->term, lists, &m->within, &has_min, &min, pc, error))
    return FALSE;
  if (m->members == NULL)
    return fail (error, pc, "members", _("missing"));
  m->min_listed = has_min ? (guint) min : 3;
  if (m->members->len > 64)
    return fail (error, pc, "members", _("at most 64 members"));
  return TRUE;
}

static gboolean
parse_builtin (JsonObject      *o,
               GwMatcher       *m,
               const ParseCtx  *pc,
               GError         **error)
{
  gboolean ok;
  g_autofree char *known = NULL;

  m->name = g_strdup (get_string (o, "name", TRUE, pc, error, &ok));
  if (!ok)
    return FALSE;
  m->func = _gw_builtin_lookup (m->name);
  if (m->func)
    return TRUE;
  known = g_strjoinv (", ", (char **) _gw_builtin_names ());
  return fail (error, pc, "name", _("no built-in check “%s” (known: %s)"), m->name, known);
}

static gboolean
parse_form (JsonObject      *o,
            GwMatcher       *m,
            const ParseCtx  *pc,
            GError         **error)
{
  gboolean ok;
  g_autofree char *known = NULL;

  m->name = g_strdup (get_string (o, "check", TRUE, pc, error, &ok));
  if (!ok)
    return FALSE;
  if (g_strv_contains (gw_form_check_names (), m->name) || _gw_against_is_check (m->name))
    return TRUE;
  {
    g_autofree char *a = g_strjoinv (", ", (char **) gw_form_check_names ());
    g_autofree char *b = g_strjoinv (", ", (char **) _gw_against_check_names ());
    known = g_strdup_printf ("%s, %s", a, b);
  }
  return fail (error, pc, "check", _("no form check “%s” (known: %s)"), m->name, known);
}

static GwMatcher *
parse_matcher (JsonNode        *node,
               const char      *key,
               const ParseCtx  *pc,
               GError         **error)
{
  static const char *common[] = { "type", "severity", "message", "suggestion", "replacement",
                                  "scope", NULL };
  static const char *trigger_keys[] = { "patterns", "allow", "unless", "requires", "exempt", "needs",
                                        "negations", NULL };
  static const char *required_keys[] = { "when", "within", "all", "any", "min", "once", NULL };
  static const char *number_keys[] = { "context", "measure", "min", "max", "lookback",
                                       "skip-before", "unless", "escalate", NULL };
  static const char *enum_keys[] = { "term", "members", "min-listed", "within", NULL };
  static const char *builtin_keys[] = { "name", NULL };
  static const char *form_keys[] = { "check", NULL };
  static const struct {
    const char     *name;
    GwMatcherType   type;
    const char    **keys;
    gboolean      (*parse) (JsonObject *, GwMatcher *, const ParseCtx *, GError **);
  } types[] = {
    { "trigger", GW_MATCHER_TRIGGER, trigger_keys, parse_trigger },
    { "required", GW_MATCHER_REQUIRED, required_keys, parse_required },
    { "number", GW_MATCHER_NUMBER, number_keys, parse_number },
    { "enumeration", GW_MATCHER_ENUMERATION, enum_keys, parse_enumeration },
    { "builtin", GW_MATCHER_BUILTIN, builtin_keys, parse_builtin },
    { "form", GW_MATCHER_FORM, form_keys, parse_form },
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) allowed = NULL;
  g_autoptr(GPtrArray) guard = g_ptr_array_new_with_free_func ((GDestroyNotify) _gw_matcher_free);
  GwMatcher *m;
  JsonObject *o;
  const char *type;
  guint t;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, pc, key, _("a matcher must be an object"));
      return NULL;
    }
  o = json_node_get_object (node);
  m = g_new0 (GwMatcher, 1);
  g_ptr_array_add (guard, m);

  type = get_string (o, "type", TRUE, pc, error, &ok);
  if (!ok)
    return NULL;
  for (t = 0; t < G_N_ELEMENTS (types) && !g_str_equal (type, types[t].name); t++)
    ;
  if (t == G_N_ELEMENTS (types))
    {
      fail (error, pc, "type",
            _("“%s” is none of trigger, required, number, enumeration, builtin, form"), type);
      return NULL;
    }
  m->type = types[t].type;

  g_strv_builder_addv (builder, common);
  g_strv_builder_addv (builder, types[t].keys);
  allowed = g_strv_builder_end (builder);
  if (!check_keys (o, (const char **) allowed, pc, key, error))
    return NULL;

  if (!parse_severity_key (o, "severity", &m->has_severity, &m->severity, pc, error) ||
      !get_localized (o, "message", FALSE, m->message, pc, error) ||
      !get_localized (o, "suggestion", FALSE, m->suggestion, pc, error))
    return NULL;
  m->replacement = g_strdup (get_string (o, "replacement", FALSE, pc, error, &ok));
  if (!ok)
    return NULL;
  m->scope = get_pattern (o, "scope", FALSE, pc, error, &ok);
  if (!ok || !types[t].parse (o, m, pc, error))
    return NULL;

  add_prefilters (m);
  return g_ptr_array_steal_index (guard, 0);
}

/* ---- examples ---------------------------------------------------------- */

static GwIndicator *
find_indicator (GwEvaluation *ev,
                const char   *id,
                GwEvalSection **section_out)
{
  GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) s = g_list_model_get_item (sections, i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (s));

      if (section_out && g_strcmp0 (gw_eval_section_get_id (s), id) == 0)
        {
          *section_out = s;
          return NULL;
        }
      for (guint j = 0; j < g_list_model_get_n_items (inds); j++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, j);
          if (g_strcmp0 (gw_indicator_get_id (ind), id) == 0)
            return ind;
        }
    }
  return NULL;
}

static double
parse_value (const char *str)
{
  if (str == NULL || *str == '\0')
    return NAN;
  return g_ascii_strtod (str, NULL);
}

/* Applies "set": {"score:A1": "5.5", "field:credit-code": "…", "veto:1": "true",
 * "subtotal:A": "15", "max:A1": "6", "total": "88", "evaluators": "甲,乙"} to
 * an evaluation, so one good form gives many examples. */
static gboolean
apply_settings (GwDocument      *doc,
                JsonObject      *set,
                const ParseCtx  *pc,
                GError         **error)
{
  GwEvaluation *ev = gw_document_get_evaluation (doc);
  g_autoptr(GList) members = json_object_get_members (set);

  if (ev == NULL)
    return fail (error, pc, "examples.set", _("the example document has no evaluation form"));
  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      const char *value = json_object_get_string_member_with_default (set, key, NULL);
      const char *colon = strchr (key, ':');
      g_autofree char *kind = colon ? g_strndup (key, colon - key) : g_strdup (key);
      const char *arg = colon ? colon + 1 : NULL;

      if (value == NULL)
        return fail (error, pc, "examples.set", _("“%s” must be a string"), key);
      if (g_str_equal (kind, "field"))
        {
          GwEvalField field;
          if (!gw_eval_field_from_string (arg, &field))
            return fail (error, pc, "examples.set", _("no form field “%s”"), arg ? arg : "");
          gw_evaluation_set_field (ev, field, value);
        }
      else if (g_str_equal (kind, "score") || g_str_equal (kind, "max"))
        {
          GwIndicator *ind = arg ? find_indicator (ev, arg, NULL) : NULL;
          if (ind == NULL)
            return fail (error, pc, "examples.set", _("no indicator “%s”"), arg ? arg : "");
          if (g_str_equal (kind, "score"))
            gw_indicator_set_score (ind, parse_value (value));
          else
            gw_indicator_set_max (ind, parse_value (value));
        }
      else if (g_str_equal (kind, "subtotal") || g_str_equal (kind, "section-max"))
        {
          GwEvalSection *section = NULL;
          if (arg)
            find_indicator (ev, arg, &section);
          if (section == NULL)
            return fail (error, pc, "examples.set", _("no section “%s”"), arg ? arg : "");
          if (g_str_equal (kind, "subtotal"))
            gw_eval_section_set_stated_subtotal (section, parse_value (value));
          else
            gw_eval_section_set_max (section, parse_value (value));
        }
      else if (g_str_equal (kind, "veto"))
        {
          GListModel *items = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
          guint index = arg ? (guint) g_ascii_strtoull (arg, NULL, 10) : 0;
          g_autoptr(GwVetoItem) item = g_list_model_get_item (items, index);
          if (item == NULL)
            return fail (error, pc, "examples.set", _("no veto item %u"), index);
          gw_veto_item_set_ticked (item, g_str_equal (value, "true"));
        }
      else if (g_str_equal (kind, "total"))
        gw_evaluation_set_stated_total (ev, parse_value (value));
      else if (g_str_equal (kind, "evaluators"))
        {
          g_auto(GStrv) names = g_strsplit (value, ",", -1);
          if (*value == '\0')
            {
              g_clear_pointer (&names, g_strfreev);
              names = g_new0 (char *, 1);
            }
          gw_evaluation_set_evaluators (ev, (const char * const *) names);
        }
      else
        return fail (error, pc, "examples.set", _("unknown setting “%s”"), key);
    }
  return TRUE;
}

G_LOCK_DEFINE_STATIC (last_example);
static GwDocument *last_example_doc;
static GBytes *last_example_bytes;
static char *last_example_path;

static GwDocument *
load_example_file (const char      *base_dir,
                   const char      *name,
                   const ParseCtx  *pc,
                   GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  GwDocument *doc;

  if (base_dir && g_str_has_prefix (base_dir, "resource://"))
    {
      path = g_build_path ("/", base_dir + strlen ("resource://"), name, NULL);
      bytes = g_resources_lookup_data (path, 0, &local_error);
    }
  else
    {
      g_autoptr(GFile) file = NULL;

      /* the bounded reader: a FIFO or /dev/zero named as an example must
       * not hang or fill memory */
      path = g_build_filename (base_dir ? base_dir : ".", name, NULL);
      file = g_file_new_for_path (path);
      bytes = gw_file_read_named (file, name, GW_MAX_INPUT_SIZE, &local_error);
      if (bytes == NULL)
        {
          fail (error, pc, "examples", "%s", local_error->message);
          return NULL;
        }
    }
  if (bytes == NULL)
    {
      fail (error, pc, "examples", _("cannot read example file “%s”: %s"), name,
            local_error->message);
      return NULL;
    }
  /* A pack names one example form many times over (each example then
   * sets one field of it): the same bytes parse to the same document, so
   * the last one is kept and copied, not parsed and validated again. */
  G_LOCK (last_example);
  if (last_example_doc && g_strcmp0 (last_example_path, path) == 0 &&
      g_bytes_equal (last_example_bytes, bytes))
    {
      doc = gw_document_copy (last_example_doc);
      G_UNLOCK (last_example);
      return doc;
    }
  G_UNLOCK (last_example);

  if (g_str_has_suffix (name, ".gwdoc"))
    doc = gw_document_load_gwdoc_bytes (bytes, path, &local_error);
  else
    doc = gw_import_text_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), path,
                               &local_error);
  if (doc == NULL)
    {
      fail (error, pc, "examples", _("example file “%s”: %s"), name, local_error->message);
      return NULL;
    }
  G_LOCK (last_example);
  g_clear_object (&last_example_doc);
  g_clear_pointer (&last_example_bytes, g_bytes_unref);
  g_free (last_example_path);
  last_example_doc = gw_document_copy (doc);
  last_example_bytes = g_bytes_ref (bytes);
  last_example_path = g_strdup (path);
  G_UNLOCK (last_example);
  return doc;
}

static GwDocument *
parse_example (JsonNode        *node,
               GwDocumentKind   kind,
               const char      *base_dir,
               const ParseCtx  *pc,
               GError         **error)
{
  static const char *keys[] = { "text", "draft", "file", "meta", "kind", "set", "against", "note", NULL };
  g_autoptr(GwDocument) doc = NULL;
  JsonObject *o;
  JsonNode *meta, *set;
  gboolean ok;
  const char *str;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return _gw_snippet_document_new (kind, json_node_get_string (node));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, pc, "examples", _("an example must be a text or an object"));
      return NULL;
    }
  o = json_node_get_object (node);
  if (!check_keys (o, keys, pc, "examples", error))
    return NULL;

  str = get_string (o, "kind", FALSE, pc, error, &ok);
  if (!ok)
    return NULL;
  if (str && !gw_document_kind_from_string (str, &kind))
    {
      fail (error, pc, "examples.kind", _("“%s” is neither “opinion” nor “evaluation”"), str);
      return NULL;
    }

  if ((str = get_string (o, "file", FALSE, pc, error, &ok)) != NULL)
    doc = load_example_file (base_dir, str, pc, error);
  else if (ok && (str = get_string (o, "draft", FALSE, pc, error, &ok)) != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      doc = gw_import_text_data (str, strlen (str), pc->where, &local_error);
      if (doc == NULL)
        fail (error, pc, "examples.draft", "%s", local_error->message);
    }
  else if (ok)
    {
      str = get_string (o, "text", FALSE, pc, error, &ok);
      if (ok)
        doc = _gw_snippet_document_new (kind, str ? str : "");
    }
  if (doc == NULL)
    return NULL;
  gw_document_set_kind (doc, kind);

  meta = json_object_get_member (o, "meta");
  if (meta)
    {
      g_autoptr(GList) members = NULL;
      if (!JSON_NODE_HOLDS_OBJECT (meta))
        {
          fail (error, pc, "examples.meta", _("must be an object"));
          return NULL;
        }
      members = json_object_get_members (json_node_get_object (meta));
      for (GList *l = members; l; l = l->next)
        {
          GwMeta which;
          const char *value;

          if (g_str_equal (l->data, "attachments"))
            {
              JsonArray *a = json_object_get_array_member (json_node_get_object (meta), "attachments");
              for (guint i = 0; a && i < json_array_get_length (a); i++)
                gw_document_add_attachment (doc, json_array_get_string_element (a, i), 0);
              continue;
            }
          if (!gw_meta_from_string (l->data, &which))
            {
              fail (error, pc, "examples.meta", _("no metadata element “%s”"), (char *) l->data);
              return NULL;
            }
          value = json_object_get_string_member_with_default (json_node_get_object (meta),
                                                              l->data, NULL);
          gw_document_set_meta (doc, which, value);
        }
    }

  set = json_object_get_member (o, "set");
  if (set)
    {
      if (!JSON_NODE_HOLDS_OBJECT (set))
        {
          fail (error, pc, "examples.set", _("must be an object"));
          return NULL;
        }
      if (!apply_settings (doc, json_node_get_object (set), pc, error))
        return NULL;
    }

  /* "against": the opinion an example form is checked against (the
   * form.against-opinion.* rules); its parameters ride on the example. */
  str = get_string (o, "against", FALSE, pc, error, &ok);
  if (!ok)
    return NULL;
  if (str)
    {
      g_autoptr(GwDocument) opinion = load_example_file (base_dir, str, pc, error);

      if (opinion == NULL)
        return NULL;
      g_object_set_data_full (G_OBJECT (doc), "gw-governing-policy", gw_policy_extract (opinion),
                              (GDestroyNotify) gw_policy_free);
    }
  return g_steal_pointer (&doc);
}

static gboolean
parse_examples (GwRule          *rule,
                JsonObject      *object,
                const char      *base_dir,
                const ParseCtx  *pc,
                GError         **error)
{
  static const char *keys[] = { "violating", "compliant", NULL };
  JsonNode *node = json_object_get_member (object, "examples");
  GwDocumentKind kind = GW_DOCUMENT_KIND_OPINION;
  JsonObject *o;

  if (node == NULL)
    return fail (error, pc, "examples", _("missing: every rule needs examples that violate it and examples that comply"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, pc, "examples", _("must be an object with “violating” and “compliant”"));
  o = json_node_get_object (node);
  if (!check_keys (o, keys, pc, "examples", error))
    return FALSE;
  gw_document_kind_from_string (rule->kinds[0], &kind);

  for (guint which = 0; which < 2; which++)
    {
      const char *name = keys[which];
      JsonNode *list = json_object_get_member (o, name);
      GPtrArray *out = which == 0 ? rule->violating : rule->compliant;
      JsonArray *array;
      g_autofree char *key = g_strdup_printf ("examples.%s", name);

      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) ||
          json_array_get_length (json_node_get_array (list)) == 0)
        return fail (error, pc, key, _("needs at least one example"));
      array = json_node_get_array (list);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          GwDocument *doc = parse_example (json_array_get_element (array, i), kind, base_dir,
                                           pc, error);
          if (doc == NULL)
            return FALSE;
          g_ptr_array_add (out, doc);
        }
    }
  return TRUE;
}

static guint
count_findings (GwRule     *rule,
                GwDocument *doc)
{
  g_autoptr(GwCheckContext) ctx = _gw_check_context_new (doc, gw_document_get_kind (doc), 1);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  ctx->registry = _gw_number_registry_get_example ();

  _gw_rule_check (rule, ctx, findings);
  return findings->len;
}

static char *
example_excerpt (GwDocument *doc)
{
  g_autofree char *text = gw_document_to_plain_text (doc);
  g_autofree char *flat = NULL;

  g_strstrip (text);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  if (g_utf8_strlen (flat, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, 60);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

gboolean
_gw_rule_verify_examples (GwRule      *rule,
                          const char  *where,
                          GError     **error)
{
  ParseCtx pc = { where, rule->id, FALSE };

  for (guint i = 0; i < rule->violating->len; i++)
    {
      GwDocument *doc = g_ptr_array_index (rule->violating, i);
      if (count_findings (rule, doc) == 0)
        {
          g_autofree char *excerpt = example_excerpt (doc);
          return fail (error, &pc, "examples.violating",
                       _("example %u does not trigger the rule: “%s”"), i + 1, excerpt);
        }
    }
  for (guint i = 0; i < rule->compliant->len; i++)
    {
      GwDocument *doc = g_ptr_array_index (rule->compliant, i);
      if (count_findings (rule, doc) != 0)
        {
          g_autofree char *excerpt = example_excerpt (doc);
          return fail (error, &pc, "examples.compliant",
                       _("example %u triggers the rule although it complies: “%s”"), i + 1,
                       excerpt);
        }
    }
  return TRUE;
}

GPtrArray *
_gw_rule_get_matchers (GwRule *rule)
{
  return rule->matchers;
}

GwDocument *
_gw_rule_get_example (GwRule   *rule,
                      gboolean  violating,
                      guint     index)
{
  GPtrArray *list = violating ? rule->violating : rule->compliant;

  return index < list->len ? g_ptr_array_index (list, index) : NULL;
}

gboolean
gw_rule_check_example (GwRule      *self,
                       gboolean     violating,
                       guint        index,
                       guint       *n_findings)
{
  GPtrArray *list;
  guint n;

  g_return_val_if_fail (GW_IS_RULE (self), FALSE);

  list = violating ? self->violating : self->compliant;
  g_return_val_if_fail (index < list->len, FALSE);
  n = count_findings (self, g_ptr_array_index (list, index));
  if (n_findings)
    *n_findings = n;
  return violating ? n > 0 : n == 0;
}

GwRule *
_gw_rule_new_from_json (JsonObject  *object,
                        guint        format,
                        const char  *pack_name,
                        const char  *where,
                        const char  *base_dir,
                        GError     **error)
{
  static const char *keys[] = { "id", "kinds", "severity", "message", "basis", "suggestion",
                                "replacement", "matcher", "matchers", "examples", "note", NULL };
  g_autoptr(GwRule) rule = g_object_new (GW_TYPE_RULE, NULL);
  /* Shipped packs are probed by the test suite, not at every start. */
  ParseCtx pc = { where, NULL, probe_enabled &&
                  (base_dir == NULL || !g_str_has_prefix (base_dir, "resource://")), format };
  JsonNode *kinds, *matcher, *matchers;
  const char *id, *severity;
  gboolean ok, present;

  id = get_string (object, "id", TRUE, &pc, error, &ok);
  if (!ok)
    return NULL;
  if (!g_regex_match_simple ("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$", id, 0, 0))
    {
      pc.id = id;
      fail (error, &pc, "id", _("“%s” is not of the form area.name (lower case, digits, dashes)"), id);
      return NULL;
    }
  pc.id = id;
  rule->id = g_strdup (id);
  rule->pack_name = g_strdup (pack_name);

  if (!check_keys (object, keys, &pc, NULL, error))
    return NULL;

  severity = get_string (object, "severity", TRUE, &pc, error, &ok);
  if (!ok)
    return NULL;
  if (!gw_severity_from_string (severity, &rule->severity))
    {
      fail (error, &pc, "severity", _("“%s” is none of error, warning, info"), severity);
      return NULL;
    }
  (void) present;

  kinds = json_object_get_member (object, "kinds");
  if (kinds == NULL || !JSON_NODE_HOLDS_ARRAY (kinds) ||
      json_array_get_length (json_node_get_array (kinds)) == 0)
    {
      fail (error, &pc, "kinds", _("must list “opinion”, “evaluation” or both"));
      return NULL;
    }
  else
    {
      JsonArray *a = json_node_get_array (kinds);
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          const char *k = json_array_get_string_element (a, i);
          GwDocumentKind dk;
          if (k == NULL || !gw_document_kind_from_string (k, &dk))
            {
              fail (error, &pc, "kinds", _("“%s” is neither “opinion” nor “evaluation”"),
                    k ? k : "?");
              return NULL;
            }
          g_strv_builder_add (b, k);
        }
      rule->kinds = g_strv_builder_end (b);
    }

  if (!get_localized (object, "message", TRUE, rule->message, &pc, error) ||
      !get_localized (object, "basis", TRUE, rule->basis, &pc, error) ||
      !get_localized (object, "suggestion", TRUE, rule->suggestion, &pc, error))
    return NULL;
  rule->replacement = g_strdup (get_string (object, "replacement", FALSE, &pc, error, &ok));
  if (!ok)
    return NULL;

  matcher = json_object_get_member (object, "matcher");
  matchers = json_object_get_member (object, "matchers");
  if ((matcher == NULL) == (matchers == NULL))
    {
      fail (error, &pc, "matcher", _("give either “matcher” or “matchers”"));
      return NULL;
    }
  if (matcher)
    {
      GwMatcher *m = parse_matcher (matcher, "matcher", &pc, error);
      if (m == NULL)
        return NULL;
      g_ptr_array_add (rule->matchers, m);
    }
  else
    {
      JsonArray *a;
      if (!JSON_NODE_HOLDS_ARRAY (matchers) || json_array_get_length (json_node_get_array (matchers)) == 0)
        {
          fail (error, &pc, "matchers", _("must be a non-empty list"));
          return NULL;
        }
      a = json_node_get_array (matchers);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          GwMatcher *m = parse_matcher (json_array_get_element (a, i), "matchers", &pc, error);
          if (m == NULL)
            return NULL;
          g_ptr_array_add (rule->matchers, m);
        }
    }
  /* A static replacement given at rule level applies to every matcher. */
  if (rule->replacement)
    for (guint i = 0; i < rule->matchers->len; i++)
      {
        GwMatcher *m = g_ptr_array_index (rule->matchers, i);
        if (m->replacement == NULL)
          m->replacement = g_strdup (rule->replacement);
      }

  if (!parse_examples (rule, object, base_dir, &pc, error))
    return NULL;

  return g_steal_pointer (&rule);
}
