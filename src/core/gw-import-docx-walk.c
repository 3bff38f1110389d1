/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-import-docx.h"
#include "gw-import-docx-private.h"
#include "gw-import-line-private.h"

/* Tables of a .docx: data tables become table blocks, layout tables (one
 * column, or the text boxes of a header) give up their paragraphs. */

/* ---- tables ---------------------------------------------------------------- */

typedef struct {
  GString *text;
  guint    para;      /* number of its first paragraph, 0 when none */
  GPtrArray *paras;   /* the text of each paragraph (layout tables) */
  GArray  *numbers;   /* their numbers */
  gboolean empty_merge;
} Cell;

static void
cell_clear (Cell *c)
{
  g_string_free (c->text, TRUE);
  g_ptr_array_unref (c->paras);
  g_array_unref (c->numbers);
}

static void read_cell_content (Docx *d, xmlNodePtr container, Cell *cell);

static void
read_cell_table (Docx       *d,
                 xmlNodePtr  tbl,
                 Cell       *cell)
{
  if (d->depth >= GW_DOCX_MAX_TABLE_DEPTH)
    {
      if (!d->failed)
        g_set_error (d->error, GW_ERROR, GW_ERROR_TOO_LARGE,
                     _("%s: tables are nested more than %d deep; Gongwen reads up to %d"),
                     d->name, GW_DOCX_MAX_TABLE_DEPTH, GW_DOCX_MAX_TABLE_DEPTH);
      d->failed = TRUE;
      return;
    }
  d->depth++;
  for (xmlNodePtr tr = tbl->children; tr && !d->failed; tr = tr->next)
    if (is_w (tr, "tr"))
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
        if (is_w (tc, "tc"))
          read_cell_content (d, tc, cell);
  d->depth--;
}

static void
read_cell_content (Docx       *d,
                   xmlNodePtr  container,
                   Cell       *cell)
{
  for (xmlNodePtr c = container->children; c && !d->failed; c = c->next)
    {
      if (is_w (c, "p"))
        {
          Para p = { 0 };
          int jc;
          guint number;

          p.text = g_string_new (NULL);
          number = _gw_import_docx_read_paragraph (d, c, &p, &jc);
          if (number)
            {
              for (char *q = p.text->str; *q; q++)
                if (*q == '\t' || *q == '\n')
                  *q = ' ';
              g_strstrip (p.text->str);
              if (p.text->str[0])
                {
                  if (cell->text->len)
                    g_string_append_c (cell->text, ' ');
                  if (cell->para == 0)
                    cell->para = number;
                  g_string_append (cell->text, p.text->str);
                  g_ptr_array_add (cell->paras, g_strdup (p.text->str));
                  g_array_append_val (cell->numbers, number);
                }
            }
          g_string_free (p.text, TRUE);
        }
      else if (is_w (c, "tbl"))
        read_cell_table (d, c, cell);
      else if (is_w (c, "sdt") && child (c, "sdtContent"))
        read_cell_content (d, child (c, "sdtContent"), cell);
      else if (is_w (c, "customXml") || is_w (c, "ins") || is_w (c, "moveTo"))
        read_cell_content (d, c, cell);
    }
}

static void
emit_joined (Docx      *d,
             GPtrArray *texts,
             GArray    *paras,
             GArray    *columns,
             guint      flags)
{
  g_autoptr(GString) s = g_string_new (NULL);
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint first_para = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      Segment seg;
      if (i)
        g_string_append_c (s, '\t');
      seg.start = g_utf8_strlen (s->str, -1);
      seg.para = g_array_index (paras, guint, i);
      seg.column = columns ? g_array_index (columns, guint, i) : 1;
      if (first_para == 0 && seg.para)
        first_para = seg.para;
      g_string_append (s, g_ptr_array_index (texts, i));
      g_array_append_val (segments, seg);
    }
  if (first_para == 0)
    {
      g_array_unref (segments);
      return;
    }
  /* the joined line carries the first cell's number; the others are
   * mapped back after the import */
  g_hash_table_replace (d->row_maps, GUINT_TO_POINTER (first_para), segments);
  {
    GwLine *l;
    _gw_import_docx_emit_line (d, s->str, s->len, first_para, 1, flags);
    l = &g_array_index (d->lines, GwLine, d->lines->len - 1);
    /* the indent was trimmed: the state machine's columns count from raw */
    l->column = 1 + g_utf8_strlen (l->raw, l->text - l->raw);
  }
}

