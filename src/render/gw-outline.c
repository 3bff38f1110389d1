/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-outline"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-error.h"
#include "gw-outline.h"

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

static void
contour_clear (gpointer data)
{
  Contour *c = data;

  g_array_unref (c->segs);
  g_array_unref (c->refs);
}

/* ---- decoding -------------------------------------------------------- */

typedef struct {
  const guint8 *width;       /* the advance-width operand, verbatim, or NULL */
  gsize         width_len;
  GArray       *contours;    /* Contour */
  int           x, y;        /* current point */
} Glyph;

static Contour *
current (Glyph *g)
{
  return g->contours->len ? &g_array_index (g->contours, Contour, g->contours->len - 1) : NULL;
}

static void
move_to (Glyph *g,
         int    dx,
         int    dy)
{
  Contour c;

  g->x += dx;
  g->y += dy;
  c.x = g->x;
  c.y = g->y;
  c.segs = g_array_new (FALSE, FALSE, sizeof (Seg));
  c.refs = g_array_new (FALSE, FALSE, sizeof (Pt));
  g_array_append_val (g->contours, c);
}

static gboolean
line_to (Glyph *g,
         int    dx,
         int    dy)
{
  Contour *c = current (g);
  Seg s = { 0 };
  Pt p;

  if (c == NULL)
    return FALSE;
  g->x += dx;
  g->y += dy;
  s.x = g->x;
  s.y = g->y;
  p.x = s.x;
  p.y = s.y;
  s.r0 = c->refs->len;
  g_array_append_val (c->refs, p);
  s.r1 = c->refs->len;
  g_array_append_val (c->segs, s);
  return TRUE;
}

static Pt
bezier (Pt    p0,
        Pt    p1,
        Pt    p2,
        Pt    p3,
        double t)
{
  double u = 1 - t;
  Pt r;

  r.x = u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x;
  r.y = u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y;
  return r;
}

static gboolean
curve_to (Glyph *g,
          int    dx1,
          int    dy1,
          int    dx2,
          int    dy2,
          int    dx3,
          int    dy3)
{
  Contour *c = current (g);
  Seg s = { 0 };
  Pt p0, p1, p2, p3;

  if (c == NULL)
    return FALSE;
  p0.x = g->x;
  p0.y = g->y;
  s.curve = TRUE;
  s.x1 = g->x + dx1;
  s.y1 = g->y + dy1;
  s.x2 = s.x1 + dx2;
  s.y2 = s.y1 + dy2;
  s.x = s.x2 + dx3;
  s.y = s.y2 + dy3;
  g->x = s.x;
  g->y = s.y;
  p1.x = s.x1, p1.y = s.y1;
  p2.x = s.x2, p2.y = s.y2;
  p3.x = s.x, p3.y = s.y;
  s.r0 = c->refs->len;
  for (int k = 1; k <= CURVE_SAMPLES; k++)
    {
      Pt p = bezier (p0, p1, p2, p3, (double) k / CURVE_SAMPLES);

      g_array_append_val (c->refs, p);
    }
  s.r1 = c->refs->len;
  g_array_append_val (c->segs, s);
  return TRUE;
}

/* Alternating curves of hvcurveto / vhcurveto: each starts horizontal or
 * vertical and ends the other way; the last may end obliquely (5th arg). */
static gboolean
alternating (Glyph     *g,
             const int *a,
             int        n,
             gboolean   horizontal)
{
  if (n < 4 || (n % 4 != 0 && n % 4 != 1))
    return FALSE;
  for (int k = 0; k + 4 <= n; k += 4)
    {
      int last = (n - k == 5) ? a[k + 4] : 0;
      gboolean ok;

      if (horizontal)
        ok = curve_to (g, a[k], 0, a[k + 1], a[k + 2], last, a[k + 3]);
      else
        ok = curve_to (g, 0, a[k], a[k + 1], a[k + 2], a[k + 3], last);
      if (!ok)
        return FALSE;
      horizontal = !horizontal;
    }
  return TRUE;
}

