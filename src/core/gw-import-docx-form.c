/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gw-error.h"
#include "gw-file.h"
#include "gw-import-docx-form.h"
#include "gw-package.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* A table as text: rows of cells, a cell's paragraphs joined by "\n". */
typedef GPtrArray Table;   /* of GStrv */

static gboolean
is_w (xmlNodePtr n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && n->ns &&
         xmlStrEqual (n->ns->href, BAD_CAST NS_W) && xmlStrEqual (n->name, BAD_CAST name);
}

static void
node_text (xmlNodePtr n, GString *out)
{
  for (; n; n = n->next)
    {
      if (is_w (n, "t"))
        {
          xmlChar *t = xmlNodeGetContent (n);
          g_string_append (out, (const char *) t);
          xmlFree (t);
        }
      else if (is_w (n, "tab"))
        g_string_append_c (out, '\t');
      else if (is_w (n, "br"))
        g_string_append_c (out, '\n');
      else if (is_w (n, "del") || is_w (n, "moveFrom") || is_w (n, "instrText") ||
               is_w (n, "delText"))
        continue;   /* tracked deletions read as accepted */
      else if (n->type == XML_ELEMENT_NODE)
        node_text (n->children, out);
    }
}

static char *
cell_text (xmlNodePtr tc)
{
  GString *s = g_string_new (NULL);
  gboolean first = TRUE;

  for (xmlNodePtr p = tc->children; p; p = p->next)
    {
      if (!is_w (p, "p") && !is_w (p, "sdt"))
        continue;
      if (!first)
        g_string_append_c (s, '\n');
      first = FALSE;
      node_text (p->children, s);
    }
  return g_string_free (s, FALSE);
}

static Table *
read_table (xmlNodePtr tbl)
{
  Table *t = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (xmlNodePtr tr = tbl->children; tr; tr = tr->next)
    {
      GStrvBuilder *b;

      if (!is_w (tr, "tr"))
        continue;
      b = g_strv_builder_new ();
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
        if (is_w (tc, "tc"))
          {
            char *text = cell_text (tc);
            g_strv_builder_add (b, g_strstrip (text));
            g_free (text);
          }
      g_ptr_array_add (t, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  return t;
}

static const char *
cell (Table *t, guint row, guint col)
{
  char **r = row < t->len ? g_ptr_array_index (t, row) : NULL;

  return r && col < g_strv_length (r) ? r[col] : "";
}

/* A score as written: ASCII or full-width digits, one decimal point (. or
 * ．), an optional 分; empty is blank (NAN). FALSE when it is not one. */
static gboolean
parse_score (const char *text, double *value)
{
  GString *s = g_string_new (NULL);
  gboolean ok;
  char *end = NULL;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0xFF10 && ch <= 0xFF19)
        g_string_append_c (s, '0' + (ch - 0xFF10));
      else if (ch == 0xFF0E || ch == '.')
        g_string_append_c (s, '.');
      else if (g_ascii_isdigit (ch))
        g_string_append_c (s, (char) ch);
      else if (g_unichar_isspace (ch) || ch == 0x3000 || (ch == 0x5206 /* 分 */ && p[3] == '\0'))
        continue;
      else
        {
          g_string_free (s, TRUE);
          return FALSE;
        }
    }
  if (s->len == 0)
    {
      *value = NAN;
      g_string_free (s, TRUE);
      return TRUE;
    }
  *value = g_ascii_strtod (s->str, &end);
  ok = end && *end == '\0';
  g_string_free (s, TRUE);
  return ok;
}

static gboolean
same_score (double a, double b)
{
  return (isnan (a) && isnan (b)) || fabs (a - b) < 1e-6;
}

/* Sets @f to @value unless they already agree (an empty value clears). */
static void
set_field (GwEvaluation *ev, GwEvalField f, const char *value)
{
  const char *now = gw_evaluation_get_field (ev, f);

  if (g_strcmp0 (now ? now : "", value ? value : "") != 0)
    gw_evaluation_set_field (ev, f, value && *value ? value : NULL);
}

