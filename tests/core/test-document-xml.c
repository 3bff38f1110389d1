/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <locale.h>

#include "gw-document-xml-private.h"
#include "gw-error.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "gwdoc", name, NULL);
}

static GPtrArray *
make_rows (const char * const *cells,
           guint               n_columns)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; cells[i]; i += n_columns)
    {
      GStrv row = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        row[c] = g_strdup (cells[i + c]);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
append (GwDocument *doc,
        GwBlock    *block)
{
  gw_document_append_block (doc, block);
  g_object_unref (block);
}

/* Every metadata element, every block kind, the awkward characters XML
 * treats specially (markup, quotes, CR, tabs, newlines, edge whitespace). */
static GwDocument *
build_opinion (void)
{
  GwDocument *doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  static const char *cells[] = {
    "层级", "名称", "数量",
    "市级", "社工总站", "1",
    "镇街", "社工站\n（试点）", "",
    NULL,
  };
  g_autoptr(GPtrArray) rows = make_rows (cells, 3);
  g_autoptr(GPtrArray) empty_rows = g_ptr_array_new ();
  GwBlock *block;

  for (guint m = 0; m < GW_N_META; m++)
    {
      g_autofree char *value = g_strdup_printf ("元素%u <&> \"'", m);
      gw_document_set_meta (doc, m, value);
    }
  gw_document_set_meta (doc, GW_META_TITLE,
                        "神木市人民政府办公室\n关于加快推进社工站（室）建设和管理服务的实施意见");
  gw_document_set_meta (doc, GW_META_RECIPIENTS, "各镇人民政府、街道办事处，市政府各工作部门：");
  gw_document_set_sealed (doc, TRUE);
  gw_document_set_template_id (doc, "opinion-\"shenmu\"");
  gw_document_set_field (doc, "城市", "神木市");
  gw_document_set_field (doc, "year", "2023");
  gw_document_set_field (doc, "empty", "");
  gw_document_set_field (doc, "list", "第一项\n第二项\r\n\t第三项 ");
  gw_document_add_attachment (doc, "神木市社工站（室）建设标准", 40);
  gw_document_add_attachment (doc, "年度评估表 & 说明", 41);

  append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "为加快推进全市社工站（室）建设，提出如下实施意见。"));
  append (doc, gw_block_new_heading (1, "一、总体要求"));
  append (doc, gw_block_new_heading (2, "（一）工作目标。建成并运营市社工总站。"));
  append (doc, gw_block_new_heading (3, "1.人员配备"));
  append (doc, gw_block_new_heading (4, "（1）持证社工不少于2名"));
  /* a heading without a recognised marker keeps the level it was given */
  append (doc, gw_block_new_heading (3, "没有编号的标题"));
  append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "  前后有空格，\t制表符，]]> 和 <b>标记</b> &amp;  "));
  append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "第一行\r\n第二行\r第三行\n"));
  append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, ""));
  append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "𠀀 U+20000 和 emoji 🙂"));
  append (doc, gw_block_new_table (rows));
  append (doc, gw_block_new_table (empty_rows));
  /* a table that has text but no cells yet */
  append (doc, gw_block_new (GW_BLOCK_TABLE, "甲\t乙\n丙\t丁"));
  /* a paragraph turned into a heading before a level was chosen */
  block = gw_block_new (GW_BLOCK_PARAGRAPH, "待定标题");
  gw_block_set_kind (block, GW_BLOCK_HEADING);
  append (doc, block);
  append (doc, gw_block_new_attachment (1, "神木市社工站（室）建设标准"));
  append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "附件正文。"));
  append (doc, gw_block_new_attachment (0, "唯一附件"));
  append (doc, gw_block_new_attachment (12, ""));
  return doc;
}

static const struct {
  const char *id;
  const char *name;
  double      max;
  double      score;
  double      self_score;
} indicators[] = {
  { "A1", "人员配备与持证率", 5, 4.5, 5 },
  { "A2", "制度建设与执行", 4, NAN, 4 },        /* left blank */
  { "A3", "档案与台账", 3, 0, NAN },
  { "B1", "场地、设施、标识", 5, 0.1, 1.0 / 3 },  /* needs 17 digits */
  { "B2", "安全管理", 2, 2, -0.5 },
  { "B3", "信息化与数据报送", 1e-7, 1e14, 2.5 },
};

static GwEvaluation *
build_evaluation_form (void)
{
  GwEvaluation *ev = gw_evaluation_new ();
  static const char *evaluators[] = { "张三", "李四", "王五 <组长>", NULL };
  GwEvalSection *sections[2];

  for (guint f = 0; f < GW_N_EVAL_FIELDS; f++)
    {
      g_autofree char *value = g_strdup_printf ("字段 %s\n第二行 & \"引号\"",
                                                gw_eval_field_to_string (f));
      gw_evaluation_set_field (ev, f, value);
    }
  gw_evaluation_set_field (ev, GW_EVAL_CYCLE_YEAR, "1");
  gw_evaluation_set_evaluators (ev, evaluators);
  gw_evaluation_set_step (ev, 0.25);
  gw_evaluation_set_stated_total (ev, 86.5);

  sections[0] = gw_eval_section_new ("A", "项目管理", 15);
  sections[1] = gw_eval_section_new ("B", "阵地建设 & 安全", 10);
  gw_eval_section_set_stated_subtotal (sections[0], 9.5);
  /* sections[1] has no stated subtotal: NAN */
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      g_autoptr(GwIndicator) ind = gw_indicator_new (indicators[i].id, indicators[i].name,
                                                     indicators[i].max);

      gw_indicator_set_score (ind, indicators[i].score);
      gw_indicator_set_self_score (ind, indicators[i].self_score);
      if (i % 2 == 0)
        {
          gw_indicator_set_comment (ind, "台账齐全，\n个别记录缺签名。");
          gw_indicator_set_scored_by (ind, "第三方、购买方");
        }
      g_list_store_append (gw_eval_section_get_indicators (sections[i < 3 ? 0 : 1]), ind);
    }
  g_list_store_append (gw_evaluation_get_sections (ev), sections[0]);
  g_list_store_append (gw_evaluation_get_sections (ev), sections[1]);
  g_object_unref (sections[0]);
  g_object_unref (sections[1]);
  /* an empty section */
  {
    g_autoptr(GwEvalSection) empty = gw_eval_section_new ("Z", "空", 0);
    g_list_store_append (gw_evaluation_get_sections (ev), empty);
  }

  {
    g_autoptr(GwVetoItem) a = gw_veto_item_new ("重大安全责任事故", FALSE);
    g_autoptr(GwVetoItem) b = gw_veto_item_new ("截留、挪用项目资金", TRUE);
    g_list_store_append (gw_evaluation_get_veto_items (ev), a);
    g_list_store_append (gw_evaluation_get_veto_items (ev), b);
  }

  gw_evaluation_add_grade (ev, "优秀", 90);
  gw_evaluation_add_grade (ev, "良好", 80);
  gw_evaluation_add_grade (ev, "合格", 60);
  gw_evaluation_add_grade (ev, "不合格", -INFINITY);

  gw_evaluation_add_decision (ev, 1, "良好", "续签下一年度合同");
  gw_evaluation_add_decision (ev, 2, NULL, "续签下一年度合同");
  gw_evaluation_add_decision (ev, 0, "不合格", "不予续签，按政府采购程序重新确定承接机构");
  gw_evaluation_add_decision (ev, 0, NULL, "周期届满，按政府采购程序重新确定承接机构");
  return ev;
}

