/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <glib.h>
#include <hb-subset.h>
#include <hb.h>
#include <locale.h>
#include <string.h>

#include "gw-error.h"
#include "gw-outline.h"

/* The outline simplification of the prepared font copies (gw-outline.c),
 * checked glyph by glyph against the original with FreeType. */

#define FANDOL "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf"
#define NOTO_SANS "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

/* Common characters of the drafts plus punctuation, digits and Latin. */
static const char sample[] =
  "关于加强社工站室建设和管理服务的实施意见各县市区民政局为贯彻落实省厅部署要求"
  "进一步推动乡镇街道社会工作服务站建设现提出如下意见一二三四五六七八九十百千万"
  "年月日号第条款项目合同采购评估运营机构承接购买服务不得以最低价格为唯一标准"
  "，。、；：？！“”‘’（）《》〔〕【】—…·0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  "abcdefghijklmnopqrstuvwxyz%/.-";

static GBytes *
prepared_copy (const char *file,
               int         index)
{
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (file);
  hb_face_t *face, *subset;
  hb_subset_input_t *input;
  hb_blob_t *out;
  GBytes *bytes;
  unsigned int len;
  const char *data;

  if (blob == NULL)
    return NULL;
  face = hb_face_create (blob, index);
  input = hb_subset_input_create_or_fail ();
  for (const char *c = sample; *c; c = g_utf8_next_char (c))
    hb_set_add (hb_subset_input_unicode_set (input), g_utf8_get_char (c));
  /* as gw-fonts.c prepares them */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_NO_HINTING |
                                    HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  subset = hb_subset_or_fail (face, input);
  g_assert_nonnull (subset);
  out = hb_face_reference_blob (subset);
  data = hb_blob_get_data (out, &len);
  bytes = g_bytes_new (data, len);
  hb_blob_destroy (out);
  hb_face_destroy (subset);
  hb_subset_input_destroy (input);
  hb_face_destroy (face);
  hb_blob_destroy (blob);
  return bytes;
}

static gsize
cff_size (GBytes *font)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (font, &len);
  guint n = (d[4] << 8) | d[5];

  for (guint i = 0; i < n; i++)
    {
      const guint8 *r = d + 12 + 16 * i;

      if (memcmp (r, "CFF ", 4) == 0)
        return ((gsize) r[12] << 24) | (r[13] << 16) | (r[14] << 8) | r[15];
    }
  g_assert_not_reached ();
}

/* Renders glyph @gid at @ppem; returns the 8-bit coverage in a
 * (2·ppem)² canvas with the origin at a fixed place, so two renderings
 * compare pixel by pixel. */
static guint8 *
render (FT_Face face,
        guint   gid,
        int     ppem,
        FT_Pos *advance)
{
  int size = 2 * ppem;
  guint8 *canvas = g_malloc0 ((gsize) size * size);
  FT_GlyphSlot slot = face->glyph;

  g_assert_cmpint (FT_Set_Pixel_Sizes (face, 0, ppem), ==, 0);
  g_assert_cmpint (FT_Load_Glyph (face, gid, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP), ==, 0);
  *advance = slot->metrics.horiAdvance;
  g_assert_cmpint (FT_Render_Glyph (slot, FT_RENDER_MODE_NORMAL), ==, 0);
  for (unsigned int y = 0; y < slot->bitmap.rows; y++)
    for (unsigned int x = 0; x < slot->bitmap.width; x++)
      {
        int cx = slot->bitmap_left + x + ppem / 2;
        int cy = ppem + ppem / 4 - slot->bitmap_top + (int) y;

        if (cx >= 0 && cx < size && cy >= 0 && cy < size)
          canvas[cy * size + cx] = slot->bitmap.buffer[y * slot->bitmap.pitch + x];
      }
  return canvas;
}

/* Every glyph of @simple draws like the one of @orig: same advance, and at
 * 200 px an em (a tolerance of 1/1000 em is 0.2 px) the coverage differs
 * by at most 0.4 of a pixel at any pixel and 2 % of the ink overall. */
