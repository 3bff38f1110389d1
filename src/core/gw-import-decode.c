/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-import-line-private.h"
#include "gw-import-text.h"
#include "gw-numeral.h"

/* ---- decoding ------------------------------------------------------------ */

const char *
_gw_import_display_name (const char *display_name)
{
  return display_name ? display_name : _("the draft");
}

/* Line (1-based) of byte @offset in 8-bit data; CR, LF and CRLF each end a line. */
static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;
  return line;
}

/* The same for UTF-16 code units of the given byte order. */
static guint
line_of_offset_utf16 (const guchar *data,
                      gsize         offset,
                      gboolean      big_endian)
{
  guint line = 1;

  for (gsize i = 0; i + 1 < offset; i += 2)
    {
      guint unit = big_endian ? (data[i] << 8) | data[i + 1] : data[i] | (data[i + 1] << 8);
      guint next = 0;

      if (i + 3 < offset)
        next = big_endian ? (data[i + 2] << 8) | data[i + 3] : data[i + 2] | (data[i + 3] << 8);
      if (unit == '\n' || (unit == '\r' && next != '\n'))
        line++;
    }
  return line;
}

/* Folds CRLF and CR to LF in place; returns the new length. */
static gsize
fold_newlines (char  *text,
               gsize  len)
{
  gsize j = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\r')
        {
          text[j++] = '\n';
          if (i + 1 < len && text[i + 1] == '\n')
            i++;
        }
      else
        text[j++] = text[i];
    }
  text[j] = '\0';
  return j;
}

static char *
decode_utf16 (const char  *data,
              gsize        len,
              gboolean     big_endian,
              const char  *name,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0, written = 0;
  char *text;

  text = g_convert (data, len, "UTF-8", big_endian ? "UTF-16BE" : "UTF-16LE",
                    &bytes_read, &written, &local_error);
  /* With bytes_read given, g_convert() drops a character cut off at the
   * end without an error: that would be a half-read document. */
  if (text != NULL && bytes_read != len)
    g_clear_pointer (&text, g_free);
  if (text == NULL)
    {
      /* bytes_read is relative to the data after the BOM */
      g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                   _("%s: line %u (byte %lu): the file says it is UTF-16 "
                     "but holds bytes that are not valid UTF-16"),
                   name, line_of_offset_utf16 ((const guchar *) data, bytes_read, big_endian),
                   (unsigned long) bytes_read + 2);
      return NULL;
    }
  if (memchr (text, '\0', written) != NULL)
    {
      gsize at = (const char *) memchr (text, '\0', written) - text;
      g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                   _("%s: line %u: the file holds a NUL character; it is not a text document"),
                   name, line_of_offset (text, at));
      g_free (text);
      return NULL;
    }
  return text;
}

/* XML 1.0 cannot carry C0 controls other than TAB and LF, nor U+FFFE and
 * U+FFFF: a draft holding them (Word pastes form feeds and vertical tabs for
 * page and line breaks) would import, then save changed, and the user would
 * find other text on reopening. Replace them here, byte for byte, so that
 * every column stays where the user sees it. @text is valid UTF-8. */
static void
blank_unsavable (char  *text,
                 gsize  len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if (c < 0x20 && c != '\t' && c != '\n')
        text[i] = ' ';
      else if (c == 0xEF && i + 2 < len && (guchar) text[i + 1] == 0xBF &&
               ((guchar) text[i + 2] == 0xBE || (guchar) text[i + 2] == 0xBF))
        text[i + 2] = (char) 0xBD;   /* U+FFFD */
    }
}

char *
gw_import_text_decode (const char  *data,
                       gsize        len,
                       const char  *display_name,
                       GError     **error)
{
  const char *name = _gw_import_display_name (display_name);
  const char *p = data;
  gsize n = len;
  const char *invalid = NULL;
  char *text;
  const char *nul;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  if (len > GW_MAX_INPUT_SIZE)
    {
      g_autofree char *mib = gw_number_format_fixed (len / 1048576.0, 1);

      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the file is %s MiB; Gongwen reads documents of up to %d MiB"),
                   name, mib, GW_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }

  if (len >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    text = decode_utf16 (data + 2, len - 2, FALSE, name, error);
  else if (len >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    text = decode_utf16 (data + 2, len - 2, TRUE, name, error);
  else
    {
      if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          p += 3;
          n -= 3;
        }

      /* A NUL byte never occurs in UTF-8 or GB18030 text: this is a binary
       * file (or UTF-16 without a BOM, which we cannot tell from binary). */
      nul = memchr (p, '\0', n);
      if (nul != NULL)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                       _("%s: line %u (byte %lu): the file holds binary data "
                         "(a NUL byte); it is not a text document"),
                       name, line_of_offset (data, nul - data), (unsigned long) (nul - data));
          return NULL;
        }

      if (g_utf8_validate_len (p, n, &invalid))
        text = g_strndup (p, n);
      else
        {
          g_autoptr(GError) local_error = NULL;
          gsize bytes_read = 0;

          /* Windows editors save Chinese text as GB18030 (GBK) by default. */
          text = g_convert (p, n, "UTF-8", "GB18030", &bytes_read, NULL, &local_error);
          if (text != NULL && bytes_read != n)
            g_clear_pointer (&text, g_free);   /* cut off at the end */
          if (text == NULL)
            {
              gsize utf8_at = invalid - data;
              gsize gb_at = (p - data) + bytes_read;
              /* The decoding that got further is most likely what the file
               * was meant to be: report where that one stopped. */
              gsize at = MAX (utf8_at, gb_at);

              g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                           _("%s: line %u (byte %lu): the text is neither "
                             "UTF-8 nor GB18030; save it as UTF-8 and open it again"),
                           name, line_of_offset (data, at), (unsigned long) at);
              return NULL;
            }
        }
    }

  if (text == NULL)
    return NULL;

  n = fold_newlines (text, strlen (text));
  blank_unsavable (text, n);
  if (n == 0)
    {
      g_free (text);
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  /* Pad with NULs: marker parsers compare up to a whole character (3 bytes)
   * with memcmp() at the end of a line, which must stay inside the buffer. */
  text = g_realloc (text, n + 4);
  memset (text + n, 0, 4);
  return text;
}
