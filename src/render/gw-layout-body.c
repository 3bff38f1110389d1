/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout-private.h"
#include "gw-text.h"

/* 主体 (§7.3): the title with its balanced breaks, 主送, the blocks of the
 * body, the 附件说明 list and the attachment pages. */

/* ---- 主体 ------------------------------------------------------------- */

/* Titles break at word boundaries (§7.3.1); Pango knows no Chinese words,
 * but a short bracketed group — （街道） 《办法》 “五社联动” — is never split. */
void
_gw_layout_keep_groups_whole (PangoLayout *layout,
                              const char  *text)
{
  static const char *open[] = { "（", "《", "“", "〔", "【" };
  static const char *close[] = { "）", "》", "”", "〕", "】" };
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    for (guint k = 0; k < G_N_ELEMENTS (open); k++)
      if (g_str_has_prefix (p, open[k]))
        {
          const char *limit = p;
          const char *end;

          /* only a group of ten characters or fewer counts: look no further
           * (a long title full of open brackets stays linear) */
          for (int n = 0; n < 12 && *limit; n++)
            limit = g_utf8_next_char (limit);
          end = g_strstr_len (p, limit - p, close[k]);
          if (end && g_utf8_strlen (p, end - p) <= 10)
            {
              PangoAttribute *a = pango_attr_allow_breaks_new (FALSE);
              a->start_index = p - text;
              a->end_index = end + strlen (close[k]) - text;
              pango_attr_list_insert (attrs, a);
            }
        }
  pango_layout_set_attributes (layout, attrs);
}

/* Words of these titles (§7.3.1: 回行时要做到词意完整). Pango knows no
 * Chinese words, so a title may be cut only where meaning units meet:
 * after a pause mark or a closing bracket, before 关于, after the 的 that
 * closes the subject, at the edges of the common words of these documents,
 * and after an administrative suffix (神木市|社工站). Anywhere else a word
 * may be cut in two, which costs far more than uneven lines. */
static const char *const title_words[] = {
  "关于", "印发", "转发", "做好", "加强", "加快", "推进", "推动", "进一步", "开展",
  "建立", "健全", "完善", "规范", "深化", "提升", "支持", "落实", "贯彻",
  "社会工作", "社会", "工作", "社工站", "社工室", "服务站", "服务中心", "工作站", "（室）",
  "乡镇", "街道", "社区", "村", "基层", "民政", "建设", "管理", "服务", "运营", "项目",
  "评估", "考核", "年度", "实施", "意见", "通知", "办法", "方案", "规定", "细则",
  "标准", "指南", "计划", "报告", "批复", "函", "人民政府", "办公室", "办公厅",
  "民政局", "财政局", "民政厅", "财政厅", "政府", "购买", "承接", "机构", "资金",
  "五社联动", "试点", "体系", "能力", "人才", "队伍", "专业", "全面", "加快推进",
};
static const char *const title_suffixes[] = { "市", "县", "区", "省", "镇", "乡" };

enum { BREAK_GOOD = 0, BREAK_WORD = 10, BREAK_UNKNOWN = 300, BREAK_INSIDE = 2000 };

/* Penalty of a break before character @i of @text (offsets in characters,
 * @offset[] their byte offsets, @m characters in all). */
static int
title_break_penalty (const char *text,
                     const int  *offset,
                     int         m,
                     int         i)
{
  const char *next = text + offset[i];
  gunichar prev = g_utf8_get_char (text + offset[i - 1]);
  gunichar c = g_utf8_get_char (next);
  gboolean edge = FALSE;

  if (g_utf8_strchr ("的了", -1, c))
    return BREAK_INSIDE;             /* a line never starts with 的 */
  if (g_utf8_strchr ("、，；：）》”】〕", -1, prev) || g_str_has_prefix (next, "关于"))
    return BREAK_GOOD;
  if (prev == 0x7684 /* 的 */)
    return BREAK_GOOD + 5;
  for (guint w = 0; w < G_N_ELEMENTS (title_words); w++)
    {
      int len = g_utf8_strlen (title_words[w], -1);

      /* every occurrence of the word that covers or touches the break */
      for (int a = MAX (0, i - len); a <= i && a + len <= m; a++)
        if (strncmp (text + offset[a], title_words[w], strlen (title_words[w])) == 0)
          {
            if (a < i && i < a + len)
              return BREAK_INSIDE;
            edge = TRUE;
          }
    }
  for (guint w = 0; !edge && w < G_N_ELEMENTS (title_suffixes); w++)
    edge = g_str_has_prefix (text + offset[i - 1], title_suffixes[w]);
  if (edge)
    return BREAK_WORD;
  if (g_utf8_strchr ("和与及", -1, prev) || g_utf8_strchr ("和与及", -1, c))
    return BREAK_WORD + 20;
  return BREAK_UNKNOWN;
}

