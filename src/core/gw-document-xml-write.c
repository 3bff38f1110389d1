/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-document-xml"

#include "config.h"

#include <math.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "gw-document-xml-private.h"
#include "gw-numeral.h"

/* Writing a .gwdoc: a GwDocument serialised to deterministic bytes. */

/* ---- writing ------------------------------------------------------------- */

/* The writer is libxml2's xmlTextWriter: it escapes, closes empty
 * elements as <name/> and indents by two spaces. */
typedef xmlTextWriterPtr Writer;

/* XML 1.0 cannot carry most C0 controls even as character references. They
 * never belong in a document's text; writing U+FFFD keeps the file loadable. */
static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* @text as UTF-8 that XML can carry (the writer escapes it). */
static char *
xml_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *s;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
      else
        g_string_append_unichar (s, 0xFFFD);
    }
  return g_string_free (s, FALSE);
}

static void
start (Writer      w,
       const char *name)
{
  xmlTextWriterStartElement (w, (const xmlChar *) name);
}

static void
end (Writer w)
{
  xmlTextWriterEndElement (w);
}

static void
append_attr (Writer      w,
             const char *name,
             const char *value)
{
  g_autofree char *text = xml_text (value ? value : "");

  /* the writer writes TAB, LF and CR as references: a parser would make
   * them spaces */
  xmlTextWriterWriteAttribute (w, (const xmlChar *) name, (const xmlChar *) text);
}

/* NAN means "not stated" throughout the model: the attribute is left out. */
static void
append_number_attr (Writer      w,
                    const char *name,
                    double      value)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    return;
  /* no value is lost */
  text = gw_number_format (value, -1);
  /* The loader reads plain decimals only: 1e-07 is written 0.0000001
   * (nine decimals at most; no score is finer). */
  if (strchr (text, 'e') && fabs (value) < 1)
    {
      char *end;

      g_free (text);
      text = gw_number_format_fixed (value, 9);
      end = text + strlen (text);
      while (end > text && end[-1] == '0')
        *--end = '\0';
    }
  append_attr (w, name, text);
}

static void
append_text (Writer      w,
             const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0')
    return;
  valid = xml_text (text);
  xmlTextWriterWriteString (w, (const xmlChar *) valid);
}

static void
append_text_element (Writer      w,
                     const char *name,
                     const char *attr_name,
                     const char *attr_value,
                     const char *text)
{
  start (w, name);
  if (attr_name)
    append_attr (w, attr_name, attr_value);
  append_text (w, text);
  end (w);
}

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

static void
write_block (Writer   w,
             GwBlock *block)
{
  GwBlockKind kind = gw_block_get_kind (block);

  switch (kind)
    {
    case GW_BLOCK_PARAGRAPH:
      append_text_element (w, "paragraph", NULL, NULL, gw_block_get_text (block));
      break;

    case GW_BLOCK_HEADING:
      {
        guint level = gw_block_get_level (block);
        char buf[16];

        /* Level 0 only arises when a paragraph is turned into a heading
         * before anyone set its level; leaving it out keeps that state. */
        if (level == 0)
          append_text_element (w, "heading", NULL, NULL, gw_block_get_text (block));
        else
          {
            g_snprintf (buf, sizeof buf, "%u", level);
            append_text_element (w, "heading", "level", buf, gw_block_get_text (block));
          }
      }
      break;

    case GW_BLOCK_ATTACHMENT:
      {
        char buf[16];

        g_snprintf (buf, sizeof buf, "%u", gw_block_get_number (block));
        append_text_element (w, "attachment", "number", buf, gw_block_get_text (block));
      }
      break;

    case GW_BLOCK_TABLE:
      {
        GPtrArray *rows = gw_block_get_rows (block);

        start (w, "table");
        if (rows == NULL)
          {
            /* a table that has text but no cells yet */
            append_attr (w, "text", gw_block_get_text (block));
            end (w);
            break;
          }
        for (guint r = 0; r < rows->len; r++)
          {
            const char * const *cells = g_ptr_array_index (rows, r);

            start (w, "row");
            for (guint c = 0; cells != NULL && cells[c]; c++)
              append_text_element (w, "cell", NULL, NULL, cells[c]);
            end (w);
          }
        end (w);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_evaluation (Writer        w,
                  GwEvaluation *evaluation)
{
  const char * const *evaluators;
  GListStore *store;
  GPtrArray *array;
  gboolean any;
  guint n;

  start (w, "evaluation");
  append_number_attr (w, "step", gw_evaluation_get_step (evaluation));
  append_number_attr (w, "stated-total", gw_evaluation_get_stated_total (evaluation));

  any = FALSE;
  for (guint f = 0; f < GW_N_EVAL_FIELDS; f++)
    {
      const char *value = gw_evaluation_get_field (evaluation, f);

      if (is_empty (value))
        continue;
      if (!any)
        start (w, "fields");
      any = TRUE;
      append_text_element (w, "field", "name", gw_eval_field_to_string (f), value);
    }
  if (any)
    end (w);

  evaluators = gw_evaluation_get_evaluators (evaluation);
  if (evaluators && evaluators[0])
    {
      start (w, "evaluators");
      for (guint i = 0; evaluators[i]; i++)
        append_text_element (w, "evaluator", NULL, NULL, evaluators[i]);
      end (w);
    }

  store = gw_evaluation_get_sections (evaluation);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (n > 0)
    {
      start (w, "sections");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GwEvalSection) section = g_list_model_get_item (G_LIST_MODEL (store), i);
          GListModel *indicators = G_LIST_MODEL (gw_eval_section_get_indicators (section));
          guint n_indicators = g_list_model_get_n_items (indicators);

          start (w, "section");
          append_attr (w, "id", gw_eval_section_get_id (section));
          append_attr (w, "name", gw_eval_section_get_name (section));
          append_number_attr (w, "max", gw_eval_section_get_max (section));
          append_number_attr (w, "stated-subtotal",
                              gw_eval_section_get_stated_subtotal (section));
          for (guint j = 0; j < n_indicators; j++)
            {
              g_autoptr(GwIndicator) indicator = g_list_model_get_item (indicators, j);
              const char *scored_by = gw_indicator_get_scored_by (indicator);
              const char *comment = gw_indicator_get_comment (indicator);

              start (w, "indicator");
              append_attr (w, "id", gw_indicator_get_id (indicator));
              append_attr (w, "name", gw_indicator_get_name (indicator));
              append_number_attr (w, "max", gw_indicator_get_max (indicator));
              append_number_attr (w, "score", gw_indicator_get_score (indicator));
              append_number_attr (w, "self-score", gw_indicator_get_self_score (indicator));
              if (!is_empty (scored_by))
                append_attr (w, "scored-by", scored_by);
              if (!is_empty (comment))
                append_attr (w, "comment", comment);
              end (w);
            }
          end (w);
        }
      end (w);
    }

  store = gw_evaluation_get_veto_items (evaluation);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (n > 0)
    {
      start (w, "veto-items");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GwVetoItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

          append_text_element (w, "veto", "ticked",
                               gw_veto_item_get_ticked (item) ? "true" : "false",
                               gw_veto_item_get_text (item));
        }
      end (w);
    }

  array = gw_evaluation_get_grades (evaluation);
  if (array && array->len > 0)
    {
      start (w, "grades");
      for (guint i = 0; i < array->len; i++)
        {
          const GwGrade *grade = g_ptr_array_index (array, i);

          start (w, "grade");
          append_attr (w, "name", grade->name ? grade->name : "");
          /* the lowest grade has no minimum: no attribute, not "-INF" */
          if (isfinite (grade->min))
            append_number_attr (w, "min", grade->min);
          end (w);
        }
      end (w);
    }

  array = gw_evaluation_get_decisions (evaluation);
  if (array && array->len > 0)
    {
      start (w, "decisions");
      for (guint i = 0; i < array->len; i++)
        {
          const GwDecisionRule *rule = g_ptr_array_index (array, i);

          start (w, "decision");
          if (rule->cycle_year != 0)
            {
              char buf[16];

              g_snprintf (buf, sizeof buf, "%u", rule->cycle_year);
              append_attr (w, "cycle-year", buf);
            }
          if (rule->grade != NULL)
            append_attr (w, "grade", rule->grade);
          append_text (w, rule->decision);
          end (w);
        }
      end (w);
    }

  end (w);
}

