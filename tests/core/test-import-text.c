/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gw-error.h"
#include "gw-import-text.h"
#include "gw-open.h"

/* ---- helpers ------------------------------------------------------------- */

static char *
fixture_path (const char *dir,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static GwDocument *
import_fixture (const char *dir,
                const char *name)
{
  g_autofree char *path = fixture_path (dir, name);
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_import_text_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (gw_document_get_source_path (doc), ==, path);
  return doc;
}

/* Character @column (1-based) of line @line (1-based) of @source, or 0. */
static gunichar
source_char (GStrv source,
             guint line,
             guint column)
{
  const char *p;

  if (line == 0 || line > g_strv_length (source))
    return 0;
  p = source[line - 1];
  for (guint i = 1; i < column && *p; i++)
    p = g_utf8_next_char (p);
  return *p ? g_utf8_get_char (p) : 0;
}

static gunichar
text_char (const char *text,
           guint       offset)
{
  const char *p = text;

  for (guint i = 0; i < offset && *p; i++)
    p = g_utf8_next_char (p);
  return *p ? g_utf8_get_char (p) : 0;
}

/* Every block has spans; each span points at the very character of the
 * source its text starts with; every metadata value starts where its
 * source position says. This is what the checker relies on. */
static void
assert_positions_exact (GwDocument *doc,
                        const char *dir,
                        const char *name)
{
  g_autofree char *path = fixture_path (dir, name);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) source = NULL;
  gsize len;
  guint n = gw_document_get_n_blocks (doc);

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  text = gw_import_text_decode (data, len, path, NULL);
  g_assert_nonnull (text);
  source = g_strsplit (text, "\n", -1);

  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (doc, i);
      const char *block_text = gw_block_get_text (block);
      guint n_spans = 0;
      const GwSourceSpan *spans = gw_block_get_spans (block, &n_spans);

      g_assert_cmpuint (n_spans, >=, 1);
      g_assert_cmpuint (spans[0].offset, ==, 0);
      for (guint s = 0; s < n_spans; s++)
        {
          gunichar c = text_char (block_text, spans[s].offset);

          if (s > 0)
            {
              g_assert_cmpuint (spans[s].offset, >, spans[s - 1].offset);
              /* a table has a span per cell, several on a line */
              if (gw_block_get_kind (block) == GW_BLOCK_TABLE)
                g_assert_cmpuint (spans[s].line, >=, spans[s - 1].line);
              else
                g_assert_cmpuint (spans[s].line, >, spans[s - 1].line);
            }
          /* an empty cell starts on the tab or line end after it */
          if (gw_block_get_kind (block) == GW_BLOCK_TABLE && (c == '\t' || c == '\n' || c == 0))
            continue;
          g_assert_cmpuint (c, ==, source_char (source, spans[s].line, spans[s].column));
        }
    }

  for (GwMeta m = 0; m < GW_N_META; m++)
    {
      const char *value = gw_document_get_meta (doc, m);
      guint column = 0;
      guint line = gw_document_get_meta_line (doc, m, &column);

      if (*value == '\0')
        continue;
      g_assert_cmpuint (line, >, 0);
      g_assert_cmpuint (g_utf8_get_char (value), ==, source_char (source, line, column));
    }
}

static GwBlock *
block_at (GwDocument *doc,
          guint       i)
{
  g_assert_cmpuint (i, <, gw_document_get_n_blocks (doc));
  return gw_document_get_block (doc, i);
}

static void
assert_block (GwDocument  *doc,
              guint        i,
              GwBlockKind  kind,
              guint        level,
              guint        line,
              const char  *prefix)
{
  GwBlock *block = block_at (doc, i);

  g_assert_cmpstr (gw_block_kind_to_string (gw_block_get_kind (block)), ==,
                   gw_block_kind_to_string (kind));
  g_assert_cmpuint (gw_block_get_level (block), ==, level);
  g_assert_cmpuint (gw_block_get_line (block), ==, line);
  if (!g_str_has_prefix (gw_block_get_text (block), prefix))
    g_error ("block %u: \"%s\" does not start with \"%s\"", i, gw_block_get_text (block), prefix);
}

static void
assert_meta (GwDocument *doc,
             GwMeta      meta,
             const char *value,
             guint       line,
             guint       column)
{
  guint col = 0;

  g_assert_cmpstr (gw_document_get_meta (doc, meta), ==, value);
  g_assert_cmpuint (gw_document_get_meta_line (doc, meta, &col), ==, line);
  if (column > 0)
    g_assert_cmpuint (col, ==, column);
}

static void
assert_no_meta (GwDocument *doc,
                GwMeta      meta)
{
  g_assert_cmpstr (gw_document_get_meta (doc, meta), ==, "");
  g_assert_cmpuint (gw_document_get_meta_line (doc, meta, NULL), ==, 0);
}

static void
assert_attachments (GwDocument         *doc,
                    const char * const *names,
                    const guint        *lines)
{
  const char * const *got = gw_document_get_attachments (doc);

  g_assert_cmpstrv (got, names);
  for (guint i = 0; names[i]; i++)
    g_assert_cmpuint (gw_document_get_attachment_line (doc, i), ==, lines[i]);
}

/* ---- the shared corpus --------------------------------------------------- */

static void
test_corpus_compliant (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("corpus", "opinion-compliant.txt");
  static const char * const names[] = {
    "神木市社工站（室）建设标准", "神木市社工站运营服务项目年度评估表", NULL
  };
  static const guint lines[] = { 46, 47 };
  /* every heading of the body: line and level */
  static const struct { guint line, level; } headings[] = {
    { 12, 1 }, { 14, 2 }, { 16, 2 }, { 18, 1 }, { 20, 2 }, { 22, 2 }, { 24, 1 }, { 26, 2 },
    { 28, 2 }, { 30, 2 }, { 32, 2 }, { 34, 1 }, { 36, 2 }, { 38, 2 }, { 40, 1 }, { 42, 2 },
    { 44, 2 },
  };

  g_assert_cmpint (gw_document_get_kind (doc), ==, GW_DOCUMENT_KIND_OPINION);
  assert_meta (doc, GW_META_ORGAN_MARK, "神木市人民政府办公室文件", 1, 1);
  assert_meta (doc, GW_META_DOC_NUMBER, "神政办发〔2023〕12号", 3, 1);
  assert_meta (doc, GW_META_TITLE,
               "神木市人民政府办公室\n关于加快推进社工站（室）建设和管理服务的实施意见", 5, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各镇人民政府、街道办事处，市政府各工作部门：", 8, 1);
  assert_meta (doc, GW_META_SIGNATURE, "神木市人民政府办公室", 49, 1);
  assert_meta (doc, GW_META_DATE, "2023年3月10日", 50, 1);
  assert_meta (doc, GW_META_COPY_TO, "市委办公室，市人大常委会办公室，市政协办公室。", 52, 4);
  assert_meta (doc, GW_META_PRINTING_ORGAN, "神木市人民政府办公室", 53, 1);
  assert_meta (doc, GW_META_PRINTING_DATE, "2023年3月10日", 53, 27);
  assert_no_meta (doc, GW_META_COPY_NUMBER);
  assert_no_meta (doc, GW_META_NOTE);
  assert_attachments (doc, names, lines);

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 1 + G_N_ELEMENTS (headings));
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 10, "为加快推进全市社工站（室）建设");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    assert_block (doc, i + 1, GW_BLOCK_HEADING, headings[i].level, headings[i].line, "");
  assert_block (doc, 7, GW_BLOCK_HEADING, 1, 24, "三、运营管理");
  assert_block (doc, 17, GW_BLOCK_HEADING, 2, 44, "（二）强化经费保障。市财政局");
  g_assert_true (g_str_has_suffix (gw_block_get_text (block_at (doc, 17)), "尾款与年度评估结果挂钩。"));

  assert_positions_exact (doc, "corpus", "opinion-compliant.txt");
}