void
_gw_import_docx_handle_table (Docx       *d,
                              xmlNodePtr  tbl)
{
  xmlNodePtr tblpr = child (tbl, "tblPr");
  gboolean floating = tblpr && child (tblpr, "tblpPr");
  guint grid = 0;
  gboolean first_row = TRUE;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (d->depth >= GW_DOCX_MAX_TABLE_DEPTH)
    {
      if (!d->failed)
        g_set_error (d->error, GW_ERROR, GW_ERROR_TOO_LARGE,
                     _("%s: tables are nested more than %d deep; Gongwen reads up to %d"),
                     d->name, GW_DOCX_MAX_TABLE_DEPTH, GW_DOCX_MAX_TABLE_DEPTH);
      d->failed = TRUE;
      return;
    }
  for (xmlNodePtr g = child (child (tbl, "tblGrid"), "gridCol"); g; g = g->next)
    if (is_w (g, "gridCol"))
      grid++;

  d->depth++;
  for (xmlNodePtr tr = tbl->children; tr && !d->failed; tr = tr->next)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) paras = g_array_new (FALSE, FALSE, sizeof (guint));
      GArray *cells = g_array_new (FALSE, TRUE, sizeof (Cell));
      gboolean layout_row;
      guint multi = 0, filled = 0;

      if (!is_w (tr, "tr"))
        {
          g_array_unref (cells);
          continue;
        }
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
        {
          Cell cell = { 0 };
          xmlNodePtr tcpr;
          int span;

          if (is_w (tc, "sdt") && child (tc, "sdtContent"))
            tc = child (child (tc, "sdtContent"), "tc");
          if (tc == NULL || !is_w (tc, "tc"))
            {
              if (tc == NULL)
                break;
              continue;
            }
          tcpr = child (tc, "tcPr");
          span = CLAMP (attr_int (child (tcpr, "gridSpan"), "val", 1), 1, 64);
          cell.text = g_string_new (NULL);
          cell.paras = g_ptr_array_new_with_free_func (g_free);
          cell.numbers = g_array_new (FALSE, FALSE, sizeof (guint));
          read_cell_content (d, tc, &cell);
          g_array_append_val (cells, cell);
          if (cell.paras->len > 1)
            multi++;
          if (cell.text->len)
            filled++;
          /* a cell spanning columns leaves the ones it covers empty */
          for (int k = 1; k < span; k++)
            {
              Cell empty = { g_string_new (NULL), 0, g_ptr_array_new_with_free_func (g_free),
                             g_array_new (FALSE, FALSE, sizeof (guint)), TRUE };
              g_array_append_val (cells, empty);
            }
        }

      /* A floating or single-column table is layout (a joint organ mark,
       * the 版记): its cells are lines of the page, not a data table. */
      layout_row = floating || grid == 1;
      if (layout_row && multi > 0)
        {
          for (guint c = 0; c < cells->len; c++)
            {
              Cell *cell = &g_array_index (cells, Cell, c);
              for (guint k = 0; k < cell->paras->len; k++)
                {
                  const char *t = g_ptr_array_index (cell->paras, k);
                  _gw_import_docx_emit_line (d, t, strlen (t),
                                             g_array_index (cell->numbers, guint, k), 1, 0);
                }
            }
        }
      else if (layout_row || filled <= 1)
        {
          /* one line: the filled cells joined by a tab */
          for (guint c = 0; c < cells->len; c++)
            {
              Cell *cell = &g_array_index (cells, Cell, c);
              if (cell->text->len == 0)
                continue;
              g_ptr_array_add (texts, g_strdup (cell->text->str));
              g_array_append_val (paras, cell->para);
            }
          if (texts->len > 0)
            emit_joined (d, texts, paras, NULL, 0);
        }
      else
        {
          for (guint c = 0; c < cells->len; c++)
            {
              Cell *cell = &g_array_index (cells, Cell, c);
              g_ptr_array_add (texts, g_strdup (cell->text->str));
              g_array_append_val (paras, cell->para);
            }
          emit_joined (d, texts, paras, NULL, 0);
          if (d->lines->len > 0)
            {
              GwLine *l = &g_array_index (d->lines, GwLine, d->lines->len - 1);
              l->flags |= GW_LINE_TABLE_ROW | (first_row ? GW_LINE_TABLE_START : 0);
              first_row = FALSE;
            }
        }
      for (guint c = 0; c < cells->len; c++)
        cell_clear (&g_array_index (cells, Cell, c));
      g_array_unref (cells);
    }
  d->depth--;
}
