/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-numeral"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-numeral.h"

#define POINT (-2)

int
gw_numeral_char_value (gunichar c)
{
  switch (c)
    {
    case 0x96F6: case 0x3007: case 0x25CB: return 0;   /* 零 〇 ○ (typed for 〇) */
    case 0x4E00: case 0x58F9: return 1;                /* 一 壹 */
    case 0x4E8C: case 0x4E24: case 0x8D30: return 2;   /* 二 两 贰 */
    case 0x4E09: case 0x53C1: return 3;                /* 三 叁 */
    case 0x56DB: case 0x8086: return 4;                /* 四 肆 */
    case 0x4E94: case 0x4F0D: return 5;                /* 五 伍 */
    case 0x516D: case 0x9646: return 6;                /* 六 陆 */
    case 0x4E03: case 0x67D2: return 7;                /* 七 柒 */
    case 0x516B: case 0x634C: return 8;                /* 八 捌 */
    case 0x4E5D: case 0x7396: return 9;                /* 九 玖 */
    case 0x5341: case 0x62FE: return 10;               /* 十 拾 */
    case 0x767E: case 0x4F70: return 100;              /* 百 佰 */
    case 0x5343: case 0x4EDF: return 1000;             /* 千 仟 */
    case 0x4E07: return 10000;                         /* 万 */
    case 0x4EBF: return 100000000;                     /* 亿 */
    case 0x70B9: return POINT;                         /* 点 */
    default: return -1;
    }
}

int
gw_digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

/* The positional form: digits before units that descend within a 万
 * section (千 百 十), 万 and 亿 closing sections, 零 only for a gap before
 * a digit, a bare 十 only where a section starts (十二, 一万十二 is not). */
static double
parse_positional (const char *p,
                  const char *end)
{
  double total = 0, wan = 0, section = 0;
  int pending = -1, last_unit = 10000;
  gboolean gap = FALSE, any = FALSE, has_wan = FALSE, has_yi = FALSE;

  for (; p < end; p = g_utf8_next_char (p))
    {
      int v = gw_numeral_char_value (g_utf8_get_char (p));

      if (v < 0)
        return -1;
      if (v == 0)
        {
          /* 零 alone is zero; else it stands for a gap before a digit */
          if (pending >= 0 || gap)
            return -1;
          if (!any && g_utf8_next_char (p) == end)
            return 0;
          if (!any)
            return -1;
          gap = TRUE;
          continue;
        }
      if (v <= 9)
        {
          if (pending >= 0)
            return -1;
          pending = v;
          gap = FALSE;
          any = TRUE;
          continue;
        }
      if (v < 10000)
        {
          if (v >= last_unit || gap)
            return -1;
          if (pending < 0 && (v != 10 || section != 0))
            return -1;
          section += (pending < 0 ? 1 : pending) * v;
          last_unit = v;
        }
      else if (v == 10000)
        {
          if (has_wan || (section == 0 && pending < 0) || gap)
            return -1;
          wan = (section + MAX (pending, 0)) * 10000;
          section = 0;
          has_wan = TRUE;
          last_unit = 10000;
        }
      else
        {
          if (has_yi || (wan == 0 && section == 0 && pending < 0) || gap)
            return -1;
          total = (wan + section + MAX (pending, 0)) * 100000000.0;
          wan = section = 0;
          has_wan = FALSE;
          has_yi = TRUE;
          last_unit = 10000;
        }
      pending = -1;
      any = TRUE;
    }
  if (gap || !any)
    return -1;
  return total + wan + section + MAX (pending, 0);
}

double
gw_numeral_parse (const char     *text,
                  gssize          len,
                  GwNumeralFlags  flags)
{
  const char *end, *point = NULL;
  double value, frac = 0, scale = 0.1;
  gboolean only_digits = TRUE;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL || len == 0, -1);

  if (len < 0)
    len = strlen (text);
  end = text + len;
  if (len == 0)
    return -1;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      int v = gw_numeral_char_value (g_utf8_get_char (p));

      if (v == POINT && point == NULL && (flags & GW_NUMERAL_DECIMAL))
        {
          point = p;
          break;
        }
      if (v < 0 || v > 9)
        only_digits = FALSE;
      n_chars++;
    }
  if (point != NULL)
    {
      const char *q = g_utf8_next_char (point);

      if (point == text || q == end)
        return -1;
      for (; q < end; q = g_utf8_next_char (q))
        {
          int v = gw_numeral_char_value (g_utf8_get_char (q));

          if (v < 0 || v > 9)
            return -1;
          frac += v * scale;
          scale /= 10;
        }
      end = point;
    }

  /* 二〇二四: a string of digits, as years are written */
  if (only_digits && n_chars > 1)
    {
      if (!(flags & GW_NUMERAL_DIGITS))
        return -1;
      value = 0;
      for (const char *p = text; p < end; p = g_utf8_next_char (p))
        value = value * 10 + gw_numeral_char_value (g_utf8_get_char (p));
      return value + frac;
    }
  value = parse_positional (text, end);
  return value < 0 ? -1 : value + frac;
}