static gboolean
draw (Glyph     *g,
      int        op,
      const int *a,
      int        n)
{
  int k = 0;

  switch (op)
    {
    case 21:   /* rmoveto */
      if (n != 2)
        return FALSE;
      move_to (g, a[0], a[1]);
      return TRUE;
    case 22:   /* hmoveto */
      if (n != 1)
        return FALSE;
      move_to (g, a[0], 0);
      return TRUE;
    case 4:    /* vmoveto */
      if (n != 1)
        return FALSE;
      move_to (g, 0, a[0]);
      return TRUE;
    case 5:    /* rlineto */
      if (n < 2 || n % 2)
        return FALSE;
      for (; k < n; k += 2)
        if (!line_to (g, a[k], a[k + 1]))
          return FALSE;
      return TRUE;
    case 6:    /* hlineto */
    case 7:    /* vlineto */
      if (n < 1)
        return FALSE;
      for (gboolean h = (op == 6); k < n; k++, h = !h)
        if (!line_to (g, h ? a[k] : 0, h ? 0 : a[k]))
          return FALSE;
      return TRUE;
    case 8:    /* rrcurveto */
      if (n < 6 || n % 6)
        return FALSE;
      for (; k < n; k += 6)
        if (!curve_to (g, a[k], a[k + 1], a[k + 2], a[k + 3], a[k + 4], a[k + 5]))
          return FALSE;
      return TRUE;
    case 24:   /* rcurveline */
      if (n < 8 || (n - 2) % 6)
        return FALSE;
      for (; k + 2 < n; k += 6)
        if (!curve_to (g, a[k], a[k + 1], a[k + 2], a[k + 3], a[k + 4], a[k + 5]))
          return FALSE;
      return line_to (g, a[k], a[k + 1]);
    case 25:   /* rlinecurve */
      if (n < 8 || (n - 6) % 2)
        return FALSE;
      for (; k + 6 < n; k += 2)
        if (!line_to (g, a[k], a[k + 1]))
          return FALSE;
      return curve_to (g, a[k], a[k + 1], a[k + 2], a[k + 3], a[k + 4], a[k + 5]);
    case 26:   /* vvcurveto */
    case 27:   /* hhcurveto */
      {
        int d1 = 0;

        if (n % 4 == 1)
          d1 = a[k++];
        if (n - k < 4 || (n - k) % 4)
          return FALSE;
        for (; k < n; k += 4, d1 = 0)
          if (!(op == 26 ? curve_to (g, d1, a[k], a[k + 1], a[k + 2], 0, a[k + 3])
                         : curve_to (g, a[k], d1, a[k + 1], a[k + 2], a[k + 3], 0)))
            return FALSE;
        return TRUE;
      }
    case 30:   /* vhcurveto */
    case 31:   /* hvcurveto */
      return alternating (g, a, n, op == 31);
    case 1234: /* hflex */
      return n == 7 &&
             curve_to (g, a[0], 0, a[1], a[2], a[3], 0) &&
             curve_to (g, a[4], 0, a[5], -a[2], a[6], 0);
    case 1235: /* flex */
      return n == 13 &&
             curve_to (g, a[0], a[1], a[2], a[3], a[4], a[5]) &&
             curve_to (g, a[6], a[7], a[8], a[9], a[10], a[11]);
    case 1236: /* hflex1 */
      return n == 9 &&
             curve_to (g, a[0], a[1], a[2], a[3], a[4], 0) &&
             curve_to (g, a[5], 0, a[6], a[7], a[8], -(a[1] + a[3] + a[7]));
    case 1237: /* flex1 */
      {
        int dx = 0, dy = 0;

        if (n != 11)
          return FALSE;
        for (int i = 0; i < 10; i += 2)
          dx += a[i], dy += a[i + 1];
        return curve_to (g, a[0], a[1], a[2], a[3], a[4], a[5]) &&
               (abs (dx) > abs (dy) ? curve_to (g, a[6], a[7], a[8], a[9], a[10], -dy)
                                    : curve_to (g, a[6], a[7], a[8], a[9], -dx, a[10]));
      }
    default:
      /* hints, subroutines, arithmetic: not in a prepared copy */
      return FALSE;
    }
}

