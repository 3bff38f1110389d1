/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout-private.h"

/* Tables (§7.3.3, §8): column widths, rows that break across pages (a
 * row taller than a page split between lines, the header repeated),
 * landscape frames, and the limit on columns. */

static double column_min_width (GwPagination *p, GPtrArray *rows, guint c, double size);

/* Each column's natural width (its longest cell on one line; a heading
 * counted at most four characters, since headings wrap well and the
 * body's content should decide) and its minimum (column_min_width). */
static void
column_widths (GwPagination *p,
               GPtrArray    *rows,
               guint         n_cols,
               double        size,
               double        pad,
               double       *nat,
               double       *min)
{
  for (guint c = 0; c < n_cols; c++)
    nat[c] = 0;
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_cols && cells[c]; c++)
        {
          double tw = _gw_layout_text_width_capped (p, GW_FONT_ROLE_FANGSONG, size, cells[c],
                                                    strlen (cells[c]));

          if (r == 0 && rows->len > 1)
            tw = MIN (tw, 4 * size);
          nat[c] = MAX (nat[c], tw + 2 * pad);
        }
    }
  for (guint c = 0; c < n_cols; c++)
    {
      min[c] = column_min_width (p, rows, c, size) + 2 * pad;
      nat[c] = MAX (nat[c], min[c]);
    }
}

/* Column widths for a body table from the columns' natural and minimum
 * widths (column_widths): natural widths when they fit; else every column
 * at least its minimum, and the rest of @total shared in proportion to
 * what each still lacks. */
static double *
fit_widths (const double *nat,
            const double *min,
            guint         n_cols,
            double        total)
{
  double *w = g_new0 (double, n_cols);
  double sum = 0, min_sum = 0, lack = 0;

  for (guint c = 0; c < n_cols; c++)
    {
      sum += nat[c];
      min_sum += min[c];
      lack += nat[c] - min[c];
    }
  for (guint c = 0; c < n_cols; c++)
    if (sum <= total)
      w[c] = nat[c] * total / sum;
    else if (min_sum <= total)
      w[c] = min[c] + (lack > 0 ? (total - min_sum) * (nat[c] - min[c]) / lack : 0);
    else
      w[c] = min[c] * total / min_sum;   /* numbers must break: evenly */
  return w;
}


/* Lays one row out: the lines of each cell into @out[c] (each cell
 * accounted for as "@where, row @r, column @c"); returns the row's height,
 * or -1 with p->error set. */
static double
row_layouts (GwPagination       *p,
             const GwTableStyle *st,
             char              **cells,
             guint8              kind,
             guint               row,
             GArray            **out,
             const char         *where)
{
  guint lines = 1;
  gboolean header = kind == ROW_HEADER;

  for (guint c = 0; c < st->n_cols; c++)
    {
      const char *text = cells && cells[c] ? cells[c] : "";
      GwTextSpec spec = { 0 };
      g_autofree char *cell_where = NULL;
      GwTextEntry *entry;

      /* cells shorter than the row are empty */
      if (cells)
        for (guint k = 0; k < c; k++)
          if (cells[k] == NULL)
            text = "";
      spec.role = kind != ROW_BODY ? GW_FONT_ROLE_HEITI
                  : st->roles ? st->roles[c] : GW_FONT_ROLE_FANGSONG;
      spec.size = st->size;
      spec.width = st->widths[c] - 2 * st->pad;
      spec.align = header ? PANGO_ALIGN_CENTER : st->align ? st->align[c] : PANGO_ALIGN_LEFT;
      cell_where = g_strdup_printf (_("%s, row %u, column %u"), where, row + 1, c + 1);
      entry = _gw_ledger_entry (p, cell_where, text, -1);
      out[c] = _gw_layout_lines_new ();
      if (!_gw_layout_lay_text (p, &spec, text, entry, cell_where, out[c]))
        return -1;
      lines = MAX (lines, out[c]->len);
    }
  return lines * st->line_h + 2 * st->pad;
}

static double
table_x (const GwTableStyle *st)
{
  double total = 0;

  for (guint c = 0; c < st->n_cols; c++)
    total += st->widths[c];
  return GW_TA_LEFT + ((st->frame_w > 0 ? st->frame_w : GW_TA_W) - total) / 2;
}

static void
draw_row (GwPagination       *p,
          const GwTableStyle *st,
          GArray            **cells,
          double              y,
          double              h)
{
  double x = table_x (st);

  for (guint c = 0; c < st->n_cols; c++)
    {
      guint count = cells[c]->len;
      /* centre the cell's lines vertically */
      double top = y + (h - count * st->line_h) / 2;

      for (guint n = 0; n < count; n++)
        _gw_page_add_line (p->page, &g_array_index (cells[c], GwLine, n), x + st->pad,
                           top + n * st->line_h + (st->line_h - st->size) / 2 + GW_ASCENT * st->size,
                           BLACK);
      _gw_page_add_box (p->page, x, y, st->widths[c], h, 0.75);
      x += st->widths[c];
    }
}