static void
say (GPtrArray *report, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
say (GPtrArray *report, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (report, g_strdup_vprintf (format, ap));
  va_end (ap);
}

static const char *
strip_prefix (const char *text, const char *prefix)
{
  return g_str_has_prefix (text, prefix) ? text + strlen (prefix) : text;
}

static void
read_header (GwEvaluation *ev, Table *t)
{
  static const struct { const char *label; GwEvalField field; } labels[] = {
    { "项目名称", GW_EVAL_PROJECT }, { "站点层级", GW_EVAL_TIER },
    { "采购人", GW_EVAL_PURCHASER }, { "承接机构", GW_EVAL_OPERATOR },
    { "统一社会信用代码", GW_EVAL_CREDIT_CODE }, { "合同编号", GW_EVAL_CONTRACT_NUMBER },
    { "合同金额（元）", GW_EVAL_CONTRACT_AMOUNT }, { "资金使用（元）", GW_EVAL_FUNDS_USED },
    { "评估类型", GW_EVAL_TYPE }, { "评估机构", GW_EVAL_EVALUATOR },
    { "评估日期", GW_EVAL_DATE }, { "资金使用说明", GW_EVAL_FUNDS_EXPLANATION },
    { "依据的实施意见", GW_EVAL_OPINION },
  };

  for (guint r = 0; r < t->len; r++)
    for (guint c = 0; c + 1 < 4; c += 2)
      {
        const char *label = cell (t, r, c), *value = cell (t, r, c + 1);

        for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
          if (strcmp (label, labels[i].label) == 0)
            set_field (ev, labels[i].field, value);
        if (strcmp (label, "服务期") == 0)
          {
            g_auto(GStrv) ends = g_strsplit (value, "至", 2);
            set_field (ev, GW_EVAL_SERVICE_START, ends[0] ? g_strstrip (ends[0]) : "");
            set_field (ev, GW_EVAL_SERVICE_END, ends[0] && ends[1] ? g_strstrip (ends[1]) : "");
          }
        else if (strcmp (label, "周期年度") == 0)
          {
            /* 第N年（三年一个周期） as the writer puts it, else as written */
            const char *p = strip_prefix (value, "第");
            guint64 year = 0;
            char *end = NULL;

            year = g_ascii_strtoull (p, &end, 10);
            if (p != value && end && g_str_has_prefix (end, "年") && year > 0)
              {
                g_autofree char *y = g_strdup_printf ("%" G_GUINT64_FORMAT, year);
                const char *now = gw_evaluation_get_field (ev, GW_EVAL_CYCLE_YEAR);
                /* "1" and "１" and "第1年" are one year: keep the form's spelling */
                if (gw_evaluation_get_cycle_year (ev) != year || now == NULL)
                  set_field (ev, GW_EVAL_CYCLE_YEAR, y);
              }
            else
              set_field (ev, GW_EVAL_CYCLE_YEAR, value);
          }
        else if (strcmp (label, "评估人员") == 0)
          {
            g_auto(GStrv) names = *value ? g_strsplit (value, "、", -1) : g_new0 (char *, 1);
            const char * const *now = gw_evaluation_get_evaluators (ev);
            if (!g_strv_equal (now ? now : (const char * const[]) { NULL }, (const char * const *) names))
              gw_evaluation_set_evaluators (ev, (const char * const *) names);
          }
      }
}

static int
column (Table *t, const char *label)
{
  char **head = t->len ? g_ptr_array_index (t, 0) : NULL;

  for (guint c = 0; head && head[c]; c++)
    if (strcmp (head[c], label) == 0)
      return (int) c;
  return -1;
}

static GwIndicator *
find_by_name (GwEvaluation *ev, const char *name, guint *n_found)
{
  GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
  GwIndicator *found = NULL;

  *n_found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
      for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
          if (g_strcmp0 (gw_indicator_get_name (ind), name) == 0)
            {
              found = ind;
              (*n_found)++;
            }
        }
    }
  return found;
}

static void
set_text (GwIndicator *ind, const char *now, const char *value,
          void (*setter) (GwIndicator *, const char *))
{
  if (g_strcmp0 (now ? now : "", value) != 0)
    setter (ind, *value ? value : NULL);
}

