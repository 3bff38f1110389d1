/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-open"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-file-private.h"
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

GBytes *
_gw_open_read_file (GFile       *file,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mib = NULL;
  GwFileStatus status;
  goffset size;
  GBytes *bytes;

  bytes = _gw_file_read_bounded (file, &status, &size, &local_error);
  switch (status)
    {
    case GW_FILE_OK:
      break;
    case GW_FILE_CANNOT_OPEN:
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot open: %s"), name, local_error->message);
      break;
    case GW_FILE_IS_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not a document"), name);
      break;
    case GW_FILE_NOT_REGULAR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: is not a regular file"), name);
      break;
    case GW_FILE_TOO_LARGE:
      mib = gw_number_format_fixed (size / 1048576.0, 1);
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the file is %s MiB; Gongwen reads documents of up to %d MiB"),
                   name, mib, GW_MAX_INPUT_SIZE / (1024 * 1024));
      break;
    case GW_FILE_CANNOT_READ:
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot read: %s"), name, local_error->message);
      break;
    }
  return bytes;
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
  bytes = _gw_open_read_file (file, path, error);
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
