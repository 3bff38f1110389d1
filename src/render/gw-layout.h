/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "gw-pdf.h"

G_BEGIN_DECLS

/* GB/T 9704-2012 geometry, in PDF points, origin at the top-left of the
 * page (see ../shared/spec/gbt9704.md §1–2). */
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

typedef struct {
  GPtrArray *ops;           /* GwOp* */
  guint      number;        /* printed page number, 0 = none */
  gboolean   blank;
  gboolean   landscape;     /* holds a landscape table (§8) */
  gboolean   turning;       /* ops added now are turned (while laying one out) */
} GwPage;

/* A landscape table (GB/T 9704 §8) is laid out in a frame of the type
 * area turned a quarter: GW_TA_H wide and GW_TA_W high, at the same
 * top-left corner, and drawn turned so that its head faces the left edge
 * of the sheet (the 订口 of an odd page, the 切口 of an even one); the
 * page number stays where it is on every page. This maps the frame onto
 * the page (cairo: translate, rotate −90°, translate). */
#define GW_TURN_ORIGIN_X  GW_TA_LEFT
#define GW_TURN_ORIGIN_Y  GW_TA_BOTTOM

typedef struct {
  char   *text;
  guint   level;            /* 1 … 4 */
  guint   page;             /* 0-based */
  double  y;
} GwOutlineEntry;

struct _GwPagination {
  GwRenderer    *renderer;
  PangoFontMap  *font_map;
  PangoContext  *context;
  GPtrArray     *pages;      /* GwPage* */
  GPtrArray     *outline;    /* GwOutlineEntry* */
  char          *meta_title;
  char          *meta_author;
  char          *meta_subject;
  char          *meta_date;  /* ISO 8601, or NULL */
  /* building */
  GwDocument    *doc;
  const char    *source;     /* file name for messages */
  GwPage        *page;
  double         y;          /* top of the next free space on the page */
  gboolean       landscape;  /* new pages are landscape-table pages */
  GError        *error;      /* first error met */
};

/* Renderer internals (gw-pdf.c). */
const PangoFontDescription *_gw_renderer_get_font_desc  (GwRenderer   *self,
                                                          GwFontRole    role);
PangoFontMap               *_gw_renderer_acquire_font_map (GwRenderer *self);
void                        _gw_renderer_release_font_map (GwRenderer   *self,
                                                            PangoFontMap *map);

/* gw-layout.c */
/* Every character the layout writes itself (labels, the evaluation form's
 * headings), so a batch's font copies hold them: keep in step with the
 * literals of gw-layout.c (test-render's batch test fails otherwise). */
extern const char _gw_layout_fixed_text[];
gboolean _gw_layout_document   (GwPagination *pagination,
                                GError      **error);
gboolean _gw_layout_evaluation (GwPagination *pagination,
                                GError      **error);

/* Shared helpers of the two layouts (gw-layout.c). */
GwPage      *_gw_pagination_new_page   (GwPagination *p);
GwOp        *_gw_page_add_text         (GwPage      *page,
                                        PangoLayout *layout,
                                        int          line,
                                        double       x,
                                        double       baseline,
                                        guint32      rgb);
void         _gw_page_add_rule         (GwPage      *page,
                                        double       x,
                                        double       y,
                                        double       w,
                                        double       thickness,
                                        guint32      rgb);
void         _gw_page_add_box          (GwPage      *page,
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
double       _gw_baseline_in_slot      (double slot_top,
                                        double size);

G_END_DECLS
