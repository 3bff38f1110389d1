/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-document-xml"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-document-xml-private.h"
#include "gw-file.h"
#include "gw-xml-private.h"
#include "gw-error.h"

/* Reading a .gwdoc: the bytes checked and parsed safely, validated
 * (gw-document-xml-schema.c), then turned into a GwDocument. */

/* ---- reading: safe parsing ------------------------------------------------ */

static guint
count_lines (const char *data,
             const char *end)
{
  guint line = 1;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  return line;
}

static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* The encoding named in the XML declaration, or NULL when there is none.
 * Read here rather than by libxml2: told "GBK" or "Shift_JIS", libxml2
 * would convert the (already checked) UTF-8 bytes, print its own errors on
 * stderr and stop at a made-up syntax error in the middle of the file. */
static char *
declared_encoding (const char *data,
                   gsize       size)
{
  const char *end;
  const char *p;
  char quote;
  const char *value;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (size < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;
  end = g_strstr_len (data, MIN (size, 1024), "?>");
  if (end == NULL)
    return NULL;
  p = g_strstr_len (data, end - data, "encoding");
  if (p == NULL)
    return NULL;
  p += strlen ("encoding");
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end || *p++ != '=')
    return NULL;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  value = p;
  while (p < end && *p != quote)
    p++;
  if (p >= end)
    return NULL;
  return g_strndup (value, p - value);
}

static xmlDocPtr
parse_safely (const char  *data,
              gsize        size,
              const char  *name,
              GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *encoding = declared_encoding (data, size);
  GwXmlProblem problem;

  /* The bytes were checked as UTF-8; a declaration of anything else would
   * make libxml2 decode them wrongly. */
  if (encoding && g_ascii_strcasecmp (encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp (encoding, "UTF8") != 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                   _("%s:1: the file declares the encoding “%s”, but a .gwdoc is always UTF-8"),
                   name, encoding);
      return NULL;
    }

  doc = _gw_xml_parse_safely (data, size, XML_PARSE_IGNORE_ENC, &problem);
  switch (problem.status)
    {
    case GW_XML_OK:
      break;
    case GW_XML_NO_CONTEXT:
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: could not start reading the file"), name);
      break;
    case GW_XML_UNSAFE:
      g_set_error (error, GW_ERROR, GW_ERROR_UNSAFE,
                   _("%s:%u: refused: the file has a document type declaration "
                     "(<!DOCTYPE …>), which can declare entities that read other "
                     "files or exhaust memory; a .gwdoc never has one"),
                   name, problem.line);
      break;
    case GW_XML_MALFORMED:
      if (problem.message)
        g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                     _("%s:%u: the file is not well-formed XML: %s"),
                     name, problem.line, problem.message);
      else
        g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                     _("%s: the file is not well-formed XML"), name);
      break;
    case GW_XML_WRONG_ENCODING:
      g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                   _("%s:1: the file declares the encoding “%s”, but a .gwdoc is always UTF-8"),
                   name, problem.message);
      break;
    }
  _gw_xml_problem_clear (&problem);
  return g_steal_pointer (&doc);
}

/* ---- reading: building the document --------------------------------------- */

/* An attribute whose schema type is a token (<value>true</value>, the
 * document kind, evaluation field names): RELAX NG compares those with
 * leading and trailing white space dropped and inner runs collapsed, so
 * kind=" opinion" passes validation and must read as "opinion" here too. */
static char *
token_attr_value (xmlNodePtr  node,
                  const char *name)
{
  char *value = attr_value (node, name);
  char *out;

  if (value == NULL)
    return NULL;
  out = value;
  for (const char *p = value; *p; p++)
    {
      gboolean space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';

      if (!space)
        *out++ = *p;
      else if (out > value && out[-1] != ' ')
        *out++ = ' ';
    }
  if (out > value && out[-1] == ' ')
    out--;
  *out = '\0';
  return value;
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content ? (const char *) content : "");

  xmlFree (content);
  return copy;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name));
}

static xmlNodePtr
first_child (xmlNodePtr  parent,
             const char *name)
{
  for (xmlNodePtr n = parent->children; n; n = n->next)
    if (is_element (n, name))
      return n;
  return NULL;
}

#define FOR_EACH_ELEMENT(child, parent) \
  for (xmlNodePtr child = (parent)->children; child; child = child->next) \
    if (child->type == XML_ELEMENT_NODE)

