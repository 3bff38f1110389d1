/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-summary"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gw-docx-writer.h"
#include "gw-error.h"
#include "gw-layout.h"
#include "gw-numeral.h"
#include "gw-summary.h"

/* The report is a Chinese official document for the bureau, like the
 * evaluation form the layout sets: its wording is Chinese whatever the
 * interface language. */

#define BLACK       0x000000
#define SIZE_NOTE   14.0     /* 四号: page numbers, as the layout */
#define SIZE_CHART  10.5     /* 五号: chart labels */
#define MARK        "※"      /* figures of a form with error findings */

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
rows_add (GPtrArray *rows,
          ...)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  va_list args;
  const char *s;

  va_start (args, rows);
  while ((s = va_arg (args, const char *)))
    g_strv_builder_add (b, s);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (b));
}

static void
add_paragraph (GwDocument *doc,
               const char *text)
{
  g_autoptr(GwBlock) b = gw_block_new (GW_BLOCK_PARAGRAPH, text);
  gw_document_append_block (doc, b);
}

static void
add_heading (GwDocument *doc,
             const char *text)
{
  g_autoptr(GwBlock) b = gw_block_new_heading (1, text);
  gw_document_append_block (doc, b);
}

static void
add_table (GwDocument *doc,
           GPtrArray  *rows)
{
  g_autoptr(GwBlock) b = gw_block_new_table (rows);
  gw_document_append_block (doc, b);
}

static double
row_subtotal (GwRoundRow *r,
              const char *id)
{
  for (guint j = 0; j < r->n_sections; j++)
    if (g_str_equal (r->section_ids[j], id))
      return r->subtotals[j];
  return NAN;
}

/* A figure of a form with errors carries the mark: it is shown, never
 * counted as if it were right. */
static char *
figure (GwRoundRow *r,
        double      v)
{
  g_autofree char *s = gw_round_format_score (v);

  if ((r->n_errors > 0 || !GW_ROUND_ROW_FINISHED (r)) && *s)
    return g_strconcat (s, MARK, NULL);
  return g_steal_pointer (&s);
}

/* ①…⑳, then (21) … */
static char *
decision_key (guint index)
{
  if (index < 20)
    {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (0x2460 + index, buf);
      return g_strdup (buf);
    }
  return g_strdup_printf ("（%u）", index + 1);
}

static char *
title_of (GwRoundSummary *s)
{
  if (s->year)
    return g_strdup_printf ("%u年度社工站运营服务项目评估结果汇总表", s->year);
  return g_strdup ("社工站运营服务项目评估结果汇总表");
}