static void
test_corpus_violations (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("corpus", "opinion-violations.txt");
  static const char * const none[] = { NULL };

  assert_meta (doc, GW_META_ORGAN_MARK, "某某县民政局文件", 1, 1);
  /* kept as written, so the checker can flag the brackets and the zeros */
  assert_meta (doc, GW_META_DOC_NUMBER, "某民发[2024]007号", 3, 1);
  assert_meta (doc, GW_META_TITLE, "关于印发某某县社工站建设实施方案的通知", 5, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各乡镇人民政府：", 7, 1);
  assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 25, 1);
  assert_meta (doc, GW_META_DATE, "2024年03月05日", 26, 1);
  assert_no_meta (doc, GW_META_COPY_TO);
  assert_no_meta (doc, GW_META_PRINTING_ORGAN);
  assert_attachments (doc, none, NULL);

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 8);
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 9, "为推进乡镇社工站建设，制定本方案。");
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 11, "一、建设内容");
  assert_block (doc, 2, GW_BLOCK_PARAGRAPH, 0, 13, "在各乡镇设立社工站");
  /* 一 then 三: the sequence the checker reports on line 15 */
  assert_block (doc, 3, GW_BLOCK_HEADING, 1, 15, "三、运营管理");
  assert_block (doc, 4, GW_BLOCK_HEADING, 2, 17, "（一）采购方式。");
  assert_block (doc, 5, GW_BLOCK_HEADING, 2, 19, "（二）合同期限。");
  assert_block (doc, 6, GW_BLOCK_HEADING, 2, 21, "（三）评估考核。");
  assert_block (doc, 7, GW_BLOCK_HEADING, 2, 23, "（四）经费来源。");

  assert_positions_exact (doc, "corpus", "opinion-violations.txt");
}

/* ---- drafts of our own --------------------------------------------------- */

static void
test_full_head_and_colophon (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "full-head-and-colophon.txt");
  static const char * const names[] = { "某某市乡镇（街道）社工站运营服务项目评估指标体系", NULL };
  static const guint lines[] = { 36 };
  GwBlock *attachment;

  assert_meta (doc, GW_META_COPY_NUMBER, "000123", 1, 1);
  assert_meta (doc, GW_META_CLASSIFICATION, "机密★1年", 2, 1);
  assert_meta (doc, GW_META_URGENCY, "特急", 3, 1);
  assert_meta (doc, GW_META_ORGAN_MARK, "某某市民政局文件", 4, 1);
  assert_meta (doc, GW_META_DOC_NUMBER, "某民发〔2024〕15号", 6, 1);
  assert_meta (doc, GW_META_TITLE, "关于开展2024年度乡镇（街道）社工站运营服务项目评估工作的通知", 8, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各区县民政局，市社会工作服务中心：", 10, 1);
  /* right-aligned with spaces: the column is where the name starts */
  assert_meta (doc, GW_META_SIGNATURE, "某某市民政局", 38, 33);
  assert_meta (doc, GW_META_DATE, "2024年10月8日", 39, 31);
  assert_meta (doc, GW_META_NOTE, "此件主动公开", 41, 2);
  assert_meta (doc, GW_META_COPY_TO,
               "市委社会工作部，市财政局，市人力资源和社会保障局，各区县人民政府。", 55, 4);
  assert_meta (doc, GW_META_PRINTING_ORGAN, "某某市民政局办公室", 57, 1);
  assert_meta (doc, GW_META_PRINTING_DATE, "2024年10月9日", 57, 32);
  assert_attachments (doc, names, lines);

  /* the four levels, and a heading that runs on into body text */
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 12, "为规范乡镇（街道）社会工作服务站运营管理");
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 14, "一、评估范围");
  assert_block (doc, 2, GW_BLOCK_PARAGRAPH, 0, 16, "2024年度通过政府购买服务方式");
  assert_block (doc, 3, GW_BLOCK_HEADING, 1, 18, "二、评估内容");
  assert_block (doc, 4, GW_BLOCK_HEADING, 2, 20, "（一）组织管理。重点评估");
  assert_block (doc, 5, GW_BLOCK_HEADING, 2, 22, "（二）服务成效。");
  assert_block (doc, 6, GW_BLOCK_HEADING, 3, 24, "1.服务对象覆盖情况。");
  assert_block (doc, 7, GW_BLOCK_HEADING, 4, 26, "（1）低保对象");
  assert_block (doc, 8, GW_BLOCK_HEADING, 4, 28, "（2）年度走访探视次数。");
  assert_block (doc, 9, GW_BLOCK_HEADING, 3, 30, "2.服务对象满意度。");
  assert_block (doc, 10, GW_BLOCK_HEADING, 1, 32, "三、工作要求");
  assert_block (doc, 11, GW_BLOCK_PARAGRAPH, 0, 34, "各区县民政局要高度重视");

  /* the attachment page after the 附注, unnumbered, then its content */
  attachment = block_at (doc, 12);
  assert_block (doc, 12, GW_BLOCK_ATTACHMENT, 0, 45, "某某市乡镇（街道）社工站运营服务项目评估指标体系");
  g_assert_cmpuint (gw_block_get_number (attachment), ==, 0);
  assert_block (doc, 13, GW_BLOCK_HEADING, 1, 47, "一、基础指标（20分）");
  assert_block (doc, 14, GW_BLOCK_PARAGRAPH, 0, 49, "站点场所");
  assert_block (doc, 15, GW_BLOCK_HEADING, 1, 51, "二、服务指标（50分）");
  assert_block (doc, 16, GW_BLOCK_PARAGRAPH, 0, 53, "个案、小组");
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 17);

  assert_positions_exact (doc, "import", "full-head-and-colophon.txt");
}

static void
test_request_with_signatory (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "request-with-signatory.txt");

  /* an organ's name above the number, without 文件 */
  assert_meta (doc, GW_META_ORGAN_MARK, "某某县民政局", 1, 1);
  assert_meta (doc, GW_META_DOC_NUMBER, "某民呈〔2024〕3号", 3, 1);
  assert_meta (doc, GW_META_SIGNATORY, "王立新", 3, 42);
  assert_meta (doc, GW_META_TITLE, "关于申请安排2024年度乡镇社工站建设资金的请示", 5, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "县人民政府：", 7, 1);
  assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 13, 36);
  /* the pre-2012 style is kept as written for the checker */
  assert_meta (doc, GW_META_DATE, "二〇二四年三月十六日", 14, 33);
  assert_meta (doc, GW_META_NOTE, "联系人：李某某，电话：1234567", 16, 2);

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 3);
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 9, "按照省、市关于推进");
  assert_block (doc, 1, GW_BLOCK_PARAGRAPH, 0, 10, "为确保社工站如期建成");
  assert_block (doc, 2, GW_BLOCK_PARAGRAPH, 0, 11, "妥否，请批示。");
  assert_positions_exact (doc, "import", "request-with-signatory.txt");
}

static void
test_draft_no_organ_mark (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "draft-no-organ-mark.txt");
  guint n_spans;

  assert_no_meta (doc, GW_META_ORGAN_MARK);
  assert_no_meta (doc, GW_META_DOC_NUMBER);
  assert_meta (doc, GW_META_TITLE,
               "关于进一步加强乡镇（街道）社会工作服务站建设的实施意见\n（征求意见稿）", 1, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各区（县）民政局，各乡镇人民政府、街道办事处：", 4, 1);
  assert_meta (doc, GW_META_SIGNATURE, "某某市民政局", 12, 1);
  assert_meta (doc, GW_META_DATE, "2024年5月20日", 13, 1);

  /* indented by two U+3000: the text starts at column 3, without them */
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 6);
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 5, "为深入贯彻落实");
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 6, "一、总体要求");
  assert_block (doc, 2, GW_BLOCK_HEADING, 2, 7, "（一）工作目标。");
  assert_block (doc, 3, GW_BLOCK_HEADING, 2, 8, "（二）基本原则。");
  assert_block (doc, 4, GW_BLOCK_HEADING, 1, 9, "二、运营管理");
  assert_block (doc, 5, GW_BLOCK_PARAGRAPH, 0, 10, "社工站运营服务");
  for (guint i = 0; i < 6; i++)
    {
      const GwSourceSpan *spans = gw_block_get_spans (block_at (doc, i), &n_spans);
      g_assert_cmpuint (n_spans, ==, 1);
      g_assert_cmpuint (spans[0].column, ==, 3);
    }
  assert_positions_exact (doc, "import", "draft-no-organ-mark.txt");
}

