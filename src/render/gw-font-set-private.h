/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The renderer's font set (gw-font-set.c), at the floor of src/render:
 * the pagination reads its descriptions and font maps, the renderer
 * (gw-pdf.c) resolves the roles into it. Internal to src/render. */

#include "gw-fonts.h"
#include "gw-layout.h"

G_BEGIN_DECLS

/* The fonts a render uses: made once, never changed while anything uses
 * them. A font change builds a new set and swaps it in (set_role); a
 * pagination keeps the set it began with, and the Pango font maps pooled
 * in a set are made for that set alone, so none outlives a change. */
struct _GwFontSet
{
  gatomicrefcount       ref;
  GwFonts              *fonts;
  PangoFontDescription *descs[GW_N_FONT_ROLES];
  GMutex                lock;
  GPtrArray            *idle_maps;    /* PangoFontMap*, one taken per document */
  gboolean              used;         /* a pagination has taken it: immutable */
};

GwFontSet *_gw_font_set_new (GError **error);

G_END_DECLS
