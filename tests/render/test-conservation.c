/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <time.h>

#include "gw-error.h"
#include "gw-layout.h"
#include "gw-pdf.h"

/* Text conservation (issue 13): what users paste is laid out whole, and an
 * export that would leave anything out fails, naming the place. Each
 * document here is read back with poppler and its characters counted. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static GwRenderer *renderer;

/* Characters of @s that must be drawn (the renderer's own policy). */
static guint
count_visible (const char *s)
{
  guint n = 0;

  for (; *s; s = g_utf8_next_char (s))
    if (!_gw_char_is_exempt (g_utf8_get_char (s)))
      n++;
  return n;
}

/* How often @c occurs in the PDF's text, over all pages. */
static guint
count_in_pdf (PopplerDocument *pdf,
              gunichar         c)
{
  guint n = 0;

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      for (const char *s = text; *s; s = g_utf8_next_char (s))
        if (g_utf8_get_char (s) == c)
          n++;
    }
  return n;
}

static char *
page_text (PopplerDocument *pdf,
           int              i)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);

  return poppler_page_get_text (page);
}

static PopplerDocument *
render_ok (GwDocument *doc,
           GBytes    **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gw_renderer_render_pdf (renderer, doc, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  if (g_getenv ("GW_TEST_DUMP"))
    g_file_set_contents (g_getenv ("GW_TEST_DUMP"), g_bytes_get_data (bytes, NULL),
                         g_bytes_get_size (bytes), NULL);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  if (out)
    *out = g_steal_pointer (&bytes);
  return pdf;
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static GwDocument *
short_document (void)
{
  GwDocument *doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);

  gw_document_set_meta (doc, GW_META_TITLE, "关于加强社工站建设的实施意见");
  gw_document_set_meta (doc, GW_META_RECIPIENTS, "各区（县）民政局：");
  gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局");
  gw_document_set_meta (doc, GW_META_DATE, "2024年5月8日");
  gw_document_set_meta (doc, GW_META_COPY_TO, "市委办公室，市政府办公室。");
  gw_document_set_meta (doc, GW_META_PRINTING_ORGAN, "临川市民政局办公室");
  gw_document_set_meta (doc, GW_META_PRINTING_DATE, "2024年5月9日");
  gw_document_append_block (doc, gw_block_new_heading (1, "一、总体要求"));
  for (int i = 0; i < 6; i++)
    gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
      "承接主体应当通过公开招标、竞争性磋商等方式择优确定，不得仅以“价低者得”为原则；"
      "购买服务合同实行“三年一个周期、一年一签”的管理方式。"));
  return doc;
}

/* The hook that leaves out one laid-out line makes every export path
 * fail, naming the block: PDF bytes, the file export (which then writes
 * nothing) and printing's pagination. */
static void
test_drop_line (void)
{
  g_autoptr(GwDocument) doc = short_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GwPagination) pagination = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-conservation-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);

  /* without the hook, all is well */
  bytes = gw_renderer_render_pdf (renderer, doc, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* line 0 is the title; line 5 is inside the first paragraphs */
  for (int drop = 0; drop < 12; drop++)
    {
      g_autofree char *value = g_strdup_printf ("%d", drop);

      g_setenv ("GONGWEN_TEST_DROP_LINE", value, TRUE);
      bytes = gw_renderer_render_pdf (renderer, doc, &error);
      g_assert_error (error, GW_ERROR, GW_ERROR_RENDER);
      g_assert_null (bytes);
      g_assert_nonnull (strstr (error->message, "would be missing from the PDF"));
      if (drop == 0)
        g_assert_nonnull (strstr (error->message, "title"));
      g_clear_error (&error);
    }

  g_setenv ("GONGWEN_TEST_DROP_LINE", "5", TRUE);
  g_assert_false (gw_renderer_export_pdf (renderer, doc, path, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_RENDER);
  g_assert_nonnull (strstr (error->message, "block "));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  pagination = gw_renderer_paginate (renderer, doc, &error);
  g_assert_error (error, GW_ERROR, GW_ERROR_RENDER);
  g_assert_null (pagination);
  g_clear_error (&error);
  g_unsetenv ("GONGWEN_TEST_DROP_LINE");

  pagination = gw_renderer_paginate (renderer, doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pagination);
  g_rmdir (dir);
}

static GwDocument *
table_document (guint        n_cols,
                const char  *long_cell,
                guint        body_rows)
{
  GwDocument *doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrvBuilder *b = g_strv_builder_new ();

  gw_document_set_meta (doc, GW_META_TITLE, "表格");
  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree char *h = g_strdup_printf ("栏%u", c + 1);
      g_strv_builder_add (b, h);
    }
  g_ptr_array_add (rows, g_strv_builder_end (b));
  g_strv_builder_unref (b);
  for (guint r = 0; r < body_rows; r++)
    {
      b = g_strv_builder_new ();
      for (guint c = 0; c < n_cols; c++)
        g_strv_builder_add (b, c == 1 && r == 0 && long_cell ? long_cell : "值");
      g_ptr_array_add (rows, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "见下表。"));
  gw_document_append_block (doc, gw_block_new_table (rows));
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "表后正文。"));
  return doc;
}

/* A cell of 1,000 characters (more than a page of the column) keeps every
 * one: the row is split, its cells continue on the next page under the
 * repeated header row. Main drew it off the page: 924 kept. */
