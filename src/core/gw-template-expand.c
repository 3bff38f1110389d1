/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-template"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-block.h"
#include "gw-error.h"
#include "gw-numeral.h"
#include "gw-template-private.h"
#include "gw-xml-private.h"

/* ---- xml helpers -------------------------------------------------------- */

gboolean
_gw_template_is_element (xmlNodePtr  node,
                         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

char *
_gw_template_get_attr (xmlNodePtr  node,
                       const char *name)
{
  xmlChar *v = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (v == NULL)
    return NULL;
  copy = g_strdup ((const char *) v);
  xmlFree (v);
  return copy;
}

/* ---- expansion ---------------------------------------------------------- */

gboolean
_gw_template_error (Ctx         *ctx,
                    xmlNodePtr   node,
                    GError     **error,
                    const char  *format,
                    ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GW_ERROR, GW_ERROR_TEMPLATE, "%s:%ld: %s",
               ctx->template->source, node ? xmlGetLineNo (node) : 0L, msg);
  return FALSE;
}

static const char *
value_of (Ctx        *ctx,
          const char *name)
{
  const char *v = ctx->values ? g_hash_table_lookup (ctx->values, name) : NULL;
  return v ? v : "";
}

/* Expands one placeholder body "name|filter|filter". */
static gboolean
expand_placeholder (Ctx         *ctx,
                    xmlNodePtr   node,
                    const char  *spec,
                    GString     *out,
                    GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, "|", -1);
  GwTemplateField *field;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) items = NULL;

  for (guint i = 0; parts[i]; i++)
    g_strstrip (parts[i]);
  field = _gw_template_find_field (ctx->template, parts[0]);
  if (field == NULL)
    return _gw_template_error (ctx, node, error, _("the placeholder {{%s}} names no declared field"), parts[0]);

  if (field->type == GW_FIELD_LIST)
    {
      items = _gw_template_split_list (value_of (ctx, field->name));
      g_ptr_array_add (items, NULL);
      text = g_strjoinv (field->separator, (char **) items->pdata);
      g_ptr_array_remove_index (items, items->len - 1);
    }
  else
    text = g_strdup (value_of (ctx, field->name));

  for (guint i = 1; parts[i]; i++)
    {
      const char *filter = parts[i];

      if (g_str_equal (filter, "count"))
        {
          if (items == NULL)
            return _gw_template_error (ctx, node, error, _("the filter “count” applies to list fields only"));
          g_free (text);
          text = g_strdup_printf ("%u", items->len);
        }
      else if (g_str_equal (filter, "zh") || g_str_equal (filter, "zhcount"))
        {
          gint64 n = 0;

          if (items == NULL && field->type != GW_FIELD_INTEGER && i == 1)
            return _gw_template_error (ctx, node, error,
                                       _("the filter “%s” applies to integer fields and counts only"), filter);
          if (ctx->values && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &n, NULL))
            {
              g_free (text);
              text = n < 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n)
                           : gw_numeral_format ((guint64) n, g_str_equal (filter, "zhcount")
                                                             ? GW_NUMERAL_COUNT : GW_NUMERAL_DEFAULT);
            }
        }
      else if (g_str_has_prefix (filter, "join="))
        {
          if (items == NULL)
            return _gw_template_error (ctx, node, error, _("the filter “join” applies to list fields only"));
          g_ptr_array_add (items, NULL);
          g_free (text);
          text = g_strjoinv (filter + strlen ("join="), (char **) items->pdata);
          g_ptr_array_remove_index (items, items->len - 1);
        }
      else
        return _gw_template_error (ctx, node, error, _("unknown filter “%s” in {{%s}}"), filter, spec);
    }
  g_string_append (out, text);
  return TRUE;
}

/* Appends @text with its placeholders expanded. Whitespace runs holding a
 * line break are the template's indentation, not content (Chinese text
 * needs no spaces between lines), so they are dropped. */