static GwDocument *
build_evaluation (void)
{
  GwDocument *doc = gw_document_new (GW_DOCUMENT_KIND_EVALUATION);
  g_autoptr(GwEvaluation) ev = build_evaluation_form ();

  gw_document_set_meta (doc, GW_META_TITLE, "社工站运营服务项目年度评估表");
  gw_document_set_evaluation (doc, ev);
  return doc;
}

static GwDocument *
round_trip (GwDocument *doc)
{
  g_autoptr(GBytes) first = gw_document_to_gwdoc_bytes (doc);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  GwDocument *loaded;

  loaded = gw_document_load_gwdoc_bytes (first, "round-trip.gwdoc", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (gw_document_equal (doc, loaded));
  g_assert_true (gw_document_equal (loaded, doc));

  /* the reloaded document serialises to the very same bytes */
  second = gw_document_to_gwdoc_bytes (loaded);
  g_assert_true (g_bytes_equal (first, second));
  return loaded;
}

static void
test_round_trip_opinion (void)
{
  g_autoptr(GwDocument) doc = build_opinion ();
  g_autoptr(GwDocument) loaded = round_trip (doc);
  g_autoptr(GBytes) a = gw_document_to_gwdoc_bytes (doc);
  g_autoptr(GBytes) b = gw_document_to_gwdoc_bytes (doc);
  GPtrArray *rows;

  g_assert_true (g_bytes_equal (a, b));

  /* spot checks, in case equal() ever compares too little */
  g_assert_cmpstr (gw_document_get_meta (loaded, GW_META_TITLE), ==,
                   "神木市人民政府办公室\n关于加快推进社工站（室）建设和管理服务的实施意见");
  g_assert_cmpstr (gw_document_get_field (loaded, "list"), ==, "第一项\n第二项\r\n\t第三项 ");
  g_assert_cmpstr (gw_document_get_field (loaded, "empty"), ==, "");
  g_assert_true (gw_document_get_sealed (loaded));
  g_assert_cmpstr (gw_document_get_template_id (loaded), ==, "opinion-\"shenmu\"");
  g_assert_cmpuint (gw_document_get_n_blocks (loaded), ==, gw_document_get_n_blocks (doc));
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (loaded, 6)), ==,
                   "  前后有空格，\t制表符，]]> 和 <b>标记</b> &amp;  ");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (loaded, 7)), ==,
                   "第一行\r\n第二行\r第三行\n");
  g_assert_cmpuint (gw_block_get_level (gw_document_get_block (loaded, 4)), ==, 4);
  g_assert_cmpuint (gw_block_get_level (gw_document_get_block (loaded, 5)), ==, 3);
  rows = gw_block_get_rows (gw_document_get_block (loaded, 10));
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[1], ==, "社工站\n（试点）");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[2], ==, "");
  g_assert_null (gw_block_get_rows (gw_document_get_block (loaded, 12)));
  g_assert_cmpuint (gw_block_get_number (gw_document_get_block (loaded, 16)), ==, 0);
  g_assert_cmpuint (gw_block_get_number (gw_document_get_block (loaded, 17)), ==, 12);
  g_assert_cmpstr (gw_document_get_attachments (loaded)[1], ==, "年度评估表 & 说明");
  g_assert_null (gw_document_get_evaluation (loaded));

  /* a change shows up, so equal() is not vacuous here */
  gw_block_set_text (gw_document_get_block (loaded, 0), "改过的段落。");
  g_assert_false (gw_document_equal (doc, loaded));
}

static void
test_round_trip_empty (void)
{
  g_autoptr(GwDocument) opinion = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) evaluation = gw_document_new (GW_DOCUMENT_KIND_EVALUATION);
  g_autoptr(GwDocument) no_form = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) a = NULL;
  g_autoptr(GwDocument) b = NULL;
  g_autoptr(GwDocument) c = NULL;

  a = round_trip (opinion);
  b = round_trip (evaluation);
  g_assert_nonnull (gw_document_get_evaluation (b));
  /* an evaluation document whose form was never created stays so */
  gw_document_set_kind (no_form, GW_DOCUMENT_KIND_EVALUATION);
  c = round_trip (no_form);
  g_assert_null (gw_document_get_evaluation (c));
}

/* Blocks whose kind was changed in the editor keep stale values the kind
 * does not show (a level, rows, a number); they must not break equality. */
static void
test_round_trip_changed_kinds (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) loaded = NULL;
  static const char *cells[] = { "甲", "乙", NULL };
  g_autoptr(GPtrArray) rows = make_rows (cells, 2);
  GwBlock *block;

  block = gw_block_new_heading (2, "（一）工作目标");
  gw_block_set_kind (block, GW_BLOCK_PARAGRAPH);
  append (doc, block);
  block = gw_block_new_table (rows);
  gw_block_set_kind (block, GW_BLOCK_PARAGRAPH);
  append (doc, block);
  block = gw_block_new_attachment (3, "附件标题");
  gw_block_set_kind (block, GW_BLOCK_HEADING);
  gw_block_set_level (block, 1);
  append (doc, block);

  loaded = round_trip (doc);
  g_assert_cmpuint (gw_block_get_kind (gw_document_get_block (loaded, 1)), ==, GW_BLOCK_PARAGRAPH);
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (loaded, 1)), ==, "甲\t乙");
}

/* A joint organ mark (one organ a line, "文件" last) and signature come
 * back byte for byte; a single organ's mark is written as it always was. */