GwDocument *
gw_summary_to_document (GwRoundSummary *s)
{
  GwDocument *doc;
  g_autofree char *title = NULL;
  g_autoptr(GString) intro = g_string_new (NULL);
  g_autoptr(GPtrArray) table = rows_new ();
  g_autoptr(GStrvBuilder) head = g_strv_builder_new ();
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_free);
  guint n_reprocure = 0;

  g_return_val_if_fail (s != NULL, NULL);

  doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  title = title_of (s);
  gw_document_set_meta (doc, GW_META_TITLE, title);

  g_string_append_printf (intro, "本表汇总评估表%u份：读取%u份", s->rows->len, s->n_read);
  if (s->n_unreadable)
    g_string_append_printf (intro, "，无法读取%u份（见第五部分）", s->n_unreadable);
  g_string_append (intro, "。");
  if (s->n_with_errors)
    g_string_append_printf (intro, "其中%u份有错误（见第四部分），其数据后标注“" MARK
                            "”，待核实后再用，不计入等次分布和平均分。", s->n_with_errors);
  if (s->n_unfinished)
    g_string_append_printf (intro, "%u份尚未评完，其数据后标注“" MARK "”，不评等次，不计入等次分布和平均分。",
                            s->n_unfinished);
  if (s->n_counted && !isnan (s->mean_total))
    {
      g_autofree char *mean = gw_number_format_fixed (s->mean_total, 1);

      g_string_append_printf (intro, "无错误的%u份平均总分%s分。", s->n_counted, mean);
    }
  g_string_append (intro, "总分、分项小计、等次和结果运用均按各表自身的指标、等次标准和结果运用表由评分计算。");
  add_paragraph (doc, intro->str);

  /* 一、the table, one row a station */
  add_heading (doc, "一、各站点评估结果");
  if (s->n_sections)
    {
      g_autoptr(GString) legend = g_string_new ("表中分项：");

      for (guint k = 0; k < s->n_sections; k++)
        {
          g_autofree char *max = gw_round_format_score (s->section_max[k]);
          g_string_append_printf (legend, "%s%s %s（%s分）", k ? "，" : "", s->section_ids[k],
                                  s->section_names[k], max);
        }
      g_string_append (legend, "。");
      add_paragraph (doc, legend->str);
    }
  /* the operator is in the CSV, the round view and the re-procure list:
   * here it would double every row's height */
  g_strv_builder_add_many (head, "序号", "站点", "周期", NULL);
  for (guint k = 0; k < s->n_sections; k++)
    {
      g_autofree char *max = gw_round_format_score (s->section_max[k]);
      g_autofree char *h = g_strdup_printf ("%s（%s）", s->section_ids[k], max);
      g_strv_builder_add (head, h);
    }
  g_strv_builder_add_many (head, "总分", "等次", "结果运用", NULL);
  g_ptr_array_add (table, g_strv_builder_end (head));
  for (guint i = 0, n = 0; i < s->rows->len; i++)
    {
      GwRoundRow *r = g_ptr_array_index (s->rows, i);
      g_autoptr(GStrvBuilder) b = NULL;
      g_autofree char *num = NULL;
      g_autofree char *year = NULL;
      g_autofree char *total = NULL;
      g_autofree char *grade = NULL;

      if (r->status == GW_FORM_STATUS_UNREADABLE)
        continue;
      b = g_strv_builder_new ();
      num = g_strdup_printf ("%u", ++n);
      year = r->cycle_year ? g_strdup_printf ("%u", r->cycle_year) : g_strdup ("");
      g_strv_builder_add_many (b, num, r->station, year, NULL);
      for (guint k = 0; k < s->n_sections; k++)
        {
          g_autofree char *v = figure (r, row_subtotal (r, s->section_ids[k]));
          g_strv_builder_add (b, v);
        }
      total = figure (r, r->total);
      g_strv_builder_add (b, total);
      grade = r->vetoed ? g_strdup_printf ("%s（否决）", r->grade) : g_strdup (r->grade);
      if (r->n_errors)
        {
          g_autofree char *g = g_strconcat (grade, MARK, NULL);
          g_strv_builder_add_many (b, g, "待核实", NULL);
        }
      else if (!GW_ROUND_ROW_FINISHED (r))
        g_strv_builder_add_many (b, "—", r->n_scored ? "未评完" : "未评分", NULL);
      else
        {
          /* the decision by its key: the full text, a sentence long, once
           * under the table rather than wrapped over four lines per row */
          g_autofree char *key = NULL;
          guint d;

          for (d = 0; d < decisions->len; d++)
            if (g_str_equal (g_ptr_array_index (decisions, d), r->decision))
              break;
          if (d == decisions->len)
            g_ptr_array_add (decisions, g_strdup (r->decision));
          key = decision_key (d);
          g_strv_builder_add_many (b, grade, key, NULL);
        }
      g_ptr_array_add (table, g_strv_builder_end (b));
      if (r->reprocure && r->n_errors == 0 && GW_ROUND_ROW_FINISHED (r))
        n_reprocure++;
    }
  if (table->len > 1)
    {
      g_autoptr(GString) legend = g_string_new ("结果运用：");

      add_table (doc, table);
      for (guint d = 0; d < decisions->len; d++)
        {
          g_autofree char *key = decision_key (d);
          g_string_append_printf (legend, "%s%s%s", d ? "；" : "", key,
                                  (char *) g_ptr_array_index (decisions, d));
        }
      if (decisions->len)
        g_string_append (legend, "。");
      g_string_append (legend, "“否决”：有一票否决事项，评为最低等次；“待核实”：表中有错误；"
                               "“未评完”“未评分”：尚有指标未评分，不评等次。");
      add_paragraph (doc, legend->str);
    }
  else
    add_paragraph (doc, "无可读取的评估表。");

  /* 二、grade distribution (forms free of errors) */
  add_heading (doc, "二、等次分布");
  {
    g_autoptr(GPtrArray) dist = rows_new ();

    rows_add (dist, "等次", "站点数", "占比", NULL);
    for (guint k = 0; k < s->grade_names->len; k++)
      {
        guint n = g_array_index (s->grade_counts, guint, k);
        g_autofree char *count = g_strdup_printf ("%u", n);
        g_autofree char *percent = gw_number_format_fixed (100.0 * n / MAX (s->n_counted, 1), 1);
        g_autofree char *share = g_strconcat (percent, "%", NULL);
        const char *name = g_ptr_array_index (s->grade_names, k);

        rows_add (dist, *name ? name : "（无等次）", count, share, NULL);
      }
    if (s->n_with_errors)
      {
        g_autofree char *count = g_strdup_printf ("%u", s->n_with_errors);
        rows_add (dist, "有错误，待核实", count, "—", NULL);
      }
    if (s->n_unfinished)
      {
        g_autofree char *count = g_strdup_printf ("%u", s->n_unfinished);
        rows_add (dist, "尚未评完", count, "—", NULL);
      }
    {
      g_autofree char *count = g_strdup_printf ("%u", s->n_read);
      rows_add (dist, "合计", count, "", NULL);
    }
    add_table (doc, dist);
  }

  /* 三、stations whose operator is procured afresh */
  add_heading (doc, "三、须重新采购的站点");
  if (n_reprocure == 0)
    add_paragraph (doc, "无。");
  else
    {
      g_autoptr(GPtrArray) list = rows_new ();

      rows_add (list, "站点", "承接机构", "等次", "结果运用", NULL);
      for (guint i = 0; i < s->rows->len; i++)
        {
          GwRoundRow *r = g_ptr_array_index (s->rows, i);

          if (r->status != GW_FORM_STATUS_UNREADABLE && r->reprocure && r->n_errors == 0 &&
              GW_ROUND_ROW_FINISHED (r))
            rows_add (list, r->station, r->operator_, r->grade, r->decision, NULL);
        }
      add_table (doc, list);
    }

  /* 四、forms with error findings */
  add_heading (doc, "四、有错误的评估表");
  if (s->n_with_errors == 0)
    add_paragraph (doc, "无。");
  else
    {
      g_autoptr(GPtrArray) list = rows_new ();

      rows_add (list, "站点", "错误数", "问题总数", "文件", NULL);
      for (guint i = 0; i < s->rows->len; i++)
        {
          GwRoundRow *r = g_ptr_array_index (s->rows, i);
          g_autofree char *ne = g_strdup_printf ("%u", r->n_errors);
          g_autofree char *nf = g_strdup_printf ("%u", r->n_findings);
          g_autofree char *base = NULL;

          if (r->status == GW_FORM_STATUS_UNREADABLE || r->n_errors == 0)
            continue;
          base = g_path_get_basename (r->path ? r->path : "");
          rows_add (list, r->station, ne, nf, base, NULL);
        }
      add_table (doc, list);
    }

  /* 五、files that could not be read */
  add_heading (doc, "五、无法读取的文件");
  if (s->n_unreadable == 0)
    add_paragraph (doc, "无。");
  else
    {
      g_autoptr(GPtrArray) list = rows_new ();

      rows_add (list, "文件", "原因", NULL);
      for (guint i = 0; i < s->rows->len; i++)
        {
          GwRoundRow *r = g_ptr_array_index (s->rows, i);
          g_autofree char *base = NULL;

          if (r->status != GW_FORM_STATUS_UNREADABLE)
            continue;
          base = g_path_get_basename (r->path ? r->path : "");
          rows_add (list, base, r->error ? r->error : "", NULL);
        }
      add_table (doc, list);
    }

  add_heading (doc, "六、总分和分项得分图");
  add_paragraph (doc, s->n_read ? "见附图：各站点总分，按分项分段。"
                                : "无可读取的评估表，不作图。");
  return doc;
}

