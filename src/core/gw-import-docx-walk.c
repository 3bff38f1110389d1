/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-import-docx.h"
#include "gw-import-docx-private.h"
#include "gw-import-line-private.h"

/* The recursive descent over a .docx body: blocks hold paragraphs and
 * tables, table cells hold blocks, and text boxes inside a paragraph's
 * runs hold blocks again, so the three walks live in this one file above
 * the leaf readers (text, styles, numbering). */

/* ---- blocks ---------------------------------------------------------------- */

void
_gw_import_docx_walk_blocks (Docx       *d,
                             xmlNodePtr  container)
{
  if (container == NULL || d->shapes > 16)
    return;
  d->shapes++;
  for (xmlNodePtr c = container->children; c && !d->failed; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "p"))
        _gw_import_docx_handle_paragraph (d, c);
      else if (is_w (c, "tbl"))
        _gw_import_docx_handle_table (d, c);
      else if (is_w (c, "sdt"))
        _gw_import_docx_walk_blocks (d, child (c, "sdtContent"));
      else if (is_w (c, "customXml") || is_w (c, "ins") || is_w (c, "moveTo"))
        _gw_import_docx_walk_blocks (d, c);
      else if (is_w (c, "AlternateContent"))
        {
          xmlNodePtr choice = child (c, "Choice");
          _gw_import_docx_walk_blocks (d, choice ? choice : child (c, "Fallback"));
        }
      else if (is_w (c, "del") || is_w (c, "moveFrom"))
        d->tracked++;
    }
  d->shapes--;
}

/* ---- paragraphs ------------------------------------------------------------ */

typedef struct {
  gboolean textbox, image, red;
} ShapeScan;

static void scan_shape (Docx *d, xmlNodePtr n, ShapeScan *scan, guint depth);

/* What a drawing (w:drawing, w:pict, w:object, mc:AlternateContent)
 * holds: text boxes are read, images and other drawings counted, a red
 * shape with no text is the red rule under the document number. */
static void
scan_node (Docx       *d,
           xmlNodePtr  c,
           ShapeScan  *scan,
           guint       depth)
{
  if (c == NULL || c->type != XML_ELEMENT_NODE || depth > 64)
    return;
  if (is_w (c, "AlternateContent"))
    {
      /* the same content twice (DrawingML and its VML fallback): one */
      xmlNodePtr choice = child (c, "Choice");
      scan_shape (d, choice ? choice : child (c, "Fallback"), scan, depth + 1);
      return;
    }
  if (is_w (c, "txbxContent"))
    {
      scan->textbox = TRUE;
      d->textboxes++;
      _gw_import_docx_walk_blocks (d, c);
      return;
    }
  if (is_w (c, "blip") || is_w (c, "imagedata"))
    {
      scan->image = TRUE;
      return;
    }
  if (_gw_import_docx_attr_is_red_colour (c))
    scan->red = TRUE;
  scan_shape (d, c, scan, depth + 1);
}

static void
scan_shape (Docx       *d,
            xmlNodePtr  n,
            ShapeScan  *scan,
            guint       depth)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    scan_node (d, c, scan, depth);
}

static void
walk_drawing (Docx       *d,
              Para       *p,
              xmlNodePtr  n)
{
  ShapeScan scan = { FALSE, FALSE, FALSE };

  scan_node (d, n, &scan, 0);
  if (scan.image)
    d->images++;
  else if (scan.red && !scan.textbox)
    {
      p->rule = TRUE;
      d->red_rule = TRUE;
    }
  else if (!scan.textbox)
    d->drawings++;
}

