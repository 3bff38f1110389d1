/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-builtins"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-block.h"
#include "gw-date.h"
#include "gw-import-text.h"
#include "gw-numeral.h"
#include "gw-matcher-private.h"
#include "gw-text.h"

/* The format rules of GB/T 9704-2012 read the document model and the text
 * exactly as written (not normalised): [2023] and 〔2023〕 differ here. */

#define L(ctx, zh, en) ((ctx)->lang == 0 ? (zh) : (en))

static void
add_meta_finding (GwCheckContext *ctx,
                  GwRuleWords    *rule,
                  GwMatcher      *m,
                  GPtrArray      *findings,
                  GwMeta          meta,
                  guint           offset,
                  guint           length,
                  const char     *replacement,
                  GwSeverity     *severity,
                  const char     *detail)
{
  GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, severity, detail);

  _gw_finding_place_meta (ctx, f, meta, offset, length);
  if (replacement)
    gw_finding_set_replacement (f, replacement);
  g_ptr_array_add (findings, f);
}

static void
add_block_finding (GwCheckContext *ctx,
                   GwRuleWords    *rule,
                   GwMatcher      *m,
                   GPtrArray      *findings,
                   guint           block,
                   guint           offset,
                   guint           length,
                   const char     *replacement,
                   GwSeverity     *severity,
                   const char     *detail)
{
  GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, severity, detail);

  _gw_finding_place_block (ctx, f, block, offset, length);
  if (replacement)
    gw_finding_set_replacement (f, replacement);
  g_ptr_array_add (findings, f);
}

static void
add_document_finding (GwCheckContext *ctx,
                      GwRuleWords    *rule,
                      GwMatcher      *m,
                      GPtrArray      *findings,
                      const char     *target,
                      const char     *detail)
{
  GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, NULL, detail);

  gw_finding_set_place (f, -1, -1, target, 0, 0);
  g_ptr_array_add (findings, f);
}

static GRegex *
static_regex (GRegex    **slot,
              gsize      *once,
              const char *pattern)
{
  if (g_once_init_enter (once))
    {
      *slot = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (*slot != NULL);
      g_once_init_leave (once, 1);
    }
  return *slot;
}

/* ---- format.doc-number --------------------------------------------------- */

static GRegex *
doc_number_regex (void)
{
  static GRegex *r;
  static gsize once;
  return static_regex (&r, &once,
    "^(?<org>.*?)\\s*(?<open>[\\[\\(（【［〔{｛〈<〖]?)\\s*(?<year>[0-9０-９]{2,4})\\s*"
    "(?<close>[\\]\\)）】］〕}｝〉>〗]?)\\s*(?<di>第?)\\s*(?<num>[0-9０-９]+|[〇零一二三四五六七八九十百]+)\\s*号");
}

/* A line that looks like a document number the importer did not take for
 * one (高民发〔23〕12号). */
static GRegex *
loose_doc_number_regex (void)
{
  static GRegex *r;
  static gsize once;
  return static_regex (&r, &once,
    "^\\S{1,15}?[\\[\\(（【［〔〖]\\s*[0-9０-９]{2,4}\\s*[\\]\\)）】］〕〗]\\s*第?\\s*([0-9０-９]{1,4}|[〇零一二三四五六七八九十百]{1,4})\\s*号\\s*$");
}

/* Checks one document number; @value as written. Sets *replacement to the
 * corrected number (whole @value up to 号) and *detail to what is wrong. */
