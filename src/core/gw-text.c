/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-text"

#include "config.h"

#include <string.h>

#include "gw-numeral.h"
#include "gw-text.h"

struct _GwTextMap
{
  GString *text;
  guint   *bytes;   /* byte offset of each normalised character */
  guint   *orig;    /* original character offset of each one */
  guint    n;       /* normalised characters */
  guint    cap;     /* room in bytes[] and orig[] */
  guint    n_orig;  /* original characters consumed */
};

GwTextMap *
gw_text_map_new (void)
{
  GwTextMap *map = g_new0 (GwTextMap, 1);

  map->text = g_string_new (NULL);
  return map;
}

void
gw_text_map_reserve (GwTextMap *map,
                     gsize      bytes)
{
  g_return_if_fail (map != NULL);

  if (map->text->allocated_len < map->text->len + bytes + 1)
    {
      gsize keep = map->text->len;
      g_string_set_size (map->text, keep + bytes);
      g_string_truncate (map->text, keep);
    }
  /* a character takes at least one byte */
  if (map->cap < map->n + bytes)
    {
      map->cap = map->n + bytes;
      map->bytes = g_renew (guint, map->bytes, map->cap);
      map->orig = g_renew (guint, map->orig, map->cap);
    }
}

void
gw_text_map_free (GwTextMap *map)
{
  if (map == NULL)
    return;
  g_string_free (map->text, TRUE);
  g_free (map->bytes);
  g_free (map->orig);
  g_free (map);
}

