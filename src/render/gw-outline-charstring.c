/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-outline"

#include "config.h"

#include "gw-outline-private.h"

/* Type 2 charstrings both ways: a glyph's drawing operators decoded into
 * contours (sampling the original curves), and contours encoded back in
 * the shortest operators. */

/* ---- decoding -------------------------------------------------------- */

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

Pt
_gw_outline_bezier (Pt    p0,
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
      Pt p = _gw_outline_bezier (p0, p1, p2, p3, (double) k / CURVE_SAMPLES);

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
gboolean
_gw_outline_decode (const guint8 *cs,
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

GBytes *
_gw_outline_encode (const Glyph *g)
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
