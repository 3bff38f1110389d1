/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gw-docx-writer-private.h"
#include "gw-numeral.h"

/* The annual evaluation form (年度评估表) in the .docx. */

/* ---- 年度评估表 ------------------------------------------------------- */

static char *
format_score (double v)
{
  if (isnan (v))
    return g_strdup ("");
  if (fabs (v - round (v)) < 1e-6)
    return gw_number_format_fixed (v, 0);
  return gw_number_format_fixed (v, 1);
}

static const char *
field (GwEvaluation *ev, GwEvalField f)
{
  const char *v = gw_evaluation_get_field (ev, f);

  return v ? v : "";
}

static void
form_table (Ctx               *c,
            const double      *fractions,
            guint              n_cols,
            GPtrArray         *rows,       /* GStrv */
            const Look *const *looks,      /* per row, NULL = plain */
            guint              n_header,
            int                min_h,
            const char        *where)
{
  g_autofree int *widths = g_new (int, n_cols);
  Look plain = { FONT_FANGSONG, FORM_SZ, NULL, FALSE, FALSE, 0 };
  int total = 0;

  for (guint i = 0; i < n_cols; i++)
    total += widths[i] = (int) floor (fractions[i] * TA_W_TW);
  _gw_docx_table_begin (c, widths, n_cols, total);
  for (guint r = 0; r < rows->len; r++)
    _gw_docx_table_row (c, g_ptr_array_index (rows, r), widths, n_cols,
                        looks && looks[r] ? looks[r] : &plain, r < n_header,
                        r < n_header ? "center" : NULL, min_h, where);
  end (c);
}

static void
add_row (GPtrArray *rows, const char *first, ...)
{
  GStrvBuilder *b = g_strv_builder_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *s = first; s; s = va_arg (ap, const char *))
    g_strv_builder_add (b, s);
  va_end (ap);
  g_ptr_array_add (rows, g_strv_builder_end (b));
  g_strv_builder_unref (b);
}

void
_gw_docx_spacer (Ctx *c, int twips)
{
  Para p = { .line = MAX (twips, 20), .no_grid = TRUE };

  _gw_docx_p_begin (c, &p);
  _gw_docx_p_end (c);
}

