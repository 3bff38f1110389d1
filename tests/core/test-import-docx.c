/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .docx importer on hand-written packages (tests/data/docx/make-packages.py
 * zips XML strings written by hand; Gongwen's own writer is never used). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gw-block.h"
#include "gw-error.h"
#include "gw-import-docx.h"
#include "gw-import-report.h"

static char *fixtures;

static GwDocument *
load (const char *name)
{
  g_autofree char *path = g_build_filename (fixtures, name, NULL);
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_import_docx_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (g_test_verbose ())
    {
      GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (doc));
      for (GwMeta m = 0; m < GW_N_META; m++)
        {
          guint column = 0, line = gw_document_get_meta_line (doc, m, &column);
          g_test_message ("%s = %s (%u:%u)", gw_meta_to_string (m), gw_document_get_meta (doc, m), line, column);
        }
      for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
        {
          g_autoptr(GwBlock) b = g_list_model_get_item (blocks, i);
          g_test_message ("block %s %u line %u: %s", gw_block_kind_to_string (gw_block_get_kind (b)),
                          gw_block_get_level (b), gw_block_get_line (b), gw_block_get_text (b));
        }
    }
  return doc;
}

static GwBlock *
block_at (GwDocument *doc,
          guint       i)
{
  return g_list_model_get_item (G_LIST_MODEL (gw_document_get_blocks (doc)), i);
}

/* the first block whose text starts with @prefix */
static GwBlock *
find_block (GwDocument *doc,
            const char *prefix)
{
  GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (doc));

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      GwBlock *b = g_list_model_get_item (blocks, i);
      if (g_str_has_prefix (gw_block_get_text (b), prefix))
        return b;
      g_object_unref (b);
    }
  return NULL;
}

static void
test_numbering (void)
{
  g_autoptr(GwDocument) doc = load ("numbering.docx");
  g_autoptr(GwBlock) h1 = find_block (doc, "一、总体要求");
  g_autoptr(GwBlock) h2 = find_block (doc, "（一）工作目标");
  g_autoptr(GwBlock) h3 = find_block (doc, "1.");
  g_autoptr(GwBlock) h1b = find_block (doc, "二、保障措施");
  GwImportReport *report = gw_document_get_import_report (doc);
  guint column = 0;

  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "某市民政局文件");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, "某民发〔2024〕7号");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "关于做好社会工作服务的通知");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DATE), ==, "2024年3月1日");
  g_assert_cmpuint (gw_document_get_meta_line (doc, GW_META_DATE, &column), ==, 12);
  g_assert_nonnull (h1);
  g_assert_cmpuint (gw_block_get_kind (h1), ==, GW_BLOCK_HEADING);
  g_assert_cmpuint (gw_block_get_level (h1), ==, 1);
  /* paragraphs: mark 1, number 2, title 3, recipients 4, heading 5 */
  g_assert_cmpuint (gw_block_get_line (h1), ==, 5);
  g_assert_nonnull (h2);
  g_assert_cmpuint (gw_block_get_level (h2), ==, 2);
  g_assert_nonnull (h3);
  g_assert_true (g_str_has_prefix (gw_block_get_text (h3), "1.具体任务") ||
                 g_str_has_prefix (gw_block_get_text (h3), "1.\t具体任务"));
  g_assert_nonnull (h1b);
  g_assert_true (gw_import_report_has_recognised (report, "automatic-numbering"));
  g_assert_cmpstr (gw_import_report_get_format (report), ==, "docx");
}

static void
test_tracked (void)
{
  g_autoptr(GwDocument) doc = load ("tracked.docx");
  g_autoptr(GwBlock) h = find_block (doc, "一、总体要求");
  g_autoptr(GwBlock) body = find_block (doc, "正文内容。");
  GwImportReport *report = gw_document_get_import_report (doc);
  g_autofree char *all = NULL;
  GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (doc));
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_nonnull (h);
  g_assert_null (strstr (gw_block_get_text (h), "删掉"));
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GwBlock) b = block_at (doc, i);
      g_string_append (s, gw_block_get_text (b));
    }
  g_assert_null (strstr (s->str, "整段删除"));
  /* the paragraph deleted whole is not counted: 正文内容 is paragraph 6 */
  g_assert_nonnull (body);
  g_assert_cmpuint (gw_block_get_line (body), ==, 6);
  g_assert_cmpuint (gw_import_report_get_dropped (report, "tracked-changes"), >=, 3);
  g_assert_cmpuint (gw_import_report_get_dropped (report, "comments"), ==, 1);
}