static void
test_pdf_copy_indented (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "pdf-copy-indented.txt");
  GwBlock *block;
  const GwSourceSpan *spans;
  guint n_spans, line, column;

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 6);

  /* 助力乡⏎村振兴 is one paragraph again */
  block = block_at (doc, 0);
  g_assert_cmpstr (gw_block_get_text (block), ==,
                   "为发挥社会工作专业优势，助力乡村振兴，现就加快推进乡镇社工站建设提出如下意见。");
  spans = gw_block_get_spans (block, &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpuint (spans[0].offset, ==, 0);
  g_assert_cmpuint (spans[0].line, ==, 4);
  g_assert_cmpuint (spans[0].column, ==, 3);
  g_assert_cmpuint (spans[1].offset, ==, 15);
  g_assert_cmpuint (spans[1].line, ==, 5);
  g_assert_cmpuint (spans[1].column, ==, 1);
  /* 乡 (offset 14) is the last character of line 4, at column 3 + 14 */
  gw_block_map_offset (block, 14, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 17);
  /* 村 starts line 5 */
  gw_block_map_offset (block, 15, &line, &column);
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (column, ==, 1);
  /* 现 (offset 19) */
  gw_block_map_offset (block, 19, &line, &column);
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (column, ==, 5);

  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 6, "一、主要任务");
  /* headings are indented like paragraphs here, so a flush-left line
   * carries on the one above even after "；" */
  block = block_at (doc, 2);
  assert_block (doc, 2, GW_BLOCK_HEADING, 2, 7, "（一）聚焦困难群体。");
  g_assert_true (g_str_has_suffix (gw_block_get_text (block), "实行“一人一档”动态管理。"));
  spans = gw_block_get_spans (block, &n_spans);
  g_assert_cmpuint (n_spans, ==, 3);
  g_assert_cmpuint (spans[1].line, ==, 8);
  g_assert_cmpuint (spans[2].line, ==, 9);
  assert_block (doc, 3, GW_BLOCK_HEADING, 2, 10, "（二）链接慈善资源。");
  g_assert_true (g_strrstr (gw_block_get_text (block_at (doc, 3)), "推动社工站与养老服务中心") != NULL);
  assert_block (doc, 4, GW_BLOCK_HEADING, 1, 12, "二、保障措施");
  assert_block (doc, 5, GW_BLOCK_PARAGRAPH, 0, 13, "县财政局要将社工站运营经费");
  g_assert_true (g_str_has_suffix (gw_block_get_text (block_at (doc, 5)), "每站每年不低于20万元的标准予以保障。"));

  assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 16, 1);
  assert_meta (doc, GW_META_DATE, "2024年6月3日", 17, 1);
  assert_positions_exact (doc, "import", "pdf-copy-indented.txt");
}

static void
test_pdf_copy_flush (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "pdf-copy-flush.txt");
  const GwSourceSpan *spans;
  guint n_spans;

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 7);
  /* a line that begins with the comma of the sentence above joins it */
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 5, "为加强社工站运营服务项目资金管理");
  g_assert_true (g_str_has_suffix (gw_block_get_text (block_at (doc, 0)), "有关规定，现就有关事项通知如下。"));
  spans = gw_block_get_spans (block_at (doc, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpuint (spans[1].line, ==, 6);
  g_assert_cmpuint (spans[1].offset, ==, 38);
  /* a heading that is complete does not swallow the line under it */
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 7, "一、资金拨付");
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 1)), ==, "一、资金拨付");
  /* broken before "40%": joined, and not taken for a heading */
  assert_block (doc, 2, GW_BLOCK_PARAGRAPH, 0, 8, "项目资金按照合同约定分期拨付");
  g_assert_true (g_str_has_suffix (gw_block_get_text (block_at (doc, 2)), "中期评估合格后拨付40%，尾款与年度评估结果挂钩。"));
  /* after a closing quote, only a line that cannot start a sentence joins */
  assert_block (doc, 3, GW_BLOCK_PARAGRAPH, 0, 10, "承接机构要打通为民服务");
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 3)), ==,
                   "承接机构要打通为民服务“最后一米”，切实提升服务对象满意度。");
  assert_block (doc, 4, GW_BLOCK_HEADING, 1, 12, "二、监督检查");
  /* without indents, a line after a full stop is a paragraph of its own */
  assert_block (doc, 5, GW_BLOCK_PARAGRAPH, 0, 13, "县民政局会同县财政局每年开展一次专项检查。");
  assert_block (doc, 6, GW_BLOCK_PARAGRAPH, 0, 14, "检查结果在全县民政系统内通报。");
  assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 16, 1);
  assert_positions_exact (doc, "import", "pdf-copy-flush.txt");
}

static void
test_attachments (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "attachments.txt");
  static const char * const names[] = {
    "某某区社工站建设标准",
    "某某区社工站运营服务项目评估办法",
    "某某区社工站运营服务项目年度评估表（含服务对象满意度测评表）",
    NULL
  };
  static const guint lines[] = { 12, 13, 14 };
  const GwSourceSpan *spans;
  guint n_spans;

  assert_meta (doc, GW_META_TITLE, "某某区民政局\n关于印发社工站建设标准和评估办法的通知", 5, 1);
  assert_attachments (doc, names, lines);
  assert_meta (doc, GW_META_SIGNATURE, "某某区民政局", 17, 1);
  assert_meta (doc, GW_META_DATE, "2023年9月12日", 18, 1);
  assert_meta (doc, GW_META_COPY_TO, "区委办公室，区人大常委会办公室，区政协办公室。", 35, 4);
  assert_meta (doc, GW_META_PRINTING_ORGAN, "某某区民政局办公室", 36, 1);
  assert_meta (doc, GW_META_PRINTING_DATE, "2023年9月12日", 36, 26);

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 6);
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 10, "现将《某某区社工站建设标准》");
  assert_block (doc, 1, GW_BLOCK_ATTACHMENT, 0, 22, "某某区社工站建设标准");
  g_assert_cmpuint (gw_block_get_number (block_at (doc, 1)), ==, 1);
  assert_block (doc, 2, GW_BLOCK_HEADING, 1, 24, "一、场所设置");
  assert_block (doc, 3, GW_BLOCK_PARAGRAPH, 0, 26, "社工站使用面积");
  /* a title broken over two lines keeps the break, and both lines */
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 4)), ==, "某某区社工站运营服务项目\n评估办法");
  g_assert_cmpuint (gw_block_get_number (block_at (doc, 4)), ==, 2);
  spans = gw_block_get_spans (block_at (doc, 4), &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpuint (spans[0].line, ==, 30);
  g_assert_cmpuint (spans[1].line, ==, 31);
  g_assert_cmpuint (spans[1].offset, ==, 13);
  assert_block (doc, 5, GW_BLOCK_PARAGRAPH, 0, 33, "第一条 为规范");
  assert_positions_exact (doc, "import", "attachments.txt");
}

static void
test_wrong_spellings (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "wrong-spellings.txt");

  assert_meta (doc, GW_META_DOC_NUMBER, "某民发【2024】第8号", 3, 1);
  assert_meta (doc, GW_META_DATE, "2024年03月05日", 14, 1);
  assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 13, 1);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 2);
  assert_block (doc, 0, GW_BLOCK_HEADING, 1, 9, "一、评估结果为良好或合格的");
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 11, "二、评估结果为不合格的");
}

static void
test_compact_paste (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "compact-paste.txt");

  /* two title lines, the second finishing the first */
  assert_meta (doc, GW_META_TITLE, "关于加快推进村（社区）社会工作服务室\n建设的实施意见", 1, 1);
  /* recipients wrapped over two lines read as one */
  assert_meta (doc, GW_META_RECIPIENTS, "各镇人民政府、街道办事处，市政府各工作部门：", 3, 1);
  assert_meta (doc, GW_META_SIGNATURE, "某某市人民政府办公室", 14, 1);
  assert_meta (doc, GW_META_DATE, "2024年8月8日", 15, 1);

  /* malformed markers are still headings, at the level a reader takes them */
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 9);
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 5, "为推进村（社区）");
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 6, "一．建设目标");
  assert_block (doc, 2, GW_BLOCK_PARAGRAPH, 0, 7, "到2025年底");
  assert_block (doc, 3, GW_BLOCK_HEADING, 2, 8, "(二)建设标准");
  assert_block (doc, 4, GW_BLOCK_PARAGRAPH, 0, 9, "社工室应有固定场所和标识。");
  assert_block (doc, 5, GW_BLOCK_HEADING, 3, 10, "1、人员配备");
  assert_block (doc, 6, GW_BLOCK_PARAGRAPH, 0, 11, "每个社工室");
  assert_block (doc, 7, GW_BLOCK_HEADING, 4, 12, "(1)持证上岗");
  assert_block (doc, 8, GW_BLOCK_PARAGRAPH, 0, 13, "鼓励工作人员");
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 1)), ==, "一．建设目标");
  assert_positions_exact (doc, "import", "compact-paste.txt");
}

