/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "gw-error.h"
#include "gw-numeral.h"
#include "gw-open.h"
#include "gw-pdf.h"

/* Every test reads the PDF back with poppler: positions in points from the
 * top-left of the page, as docs/rendering.md ("Geometry") lists them. */

/* Debian 12's poppler-glib defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFontInfo, g_object_unref)

#define MM (72.0 / 25.4)
#define TA_LEFT (28 * MM)
#define TA_RIGHT ((28 + 156) * MM)
#define TA_TOP (37 * MM)
#define TA_BOTTOM (262 * MM)

/* The PDF holds binary streams with NUL bytes: search all of it. */
static gboolean
pdf_contains (const char *data,
              gsize       len,
              const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static GwRenderer *renderer;

static GwDocument *
open_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render", name, NULL);
  g_autoptr(GError) error = NULL;
  GwDocument *doc = gw_document_open (path, &error);

  g_assert_no_error (error);
  return doc;
}

static PopplerDocument *
render (GwDocument *doc,
        GBytes    **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gw_renderer_render_pdf (renderer, doc, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  if (g_getenv ("GW_TEST_DUMP"))
    g_file_set_contents (g_getenv ("GW_TEST_DUMP"), g_bytes_get_data (bytes, NULL),
                         g_bytes_get_size (bytes), NULL);
  if (out)
    *out = g_bytes_ref (bytes);
  return pdf;
}

/* A document with every element GB/T 9704 places. */
static GwDocument *
full_document (gboolean sealed)
{
  GwDocument *doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  const char *names[] = { "社工站（室）建设标准", "社工站运营服务项目年度评估表", NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  gw_document_set_meta (doc, GW_META_ORGAN_MARK, "临川市民政局文件");
  gw_document_set_meta (doc, GW_META_DOC_NUMBER, "临民发〔2024〕7号");
  gw_document_set_meta (doc, GW_META_TITLE, "临川市民政局关于加快推进乡镇（街道）社会工作服务站建设的实施意见");
  gw_document_set_meta (doc, GW_META_RECIPIENTS, "各区（县）民政局，市级有关部门：");
  gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局");
  gw_document_set_meta (doc, GW_META_DATE, "2024年5月8日");
  gw_document_set_meta (doc, GW_META_NOTE, "此件公开发布");
  gw_document_set_meta (doc, GW_META_COPY_TO, "市委办公室，市人大常委会办公室，市政府办公室，市政协办公室。");
  gw_document_set_meta (doc, GW_META_PRINTING_ORGAN, "临川市民政局办公室");
  gw_document_set_meta (doc, GW_META_PRINTING_DATE, "2024年5月9日");
  gw_document_set_sealed (doc, sealed);
  gw_document_set_attachments (doc, names);

  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
    "为深入贯彻落实民政部关于加快乡镇（街道）社会工作服务站建设的部署要求，打通为民服务“最后一米”，"
    "提升基层民政服务能力，结合本市实际，提出如下实施意见。"));
  for (int s = 0; s < 4; s++)
    {
      const char *cn[] = { "一", "二", "三", "四" };
      g_autofree char *h1 = g_strdup_printf ("%s、第%s部分要求", cn[s], cn[s]);
      gw_document_append_block (doc, gw_block_new_heading (1, h1));
      for (int k = 0; k < 2; k++)
        {
          g_autofree char *h2 = g_strdup_printf ("（%s）统筹建设布局。社工站应设置在乡镇（街道）便民服务中心"
                                                 "或交通便利、群众易于到达的场所，使用面积一般不少于80平方米；"
                                                 "统一悬挂“社会工作服务站”标识牌，公开服务项目、服务流程和监督电话。",
                                                 cn[k]);
          gw_document_append_block (doc, gw_block_new_heading (2, h2));
          gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
            "承接主体应当通过公开招标、竞争性磋商等方式择优确定；确定承接主体时应综合考虑服务方案、专业能力、"
            "人员配备和服务业绩等因素，不得仅以“价低者得”为原则；购买服务合同实行“三年一个周期、一年一签”"
            "的管理方式，合同中应明确服务内容、服务标准、绩效目标和资金支付方式。"));
        }
    }
  g_ptr_array_add (rows, g_strsplit ("项目|标准|备注", "|", -1));
  g_ptr_array_add (rows, g_strsplit ("使用面积|不少于80平方米|含个案辅导室", "|", -1));
  gw_document_append_block (doc, gw_block_new_table (rows));
  gw_document_append_block (doc, gw_block_new_attachment (1, "社工站（室）建设标准"));
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "社工站使用面积一般不少于80平方米。"));
  gw_document_append_block (doc, gw_block_new_attachment (2, "社工站运营服务项目年度评估表"));
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "评估表见另册。"));
  return doc;
}

typedef struct {
  GString *text;     /* characters of the line */
  double   top, bottom, left, right;
} Line;

static void
line_free (gpointer data)
{
  Line *l = data;
  g_string_free (l->text, TRUE);
  g_free (l);
}

/* The page's text lines, from poppler's per-character boxes. */
static GPtrArray *
page_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n = 0, i = 0;
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  Line *cur = NULL;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (const char *p = text; *p && i < n; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      PopplerRectangle *r = &rects[i];

      if (c == '\n' || c == ' ' || c == 0x3000)
        {
          if (c == '\n')
            cur = NULL;
          continue;
        }
      if (cur == NULL || fabs (r->y2 - cur->bottom) > 3)
        {
          cur = g_new0 (Line, 1);
          cur->text = g_string_new (NULL);
          cur->top = r->y1;
          cur->bottom = r->y2;
          cur->left = r->x1;
          cur->right = r->x2;
          g_ptr_array_add (lines, cur);
        }
      g_string_append_unichar (cur->text, c);
      cur->left = MIN (cur->left, r->x1);
      cur->right = MAX (cur->right, r->x2);
      cur->top = MIN (cur->top, r->y1);
    }
  g_free (rects);
  return lines;
}

static char *
strip_space (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_page_number (const char *s)
{
  return g_regex_match_simple ("^—\\d+—$", s, 0, 0);
}

static void
test_page_size (void)
{
  g_autoptr(GwDocument) doc = open_fixture ("opinion.txt");
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  int n = poppler_document_get_n_pages (pdf);

  g_assert_cmpint (n, >=, 2);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      double w, h;
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 595.28, 1);
      g_assert_cmpfloat_with_epsilon (h, 841.89, 1);
    }
}

/* pdftotext gives the draft back: the PDF's text, in reading order,
 * equals the document's plain text (spaces and page numbers aside). */
static void
test_text_order (void)
{
  g_autoptr(GwDocument) doc = open_fixture ("opinion.txt");
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  g_autofree char *plain = gw_document_to_plain_text (doc);
  g_autofree char *want = strip_space (plain);
  g_autoptr(GString) got = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autoptr(GPtrArray) lines = page_lines (page);
      for (guint k = 0; k < lines->len; k++)
        {
          Line *l = g_ptr_array_index (lines, k);
          if (!is_page_number (l->text->str))
            g_string_append (got, l->text->str);
        }
    }
  g_assert_cmpstr (got->str, ==, want);
}

/* A full body page: 22 lines on a 28–30 pt pitch, at most 28 CJK
 * characters a line, everything inside the type area ± 1 mm, and no line
 * starts or ends with punctuation that GB/T 15834 keeps off line edges. */
static void
test_grid (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  int n = poppler_document_get_n_pages (pdf);
  gboolean saw_full_page = FALSE;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autoptr(GPtrArray) lines = page_lines (page);
      guint body = 0;
      double prev = -1, prev_h = -1;

      for (guint k = 0; k < lines->len; k++)
        {
          Line *l = g_ptr_array_index (lines, k);
          gunichar first = g_utf8_get_char (l->text->str);
          const char *last_p = g_utf8_prev_char (l->text->str + l->text->len);
          gunichar last = g_utf8_get_char (last_p);
          glong cjk = 0;

          if (is_page_number (l->text->str))
            continue;
          for (const char *p = l->text->str; *p; p = g_utf8_next_char (p))
            cjk += g_utf8_get_char (p) >= 0x2E80;
          if (cjk > 28 && !g_str_has_prefix (l->text->str, "抄送"))
            g_error ("page %d: %ld characters in “%s”", i + 1, cjk, l->text->str);
          g_assert_cmpfloat (l->left, >=, TA_LEFT - MM);
          g_assert_cmpfloat (l->right, <=, TA_RIGHT + MM);
          g_assert_cmpfloat (l->bottom, <=, TA_BOTTOM + 2 * MM);
          if (g_utf8_strchr ("，。、；：？！）》”」』〕", -1, first))
            g_error ("page %d line “%s” starts with %s", i + 1, l->text->str, l->text->str);
          if (g_utf8_strchr ("（《“「『〔", -1, last))
            g_error ("page %d line “%s” ends with an opening mark", i + 1, l->text->str);
          body++;
          /* Poppler's boxes follow each font's ascent and descent: compare
           * lines set in the same face (same box height) only. */
          if (prev >= 0 && i == 1 && fabs ((l->bottom - l->top) - prev_h) < 0.3)
            {
              g_assert_cmpfloat (l->bottom - prev, >=, 28.0);
              g_assert_cmpfloat (l->bottom - prev, <=, 30.0);
            }
          prev = l->bottom;
          prev_h = l->bottom - l->top;
        }
      if (i == 1)
        {
          /* page 2 is all body text: exactly 22 lines */
          g_assert_cmpuint (body, ==, 22);
          saw_full_page = TRUE;
        }
    }
  g_assert_true (saw_full_page);
}