static gboolean
set_semantic_error (GError     **error,
                    const char  *name,
                    xmlNodePtr   node,
                    const char  *message)
{
  g_set_error (error, GW_ERROR, GW_ERROR_SCHEMA, "%s:%ld: %s",
               name, xmlGetLineNo (node), message);
  return FALSE;
}

/* The schema has already checked the lexical form (xsd:double); absent
 * means not stated (NAN). */
static double
number_attr (xmlNodePtr  node,
             const char *attr,
             double      fallback)
{
  g_autofree char *value = attr_value (node, attr);

  if (value == NULL)
    return fallback;
  return g_ascii_strtod (g_strstrip (value), NULL);
}

static gboolean
uint_attr (xmlNodePtr   node,
           const char  *attr,
           guint       *out,
           const char  *name,
           GError     **error)
{
  g_autofree char *value = attr_value (node, attr);
  guint64 v = 0;

  *out = 0;
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (value), 10, 0, G_MAXUINT, &v, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("element “%s”: attribute “%s” is out of range"),
                         (const char *) node->name, attr);
      return set_semantic_error (error, name, node, message);
    }
  *out = (guint) v;
  return TRUE;
}

static gboolean
read_blocks (GwDocument  *doc,
             xmlNodePtr   body,
             const char  *name,
             GError     **error)
{
  FOR_EACH_ELEMENT (node, body)
    {
      g_autoptr(GwBlock) block = NULL;
      g_autofree char *text = NULL;

      if (is_element (node, "paragraph"))
        {
          text = node_text (node);
          block = gw_block_new (GW_BLOCK_PARAGRAPH, text);
        }
      else if (is_element (node, "heading"))
        {
          guint level;

          if (!uint_attr (node, "level", &level, name, error))
            return FALSE;
          text = node_text (node);
          block = gw_block_new (GW_BLOCK_HEADING, text);
          gw_block_set_level (block, level);
        }
      else if (is_element (node, "attachment"))
        {
          guint number;

          if (!uint_attr (node, "number", &number, name, error))
            return FALSE;
          text = node_text (node);
          block = gw_block_new_attachment (number, text);
        }
      else if (is_element (node, "table"))
        {
          text = attr_value (node, "text");
          if (text)
            block = gw_block_new (GW_BLOCK_TABLE, text);
          else
            {
              g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

              FOR_EACH_ELEMENT (row, node)
                {
                  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

                  FOR_EACH_ELEMENT (cell, row)
                    {
                      g_autofree char *cell_text = node_text (cell);

                      g_strv_builder_add (builder, cell_text);
                    }
                  g_ptr_array_add (rows, g_strv_builder_end (builder));
                }
              block = gw_block_new_table (rows);
            }
        }
      else
        g_assert_not_reached ();  /* the schema allows nothing else */

      gw_document_append_block (doc, block);
    }
  return TRUE;
}