/* A draft as gen-corpus.sh writes the 200-document benchmark: title, blank,
 * recipients, every body line indented by two U+3000, no blank lines, then
 * blank, signature, date. */
static void
test_bench_style (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "bench-doc0001.txt");
  guint n = gw_document_get_n_blocks (doc);
  guint level1 = 0;

  assert_no_meta (doc, GW_META_ORGAN_MARK);
  assert_no_meta (doc, GW_META_DOC_NUMBER);
  assert_meta (doc, GW_META_TITLE,
               "桐城市民政局关于全面推进乡镇（街道）社会工作服务站建设和管理服务的实施意见（征求意见稿）",
               1, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各区（县）民政局，各乡镇人民政府、街道办事处，市级有关部门：", 3, 1);
  assert_meta (doc, GW_META_SIGNATURE, "桐城市民政局", 33, 1);
  assert_meta (doc, GW_META_DATE, "2025年9月19日", 34, 1);

  /* one block per line 4…31, each at column 3 */
  g_assert_cmpuint (n, ==, 31 - 4 + 1);
  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = block_at (doc, i);
      guint n_spans;
      const GwSourceSpan *spans = gw_block_get_spans (block, &n_spans);

      g_assert_cmpuint (n_spans, ==, 1);
      g_assert_cmpuint (spans[0].line, ==, 4 + i);
      g_assert_cmpuint (spans[0].column, ==, 3);
      g_assert_false (g_str_has_prefix (gw_block_get_text (block), "\u3000"));
      if (gw_block_get_level (block) == 1)
        level1++;
    }
  g_assert_cmpuint (level1, ==, 6);
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 5, "一、总体要求");
  assert_block (doc, 2, GW_BLOCK_HEADING, 2, 6, "（一）指导思想");
  assert_block (doc, 3, GW_BLOCK_PARAGRAPH, 0, 7, "以习近平新时代");
  assert_block (doc, n - 1, GW_BLOCK_HEADING, 2, 31, "（二）强化督导考核。");
  assert_positions_exact (doc, "import", "bench-doc0001.txt");
}

/* ---- encodings and refusals ---------------------------------------------- */

static void
test_encodings (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GwDocument) reference = import_fixture ("import", "encoding-utf8.txt");
  g_autoptr(GwDocument) doc = import_fixture ("import", name);
  g_autofree char *expected = gw_document_to_plain_text (reference);
  g_autofree char *got = gw_document_to_plain_text (doc);
  guint n = gw_document_get_n_blocks (doc);

  g_assert_cmpstr (got, ==, expected);
  g_assert_true (strchr (got, '\r') == NULL);
  g_assert_false (g_str_has_prefix (got, "\xEF\xBB\xBF"));
  assert_meta (doc, GW_META_TITLE, "关于开展社工站服务对象满意度测评的通知", 1, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各乡镇人民政府：", 3, 1);
  assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 9, 1);
  assert_meta (doc, GW_META_DATE, "2024年9月2日", 10, 1);
  g_assert_cmpuint (n, ==, gw_document_get_n_blocks (reference));
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      GwBlock *a = block_at (doc, i), *b = block_at (reference, i);
      guint na, nb;
      const GwSourceSpan *sa = gw_block_get_spans (a, &na);
      const GwSourceSpan *sb = gw_block_get_spans (b, &nb);

      g_assert_true (gw_block_equal (a, b));
      g_assert_cmpuint (na, ==, nb);
      g_assert_cmpuint (sa[0].line, ==, sb[0].line);
      g_assert_cmpuint (sa[0].column, ==, 3);
    }
  assert_block (doc, 1, GW_BLOCK_HEADING, 1, 6, "一、测评对象");
}

static void
assert_refused (const char *name,
                gint        code,
                const char *where)
{
  g_autofree char *path = fixture_path ("import", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_import_text_file (path, &error);

  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, code);
  /* the message names the file, and the place when there is one */
  g_assert_nonnull (strstr (error->message, path));
  if (where)
    g_assert_nonnull (strstr (error->message, where));
}

static void
test_refused (void)
{
  /* 0xFF is neither UTF-8 nor GB18030; it sits on line 5 */
  assert_refused ("invalid-bytes.txt", GW_ERROR_ENCODING, "line 5 (byte 91)");
  assert_refused ("binary.png.txt", GW_ERROR_ENCODING, "byte 8");
  assert_refused ("empty.txt", GW_ERROR_EMPTY, NULL);
  assert_refused ("blank-lines.txt", GW_ERROR_EMPTY, NULL);
}

static void
test_refused_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *big = NULL;
  GwDocument *doc;

  /* a BOM and nothing else */
  text = gw_import_text_decode ("\xEF\xBB\xBF", 3, "bom.txt", &error);
  g_assert_null (text);
  g_assert_error (error, GW_ERROR, GW_ERROR_EMPTY);
  g_clear_error (&error);

  /* UTF-16 with an odd byte at the end */
  text = gw_import_text_decode ("\xFF\xFE" "A\0B\0C", 7, "odd.txt", &error);
  g_assert_null (text);
  g_assert_error (error, GW_ERROR, GW_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "odd.txt"));
  g_clear_error (&error);

  /* UTF-16 holding a NUL character */
  text = gw_import_text_decode ("\xFF\xFE" "A\0\0\0B\0", 8, "nul16.txt", &error);
  g_assert_null (text);
  g_assert_error (error, GW_ERROR, GW_ERROR_ENCODING);
  g_clear_error (&error);

  /* a lone lead byte at the very end: cut off in the middle of a character */
  doc = gw_import_text_data ("关于\n通知\xE4", 14, "cut.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  /* over the limit: refused before anything is looked at */
  big = g_malloc (GW_MAX_INPUT_SIZE + 1);
  memset (big, 'a', GW_MAX_INPUT_SIZE + 1);
  doc = gw_import_text_data (big, GW_MAX_INPUT_SIZE + 1, "big.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_TOO_LARGE);
  g_clear_error (&error);
}

static void
test_refused_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.txt", NULL);
  GwDocument *doc;
  FILE *f;

  /* a sparse file over the limit is refused without reading it */
  f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, GW_MAX_INPUT_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('a', f), ==, 'a');
  fclose (f);
  doc = gw_import_text_file (path, &error);
  g_assert_null (doc);
  g_assert_error (error, GW_ERROR, GW_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_unlink (path);

  doc = gw_import_text_file (path, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_rmdir (dir);
}

/* ---- in-memory drafts ---------------------------------------------------- */

static GwDocument *
import_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_import_text_data (text, strlen (text), "test.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_newlines (void)
{
  static const char *variants[] = {
    "关于加强社工站建设的通知\n\n各乡镇人民政府：\n\n一、总体要求\n\n加快建设。\n\n某某县民政局\n2024年1月5日\n",
    "关于加强社工站建设的通知\r\n\r\n各乡镇人民政府：\r\n\r\n一、总体要求\r\n\r\n加快建设。\r\n\r\n某某县民政局\r\n2024年1月5日\r\n",
    "关于加强社工站建设的通知\r\r各乡镇人民政府：\r\r一、总体要求\r\r加快建设。\r\r某某县民政局\r2024年1月5日",
    "\xEF\xBB\xBF关于加强社工站建设的通知\r\n\n各乡镇人民政府：\r\r\n一、总体要求\n\r加快建设。\n\n某某县民政局\n2024年1月5日",
  };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(GwDocument) doc = import_string (variants[v]);
      g_autofree char *decoded = gw_import_text_decode (variants[v], strlen (variants[v]), "t", NULL);

      g_assert_null (strchr (decoded, '\r'));
      g_assert_false (g_str_has_prefix (decoded, "\xEF\xBB\xBF"));
      assert_meta (doc, GW_META_TITLE, "关于加强社工站建设的通知", 1, 1);
      assert_meta (doc, GW_META_RECIPIENTS, "各乡镇人民政府：", 3, 1);
      g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 2);
      assert_block (doc, 0, GW_BLOCK_HEADING, 1, 5, "一、总体要求");
      assert_block (doc, 1, GW_BLOCK_PARAGRAPH, 0, 7, "加快建设。");
      assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 9, 1);
      assert_meta (doc, GW_META_DATE, "2024年1月5日", 10, 1);
    }
}

