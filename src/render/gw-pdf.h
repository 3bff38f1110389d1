/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "gw-document.h"

G_BEGIN_DECLS

/* GB/T 9704-2012 layout and PDF output (Pango + cairo, no GTK).
 *
 * A GwRenderer holds the font set-up (prepared font copies, fontconfig,
 * Pango font map) and is made once per process and reused for every
 * document; gw_renderer_render_pdf() may be called from several threads at
 * once. The same document gives byte-identical PDF (dates come from the
 * document, never the clock). */

/* The most columns a body table may have: across the landscape frame
 * (225 mm) each column then keeps one 四号 character between its rules
 * and padding. A wider table is refused, naming it, rather than printed
 * as a black block; the .docx writer keeps the same limit. */
#define GW_TABLE_MAX_COLUMNS 31

/* Font roles; each is a family name (fontconfig), configurable. */
typedef enum {
  GW_FONT_ROLE_FANGSONG,   /* body: FandolFang, falling back to Noto Serif CJK SC */
  GW_FONT_ROLE_HEITI,      /* level-1 headings, 附件 labels: Noto Sans CJK SC */
  GW_FONT_ROLE_KAITI,      /* level-2 headings, 签发人 name: AR PL KaitiM GB / LXGW WenKai */
  GW_FONT_ROLE_SONGTI,     /* page numbers: Noto Serif CJK SC */
  GW_FONT_ROLE_TITLE,      /* title, organ mark: Noto Serif CJK SC Bold */
  GW_N_FONT_ROLES
} GwFontRole;

const char *gw_font_role_to_string   (GwFontRole role);   /* "fangsong", "heiti", … */
gboolean    gw_font_role_from_string (const char *str, GwFontRole *role);

#define GW_TYPE_RENDERER (gw_renderer_get_type ())
G_DECLARE_FINAL_TYPE (GwRenderer, gw_renderer, GW, RENDERER, GObject)

GwRenderer *gw_renderer_new             (GError      **error);
/* Overrides the family of a role (NULL restores the default). */
void        gw_renderer_set_font        (GwRenderer   *self,
                                         GwFontRole    role,
                                         const char   *family);
const char *gw_renderer_get_font        (GwRenderer   *self,
                                         GwFontRole    role);

/* Many documents at once (batch export): hand the renderer the text of
 * every document first (gw_renderer_add_batch_text () for each), then call
 * gw_renderer_prepare_batch () once, before rendering. The fonts are then
 * cut to exactly the characters the batch uses (a few hundred glyphs
 * instead of thousands), which makes each PDF cheaper to write; anything
 * outside still renders from the full fonts. Not thread-safe: call while
 * setting the renderer up. */
void        gw_renderer_add_batch_text  (GwRenderer   *self,
                                         const char   *text,
                                         gssize        len);
gboolean    gw_renderer_prepare_batch   (GwRenderer   *self,
                                         GError      **error);

/* The whole PDF in memory (preview, tests). A character no font has is a
 * GW_ERROR_MISSING_GLYPH error naming the character and its line. */
GBytes     *gw_renderer_render_pdf      (GwRenderer   *self,
                                         GwDocument   *doc,
                                         GError      **error);
/* Writes the PDF under a temporary name in the same folder and renames it
 * to @path: never leaves a half-written file. */
gboolean    gw_renderer_export_pdf      (GwRenderer   *self,
                                         GwDocument   *doc,
                                         const char   *path,
                                         GError      **error);
void        gw_renderer_render_pdf_async  (GwRenderer          *self,
                                           GwDocument          *doc,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GBytes     *gw_renderer_render_pdf_finish (GwRenderer          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Printing: lays the document out once (GwPagination), then draws page
 * @page (0-based) on any cairo context scaled to points (1 unit = 1 pt,
 * origin top-left of an A4 page). The print dialog uses this. */
typedef struct _GwPagination GwPagination;
GwPagination *gw_renderer_paginate      (GwRenderer   *self,
                                         GwDocument   *doc,
                                         GError      **error);
guint       gw_pagination_get_n_pages   (GwPagination *pagination);
void        gw_pagination_draw_page     (GwPagination *pagination,
                                         cairo_t      *cr,
                                         guint         page);
void        gw_pagination_free          (GwPagination *pagination);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwPagination, gw_pagination_free)

G_END_DECLS