static GwEvaluation *
read_evaluation (xmlNodePtr   node,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(GwEvaluation) evaluation = gw_evaluation_new ();
  gboolean seen[GW_N_EVAL_FIELDS] = { FALSE, };
  double step;

  step = number_attr (node, "step", NAN);
  if (!isnan (step))
    {
      /* xsd:double also admits 0, negatives and INF; no score can be
       * rounded to such a step, and the model refuses it. */
      if (!(step > 0) || !isfinite (step))
        {
          g_autofree char *message =
            g_strdup_printf (_("element “%s”: attribute “%s” is out of range"),
                             (const char *) node->name, "step");
          set_semantic_error (error, name, node, message);
          return NULL;
        }
      gw_evaluation_set_step (evaluation, step);
    }
  gw_evaluation_set_stated_total (evaluation, number_attr (node, "stated-total", NAN));

  FOR_EACH_ELEMENT (group, node)
    {
      if (is_element (group, "fields"))
        {
          FOR_EACH_ELEMENT (field, group)
            {
              g_autofree char *field_name = token_attr_value (field, "name");
              g_autofree char *value = node_text (field);
              GwEvalField f;

              if (!gw_eval_field_from_string (field_name, &f))
                {
                  g_autofree char *message =
                    g_strdup_printf (_("unknown evaluation field “%s”"), field_name);
                  set_semantic_error (error, name, field, message);
                  return NULL;
                }
              if (seen[f])
                {
                  g_autofree char *message =
                    g_strdup_printf (_("evaluation field “%s” appears more than once"),
                                     field_name);
                  set_semantic_error (error, name, field, message);
                  return NULL;
                }
              seen[f] = TRUE;
              gw_evaluation_set_field (evaluation, f, value);
            }
        }
      else if (is_element (group, "evaluators"))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) names = NULL;

          FOR_EACH_ELEMENT (evaluator, group)
            {
              g_autofree char *text = node_text (evaluator);

              g_strv_builder_add (builder, text);
            }
          names = g_strv_builder_end (builder);
          gw_evaluation_set_evaluators (evaluation, (const char * const *) names);
        }
      else if (is_element (group, "sections"))
        {
          GListStore *sections = gw_evaluation_get_sections (evaluation);

          FOR_EACH_ELEMENT (section_node, group)
            {
              g_autofree char *id = attr_value (section_node, "id");
              g_autofree char *section_name = attr_value (section_node, "name");
              g_autoptr(GwEvalSection) section =
                gw_eval_section_new (id, section_name, number_attr (section_node, "max", NAN));
              GListStore *indicators = gw_eval_section_get_indicators (section);

              gw_eval_section_set_stated_subtotal (section,
                                                   number_attr (section_node,
                                                                "stated-subtotal", NAN));
              FOR_EACH_ELEMENT (ind_node, section_node)
                {
                  g_autofree char *ind_id = attr_value (ind_node, "id");
                  g_autofree char *ind_name = attr_value (ind_node, "name");
                  g_autofree char *scored_by = attr_value (ind_node, "scored-by");
                  g_autofree char *comment = attr_value (ind_node, "comment");
                  g_autoptr(GwIndicator) indicator =
                    gw_indicator_new (ind_id, ind_name, number_attr (ind_node, "max", NAN));

                  gw_indicator_set_score (indicator, number_attr (ind_node, "score", NAN));
                  gw_indicator_set_self_score (indicator,
                                               number_attr (ind_node, "self-score", NAN));
                  if (scored_by)
                    gw_indicator_set_scored_by (indicator, scored_by);
                  if (comment)
                    gw_indicator_set_comment (indicator, comment);
                  g_list_store_append (indicators, indicator);
                }
              g_list_store_append (sections, section);
            }
        }
      else if (is_element (group, "veto-items"))
        {
          GListStore *items = gw_evaluation_get_veto_items (evaluation);

          FOR_EACH_ELEMENT (veto, group)
            {
              g_autofree char *text = node_text (veto);
              g_autofree char *ticked = token_attr_value (veto, "ticked");
              g_autoptr(GwVetoItem) item =
                gw_veto_item_new (text, g_strcmp0 (ticked, "true") == 0);

              g_list_store_append (items, item);
            }
        }
      else if (is_element (group, "grades"))
        {
          FOR_EACH_ELEMENT (grade, group)
            {
              g_autofree char *grade_name = attr_value (grade, "name");

              /* no minimum: the grade of any total below the others */
              gw_evaluation_add_grade (evaluation, grade_name,
                                       number_attr (grade, "min", -INFINITY));
            }
        }
      else if (is_element (group, "decisions"))
        {
          FOR_EACH_ELEMENT (decision, group)
            {
              g_autofree char *grade = attr_value (decision, "grade");
              g_autofree char *text = node_text (decision);
              guint cycle_year;

              if (!uint_attr (decision, "cycle-year", &cycle_year, name, error))
                return NULL;
              gw_evaluation_add_decision (evaluation, cycle_year, grade, text);
            }
        }
    }
  return g_steal_pointer (&evaluation);
}