static void
test_columns (void)
{
  /* U+3000, ASCII spaces, a tab and a no-break space each count as one column */
  g_autoptr(GwDocument) doc = import_string (
    "关于加强社工站建设的通知\n"
    "\n"
    "各乡镇人民政府：\n"
    "\u3000\u3000一、总体要求\n"
    "    （一）工作目标。到2025年底实现全覆盖。\n"
    "\t1.建设标准。\n"
    "\u00a0\u3000 （1）场所面积。   \n"
    "\u3000\u3000为推进建设，提出如下意见，请各地认真贯彻落实并抓好助力乡\n"
    "村振兴各项工作。\u3000\n");
  guint line, column;

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 5);
  gw_block_map_offset (block_at (doc, 0), 0, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 3);
  gw_block_map_offset (block_at (doc, 0), 2, &line, &column);   /* 总 */
  g_assert_cmpuint (column, ==, 5);
  gw_block_map_offset (block_at (doc, 1), 0, &line, &column);
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (column, ==, 5);
  gw_block_map_offset (block_at (doc, 2), 0, &line, &column);
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpuint (column, ==, 2);
  gw_block_map_offset (block_at (doc, 3), 0, &line, &column);
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpuint (column, ==, 4);
  /* trailing spaces are gone */
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 3)), ==, "（1）场所面积。");
  /* 助力乡⏎村振兴, joined: 村 maps to line 9, column 1 */
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 4)), ==,
                   "为推进建设，提出如下意见，请各地认真贯彻落实并抓好助力乡村振兴各项工作。");
  gw_block_map_offset (block_at (doc, 4), 28, &line, &column);
  g_assert_cmpuint (line, ==, 9);
  g_assert_cmpuint (column, ==, 1);
  gw_block_map_offset (block_at (doc, 4), 27, &line, &column);   /* 乡 */
  g_assert_cmpuint (line, ==, 8);
  g_assert_cmpuint (column, ==, 30);
}

static void
test_title_lines (void)
{
  g_autoptr(GwDocument) one = import_string (
    "关于印发社工站建设实施方案的通知\n\n各乡镇人民政府：\n\n现印发给你们。\n");
  g_autoptr(GwDocument) organ = import_string (
    "某某县民政局\n关于印发社工站建设实施方案的通知\n\n各乡镇人民政府：\n\n现印发给你们。\n");
  g_autoptr(GwDocument) joint = import_string (
    "某某市民政局等五部门\n关于印发社工站建设实施方案的通知\n\n各乡镇人民政府：\n\n现印发给你们。\n");
  g_autoptr(GwDocument) broken = import_string (
    "关于进一步加强乡镇（街道）社会工作服务站\n建设和管理服务的实施意见\n\n各乡镇人民政府：\n\n现提出如下意见。\n");
  g_autoptr(GwDocument) separate = import_string (
    "关于印发社工站建设实施方案的通知\n各乡镇人民政府：\n现印发给你们，请认真贯彻执行。\n");
  g_autoptr(GwDocument) trial = import_string (
    "某某县社工站运营服务项目管理办法\n（试行）\n\n第一条 为规范管理，制定本办法。\n");
  g_autoptr(GwDocument) no_recipients = import_string (
    "关于做好社工站评估工作的通知\n\n现将有关事项通知如下：\n\n一、总体要求\n");
  g_autoptr(GwDocument) title_above_number = import_string (
    "某某县民政局文件\n\n关于商请支持社工站建设的函\n\n某民函〔2024〕5号\n\n县财政局：\n\n请予支持。\n");
  g_autoptr(GwDocument) no_title = import_string (
    "各乡镇人民政府：\n\n现将有关事项通知如下：\n\n一、总体要求\n");

  assert_meta (one, GW_META_TITLE, "关于印发社工站建设实施方案的通知", 1, 1);
  assert_meta (organ, GW_META_TITLE, "某某县民政局\n关于印发社工站建设实施方案的通知", 1, 1);
  assert_no_meta (organ, GW_META_ORGAN_MARK);
  assert_meta (joint, GW_META_TITLE, "某某市民政局等五部门\n关于印发社工站建设实施方案的通知", 1, 1);
  assert_meta (broken, GW_META_TITLE,
               "关于进一步加强乡镇（街道）社会工作服务站\n建设和管理服务的实施意见", 1, 1);
  assert_meta (separate, GW_META_TITLE, "关于印发社工站建设实施方案的通知", 1, 1);
  assert_meta (separate, GW_META_RECIPIENTS, "各乡镇人民政府：", 2, 1);
  assert_block (separate, 0, GW_BLOCK_PARAGRAPH, 0, 3, "现印发给你们");

  assert_meta (trial, GW_META_TITLE, "某某县社工站运营服务项目管理办法\n（试行）", 1, 1);
  assert_block (trial, 0, GW_BLOCK_PARAGRAPH, 0, 4, "第一条");

  /* a body sentence ending in a colon right under the title */
  assert_meta (no_recipients, GW_META_TITLE, "关于做好社工站评估工作的通知", 1, 1);
  assert_no_meta (no_recipients, GW_META_RECIPIENTS);
  assert_block (no_recipients, 0, GW_BLOCK_PARAGRAPH, 0, 3, "现将有关事项通知如下：");

  /* 文件 line, then a title put above the number */
  assert_meta (title_above_number, GW_META_ORGAN_MARK, "某某县民政局文件", 1, 1);
  assert_meta (title_above_number, GW_META_TITLE, "关于商请支持社工站建设的函", 3, 1);
  assert_meta (title_above_number, GW_META_DOC_NUMBER, "某民函〔2024〕5号", 5, 1);
  assert_meta (title_above_number, GW_META_RECIPIENTS, "县财政局：", 7, 1);

  assert_no_meta (no_title, GW_META_TITLE);
  assert_meta (no_title, GW_META_RECIPIENTS, "各乡镇人民政府：", 1, 1);
  /* a body sentence ending in a colon is not a second recipients line */
  assert_block (no_title, 0, GW_BLOCK_PARAGRAPH, 0, 3, "现将有关事项通知如下：");
  assert_block (no_title, 1, GW_BLOCK_HEADING, 1, 5, "一、总体要求");
}

static void
test_no_signature (void)
{
  /* A body line ending in a date mid-text is no 成文日期, and without a
   * date there is no signature either: the last line stays body text. */
  g_autoptr(GwDocument) doc = import_string (
    "关于做好社工站评估工作的通知\n\n各乡镇人民政府：\n\n"
    "一、时间安排\n\n2024年11月30日\n\n前完成自评。\n\n某某县民政局\n");
  g_autoptr(GwDocument) single = import_string (
    "关于印发社工站建设标准的通知\n\n各乡镇人民政府：\n\n现印发给你们。\n\n"
    "附件：某某县社工站建设标准。\n\n某某县民政局\n2024年1月5日\n");

  assert_no_meta (doc, GW_META_DATE);
  assert_no_meta (doc, GW_META_SIGNATURE);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 4);
  assert_block (doc, 1, GW_BLOCK_PARAGRAPH, 0, 7, "2024年11月30日");
  assert_block (doc, 3, GW_BLOCK_PARAGRAPH, 0, 11, "某某县民政局");

  {
    /* the stray full stop stays, for the checker to flag */
    static const char * const names[] = { "某某县社工站建设标准。", NULL };
    static const guint lines[] = { 7 };
    assert_attachments (single, names, lines);
    g_assert_cmpuint (gw_document_get_n_blocks (single), ==, 1);
    assert_meta (single, GW_META_SIGNATURE, "某某县民政局", 9, 1);
  }
}

static void
test_colophon_main_send (void)
{
  /* 主送 moved down into the 版记, above 抄送 */
  g_autoptr(GwDocument) doc = import_string (
    "关于印发社工站建设标准的通知\n\n现印发给你们。\n\n某某县民政局\n2024年1月5日\n\n"
    "主送：各乡镇人民政府\n抄送：县委办公室。\n某某县民政局办公室  2024年1月6日印发\n");

  assert_meta (doc, GW_META_RECIPIENTS, "各乡镇人民政府", 8, 4);
  assert_meta (doc, GW_META_COPY_TO, "县委办公室。", 9, 4);
  assert_meta (doc, GW_META_PRINTING_ORGAN, "某某县民政局办公室", 10, 1);
  assert_meta (doc, GW_META_PRINTING_DATE, "2024年1月6日", 10, 12);
  assert_meta (doc, GW_META_DATE, "2024年1月5日", 6, 1);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 1);
}