static gboolean
doc_number_problems (GwCheckContext *ctx,
                     const char     *value,
                     guint          *length,
                     char          **replacement,
                     char          **detail)
{
  g_autoptr(GMatchInfo) mi = NULL;
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *org = NULL, *open = NULL, *year = NULL, *close = NULL, *di = NULL;
  g_autofree char *num = NULL, *whole = NULL, *num_ascii = NULL, *year_ascii = NULL;
  const char *digits;
  int start, end;

  *replacement = NULL;
  *detail = NULL;
  if (!g_regex_match (doc_number_regex (), value, 0, &mi))
    {
      *length = g_utf8_strlen (value, -1);
      *detail = g_strdup (L (ctx, "应写作“机关代字〔年份〕序号号”，如神政办发〔2023〕12号",
                             "it should read 机关代字〔year〕number号, as in 神政办发〔2023〕12号"));
      return TRUE;
    }
  org = g_match_info_fetch_named (mi, "org");
  open = g_match_info_fetch_named (mi, "open");
  year = g_match_info_fetch_named (mi, "year");
  close = g_match_info_fetch_named (mi, "close");
  di = g_match_info_fetch_named (mi, "di");
  num = g_match_info_fetch_named (mi, "num");
  g_match_info_fetch_pos (mi, 0, &start, &end);
  whole = g_strndup (value, end);
  *length = g_utf8_strlen (whole, -1);

  year_ascii = gw_text_fold_width (year);
  num_ascii = gw_text_fold_width (num);
  if (!g_ascii_isdigit (num_ascii[0]))
    {
      /* 第三号: a Chinese numeral where an Arabic one belongs */
      double v = gw_numeral_parse (num, -1, GW_NUMERAL_DIGITS | GW_NUMERAL_DECIMAL);
      g_free (num_ascii);
      num_ascii = v > 0 ? gw_number_format (v, 0) : g_strdup ("");
    }
  digits = num_ascii;
  while (digits[0] == '0' && digits[1] != '\0')
    digits++;

  if (strlen (year_ascii) != 4)
    g_string_append_printf (what, "%s", L (ctx, "年份应写全四位", "write the year in full (four digits)"));
  if (!g_str_equal (open, "〔") || !g_str_equal (close, "〕"))
    g_string_append_printf (what, "%s%s", what->len ? L (ctx, "；", "; ") : "",
                            L (ctx, "年份应使用六角括号〔〕", "the year goes in 〔〕"));
  if (*di)
    g_string_append_printf (what, "%s%s", what->len ? L (ctx, "；", "; ") : "",
                            L (ctx, "序号前不加“第”", "no 第 before the number"));
  if (digits != num_ascii)
    g_string_append_printf (what, "%s%s", what->len ? L (ctx, "；", "; ") : "",
                            L (ctx, "序号不编虚位（不加“0”）", "no leading zeros in the number"));
  if (!g_str_equal (year, year_ascii) || !g_str_equal (num, num_ascii) || *num_ascii == '\0')
    g_string_append_printf (what, "%s%s", what->len ? L (ctx, "；", "; ") : "",
                            L (ctx, "使用半角阿拉伯数字", "use plain Arabic digits"));
  if (*org == '\0')
    g_string_append_printf (what, "%s%s", what->len ? L (ctx, "；", "; ") : "",
                            L (ctx, "缺少机关代字", "the organ's code is missing"));
  if (what->len == 0 && !strstr (whole, " ") && !strstr (whole, "　"))
    return FALSE;
  if (what->len == 0)
    g_string_append (what, L (ctx, "中间不留空格", "no spaces inside"));
  if (*org && strlen (year_ascii) == 4 && *num_ascii)
    *replacement = g_strdup_printf ("%s〔%s〕%s号", org, year_ascii, digits);
  *detail = g_string_free (g_steal_pointer (&what), FALSE);
  return TRUE;
}