static gboolean
expand_string (Ctx         *ctx,
               xmlNodePtr   node,
               const char  *text,
               GString     *out,
               GError     **error)
{
  const char *p = text;

  while (*p)
    {
      if (p[0] == '{' && p[1] == '{')
        {
          const char *end = strstr (p + 2, "}}");
          g_autofree char *spec = NULL;

          if (end == NULL)
            return _gw_template_error (ctx, node, error, _("a placeholder opened with {{ is never closed"));
          spec = g_strndup (p + 2, end - (p + 2));
          if (!expand_placeholder (ctx, node, spec, out, error))
            return FALSE;
          p = end + 2;
        }
      else if (g_ascii_isspace (*p))
        {
          const char *q = p;
          gboolean newline = FALSE;

          while (*q && g_ascii_isspace (*q))
            newline |= (*q++ == '\n');
          if (!newline)
            g_string_append_len (out, p, q - p);
          p = q;
        }
      else
        g_string_append_c (out, *p++);
    }
  return TRUE;
}

/* Whether the condition of an <if> element holds: field="x" with
 * equals="v", not-equals="v", empty="true"; plain field="x" means "not
 * empty". */
static gboolean
condition_check (Ctx         *ctx,
                 xmlNodePtr   node,
                 gboolean    *holds,
                 GError     **error)
{
  g_autofree char *name = _gw_template_get_attr (node, "field");
  g_autofree char *equals = _gw_template_get_attr (node, "equals");
  g_autofree char *not_equals = _gw_template_get_attr (node, "not-equals");
  g_autofree char *empty = _gw_template_get_attr (node, "empty");
  GwTemplateField *field;
  const char *value;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    if (!g_str_equal ((const char *) a->name, "field") && !g_str_equal ((const char *) a->name, "equals") &&
        !g_str_equal ((const char *) a->name, "not-equals") && !g_str_equal ((const char *) a->name, "empty"))
      return _gw_template_error (ctx, node, error, _("<if> has an unknown attribute “%s”"), (const char *) a->name);
  if (name == NULL || (field = _gw_template_find_field (ctx->template, name)) == NULL)
    return _gw_template_error (ctx, node, error, _("<if> must name a declared field in field=\"…\""));
  if (empty && !g_str_equal (empty, "true") && !g_str_equal (empty, "false"))
    return _gw_template_error (ctx, node, error, _("empty=\"…\" must be true or false"));
  if ((equals != NULL) + (not_equals != NULL) + (empty != NULL) > 1)
    return _gw_template_error (ctx, node, error, _("<if> takes only one of equals, not-equals and empty"));

  value = value_of (ctx, name);
  if (equals)
    *holds = g_str_equal (value, equals);
  else if (not_equals)
    *holds = !g_str_equal (value, not_equals);
  else if (empty && g_str_equal (empty, "true"))
    *holds = *value == '\0';
  else
    *holds = *value != '\0';
  return TRUE;
}

/* Mixed content: text with placeholders, inline <if> and <br/>. */
static gboolean
expand_inline (Ctx         *ctx,
               xmlNodePtr   parent,
               GString     *out,
               GError     **error)
{
  for (xmlNodePtr n = parent->children; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          if (!expand_string (ctx, n, (const char *) n->content, out, error))
            return FALSE;
        }
      else if (_gw_template_is_element (n, "if"))
        {
          gboolean holds;

          if (!condition_check (ctx, n, &holds, error))
            return FALSE;
          if ((holds || ctx->values == NULL) && !expand_inline (ctx, n, out, error))
            return FALSE;
        }
      else if (_gw_template_is_element (n, "br"))
        g_string_append_c (out, '\n');
      else if (n->type == XML_ELEMENT_NODE)
        return _gw_template_error (ctx, n, error, _("<%s> is not allowed inside text"), (const char *) n->name);
    }
  return TRUE;
}

static char *
expand_text (Ctx         *ctx,
             xmlNodePtr   node,
             GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!expand_inline (ctx, node, out, error))
    return NULL;
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
parse_uint_attr (Ctx         *ctx,
                 xmlNodePtr   node,
                 const char  *attr,
                 guint        lo,
                 guint        hi,
                 guint       *out,
                 GError     **error)
{
  g_autofree char *v = _gw_template_get_attr (node, attr);
  guint64 n;

  if (v == NULL)
    return TRUE;
  if (!_gw_xml_parse_number (v, TRUE, hi, NULL) ||
      !g_ascii_string_to_unsigned (g_strstrip (v), 10, lo, hi, &n, NULL))
    return _gw_template_error (ctx, node, error, _("%s=\"%s\" must be a whole number from %u to %u"),
                               attr, v, lo, hi);
  *out = (guint) n;
  return TRUE;
}

