/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-fonts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gw-error.h"
#include "gw-fonts.h"
#include "gw-hot-hanzi.h"
#include "gw-outline.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_blob_t, hb_blob_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_face_t, hb_face_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_subset_input_t, hb_subset_input_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_set_t, hb_set_destroy)

/* Bump when the way copies are made changes: old cache entries then miss. */
#define GW_PREP_VERSION 6

/* Outlines of the copies are simplified within a thousandth of an em
 * (gw-outline.h): 0.006 mm at 三号, far below a printer dot. */
#define GW_OUTLINE_TOLERANCE (1.0 / 1000)

#define FANDOL_DIR "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"

struct _GwFonts
{
  gatomicrefcount  ref;
  GMutex           lock;
  FcConfig        *config;
  GHashTable      *prepared;   /* cache file path → private family */
  hb_set_t        *batch;      /* characters of the documents of a batch, or NULL */
  char            *batch_dir;  /* this run's batch copies, or NULL */
  pid_t            batch_owner;
};

/* Fandol's Bold files declare OS/2 weight 400, so fontconfig cannot tell
 * them from the Regular ones and "FandolHei" may match the Bold file. */
static const char fandol_rules[] =
  "<?xml version=\"1.0\"?>\n"
  "<fontconfig>\n"
  " <match target=\"scan\">\n"
  "  <test name=\"file\" compare=\"contains\"><string>Fandol</string></test>\n"
  "  <test name=\"style\" compare=\"contains\"><string>Bold</string></test>\n"
  "  <edit name=\"weight\" mode=\"assign\"><const>bold</const></edit>\n"
  " </match>\n"
  "</fontconfig>\n";

char *
gw_fonts_get_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "gongwen", "fonts", NULL);
}

GwFonts *
gw_fonts_new (GError **error)
{
  g_autoptr(GwFonts) self = g_new0 (GwFonts, 1);

  g_atomic_ref_count_init (&self->ref);
  g_mutex_init (&self->lock);
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* A private configuration: the system's fonts and rules, plus ours. */
  self->config = FcInitLoadConfigAndFonts ();
  if (self->config == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                   _("Cannot load the fontconfig configuration"));
      return NULL;
    }
  if (!FcConfigParseAndLoadFromMemory (self->config, (const FcChar8 *) fandol_rules, FcTrue))
    g_warning ("Cannot load the Fandol weight rules");
  if (g_file_test (FANDOL_DIR, G_FILE_TEST_IS_DIR))
    FcConfigAppFontAddDir (self->config, (const FcChar8 *) FANDOL_DIR);

  return g_steal_pointer (&self);
}

GwFonts *
gw_fonts_ref (GwFonts *fonts)
{
  g_atomic_ref_count_inc (&fonts->ref);
  return fonts;
}

void
gw_fonts_unref (GwFonts *fonts)
{
  if (fonts == NULL || !g_atomic_ref_count_dec (&fonts->ref))
    return;
  if (fonts->config)
    FcConfigDestroy (fonts->config);
  /* Forked export workers share the folder: only its maker removes it. */
  if (fonts->batch_dir && fonts->batch_owner == getpid ())
    {
      g_autoptr(GDir) d = g_dir_open (fonts->batch_dir, 0, NULL);
      const char *name;

      while (d && (name = g_dir_read_name (d)))
        {
          g_autofree char *path = g_build_filename (fonts->batch_dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (fonts->batch_dir);
    }
  g_free (fonts->batch_dir);
  g_clear_pointer (&fonts->batch, hb_set_destroy);
  g_hash_table_unref (fonts->prepared);
  g_mutex_clear (&fonts->lock);
  g_free (fonts);
}

PangoFontMap *
gw_fonts_new_font_map (GwFonts *fonts)
{
  PangoFontMap *map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);

  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), fonts->config);
  /* PDF user space is in points: 16 means 16 pt. */
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72.0);
  return map;
}

void
gw_fonts_free_font_map (gpointer map)
{
  if (map == NULL)
    return;
  /* Pango 1.50 (Debian 12) takes a reference on the FcConfig in
   * pango_fc_font_map_set_config () and never drops it when the map is
   * finalized, so every renderer's configuration, with all its fonts,
   * would outlive it. Detaching the config hands the reference back on
   * every Pango version (later ones drop a still-attached config at
   * finalization, and a NULL one then costs nothing); shutting the map
   * down first keeps set_config from re-listing the fonts of the default
   * configuration for a map that is about to go. */
  pango_fc_font_map_shutdown (PANGO_FC_FONT_MAP (map));
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), NULL);
  g_object_unref (map);
}