/* Breaks one line of a title (no author breaks inside) into the fewest
 * lines that fit, choosing among Pango's legal break points those that
 * keep meaning units whole and give lines of nearly equal length
 * (梯形/菱形). Returns the text with '\n' at the breaks. */
char *
_gw_layout_break_title_line (GwPagination *p,
                             const char   *text)
{
  g_autoptr(PangoLayout) one = NULL;
  g_autoptr(PangoLayout) wrapped = NULL;
  const PangoLogAttr *attrs;
  int n_attrs, n_lines, m;
  g_autofree double *x = NULL;
  g_autofree int *offset = NULL;
  g_autofree double *cost = NULL;
  g_autofree int *from = NULL;
  GString *out;
  int k, *cuts, line;

  m = g_utf8_strlen (text, -1);
  if (m > 400)
    return g_strdup (text);
  one = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, -1, text);
  wrapped = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W, text);
  _gw_layout_keep_groups_whole (one, text);
  _gw_layout_keep_groups_whole (wrapped, text);
  n_lines = pango_layout_get_line_count (wrapped);
  if (n_lines < 2)
    return g_strdup (text);
  attrs = pango_layout_get_log_attrs_readonly (one, &n_attrs);
  x = g_new (double, m + 1);
  offset = g_new (int, m + 1);
  for (int i = 0; i <= m; i++)
    {
      PangoRectangle pos;

      offset[i] = g_utf8_offset_to_pointer (text, i) - text;
      pango_layout_index_to_pos (one, offset[i], &pos);
      x[i] = i == m ? _gw_layout_width (one) : pos.x / (double) PANGO_SCALE;
    }

  /* cost[l·(m+1) + i]: best way to set text[0, i) in l lines */
  cost = g_new (double, (gsize) (n_lines + 1) * (m + 1));
  from = g_new (int, (gsize) (n_lines + 1) * (m + 1));
  for (int i = 0; i < (n_lines + 1) * (m + 1); i++)
    cost[i] = G_MAXDOUBLE;
  cost[0] = 0;
  for (line = 1; line <= n_lines; line++)
    for (int j = 1; j <= m; j++)
      {
        double target = x[m] / n_lines;
        int pen;

        if (j < m && (j >= n_attrs || !attrs[j].is_line_break))
          continue;
        pen = j < m ? title_break_penalty (text, offset, m, j) : 0;
        for (int i = 0; i < j; i++)
          {
            double w = x[j] - x[i], d = (w - target) / SIZE_TITLE, c;

            if (cost[(line - 1) * (m + 1) + i] == G_MAXDOUBLE || w > GW_TA_W)
              continue;
            c = cost[(line - 1) * (m + 1) + i] + 10 * d * d + pen;
            if (c < cost[line * (m + 1) + j])
              {
                cost[line * (m + 1) + j] = c;
                from[line * (m + 1) + j] = i;
              }
          }
      }
  if (cost[n_lines * (m + 1) + m] == G_MAXDOUBLE)
    return g_strdup (text);

  cuts = g_newa (int, n_lines + 1);
  for (line = n_lines, k = m; line > 0; line--)
    {
      cuts[line] = k;
      k = from[line * (m + 1) + k];
    }
  cuts[0] = 0;
  out = g_string_new (NULL);
  for (line = 1; line <= n_lines; line++)
    {
      if (line > 1)
        g_string_append_c (out, '\n');
      g_string_append_len (out, text + offset[cuts[line - 1]],
                           offset[cuts[line]] - offset[cuts[line - 1]]);
    }
  return g_string_free (out, FALSE);
}

/* The title: 二号, centred, each line the author wrote broken where its
 * meaning allows into lines of nearly equal length. */