static GwDocument *
build_document (xmlDocPtr    xml,
                const char  *name,
                GError     **error)
{
  xmlNodePtr root = xmlDocGetRootElement (xml);
  g_autoptr(GwDocument) doc = NULL;
  g_autofree char *kind_str = token_attr_value (root, "kind");
  g_autofree char *format_str = token_attr_value (root, "format");
  g_autofree char *sealed = token_attr_value (root, "sealed");
  g_autofree char *template_id = attr_value (root, "template");
  GwDocumentKind kind = GW_DOCUMENT_KIND_OPINION;
  GwDocumentFormat format = GW_DOCUMENT_FORMAT_DOCUMENT;
  xmlNodePtr node;

  if (!gw_document_kind_from_string (kind_str, &kind))
    g_assert_not_reached ();  /* the schema allows nothing else */
  if (format_str && !gw_document_format_from_string (format_str, &format))
    g_assert_not_reached ();  /* nor any other format */

  /* Not gw_document_new (kind): that gives an evaluation document an empty
   * form, and the form must be exactly what the file holds. */
  doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  gw_document_set_kind (doc, kind);
  gw_document_set_format (doc, format);
  gw_document_set_sealed (doc, g_strcmp0 (sealed, "true") == 0);
  gw_document_set_template_id (doc, template_id);

  if ((node = first_child (root, "meta")))
    FOR_EACH_ELEMENT (child, node)
      {
        g_autofree char *value = node_text (child);
        GwMeta meta;

        if (!gw_meta_from_string ((const char *) child->name, &meta))
          g_assert_not_reached ();
        gw_document_set_meta (doc, meta, value);
      }

  if ((node = first_child (root, "attachments")))
    FOR_EACH_ELEMENT (child, node)
      {
        g_autofree char *value = node_text (child);

        gw_document_add_attachment (doc, value, 0);
      }

  if ((node = first_child (root, "fields")))
    FOR_EACH_ELEMENT (child, node)
      {
        g_autofree char *field = attr_value (child, "name");
        g_autofree char *value = node_text (child);

        if (gw_document_get_field (doc, field) != NULL)
          {
            g_autofree char *message =
              g_strdup_printf (_("field “%s” appears more than once"), field);
            set_semantic_error (error, name, child, message);
            return NULL;
          }
        gw_document_set_field (doc, field, value);
      }

  if ((node = first_child (root, "body")) && !read_blocks (doc, node, name, error))
    return NULL;

  if ((node = first_child (root, "evaluation")))
    {
      g_autoptr(GwEvaluation) evaluation = read_evaluation (node, name, error);

      if (evaluation == NULL)
        return NULL;
      gw_document_set_evaluation (doc, evaluation);
    }

  return g_steal_pointer (&doc);
}

/* ---- reading: entry points ----------------------------------------------- */

/**
 * gw_document_load_gwdoc_bytes:
 * @bytes: the file's contents
 * @display_name: how messages name the file, e.g. "report.gwdoc"
 * @error: return location for a #GW_ERROR
 *
 * Parses and validates a .gwdoc. Refuses (with the file name and line) empty
 * input, input over %GW_MAX_INPUT_SIZE, bytes that are not UTF-8, malformed
 * XML, any document type declaration (hence any entity) and anything the
 * schema does not allow.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GwDocument *
gw_document_load_gwdoc_bytes (GBytes      *bytes,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(xmlDoc) xml = NULL;
  const char *data;
  const char *bad;
  const char *name;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name ? display_name : _("document");
  data = g_bytes_get_data (bytes, &size);

  if (size > GW_MAX_INPUT_SIZE)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB, the most Gongwen reads"),
                   name, GW_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }
  if (size == 0 || is_blank (data, size))
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, &bad))
    {
      g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                   _("%s:%u: the file is not valid UTF-8 text"),
                   name, count_lines (data, bad));
      return NULL;
    }

  /* Make sure the schema (and libxml2) are initialised before parsing. */
  _gw_document_xml_get_schema ();

  xml = parse_safely (data, size, name, error);
  if (xml == NULL)
    return NULL;
  if (!_gw_document_xml_validate (xml, name, error))
    return NULL;
  return build_document (xml, name, error);
}

/**
 * gw_document_load_gwdoc:
 * @path: a file name
 * @error: return location for a #GW_ERROR or #G_IO_ERROR
 *
 * Loads a .gwdoc file; see gw_document_load_gwdoc_bytes(). The size is
 * checked before the file is read.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GwDocument *
gw_document_load_gwdoc (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GwDocument *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  bytes = gw_file_read_named (file, name, GW_MAX_INPUT_SIZE, error);
  if (bytes == NULL)
    return NULL;

  doc = gw_document_load_gwdoc_bytes (bytes, name, error);
  if (doc)
    gw_document_set_source_path (doc, path);
  return doc;
}

/* ---- async --------------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GwDocument *doc;

  if (g_task_return_error_if_cancelled (task))
    return;
  doc = gw_document_load_gwdoc (task_data, &error);
  if (doc)
    g_task_return_pointer (task, doc, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
gw_document_load_gwdoc_async (const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gw_document_load_gwdoc_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
}

GwDocument *
gw_document_load_gwdoc_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
