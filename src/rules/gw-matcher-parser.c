/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-rule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gw-form-checks.h"
#include "gw-against-private.h"
#include "gw-clause-private.h"
#include "gw-rule-parser-private.h"

/* A matcher from a pack's JSON: its patterns compiled (and probed), its
 * keys checked, its prefilters read from the patterns. */

static void
cond_clear (gpointer data)
{
  GwCond *cond = data;
  g_clear_pointer (&cond->regex, g_regex_unref);
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

const char *
_gw_pattern_strip_limits (const char *pattern)
{
  if (pattern && g_str_has_prefix (pattern, GW_PATTERN_LIMITS))
    return pattern + strlen (GW_PATTERN_LIMITS);
  return pattern;
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
      _gw_json_fail (error, pc, key, _("empty pattern"));
      return NULL;
    }
  excerpt = pattern_excerpt (pattern);
  limited = g_strconcat (GW_PATTERN_LIMITS, folded, NULL);
  regex = g_regex_new (limited, G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES, 0, &local_error);
  if (regex == NULL)
    {
      _gw_json_fail (error, pc, key, _("bad pattern “%s”: %s"), excerpt,
                     compile_reason (local_error, limited));
      return NULL;
    }
  if (pc->probe && !probe_pattern (regex, folded))
    {
      _gw_json_fail (error, pc, key, _("pattern “%s” takes too long to match: on a test text it reached "
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
        *ok = _gw_json_fail (error, pc, key, _("missing"));
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
          *ok = _gw_json_fail (error, pc, key, _("empty list of patterns"));
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
              *ok = _gw_json_fail (error, pc, key, _("item %u must be a non-empty string"), i + 1);
              return NULL;
            }
          /* Compile each alone first so the error names the bad one. */
          folded = gw_text_normalize_pattern (json_node_get_string (n));
          single = g_regex_new (folded, G_REGEX_DUPNAMES, 0, &local_error);
          if (single == NULL)
            {
              g_autofree char *excerpt = pattern_excerpt (json_node_get_string (n));

              *ok = _gw_json_fail (error, pc, key, _("bad pattern “%s”: %s"),
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
  *ok = _gw_json_fail (error, pc, key, _("must be a pattern or a list of patterns"));
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
      *ok = _gw_json_fail (error, pc, key, _("must be a non-empty list of patterns"));
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
          *ok = _gw_json_fail (error, pc, key, _("item %u must be a string"), i + 1);
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
  const char *str = _gw_json_get_string (object, key, FALSE, pc, error, &ok);

  if (!ok)
    return FALSE;
  *within = fallback;
  if (str && !parse_within (str, within))
    return _gw_json_fail (error, pc, key,
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
      *ok = _gw_json_fail (error, pc, key, _("must be a pattern or a list"));
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
          if (!_gw_json_check_keys (o, keys, pc, key, error) ||
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
          *ok = _gw_json_fail (error, pc, key, _("item %u must be a pattern or an object"), i + 1);
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
    return _gw_json_fail (error, pc, key, _("must be a number"));
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
  const char *str = _gw_json_get_string (object, key, FALSE, pc, error, &ok);

  *present = FALSE;
  if (!ok)
    return FALSE;
  if (str == NULL)
    return TRUE;
  if (!gw_severity_from_string (str, severity))
    return _gw_json_fail (error, pc, key, _("“%s” is none of error, warning, info"), str);
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
    return _gw_json_fail (error, pc, "exempt", _("must be a list of “negation”, “problem”, “prohibition”, “one-of”"));
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
        return _gw_json_fail (error, pc, "exempt", _("“%s” is none of “negation”, “problem”, “prohibition”, “one-of”"),
                              s ? s : "?");
      else
        return _gw_json_fail (error, pc, "exempt", _("“%s” is neither “negation” nor “problem”"),
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
    return _gw_json_fail (error, pc, "needs", _("needs a pack of format 2 or later"));
  if (!JSON_NODE_HOLDS_ARRAY (needs))
    return _gw_json_fail (error, pc, "needs", _("must be a list of “sole”, “one-of”, “obligation”, “problem”, “prohibition”"));
  a = json_node_get_array (needs);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      const char *s = json_array_get_string_element (a, i);
      guint flag = 0;

      if (!_gw_clause_flag_from_string (s, &flag))
        return _gw_json_fail (error, pc, "needs", _("“%s” is none of “sole”, “one-of”, “obligation”, “problem”, “prohibition”"),
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
    return _gw_json_fail (error, pc, key, _("must be true or false"));
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
    return _gw_json_fail (error, pc, "all", _("a required matcher needs “all” or “any”"));
  /* Checked before the cast: a fraction or a value out of range must not
   * turn into some other whole number. */
  if (has_min && m->any && !(min >= 1 && min <= m->any->len && min == floor (min)))
    return _gw_json_fail (error, pc, "min", _("must be between 1 and the number of “any” patterns"));
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
    return _gw_json_fail (error, pc, "lookback", _("must be between 0 and 100 characters"));
  m->lookback = (guint) lookback;
  if (!get_number (o, "min", &m->has_lower, &m->lower, pc, error) ||
      !get_number (o, "max", &m->has_upper, &m->upper, pc, error))
    return FALSE;
  measure = _gw_json_get_string (o, "measure", TRUE, pc, error, &ok);
  if (!ok)
    return FALSE;
  if (g_str_equal (measure, "share"))
    m->measure = GW_MEASURE_SHARE;
  else if (g_str_equal (measure, "years"))
    m->measure = GW_MEASURE_YEARS;
  else
    return _gw_json_fail (error, pc, "measure", _("“%s” is neither “share” nor “years”"), measure);
  if (!m->has_lower && !m->has_upper)
    return _gw_json_fail (error, pc, "min", _("a number matcher needs “min” or “max”"));
  if (esc == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (esc))
    return _gw_json_fail (error, pc, "escalate", _("must be an object"));
  eo = json_node_get_object (esc);
  if (!_gw_json_check_keys (eo, esc_keys, pc, "escalate", error) ||
      !get_within (eo, "within", GW_WITHIN_DOCUMENT, &m->escalate_within, pc, error) ||
      !parse_severity_key (eo, "severity", &has_sev, &m->escalate_severity, pc, error))
    return FALSE;
  if (!has_sev)
    return _gw_json_fail (error, pc, "escalate.severity", _("missing"));
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
    return _gw_json_fail (error, pc, "members", _("missing"));
  m->min_listed = has_min ? (guint) min : 3;
  if (m->members->len > 64)
    return _gw_json_fail (error, pc, "members", _("at most 64 members"));
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

  m->name = g_strdup (_gw_json_get_string (o, "name", TRUE, pc, error, &ok));
  if (!ok)
    return FALSE;
  m->func = _gw_builtin_lookup (m->name);
  if (m->func)
    return TRUE;
  known = g_strjoinv (", ", (char **) _gw_builtin_names ());
  return _gw_json_fail (error, pc, "name", _("no built-in check “%s” (known: %s)"), m->name, known);
}

static gboolean
parse_form (JsonObject      *o,
            GwMatcher       *m,
            const ParseCtx  *pc,
            GError         **error)
{
  gboolean ok;
  g_autofree char *known = NULL;

  m->name = g_strdup (_gw_json_get_string (o, "check", TRUE, pc, error, &ok));
  if (!ok)
    return FALSE;
  if (g_strv_contains (gw_form_check_names (), m->name) || _gw_against_is_check (m->name))
    return TRUE;
  {
    g_autofree char *a = g_strjoinv (", ", (char **) gw_form_check_names ());
    g_autofree char *b = g_strjoinv (", ", (char **) _gw_against_check_names ());
    known = g_strdup_printf ("%s, %s", a, b);
  }
  return _gw_json_fail (error, pc, "check", _("no form check “%s” (known: %s)"), m->name, known);
}

GwMatcher *
_gw_matcher_new_from_json (JsonNode        *node,
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
      _gw_json_fail (error, pc, key, _("a matcher must be an object"));
      return NULL;
    }
  o = json_node_get_object (node);
  m = g_new0 (GwMatcher, 1);
  g_ptr_array_add (guard, m);

  type = _gw_json_get_string (o, "type", TRUE, pc, error, &ok);
  if (!ok)
    return NULL;
  for (t = 0; t < G_N_ELEMENTS (types) && !g_str_equal (type, types[t].name); t++)
    ;
  if (t == G_N_ELEMENTS (types))
    {
      _gw_json_fail (error, pc, "type",
                     _("“%s” is none of trigger, required, number, enumeration, builtin, form"), type);
      return NULL;
    }
  m->type = types[t].type;

  g_strv_builder_addv (builder, common);
  g_strv_builder_addv (builder, types[t].keys);
  allowed = g_strv_builder_end (builder);
  if (!_gw_json_check_keys (o, (const char **) allowed, pc, key, error))
    return NULL;

  if (!parse_severity_key (o, "severity", &m->has_severity, &m->severity, pc, error) ||
      !_gw_json_get_localized (o, "message", FALSE, m->message, pc, error) ||
      !_gw_json_get_localized (o, "suggestion", FALSE, m->suggestion, pc, error))
    return NULL;
  m->replacement = g_strdup (_gw_json_get_string (o, "replacement", FALSE, pc, error, &ok));
  if (!ok)
    return NULL;
  m->scope = get_pattern (o, "scope", FALSE, pc, error, &ok);
  if (!ok || !types[t].parse (o, m, pc, error))
    return NULL;

  add_prefilters (m);
  return g_ptr_array_steal_index (guard, 0);
}