static void
read_indicators (GwEvaluation *ev, Table *t, const char *name, GPtrArray *report)
{
  int c_id = column (t, "序号"), c_name = column (t, "评估指标"), c_self = column (t, "自评分");
  int c_score = column (t, "得分"), c_by = column (t, "评分方"), c_note = column (t, "说明");
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));

  for (guint r = 1; r < t->len; r++)
    {
      const char *id = c_id >= 0 ? cell (t, r, c_id) : "";
      const char *iname = c_name >= 0 ? cell (t, r, c_name) : "";
      GwIndicator *ind = NULL;
      GwEvalSection *sec;
      double v;

      if (*id == '\0' && *iname == '\0')
        continue;
      if (strcmp (iname, "合计") == 0)
        {
          if (parse_score (cell (t, r, c_score), &v) && !isnan (v) &&
              !same_score (v, gw_evaluation_compute_total (ev)))
            gw_evaluation_set_stated_total (ev, v);
          continue;
        }
      sec = *id ? gw_evaluation_find_section (ev, id) : NULL;
      if (sec && g_str_has_suffix (iname, "（小计）"))
        {
          /* handled once the scores are in */
          continue;
        }
      ind = *id ? gw_evaluation_find_indicator (ev, id) : NULL;
      if (ind && g_strcmp0 (gw_indicator_get_name (ind), iname) != 0)
        {
          say (report, _("%s: row %u: “%s %s” has the number of “%s %s” on the form; not read"),
               name, r + 1, id, iname, id, gw_indicator_get_name (ind));
          continue;
        }
      if (ind == NULL)
        {
          guint n = 0;
          ind = find_by_name (ev, iname, &n);
          if (ind && n == 1)
            say (report, _("%s: row %u: “%s” read as %s, its number on the form"),
                 name, r + 1, iname, gw_indicator_get_id (ind));
          else
            {
              say (report, _("%s: row %u: the form has no indicator “%s %s”; not read"),
                   name, r + 1, id, iname);
              continue;
            }
        }
      g_hash_table_add (seen, ind);
      if (c_self >= 0)
        {
          if (parse_score (cell (t, r, c_self), &v))
            {
              if (!same_score (v, gw_indicator_get_self_score (ind)))
                gw_indicator_set_self_score (ind, v);
            }
          else
            say (report, _("%s: row %u: the self-score “%s” of %s is not a number; not read"),
                 name, r + 1, cell (t, r, c_self), gw_indicator_get_id (ind));
        }
      if (c_score >= 0)
        {
          if (parse_score (cell (t, r, c_score), &v))
            {
              if (!same_score (v, gw_indicator_get_score (ind)))
                gw_indicator_set_score (ind, v);
            }
          else
            say (report, _("%s: row %u: the score “%s” of %s is not a number; not read"),
                 name, r + 1, cell (t, r, c_score), gw_indicator_get_id (ind));
        }
      if (c_by >= 0)
        set_text (ind, gw_indicator_get_scored_by (ind), cell (t, r, c_by), gw_indicator_set_scored_by);
      if (c_note >= 0)
        set_text (ind, gw_indicator_get_comment (ind), cell (t, r, c_note), gw_indicator_set_comment);
    }

  /* subtotals written otherwise than the scores add up to are stated ones */
  for (guint r = 1; r < t->len; r++)
    {
      const char *id = c_id >= 0 ? cell (t, r, c_id) : "";
      GwEvalSection *sec = *id ? gw_evaluation_find_section (ev, id) : NULL;
      double v;

      if (sec && g_str_has_suffix (c_name >= 0 ? cell (t, r, c_name) : "", "（小计）") &&
          parse_score (cell (t, r, c_score), &v) && !isnan (v) &&
          !same_score (v, gw_eval_section_compute_subtotal (sec)))
        gw_eval_section_set_stated_subtotal (sec, v);
    }

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
      for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
          if (!g_hash_table_contains (seen, ind))
            say (report, _("%s: no row gives indicator %s “%s”; left as it was"),
                 name, gw_indicator_get_id (ind), gw_indicator_get_name (ind));
        }
    }
}

