/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-open"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-file.h"
#include "gw-import-text.h"
#include "gw-numeral.h"
#include "gw-open.h"

static gboolean
looks_like_xml (const char *data,
                gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<';
}

GwDocument *
gw_document_open (const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  bytes = gw_file_read_named (file, path, GW_MAX_INPUT_SIZE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the file is empty"), path);
      return NULL;
    }

  if (g_str_has_suffix (path, ".gwdoc") || looks_like_xml (data, len))
    {
      GwDocument *doc = gw_document_load_gwdoc_bytes (bytes, path, error);
      if (doc)
        gw_document_set_source_path (doc, path);
      return doc;
    }
  else
    {
      GwDocument *doc = gw_import_text_data (data, len, path, error);
      if (doc)
        gw_document_set_source_path (doc, path);
      return doc;
    }
}