static void
test_textbox (void)
{
  g_autoptr(GwDocument) doc = load ("textbox.docx");
  g_autoptr(GwBlock) table = NULL;
  GwImportReport *report = gw_document_get_import_report (doc);
  GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (doc));
  GPtrArray *rows;
  char **row;
  const GwSourceSpan *spans;
  guint n_spans = 0;

  /* the text box's text once, not twice (DrawingML and VML fallback) */
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "某市民政局文件");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, "某民发〔2024〕7号");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "关于做好社会工作服务的通知");
  g_assert_true (gw_import_report_has_recognised (report, "red-rule"));
  g_assert_true (gw_import_report_has_recognised (report, "text-boxes"));
  for (guint i = 0; i < g_list_model_get_n_items (blocks) && table == NULL; i++)
    {
      g_autoptr(GwBlock) b = block_at (doc, i);
      if (gw_block_get_kind (b) == GW_BLOCK_TABLE)
        table = g_object_ref (b);
    }
  g_assert_nonnull (table);
  rows = gw_block_get_rows (table);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "项目");
  g_assert_cmpstr (row[1], ==, "金额");
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[0], ==, "");
  g_assert_cmpstr (row[1], ==, "20");
  /* each cell points at its own paragraph: 项目 is paragraph 10 (anchor 1,
   * text box 2, number 3, rule 4, title 5, recipients 6, heading 7,
   * paragraph 8, … the table starts at 9) */
  spans = gw_block_get_spans (table, &n_spans);
  g_assert_cmpuint (n_spans, >=, 3);
  g_assert_cmpuint (spans[0].line, ==, 9);
  g_assert_cmpuint (spans[0].column, ==, 1);
  g_assert_cmpuint (spans[1].line, ==, 10);
  g_assert_cmpuint (spans[1].column, ==, 1);
}

static void
test_joint (void)
{
  g_autoptr(GwDocument) doc = load ("joint.docx");
  g_auto(GStrv) organs = gw_organ_mark_split (gw_document_get_meta (doc, GW_META_ORGAN_MARK), NULL);

  g_assert_cmpuint (g_strv_length (organs), ==, 2);
  g_assert_cmpstr (organs[0], ==, "某市民政局");
  g_assert_cmpstr (organs[1], ==, "某市财政局");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_COPY_TO), ==, "市委办公室，市人大常委会办公室。");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_PRINTING_ORGAN), ==, "某市民政局办公室");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_PRINTING_DATE), ==, "2024年3月1日");
  g_assert_true (gw_import_report_has_recognised (gw_document_get_import_report (doc), "red-rule"));
}

static void
test_misc (void)
{
  g_autoptr(GwDocument) doc = load ("misc.docx");
  g_autoptr(GwBlock) p = find_block (doc, "详见");
  g_autoptr(GwBlock) h = find_block (doc, "组织保障");
  g_autoptr(GwBlock) sdt = find_block (doc, "一、总体要求");

  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "关于做好社会工作\n服务的通知");
  g_assert_nonnull (sdt);
  g_assert_nonnull (p);
  /* the field's result stays, its instruction goes */
  g_assert_cmpstr (gw_block_get_text (p), ==, "详见网站7（日期）A-B×。");
  g_assert_nonnull (h);
  g_assert_cmpuint (gw_block_get_kind (h), ==, GW_BLOCK_HEADING);
  g_assert_cmpuint (gw_block_get_level (h), ==, 1);
}

static void
test_attachments (void)
{
  g_autoptr(GwDocument) doc = load ("attachments.docx");
  const char * const *names = gw_document_get_attachments (doc);
  g_autoptr(GwBlock) page = find_block (doc, "社工站建设标准");

  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "关于做好社会工作\n服务站建设的通知");
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 2);
  g_assert_cmpstr (names[1], ==, "社工站考核办法");
  /* the second item sits after the w:br, in the same paragraph 8 */
  g_assert_cmpuint (gw_document_get_attachment_line (doc, 1), ==, 8);
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_NOTE), ==, "此件公开发布");
  g_assert_nonnull (page);
  g_assert_cmpuint (gw_block_get_kind (page), ==, GW_BLOCK_ATTACHMENT);
}

