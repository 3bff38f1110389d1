/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The one place where Gongwen's own XML formats (.gwdoc, templates) are
 * parsed. The callers word the messages (they name "the file" or "the
 * template"), so this reports what went wrong and where, not a GError. */

/* Debian 12's libxml2 defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef enum {
  GW_XML_OK,
  GW_XML_NO_CONTEXT,       /* libxml2 could not start (out of memory) */
  GW_XML_UNSAFE,           /* a <!DOCTYPE>, at @line */
  GW_XML_MALFORMED,        /* at @line with libxml2's @message, or both unset */
  GW_XML_WRONG_ENCODING,   /* the declaration names @message, not UTF-8 */
} GwXmlStatus;

typedef struct {
  GwXmlStatus status;
  guint       line;        /* 1-based; 0 when unknown */
  char       *message;     /* owned; may be NULL */
} GwXmlProblem;

xmlDocPtr _gw_xml_parse_safely (const char   *data,
                                gsize         size,
                                int           extra_options,
                                GwXmlProblem *problem);

void      _gw_xml_problem_clear (GwXmlProblem *problem);

/* The largest magnitude any numeric attribute of .gwdoc or a template may
 * hold (scores, maxima, steps, counts): 15 digits, what a double holds
 * exactly. A score out of its range (-0.5, or over the maximum) loads, so
 * that the checker can say so. */
#define GW_XML_NUMBER_MAX 1e15

/* Whether @value is a number as Gongwen's formats write one: decimal
 * digits with at most one point and an optional minus (12, 4.5, -0.5; for
 * @whole, digits only), no exponent, hexadecimal, INF or NaN in any
 * spelling, at most GW_XML_NUMBER_MAX (or @max when smaller) in
 * magnitude, with XML's surrounding spaces allowed. Checked before the schema, whose xsd:double admits INF, NaN and
 * 1e309, so every such spelling gets the same message. */
gboolean  _gw_xml_parse_number  (const char   *value,
                                 gboolean      whole,
                                 double        max,
                                 double       *out);

G_END_DECLS