static void
walk_run (Docx       *d,
          Para       *p,
          xmlNodePtr  run)
{
  RunProps r = d->defaults;
  xmlNodePtr rpr = child (run, "rPr");
  xmlNodePtr x;

  _gw_import_docx_merge_rpr (&r, &p->props.r);
  if (rpr && (x = child (rpr, "rStyle")))
    {
      g_autofree char *id = attr (x, "val");
      Style cs = { .r = { -1, 0, -1 } };
      _gw_import_docx_resolve_style (d, id, &cs, 0);
      _gw_import_docx_merge_rpr (&r, &cs.r);
    }
  {
    RunProps direct = { -1, 0, -1 };
    _gw_import_docx_read_rpr (rpr, &direct);
    _gw_import_docx_merge_rpr (&r, &direct);
  }
  if (rpr && (x = child (rpr, "vanish")) && toggle (x))
    return;  /* hidden text is not on the page */

  for (xmlNodePtr c = run->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "t"))
        {
          xmlChar *t = xmlNodeGetContent (c);
          _gw_import_docx_para_add_text (p, &r, (const char *) t);
          xmlFree (t);
        }
      else if (is_w (c, "tab") || is_w (c, "ptab"))
        _gw_import_docx_para_add_char (p, '\t');
      else if (is_w (c, "br") || is_w (c, "cr"))
        _gw_import_docx_para_add_char (p, '\n');
      else if (is_w (c, "noBreakHyphen"))
        _gw_import_docx_para_add_char (p, '-');
      else if (is_w (c, "sym"))
        {
          g_autofree char *code = attr (c, "char");
          gunichar u = code ? (gunichar) strtoul (code, NULL, 16) : 0;
          /* symbol fonts put their glyphs at F000 + the font's code */
          if (u >= 0xF020 && u <= 0xF0FF)
            u = _gw_import_docx_symbol_font_char (u - 0xF000);
          if (u && g_unichar_validate (u))
            {
              char buf[8] = { 0 };
              g_unichar_to_utf8 (u, buf);
              _gw_import_docx_para_add_text (p, &r, buf);
            }
        }
      else if (is_w (c, "fldChar"))
        {
          g_autofree char *type = attr (c, "fldCharType");
          if (type && strcmp (type, "begin") == 0)
            {
              if (p->field_depth < 63)
                p->field_hide |= (guint64) 1 << p->field_depth;
              p->field_depth++;
            }
          else if (type && strcmp (type, "separate") == 0 && p->field_depth > 0)
            {
              if (p->field_depth <= 63)
                p->field_hide &= ~((guint64) 1 << (p->field_depth - 1));
            }
          else if (type && strcmp (type, "end") == 0 && p->field_depth > 0)
            {
              p->field_depth--;
              if (p->field_depth < 63)
                p->field_hide &= ~((guint64) 1 << p->field_depth);
            }
        }
      else if (is_w (c, "drawing") || is_w (c, "pict") || is_w (c, "object") ||
               is_w (c, "AlternateContent"))
        walk_drawing (d, p, c);
      else if (is_w (c, "footnoteReference") || is_w (c, "endnoteReference"))
        d->footnotes++;
      else if (is_w (c, "commentReference"))
        {
          g_autofree char *id = attr (c, "id");
          g_hash_table_add (d->comment_ids, g_strdup (id ? id : ""));
        }
      /* instrText, delText, lastRenderedPageBreak, softHyphen: no text */
    }
}

static void
walk_inline (Docx       *d,
             Para       *p,
             xmlNodePtr  parent,
             guint       depth)
{
  if (depth > 64)
    return;
  for (xmlNodePtr c = parent->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "r"))
        walk_run (d, p, c);
      else if (is_w (c, "del") || is_w (c, "moveFrom"))
        d->tracked++;
      else if (is_w (c, "ins") || is_w (c, "moveTo"))
        {
          d->tracked++;
          walk_inline (d, p, c, depth + 1);
        }
      else if (is_w (c, "sdt"))
        {
          xmlNodePtr content = child (c, "sdtContent");
          if (content)
            walk_inline (d, p, content, depth + 1);
        }
      else if (is_w (c, "hyperlink") || is_w (c, "smartTag") || is_w (c, "customXml") ||
               is_w (c, "fldSimple") || is_w (c, "dir") || is_w (c, "bdo"))
        walk_inline (d, p, c, depth + 1);
      else if (is_w (c, "AlternateContent"))
        walk_drawing (d, p, c);
      else if (is_w (c, "oMath") || is_w (c, "oMathPara"))
        d->equations++;
    }
}