/* ---- the chart ---------------------------------------------------------- */

/* Greys far enough apart to tell in a photocopy, every segment outlined
 * and labelled with its section id where it is wide enough. */
static const guint32 shades[] = { 0x303030, 0xF0F0F0, 0x808080, 0xFFFFFF, 0xB0B0B0, 0x505050,
                                  0xD8D8D8, 0x000000 };

static guint32
text_on (guint32 shade)
{
  return (shade & 0xFF) < 0x90 ? 0xFFFFFF : BLACK;
}

static double
text_w (PangoLayout *l)
{
  PangoRectangle log;

  pango_layout_get_extents (l, NULL, &log);
  return log.width / (double) PANGO_SCALE;
}

static gboolean
add_label (GwPagination *p,
           const char   *text,
           double        size,
           double        x,
           double        baseline,
           double        max_w,
           gboolean      right,
           guint32       rgb)
{
  g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, size, -1, text);
  GwOp *op;
  double w;

  if (!_gw_pagination_check_glyphs (p, l, "汇总图"))
    return FALSE;
  w = text_w (l);
  op = _gw_page_add_text (p->page, l, 0, right ? x - MIN (w, max_w) : x, baseline, rgb);
  /* a long station name is narrowed to its column rather than cut */
  if (max_w > 0 && w > max_w)
    op->hscale = max_w / w;
  return TRUE;
}