/* Decodes a charstring made only of path operators with integer operands;
 * FALSE for anything else (the glyph is then kept as it is). */
static gboolean
decode (const guint8 *cs,
        gsize         len,
        Glyph        *g)
{
  int stack[MAX_ARGS];
  gsize pos[MAX_ARGS + 1];
  int n = 0;
  gboolean first = TRUE;
  gsize i = 0;

  while (i < len)
    {
      guint8 b = cs[i];
      int op, base = 0;

      if (b >= 32 || b == 28)
        {
          int v;

          if (n == MAX_ARGS)
            return FALSE;
          pos[n] = i;
          if (b == 28 && i + 2 < len)
            v = (gint16) ((cs[i + 1] << 8) | cs[i + 2]), i += 3;
          else if (b >= 32 && b <= 246)
            v = b - 139, i += 1;
          else if (b >= 247 && b <= 250 && i + 1 < len)
            v = (b - 247) * 256 + cs[i + 1] + 108, i += 2;
          else if (b >= 251 && b <= 254 && i + 1 < len)
            v = -(b - 251) * 256 - cs[i + 1] - 108, i += 2;
          else
            return FALSE;   /* 16.16 fixed, or truncated */
          stack[n++] = v;
          pos[n] = i;
          continue;
        }
      op = b;
      i++;
      if (op == 12)
        {
          if (i >= len)
            return FALSE;
          op = 1200 + cs[i++];
        }
      if (first)
        {
          int expect;

          /* the first stack-clearing operator may carry the width first */
          switch (op)
            {
            case 21: expect = 2; break;
            case 22: case 4: expect = 1; break;
            case 14: expect = 0; break;
            default: return FALSE;
            }
          if (n == expect + 1)
            {
              g->width = cs + pos[0];
              g->width_len = pos[1] - pos[0];
              base = 1;
            }
          else if (n != expect)
            return FALSE;
          first = FALSE;
        }
      if (op == 14)
        return n == base && i == len;   /* no seac */
      if (!draw (g, op, stack + base, n - base))
        return FALSE;
      n = 0;
    }
  return FALSE;
}

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
    poly[k] = bezier (a, pt (s->x1, s->y1), pt (s->x2, s->y2), pt (s->x, s->y), k / 32.0);
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