/* Renders a page at 2 px/pt and returns the surface. */
static cairo_surface_t *
rasterize (PopplerPage *page)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1191, 1684);
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  return ((guint32 *) (cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s)))[x] & 0xFFFFFF;
}

static gboolean
is_red (guint32 p)
{
  return ((p >> 16) & 0xFF) > 200 && ((p >> 8) & 0xFF) < 80 && (p & 0xFF) < 80;
}

static gboolean
is_dark (guint32 p)
{
  return ((p >> 16) & 0xFF) < 100 && ((p >> 8) & 0xFF) < 100 && (p & 0xFF) < 100;
}

/* Rows (in pt) where @pred holds for at least @min_len pt in one run. */
static GArray *
long_runs (cairo_surface_t *s,
           gboolean       (*pred) (guint32),
           double           min_len)
{
  GArray *ys = g_array_new (FALSE, FALSE, sizeof (double));

  for (int y = 0; y < 1684; y++)
    {
      int run = 0, best = 0;
      for (int x = 0; x < 1191; x++)
        {
          run = pred (pixel (s, x, y)) ? run + 1 : 0;
          best = MAX (best, run);
        }
      if (best >= min_len * 2)
        {
          double v = y / 2.0;
          g_array_append_val (ys, v);
        }
    }
  return ys;
}

static void
test_header (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
  cairo_surface_t *s = rasterize (page);
  g_autoptr(GPtrArray) lines = page_lines (page);
  g_autoptr(GArray) rules = NULL;
  int top = -1, minx = 9999, maxx = -1;
  Line *number = NULL;

  /* The organ mark: red, centred, top edge at 72 mm. */
  for (int y = 0; y < 1684 && top < 0; y++)
    for (int x = 0; x < 1191; x++)
      if (is_red (pixel (s, x, y)))
        {
          top = y;
          break;
        }
  g_assert_cmpint (top, >=, 0);
  g_assert_cmpfloat_with_epsilon (top / 2.0, 72 * MM + 2, 1 * MM + 2);
  for (int y = top; y < top + 60; y++)
    for (int x = 0; x < 1191; x++)
      if (is_red (pixel (s, x, y)))
        {
          minx = MIN (minx, x);
          maxx = MAX (maxx, x);
        }
  g_assert_cmpfloat_with_epsilon ((minx + maxx) / 4.0, (28 + 78) * MM, 3);

  /* The red line: type-area wide, 4 mm below the document number. */
  rules = long_runs (s, is_red, 156 * MM - 2);
  g_assert_cmpuint (rules->len, >, 0);
  for (guint k = 0; k < lines->len; k++)
    {
      Line *l = g_ptr_array_index (lines, k);
      if (g_strcmp0 (l->text->str, "临民发〔2024〕7号") == 0)
        number = l;
    }
  g_assert_nonnull (number);
  g_assert_cmpfloat_with_epsilon ((number->left + number->right) / 2, (28 + 78) * MM, 2);
  /* from the number's em-bottom (baseline + 0.12 em) */
  g_assert_cmpfloat_with_epsilon (g_array_index (rules, double, 0),
                                  number->bottom + 4 * MM, 4);
  cairo_surface_destroy (s);

  /* the title is 22 pt (二号), the body 16 pt (三号) */
  {
    g_autofree char *text = poppler_page_get_text (page);
    GList *attrs = poppler_page_get_text_attributes (page);
    glong title_at = g_utf8_pointer_to_offset (text, strstr (text, "临川市民政局关于"));
    glong body_at = g_utf8_pointer_to_offset (text, strstr (text, "为深入贯彻"));
    double title_size = 0, body_size = 0;

    for (GList *l = attrs; l; l = l->next)
      {
        PopplerTextAttributes *a = l->data;
        if (a->start_index <= title_at && title_at <= a->end_index)
          title_size = a->font_size;
        if (a->start_index <= body_at && body_at <= a->end_index)
          body_size = a->font_size;
      }
    poppler_page_free_text_attributes (attrs);
    g_assert_cmpfloat_with_epsilon (title_size, 22, 0.5);
    g_assert_cmpfloat_with_epsilon (body_size, 16, 0.5);
  }
}

/* Page numbers "— N —", 14 pt, 7 mm below the type area; odd pages on the
 * right one character in, even pages on the left; the 版记 last rule on
 * the type area's bottom edge of an even page. */
static void
test_page_numbers_and_colophon (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  int n = poppler_document_get_n_pages (pdf);

  g_assert_cmpint (n % 2, ==, 0);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autoptr(GPtrArray) lines = page_lines (page);
      Line *num = NULL;

      for (guint k = 0; k < lines->len; k++)
        if (is_page_number (((Line *) g_ptr_array_index (lines, k))->text->str))
          num = g_ptr_array_index (lines, k);
      if (i == n - 1)
        {
          cairo_surface_t *s = rasterize (page);
          g_autoptr(GArray) rules = long_runs (s, is_dark, 156 * MM - 2);
          g_autoptr(PopplerPage) before = poppler_document_get_page (pdf, i - 1);
          g_autofree char *before_text = poppler_page_get_text (before);
          gboolean blank_before = *g_strstrip (before_text) == '\0';

          g_assert_cmpuint (rules->len, >, 0);
          g_assert_cmpfloat_with_epsilon (g_array_index (rules, double, rules->len - 1), TA_BOTTOM, MM);
          if (blank_before)
            g_assert_null (num);
          cairo_surface_destroy (s);
        }
      if (num == NULL)
        continue;
      {
        g_autofree char *want = g_strdup_printf ("—%d—", i + 1);
        g_assert_cmpstr (num->text->str, ==, want);
      }
      g_assert_cmpfloat_with_epsilon ((num->top + num->bottom) / 2, 269 * MM, 2 * MM);
      if ((i + 1) % 2 == 1)
        g_assert_cmpfloat_with_epsilon (num->right, 178.4 * MM, 1.5 * MM);
      else
        g_assert_cmpfloat_with_epsilon (num->left, 33.6 * MM, 1.5 * MM);
    }
}

static Line *
find_line (PopplerDocument *pdf,
           const char      *text,
           int             *page_out)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autoptr(GPtrArray) lines = page_lines (page);
      for (guint k = 0; k < lines->len; k++)
        {
          Line *l = g_ptr_array_index (lines, k);
          if (g_strcmp0 (l->text->str, text) == 0)
            {
              Line *copy = g_new0 (Line, 1);
              *copy = *l;
              copy->text = g_string_new (l->text->str);
              if (page_out)
                *page_out = i;
              return copy;
            }
        }
    }
  return NULL;
}

/* §7.3.5: with a seal the date ends 4 characters from the right; without,
 * the signature is 右空二字 and the date starts 2 characters right of it
 * (or, when longer, goes 右空二字 itself). */
static void
test_signature (void)
{
  const double ch = 156 * MM / 28;

  for (int sealed = 0; sealed <= 1; sealed++)
    {
      g_autoptr(GwDocument) doc = full_document (sealed);
      g_autoptr(PopplerDocument) pdf = render (doc, NULL);
      Line *sig = find_line (pdf, "临川市民政局", NULL);
      Line *date = find_line (pdf, "2024年5月8日", NULL);

      g_assert_nonnull (sig);
      g_assert_nonnull (date);
      g_assert_cmpfloat_with_epsilon (date->bottom - sig->bottom, 29.6, 1);
      if (sealed)
        {
          g_assert_cmpfloat_with_epsilon (date->right, TA_RIGHT - 4 * ch, 3);
          g_assert_cmpfloat_with_epsilon ((sig->left + sig->right) / 2, (date->left + date->right) / 2, 3);
        }
      else
        {
          g_assert_cmpfloat (date->right, <=, TA_RIGHT - 2 * ch + 3);
          g_assert_cmpfloat_with_epsilon (date->left - sig->left, 2 * ch, 3);
        }
      line_free (sig);
      line_free (date);
    }
}

/* Attachments start a new page: 附件N on line 1, the title on line 3. */
static void
test_attachment_pages (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  int p1 = -1, p2 = -1, pt = -1;
  Line *label = find_line (pdf, "附件1", &p1);
  Line *label2 = find_line (pdf, "附件2", &p2);
  Line *title = find_line (pdf, "社工站（室）建设标准", &pt);

  g_assert_nonnull (label);
  g_assert_nonnull (label2);
  g_assert_nonnull (title);
  g_assert_cmpint (p2, ==, p1 + 1);
  g_assert_cmpint (pt, ==, p1);
  /* line 1: em-top at 37 mm */
  g_assert_cmpfloat_with_epsilon (label->top, TA_TOP, 5);   /* box top = ascent, not em-top */
  g_assert_cmpfloat (label->left, <=, TA_LEFT + 1);
  /* 22 pt title centred on the body em box: its box reaches ~4 pt lower */
  g_assert_cmpfloat_with_epsilon (title->bottom - label->bottom, 2 * 29.6 + 4, 2);
  g_assert_cmpfloat_with_epsilon ((title->left + title->right) / 2, (28 + 78) * MM, 2);
  line_free (label);
  line_free (label2);
  line_free (title);
}

