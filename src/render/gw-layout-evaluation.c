/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout-private.h"
#include "gw-numeral.h"

/* The annual evaluation form (the model of src/core/gw-evaluation.h) in the
 * GB/T 9704 frame. */

/* ---- 年度评估表 -------------------------------------------------------- */

#define SIZE_FORM 12.0   /* 小四: the form's tables */

static char *
format_score (double v)
{
  if (isnan (v))
    return g_strdup ("");
  /* scores move in halves: 4.5, 86.5, 15 */
  return gw_number_format (v, 1);
}

static const char *
field (GwEvaluation *ev,
       GwEvalField   f)
{
  const char *v = gw_evaluation_get_field (ev, f);

  return v ? v : "";
}

static void
add_row (GPtrArray  *rows,
         GArray     *kinds,
         guint8      kind,
         const char *first,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *c = first; c; c = va_arg (ap, const char *))
    g_ptr_array_add (cells, g_strdup (c));
  va_end (ap);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
  if (kinds)
    g_array_append_val (kinds, kind);
}

static gboolean
eval_table (GwPagination  *p,
            GPtrArray     *rows,
            GArray        *kinds,
            const double  *fractions,
            const GwFontRole *roles,
            guint          n_cols,
            guint          n_header,
            const double  *min_h)
{
  g_autofree double *widths = g_new (double, n_cols);
  GwTableStyle st = { 0 };

  for (guint c = 0; c < n_cols; c++)
    widths[c] = fractions[c] * GW_TA_W;
  st.n_cols = n_cols;
  st.widths = widths;
  st.size = SIZE_FORM;
  st.pad = 3;
  st.line_h = SIZE_FORM * 1.5;
  st.n_header = n_header;
  st.roles = roles;
  st.kinds = kinds ? (const guint8 *) kinds->data : NULL;
  st.min_h = min_h;
  st.bottom = GW_TA_BOTTOM;
  return _gw_layout_place_table (p, &st, rows, _("the evaluation form"));
}