gboolean
_gw_layout_title (GwPagination *p)
{
  const char *title = _gw_layout_meta (p, GW_META_TITLE);
  g_autoptr(PangoLayout) l = NULL;
  g_autofree char *where = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *text = NULL;

  if (title == NULL)
    return TRUE;
  where = _gw_layout_where_meta (p, GW_META_TITLE);
  parts = g_strsplit (title, "\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *broken = _gw_layout_break_title_line (p, parts[i]);

      g_free (parts[i]);
      parts[i] = broken;
    }
  text = g_strjoinv ("\n", parts);
  if (strlen (text) > GW_CHUNK)
    {
      /* a title no one would write, but one that must not be lost: set
       * like body text, centred, cut before shaping */
      GwTextSpec spec = { GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W, 0, FALSE, PANGO_ALIGN_CENTER,
                          0, 0 };
      g_autoptr(GArray) lines = _gw_layout_lines_new ();

      if (!_gw_layout_lay_text (p, &spec, text, _gw_ledger_entry (p, where, title, -1), where,
                                lines))
        return FALSE;
      _gw_layout_flow_lines (p, lines, GW_TA_LEFT, SIZE_TITLE, BLACK);
      _gw_layout_add_outline (p, _("the title"), 0, p->flow_page, p->flow_y - SIZE_TITLE);
      _gw_layout_skip_lines (p, 1);
      return TRUE;
    }
  l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W, text);
  /* the breaks put in are line breaks, which need no glyph */
  _gw_ledger_span (_gw_ledger_entry (p, where, title, -1), l, 0, strlen (text));
  pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  _gw_layout_keep_groups_whole (l, text);
  if (!_gw_pagination_check_glyphs (p, l, where))
    return FALSE;
  {
    double w = pango_layout_get_width (l) / (double) PANGO_SCALE;
    _gw_layout_flow (p, l, GW_TA_LEFT + (GW_TA_W - w) / 2, SIZE_TITLE, BLACK);
    g_autofree char *flat = g_strdelimit (g_strdup (title), "\n", ' ');
    _gw_layout_add_outline (p, flat, 0, p->flow_page, p->flow_y - SIZE_TITLE);
  }
  _gw_layout_skip_lines (p, 1);
  return TRUE;
}

gboolean
_gw_layout_recipients (GwPagination *p)
{
  const char *to = _gw_layout_meta (p, GW_META_RECIPIENTS);
  g_autofree char *where = NULL;

  if (to == NULL)
    return TRUE;
  where = _gw_layout_where_meta (p, GW_META_RECIPIENTS);
  return _gw_layout_flow_grid_text (p, GW_FONT_ROLE_FANGSONG, to, 0, where, 0, 0);
}

/* Byte length of a heading's own text: up to and including the first 。
 * (a heading that runs on is heading font only up to there). */
static gsize
heading_length (const char *text)
{
  const char *stop = strstr (text, "。");

  return stop ? (gsize) (stop - text) + strlen ("。") : strlen (text);
}

