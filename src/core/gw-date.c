/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-date"

#include "config.h"

#include <string.h>

#include "gw-date.h"
#include "gw-numeral.h"
#include "gw-text.h"

static const char *
skip_spaces (const char *p,
             GwDate     *date)
{
  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || !gw_unichar_is_space (c))
        return p;
      date->flaws |= GW_DATE_FLAW_SPACES;
      p = g_utf8_next_char (p);
    }
}

/* A run of Arabic digits (ASCII or full-width), of @min to @max of them. */
static gboolean
read_arabic (const char **p,
             guint        min,
             guint        max,
             guint       *value,
             GwDate      *date)
{
  const char *q = *p;
  guint n = 0, v = 0;
  gboolean zero = FALSE;

  for (;;)
    {
      gunichar c = g_utf8_get_char (q);
      int d = gw_digit_value (c);

      if (d < 0)
        break;
      if (n == 0 && d == 0)
        zero = TRUE;
      if (c >= 0xFF10)
        date->flaws |= GW_DATE_FLAW_FULL_WIDTH;
      v = v * 10 + d;
      n++;
      q = g_utf8_next_char (q);
      if (n > max)
        return FALSE;
    }
  if (n < min)
    return FALSE;
  if (zero && n > 1 && max == 2)
    date->flaws |= GW_DATE_FLAW_LEADING_ZERO;
  *value = v;
  *p = q;
  return TRUE;
}

/* A run of Chinese numerals: a year digit by digit (二〇二三, four of them),
 * a month or day as counted (十二, 三十一: one to three of them). */
static gboolean
read_chinese (const char **p,
              gboolean     year,
              guint       *value)
{
  const char *q = *p;
  guint n = 0;
  double v;

  for (;;)
    {
      int d = gw_numeral_char_value (g_utf8_get_char (q));

      if (d < 0 || d > 10 || (year && d == 10))
        break;
      n++;
      q = g_utf8_next_char (q);
    }
  if (year ? n != 4 : (n < 1 || n > 3))
    return FALSE;
  v = gw_numeral_parse (*p, q - *p, year ? GW_NUMERAL_DIGITS : GW_NUMERAL_DEFAULT);
  if (v < 0)
    return FALSE;
  *value = (guint) v;
  *p = q;
  return TRUE;
}

static gboolean
read_part (const char **p,
           gboolean     year,
           gboolean     chinese,
           guint       *value,
           GwDate      *date)
{
  if (chinese)
    return read_chinese (p, year, value);
  return year ? read_arabic (p, 4, 4, value, date) : read_arabic (p, 1, 2, value, date);
}

/* Steps over the sign @word (年, 月, 日) at *@p. */
static gboolean
sign (const char **p,
      const char  *word)
{
  if (!g_str_has_prefix (*p, word))
    return FALSE;
  *p += strlen (word);
  return TRUE;
}

static char
separator_at (const char *p)
{
  return (*p == '-' || *p == '/' || *p == '.') ? *p : 0;
}

GwDateResult
gw_date_parse (const char  *text,
               GwDateFlags  flags,
               GwDate      *date)
{
  const char *p;
  gboolean chinese;
  GwDate d = { 0 };

  g_return_val_if_fail (text != NULL, GW_DATE_NONE);
  g_return_val_if_fail (date != NULL, GW_DATE_NONE);

  p = skip_spaces (text, &d);
  chinese = gw_digit_value (g_utf8_get_char (p)) < 0;
  if (chinese && !(flags & GW_DATE_NUMERALS))
    return GW_DATE_NONE;
  if (!read_part (&p, TRUE, chinese, &d.year, &d))
    return GW_DATE_NONE;
  if (chinese)
    d.flaws |= GW_DATE_FLAW_CHINESE_NUMERALS;

  if (!chinese && (flags & GW_DATE_SEPARATED) && (d.separator = separator_at (p)) != 0)
    {
      p++;
      if (!read_arabic (&p, 1, 2, &d.month, &d) || *p != d.separator)
        return GW_DATE_NONE;
      p++;
      if (!read_arabic (&p, 1, 2, &d.day, &d))
        return GW_DATE_NONE;
      /* 2023-03-10 is how ISO 8601 writes it: no flaw there */
      d.flaws &= ~GW_DATE_FLAW_LEADING_ZERO;
      d.flaws |= GW_DATE_FLAW_SEPARATOR;
    }
  else if (flags & GW_DATE_WORDS)
    {
      p = skip_spaces (p, &d);
      if (!sign (&p, "年"))
        return GW_DATE_NONE;
      p = skip_spaces (p, &d);
      if (!read_part (&p, FALSE, chinese, &d.month, &d))
        return GW_DATE_NONE;
      p = skip_spaces (p, &d);
      if (!sign (&p, "月"))
        return GW_DATE_NONE;
      p = skip_spaces (p, &d);
      if (!read_part (&p, FALSE, chinese, &d.day, &d))
        return GW_DATE_NONE;
      {
        GwDateFlaws before = d.flaws;
        const char *q = skip_spaces (p, &d);

        if (sign (&q, "日"))
          p = q;
        else if ((flags & GW_DATE_DAY_SIGN_OPTIONAL) && *p == '\0')
          {
            d.flaws = before | GW_DATE_FLAW_NO_DAY_SIGN;
          }
        else
          return GW_DATE_NONE;
      }
    }
  else
    return GW_DATE_NONE;

  if (!(flags & GW_DATE_PREFIX) && *p != '\0')
    return GW_DATE_NONE;
  d.length = p - text;
  *date = d;
  if (d.year < 1 || !g_date_valid_dmy ((GDateDay) MIN (d.day, 255), (GDateMonth) MIN (d.month, 13),
                                       (GDateYear) MIN (d.year, 65535)))
    return GW_DATE_INVALID;
  return GW_DATE_VALID;
}