/* A line of 3号 text at p->y (not on the grid: the form is a table). */
static gboolean
eval_text (GwPagination *p,
           GwFontRole    role,
           double        size,
           const char   *text,
           PangoAlignment align)
{
  g_autoptr(PangoLayout) l = _gw_pagination_layout (p, role, size, GW_TA_W, text);
  PangoLayoutIter *it;
  int n = 0;

  pango_layout_set_alignment (l, align);
  _gw_ledger_account (p, l, _("the evaluation form"), text, 0);
  if (!_gw_pagination_check_glyphs (p, l, _("the evaluation form")))
    return FALSE;
  it = pango_layout_get_iter (l);
  do
    {
      PangoRectangle log;

      if (p->y + size * 1.5 > GW_TA_BOTTOM)
        _gw_pagination_new_page (p);
      pango_layout_iter_get_line_extents (it, NULL, &log);
      _gw_page_add_text (p->page, l, n++, GW_TA_LEFT + log.x / (double) PANGO_SCALE,
                         p->y + size * 0.25 + GW_ASCENT * size, BLACK);
      p->y += size * 1.5;
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
  return TRUE;
}

/* The evaluation form in the GB/T 9704 frame: title,
 * header block, the indicator table (header row repeated on every page),
 * totals, grade and decision in a box, the veto items as boxes, ticked or
 * not, and the sign-off block with room for seals. */
gboolean
_gw_layout_evaluation (GwPagination *p,
                       GError      **error)
{
  GwEvaluation *ev = gw_document_get_evaluation (p->doc);
  const char *title = _gw_layout_meta (p, GW_META_TITLE);
  GListModel *sections, *vetoes;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) kinds = NULL;
  g_autofree char *total_s = NULL, *max_s = NULL;
  const char *grade, *decision;
  gboolean vetoed;

  _gw_pagination_new_page (p);
  if (ev == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: the document is an evaluation form but holds no form"), p->source);
      return FALSE;
    }

  /* Title: 二号, centred, on the first lines of the type area. */
  {
    g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W,
                                                       title ? title : "社工站运营服务项目年度评估表");
    g_autofree char *flat = NULL;

    pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
    if (title)
      _gw_ledger_account (p, l, _("the title"), title, 0);
    if (!_gw_pagination_check_glyphs (p, l, _("the title")))
      goto fail;
    _gw_layout_flow (p, l, GW_TA_LEFT, SIZE_TITLE, BLACK);
    flat = g_strdup (pango_layout_get_text (l));
    _gw_layout_add_outline (p, g_strdelimit (flat, "\n", ' '), 0, p->flow_page,
                            p->flow_y - SIZE_TITLE);
    p->y += 6;
  }

  /* Header block: label | value | label | value. */
  {
    static const double frac[] = { 0.17, 0.33, 0.17, 0.33 };
    static const GwFontRole roles[] = { GW_FONT_ROLE_HEITI, GW_FONT_ROLE_FANGSONG,
                                        GW_FONT_ROLE_HEITI, GW_FONT_ROLE_FANGSONG };
    g_autofree char *period = g_strdup_printf ("%s 至 %s", field (ev, GW_EVAL_SERVICE_START),
                                               field (ev, GW_EVAL_SERVICE_END));
    g_autofree char *cycle = NULL;
    g_autofree char *people = NULL;
    const char * const *names = gw_evaluation_get_evaluators (ev);
    guint year = gw_evaluation_get_cycle_year (ev);

    cycle = year ? g_strdup_printf ("第%u年（三年一个周期）", year) : g_strdup (field (ev, GW_EVAL_CYCLE_YEAR));
    people = names ? g_strjoinv ("、", (char **) names) : g_strdup ("");
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    add_row (rows, NULL, 0, "项目名称", field (ev, GW_EVAL_PROJECT), "站点层级", field (ev, GW_EVAL_TIER), NULL);
    add_row (rows, NULL, 0, "采购人", field (ev, GW_EVAL_PURCHASER), "承接机构", field (ev, GW_EVAL_OPERATOR), NULL);
    add_row (rows, NULL, 0, "统一社会信用代码", field (ev, GW_EVAL_CREDIT_CODE),
             "合同编号", field (ev, GW_EVAL_CONTRACT_NUMBER), NULL);
    add_row (rows, NULL, 0, "合同金额（元）", field (ev, GW_EVAL_CONTRACT_AMOUNT),
             "资金使用（元）", field (ev, GW_EVAL_FUNDS_USED), NULL);
    add_row (rows, NULL, 0, "服务期", period, "周期年度", cycle, NULL);
    add_row (rows, NULL, 0, "评估类型", field (ev, GW_EVAL_TYPE), "评估机构", field (ev, GW_EVAL_EVALUATOR), NULL);
    add_row (rows, NULL, 0, "评估日期", field (ev, GW_EVAL_DATE), "评估人员", people, NULL);
    if (*field (ev, GW_EVAL_FUNDS_EXPLANATION))
      add_row (rows, NULL, 0, "资金使用说明", field (ev, GW_EVAL_FUNDS_EXPLANATION), "", "", NULL);
    /* the opinion the form is evaluated under, as the .docx shows it */
    if (*field (ev, GW_EVAL_OPINION))
      add_row (rows, NULL, 0, "依据的实施意见", field (ev, GW_EVAL_OPINION), "", "", NULL);
    if (!eval_table (p, rows, NULL, frac, roles, 4, 0, NULL))
      goto fail;
    p->y += 12;
  }

  /* The indicators, section by section, with subtotals. */
  {
    static const double frac[] = { 0.07, 0.27, 0.07, 0.08, 0.08, 0.16, 0.27 };
    double total_max = 0;

    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    kinds = g_array_new (FALSE, FALSE, 1);
    add_row (rows, kinds, ROW_HEADER, "序号", "评估指标", "分值", "自评分", "得分", "评分方", "说明", NULL);
    sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
    for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
      {
        g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
        GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
        g_autofree char *smax = format_score (gw_eval_section_get_max (sec));
        g_autofree char *ssub = format_score (gw_eval_section_compute_subtotal (sec));
        g_autofree char *sname = g_strdup_printf ("%s（小计）", gw_eval_section_get_name (sec));

        total_max += gw_eval_section_get_max (sec);
        add_row (rows, kinds, ROW_EMPHASIS, gw_eval_section_get_id (sec), sname, smax, "", ssub, "", "", NULL);
        for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
          {
            g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
            g_autofree char *imax = format_score (gw_indicator_get_max (ind));
            g_autofree char *iself = format_score (gw_indicator_get_self_score (ind));
            g_autofree char *iscore = format_score (gw_indicator_get_score (ind));
            const char *by = gw_indicator_get_scored_by (ind);
            const char *comment = gw_indicator_get_comment (ind);

            add_row (rows, kinds, ROW_BODY, gw_indicator_get_id (ind), gw_indicator_get_name (ind),
                     imax, iself, iscore, by ? by : "", comment ? comment : "", NULL);
          }
      }
    total_s = format_score (gw_evaluation_compute_total (ev));
    max_s = format_score (total_max);
    add_row (rows, kinds, ROW_EMPHASIS, "", "合计", max_s, "", total_s, "", "", NULL);
    if (!eval_table (p, rows, kinds, frac, NULL, 7, 1, NULL))
      goto fail;
    p->y += 12;
  }

  /* Grade and decision in a box. */
  vetoed = gw_evaluation_any_veto (ev);
  grade = gw_evaluation_compute_grade (ev);
  decision = gw_evaluation_compute_decision (ev);
  {
    const char *reason = field (ev, GW_EVAL_OVERRIDE_REASON);
    const char *stated = field (ev, GW_EVAL_STATED_DECISION);
    double top = p->y, box_top;
    g_autofree char *line1 = g_strdup_printf ("评估总分：%s分　　评估等次：%s%s", total_s,
                                              grade ? grade : "—", vetoed ? "（一票否决）" : "");
    g_autofree char *line2 = NULL;

    /* the decision the form states stands only with a written reason */
    if (*reason && *stated)
      line2 = g_strdup_printf ("结果运用：%s（调整理由：%s）", stated, reason);
    else
      line2 = g_strdup_printf ("结果运用：%s", decision ? decision : "—");
    if (p->y + 4 * GW_BODY_SIZE * 1.5 > GW_TA_BOTTOM)
      _gw_pagination_new_page (p), top = p->y;
    box_top = top;
    p->y += 6;
    if (!eval_text (p, GW_FONT_ROLE_HEITI, GW_BODY_SIZE, line1, PANGO_ALIGN_CENTER) ||
        !eval_text (p, GW_FONT_ROLE_FANGSONG, GW_BODY_SIZE, line2, PANGO_ALIGN_CENTER))
      goto fail;
    p->y += 6;
    _gw_page_add_box (p->page, GW_TA_LEFT, box_top, GW_TA_W, p->y - box_top, 1.5);
    p->y += 12;
  }

  /* 一票否决 items: a box each, ticked when the item applies. */
  vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
  if (g_list_model_get_n_items (vetoes) > 0)
    {
      if (!eval_text (p, GW_FONT_ROLE_HEITI, SIZE_SMALL, "一票否决事项（勾选即评为最低等次）：",
                      PANGO_ALIGN_LEFT))
        goto fail;
      for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
        {
          g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, i);
          double size = SIZE_SMALL, box = size * 0.8;
          double y;
          GwOp *op;
          GwSheet *first_page;
          GwTextSpec spec = { GW_FONT_ROLE_FANGSONG, size, GW_TA_W - 2 * GW_CHAR, 0, FALSE,
                              PANGO_ALIGN_LEFT, 0, 0 };
          g_autoptr(GArray) lines = _gw_layout_lines_new ();
          const char *text = gw_veto_item_get_text (item);

          if (!_gw_layout_lay_text (p, &spec, text, _gw_ledger_entry (p, _("the evaluation form"),
                                                                      text, -1),
                                    _("the evaluation form"), lines))
            goto fail;
          if (p->y + size * 1.5 > GW_TA_BOTTOM)
            _gw_pagination_new_page (p);
          y = p->y;
          first_page = p->page;
          /* every line of the item, the box beside the first */
          for (guint k = 0; k < lines->len; k++)
            {
              if (k > 0)
                {
                  p->y += size * 1.5;
                  if (p->y + size * 1.5 > GW_TA_BOTTOM)
                    _gw_pagination_new_page (p);
                }
              _gw_page_add_line (p->page, &g_array_index (lines, GwLine, k), GW_TA_LEFT + 2 * GW_CHAR,
                                 p->y + size * 0.25 + GW_ASCENT * size, BLACK);
            }
          /* Drawn, not a ☐/☑ glyph: few CJK fonts have those. */
          _gw_page_add_box (first_page, GW_TA_LEFT + GW_CHAR, y + size * 0.25 + size * 0.1, box, box, 0.75);
          if (gw_veto_item_get_ticked (item))
            {
              op = g_new0 (GwOp, 1);
              op->kind = GW_OP_TICK;
              op->x = GW_TA_LEFT + GW_CHAR;
              op->y = y + size * 0.25 + size * 0.1;
              op->w = op->h = box;
              op->line_width = 1.2;
              g_ptr_array_add (first_page->ops, op);
            }
          p->y += size * 1.5;
        }
      p->y += 12;
    }

  /* Sign-off, with room for signatures and seals. */
  {
    static const double frac[] = { 0.22, 0.56, 0.22 };
    g_autofree char *people = NULL;
    g_autofree char *leader = g_strdup_printf ("评估组长：%s", field (ev, GW_EVAL_TEAM_LEADER));
    const char * const *names = gw_evaluation_get_evaluators (ev);
    const double seal = 5 * SIZE_FORM * 1.5;
    double min_h[] = { 2 * SIZE_FORM * 1.5 + 6, seal, seal, seal };
    g_autofree char *d1 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_EVALUATORS_DATE));
    g_autofree char *d2 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_OPERATOR_ACK_DATE));
    g_autofree char *d3 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_PURCHASER_DATE));
    g_autofree char *d4 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_BUREAU_DATE));
    g_autofree char *who = NULL;

    people = names ? g_strjoinv ("、", (char **) names) : g_strdup ("");
    who = g_strdup_printf ("%s\n%s", people, leader);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    add_row (rows, NULL, 0, "评估人员（签字）", who, d1, NULL);
    add_row (rows, NULL, 0, "承接机构负责人确认（签名、盖章）", field (ev, GW_EVAL_OPERATOR_ACK), d2, NULL);
    add_row (rows, NULL, 0, "购买方意见（盖章）", field (ev, GW_EVAL_PURCHASER_OPINION), d3, NULL);
    add_row (rows, NULL, 0, "民政局审核意见（盖章）", field (ev, GW_EVAL_BUREAU_REVIEW), d4, NULL);
    if (!eval_table (p, rows, NULL, frac, NULL, 3, 0, min_h))
      goto fail;
  }

  if (!_gw_layout_attachment_list (p))
    goto fail;
  _gw_pagination_number_pages (p);
  return TRUE;

fail:
  if (p->error)
    g_propagate_error (error, g_steal_pointer (&p->error));
  else
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: layout failed"), p->source);
  return FALSE;
}