static gboolean
is_quote (gunichar c)
{
  switch (c)
    {
    case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0xFF02: case 0xFF07: case '"': case '\'':
    case 0x301D: case 0x301E: case 0x201E: case 0x00AB: case 0x00BB:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 ||
         c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0xFEFF ||
         c == 0x200B;
}

/* Chinese full-width punctuation that half-width ASCII folds to. */
static gunichar
full_width_of (gunichar c)
{
  switch (c)
    {
    case ',': return 0xFF0C;
    case ';': return 0xFF1B;
    case ':': return 0xFF1A;
    case '!': return 0xFF01;
    case '?': return 0xFF1F;
    case '(': return 0xFF08;
    case ')': return 0xFF09;
    default: return 0;
    }
}

/* Folds one character of text (not whitespace). */
static gunichar
fold_char (gunichar c)
{
  if (is_quote (c))
    return '"';
  if (c >= 0xFF01 && c <= 0xFF5E)
    {
      gunichar a = c - 0xFEE0;
      if (full_width_of (a) != 0)
        return c;
      return a;
    }
  if (c < 0x80)
    {
      gunichar f = full_width_of (c);
      return f ? f : c;
    }
  switch (c)
    {
    case 0xFF61: return 0x3002;   /* ｡ */
    case 0xFF64: return 0x3001;   /* ､ */
    case 0xFE50: return 0xFF0C;   /* small comma */
    case 0xFE51: return 0x3001;
    case 0xFE52: return '.';
    case 0xFE54: return 0xFF1B;
    case 0xFE55: return 0xFF1A;
    case 0xFE56: return 0xFF1F;
    case 0xFE57: return 0xFF01;
    default: return c;
    }
}

static gboolean
is_ascii_word (gunichar c)
{
  return c < 0x80 && (g_ascii_isalnum ((char) c) || c == '.' || c == '%' || c == '-' ||
                      c == '/' || c == '_' || c == '@' || c == '+');
}

static gboolean
closes_paragraph (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A;
}

/* Records that the next normalised character comes from original
 * character @orig and starts at the text's current end. */
static inline void
record_char (GwTextMap *map,
             guint      orig)
{
  if (G_UNLIKELY (map->n >= map->cap))
    {
      map->cap = MAX (64, map->cap * 2);
      map->bytes = g_renew (guint, map->bytes, map->cap);
      map->orig = g_renew (guint, map->orig, map->cap);
    }
  map->bytes[map->n] = map->text->len;
  map->orig[map->n] = orig;
  map->n++;
}

static inline void
emit (GwTextMap *map,
      gunichar   c,
      guint      orig)
{
  record_char (map, orig);
  if (c < 0x80)
    g_string_append_c (map->text, (char) c);
  else
    g_string_append_unichar (map->text, c);
}

/* A character copied as it is (its bytes at @p). */
static inline void
emit_raw (GwTextMap  *map,
          const char *p,
          gsize       n,
          guint       orig)
{
  GString *t = map->text;

  record_char (map, orig);
  /* GLib 2.74's g_string_append_len () is a call into the general insert;
   * the text is reserved ahead, so most characters are a plain copy. */
  if (t->len + n < t->allocated_len)
    {
      memcpy (t->str + t->len, p, n);
      t->len += n;
      t->str[t->len] = '\0';
    }
  else
    g_string_append_len (t, p, n);
}

static gunichar
last_char (GwTextMap *map)
{
  const char *p;

  if (map->text->len == 0)
    return 0;
  p = g_utf8_find_prev_char (map->text->str, map->text->str + map->text->len);
  return g_utf8_get_char (p);
}

void
gw_text_map_append (GwTextMap  *map,
                    const char *text,
                    gssize      len)
{
  const char *p, *end;

  g_return_if_fail (map != NULL);
  g_return_if_fail (text != NULL || len == 0);

  if (len < 0)
    len = strlen (text);
  p = text;
  end = text + len;

  while (p < end)
    {
      gunichar c;

      /* ASCII letters and digits and the common CJK characters go straight
       * through; everything else takes the careful road. */
      if ((guchar) *p < 0x80 && g_ascii_isalnum (*p))
        {
          emit (map, (guchar) *p, map->n_orig++);
          p++;
          continue;
        }
      /* The common CJK characters, U+4E00 to U+9FFF, are three bytes from
       * E4 B8 80 to E9 BF BF: read them without the general decoder. */
      if ((guchar) p[0] >= 0xE4 && (guchar) p[0] <= 0xE9 && end - p >= 3 &&
          ((guchar) p[1] & 0xC0) == 0x80 && ((guchar) p[2] & 0xC0) == 0x80 &&
          ((guchar) p[0] != 0xE4 || (guchar) p[1] >= 0xB8))
        {
          emit_raw (map, p, 3, map->n_orig++);
          p += 3;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c >= 0x4E00 && c <= 0x9FFF)
        {
          emit_raw (map, p, 3, map->n_orig++);
          p += 3;
          continue;
        }

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid bytes: keep the count going, emit a replacement. */
          emit (map, 0xFFFD, map->n_orig++);
          p++;
          continue;
        }

      if (is_space (c))
        {
          guint first = map->n_orig;
          guint newlines = 0;
          gunichar prev = last_char (map), next = 0;

          while (p < end)
            {
              gunichar s = g_utf8_get_char_validated (p, end - p);
              if (s == (gunichar) -1 || s == (gunichar) -2 || !is_space (s))
                break;
              if (s == '\n')
                newlines++;
              map->n_orig++;
              p = g_utf8_next_char (p);
            }
          if (p < end)
            {
              next = g_utf8_get_char_validated (p, end - p);
              if (next == (gunichar) -1 || next == (gunichar) -2)
                next = 0;
              else
                next = fold_char (next);
            }
          if (prev == 0 || prev == '\n' || next == 0)
            continue;
          if (newlines >= 2 || (newlines >= 1 && closes_paragraph (prev)))
            emit (map, '\n', first);
          else if (is_ascii_word (prev) && is_ascii_word (next))
            emit (map, ' ', first);
          continue;
        }

      if (c == ',')
        {
          /* 1,000 keeps its ASCII comma: it is not a clause end. */
          gunichar prev = last_char (map);
          const char *n = p + 1;
          if (prev < 0x80 && g_ascii_isdigit ((char) prev) && n < end && g_ascii_isdigit (*n))
            {
              emit (map, ',', map->n_orig++);
              p = n;
              continue;
            }
        }

      emit (map, fold_char (c), map->n_orig++);
      p = g_utf8_next_char (p);
    }
}