/* The prepared copy of a font is split in tiers: cairo 1.16 pays, for
 * every glyph it embeds, a copy and a linear scan of the font's whole
 * cmap subtable (to find the glyph's Unicode value), and for every font it
 * embeds, a copy of the whole CFF program. A document mostly uses a few
 * hundred common characters, so those come from a small font and the
 * rarely used rest from bigger ones. Pango picks, character by character,
 * the first family of the list that has it. */
typedef enum {
  TIER_HOT,      /* symbols, ASCII and the ~1000 most frequent hanzi */
  TIER_LEVEL1,   /* the other GB 2312 level-1 (common) hanzi */
  TIER_LEVEL2,   /* the other GB 2312 level-2 hanzi */
  TIER_DIGITS,   /* page numbers */
  N_TIERS
} Tier;

/* GB 2312 by iconv: rows 0xA1–0xA9 symbols, 0xB0–0xD7 level 1,
 * 0xD8–0xF7 level 2. */
static void
add_gb2312_rows (hb_set_t *set,
                 guint     first_row,
                 guint     last_row)
{
  GIConv cd = g_iconv_open ("UTF-8", "GB2312");

  if (cd == (GIConv) -1)
    {
      if (first_row >= 0xB0)
        hb_set_add_range (set, 0x4E00, 0x9FA5);   /* no iconv table: all of URO */
      return;
    }
  for (guint hi = first_row; hi <= last_row; hi++)
    for (guint lo = 0xA1; lo <= 0xFE; lo++)
      {
        char in[2] = { (char) hi, (char) lo };
        char out[8];
        char *inp = in, *outp = out;
        gsize inleft = 2, outleft = sizeof out;

        if (g_iconv (cd, &inp, &inleft, &outp, &outleft) != (gsize) -1 && outp > out)
          {
            *outp = '\0';
            hb_set_add (set, g_utf8_get_char (out));
          }
        g_iconv (cd, NULL, NULL, NULL, NULL);
      }
  g_iconv_close (cd);
}

static void
add_string (hb_set_t   *set,
            const char *chars)
{
  for (const char *c = chars; *c; c = g_utf8_next_char (c))
    hb_set_add (set, g_utf8_get_char (c));
}

static void
fill_repertoire (hb_set_t *set,
                 Tier      tier)
{
  g_autoptr(hb_set_t) hot = hb_set_create ();

  switch (tier)
    {
    case TIER_DIGITS:
      hb_set_add_range (set, 0x20, 0x7E);
      hb_set_add_range (set, 0x2010, 0x2027);
      break;
    case TIER_HOT:
      hb_set_add_range (set, 0x20, 0x7E);
      hb_set_add_range (set, 0xA0, 0xFF);
      hb_set_add_range (set, 0x2010, 0x203B);   /* dashes, quotes, ellipsis, ‰ */
      hb_set_add_range (set, 0x2160, 0x216B);   /* Roman numerals */
      hb_set_add_range (set, 0x2460, 0x2473);   /* circled numbers */
      hb_set_add_range (set, 0x25A0, 0x25CF);   /* squares, circles */
      hb_set_add_range (set, 0x2605, 0x2606);
      hb_set_add_range (set, 0x2610, 0x2612);   /* ballot boxes ☐☑☒ */
      hb_set_add_range (set, 0x2713, 0x2714);
      hb_set_add_range (set, 0x3000, 0x303F);   /* CJK punctuation, 〔〕 */
      hb_set_add_range (set, 0xFF01, 0xFF5E);   /* full-width forms */
      hb_set_add_range (set, 0xFFE0, 0xFFE5);
      add_gb2312_rows (set, 0xA1, 0xA9);
      add_string (set, gw_hot_hanzi);
      break;
    case TIER_LEVEL1:
    case TIER_LEVEL2:
      if (tier == TIER_LEVEL1)
        add_gb2312_rows (set, 0xB0, 0xD7);
      else
        add_gb2312_rows (set, 0xD8, 0xF7);
      add_string (hot, gw_hot_hanzi);
      hb_set_subtract (set, hot);
      break;
    case N_TIERS:
    default:
      g_assert_not_reached ();
    }
}