static void
simplify (Contour *c,
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

/* ---- encoding -------------------------------------------------------- */

static void
put_num (GByteArray *out,
         int         v)
{
  guint8 b[3];

  if (v >= -107 && v <= 107)
    {
      b[0] = (guint8) (v + 139);
      g_byte_array_append (out, b, 1);
    }
  else if (v >= 108 && v <= 1131)
    {
      v -= 108;
      b[0] = (guint8) ((v >> 8) + 247), b[1] = (guint8) (v & 0xff);
      g_byte_array_append (out, b, 2);
    }
  else if (v >= -1131 && v <= -108)
    {
      v = -v - 108;
      b[0] = (guint8) ((v >> 8) + 251), b[1] = (guint8) (v & 0xff);
      g_byte_array_append (out, b, 2);
    }
  else
    {
      b[0] = 28, b[1] = (guint8) ((v >> 8) & 0xff), b[2] = (guint8) (v & 0xff);
      g_byte_array_append (out, b, 3);
    }
}

static void
put_op (GByteArray *out,
        guint8      op)
{
  g_byte_array_append (out, &op, 1);
}

typedef struct {
  gboolean curve;
  int      d[6];   /* dx1 dy1 dx2 dy2 dx3 dy3, or dx dy */
} Delta;

/* Curve k of an hv/vh run: starts along the axis (@horizontal or not) and
 * ends along the other one (or, for the last curve, anywhere). */
static gboolean
starts_along (const Delta *d,
              gboolean     horizontal)
{
  return d->curve && (horizontal ? d->d[1] == 0 : d->d[0] == 0);
}

static gboolean
ends_across (const Delta *d,
             gboolean     horizontal)
{
  return horizontal ? d->d[4] == 0 : d->d[5] == 0;
}

/* Emits curves from @i in the shortest form found; returns how many. */
static guint
emit_curves (GByteArray  *out,
             const Delta *d,
             guint        i,
             guint        n)
{
  guint alt = 0, same = 0, k;
  gboolean h0 = d[i].d[1] == 0;   /* hv run starting horizontal? */
  gboolean hh = d[i].d[5] == 0;   /* hh run (ends horizontal) or vv */

  /* hvcurveto / vhcurveto: how many curves alternate */
  if (starts_along (&d[i], TRUE) || starts_along (&d[i], FALSE))
    {
      gboolean h = starts_along (&d[i], TRUE);

      h0 = h;
      for (k = i; k < n && alt * 4 + 5 <= MAX_ARGS && starts_along (&d[k], h); k++, h = !h)
        {
          alt++;
          if (!ends_across (&d[k], h))
            break;
        }
    }
  /* hhcurveto / vvcurveto: the first may start obliquely */
  if (d[i].curve && (d[i].d[5] == 0 || d[i].d[4] == 0))
    {
      hh = d[i].d[5] == 0;
      for (k = i; k < n && same * 4 + 5 <= MAX_ARGS && d[k].curve &&
                  (hh ? d[k].d[5] == 0 : d[k].d[4] == 0) &&
                  (k == i || (hh ? d[k].d[1] == 0 : d[k].d[0] == 0)); k++)
        same++;
    }

  if (alt > 0 && alt >= same)
    {
      gboolean h = h0;

      for (k = i; k < i + alt; k++, h = !h)
        {
          const int *a = d[k].d;
          gboolean last_oblique = (k == i + alt - 1) && !ends_across (&d[k], h);

          if (h)
            {
              put_num (out, a[0]), put_num (out, a[2]), put_num (out, a[3]), put_num (out, a[5]);
              if (last_oblique)
                put_num (out, a[4]);
            }
          else
            {
              put_num (out, a[1]), put_num (out, a[2]), put_num (out, a[3]), put_num (out, a[4]);
              if (last_oblique)
                put_num (out, a[5]);
            }
        }
      put_op (out, h0 ? 31 : 30);
      return alt;
    }
  if (same > 0)
    {
      for (k = i; k < i + same; k++)
        {
          const int *a = d[k].d;

          if (hh)
            {
              if (k == i && a[1] != 0)
                put_num (out, a[1]);
              put_num (out, a[0]), put_num (out, a[2]), put_num (out, a[3]), put_num (out, a[4]);
            }
          else
            {
              if (k == i && a[0] != 0)
                put_num (out, a[0]);
              put_num (out, a[1]), put_num (out, a[2]), put_num (out, a[3]), put_num (out, a[5]);
            }
        }
      put_op (out, hh ? 27 : 26);
      return same;
    }
  /* rrcurveto for the oblique ones; a line right after rides along */
  for (k = i; k < n && (k - i) * 6 + 6 <= MAX_ARGS - 2 && d[k].curve &&
              (k == i || !(starts_along (&d[k], TRUE) || starts_along (&d[k], FALSE))); k++)
    for (int j = 0; j < 6; j++)
      put_num (out, d[k].d[j]);
  if (k < n && !d[k].curve && d[k].d[0] != 0 && d[k].d[1] != 0)
    {
      put_num (out, d[k].d[0]), put_num (out, d[k].d[1]);
      put_op (out, 24);   /* rcurveline */
      return k + 1 - i;
    }
  put_op (out, 8);
  return k - i;
}

static guint
emit_lines (GByteArray  *out,
            const Delta *d,
            guint        i,
            guint        n)
{
  guint k;

  if (d[i].d[0] == 0 || d[i].d[1] == 0)
    {
      /* hlineto / vlineto: alternating axis-parallel lines */
      gboolean h0 = d[i].d[1] == 0, h = h0;

      for (k = i; k < n && k - i < MAX_ARGS && !d[k].curve &&
                  (h ? d[k].d[1] == 0 : d[k].d[0] == 0); k++, h = !h)
        put_num (out, h ? d[k].d[0] : d[k].d[1]);
      put_op (out, h0 ? 6 : 7);
      return k - i;
    }
  for (k = i; k < n && (k - i) * 2 + 2 <= MAX_ARGS - 6 && !d[k].curve &&
              d[k].d[0] != 0 && d[k].d[1] != 0; k++)
    put_num (out, d[k].d[0]), put_num (out, d[k].d[1]);
  if (k < n && d[k].curve && !(starts_along (&d[k], TRUE) || starts_along (&d[k], FALSE)))
    {
      for (int j = 0; j < 6; j++)
        put_num (out, d[k].d[j]);
      put_op (out, 25);   /* rlinecurve */
      return k + 1 - i;
    }
  put_op (out, 5);
  return k - i;
}

static GBytes *
encode (const Glyph *g)
{
  GByteArray *out = g_byte_array_new ();
  gboolean width_done = g->width == NULL;
  int x = 0, y = 0;

  for (guint ci = 0; ci < g->contours->len; ci++)
    {
      const Contour *c = &g_array_index (g->contours, Contour, ci);
      g_autofree Delta *d = g_new0 (Delta, c->segs->len);
      guint n = c->segs->len;
      int px, py;

      if (!width_done)
        g_byte_array_append (out, g->width, g->width_len), width_done = TRUE;
      if (c->y == y)
        put_num (out, c->x - x), put_op (out, 22);
      else if (c->x == x)
        put_num (out, c->y - y), put_op (out, 4);
      else
        put_num (out, c->x - x), put_num (out, c->y - y), put_op (out, 21);
      px = c->x, py = c->y;
      for (guint i = 0; i < n; i++)
        {
          const Seg *s = &g_array_index (c->segs, Seg, i);

          d[i].curve = s->curve;
          if (s->curve)
            {
              d[i].d[0] = s->x1 - px, d[i].d[1] = s->y1 - py;
              d[i].d[2] = s->x2 - s->x1, d[i].d[3] = s->y2 - s->y1;
              d[i].d[4] = s->x - s->x2, d[i].d[5] = s->y - s->y2;
            }
          else
            d[i].d[0] = s->x - px, d[i].d[1] = s->y - py;
          px = s->x, py = s->y;
        }
      /* the contour closes itself with a line back to its start */
      if (n > 0 && !d[n - 1].curve && px == c->x && py == c->y)
        {
          n--;
          px = n ? g_array_index (c->segs, Seg, n - 1).x : c->x;
          py = n ? g_array_index (c->segs, Seg, n - 1).y : c->y;
        }
      for (guint i = 0; i < n; )
        i += d[i].curve ? emit_curves (out, d, i, n) : emit_lines (out, d, i, n);
      x = px, y = py;
    }
  if (!width_done)
    g_byte_array_append (out, g->width, g->width_len);
  put_op (out, 14);
  return g_byte_array_free_to_bytes (out);
}

/* ---- the CFF table --------------------------------------------------- */

static guint
be (const guint8 *p,
    guint         size)
{
  guint v = 0;

  for (guint i = 0; i < size; i++)
    v = (v << 8) | p[i];
  return v;
}

typedef struct {
  guint  count;
  guint  off_size;
  gsize  offsets;    /* where the offset array starts */
  gsize  base;       /* data starts at base + 1 */
  gsize  end;
} Index;

static gboolean
read_index (const guint8 *d,
            gsize         len,
            gsize         at,
            Index        *ix)
{
  if (at + 2 > len)
    return FALSE;
  ix->count = be (d + at, 2);
  if (ix->count == 0)
    {
      ix->end = at + 2;
      return TRUE;
    }
  if (at + 3 > len)
    return FALSE;
  ix->off_size = d[at + 2];
  if (ix->off_size < 1 || ix->off_size > 4)
    return FALSE;
  ix->offsets = at + 3;
  ix->base = ix->offsets + (gsize) (ix->count + 1) * ix->off_size - 1;
  if (ix->base >= len)
    return FALSE;
  ix->end = ix->base + be (d + ix->offsets + (gsize) ix->count * ix->off_size, ix->off_size);
  return ix->end <= len;
}

static gboolean
index_item (const guint8 *d,
            const Index  *ix,
            guint         i,
            gsize        *start,
            gsize        *end)
{
  *start = ix->base + be (d + ix->offsets + (gsize) i * ix->off_size, ix->off_size);
  *end = ix->base + be (d + ix->offsets + (gsize) (i + 1) * ix->off_size, ix->off_size);
  return *start >= ix->base + 1 && *start <= *end && *end <= ix->end;
}

/* An operand that is a file offset, and where its five bytes are. */
typedef struct {
  gsize at;        /* position of the 29 byte */
  guint value;
} Offset;

/* Collects the operands of the offset operators of a DICT (charset,
 * encoding, CharStrings, Private, FDArray, FDSelect); FALSE if one is not
 * written as a five-byte integer, so it could not be patched in place. */
static gboolean
dict_offsets (const guint8 *d,
              gsize         start,
              gsize         end,
              GArray       *offsets,
              gsize        *charstrings)
{
  gsize opnd[MAX_ARGS];
  int n = 0;

  for (gsize i = start; i < end; )
    {
      guint8 b = d[i];
      int op;

      if (b == 30)   /* real number: skip its nibbles */
        {
          if (n == MAX_ARGS)
            return FALSE;
          opnd[n++] = i;
          for (i++; i < end && (d[i] & 0x0f) != 0x0f && (d[i] & 0xf0) != 0xf0; i++)
            ;
          i++;
          continue;
        }
      if (b >= 28)
        {
          if (n == MAX_ARGS)
            return FALSE;
          opnd[n++] = i;
          i += b == 28 ? 3 : b == 29 ? 5 : b <= 246 ? 1 : 2;
          continue;
        }
      op = b;
      i++;
      if (op == 12)
        op = 1200 + (i < end ? d[i++] : 0);
      /* the last operand of: charset, encoding, CharStrings, Private
       * (size offset), FDArray, FDSelect */
      if ((op == 15 || op == 16 || op == 17 || op == 18 || op == 1236 || op == 1237) && n > 0)
        {
          gsize at = opnd[n - 1];
          Offset o = { at, 0 };

          if (d[at] == 29 && at + 5 <= end)
            o.value = be (d + at + 1, 4);
          else if ((op == 15 || op == 16) && d[at] >= 32 && d[at] <= 246 && d[at] - 139 <= 2)
            o.value = 0;   /* a predefined charset or encoding, not an offset */
          else
            return FALSE;
          if (op == 17)
            *charstrings = o.value;
          else if (o.value > 0)
            g_array_append_val (offsets, o);
        }
      n = 0;
    }
  return TRUE;
}

static GBytes *
rebuild_cff (const guint8 *d,
             gsize         len,
             double        tol,
             GError      **error)
{
  Index names, tops, strings, gsubrs, charstrings;
  gsize top_start, top_end, cs_at = 0;
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (Offset));
  g_autoptr(GByteArray) items = g_byte_array_new ();
  g_autofree guint32 *ends = NULL;
  g_autoptr(GByteArray) out = NULL;
  guint off_size, total;
  gssize delta;

#define REFUSE(why) G_STMT_START { \
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER, "CFF: %s", why); return NULL; } G_STMT_END

  if (len < 4 || d[0] != 1)
    REFUSE ("not CFF version 1");
  if (!read_index (d, len, d[2], &names) ||
      !read_index (d, len, names.end, &tops) || tops.count != 1 ||
      !read_index (d, len, tops.end, &strings) ||
      !read_index (d, len, strings.end, &gsubrs))
    REFUSE ("bad header indexes");
  if (gsubrs.count != 0)
    REFUSE ("global subroutines");
  if (!index_item (d, &tops, 0, &top_start, &top_end) ||
      !dict_offsets (d, top_start, top_end, offsets, &cs_at) || cs_at == 0)
    REFUSE ("Top DICT offsets");
  if (!read_index (d, len, cs_at, &charstrings) || charstrings.count == 0)
    REFUSE ("CharStrings");

  /* the Font DICTs of a CID font hold their Private offsets too */
  for (guint i = 0, n = offsets->len; i < n; i++)
    {
      Offset o = g_array_index (offsets, Offset, i);
      gsize op_at = o.at + 5;
      Index fdarray;

      if (op_at + 1 < top_end && d[op_at] == 12 && d[op_at + 1] == 36)
        {
          if (!read_index (d, len, o.value, &fdarray))
            REFUSE ("FDArray");
          for (guint f = 0; f < fdarray.count; f++)
            {
              gsize s, e;

              if (!index_item (d, &fdarray, f, &s, &e) ||
                  !dict_offsets (d, s, e, offsets, &cs_at))
                REFUSE ("Font DICT offsets");
            }
        }
    }

  ends = g_new (guint32, charstrings.count);
  for (guint i = 0; i < charstrings.count; i++)
    {
      gsize s, e;
      Glyph g = { 0 };
      g_autoptr(GBytes) cs = NULL;

      if (!index_item (d, &charstrings, i, &s, &e))
        REFUSE ("CharStrings");
      g.contours = g_array_new (FALSE, FALSE, sizeof (Contour));
      g_array_set_clear_func (g.contours, contour_clear);
      if (decode (d + s, e - s, &g))
        {
          for (guint c = 0; c < g.contours->len; c++)
            simplify (&g_array_index (g.contours, Contour, c), tol);
          cs = encode (&g);
        }
      g_array_unref (g.contours);
      if (cs && g_bytes_get_size (cs) < e - s)
        g_byte_array_append (items, g_bytes_get_data (cs, NULL), g_bytes_get_size (cs));
      else
        g_byte_array_append (items, d + s, e - s);
      ends[i] = items->len;
    }

  total = items->len + 1;
  off_size = total <= 0xff ? 1 : total <= 0xffff ? 2 : total <= 0xffffff ? 3 : 4;
  out = g_byte_array_sized_new (len);
  g_byte_array_append (out, d, cs_at);
  {
    guint8 head[3] = { charstrings.count >> 8, charstrings.count & 0xff, off_size };

    g_byte_array_append (out, head, 3);
  }
  for (guint i = 0; i <= charstrings.count; i++)
    {
      guint v = i == 0 ? 1 : ends[i - 1] + 1;
      guint8 b[4];

      for (guint k = 0; k < off_size; k++)
        b[k] = (v >> (8 * (off_size - 1 - k))) & 0xff;
      g_byte_array_append (out, b, off_size);
    }
  g_byte_array_append (out, items->data, items->len);
  delta = (gssize) out->len - (gssize) charstrings.end;
  g_byte_array_append (out, d + charstrings.end, len - charstrings.end);

  /* what lies after the CharStrings moved by delta */
  for (guint i = 0; i < offsets->len; i++)
    {
      Offset o = g_array_index (offsets, Offset, i);
      gsize at = o.at < cs_at ? o.at : o.at + delta;
      guint v = o.value;

      if (o.at >= cs_at && o.at < charstrings.end)
        REFUSE ("a DICT inside the CharStrings");
      if (v >= charstrings.end)
        v += delta;
      else if (v > cs_at)
        REFUSE ("an offset into the CharStrings");
      out->data[at + 1] = (v >> 24) & 0xff;
      out->data[at + 2] = (v >> 16) & 0xff;
      out->data[at + 3] = (v >> 8) & 0xff;
      out->data[at + 4] = v & 0xff;
    }