static void
test_round_trip_joint_mark (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) single = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) loaded = NULL;
  g_autoptr(GwDocument) loaded_single = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) single_bytes = NULL;
  const char *mark = "临川市民政局\n临川市财政局\n文件";
  const char *xml;
  gsize len;

  gw_document_set_meta (doc, GW_META_ORGAN_MARK, mark);
  gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局\n临川市财政局");
  loaded = round_trip (doc);
  g_assert_cmpstr (gw_document_get_meta (loaded, GW_META_ORGAN_MARK), ==, mark);
  g_assert_cmpstr (gw_document_get_meta (loaded, GW_META_SIGNATURE), ==, "临川市民政局\n临川市财政局");
  bytes = gw_document_to_gwdoc_bytes (doc);
  xml = g_bytes_get_data (bytes, &len);
  g_assert_nonnull (g_strstr_len (xml, len,
                                  "<organ-mark>临川市民政局\n临川市财政局\n文件</organ-mark>"));

  gw_document_set_meta (single, GW_META_ORGAN_MARK, "临川市民政局文件");
  loaded_single = round_trip (single);
  single_bytes = gw_document_to_gwdoc_bytes (single);
  xml = g_bytes_get_data (single_bytes, &len);
  g_assert_nonnull (g_strstr_len (xml, len, "<organ-mark>临川市民政局文件</organ-mark>"));
  g_assert_cmpstr (gw_document_get_meta (loaded_single, GW_META_ORGAN_MARK), ==, "临川市民政局文件");
}

/* The letter format is written as format="letter" and read back; the 文件
 * format, the default, is not written at all, so a file saved before
 * formats existed loads as a 文件 and saves to the very same bytes. */
static void
test_round_trip_letter (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) loaded = NULL;
  g_autoptr(GwDocument) plain = NULL;
  g_autoptr(GwDocument) old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain_bytes = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *xml;
  const char *old_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gwdoc version=\"1\" kind=\"opinion\" sealed=\"true\">\n"
    "  <meta>\n"
    "    <organ-mark>临川市民政局文件</organ-mark>\n"
    "  </meta>\n"
    "  <body/>\n"
    "</gwdoc>\n";
  gsize len;

  gw_document_set_meta (doc, GW_META_ORGAN_MARK, "临川市民政局");
  gw_document_set_meta (doc, GW_META_DOC_NUMBER, "临民函〔2024〕5号");
  gw_document_set_format (doc, GW_DOCUMENT_FORMAT_LETTER);
  loaded = round_trip (doc);
  g_assert_cmpint (gw_document_get_format (loaded), ==, GW_DOCUMENT_FORMAT_LETTER);
  bytes = gw_document_to_gwdoc_bytes (doc);
  xml = g_bytes_get_data (bytes, &len);
  g_assert_nonnull (g_strstr_len (xml, len, "<gwdoc version=\"1\" kind=\"opinion\" format=\"letter\">"));

  gw_document_set_format (doc, GW_DOCUMENT_FORMAT_DOCUMENT);
  plain = round_trip (doc);
  g_assert_cmpint (gw_document_get_format (plain), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  plain_bytes = gw_document_to_gwdoc_bytes (doc);
  xml = g_bytes_get_data (plain_bytes, &len);
  g_assert_null (g_strstr_len (xml, len, "format="));

  old_bytes = g_bytes_new_static (old_xml, strlen (old_xml));
  old = gw_document_load_gwdoc_bytes (old_bytes, "old.gwdoc", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_document_get_format (old), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  again = gw_document_to_gwdoc_bytes (old);
  g_assert_true (g_bytes_equal (old_bytes, again));
}

static void
test_round_trip_evaluation (void)
{
  g_autoptr(GwDocument) doc = build_evaluation ();
  g_autoptr(GwDocument) loaded = round_trip (doc);
  GwEvaluation *ev = gw_document_get_evaluation (loaded);
  g_autoptr(GwEvalSection) a = NULL;
  g_autoptr(GwEvalSection) b = NULL;
  g_autoptr(GwVetoItem) veto = NULL;
  GPtrArray *decisions;
  GPtrArray *grades;
  guint k = 0;

  g_assert_nonnull (ev);
  g_assert_cmpuint (gw_document_get_kind (loaded), ==, GW_DOCUMENT_KIND_EVALUATION);
  g_assert_cmpfloat (gw_evaluation_get_step (ev), ==, 0.25);
  g_assert_cmpfloat (gw_evaluation_get_stated_total (ev), ==, 86.5);
  g_assert_cmpstr (gw_evaluation_get_evaluators (ev)[2], ==, "王五 <组长>");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_CYCLE_YEAR), ==, "1");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_OVERRIDE_REASON), ==,
                   "字段 override-reason\n第二行 & \"引号\"");

  a = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_sections (ev)), 0);
  b = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_sections (ev)), 1);
  g_assert_cmpfloat (gw_eval_section_get_stated_subtotal (a), ==, 9.5);
  g_assert_true (isnan (gw_eval_section_get_stated_subtotal (b)));
  for (guint s = 0; s < 2; s++)
    {
      GListModel *list = G_LIST_MODEL (gw_eval_section_get_indicators (s == 0 ? a : b));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++, k++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (list, i);

          g_assert_cmpstr (gw_indicator_get_id (ind), ==, indicators[k].id);
          g_assert_cmpstr (gw_indicator_get_name (ind), ==, indicators[k].name);
          g_assert_cmpfloat (gw_indicator_get_max (ind), ==, indicators[k].max);
          /* exact, bit for bit: 0.1 and 1/3 survive the text form */
          if (isnan (indicators[k].score))
            g_assert_true (isnan (gw_indicator_get_score (ind)));
          else
            g_assert_cmpfloat (gw_indicator_get_score (ind), ==, indicators[k].score);
          if (isnan (indicators[k].self_score))
            g_assert_true (isnan (gw_indicator_get_self_score (ind)));
          else
            g_assert_cmpfloat (gw_indicator_get_self_score (ind), ==, indicators[k].self_score);
        }
    }
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (indicators));

  veto = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (ev)), 1);
  g_assert_true (gw_veto_item_get_ticked (veto));
  g_assert_cmpstr (gw_veto_item_get_text (veto), ==, "截留、挪用项目资金");

  grades = gw_evaluation_get_grades (ev);
  g_assert_cmpuint (grades->len, ==, 4);
  g_assert_true (isinf (((GwGrade *) g_ptr_array_index (grades, 3))->min));
  decisions = gw_evaluation_get_decisions (ev);
  g_assert_cmpuint (decisions->len, ==, 4);
  g_assert_cmpuint (((GwDecisionRule *) g_ptr_array_index (decisions, 0))->cycle_year, ==, 1);
  g_assert_null (((GwDecisionRule *) g_ptr_array_index (decisions, 1))->grade);
  g_assert_cmpuint (((GwDecisionRule *) g_ptr_array_index (decisions, 2))->cycle_year, ==, 0);

  /* a tick is not lost silently */
  gw_veto_item_set_ticked (veto, FALSE);
  g_assert_false (gw_document_equal (doc, loaded));
}

