/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-document-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "gw-core-resources.h"
#include "gw-document-xml-private.h"
#include "gw-file.h"
#include "gw-numeral.h"
#include "gw-xml-private.h"
#include "gw-error.h"

/* Debian 12's libxml2 defines no autoptr cleanups (xmlDoc's is in
 * gw-xml-private.h). */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

#define GWDOC_VERSION "1"
#define SCHEMA_RESOURCE "/io/github/gongwen/Gongwen/core/schema/gwdoc.rng"

static gint fail_after_write_for_testing;

void
_gw_document_xml_set_fail_after_write_for_testing (gboolean fail)
{
  g_atomic_int_set (&fail_after_write_for_testing, !!fail);
}

/* ---- the schema ---------------------------------------------------------- */

static void
ignore_structured_error_cb (void        *data,
                            xmlErrorPtr  error)
{
}

static gpointer
load_schema_once (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  gsize size;
  const char *xml;

  xmlInitParser ();

  /* Looked up through our own GResource so the static library's resource
   * object is linked into every binary that loads documents. */
  bytes = g_resource_lookup_data (gw_core_get_resource (), SCHEMA_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Cannot find the .gwdoc schema: %s", error->message);
      return NULL;
    }
  xml = g_bytes_get_data (bytes, &size);
  pctxt = xmlRelaxNGNewMemParserCtxt (xml, (int) size);
  xmlRelaxNGSetParserStructuredErrors (pctxt, ignore_structured_error_cb, NULL);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    g_critical ("The built-in .gwdoc schema does not compile");
  return schema;
}

/* Compiled once for the process; a compiled RELAX NG grammar is only read
 * during validation, so threads share it, each with its own context. */
static xmlRelaxNGPtr
get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_schema_once, NULL);
  return once.retval;
}

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
  /* no value is lost, and INF / -INF as the schema spells them */
  text = gw_number_format (value, -1);
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

/* ---- atomic file replacement ---------------------------------------------- */

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      size -= n;
    }
  return TRUE;
}

/* Makes the rename itself durable: without this a crash right after the
 * save may bring back the old directory entry. Best effort. */
static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

gboolean
gw_file_replace_atomically (const char  *path,
                            GBytes      *contents,
                            GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  const guint8 *data;
  gsize size;
  GStatBuf st;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Replace what a symbolic link points to, not the link. */
  target = g_file_read_link (path, NULL);
  if (target && !g_path_is_absolute (target))
    {
      g_autofree char *link_dir = g_path_get_dirname (path);
      char *resolved = g_build_filename (link_dir, target, NULL);

      g_free (target);
      target = resolved;
    }
  if (target == NULL)
    target = g_strdup (path);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  /* Same folder, so the rename stays on one file system and is atomic.
   * Long (Chinese: three bytes a character) names would overflow NAME_MAX
   * with the suffix added; those get a generic temporary name. */
  if (strlen (base) > 200)
    tmp_path = g_strdup_printf ("%s%c.gongwen-save.XXXXXX", dir, G_DIR_SEPARATOR);
  else
    tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  /* Keep the permissions of the file being replaced. */
  if (g_stat (target, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (fd, st.st_mode & 07777);

  data = g_bytes_get_data (contents, &size);
  if (!write_all (fd, data, size) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, path);
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, path);
    }

  if (g_atomic_int_get (&fail_after_write_for_testing))
    {
      g_unlink (tmp_path);
      return set_errno_error (error, EIO, path);
    }

  if (g_rename (tmp_path, target) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, path);
    }
  sync_directory (dir);
  return TRUE;
}

gboolean
gw_document_save_gwdoc (GwDocument  *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = gw_document_to_gwdoc_bytes (self);
  return gw_file_replace_atomically (path, bytes, error);
}

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

/* ---- reading: schema ------------------------------------------------------- */

typedef struct {
  gboolean  have_error;
  guint     line;
  char     *message;
} SchemaState;