gboolean
_gw_template_parse_double_attr (Ctx         *ctx,
                                xmlNodePtr   node,
                                const char  *attr,
                                gboolean     required,
                                double      *out,
                                GError     **error)
{
  g_autofree char *v = _gw_template_get_attr (node, attr);

  if (v == NULL)
    {
      if (required)
        return _gw_template_error (ctx, node, error, _("<%s> needs %s=\"…\""), (const char *) node->name, attr);
      return TRUE;
    }
  /* a finite decimal, as in .gwdoc: INF, NaN, 1e309, 0x10 all refused alike */
  if (!_gw_xml_parse_number (v, FALSE, GW_XML_NUMBER_MAX, out))
    return _gw_template_error (ctx, node, error,
                               _("%s=\"%s\" is not a number Gongwen can use: write a decimal number "
                                 "of at most 15 digits, such as 12, 4.5 or -0.5"), attr, v);
  return TRUE;
}

static void
append_block (Ctx     *ctx,
              GwBlock *block)
{
  if (ctx->doc)
    gw_document_append_block (ctx->doc, block);
  g_object_unref (block);
}

static gboolean
build_blocks (Ctx         *ctx,
              xmlNodePtr   parent,
              GError     **error)
{
  for (xmlNodePtr n = parent->children; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE)
        {
          for (const xmlChar *c = n->content; c && *c; c++)
            if (!g_ascii_isspace (*c))
              return _gw_template_error (ctx, n, error, _("text in <body> must be inside <p> or <heading>"));
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        continue;

      if (_gw_template_is_element (n, "p"))
        {
          g_autofree char *text = expand_text (ctx, n, error);

          if (text == NULL)
            return FALSE;
          /* A paragraph emptied by its conditions is left out. */
          if (*text || ctx->values == NULL)
            append_block (ctx, gw_block_new (GW_BLOCK_PARAGRAPH, text));
        }
      else if (_gw_template_is_element (n, "heading"))
        {
          g_autofree char *text = NULL;
          g_autofree char *full = NULL;
          guint level = 0;
          GwHeadingMarker m;

          if (!parse_uint_attr (ctx, n, "level", 1, 4, &level, error))
            return FALSE;
          if (level == 0)
            return _gw_template_error (ctx, n, error, _("<heading> needs level=\"1\" to \"4\""));
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          /* Numbers are given here, not in the file, so that a heading left
           * out by a condition leaves no gap; a marker written by hand is
           * kept as it is. */
          ctx->counters[level]++;
          for (guint l = level + 1; l <= 4; l++)
            ctx->counters[l] = 0;
          if (gw_heading_marker_parse (text, &m) && m.level == level)
            full = g_steal_pointer (&text);
          else
            {
              g_autofree char *marker = gw_heading_marker_text (level, ctx->counters[level]);
              full = g_strconcat (marker, text, NULL);
            }
          append_block (ctx, gw_block_new_heading (level, full));
        }
      else if (_gw_template_is_element (n, "if"))
        {
          gboolean holds;

          if (!condition_check (ctx, n, &holds, error))
            return FALSE;
          if ((holds || ctx->values == NULL) && !build_blocks (ctx, n, error))
            return FALSE;
        }
      else if (_gw_template_is_element (n, "attachment-page"))
        {
          g_autofree char *title = NULL;
          guint number = 0;

          if (!parse_uint_attr (ctx, n, "number", 0, 999, &number, error))
            return FALSE;
          if ((title = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          append_block (ctx, gw_block_new_attachment (number, title));
        }
      else if (_gw_template_is_element (n, "table"))
        {
          g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

          for (xmlNodePtr r = n->children; r; r = r->next)
            {
              g_autoptr(GPtrArray) cells = NULL;

              if (!_gw_template_is_element (r, NULL))
                continue;
              if (!_gw_template_is_element (r, "row"))
                return _gw_template_error (ctx, r, error, _("<table> holds only <row> elements"));
              cells = g_ptr_array_new_with_free_func (g_free);
              for (xmlNodePtr c = r->children; c; c = c->next)
                {
                  char *text;

                  if (!_gw_template_is_element (c, NULL))
                    continue;
                  if (!_gw_template_is_element (c, "cell"))
                    return _gw_template_error (ctx, c, error, _("<row> holds only <cell> elements"));
                  if ((text = expand_text (ctx, c, error)) == NULL)
                    return FALSE;
                  g_ptr_array_add (cells, text);
                }
              g_ptr_array_add (cells, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
            }
          append_block (ctx, gw_block_new_table (rows));
        }
      else
        return _gw_template_error (ctx, n, error, _("<%s> is not allowed in <body>"), (const char *) n->name);
    }
  return TRUE;
}

static gboolean
build_attachments (Ctx         *ctx,
                   xmlNodePtr   node,
                   GError     **error)
{
  g_autofree char *from = _gw_template_get_attr (node, "field");

  if (from)
    {
      GwTemplateField *field = _gw_template_find_field (ctx->template, from);
      g_autoptr(GPtrArray) items = NULL;

      if (field == NULL || field->type != GW_FIELD_LIST)
        return _gw_template_error (ctx, node, error, _("<attachments field=\"%s\"> must name a list field"), from);
      items = _gw_template_split_list (value_of (ctx, from));
      for (guint i = 0; ctx->doc && i < items->len; i++)
        gw_document_add_attachment (ctx->doc, g_ptr_array_index (items, i), 0);
    }
  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      g_autofree char *text = NULL;

      if (!_gw_template_is_element (n, NULL))
        continue;
      if (!_gw_template_is_element (n, "attachment"))
        return _gw_template_error (ctx, n, error, _("<attachments> holds only <attachment> elements"));
      if ((text = expand_text (ctx, n, error)) == NULL)
        return FALSE;
      if (*text && ctx->doc)
        gw_document_add_attachment (ctx->doc, text, 0);
    }
  return TRUE;
}

static gboolean
build_evaluation (Ctx         *ctx,
                  xmlNodePtr   node,
                  GError     **error)
{
  g_autoptr(GwEvaluation) ev = gw_evaluation_new ();
  double step = 0.5;

  if (ctx->template->kind != GW_DOCUMENT_KIND_EVALUATION)
    return _gw_template_error (ctx, node, error, _("<evaluation> belongs in templates of kind “evaluation”"));
  if (!_gw_template_parse_double_attr (ctx, node, "step", FALSE, &step, error))
    return FALSE;
  if (!(step > 0))
    return _gw_template_error (ctx, node, error, _("step=\"…\" must be greater than 0"));
  gw_evaluation_set_step (ev, step);

  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      if (!_gw_template_is_element (n, NULL))
        continue;

      if (_gw_template_is_element (n, "header"))
        {
          g_autofree char *name = _gw_template_get_attr (n, "field");
          g_autofree char *text = NULL;
          GwEvalField f;

          if (!gw_eval_field_from_string (name, &f))
            return _gw_template_error (ctx, n, error, _("<header field=\"%s\"> names no field of the form"),
                                       name ? name : "");
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          gw_evaluation_set_field (ev, f, text);
        }
      else if (_gw_template_is_element (n, "evaluators"))
        {
          g_autofree char *name = _gw_template_get_attr (n, "field");
          GwTemplateField *field = name ? _gw_template_find_field (ctx->template, name) : NULL;
          g_autoptr(GPtrArray) items = NULL;

          if (field == NULL || field->type != GW_FIELD_LIST)
            return _gw_template_error (ctx, n, error, _("<evaluators> must name a list field in field=\"…\""));
          items = _gw_template_split_list (value_of (ctx, name));
          g_ptr_array_add (items, NULL);
          gw_evaluation_set_evaluators (ev, (const char * const *) items->pdata);
        }
      else if (_gw_template_is_element (n, "section"))
        {
          g_autofree char *id = _gw_template_get_attr (n, "id");
          g_autofree char *name = _gw_template_get_attr (n, "name");
          g_autoptr(GwEvalSection) section = NULL;
          double max = 0;

          if (id == NULL || name == NULL)
            return _gw_template_error (ctx, n, error, _("<section> needs id=\"…\" and name=\"…\""));
          if (!_gw_template_parse_double_attr (ctx, n, "max", TRUE, &max, error))
            return FALSE;
          if (gw_evaluation_find_section (ev, id))
            return _gw_template_error (ctx, n, error, _("a second section with id “%s”"), id);
          section = gw_eval_section_new (id, name, max);
          for (xmlNodePtr i = n->children; i; i = i->next)
            {
              g_autofree char *iid = NULL;
              g_autofree char *iname = NULL;
              g_autofree char *by = NULL;
              g_autoptr(GwIndicator) ind = NULL;
              double imax = 0;

              if (!_gw_template_is_element (i, NULL))
                continue;
              if (!_gw_template_is_element (i, "indicator"))
                return _gw_template_error (ctx, i, error, _("<section> holds only <indicator> elements"));
              iid = _gw_template_get_attr (i, "id");
              if (iid == NULL)
                return _gw_template_error (ctx, i, error, _("<indicator> needs id=\"…\""));
              if (gw_evaluation_find_indicator (ev, iid) || gw_eval_section_find_indicator (section, iid))
                return _gw_template_error (ctx, i, error, _("a second indicator with id “%s”"), iid);
              if (!_gw_template_parse_double_attr (ctx, i, "max", TRUE, &imax, error))
                return FALSE;
              if ((iname = expand_text (ctx, i, error)) == NULL)
                return FALSE;
              ind = gw_indicator_new (iid, iname, imax);
              by = _gw_template_get_attr (i, "scored-by");
              gw_indicator_set_scored_by (ind, by);
              gw_eval_section_add_indicator (section, ind);
            }
          gw_evaluation_add_section (ev, section);
        }
      else if (_gw_template_is_element (n, "veto"))
        {
          g_autofree char *text = expand_text (ctx, n, error);
          g_autoptr(GwVetoItem) item = NULL;

          if (text == NULL)
            return FALSE;
          item = gw_veto_item_new (text, FALSE);
          gw_evaluation_add_veto_item (ev, item);
        }
      else if (_gw_template_is_element (n, "grade"))
        {
          g_autofree char *name = _gw_template_get_attr (n, "name");
          double min = 0;

          if (name == NULL || *name == '\0')
            return _gw_template_error (ctx, n, error, _("<grade> needs name=\"…\""));
          if (!_gw_template_parse_double_attr (ctx, n, "min", TRUE, &min, error))
            return FALSE;
          gw_evaluation_add_grade (ev, name, min);
        }
      else if (_gw_template_is_element (n, "decision"))
        {
          g_autofree char *grade = _gw_template_get_attr (n, "grade");
          g_autofree char *text = NULL;
          guint year = 0;

          if (!parse_uint_attr (ctx, n, "cycle-year", 0, 100, &year, error))
            return FALSE;
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          if (*text == '\0')
            return _gw_template_error (ctx, n, error, _("<decision> needs the decision as its text"));
          gw_evaluation_add_decision (ev, year, grade, text);
        }
      else
        return _gw_template_error (ctx, n, error, _("<%s> is not allowed in <evaluation>"), (const char *) n->name);
    }

  /* Decisions must name grades of the scale, or the table could never
   * apply; catch the typo here rather than on a user's form. */
  for (guint i = 0; i < gw_evaluation_get_decisions (ev)->len; i++)
    {
      GwDecisionRule *r = g_ptr_array_index (gw_evaluation_get_decisions (ev), i);
      gboolean known = r->grade == NULL;

      for (guint j = 0; !known && j < gw_evaluation_get_grades (ev)->len; j++)
        known = g_str_equal (((GwGrade *) g_ptr_array_index (gw_evaluation_get_grades (ev), j))->name,
                             r->grade);
      if (!known)
        return _gw_template_error (ctx, node, error, _("the decision table names the grade “%s”, which the scale lacks"),
                                   r->grade);
    }

  if (ctx->doc)
    gw_document_set_evaluation (ctx->doc, ev);
  return TRUE;
}

gboolean
_gw_template_build_document (Ctx         *ctx,
                             GError     **error)
{
  xmlNodePtr node = ctx->template->document;
  g_autofree char *sealed = _gw_template_get_attr (node, "sealed");
  gboolean have_evaluation = FALSE;

  g_autofree char *format = _gw_template_get_attr (node, "format");
  GwDocumentFormat layout = GW_DOCUMENT_FORMAT_DOCUMENT;

  if (sealed && !g_str_equal (sealed, "true") && !g_str_equal (sealed, "false"))
    return _gw_template_error (ctx, node, error, _("sealed=\"…\" must be true or false"));
  /* format="letter": a letter (函) laid out in the 信函 format. */
  if (format && !gw_document_format_from_string (format, &layout))
    return _gw_template_error (ctx, node, error, _("format=\"…\" must be document or letter"));
  if (ctx->doc)
    {
      gw_document_set_sealed (ctx->doc, sealed && g_str_equal (sealed, "true"));
      gw_document_set_format (ctx->doc, layout);
    }
  memset (ctx->counters, 0, sizeof ctx->counters);

  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      if (!_gw_template_is_element (n, NULL))
        continue;

      if (_gw_template_is_element (n, "meta"))
        {
          g_autofree char *name = _gw_template_get_attr (n, "name");
          g_autofree char *text = NULL;
          GwMeta meta;

          if (!gw_meta_from_string (name, &meta))
            return _gw_template_error (ctx, n, error, _("<meta name=\"%s\"> names no metadata element"),
                                       name ? name : "");
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          if (ctx->doc)
            gw_document_set_meta (ctx->doc, meta, text);
        }
      else if (_gw_template_is_element (n, "attachments"))
        {
          if (!build_attachments (ctx, n, error))
            return FALSE;
        }
      else if (_gw_template_is_element (n, "body"))
        {
          if (!build_blocks (ctx, n, error))
            return FALSE;
        }
      else if (_gw_template_is_element (n, "evaluation"))
        {
          if (have_evaluation)
            return _gw_template_error (ctx, n, error, _("a second <evaluation>"));
          have_evaluation = TRUE;
          if (!build_evaluation (ctx, n, error))
            return FALSE;
        }
      else
        return _gw_template_error (ctx, n, error, _("<%s> is not allowed in <document>"), (const char *) n->name);
    }
  if (ctx->template->kind == GW_DOCUMENT_KIND_EVALUATION && !have_evaluation)
    return _gw_template_error (ctx, node, error, _("an evaluation template needs an <evaluation> element"));
  return TRUE;
}

