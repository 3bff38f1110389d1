/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as text, both ways, the one home for each: Chinese numerals
 * (一二三, 十百千万亿, 〇, 两) and financial numerals (壹贰叁…拾佰仟), and
 * numbers written into files, PDFs, JSON and documents whatever the
 * locale. See docs/text-primitives.md for the decisions. */

typedef enum {
  GW_NUMERAL_DEFAULT   = 0,
  GW_NUMERAL_DIGITS    = 1 << 0,   /* parse: also a digit string, 二〇二四 → 2024 */
  GW_NUMERAL_DECIMAL   = 1 << 1,   /* parse: also a fraction after 点, 三点五 → 3.5 */
  GW_NUMERAL_COUNT     = 1 << 2,   /* format: 两 for a lone 2, as in 两个 */
  GW_NUMERAL_FINANCIAL = 1 << 3,   /* format: 壹贰叁…拾佰仟 (parse reads both always) */
} GwNumeralFlags;

/* The value of the Chinese or financial numeral that is the whole of @text
 * (@len bytes, or NUL-terminated when -1): 十 10, 十二 12, 二十 20, 一百零五
 * 105, 三万五千 35000, 两 2, 贰拾 20. Units go in descending order, each at
 * most once per 万/亿 section; 零 may stand only for a gap. Returns -1 when
 * @text is no numeral. */
double  gw_numeral_parse     (const char     *text,
                              gssize          len,
                              GwNumeralFlags  flags);

/* The value of one numeral character: 0–9 for a digit (零〇○, 一壹, 二两贰,
 * …), 10, 100, 1000, 10000 and 100000000 for a unit (十拾, 百佰, 千仟, 万,
 * 亿), -2 for 点, -1 for anything else. */
int     gw_numeral_char_value (gunichar       c);

/* @n written in Chinese numerals: 10 十, 12 十二, 105 一百零五, 110 一百一十,
 * 20000 两万 never (二万), 100000000 一亿. Free with g_free(). */
char   *gw_numeral_format    (guint64         n,
                              GwNumeralFlags  flags);

/* The digit (0–9) that @c stands for, ASCII or full-width (０–９); -1 else. */
int     gw_digit_value       (gunichar        c);

/* @value with '.' whatever the locale and never in exponent form: with
 * @decimals ≥ 0 rounded (half away from zero) to at most that many places,
 * trailing zeros dropped (5, 4.5, 87.25; never -0); with @decimals < 0 the
 * shortest form that reads back to the same double (0.1, 86.5). Infinity
 * and NaN give "INF", "-INF" and "NAN". Free with g_free(). */
char   *gw_number_format     (double          value,
                              int             decimals);

/* @value with exactly @decimals places (≤ 9), '.' whatever the locale, as
 * printf's %.Nf rounds: "4.0", "63.00". For coordinates and measures whose
 * width is fixed; people's numbers go through gw_number_format(). */
char   *gw_number_format_fixed (double        value,
                                guint         decimals);

G_END_DECLS