static void
builtin_doc_number (GwCheckContext *ctx,
                    GwRuleWords    *rule,
                    GwMatcher      *m,
                    GPtrArray      *findings)
{
  const char *value = gw_document_get_meta (ctx->doc, GW_META_DOC_NUMBER);
  g_autofree char *replacement = NULL;
  g_autofree char *detail = NULL;
  guint length;

  if (!gw_text_is_blank (value))
    {
      if (doc_number_problems (ctx, value, &length, &replacement, &detail))
        add_meta_finding (ctx, rule, m, findings, GW_META_DOC_NUMBER, 0, length, replacement,
                          NULL, detail);
      return;
    }

  /* Not recognised as metadata: an unusual number may have been taken for
   * the title, or left at the head of the body. */
  {
    const char *title = gw_document_get_meta (ctx->doc, GW_META_TITLE);
    if (!gw_text_is_blank (title) && g_regex_match (loose_doc_number_regex (), title, 0, NULL))
      {
        if (doc_number_problems (ctx, title, &length, &replacement, &detail))
          add_meta_finding (ctx, rule, m, findings, GW_META_TITLE, 0, length, replacement, NULL,
                            detail);
        return;
      }
  }
  for (guint i = 0; i < MIN (ctx->n_blocks, 6u); i++)
    {
      const char *text = gw_block_get_text (ctx->blocks[i]);
      if (gw_block_get_kind (ctx->blocks[i]) == GW_BLOCK_PARAGRAPH &&
          (gw_import_text_is_doc_number (text, NULL) ||
           g_regex_match (loose_doc_number_regex (), text, 0, NULL)))
        {
          if (doc_number_problems (ctx, text, &length, &replacement, &detail))
            add_block_finding (ctx, rule, m, findings, i, 0, length, replacement, NULL, detail);
          return;
        }
    }
}

/* ---- format.date --------------------------------------------------------- */

/* Checks a date as written (gw_date_parse() tells the flaw, this words
 * it); *warning is set when it is not an error. */
static gboolean
date_problems (GwCheckContext *ctx,
               const char     *value,
               guint          *length,
               char          **replacement,
               char          **detail,
               gboolean       *warning)
{
  GwDate date;
  GwDateResult result;

  *replacement = NULL;
  *detail = NULL;
  *warning = FALSE;

  result = gw_date_parse (value, GW_DATE_WORDS | GW_DATE_SEPARATED | GW_DATE_NUMERALS | GW_DATE_PREFIX,
                          &date);
  if (result == GW_DATE_NONE)
    {
      *length = g_utf8_strlen (value, -1);
      *detail = g_strdup (L (ctx, "应写作“2023年3月16日”的形式", "it should read like 2023年3月16日"));
      return TRUE;
    }
  *length = g_utf8_strlen (value, date.length);
  if (date.flaws & GW_DATE_FLAW_CHINESE_NUMERALS)
    {
      *warning = TRUE;
      if (result == GW_DATE_VALID)
        *replacement = g_strdup_printf ("%u年%u月%u日", date.year, date.month, date.day);
      *detail = g_strdup (L (ctx, "GB/T 9704-2012起成文日期用阿拉伯数字",
                             "since GB/T 9704-2012 the date is written in Arabic numerals"));
      return TRUE;
    }
  if (result == GW_DATE_INVALID)
    {
      g_autofree char *whole = g_strndup (value, date.length);

      *detail = g_strdup_printf (L (ctx, "%s不是有效日期", "%s is not a valid date"), whole);
      return TRUE;
    }
  if (date.flaws == GW_DATE_FLAW_NONE)
    return FALSE;
  *replacement = g_strdup_printf ("%u年%u月%u日", date.year, date.month, date.day);
  if (date.flaws & GW_DATE_FLAW_LEADING_ZERO)
    *detail = g_strdup (L (ctx, "月、日不编虚位（不加“0”）", "no leading zeros in month or day"));
  else if (date.flaws & GW_DATE_FLAW_SEPARATOR)
    *detail = g_strdup (L (ctx, "年、月、日写全，不用“-”“/”“.”分隔",
                           "write 年, 月 and 日, not a separator"));
  else
    *detail = g_strdup (L (ctx, "使用半角阿拉伯数字，不留空格",
                           "plain Arabic digits, without spaces"));
  return TRUE;
}

static void
check_date_value (GwCheckContext *ctx,
                  GwRuleWords    *rule,
                  GwMatcher      *m,
                  GPtrArray      *findings,
                  int             meta,
                  int             block,
                  const char     *value)
{
  g_autofree char *replacement = NULL;
  g_autofree char *detail = NULL;
  gboolean warning;
  guint length;
  GwSeverity severity = GW_SEVERITY_WARNING;

  if (!date_problems (ctx, value, &length, &replacement, &detail, &warning))
    return;
  if (meta >= 0)
    add_meta_finding (ctx, rule, m, findings, meta, 0, length, replacement,
                      warning ? &severity : NULL, detail);
  else
    add_block_finding (ctx, rule, m, findings, block, 0, length, replacement,
                       warning ? &severity : NULL, detail);
}

