/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "gw-document-xml.h"

G_BEGIN_DECLS

/* Tests run as root, where a read-only folder does not stop a write. With
 * this set, every atomic save fails with EIO where it would hand the bytes
 * to g_file_set_contents_full(), which writes, flushes and renames in one
 * call, so a test can prove that a failed save leaves the old file whole,
 * its mode kept, no temporary file behind and an error naming the file. */
void _gw_document_xml_set_fail_after_write_for_testing (gboolean fail);

/* Whether the schema allows @attribute on @element (for error messages). */
gboolean _gw_document_xml_attribute_known (const char *element,
                                           const char *attribute);

/* ---- shared by gw-document-xml-{read,write,schema,save}.c ---------------- */

#define GWDOC_VERSION "1"

/* The compiled gwdoc.rng, once per process (NULL if the build lacks it);
 * the first call also initialises libxml2. */
xmlRelaxNGPtr _gw_document_xml_get_schema (void);

/* Checks the numbers, then the schema; the error names @name and the line. */
gboolean      _gw_document_xml_validate   (xmlDocPtr    doc,
                                           const char  *name,
                                           GError     **error);

/* An attribute's value as a GLib string, or NULL when absent; the reader
 * and the schema's messages both need it. */
static inline char *
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

G_END_DECLS