static void
append_section (GString        *s,
                guint           n,
                gboolean        leading,
                GwNumeralFlags  flags)
{
  static const char *plain[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  static const char *money[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
  static const char *plain_units[] = { "千", "百", "十", "" };
  static const char *money_units[] = { "仟", "佰", "拾", "" };
  gboolean financial = (flags & GW_NUMERAL_FINANCIAL) != 0;
  const char **digits = financial ? money : plain;
  const char **units = financial ? money_units : plain_units;
  guint div = 1000;
  gboolean zero = FALSE, started = FALSE;

  for (guint i = 0; i < 4; i++, div /= 10)
    {
      guint d = (n / div) % 10;

      if (d == 0)
        {
          zero = started;
          continue;
        }
      if (zero)
        g_string_append (s, digits[0]);
      zero = FALSE;
      /* 十二, not 一十二, at the head of the number; 壹拾 always */
      if (!(i == 2 && d == 1 && leading && !started && !financial))
        g_string_append (s, digits[d]);
      g_string_append (s, units[i]);
      started = TRUE;
    }
}

char *
gw_numeral_format (guint64        n,
                   GwNumeralFlags flags)
{
  static const char *big[] = { "", "万", "亿" };
  GString *s;
  guint parts[3];
  guint n_parts = 0;
  gboolean written = FALSE, gap = FALSE;

  if (n == 2 && (flags & GW_NUMERAL_COUNT))
    return g_strdup ("两");
  if (n == 0)
    return g_strdup ("零");
  /* up to 9999亿; larger numbers stay Arabic */
  if (n >= G_GUINT64_CONSTANT (1000000000000))
    return g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  for (guint64 m = n; m > 0; m /= 10000)
    parts[n_parts++] = m % 10000;
  s = g_string_new (NULL);
  for (guint i = n_parts; i-- > 0;)
    {
      if (parts[i] == 0)
        {
          gap = written;
          continue;
        }
      /* 一万零五, 一亿零五十万: one 零 for a gap, however long */
      if (written && (gap || parts[i] < 1000))
        g_string_append (s, "零");
      append_section (s, parts[i], !written, flags);
      g_string_append (s, big[i]);
      written = TRUE;
      gap = FALSE;
    }
  return g_string_free (s, FALSE);
}

char *
gw_number_format (double value,
                  int    decimals)
{
  char buf[400];   /* %.9f of the largest double */
  char *end;

  if (isnan (value))
    return g_strdup ("NAN");
  if (isinf (value))
    return g_strdup (value > 0 ? "INF" : "-INF");
  if (decimals < 0)
    {
      /* the shortest of %.15g and %.17g that reads back the same: 86.5
       * stays 86.5 and 0.1 stays 0.1, but no value is lost */
      g_ascii_formatd (buf, sizeof buf, "%.15g", value);
      if (g_ascii_strtod (buf, NULL) != value)
        g_ascii_formatd (buf, sizeof buf, "%.17g", value);
      return g_strdup (buf);
    }
  decimals = MIN (decimals, 9);
  {
    double scale = pow (10, decimals);
    char format[8];

    /* round half away from zero, as people round a score, and never -0 */
    value = round (value * scale) / scale;
    if (value == 0.0)
      value = 0.0;
    g_snprintf (format, sizeof format, "%%.%df", decimals);
    g_ascii_formatd (buf, sizeof buf, format, value);
  }
  if (strchr (buf, '.') != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (buf);
}

char *
gw_number_format_fixed (double value,
                        guint  decimals)
{
  char buf[400];   /* %.9f of the largest double */
  char format[8];

  if (!isfinite (value))
    return gw_number_format (value, -1);
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}
