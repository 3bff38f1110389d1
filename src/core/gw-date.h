/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates as people write them in 公文 and forms, read in one place: the
 * template's date fields, the importer's date lines, the format.date rule,
 * the evaluation form's dates and the PDF's dates all call this. */

typedef enum {
  GW_DATE_WORDS         = 1 << 0,   /* 2023年3月10日 */
  GW_DATE_SEPARATED     = 1 << 1,   /* 2023-03-10, 2023/3/10, 2023.3.10 */
  GW_DATE_NUMERALS      = 1 << 2,   /* 二〇二三年三月十日 too (GW_DATE_WORDS) */
  GW_DATE_PREFIX        = 1 << 3,   /* more text may follow the date */
  GW_DATE_DAY_SIGN_OPTIONAL = 1 << 4, /* 2023年3月10 at the end, as forms have it */
} GwDateFlags;

/* What is wrong with a date as written, by GB/T 9704 §7.3.5.4 (Arabic
 * numerals, year in full, no leading zeros, 年月日). */
typedef enum {
  GW_DATE_FLAW_NONE             = 0,
  GW_DATE_FLAW_LEADING_ZERO     = 1 << 0,   /* 2023年03月10日 */
  GW_DATE_FLAW_CHINESE_NUMERALS = 1 << 1,   /* 二〇二三年三月十日 */
  GW_DATE_FLAW_FULL_WIDTH       = 1 << 2,   /* ２０２３年 */
  GW_DATE_FLAW_SPACES           = 1 << 3,   /* 2023 年 3 月, or space before it */
  GW_DATE_FLAW_SEPARATOR        = 1 << 4,   /* 2023-3-10, 2023/3/10 for 年月日 */
  GW_DATE_FLAW_NO_DAY_SIGN      = 1 << 5,   /* 2023年3月10 */
} GwDateFlaws;

typedef enum {
  GW_DATE_NONE,      /* no date at the start of the text */
  GW_DATE_INVALID,   /* a date's shape, but no such day: 2023年2月30日 */
  GW_DATE_VALID,
} GwDateResult;

typedef struct {
  guint       year;
  guint       month;
  guint       day;
  GwDateFlaws flaws;
  char        separator;   /* '-', '/' or '.' for GW_DATE_SEPARATED, else 0 */
  gsize       length;      /* bytes of the text the date takes */
} GwDate;

/* Reads the date at the start of @text (leading white space is a flaw);
 * without GW_DATE_PREFIX nothing may follow it. @date is filled for
 * GW_DATE_INVALID and GW_DATE_VALID. */
GwDateResult gw_date_parse (const char  *text,
                            GwDateFlags  flags,
                            GwDate      *date);

G_END_DECLS