/* Characters XML 1.0 cannot carry at all (a form feed pasted from Word)
 * still give a file that loads; they become U+FFFD. */
static void
test_unrepresentable_characters (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  gw_document_set_meta (doc, GW_META_TITLE, "分页\f符\x01");
  append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "\x1b[0m段落\uFFFF"));
  bytes = gw_document_to_gwdoc_bytes (doc);
  loaded = gw_document_load_gwdoc_bytes (bytes, "controls.gwdoc", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_document_get_meta (loaded, GW_META_TITLE), ==, "分页\uFFFD符\uFFFD");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (loaded, 0)), ==,
                   "\uFFFD[0m段落\uFFFD");
}

/* About a thousand pages (2 MiB of text, the size GW_MAX_INPUT_SIZE is
 * set against) saves and loads at once. */
static void
test_large (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  double save_s, load_s;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *text = NULL;

      if (i % 50 == 0)
        {
          text = g_strdup_printf ("%u.第%u项工作", i / 50 % 99 + 1, i / 50 + 1);
          append (doc, gw_block_new_heading (3, text));
          g_clear_pointer (&text, g_free);
        }
      text = g_strdup_printf ("第%u段：市财政局要将“五社联动”试点和社工站建设服务所需资金纳入年度"
                              "财政预算，据实向市民政局安排工作经费，并整合社会救助、养老服务、"
                              "儿童福利等民政系统资金资源。", i);
      append (doc, gw_block_new (GW_BLOCK_PARAGRAPH, text));
    }

  g_test_timer_start ();
  bytes = gw_document_to_gwdoc_bytes (doc);
  save_s = g_test_timer_elapsed ();
  g_test_timer_start ();
  loaded = gw_document_load_gwdoc_bytes (bytes, "large.gwdoc", &error);
  load_s = g_test_timer_elapsed ();
  g_assert_no_error (error);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u blocks: serialised in %.3f s, loaded in %.3f s",
                  g_bytes_get_size (bytes), gw_document_get_n_blocks (doc), save_s, load_s);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1024 * 1024);
  g_assert_true (gw_document_equal (doc, loaded));
  /* a user waits on this when opening a file; a wall-clock bound only in
   * a timing run (-m perf) */
  if (g_test_perf ())
    g_assert_cmpfloat (load_s, <, 5.0);
}

/* Numbers never depend on the locale: 86.5 is written "86.5" even where the
 * decimal separator is a comma. */
static void
test_numbers_locale_independent (void)
{
  g_autoptr(GwDocument) doc = build_evaluation ();
  g_autoptr(GBytes) bytes = gw_document_to_gwdoc_bytes (doc);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "stated-total=\"86.5\""));
  g_assert_nonnull (strstr (text, "score=\"0.1\""));
  g_assert_nonnull (strstr (text, "step=\"0.25\""));
  /* the lowest grade has no minimum: no attribute (no "-INF") */
  g_assert_nonnull (strstr (text, "<grade name=\"不合格\"/>"));
  g_assert_null (strstr (text, "INF"));
  /* the blank score of A2 is simply absent */
  g_assert_nonnull (strstr (text, "id=\"A2\" name=\"制度建设与执行\" max=\"4\" self-score=\"4\""));
}