/* Fonts: every one embedded, CJK as CID CFF/TrueType subsets, no Type 3;
 * the heading levels in their faces. */
static void
test_fonts (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) pdf = render (doc, &bytes);
  g_autoptr(PopplerFontInfo) info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  gboolean fang = FALSE, hei = FALSE, kai = FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_false (pdf_contains (data, len, "/Type3"));
  g_assert_true (pdf_contains (data, len, "/FontFile3"));
  while (poppler_font_info_scan (info, 20, &iter))
    {
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          fang |= strstr (name, "FandolFang") != NULL;
          hei |= strstr (name, "NotoSansCJK") != NULL;
          kai |= strstr (name, "Kai") != NULL;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_assert_true (fang);
  g_assert_true (hei);
  g_assert_true (kai);
}

static void
test_heading_fonts (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
  g_autofree char *text = poppler_page_get_text (page);
  GList *attrs = poppler_page_get_text_attributes (page);
  const char *h1 = strstr (text, "一、第一部分要求");
  const char *h2 = strstr (text, "（一）统筹建设布局。");
  glong h1_at, h2_at, rest_at;
  gboolean h1_ok = FALSE, h2_ok = FALSE, rest_ok = FALSE;

  g_assert_nonnull (h1);
  g_assert_nonnull (h2);
  h1_at = g_utf8_pointer_to_offset (text, h1);
  h2_at = g_utf8_pointer_to_offset (text, h2);
  /* the character after the first 。 goes back to the body face */
  rest_at = h2_at + g_utf8_strlen ("（一）统筹建设布局。", -1);
  for (GList *l = attrs; l; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      if (a->start_index <= h1_at && h1_at <= a->end_index)
        h1_ok = strstr (a->font_name, "Sans") != NULL && fabs (a->font_size - 16) < 0.5;
      if (a->start_index <= h2_at && h2_at <= a->end_index)
        h2_ok = strstr (a->font_name, "Kai") != NULL;
      if (a->start_index <= rest_at && rest_at <= a->end_index)
        rest_ok = strstr (a->font_name, "FandolFang") != NULL;
    }
  poppler_page_free_text_attributes (attrs);
  g_assert_true (h1_ok);
  g_assert_true (h2_ok);
  g_assert_true (rest_ok);
}

/* Same document, same bytes: dates come from the document. */
static void
test_reproducible (void)
{
  g_autoptr(GwDocument) doc = open_fixture ("opinion.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRenderer) other = gw_renderer_new (&error);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *author = NULL;
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  a = gw_renderer_render_pdf (renderer, doc, &error);
  g_assert_no_error (error);
  /* once the clock's second has moved on, a clock-stamped date would
   * differ: wait for that tick rather than a fixed time */
  {
    gint64 second = g_get_real_time () / G_USEC_PER_SEC;

    while (g_get_real_time () / G_USEC_PER_SEC == second)
      g_usleep (10 * 1000);
  }
  b = gw_renderer_render_pdf (other, doc, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (a, b));

  pdf = poppler_document_new_from_bytes (a, NULL, &error);
  g_assert_no_error (error);
  author = poppler_document_get_author (pdf);   /* both are new strings */
  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (author, ==, "神木市人民政府办公室");
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, "社工站"));
  created = poppler_document_get_creation_date_time (pdf);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_get_year (created), ==, 2023);
  g_assert_cmpint (g_date_time_get_month (created), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (created), ==, 10);
}

/* The outline lists the headings. */
static void
test_outline (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  PopplerIndexIter *iter = poppler_index_iter_new (pdf);
  g_autoptr(GString) titles = g_string_new (NULL);
  gboolean child_seen = FALSE;

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_string_append_printf (titles, "%s|", action->any.title);
      if (child)
        {
          child_seen = TRUE;
          poppler_index_iter_free (child);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_nonnull (strstr (titles->str, "一、第一部分要求|"));
  g_assert_nonnull (strstr (titles->str, "四、第四部分要求|"));
  g_assert_nonnull (strstr (titles->str, "附件1|"));
  g_assert_true (child_seen);   /* （一） under 一、 */
}

/* A character no font has is an error naming it and its line. */
static void
test_missing_glyph (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GwBlock *block = gw_block_new (GW_BLOCK_PARAGRAPH, "本段含有无法显示的字符\xf4\x8f\xbf\xbd。");

  gw_block_add_span (block, 0, 42, 3);
  gw_document_append_block (doc, block);
  gw_document_set_source_path (doc, "draft.txt");
  bytes = gw_renderer_render_pdf (renderer, doc, &error);
  g_assert_null (bytes);
  g_assert_error (error, GW_ERROR, GW_ERROR_MISSING_GLYPH);
  g_assert_nonnull (strstr (error->message, "U+10FFFD"));
  g_assert_nonnull (strstr (error->message, "draft.txt"));
  g_assert_nonnull (strstr (error->message, "42"));
}

/* A table too wide for the page (GB/T 9704 §8) is set landscape on pages
 * of its own: its text runs up the page (the head towards the left edge),
 * its header row is repeated, the page numbers stay upright where they are
 * on every page, and the text after it starts on a portrait page. */
static void
test_landscape_table (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(PopplerDocument) pdf = NULL;
  int n_pages, turned_pages = 0, first_turned = -1, last_turned = -1;

  gw_document_set_meta (doc, GW_META_TITLE, "社工站经费预算表");
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "各社工站经费预算如下表。"));
  g_ptr_array_add (rows, g_strsplit ("序号|乡镇（街道）|场地面积|专职社工|持证社工|年度经费（元）|"
                                     "人员经费（元）|运营经费（元）|服务人次|覆盖村（社区）", "|", -1));
  for (int i = 1; i <= 30; i++)
    {
      g_autofree char *row = g_strdup_printf ("%d|城关镇|%d|%d|%d|%d,%03d,%03d.00|%d,%03d.50|%d,%03d.25|%d|%d",
                                              i, 100 + i, i % 6 + 1, i % 4 + 1, 1 + i % 3, 100 + i, 500 + i,
                                              300 + i, 200 + i, 150 + i, 700 + i, 1000 * i, 5 + i);
      g_ptr_array_add (rows, g_strsplit (row, "|", -1));
    }
  gw_document_append_block (doc, gw_block_new_table (rows));
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "以上经费列入年度预算。"));
  pdf = render (doc, NULL);
  n_pages = poppler_document_get_n_pages (pdf);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *flat = NULL;
      g_autofree char *text = poppler_page_get_text (page);
      gboolean turned = FALSE;

      flat = strip_space (text);
      /* a cell of the table: its characters run up the page when turned
       * (poppler's layout gives one rectangle per character of the text) */
      {
        PopplerRectangle *rects = NULL;
        guint n_rects = 0;
        const char *at = strstr (text, "城关镇");

        if (at && poppler_page_get_text_layout (page, &rects, &n_rects))
          {
            glong k = g_utf8_pointer_to_offset (text, at);

            g_assert_cmpuint (k + 1, <, n_rects);
            turned = rects[k + 1].y1 < rects[k].y1 - 5 &&
                     fabs (rects[k + 1].x1 - rects[k].x1) < 2;
            g_assert_true (turned);   /* every page of the table is turned */
          }
        g_free (rects);
      }
      if (turned)
        {
          GList *num;
          g_autofree char *label = g_strdup_printf ("%d", i + 1);

          turned_pages++;
          if (first_turned < 0)
            first_turned = i;
          last_turned = i;
          g_assert_nonnull (strstr (flat, "序号"));               /* header repeated */
          g_assert_null (strstr (flat, "各社工站经费预算如下表")); /* pages of its own */
          g_assert_null (strstr (flat, "以上经费列入年度预算"));
          /* the page number upright at its usual place: wide, not tall,
           * about 7 mm under the type area */
          num = poppler_page_find_text (page, "—");
          g_assert_nonnull (num);
          for (GList *h = num; h; h = h->next)
            {
              PopplerRectangle *r = h->data;
              double top = 842 - MAX (r->y1, r->y2);

              g_assert_cmpfloat (fabs (r->x2 - r->x1), >, fabs (r->y2 - r->y1) * 0.5);
              g_assert_cmpfloat (top, >, TA_BOTTOM);
            }
          g_list_free_full (num, (GDestroyNotify) poppler_rectangle_free);
          g_assert_nonnull (strstr (flat, label));
        }
    }
  g_assert_cmpint (turned_pages, >=, 2);
  g_assert_cmpint (last_turned - first_turned + 1, ==, turned_pages);
  g_assert_cmpint (first_turned, >=, 1);
  g_assert_cmpint (last_turned, <, n_pages - 1);
  {
    g_autoptr(PopplerPage) after = poppler_document_get_page (pdf, last_turned + 1);
    g_autofree char *text = poppler_page_get_text (after);
    g_autofree char *flat = strip_space (text);

    g_assert_nonnull (strstr (flat, "以上经费列入年度预算"));
  }
}

/* A body table crossing a page break repeats its header row. */
static void
test_table_break (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(PopplerDocument) pdf = NULL;
  int pages_with_header = 0;

  gw_document_set_meta (doc, GW_META_TITLE, "表格测试");
  g_ptr_array_add (rows, g_strsplit ("序号|指标名称|分值", "|", -1));
  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *row = g_strdup_printf ("%d|社工站服务台账和档案管理规范，记录完整可查，按季度归档|%d", i, i % 10);
      g_ptr_array_add (rows, g_strsplit (row, "|", -1));
    }
  gw_document_append_block (doc, gw_block_new_table (rows));
  pdf = render (doc, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *flat = strip_space (text);
      if (strstr (flat, "序号") && strstr (flat, "指标名称") && strstr (flat, "分值"))
        pages_with_header++;
    }
  g_assert_cmpint (pages_with_header, ==, poppler_document_get_n_pages (pdf));
}


