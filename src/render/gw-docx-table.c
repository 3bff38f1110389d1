/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <math.h>

#include "gw-docx-writer-private.h"

/* Tables in the .docx: column widths by content, rows, and the landscape
 * section a wide table moves into. */

double
_gw_docx_cell_width_pt (const char *text, double size)
{
  double w = 0, line = 0;

  for (const char *s = text; s && *s; s = g_utf8_next_char (s))
    {
      gunichar ch = g_utf8_get_char (s);

      if (ch == '\n')
        {
          w = MAX (w, line);
          line = 0;
          continue;
        }
      line += ch < 0x2E80 ? size / 2 : size;
    }
  return MAX (w, line);
}

/* The longest run a cell cannot break (Latin words, numbers). */
static double
cell_min_pt (const char *text, double size)
{
  double best = 2 * size, word = 0;

  for (const char *s = text; s && *s; s = g_utf8_next_char (s))
    {
      gunichar ch = g_utf8_get_char (s);

      if (ch < 0x2E80 && !g_unichar_isspace (ch))
        word += size / 2;
      else
        {
          best = MAX (best, word);
          word = 0;
        }
    }
  return MAX (best, word);
}

void
_gw_docx_table_begin (Ctx *c, const int *widths, guint n_cols, int total)
{
  el (c, "w:tbl");
  el (c, "w:tblPr");
  val (c, "w:jc", "center");
  el (c, "w:tblW"), attri (c, "w:w", total), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:tblBorders");
  for (guint i = 0; i < 6; i++)
    {
      static const char *const sides[] = { "w:top", "w:left", "w:bottom", "w:right",
                                           "w:insideH", "w:insideV" };
      el (c, sides[i]);
      attr (c, "w:val", "single");
      attr (c, "w:sz", "4");
      attr (c, "w:space", "0");
      attr (c, "w:color", "000000");
      end (c);
    }
  end (c);
  el (c, "w:tblLayout"), attr (c, "w:type", "fixed"), end (c);
  el (c, "w:tblCellMar");
  el (c, "w:left"), attr (c, "w:w", "60"), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:right"), attr (c, "w:w", "60"), attr (c, "w:type", "dxa"), end (c);
  end (c);
  end (c);
  el (c, "w:tblGrid");
  for (guint i = 0; i < n_cols; i++)
    el (c, "w:gridCol"), attri (c, "w:w", widths[i]), end (c);
  end (c);
}

/* A row of cells; @looks per cell (or one for all when @per_cell is
 * FALSE); a header row repeats on every page. */
void
_gw_docx_table_row (Ctx               *c,
                    const char *const *cells,
                    const int         *widths,
                    guint              n_cols,
                    const Look        *look,
                    gboolean           header,
                    const char        *jc,
                    int                min_h,
                    const char        *where)
{
  guint n = cells ? g_strv_length ((char **) cells) : 0;

  el (c, "w:tr");
  el (c, "w:trPr");
  el (c, "w:cantSplit"), end (c);
  if (header)
    el (c, "w:tblHeader"), end (c);
  if (min_h)
    el (c, "w:trHeight"), attri (c, "w:val", min_h), attr (c, "w:hRule", "atLeast"), end (c);
  end (c);
  for (guint i = 0; i < n_cols; i++)
    {
      const char *text = i < n ? cells[i] : "";
      Para p = { .jc = jc ? jc : "left", .line = (int) (look->sz * 10 * 1.5), .no_grid = TRUE };

      el (c, "w:tc");
      el (c, "w:tcPr");
      el (c, "w:tcW"), attri (c, "w:w", widths[i]), attr (c, "w:type", "dxa"), end (c);
      val (c, "w:vAlign", "center");
      end (c);
      _gw_docx_expect (c, where, text);
      /* one paragraph a line of the cell, so Word and the importer see them */
      {
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
        for (guint k = 0; lines[k] || k == 0; k++)
          {
            _gw_docx_para (c, &p, look, lines[k] ? lines[k] : "");
            if (lines[k] == NULL)
              break;
          }
      }
      end (c);
    }
  end (c);
}

void
_gw_docx_write_table (Ctx *c, GwBlock *block, const char *where)
{
  GPtrArray *rows = gw_block_get_rows (block);
  const double size = SMALL_SZ / 2.0, pad = 6.0;
  guint n_cols = 0;
  g_autofree double *nat = NULL, *min = NULL;
  g_autofree int *widths = NULL;
  double nat_sum = 0, min_sum = 0, frame;
  gboolean landscape = FALSE;
  Look look = { FONT_FANGSONG, SMALL_SZ, NULL, FALSE, FALSE, 0 };
  Look head = look;
  int total = 0;

  if (rows == NULL || rows->len == 0)
    return;
  for (guint r = 0; r < rows->len; r++)
    n_cols = MAX (n_cols, g_strv_length (g_ptr_array_index (rows, r)));
  if (n_cols == 0)
    return;
  nat = g_new0 (double, n_cols);
  min = g_new0 (double, n_cols);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      for (guint i = 0; cells[i]; i++)
        {
          nat[i] = MAX (nat[i], _gw_docx_cell_width_pt (cells[i], size) + pad);
          min[i] = MAX (min[i], cell_min_pt (cells[i], size) + pad);
        }
    }
  for (guint i = 0; i < n_cols; i++)
    nat_sum += nat[i], min_sum += min[i];
  /* §8: turned when the columns cannot fit the portrait type area, or
   * when it would cramp them to under three characters */
  landscape = min_sum > TA_W_PT ||
              (nat_sum > TA_W_PT && TA_W_PT / n_cols < 3 * size + pad);
  frame = landscape ? 225.0 * MM_PT : TA_W_PT;
  widths = g_new0 (int, n_cols);
  for (guint i = 0; i < n_cols; i++)
    {
      /* natural widths when they fit; else the minimum plus a share of
       * what is left, by natural width */
      double w;
      if (nat_sum <= frame)
        w = nat[i] * frame / nat_sum;
      else if (min_sum < frame)
        w = min[i] + (frame - min_sum) * (nat[i] - min[i]) / MAX (nat_sum - min_sum, 1);
      else
        w = min[i] * frame / min_sum;
      widths[i] = (int) floor (w * TW_PER_PT);
      total += widths[i];
    }
  head.bold = TRUE;
  head.font = FONT_HEITI;
  if (landscape)
    _gw_docx_write_section_break (c, FALSE);
  _gw_docx_table_begin (c, widths, n_cols, total);
  for (guint r = 0; r < rows->len; r++)
    _gw_docx_table_row (c, (const char *const *) g_ptr_array_index (rows, r), widths, n_cols,
                        r == 0 ? &head : &look, r == 0, r == 0 ? "center" : NULL, 0, where);
  end (c);
  if (landscape)
    _gw_docx_write_section_break (c, TRUE);
}