void
gw_text_map_append_break (GwTextMap *map,
                          guint      orig_chars)
{
  g_return_if_fail (map != NULL);

  if (map->text->len > 0 && map->text->str[map->text->len - 1] != '\n')
    emit (map, '\n', map->n_orig);
  map->n_orig += orig_chars;
}

GwTextMap *
gw_text_normalize (const char *text,
                   gssize      len)
{
  GwTextMap *map;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  map = gw_text_map_new ();
  gw_text_map_reserve (map, len < 0 ? strlen (text) : (gsize) len);
  gw_text_map_append (map, text, len);
  return map;
}

const char *
gw_text_map_get_text (GwTextMap *map,
                      gsize     *len)
{
  g_return_val_if_fail (map != NULL, NULL);

  if (len)
    *len = map->text->len;
  return map->text->str;
}

guint
gw_text_map_get_n_chars (GwTextMap *map)
{
  g_return_val_if_fail (map != NULL, 0);
  return map->n;
}

guint
gw_text_map_get_n_orig_chars (GwTextMap *map)
{
  g_return_val_if_fail (map != NULL, 0);
  return map->n_orig;
}

guint
gw_text_map_byte_to_char (GwTextMap *map,
                          gsize      byte)
{
  const guint *b;
  guint lo = 0, hi;

  g_return_val_if_fail (map != NULL, 0);

  if (byte >= map->text->len)
    return map->n;
  b = map->bytes;
  hi = map->n;
  /* last index with b[i] <= byte */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (b[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

gsize
gw_text_map_char_to_byte (GwTextMap *map,
                          guint      norm_char)
{
  g_return_val_if_fail (map != NULL, 0);

  if (norm_char >= map->n)
    return map->text->len;
  return map->bytes[norm_char];
}

guint
gw_text_map_to_original (GwTextMap *map,
                         guint      norm_char)
{
  g_return_val_if_fail (map != NULL, 0);

  if (norm_char >= map->n)
    return map->n_orig;
  return map->orig[norm_char];
}

void
gw_text_map_range_to_original (GwTextMap *map,
                               gsize      start,
                               gsize      end,
                               guint     *orig_offset,
                               guint     *orig_length)
{
  guint c0, c1, o0, o1;

  g_return_if_fail (map != NULL);

  c0 = gw_text_map_byte_to_char (map, start);
  c1 = gw_text_map_byte_to_char (map, end);
  o0 = gw_text_map_to_original (map, c0);
  o1 = c1 > c0 ? gw_text_map_to_original (map, c1 - 1) + 1 : o0;
  if (orig_offset)
    *orig_offset = o0;
  if (orig_length)
    *orig_length = o1 > o0 ? o1 - o0 : 0;
}

char *
gw_text_normalize_string (const char *text)
{
  g_autoptr(GwTextMap) map = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  map = gw_text_normalize (text, -1);
  return g_strndup (map->text->str, map->text->len);
}

char *
gw_text_normalize_pattern (const char *pattern)
{
  GString *out;
  int braces = 0;
  gboolean escaped = FALSE;

  g_return_val_if_fail (pattern != NULL, NULL);

  out = g_string_sized_new (strlen (pattern));
  for (const char *p = pattern; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '{')
            braces++;
          else if (c == '}' && braces > 0)
            braces--;
          else if (c == '\'')
            c = '"';
          else if (c == ',' && braces == 0)
            c = 0xFF0C;
          else if (c == ';')
            c = 0xFF1B;
          g_string_append_unichar (out, c);
          continue;
        }
      escaped = FALSE;
      g_string_append_unichar (out, fold_char (c));
    }
  return g_string_free (out, FALSE);
}

/* ---- splitting --------------------------------------------------------- */

gboolean
gw_text_is_delimiter (const char *p,
                      const char *text,
                      const char *end,
                      GwTextUnit  unit)
{
  gunichar c;

  if (*p == '\n')
    return TRUE;
  if (unit == GW_TEXT_PARAGRAPH)
    return FALSE;
  if ((guchar) *p < 0x80)
    return FALSE;
  c = g_utf8_get_char (p);
  switch (c)
    {
    case 0x3002: case 0xFF01: case 0xFF1F:
      return TRUE;
    case 0xFF0C: case 0xFF1B:
      return unit == GW_TEXT_CLAUSE;
    default:
      return FALSE;
    }
}

GArray *
gw_text_split (const char *text,
               gssize      len,
               GwTextUnit  unit)
{
  GArray *ranges;
  const char *p, *end, *start;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  ranges = g_array_new (FALSE, FALSE, sizeof (GwTextRange));
  if (len < 0)
    len = strlen (text);
  end = text + len;
  start = text;
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      if (gw_text_is_delimiter (p, text, end, unit))
        {
          if (p > start)
            {
              GwTextRange r = { start - text, p - text };
              g_array_append_val (ranges, r);
            }
          start = g_utf8_next_char (p);
        }
    }
  if (end > start)
    {
      GwTextRange r = { start - text, end - text };
      g_array_append_val (ranges, r);
    }
  return ranges;
}