/* The evaluation form: the indicator table runs over pages with its header
 * row repeated, totals, grade and decision, page numbers as for opinions. */
static void
test_evaluation (void)
{
  g_autoptr(GwDocument) doc = open_fixture ("evaluation.gwdoc");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  GwEvaluation *ev = gw_document_get_evaluation (doc);
  int n, table_pages = 0;

  g_assert_nonnull (ev);
  pdf = render (doc, NULL);
  n = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n, >=, 2);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *flat = strip_space (text);
      g_autofree char *num = g_strdup_printf ("—%d—", i + 1);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 595.28, 1);
      g_assert_nonnull (strstr (flat, num));
      /* a page with indicator rows starts them with the header row */
      if (strstr (flat, "A1") || strstr (flat, "B2") || strstr (flat, "C2") || strstr (flat, "E1"))
        {
          table_pages++;
          g_assert_nonnull (strstr (flat, "评估指标"));
          g_assert_nonnull (strstr (flat, "自评"));
        }
      g_string_append (all, flat);
    }
  g_assert_cmpint (table_pages, >=, 2);
  g_assert_nonnull (strstr (all->str, "神木市益民社会工作服务中心"));
  g_assert_nonnull (strstr (all->str, "评估等次：良好"));
  g_assert_nonnull (strstr (all->str, "续签下一年度合同"));
  g_assert_nonnull (strstr (all->str, "民政局审核意见"));
  {
    /* with a '.' whatever the locale */
    g_autofree char *score = gw_number_format (gw_evaluation_compute_total (ev), 1);
    g_autofree char *total = g_strdup_printf ("评估总分：%s分", score);
    g_assert_nonnull (strstr (all->str, total));
  }
}

/* The opinion a form is evaluated under is printed in its header, as the
 * .docx and the .gwdoc keep it; a form without one has no such row. */
static void
test_evaluation_opinion (void)
{
  g_autoptr(GwDocument) doc = open_fixture ("evaluation.gwdoc");
  GwEvaluation *ev = gw_document_get_evaluation (doc);

  for (int with = 0; with < 2; with++)
    {
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *text = NULL, *flat = NULL;

      gw_evaluation_set_field (ev, GW_EVAL_OPINION, with ? "神政办发〔2023〕12号" : "");
      pdf = render (doc, NULL);
      page = poppler_document_get_page (pdf, 0);
      text = poppler_page_get_text (page);
      flat = strip_space (text);
      g_assert_true ((strstr (flat, "依据的实施意见") != NULL) == with);
      g_assert_true ((strstr (flat, "神政办发〔2023〕12号") != NULL) == with);
    }
}

/* A ticked veto item: a drawn tick in its box, the lowest grade. */
static void
test_evaluation_veto (void)
{
  g_autoptr(GwDocument) doc = open_fixture ("evaluation.gwdoc");
  GwEvaluation *ev = gw_document_get_evaluation (doc);
  GListModel *vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
  g_autoptr(GwVetoItem) first = g_list_model_get_item (vetoes, 0);
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(PopplerDocument) pdf = render (doc, &before);
  g_autoptr(PopplerDocument) pdf2 = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  gw_veto_item_set_ticked (first, TRUE);
  pdf2 = render (doc, &after);
  g_assert_false (g_bytes_equal (before, after));
  for (int i = 0; i < poppler_document_get_n_pages (pdf2); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf2, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *flat = strip_space (text);
      g_string_append (all, flat);
    }
  g_assert_nonnull (strstr (all->str, "（一票否决）"));
  g_assert_nonnull (strstr (all->str, gw_evaluation_compute_grade (ev)));
}


/* §7.3.5.5: whatever the length of the body, the signature and date never
 * stand alone on a page: some text comes with them. */
static void
test_signature_not_alone (void)
{
  for (int sealed = 0; sealed <= 1; sealed++)
    for (int n = 16; n <= 22; n++)
      {
        g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
        g_autoptr(PopplerDocument) pdf = NULL;
        g_autoptr(PopplerPage) page = NULL;
        g_autoptr(GPtrArray) lines = NULL;
        int sig_page = -1;
        guint others = 0;
        Line *sig;

        gw_document_set_meta (doc, GW_META_TITLE, "测试");
        gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局");
        gw_document_set_meta (doc, GW_META_DATE, "2024年5月8日");
        gw_document_set_sealed (doc, sealed);
        for (int i = 0; i < n; i++)   /* one grid line each */
          gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
                                                       "社会工作服务站建设和管理服务的实施意见社会工作服务站建"));
        pdf = render (doc, NULL);
        sig = find_line (pdf, "临川市民政局", &sig_page);
        g_assert_nonnull (sig);
        line_free (sig);
        page = poppler_document_get_page (pdf, sig_page);
        lines = page_lines (page);
        for (guint k = 0; k < lines->len; k++)
          {
            const char *t = ((Line *) g_ptr_array_index (lines, k))->text->str;
            if (g_strcmp0 (t, "临川市民政局") != 0 && g_strcmp0 (t, "2024年5月8日") != 0 &&
                !is_page_number (t))
              others++;
          }
        if (others == 0)
          g_error ("%s, %d paragraphs: the signature stands alone on page %d",
                   sealed ? "sealed" : "unsealed", n, sig_page + 1);
      }
}


/* Content that ends on a full even page: a blank page, then the 版记 on
 * the next even page; neither carries a page number. */
static void
test_colophon_after_blank (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) blank = NULL;
  g_autoptr(PopplerPage) last = NULL;
  g_autofree char *blank_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *flat = NULL;

  gw_document_set_meta (doc, GW_META_COPY_TO, "市委办公室，市政府办公室。");
  gw_document_set_meta (doc, GW_META_PRINTING_ORGAN, "临川市民政局办公室");
  gw_document_set_meta (doc, GW_META_PRINTING_DATE, "2024年5月9日");
  for (int i = 0; i < 22 + 21; i++)   /* page 1 full, page 2 one line short */
    gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
                                                 "社会工作服务站建设和管理服务的实施意见社会工作服务"));
  pdf = render (doc, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 4);
  blank = poppler_document_get_page (pdf, 2);
  blank_text = poppler_page_get_text (blank);
  g_assert_cmpstr (g_strstrip (blank_text), ==, "");
  last = poppler_document_get_page (pdf, 3);
  last_text = poppler_page_get_text (last);
  flat = strip_space (last_text);
  g_assert_nonnull (strstr (flat, "抄送：市委办公室，市政府办公室。"));
  g_assert_nonnull (strstr (flat, "2024年5月9日印发"));
  g_assert_null (strstr (flat, "—4—"));
}

/* 上行文: the number 居左空一字 and 签发人 居右空一字 on one line. */
static void
test_signatory (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const double ch = 156 * MM / 28;
  double left = -1, right = -1, base_l = 0, base_r = 0;

  gw_document_set_meta (doc, GW_META_SIGNATORY, "张明");
  pdf = render (doc, NULL);
  page = poppler_document_get_page (pdf, 0);
  lines = page_lines (page);
  /* 签发人's name is in 楷体, whose box differs: the line may come in parts */
  for (guint k = 0; k < lines->len; k++)
    {
      Line *l = g_ptr_array_index (lines, k);
      if (g_str_has_prefix (l->text->str, "临民发〔2024〕7号"))
        left = l->left, base_l = l->bottom;
      if (g_str_has_suffix (l->text->str, "张明"))
        right = l->right, base_r = l->bottom;
    }
  g_assert_cmpfloat_with_epsilon (left, TA_LEFT + ch, 2);
  g_assert_cmpfloat_with_epsilon (right, TA_RIGHT - ch, 2);
  g_assert_cmpfloat_with_epsilon (base_l, base_r, 6);
}

/* 附件说明: later items aligned under the first number. */
static void
test_attachment_list (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  const double ch = 156 * MM / 28;
  Line *first = find_line (pdf, "附件：1．社工站（室）建设标准", NULL);
  Line *second = find_line (pdf, "2．社工站运营服务项目年度评估表", NULL);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpfloat_with_epsilon (first->left, TA_LEFT + 2 * ch, 2);
  g_assert_cmpfloat_with_epsilon (second->left, TA_LEFT + 5 * ch, 2);
  g_assert_cmpfloat_with_epsilon (second->bottom - first->bottom, 29.6, 1);
  line_free (first);
  line_free (second);
}


static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gw_renderer_render_pdf_finish (GW_RENDERER (source), result, &error);
  g_assert_no_error (error);
}

/* The window's paths: rendering off the main thread (on a snapshot of the
 * document) gives the same bytes; printing draws pages from a pagination. */
