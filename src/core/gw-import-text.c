/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-file.h"
#include "gw-import-text.h"
#include "gw-letter.h"

/* ---- decoding ------------------------------------------------------------ */

static const char *
name_or_default (const char *display_name)
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
gw_text_decode (const char  *data,
                gsize        len,
                const char  *display_name,
                GError     **error)
{
  const char *name = name_or_default (display_name);
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
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the file is %.1f MiB; Gongwen reads documents of up to %d MiB"),
                   name, len / 1048576.0, GW_MAX_INPUT_SIZE / (1024 * 1024));
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

/* ---- lines --------------------------------------------------------------- */

typedef struct {
  const char *text;     /* trimmed, NUL-terminated in the decoded buffer */
  const char *raw;      /* the line with its indent (empty first cells of a
                         * table row), up to the end of text */
  guint       len;      /* bytes of text */
  guint       n_chars;  /* characters of text */
  guint       lineno;   /* 1-based */
  guint       column;   /* 1-based column of text[0] in the original line */
  guint       heading;  /* heading level 1–4 of the text, 0 when none */
} Line;

static inline gboolean
is_space (gunichar c)
{
  /* U+3000 (full-width indent) and U+00A0 are Zs, so g_unichar_isspace()
   * knows them; zero-width characters come along from Word. */
  return c == ' ' || c == '\t' || g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

static gboolean
is_decoration_char (gunichar c)
{
  /* ★ sits in the middle of a Party organ's red line */
  return c == '-' || c == '_' || c == '=' || c == 0x2014 || c == 0x2500 ||
         c == 0x2501 || c == 0xFF3F || c == 0xFF1D || c == 0x2015 || c == 0x2550 ||
         c == 0x2605 || c == 0x2606;
}

/* A line drawn with dashes (the 版记 rules copied as text) reads as blank. */
static gboolean
is_decoration (const char *text,
               guint       len)
{
  const char *end = text + len;
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_space (c))
        continue;
      if (!is_decoration_char (c))
        return FALSE;
      n++;
    }
  return n >= 3;
}

/* Splits @text (mutable) into lines, trims each and NUL-terminates the
 * trimmed text in place. */
static GArray *
split_lines (char *text)
{
  GArray *lines = g_array_sized_new (FALSE, FALSE, sizeof (Line), 256);
  char *p = text;
  guint lineno = 0;

  for (;;)
    {
      char *eol = strchr (p, '\n');
      char *end = eol ? eol : p + strlen (p);
      char *s = p, *e = end;
      Line line;

      lineno++;
      line.column = 1;
      while (s < e)
        {
          if (*s == ' ' || *s == '\t')
            s++;
          else if ((guchar) *s >= 0x80 || g_ascii_isspace (*s))
            {
              gunichar c = g_utf8_get_char (s);
              if (!is_space (c))
                break;
              s = g_utf8_next_char (s);
            }
          else
            break;
          line.column++;
        }
      while (e > s)
        {
          char *q = g_utf8_find_prev_char (s, e);
          if (q == NULL || !is_space (g_utf8_get_char (q)))
            break;
          e = q;
        }
      *e = '\0';

      line.text = s;
      line.raw = p;
      line.len = e - s;
      line.n_chars = g_utf8_strlen (s, e - s);
      line.lineno = lineno;
      if (line.len > 0 && is_decoration (s, line.len))
        {
          line.len = 0;
          line.n_chars = 0;
        }
      line.heading = 0;
      if (line.len > 0)
        {
          GwHeadingMarker m;
          /* A bare marker ("一、" or "1." alone on its line) is no heading. */
          if (gw_heading_marker_parse (s, &m) && line.len > m.length)
            line.heading = m.level;
        }
      g_array_append_val (lines, line);

      if (eol == NULL)
        break;
      p = eol + 1;
      if (*p == '\0')
        break;  /* a final newline does not start another line */
    }
  return lines;
}

/* ---- small recognisers --------------------------------------------------- */

static gboolean
has_prefix (const Line *l,
            const char *prefix)
{
  return g_str_has_prefix (l->text, prefix);
}

static gboolean
has_suffix (const Line *l,
            const char *suffix)
{
  gsize n = strlen (suffix);
  return l->len >= n && memcmp (l->text + l->len - n, suffix, n) == 0;
}

static gunichar
last_char (const Line *l)
{
  if (l->len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (l->text, l->text + l->len));
}

static gboolean
is_final_punct (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0x201D: /* ” */
    case 0xFF09: /* ） */
    case 0x2026: /* … */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case '.': case '!': case '?': case ';': case ':': case ')':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Punctuation that cannot start a paragraph. */
static gboolean
is_continuing_punct (gunichar c)
{
  switch (c)
    {
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
    case 0x3001: /* 、 */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF09: /* ） */
    case 0x201D: /* ” */
    case 0x300B: /* 》 */
    case 0x300D: /* 」 */
    case 0x2026: /* … */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Ends a sentence or clause in a way a title or an organ name never does. */
static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A ||
         c == 0xFF0C || c == 0x3001 || c == '.' || c == ';' || c == ':' || c == ',';
}

static gboolean
is_colon (gunichar c)
{
  return c == 0xFF1A || c == ':';
}

static const char *
skip_spaces (const char *p)
{
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_space (c))
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_cn_date_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
    case 0x25CB: /* ○, often typed for 〇 */
    case 0xFF2F: /* Ｏ */
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: /* 一二三四五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: /* 六七八九十 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Reads a run of Arabic (ASCII or full-width) or Chinese numerals. */
static const char *
read_numeral (const char *p,
              guint      *n_chars)
{
  *n_chars = 0;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_digit_char (c) && !is_cn_date_digit (c))
        break;
      p = g_utf8_next_char (p);
      (*n_chars)++;
    }
  return p;
}

static const char *
read_digits (const char *p,
             guint      *n_chars)
{
  *n_chars = 0;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_digit_char (c))
        break;
      p = g_utf8_next_char (p);
      (*n_chars)++;
    }
  return p;
}