static void
test_save_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "评估表.gwdoc", NULL);
  g_autoptr(GwDocument) doc = build_evaluation ();
  g_autoptr(GwDocument) loaded = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  g_assert_no_error (error);
  g_assert_true (gw_document_save_gwdoc (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, &first_len, NULL));

  loaded = gw_document_load_gwdoc (path, &error);
  g_assert_no_error (error);
  g_assert_true (gw_document_equal (doc, loaded));
  g_assert_cmpstr (gw_document_get_source_path (loaded), ==, path);

  /* saving the loaded, unchanged document gives the same bytes */
  g_assert_true (gw_document_save_gwdoc (loaded, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &second, &second_len, NULL));
  g_assert_cmpmem (first, first_len, second, second_len);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.gwdoc", NULL);
  g_autofree char *subdir = g_build_filename (dir, "folder.gwdoc", NULL);
  g_autofree char *inside = g_build_filename (subdir, "keep.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GwDocument) old_doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) new_doc = build_opinion ();
  GStatBuf st;

  g_assert_no_error (error);
  gw_document_set_meta (old_doc, GW_META_TITLE, "旧的标题");
  g_assert_true (gw_document_save_gwdoc (old_doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  /* a save that fails after writing the temporary file */
  _gw_document_xml_set_fail_after_write_for_testing (TRUE);
  g_assert_false (gw_document_save_gwdoc (new_doc, path, &error));
  _gw_document_xml_set_fail_after_write_for_testing (FALSE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "report.gwdoc"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (count_entries (dir), ==, 1);  /* no temporary file left */
  g_clear_pointer (&after, g_free);

  /* a save whose rename must fail: the target is a non-empty folder */
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  g_assert_false (gw_document_save_gwdoc (new_doc, subdir, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_clear_error (&error);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (dir), ==, 2);
  g_assert_cmpuint (count_entries (subdir), ==, 1);

  /* a save into a missing folder fails cleanly */
  {
    g_autofree char *missing = g_build_filename (dir, "missing", "x.gwdoc", NULL);
    g_assert_false (gw_document_save_gwdoc (new_doc, missing, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* a save that succeeds replaces the content and keeps the permissions */
  g_assert_true (gw_document_save_gwdoc (new_doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  {
    g_autoptr(GBytes) expected = gw_document_to_gwdoc_bytes (new_doc);
    g_assert_cmpmem (after, after_len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_unlink (inside);
  g_rmdir (subdir);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* 82 Chinese characters and .gwdoc: 252 bytes, near NAME_MAX, so the temporary
 * file's name cannot simply add a suffix. */
static void
test_save_long_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GwDocument) doc = build_opinion ();
  g_autoptr(GwDocument) loaded = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 82; i++)
    g_string_append (name, "社");
  g_string_append (name, ".gwdoc");
  path = g_build_filename (dir, name->str, NULL);
  g_assert_true (gw_document_save_gwdoc (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (gw_document_save_gwdoc (doc, path, &error));
  g_assert_no_error (error);
  loaded = gw_document_load_gwdoc (path, &error);
  g_assert_no_error (error);
  g_assert_true (gw_document_equal (doc, loaded));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_through_symlink (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autofree char *real = g_build_filename (dir, "real.gwdoc", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gwdoc", NULL);
  g_autoptr(GwDocument) doc = build_opinion ();
  g_autoptr(GwDocument) loaded = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (real, "old", 3, NULL));
  g_assert_cmpint (symlink ("real.gwdoc", link), ==, 0);
  g_assert_true (gw_document_save_gwdoc (doc, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  loaded = gw_document_load_gwdoc (real, &error);
  g_assert_no_error (error);
  g_assert_true (gw_document_equal (doc, loaded));

  g_unlink (link);
  g_unlink (real);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, mode);
}

/* GLib creates its temporary file with the mode it is given less the
 * umask; the old file's mode must come through whole all the same, on the
 * GLib path and on the long-name path alike. */
static void
test_save_keeps_mode (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shared.gwdoc", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.gwdoc", NULL);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *long_path = NULL;
  g_autoptr(GwDocument) doc = build_opinion ();
  mode_t old_umask = umask (022);

  g_assert_no_error (error);
  for (guint i = 0; i < 82; i++)
    g_string_append (long_name, "社");
  g_string_append (long_name, ".gwdoc");
  long_path = g_build_filename (dir, long_name->str, NULL);

  /* a new file: 0644 less the umask */
  g_assert_true (gw_document_save_gwdoc (doc, fresh, &error));
  g_assert_no_error (error);
  assert_mode (fresh, 0644);

  /* bits the umask would take away */
  g_assert_true (g_file_set_contents (path, "old", 3, NULL));
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_true (gw_document_save_gwdoc (doc, path, &error));
  g_assert_no_error (error);
  assert_mode (path, 0666);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (gw_document_save_gwdoc (doc, path, &error));
  g_assert_no_error (error);
  assert_mode (path, 0600);

  g_assert_true (gw_document_save_gwdoc (doc, long_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (long_path, 0660), ==, 0);
  g_assert_true (gw_document_save_gwdoc (doc, long_path, &error));
  g_assert_no_error (error);
  assert_mode (long_path, 0660);
  g_assert_cmpuint (count_entries (dir), ==, 3);

  umask (old_umask);
  g_unlink (long_path);
  g_unlink (fresh);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An absolute link into another folder: the file it points to is replaced
 * in its own folder, keeps its mode, and the link stays a link. */
static void
test_save_through_symlink_keeps_mode (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "files", NULL);
  g_autofree char *real = g_build_filename (sub, "real.gwdoc", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gwdoc", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GwDocument) doc = build_opinion ();
  g_autoptr(GBytes) expected = gw_document_to_gwdoc_bytes (doc);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (real, "old", 3, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);

  g_assert_true (gw_document_save_gwdoc (doc, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  assert_mode (real, 0640);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  g_assert_cmpuint (count_entries (sub), ==, 1);

  g_unlink (link);
  g_unlink (real);
  g_rmdir (sub);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---- refusing bad input ---------------------------------------------------- */

static GwDocument *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture (name);

  return gw_document_load_gwdoc (path, error);
}

static void
assert_message_at (const GError *error,
                   const char   *file,
                   guint         line)
{
  g_autofree char *place = g_strdup_printf ("%s:%u: ", file, line);

  g_test_message ("%s", error->message);

  if (strstr (error->message, place) == NULL)
    g_error ("“%s” does not name %s", error->message, place);
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_refuse_xxe (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("xxe.gwdoc", &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_UNSAFE);
  assert_message_at (error, "xxe.gwdoc", 2);
  g_assert_null (strstr (error->message, "root:"));  /* /etc/passwd was not read */
}

static void
test_refuse_bomb (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  glong rss_before = max_rss_kib ();
  double elapsed;

  g_test_timer_start ();
  doc = load_fixture ("bomb.gwdoc", &error);
  elapsed = g_test_timer_elapsed ();

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_UNSAFE);
  assert_message_at (error, "bomb.gwdoc", 2);
  g_test_message ("billion laughs refused in %.6f s", elapsed);
  /* expanded, the ten levels would be 10⁹ "lol"s: 3 GB and many seconds;
   * the memory says it was not expanded, whatever else runs on the
   * machine; the clock only in a timing run (-m perf) */
  g_assert_cmpint (max_rss_kib () - rss_before, <, 16 * 1024);
  if (g_test_perf ())
    g_assert_cmpfloat (elapsed, <, 0.1);
}

static void
test_refuse_doctype (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("doctype-only.gwdoc", &error);
  static const char internal_only[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE gwdoc [\n<!ELEMENT gwdoc ANY>\n]>\n"
    "<gwdoc version=\"1\" kind=\"opinion\"><body/></gwdoc>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (internal_only, strlen (internal_only));
  g_autoptr(GwDocument) doc2 = NULL;

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_UNSAFE);
  assert_message_at (error, "doctype-only.gwdoc", 2);
  g_clear_error (&error);

  doc2 = gw_document_load_gwdoc_bytes (bytes, "inline.gwdoc", &error);
  g_assert_null (doc2);
  g_assert_error (error, GW_ERROR, GW_ERROR_UNSAFE);
  assert_message_at (error, "inline.gwdoc", 2);
}

static void
test_refuse_undeclared_entity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("undeclared-entity.gwdoc", &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  assert_message_at (error, "undeclared-entity.gwdoc", 4);
}

static void
test_refuse_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("truncated.gwdoc", &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  assert_message_at (error, "truncated.gwdoc", 9);
}

static void
test_refuse_schema_violation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("schema-violation.gwdoc", &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_SCHEMA);
  assert_message_at (error, "schema-violation.gwdoc", 9);
  g_assert_nonnull (strstr (error->message, "element “paragraph”: unknown attribute “foo”"));
}

static void
test_refuse_schema_cases (void)
{
  static const struct {
    const char *xml;
    guint       line;
    const char *mention;
  } cases[] = {
    /* unknown element, unknown kind, heading level out of range */
    { "<gwdoc version=\"1\" kind=\"opinion\">\n<body>\n<list/>\n</body>\n</gwdoc>", 3, "“list”" },
    { "<gwdoc version=\"1\" kind=\"memo\">\n<body/>\n</gwdoc>", 1, "kind=“memo”" },
    { "<gwdoc version=\"1\" kind=\"opinion\">\n<body>\n<heading level=\"5\">x</heading>\n"
      "</body>\n</gwdoc>", 3, "attribute “level” may not be “5”" },
    /* a missing body, a repeated metadata element */
    { "<gwdoc version=\"1\" kind=\"opinion\">\n<meta/>\n</gwdoc>", 1, "“gwdoc”" },
    { "<gwdoc version=\"1\" kind=\"opinion\">\n<meta>\n<title>a</title>\n<title>b</title>\n"
      "</meta>\n<body/>\n</gwdoc>", 4, "“title”" },
    /* not a number, unknown evaluation field, attachment without number */
    { "<gwdoc version=\"1\" kind=\"evaluation\">\n<body/>\n<evaluation stated-total=\"八十\"/>\n"
      "</gwdoc>", 3, "“stated-total”" },
    { "<gwdoc version=\"1\" kind=\"evaluation\">\n<body/>\n<evaluation>\n<fields>\n"
      "<field name=\"mood\">好</field>\n</fields>\n</evaluation>\n</gwdoc>", 5, "name=“mood”" },
    { "<gwdoc version=\"1\" kind=\"opinion\">\n<body>\n<attachment>附件</attachment>\n"
      "</body>\n</gwdoc>", 3, "“attachment”" },
    /* a layout format there is none of */
    { "<gwdoc version=\"1\" kind=\"opinion\" format=\"memo\">\n<body/>\n</gwdoc>", 1,
      "attribute “format” may not be “memo”" },
    /* not a .gwdoc at all */
    { "<html>\n<body/>\n</html>", 1, "“html”" },
    /* a text inside a table */
    { "<gwdoc version=\"1\" kind=\"opinion\">\n<body>\n<table>\n<row>甲</row>\n</table>\n"
      "</body>\n</gwdoc>", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].xml, strlen (cases[i].xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = gw_document_load_gwdoc_bytes (bytes, "case.gwdoc", &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(loaded)");
      g_assert_null (doc);
      g_assert_error (error, GW_ERROR, GW_ERROR_SCHEMA);
      if (cases[i].line)
        assert_message_at (error, "case.gwdoc", cases[i].line);
      if (cases[i].mention)
        g_assert_nonnull (strstr (error->message, cases[i].mention));
    }
}

static void
test_refuse_duplicate_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("duplicate-field.gwdoc", &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_SCHEMA);
  assert_message_at (error, "duplicate-field.gwdoc", 6);
  g_assert_nonnull (strstr (error->message, "“city”"));
}

static void
test_refuse_future_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("future-version.gwdoc", &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_SCHEMA);
  assert_message_at (error, "future-version.gwdoc", 2);
  g_assert_nonnull (strstr (error->message, "“2”"));
}

static void
test_refuse_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("not-utf8.gwdoc", &error);
  g_autoptr(GwDocument) doc2 = NULL;

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_ENCODING);
  assert_message_at (error, "not-utf8.gwdoc", 4);
  g_clear_error (&error);

  doc2 = load_fixture ("latin1-declared.gwdoc", &error);
  g_assert_null (doc2);
  g_assert_error (error, GW_ERROR, GW_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "ISO-8859-1"));
}

static void
test_refuse_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("empty.gwdoc", &error);
  g_autoptr(GBytes) blank = g_bytes_new_static (" \n\t\n", 4);
  g_autoptr(GwDocument) doc2 = NULL;

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.gwdoc"));
  g_clear_error (&error);

  doc2 = gw_document_load_gwdoc_bytes (blank, "blank.gwdoc", &error);
  g_assert_null (doc2);
  g_assert_error (error, GW_ERROR, GW_ERROR_EMPTY);
}

static void
test_refuse_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.gwdoc", NULL);
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwDocument) doc2 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FILE *f;

  g_assert_no_error (error);
  /* sparse: the size check must come before any read */
  f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) GW_MAX_INPUT_SIZE + 1), ==, 0);
  fclose (f);
  doc = gw_document_load_gwdoc (path, &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.gwdoc"));
  g_clear_error (&error);

  bytes = g_bytes_new_take (g_malloc0 (GW_MAX_INPUT_SIZE + 1), GW_MAX_INPUT_SIZE + 1);
  doc2 = gw_document_load_gwdoc_bytes (bytes, "huge.gwdoc", &error);
  g_assert_null (doc2);
  g_assert_error (error, GW_ERROR, GW_ERROR_TOO_LARGE);

  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_refuse_special_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwDocument) doc2 = NULL;
  g_autofree char *dir = fixture ("");

  /* /dev/zero reports size 0 and never ends; a folder is not a file */
  doc = gw_document_load_gwdoc ("/dev/zero", &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  doc2 = gw_document_load_gwdoc (dir, &error);
  g_assert_null (doc2);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

static void
test_refuse_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = load_fixture ("no-such-file.gwdoc", &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-file.gwdoc"));
}

/* What a person or another tool may write and is still a valid .gwdoc: a
 * byte-order mark, CRLF line ends, comments, processing instructions,
 * CDATA, character references, metadata in another order. */
static void
test_accept_variants (void)
{
  static const char xml[] =
    "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\r\n"
    "<!-- written by hand -->\r\n"
    "<?gongwen-hint ignore?>\r\n"
    "<gwdoc kind='opinion' version='1'>\r\n"
    "  <meta><date>2023年3月10日</date><title>标题&#x4E00;</title></meta>\r\n"
    "  <body>\r\n"
    "    <paragraph><![CDATA[a<b & c]]> 与 &lt;d&gt;</paragraph>\r\n"
    "    <heading level='2'>（一）多行\r\n标题</heading>\r\n"
    "  </body>\r\n"
    "</gwdoc>\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_document_load_gwdoc_bytes (bytes, "hand.gwdoc", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "标题一");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DATE), ==, "2023年3月10日");
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc, 0)), ==, "a<b & c 与 <d>");
  /* XML turns CRLF into LF */
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc, 1)), ==, "（一）多行\n标题");
  g_assert_cmpuint (gw_block_get_level (gw_document_get_block (doc, 1)), ==, 2);
}

/* ---- the shipped samples --------------------------------------------------- */

/* A sample in canonical form: reading and writing it gives the file back. */
static GwDocument *
load_canonical (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture (name);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) written = NULL;
  gsize len;
  GwDocument *doc;

  doc = gw_document_load_gwdoc (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  written = gw_document_to_gwdoc_bytes (doc);
  g_assert_cmpmem (contents, len, g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  return doc;
}

static void
test_sample_opinion (void)
{
  g_autoptr(GwDocument) doc = load_canonical ("shenmu-opinion.gwdoc");
  const char * const *attachments = gw_document_get_attachments (doc);
  guint headings[5] = { 0, };

  g_assert_cmpuint (gw_document_get_kind (doc), ==, GW_DOCUMENT_KIND_OPINION);
  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, "神政办发〔2023〕12号");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DATE), ==, "2023年3月10日");
  g_assert_true (g_str_has_suffix (gw_document_get_meta (doc, GW_META_TITLE), "实施意见"));
  g_assert_cmpuint (g_strv_length ((char **) attachments), ==, 2);
  for (guint i = 0; i < gw_document_get_n_blocks (doc); i++)
    {
      GwBlock *block = gw_document_get_block (doc, i);
      GwHeadingMarker marker;

      headings[gw_block_get_level (block)]++;
      /* every heading's level agrees with its marker */
      if (gw_block_get_kind (block) == GW_BLOCK_HEADING)
        {
          g_assert_true (gw_heading_marker_parse (gw_block_get_text (block), &marker));
          g_assert_cmpuint (marker.level, ==, gw_block_get_level (block));
          g_assert_true (marker.well_formed);
        }
    }
  g_assert_cmpuint (headings[1], ==, 5);
  g_assert_cmpuint (headings[2], ==, 12);
}

