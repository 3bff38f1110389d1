/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-pagination"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout-private.h"

/* Everything here is measured in points from the top-left of the page.
 * Body text sits on a fixed grid: 22 lines of 28 characters, the line
 * pitch set explicitly (GW_PITCH) and the character pitch forced with
 * letter-spacing, never taken from font metrics (Noto's hhea line height
 * is 1.437 em). */

static void
line_clear (gpointer data)
{
  GwLine *line = data;

  g_clear_object (&line->layout);
}

GArray *
_gw_layout_lines_new (void)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (GwLine));

  g_array_set_clear_func (lines, line_clear);
  return lines;
}

static void
op_free (gpointer data)
{
  GwOp *op = data;

  g_clear_object (&op->layout);
  g_free (op);
}

static void
page_free (gpointer data)
{
  GwSheet *page = data;

  g_ptr_array_unref (page->ops);
  g_free (page);
}

GwSheet *
_gw_pagination_new_page (GwPagination *p)
{
  GwSheet *page = g_new0 (GwSheet, 1);

  page->ops = g_ptr_array_new_with_free_func (op_free);
  if (p->pages == NULL)
    p->pages = g_ptr_array_new_with_free_func (page_free);
  g_ptr_array_add (p->pages, page);
  page->landscape = page->turning = p->landscape;
  p->page = page;
  p->y = GW_TA_TOP;
  /* the layout may still reach back one page (the signature carries the
   * last line over; a veto box): keep the two before this one */
  if (p->sink && p->pages->len > 3)
    _gw_pagination_flush (p, p->pages->len - 3);
  return page;
}

GwOp *
_gw_page_add_text (GwSheet     *page,
                   PangoLayout *layout,
                   int          line,
                   double       x,
                   double       baseline,
                   guint32      rgb)
{
  GwOp *op = g_new0 (GwOp, 1);

  op->kind = GW_OP_TEXT;
  op->turned = page->turning;
  op->layout = g_object_ref (layout);
  op->line = line;
  op->x = x;
  op->y = baseline;
  op->hscale = 1.0;
  op->rgb = rgb;
  g_ptr_array_add (page->ops, op);
  return op;
}

GwOp *
_gw_page_add_line (GwSheet      *page,
                   const GwLine *line,
                   double        x0,
                   double        baseline,
                   guint32       rgb)
{
  return _gw_page_add_text (page, line->layout, line->line, x0 + line->x, baseline, rgb);
}

void
_gw_page_add_rule (GwSheet *page,
                   double   x,
                   double   y,
                   double   w,
                   double   thickness,
                   guint32  rgb)
{
  GwOp *op = g_new0 (GwOp, 1);

  op->kind = GW_OP_RULE;
  op->turned = page->turning;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = thickness;
  op->rgb = rgb;
  g_ptr_array_add (page->ops, op);
}

void
_gw_page_add_box (GwSheet *page,
                  double   x,
                  double   y,
                  double   w,
                  double   h,
                  double   line_width)
{
  GwOp *op = g_new0 (GwOp, 1);

  op->kind = GW_OP_BOX;
  op->turned = page->turning;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->line_width = line_width;
  op->rgb = BLACK;
  g_ptr_array_add (page->ops, op);
}

/* Baseline of text of @size whose em box is centred on the body em box of
 * the grid slot starting at @slot_top. */
double
_gw_baseline_in_slot (double slot_top,
                      double size)
{
  return slot_top + (GW_BODY_SIZE - size) / 2 + GW_ASCENT * size;
}

double
_gw_layout_slot_top (int slot)
{
  return GW_TA_TOP + slot * GW_PITCH;
}

/* The first grid slot at or below p->y. */
int
_gw_layout_current_slot (GwPagination *p)
{
  double s = (p->y - GW_TA_TOP) / GW_PITCH;
  int i = (int) ceil (s - 1e-6);

  return MAX (i, 0);
}

