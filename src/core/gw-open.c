/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-open"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-file.h"
#include "gw-import-docx.h"
#include "gw-import-report.h"
#include "gw-import-text.h"
#include "gw-numeral.h"
#include "gw-office-convert-private.h"
#include "gw-package.h"
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

/* Formats LibreOffice converts to .docx for us. */
static const char *
office_format (const char *path)
{
  static const char *formats[] = { "doc", "wps", "odt", "rtf", "docm", "dotx", "dot", "wpt" };
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, '/'))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot + 1, formats[i]) == 0)
      return formats[i];
  return NULL;
}

static void
set_report (GwDocument *doc,
            const char *format)
{
  g_autoptr(GwImportReport) report = gw_import_report_new (format);

  gw_import_report_recognise_document (report, doc);
  gw_document_set_import_report (doc, report);
}

GwDocument *
gw_document_open (const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  const char *office;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  office = office_format (path);
  /* An RTF or ODF file is not a ZIP of WordprocessingML (or not one we
   * read): LibreOffice converts it. A .doc is an OLE file, told apart by
   * content below when it comes with another name. */
  if (office)
    {
      g_autoptr(GBytes) docx = _gw_office_convert_to_docx (path, 120, error);
      GwDocument *doc;
      GwImportReport *report;

      if (docx == NULL)
        return NULL;
      doc = gw_import_docx_bytes (docx, path, error);
      if (doc == NULL)
        return NULL;
      gw_document_set_source_path (doc, path);
      report = gw_document_get_import_report (doc);
      if (report)
        gw_import_report_set_converted_from (report, office);
      return doc;
    }

  /* a package may be larger than text: read up to its limit, then hold
   * anything that is not a package to the text limit */
  bytes = gw_file_read_named (file, path, GW_MAX_PACKAGE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the file is empty"), path);
      return NULL;
    }

  if (g_str_has_suffix (path, ".docx") || gw_package_data_is_zip (data, len) ||
      gw_package_data_is_ole (data, len))
    {
      GwDocument *doc = gw_import_docx_bytes (bytes, path, error);
      if (doc)
        gw_document_set_source_path (doc, path);
      return doc;
    }
  if (len > GW_MAX_INPUT_SIZE)
    {
      g_autofree char *size_text = g_strdup_printf ("%" G_GSIZE_FORMAT, len);
      g_autofree char *limit_text = g_strdup_printf ("%d", GW_MAX_INPUT_SIZE);
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the file is %s bytes; Gongwen reads files of up to %s bytes"),
                   path, size_text, limit_text);
      return NULL;
    }

  if (g_str_has_suffix (path, ".gwdoc") || looks_like_xml (data, len))
    {
      GwDocument *doc = gw_document_load_gwdoc_bytes (bytes, path, error);
      if (doc)
        {
          gw_document_set_source_path (doc, path);
          set_report (doc, "gwdoc");
        }
      return doc;
    }
  else
    {
      GwDocument *doc = gw_import_text_data (data, len, path, error);
      if (doc)
        {
          gw_document_set_source_path (doc, path);
          set_report (doc, "txt");
        }
      return doc;
    }
}
