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
#include "gw-import-text.h"
#include "gw-rule-parser-private.h"
#include "gw-rule-private.h"

/* A rule from a pack's JSON (pack formats 1 and 2, docs/rule-packs.md):
 * its keys, its matchers (gw-matcher-parser.c) and its example drafts,
 * which gw-rule-examples.c runs. */

static gboolean probe_enabled = TRUE;

void
_gw_rule_set_probe_enabled (gboolean enabled)
{
  probe_enabled = enabled;
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
    return _gw_json_fail (error, pc, "examples.set", _("the example document has no evaluation form"));
  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      const char *value = json_object_get_string_member_with_default (set, key, NULL);
      const char *colon = strchr (key, ':');
      g_autofree char *kind = colon ? g_strndup (key, colon - key) : g_strdup (key);
      const char *arg = colon ? colon + 1 : NULL;

      if (value == NULL)
        return _gw_json_fail (error, pc, "examples.set", _("“%s” must be a string"), key);
      if (g_str_equal (kind, "field"))
        {
          GwEvalField field;
          if (!gw_eval_field_from_string (arg, &field))
            return _gw_json_fail (error, pc, "examples.set", _("no form field “%s”"), arg ? arg : "");
          gw_evaluation_set_field (ev, field, value);
        }
      else if (g_str_equal (kind, "score") || g_str_equal (kind, "max"))
        {
          GwIndicator *ind = arg ? find_indicator (ev, arg, NULL) : NULL;
          if (ind == NULL)
            return _gw_json_fail (error, pc, "examples.set", _("no indicator “%s”"), arg ? arg : "");
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
            return _gw_json_fail (error, pc, "examples.set", _("no section “%s”"), arg ? arg : "");
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
            return _gw_json_fail (error, pc, "examples.set", _("no veto item %u"), index);
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
        return _gw_json_fail (error, pc, "examples.set", _("unknown setting “%s”"), key);
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
          _gw_json_fail (error, pc, "examples", "%s", local_error->message);
          return NULL;
        }
    }
  if (bytes == NULL)
    {
      _gw_json_fail (error, pc, "examples", _("cannot read example file “%s”: %s"), name,
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
      _gw_json_fail (error, pc, "examples", _("example file “%s”: %s"), name, local_error->message);
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
      _gw_json_fail (error, pc, "examples", _("an example must be a text or an object"));
      return NULL;
    }
  o = json_node_get_object (node);
  if (!_gw_json_check_keys (o, keys, pc, "examples", error))
    return NULL;

  str = _gw_json_get_string (o, "kind", FALSE, pc, error, &ok);
  if (!ok)
    return NULL;
  if (str && !gw_document_kind_from_string (str, &kind))
    {
      _gw_json_fail (error, pc, "examples.kind", _("“%s” is neither “opinion” nor “evaluation”"), str);
      return NULL;
    }

  if ((str = _gw_json_get_string (o, "file", FALSE, pc, error, &ok)) != NULL)
    doc = load_example_file (base_dir, str, pc, error);
  else if (ok && (str = _gw_json_get_string (o, "draft", FALSE, pc, error, &ok)) != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      doc = gw_import_text_data (str, strlen (str), pc->where, &local_error);
      if (doc == NULL)
        _gw_json_fail (error, pc, "examples.draft", "%s", local_error->message);
    }
  else if (ok)
    {
      str = _gw_json_get_string (o, "text", FALSE, pc, error, &ok);
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
          _gw_json_fail (error, pc, "examples.meta", _("must be an object"));
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
              _gw_json_fail (error, pc, "examples.meta", _("no metadata element “%s”"), (char *) l->data);
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
          _gw_json_fail (error, pc, "examples.set", _("must be an object"));
          return NULL;
        }
      if (!apply_settings (doc, json_node_get_object (set), pc, error))
        return NULL;
    }

  /* "against": the opinion an example form is checked against (the
   * form.against-opinion.* rules); its parameters ride on the example. */
  str = _gw_json_get_string (o, "against", FALSE, pc, error, &ok);
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
    return _gw_json_fail (error, pc, "examples", _("missing: every rule needs examples that violate it and examples that comply"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _gw_json_fail (error, pc, "examples", _("must be an object with “violating” and “compliant”"));
  o = json_node_get_object (node);
  if (!_gw_json_check_keys (o, keys, pc, "examples", error))
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
        return _gw_json_fail (error, pc, key, _("needs at least one example"));
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

  id = _gw_json_get_string (object, "id", TRUE, &pc, error, &ok);
  if (!ok)
    return NULL;
  if (!g_regex_match_simple ("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$", id, 0, 0))
    {
      pc.id = id;
      _gw_json_fail (error, &pc, "id", _("“%s” is not of the form area.name (lower case, digits, dashes)"), id);
      return NULL;
    }
  pc.id = id;
  rule->words.id = g_strdup (id);
  rule->pack_name = g_strdup (pack_name);

  if (!_gw_json_check_keys (object, keys, &pc, NULL, error))
    return NULL;

  severity = _gw_json_get_string (object, "severity", TRUE, &pc, error, &ok);
  if (!ok)
    return NULL;
  if (!gw_severity_from_string (severity, &rule->words.severity))
    {
      _gw_json_fail (error, &pc, "severity", _("“%s” is none of error, warning, info"), severity);
      return NULL;
    }
  (void) present;

  kinds = json_object_get_member (object, "kinds");
  if (kinds == NULL || !JSON_NODE_HOLDS_ARRAY (kinds) ||
      json_array_get_length (json_node_get_array (kinds)) == 0)
    {
      _gw_json_fail (error, &pc, "kinds", _("must list “opinion”, “evaluation” or both"));
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
              _gw_json_fail (error, &pc, "kinds", _("“%s” is neither “opinion” nor “evaluation”"),
                             k ? k : "?");
              return NULL;
            }
          g_strv_builder_add (b, k);
        }
      rule->kinds = g_strv_builder_end (b);
    }

  if (!_gw_json_get_localized (object, "message", TRUE, rule->words.message, &pc, error) ||
      !_gw_json_get_localized (object, "basis", TRUE, rule->words.basis, &pc, error) ||
      !_gw_json_get_localized (object, "suggestion", TRUE, rule->words.suggestion, &pc, error))
    return NULL;
  rule->replacement = g_strdup (_gw_json_get_string (object, "replacement", FALSE, &pc, error, &ok));
  if (!ok)
    return NULL;

  matcher = json_object_get_member (object, "matcher");
  matchers = json_object_get_member (object, "matchers");
  if ((matcher == NULL) == (matchers == NULL))
    {
      _gw_json_fail (error, &pc, "matcher", _("give either “matcher” or “matchers”"));
      return NULL;
    }
  if (matcher)
    {
      GwMatcher *m = _gw_matcher_new_from_json (matcher, "matcher", &pc, error);
      if (m == NULL)
        return NULL;
      g_ptr_array_add (rule->matchers, m);
    }
  else
    {
      JsonArray *a;
      if (!JSON_NODE_HOLDS_ARRAY (matchers) || json_array_get_length (json_node_get_array (matchers)) == 0)
        {
          _gw_json_fail (error, &pc, "matchers", _("must be a non-empty list"));
          return NULL;
        }
      a = json_node_get_array (matchers);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          GwMatcher *m = _gw_matcher_new_from_json (json_array_get_element (a, i), "matchers", &pc, error);
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
