/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-font-set"

#include "config.h"

#include "gw-font-set-private.h"

GwFontSet *
_gw_font_set_new (GError **error)
{
  GwFontSet *set = g_new0 (GwFontSet, 1);

  g_atomic_ref_count_init (&set->ref);
  g_mutex_init (&set->lock);
  set->idle_maps = g_ptr_array_new_with_free_func (gw_fonts_free_font_map);
  set->fonts = gw_fonts_new (error);
  if (set->fonts == NULL)
    {
      _gw_font_set_unref (set);
      return NULL;
    }
  return set;
}

void
_gw_font_set_unref (GwFontSet *set)
{
  if (set == NULL || !g_atomic_ref_count_dec (&set->ref))
    return;
  for (guint i = 0; i < GW_N_FONT_ROLES; i++)
    g_clear_pointer (&set->descs[i], pango_font_description_free);
  g_ptr_array_unref (set->idle_maps);
  g_clear_pointer (&set->fonts, gw_fonts_unref);
  g_mutex_clear (&set->lock);
  g_free (set);
}

const PangoFontDescription *
_gw_font_set_get_desc (GwFontSet  *set,
                       GwFontRole  role)
{
  return set->descs[role];
}

PangoFontMap *
_gw_font_set_acquire_map (GwFontSet *set)
{
  PangoFontMap *map = NULL;

  g_mutex_lock (&set->lock);
  if (set->idle_maps->len > 0)
    map = g_ptr_array_steal_index_fast (set->idle_maps, set->idle_maps->len - 1);
  g_mutex_unlock (&set->lock);
  /* Pango font maps are not thread-safe: each document in flight has one. */
  return map ? map : gw_fonts_new_font_map (set->fonts);
}

void
_gw_font_set_release_map (GwFontSet    *set,
                          PangoFontMap *map)
{
  g_mutex_lock (&set->lock);
  g_ptr_array_add (set->idle_maps, map);
  g_mutex_unlock (&set->lock);
}