static GBytes *
make_copy (const char      *file,
           int              index,
           const hb_set_t  *unicodes,
           GError         **error)
{
  g_autoptr(hb_blob_t) blob = hb_blob_create_from_file_or_fail (file);
  g_autoptr(hb_face_t) face = NULL;
  g_autoptr(hb_subset_input_t) input = NULL;
  g_autoptr(hb_face_t) subset = NULL;
  g_autoptr(hb_blob_t) out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) simple = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  unsigned int len;

  if (blob == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: cannot read the font"), file);
      return NULL;
    }
  face = hb_face_create (blob, index);
  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("Out of memory preparing %s"), file);
      return NULL;
    }
  hb_set_union (hb_subset_input_unicode_set (input), unicodes);
  /* Keep every name record (cairo and PDF readers show them) and every
   * layout feature (vertical forms, ligatures Pango may ask for). */
  hb_set_clear (hb_subset_input_set (input, HB_SUBSET_SETS_NAME_ID));
  hb_set_invert (hb_subset_input_set (input, HB_SUBSET_SETS_NAME_ID));
  hb_set_clear (hb_subset_input_set (input, HB_SUBSET_SETS_NAME_LANG_ID));
  hb_set_invert (hb_subset_input_set (input, HB_SUBSET_SETS_NAME_LANG_ID));
  hb_set_clear (hb_subset_input_set (input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_set_invert (hb_subset_input_set (input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  /* Subroutines are what cairo 1.16 copies whole into every PDF. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_NO_HINTING |
                                    HB_SUBSET_FLAGS_NAME_LEGACY |
                                    HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  subset = hb_subset_or_fail (face, input);
  if (subset == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: HarfBuzz could not prepare a working copy of the font"), file);
      return NULL;
    }
  out = hb_face_reference_blob (subset);
  data = hb_blob_get_data (out, &len);
  if (len == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: HarfBuzz could not prepare a working copy of the font"), file);
      return NULL;
    }
  bytes = g_bytes_new (data, len);
  simple = _gw_font_simplify_outlines (bytes, GW_OUTLINE_TOLERANCE, &local_error);
  if (simple == NULL)
    g_debug ("%s: outlines kept as they are: %s", file, local_error->message);
  return simple ? g_steal_pointer (&simple) : g_steal_pointer (&bytes);
}

/* Copies made by another version of the preparation are never used
 * again: remove them when making new ones. */
static void
remove_stale_copies (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *current = g_strdup_printf ("v%d-", GW_PREP_VERSION);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".otf") && !g_str_has_prefix (name, current))
      {
        g_autofree char *stale = g_build_filename (dir, name, NULL);
        g_unlink (stale);
      }
}

/* Loads the copy at @path into the private configuration under the
 * private @family (consumed), so the system's font is never shadowed. */
static char *
register_copy (GwFonts *self,
               const char *path,
               char       *family)
{
  g_autofree char *esc_path = g_markup_escape_text (path, -1);
  g_autofree char *rule = NULL;

  rule = g_strdup_printf ("<?xml version=\"1.0\"?>\n<fontconfig>\n"
                          " <match target=\"scan\">\n"
                          "  <test name=\"file\"><string>%s</string></test>\n"
                          "  <edit name=\"family\" mode=\"assign_replace\"><string>%s</string></edit>\n"
                          "  <edit name=\"fullname\" mode=\"assign_replace\"><string>%s</string></edit>\n"
                          " </match>\n</fontconfig>\n", esc_path, family, family);
  if (!FcConfigParseAndLoadFromMemory (self->config, (const FcChar8 *) rule, FcTrue) ||
      !FcConfigAppFontAddFile (self->config, (const FcChar8 *) path))
    {
      g_warning ("Cannot load the prepared font %s", path);
      g_free (family);
      return NULL;
    }
  g_hash_table_insert (self->prepared, g_strdup (path), g_strdup (family));
  return family;
}

/* Returns the private family of the prepared copy of @file/@index, making
 * and registering the copy if needed; NULL (with a warning) when it cannot,
 * in which case the stock font is used as it is. */
static char *
prepare (GwFonts    *self,
         const char *file,
         int         index,
         Tier        tier)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *family = NULL;
  const char *known;
  GStatBuf st;

  if (g_stat (file, &st) != 0)
    return NULL;
  key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT "\n%d\n%d\n%s\n%d",
                         file, (gint64) st.st_mtime, (gint64) st.st_size, index,
                         (int) tier, hb_version_string (), GW_PREP_VERSION);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  hash[16] = '\0';
  dir = gw_fonts_get_cache_dir ();
  path = g_strdup_printf ("%s/v%d-%s.otf", dir, GW_PREP_VERSION, hash);

  known = g_hash_table_lookup (self->prepared, path);
  if (known)
    return g_strdup (known);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(hb_set_t) unicodes = hb_set_create ();
      g_autoptr(GBytes) bytes = NULL;

      fill_repertoire (unicodes, tier);
      bytes = make_copy (file, index, unicodes, &error);

      if (bytes == NULL)
        {
          g_warning ("%s", error->message);
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_warning ("Cannot create %s: %s", dir, g_strerror (errno));
          return NULL;
        }
      remove_stale_copies (dir);
      /* g_file_set_contents writes a temporary file and renames it, so a
       * concurrent process never loads half a font. */
      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes), &error))
        {
          g_warning ("%s", error->message);
          return NULL;
        }
    }

  family = g_strdup_printf ("GwPrep-%s", hash);
  return register_copy (self, path, g_steal_pointer (&family));
}

