/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gw-import-text.h"
#include "gw-letter.h"

/* Letters (函) and the letter format (信函, GB/T 9704 §10.1): telling a
 * letter by its number and title, and importing a letter's draft. */

static GwDocument *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_import_text_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static GwDocument *
import_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_import_text_data (text, strlen (text), "letter.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
assert_meta (GwDocument *doc,
             GwMeta      meta,
             const char *value,
             guint       line,
             guint       column)
{
  guint got_column = 0;
  guint got_line = gw_document_get_meta_line (doc, meta, &got_column);

  g_assert_cmpstr (gw_document_get_meta (doc, meta), ==, value);
  if (line == 0)
    return;
  g_assert_cmpuint (got_line, ==, line);
  g_assert_cmpuint (got_column, ==, column);
}

static void
test_recognisers (void)
{
  static const struct { const char *number; gboolean letter; } numbers[] = {
    { "临民函〔2024〕5号", TRUE },
    { "临民函字〔2024〕5号", TRUE },
    { "临民函[2024]5号", TRUE },         /* wrong brackets: still a letter's */
    { "临民函（2024）第5号", TRUE },
    { "临 民 函 〔2024〕 5号", TRUE },
    { "临民函2024年5号", TRUE },
    { "临民发〔2024〕5号", FALSE },
    { "临函办发〔2024〕3号", FALSE },    /* 函 inside the 代字, not its end */
    { "神政办发〔2023〕12号", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };
  static const struct { const char *title; gboolean letter; } titles[] = {
    { "临川市民政局关于商请核定社工站运营经费的函", TRUE },
    { "临川市民政局关于商请核定\n社工站运营经费的函", TRUE },
    { "临川市民政局关于商请核定社工站运营经费的函　", TRUE },
    { "临川市民政局关于市财政局商请事项的复函", TRUE },
    { "关于印发《社工站公函管理办法》的通知", FALSE },
    { "关于规范公务函件的意见", FALSE },
    { "公函", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_test_message ("number %s", numbers[i].number);
      g_assert_cmpint (gw_doc_number_is_letter (numbers[i].number), ==, numbers[i].letter);
    }
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_test_message ("title %s", titles[i].title);
      g_assert_cmpint (gw_title_is_letter (titles[i].title), ==, titles[i].letter);
    }
}

static void
test_guess (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GwDocument) form = gw_document_new (GW_DOCUMENT_KIND_EVALUATION);

  g_assert_cmpint (gw_document_guess_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  gw_document_set_meta (doc, GW_META_DOC_NUMBER, "临民函〔2024〕5号");
  g_assert_cmpint (gw_document_guess_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  gw_document_set_meta (doc, GW_META_DOC_NUMBER, "临民发〔2024〕5号");
  g_assert_cmpint (gw_document_guess_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
  gw_document_set_meta (doc, GW_META_TITLE, "关于商请核定社工站运营经费的函");
  g_assert_cmpint (gw_document_guess_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  /* an evaluation form is never laid out as a letter */
  gw_document_set_meta (form, GW_META_TITLE, "关于商请核定社工站运营经费的函");
  g_assert_cmpint (gw_document_guess_format (form), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
}

/* The letterhead as drafts have it: the organ's name alone, then the
 * number, then a title in two lines; body, signature, date, 附注, 抄送. */
static void
test_import_with_number (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("letter-with-number.txt");

  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  assert_meta (doc, GW_META_ORGAN_MARK, "临川市民政局", 1, 1);
  assert_meta (doc, GW_META_DOC_NUMBER, "临民函〔2024〕5号", 3, 1);
  assert_meta (doc, GW_META_TITLE, "临川市民政局关于商请核定\n社工站运营经费的函", 5, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "市财政局：", 8, 1);
  assert_meta (doc, GW_META_SIGNATURE, "临川市民政局", 13, 1);
  assert_meta (doc, GW_META_DATE, "2024年3月5日", 14, 1);
  assert_meta (doc, GW_META_NOTE, "联系人：张明，电话：0794-6231158", 16, 2);
  assert_meta (doc, GW_META_COPY_TO, "市人民政府办公室。", 18, 4);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 3);
}

/* No number: the organ's name alone over a title ending in 的函 is the
 * letterhead, not the title's first line. */
static void
test_import_no_number (void)
{
  g_autoptr(GwDocument) doc = import_fixture ("letter-no-number.txt");

  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  assert_meta (doc, GW_META_ORGAN_MARK, "临川市民政局", 1, 1);
  assert_meta (doc, GW_META_DOC_NUMBER, "", 0, 0);
  assert_meta (doc, GW_META_TITLE, "临川市民政局关于商请协助开展社工站服务对象走访的函", 3, 1);
  assert_meta (doc, GW_META_RECIPIENTS, "市卫生健康委员会：", 5, 1);
  assert_meta (doc, GW_META_DATE, "2024年3月8日", 10, 1);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 2);
}

static void
test_import_variants (void)
{
  /* a title broken after the organ's name stays one title */
  {
    g_autoptr(GwDocument) doc = import_string (
      "临川市民政局\n关于商请核定社工站运营经费的函\n市财政局：\n现商请贵局予以核定。\n");

    g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
    assert_meta (doc, GW_META_ORGAN_MARK, "", 0, 0);
    assert_meta (doc, GW_META_TITLE, "临川市民政局\n关于商请核定社工站运营经费的函", 1, 1);
  }
  /* the number under the title, letterhead above */
  {
    g_autoptr(GwDocument) doc = import_string (
      "临川市民政局\n临川市民政局关于商请核定社工站运营经费的函\n临民函〔2024〕5号\n"
      "市财政局：\n现商请贵局予以核定。\n");

    g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
    assert_meta (doc, GW_META_ORGAN_MARK, "临川市民政局", 1, 1);
    assert_meta (doc, GW_META_TITLE, "临川市民政局关于商请核定社工站运营经费的函", 2, 1);
    assert_meta (doc, GW_META_DOC_NUMBER, "临民函〔2024〕5号", 3, 1);
  }
  /* a 函 number alone makes a letter, whatever the title */
  {
    g_autoptr(GwDocument) doc = import_string (
      "临川市民政局\n临民函〔2024〕9号\n关于社工站运营经费有关事项的说明\n市财政局：\n现将有关事项说明如下。\n");

    g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
    assert_meta (doc, GW_META_ORGAN_MARK, "临川市民政局", 1, 1);
  }
  /* an organ's name alone over a title that is not a letter's is that
   * title's first line, as before, and a 文件 stays a 文件 */
  {
    g_autoptr(GwDocument) doc = import_string (
      "临川市民政局\n\n临川市民政局关于加快推进社工站建设的实施意见\n各区县民政局：\n现提出如下意见。\n");

    g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
    assert_meta (doc, GW_META_ORGAN_MARK, "", 0, 0);
  }
  {
    g_autoptr(GwDocument) doc = import_fixture ("full-head-and-colophon.txt");

    g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);
    g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "某某市民政局文件");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/letter/recognisers", test_recognisers);
  g_test_add_func ("/core/letter/guess", test_guess);
  g_test_add_func ("/core/letter/import-with-number", test_import_with_number);
  g_test_add_func ("/core/letter/import-no-number", test_import_no_number);
  g_test_add_func ("/core/letter/import-variants", test_import_variants);
  return g_test_run ();
}
