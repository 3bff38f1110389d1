/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-text"

#include "config.h"

#include <string.h>

#include "gw-date.h"
#include "gw-document.h"
#include "gw-import-line-private.h"
#include "gw-import-text.h"
#include "gw-letter.h"
#include "gw-numeral.h"

/* ---- lines --------------------------------------------------------------- */

gboolean
_gw_line_is_space (gunichar c)
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
      if (_gw_line_is_space (c))
        continue;
      if (!is_decoration_char (c))
        return FALSE;
      n++;
    }
  return n >= 3;
}

void
_gw_line_derive (GwLine *line)
{
  line->n_chars = g_utf8_strlen (line->text, line->len);
  if (line->len > 0 && is_decoration (line->text, line->len))
    {
      line->len = 0;
      line->n_chars = 0;
    }
  line->heading = 0;
  if (line->len > 0)
    {
      GwHeadingMarker m;
      /* A bare marker ("一、" or "1." alone on its line) is no heading. */
      if (gw_heading_marker_parse (line->text, &m) && line->len > m.length)
        line->heading = m.level;
    }
}

/* Splits @text (mutable) into lines, trims each and NUL-terminates the
 * trimmed text in place. */
GArray *
_gw_line_split_lines (char *text)
{
  GArray *lines = g_array_sized_new (FALSE, FALSE, sizeof (GwLine), 256);
  char *p = text;
  guint lineno = 0;

  for (;;)
    {
      char *eol = strchr (p, '\n');
      char *end = eol ? eol : p + strlen (p);
      char *s = p, *e = end;
      GwLine line;

      lineno++;
      line.column = 1;
      while (s < e)
        {
          if (*s == ' ' || *s == '\t')
            s++;
          else if ((guchar) *s >= 0x80 || g_ascii_isspace (*s))
            {
              gunichar c = g_utf8_get_char (s);
              if (!_gw_line_is_space (c))
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
          if (q == NULL || !_gw_line_is_space (g_utf8_get_char (q)))
            break;
          e = q;
        }
      *e = '\0';

      line.text = s;
      line.raw = p;
      line.len = e - s;
      line.lineno = lineno;
      line.flags = 0;
      _gw_line_derive (&line);
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

gboolean
_gw_line_has_prefix (const GwLine *l,
                     const char *prefix)
{
  return g_str_has_prefix (l->text, prefix);
}

gboolean
_gw_line_has_suffix (const GwLine *l,
                     const char *suffix)
{
  gsize n = strlen (suffix);
  return l->len >= n && memcmp (l->text + l->len - n, suffix, n) == 0;
}

gunichar
_gw_line_last_char (const GwLine *l)
{
  if (l->len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (l->text, l->text + l->len));
}

gboolean
_gw_line_is_final_punct (gunichar c)
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
gboolean
_gw_line_is_continuing_punct (gunichar c)
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
gboolean
_gw_line_is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A ||
         c == 0xFF0C || c == 0x3001 || c == '.' || c == ';' || c == ':' || c == ',';
}

gboolean
_gw_line_is_colon (gunichar c)
{
  return c == 0xFF1A || c == ':';
}

const char *
_gw_line_skip_spaces (const char *p)
{
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      if (!_gw_line_is_space (c))
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

static gboolean
is_digit_char (gunichar c)
{
  return gw_digit_value (c) >= 0;
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
      int v = gw_numeral_char_value (c);

      if (!is_digit_char (c) && (v < 0 || v > 10))
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

/* A date at @p: year 年 month 月 day 日, as Arabic or Chinese numerals;
 * a day that does not exist is still a date line (format.date says so). */
static gboolean
parse_date (const char  *p,
            const char **end)
{
  GwDate date;

  if (_gw_line_is_space (g_utf8_get_char (p)) ||
      gw_date_parse (p, GW_DATE_WORDS | GW_DATE_NUMERALS | GW_DATE_PREFIX, &date) == GW_DATE_NONE)
    return FALSE;
  *end = p + date.length;
  return TRUE;
}

gboolean
gw_import_text_is_date_line (const char *text)
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
gw_import_text_is_doc_number (const char *text,
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
      if (_gw_line_is_sentence_end (c) || c == 0xFF1A)
        return FALSE;
      if (!_gw_line_is_space (c))
        prefix++;
      if (prefix > 20)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  if (*p == '\0' || prefix == 0)
    return FALSE;
  p = _gw_line_skip_spaces (g_utf8_next_char (p));
  p = read_digits (p, &n);
  if (n != 4)
    return FALSE;
  p = _gw_line_skip_spaces (p);
  if (!is_close_bracket (g_utf8_get_char (p)))
    return FALSE;
  p = _gw_line_skip_spaces (g_utf8_next_char (p));
  if (expect (&p, "第"))
    p = _gw_line_skip_spaces (p);
  p = read_digits (p, &n);
  if (n < 1 || n > 6)
    return FALSE;
  p = _gw_line_skip_spaces (p);
  if (!expect (&p, "号"))
    return FALSE;
  if (length)
    *length = p - text;
  p = _gw_line_skip_spaces (p);
  return *p == '\0' || g_str_has_prefix (p, "签发人");
}

/* ---- tables --------------------------------------------------------------- */

gboolean
gw_import_text_is_table_row (const char *line)
{
  const char *s, *e, *tab;

  g_return_val_if_fail (line != NULL, FALSE);

  s = line;
  e = line + strlen (line);
  while (s < e && _gw_line_is_space (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s)
    {
      const char *q = g_utf8_find_prev_char (s, e);
      if (q == NULL || !_gw_line_is_space (g_utf8_get_char (q)))
        break;
      e = q;
    }
  /* trimmed, the line starts and ends with text: a tab inside it stands
   * between two cells, one leading or trailing is only indentation */
  tab = memchr (s, '\t', e - s);
  return tab != NULL;
}

guint
gw_import_text_table_run (const char * const *lines,
                          guint               n_lines)
{
  guint n = 0;

  g_return_val_if_fail (lines != NULL || n_lines == 0, 0);

  while (n < n_lines && lines[n] != NULL && gw_import_text_is_table_row (lines[n]))
    n++;
  return n >= 2 ? n : 0;
}

GPtrArray *
gw_import_text_table_rows (const char * const *lines,
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
          while (s < e && _gw_line_is_space (g_utf8_get_char (s)))
            {
              s = g_utf8_next_char (s);
              col++;
            }
          start = col;
          while (e > s)
            {
              const char *q = g_utf8_find_prev_char (s, e);
              if (q == NULL || !_gw_line_is_space (g_utf8_get_char (q)))
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


/* Column of a byte position inside a line's text. */
guint
_gw_line_column_at (const GwLine *l,
                    const char *p)
{
  return l->column + g_utf8_strlen (l->text, p - l->text);
}

/* Asked many times a line; parsed once in split_lines(). */
gboolean
_gw_line_is_heading (const GwLine *l)
{
  return l->heading > 0;
}

gboolean
_gw_line_is_copy_number (const GwLine *l)
{
  guint n;
  const char *end = read_digits (l->text, &n);
  return *end == '\0' && n >= 1 && n <= 8;
}

gboolean
_gw_line_is_classification (const GwLine *l)
{
  return (_gw_line_has_prefix (l, "绝密") || _gw_line_has_prefix (l, "机密") || _gw_line_has_prefix (l, "秘密")) &&
         l->n_chars <= 16;
}

gboolean
_gw_line_is_urgency (const GwLine *l)
{
  return (_gw_line_has_prefix (l, "特急") || _gw_line_has_prefix (l, "加急") || _gw_line_has_prefix (l, "特提") ||
          _gw_line_has_prefix (l, "平急")) && l->n_chars <= 4;
}


/* Reads "附件", an optional number (Arabic or Chinese) and an optional
 * colon at the start of @l; @rest receives what follows the colon. */
GwAttachmentLabel
_gw_line_attachment_label (const GwLine  *l,
                           guint       *number,
                           const char **rest)
{
  const char *p = l->text;
  const char *start, *end;
  guint n, value = 0;

  if (!expect (&p, "附件"))
    return LABEL_NONE;
  start = _gw_line_skip_spaces (p);
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
              value = value * 10 + gw_digit_value (c);
            }
        }
      else
        {
          double v = gw_numeral_parse (start, end - start, GW_NUMERAL_DEFAULT);
          if (v <= 0)
            return LABEL_NONE;
          value = (guint) v;
        }
    }
  p = _gw_line_skip_spaces (end);
  if (number)
    *number = value;
  if (*p == '\0')
    return LABEL_BARE;
  if (!_gw_line_is_colon (g_utf8_get_char (p)))
    return LABEL_NONE;
  if (rest)
    *rest = _gw_line_skip_spaces (g_utf8_next_char (p));
  return LABEL_COLON;
}

gboolean
_gw_line_is_attachment_marker (const GwLine *l,
                               guint      *number)
{
  return _gw_line_attachment_label (l, number, NULL) == LABEL_BARE;
}

/* "附件：…" (the 附件说明 after the body), also the "附件1：…" some write. */
gboolean
_gw_line_is_attachment_list_start (const GwLine *l)
{
  return _gw_line_attachment_label (l, NULL, NULL) == LABEL_COLON;
}

/* "附件1：标题" on one line: an attachment page with its title beside the
 * number; @title receives the title. */
gboolean
_gw_line_is_inline_attachment_page (const GwLine  *l,
                                    guint       *number,
                                    const char **title)
{
  guint value = 0;
  const char *rest = NULL;

  if (_gw_line_attachment_label (l, &value, &rest) != LABEL_COLON || value == 0 || *rest == '\0')
    return FALSE;
  if (number)
    *number = value;
  if (title)
    *title = rest;
  return TRUE;
}

/* Length of a list number "1．" "2." "3、" at @p (with following spaces), or 0. */
gsize
_gw_line_list_number_length (const char *p)
{
  guint n;
  const char *q = read_digits (p, &n);

  if (n == 0 || n > 3)
    return 0;
  q = _gw_line_skip_spaces (q);
  if ((*q == '.' || *q == ',') && !g_ascii_isdigit (q[1]))
    q++;
  else if (!expect (&q, "．") && !expect (&q, "、") && !expect (&q, "，"))
    return 0;
  return _gw_line_skip_spaces (q) - p;
}

/* "抄送：" or "主送：", spaces allowed between the two characters and
 * before the colon, as drafts space them out to fill the line. */
static gboolean
is_label (const GwLine  *l,
          const char  *first,
          const char  *second,
          const char **value)
{
  const char *p = l->text;

  if (!expect (&p, first))
    return FALSE;
  p = _gw_line_skip_spaces (p);
  if (!expect (&p, second))
    return FALSE;
  p = _gw_line_skip_spaces (p);
  if (!_gw_line_is_colon (g_utf8_get_char (p)))
    return FALSE;
  if (value)
    *value = _gw_line_skip_spaces (g_utf8_next_char (p));
  return TRUE;
}

gboolean
_gw_line_is_copy_to (const GwLine  *l,
                     const char **value)
{
  return is_label (l, "抄", "送", value);
}

gboolean
_gw_line_is_main_send (const GwLine  *l,
                       const char **value)
{
  return is_label (l, "主", "送", value);
}

/* "神木市人民政府办公室        2023年3月10日印发": finds the date. */
gboolean
_gw_line_is_printing_line (const GwLine  *l,
                           const char **date)
{
  const char *suffix;

  if (!_gw_line_has_suffix (l, "印发"))
    return FALSE;
  suffix = l->text + l->len - strlen ("印发");
  for (const char *p = l->text; p < suffix; p = g_utf8_next_char (p))
    {
      const char *end;
      if (parse_date (p, &end) && _gw_line_skip_spaces (end) == suffix)
        {
          if (date)
            *date = p;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_gw_line_is_note (const GwLine *l)
{
  return (_gw_line_has_prefix (l, "（") || _gw_line_has_prefix (l, "(")) &&
         (_gw_line_has_suffix (l, "）") || _gw_line_has_suffix (l, ")")) && !_gw_line_is_heading (l);
}

/* Lines that are their own element and never continue a paragraph. */
gboolean
_gw_line_is_element (const GwLine *l)
{
  return _gw_line_is_heading (l) || _gw_line_has_prefix (l, "附件") ||
         gw_import_text_is_date_line (l->text) || _gw_line_is_copy_to (l, NULL) ||
         _gw_line_is_printing_line (l, NULL);
}

/* An organ's name: what 发文机关标志 and 署名 lines hold. */
gboolean
_gw_line_looks_like_organ (const GwLine *l)
{
  return l->n_chars <= 40 && strstr (l->text, "关于") == NULL &&
         !_gw_line_is_sentence_end (_gw_line_last_char (l)) && !_gw_line_is_heading (l);
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

gboolean
_gw_line_ends_with_organ_suffix (const GwLine *l)
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
    if (_gw_line_is_sentence_end (g_utf8_get_char (p)))
      return FALSE;
  return has_organ_suffix (text, len);
}

/* Splits a line of organ names separated by spaces ("临川市民政局　临川市财政局
 * 文件") into @organs; "文件", alone or after a name, sets @suffix. Returns
 * FALSE, adding nothing, unless every piece is a name or "文件". With
 * @loose, a line that is one piece may be any organ-like text. */
gboolean
_gw_line_split_organs (const GwLine *l,
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

      while (q < end && !_gw_line_is_space (g_utf8_get_char (q)))
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
      p = _gw_line_skip_spaces (q);
    }
  if (found->len == 0 && !saw_suffix)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (organs, g_steal_pointer (&found->pdata[i]));
  if (saw_suffix)
    *suffix = TRUE;
  return TRUE;
}



static gboolean
ends_with_genre (const GwLine *l)
{
  static const char *genres[] = {
    "意见", "通知", "方案", "办法", "规定", "报告", "请示", "决定", "函", "纪要",
    "通报", "批复", "细则", "规划", "计划", "制度", "规则", "标准", "指引", "公告",
    "稿）", "稿)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (genres); i++)
    if (_gw_line_has_suffix (l, genres[i]))
      return TRUE;
  return FALSE;
}

gboolean
_gw_line_looks_like_title (const GwLine *l)
{
  gunichar c = _gw_line_last_char (l);

  return l->n_chars <= 80 && !_gw_line_is_sentence_end (c) && !_gw_line_is_heading (l) &&
         !_gw_line_is_element (l) && !gw_import_text_is_doc_number (l->text, NULL);
}

/* Whether @next, right under title line @prev, carries the title on. */
gboolean
_gw_line_continues_title (const GwLine *prev,
                          const GwLine *next)
{
  if (next->len == 0 || !_gw_line_looks_like_title (next) || next->n_chars > 60)
    return FALSE;
  return _gw_line_has_prefix (next, "关于") || _gw_line_has_prefix (next, "的") ||
         (_gw_line_is_note (next) && next->n_chars <= 12) ||
         (strstr (prev->text, "关于") == NULL && _gw_line_ends_with_organ_suffix (prev)) ||
         ends_with_genre (next);
}