void
_gw_docx_write_evaluation (Ctx *c)
{
  GwEvaluation *ev = gw_document_get_evaluation (c->doc);
  const char *title = _gw_docx_meta (c, GW_META_TITLE);
  const char *where = _("the evaluation form");
  const Look heading = { FONT_HEITI, FORM_SZ, NULL, FALSE, TRUE, 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) looks = g_ptr_array_new ();
  g_autofree char *total_s = NULL, *max_s = NULL;
  const char * const *names = gw_evaluation_get_evaluators (ev);
  g_autofree char *people = names ? g_strjoinv ("、", (char **) names) : g_strdup ("");
  GListModel *sections, *vetoes;
  double total_max = 0;

  {
    Para p = { .jc = "center", .line = 660, .no_grid = TRUE, .style = "Title" };
    Look tl = { FONT_TITLE, TITLE_SZ, NULL, FALSE, FALSE, 0 };
    const char *t = title ? title : "社工站运营服务项目年度评估表";

    if (title)
      _gw_docx_expect (c, _gw_docx_meta_where (GW_META_TITLE), title);
    _gw_docx_para (c, &p, &tl, t);
    _gw_docx_spacer (c, 120);
  }

  /* Header: label | value | label | value. */
  {
    static const double frac[] = { 0.17, 0.33, 0.17, 0.33 };
    g_autofree char *period = g_strdup_printf ("%s 至 %s", field (ev, GW_EVAL_SERVICE_START),
                                               field (ev, GW_EVAL_SERVICE_END));
    guint year = gw_evaluation_get_cycle_year (ev);
    g_autofree char *cycle = year ? g_strdup_printf ("第%u年（三年一个周期）", year)
                                  : g_strdup (field (ev, GW_EVAL_CYCLE_YEAR));

    add_row (rows, "项目名称", field (ev, GW_EVAL_PROJECT), "站点层级", field (ev, GW_EVAL_TIER), NULL);
    add_row (rows, "采购人", field (ev, GW_EVAL_PURCHASER), "承接机构", field (ev, GW_EVAL_OPERATOR), NULL);
    add_row (rows, "统一社会信用代码", field (ev, GW_EVAL_CREDIT_CODE),
             "合同编号", field (ev, GW_EVAL_CONTRACT_NUMBER), NULL);
    add_row (rows, "合同金额（元）", field (ev, GW_EVAL_CONTRACT_AMOUNT),
             "资金使用（元）", field (ev, GW_EVAL_FUNDS_USED), NULL);
    add_row (rows, "服务期", period, "周期年度", cycle, NULL);
    add_row (rows, "评估类型", field (ev, GW_EVAL_TYPE), "评估机构", field (ev, GW_EVAL_EVALUATOR), NULL);
    add_row (rows, "评估日期", field (ev, GW_EVAL_DATE), "评估人员", people, NULL);
    if (*field (ev, GW_EVAL_FUNDS_EXPLANATION))
      add_row (rows, "资金使用说明", field (ev, GW_EVAL_FUNDS_EXPLANATION), "", "", NULL);
    if (*field (ev, GW_EVAL_OPINION))
      add_row (rows, "依据的实施意见", field (ev, GW_EVAL_OPINION), "", "", NULL);
    form_table (c, frac, 4, rows, NULL, 0, 0, where);
    _gw_docx_spacer (c, 240);
  }

  /* The indicators, section by section, with subtotals and the total. */
  {
    static const double frac[] = { 0.07, 0.27, 0.07, 0.08, 0.08, 0.16, 0.27 };

    g_ptr_array_set_size (rows, 0);
    add_row (rows, "序号", "评估指标", "分值", "自评分", "得分", "评分方", "说明", NULL);
    g_ptr_array_add (looks, (gpointer) &heading);
    sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
    for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
      {
        g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
        GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
        g_autofree char *smax = format_score (gw_eval_section_get_max (sec));
        g_autofree char *ssub = format_score (gw_eval_section_compute_subtotal (sec));
        g_autofree char *sname = g_strdup_printf ("%s（小计）", gw_eval_section_get_name (sec));

        total_max += gw_eval_section_get_max (sec);
        add_row (rows, gw_eval_section_get_id (sec), sname, smax, "", ssub, "", "", NULL);
        g_ptr_array_add (looks, (gpointer) &heading);
        for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
          {
            g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
            g_autofree char *imax = format_score (gw_indicator_get_max (ind));
            g_autofree char *iself = format_score (gw_indicator_get_self_score (ind));
            g_autofree char *iscore = format_score (gw_indicator_get_score (ind));
            const char *by = gw_indicator_get_scored_by (ind);
            const char *comment = gw_indicator_get_comment (ind);

            add_row (rows, gw_indicator_get_id (ind), gw_indicator_get_name (ind), imax, iself,
                     iscore, by ? by : "", comment ? comment : "", NULL);
            g_ptr_array_add (looks, NULL);
          }
      }
    total_s = format_score (gw_evaluation_compute_total (ev));
    max_s = format_score (total_max);
    add_row (rows, "", "合计", max_s, "", total_s, "", "", NULL);
    g_ptr_array_add (looks, (gpointer) &heading);
    form_table (c, frac, 7, rows, (const Look *const *) looks->pdata, 1, 0, where);
    _gw_docx_spacer (c, 240);
  }

  /* Total, grade and decision in a box (a one-cell table, thick border). */
  {
    gboolean vetoed = gw_evaluation_any_veto (ev);
    gboolean scored = FALSE;
    const char *grade, *decision;
    const char *reason = field (ev, GW_EVAL_OVERRIDE_REASON);
    const char *stated_grade = field (ev, GW_EVAL_STATED_GRADE);
    const char *stated = field (ev, GW_EVAL_STATED_DECISION);
    g_autofree char *line1 = NULL;
    g_autofree char *line2 = NULL;
    const int widths[] = { TA_W_TW };
    Look hei = { FONT_HEITI, BODY_SZ, NULL, FALSE, FALSE, 0 };
    Look fang = { FONT_FANGSONG, BODY_SZ, NULL, FALSE, FALSE, 0 };
    Para p = { .jc = "center", .line = 480, .no_grid = TRUE };

    /* The grade and decision the form states when it states them (what
     * the scorer wrote is what goes back on paper), else the computed
     * ones once anything is scored, else a dash: a blank form shows no
     * grade. The importer reads them back as the stated ones. */
    for (guint i = 0; i < g_list_model_get_n_items (sections) && !scored; i++)
      {
        g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
        GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
        for (guint k = 0; k < g_list_model_get_n_items (inds) && !scored; k++)
          {
            g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
            scored = !isnan (gw_indicator_get_score (ind));
          }
      }
    grade = *stated_grade ? stated_grade : scored ? gw_evaluation_compute_grade (ev) : NULL;
    decision = *stated ? stated : scored ? gw_evaluation_compute_decision (ev) : NULL;
    line1 = g_strdup_printf ("评估总分：%s分　　评估等次：%s%s", total_s,
                             grade ? grade : "—", vetoed ? "（一票否决）" : "");
    _gw_docx_expect (c, where, stated_grade);
    _gw_docx_expect (c, where, stated);
    if (*reason)
      {
        line2 = g_strdup_printf ("结果运用：%s（调整理由：%s）", decision ? decision : "—", reason);
        _gw_docx_expect (c, where, reason);
      }
    else
      line2 = g_strdup_printf ("结果运用：%s", decision ? decision : "—");
    _gw_docx_table_begin (c, widths, 1, TA_W_TW);
    el (c, "w:tr");
    el (c, "w:tc");
    el (c, "w:tcPr");
    el (c, "w:tcW"), attri (c, "w:w", TA_W_TW), attr (c, "w:type", "dxa"), end (c);
    el (c, "w:tcBorders");
    for (guint i = 0; i < 4; i++)
      {
        static const char *const sides[] = { "w:top", "w:left", "w:bottom", "w:right" };
        el (c, sides[i]), attr (c, "w:val", "single"), attr (c, "w:sz", "12"),
          attr (c, "w:space", "0"), attr (c, "w:color", "000000"), end (c);
      }
    end (c);
    end (c);
    _gw_docx_para (c, &p, &hei, line1);
    _gw_docx_para (c, &p, &fang, line2);
    end (c);
    end (c);
    end (c);
    _gw_docx_spacer (c, 240);
  }

  /* 一票否决: a table, the second column ticked "√" when the item applies
   * (a tick a scorer can type in any word processor, read back on import). */
  vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
  if (g_list_model_get_n_items (vetoes) > 0)
    {
      static const double frac[] = { 0.82, 0.18 };

      g_ptr_array_set_size (rows, 0);
      g_ptr_array_set_size (looks, 0);
      add_row (rows, "一票否决事项（勾选即评为最低等次）", "是否发生（填“√”）", NULL);
      g_ptr_array_add (looks, (gpointer) &heading);
      for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
        {
          g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, i);

          add_row (rows, gw_veto_item_get_text (item), gw_veto_item_get_ticked (item) ? "√" : "", NULL);
          g_ptr_array_add (looks, NULL);
        }
      form_table (c, frac, 2, rows, (const Look *const *) looks->pdata, 1, 0, where);
      _gw_docx_spacer (c, 240);
    }

  /* Sign-off, with room for signatures and seals. */
  {
    static const double frac[] = { 0.22, 0.56, 0.22 };
    g_autofree char *leader = g_strdup_printf ("评估组长：%s", field (ev, GW_EVAL_TEAM_LEADER));
    g_autofree char *who = g_strdup_printf ("%s\n%s", people, leader);
    g_autofree char *d1 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_EVALUATORS_DATE));
    g_autofree char *d2 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_OPERATOR_ACK_DATE));
    g_autofree char *d3 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_PURCHASER_DATE));
    g_autofree char *d4 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_BUREAU_DATE));

    g_ptr_array_set_size (rows, 0);
    add_row (rows, "评估人员（签字）", who, d1, NULL);
    add_row (rows, "承接机构负责人确认（签名、盖章）", field (ev, GW_EVAL_OPERATOR_ACK), d2, NULL);
    add_row (rows, "购买方意见（盖章）", field (ev, GW_EVAL_PURCHASER_OPINION), d3, NULL);
    add_row (rows, "民政局审核意见（盖章）", field (ev, GW_EVAL_BUREAU_REVIEW), d4, NULL);
    form_table (c, frac, 3, rows, NULL, 0, 5 * FORM_SZ * 15, where);
  }
  _gw_docx_write_attachment_list (c);
}