#undef REFUSE
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ---- the OpenType wrapper -------------------------------------------- */

static guint32
table_checksum (const guint8 *p,
                gsize         len)
{
  guint32 sum = 0;

  for (gsize i = 0; i < len; i += 4)
    {
      guint8 w[4] = { 0 };

      memcpy (w, p + i, MIN (4, len - i));
      sum += ((guint32) w[0] << 24) | ((guint32) w[1] << 16) | ((guint32) w[2] << 8) | w[3];
    }
  return sum;
}

static void
put32 (guint8 *p,
       guint32 v)
{
  p[0] = v >> 24, p[1] = (v >> 16) & 0xff, p[2] = (v >> 8) & 0xff, p[3] = v & 0xff;
}

GBytes *
_gw_font_simplify_outlines (GBytes  *font,
                            double   tolerance_em,
                            GError **error)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (font, &len);
  guint n_tables;
  gsize cff_off = 0, cff_len = 0, head_off = 0;
  g_autoptr(GBytes) cff = NULL;
  g_autoptr(GByteArray) out = NULL;
  gsize head_at = 0;
  double tol;

  if (len < 12 || be (d, 4) != 0x4F54544F)   /* 'OTTO' */
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, "not an OpenType/CFF font");
      return NULL;
    }
  n_tables = be (d + 4, 2);
  if (12 + 16 * (gsize) n_tables > len)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, "truncated table directory");
      return NULL;
    }
  for (guint i = 0; i < n_tables; i++)
    {
      const guint8 *rec = d + 12 + 16 * i;
      gsize off = be (rec + 8, 4), l = be (rec + 12, 4);

      if (off > len || l > len - off)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_RENDER, "table outside the file");
          return NULL;
        }
      if (memcmp (rec, "CFF ", 4) == 0)
        cff_off = off, cff_len = l;
      else if (memcmp (rec, "head", 4) == 0 && l >= 54)
        head_off = off;
    }
  if (cff_len == 0 || head_off == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, "no CFF or head table");
      return NULL;
    }
  tol = tolerance_em * be (d + head_off + 18, 2);   /* unitsPerEm */
  cff = rebuild_cff (d + cff_off, cff_len, tol, error);
  if (cff == NULL)
    return NULL;

  /* the same tables in the same order, CFF replaced, 4-byte aligned */
  out = g_byte_array_sized_new (len);
  g_byte_array_append (out, d, 12 + 16 * n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      const guint8 *tag = d + 12 + 16 * i;
      gsize off = be (tag + 8, 4), l = be (tag + 12, 4);
      const guint8 *src = d + off;
      static const guint8 zero[4] = { 0 };
      gsize at = out->len;
      guint8 *rec;

      if (memcmp (tag, "CFF ", 4) == 0)
        src = g_bytes_get_data (cff, &l);
      g_byte_array_append (out, src, l);
      g_byte_array_append (out, zero, (4 - l % 4) % 4);
      rec = out->data + 12 + 16 * i;   /* the appends may have moved it */
      if (memcmp (tag, "head", 4) == 0)
        {
          head_at = at;
          put32 (out->data + at + 8, 0);   /* checkSumAdjustment, set below */
        }
      put32 (rec + 4, table_checksum (out->data + at, l));
      put32 (rec + 8, at);
      put32 (rec + 12, l);
    }
  put32 (out->data + head_at + 8, 0xB1B0AFBA - table_checksum (out->data, out->len));
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