/* Lines [@from, @from + @n) of a row too tall for the rest of the page,
 * set from the top of a box of height @h. */
static void
draw_row_part (GwPagination       *p,
               const GwTableStyle *st,
               GArray            **cells,
               guint               from,
               guint               n,
               double              y,
               double              h)
{
  double x = table_x (st);

  for (guint c = 0; c < st->n_cols; c++)
    {
      for (guint k = from; k < from + n && k < cells[c]->len; k++)
        _gw_page_add_line (p->page, &g_array_index (cells[c], GwLine, k), x + st->pad,
                           y + st->pad + (k - from) * st->line_h + (st->line_h - st->size) / 2 +
                           GW_ASCENT * st->size, BLACK);
      _gw_page_add_box (p->page, x, y, st->widths[c], h, 0.75);
      x += st->widths[c];
    }
}

static void
free_cells (GArray    **cells,
            guint       n_cols)
{
  if (cells == NULL)
    return;
  for (guint c = 0; c < n_cols; c++)
    if (cells[c])
      g_array_unref (cells[c]);
  g_free (cells);
}

/* A table from p->y down, pages broken between rows, the header rows
 * repeated at the top of every page. A row taller than what is left of
 * the page goes to the next one when it fits there; one taller than a
 * whole page is split between lines, its cells continuing on the next
 * page under the repeated header. @rows: GStrv per row. */
gboolean
_gw_layout_place_table (GwPagination       *p,
                        const GwTableStyle *st,
                        GPtrArray          *rows,
                        const char         *where)
{
  g_autofree double *heights = g_new0 (double, rows->len);
  g_autofree guint *n_lines = g_new0 (guint, rows->len);
  GArray ***cells = g_new0 (GArray **, rows->len);
  double page_h = st->bottom - GW_TA_TOP, header_h = 0;
  gboolean ok = TRUE, repeat;

  for (guint r = 0; r < rows->len && ok; r++)
    {
      guint8 kind = st->kinds ? st->kinds[r] : r < st->n_header ? ROW_HEADER : ROW_BODY;

      cells[r] = g_new0 (GArray *, st->n_cols);
      heights[r] = row_layouts (p, st, g_ptr_array_index (rows, r), kind, r, cells[r], where);
      ok = heights[r] >= 0;
      if (ok)
        n_lines[r] = (guint) lround ((heights[r] - 2 * st->pad) / st->line_h);
      if (ok && st->min_h)
        heights[r] = MAX (heights[r], st->min_h[r]);
    }
  for (guint hr = 0; hr < st->n_header && hr < rows->len && ok; hr++)
    header_h += heights[hr];
  /* a header that leaves under half the page to the body is not repeated */
  repeat = st->n_header > 0 && header_h <= page_h / 2;

#define NEW_PAGE_WITH_HEADER(r)                                 \
  G_STMT_START {                                                \
    _gw_pagination_new_page (p);                                \
    if ((r) >= st->n_header && repeat)                          \
      for (guint hr = 0; hr < st->n_header; hr++)               \
        {                                                       \
          draw_row (p, st, cells[hr], p->y, heights[hr]);       \
          p->y += heights[hr];                                  \
        }                                                       \
  } G_STMT_END

  for (guint r = 0; r < rows->len && ok; r++)
    {
      double fresh = page_h - (r >= st->n_header && repeat ? header_h : 0);
      guint from = 0;

      if (p->y + heights[r] > st->bottom && p->y > GW_TA_TOP + 1 &&
          (heights[r] <= fresh || st->bottom - p->y < st->line_h + 2 * st->pad))
        NEW_PAGE_WITH_HEADER (r);
      if (p->y + heights[r] <= st->bottom + 0.01 || n_lines[r] <= 1)
        {
          draw_row (p, st, cells[r], p->y, heights[r]);
          p->y += heights[r];
          continue;
        }
      /* split between lines */
      while (from < n_lines[r])
        {
          int room = (int) floor ((st->bottom - p->y - 2 * st->pad) / st->line_h + 1e-6);
          guint k;
          double h;

          if (room < 1)
            {
              NEW_PAGE_WITH_HEADER (r);
              room = (int) floor ((st->bottom - p->y - 2 * st->pad) / st->line_h + 1e-6);
              room = MAX (room, 1);
            }
          k = MIN ((guint) room, n_lines[r] - from);
          h = k * st->line_h + 2 * st->pad;
          draw_row_part (p, st, cells[r], from, k, p->y, h);
          p->y += h;
          from += k;
          if (from < n_lines[r])
            NEW_PAGE_WITH_HEADER (r);
        }
    }
#undef NEW_PAGE_WITH_HEADER

  for (guint r = 0; r < rows->len; r++)
    free_cells (cells[r], st->n_cols);
  g_free (cells);
  return ok;
}

