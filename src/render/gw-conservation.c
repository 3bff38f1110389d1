/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-conservation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout.h"

/* Text conservation: a PDF with less in it than the document is worse than
 * no PDF. The layout registers, for every source element, the text it must
 * show (a ledger entry) and the byte ranges of the layouts that carry it
 * (spans). The drawing code counts off, cluster by cluster, the glyph
 * strings it actually hands to cairo; a character whose cluster left no
 * glyph, or that was never drawn at all, fails the export.
 *
 * Policy: whitespace (spaces, tabs, line breaks, the ideographic space),
 * control and format characters (zero-width space and joiners, soft hyphen,
 * bidi marks) and variation selectors need not leave a glyph: line breaking
 * may drop or stretch them. Every other character must be drawn at least
 * once (a table's header row is drawn again on every page). */

struct _GwTextEntry {
  char      *where;
  guint      expected;    /* characters of the source that must be drawn */
  GPtrArray *spans;       /* GwTextSpan* */
};

/* A copy of the text, not the layout: a PDF export frees each page's
 * layouts as soon as the page is drawn. */
typedef struct {
  char        *text;      /* bytes [start, end) of the layout's text */
  guint        start, end;
  guint8      *drawn;     /* a bit per byte of text */
} GwTextSpan;

static GQuark
span_quark (void)
{
  static gsize q;

  if (g_once_init_enter (&q))
    g_once_init_leave (&q, g_quark_from_static_string ("gw-text-span"));
  return (GQuark) q;
}

gboolean
_gw_char_is_exempt (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      break;
    }
  return g_unichar_isspace (c) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||   /* selectors */
         (c >= 0x180B && c <= 0x180D) || c == 0x034F;
}

static guint
count_chars (const char *text,
             gsize       len)
{
  const char *end = text + len;
  guint n = 0;

  for (const char *s = text; s < end; s = g_utf8_next_char (s))
    if (!_gw_char_is_exempt (g_utf8_get_char (s)))
      n++;
  return n;
}

static void
span_free (gpointer data)
{
  GwTextSpan *span = data;

  g_free (span->text);
  g_free (span->drawn);
  g_free (span);
}

static void
entry_free (gpointer data)
{
  GwTextEntry *e = data;

  g_ptr_array_unref (e->spans);
  g_free (e->where);
  g_free (e);
}

GwTextEntry *
_gw_ledger_entry (GwPagination *p,
                  const char   *where,
                  const char   *source,
                  gssize        len)
{
  GwTextEntry *e = g_new0 (GwTextEntry, 1);

  if (p->ledger == NULL)
    p->ledger = g_ptr_array_new_with_free_func (entry_free);
  e->where = g_strdup (where);
  e->expected = source ? count_chars (source, len < 0 ? strlen (source) : (gsize) len) : 0;
  e->spans = g_ptr_array_new_with_free_func (span_free);
  g_ptr_array_add (p->ledger, e);
  return e;
}

void
_gw_ledger_span (GwTextEntry *entry,
                 PangoLayout *layout,
                 guint        start,
                 guint        end)
{
  GwTextSpan *span = g_new0 (GwTextSpan, 1);

  g_assert (g_object_get_qdata (G_OBJECT (layout), span_quark ()) == NULL);
  g_assert (start <= end && end <= strlen (pango_layout_get_text (layout)));
  span->text = g_strndup (pango_layout_get_text (layout) + start, end - start);
  span->start = start;
  span->end = end;
  span->drawn = g_new0 (guint8, (end - start) / 8 + 1);
  g_object_set_qdata (G_OBJECT (layout), span_quark (), span);
  g_ptr_array_add (entry->spans, span);
}

void
_gw_ledger_account (GwPagination *p,
                    PangoLayout  *layout,
                    const char   *where,
                    const char   *source,
                    guint         start)
{
  gsize len = strlen (source);
  GwTextEntry *e = _gw_ledger_entry (p, where, source, len);

  _gw_ledger_span (e, layout, start, start + len);
}

void
_gw_ledger_free (GPtrArray *ledger)
{
  if (ledger)
    g_ptr_array_unref (ledger);
}