static void
test_red_mark (void)
{
  g_autoptr(GwDocument) doc = load ("red-mark.docx");
  g_autoptr(GwDocument) pre = load ("letterhead.docx");
  guint column = 0;

  /* red and large: the mark, though it does not end in 文件 */
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "中共某市委员会");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_TITLE), ==, "关于做好社会工作服务的通知");
  /* pre-printed letterhead: no mark, the number and title found below
   * the spacers, which count as paragraphs */
  g_assert_cmpstr (gw_document_get_meta (pre, GW_META_ORGAN_MARK), ==, "");
  g_assert_cmpstr (gw_document_get_meta (pre, GW_META_DOC_NUMBER), ==, "某民发〔2024〕7号");
  g_assert_cmpuint (gw_document_get_meta_line (pre, GW_META_DOC_NUMBER, &column), ==, 5);
  g_assert_cmpstr (gw_document_get_meta (pre, GW_META_TITLE), ==, "关于做好社会工作服务的通知");
}

static void
expect_bad (const char *name,
            int         code)
{
  g_autofree char *path = g_build_filename (fixtures, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_import_docx_file (path, &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_bad (void)
{
  expect_bad ("bomb-entries.docx", GW_ERROR_TOO_LARGE);
  expect_bad ("bomb-ratio.docx", GW_ERROR_TOO_LARGE);
  expect_bad ("bomb-total.docx", GW_ERROR_TOO_LARGE);
  expect_bad ("part-cap.docx", GW_ERROR_TOO_LARGE);
  expect_bad ("lying-size.docx", GW_ERROR_PARSE);
  expect_bad ("truncated.docx", GW_ERROR_PARSE);
  expect_bad ("bad-local-header.docx", GW_ERROR_PARSE);
  expect_bad ("no-document.docx", GW_ERROR_PARSE);
  expect_bad ("xxe.docx", GW_ERROR_UNSAFE);
  expect_bad ("dtd.docx", GW_ERROR_UNSAFE);
  expect_bad ("entity-bomb-rels.docx", GW_ERROR_UNSAFE);
  expect_bad ("nested.docx", GW_ERROR_TOO_LARGE);
  expect_bad ("not-utf8.docx", GW_ERROR_PARSE);
  expect_bad ("huge.docx", GW_ERROR_TOO_LARGE);
  expect_bad ("renamed-doc.docx", GW_ERROR_PARSE);
}

static void
test_encrypted (void)
{
  g_autofree char *path = g_build_filename (GW_TEST_SOURCE_DIR, "tests", "data", "docx",
                                            "encrypted.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_import_docx_file (path, &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "encrypted.docx"));
  g_assert_nonnull (strstr (error->message, "password"));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  int status = 0, ret;
  const char *argv_gen[5];

  g_test_init (&argc, &argv, NULL);
  fixtures = g_dir_make_tmp ("gw-docx-XXXXXX", &error);
  g_assert_no_error (error);
  script = g_build_filename (GW_TEST_SOURCE_DIR, "tests", "data", "docx", "make-packages.py", NULL);
  argv_gen[0] = "python3";
  argv_gen[1] = script;
  argv_gen[2] = fixtures;
  argv_gen[3] = "all";
  argv_gen[4] = NULL;
  g_spawn_sync (NULL, (char **) argv_gen, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_test_add_func ("/import-docx/numbering", test_numbering);
  g_test_add_func ("/import-docx/tracked", test_tracked);
  g_test_add_func ("/import-docx/textbox-rule-frame-merged", test_textbox);
  g_test_add_func ("/import-docx/joint-colophon-drawingml-theme", test_joint);
  g_test_add_func ("/import-docx/misc", test_misc);
  g_test_add_func ("/import-docx/red-mark-and-letterhead", test_red_mark);
  g_test_add_func ("/import-docx/title-attachments-note", test_attachments);
  g_test_add_func ("/import-docx/bad", test_bad);
  g_test_add_func ("/import-docx/encrypted", test_encrypted);
  ret = g_test_run ();

  {
    GDir *dir = g_dir_open (fixtures, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (fixtures, name, NULL);
        g_unlink (p);
      }
    if (dir)
      g_dir_close (dir);
    g_rmdir (fixtures);
  }
  return ret;
}