/* Reads paragraph @n into @p (text with '\n' for breaks, marker first);
 * returns its number, or 0 when it was deleted whole. */
guint
_gw_import_docx_read_paragraph (Docx       *d,
                                xmlNodePtr  n,
                                Para       *p,
                                int        *jc)
{
  xmlNodePtr ppr = child (n, "pPr");
  xmlNodePtr x;
  g_autofree char *style_id = NULL;
  int num_id = -1, ilvl = -1;
  guint number;

  if (ppr && (x = child (ppr, "rPr")) && child (x, "del") &&
      !_gw_import_docx_has_live_text (n, 0))
    {
      d->tracked++;
      return 0;
    }
  number = ++d->para_no;

  p->props = (Style) { .r = { -1, 0, -1 }, .jc = -1, .outline = -1, .num_id = -1, .ilvl = -1 };
  style_id = attr (child (ppr, "pStyle"), "val");
  _gw_import_docx_resolve_style (d, style_id ? style_id : d->default_pstyle, &p->props, 0);
  *jc = _gw_import_docx_read_jc (ppr);
  if (*jc < 0)
    *jc = p->props.jc;
  if (ppr && (x = child (ppr, "outlineLvl")))
    p->props.outline = attr_int (x, "val", -1);
  num_id = p->props.num_id;
  ilvl = p->props.ilvl;
  if (ppr && (x = child (ppr, "numPr")))
    {
      if (child (x, "numId"))
        num_id = attr_int (child (x, "numId"), "val", -1);
      if (child (x, "ilvl"))
        ilvl = attr_int (child (x, "ilvl"), "val", -1);
    }
  if (num_id > 0)
    {
      g_autofree char *marker = _gw_import_docx_numbering_marker (d, num_id, MAX (ilvl, 0));
      if (marker)
        g_string_append (p->text, marker);
    }
  walk_inline (d, p, n, 0);
  return number;
}

void
_gw_import_docx_handle_paragraph (Docx       *d,
                                  xmlNodePtr  n)
{
  Para p = { 0 };
  int jc = -1;
  guint number, flags;
  const char *s;
  guint column = 1;

  p.text = g_string_new (NULL);
  number = _gw_import_docx_read_paragraph (d, n, &p, &jc);
  if (number == 0)
    {
      g_string_free (p.text, TRUE);
      return;
    }
  flags = _gw_import_docx_para_flags (&p, jc);
  if (p.rule && d->lines->len > 0 && p.chars == 0)
    {
      /* a rule anchored in its own paragraph marks the line above */
      g_array_index (d->lines, GwLine, d->lines->len - 1).flags |= GW_LINE_RULE;
    }

  s = p.text->str;
  for (;;)
    {
      const char *nl = strchr (s, '\n');
      gsize len = nl ? (gsize) (nl - s) : strlen (s);

      _gw_import_docx_emit_line (d, s, len, number, column, flags);
      /* a heading style or outline level without a typed marker */
      {
        GwLine *l = &g_array_index (d->lines, GwLine, d->lines->len - 1);
        int level = p.props.outline >= 0 ? p.props.outline + 1 : p.props.heading;
        if (l->heading == 0 && l->len > 0 && level >= 1 && level <= 4 && s == p.text->str && nl == NULL)
          l->heading = level;
      }
      if (nl == NULL)
        break;
      column += g_utf8_strlen (s, len) + 1;
      s = nl + 1;
    }
  g_string_free (p.text, TRUE);
}

/* ---- tables ---------------------------------------------------------------- */

/* Data tables become table blocks, layout tables (one column, or the text
 * boxes of a header) give up their paragraphs. */

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