/* ---- numbers ----------------------------------------------------------- */

static gboolean
has_prefix_at (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);
  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static gboolean
ends_with_before (const char *text,
                  const char *p,
                  const char *word)
{
  gsize n = strlen (word);
  return (gsize) (p - text) >= n && memcmp (p - n, word, n) == 0;
}

static gboolean
is_ideograph (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Whether a number word ends at @after: no ideograph follows, or one of
 * @ok does (分的, 四成以上, 一半左右), which goes on the sentence, not the
 * word. */
static gboolean
word_ends_at (const char *after,
              const char *end,
              const char *ok)
{
  gunichar next = after < end ? g_utf8_get_char (after) : 0;

  if (!is_ideograph (next))
    return TRUE;
  for (const char *o = ok; *o; o = g_utf8_next_char (o))
    if (g_utf8_get_char (o) == next)
      return TRUE;
  return FALSE;
}

/* Whether a weight word (权重为, 比重：…) stands just before @p. */
static gboolean
weight_word_before (const char *text,
                    const char *p)
{
  static const char *words[] = { "权重", "权值", "比重", "系数", "占比" };
  const char *q = p;

  /* skip one joining word: 为 是 ： */
  for (guint i = 0; i < 2; i++)
    {
      if (ends_with_before (text, q, "为") || ends_with_before (text, q, "是") ||
          ends_with_before (text, q, "："))
        q -= 3;
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (ends_with_before (text, q, words[i]))
      return TRUE;
  return FALSE;
}

/* Whether a fraction (0.4, 零点四) at @p..@after is a weight said in
 * other words: a weight word a few characters before it in the text (a
 * clause) — 权重确定为0.4, 权重为：价格0.4, 其他因素合计占0.6, 占总分的
 * 比例为0.45 — and no unit after it (0.4万元 is money). */
static gboolean
weight_fraction (const char *text,
                 const char *p,
                 const char *after,
                 const char *end)
{
  static const char *words[] = { "权重", "权值", "比重", "占比", "比例", "占" };
  const char *q = p;

  if (!word_ends_at (after, end, "的以计和与及左"))
    return FALSE;
  for (guint n = 0; n < 12 && q > text; n++)
    {
      q = g_utf8_prev_char (q);
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (has_prefix_at (q, p, words[i]))
          return TRUE;
    }
  return FALSE;
}

/* Sets unit and end from what follows the numeral at @p. */
static void
read_unit (GwNumber   *n,
           const char *text,
           const char *p,
           const char *end,
           gboolean    chinese,
           gboolean    digit_string,
           guint       n_arabic_digits)
{
  n->end = p - text;
  if (p < end && *p == '%')
    {
      n->unit = GW_NUMBER_PERCENT;
      n->end++;
      return;
    }
  if (has_prefix_at (p, end, "个百分点"))
    {
      n->unit = GW_NUMBER_PERCENT;
      n->end += strlen ("个百分点");
      return;
    }
  if (has_prefix_at (p, end, "分"))
    {
      const char *after = p + 3;
      gboolean points;

      if (has_prefix_at (after, end, "之") || has_prefix_at (after, end, "钟"))
        points = FALSE;
      else if (!chinese)
        points = TRUE;
      else
        points = word_ends_at (after, end, "的以为值计");
      if (points)
        {
          n->unit = GW_NUMBER_POINTS;
          n->end += 3;
          return;
        }
    }
  if (has_prefix_at (p, end, "年"))
    {
      gboolean calendar = chinese ? digit_string && n->value >= 1000
                                  : n_arabic_digits == 4 && n->value >= 1000;
      if (calendar)
        n->unit = GW_NUMBER_CALENDAR_YEAR;
      else if (n->value < 100)
        n->unit = GW_NUMBER_YEARS;
      else
        return;
      n->end += 3;
      return;
    }
  if (has_prefix_at (p, end, "个月"))
    {
      n->unit = GW_NUMBER_MONTHS;
      n->end += strlen ("个月");
      return;
    }
  if (has_prefix_at (p, end, "个多月"))
    {
      n->unit = GW_NUMBER_MONTHS;
      n->end += strlen ("个多月");
      return;
    }
  /* 四成: tenths, after a single digit (一成不变 is no share) */
  if (has_prefix_at (p, end, "成") && n->value >= 1 && n->value <= 9 && n->value == (int) n->value &&
      (chinese ? !digit_string : n_arabic_digits == 1))
    {
      if (word_ends_at (p + strlen ("成"), end, "的以左多计"))
        {
          n->unit = GW_NUMBER_PERCENT;
          n->value *= 10;
          n->end += strlen ("成");
          return;
        }
    }
  /* 一半: half */
  if (chinese && n->value == 1 && has_prefix_at (p, end, "半"))
    {
      if (word_ends_at (p + strlen ("半"), end, "的以左"))
        {
          n->unit = GW_NUMBER_PERCENT;
          n->value = 50;
          n->end += strlen ("半");
          return;
        }
    }
  if (!chinese && n->value > 0 && n->value <= 1 && weight_word_before (text, text + n->start))
    n->unit = GW_NUMBER_WEIGHT;
  else if (n->value > 0 && n->value < 1 && weight_fraction (text, text + n->start, p, end))
    n->unit = GW_NUMBER_WEIGHT;
}

/* 三分之一: a fraction, as a share in percent. @n holds the
 * denominator, read up to @p. */
static gboolean
fraction_after (GwNumber   *n,
                const char *text,
                const char *p,
                const char *end)
{
  const char *q = p + strlen ("分之"), *r = q;
  double numerator;

  if (!has_prefix_at (p, end, "分之") || n->value <= 0)
    return FALSE;
  while (r < end && gw_numeral_char_value (g_utf8_get_char (r)) >= 0 &&
         gw_numeral_char_value (g_utf8_get_char (r)) != 10000)
    r = g_utf8_next_char (r);
  numerator = r > q ? gw_numeral_parse (q, r - q, GW_NUMERAL_DIGITS | GW_NUMERAL_DECIMAL) : -1;
  if (numerator <= 0 || numerator > n->value)
    return FALSE;
  n->value = numerator / n->value * 100;
  n->unit = GW_NUMBER_PERCENT;
  n->end = r - text;
  return TRUE;
}

GArray *
gw_text_extract_numbers (const char *text,
                         gssize      len)
{
  GArray *numbers;
  const char *p, *end;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  numbers = g_array_new (FALSE, FALSE, sizeof (GwNumber));
  if (len < 0)
    len = strlen (text);
  end = text + len;
  p = text;

  while (p < end)
    {
      GwNumber n = { 0 };
      gboolean percent_prefix = FALSE;
      const char *num_start = p;

      if (has_prefix_at (p, end, "百分之"))
        {
          const char *q = p + strlen ("百分之");
          if (q < end && (g_ascii_isdigit (*q) || gw_numeral_char_value (g_utf8_get_char (q)) >= 0))
            {
              percent_prefix = TRUE;
              num_start = q;
            }
        }

      if (g_ascii_isdigit (*num_start) &&
          (num_start == text || percent_prefix || !g_ascii_isdigit (num_start[-1])))
        {
          const char *q = num_start;
          GString *digits = g_string_new (NULL);
          guint n_int = 0;

          while (q < end && (g_ascii_isdigit (*q) ||
                             (*q == ',' && q + 1 < end && g_ascii_isdigit (q[1]) && n_int > 0)))
            {
              if (*q != ',')
                {
                  g_string_append_c (digits, *q);
                  n_int++;
                }
              q++;
            }
          if (q + 1 < end && *q == '.' && g_ascii_isdigit (q[1]))
            {
              g_string_append_c (digits, '.');
              q++;
              while (q < end && g_ascii_isdigit (*q))
                g_string_append_c (digits, *q++);
            }
          n.value = g_ascii_strtod (digits->str, NULL);
          g_string_free (digits, TRUE);
          n.start = p - text;
          n.ordinal = ends_with_before (text, p, "第");
          if (percent_prefix)
            {
              n.unit = GW_NUMBER_PERCENT;
              n.end = q - text;
            }
          else
            read_unit (&n, text, q, end, FALSE, FALSE, n_int);
          g_array_append_val (numbers, n);
          p = text + n.end;
          continue;
        }

      if ((guchar) *num_start >= 0x80)
        {
          gunichar c = g_utf8_get_char (num_start);
          int v = gw_numeral_char_value (c);

          /* A numeral starts with a digit or 十 (百/千/万 alone are words). */
          if (v >= 0 && (v <= 10))
            {
              const char *q = num_start;
              gboolean has_mult = FALSE;
              guint n_dig = 0;

              while (q < end)
                {
                  int w = gw_numeral_char_value (g_utf8_get_char (q));
                  if (w == -1)
                    break;
                  if (w == -2)
                    {
                      const char *r = g_utf8_next_char (q);
                      int x = r < end ? gw_numeral_char_value (g_utf8_get_char (r)) : -1;
                      if (x < 0 || x > 9)
                        break;
                    }
                  if (w >= 10)
                    has_mult = TRUE;
                  else if (w >= 0)
                    n_dig++;
                  q = g_utf8_next_char (q);
                }
              n.value = gw_numeral_parse (num_start, q - num_start, GW_NUMERAL_DIGITS | GW_NUMERAL_DECIMAL);
              if (n.value >= 0)
                {
                  n.start = p - text;
                  n.ordinal = ends_with_before (text, p, "第");
                  if (percent_prefix)
                    {
                      n.unit = GW_NUMBER_PERCENT;
                      n.end = q - text;
                    }
                  else if (!fraction_after (&n, text, q, end))
                    read_unit (&n, text, q, end, TRUE, !has_mult && n_dig > 1, 0);
                  g_array_append_val (numbers, n);
                  p = text + n.end;
                  continue;
                }
              p = q;
              continue;
            }
        }
      p = g_utf8_next_char (p);
    }
  return numbers;
}

/* ---- width --------------------------------------------------------------- */

gunichar
gw_unichar_fold_width (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFF01 + 0x21;
  if (c == 0x3000)
    return ' ';
  return c;
}

char *
gw_text_fold_width (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (out, gw_unichar_fold_width (g_utf8_get_char (p)));
  return g_string_free (out, FALSE);
}

gboolean
gw_unichar_is_space (gunichar c)
{
  /* U+3000 is a space separator (Zs), so GLib's test takes it in; named
   * here so that no caller wonders */
  return g_unichar_isspace (c) || c == 0x3000;
}

const char *
gw_text_skip_indent (const char *text)
{
  for (;;)
    {
      if (*text == ' ' || *text == '\t')
        text++;
      else if (g_str_has_prefix (text, "\u3000"))
        text += strlen ("\u3000");
      else
        return text;
    }
}

gboolean
gw_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!gw_unichar_is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