/* The narrowest a column can be without cutting a number or a Latin word
 * (CJK text breaks between any two characters). */
static double
column_min_width (GwPagination *p,
                  GPtrArray    *rows,
                  guint         c,
                  double        size)
{
  double w = 2 * size;   /* two characters: no column a single one wide */

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      const char *t, *run = NULL;

      if (c >= g_strv_length (cells))
        continue;
      for (t = cells[c]; ; t = g_utf8_next_char (t))
        {
          gunichar u = g_utf8_get_char (t);
          gboolean word = u > 0x20 && u < 0x2E80;   /* digits, Latin, their signs */

          if (word && run == NULL)
            run = t;
          else if (!word && run)
            {
              w = MAX (w, _gw_layout_text_width_capped (p, GW_FONT_ROLE_FANGSONG, size, run,
                                                        t - run));
              run = NULL;
            }
          if (*t == '\0')
            break;
        }
    }
  return w;
}

/* GB/T 9704 §8: a table too wide for the page is set landscape. Too wide:
 * its numbers or words could not stay whole across the type area, or a
 * column that needs more room would be left under three characters wide
 * and turning the page would give it a fifth more. */
static gboolean
table_wants_landscape (const double *nat,
                       const double *min,
                       guint         n_cols,
                       const double *portrait,
                       const double *wide,
                       double        size,
                       double        pad)
{
  double min_sum = 0;
  gboolean cramped = FALSE;

  for (guint c = 0; c < n_cols; c++)
    {
      min_sum += min[c];
      if (portrait[c] < 3 * size + 2 * pad && nat[c] > portrait[c] + size / 2 &&
          wide[c] > portrait[c] * 1.2)
        cramped = TRUE;
    }
  return min_sum > GW_TA_W || cramped;
}

gboolean
_gw_layout_body_table (GwPagination *p,
                       GwBlock      *block,
                       const char   *where)
{
  GPtrArray *rows = gw_block_get_rows (block);
  g_autofree double *nat = NULL;
  g_autofree double *min = NULL;
  g_autofree double *widths = NULL;
  g_autofree double *wide = NULL;
  guint n_cols = 0;
  GwTableStyle st = { 0 };
  gboolean ok;

  if (rows == NULL || rows->len == 0)
    return TRUE;
  for (guint r = 0; r < rows->len; r++)
    n_cols = MAX (n_cols, g_strv_length (g_ptr_array_index (rows, r)));
  if (n_cols == 0)
    return TRUE;
  /* A table no page can hold readably is refused, not squeezed into a
   * black block: each column at least one character wide between its
   * rules, across the landscape frame. The .docx writer keeps the same
   * limit (GW_TABLE_MAX_COLUMNS). */
  if (n_cols > GW_TABLE_MAX_COLUMNS)
    {
      g_set_error (&p->error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: %s: the table has %u columns, but at most %u fit across even a "
                     "landscape page with a character in each; split it into narrower tables"),
                   p->source, where, n_cols, GW_TABLE_MAX_COLUMNS);
      return FALSE;
    }
  st.n_cols = n_cols;
  st.size = SIZE_SMALL;
  st.pad = 3;
  st.line_h = SIZE_SMALL * 1.5;
  st.n_header = 1;
  st.bottom = GW_TA_BOTTOM;
  /* every cell measured once, for both orientations */
  nat = g_new0 (double, n_cols);
  min = g_new0 (double, n_cols);
  column_widths (p, rows, n_cols, st.size, st.pad, nat, min);
  widths = fit_widths (nat, min, n_cols, GW_TA_W);
  wide = fit_widths (nat, min, n_cols, GW_TA_H);
  st.widths = widths;

  if (!table_wants_landscape (nat, min, n_cols, widths, wide, st.size, st.pad))
    {
      p->y = _gw_layout_slot_top (_gw_layout_current_slot (p));
      if (_gw_layout_current_slot (p) >= GW_LINES)
        _gw_pagination_new_page (p);
      if (!_gw_layout_place_table (p, &st, rows, where))
        return FALSE;
      p->y += 0.01;   /* next text on the next grid line */
      return TRUE;
    }

  /* Landscape: pages of their own, the frame turned (see GW_TURN_ORIGIN) */
  st.widths = wide;
  st.frame_w = GW_TA_H;
  st.bottom = GW_TA_TOP + GW_TA_W;
  p->landscape = TRUE;
  _gw_pagination_new_page (p);
  ok = _gw_layout_place_table (p, &st, rows, where);
  p->landscape = FALSE;
  for (guint i = 0; i < p->pages->len; i++)
    ((GwSheet *) g_ptr_array_index (p->pages, i))->turning = FALSE;
  /* what follows starts on a portrait page */
  p->y = GW_TA_BOTTOM + 1;
  return ok;
}