PangoLayout *
_gw_pagination_layout (GwPagination *p,
                       GwFontRole    role,
                       double        size,
                       double        width,
                       const char   *text)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autoptr(PangoFontDescription) desc =
    pango_font_description_copy (_gw_pagination_font_desc (p, role));

  pango_font_description_set_size (desc, (int) lround (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Width that holds exactly @chars body characters on the grid. Pango puts
 * letter-spacing between characters, not after the last one, so a line of
 * n characters is n × 16 pt + (n − 1) × spacing wide. */
double
_gw_layout_grid_width (double chars)
{
  return chars * GW_CHAR + (GW_BODY_SIZE - GW_CHAR) + 0.05;
}

void
_gw_layout_set_grid_spacing (PangoLayout   *layout,
                             PangoAttrList *attrs)
{
  g_autoptr(PangoAttrList) own = NULL;

  if (attrs == NULL)
    attrs = own = pango_attr_list_new ();
  pango_attr_list_insert_before (attrs, pango_attr_letter_spacing_new (
                                   (int) lround ((GW_CHAR - GW_BODY_SIZE) * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
}

gboolean
_gw_pagination_check_glyphs (GwPagination *p,
                             PangoLayout  *layout,
                             const char   *where)
{
  PangoLayoutIter *it;
  gboolean ok = TRUE;

  if (p->error)
    return FALSE;
  it = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (it);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs && ok; i++)
        {
          PangoGlyph g = run->glyphs->glyphs[i].glyph;
          gunichar c;
          char utf8[8] = { 0 };

          if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
            continue;
          c = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
          if (c == '\t' || c == '\n' || c == '\r')
            continue;
          g_unichar_to_utf8 (c, utf8);
          g_set_error (&p->error, GW_ERROR, GW_ERROR_MISSING_GLYPH,
                       _("%s: %s: no installed font has the character U+%04X “%s”"),
                       p->source, where, c, utf8);
          ok = FALSE;
        }
    }
  while (ok && pango_layout_iter_next_run (it));
  pango_layout_iter_free (it);
  return ok;
}

/* The lines of @layout, each with its left edge within it. */
void
_gw_layout_lines (PangoLayout *layout,
                  GArray      *out)
{
  PangoLayoutIter *it = pango_layout_get_iter (layout);
  int n = 0;

  do
    {
      PangoRectangle log;
      GwLine line = { g_object_ref (layout), n++, 0 };

      pango_layout_iter_get_line_extents (it, NULL, &log);
      line.x = log.x / (double) PANGO_SCALE;
      g_array_append_val (out, line);
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
}

/* Places @lines on consecutive grid slots from p->y, starting a new page
 * when the slots run out; p->flow_y and p->flow_page say where the first
 * one went (a long text's first ops may be drawn and freed before it
 * ends). */
void
_gw_layout_flow_lines (GwPagination *p,
                       GArray       *lines,
                       double        x0,
                       double        size,
                       guint32       rgb)
{
  for (guint i = 0; i < lines->len; i++)
    {
      int slot = _gw_layout_current_slot (p);
      double baseline;

      if (slot >= GW_LINES)
        {
          _gw_pagination_new_page (p);
          slot = 0;
        }
      baseline = _gw_baseline_in_slot (_gw_layout_slot_top (slot), size);
      _gw_page_add_line (p->page, &g_array_index (lines, GwLine, i), x0, baseline, rgb);
      if (i == 0)
        {
          p->flow_y = baseline;
          p->flow_page = p->pages->len - 1;
        }
      p->y = _gw_layout_slot_top (slot + 1);
    }
}

void
_gw_layout_flow (GwPagination *p,
                 PangoLayout  *layout,
                 double        x0,
                 double        size,
                 guint32       rgb)
{
  g_autoptr(GArray) lines = _gw_layout_lines_new ();

  _gw_layout_lines (layout, lines);
  _gw_layout_flow_lines (p, lines, x0, size, rgb);
}

/* Leaves @n empty grid lines; never carries blank lines onto a new page. */
void
_gw_layout_skip_lines (GwPagination *p,
                       int           n)
{
  int slot = _gw_layout_current_slot (p) + n;

  if (slot >= GW_LINES)
    slot = GW_LINES;
  p->y = _gw_layout_slot_top (slot);
}

char *
_gw_layout_where_block (GwBlock *block,
                        guint    index)
{
  guint line = gw_block_get_line (block);

  if (line > 0)
    return g_strdup_printf (_("line %u"), line);
  return g_strdup_printf (_("block %u"), index + 1);
}

char *
_gw_layout_where_meta (GwPagination *p,
                       GwMeta        meta)
{
  guint line = gw_document_get_meta_line (p->doc, meta, NULL);

  if (line > 0)
    return g_strdup_printf (_("line %u"), line);
  return g_strdup_printf (_("the %s"), gw_meta_to_string (meta));
}

const char *
_gw_layout_meta (GwPagination *p,
                 GwMeta        m)
{
  const char *v = gw_document_get_meta (p->doc, m);

  return v && *v ? v : NULL;
}

void
_gw_layout_add_outline (GwPagination *p,
                        const char   *text,
                        guint         level,
                        guint         page,
                        double        y)
{
  GwOutlineEntry *e = g_new0 (GwOutlineEntry, 1);

  e->text = g_strdup (text);
  e->level = level;
  e->page = page;
  e->y = y;
  g_ptr_array_add (p->outline, e);
}

/* A block of 3号 text on the grid: @indent characters of first-line
 * indent (negative: hanging), justified. */
PangoLayout *
_gw_layout_grid_layout (GwPagination  *p,
                        GwFontRole     role,
                        const char    *text,
                        double         chars,
                        double         indent,
                        PangoAttrList *attrs)
{
  PangoLayout *layout = _gw_pagination_layout (p, role, GW_BODY_SIZE,
                                               _gw_layout_grid_width (chars), text);

  pango_layout_set_indent (layout, (int) lround (indent * GW_CHAR * PANGO_SCALE));
  pango_layout_set_justify (layout, TRUE);
  _gw_layout_set_grid_spacing (layout, attrs);
  return layout;
}



static PangoLayout *
spec_layout (GwPagination     *p,
             const GwTextSpec *spec,
             const char       *text,
             gsize             offset,
             gsize             len)
{
  g_autofree char *chunk = g_strndup (text + offset, len);
  PangoLayout *layout = _gw_pagination_layout (p, spec->role, spec->size, spec->width, chunk);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (offset == 0 && spec->indent != 0)
    pango_layout_set_indent (layout, (int) lround (spec->indent * PANGO_SCALE));
  if (spec->align != PANGO_ALIGN_LEFT)
    pango_layout_set_alignment (layout, spec->align);
  if (spec->head_len > offset)
    {
      PangoAttribute *a = pango_attr_font_desc_new (_gw_pagination_font_desc (p, spec->head_role));

      a->start_index = 0;
      a->end_index = spec->head_len - offset;
      pango_attr_list_insert (attrs, a);
    }
  if (spec->grid)
    {
      pango_layout_set_justify (layout, TRUE);
      _gw_layout_set_grid_spacing (layout, attrs);
    }
  else if (spec->head_len > offset)
    pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* Lays @text out as @spec says and appends its lines to @out, accounting
 * for them in @entry (may be NULL for the layout's own words). A text
 * longer than GW_CHUNK is cut before shaping: each piece is laid out, all
 * its lines but the last are kept, and the next piece starts where that
 * last line started, so the breaks come out as for the whole text. */
gboolean
_gw_layout_lay_text (GwPagination     *p,
                     const GwTextSpec *spec,
                     const char       *text,
                     GwTextEntry      *entry,
                     const char       *where,
                     GArray           *out)
{
  gsize len = strlen (text), offset = 0;

  do
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoLayoutIter *it;
      gsize n = len - offset, kept;
      int count, keep;

      if (n > GW_CHUNK)
        {
          n = GW_CHUNK;
          while (n > 0 && (text[offset + n] & 0xC0) == 0x80)
            n--;
        }
      layout = spec_layout (p, spec, text, offset, n);
      if (!_gw_pagination_check_glyphs (p, layout, where))
        return FALSE;
      count = pango_layout_get_line_count (layout);
      keep = offset + n < len && count > 1 ? count - 1 : count;
      kept = n;
      it = pango_layout_get_iter (layout);
      for (int i = 0; ; i++)
        {
          PangoRectangle log;
          GwLine line = { NULL, i, 0 };

          if (i == keep)
            {
              kept = pango_layout_iter_get_line_readonly (it)->start_index;
              break;
            }
          pango_layout_iter_get_line_extents (it, NULL, &log);
          line.layout = g_object_ref (layout);
          line.x = log.x / (double) PANGO_SCALE;
          g_array_append_val (out, line);
          if (!pango_layout_iter_next_line (it))
            break;
        }
      pango_layout_iter_free (it);
      if (entry)
        _gw_ledger_span (entry, layout, 0, kept);
      offset += kept;
    }
  while (offset < len);
  return TRUE;
}

/* Body text on the grid: lay_text, accounted as @where, and flowed. */
gboolean
_gw_layout_flow_grid_text (GwPagination *p,
                           GwFontRole    role,
                           const char   *text,
                           double        indent_chars,
                           const char   *where,
                           gsize         head_len,
                           GwFontRole    head_role)
{
  GwTextSpec spec = { role, GW_BODY_SIZE, _gw_layout_grid_width (GW_CHARS),
                      indent_chars * GW_CHAR, TRUE, PANGO_ALIGN_LEFT, head_role, head_len };
  g_autoptr(GArray) lines = _gw_layout_lines_new ();
  GwTextEntry *entry = _gw_ledger_entry (p, where, text, -1);

  if (!_gw_layout_lay_text (p, &spec, text, entry, where, lines))
    return FALSE;
  _gw_layout_flow_lines (p, lines, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
  return TRUE;
}

double
_gw_layout_width (PangoLayout *layout)
{
  PangoRectangle log;

  pango_layout_get_extents (layout, NULL, &log);
  return log.width / (double) PANGO_SCALE;
}

double
_gw_layout_text_width (GwPagination *p,
                       GwFontRole    role,
                       double        size,
                       const char   *text)
{
  g_autoptr(PangoLayout) l = _gw_pagination_layout (p, role, size, -1, text);

  return _gw_layout_width (l);
}

/* The width of @text on one line, measured on its first few hundred bytes
 * at most: wider than any page already, a longer text would only cost
 * time (and, past Pango's limits, measure as nothing). */
#define GW_MEASURE_MAX 600

double
_gw_layout_text_width_capped (GwPagination *p,
                              GwFontRole    role,
                              double        size,
                              const char   *text,
                              gsize         len)
{
  g_autofree char *head = NULL;

  if (len > GW_MEASURE_MAX)
    {
      len = GW_MEASURE_MAX;
      while (len > 0 && (text[len] & 0xC0) == 0x80)
        len--;
    }
  head = g_strndup (text, len);
  return _gw_layout_text_width (p, role, size, head);
}

/* Numbers every page "— N —" in 四号宋体, 7 mm below the type area:
 * odd pages 居右空一字, even pages 居左空一字. Blank pages and a 版记
 * page that follows one stay unnumbered; the count runs on through them. */
void
_gw_pagination_number_pages (GwPagination *p)
{
  for (guint i = 0; i < p->pages->len; i++)
    _gw_pagination_number_page (p, i);
}

void
_gw_pagination_number_page (GwPagination *p,
                            guint         i)
{
  GwSheet *page = g_ptr_array_index (p->pages, i);

  if (page->numbered)
    return;
  page->numbered = TRUE;
  {
    g_autofree char *text = NULL;
    g_autoptr(PangoLayout) l = NULL;
    double w, x, base;

    if (page->blank || page->number == G_MAXUINT)
      {
        page->number = 0;
        return;
      }
    page->number = i + 1;
    text = g_strdup_printf ("— %u —", page->number);
    l = _gw_pagination_layout (p, GW_FONT_ROLE_SONGTI, SIZE_SMALL, -1, text);
    w = _gw_layout_width (l);
    x = (page->number % 2 == 1) ? GW_TA_LEFT + GW_TA_W - GW_CHAR - w : GW_TA_LEFT + GW_CHAR;
    /* centre of the dash line 7 mm below the type area */
    base = GW_TA_BOTTOM + 7.0 * GW_MM - SIZE_SMALL / 2 + GW_ASCENT * SIZE_SMALL;
    _gw_page_add_text (page, l, 0, x, base, BLACK);
  }
}

void (*_gw_render_test_font_hook) (GwFontRole role) = NULL;

const PangoFontDescription *
_gw_pagination_font_desc (GwPagination *p,
                          GwFontRole    role)
{
  const PangoFontDescription *desc = _gw_font_set_get_desc (p->fonts, role);

  if (G_UNLIKELY (_gw_render_test_font_hook))
    _gw_render_test_font_hook (role);
  return desc;
}

void
gw_pagination_free (GwPagination *p)
{
  if (p == NULL)
    return;
  g_clear_pointer (&p->pages, g_ptr_array_unref);
  g_clear_pointer (&p->ledger, _gw_ledger_free);
  g_clear_pointer (&p->outline, g_ptr_array_unref);
  g_clear_object (&p->context);
  if (p->font_map)
    _gw_font_set_release_map (p->fonts, p->font_map);
  g_clear_pointer (&p->fonts, _gw_font_set_unref);
  g_clear_object (&p->renderer);
  g_clear_object (&p->doc);
  g_clear_error (&p->error);
  g_free (p->meta_title);
  g_free (p->meta_author);
  g_free (p->meta_subject);
  g_free (p->meta_date);
  g_free (p);
}

void
_gw_pagination_flush (GwPagination *p,
                      guint         until)
{
  for (; p->sink && p->flushed < until; p->flushed++)
    {
      GwSheet *page = g_ptr_array_index (p->pages, p->flushed);

      _gw_pagination_number_page (p, p->flushed);
      gw_pagination_draw_page (p, p->sink, p->flushed);
      cairo_show_page (p->sink);
      g_ptr_array_set_size (page->ops, 0);
    }
}

guint
gw_pagination_get_n_pages (GwPagination *pagination)
{
  g_return_val_if_fail (pagination != NULL, 0);
  return pagination->pages->len;
}

void
gw_pagination_draw_page (GwPagination *pagination,
                         cairo_t      *cr,
                         guint         page_index)
{
  GwSheet *page;

  g_return_if_fail (pagination != NULL);
  g_return_if_fail (page_index < pagination->pages->len);

  page = g_ptr_array_index (pagination->pages, page_index);
  for (guint i = 0; i < page->ops->len; i++)
    {
      GwOp *op = g_ptr_array_index (page->ops, i);

      cairo_save (cr);
      if (op->turned)
        {
          cairo_translate (cr, GW_TURN_ORIGIN_X, GW_TURN_ORIGIN_Y);
          cairo_rotate (cr, -G_PI / 2);
          cairo_translate (cr, -GW_TA_LEFT, -GW_TA_TOP);
        }
      cairo_set_source_rgb (cr, ((op->rgb >> 16) & 0xFF) / 255.0,
                            ((op->rgb >> 8) & 0xFF) / 255.0, (op->rgb & 0xFF) / 255.0);
      switch (op->kind)
        {
        case GW_OP_TEXT:
          {
            PangoLayoutLine *line = pango_layout_get_line_readonly (op->layout, op->line);

            /* counted off from the very glyph strings cairo is handed */
            if (!_gw_pagination_count_line (pagination, op->layout, line))
              break;
            cairo_translate (cr, op->x, op->y);
            if (op->hscale != 1.0)
              cairo_scale (cr, op->hscale, 1.0);
            cairo_move_to (cr, 0, 0);
            pango_cairo_show_layout_line (cr, line);
          }
          break;
        case GW_OP_RULE:
          cairo_rectangle (cr, op->x, op->y - op->h / 2, op->w, op->h);
          cairo_fill (cr);
          break;
        case GW_OP_BOX:
          cairo_set_line_width (cr, op->line_width);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_stroke (cr);
          break;
        case GW_OP_TICK:
          cairo_set_line_width (cr, op->line_width);
          cairo_move_to (cr, op->x + op->w * 0.2, op->y + op->h * 0.55);
          cairo_line_to (cr, op->x + op->w * 0.42, op->y + op->h * 0.78);
          cairo_line_to (cr, op->x + op->w * 0.82, op->y + op->h * 0.22);
          cairo_stroke (cr);
          break;
        }
      cairo_restore (cr);
    }
}