static void
builtin_date (GwCheckContext *ctx,
              GwRuleWords    *rule,
              GwMatcher      *m,
              GPtrArray      *findings)
{
  const char *date = gw_document_get_meta (ctx->doc, GW_META_DATE);
  const char *printed = gw_document_get_meta (ctx->doc, GW_META_PRINTING_DATE);

  if (!gw_text_is_blank (date))
    check_date_value (ctx, rule, m, findings, GW_META_DATE, -1, date);
  else
    {
      /* Not recognised as metadata: a date standing alone near the end. */
      for (guint i = ctx->n_blocks; i > 0 && i + 8 > ctx->n_blocks; i--)
        {
          const char *text = gw_block_get_text (ctx->blocks[i - 1]);
          if (gw_block_get_kind (ctx->blocks[i - 1]) == GW_BLOCK_PARAGRAPH &&
              gw_import_text_is_date_line (text))
            {
              check_date_value (ctx, rule, m, findings, -1, i - 1, text);
              break;
            }
        }
    }
  if (!gw_text_is_blank (printed))
    check_date_value (ctx, rule, m, findings, GW_META_PRINTING_DATE, -1, printed);
}

/* ---- format.heading-sequence --------------------------------------------- */

static void
builtin_heading_sequence (GwCheckContext *ctx,
                          GwRuleWords    *rule,
                          GwMatcher      *m,
                          GPtrArray      *findings)
{
  guint counter[5] = { 0 };

  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      GwBlock *block = ctx->blocks[i];
      GwBlockKind kind = gw_block_get_kind (block);
      const char *text = gw_block_get_text (block);
      const char *start = text;
      GwHeadingMarker marker;
      guint skipped;

      if (kind == GW_BLOCK_ATTACHMENT)
        {
          memset (counter, 0, sizeof counter);
          continue;
        }
      if (kind != GW_BLOCK_HEADING && kind != GW_BLOCK_PARAGRAPH)
        continue;
      /* The importer keeps the author's indent; the marker follows it. */
      start = gw_text_skip_indent (start);
      skipped = g_utf8_pointer_to_offset (text, start);
      if (!gw_heading_marker_parse (start, &marker))
        continue;
      if (marker.level < 1 || marker.level > 4)
        continue;

      if (!marker.well_formed)
        {
          g_autofree char *wrong = g_strndup (start, marker.length);
          g_autofree char *right = gw_heading_marker_text (marker.level, marker.number);
          g_autofree char *detail = g_strdup_printf (L (ctx, "“%s”应写作“%s”", "write “%s” as “%s”"),
                                                     wrong, right);
          add_block_finding (ctx, rule, m, findings, i, skipped, g_utf8_strlen (wrong, -1), right,
                             NULL, detail);
        }

      if (marker.number != counter[marker.level] + 1)
        {
          g_autofree char *got = gw_heading_marker_text (marker.level, marker.number);
          g_autofree char *want = gw_heading_marker_text (marker.level, counter[marker.level] + 1);
          g_autofree char *detail = NULL;
          g_autofree char *wrong = g_strndup (start, marker.length);

          if (marker.number > counter[marker.level] + 1)
            detail = g_strdup_printf (L (ctx, "“%s”之前缺少“%s”", "“%s” comes where “%s” was expected"),
                                      got, want);
          else
            detail = g_strdup_printf (L (ctx, "“%s”重复或倒序，此处应为“%s”",
                                         "“%s” repeats or goes backwards; “%s” was expected"),
                                      got, want);
          add_block_finding (ctx, rule, m, findings, i, skipped, g_utf8_strlen (wrong, -1), NULL,
                             NULL, detail);
        }
      counter[marker.level] = marker.number;
      for (guint l = marker.level + 1; l <= 4; l++)
        counter[l] = 0;
    }
}

/* ---- format.required-elements -------------------------------------------- */