#define CHART_ROW   15.0
#define CHART_BAR   10.0
#define LABEL_W     (6 * GW_CHAR)

static gboolean
chart_page (GwPagination   *p,
            GwRoundSummary *s,
            double          scale_max,
            gboolean        first)
{
  GwSheet *page = _gw_pagination_new_page (p);
  double y = GW_TA_TOP, x0 = GW_TA_LEFT + LABEL_W + 4, bar_w = GW_TA_W - LABEL_W - 4 - 2 * GW_CHAR;
  double lx;

  (void) page;
  if (!add_label (p, first ? "附图  各站点总分及分项得分" : "附图（续）", 16.0,
                  GW_TA_LEFT, y + 16.0 * GW_ASCENT, 0, FALSE, BLACK))
    return FALSE;
  y += 28;
  /* legend: one swatch per section */
  lx = GW_TA_LEFT;
  for (guint k = 0; k < s->n_sections; k++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", s->section_ids[k], s->section_names[k]);
      guint32 shade = shades[k % G_N_ELEMENTS (shades)];
      g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, SIZE_CHART, -1, name);
      double w = text_w (l) + 16;

      if (lx + w > GW_TA_LEFT + GW_TA_W)
        {
          lx = GW_TA_LEFT;
          y += CHART_ROW;
        }
      _gw_page_add_rule (p->page, lx, y + 5, 10, 8, shade);
      _gw_page_add_box (p->page, lx, y + 1, 10, 8, 0.5);
      if (!add_label (p, name, SIZE_CHART, lx + 13, y + 9, 0, FALSE, BLACK))
        return FALSE;
      lx += w + 8;
    }
  y += CHART_ROW + 4;
  {
    const char *note = "横条长度为总分，分段为各分项小计；" MARK "及空心条：有错误待核实或尚未评完；竖线为等次分数线。";
    if (!add_label (p, note, SIZE_CHART, GW_TA_LEFT, y + 9, GW_TA_W, FALSE, BLACK))
      return FALSE;
  }
  p->y = y + CHART_ROW + 6;
  (void) scale_max;
  (void) x0;
  (void) bar_w;
  return TRUE;
}

static gboolean
draw_axis (GwPagination   *p,
           GwRoundSummary *s,
           double          top,
           double          bottom,
           double          x0,
           double          bar_w,
           double          scale_max,
           GPtrArray      *grades)
{
  /* scale along the bottom, grade cut-offs as thin vertical lines */
  _gw_page_add_rule (p->page, x0, bottom, bar_w, 0.6, BLACK);
  for (int v = 0; v <= (int) scale_max; v += scale_max > 50 ? 10 : 5)
    {
      g_autofree char *t = g_strdup_printf ("%d", v);
      double x = x0 + bar_w * v / scale_max;
      g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, 8, -1, t);

      _gw_page_add_rule (p->page, x - 0.3, bottom + 2, 0.6, 4, BLACK);
      _gw_page_add_text (p->page, l, 0, x - text_w (l) / 2, bottom + 12, BLACK);
    }
  for (guint g = 0; grades && g < grades->len; g++)
    {
      GwGrade *gr = g_ptr_array_index (grades, g);
      g_autofree char *t = NULL;
      g_autofree char *min = NULL;
      double x;

      if (gr->min <= 0 || gr->min > scale_max)
        continue;
      x = x0 + bar_w * gr->min / scale_max;
      /* dashed: short rules down the plot */
      for (double yy = top; yy < bottom; yy += 6)
        _gw_page_add_rule (p->page, x - 0.3, yy + 1.5, 0.6, MIN (3, bottom - yy), 0x404040);
      min = gw_round_format_score (gr->min);
      t = g_strdup_printf ("%s%s", gr->name, min);
      if (!add_label (p, t, 8, x + 1, top - 2, 0, FALSE, BLACK))
        return FALSE;
    }
  (void) s;
  return TRUE;
}

