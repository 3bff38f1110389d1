/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-fonts"

#include "config.h"

#include <fontconfig/fontconfig.h>

#include "gw-fonts.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gw_fonts_list_families_for:
 * @text: the characters a family must hold, UTF-8
 *
 * The renderer's answer to "which installed families can set this text":
 * Preferences offers these for each role, so that nothing above the render
 * layer asks fontconfig itself.
 *
 * Returns: (transfer full): the family names, sorted, without repeats
 */
GStrv
gw_fonts_list_families_for (const char *text)
{
  FcPattern *pattern;
  FcCharSet *charset;
  FcObjectSet *objects;
  FcFontSet *set;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  pattern = FcPatternCreate ();
  charset = FcCharSetCreate ();
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    FcCharSetAddChar (charset, g_utf8_get_char (p));
  FcPatternAddCharSet (pattern, FC_CHARSET, charset);
  set = FcFontList (NULL, pattern, objects);
  for (int i = 0; set && i < set->nfont; i++)
    {
      FcChar8 *family = NULL;

      if (FcPatternGetString (set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch &&
          !g_hash_table_contains (seen, family))
        {
          char *copy = g_strdup ((const char *) family);
          g_hash_table_add (seen, copy);
          g_ptr_array_add (names, copy);
        }
    }
  if (set)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcCharSetDestroy (charset);
  FcPatternDestroy (pattern);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}