gboolean
_gw_layout_block (GwPagination *p,
                  GwBlock      *block,
                  guint         index)
{
  g_autofree char *where = _gw_layout_where_block (block, index);
  const char *text = gw_text_skip_indent (gw_block_get_text (block));

  switch (gw_block_get_kind (block))
    {
    case GW_BLOCK_TABLE:
      return _gw_layout_body_table (p, block, where);

    case GW_BLOCK_HEADING:
      {
        guint level = gw_block_get_level (block);
        gsize head = heading_length (text);
        GwTextSpec spec = { GW_FONT_ROLE_FANGSONG, GW_BODY_SIZE, _gw_layout_grid_width (GW_CHARS),
                            2 * GW_CHAR, TRUE, PANGO_ALIGN_LEFT, 0, 0 };
        g_autoptr(GArray) lines = _gw_layout_lines_new ();
        g_autofree char *label = NULL;

        if (level == 1 || level == 2)
          {
            spec.head_role = level == 1 ? GW_FONT_ROLE_HEITI : GW_FONT_ROLE_KAITI;
            spec.head_len = head;
          }
        if (!_gw_layout_lay_text (p, &spec, text, _gw_ledger_entry (p, where, text, -1), where,
                                  lines))
          return FALSE;
        /* Keep a heading with the line that follows it. */
        if (lines->len == 1 && _gw_layout_current_slot (p) == GW_LINES - 1)
          _gw_pagination_new_page (p);
        _gw_layout_flow_lines (p, lines, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
        /* the outline shows the heading's first few hundred bytes at most,
         * cut between characters */
        if (head > 600)
          head = g_utf8_find_prev_char (text, text + 601) - text;
        label = g_strndup (text, head);
        if (g_str_has_suffix (label, "。"))
          label[strlen (label) - strlen ("。")] = '\0';
        _gw_layout_add_outline (p, label, level ? level : 1, p->flow_page,
                                p->flow_y - GW_BODY_SIZE);
        return TRUE;
      }

    case GW_BLOCK_PARAGRAPH:
    default:
      if (*text == '\0')
        {
          _gw_layout_skip_lines (p, 1);
          return TRUE;
        }
      return _gw_layout_flow_grid_text (p, GW_FONT_ROLE_FANGSONG, text, 2, where, 0, 0);
    }
}

/* 附件说明: one empty line below the body, 左空二字, numbered names
 * aligned under the first, wrapped lines under the name's first character. */
gboolean
_gw_layout_attachment_list (GwPagination *p)
{
  const char * const *names = gw_document_get_attachments (p->doc);
  guint n = names ? g_strv_length ((char **) names) : 0;
  double label_w = 0;

  if (n == 0)
    return TRUE;
  _gw_layout_skip_lines (p, 1);
  label_w = _gw_layout_text_width (p, GW_FONT_ROLE_FANGSONG, GW_BODY_SIZE, "附件：");
  label_w = round (label_w / GW_CHAR) * GW_CHAR;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = n == 1 ? g_strdup ("") : g_strdup_printf ("%u．", i + 1);
      g_autofree char *text = g_strconcat (i == 0 ? "附件：" : "", prefix, names[i], NULL);
      g_autofree char *where = NULL;
      guint line = gw_document_get_attachment_line (p->doc, i);
      g_autoptr(PangoLayout) l = NULL;
      double x0 = GW_TA_LEFT + 2 * GW_CHAR + (i == 0 ? 0 : label_w);
      double hang;

      where = line ? g_strdup_printf (_("line %u"), line)
                   : g_strdup_printf (_("attachment %u"), i + 1);
      l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, text,
                                  (GW_TA_LEFT + GW_TA_W - x0) / GW_CHAR, 0, NULL);
      _gw_ledger_account (p, l, where, names[i], strlen (text) - strlen (names[i]));
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      {
        g_autofree char *head = g_strconcat (i == 0 ? "附件：" : "", prefix, NULL);
        g_autoptr(PangoLayout) hl = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, head,
                                                            GW_CHARS, 0, NULL);
        hang = *head ? _gw_layout_width (hl) + (GW_CHAR - GW_BODY_SIZE) : 0;
      }
      pango_layout_set_indent (l, (int) lround (-hang * PANGO_SCALE));
      _gw_layout_flow (p, l, x0, GW_BODY_SIZE, BLACK);
    }
  return TRUE;
}

/* 附件 pages: each on a new page, 附件N in 黑体 on line 1, the title
 * centred on line 3, then the content like the body. */
gboolean
_gw_layout_attachments (GwPagination *p)
{
  guint n = gw_document_get_n_blocks (p->doc);
  gboolean inside = FALSE;

  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (p->doc, i);

      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        {
          guint number = gw_block_get_number (block);
          g_autofree char *label = number ? g_strdup_printf ("附件%u", number) : g_strdup ("附件");
          g_autofree char *where = _gw_layout_where_block (block, i);
          const char *title = gw_text_skip_indent (gw_block_get_text (block));
          g_autoptr(PangoLayout) ll = NULL;

          inside = TRUE;
          _gw_pagination_new_page (p);
          ll = _gw_layout_grid_layout (p, GW_FONT_ROLE_HEITI, label, GW_CHARS, 0, NULL);
          _gw_layout_flow (p, ll, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
          _gw_layout_add_outline (p, label, 1, p->pages->len - 1, GW_TA_TOP);
          _gw_layout_skip_lines (p, 1);
          if (*title)
            {
              g_autofree char *broken = _gw_layout_break_title_line (p, title);
              g_autoptr(PangoLayout) tl = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE,
                                                                  SIZE_TITLE, GW_TA_W, broken);
              pango_layout_set_alignment (tl, PANGO_ALIGN_CENTER);
              _gw_layout_keep_groups_whole (tl, broken);
              _gw_ledger_span (_gw_ledger_entry (p, where, title, -1), tl, 0, strlen (broken));
              if (!_gw_pagination_check_glyphs (p, tl, where))
                return FALSE;
              _gw_layout_flow (p, tl, GW_TA_LEFT, SIZE_TITLE, BLACK);
              _gw_layout_skip_lines (p, 1);
            }
          continue;
        }
      if (inside && !_gw_layout_block (p, block, i))
        return FALSE;
    }
  return TRUE;
}
