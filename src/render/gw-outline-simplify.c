/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-outline"

#include "config.h"

#include <math.h>

#include "gw-outline-private.h"

/* Simplifying a glyph's contours: straight curves become lines, collinear
 * lines join, neighbouring curves join where one cubic stays within the
 * tolerance of the original outline. */

/* ---- simplification -------------------------------------------------- */

/* Squared distances: compared with the squared tolerance, no roots. */
static double
dist2_to_segment (Pt p,
                  Pt a,
                  Pt b)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double l2 = dx * dx + dy * dy;
  double t = 0, ex, ey;

  if (l2 > 0)
    t = CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0, 1.0);
  ex = p.x - a.x - t * dx;
  ey = p.y - a.y - t * dy;
  return ex * ex + ey * ey;
}

/* Is @p within sqrt(@tol2) of the polyline? */
static gboolean
near_polyline (Pt        p,
               const Pt *poly,
               guint     n,
               double    tol2)
{
  if (n == 1)
    return dist2_to_segment (p, poly[0], poly[0]) <= tol2;
  for (guint i = 0; i + 1 < n; i++)
    if (dist2_to_segment (p, poly[i], poly[i + 1]) <= tol2)
      return TRUE;
  return FALSE;
}

static Pt
pt (int x,
    int y)
{
  Pt p = { x, y };

  return p;
}

/* Is every reference point of [r0, r1) within @tol of the straight
 * segment a–b? */
static gboolean
refs_near_line (const Contour *c,
                Pt             a,
                Pt             b,
                guint          r0,
                guint          r1,
                double         tol)
{
  for (guint i = r0; i < r1; i++)
    if (dist2_to_segment (g_array_index (c->refs, Pt, i), a, b) > tol * tol)
      return FALSE;
  return TRUE;
}

/* Does the curve a, s.(x1,y1), s.(x2,y2), s.(x,y) stay within @tol of the
 * original outline sampled in refs [r0, r1), and the original within @tol
 * of it? */
static gboolean
curve_fits (const Contour *c,
            Pt             a,
            const Seg     *s,
            guint          r0,
            guint          r1,
            double         tol)
{
  Pt poly[33];
  g_autofree Pt *ref = g_new (Pt, r1 - r0 + 1);

  for (int k = 0; k <= 32; k++)
    poly[k] = _gw_outline_bezier (a, pt (s->x1, s->y1), pt (s->x2, s->y2), pt (s->x, s->y),
                                  k / 32.0);
  ref[0] = a;
  for (guint i = r0; i < r1; i++)
    {
      ref[i - r0 + 1] = g_array_index (c->refs, Pt, i);
      if (!near_polyline (ref[i - r0 + 1], poly, 33, tol * tol))
        return FALSE;
    }
  for (int k = 1; k < 32; k += 2)
    if (!near_polyline (poly[k], ref, r1 - r0 + 1, tol * tol))
      return FALSE;
  return TRUE;
}

static double
polyline_length (const Contour *c,
                 Pt             a,
                 guint          r0,
                 guint          r1)
{
  double len = 0;

  for (guint i = r0; i < r1; i++)
    {
      Pt p = g_array_index (c->refs, Pt, i);

      len += sqrt ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y));
      a = p;
    }
  return len;
}

void
_gw_outline_simplify (Contour *c,
                      double   tol)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Seg), c->segs->len);
  Pt start = pt (c->x, c->y);
  Pt prev_start = start;   /* where the last output segment starts */
  Pt at = start;

  for (guint i = 0; i < c->segs->len; i++)
    {
      Seg s = g_array_index (c->segs, Seg, i);
      Pt end = pt (s.x, s.y);
      Seg *last = out->len ? &g_array_index (out, Seg, out->len - 1) : NULL;

      /* a curve that is a straight line within the tolerance */
      if (s.curve &&
          refs_near_line (c, at, end, s.r0, s.r1, tol) &&
          dist2_to_segment (pt (s.x1, s.y1), at, end) <= 9 * tol * tol &&
          dist2_to_segment (pt (s.x2, s.y2), at, end) <= 9 * tol * tol)
        s.curve = FALSE;
      if (!s.curve && end.x == at.x && end.y == at.y)
        continue;

      if (last && !s.curve && !last->curve &&
          refs_near_line (c, prev_start, end, last->r0, s.r1, tol))
        {
          last->x = s.x, last->y = s.y;
          last->r1 = s.r1;
          at = end;
          continue;
        }
      if (last && s.curve && last->curve)
        {
          double la = polyline_length (c, prev_start, last->r0, last->r1);
          double lb = polyline_length (c, at, s.r0, s.r1);
          double t = la + lb > 0 ? la / (la + lb) : 0.5;

          if (t > 0.05 && t < 0.95)
            {
              Seg m = s;

              /* the cubic that, cut at t, would give the two pieces */
              m.x1 = (int) lround (prev_start.x + (last->x1 - prev_start.x) / t);
              m.y1 = (int) lround (prev_start.y + (last->y1 - prev_start.y) / t);
              m.x2 = (int) lround (s.x + (s.x2 - s.x) / (1 - t));
              m.y2 = (int) lround (s.y + (s.y2 - s.y) / (1 - t));
              m.r0 = last->r0;
              if (curve_fits (c, prev_start, &m, m.r0, m.r1, tol))
                {
                  *last = m;
                  at = end;
                  continue;
                }
            }
        }
      prev_start = at;
      g_array_append_val (out, s);
      at = end;
    }
  g_array_unref (c->segs);
  c->segs = out;
}