static gboolean
is_tick (const char *text)
{
  static const char *const ticks[] = { "√", "✓", "✔", "☑", "☒", "×", "x", "X", "是", "有" };

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    if (strstr (text, ticks[i]))
      return TRUE;
  return FALSE;
}

static void
read_vetoes (GwEvaluation *ev, Table *t, const char *name, GPtrArray *report)
{
  GListModel *items = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint r = 1; r < t->len; r++)
    {
      const char *text = cell (t, r, 0), *mark = cell (t, r, 1);
      gboolean found = FALSE;

      if (*text == '\0')
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (items) && !found; i++)
        {
          g_autoptr(GwVetoItem) item = g_list_model_get_item (items, i);
          if (g_strcmp0 (gw_veto_item_get_text (item), text) != 0)
            continue;
          found = TRUE;
          g_hash_table_add (seen, item);
          if (gw_veto_item_get_ticked (item) != is_tick (mark))
            gw_veto_item_set_ticked (item, is_tick (mark));
        }
      if (!found)
        say (report, _("%s: the veto item “%s” is not on the form; not read"), name, text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GwVetoItem) item = g_list_model_get_item (items, i);
      if (!g_hash_table_contains (seen, item))
        say (report, _("%s: no row gives the veto item “%s”; left as it was"),
             name, gw_veto_item_get_text (item));
    }
}

/* 评估总分：…分　　评估等次：G[（一票否决）] / 结果运用：D[（调整理由：R）] */
static void
read_result (GwEvaluation *ev, const char *text)
{
  const char *g = strstr (text, "评估等次：");
  const char *d = strstr (text, "结果运用：");

  if (g)
    {
      g_autofree char *grade = g_strdup (g + strlen ("评估等次："));
      char *cut = strpbrk (grade, "\n");
      char *veto;

      if (cut)
        *cut = '\0';
      if ((veto = strstr (grade, "（一票否决）")))
        *veto = '\0';
      g_strstrip (grade);
      set_field (ev, GW_EVAL_STATED_GRADE, strcmp (grade, "—") == 0 ? "" : grade);
    }
  if (d)
    {
      g_autofree char *decision = g_strdup (d + strlen ("结果运用："));
      char *why = strstr (decision, "（调整理由：");
      char *cut = strchr (decision, '\n');

      if (cut)
        *cut = '\0';
      if (why)
        {
          char *reason = why + strlen ("（调整理由：");
          if (g_str_has_suffix (reason, "）"))
            reason[strlen (reason) - strlen ("）")] = '\0';
          set_field (ev, GW_EVAL_OVERRIDE_REASON, reason);
          *why = '\0';
        }
      else
        set_field (ev, GW_EVAL_OVERRIDE_REASON, "");
      g_strstrip (decision);
      set_field (ev, GW_EVAL_STATED_DECISION, strcmp (decision, "—") == 0 ? "" : decision);
    }
}

static void
read_signoff (GwEvaluation *ev, Table *t)
{
  static const struct { const char *label; GwEvalField text, date; } rows[] = {
    { "评估人员（签字）", GW_N_EVAL_FIELDS, GW_EVAL_EVALUATORS_DATE },
    { "承接机构负责人确认（签名、盖章）", GW_EVAL_OPERATOR_ACK, GW_EVAL_OPERATOR_ACK_DATE },
    { "购买方意见（盖章）", GW_EVAL_PURCHASER_OPINION, GW_EVAL_PURCHASER_DATE },
    { "民政局审核意见（盖章）", GW_EVAL_BUREAU_REVIEW, GW_EVAL_BUREAU_DATE },
  };

  for (guint r = 0; r < t->len; r++)
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        if (strcmp (cell (t, r, 0), rows[i].label) != 0)
          continue;
        set_field (ev, rows[i].date, strip_prefix (cell (t, r, 2), "日期："));
        if (rows[i].text != GW_N_EVAL_FIELDS)
          set_field (ev, rows[i].text, cell (t, r, 1));
        else
          {
            /* the evaluators' names, then 评估组长：name */
            g_auto(GStrv) lines = g_strsplit (cell (t, r, 1), "\n", -1);
            for (guint k = 0; lines[k]; k++)
              if (g_str_has_prefix (lines[k], "评估组长："))
                set_field (ev, GW_EVAL_TEAM_LEADER, g_strstrip (lines[k] + strlen ("评估组长：")));
          }
      }
}

