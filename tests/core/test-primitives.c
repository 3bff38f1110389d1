/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "gw-block.h"
#include "gw-date.h"
#include "gw-numeral.h"
#include "gw-text.h"

/* The Chinese-text primitives, one home each (docs/text-primitives.md):
 * numerals both ways, numbers for output, dates, width folding and
 * heading markers. */

static void
test_numeral_parse (void)
{
  static const struct {
    const char     *text;
    GwNumeralFlags  flags;
    double          value;
  } cases[] = {
    { "三", 0, 3 },
    { "十", 0, 10 },
    { "十二", 0, 12 },
    { "一十二", 0, 12 },
    { "二十", 0, 20 },
    { "两十", 0, 20 },
    { "九十九", 0, 99 },
    { "两", 0, 2 },
    { "〇", 0, 0 },
    { "零", 0, 0 },
    { "一百", 0, 100 },
    { "一百零五", 0, 105 },
    { "一百一十", 0, 110 },
    { "一千零一十", 0, 1010 },
    { "一万二千", 0, 12000 },
    { "三万五千", 0, 35000 },
    { "十万", 0, 100000 },
    { "五千万", 0, 50000000 },
    { "一亿", 0, 100000000 },
    { "一亿零五十万", 0, 100500000 },
    { "壹佰贰拾叁", 0, 123 },             /* financial */
    { "贰拾", 0, 20 },
    { "玖仟玖佰玖拾玖", 0, 9999 },
    { "二〇二四", GW_NUMERAL_DIGITS, 2024 },
    { "二○二四", GW_NUMERAL_DIGITS, 2024 },  /* ○ typed for 〇 */
    { "一二", GW_NUMERAL_DIGITS, 12 },
    { "二〇二四", 0, -1 },                 /* a digit string only when asked */
    { "一二", 0, -1 },
    { "三点五", GW_NUMERAL_DECIMAL, 3.5 },
    { "十五点二五", GW_NUMERAL_DECIMAL, 15.25 },
    { "三点五", 0, -1 },
    { "点五", GW_NUMERAL_DECIMAL, -1 },
    { "三点", GW_NUMERAL_DECIMAL, -1 },
    { "三点十", GW_NUMERAL_DECIMAL, -1 },
    { "十零", 0, -1 },                     /* 零 only for a gap */
    { "零十", 0, -1 },
    { "一百零", 0, -1 },
    { "十十", 0, -1 },                     /* units descend */
    { "百十千", 0, -1 },
    { "一百二百", 0, -1 },
    { "万", 0, -1 },
    { "一万万", 0, -1 },
    { "甲", 0, -1 },
    { "abc", 0, -1 },
    { "", 0, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpfloat (gw_numeral_parse (cases[i].text, -1, cases[i].flags), ==, cases[i].value);
    }
  /* @len bounds the text */
  g_assert_cmpfloat (gw_numeral_parse ("十二月", strlen ("十二"), 0), ==, 12);
  g_assert_cmpfloat (gw_numeral_parse ("十二月", -1, 0), ==, -1);
}

static void
test_numeral_format (void)
{
  static const struct {
    guint64         n;
    GwNumeralFlags  flags;
    const char     *text;
  } cases[] = {
    { 0, 0, "零" },
    { 1, 0, "一" },
    { 2, 0, "二" },
    { 2, GW_NUMERAL_COUNT, "两" },
    { 3, GW_NUMERAL_COUNT, "三" },
    { 10, 0, "十" },
    { 12, 0, "十二" },
    { 20, 0, "二十" },
    { 99, 0, "九十九" },
    { 100, 0, "一百" },
    { 105, 0, "一百零五" },
    { 110, 0, "一百一十" },
    { 1010, 0, "一千零一十" },
    { 1500, 0, "一千五百" },
    { 10000, 0, "一万" },
    { 10012, 0, "一万零一十二" },
    { 12000, 0, "一万二千" },
    { 100500000, 0, "一亿零五十万" },
    { 100000005, 0, "一亿零五" },
    { 999999999999, 0, "九千九百九十九亿九千九百九十九万九千九百九十九" },
    { 1000000000000, 0, "1000000000000" },   /* past 9999亿: Arabic */
    { 10, GW_NUMERAL_FINANCIAL, "壹拾" },
    { 123, GW_NUMERAL_FINANCIAL, "壹佰贰拾叁" },
    { 20005, GW_NUMERAL_FINANCIAL, "贰万零伍" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gw_numeral_format (cases[i].n, cases[i].flags);

      g_assert_cmpstr (text, ==, cases[i].text);
      /* and what is written reads back */
      if (cases[i].n < 1000000000000 && !(cases[i].flags & GW_NUMERAL_COUNT))
        g_assert_cmpfloat (gw_numeral_parse (text, -1, 0), ==, (double) cases[i].n);
    }
}

static void
test_number_format (void)
{
  static const struct {
    double      value;
    int         decimals;
    const char *text;
  } cases[] = {
    { 5, 2, "5" },
    { 4.5, 2, "4.5" },
    { 87.25, 2, "87.25" },
    { 87.256, 2, "87.26" },
    { 0.125, 2, "0.13" },            /* half away from zero */
    { -0.001, 2, "0" },              /* never -0 */
    { -4.5, 1, "-4.5" },
    { 15, 1, "15" },
    { 86.5, 1, "86.5" },
    { 1000000, 0, "1000000" },       /* never 1e+06 */
    { 1000000, -1, "1000000" },
    { 0.1, -1, "0.1" },
    { 86.5, -1, "86.5" },
    { 1.0 / 3, -1, "0.33333333333333331" },
    { 123456789012, -1, "123456789012" },
    { INFINITY, -1, "INF" },
    { -INFINITY, 2, "-INF" },
    { NAN, 0, "NAN" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gw_number_format (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *a = gw_number_format_fixed (4, 1);
    g_autofree char *b = gw_number_format_fixed (63.0, 2);
    g_autofree char *c = gw_number_format_fixed (0.125, 2);

    g_assert_cmpstr (a, ==, "4.0");
    g_assert_cmpstr (b, ==, "63.00");
    g_assert_cmpstr (c, ==, "0.12");   /* as %.2f rounds */
  }
}

static void
test_digit_value (void)
{
  g_assert_cmpint (gw_digit_value ('0'), ==, 0);
  g_assert_cmpint (gw_digit_value ('9'), ==, 9);
  g_assert_cmpint (gw_digit_value (0xFF10), ==, 0);   /* ０ */
  g_assert_cmpint (gw_digit_value (0xFF19), ==, 9);   /* ９ */
  g_assert_cmpint (gw_digit_value ('a'), ==, -1);
  g_assert_cmpint (gw_digit_value (0x4E00), ==, -1);  /* 一 */
}

static void
test_date_parse (void)
{
  /* flags as bits: 1 words, 2 separated, 4 numerals, 8 prefix, 16 日 optional */
  G_STATIC_ASSERT (GW_DATE_WORDS == 1 && GW_DATE_SEPARATED == 2 && GW_DATE_NUMERALS == 4 &&
                   GW_DATE_PREFIX == 8 && GW_DATE_DAY_SIGN_OPTIONAL == 16);
  static const struct {
    const char   *text;
    int           flags;   /* GwDateFlags, set below as bits */
    GwDateResult  result;
    guint         y, m, d;
    GwDateFlaws   flaws;
    gsize         length;  /* 0: the whole text */
  } cases[] = {
    { "2023年3月10日", 1, GW_DATE_VALID, 2023, 3, 10, 0, 0 },
    { "2023年03月10日", 1, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_LEADING_ZERO, 0 },
    { "2023年3月01日", 1, GW_DATE_VALID, 2023, 3, 1, GW_DATE_FLAW_LEADING_ZERO, 0 },
    { "2023 年 3 月 10 日", 1, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_SPACES, 0 },
    { " 2023年3月10日", 1, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_SPACES, 0 },
    { "２０２３年３月１０日", 1, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_FULL_WIDTH, 0 },
    { "２０２３年０３月１０日", 1, GW_DATE_VALID, 2023, 3, 10,
      GW_DATE_FLAW_FULL_WIDTH | GW_DATE_FLAW_LEADING_ZERO, 0 },
    { "2023年2月30日", 1, GW_DATE_INVALID, 2023, 2, 30, 0, 0 },
    { "2023年13月1日", 1, GW_DATE_INVALID, 2023, 13, 1, 0, 0 },
    { "0000年1月1日", 1, GW_DATE_INVALID, 0, 1, 1, 0, 0 },
    { "二〇二三年三月十日", 1, GW_DATE_NONE, 0, 0, 0, 0, 0 },   /* numerals not asked for */
    { "二〇二三年三月十日", 1 | 4, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_CHINESE_NUMERALS, 0 },
    { "二○二三年十二月三十一日", 1 | 4, GW_DATE_VALID, 2023, 12, 31, GW_DATE_FLAW_CHINESE_NUMERALS, 0 },
    { "二〇二三年二月三十日", 1 | 4, GW_DATE_INVALID, 2023, 2, 30, GW_DATE_FLAW_CHINESE_NUMERALS, 0 },
    { "2023-3-10", 1, GW_DATE_NONE, 0, 0, 0, 0, 0 },              /* separators not asked for */
    { "2023-3-10", 2, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_SEPARATOR, 0 },
    { "2023-03-10", 2, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_SEPARATOR, 0 },
    { "2023/3/10", 2, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_SEPARATOR, 0 },
    { "2023.3.10", 2, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_SEPARATOR, 0 },
    { "2023-3/10", 2, GW_DATE_NONE, 0, 0, 0, 0, 0 },              /* one separator throughout */
    { "2023年3月10", 1 | 16, GW_DATE_VALID, 2023, 3, 10, GW_DATE_FLAW_NO_DAY_SIGN, 0 },
    { "2023年3月10", 1, GW_DATE_NONE, 0, 0, 0, 0, 0 },
    { "2023年3月10日印发", 1, GW_DATE_NONE, 0, 0, 0, 0, 0 },       /* nothing may follow */
    { "2023年3月10日印发", 1 | 8, GW_DATE_VALID, 2023, 3, 10, 0, strlen ("2023年3月10日") },
    { "23年3月10日", 1, GW_DATE_NONE, 0, 0, 0, 0, 0 },             /* the year in full */
    { "2023年123月10日", 1, GW_DATE_NONE, 0, 0, 0, 0, 0 },
    { "三月十日", 1 | 4, GW_DATE_NONE, 0, 0, 0, 0, 0 },
    { "", 1 | 2 | 4, GW_DATE_NONE, 0, 0, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GwDate date = { 0 };
      GwDateResult result = gw_date_parse (cases[i].text, (GwDateFlags) cases[i].flags, &date);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (result, ==, cases[i].result);
      if (result == GW_DATE_NONE)
        continue;
      g_assert_cmpuint (date.year, ==, cases[i].y);
      g_assert_cmpuint (date.month, ==, cases[i].m);
      g_assert_cmpuint (date.day, ==, cases[i].d);
      g_assert_cmpuint (date.flaws, ==, cases[i].flaws);
      g_assert_cmpuint (date.length, ==, cases[i].length ? cases[i].length : strlen (cases[i].text));
    }
}

static void
test_fold_width (void)
{
  static const struct { const char *text, *folded; } cases[] = {
    { "１２３", "123" },
    { "１２．５％", "12.5%" },
    { "－３", "-3" },
    { "ＡＢＣａｂｃ", "ABCabc" },
    { "（１）", "(1)" },
    { "　x　", " x " },            /* the ideographic space */
    { "中文，。", "中文,。" },      /* only the FF01–FF5E block: 。 is no full-width form */
    { "plain", "plain" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = gw_text_fold_width (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
  g_assert_cmpuint (gw_unichar_fold_width (0xFF10), ==, '0');
  g_assert_cmpuint (gw_unichar_fold_width (0x3000), ==, ' ');
  g_assert_cmpuint (gw_unichar_fold_width (0x4E00), ==, 0x4E00);
}

static void
test_blank (void)
{
  static const struct { const char *text; gboolean blank; } cases[] = {
    { NULL, TRUE },
    { "", TRUE },
    { " \t\r\n", TRUE },
    { "　　", TRUE },               /* ideographic spaces, a paragraph's indent */
    { "\xc2\xa0", TRUE },          /* no-break space, pasted from Word */
    { "　x", FALSE },
    { "。", FALSE },
    { "\xe2\x80\x8b", FALSE },    /* a zero-width space is a format character, not space */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (gw_text_is_blank (cases[i].text), ==, cases[i].blank);
  g_assert_true (gw_unichar_is_space (0x3000));
  g_assert_false (gw_unichar_is_space (0x4E00));
}

static void
test_skip_indent (void)
{
  static const struct { const char *text; const char *rest; } cases[] = {
    { "", "" },
    { "正文", "正文" },
    { "　　正文", "正文" },
    { " \t　一、总体要求", "一、总体要求" },  /* every indent a draft brings */
    { "　　", "" },
    { "正　文", "正　文" },                    /* inside the text it stays */
    { "\xc2\xa0正文", "\xc2\xa0正文" },        /* a no-break space is not an indent */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (gw_text_skip_indent (cases[i].text), ==, cases[i].rest);
}

static void
test_heading_marker_text (void)
{
  static const struct { guint level, number; const char *text; } cases[] = {
    { 1, 1, "一、" },
    { 1, 12, "十二、" },
    { 2, 3, "（三）" },
    { 2, 20, "（二十）" },
    { 3, 4, "4." },
    { 4, 5, "（5）" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gw_heading_marker_text (cases[i].level, cases[i].number);
      GwHeadingMarker marker;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* the reader takes it for the same marker, well formed */
      g_assert_true (gw_heading_marker_parse (text, &marker));
      g_assert_cmpuint (marker.level, ==, cases[i].level);
      g_assert_cmpuint (marker.number, ==, cases[i].number);
      g_assert_true (marker.well_formed);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/primitives/numeral/parse", test_numeral_parse);
  g_test_add_func ("/primitives/numeral/format", test_numeral_format);
  g_test_add_func ("/primitives/number/format", test_number_format);
  g_test_add_func ("/primitives/digit-value", test_digit_value);
  g_test_add_func ("/primitives/date/parse", test_date_parse);
  g_test_add_func ("/primitives/fold-width", test_fold_width);
  g_test_add_func ("/primitives/blank", test_blank);
  g_test_add_func ("/primitives/skip-indent", test_skip_indent);
  g_test_add_func ("/primitives/heading-marker/text", test_heading_marker_text);
  return g_test_run ();
}
