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

G_END_DECLS
