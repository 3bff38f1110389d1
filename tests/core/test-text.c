/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gw-text.h"

static void
test_normalize_folding (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    /* full-width letters, digits and % fold; half-width punctuation in
     * Chinese becomes the Chinese form */
    { "价格权重０．３，占３０％", "价格权重0.3，占30%" },
    { "ＡＢＣ１２３", "ABC123" },
    { "为推进建设,制定本方案;具体如下:", "为推进建设，制定本方案；具体如下：" },
    { "根据(暂行办法)执行", "根据（暂行办法）执行" },
    /* every quote style reads the same */
    { "以“价低者得”为原则", "以\"价低者得\"为原则" },
    { "以「价低者得」为原则", "以\"价低者得\"为原则" },
    { "以『价低者得』为原则", "以\"价低者得\"为原则" },
    { "以‘价低者得’为原则", "以\"价低者得\"为原则" },
    { "以\"价低者得\"为原则", "以\"价低者得\"为原则" },
    { "以'价低者得'为原则", "以\"价低者得\"为原则" },
    /* a thousands separator is not a clause end */
    { "合同金额1,000,000元", "合同金额1,000,000元" },
    /* spaces and line breaks inside Chinese text go */
    { "助力乡\n村振兴", "助力乡村振兴" },
    { "助力乡　村 振兴", "助力乡村振兴" },
    { "第 102 号", "第102号" },
    /* between Latin words one space stays */
    { "GB/T  9704-2012 standard", "GB/T 9704-2012 standard" },
    /* a blank line, or a break after 。, ends a paragraph */
    { "第一段。\n第二段", "第一段。\n第二段" },
    { "第一段\n\n第二段", "第一段\n第二段" },
    { "  \n前后空白\n  ", "前后空白" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gw_text_normalize_string (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_offset_map (void)
{
  const char *orig = "评审采用最低评\n　标价法，“价低者得”";
  g_autoptr(GwTextMap) map = gw_text_normalize (orig, -1);
  gsize len;
  const char *text = gw_text_map_get_text (map, &len);
  const char *hit = strstr (text, "最低评标价法");
  guint offset, length;

  g_assert_cmpstr (text, ==, "评审采用最低评标价法，\"价低者得\"");
  g_assert_nonnull (hit);
  gw_text_map_range_to_original (map, hit - text, hit - text + strlen ("最低评标价法"),
                                 &offset, &length);
  /* 最 is the 5th character; the match spans the line break and the
   * ideographic space: 6 characters of text + 2 dropped = 8 */
  g_assert_cmpuint (offset, ==, 4);
  g_assert_cmpuint (length, ==, 8);

  hit = strstr (text, "价低者得");
  gw_text_map_range_to_original (map, hit - text, hit - text + strlen ("价低者得"), &offset, &length);
  g_assert_cmpuint (offset, ==, 14);
  g_assert_cmpuint (length, ==, 4);
  g_assert_cmpuint (gw_text_map_get_n_orig_chars (map), ==, g_utf8_strlen (orig, -1));
  g_assert_cmpuint (gw_text_map_byte_to_char (map, hit - text), ==, 12);
  g_assert_cmpuint (gw_text_map_char_to_byte (map, 12), ==, (gsize) (hit - text));
}

static void
test_map_pieces (void)
{
  g_autoptr(GwTextMap) map = gw_text_map_new ();
  const char *text;
  const char *p;
  guint offset, length;

  gw_text_map_append (map, "一、总体要求", -1);
  gw_text_map_append_break (map, 0);
  gw_text_map_append (map, "（一）价低者得", -1);
  text = gw_text_map_get_text (map, NULL);
  g_assert_cmpstr (text, ==, "一、总体要求\n（一）价低者得");
  p = strstr (text, "价低");
  gw_text_map_range_to_original (map, p - text, p - text + 6, &offset, &length);
  g_assert_cmpuint (offset, ==, 6 + 3);
  g_assert_cmpuint (length, ==, 2);
}

static void
test_split (void)
{
  const char *text = "评估不合格的，不予续签；合格的续签。价格分30分！是否纳入？\n第二段，1,000元";
  g_autoptr(GArray) clauses = gw_text_split (text, -1, GW_TEXT_CLAUSE);
  g_autoptr(GArray) sentences = gw_text_split (text, -1, GW_TEXT_SENTENCE);
  g_autoptr(GArray) paragraphs = gw_text_split (text, -1, GW_TEXT_PARAGRAPH);
  GwTextRange *r;

  g_assert_cmpuint (clauses->len, ==, 7);
  r = &g_array_index (clauses, GwTextRange, 1);
  g_assert_cmpint (strncmp (text + r->start, "不予续签", r->end - r->start), ==, 0);
  r = &g_array_index (clauses, GwTextRange, 6);
  g_assert_cmpint (strncmp (text + r->start, "1,000元", r->end - r->start), ==, 0);
  g_assert_cmpuint (sentences->len, ==, 4);
  r = &g_array_index (sentences, GwTextRange, 0);
  g_assert_cmpint (strncmp (text + r->start, "评估不合格的，不予续签；合格的续签",
                            r->end - r->start), ==, 0);
  g_assert_cmpuint (paragraphs->len, ==, 2);
}

static void
check_number (const char   *text,
              double        value,
              GwNumberUnit  unit)
{
  g_autofree char *norm = gw_text_normalize_string (text);
  g_autoptr(GArray) numbers = gw_text_extract_numbers (norm, -1);
  gboolean found = FALSE;

  for (guint i = 0; i < numbers->len; i++)
    {
      GwNumber *n = &g_array_index (numbers, GwNumber, i);
      if (n->unit == unit && G_APPROX_VALUE (n->value, value, 1e-9))
        found = TRUE;
    }
  if (!found)
    g_error ("%s: no %g of unit %d among %u numbers", text, value, unit, numbers->len);
}

static void
test_numbers (void)
{
  check_number ("以三年为一个周期", 3, GW_NUMBER_YEARS);
  check_number ("合同一次签订两年", 2, GW_NUMBER_YEARS);
  check_number ("五年一签", 5, GW_NUMBER_YEARS);
  check_number ("服务期为12个月", 12, GW_NUMBER_MONTHS);
  check_number ("服务期为十八个月", 18, GW_NUMBER_MONTHS);
  check_number ("价格分值占总分值的比重为百分之二十", 20, GW_NUMBER_PERCENT);
  check_number ("价格分值占30%", 30, GW_NUMBER_PERCENT);
  check_number ("价格分值占３０％", 30, GW_NUMBER_PERCENT);
  check_number ("价格分为30分", 30, GW_NUMBER_POINTS);
  check_number ("价格分为十分。", 10, GW_NUMBER_POINTS);
  check_number ("价格权重0.3", 0.3, GW_NUMBER_WEIGHT);
  check_number ("价格权重为0.15", 0.15, GW_NUMBER_WEIGHT);
  /* a weight in other words: a fraction a few words after a weight word,
   * tenths, fractions, a half */
  check_number ("价格因素在综合评分中的权重确定为0.4", 0.4, GW_NUMBER_WEIGHT);
  check_number ("评审因素的权重为：价格0.4", 0.4, GW_NUMBER_WEIGHT);
  check_number ("其他因素合计占0.6", 0.6, GW_NUMBER_WEIGHT);
  check_number ("价格因素的比重设为零点四", 0.4, GW_NUMBER_WEIGHT);
  check_number ("价格部分占四成", 40, GW_NUMBER_PERCENT);
  check_number ("价格分占总分的五分之一", 20, GW_NUMBER_PERCENT);
  check_number ("价格分与服务分各占一半", 50, GW_NUMBER_PERCENT);
  check_number ("二〇二三年三月十六日", 2023, GW_NUMBER_CALENDAR_YEAR);
  check_number ("2023年3月16日", 2023, GW_NUMBER_CALENDAR_YEAR);
  check_number ("共十二个", 12, GW_NUMBER_PLAIN);
  check_number ("一百二十人", 120, GW_NUMBER_PLAIN);
  check_number ("百分之十五点五", 15.5, GW_NUMBER_PERCENT);
  check_number ("合同金额1,000,000元", 1000000, GW_NUMBER_PLAIN);

  /* 十分 is "very", not ten points */
  {
    g_autoptr(GArray) n = gw_text_extract_numbers ("这项工作十分重要", -1);
    for (guint i = 0; i < n->len; i++)
      g_assert_cmpint (g_array_index (n, GwNumber, i).unit, !=, GW_NUMBER_POINTS);
  }
  /* money is no weight, 一成不变 no share */
  {
    g_autoptr(GArray) n = gw_text_extract_numbers ("报价占比超出0.5万元", -1);
    g_assert_cmpuint (n->len, ==, 1);
    g_assert_cmpint (g_array_index (n, GwNumber, 0).unit, !=, GW_NUMBER_WEIGHT);
  }
  {
    g_autoptr(GArray) n = gw_text_extract_numbers ("价格一成不变", -1);
    for (guint i = 0; i < n->len; i++)
      g_assert_cmpint (g_array_index (n, GwNumber, i).unit, !=, GW_NUMBER_PERCENT);
  }
  /* 百分之 needs a numeral; 统一 is a word */
  {
    g_autoptr(GArray) n = gw_text_extract_numbers ("第三年评估", -1);
    g_assert_cmpuint (n->len, ==, 1);
    g_assert_true (g_array_index (n, GwNumber, 0).ordinal);
  }

}

static void
test_pattern (void)
{
  g_autofree char *a = gw_text_normalize_pattern ("以“价低者得”为原则");
  g_autofree char *b = gw_text_normalize_pattern ("(最低|低价)[^，。]{0,10}中标,不得;");
  g_autofree char *c = gw_text_normalize_pattern ("价格权重０．３");

  g_assert_cmpstr (a, ==, "以\"价低者得\"为原则");
  /* regex syntax kept, {0,10} untouched, literal , and ; folded */
  g_assert_cmpstr (b, ==, "(最低|低价)[^，。]{0,10}中标，不得；");
  g_assert_cmpstr (c, ==, "价格权重0.3");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/text/normalize-folding", test_normalize_folding);
  g_test_add_func ("/core/text/offset-map", test_offset_map);
  g_test_add_func ("/core/text/map-pieces", test_map_pieces);
  g_test_add_func ("/core/text/split", test_split);
  g_test_add_func ("/core/text/numbers", test_numbers);
  g_test_add_func ("/core/text/pattern", test_pattern);

  return g_test_run ();
}
