/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * GwBlockKind:
 * @GW_BLOCK_PARAGRAPH: a natural paragraph of body text
 * @GW_BLOCK_HEADING: a heading of level 1–4 (一、 （一） 1. （1）); its text
 *   includes the marker, and may run on into body text after the first 。
 * @GW_BLOCK_TABLE: a table; rows of cells, the first row is the header
 * @GW_BLOCK_ATTACHMENT: starts an attachment page (附件N + title); the blocks
 *   after it, up to the next attachment, are its content
 */
typedef enum {
  GW_BLOCK_PARAGRAPH,
  GW_BLOCK_HEADING,
  GW_BLOCK_TABLE,
  GW_BLOCK_ATTACHMENT,
} GwBlockKind;

#define GW_TYPE_BLOCK_KIND (gw_block_kind_get_type ())
GType gw_block_kind_get_type (void);
const char *gw_block_kind_to_string (GwBlockKind kind);
gboolean    gw_block_kind_from_string (const char *str, GwBlockKind *kind);

/**
 * GwSourceSpan:
 * @offset: character offset in the block's text where this piece starts
 * @line: 1-based line of the source file
 * @column: 1-based column (in characters) of the source file
 *
 * Where a run of a block's text came from. A block imported from a plain-text
 * draft carries one span per source line it was built from, so positions in
 * the text can be mapped back to line and column of the file.
 */
typedef struct {
  guint offset;
  guint line;
  guint column;
} GwSourceSpan;

#define GW_TYPE_BLOCK (gw_block_get_type ())
G_DECLARE_FINAL_TYPE (GwBlock, gw_block, GW, BLOCK, GObject)

GwBlock     *gw_block_new             (GwBlockKind  kind,
                                       const char  *text);
GwBlock     *gw_block_new_heading     (guint        level,
                                       const char  *text);
GwBlock     *gw_block_new_attachment  (guint        number,
                                       const char  *title);
GwBlock     *gw_block_new_table       (GPtrArray   *rows);
GwBlock     *gw_block_copy            (GwBlock     *self);
gboolean     gw_block_equal           (GwBlock     *a,
                                       GwBlock     *b);

GwBlockKind  gw_block_get_kind        (GwBlock     *self);
void         gw_block_set_kind        (GwBlock     *self,
                                       GwBlockKind  kind);
/* Heading level 1–4, 0 for other kinds. */
guint        gw_block_get_level       (GwBlock     *self);
void         gw_block_set_level       (GwBlock     *self,
                                       guint        level);
/* The full text, heading marker included. For tables, the cells joined by
 * tabs and rows by newlines (read-only view). */
const char  *gw_block_get_text        (GwBlock     *self);
void         gw_block_set_text        (GwBlock     *self,
                                       const char  *text);
/* Attachment number (1-based; 0 when there is a single unnumbered one). */
guint        gw_block_get_number      (GwBlock     *self);
void         gw_block_set_number      (GwBlock     *self,
                                       guint        number);

/* Tables: a GPtrArray of GStrv rows (transfer none). */
GPtrArray   *gw_block_get_rows        (GwBlock     *self);
void         gw_block_set_rows        (GwBlock     *self,
                                       GPtrArray   *rows);

/* Heading marker of the text (e.g. "（一）"), or NULL; its length in bytes. */
const char  *gw_block_get_marker      (GwBlock     *self);

/* Source mapping (plain-text import); empty for documents made otherwise. */
const GwSourceSpan *gw_block_get_spans (GwBlock    *self,
                                        guint      *n_spans);
void         gw_block_add_span        (GwBlock     *self,
                                       guint        offset,
                                       guint        line,
                                       guint        column);
void         gw_block_clear_spans     (GwBlock     *self);
guint        gw_block_get_line        (GwBlock     *self);
/* Maps a character offset in the text to the source line and column; falls
 * back to line 1, column offset+1 when the block has no spans. */
void         gw_block_map_offset      (GwBlock     *self,
                                       guint        char_offset,
                                       guint       *line,
                                       guint       *column);

/**
 * GwHeadingMarker:
 * @level: 1–4
 * @number: the value of the numeral (一 = 1, （十二） = 12, 3. = 3)
 * @length: bytes of the marker in the text, trailing separator included
 * @well_formed: %FALSE for marks a reader takes for a heading but GB/T 9704
 *   spells otherwise: 一. 一， 一､ （一）、 1、 1． (1) and the like
 */
typedef struct {
  guint    level;
  guint    number;
  gsize    length;
  gboolean well_formed;
} GwHeadingMarker;

gboolean     gw_heading_marker_parse  (const char      *text,
                                       GwHeadingMarker *marker);

/* The marker GB/T 9704 §7.3.3 sets before a heading of @level (1–4)
 * numbered @number: 一、 （一） 1. （1）. Free with g_free(). */
char        *gw_heading_marker_text   (guint            level,
                                       guint            number);

G_END_DECLS