static gboolean
expect (const char **p,
        const char  *word)
{
  gsize n = strlen (word);

  if (strncmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

/* A date at @p: year 年 month 月 day 日, as Arabic or Chinese numerals. */
static gboolean
parse_date (const char  *p,
            const char **end)
{
  guint n;

  p = read_numeral (p, &n);
  if (n != 4)
    return FALSE;
  p = skip_spaces (p);
  if (!expect (&p, "年"))
    return FALSE;
  p = read_numeral (skip_spaces (p), &n);
  if (n < 1 || n > 3)
    return FALSE;
  p = skip_spaces (p);
  if (!expect (&p, "月"))
    return FALSE;
  p = read_numeral (skip_spaces (p), &n);
  if (n < 1 || n > 4)
    return FALSE;
  p = skip_spaces (p);
  if (!expect (&p, "日"))
    return FALSE;
  *end = p;
  return TRUE;
}

gboolean
gw_text_is_date_line (const char *text)
{
  const char *end;

  g_return_val_if_fail (text != NULL, FALSE);
  return parse_date (text, &end) && *end == '\0';
}

static gboolean
is_open_bracket (gunichar c)
{
  return c == 0x3014 || c == '[' || c == 0x3010 || c == '(' || c == 0xFF08 ||
         c == 0xFF3B || c == 0x3016 || c == 0xFF5B || c == '{';
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == 0x3015 || c == ']' || c == 0x3011 || c == ')' || c == 0xFF09 ||
         c == 0xFF3D || c == 0x3017 || c == 0xFF5D || c == '}';
}

gboolean
gw_text_is_doc_number (const char *text,
                       gsize      *length)
{
  const char *p = text;
  guint prefix = 0, n;
  gunichar c;

  g_return_val_if_fail (text != NULL, FALSE);

  /* 代字: a few characters, no punctuation of a sentence */
  while (*p)
    {
      c = g_utf8_get_char (p);
      if (is_open_bracket (c))
        break;
      if (is_sentence_end (c) || c == 0xFF1A)
        return FALSE;
      if (!is_space (c))
        prefix++;
      if (prefix > 20)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  if (*p == '\0' || prefix == 0)
    return FALSE;
  p = skip_spaces (g_utf8_next_char (p));
  p = read_digits (p, &n);
  if (n != 4)
    return FALSE;
  p = skip_spaces (p);
  if (!is_close_bracket (g_utf8_get_char (p)))
    return FALSE;
  p = skip_spaces (g_utf8_next_char (p));
  if (expect (&p, "第"))
    p = skip_spaces (p);
  p = read_digits (p, &n);
  if (n < 1 || n > 6)
    return FALSE;
  p = skip_spaces (p);
  if (!expect (&p, "号"))
    return FALSE;
  if (length)
    *length = p - text;
  p = skip_spaces (p);
  return *p == '\0' || g_str_has_prefix (p, "签发人");
}

/* ---- tables --------------------------------------------------------------- */

gboolean
gw_text_is_table_row (const char *line)
{
  const char *s, *e, *tab;

  g_return_val_if_fail (line != NULL, FALSE);

  s = line;
  e = line + strlen (line);
  while (s < e && is_space (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s)
    {
      const char *q = g_utf8_find_prev_char (s, e);
      if (q == NULL || !is_space (g_utf8_get_char (q)))
        break;
      e = q;
    }
  /* trimmed, the line starts and ends with text: a tab inside it stands
   * between two cells, one leading or trailing is only indentation */
  tab = memchr (s, '\t', e - s);
  return tab != NULL;
}

guint
gw_text_table_run (const char * const *lines,
                   guint               n_lines)
{
  guint n = 0;

  g_return_val_if_fail (lines != NULL || n_lines == 0, 0);

  while (n < n_lines && lines[n] != NULL && gw_text_is_table_row (lines[n]))
    n++;
  return n >= 2 ? n : 0;
}

GPtrArray *
gw_text_table_rows (const char * const *lines,
                    guint               n_lines,
                    GArray             *columns)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GPtrArray *rows;
  guint width = 0;
  gboolean drop_first = n_lines > 0;

  g_return_val_if_fail (lines != NULL || n_lines == 0, NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
      GArray *cols = g_array_new (FALSE, FALSE, sizeof (guint));
      const char *p = lines[i];
      guint col = 0;

      for (;;)
        {
          const char *end = strchr (p, '\t');
          const char *s = p, *e;
          guint start;

          if (end == NULL)
            end = p + strlen (p);
          e = end;
          while (s < e && is_space (g_utf8_get_char (s)))
            {
              s = g_utf8_next_char (s);
              col++;
            }
          start = col;
          while (e > s)
            {
              const char *q = g_utf8_find_prev_char (s, e);
              if (q == NULL || !is_space (g_utf8_get_char (q)))
                break;
              e = q;
            }
          col += g_utf8_strlen (s, end - s);
          g_ptr_array_add (row, g_strndup (s, e - s));
          g_array_append_val (cols, start);
          if (*end == '\0')
            break;
          p = end + 1;
          col++;
        }
      /* Excel writes a tab for every empty cell at the end of a row */
      while (row->len > 1 && *(char *) g_ptr_array_index (row, row->len - 1) == '\0')
        {
          g_ptr_array_remove_index (row, row->len - 1);
          g_array_remove_index (cols, cols->len - 1);
        }
      if (row->len < 2 || *(char *) g_ptr_array_index (row, 0) != '\0')
        drop_first = FALSE;
      g_ptr_array_add (cells, row);
      g_ptr_array_add (starts, cols);
    }

  for (guint i = 0; i < cells->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (cells, i);
      if (drop_first)
        {
          g_ptr_array_remove_index (row, 0);
          g_array_remove_index (g_ptr_array_index (starts, i), 0);
        }
      width = MAX (width, row->len);
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < cells->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (cells, i);
      GArray *cols = g_ptr_array_index (starts, i);
      guint line_chars = g_utf8_strlen (lines[i], -1);
      GStrvBuilder *b = g_strv_builder_new ();

      for (guint c = 0; c < width; c++)
        {
          g_strv_builder_add (b, c < row->len ? g_ptr_array_index (row, c) : "");
          if (columns)
            {
              guint start = c < cols->len ? g_array_index (cols, guint, c) : line_chars;
              g_array_append_val (columns, start);
            }
        }
      g_ptr_array_add (rows, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  return rows;
}

/* ---- the importer -------------------------------------------------------- */

typedef struct {
  GwDocument *doc;
  Line       *lines;
  guint       n_lines;
  GPtrArray  *blocks;     /* GwBlock, in order */

  /* the block being built */
  GString    *text;
  GArray     *spans;      /* GwSourceSpan */
  GwBlockKind kind;
  guint       level;
  guint       n_chars;
  gboolean    open;
  gboolean    runs_on;    /* a heading with body text after it */
  guint       last_line;  /* index of the last line added */

  /* Headings are indented like paragraphs (左空二字), as in a PDF copy or a
   * WPS paste: then only an indent starts a paragraph, and a flush-left
   * line carries on the one above whatever its punctuation. */
  gboolean    indent_style;
} Importer;

static guint
next_nonblank (Importer *imp,
               guint     i,
               guint     end)
{
  while (i < end && imp->lines[i].len == 0)
    i++;
  return i;
}

/* Index of the last non-blank line before @i, or G_MAXUINT. */
static guint
prev_nonblank (Importer *imp,
               guint     i,
               guint     floor)
{
  while (i > floor)
    {
      i--;
      if (imp->lines[i].len > 0)
        return i;
    }
  return G_MAXUINT;
}

static void
set_meta (Importer   *imp,
          GwMeta      meta,
          const char *value,
          guint       line,
          guint       column)
{
  gw_document_set_meta (imp->doc, meta, value);
  gw_document_set_meta_source (imp->doc, meta, line, column);
}

static void
set_meta_line (Importer   *imp,
               GwMeta      meta,
               const Line *l)
{
  set_meta (imp, meta, l->text, l->lineno, l->column);
}

/* Column of a byte position inside a line's text. */
static guint
column_at (const Line *l,
           const char *p)
{
  return l->column + g_utf8_strlen (l->text, p - l->text);
}

/* Asked many times a line; parsed once in split_lines(). */
static inline gboolean
is_heading (const Line *l)
{
  return l->heading > 0;
}

static gboolean
is_copy_number (const Line *l)
{
  guint n;
  const char *end = read_digits (l->text, &n);
  return *end == '\0' && n >= 1 && n <= 8;
}

static gboolean
is_classification (const Line *l)
{
  return (has_prefix (l, "绝密") || has_prefix (l, "机密") || has_prefix (l, "秘密")) &&
         l->n_chars <= 16;
}

static gboolean
is_urgency (const Line *l)
{
  return (has_prefix (l, "特急") || has_prefix (l, "加急") || has_prefix (l, "特提") ||
          has_prefix (l, "平急")) && l->n_chars <= 4;
}

typedef enum {
  LABEL_NONE,
  LABEL_BARE,     /* "附件" or "附件1" alone: an attachment page starts */
  LABEL_COLON,    /* "附件：…" or "附件1：…" */
} AttachmentLabel;

/* Reads "附件", an optional number (Arabic or Chinese) and an optional
 * colon at the start of @l; @rest receives what follows the colon. */
static AttachmentLabel
attachment_label (const Line  *l,
                  guint       *number,
                  const char **rest)
{
  const char *p = l->text;
  const char *start, *end;
  guint n, value = 0;

  if (!expect (&p, "附件"))
    return LABEL_NONE;
  start = skip_spaces (p);
  end = read_numeral (start, &n);
  if (n > 3)
    return LABEL_NONE;
  if (n > 0)
    {
      if (is_digit_char (g_utf8_get_char (start)))
        {
          for (const char *q = start; q < end; q = g_utf8_next_char (q))
            {
              gunichar c = g_utf8_get_char (q);
              if (!is_digit_char (c))
                return LABEL_NONE;
              /* full-width digits count the same */
              value = value * 10 + (c >= 0xFF10 ? c - 0xFF10 : c - '0');
            }
        }
      else
        {
          int v = gw_chinese_numeral_value (start, end - start);
          if (v <= 0)
            return LABEL_NONE;
          value = v;
        }
    }
  p = skip_spaces (end);
  if (number)
    *number = value;
  if (*p == '\0')
    return LABEL_BARE;
  if (!is_colon (g_utf8_get_char (p)))
    return LABEL_NONE;
  if (rest)
    *rest = skip_spaces (g_utf8_next_char (p));
  return LABEL_COLON;
}

static gboolean
is_attachment_marker (const Line *l,
                      guint      *number)
{
  return attachment_label (l, number, NULL) == LABEL_BARE;
}

/* "附件：…" (the 附件说明 after the body), also the "附件1：…" some write. */
static gboolean
is_attachment_list_start (const Line *l)
{
  return attachment_label (l, NULL, NULL) == LABEL_COLON;
}

/* "附件1：标题" on one line: an attachment page with its title beside the
 * number; @title receives the title. */
static gboolean
is_inline_attachment_page (const Line  *l,
                           guint       *number,
                           const char **title)
{
  guint value = 0;
  const char *rest = NULL;

  if (attachment_label (l, &value, &rest) != LABEL_COLON || value == 0 || *rest == '\0')
    return FALSE;
  if (number)
    *number = value;
  if (title)
    *title = rest;
  return TRUE;
}

/* Length of a list number "1．" "2." "3、" at @p (with following spaces), or 0. */
static gsize
list_number_length (const char *p)
{
  guint n;
  const char *q = read_digits (p, &n);

  if (n == 0 || n > 3)
    return 0;
  q = skip_spaces (q);
  if ((*q == '.' || *q == ',') && !g_ascii_isdigit (q[1]))
    q++;
  else if (!expect (&q, "．") && !expect (&q, "、") && !expect (&q, "，"))
    return 0;
  return skip_spaces (q) - p;
}

/* "抄送：" or "主送：", spaces allowed between the two characters and
 * before the colon, as drafts space them out to fill the line. */
static gboolean
is_label (const Line  *l,
          const char  *first,
          const char  *second,
          const char **value)
{
  const char *p = l->text;

  if (!expect (&p, first))
    return FALSE;
  p = skip_spaces (p);
  if (!expect (&p, second))
    return FALSE;
  p = skip_spaces (p);
  if (!is_colon (g_utf8_get_char (p)))
    return FALSE;
  if (value)
    *value = skip_spaces (g_utf8_next_char (p));
  return TRUE;
}

static gboolean
is_copy_to (const Line  *l,
            const char **value)
{
  return is_label (l, "抄", "送", value);
}

static gboolean
is_main_send (const Line  *l,
              const char **value)
{
  return is_label (l, "主", "送", value);
}

/* "神木市人民政府办公室        2023年3月10日印发": finds the date. */
static gboolean
is_printing_line (const Line  *l,
                  const char **date)
{
  const char *suffix;

  if (!has_suffix (l, "印发"))
    return FALSE;
  suffix = l->text + l->len - strlen ("印发");
  for (const char *p = l->text; p < suffix; p = g_utf8_next_char (p))
    {
      const char *end;
      if (parse_date (p, &end) && skip_spaces (end) == suffix)
        {
          if (date)
            *date = p;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_note (const Line *l)
{
  return (has_prefix (l, "（") || has_prefix (l, "(")) &&
         (has_suffix (l, "）") || has_suffix (l, ")")) && !is_heading (l);
}

/* Lines that are their own element and never continue a paragraph. */
static gboolean
is_element (const Line *l)
{
  return is_heading (l) || has_prefix (l, "附件") ||
         gw_text_is_date_line (l->text) || is_copy_to (l, NULL) ||
         is_printing_line (l, NULL);
}

/* An organ's name: what 发文机关标志 and 署名 lines hold. */
static gboolean
looks_like_organ (const Line *l)
{
  return l->n_chars <= 40 && strstr (l->text, "关于") == NULL &&
         !is_sentence_end (last_char (l)) && !is_heading (l);
}

static gboolean
has_organ_suffix (const char *text,
                  gsize       len)
{
  static const char *suffixes[] = {
    "局", "室", "厅", "府", "委", "会", "部", "办", "院", "处", "站", "中心",
    "政府", "公司", "小组", "街道", "镇", "乡", "县", "市", "省", "区", "所", "署",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);
      if (len >= n && memcmp (text + len - n, suffixes[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
ends_with_organ_suffix (const Line *l)
{
  return has_organ_suffix (l->text, l->len);
}

/* Whether @text (@len bytes, no spaces) is a whole organ's name as a joint
 * header or signature lists them side by side: at least three characters
 * (a letter-spaced "临 川 市 民 政 局" must not split) and an organ's ending. */
static gboolean
is_organ_piece (const char *text,
                gsize       len)
{
  if (g_utf8_strlen (text, len) < 3 || g_utf8_strlen (text, len) > 30)
    return FALSE;
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    if (is_sentence_end (g_utf8_get_char (p)))
      return FALSE;
  return has_organ_suffix (text, len);
}

/* Splits a line of organ names separated by spaces ("临川市民政局　临川市财政局
 * 文件") into @organs; "文件", alone or after a name, sets @suffix. Returns
 * FALSE, adding nothing, unless every piece is a name or "文件". With
 * @loose, a line that is one piece may be any organ-like text. */
static gboolean
split_organs (const Line *l,
              gboolean    loose,
              GPtrArray  *organs,
              gboolean   *suffix)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *p = l->text, *end = l->text + l->len;
  gboolean saw_suffix = FALSE;
  guint pieces = 0;

  while (p < end)
    {
      const char *q = p;
      gsize n, stem;

      while (q < end && !is_space (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      n = q - p;
      stem = n;
      pieces++;
      if (n >= strlen ("文件") && memcmp (q - strlen ("文件"), "文件", strlen ("文件")) == 0)
        {
          stem = n - strlen ("文件");
          saw_suffix = TRUE;
        }
      if (stem > 0)
        {
          if (!is_organ_piece (p, stem) && !(loose && p == l->text && q == end))
            return FALSE;
          g_ptr_array_add (found, g_strndup (p, stem));
        }
      p = skip_spaces (q);
    }
  if (found->len == 0 && !saw_suffix)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (organs, g_steal_pointer (&found->pdata[i]));
  if (saw_suffix)
    *suffix = TRUE;
  return TRUE;
}

/* The 发文机关标志 of lines @from … @to (exclusive, blank lines skipped) as
 * the document keeps it: several organs one per line with "文件" last
 * (gw_organ_mark_join()); a single organ's lines as they stand. */
static char *
organ_mark_of_lines (Importer *imp,
                     guint     from,
                     guint     to)
{
  g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean suffix = FALSE, all = TRUE;

  for (guint k = from; k < to; k = next_nonblank (imp, k + 1, to))
    {
      if (s->len)
        g_string_append_c (s, '\n');
      g_string_append_len (s, imp->lines[k].text, imp->lines[k].len);
      if (all && !split_organs (&imp->lines[k], TRUE, organs, &suffix))
        all = FALSE;
    }
  if (all && organs->len >= 2)
    {
      g_ptr_array_add (organs, NULL);
      return gw_organ_mark_join ((const char * const *) organs->pdata, suffix);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
ends_with_genre (const Line *l)
{
  static const char *genres[] = {
    "意见", "通知", "方案", "办法", "规定", "报告", "请示", "决定", "函", "纪要",
    "通报", "批复", "细则", "规划", "计划", "制度", "规则", "标准", "指引", "公告",
    "稿）", "稿)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (genres); i++)
    if (has_suffix (l, genres[i]))
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_title (const Line *l)
{
  gunichar c = last_char (l);

  return l->n_chars <= 80 && !is_sentence_end (c) && !is_heading (l) &&
         !is_element (l) && !gw_text_is_doc_number (l->text, NULL);
}

/* Whether @next, right under title line @prev, carries the title on. */
static gboolean
continues_title (const Line *prev,
                 const Line *next)
{
  if (next->len == 0 || !looks_like_title (next) || next->n_chars > 60)
    return FALSE;
  return has_prefix (next, "关于") || has_prefix (next, "的") ||
         (is_note (next) && next->n_chars <= 12) ||
         (strstr (prev->text, "关于") == NULL && ends_with_organ_suffix (prev)) ||
         ends_with_genre (next);
}

static void
block_close (Importer *imp)
{
  GwBlock *block;

  if (!imp->open)
    return;
  if (imp->kind == GW_BLOCK_HEADING)
    block = gw_block_new_heading (imp->level, imp->text->str);
  else
    block = gw_block_new (imp->kind, imp->text->str);
  for (guint i = 0; i < imp->spans->len; i++)
    {
      GwSourceSpan *s = &g_array_index (imp->spans, GwSourceSpan, i);
      gw_block_add_span (block, s->offset, s->line, s->column);
    }
  g_ptr_array_add (imp->blocks, block);
  imp->open = FALSE;
}

static void
block_append_line (Importer *imp,
                   guint     index)
{
  const Line *l = &imp->lines[index];
  GwSourceSpan span;

  if (imp->text->len > 0)
    {
      /* Latin words broken across lines keep a space between them. */
      const Line *prev = &imp->lines[imp->last_line];
      if (g_ascii_isalpha (prev->text[prev->len - 1]) && g_ascii_isalpha (l->text[0]))
        {
          g_string_append_c (imp->text, ' ');
          imp->n_chars++;
        }
    }
  span.offset = imp->n_chars;
  span.line = l->lineno;
  span.column = l->column;
  g_array_append_val (imp->spans, span);
  g_string_append_len (imp->text, l->text, l->len);
  imp->n_chars += l->n_chars;
  imp->last_line = index;
  if (imp->kind == GW_BLOCK_HEADING && !imp->runs_on &&
      (strstr (l->text, "。") || strstr (l->text, "，")))
    imp->runs_on = TRUE;
}

static void
block_open (Importer    *imp,
            GwBlockKind  kind,
            guint        level,
            guint        index)
{
  block_close (imp);
  g_string_truncate (imp->text, 0);
  g_array_set_size (imp->spans, 0);
  imp->kind = kind;
  imp->level = level;
  imp->n_chars = 0;
  imp->runs_on = FALSE;
  imp->open = TRUE;
  block_append_line (imp, index);
}

/* PDF copies break lines mid-phrase (助力乡⏎村振兴): @index continues the
 * open block when the line above stops mid-sentence and this one is flush
 * left and no element of its own. */
static gboolean
continues_block (Importer *imp,
                 guint     index)
{
  const Line *l = &imp->lines[index];
  const Line *prev;

  if (!imp->open || imp->last_line + 1 != index)
    return FALSE;
  prev = &imp->lines[imp->last_line];
  if (l->column > 1 || is_element (l) || strchr (l->text, '\t') != NULL)
    return FALSE;
  /* no paragraph starts with "，" or "）": the break fell before it */
  if (is_final_punct (last_char (prev)) && !imp->indent_style &&
      !is_continuing_punct (g_utf8_get_char (l->text)))
    return FALSE;
  /* "一、总体要求" is complete; only a heading running on into body text
   * can be broken mid-sentence. */
  if (imp->kind == GW_BLOCK_HEADING && !imp->runs_on)
    return FALSE;
  return imp->kind == GW_BLOCK_PARAGRAPH || imp->kind == GW_BLOCK_HEADING;
}

/* Where the 附件说明 list starting above @from ends: the first line that is
 * neither a numbered name nor a wrapped one. */
static guint
attachment_list_end (Importer *imp,
                     guint     from,
                     guint     to)
{
  guint k;

  for (k = from; k < to; k++)
    {
      const Line *l = &imp->lines[k];
      if (l->len == 0)
        continue;
      if (list_number_length (l->text) > 0 || is_attachment_list_start (l))
        continue;   /* "2．…", or "附件2：…" as some write it */
      if (l->column > 1 && !is_element (l))
        continue;   /* a wrapped name, aligned under the one above */
      break;
    }
  return k;
}

static void
add_attachment_name (Importer   *imp,
                     GString    *name,
                     guint      *name_line)
{
  if (*name_line > 0 && name->len > 0)
    gw_document_add_attachment (imp->doc, name->str, *name_line);
  g_string_truncate (name, 0);
  *name_line = 0;
}

static void
parse_attachment_list (Importer *imp,
                       guint     from,
                       guint     to)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint name_line = 0;

  for (guint k = from; k < to; k++)
    {
      const Line *l = &imp->lines[k];
      const char *p = l->text;
      gboolean labelled;
      gsize num;

      if (l->len == 0)
        continue;
      labelled = attachment_label (l, NULL, &p) == LABEL_COLON;
      if (!labelled)
        p = l->text;
      else if (*p == '\0')
        continue;   /* "附件：" with the names on the lines below */
      num = list_number_length (p);
      if (num > 0 || labelled)
        {
          add_attachment_name (imp, name, &name_line);
          name_line = l->lineno;
          g_string_append (name, p + num);
        }
      else
        {
          if (name_line == 0)
            name_line = l->lineno;
          g_string_append (name, p);
        }
    }
  add_attachment_name (imp, name, &name_line);
}

/* Whether an attachment page starts at @k: "附件N" with a title under it,
 * or "附件N：标题". */
static gboolean
is_page_start (Importer *imp,
               guint     k,
               guint     to)
{
  const Line *l = &imp->lines[k];
  guint title;

  if (is_inline_attachment_page (l, NULL, NULL))
    return TRUE;
  return is_attachment_marker (l, NULL) &&
         (title = next_nonblank (imp, k + 1, to)) < to &&
         !is_attachment_marker (&imp->lines[title], NULL);
}

/* A table starting at @k (see gw_text_table_run()): adds it as one block
 * with a span per cell, so a finding in a cell points at that cell in its
 * line. Returns the number of lines it took, 0 when there is none. */
static guint
table_run (Importer  *imp,
           guint      k,
           guint      to,
           GPtrArray *raw)
{
  guint n = 0;

  if (k >= to || strchr (imp->lines[k].text, '\t') == NULL)
    return 0;
  /* a decoration line (----) reads as blank even with a tab in it */
  while (k + n < to && imp->lines[k + n].len > 0)
    g_ptr_array_add (raw, (gpointer) imp->lines[k + n++].raw);
  return gw_text_table_run ((const char * const *) raw->pdata, raw->len);
}

static guint
parse_table (Importer *imp,
             guint     k,
             guint     to)
{
  g_autoptr(GPtrArray) raw = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  GwBlock *block;
  guint n, offset = 0, cell = 0;

  n = table_run (imp, k, to, raw);
  if (n == 0)
    return 0;

  block_close (imp);
  rows = gw_text_table_rows ((const char * const *) raw->pdata, n, columns);
  block = gw_block_new_table (rows);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c]; c++, cell++)
        {
          gw_block_add_span (block, offset, imp->lines[k + r].lineno,
                             g_array_index (columns, guint, cell) + 1);
          offset += g_utf8_strlen (cells[c], -1) + 1;   /* and the tab or newline */
        }
    }
  g_ptr_array_add (imp->blocks, block);
  return n;
}

static guint parse_attachment_page (Importer *imp, guint marker, guint to);

/* Body text, headings and attachment pages of lines [@from, @to). The
 * 附件说明 is recognised when @main is set. */
static void
parse_blocks (Importer *imp,
              guint     from,
              guint     to,
              gboolean  main)
{
  for (guint k = from; k < to; k++)
    {
      const Line *l = &imp->lines[k];
      guint n;

      if (l->len == 0)
        {
          block_close (imp);
          continue;
        }
      if (strchr (l->text, '\t') != NULL && (n = parse_table (imp, k, to)) > 0)
        {
          k += n - 1;
          continue;
        }
      if (main && is_attachment_list_start (l))
        {
          guint list_end = attachment_list_end (imp, k + 1, to);
          /* only the list may follow, or attachment pages */
          if (list_end >= to || is_attachment_marker (&imp->lines[list_end], NULL) ||
              is_page_start (imp, list_end, to))
            {
              block_close (imp);
              parse_attachment_list (imp, k, list_end);
              k = list_end - 1;
              continue;
            }
        }
      if (is_page_start (imp, k, to))
        {
          block_close (imp);
          k = parse_attachment_page (imp, k, to) - 1;
          continue;
        }
      if (is_heading (l))
        block_open (imp, GW_BLOCK_HEADING, l->heading, k);
      else if (continues_block (imp, k))
        block_append_line (imp, k);
      else
        block_open (imp, GW_BLOCK_PARAGRAPH, 0, k);
    }
  block_close (imp);
}

/* An attachment page: "附件N" at @marker, its title, then content up to the
 * next page or @to. Returns the index where the next page starts. */
static guint
parse_attachment_page (Importer *imp,
                       guint     marker,
                       guint     to)
{
  const Line *m = &imp->lines[marker];
  guint number = 0;
  guint k, end;
  GwBlock *block;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GwSourceSpan));
  const char *inline_title = NULL;

  if (is_inline_attachment_page (m, &number, &inline_title))
    {
      GwSourceSpan span = { 0, m->lineno, column_at (m, inline_title) };

      g_string_append (text, inline_title);
      g_array_append_val (spans, span);
      k = marker + 1;
    }
  else
    {
      guint title = next_nonblank (imp, marker + 1, to);
      guint n_chars = 0;

      is_attachment_marker (m, &number);
      /* the title, one to three lines as the author broke it */
      for (k = title; k < to && k - title < 3; k++)
        {
          const Line *l = &imp->lines[k];
          GwSourceSpan span = { n_chars, l->lineno, l->column };

          if (k > title)
            {
              if (!continues_title (&imp->lines[k - 1], l))
                break;
              g_string_append_c (text, '\n');
              span.offset = ++n_chars;
            }
          g_string_append_len (text, l->text, l->len);
          n_chars += l->n_chars;
          g_array_append_val (spans, span);
        }
    }
  block = gw_block_new_attachment (number, text->str);
  for (guint i = 0; i < spans->len; i++)
    {
      GwSourceSpan *s = &g_array_index (spans, GwSourceSpan, i);
      gw_block_add_span (block, s->offset, s->line, s->column);
    }
  g_ptr_array_add (imp->blocks, block);

  /* content up to the next attachment page */
  for (end = k; end < to; end++)
    if (is_page_start (imp, end, to))
      break;
  parse_blocks (imp, k, end, FALSE);
  return end;
}

/* A letter's head (信函): the organ's name alone on line @i, without "文件",
 * over a title ending in 的函. The title is not the name's continuation
 * when a blank line parts them or when it does not start with 关于 (a
 * letter's title names the organ again: 临川市民政局关于…的函). */
static gboolean
is_letterhead (Importer *imp,
               guint     i)
{
  const Line *l = &imp->lines[i];
  guint k = next_nonblank (imp, i + 1, imp->n_lines);
  g_autoptr(GString) title = g_string_new (NULL);

  if (k >= imp->n_lines || !looks_like_organ (l) || !ends_with_organ_suffix (l) ||
      (k == i + 1 && has_prefix (&imp->lines[k], "关于")))
    return FALSE;
  for (guint j = k; j < imp->n_lines && j < k + 3; j++)
    {
      if (imp->lines[j].len == 0 || !looks_like_title (&imp->lines[j]))
        break;
      g_string_append_len (title, imp->lines[j].text, imp->lines[j].len);
      if (gw_title_is_letter (title->str))
        return TRUE;
    }
  return FALSE;
}

/* 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, title and 主送机关.
 * Returns the index of the first body line. */
static guint
parse_head (Importer *imp)
{
  guint n = imp->n_lines;
  guint i = next_nonblank (imp, 0, n);
  guint doc_number = G_MAXUINT;
  guint title_from = G_MAXUINT, title_to = G_MAXUINT;
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  /* 份号 / 密级 / 紧急程度, in any order, each once */
  while (i < n)
    {
      const Line *l = &imp->lines[i];
      if (!seen[0] && is_copy_number (l))
        {
          set_meta_line (imp, GW_META_COPY_NUMBER, l);
          seen[0] = TRUE;
        }
      else if (!seen[1] && is_classification (l))
        {
          set_meta_line (imp, GW_META_CLASSIFICATION, l);
          seen[1] = TRUE;
        }
      else if (!seen[2] && is_urgency (l))
        {
          set_meta_line (imp, GW_META_URGENCY, l);
          seen[2] = TRUE;
        }
      else
        break;
      i = next_nonblank (imp, i + 1, n);
    }
  if (i >= n)
    return i;
  /* a table pasted on its own: no head, and no title made of its first row */
  {
    g_autoptr(GPtrArray) raw = g_ptr_array_new ();
    if (table_run (imp, i, n, raw) > 0)
      return i;
  }

  /* 发文字号 within the first few lines; what stands above it is the organ's
   * mark, or (in drafts that put the number under it) the title. */
  for (guint k = i, seen_lines = 0; k < n && seen_lines < 5; k = next_nonblank (imp, k + 1, n), seen_lines++)
    {
      const Line *l = &imp->lines[k];
      if (gw_text_is_doc_number (l->text, NULL))
        {
          doc_number = k;
          break;
        }
      if (is_sentence_end (last_char (l)) || is_heading (l) || is_element (l))
        break;
    }

  if (doc_number != G_MAXUINT)
    {
      const Line *l = &imp->lines[doc_number];
      guint organ_to = doc_number;
      gsize len = 0;
      const char *rest;

      for (guint k = i; k < doc_number; k++)
        if (imp->lines[k].len > 0 && !looks_like_organ (&imp->lines[k]))
          {
            /* "××文件" (or a letter's organ name) then a title above the number */
            organ_to = (has_suffix (&imp->lines[i], "文件") && looks_like_organ (&imp->lines[i])) ||
                       is_letterhead (imp, i)
                       ? i + 1 : i;
            break;
          }
      if (organ_to > i)
        {
          g_autofree char *mark = organ_mark_of_lines (imp, i, organ_to);
          set_meta (imp, GW_META_ORGAN_MARK, mark, imp->lines[i].lineno, imp->lines[i].column);
        }
      organ_to = next_nonblank (imp, organ_to, doc_number);
      if (organ_to < doc_number)
        {
          title_from = organ_to;
          title_to = doc_number;
        }

      gw_text_is_doc_number (l->text, &len);
      {
        g_autofree char *number = g_strndup (l->text, len);
        set_meta (imp, GW_META_DOC_NUMBER, number, l->lineno, l->column);
      }
      rest = skip_spaces (l->text + len);
      if (g_str_has_prefix (rest, "签发人"))
        {
          const char *name = skip_spaces (rest + strlen ("签发人"));
          if (is_colon (g_utf8_get_char (name)))
            name = skip_spaces (g_utf8_next_char (name));
          set_meta (imp, GW_META_SIGNATORY, name, l->lineno, column_at (l, name));
        }
      i = next_nonblank (imp, doc_number + 1, n);
      if (i < n && has_prefix (&imp->lines[i], "签发人"))
        {
          const Line *s = &imp->lines[i];
          const char *name = skip_spaces (s->text + strlen ("签发人"));
          if (is_colon (g_utf8_get_char (name)))
            name = skip_spaces (g_utf8_next_char (name));
          set_meta (imp, GW_META_SIGNATORY, name, s->lineno, column_at (s, name));
          i = next_nonblank (imp, i + 1, n);
        }
    }
  else
    {
      const Line *l = &imp->lines[i];
      if ((has_suffix (l, "文件") && looks_like_organ (l)) || is_letterhead (imp, i))
        {
          g_autofree char *mark = organ_mark_of_lines (imp, i, i + 1);
          set_meta (imp, GW_META_ORGAN_MARK, mark, l->lineno, l->column);
          i = next_nonblank (imp, i + 1, n);
        }
      else
        {
          /* No number: a joint header shows itself by names stacked over a
           * line ending in "文件" (or "文件" alone). */
          g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func (g_free);
          gboolean suffix = FALSE;
          guint k = i, seen_lines = 0;

          while (k < n && seen_lines < 6 && !suffix &&
                 split_organs (&imp->lines[k], FALSE, organs, &suffix))
            {
              k = next_nonblank (imp, k + 1, n);
              seen_lines++;
            }
          if (suffix && organs->len >= 2)
            {
              g_autofree char *mark = NULL;

              g_ptr_array_add (organs, NULL);
              mark = gw_organ_mark_join ((const char * const *) organs->pdata, TRUE);
              set_meta (imp, GW_META_ORGAN_MARK, mark, l->lineno, l->column);
              i = k;
            }
        }
    }

  /* the title: one line, or two (or three) that read as one */
  if (title_from == G_MAXUINT && i < n && looks_like_title (&imp->lines[i]))
    {
      title_from = i;
      title_to = i + 1;
      while (title_to < n && title_to - title_from < 3 &&
             continues_title (&imp->lines[title_to - 1], &imp->lines[title_to]))
        title_to++;
      i = next_nonblank (imp, title_to, n);
    }
  if (title_from != G_MAXUINT)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      for (guint k = title_from; k < title_to; k = next_nonblank (imp, k + 1, title_to))
        {
          if (s->len)
            g_string_append_c (s, '\n');
          g_string_append_len (s, imp->lines[k].text, imp->lines[k].len);
        }
      set_meta (imp, GW_META_TITLE, s->str,
                imp->lines[title_from].lineno, imp->lines[title_from].column);
    }

  /* 主送机关: a line (or a few wrapped ones) ending in a colon */
  if (i < n)
    {
      guint total = 0;
      for (guint k = i; k < n && k < i + 3; k++)
        {
          const Line *l = &imp->lines[k];
          gunichar c = last_char (l);

          /* "现将有关事项通知如下：" ends in a colon too */
          if (l->len == 0 || strstr (l->text, "。") || strstr (l->text, "如下") ||
              has_prefix (l, "为") || has_prefix (l, "根据") || has_prefix (l, "按照") ||
              is_heading (l) || is_element (l))
            break;
          total += l->n_chars;
          if (total > 200)
            break;
          if (is_colon (c))
            {
              g_autoptr(GString) s = g_string_new (NULL);
              for (guint j = i; j <= k; j++)
                g_string_append_len (s, imp->lines[j].text, imp->lines[j].len);
              set_meta (imp, GW_META_RECIPIENTS, s->str,
                        imp->lines[i].lineno, imp->lines[i].column);
              i = next_nonblank (imp, k + 1, n);
              break;
            }
          if (is_final_punct (c))
            break;
        }
    }
  return i;
}

/* 版记 at the end: 主送 (moved down), 抄送 and 印发. Returns the index after
 * the last line of the main part. */
static guint
parse_colophon (Importer *imp,
                guint     floor)
{
  guint end = imp->n_lines;
  guint k = prev_nonblank (imp, end, floor);
  const char *value;

  if (k == G_MAXUINT)
    return end;

  if (is_printing_line (&imp->lines[k], &value))
    {
      const Line *l = &imp->lines[k];
      const char *organ_end = value;
      g_autofree char *organ = NULL;
      g_autofree char *date = NULL;

      while (organ_end > l->text)
        {
          const char *q = g_utf8_find_prev_char (l->text, organ_end);
          if (!is_space (g_utf8_get_char (q)))
            break;
          organ_end = q;
        }
      organ = g_strndup (l->text, organ_end - l->text);
      date = g_strndup (value, l->text + l->len - strlen ("印发") - value);
      g_strchomp (date);
      if (*organ)
        set_meta (imp, GW_META_PRINTING_ORGAN, organ, l->lineno, l->column);
      set_meta (imp, GW_META_PRINTING_DATE, date, l->lineno, column_at (l, value));
      end = k;
      k = prev_nonblank (imp, end, floor);
    }

  /* 抄送：… possibly wrapped over a few lines */
  for (guint c = k, tries = 0; c != G_MAXUINT && c >= floor && tries < 4; c--, tries++)
    {
      const Line *l = &imp->lines[c];
      if (l->len == 0 || (c < k && is_element (l) && !is_copy_to (l, NULL)))
        break;
      if (is_copy_to (l, &value))
        {
          g_autoptr(GString) s = g_string_new (value);
          for (guint j = c + 1; j <= k; j++)
            g_string_append_len (s, imp->lines[j].text, imp->lines[j].len);
          set_meta (imp, GW_META_COPY_TO, s->str, l->lineno, column_at (l, value));
          end = c;
          k = prev_nonblank (imp, end, floor);
          break;
        }
      if (c == 0)
        break;
    }

  if (k != G_MAXUINT && is_main_send (&imp->lines[k], &value))
    {
      const Line *l = &imp->lines[k];
      if (*gw_document_get_meta (imp->doc, GW_META_RECIPIENTS) == '\0')
        set_meta (imp, GW_META_RECIPIENTS, value, l->lineno, column_at (l, value));
      end = k;
    }
  return end;
}

/* The 成文日期 closing the main text: the first date line followed only by
 * a 附注 and attachment pages. Returns G_MAXUINT when there is none. */
static guint
find_signature_date (Importer *imp,
                     guint     from,
                     guint     to)
{
  for (guint d = from; d < to; d++)
    {
      guint next;

      if (imp->lines[d].len == 0 || !gw_text_is_date_line (imp->lines[d].text))
        continue;
      next = next_nonblank (imp, d + 1, to);
      if (next < to && is_note (&imp->lines[next]))
        next = next_nonblank (imp, next + 1, to);
      if (next >= to || is_page_start (imp, next, to))
        return d;
    }
  return G_MAXUINT;
}

/* Several organs signing (联合行文): names side by side on the line above
 * the date ("临川市民政局　　临川市财政局"), or, under a joint header, stacked
 * one per line as many as the header names. Sets the signature, one organ
 * a line, and returns its first line; G_MAXUINT when @sig is one organ. */
static guint
joint_signature (Importer *imp,
                 guint     sig,
                 guint     floor)
{
  g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) header = gw_organ_mark_split (gw_document_get_meta (imp->doc, GW_META_ORGAN_MARK), NULL);
  guint header_n = g_strv_length (header);
  guint first = sig;
  gboolean suffix = FALSE;
  g_autofree char *value = NULL;

  if (!split_organs (&imp->lines[sig], FALSE, organs, &suffix) || suffix)
    return G_MAXUINT;
  if (organs->len < 2)
    {
      if (header_n < 2)
        return G_MAXUINT;
      /* stacked: climb while the lines above are names too */
      while (organs->len < header_n)
        {
          guint up = prev_nonblank (imp, first, floor);
          g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);

          if (up == G_MAXUINT || up + 2 < first ||
              !split_organs (&imp->lines[up], FALSE, more, &suffix) || suffix)
            break;
          for (guint i = 0; i < more->len; i++)
            g_ptr_array_insert (organs, i, g_steal_pointer (&more->pdata[i]));
          first = up;
        }
      if (organs->len < 2)
        return G_MAXUINT;
    }
  g_ptr_array_add (organs, NULL);
  value = g_strjoinv ("\n", (char **) organs->pdata);
  set_meta (imp, GW_META_SIGNATURE, value, imp->lines[first].lineno, imp->lines[first].column);
  return first;
}

static gboolean
headings_indented (Importer *imp,
                   guint     from,
                   guint     to)
{
  guint indented = 0, flush = 0;

  for (guint k = from; k < to; k++)
    {
      const Line *l = &imp->lines[k];
      if (l->len > 0 && is_heading (l))
        {
          if (l->column > 1)
            indented++;
          else
            flush++;
        }
    }
  return indented > flush;
}

GwDocument *
gw_import_text_data (const char  *data,
                     gsize        len,
                     const char  *display_name,
                     GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) block_text = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GwDocument) doc = NULL;
  Importer imp = { 0 };
  guint body, end, date, body_end, after;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = gw_text_decode (data, len, display_name, error);
  if (text == NULL)
    return NULL;

  lines = split_lines (text);
  doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  blocks = g_ptr_array_new_with_free_func (g_object_unref);
  block_text = g_string_sized_new (256);
  spans = g_array_new (FALSE, FALSE, sizeof (GwSourceSpan));

  imp.doc = doc;
  imp.lines = (Line *) lines->data;
  imp.n_lines = lines->len;
  imp.blocks = blocks;
  imp.text = block_text;
  imp.spans = spans;

  if (next_nonblank (&imp, 0, imp.n_lines) >= imp.n_lines)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY,
                   _("%s: the file holds no text, only blank lines"),
                   name_or_default (display_name));
      return NULL;
    }

  body = parse_head (&imp);
  end = parse_colophon (&imp, body);
  if (end < body)
    end = body;

  date = find_signature_date (&imp, body, end);
  body_end = end;
  after = end;
  if (date != G_MAXUINT)
    {
      const Line *d = &imp.lines[date];
      guint sig = prev_nonblank (&imp, date, body);
      guint note;

      set_meta_line (&imp, GW_META_DATE, d);
      body_end = date;
      if (sig != G_MAXUINT && looks_like_organ (&imp.lines[sig]) &&
          !has_prefix (&imp.lines[sig], "附件") &&
          list_number_length (imp.lines[sig].text) == 0)
        {
          guint first = joint_signature (&imp, sig, body);

          if (first == G_MAXUINT)
            set_meta_line (&imp, GW_META_SIGNATURE, &imp.lines[sig]);
          else
            sig = first;
          body_end = sig;
        }

      after = date + 1;
      note = next_nonblank (&imp, after, end);
      if (note < end && is_note (&imp.lines[note]))
        {
          const Line *l = &imp.lines[note];
          const char *inner = g_utf8_next_char (l->text);
          const char *close = g_utf8_find_prev_char (l->text, l->text + l->len);
          g_autofree char *value = g_strndup (inner, close - inner);

          set_meta (&imp, GW_META_NOTE, value, l->lineno, column_at (l, inner));
          after = note + 1;
        }
    }

  imp.indent_style = headings_indented (&imp, body, body_end);
  parse_blocks (&imp, body, body_end, TRUE);
  if (after < end)
    parse_blocks (&imp, after, end, FALSE);

  if (blocks->len > 0)
    g_list_store_splice (gw_document_get_blocks (doc), 0, 0, blocks->pdata, blocks->len);
  gw_document_set_format (doc, gw_document_guess_format (doc));

  return g_steal_pointer (&doc);
}

GwDocument *
gw_import_text_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len = 0;
  GwDocument *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  bytes = gw_file_read_named (file, path, GW_MAX_INPUT_SIZE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  doc = gw_import_text_data (data, len, path, error);
  if (doc)
    gw_document_set_source_path (doc, path);
  return doc;
}