static void
test_async_and_print (void)
{
  g_autoptr(GwDocument) doc = open_fixture ("opinion.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sync = gw_renderer_render_pdf (renderer, doc, &error);
  g_autoptr(GBytes) async = NULL;
  g_autoptr(GwPagination) pages = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  cairo_surface_t *s;
  cairo_t *cr;
  gboolean inked = FALSE;

  g_assert_no_error (error);
  gw_renderer_render_pdf_async (renderer, doc, NULL, on_rendered, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_bytes_equal (sync, async));

  pages = gw_renderer_paginate (renderer, doc, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (sync, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gw_pagination_get_n_pages (pages), ==, poppler_document_get_n_pages (pdf));
  s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gw_pagination_draw_page (pages, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  /* the red organ mark is on the page at 72 mm */
  for (int x = 0; x < 596 && !inked; x++)
    inked = is_red (pixel (s, x, (int) (72 * MM + 20)));
  g_assert_true (inked);
  cairo_surface_destroy (s);
}


/* Punctuation at every column: no line may start with a closing mark or
 * end with an opening one (GB/T 15834 line-edge rules). */
static void
test_line_edges (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(PopplerDocument) pdf = NULL;
  guint checked = 0;

  for (int k = 0; k < 30; k++)
    {
      g_autoptr(GString) t = g_string_new (NULL);
      for (int i = 0; i < k; i++)
        g_string_append (t, "社");
      for (int r = 0; r < 3; r++)
        g_string_append (t, "“五社联动”、（街道）《办法》〔2023〕12号：是？否！……——完。");
      gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, t->str));
    }
  pdf = render (doc, NULL);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autoptr(GPtrArray) lines = page_lines (page);
      for (guint k = 0; k < lines->len; k++)
        {
          Line *l = g_ptr_array_index (lines, k);
          gunichar first = g_utf8_get_char (l->text->str);
          gunichar last = g_utf8_get_char (g_utf8_prev_char (l->text->str + l->text->len));

          if (is_page_number (l->text->str))
            continue;
          if (g_utf8_strchr ("，。、；：？！）》”」』〕…", -1, first))
            g_error ("page %d: line “%s” starts with a closing mark", i + 1, l->text->str);
          if (g_utf8_strchr ("（《“「『〔", -1, last))
            g_error ("page %d: line “%s” ends with an opening mark", i + 1, l->text->str);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 100);
}


/* Fonts are configurable per role; Fandol's Bold files (which declare
 * weight 400) are never taken for the regular face. */
static void
test_set_font (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRenderer) r = gw_renderer_new (&error);
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_cmpstr (gw_renderer_get_font (r, GW_FONT_ROLE_HEITI), ==, "Noto Sans CJK SC");
  gw_renderer_set_font (r, GW_FONT_ROLE_HEITI, "FandolHei");
  g_assert_cmpstr (gw_renderer_get_font (r, GW_FONT_ROLE_HEITI), ==, "FandolHei");
  bytes = gw_renderer_render_pdf (r, doc, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (pdf_contains (data, len, "FandolHei-Regular"));
  g_assert_false (pdf_contains (data, len, "FandolHei-Bold"));
  g_assert_false (pdf_contains (data, len, "NotoSansCJK"));
  gw_renderer_set_font (r, GW_FONT_ROLE_HEITI, NULL);
  g_assert_cmpstr (gw_renderer_get_font (r, GW_FONT_ROLE_HEITI), ==, "Noto Sans CJK SC");
}


/* 份号, 密级 and 紧急程度 stack flush left on lines 1–3, 密级 and 紧急程度
 * in 黑体; the organ mark stays at 72 mm below them. */
static void
test_corner_marks (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  GList *attrs;
  Line *copy, *secret, *urgent;
  glong secret_at;
  gboolean hei = FALSE;

  gw_document_set_meta (doc, GW_META_COPY_NUMBER, "000123");
  gw_document_set_meta (doc, GW_META_CLASSIFICATION, "秘密★1年");
  gw_document_set_meta (doc, GW_META_URGENCY, "特急");
  pdf = render (doc, NULL);
  copy = find_line (pdf, "000123", NULL);
  secret = find_line (pdf, "秘密★1年", NULL);
  urgent = find_line (pdf, "特急", NULL);
  g_assert_nonnull (copy);
  g_assert_nonnull (secret);
  g_assert_nonnull (urgent);
  g_assert_cmpfloat (copy->left, <=, TA_LEFT + 1);
  g_assert_cmpfloat (secret->left, <=, TA_LEFT + 1);
  g_assert_cmpfloat (urgent->left, <=, TA_LEFT + 1);
  g_assert_cmpfloat (copy->bottom, <, secret->bottom);
  g_assert_cmpfloat (secret->bottom, <, urgent->bottom);
  g_assert_cmpfloat (urgent->bottom, <, 72 * MM);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  secret_at = g_utf8_pointer_to_offset (text, strstr (text, "秘密"));
  attrs = poppler_page_get_text_attributes (page);
  for (GList *l = attrs; l; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      if (a->start_index <= secret_at && secret_at <= a->end_index)
        hei = strstr (a->font_name, "Sans") != NULL;
    }
  poppler_page_free_text_attributes (attrs);
  g_assert_true (hei);
  line_free (copy);
  line_free (secret);
  line_free (urgent);
}

/* How many embedded fonts' names contain @family. */
static guint
count_fonts (PopplerDocument *pdf,
             const char      *family)
{
  g_autoptr(PopplerFontInfo) info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  guint n = 0;

  while (poppler_font_info_scan (info, 50, &iter))
    {
      do
        n += strstr (poppler_fonts_iter_get_name (iter), family) != NULL;
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  return n;
}

static char *
all_text (PopplerDocument *pdf)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (s, text);
    }
  return g_string_free (s, FALSE);
}

/* Batch export cuts the fonts to the batch's characters: the pages read
 * the same; every font is embedded once (so nothing the layout writes
 * itself fell outside the batch, see _gw_layout_fixed_text); and a GB 2312
 * level-2 character, which the per-process copies keep in a font of its
 * own, comes from the one batch copy. */
static void
test_batch_fonts (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(GwDocument) eval = open_fixture ("evaluation.gwdoc");
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRenderer) batch = gw_renderer_new (&error);
  GwDocument *docs[] = { doc, eval };

  g_assert_no_error (error);
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "村口亍立，丌字少见。"));
  /* as gongwen --export-pdf does: the text of the files as they are */
  {
    g_autofree char *text = gw_document_to_plain_text (doc);
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render", "evaluation.gwdoc", NULL);
    g_autofree char *xml = NULL;

    gw_renderer_add_batch_text (batch, text, -1);
    g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
    gw_renderer_add_batch_text (batch, xml, -1);
  }
  g_assert_true (gw_renderer_prepare_batch (batch, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(PopplerDocument) plain = render (docs[i], NULL);
      g_autoptr(GBytes) bytes = gw_renderer_render_pdf (batch, docs[i], &error);
      g_autoptr(PopplerDocument) cut = NULL;
      g_autofree char *text_plain = all_text (plain);
      g_autofree char *text_cut = NULL;
      const char *families[] = { "FandolFang", "NotoSansCJK", "NotoSerifCJKsc-Bold", "Kai" };

      g_assert_no_error (error);
      cut = poppler_document_new_from_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      text_cut = all_text (cut);
      g_assert_cmpstr (text_cut, ==, text_plain);
      g_assert_cmpint (poppler_document_get_n_pages (cut), ==, poppler_document_get_n_pages (plain));
      for (guint f = 0; f < G_N_ELEMENTS (families); f++)
        {
          g_test_message ("%s: %u font(s) %s, %u with batch fonts", i ? "evaluation" : "opinion",
                          count_fonts (plain, families[f]), families[f], count_fonts (cut, families[f]));
          g_assert_cmpuint (count_fonts (cut, families[f]), <=, 1);
        }
    }
  /* the rare characters need a second body font without the batch copy */
  {
    g_autoptr(PopplerDocument) plain = render (doc, NULL);

    g_assert_cmpuint (count_fonts (plain, "FandolFang"), >=, 2);
  }
}

/* The line on page @page_index whose text is @text, or NULL. */
static Line *
find_line_on (PopplerDocument *pdf,
              int              page_index,
              const char      *text)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, page_index);
  g_autoptr(GPtrArray) lines = page_lines (page);

  for (guint k = 0; k < lines->len; k++)
    {
      Line *l = g_ptr_array_index (lines, k);
      if (g_strcmp0 (l->text->str, text) == 0)
        {
          Line *copy = g_new0 (Line, 1);
          *copy = *l;
          copy->text = g_string_new (l->text->str);
          return copy;
        }
    }
  return NULL;
}

/* The box of the first occurrence of @text on @page, spaces ignored (the
 * middle name of a joint mark shares its line with "文件"), or NULL. */
static Line *
find_text (PopplerPage *page,
           const char  *text)
{
  g_autofree char *all = poppler_page_get_text (page);
  g_autofree gunichar *want = g_utf8_to_ucs4_fast (text, -1, NULL);
  glong n_want = g_utf8_strlen (text, -1);
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
  PopplerRectangle *rects = NULL;
  guint n = 0, i = 0;
  Line *found = NULL;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (const char *p = all; *p && i < n; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n' || c == ' ' || c == 0x3000)
        continue;
      g_array_append_val (chars, c);
      g_array_append_val (boxes, rects[i]);
    }
  g_free (rects);
  for (guint k = 0; k + n_want <= chars->len && found == NULL; k++)
    {
      glong j = 0;

      while (j < n_want && g_array_index (chars, gunichar, k + j) == want[j])
        j++;
      if (j < n_want)
        continue;
      found = g_new0 (Line, 1);
      found->text = g_string_new (text);
      found->left = found->top = G_MAXDOUBLE;
      found->right = found->bottom = -G_MAXDOUBLE;
      for (j = 0; j < n_want; j++)
        {
          PopplerRectangle *r = &g_array_index (boxes, PopplerRectangle, k + j);
          found->left = MIN (found->left, r->x1);
          found->right = MAX (found->right, r->x2);
          found->top = MIN (found->top, r->y1);
          found->bottom = MAX (found->bottom, r->y2);
        }
    }
  return found;
}

