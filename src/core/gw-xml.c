/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "gw-error.h"
#include "gw-xml-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

typedef struct {
  gboolean  unsafe;
  guint     unsafe_line;
  gboolean  have_error;
  guint     error_line;
  char     *error_message;
} ParseState;

/* Called at "<!DOCTYPE", before any of its internal subset is read: neither
 * a .gwdoc nor a template ever needs one, and refusing it here means no
 * entity is ever declared, so neither external entities (XXE) nor
 * exponential expansion ("billion laughs") can start. Parsing stops at once. */
static void
on_internal_subset_cb (void          *ctx,
                       const xmlChar *name,
                       const xmlChar *external_id,
                       const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = ctxt->_private;

  if (!state->unsafe)
    {
      state->unsafe = TRUE;
      state->unsafe_line = ctxt->input ? (guint) MAX (ctxt->input->line, 0) : 0;
    }
  xmlStopParser (ctxt);
}

/* Never reached while the DOCTYPE hook stands; kept so that no entity can
 * be declared even if libxml2 reached one some other way. */
static void
on_entity_decl_cb (void          *ctx,
                   const xmlChar *name,
                   int            type,
                   const xmlChar *public_id,
                   const xmlChar *system_id,
                   xmlChar       *content)
{
  on_internal_subset_cb (ctx, name, public_id, system_id);
}

/* Keeps the first error (the later ones follow from it) instead of letting
 * libxml2 print to stderr. */
static void
on_parse_error_cb (void        *ctx,
                   xmlErrorPtr  error)
{
  ParseState *state = ((xmlParserCtxtPtr) ctx)->_private;

  if (state->have_error || error->level < XML_ERR_ERROR)
    return;
  state->have_error = TRUE;
  state->error_line = error->line > 0 ? (guint) error->line : 0;
  /* libxml2's limits tell the programmer which option lifts them; the
   * user gets what is wrong with the file instead. */
  if (error->message && strstr (error->message, "Excessive depth"))
    state->error_message = g_strdup_printf (_("the elements are nested more than %d levels deep, "
                                              "more than any document needs"), 256);
  else if (error->message && strstr (error->message, "XML_PARSE_HUGE"))
    state->error_message = g_strdup (_("one element or one run of text is larger than the XML "
                                       "reader accepts"));
  else
    state->error_message = g_strstrip (g_strdup (error->message ? error->message : ""));
}

/*
 * _gw_xml_parse_safely:
 * @data: UTF-8 XML, at most %GW_MAX_INPUT_SIZE bytes (the caller says why
 *   a larger input is refused)
 * @extra_options: xmlParserOption flags beyond the safe ones
 * @problem: (out caller-allocates): what went wrong; clear it with
 *   _gw_xml_problem_clear()
 *
 * Parses without loading, fetching or substituting anything, and refuses any
 * document type declaration before an entity can be declared.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with @problem set
 */
xmlDocPtr
_gw_xml_parse_safely (const char   *data,
                      gsize         size,
                      int           extra_options,
                      GwXmlProblem *problem)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  ParseState state = { 0, };

  g_return_val_if_fail (problem != NULL, NULL);
  *problem = (GwXmlProblem) { GW_XML_OK, 0, NULL };
  /* libxml2 takes the size as an int. */
  g_return_val_if_fail (size <= GW_MAX_INPUT_SIZE, NULL);

  xmlInitParser ();
  ctxt = xmlCreateMemoryParserCtxt (data, (int) size);
  if (ctxt == NULL)
    {
      problem->status = GW_XML_NO_CONTEXT;
      return NULL;
    }
  /* No NOENT, DTDLOAD, DTDATTR or DTDVALID: nothing is fetched, loaded or
   * substituted. NONET guards any path that would still try. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                           XML_PARSE_NOWARNING | extra_options);
  ctxt->_private = &state;
  ctxt->sax->internalSubset = on_internal_subset_cb;
  ctxt->sax->entityDecl = on_entity_decl_cb;
  ctxt->sax->serror = on_parse_error_cb;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  xmlParseDocument (ctxt);
  doc = g_steal_pointer (&ctxt->myDoc);

  if (state.unsafe)
    {
      problem->status = GW_XML_UNSAFE;
      problem->line = state.unsafe_line;
      g_free (state.error_message);
      return NULL;
    }
  if (!ctxt->wellFormed || doc == NULL)
    {
      problem->status = GW_XML_MALFORMED;
      if (state.have_error)
        {
          problem->line = state.error_line;
          problem->message = g_steal_pointer (&state.error_message);
        }
      g_free (state.error_message);
      return NULL;
    }
  g_free (state.error_message);

  /* The bytes are UTF-8; a declaration of anything else would have made
   * libxml2 decode them wrongly. */
  if (doc->encoding && g_ascii_strcasecmp ((const char *) doc->encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp ((const char *) doc->encoding, "UTF8") != 0)
    {
      problem->status = GW_XML_WRONG_ENCODING;
      problem->line = 1;
      problem->message = g_strdup ((const char *) doc->encoding);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

void
_gw_xml_problem_clear (GwXmlProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
  problem->status = GW_XML_OK;
  problem->line = 0;
}

gboolean
_gw_xml_parse_number (const char *value,
                      gboolean    whole,
                      double      max,
                      double     *out)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint int_digits = 0, frac_digits = 0;
  double v;

  if (value == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (value));
  p = copy;
  if (*p == '-' && !whole)
    p++;
  while (g_ascii_isdigit (*p))
    p++, int_digits++;
  if (*p == '.' && !whole)
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, frac_digits++;
      if (frac_digits == 0)
        return FALSE;
    }
  /* room for what the writer gives a double that needs 17 digits, or a
   * small one written without an exponent */
  if (*p != '\0' || int_digits == 0 || int_digits > 24 || frac_digits > 24)
    return FALSE;
  v = g_ascii_strtod (copy, NULL);
  if (!isfinite (v) || fabs (v) > MIN (max, GW_XML_NUMBER_MAX))
    return FALSE;
  if (out)
    *out = v;
  return TRUE;
}