/* The copy of @file/@index cut to the batch's characters, made once per
 * run in a private folder (it only serves this batch). */
static char *
prepare_batch (GwFonts    *self,
               const char *file,
               int         index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = g_strdup_printf ("%s\n%d", file, index);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *path = NULL;
  const char *known;

  hash[16] = '\0';
  if (self->batch_dir == NULL)
    {
      self->batch_dir = g_dir_make_tmp ("gongwen-fonts-XXXXXX", &error);
      if (self->batch_dir == NULL)
        {
          g_warning ("%s", error->message);
          return NULL;
        }
      self->batch_owner = getpid ();
    }
  path = g_strdup_printf ("%s/%s.otf", self->batch_dir, hash);
  known = g_hash_table_lookup (self->prepared, path);
  if (known)
    return g_strdup (known);

  bytes = make_copy (file, index, self->batch, &error);
  if (bytes == NULL ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  return register_copy (self, path, g_strdup_printf ("GwBatch-%s", hash));
}

void
gw_fonts_add_batch_text (GwFonts    *self,
                         const char *text,
                         gssize      len)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);

  g_mutex_lock (&self->lock);
  if (self->batch == NULL)
    self->batch = hb_set_create ();
  for (const char *c = text; c < end; )
    {
      gunichar u = g_utf8_get_char_validated (c, end - c);

      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          c++;
          continue;
        }
      /* the space too: Pango draws it with the font of its run */
      if (u >= 0x20)
        hb_set_add (self->batch, u);
      c = g_utf8_next_char (c);
    }
  g_mutex_unlock (&self->lock);
}

static int
fc_weight_for (PangoWeight weight)
{
  return (int) FcWeightFromOpenTypeDouble ((double) weight);
}

PangoFontDescription *
gw_fonts_resolve (GwFonts      *self,
                  const char   *desc_str,
                  GwRepertoire  repertoire,
                  const char   *fallbacks,
                  GError      **error)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (desc_str);
  g_autoptr(GString) families = g_string_new (NULL);
  const char *family = pango_font_description_get_family (desc);
  FcPattern *pat;
  FcPattern *match;
  FcResult res;
  FcChar8 *file = NULL;
  FcChar8 *matched_family = NULL;
  FcChar8 *format = NULL;
  int index = 0;
  g_autoptr(GString) prep = g_string_new (NULL);

  if (family == NULL || *family == '\0')
    {
      g_set_error (error, GW_ERROR, GW_ERROR_INVALID, _("“%s” names no font family"), desc_str);
      return NULL;
    }

  g_mutex_lock (&self->lock);
  pat = FcPatternCreate ();
  FcPatternAddString (pat, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddInteger (pat, FC_WEIGHT, fc_weight_for (pango_font_description_get_weight (desc)));
  FcPatternAddInteger (pat, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute (self->config, pat, FcMatchPattern);
  FcDefaultSubstitute (pat);
  match = FcFontMatch (self->config, pat, &res);
  FcPatternDestroy (pat);

  if (match &&
      FcPatternGetString (match, FC_FAMILY, 0, &matched_family) == FcResultMatch &&
      g_ascii_strcasecmp ((const char *) matched_family, family) == 0 &&
      FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetString (match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
      g_strcmp0 ((const char *) format, "CFF") == 0)
    {
      FcPatternGetInteger (match, FC_INDEX, 0, &index);
      /* Only CFF needs a copy: cairo's TrueType subsetter reads just the
       * glyphs it embeds. */
      /* A batch's own copy comes first: a few hundred glyphs instead of
       * thousands, so cairo has far less font program to copy and scan
       * for every document. The tiers stay behind it for anything else. */
      if (self->batch && repertoire == GW_REPERTOIRE_GB2312)
        {
          g_autofree char *family_b = prepare_batch (self, (const char *) file, index);

          if (family_b)
            g_string_append_printf (prep, "%s,", family_b);
        }
      for (Tier t = 0; t < N_TIERS; t++)
        {
          g_autofree char *family_t = NULL;

          if ((repertoire == GW_REPERTOIRE_DIGITS) != (t == TIER_DIGITS))
            continue;
          family_t = prepare (self, (const char *) file, index, t);
          if (family_t)
            g_string_append_printf (prep, "%s,", family_t);
        }
    }
  else if (match == NULL || matched_family == NULL ||
           g_ascii_strcasecmp ((const char *) matched_family, family) != 0)
    g_message ("Font family “%s” is not installed; the next font in the list is used", family);
  if (match)
    FcPatternDestroy (match);
  g_mutex_unlock (&self->lock);

  g_string_append (families, prep->str);
  g_string_append (families, family);
  if (fallbacks && *fallbacks)
    g_string_append_printf (families, ",%s", fallbacks);
  pango_font_description_set_family (desc, families->str);
  return g_steal_pointer (&desc);
}