static void
test_long_cell (void)
{
  g_autofree char *cell = repeat ("社", 1000);
  g_autoptr(GwDocument) doc = table_document (3, cell, 2);
  g_autoptr(PopplerDocument) pdf = render_ok (doc, NULL);
  int pages = poppler_document_get_n_pages (pdf);

  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char ("社")), ==, 1000);
  g_assert_cmpint (pages, >=, 2);
  /* the header row on the first page and again on the next */
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_assert_nonnull (strstr (text, "栏1"));
      g_assert_nonnull (strstr (text, "栏3"));
    }
  {
    g_autofree char *last = page_text (pdf, pages - 1);
    g_assert_nonnull (strstr (last, "表后正文"));
  }
}

/* A paragraph of 200,000 characters is cut before shaping: all of it is
 * in the PDF (main: its first line only). */
static void
test_huge_paragraph (void)
{
  g_autofree char *text = repeat ("为民服务最后一米，", 200000 / 9 + 1);
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(PopplerDocument) pdf = NULL;

  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, text));
  pdf = render_ok (doc, NULL);
  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char ("米")), ==, 200000 / 9 + 1);
  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char ("，")), ==, 200000 / 9 + 1);
}

/* A title and a heading far past any sensible length (a paste gone
 * wrong) still reach the PDF whole; a title full of open brackets does
 * not make the layout quadratic. */
static void
test_huge_title_and_heading (void)
{
  g_autofree char *title = repeat ("（关于社工站", 4000);
  g_autofree char *heading = repeat ("一、总体要求服务站", 6000);
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(PopplerDocument) pdf = NULL;

  gw_document_set_meta (doc, GW_META_TITLE, title);
  gw_document_append_block (doc, gw_block_new_heading (1, heading));
  pdf = render_ok (doc, NULL);
  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char ("（")), ==, 4000);
  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char ("关")), ==, 4000);
  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char ("求")), ==, 6000);
}

static double
cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

/* 100,000 Latin letters and digits without a space (a pasted URL or
 * base64 block) break at the type area's width, in linear time: 10,000
 * and 100,000 characters cost about the same per character (main: 12 s
 * for 100,000, growing with the square). */
static void
test_long_run (void)
{
  double t[2];
  guint sizes[2] = { 10000, 100000 };

  for (int k = 0; k < 2; k++)
    {
      g_autofree char *run = repeat ("aZ09", sizes[k] / 4);
      g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
      g_autoptr(PopplerDocument) pdf = NULL;
      double start = cpu_seconds ();

      gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, run));
      pdf = render_ok (doc, NULL);
      t[k] = cpu_seconds () - start;
      g_assert_cmpuint (count_in_pdf (pdf, 'Z'), ==, sizes[k] / 4);
      g_assert_cmpuint (count_in_pdf (pdf, 'a'), ==, sizes[k] / 4);
      /* every line within the type area */
      {
        g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
        PopplerRectangle *rects = NULL;
        guint n = 0;

        g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
        for (guint i = 0; i < n; i++)
          g_assert_cmpfloat (rects[i].x2, <=, (28 + 156) * 72 / 25.4 + 1);
        g_free (rects);
      }
    }
  g_test_message ("10,000 characters: %.2f s CPU; 100,000: %.2f s", t[0], t[1]);
  /* linear: ten times the text, well under thirty times the time */
  g_assert_cmpfloat (t[1], <, 30 * MAX (t[0], 0.05));
}

/* A table of 5,000 columns is refused with a message that names it and
 * says what fits; 31 columns still lay out, in landscape. */
static void
test_too_wide (void)
{
  g_autoptr(GwDocument) wide = table_document (5000, NULL, 1);
  g_autoptr(GwDocument) widest = table_document (GW_TABLE_MAX_COLUMNS, NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gw_renderer_render_pdf (renderer, wide, &error);
  g_autoptr(PopplerDocument) pdf = NULL;

  g_assert_null (bytes);
  g_assert_error (error, GW_ERROR, GW_ERROR_RENDER);
  g_assert_nonnull (strstr (error->message, "5000 columns"));
  g_assert_nonnull (strstr (error->message, "block 2"));
  g_assert_nonnull (strstr (error->message, "31"));

  pdf = render_ok (widest, NULL);
  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char ("值")), ==, 2 * GW_TABLE_MAX_COLUMNS);
}

/* Every element a document has is accounted for: a full document renders,
 * and its visible characters all reach the PDF. */
static void
test_every_element (void)
{
  g_autoptr(GwDocument) doc = short_document ();
  g_autoptr(PopplerDocument) pdf = NULL;
  const char *chars = "承";
  guint expected = 0;

  for (guint i = 0; i < gw_document_get_n_blocks (doc); i++)
    {
      const char *t = gw_block_get_text (gw_document_get_block (doc, i));

      for (const char *s = t; *s; s = g_utf8_next_char (s))
        if (g_utf8_get_char (s) == g_utf8_get_char (chars))
          expected++;
    }
  pdf = render_ok (doc, NULL);
  g_assert_cmpuint (count_in_pdf (pdf, g_utf8_get_char (chars)), ==, expected);
  g_assert_cmpuint (count_visible ("a b\u3000c\u200b"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("GONGWEN_TEST_DROP_LINE");
  renderer = gw_renderer_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/render/conservation/drop-line", test_drop_line);
  g_test_add_func ("/render/conservation/every-element", test_every_element);
  g_test_add_func ("/render/conservation/long-cell", test_long_cell);
  g_test_add_func ("/render/conservation/huge-paragraph", test_huge_paragraph);
  g_test_add_func ("/render/conservation/huge-title-and-heading", test_huge_title_and_heading);
  g_test_add_func ("/render/conservation/long-run", test_long_run);
  g_test_add_func ("/render/conservation/too-wide", test_too_wide);
  ret = g_test_run ();
  g_object_unref (renderer);
  /* the libraries' process-lifetime caches (see test-pdf.c) */
  cairo_debug_reset_static_data ();
  FcFini ();
  return ret;
}