static gboolean
ends_with_final_punct (const char *s)
{
  static const char *puncts[] = { "。", "．", ".", "，", ",", "；", ";", "：", ":", "、", "！", "!" };
  g_autofree char *t = g_strstrip (g_strdup (s));

  for (guint i = 0; i < G_N_ELEMENTS (puncts); i++)
    if (g_str_has_suffix (t, puncts[i]))
      return TRUE;
  return FALSE;
}

static void
builtin_required_elements (GwCheckContext *ctx,
                           GwRuleWords    *rule,
                           GwMatcher      *m,
                           GPtrArray      *findings)
{
  const char *title = gw_document_get_meta (ctx->doc, GW_META_TITLE);
  const char *recipients = gw_document_get_meta (ctx->doc, GW_META_RECIPIENTS);
  const char * const *attachments = gw_document_get_attachments (ctx->doc);
  gboolean opinion = ctx->kind == GW_DOCUMENT_KIND_OPINION;

  if (gw_text_is_blank (title))
    add_document_finding (ctx, rule, m, findings, "title",
                          L (ctx, "缺少标题", "the title is missing"));
  if (!opinion)
    return;

  if (gw_text_is_blank (recipients))
    {
      /* The importer may have missed it when the head is unusual: a short
       * line ending in a colon before the body is the recipients. */
      for (guint i = 0; i < MIN (ctx->n_blocks, 4u); i++)
        {
          g_autofree char *t = g_strstrip (g_strdup (gw_block_get_text (ctx->blocks[i])));
          if (gw_block_get_kind (ctx->blocks[i]) == GW_BLOCK_PARAGRAPH &&
              (g_str_has_suffix (t, "：") || g_str_has_suffix (t, ":")) &&
              g_utf8_strlen (t, -1) < 100 && strstr (t, "。") == NULL)
            {
              recipients = gw_block_get_text (ctx->blocks[i]);
              break;
            }
        }
    }
  if (gw_text_is_blank (recipients))
    add_document_finding (ctx, rule, m, findings, "recipients",
                          L (ctx, "缺少主送机关", "the main recipients (主送机关) are missing"));
  else if (recipients != gw_document_get_meta (ctx->doc, GW_META_RECIPIENTS))
    ;   /* found in the body: its colon is the punctuation rule's business */
  else
    {
      g_autofree char *trimmed = g_strdup (recipients);
      guint n;

      g_strchomp (trimmed);
      n = g_utf8_strlen (trimmed, -1);
      if (g_str_has_suffix (trimmed, ":"))
        add_meta_finding (ctx, rule, m, findings, GW_META_RECIPIENTS, n - 1, 1, "：", NULL,
                          L (ctx, "主送机关后用全角冒号“：”",
                             "the recipients end with a full-width colon “：”"));
      else if (!g_str_has_suffix (trimmed, "："))
        {
          const char *last = g_utf8_offset_to_pointer (trimmed, n - 1);
          gboolean punct = ends_with_final_punct (trimmed);
          add_meta_finding (ctx, rule, m, findings, GW_META_RECIPIENTS, punct ? n - 1 : n,
                            punct ? 1 : 0, "：", NULL,
                            L (ctx, "主送机关后用全角冒号“：”",
                               "the recipients end with a full-width colon “：”"));
          (void) last;
        }
    }

  if (gw_text_is_blank (gw_document_get_meta (ctx->doc, GW_META_SIGNATURE)) &&
      !gw_document_get_sealed (ctx->doc))
    add_document_finding (ctx, rule, m, findings, "signature",
                          L (ctx, "缺少发文机关署名", "the issuing organ's signature is missing"));
  if (gw_text_is_blank (gw_document_get_meta (ctx->doc, GW_META_DATE)))
    add_document_finding (ctx, rule, m, findings, "date",
                          L (ctx, "缺少成文日期", "the date (成文日期) is missing"));

  /* Every attachment page must be named in the 附件说明. */
  {
    guint listed = attachments ? g_strv_length ((char **) attachments) : 0;
    guint pages = 0;

    for (guint i = 0; i < ctx->n_blocks; i++)
      {
        GwBlock *block = ctx->blocks[i];
        guint number;

        if (gw_block_get_kind (block) != GW_BLOCK_ATTACHMENT)
          continue;
        pages++;
        number = gw_block_get_number (block) > 0 ? gw_block_get_number (block) : pages;
        if (number > listed)
          {
            g_autofree char *detail = NULL;
            GwFinding *f;

            detail = g_strdup_printf (L (ctx, "附件%u“%s”未在附件说明中列出",
                                         "attachment %u “%s” is not named in the attachment list"),
                                      number, gw_block_get_text (block));
            f = _gw_rule_make_finding (rule, m, ctx->lang, NULL, detail);
            _gw_finding_place_block (ctx, f, i, 0, 0);
            g_ptr_array_add (findings, f);
          }
      }
  }

  for (guint i = 0; attachments && attachments[i]; i++)
    {
      if (gw_text_is_blank (attachments[i]))
        {
          g_autofree char *target = g_strdup_printf ("attachment:%u", i + 1);
          add_document_finding (ctx, rule, m, findings, target,
                                L (ctx, "附件说明缺少附件名称", "an attachment has no name"));
        }
      else if (ends_with_final_punct (attachments[i]))
        {
          g_autofree char *target = g_strdup_printf ("attachment:%u", i + 1);
          g_autofree char *detail = g_strdup_printf (L (ctx, "附件名称“%s”后不加标点符号",
                                                        "no punctuation after the attachment name “%s”"),
                                                     attachments[i]);
          GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, NULL, detail);
          guint line = gw_document_get_attachment_line (ctx->doc, i);

          gw_finding_set_place (f, -1, -1, target, 0, 0);
          gw_finding_set_position (f, line, line > 0 ? 1 : 0);
          gw_finding_set_excerpt (f, attachments[i]);
          g_ptr_array_add (findings, f);
        }
    }
}