/* A letter (函) in the 信函 format, as shipped for the renderer's tests. */
static void
test_sample_letter (void)
{
  g_autoptr(GwDocument) doc = load_canonical ("linchuan-letter.gwdoc");

  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "临川市民政局");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, "临民函〔2024〕5号");
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 3);
}

static void
test_sample_opinion_attachments (void)
{
  g_autoptr(GwDocument) doc = load_canonical ("shenmu-opinion-attachments.gwdoc");
  g_autoptr(GwDocument) plain = load_canonical ("shenmu-opinion.gwdoc");
  guint n = gw_document_get_n_blocks (doc);
  guint first_attachment = gw_document_get_n_blocks (plain);
  GwBlock *table;
  GPtrArray *rows;

  /* the same opinion, with the two attachment pages after it */
  g_assert_cmpuint (n, ==, first_attachment + 7);
  g_assert_cmpuint (gw_block_get_kind (gw_document_get_block (doc, first_attachment)), ==,
                    GW_BLOCK_ATTACHMENT);
  g_assert_cmpuint (gw_block_get_number (gw_document_get_block (doc, first_attachment)), ==, 1);
  g_assert_cmpstr (gw_block_get_text (gw_document_get_block (doc, first_attachment)), ==,
                   gw_document_get_attachments (doc)[0]);
  table = gw_document_get_block (doc, first_attachment + 2);
  g_assert_cmpuint (gw_block_get_kind (table), ==, GW_BLOCK_TABLE);
  rows = gw_block_get_rows (table);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, 4);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[0], ==, "镇街社工站");
  g_assert_cmpuint (gw_block_get_number (gw_document_get_block (doc, n - 2)), ==, 2);
}