static gboolean
layout_chart (GwPagination   *p,
              GwRoundSummary *s,
              GPtrArray      *grades)
{
  double x0 = GW_TA_LEFT + LABEL_W + 4, bar_w = GW_TA_W - LABEL_W - 4 - 2.5 * GW_CHAR;
  double scale_max = 0, top = 0;
  g_autoptr(GPtrArray) letters = NULL;
  gboolean first = TRUE;
  guint on_page = 0;

  for (guint i = 0; i < s->rows->len; i++)
    {
      GwRoundRow *r = g_ptr_array_index (s->rows, i);
      if (r->status != GW_FORM_STATUS_UNREADABLE)
        scale_max = MAX (scale_max, MAX (r->max, r->total));
    }
  if (scale_max <= 0)
    return TRUE;
  scale_max = ceil (scale_max / 10) * 10;
  /* one layout per section id, shared by every bar's segment label */
  letters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint k = 0; k < s->n_sections; k++)
    g_ptr_array_add (letters, _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, 7, -1,
                                                     s->section_ids[k]));

  for (guint i = 0; i < s->rows->len; i++)
    {
      GwRoundRow *r = g_ptr_array_index (s->rows, i);
      g_autofree char *total = NULL;
      double x, y;

      if (r->status == GW_FORM_STATUS_UNREADABLE)
        continue;
      if (first || p->y + CHART_ROW > GW_TA_BOTTOM - 24)
        {
          if (!first && !draw_axis (p, s, top, p->y, x0, bar_w, scale_max, grades))
            return FALSE;
          if (!chart_page (p, s, scale_max, first))
            return FALSE;
          first = FALSE;
          top = p->y;
          on_page = 0;
        }
      y = p->y;
      if (!add_label (p, r->station, SIZE_CHART, x0 - 4, y + CHART_BAR / 2 + SIZE_CHART * 0.35,
                      LABEL_W, TRUE, BLACK))
        return FALSE;
      x = x0;
      for (guint k = 0; k < s->n_sections; k++)
        {
          double v = row_subtotal (r, s->section_ids[k]);
          guint32 shade = shades[k % G_N_ELEMENTS (shades)];
          double w;

          if (isnan (v) || v <= 0)
            continue;
          w = bar_w * v / scale_max;
          /* a form with errors or blanks: outlines only, nothing to compare yet */
          if (r->n_errors == 0 && GW_ROUND_ROW_FINISHED (r))
            _gw_page_add_rule (p->page, x, y + CHART_BAR / 2, w, CHART_BAR, shade);
          _gw_page_add_box (p->page, x, y, w, CHART_BAR, 0.4);
          if (w > 9 && r->n_errors == 0 && GW_ROUND_ROW_FINISHED (r))
            {
              PangoLayout *l = g_ptr_array_index (letters, k);

              if (text_w (l) < w - 2)
                _gw_page_add_text (p->page, l, 0, x + (w - text_w (l)) / 2,
                                   y + CHART_BAR / 2 + 2.5, text_on (shade));
            }
          x += w;
        }
      total = figure (r, r->total);
      if (r->vetoed)
        {
          g_autofree char *t = g_strconcat (total, " 否决", NULL);
          g_free (total);
          total = g_steal_pointer (&t);
        }
      if (!add_label (p, total, SIZE_CHART, x + 3, y + CHART_BAR / 2 + SIZE_CHART * 0.35, 0, FALSE,
                      BLACK))
        return FALSE;
      p->y += CHART_ROW;
      on_page++;
    }
  if (!first && !draw_axis (p, s, top, p->y, x0, bar_w, scale_max, grades))
    return FALSE;
  (void) on_page;
  return TRUE;
}

