/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document-xml.h"

G_BEGIN_DECLS

/* Tests run as root, where a read-only folder does not stop a write. With
 * this set, every atomic save fails after the temporary file is written and
 * flushed, just before the rename, so a test can prove that a failed save
 * leaves the old file whole and no temporary file behind. */
void _gw_document_xml_set_fail_after_write_for_testing (gboolean fail);

/* Whether the schema allows @attribute on @element (for error messages). */
gboolean _gw_document_xml_attribute_known (const char *element,
                                           const char *attribute);

G_END_DECLS