static gboolean
credit_code_valid (const char *code)
{
  static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const guint weights[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  guint sum = 0;

  if (strlen (code) != 18)
    return FALSE;
  for (guint i = 0; i < 17; i++)
    {
      const char *p = strchr (charset, code[i]);
      if (p == NULL || code[i] == '\0')
        return FALSE;
      sum += (guint) (p - charset) * weights[i];
    }
  return code[17] == charset[(31 - sum % 31) % 31];
}

static void
test_sample_evaluation (void)
{
  g_autoptr(GwDocument) doc = load_canonical ("sample-evaluation.gwdoc");
  GwEvaluation *ev = gw_document_get_evaluation (doc);
  const char * const *evaluators;
  GListModel *sections;

  g_assert_cmpuint (gw_document_get_kind (doc), ==, GW_DOCUMENT_KIND_EVALUATION);
  g_assert_nonnull (ev);
  g_assert_cmpfloat (gw_evaluation_compute_max (ev), ==, 100);
  g_assert_cmpfloat (gw_evaluation_compute_total (ev), ==, 86.5);
  g_assert_cmpfloat (gw_evaluation_get_stated_total (ev), ==, 86.5);
  g_assert_false (gw_evaluation_any_veto (ev));
  g_assert_cmpstr (gw_evaluation_compute_grade (ev), ==, "良好");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_STATED_GRADE), ==, "良好");
  g_assert_cmpuint (gw_evaluation_get_cycle_year (ev), ==, 1);
  g_assert_cmpstr (gw_evaluation_compute_decision (ev), ==, "续签下一年度合同");
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_STATED_DECISION), ==, "续签下一年度合同");
  g_assert_true (credit_code_valid (gw_evaluation_get_field (ev, GW_EVAL_CREDIT_CODE)));
  g_assert_cmpfloat (gw_evaluation_get_step (ev), ==, 0.5);

  evaluators = gw_evaluation_get_evaluators (ev);
  g_assert_cmpuint (g_strv_length ((char **) evaluators), ==, 3);
  /* every sign-off field is filled, the override reason is not needed,
   * nor a governing opinion (the sample is checked on its own) */
  for (guint f = 0; f < GW_N_EVAL_FIELDS; f++)
    if (f != GW_EVAL_OVERRIDE_REASON && f != GW_EVAL_OPINION)
      g_assert_cmpstr (gw_evaluation_get_field (ev, f), !=, "");

  sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (sections, i);

      g_assert_cmpfloat (gw_eval_section_compute_max (section), ==,
                         gw_eval_section_get_max (section));
      g_assert_cmpfloat (gw_eval_section_compute_subtotal (section), ==,
                         gw_eval_section_get_stated_subtotal (section));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gw_evaluation_get_veto_items (ev))),
                    ==, 5);
}

static void
test_credit_code_check (void)
{
  g_assert_true (credit_code_valid ("91350100M000100Y43"));
  g_assert_false (credit_code_valid ("91350100M000100Y44"));
  g_assert_false (credit_code_valid ("91350100M000100Y4"));
}

/* The samples and the schema agree for an independent validator too. */
static void
test_samples_xmllint (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = NULL;
  static const char *samples[] = {
    "shenmu-opinion.gwdoc", "shenmu-opinion-attachments.gwdoc", "sample-evaluation.gwdoc",
    "linchuan-letter.gwdoc",
  };

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  schema = g_test_build_filename (G_TEST_DIST, "..", "data", "schema", "gwdoc.rng", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = fixture (samples[i]);
      const char *argv[] = { xmllint, "--noout", "--nonet", "--relaxng", schema, path, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

static void
collect_attributes (xmlNodePtr  node,
                    const char *element,
                    guint      *n_checked)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      xmlChar *name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (child->name, (const xmlChar *) "element"))
        continue;  /* its own attributes are checked with it */
      if (xmlStrEqual (child->name, (const xmlChar *) "attribute"))
        {
          name = xmlGetProp (child, (const xmlChar *) "name");
          if (!_gw_document_xml_attribute_known (element, (const char *) name))
            g_error ("attribute “%s” of “%s” is missing from known_attributes",
                     (const char *) name, element);
          (*n_checked)++;
          xmlFree (name);
        }
      collect_attributes (child, element, n_checked);
    }
}