/* Whether the raster @s has a red pixel inside @l's box (pt). */
static gboolean
red_inside (cairo_surface_t *s,
            Line            *l)
{
  for (int y = (int) (l->top * 2); y < (int) (l->bottom * 2); y++)
    for (int x = (int) (l->left * 2); x < (int) (l->right * 2); x++)
      if (is_red (pixel (s, x, y)))
        return TRUE;
  return FALSE;
}

/* 联合行文 (§7.2.4): the names stacked in order, spread to one width, with
 * "文件" to their right vertically centred on the stack; the block centred,
 * its top at 72 mm, red; the number two lines below the block and the red
 * line 4 mm below the number. */
static void
test_joint_mark (void)
{
  g_autoptr(GwDocument) doc = full_document (FALSE);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GArray) rules = NULL;
  const char *names[] = { "临川市民政局", "临川市财政局", "临川市人力资源和社会保障局" };
  Line *name[3], *word, *number;
  cairo_surface_t *s;
  int top = -1;
  double stack_mid;

  gw_document_set_meta (doc, GW_META_ORGAN_MARK,
                        "临川市民政局\n临川市财政局\n临川市人力资源和社会保障局\n文件");
  pdf = render (doc, NULL);
  page = poppler_document_get_page (pdf, 0);
  s = rasterize (page);
  for (guint i = 0; i < 3; i++)
    {
      name[i] = find_text (page, names[i]);
      g_assert_nonnull (name[i]);
      g_assert_true (red_inside (s, name[i]));
    }
  word = find_text (page, "文件");
  number = find_line_on (pdf, 0, "临民发〔2024〕7号");
  g_assert_nonnull (word);
  g_assert_nonnull (number);
  g_assert_true (red_inside (s, word));

  /* lead organ first, evenly stacked */
  g_assert_cmpfloat (name[0]->bottom, <, name[1]->bottom);
  g_assert_cmpfloat (name[1]->bottom, <, name[2]->bottom);
  g_assert_cmpfloat_with_epsilon (name[1]->bottom - name[0]->bottom,
                                  name[2]->bottom - name[1]->bottom, 0.5);
  g_assert_cmpfloat (name[1]->top, >=, name[0]->bottom - 15);
  /* one width: the short names are spread to the long one's */
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpfloat_with_epsilon (name[i]->left, name[0]->left, 1);
      g_assert_cmpfloat_with_epsilon (name[i]->right, name[0]->right, 1);
    }
  /* "文件" right of the names, centred on the stack */
  g_assert_cmpfloat (word->left, >, name[0]->right + 5);
  stack_mid = (name[0]->top + name[2]->bottom) / 2;
  g_assert_cmpfloat_with_epsilon ((word->top + word->bottom) / 2, stack_mid, 2);
  /* the block centred and inside the type area */
  g_assert_cmpfloat_with_epsilon ((name[0]->left + word->right) / 2, (28 + 78) * MM, 2);
  g_assert_cmpfloat (name[0]->left, >=, TA_LEFT - 1);
  g_assert_cmpfloat (word->right, <=, TA_RIGHT + 1);

  /* top edge at 72 mm, as for one organ */
  for (int y = 0; y < 1684 && top < 0; y++)
    for (int x = 0; x < 1191; x++)
      if (is_red (pixel (s, x, y)))
        {
          top = y;
          break;
        }
  g_assert_cmpfloat_with_epsilon (top / 2.0, 72 * MM + 2, 1 * MM + 2);

  /* the number two empty lines (of ~29.6 pt) below the block's bottom, the
   * red line 4 mm below the number, below everything red above it */
  /* (font boxes: the name's reaches 12 pt below its em box) */
  g_assert_cmpfloat (number->top, >, name[2]->bottom + 1.5 * 29.6);
  g_assert_cmpfloat (number->top, <, name[2]->bottom + 4 * 30);
  g_assert_cmpfloat_with_epsilon ((number->left + number->right) / 2, (28 + 78) * MM, 2);
  rules = long_runs (s, is_red, 156 * MM - 2);
  g_assert_cmpuint (rules->len, >, 0);
  g_assert_cmpfloat_with_epsilon (g_array_index (rules, double, 0), number->bottom + 4 * MM, 4);
  cairo_surface_destroy (s);
  for (guint i = 0; i < 3; i++)
    line_free (name[i]);
  line_free (word);
  line_free (number);
}

/* 联合行文 signatures (§7.3.5.1/2). Sealed: two a row, the rows a seal
 * apart, the last name over the date (右空四字), the columns further apart
 * than a 42 mm seal. Unsealed: stacked, lead organ first, 右空二字. */
static void
test_joint_signature (void)
{
  const double ch = 156 * MM / 28;
  const char *names[] = { "临川市民政局", "临川市财政局", "临川市卫生健康委员会" };

  for (int sealed = 0; sealed <= 1; sealed++)
    {
      g_autoptr(GwDocument) doc = full_document (sealed);
      g_autoptr(PopplerDocument) pdf = NULL;
      Line *name[3], *date;
      int page = -1;

      gw_document_set_meta (doc, GW_META_ORGAN_MARK, "临川市民政局\n临川市财政局\n临川市卫生健康委员会\n文件");
      gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局\n临川市财政局\n临川市卫生健康委员会");
      pdf = render (doc, NULL);
      date = find_line (pdf, "2024年5月8日", &page);
      g_assert_nonnull (date);
      g_assert_cmpint (page, >, 0);
      for (guint i = 0; i < 3; i++)
        {
          name[i] = find_line_on (pdf, page, names[i]);
          g_assert_nonnull (name[i]);
          g_assert_cmpfloat (name[i]->left, >=, TA_LEFT - 1);
          g_assert_cmpfloat (name[i]->right, <=, TA_RIGHT + 1);
        }
      if (sealed)
        {
          double c0 = (name[0]->left + name[0]->right) / 2;
          double c1 = (name[1]->left + name[1]->right) / 2;
          double c2 = (name[2]->left + name[2]->right) / 2;
          double cd = (date->left + date->right) / 2;

          g_assert_cmpfloat_with_epsilon (date->right, TA_RIGHT - 4 * ch, 3);
          /* row 1: lead organ left, second right; row 2: the last over the date */
          g_assert_cmpfloat_with_epsilon (name[0]->bottom, name[1]->bottom, 1);
          g_assert_cmpfloat (c1 - c0, >, 42 * MM + 2);
          g_assert_cmpfloat_with_epsilon (c1, cd, 3);
          g_assert_cmpfloat_with_epsilon (c2, cd, 3);
          g_assert_cmpfloat (name[2]->bottom - name[1]->bottom, >, 42 * MM + 2);
          g_assert_cmpfloat_with_epsilon (date->bottom - name[2]->bottom, 29.6, 1);
        }
      else
        {
          for (guint i = 1; i < 3; i++)
            {
              g_assert_cmpfloat_with_epsilon (name[i]->bottom - name[i - 1]->bottom, 29.6, 1);
              g_assert_cmpfloat_with_epsilon (name[i]->right, name[0]->right, 1);
            }
          g_assert_cmpfloat_with_epsilon (name[0]->right, TA_RIGHT - 2 * ch, 3);
          g_assert_cmpfloat_with_epsilon (date->bottom - name[2]->bottom, 29.6, 1);
          g_assert_cmpfloat (date->right, <=, TA_RIGHT - 2 * ch + 3);
        }
      for (guint i = 0; i < 3; i++)
        line_free (name[i]);
      line_free (date);
    }
}

/* §7.3.5.5 for joint signatures too: the seals' rows never stand alone. */
static void
test_joint_signature_not_alone (void)
{
  for (int sealed = 0; sealed <= 1; sealed++)
    for (int n = 8; n <= 22; n++)
      {
        g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
        g_autoptr(PopplerDocument) pdf = NULL;
        g_autoptr(PopplerPage) page = NULL;
        g_autoptr(GPtrArray) lines = NULL;
        int date_page = -1;
        guint others = 0;
        Line *date;

        gw_document_set_meta (doc, GW_META_TITLE, "测试");
        gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局\n临川市财政局\n临川市卫生健康委员会");
        gw_document_set_meta (doc, GW_META_DATE, "2024年5月8日");
        gw_document_set_sealed (doc, sealed);
        for (int i = 0; i < n; i++)
          gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
                                                       "社会工作服务站建设和管理服务的实施意见社会工作服务站建"));
        pdf = render (doc, NULL);
        date = find_line (pdf, "2024年5月8日", &date_page);
        g_assert_nonnull (date);
        line_free (date);
        page = poppler_document_get_page (pdf, date_page);
        lines = page_lines (page);
        for (guint k = 0; k < lines->len; k++)
          {
            Line *l = g_ptr_array_index (lines, k);
            const char *t = l->text->str;

            if (is_page_number (t))
              continue;
            g_assert_cmpfloat (l->bottom, <=, TA_BOTTOM + 2);
            if (!g_str_has_prefix (t, "临川市") && g_strcmp0 (t, "2024年5月8日") != 0 &&
                !is_page_number (t))
              others++;
          }
        if (others == 0)
          g_error ("%s, %d paragraphs: the joint signature stands alone on page %d",
                   sealed ? "sealed" : "unsealed", n, date_page + 1);
      }
}