static char *
attr_value (xmlNodePtr  node,
            const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  value = xmlGetProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

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

static const char *
type_label (const char *type)
{
  if (g_strcmp0 (type, "double") == 0)
    return _("number");
  if (g_strcmp0 (type, "nonNegativeInteger") == 0)
    return _("whole number");
  return type;
}

/* The attributes the schema allows on each element. libxml2 reports an
 * unknown attribute and a known one with a bad value alike; this tells them
 * apart for the message. test-document-xml checks it against the schema. */
static const struct {
  const char *element;
  const char *attributes;
} known_attributes[] = {
  { "gwdoc", " version kind format sealed template " },
  { "heading", " level " },
  { "table", " text " },
  { "attachment", " number " },
  { "field", " name " },
  { "evaluation", " step stated-total " },
  { "section", " id name max stated-subtotal " },
  { "indicator", " id name max score self-score scored-by comment " },
  { "veto", " ticked " },
  { "grade", " name min " },
  { "decision", " cycle-year grade " },
};

gboolean
_gw_document_xml_attribute_known (const char *element,
                                  const char *attribute)
{
  g_autofree char *needle = g_strdup_printf (" %s ", attribute);

  for (guint i = 0; i < G_N_ELEMENTS (known_attributes); i++)
    if (g_strcmp0 (element, known_attributes[i].element) == 0)
      return strstr (known_attributes[i].attributes, needle) != NULL;
  return FALSE;
}

/* libxml2 words RELAX NG errors in English for schema authors; say the same
 * in terms of the file, translatably, for the common cases. */
static char *
describe_schema_error (xmlErrorPtr error)
{
  xmlNodePtr node = error->node;
  const char *element = node && node->name ? (const char *) node->name : "";
  const char *s1 = error->str1 ? error->str1 : "";
  const char *s2 = error->str2 ? error->str2 : "";

  switch (error->code)
    {
    case XML_RELAXNG_ERR_INVALIDATTR:
      {
        g_autofree char *value = attr_value (node, s1);

        if (value && _gw_document_xml_attribute_known (s2, s1))
          return g_strdup_printf (_("element “%s”: attribute “%s” may not be “%s”"),
                                  s2, s1, value);
        return g_strdup_printf (_("element “%s”: unknown attribute “%s”"), s2, s1);
      }
    case XML_RELAXNG_ERR_ATTRVALID:
      {
        g_autoptr(GString) attrs = g_string_new (NULL);

        /* libxml2 does not say which attribute; showing them all lets the
         * reader spot kind="memo" or a misspelt name at a glance. */
        if (node && node->type == XML_ELEMENT_NODE)
          for (xmlAttrPtr a = node->properties; a; a = a->next)
            {
              g_autofree char *value = attr_value (node, (const char *) a->name);

              if (attrs->len > 0)
                g_string_append (attrs, ", ");
              g_string_append_printf (attrs, "%s=“%s”", (const char *) a->name,
                                      value ? value : "");
            }
        if (attrs->len == 0)
          return g_strdup_printf (_("element “%s”: a required attribute is missing"), s1);
        return g_strdup_printf (_("element “%s”: a required attribute is missing or has a "
                                  "value that is not allowed (%s)"), s1, attrs->str);
      }
    case XML_RELAXNG_ERR_TYPEVAL:
      return g_strdup_printf (_("element “%s”: “%s” is not a valid %s"),
                              element, s2, type_label (s1));
    case XML_RELAXNG_ERR_ELEMWRONG:
      return g_strdup_printf (_("element “%s” is not allowed here"), s1);
    case XML_RELAXNG_ERR_ELEMNAME:
      return g_strdup_printf (_("expected element “%s”, found “%s”"), s1, s2);
    case XML_RELAXNG_ERR_NOELEM:
      return g_strdup_printf (_("element “%s”: a required element is missing"), element);
    case XML_RELAXNG_ERR_EXTRACONTENT:
      return g_strdup_printf (_("element “%s”: unexpected content “%s”"), s1, s2);
    case XML_RELAXNG_ERR_INTEREXTRA:
      return g_strdup_printf (_("element “%s” appears more than once"), s1);
    case XML_RELAXNG_ERR_TEXTWRONG:
      return g_strdup_printf (_("element “%s”: text is not allowed here"), element);
    default:
      return g_strstrip (g_strdup (error->message ? error->message : _("invalid content")));
    }
}

static void
on_schema_error_cb (void        *data,
                    xmlErrorPtr  error)
{
  SchemaState *state = data;
  guint line = 0;

  if (error->node)
    line = (guint) MAX (xmlGetLineNo (error->node), 0);
  if (line == 0 && error->line > 0)
    line = error->line;

  /* The first error is the most specific; some (a repeated element in an
   * interleave) come without a node, so take the line from the next. */
  if (!state->have_error)
    {
      state->have_error = TRUE;
      state->message = describe_schema_error (error);
      state->line = line;
    }
  else if (state->line == 0)
    state->line = line;
}

static gboolean
validate (xmlDocPtr    doc,
          const char  *name,
          GError     **error)
{
  xmlRelaxNGPtr schema = get_schema ();
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = NULL;
  SchemaState state = { 0, };
  xmlNodePtr root = xmlDocGetRootElement (doc);
  int rc;

  if (schema == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_SCHEMA,
                   _("%s: the .gwdoc schema is missing from this build"), name);
      return FALSE;
    }

  /* A newer Gongwen may write a newer format: say so rather than list
   * whatever the old schema happens to trip over first. */
  if (root && xmlStrEqual (root->name, (const xmlChar *) "gwdoc"))
    {
      g_autofree char *version = attr_value (root, "version");

      if (version && g_strcmp0 (version, GWDOC_VERSION) != 0)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_SCHEMA,
                       _("%s:%ld: the file is in .gwdoc format version “%s”; this version of "
                         "Gongwen reads version %s"),
                       name, xmlGetLineNo (root), version, GWDOC_VERSION);
          return FALSE;
        }
    }

  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_schema_error_cb, &state);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  if (rc == 0)
    {
      g_free (state.message);
      return TRUE;
    }
  g_set_error (error, GW_ERROR, GW_ERROR_SCHEMA, "%s:%u: %s", name, state.line,
               state.message ? state.message : _("the document does not match the .gwdoc schema"));
  g_free (state.message);
  return FALSE;
}

/* ---- reading: building the document --------------------------------------- */

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

              gw_evaluation_add_grade (evaluation, grade_name, number_attr (grade, "min", NAN));
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
  get_schema ();

  xml = parse_safely (data, size, name, error);
  if (xml == NULL)
    return NULL;
  if (!validate (xml, name, error))
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

typedef struct {
  char   *path;
  GBytes *bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->path);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (gw_file_replace_atomically (data->path, data->bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gw_document_save_gwdoc_async (GwDocument          *self,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gw_document_save_gwdoc_async);
  data = g_new0 (SaveData, 1);
  data->path = g_strdup (path);
  data->bytes = gw_document_to_gwdoc_bytes (self);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
gw_document_save_gwdoc_finish (GwDocument    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

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
