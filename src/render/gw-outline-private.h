/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the outline simplifier share (gw-outline*.c): a glyph
 * as contours of lines and curves with the points sampled on its original
 * outline. gw-outline-charstring.c reads and writes Type 2 charstrings,
 * gw-outline-simplify.c simplifies the contours, gw-outline.c rewrites the
 * CFF table inside the font. Internal to src/render. */

#include <glib.h>

G_BEGIN_DECLS

/* Points sampled on each original curve: the reference every simplified
 * segment is measured against. Curves here are 10–150 font units long, so
 * eight samples lie a few units apart. */
#define CURVE_SAMPLES 8
/* Type 2 charstrings hold at most 48 operands. */
#define MAX_ARGS 48

typedef struct {
  double x, y;
} Pt;

typedef struct {
  gboolean curve;
  int      x1, y1, x2, y2;   /* control points (curves) */
  int      x, y;             /* end point */
  guint    r0, r1;           /* reference points [r0, r1) of the contour's refs */
} Seg;

typedef struct {
  int     x, y;              /* start point */
  GArray *segs;              /* Seg */
  GArray *refs;              /* Pt: samples of the original outline */
} Contour;

typedef struct {
  const guint8 *width;       /* the advance-width operand, verbatim, or NULL */
  gsize         width_len;
  GArray       *contours;    /* Contour */
  int           x, y;        /* current point */
} Glyph;

Pt
_gw_outline_bezier (Pt    p0,
                    Pt    p1,
                    Pt    p2,
                    Pt    p3,
                    double t);

gboolean
_gw_outline_decode (const guint8 *cs,
                    gsize         len,
                    Glyph        *g);

void
_gw_outline_simplify (Contour *c,
                      double   tol);

GBytes *
_gw_outline_encode (const Glyph *g);

G_END_DECLS
