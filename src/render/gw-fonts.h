/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Font set-up shared by every document a process renders (internal to
 * src/render).
 *
 * cairo 1.16 re-reads and walks a CFF font's whole program for every PDF it
 * embeds the font in, so the stock Noto CJK / Fandol files (5–30 MB) cost
 * more than the layout itself. GwFonts therefore prepares, once, a working
 * copy of each CFF font a role uses: hb-subset to the GB 2312 repertoire
 * (plus punctuation and ASCII), desubroutinized, names and layout features
 * kept. Copies are cached under $XDG_CACHE_HOME/gongwen/fonts, keyed by the
 * source file (path, mtime, size, face index), the repertoire and the
 * HarfBuzz version, and written atomically. They are loaded into a private
 * FcConfig under a private family name ("GwPrep-…"), with the stock family
 * listed after it so characters outside the copy still come from the
 * original font: the system's fonts are never shadowed. */

typedef struct _GwFonts GwFonts;

typedef enum {
  GW_REPERTOIRE_GB2312,   /* text roles: GB 2312 + punctuation + ASCII */
  GW_REPERTOIRE_DIGITS,   /* page numbers: ASCII + dashes */
} GwRepertoire;

GwFonts      *gw_fonts_new            (GError      **error);
GwFonts      *gw_fonts_ref            (GwFonts      *fonts);
void          gw_fonts_unref          (GwFonts      *fonts);

/* The family list Pango should use for @desc ("Noto Serif CJK SC Bold"):
 * the prepared copy first when the resolved font is CFF, then the stock
 * family, then @fallbacks (comma-separated, may be NULL). Not thread-safe
 * with respect to rendering: call while setting the renderer up. */
PangoFontDescription *gw_fonts_resolve (GwFonts      *fonts,
                                        const char   *desc,
                                        GwRepertoire  repertoire,
                                        const char   *fallbacks,
                                        GError      **error);

/* Adds the characters of @text (@len bytes, or -1) to the repertoire of
 * the batch about to be rendered. Once a batch is set, gw_fonts_resolve ()
 * puts before the prepared copies a further copy cut to exactly the
 * batch's characters, made in a private temporary folder that is removed
 * with @fonts (by the process that made it). */
void          gw_fonts_add_batch_text (GwFonts      *fonts,
                                       const char   *text,
                                       gssize        len);

/* A new Pango font map over the private FcConfig (one per thread). */
PangoFontMap *gw_fonts_new_font_map   (GwFonts      *fonts);
/* Releases a map made by gw_fonts_new_font_map () (a GDestroyNotify):
 * use it, not g_object_unref (), for the last reference. */
void          gw_fonts_free_font_map  (gpointer      map);

/* Where prepared copies go (for tests and docs). */
char         *gw_fonts_get_cache_dir  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwFonts, gw_fonts_unref)

/* Which installed families hold every character of @text (for Preferences). */
GStrv gw_fonts_list_families_for (const char *text);

G_END_DECLS
