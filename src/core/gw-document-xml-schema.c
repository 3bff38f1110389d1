/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-document-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>

#include "gw-core-resources.h"
#include "gw-document-xml-private.h"
#include "gw-xml-private.h"
#include "gw-error.h"

/* Validating a .gwdoc: the built-in RELAX NG schema, the numbers it cannot
 * check, and its errors worded in terms of the file. */

/* Debian 12's libxml2 defines no autoptr cleanups (xmlDoc's is in
 * gw-xml-private.h). */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

#define SCHEMA_RESOURCE "/io/github/gongwen/Gongwen/core/schema/gwdoc.rng"

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
xmlRelaxNGPtr
_gw_document_xml_get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_schema_once, NULL);
  return once.retval;
}

/* ---- reading: schema ------------------------------------------------------- */

typedef struct {
  gboolean  have_error;
  guint     line;
  char     *message;
} SchemaState;

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

/* The numeric attributes of the format, checked before the schema: its
 * xsd:double takes INF, -INF, NaN and 1e309 (and libxml2 refused some
 * spellings and not others), while Gongwen means a finite decimal. */
static const struct {
  const char *element, *attr;
  gboolean    whole;
  double      max;
} numeric_attrs[] = {
  { "attachment", "number", TRUE, 9999 },
  { "evaluation", "step", FALSE, GW_XML_NUMBER_MAX },
  { "evaluation", "stated-total", FALSE, GW_XML_NUMBER_MAX },
  { "grade", "min", FALSE, GW_XML_NUMBER_MAX },
  { "decision", "cycle-year", TRUE, 100 },
  { "section", "max", FALSE, GW_XML_NUMBER_MAX },
  { "section", "stated-subtotal", FALSE, GW_XML_NUMBER_MAX },
  { "indicator", "max", FALSE, GW_XML_NUMBER_MAX },
  { "indicator", "score", FALSE, GW_XML_NUMBER_MAX },
  { "indicator", "self-score", FALSE, GW_XML_NUMBER_MAX },
};

static gboolean
check_numbers (xmlNodePtr   node,
               const char  *name,
               GError     **error)
{
  /* iterative: the tree's depth is bounded by the parser, but a walk
   * needs no stack of its own */
  while (node)
    {
      if (node->type == XML_ELEMENT_NODE)
        for (guint i = 0; i < G_N_ELEMENTS (numeric_attrs); i++)
          {
            g_autofree char *value = NULL;

            if (!xmlStrEqual (node->name, (const xmlChar *) numeric_attrs[i].element) ||
                (value = attr_value (node, numeric_attrs[i].attr)) == NULL ||
                _gw_xml_parse_number (value, numeric_attrs[i].whole, numeric_attrs[i].max, NULL))
              continue;
            if (g_utf8_strlen (value, -1) > 20)
              {
                g_autofree char *cut = g_utf8_substring (value, 0, 20);
                g_free (value);
                value = g_strconcat (cut, "…", NULL);
              }
            if (numeric_attrs[i].whole)
              g_set_error (error, GW_ERROR, GW_ERROR_SCHEMA,
                           _("%s:%ld: attribute “%s”: “%s” is not a number Gongwen can use: "
                             "write a whole number from 0 to %d, such as 3"),
                           name, xmlGetLineNo (node), numeric_attrs[i].attr, value,
                           (int) numeric_attrs[i].max);
            else
              g_set_error (error, GW_ERROR, GW_ERROR_SCHEMA,
                           _("%s:%ld: attribute “%s”: “%s” is not a number Gongwen can use: "
                             "write a decimal number of at most 15 digits, such as 12, 4.5 or -0.5"),
                           name, xmlGetLineNo (node), numeric_attrs[i].attr, value);
            return FALSE;
          }
      if (node->children && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node && node->next == NULL)
            node = node->parent && node->parent->type == XML_ELEMENT_NODE ? node->parent : NULL;
          if (node)
            node = node->next;
        }
    }
  return TRUE;
}

gboolean
_gw_document_xml_validate (xmlDocPtr    doc,
                           const char  *name,
                           GError     **error)
{
  xmlRelaxNGPtr schema = _gw_document_xml_get_schema ();
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

  if (!check_numbers (root, name, error))
    return FALSE;

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