/* ---- format.punctuation -------------------------------------------------- */

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x3000 && c <= 0x303F && c != 0x3000) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || c == 0x201C || c == 0x201D;
}

static gunichar
neighbour (const char *text,
           const char *p,
           gboolean    forward)
{
  if (forward)
    {
      for (const char *q = g_utf8_next_char (p); *q; q = g_utf8_next_char (q))
        if (*q != ' ')
          return g_utf8_get_char (q);
      return 0;
    }
  for (const char *q = p; q > text;)
    {
      q = g_utf8_prev_char (q);
      if (*q != ' ')
        return g_utf8_get_char (q);
    }
  return 0;
}

static const char *
full_width_for (char c)
{
  switch (c)
    {
    case ',': return "，";
    case '.': return "。";
    case ';': return "；";
    case ':': return "：";
    case '?': return "？";
    case '!': return "！";
    case '(': return "（";
    case ')': return "）";
    default: return NULL;
    }
}

/* Calls @report for every half-width mark in Chinese text of @text. */
static void
scan_punctuation (GwCheckContext *ctx,
                  GwRuleWords    *rule,
                  GwMatcher      *m,
                  GPtrArray      *findings,
                  const char     *text,
                  int             block,
                  int             meta,
                  guint           skip_chars)
{
  guint offset = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      const char *fw = full_width_for (*p);
      gunichar prev, next;
      gboolean chinese;

      if (fw == NULL || offset < skip_chars)
        continue;
      prev = neighbour (text, p, FALSE);
      next = neighbour (text, p, TRUE);
      if ((*p == '.' || *p == ',' || *p == ':') && prev < 0x80 && g_ascii_isalnum ((char) prev))
        continue;   /* 0.3, 1,000, 10:30, Co. */
      if (*p == '.' && (next == '.' || prev == '.'))
        continue;   /* an ellipsis typed as dots */
      switch (*p)
        {
        case '(':
          chinese = is_cjk (next) || is_cjk (prev);
          break;
        case ')':
          chinese = is_cjk (prev) || is_cjk (next);
          break;
        case '.':
          chinese = is_cjk (prev);
          break;
        default:
          chinese = is_cjk (prev) || is_cjk (next);
          break;
        }
      if (!chinese)
        continue;
      {
        g_autofree char *detail = g_strdup_printf (L (ctx, "“%c”应为“%s”", "“%c” should be “%s”"),
                                                   *p, fw);
        if (block >= 0)
          add_block_finding (ctx, rule, m, findings, block, offset, 1, fw, NULL, detail);
        else
          add_meta_finding (ctx, rule, m, findings, meta, offset, 1, fw, NULL, detail);
      }
    }
}