static void
test_attachment_variants (void)
{
  /* 附件说明 written "附件1：…" line by line, the rules of a red header and
   * a 版记 pasted as dashes, and attachment pages "附件1：标题" */
  g_autoptr(GwDocument) doc = import_string (
    "中共某某县委社会工作部文件\n"                             /* 1 */
    "某社工发〔2024〕4号\n"                                    /* 2 */
    "——————————★——————————\n"                      /* 3 */
    "关于印发社工站建设两项制度的通知\n"                       /* 4 */
    "\n"
    "各乡镇党委：\n"                                           /* 6 */
    "现将两项制度印发给你们，请遵照执行。\n"                   /* 7 */
    "\n"
    "附件1：某某县社工站工作例会制度\n"                        /* 9 */
    "附件2：某某县社工站服务督导制度\n"                        /* 10 */
    "\n"
    "中共某某县委社会工作部\n"                                 /* 12 */
    "2024年4月1日\n"                                           /* 13 */
    "\n"
    "附件1：某某县社工站工作例会制度\n"                        /* 15 */
    "社工站每月召开一次工作例会。\n"                           /* 16 */
    "附件2：某某县社工站服务督导制度\n"                        /* 17 */
    "督导每季度不少于一次。\n"                                 /* 18 */
    "——————————————————————\n"                     /* 19 */
    "抄送：县民政局。\n"                                       /* 20 */
    "——————————————————————\n"                     /* 21 */
    "中共某某县委社会工作部办公室  2024年4月2日印发\n");        /* 22 */
  static const char * const names[] = {
    "某某县社工站工作例会制度", "某某县社工站服务督导制度", NULL
  };
  static const guint lines[] = { 9, 10 };
  guint line, column;

  assert_meta (doc, GW_META_ORGAN_MARK, "中共某某县委社会工作部文件", 1, 1);
  assert_meta (doc, GW_META_DOC_NUMBER, "某社工发〔2024〕4号", 2, 1);
  assert_meta (doc, GW_META_TITLE, "关于印发社工站建设两项制度的通知", 4, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各乡镇党委：", 6, 1);
  assert_attachments (doc, names, lines);
  assert_meta (doc, GW_META_SIGNATURE, "中共某某县委社会工作部", 12, 1);
  assert_meta (doc, GW_META_DATE, "2024年4月1日", 13, 1);
  assert_meta (doc, GW_META_COPY_TO, "县民政局。", 20, 4);
  assert_meta (doc, GW_META_PRINTING_DATE, "2024年4月2日", 22, 17);

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 5);
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 7, "现将两项制度");
  assert_block (doc, 1, GW_BLOCK_ATTACHMENT, 0, 15, "某某县社工站工作例会制度");
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 1)), ==, "某某县社工站工作例会制度");
  g_assert_cmpuint (gw_block_get_number (block_at (doc, 1)), ==, 1);
  gw_block_map_offset (block_at (doc, 1), 0, &line, &column);
  g_assert_cmpuint (column, ==, 5);
  assert_block (doc, 2, GW_BLOCK_PARAGRAPH, 0, 16, "社工站每月");
  assert_block (doc, 3, GW_BLOCK_ATTACHMENT, 0, 17, "某某县社工站服务督导制度");
  g_assert_cmpuint (gw_block_get_number (block_at (doc, 3)), ==, 2);
  assert_block (doc, 4, GW_BLOCK_PARAGRAPH, 0, 18, "督导每季度");
}

static void
test_signatory_line (void)
{
  /* 签发人 on its own line under the number, and no display name */
  const char *text = "某某县民政局\n某民呈〔2024〕6号\n签发人：王立新\n\n"
                     "关于社工站建设情况的报告\n\n县人民政府：\n\n现将有关情况报告如下。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_import_text_data (text, strlen (text), NULL, &error);
  g_autoptr(GwDocument) none = gw_import_text_data ("\n\n", 2, NULL, &error);

  g_assert_nonnull (doc);
  assert_meta (doc, GW_META_ORGAN_MARK, "某某县民政局", 1, 1);
  assert_meta (doc, GW_META_DOC_NUMBER, "某民呈〔2024〕6号", 2, 1);
  assert_meta (doc, GW_META_SIGNATORY, "王立新", 3, 5);
  assert_meta (doc, GW_META_TITLE, "关于社工站建设情况的报告", 5, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "县人民政府：", 7, 1);
  g_assert_null (gw_document_get_source_path (doc));

  g_assert_null (none);
  g_assert_error (error, GW_ERROR, GW_ERROR_EMPTY);
  g_clear_error (&error);

  /* joint issuance: the organs' names stacked above the lead organ's number,
   * and a title broken over three lines */
  {
    const char *joint = "某某县民政局\n某某县财政局\n\n某民发〔2024〕9号\n\n"
                        "某某县民政局 某某县财政局\n关于加快推进社工站（室）建设\n和管理服务的实施意见\n\n"
                        "各乡镇人民政府：\n\n现提出如下意见。\n";
    g_autoptr(GwDocument) jdoc = gw_import_text_data (joint, strlen (joint), "joint.txt", &error);

    g_assert_no_error (error);
    assert_meta (jdoc, GW_META_ORGAN_MARK, "某某县民政局\n某某县财政局", 1, 1);
    assert_meta (jdoc, GW_META_DOC_NUMBER, "某民发〔2024〕9号", 4, 1);
    assert_meta (jdoc, GW_META_TITLE,
                 "某某县民政局 某某县财政局\n关于加快推进社工站（室）建设\n和管理服务的实施意见", 6, 1);
    assert_meta (jdoc, GW_META_RECIPIENTS, "各乡镇人民政府：", 10, 1);
    assert_block (jdoc, 0, GW_BLOCK_PARAGRAPH, 0, 12, "现提出如下意见。");
  }
}

static void
test_odd_lines (void)
{
  /* A bare marker is no heading; Latin words broken across lines keep a
   * space between them (and the span offsets count it). */
  g_autoptr(GwDocument) doc = import_string (
    "关于推广社工站服务管理系统的通知\n\n各乡镇人民政府：\n\n"
    "（一）\n\n各社工站要使用WPS\nOffice完成台账录入。\n");
  const GwSourceSpan *spans;
  guint n_spans;

  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 2);
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 5, "（一）");
  g_assert_cmpstr (gw_block_get_text (block_at (doc, 1)), ==, "各社工站要使用WPS Office完成台账录入。");
  spans = gw_block_get_spans (block_at (doc, 1), &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpuint (spans[1].offset, ==, 11);
  g_assert_cmpuint (spans[1].line, ==, 8);
}

static void
test_recognisers (void)
{
  static const char *numbers[] = {
    "神政办发〔2023〕12号", "某民发[2024]007号", "某民发【2024】8号", "某民发(2024)8号",
    "某民发（2024）8号", "某民发［2024］8号", "某民发〔2024〕第8号", "某民发〔２０２４〕１２号",
    "某民发 〔2024〕 12号", "某民呈〔2024〕3号          签发人：王立新",
  };
  static const char *not_numbers[] = {
    "神政办发〔2023〕号", "〔2023〕12号", "神政办发〔23〕12号", "神政办发2023年12号",
    "根据《某某办法》（财政部令第102号）等有关规定，结合实际", "神政办发〔2023〕12号文件",
    "",
  };
  static const char *dates[] = {
    "2023年3月10日", "2024年03月05日", "二〇二三年三月十六日", "2023 年 3 月 10 日",
    "２０２３年３月１０日", "二○二四年十二月三十一日",
  };
  static const char *not_dates[] = {
    "2023年3月", "23年3月10日", "2023年3月10日前完成", "于2023年3月10日", "",
  };
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (!gw_import_text_is_doc_number (numbers[i], NULL))
      g_error ("not taken for a document number: %s", numbers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    if (gw_import_text_is_doc_number (not_numbers[i], NULL))
      g_error ("taken for a document number: %s", not_numbers[i]);
  g_assert_true (gw_import_text_is_doc_number ("某民呈〔2024〕3号    签发人：王立新", &len));
  g_assert_cmpuint (len, ==, strlen ("某民呈〔2024〕3号"));

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!gw_import_text_is_date_line (dates[i]))
      g_error ("not taken for a date: %s", dates[i]);
  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    if (gw_import_text_is_date_line (not_dates[i]))
      g_error ("taken for a date: %s", not_dates[i]);
}