static void
assert_same_glyphs (GBytes *orig,
                    GBytes *simple)
{
  FT_Library lib;
  FT_Face fa, fb;
  const int ppem = 200;

  g_assert_cmpint (FT_Init_FreeType (&lib), ==, 0);
  g_assert_cmpint (FT_New_Memory_Face (lib, g_bytes_get_data (orig, NULL),
                                       g_bytes_get_size (orig), 0, &fa), ==, 0);
  g_assert_cmpint (FT_New_Memory_Face (lib, g_bytes_get_data (simple, NULL),
                                       g_bytes_get_size (simple), 0, &fb), ==, 0);
  g_assert_cmpint (fa->num_glyphs, ==, fb->num_glyphs);
  g_assert_cmpint (fa->num_glyphs, >, 150);
  for (FT_Long gid = 1; gid < fa->num_glyphs; gid++)
    {
      FT_Pos adv_a, adv_b;
      g_autofree guint8 *a = render (fa, gid, ppem, &adv_a);
      g_autofree guint8 *b = render (fb, gid, ppem, &adv_b);
      guint64 ink = 0, diff = 0;
      int worst = 0;

      g_assert_cmpint (adv_a, ==, adv_b);
      for (int i = 0; i < 4 * ppem * ppem; i++)
        {
          int d = ABS ((int) a[i] - (int) b[i]);

          ink += a[i];
          diff += d;
          worst = MAX (worst, d);
        }
      if (worst > 102 || diff * 50 > ink)
        g_error ("glyph %ld: worst pixel %d/255, %.2f %% of the ink differs",
                 (long) gid, worst, ink ? 100.0 * diff / ink : 100.0);
    }
  FT_Done_Face (fa);
  FT_Done_Face (fb);
  FT_Done_FreeType (lib);
}

static void
check_font (const char *file,
            int         index,
            double      min_saving)
{
  g_autoptr(GBytes) orig = NULL;
  g_autoptr(GBytes) simple = NULL;
  g_autoptr(GError) error = NULL;
  double saving;

  if (!g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("font not installed");
      return;
    }
  orig = prepared_copy (file, index);
  simple = _gw_font_simplify_outlines (orig, 1.0 / 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (simple);
  saving = 1.0 - (double) cff_size (simple) / cff_size (orig);
  g_test_message ("%s: CFF %zu → %zu bytes (%.0f %% less)", file,
                  cff_size (orig), cff_size (simple), 100 * saving);
  g_assert_cmpfloat (saving, >=, min_saving);
  assert_same_glyphs (orig, simple);
}

static void
test_fandol (void)
{
  /* FandolFang's traced outlines are what this is for */
  check_font (FANDOL, 0, 0.20);
}

static void
test_noto (void)
{
  /* clean outlines: little to gain, but nothing may break (face 2 = SC) */
  check_font (NOTO_SANS, 2, 0.0);
}

/* Simplifying twice changes nothing more than the tolerance allows, and
 * the result is still a font FreeType reads. */
static void
test_idempotent_enough (void)
{
  g_autoptr(GBytes) orig = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;

  if (!g_file_test (FANDOL, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("font not installed");
      return;
    }
  orig = prepared_copy (FANDOL, 0);
  once = _gw_font_simplify_outlines (orig, 1.0 / 1000, NULL);
  twice = _gw_font_simplify_outlines (once, 1.0 / 1000, NULL);
  g_assert_nonnull (twice);
  g_assert_cmpuint (cff_size (twice), <=, cff_size (once));
  assert_same_glyphs (orig, once);
}

/* Not a CFF font, or a damaged one: refused or handled, never a crash
 * (the caller then keeps the copy as hb-subset made it). */
static void
test_bad_input (void)
{
  g_autoptr(GBytes) orig = NULL;
  gsize len;
  const guint8 *d;
  static const guint8 junk[64] = "OTTO\0\1junk";
  g_autoptr(GBytes) jb = g_bytes_new_static (junk, sizeof junk);
  g_autoptr(GError) error = NULL;
  GBytes *r;

  r = _gw_font_simplify_outlines (jb, 1.0 / 1000, &error);
  g_assert_null (r);
  g_assert_error (error, GW_ERROR, GW_ERROR_RENDER);

  if (!g_file_test (FANDOL, G_FILE_TEST_EXISTS))
    return;
  orig = prepared_copy (FANDOL, 0);
  d = g_bytes_get_data (orig, &len);
  for (int round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (d, len);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(GBytes) out = NULL;
      gsize cut = round % 3 == 0 ? (gsize) g_test_rand_int_range (12, (int) len) : len;

      for (int k = 0; k < 8; k++)
        copy[g_test_rand_int_range (0, (int) cut)] = (guint8) g_test_rand_int_range (0, 256);
      mutated = g_bytes_new (copy, cut);
      out = _gw_font_simplify_outlines (mutated, 1.0 / 1000, NULL);
      (void) out;
    }
}

int
main (int   argc,
      char *argv[])
{
  /* the process's locale, so that the comma-locale run means something */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/outline/fandol", test_fandol);
  g_test_add_func ("/render/outline/noto", test_noto);
  g_test_add_func ("/render/outline/twice", test_idempotent_enough);
  g_test_add_func ("/render/outline/bad-input", test_bad_input);
  return g_test_run ();
}