/**
 * gw_document_to_gwdoc_bytes:
 * @self: a #GwDocument
 *
 * Serialises @self as .gwdoc XML. The output depends only on the document's
 * content: metadata in #GwMeta order, fields sorted by name, numbers in the
 * C locale; saving an unchanged document twice gives identical bytes.
 *
 * Returns: (transfer full): the UTF-8 XML
 */
GBytes *
gw_document_to_gwdoc_bytes (GwDocument *self)
{
  g_autoptr(GPtrArray) fields = NULL;
  const char * const *attachments;
  GwEvaluation *evaluation;
  xmlBufferPtr buffer;
  Writer w;
  GBytes *bytes;
  gboolean any;
  guint n;

  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);

  buffer = xmlBufferCreateSize (4096);
  w = xmlNewTextWriterMemory (buffer, 0);
  g_assert (w != NULL);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, (const xmlChar *) "  ");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);

  start (w, "gwdoc");
  append_attr (w, "version", GWDOC_VERSION);
  append_attr (w, "kind", gw_document_kind_to_string (gw_document_get_kind (self)));
  /* the 文件 format is the default and goes unsaid, so files written
   * before formats existed stay byte for byte what they were */
  if (gw_document_get_format (self) != GW_DOCUMENT_FORMAT_DOCUMENT)
    append_attr (w, "format", gw_document_format_to_string (gw_document_get_format (self)));
  if (gw_document_get_sealed (self))
    append_attr (w, "sealed", "true");
  if (!is_empty (gw_document_get_template_id (self)))
    append_attr (w, "template", gw_document_get_template_id (self));

  any = FALSE;
  for (guint m = 0; m < GW_N_META; m++)
    {
      const char *value = gw_document_get_meta (self, m);

      if (is_empty (value))
        continue;
      if (!any)
        start (w, "meta");
      any = TRUE;
      append_text_element (w, gw_meta_to_string (m), NULL, NULL, value);
    }
  if (any)
    end (w);

  attachments = gw_document_get_attachments (self);
  if (attachments && attachments[0])
    {
      start (w, "attachments");
      for (guint i = 0; attachments[i]; i++)
        append_text_element (w, "item", NULL, NULL, attachments[i]);
      end (w);
    }

  fields = gw_document_list_fields (self);
  if (fields->len > 0)
    {
      start (w, "fields");
      for (guint i = 0; i < fields->len; i++)
        {
          const char *name = g_ptr_array_index (fields, i);

          append_text_element (w, "field", "name", name, gw_document_get_field (self, name));
        }
      end (w);
    }

  n = gw_document_get_n_blocks (self);
  start (w, "body");
  for (guint i = 0; i < n; i++)
    write_block (w, gw_document_get_block (self, i));
  end (w);

  evaluation = gw_document_get_evaluation (self);
  if (evaluation)
    write_evaluation (w, evaluation);

  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}
