/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gw-document.h"

static void
count_cb (GwDocument *doc,
          guint      *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwBlock) block = gw_block_new (GW_BLOCK_PARAGRAPH, "为推进社工站建设，制定本方案。");
  guint count = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &count);
  gw_document_set_meta (doc, GW_META_TITLE, "关于印发方案的通知");
  g_assert_cmpuint (count, ==, 1);
  gw_document_set_meta (doc, GW_META_TITLE, "关于印发方案的通知");
  g_assert_cmpuint (count, ==, 1);
  gw_document_append_block (doc, block);
  g_assert_cmpuint (count, ==, 2);
  gw_block_set_text (block, "新的文字。");
  g_assert_cmpuint (count, ==, 3);
  gw_document_set_field (doc, "city", "神木市");
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpstr (gw_document_get_field (doc, "city"), ==, "神木市");
  g_object_set (doc, "doc-number", "神政办发〔2023〕12号", NULL);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, "神政办发〔2023〕12号");
  g_assert_cmpuint (count, ==, 5);
}

static void
test_copy_equal (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) copy = NULL;
  g_autoptr(GwBlock) h = gw_block_new (GW_BLOCK_HEADING, "一、总体要求");

  gw_document_append_block (doc, h);
  gw_document_add_attachment (doc, "神木市社工站（室）建设标准", 40);
  copy = gw_document_copy (doc);
  g_assert_true (gw_document_equal (doc, copy));
  gw_block_set_text (gw_document_get_block (copy, 0), "一、总体目标");
  g_assert_false (gw_document_equal (doc, copy));
  g_assert_cmpuint (gw_document_get_attachment_line (copy, 0), ==, 40);
}

static void
test_heading_markers (void)
{
  static const struct {
    const char *text;
    gboolean    is_heading;
    guint       level;
    guint       number;
    gboolean    well_formed;
  } cases[] = {
    { "一、总体要求", TRUE, 1, 1, TRUE },
    { "十二、附则", TRUE, 1, 12, TRUE },
    { "二十、附则", TRUE, 1, 20, TRUE },
    { "（一）工作目标。建成", TRUE, 2, 1, TRUE },
    { "（十一）其他", TRUE, 2, 11, TRUE },
    { "1.服务内容", TRUE, 3, 1, TRUE },
    { "12.服务内容", TRUE, 3, 12, TRUE },
    { "（3）场地", TRUE, 4, 3, TRUE },
    { "一.总体要求", TRUE, 1, 1, FALSE },
    { "一，总体要求", TRUE, 1, 1, FALSE },
    { "（一）、工作目标", TRUE, 2, 1, FALSE },
    { "(一)工作目标", TRUE, 2, 1, FALSE },
    { "1、服务内容", TRUE, 3, 1, FALSE },
    { "一是加强领导", FALSE, 0, 0, FALSE },
    { "为推进社工站建设", FALSE, 0, 0, FALSE },
    { "2023年3月10日", FALSE, 0, 0, FALSE },
    { "3.5万元", FALSE, 0, 0, FALSE },
    { "（此件公开发布）", FALSE, 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GwHeadingMarker m;
      gboolean ok = gw_heading_marker_parse (cases[i].text, &m);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].is_heading);
      if (!ok)
        continue;
      g_assert_cmpuint (m.level, ==, cases[i].level);
      g_assert_cmpuint (m.number, ==, cases[i].number);
      g_assert_cmpint (m.well_formed, ==, cases[i].well_formed);
    }
}

static void
test_source_spans (void)
{
  g_autoptr(GwBlock) b = gw_block_new (GW_BLOCK_PARAGRAPH, "助力乡村振兴");
  guint line, col;

  gw_block_add_span (b, 0, 10, 3);
  gw_block_add_span (b, 3, 11, 1);
  gw_block_map_offset (b, 1, &line, &col);
  g_assert_cmpuint (line, ==, 10);
  g_assert_cmpuint (col, ==, 4);
  gw_block_map_offset (b, 4, &line, &col);
  g_assert_cmpuint (line, ==, 11);
  g_assert_cmpuint (col, ==, 2);
  g_assert_cmpuint (gw_block_get_line (b), ==, 10);
}

/* Setting a string to itself (as a caller passing the getter's result
 * does) must not free it before it is copied. */