static void
builtin_punctuation (GwCheckContext *ctx,
                     GwRuleWords    *rule,
                     GwMatcher      *m,
                     GPtrArray      *findings)
{
  static const GwMeta metas[] = { GW_META_TITLE, GW_META_RECIPIENTS, GW_META_NOTE,
                                  GW_META_COPY_TO };

  for (guint i = 0; i < G_N_ELEMENTS (metas); i++)
    {
      const char *value = gw_document_get_meta (ctx->doc, metas[i]);
      if (!gw_text_is_blank (value))
        scan_punctuation (ctx, rule, m, findings, value, -1, metas[i], 0);
    }
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      GwBlock *block = ctx->blocks[i];
      const char *text = gw_block_get_text (block);
      GwHeadingMarker marker;
      guint skip = 0;

      if (gw_block_get_kind (block) == GW_BLOCK_TABLE)
        continue;
      /* A heading mark in half-width brackets, (一), is half-width
       * punctuation too; a well-formed 1. is not. */
      if (gw_heading_marker_parse (text, &marker) && marker.well_formed)
        {
          g_autofree char *mark = g_strndup (text, marker.length);
          skip = g_utf8_strlen (mark, -1);
        }
      scan_punctuation (ctx, rule, m, findings, text, i, -1, skip);
    }
}

/* ---- registry ------------------------------------------------------------ */

/* ---- check.incomplete --------------------------------------------------- */

/* U+FFFD stands where an import met bytes it could not decode: what the
 * author wrote there never reached the checker. (The rule's other half,
 * a pattern the engine gave up on, is reported by _gw_rule_check() for
 * whichever rule it was.) */
static void
builtin_unreadable_text (GwCheckContext *ctx,
                         GwRuleWords    *rule,
                         GwMatcher      *m,
                         GPtrArray      *findings)
{
  const char *p = ctx->text;
  const char *end = ctx->text + ctx->len;
  guint last_block = G_MAXUINT;

  while ((p = g_strstr_len (p, end - p, "\xEF\xBF\xBD")) != NULL)
    {
      gsize pos = p - ctx->text;
      guint block = _gw_check_context_block_at (ctx, pos);

      /* one finding a paragraph is enough to send the author back to it */
      if (block != last_block)
        {
          GwFinding *f = _gw_rule_make_finding (rule, m, ctx->lang, NULL,
                                                ctx->lang == 0
                                                ? "这里有无法识别的字符（\xEF\xBF\xBD），原文此处未经检查"
                                                : "unreadable characters (\xEF\xBF\xBD) here; "
                                                  "what the source said was not checked");
          _gw_finding_place_text (ctx, f, pos, pos + 3);
          g_ptr_array_add (findings, f);
          last_block = block;
        }
      p += 3;
    }
}

static const struct {
  const char    *name;
  GwBuiltinFunc  func;
} builtins[] = {
  { "doc-number", builtin_doc_number },
  { "date", builtin_date },
  { "heading-sequence", builtin_heading_sequence },
  { "required-elements", builtin_required_elements },
  { "punctuation", builtin_punctuation },
  { "unreadable-text", builtin_unreadable_text },
  { "doc-number-register", _gw_builtin_doc_number_register },
};

GwBuiltinFunc
_gw_builtin_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_strcmp0 (builtins[i].name, name) == 0)
      return builtins[i].func;
  return NULL;
}

const char * const *
_gw_builtin_names (void)
{
  static const char *names[G_N_ELEMENTS (builtins) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    names[i] = builtins[i].name;
  return names;
}