/* ---- size ---------------------------------------------------------------- */

/* A 1000-page draft (~600k characters) copied out of a PDF: every
 * paragraph broken into 28-character lines. Import is on the keystroke
 * path, so it has to stay linear. */
static void
test_large_draft (void)
{
  static const char *sentences[] = {
    "社工站运营服务原则上通过政府购买服务方式委托具备资质的社会组织承接，",
    "承接主体应当通过公开招标、竞争性磋商等方式择优确定；",
    "确定承接主体时应综合考虑服务方案、专业能力、人员配备和服务业绩等因素，",
    "不得仅以“价低者得”为原则；",
    "购买服务合同实行“三年一个周期、一年一签”的管理方式。",
  };
  g_autoptr(GString) s = g_string_new ("关于加快推进乡镇（街道）社会工作服务站建设的实施意见\n\n各乡镇人民政府：\n");
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_para = NULL;
  guint n_paragraphs = 0, n_lines = 3, chars = 0;
  gint64 start, elapsed;

  while (chars < 600000)
    {
      g_autoptr(GString) para = g_string_new (NULL);
      const char *p;
      guint col = 2;

      if (n_paragraphs % 10 == 0)
        {
          g_string_append_printf (s, "\u3000\u3000%s、总体要求\n", n_paragraphs / 10 % 9 == 0 ? "一" : "二");
          n_lines++;
        }
      for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
        g_string_append (para, sentences[(i + n_paragraphs) % G_N_ELEMENTS (sentences)]);
      g_free (last_para);
      last_para = g_strdup (para->str);
      g_string_append (s, "\u3000\u3000");
      for (p = para->str; *p; p = g_utf8_next_char (p))
        {
          if (col == 28)
            {
              g_string_append_c (s, '\n');
              n_lines++;
              col = 0;
            }
          g_string_append_unichar (s, g_utf8_get_char (p));
          col++;
          chars++;
        }
      g_string_append_c (s, '\n');
      n_lines++;
      n_paragraphs++;
    }
  g_string_append (s, "\n某某市民政局\n2024年3月5日\n");

  start = g_get_monotonic_time ();
  doc = gw_import_text_data (s->str, s->len, "large.txt", &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_test_message ("imported %u characters, %u lines in %.1f ms",
                  chars, n_lines, elapsed / 1000.0);

  /* every paragraph rejoined, whatever the punctuation at the break */
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, n_paragraphs + (n_paragraphs + 9) / 10);
  assert_meta (doc, GW_META_DATE, "2024年3月5日", n_lines + 3, 1);
  {
    GwBlock *last = block_at (doc, gw_document_get_n_blocks (doc) - 1);
    g_assert_cmpstr (gw_block_get_text (last), ==, last_para);
  }

  /* well under 100 ms on the reference machine; a wall-clock bound is
   * only asked for in a timing run (-m perf), never in a shared CI run
   * where another job may have the cores */
  if (g_test_perf ())
    g_assert_cmpint (elapsed, <, 100 * 1000);
}

/* A FIFO would block the read and /dev/zero (size 0) never end: both
 * ways in must refuse anything but a regular file before reading it. */
static void
test_refuse_special_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwDocument) doc2 = NULL;
  g_autoptr(GwDocument) doc3 = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-import-XXXXXX", NULL);

  doc = gw_import_text_file ("/dev/zero", &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
  g_clear_error (&error);

  doc2 = gw_document_open ("/dev/zero", &error);
  g_assert_null (doc2);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  doc3 = gw_import_text_file (dir, &error);
  g_assert_null (doc3);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_rmdir (dir);
}

/* 联合行文: plain copies of joint documents. The header keeps one organ a
 * line, lead organ first, "文件" last, whether the copy stacked the names,
 * put them on one line with spaces, or (pdftotext) set "文件" between them;
 * the signature keeps one organ a line too, and none of it stays in the body. */
static void
test_joint_header (void)
{
  static const struct {
    const char *file;
    const char *mark;
    guint       mark_line, mark_column;
    guint       number_line;  /* 0: none */
    const char *signature;
    guint       sig_line, sig_column;
    guint       date_line;
    guint       n_blocks;
    const char *last_block;
  } cases[] = {
    { "joint-header-stacked.txt", "临川市民政局\n临川市财政局\n文件", 1, 1, 5,
      "临川市民政局\n临川市财政局", 18, 1, 19, 5, "各区（县）财政部门要将社工站运营经费" },
    { "joint-header-one-line.txt", "临川市民政局\n临川市财政局\n文件", 1, 1, 2,
      "临川市民政局\n临川市财政局", 10, 1, 12, 5, "评估结果与项目尾款拨付挂钩。" },
    { "joint-header-pdf-copy.txt",
      "临川市民政局\n临川市财政局\n临川市人力资源和社会保障局\n文件", 1, 3, 6,
      "临川市民政局\n临川市财政局\n临川市人力资源和社会保障局", 12, 31, 15, 3,
      "每个社工站配备不少于3名专职社会工作者。" },
    { "joint-header-no-number.txt", "临川市民政局\n临川市财政局\n文件", 1, 1, 0,
      "临川市民政局\n临川市财政局", 6, 1, 7, 1, "现将《社工站运营服务项目资金管理办法》" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GwDocument) doc = import_fixture ("import", cases[i].file);
      guint n = gw_document_get_n_blocks (doc);

      g_test_message ("%s", cases[i].file);
      assert_meta (doc, GW_META_ORGAN_MARK, cases[i].mark, cases[i].mark_line, cases[i].mark_column);
      g_assert_true (gw_organ_mark_is_joint (gw_document_get_meta (doc, GW_META_ORGAN_MARK)));
      if (cases[i].number_line)
        g_assert_cmpuint (gw_document_get_meta_line (doc, GW_META_DOC_NUMBER, NULL), ==,
                          cases[i].number_line);
      else
        assert_no_meta (doc, GW_META_DOC_NUMBER);
      g_assert_true (g_str_has_prefix (gw_document_get_meta (doc, GW_META_TITLE), "关于") ||
                     g_str_has_prefix (gw_document_get_meta (doc, GW_META_TITLE), "临川市民政局 临川市财政局\n关于"));
      assert_meta (doc, GW_META_SIGNATURE, cases[i].signature, cases[i].sig_line, cases[i].sig_column);
      g_assert_cmpuint (gw_document_get_meta_line (doc, GW_META_DATE, NULL), ==, cases[i].date_line);
      g_assert_cmpuint (n, ==, cases[i].n_blocks);
      assert_block (doc, n - 1, gw_block_get_kind (block_at (doc, n - 1)),
                    gw_block_get_level (block_at (doc, n - 1)),
                    gw_block_get_line (block_at (doc, n - 1)), cases[i].last_block);
      assert_positions_exact (doc, "import", cases[i].file);
    }
}

/* A single organ stays as it is: letter-spaced characters are not names
 * side by side, and one name over the date is no joint signature. */
static void
test_single_organ_unchanged (void)
{
  g_autoptr(GwDocument) spaced = import_fixture ("import", "letter-spaced-organ.txt");
  g_autoptr(GwDocument) full = import_fixture ("import", "full-head-and-colophon.txt");

  assert_meta (spaced, GW_META_ORGAN_MARK, "临 川 市 民 政 局 文 件", 1, 1);
  g_assert_false (gw_organ_mark_is_joint (gw_document_get_meta (spaced, GW_META_ORGAN_MARK)));
  assert_meta (spaced, GW_META_SIGNATURE, "临川市民政局", 6, 1);
  assert_meta (full, GW_META_ORGAN_MARK, "某某市民政局文件", 4, 1);
  assert_meta (full, GW_META_SIGNATURE, "某某市民政局", 38, 33);
}

/* ---- tables ----------------------------------------------------------------- */

static void
assert_rows (GwBlock            *block,
             const char * const *expected)   /* rows as "a|b|c", NULL-terminated */
{
  GPtrArray *rows = gw_block_get_rows (block);

  g_assert_cmpint (gw_block_get_kind (block), ==, GW_BLOCK_TABLE);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) expected));
  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *got = g_strjoinv ("|", g_ptr_array_index (rows, r));
      g_assert_cmpstr (got, ==, expected[r]);
    }
}