/* Titles break where their meaning units meet (§7.3.1: 回行时要做到词意
 * 完整), in lines of nearly equal length, and an author's own line break
 * is kept. Each case: the title, then its lines as the PDF must show them. */
static void
test_title_breaks (void)
{
  static const char *const cases[][4] = {
    { "关于做好2024年度社工站运营服务项目评估工作的通知",
      "关于做好2024年度社工站", "运营服务项目评估工作的通知", NULL },
    { "神木市人民政府办公室关于印发神木市社工站（室）建设和管理服务实施意见的通知",
      "神木市人民政府办公室关于印发神木市", "社工站（室）建设和管理服务实施意见的通知", NULL },
    { "临川市民政局关于加快推进乡镇（街道）社会工作服务站建设的实施意见",
      "临川市民政局关于加快推进乡镇（街道）", "社会工作服务站建设的实施意见", NULL },
    { "临川市民政局 临川市财政局\n关于加快推进乡镇（街道）社会工作服务站建设的实施意见",
      "临川市民政局临川市财政局", "关于加快推进乡镇（街道）", "社会工作服务站建设的实施意见" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      guint first = 0;

      gw_document_set_meta (doc, GW_META_TITLE, cases[c][0]);
      gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "现将有关事项通知如下。"));
      pdf = render (doc, NULL);
      page = poppler_document_get_page (pdf, 0);
      lines = page_lines (page);
      for (guint k = 1; k < 4 && cases[c][k]; k++)
        {
          g_autofree char *got = NULL;

          g_assert_cmpuint (first + k - 1, <, lines->len);
          got = strip_space (((Line *) g_ptr_array_index (lines, first + k - 1))->text->str);
          g_assert_cmpstr (got, ==, cases[c][k]);
        }
    }
}

/* ---- 信函 (letter format, GB/T 9704 §10.1) ------------------------------- */

typedef struct {
  double top, bottom;   /* rows, pt */
  double left, right;   /* of the longest run, pt */
} Band;

/* Red, or the pink a thin red rule anti-aliases to. */
static gboolean
is_reddish (guint32 p)
{
  int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;

  return r > 180 && r - g > 50 && r - b > 50;
}

/* Bands of consecutive rows holding a red run at least @min_len pt long. */
static GArray *
red_bands (cairo_surface_t *s,
           double           min_len)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));
  Band *cur = NULL;

  for (int y = 0; y < 1684; y++)
    {
      int run = 0, best = 0, best_end = 0;

      for (int x = 0; x < 1191; x++)
        {
          run = is_reddish (pixel (s, x, y)) ? run + 1 : 0;
          if (run > best)
            {
              best = run;
              best_end = x;
            }
        }
      if (best < min_len * 2)
        {
          cur = NULL;
          continue;
        }
      if (cur == NULL)
        {
          Band b = { y / 2.0, (y + 1) / 2.0, (best_end - best + 1) / 2.0, (best_end + 1) / 2.0 };
          g_array_append_val (bands, b);
          cur = &g_array_index (bands, Band, bands->len - 1);
        }
      else
        cur->bottom = (y + 1) / 2.0;
    }
  return bands;
}

static GwDocument *
letter_document (void)
{
  GwDocument *doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);

  gw_document_set_format (doc, GW_DOCUMENT_FORMAT_LETTER);
  gw_document_set_meta (doc, GW_META_COPY_NUMBER, "000123");
  gw_document_set_meta (doc, GW_META_ORGAN_MARK, "临川市民政局");
  gw_document_set_meta (doc, GW_META_DOC_NUMBER, "临民函〔2024〕5号");
  gw_document_set_meta (doc, GW_META_TITLE, "临川市民政局关于商请核定社工站运营经费的函");
  gw_document_set_meta (doc, GW_META_RECIPIENTS, "市财政局：");
  gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局");
  gw_document_set_meta (doc, GW_META_DATE, "2024年3月5日");
  gw_document_set_meta (doc, GW_META_COPY_TO, "市人民政府办公室");
  /* a letter's 版记 has no 印发 line (§10.1): these must not show */
  gw_document_set_meta (doc, GW_META_PRINTING_ORGAN, "临川市民政局办公室");
  gw_document_set_meta (doc, GW_META_PRINTING_DATE, "2024年3月5日");
  for (int i = 0; i < 12; i++)
    gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
      "为推进全市镇（街道）社工站建设，我局拟于2024年在全市12个镇（街道）开展社工站运营服务项目，"
      "经测算，每个社工站年度运营经费约为30万元。"));
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "当否，请予函复。"));
  return doc;
}

static Line *
line_with (GPtrArray  *lines,
           const char *text)
{
  for (guint k = 0; k < lines->len; k++)
    {
      Line *l = g_ptr_array_index (lines, k);
      g_autofree char *flat = strip_space (l->text->str);

      if (g_str_has_prefix (flat, text))
        return l;
    }
  return NULL;
}

/* Page 1: the organ's name red, centred, its top 30 mm from the paper's;
 * 4 mm below it a red double line, thick over thin, and 20 mm above the
 * paper's bottom another, thin over thick, both 170 mm long and centred;
 * 份号 flush left and the number flush right 7/8 of a 3号 character under
 * the first line; the title two lines lower; no page number on page 1 but
 * on page 2; a 版记 of 抄送 alone, without 印发 line or rules. */
static void
test_letter (void)
{
  g_autoptr(GwDocument) doc = letter_document ();
  g_autoptr(PopplerDocument) pdf = render (doc, NULL);
  int n = poppler_document_get_n_pages (pdf);
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
  cairo_surface_t *s = rasterize (page);
  g_autoptr(GPtrArray) lines = page_lines (page);
  g_autoptr(GArray) bands = red_bands (s, 150 * MM);
  int top = -1, minx = 9999, maxx = -1;
  Band *b;
  Line *number, *copy_number, *title;

  g_assert_cmpint (n, >=, 2);

  /* the organ's name: red, centred on the page, top edge at 30 mm */
  for (int y = 0; y < 1684 && top < 0; y++)
    for (int x = 0; x < 1191; x++)
      if (is_red (pixel (s, x, y)))
        {
          top = y;
          break;
        }
  g_assert_cmpint (top, >=, 0);
  g_assert_cmpfloat_with_epsilon (top / 2.0, 30 * MM + 2, 1 * MM + 2);
  for (int y = top; y < top + 60; y++)
    for (int x = 0; x < 1191; x++)
      if (is_red (pixel (s, x, y)))
        {
          minx = MIN (minx, x);
          maxx = MAX (maxx, x);
        }
  g_assert_cmpfloat_with_epsilon ((minx + maxx) / 4.0, 105 * MM, 3);
  g_assert_cmpfloat ((maxx - minx) / 2.0, >, 60 * MM);   /* the name, not a stray mark */
  /* no "文件" after it */
  {
    g_autofree char *text = poppler_page_get_text (page);
    g_assert_null (strstr (text, "文件"));
    g_assert_nonnull (strstr (text, "临川市民政局"));
  }

  /* two double lines: four red rules, 170 mm long and centred */
  g_assert_cmpuint (bands->len, ==, 4);
  for (guint i = 0; i < bands->len; i++)
    {
      b = &g_array_index (bands, Band, i);
      g_test_message ("red rule %u: y %.1f-%.1f pt, x %.1f-%.1f pt", i, b->top, b->bottom,
                      b->left, b->right);
      g_assert_cmpfloat_with_epsilon (b->right - b->left, 170 * MM, 2);
      g_assert_cmpfloat_with_epsilon (b->left, 20 * MM, 2);
    }
  /* upper pair right under the name (em box 42 pt), thick over thin */
  b = &g_array_index (bands, Band, 0);
  g_assert_cmpfloat_with_epsilon (b->top, 30 * MM + 42 + 4 * MM, 1.5);
  g_assert_cmpfloat (b->bottom - b->top, >, g_array_index (bands, Band, 1).bottom -
                                            g_array_index (bands, Band, 1).top);
  g_assert_cmpfloat (g_array_index (bands, Band, 1).top - b->bottom, <, 3);
  /* lower pair 20 mm above the paper's bottom, thin over thick */
  b = &g_array_index (bands, Band, 3);
  g_assert_cmpfloat_with_epsilon (b->bottom, 277 * MM, 1.5);
  g_assert_cmpfloat (b->bottom - b->top, >, g_array_index (bands, Band, 2).bottom -
                                            g_array_index (bands, Band, 2).top);
  g_assert_cmpfloat (b->top - g_array_index (bands, Band, 2).bottom, <, 3);

  /* 份号 flush left, number flush right, on one line 14 pt under the pair */
  b = &g_array_index (bands, Band, 1);
  number = line_with (lines, "临民函〔2024〕5号");
  copy_number = line_with (lines, "000123");
  g_assert_nonnull (number);
  g_assert_nonnull (copy_number);
  g_assert_cmpfloat_with_epsilon (number->right, TA_RIGHT, 2);
  g_assert_cmpfloat_with_epsilon (copy_number->left, TA_LEFT, 2);
  g_assert_cmpfloat_with_epsilon (number->bottom, copy_number->bottom, 1);
  g_assert_cmpfloat_with_epsilon (number->bottom - 16, b->bottom + 16 * 7 / 8.0, 3);
  /* the title (22 pt) at least two lines under the number */
  title = line_with (lines, "临川市民政局关于");
  g_assert_nonnull (title);
  g_assert_cmpfloat (title->top - number->bottom, >=, 2 * 28.0);
  g_assert_cmpfloat (title->top - number->bottom, <=, 3 * 30.0);
  cairo_surface_destroy (s);

  /* no page number on page 1; page 2 on: "— N —" as usual; no red on them */
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) pg = poppler_document_get_page (pdf, i);
      g_autoptr(GPtrArray) pl = page_lines (pg);
      g_autofree char *text = poppler_page_get_text (pg);
      Line *num = NULL;

      for (guint k = 0; k < pl->len; k++)
        if (is_page_number (((Line *) g_ptr_array_index (pl, k))->text->str))
          num = g_ptr_array_index (pl, k);
      g_assert_null (strstr (text, "印发"));
      if (i == 0)
        {
          g_assert_null (num);
          continue;
        }
      {
        g_autofree char *want = g_strdup_printf ("—%d—", i + 1);
        cairo_surface_t *ps = rasterize (pg);
        g_autoptr(GArray) red = red_bands (ps, 20);

        g_assert_nonnull (num);
        g_assert_cmpstr (num->text->str, ==, want);
        g_assert_cmpfloat_with_epsilon ((num->top + num->bottom) / 2, 269 * MM, 2 * MM);
        g_assert_cmpuint (red->len, ==, 0);
        cairo_surface_destroy (ps);
      }
    }

  /* the 版记: 抄送 at the foot of the last page's type area, no rules */
  {
    g_autoptr(PopplerPage) last = poppler_document_get_page (pdf, n - 1);
    g_autoptr(GPtrArray) ll = page_lines (last);
    cairo_surface_t *ls = rasterize (last);
    g_autoptr(GArray) dark = long_runs (ls, is_dark, 100 * MM);
    Line *copy_to = line_with (ll, "抄送：市人民政府办公室。");

    g_assert_nonnull (copy_to);
    g_assert_cmpfloat_with_epsilon (copy_to->left, TA_LEFT + 156 * MM / 28, 2);
    g_assert_cmpfloat (copy_to->bottom, <=, TA_BOTTOM + 1);
    g_assert_cmpfloat (copy_to->bottom, >, TA_BOTTOM - 29.6);
    g_assert_cmpuint (dark->len, ==, 0);
    cairo_surface_destroy (ls);
  }
}