GwDocument *
gw_import_docx_form (GwDocument   *base,
                     GBytes       *bytes,
                     const char   *display_name,
                     GPtrArray   **report,
                     GError      **error)
{
  g_autoptr(GwPackage) package = NULL;
  g_autofree char *main_part = NULL;
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GwDocument) doc = NULL;
  GwEvaluation *ev;
  xmlDocPtr xml;
  xmlNodePtr body = NULL;
  gboolean indicators = FALSE;

  g_return_val_if_fail (GW_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = "form.docx";
  if (gw_document_get_evaluation (base) == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_INVALID,
                   _("%s: scores can only be read into an evaluation form"), display_name);
      return NULL;
    }
  package = gw_package_open_bytes (bytes, display_name, error);
  if (package == NULL)
    return NULL;
  main_part = gw_package_find_main_part (package, error);
  if (main_part == NULL)
    return NULL;
  xml = gw_package_read_xml (package, main_part, error);
  if (xml == NULL)
    return NULL;

  doc = gw_document_copy (base);
  ev = gw_document_get_evaluation (doc);
  for (xmlNodePtr n = xmlDocGetRootElement (xml)->children; n; n = n->next)
    if (is_w (n, "body"))
      body = n;
  for (xmlNodePtr n = body ? body->children : NULL; n; n = n->next)
    {
      Table *t;

      if (is_w (n, "p"))
        {
          /* the title: a paragraph in the Title style */
          xmlNodePtr ppr = n->children;
          for (; ppr && !is_w (ppr, "pPr"); ppr = ppr->next)
            ;
          for (xmlNodePtr s = ppr ? ppr->children : NULL; s; s = s->next)
            if (is_w (s, "pStyle"))
              {
                xmlChar *v = xmlGetNsProp (s, BAD_CAST "val", BAD_CAST NS_W);
                if (v && xmlStrEqual (v, BAD_CAST "Title"))
                  {
                    GString *text = g_string_new (NULL);
                    const char *now = gw_document_get_meta (doc, GW_META_TITLE);
                    node_text (n->children, text);
                    if (now && g_strcmp0 (now, text->str) != 0)
                      gw_document_set_meta (doc, GW_META_TITLE, text->str);
                    g_string_free (text, TRUE);
                  }
                xmlFree (v);
              }
          continue;
        }
      if (!is_w (n, "tbl"))
        continue;
      t = read_table (n);
      if (column (t, "评估指标") >= 0 && column (t, "得分") >= 0)
        {
          indicators = TRUE;
          read_indicators (ev, t, display_name, said);
        }
      else if (t->len > 0 && g_str_has_prefix (cell (t, 0, 0), "一票否决事项"))
        read_vetoes (ev, t, display_name, said);
      else if (t->len == 1 && strstr (cell (t, 0, 0), "评估等次："))
        read_result (ev, cell (t, 0, 0));
      else if (t->len > 0 && strcmp (cell (t, 0, 0), "评估人员（签字）") == 0)
        read_signoff (ev, t);
      else if (t->len > 0 && strcmp (cell (t, 0, 0), "项目名称") == 0)
        read_header (ev, t);
      g_ptr_array_unref (t);
    }
  xmlFreeDoc (xml);
  if (!indicators)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: no indicator table (序号, 评估指标, 得分) found: not an evaluation form"),
                   display_name);
      return NULL;
    }
  if (report)
    *report = g_steal_pointer (&said);
  return g_steal_pointer (&doc);
}

GwDocument *
gw_import_docx_form_file (GwDocument   *base,
                          const char   *path,
                          GPtrArray   **report,
                          GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  bytes = gw_file_read (file, GW_MAX_PACKAGE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  return gw_import_docx_form (base, bytes, path, report, error);
}
