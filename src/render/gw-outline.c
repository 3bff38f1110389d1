/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-outline"

#include "config.h"

#include <string.h>

#include "gw-error.h"
#include "gw-outline.h"
#include "gw-outline-private.h"

static void
contour_clear (gpointer data)
{
  Contour *c = data;

  g_array_unref (c->segs);
  g_array_unref (c->refs);
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
      if (_gw_outline_decode (d + s, e - s, &g))
        {
          for (guint c = 0; c < g.contours->len; c++)
            _gw_outline_simplify (&g_array_index (g.contours, Contour, c), tol);
          cs = _gw_outline_encode (&g);
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