/* A one-page letter keeps its 版记 on that page, unnumbered: a letter's
 * 版记 need not stand on an even page. A joint mark shows the lead organ
 * alone, and "文件" never. */
static void
test_letter_short (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;

  gw_document_set_format (doc, GW_DOCUMENT_FORMAT_LETTER);
  gw_document_set_meta (doc, GW_META_ORGAN_MARK, "临川市民政局\n临川市财政局\n文件");
  gw_document_set_meta (doc, GW_META_TITLE, "关于商请核定社工站运营经费的函");
  gw_document_set_meta (doc, GW_META_RECIPIENTS, "市人力资源和社会保障局：");
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "当否，请予函复。"));
  gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局");
  gw_document_set_meta (doc, GW_META_DATE, "2024年3月5日");
  gw_document_set_meta (doc, GW_META_COPY_TO, "市人民政府办公室");
  pdf = render (doc, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "抄送：市人民政府办公室。"));
  g_assert_null (strstr (text, "文件"));
  g_assert_null (strstr (text, "临川市财政局"));
  g_assert_null (strstr (text, "—"));

  /* the 抄送 takes the last line of the page the text ends on, on the
   * body's grid; only a page whose last line is taken sends it on */
  for (int n = 8; n <= 22; n++)
    {
      g_autoptr(GwDocument) d = gw_document_new (GW_DOCUMENT_KIND_OPINION);
      g_autoptr(PopplerDocument) lp = NULL;
      g_autoptr(PopplerPage) first = NULL;
      g_autoptr(PopplerPage) last = NULL;
      g_autoptr(GPtrArray) fl = NULL;
      g_autoptr(GPtrArray) ll = NULL;
      Line *end, *copy_to;
      int pages;

      gw_document_set_format (d, GW_DOCUMENT_FORMAT_LETTER);
      gw_document_set_meta (d, GW_META_ORGAN_MARK, "临川市民政局");
      gw_document_set_meta (d, GW_META_TITLE, "关于商请核定社工站运营经费的函");
      gw_document_set_meta (d, GW_META_COPY_TO, "市人民政府办公室");
      for (int i = 0; i < n; i++)
        gw_document_append_block (d, gw_block_new (GW_BLOCK_PARAGRAPH, "现商请贵局予以核定。"));
      lp = render (d, NULL);
      pages = poppler_document_get_n_pages (lp);
      first = poppler_document_get_page (lp, 0);
      fl = page_lines (first);
      last = poppler_document_get_page (lp, pages - 1);
      ll = page_lines (last);
      copy_to = line_with (ll, "抄送：");
      g_assert_nonnull (copy_to);
      g_assert_cmpfloat_with_epsilon (copy_to->bottom, TA_BOTTOM - 1, 1.5);
      /* the lowest line of text on page 1 but the 抄送 */
      end = NULL;
      for (guint k = 0; k < fl->len; k++)
        {
          Line *l = g_ptr_array_index (fl, k);

          if (!g_str_has_prefix (l->text->str, "抄送") && !is_page_number (l->text->str) &&
              (end == NULL || l->bottom > end->bottom))
            end = l;
        }
      g_assert_nonnull (end);
      g_test_message ("%d paragraphs: %d pages, page 1 text ends at %.1f pt", n, pages, end->bottom);
      if (pages == 1)
        g_assert_cmpfloat (copy_to->top - end->bottom, >, 8);
      else
        {
          g_assert_cmpint (pages, ==, 2);
          g_assert_cmpfloat (end->bottom, >, TA_BOTTOM - 10);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  int status;

  /* Prepared font copies go to a private cache for the test run. */
  cache = g_build_filename (g_get_tmp_dir (), "gw-test-render-cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  renderer = gw_renderer_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/render/pdf/page-size", test_page_size);
  g_test_add_func ("/render/pdf/text-order", test_text_order);
  g_test_add_func ("/render/pdf/grid", test_grid);
  g_test_add_func ("/render/pdf/line-edges", test_line_edges);
  g_test_add_func ("/render/pdf/header", test_header);
  g_test_add_func ("/render/pdf/corner-marks", test_corner_marks);
  g_test_add_func ("/render/pdf/page-numbers-colophon", test_page_numbers_and_colophon);
  g_test_add_func ("/render/pdf/signature", test_signature);
  g_test_add_func ("/render/pdf/signature-not-alone", test_signature_not_alone);
  g_test_add_func ("/render/pdf/attachment-pages", test_attachment_pages);
  g_test_add_func ("/render/pdf/attachment-list", test_attachment_list);
  g_test_add_func ("/render/pdf/colophon-after-blank", test_colophon_after_blank);
  g_test_add_func ("/render/pdf/signatory", test_signatory);
  g_test_add_func ("/render/pdf/fonts", test_fonts);
  g_test_add_func ("/render/pdf/heading-fonts", test_heading_fonts);
  g_test_add_func ("/render/pdf/set-font", test_set_font);
  g_test_add_func ("/render/pdf/reproducible", test_reproducible);
  g_test_add_func ("/render/pdf/title-breaks", test_title_breaks);
  g_test_add_func ("/render/pdf/batch-fonts", test_batch_fonts);
  g_test_add_func ("/render/pdf/async-and-print", test_async_and_print);
  g_test_add_func ("/render/pdf/outline", test_outline);
  g_test_add_func ("/render/pdf/missing-glyph", test_missing_glyph);
  g_test_add_func ("/render/pdf/table-break", test_table_break);
  g_test_add_func ("/render/pdf/landscape-table", test_landscape_table);
  g_test_add_func ("/render/pdf/evaluation", test_evaluation);
  g_test_add_func ("/render/pdf/evaluation-opinion", test_evaluation_opinion);
  g_test_add_func ("/render/pdf/evaluation-veto", test_evaluation_veto);
  g_test_add_func ("/render/pdf/joint-mark", test_joint_mark);
  g_test_add_func ("/render/pdf/joint-signature", test_joint_signature);
  g_test_add_func ("/render/pdf/joint-signature-not-alone", test_joint_signature_not_alone);
  g_test_add_func ("/render/pdf/letter", test_letter);
  g_test_add_func ("/render/pdf/letter-short", test_letter_short);
  status = g_test_run ();
  g_clear_object (&renderer);
  /* Everything of ours is released now; what remains are the libraries'
   * process-lifetime caches. Fontconfig 2.14 keeps patterns parsed from the
   * system configuration, whose element arrays it points to by offset
   * (invisible to LeakSanitizer), until FcFini (); cairo keeps its font
   * caches until cairo_debug_reset_static_data (). Tearing both down makes
   * any leak LeakSanitizer still reports one of ours. */
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
