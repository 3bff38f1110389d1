/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "gw-pdf.h"

G_BEGIN_DECLS

/* GB/T 9704-2012 geometry, in PDF points, origin at the top-left of the
 * page (docs/rendering.md, "Geometry"). */
#define GW_MM            (72.0 / 25.4)
#define GW_PAGE_W        (210.0 * GW_MM)
#define GW_PAGE_H        (297.0 * GW_MM)
#define GW_TA_LEFT       (28.0 * GW_MM)          /* 订口 */
#define GW_TA_TOP        (37.0 * GW_MM)          /* 天头: em-top of line 1 */
#define GW_TA_W          (156.0 * GW_MM)
#define GW_TA_H          (225.0 * GW_MM)
#define GW_TA_BOTTOM     (GW_TA_TOP + GW_TA_H)
#define GW_BODY_SIZE     16.0                    /* 三号 */
#define GW_CHARS         28
#define GW_LINES         22
#define GW_CHAR          (GW_TA_W / GW_CHARS)    /* 1 字 = 15.793 pt */
/* Line 1's em-top at 37 mm, line 22's em-bottom at 262 mm. */
#define GW_PITCH         ((GW_TA_H - GW_BODY_SIZE) / (GW_LINES - 1))
/* Em box of the CJK faces: +880/−120 per 1000 units. */
#define GW_ASCENT        0.88

typedef enum {
  GW_OP_TEXT,     /* one PangoLayoutLine at a baseline origin */
  GW_OP_RULE,     /* a horizontal line */
  GW_OP_BOX,      /* a stroked rectangle */
  GW_OP_TICK,     /* a check mark inside the box x, y, w, h */
} GwOpKind;

typedef struct {
  GwOpKind     kind;
  PangoLayout *layout;      /* TEXT: owns a reference */
  int          line;        /* TEXT: index of the line in the layout */
  double       x, y;        /* TEXT: baseline origin; RULE/BOX: top-left */
  double       w, h;        /* RULE: length, thickness; BOX: size */
  double       hscale;      /* TEXT: horizontal scale (1 = none) */
  double       line_width;  /* BOX */
  guint32      rgb;         /* colour, 0xRRGGBB */
  gboolean     turned;      /* part of a landscape table (GW_TURN) */
} GwOp;

/* One laid-out sheet of paper and what is drawn on it (not the window's
 * GwPage, a tab of the editor, whose name it once shared). */
typedef struct {
  GPtrArray *ops;           /* GwOp* */
  guint      number;        /* printed page number, 0 = none */
  gboolean   blank;
  gboolean   landscape;     /* holds a landscape table (§8) */
  gboolean   turning;       /* ops added now are turned (while laying one out) */
  gboolean   numbered;      /* its page number op is added (or it has none) */
} GwSheet;

/* A landscape table (GB/T 9704 §8) is laid out in a frame of the type
 * area turned a quarter: GW_TA_H wide and GW_TA_W high, at the same
 * top-left corner, and drawn turned so that its head faces the left edge
 * of the sheet (the 订口 of an odd page, the 切口 of an even one); the
 * page number stays where it is on every page. This maps the frame onto
 * the page (cairo: translate, rotate −90°, translate). */
#define GW_TURN_ORIGIN_X  GW_TA_LEFT
#define GW_TURN_ORIGIN_Y  GW_TA_BOTTOM

/* One line of laid-out text: line @line of @layout, @x its left edge
 * within the layout (alignment, indent). A text of any length is laid out
 * as several layouts, cut before shaping (_gw_pagination_lay_text). */
typedef struct {
  PangoLayout *layout;      /* owns a reference */
  int          line;
  double       x;
} GwLine;

/* Text conservation (gw-conservation.c): every character of a source
 * element (a block, a cell, a header element, an attachment) is counted
 * off as its glyphs are handed to cairo; after drawing, anything not drawn
 * fails the export, naming the element. */
typedef struct _GwTextEntry GwTextEntry;
typedef struct _GwFontSet   GwFontSet;

typedef struct {
  char   *text;
  guint   level;            /* 1 … 4 */
  guint   page;             /* 0-based */
  double  y;
} GwOutlineEntry;

struct _GwPagination {
  GwRenderer    *renderer;
  GwFontSet     *fonts;      /* the renderer's fonts when this began: immutable */
  PangoFontMap  *font_map;
  PangoContext  *context;
  GPtrArray     *pages;      /* GwSheet* */
  GPtrArray     *outline;    /* GwOutlineEntry* */
  char          *meta_title;
  char          *meta_author;
  char          *meta_subject;
  char          *meta_date;  /* ISO 8601, or NULL */
  /* building */
  GwDocument    *doc;
  const char    *source;     /* file name for messages */
  GwSheet       *page;
  double         y;          /* top of the next free space on the page */
  gboolean       landscape;  /* new pages are landscape-table pages */
  GError        *error;      /* first error met */
  /* conservation */
  GPtrArray     *ledger;     /* GwTextEntry*, in document order */
  int            drop_line;  /* test hook: the accounted line a draw pass skips, or -1 */
  int            drawn;      /* accounted lines drawn in this pass */
  /* A PDF export draws each page as soon as the layout is done with it
   * and frees its ops, so memory does not grow with the document. */
  cairo_t       *sink;
  guint          flushed;    /* pages drawn to sink and freed */
  /* where the first line of the last text flowed went (ops themselves
   * may be freed once their page is drawn) */
  double         flow_y;     /* its baseline */
  guint          flow_page;  /* 0-based */
};