static void
check_elements (xmlNodePtr  node,
                guint      *n_checked)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (child->name, (const xmlChar *) "element"))
        {
          xmlChar *name = xmlGetProp (child, (const xmlChar *) "name");

          collect_attributes (child, (const char *) name, n_checked);
          g_assert_false (_gw_document_xml_attribute_known ((const char *) name, "foo"));
          xmlFree (name);
        }
      check_elements (child, n_checked);
    }
}

/* The table that words attribute errors agrees with the schema. */
static void
test_schema_attributes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "schema",
                                                 "gwdoc.rng", NULL);
  xmlDocPtr schema = xmlReadFile (path, NULL, XML_PARSE_NONET);
  guint n_checked = 0;

  g_assert_nonnull (schema);
  check_elements ((xmlNodePtr) schema, &n_checked);
  g_assert_cmpuint (n_checked, >=, 20);
  g_assert_false (_gw_document_xml_attribute_known ("paragraph", "level"));
  xmlFreeDoc (schema);
}

/* ---- threads and async ----------------------------------------------------- */

static gpointer
load_in_thread (gpointer data)
{
  g_autofree char *path = fixture ("sample-evaluation.gwdoc");
  gboolean ok = TRUE;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = gw_document_load_gwdoc (path, &error);
      g_autoptr(GwDocument) bad = load_fixture ("schema-violation.gwdoc", NULL);

      ok = ok && doc != NULL && bad == NULL;
    }
  return GINT_TO_POINTER (ok);
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

static void
on_async_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gwdoc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "async.gwdoc", NULL);
  g_autoptr(GwDocument) doc = build_evaluation ();
  g_autoptr(GwDocument) loaded = NULL;
  g_autoptr(GwDocument) saved = gw_document_copy (doc);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_no_error (error);
  gw_document_save_gwdoc_async (doc, path, NULL, on_async_cb, &result);
  /* an edit after the call does not reach the file: it was serialised */
  gw_document_set_meta (doc, GW_META_TITLE, "保存之后才改的标题");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gw_document_save_gwdoc_finish (doc, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  gw_document_load_gwdoc_async (path, NULL, on_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  loaded = gw_document_load_gwdoc_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (gw_document_equal (saved, loaded));
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  gw_document_load_gwdoc_async (path, cancellable, on_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (gw_document_load_gwdoc_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The governing opinion a form's header names (依据的实施意见), by path or
 * by number, is kept by the .gwdoc and accepted by its schema. */
static void
test_round_trip_governing_opinion (void)
{
  static const char * const references[] = { "../意见/神木实施意见.docx", "神政办发〔2023〕12号" };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_EVALUATION);
      g_autoptr(GwEvaluation) ev = gw_evaluation_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GwDocument) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = NULL;

      gw_evaluation_set_field (ev, GW_EVAL_OPINION, references[i]);
      gw_document_set_evaluation (doc, ev);
      bytes = gw_document_to_gwdoc_bytes (doc);
      xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_nonnull (strstr (xml, "<field name=\"opinion\">"));
      back = gw_document_load_gwdoc_bytes (bytes, "opinion.gwdoc", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (gw_evaluation_get_field (gw_document_get_evaluation (back), GW_EVAL_OPINION),
                       ==, references[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document-xml/round-trip/opinion", test_round_trip_opinion);
  g_test_add_func ("/core/document-xml/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/core/document-xml/round-trip/evaluation", test_round_trip_evaluation);
  g_test_add_func ("/core/document-xml/round-trip/governing-opinion",
                   test_round_trip_governing_opinion);
  g_test_add_func ("/core/document-xml/round-trip/changed-kinds", test_round_trip_changed_kinds);
  g_test_add_func ("/core/document-xml/round-trip/joint-mark", test_round_trip_joint_mark);
  g_test_add_func ("/core/document-xml/round-trip/letter", test_round_trip_letter);
  g_test_add_func ("/core/document-xml/numbers", test_numbers_locale_independent);
  g_test_add_func ("/core/document-xml/large", test_large);
  g_test_add_func ("/core/document-xml/unrepresentable", test_unrepresentable_characters);
  g_test_add_func ("/core/document-xml/save/file", test_save_load_file);
  g_test_add_func ("/core/document-xml/save/atomic", test_save_atomic);
  g_test_add_func ("/core/document-xml/save/symlink", test_save_through_symlink);
  g_test_add_func ("/core/document-xml/save/long-name", test_save_long_name);
  g_test_add_func ("/core/document-xml/save/mode", test_save_keeps_mode);
  g_test_add_func ("/core/document-xml/save/symlink-mode", test_save_through_symlink_keeps_mode);
  g_test_add_func ("/core/document-xml/accept/variants", test_accept_variants);
  g_test_add_func ("/core/document-xml/refuse/xxe", test_refuse_xxe);
  g_test_add_func ("/core/document-xml/refuse/bomb", test_refuse_bomb);
  g_test_add_func ("/core/document-xml/refuse/doctype", test_refuse_doctype);
  g_test_add_func ("/core/document-xml/refuse/undeclared-entity", test_refuse_undeclared_entity);
  g_test_add_func ("/core/document-xml/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/core/document-xml/refuse/schema-violation", test_refuse_schema_violation);
  g_test_add_func ("/core/document-xml/refuse/schema-cases", test_refuse_schema_cases);
  g_test_add_func ("/core/document-xml/refuse/duplicate-field", test_refuse_duplicate_field);
  g_test_add_func ("/core/document-xml/refuse/future-version", test_refuse_future_version);
  g_test_add_func ("/core/document-xml/refuse/encoding", test_refuse_encoding);
  g_test_add_func ("/core/document-xml/refuse/empty", test_refuse_empty);
  g_test_add_func ("/core/document-xml/refuse/too-large", test_refuse_too_large);
  g_test_add_func ("/core/document-xml/refuse/missing", test_refuse_missing);
  g_test_add_func ("/core/document-xml/refuse/special-files", test_refuse_special_files);
  g_test_add_func ("/core/document-xml/samples/opinion", test_sample_opinion);
  g_test_add_func ("/core/document-xml/samples/opinion-attachments",
                   test_sample_opinion_attachments);
  g_test_add_func ("/core/document-xml/samples/evaluation", test_sample_evaluation);
  g_test_add_func ("/core/document-xml/samples/letter", test_sample_letter);
  g_test_add_func ("/core/document-xml/samples/credit-code", test_credit_code_check);
  g_test_add_func ("/core/document-xml/samples/xmllint", test_samples_xmllint);
  g_test_add_func ("/core/document-xml/schema-attributes", test_schema_attributes);
  g_test_add_func ("/core/document-xml/threads", test_threads);
  g_test_add_func ("/core/document-xml/async", test_async);

  return g_test_run ();
}
