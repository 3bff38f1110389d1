/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-letter"

#include "config.h"

#include <string.h>

#include "gw-letter.h"
#include "gw-text.h"

/* The brackets gw_import_text_is_doc_number() accepts around the year, right or
 * wrong: 〔 [ 【 ( （ ［ 〖 ｛ {. */
static gboolean
is_year_bracket (gunichar c)
{
  return c == 0x3014 || c == '[' || c == 0x3010 || c == '(' || c == 0xFF08 ||
         c == 0xFF3B || c == 0x3016 || c == 0xFF5B || c == '{';
}

gboolean
gw_doc_number_is_letter (const char *number)
{
  g_autoptr(GString) prefix = g_string_new (NULL);

  if (number == NULL)
    return FALSE;
  for (const char *p = number; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_year_bracket (c))
        break;
      /* no bracket: the 代字 ends where the year's digits start */
      if (g_unichar_isdigit (c))
        break;
      if (!gw_unichar_is_space (c))
        g_string_append_unichar (prefix, c);
    }
  return g_str_has_suffix (prefix->str, "函") || g_str_has_suffix (prefix->str, "函字");
}

gboolean
gw_title_is_letter (const char *title)
{
  g_autoptr(GString) flat = g_string_new (NULL);

  if (title == NULL)
    return FALSE;
  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!gw_unichar_is_space (c))
        g_string_append_unichar (flat, c);
    }
  return g_str_has_suffix (flat->str, "的函") || g_str_has_suffix (flat->str, "的复函");
}

GwDocumentFormat
gw_document_guess_format (GwDocument *doc)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), GW_DOCUMENT_FORMAT_DOCUMENT);

  if (gw_document_get_kind (doc) != GW_DOCUMENT_KIND_OPINION)
    return GW_DOCUMENT_FORMAT_DOCUMENT;
  if (gw_doc_number_is_letter (gw_document_get_meta (doc, GW_META_DOC_NUMBER)) ||
      gw_title_is_letter (gw_document_get_meta (doc, GW_META_TITLE)))
    return GW_DOCUMENT_FORMAT_LETTER;
  return GW_DOCUMENT_FORMAT_DOCUMENT;
}