/* Renderer internals. A pagination takes the renderer's current font set
 * once (gw-pdf.c) and keeps it: a font change builds a new set
 * (gw-font-set.c). */
GwFontSet                  *_gw_renderer_take_fonts      (GwRenderer   *self);
void                        _gw_font_set_unref           (GwFontSet    *set);
const PangoFontDescription *_gw_font_set_get_desc        (GwFontSet    *set,
                                                          GwFontRole    role);
PangoFontMap               *_gw_font_set_acquire_map     (GwFontSet    *set);
void                        _gw_font_set_release_map     (GwFontSet    *set,
                                                          PangoFontMap *map);
/* gw-pagination.c */
const PangoFontDescription *_gw_pagination_font_desc     (GwPagination *p,
                                                          GwFontRole    role);
/* Test hook: called between looking a role's font up and using it. */
extern void (*_gw_render_test_font_hook) (GwFontRole role);

/* gw-conservation.c */
GwTextEntry *_gw_ledger_entry           (GwPagination *p,
                                         const char   *where,
                                         const char   *source,
                                         gssize        len);
void         _gw_ledger_span            (GwTextEntry  *entry,
                                         PangoLayout  *layout,
                                         guint         start,
                                         guint         end);
/* Entry + span: @source appears verbatim in @layout's text at byte @start. */
void         _gw_ledger_account         (GwPagination *p,
                                         PangoLayout  *layout,
                                         const char   *where,
                                         const char   *source,
                                         guint         start);
void         _gw_ledger_free            (GPtrArray    *ledger);
void         _gw_pagination_begin_pass  (GwPagination *p);
/* Whether to draw @line of @layout (the test hook may drop it); counts
 * what it returns TRUE for off the ledger, from its glyph strings. */
gboolean     _gw_pagination_count_line  (GwPagination    *p,
                                         PangoLayout     *layout,
                                         PangoLayoutLine *line);
gboolean     _gw_pagination_check_drawn (GwPagination *p,
                                         GError      **error);
/* Whitespace and format characters need not leave a glyph. */
gboolean     _gw_char_is_exempt         (gunichar      c);

/* gw-layout.c, gw-layout-evaluation.c */
/* Every character the layout writes itself (labels, the evaluation form's
 * headings), so a batch's font copies hold them: keep in step with the
 * literals of gw-layout*.c (test-render's batch test fails otherwise). */
extern const char _gw_layout_fixed_text[];
gboolean _gw_layout_document   (GwPagination *pagination,
                                GError      **error);
gboolean _gw_layout_evaluation (GwPagination *pagination,
                                GError      **error);

/* Shared helpers of the two layouts (gw-pagination.c). */
GwSheet     *_gw_pagination_new_page   (GwPagination *p);
GwOp        *_gw_page_add_line         (GwSheet      *page,
                                        const GwLine *line,
                                        double        x0,
                                        double        baseline,
                                        guint32       rgb);
GwOp        *_gw_page_add_text         (GwSheet     *page,
                                        PangoLayout *layout,
                                        int          line,
                                        double       x,
                                        double       baseline,
                                        guint32      rgb);
void         _gw_page_add_rule         (GwSheet     *page,
                                        double       x,
                                        double       y,
                                        double       w,
                                        double       thickness,
                                        guint32      rgb);
void         _gw_page_add_box          (GwSheet     *page,
                                        double       x,
                                        double       y,
                                        double       w,
                                        double       h,
                                        double       line_width);
PangoLayout *_gw_pagination_layout     (GwPagination *p,
                                        GwFontRole    role,
                                        double        size,
                                        double        width,
                                        const char   *text);
gboolean     _gw_pagination_check_glyphs (GwPagination *p,
                                          PangoLayout  *layout,
                                          const char   *where);
void         _gw_pagination_number_pages (GwPagination *p);
void         _gw_pagination_number_page  (GwPagination *p,
                                          guint         index);
/* Draws pages [p->flushed, @until) to p->sink, if any, and frees their
 * ops. */
void         _gw_pagination_flush        (GwPagination *p,
                                          guint         until);
double       _gw_baseline_in_slot      (double slot_top,
                                        double size);

G_END_DECLS
