/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text as the checker reads it. Drafts are pasted out of Word, WPS and PDFs,
 * so before matching the text is normalised:
 *
 * - full-width letters, digits and ％．＋－ etc. fold to ASCII; half-width
 *   , ; : ! ? ( ) fold to the Chinese full-width forms ，；：！？（）, so a
 *   pattern written with Chinese punctuation matches either (a comma between
 *   two digits, as in 1,000, stays ASCII);
 * - every quote style (“”‘’「」『』＂＇"') becomes the ASCII double quote ";
 * - spaces and line breaks inside Chinese text are dropped (助力乡⏎村振兴
 *   reads 助力乡村振兴); between two Latin letters or digits one space is
 *   kept; a blank line, or a line break after 。！？；： closes a paragraph
 *   and becomes a single "\n".
 *
 * The result keeps, for every character, the character offset it came from
 * in the original, so positions found in the normalised text map back to
 * the draft. Offsets named "byte" are in bytes of the normalised UTF-8,
 * "char" offsets count Unicode characters. */

typedef struct _GwTextMap GwTextMap;

GwTextMap  *gw_text_map_new             (void);
/* Makes room for @bytes more bytes of text, so a long document is not
 * copied as it grows. */
void        gw_text_map_reserve         (GwTextMap  *map,
                                         gsize       bytes);
void        gw_text_map_free            (GwTextMap  *map);

/* Normalises @text (@len bytes, or NUL-terminated when -1) in one go. */
GwTextMap  *gw_text_normalize           (const char *text,
                                         gssize      len);

/* Appends @text normalised; its original characters are counted on from
 * where the previous append ended, so a map can cover several pieces (the
 * blocks of a document) laid end to end. */
void        gw_text_map_append          (GwTextMap  *map,
                                         const char *text,
                                         gssize      len);
/* Appends a paragraph break ("\n") unless the text is empty or already ends
 * with one; it maps to the original offset reached so far and counts
 * @orig_chars characters of the original (0 when the pieces are separate). */
void        gw_text_map_append_break    (GwTextMap  *map,
                                         guint       orig_chars);

const char *gw_text_map_get_text        (GwTextMap  *map,
                                         gsize      *len);
guint       gw_text_map_get_n_chars     (GwTextMap  *map);
/* Original characters consumed so far. */
guint       gw_text_map_get_n_orig_chars (GwTextMap *map);
/* Character index of the normalised character at @byte (rounded down to a
 * character start; n_chars at the end). */
guint       gw_text_map_byte_to_char    (GwTextMap  *map,
                                         gsize       byte);
gsize       gw_text_map_char_to_byte    (GwTextMap  *map,
                                         guint       norm_char);
/* Original character offset of normalised character @norm_char (the
 * original length for @norm_char == n_chars). */
guint       gw_text_map_to_original     (GwTextMap  *map,
                                         guint       norm_char);
/* Maps the normalised byte range [@start, @end) to the original character
 * range it covers: *@orig_offset and *@orig_length. */
void        gw_text_map_range_to_original (GwTextMap *map,
                                           gsize      start,
                                           gsize      end,
                                           guint     *orig_offset,
                                           guint     *orig_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwTextMap, gw_text_map_free)

/* The normalised form of a single string (no offset map). */
char       *gw_text_normalize_string    (const char *text);

/* Folds a regular expression written by a rule author the way
 * gw_text_normalize() folds text, but leaves every ASCII character other
 * than , ; and ' alone so regex syntax keeps its meaning: full-width
 * digits and letters become ASCII, all quotes become ", and ，；：！？（）
 * stay as they are. Write literal brackets in patterns as （）. */
char       *gw_text_normalize_pattern   (const char *pattern);

/* ---- splitting --------------------------------------------------------- */

typedef enum {
  GW_TEXT_CLAUSE,     /* ends at ，；。！？ or a paragraph end */
  GW_TEXT_SENTENCE,   /* ends at 。！？ or a paragraph end */
  GW_TEXT_PARAGRAPH,  /* ends at "\n" */
} GwTextUnit;

typedef struct {
  gsize start;   /* bytes, first character of the unit */
  gsize end;     /* bytes, just past its last character (delimiter excluded) */
} GwTextRange;

/* Splits normalised text into non-empty units (GArray of GwTextRange). A
 * comma between two digits does not end a clause. */
GArray     *gw_text_split               (const char *text,
                                         gssize      len,
                                         GwTextUnit  unit);
/* Whether the character at @p ends a unit of kind @unit. */
gboolean    gw_text_is_delimiter        (const char *p,
                                         const char *text,
                                         const char *end,
                                         GwTextUnit  unit);

/* ---- numbers ----------------------------------------------------------- */

typedef enum {
  GW_NUMBER_PLAIN,      /* no unit the checker knows */
  GW_NUMBER_PERCENT,    /* 30%, 百分之三十, 三成, 三分之一, 一半 */
  GW_NUMBER_POINTS,     /* 30分 (points of a score) */
  GW_NUMBER_WEIGHT,     /* 0.3 after 权重/权值/比重/系数/占比, a fraction a few words after one */
  GW_NUMBER_YEARS,      /* 三年, 3年 (a span, not a calendar year) */
  GW_NUMBER_MONTHS,     /* 六个月, 18个月 */
  GW_NUMBER_CALENDAR_YEAR, /* 2023年, 二〇二三年 */
} GwNumberUnit;

typedef struct {
  double       value;     /* 百分之二十 → 20; 权重0.3 → 0.3 */
  GwNumberUnit unit;
  gboolean     ordinal;   /* preceded by 第 */
  gsize        start;     /* bytes in the text, numeral to unit inclusive */
  gsize        end;
} GwNumber;

/* Finds the Arabic and Chinese numerals of normalised text (GArray of
 * GwNumber, in order): 30, 0.3, 三, 两, 十二, 一百二十, 二〇二三, 十五点五,
 * with their unit when one follows (%, 分, 年, 个月) or precedes
 * (百分之, 权重). "十分重要" is not a score: 分 after a Chinese numeral counts
 * as points only when no Chinese word goes on after it. */
GArray     *gw_text_extract_numbers     (const char *text,
                                         gssize      len);

/* Full-width ASCII forms (Ａ１，．＋) folded to ASCII and the ideographic
 * space to a plain one: numbers, codes and dates typed with a Chinese input
 * method switched on, or pasted out of Word and WPS tables. */
gunichar    gw_unichar_fold_width        (gunichar    c);
char       *gw_text_fold_width           (const char *text);

/* White space as a draft has it: what GLib counts as space, which takes in
 * the ideographic space U+3000 (全角空格) that indents Chinese paragraphs. */
gboolean    gw_unichar_is_space          (gunichar    c);
/* TRUE when @text is NULL, empty, or nothing but such white space. */
gboolean    gw_text_is_blank             (const char *text);
/* @text past its indent: ASCII spaces, tabs and ideographic spaces. */
const char *gw_text_skip_indent          (const char *text);

G_END_DECLS