GwDocument *
gw_template_instantiate (GwTemplate  *self,
                         GHashTable  *values,
                         GHashTable  *field_errors,
                         GError     **error)
{
  g_autoptr(GHashTable) resolved = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GString) summary = NULL;
  guint n, n_bad = 0;
  Ctx ctx = { self, };

  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  resolved = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  summary = g_string_new (NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
        g_autofree char *canonical = NULL;
        g_autofree char *message = NULL;

        if (pass == 0)
          {
            const char *given = values ? g_hash_table_lookup (values, f->name) : NULL;

            if (_gw_template_field_resolve (f, given, &canonical, &message))
              g_hash_table_insert (resolved, f->name, g_steal_pointer (&canonical));
          }
        else if (f->count_field && g_hash_table_contains (resolved, f->name) &&
                 g_hash_table_contains (resolved, f->count_field))
          {
            /* Cross-field: as many list items as the integer field says. */
            g_autoptr(GPtrArray) items = _gw_template_split_list (g_hash_table_lookup (resolved, f->name));
            const char *count = g_hash_table_lookup (resolved, f->count_field);
            GwTemplateField *other = _gw_template_find_field (self, f->count_field);

            if (*count && items->len > 0 &&
                g_ascii_strtoll (count, NULL, 10) != items->len)
              message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u item is listed, but “%s” is %s.",
                                                      "%u items are listed, but “%s” is %s.",
                                                      items->len),
                                         items->len, other->label, count);
          }
        if (message)
          {
            n_bad++;
            if (summary->len)
              g_string_append (summary, "; ");
            g_string_append_printf (summary, "%s: %s", f->label, message);
            if (field_errors)
              g_hash_table_replace (field_errors, g_strdup (f->name), g_steal_pointer (&message));
          }
      }

  if (n_bad > 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TEMPLATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u field is missing or invalid: %s",
                                "%s: %u fields are missing or invalid: %s", n_bad),
                   self->name, n_bad, summary->str);
      return NULL;
    }

  doc = gw_document_new (self->kind);
  gw_document_set_template_id (doc, self->id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      gw_document_set_field (doc, f->name, g_hash_table_lookup (resolved, f->name));
    }
  ctx.values = resolved;
  ctx.doc = doc;
  if (!_gw_template_build_document (&ctx, error))
    return NULL;
  return g_steal_pointer (&doc);
}
