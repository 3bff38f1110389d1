/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-open"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-import-text.h"
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
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot open: %s"), path, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not a document"), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > GW_MAX_INPUT_SIZE)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the file is %.1f MiB; Gongwen reads documents of up to %d MiB"),
                   path, g_file_info_get_size (info) / 1048576.0,
                   GW_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot read: %s"), path, local_error->message);
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the file is empty"), path);
      return NULL;
    }

  if (g_str_has_suffix (path, ".gwdoc") || looks_like_xml (data, len))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), len);
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