/* "— N —" as the layout numbers its own pages (§7.5), for the chart pages
 * added after it. */
static void
number_pages_from (GwPagination *p,
                   guint         from)
{
  for (guint i = from; i < p->pages->len; i++)
    {
      GwSheet *page = g_ptr_array_index (p->pages, i);
      g_autofree char *text = g_strdup_printf ("— %u —", i + 1);
      g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_SONGTI, SIZE_NOTE, -1, text);
      double w = text_w (l);
      double x = ((i + 1) % 2 == 1) ? GW_TA_LEFT + GW_TA_W - GW_CHAR - w : GW_TA_LEFT + GW_CHAR;
      double base = GW_TA_BOTTOM + 7.0 * GW_MM - SIZE_NOTE / 2 + GW_ASCENT * SIZE_NOTE;

      page->number = i + 1;
      _gw_page_add_text (page, l, 0, x, base, BLACK);
    }
}

static GwPagination *
paginate (GwRenderer     *renderer,
          GwRoundSummary *s,
          GError        **error)
{
  g_autoptr(GwDocument) doc = gw_summary_to_document (s);
  g_autoptr(GwPagination) p = NULL;
  guint n_pages;

  p = gw_renderer_paginate (renderer, doc, error);
  if (p == NULL)
    return NULL;
  n_pages = p->pages->len;
  p->landscape = FALSE;
  p->source = "汇总图";
  /* the cut-off lines are the first form's scale */
  if (!layout_chart (p, s, s->grades))
    {
      if (p->error)
        g_propagate_error (error, g_steal_pointer (&p->error));
      else
        g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("the summary chart failed"));
      return NULL;
    }
  number_pages_from (p, n_pages);
  return g_steal_pointer (&p);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
gw_summary_render_pdf (GwRenderer     *renderer,
                       GwRoundSummary *summary,
                       GError        **error)
{
  g_autoptr(GwPagination) p = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (GW_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  p = paginate (renderer, summary, error);
  if (p == NULL)
    return NULL;
  bytes = g_byte_array_sized_new (256 * 1024);
  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, GW_PAGE_W, GW_PAGE_H);
  if (p->meta_title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, p->meta_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gongwen " PACKAGE_VERSION);
  /* the same forms give the same bytes: no clock in the file */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00");
  cr = cairo_create (surface);
  for (guint i = 0; i < p->pages->len; i++)
    {
      gw_pagination_draw_page (p, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("the summary: PDF output failed: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
gw_summary_export_pdf (GwRenderer     *renderer,
                       GwRoundSummary *summary,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = gw_summary_render_pdf (renderer, summary, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot write the summary: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
gw_summary_export (GwRenderer     *renderer,
                   GwRoundSummary *summary,
                   const char     *path,
                   GError        **error)
{
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_suffix (path, ".csv"))
    {
      g_autoptr(GBytes) csv = gw_round_summary_to_csv (summary);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_set_contents (path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                                &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: cannot write the summary: %s"), path, local_error->message);
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_has_suffix (path, ".pdf"))
    {
      g_return_val_if_fail (GW_IS_RENDERER (renderer), FALSE);
      return gw_summary_export_pdf (renderer, summary, path, error);
    }
  if (g_str_has_suffix (path, ".docx"))
    {
      /* the same document as the PDF's pages before the chart: Word has the
       * tables to edit; the chart stays in the PDF */
      g_autoptr(GwDocument) doc = gw_summary_to_document (summary);
      guint n = gw_document_get_n_blocks (doc);

      if (n > 0)
        gw_block_set_text (gw_document_get_block (doc, n - 1),
                           summary->n_read ? "总分和分项得分图见同名PDF汇总表。" : "无可读取的评估表，不作图。");
      return gw_docx_write_file (doc, path, error);
    }
  g_set_error (error, GW_ERROR, GW_ERROR_INVALID,
               _("%s: a summary is written as .pdf, .csv or .docx"), path);
  return FALSE;
}