static void
test_set_same_string (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);

  gw_document_set_source_path (doc, "/tmp/草稿.txt");
  gw_document_set_source_path (doc, gw_document_get_source_path (doc));
  g_assert_cmpstr (gw_document_get_source_path (doc), ==, "/tmp/草稿.txt");
}

/* 联合行文: names one a line, "文件" alone or after the last name. */
static void
test_organ_mark (void)
{
  static const struct {
    const char *mark;
    const char *organs[4];
    gboolean    suffix;
    gboolean    joint;
    const char *canonical;
  } cases[] = {
    { "临川市民政局文件", { "临川市民政局" }, TRUE, FALSE, "临川市民政局文件" },
    { "临川市民政局", { "临川市民政局" }, FALSE, FALSE, "临川市民政局" },
    { "临川市民政局\n临川市财政局\n文件", { "临川市民政局", "临川市财政局" }, TRUE, TRUE,
      "临川市民政局\n临川市财政局\n文件" },
    { "临川市民政局\n临川市财政局文件", { "临川市民政局", "临川市财政局" }, TRUE, TRUE,
      "临川市民政局\n临川市财政局\n文件" },
    { "　临川市民政局 \r\n\n临川市财政局　文件\n", { "临川市民政局", "临川市财政局" }, TRUE, TRUE,
      "临川市民政局\n临川市财政局\n文件" },
    { "临川市民政局\n临川市财政局\n临川市人力资源和社会保障局",
      { "临川市民政局", "临川市财政局", "临川市人力资源和社会保障局" }, FALSE, TRUE,
      "临川市民政局\n临川市财政局\n临川市人力资源和社会保障局" },
    /* one organ over "文件" is no joint mark */
    { "临川市民政局\n文件", { "临川市民政局" }, TRUE, FALSE, "临川市民政局文件" },
    { "", { NULL }, FALSE, FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean suffix = !cases[i].suffix;
      g_auto(GStrv) organs = gw_organ_mark_split (cases[i].mark, &suffix);
      g_autofree char *joined = gw_organ_mark_join ((const char * const *) organs, suffix);

      g_assert_cmpstrv (organs, cases[i].organs);
      g_assert_cmpint (suffix, ==, cases[i].suffix);
      g_assert_cmpint (gw_organ_mark_is_joint (cases[i].mark), ==, cases[i].joint);
      g_assert_cmpstr (joined, ==, cases[i].canonical);
    }
  g_assert_false (gw_organ_mark_is_joint (NULL));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* The letter format (信函) is a property of its own: the 文件 format by
 * default, notified and "changed" once per real change, copied and
 * compared, and named in strings the .gwdoc writes. */
static void
test_format (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) copy = NULL;
  GwDocumentFormat format = GW_DOCUMENT_FORMAT_LETTER;
  guint changed = 0, notified = 0;

  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (doc, "notify::format", G_CALLBACK (notify_cb), &notified);
  copy = gw_document_copy (doc);

  gw_document_set_format (doc, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  gw_document_set_format (doc, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gw_document_equal (doc, copy));

  g_clear_object (&copy);
  copy = gw_document_copy (doc);
  g_assert_cmpint (gw_document_get_format (copy), ==, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_true (gw_document_equal (doc, copy));

  g_object_set (doc, "format", GW_DOCUMENT_FORMAT_DOCUMENT, NULL);
  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (notified, ==, 2);

  g_assert_cmpstr (gw_document_format_to_string (GW_DOCUMENT_FORMAT_DOCUMENT), ==, "document");
  g_assert_cmpstr (gw_document_format_to_string (GW_DOCUMENT_FORMAT_LETTER), ==, "letter");
  g_assert_true (gw_document_format_from_string ("document", &format));
  g_assert_cmpint (format, ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  g_assert_true (gw_document_format_from_string ("letter", &format));
  g_assert_cmpint (format, ==, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_false (gw_document_format_from_string ("memo", &format));
  g_assert_false (gw_document_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, GW_DOCUMENT_FORMAT_LETTER);
}

int
main (int   argc,
      char *argv[])
{
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/document/changed-signal", test_changed_signal);
  g_test_add_func ("/core/document/copy-equal", test_copy_equal);
  g_test_add_func ("/core/document/organ-mark", test_organ_mark);
  g_test_add_func ("/core/block/heading-markers", test_heading_markers);
  g_test_add_func ("/core/block/source-spans", test_source_spans);
  g_test_add_func ("/core/document/set-same-string", test_set_same_string);
  g_test_add_func ("/core/document/format", test_format);
  return g_test_run ();
}