static void
check_table_draft (GwDocument *doc,
                   const char *name)
{
  static const char *standard[] = {
    "项目|标准|备注",
    "场地面积|不少于50平方米|含办公区",
    "专职社工|不少于2名|",
    "|合计|按实际配备",
    NULL
  };
  static const char *funds[] = { "年度|金额（万元）", "2024|12", "2025|15", NULL };
  guint line = 0, column = 0;

  assert_positions_exact (doc, "import", name);
  assert_meta (doc, GW_META_TITLE, "关于印发社工站建设标准的通知", 1, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "各乡镇人民政府：", 3, 1);
  assert_meta (doc, GW_META_SIGNATURE, "某某县民政局", 20, 1);
  assert_meta (doc, GW_META_DATE, "2024年9月2日", 21, 1);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 8);
  /* paragraphs indented with a tab are no table */
  assert_block (doc, 0, GW_BLOCK_PARAGRAPH, 0, 5, "为规范社工站建设");
  assert_block (doc, 1, GW_BLOCK_PARAGRAPH, 0, 6, "请结合实际");
  assert_block (doc, 2, GW_BLOCK_HEADING, 1, 7, "一、场地与人员");
  assert_block (doc, 3, GW_BLOCK_TABLE, 0, 8, "项目\t标准\t备注\n");
  assert_rows (block_at (doc, 3), standard);
  assert_block (doc, 4, GW_BLOCK_PARAGRAPH, 0, 12, "以上标准");
  assert_block (doc, 5, GW_BLOCK_HEADING, 1, 13, "二、经费保障");
  /* one line with a tab is a paragraph, tab and all */
  assert_block (doc, 6, GW_BLOCK_PARAGRAPH, 0, 14, "联系人：张三\t电话");
  /* rows all indented with a tab: the empty first column goes */
  assert_block (doc, 7, GW_BLOCK_TABLE, 0, 16, "年度\t金额");
  assert_rows (block_at (doc, 7), funds);

  /* a finding in a cell maps to that cell's line and column: 按实际配备
   * sits after a tab and two full-width spaces on line 11 */
  {
    const char *text = gw_block_get_text (block_at (doc, 3));
    const char *at = strstr (text, "按实际配备");

    g_assert_nonnull (at);
    gw_block_map_offset (block_at (doc, 3), g_utf8_strlen (text, at - text), &line, &column);
    g_assert_cmpuint (line, ==, 11);
    g_assert_cmpuint (column, ==, 7);
    at = strstr (text, "2名");
    gw_block_map_offset (block_at (doc, 3), g_utf8_strlen (text, at - text), &line, &column);
    g_assert_cmpuint (line, ==, 10);
    g_assert_cmpuint (column, ==, 9);
  }
}

static void
test_tables (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("import", "table-between.txt");
  g_autoptr(GwDocument) gb = import_fixture ("import", "table-gb18030-crlf.txt");

  check_table_draft (doc, "table-between.txt");
  check_table_draft (gb, "table-gb18030-crlf.txt");
  g_assert_true (gw_document_equal (doc, gb));
}

static void
test_table_rules (void)
{
  const char *lines[] = { "a\tb\t\t", "　c\t d ", "e", NULL };
  const char *indented[] = { "\ta\tb", "\tc", NULL };
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *pasted = "表头一\t表头二\r\n值一\t值二\r\n\r\n普通段落。\n";

  g_assert_true (gw_import_text_is_table_row ("a\tb"));
  g_assert_true (gw_import_text_is_table_row ("  a \t b  "));
  g_assert_false (gw_import_text_is_table_row ("\t一、总体要求"));  /* an indent */
  g_assert_false (gw_import_text_is_table_row ("总体要求\t"));
  g_assert_false (gw_import_text_is_table_row ("\t\t"));
  g_assert_false (gw_import_text_is_table_row ("没有制表符"));
  g_assert_false (gw_import_text_is_table_row (""));

  g_assert_cmpuint (gw_import_text_table_run (lines, 3), ==, 2);
  g_assert_cmpuint (gw_import_text_table_run (lines + 1, 2), ==, 0);   /* one row alone */
  g_assert_cmpuint (gw_import_text_table_run (lines, 1), ==, 0);

  rows = gw_import_text_table_rows (lines, 2, columns);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), ((const char *[]) { "a", "b", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), ((const char *[]) { "c", "d", NULL }));
  g_assert_cmpuint (columns->len, ==, 4);
  g_assert_cmpuint (g_array_index (columns, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (columns, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (columns, guint, 2), ==, 1);   /* after the 　 */
  g_assert_cmpuint (g_array_index (columns, guint, 3), ==, 4);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a short row is padded; the empty first column of every row dropped */
  rows = gw_import_text_table_rows (indented, 2, NULL);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), ((const char *[]) { "a", "b", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), ((const char *[]) { "c", "", NULL }));

  /* a paste of a table and a paragraph, CRLF, with no head at all */
  doc = gw_import_text_data (pasted, strlen (pasted), "paste", &error);
  g_assert_no_error (error);
  {
    static const char *table[] = { "表头一|表头二", "值一|值二", NULL };
    guint n = gw_document_get_n_blocks (doc);

    g_assert_cmpuint (n, >=, 1);
    for (guint i = 0; i < n; i++)
      if (gw_block_get_kind (block_at (doc, i)) == GW_BLOCK_TABLE)
        {
          assert_rows (block_at (doc, i), table);
          return;
        }
    g_error ("a pasted table did not become a table block");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-text/corpus/compliant", test_corpus_compliant);
  g_test_add_func ("/import-text/corpus/violations", test_corpus_violations);
  g_test_add_func ("/import-text/draft/full-head-and-colophon", test_full_head_and_colophon);
  g_test_add_func ("/import-text/draft/request-with-signatory", test_request_with_signatory);
  g_test_add_func ("/import-text/draft/no-organ-mark", test_draft_no_organ_mark);
  g_test_add_func ("/import-text/draft/pdf-copy-indented", test_pdf_copy_indented);
  g_test_add_func ("/import-text/draft/pdf-copy-flush", test_pdf_copy_flush);
  g_test_add_func ("/import-text/draft/attachments", test_attachments);
  g_test_add_func ("/import-text/draft/wrong-spellings", test_wrong_spellings);
  g_test_add_func ("/import-text/draft/compact-paste", test_compact_paste);
  g_test_add_func ("/import-text/draft/bench-style", test_bench_style);
  g_test_add_func ("/import-text/draft/joint-header", test_joint_header);
  g_test_add_func ("/import-text/draft/single-organ-unchanged", test_single_organ_unchanged);
  g_test_add_data_func ("/import-text/encoding/gb18030-crlf", "encoding-gb18030-crlf.txt", test_encodings);
  g_test_add_data_func ("/import-text/encoding/utf16le-bom", "encoding-utf16le-bom.txt", test_encodings);
  g_test_add_data_func ("/import-text/encoding/utf16be-bom", "encoding-utf16be-bom.txt", test_encodings);
  g_test_add_data_func ("/import-text/encoding/utf8-bom-crlf", "encoding-utf8-bom-crlf.txt", test_encodings);
  g_test_add_data_func ("/import-text/encoding/cr", "encoding-cr.txt", test_encodings);
  g_test_add_func ("/import-text/refused/files", test_refused);
  g_test_add_func ("/import-text/refused/data", test_refused_data);
  g_test_add_func ("/import-text/refused/large-or-missing-file", test_refused_file);
  g_test_add_func ("/import-text/newlines", test_newlines);
  g_test_add_func ("/import-text/columns", test_columns);
  g_test_add_func ("/import-text/title-lines", test_title_lines);
  g_test_add_func ("/import-text/no-signature", test_no_signature);
  g_test_add_func ("/import-text/colophon-main-send", test_colophon_main_send);
  g_test_add_func ("/import-text/attachment-variants", test_attachment_variants);
  g_test_add_func ("/import-text/signatory-line", test_signatory_line);
  g_test_add_func ("/import-text/odd-lines", test_odd_lines);
  g_test_add_func ("/import-text/recognisers", test_recognisers);
  g_test_add_func ("/import-text/large-draft", test_large_draft);
  g_test_add_func ("/import-text/refuse-special-files", test_refuse_special_files);
  g_test_add_func ("/import-text/tables", test_tables);
  g_test_add_func ("/import-text/table-rules", test_table_rules);

  return g_test_run ();
}