void
_gw_pagination_begin_pass (GwPagination *p)
{
  p->drawn = 0;
  for (guint i = 0; p->ledger && i < p->ledger->len; i++)
    {
      GwTextEntry *e = g_ptr_array_index (p->ledger, i);

      for (guint k = 0; k < e->spans->len; k++)
        {
          GwTextSpan *span = g_ptr_array_index (e->spans, k);
          memset (span->drawn, 0, (span->end - span->start) / 8 + 1);
        }
    }
}

static gboolean
glyph_shows (PangoGlyph g)
{
  return g != PANGO_GLYPH_EMPTY && g != PANGO_GLYPH_INVALID_INPUT &&
         !(g & PANGO_GLYPH_UNKNOWN_FLAG);
}

gboolean
_gw_pagination_count_line (GwPagination    *p,
                           PangoLayout     *layout,
                           PangoLayoutLine *line)
{
  GwTextSpan *span = g_object_get_qdata (G_OBJECT (layout), span_quark ());
  const char *text;

  if (span == NULL)
    return TRUE;
  if (p->drawn++ == p->drop_line)
    return FALSE;
  text = pango_layout_get_text (layout);
  for (GSList *l = line->runs; l; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphItemIter it;

      for (gboolean more = pango_glyph_item_iter_init_start (&it, run, text); more;
           more = pango_glyph_item_iter_next_cluster (&it))
        {
          int lo = MIN (it.start_glyph, it.end_glyph);
          int hi = MAX (it.start_glyph, it.end_glyph);
          gboolean shows = FALSE;
          guint a, b;

          /* RTL clusters run from start_glyph down to end_glyph + 1 */
          if (it.start_glyph > it.end_glyph)
            lo++, hi++;
          for (int g = lo; g < hi && !shows; g++)
            shows = glyph_shows (run->glyphs->glyphs[g].glyph);
          if (!shows)
            continue;
          a = MAX ((guint) it.start_index, span->start);
          b = MIN ((guint) it.end_index, span->end);
          for (guint i = a; i < b; i++)
            span->drawn[(i - span->start) / 8] |= 1 << ((i - span->start) % 8);
        }
    }
  return TRUE;
}

gboolean
_gw_pagination_check_drawn (GwPagination *p,
                            GError      **error)
{
  for (guint i = 0; p->ledger && i < p->ledger->len; i++)
    {
      GwTextEntry *e = g_ptr_array_index (p->ledger, i);
      guint drawn = 0, missing = 0;
      const char *first = NULL, *first_text = NULL;

      for (guint k = 0; k < e->spans->len; k++)
        {
          GwTextSpan *span = g_ptr_array_index (e->spans, k);
          const char *text = span->text;
          const char *end = text + (span->end - span->start);

          for (const char *s = text; s < end; s = g_utf8_next_char (s))
            {
              guint at = s - text;

              if (_gw_char_is_exempt (g_utf8_get_char (s)))
                continue;
              if (span->drawn[at / 8] & (1 << (at % 8)))
                drawn++;
              else if (missing++ == 0)
                {
                  first = s;
                  first_text = text;
                }
            }
        }
      if (missing > 0)
        {
          char c[8] = { 0 };
          const char *from = first;
          g_autofree char *before = NULL;

          g_unichar_to_utf8 (g_utf8_get_char (first), c);
          for (int n = 0; n < 8 && from > first_text; n++)
            from = g_utf8_prev_char (from);
          before = g_strndup (from, first - from);
          g_strdelimit (before, "\n\t", ' ');
          g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                       _("%s: %s: %u of its %u characters would be missing from the PDF "
                         "(the first is “%s”, after “%s”); nothing was written"),
                       p->source, e->where, missing, e->expected, c, before);
          return FALSE;
        }
      if (drawn != e->expected)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                       _("%s: %s: %u characters would be drawn for the %u of the text; "
                         "nothing was written"),
                       p->source, e->where, drawn, e->expected);
          return FALSE;
        }
    }
  return TRUE;
}
