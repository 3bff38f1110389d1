/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <math.h>

#include "gw-docx-writer-private.h"
#include "gw-numeral.h"

/* 版记 (§7.4) in the .docx. */

/* The 版记 (§7.4) at the foot of the last page: a table of 抄送 and
 * 印发机关/日期 between rules, in a text box anchored to the bottom of the
 * type area. LibreOffice 7.4 turns a floating table (w:tblpPr) into an
 * inline one where it stands, so the bottom would be lost; a VML text box
 * holding the table keeps its place in Word, WPS and LibreOffice. The
 * letter format's 版记 is the 抄送 alone, without rules. */
void
_gw_docx_write_colophon (Ctx *c)
{
  const char *copy_to = _gw_docx_meta (c, GW_META_COPY_TO);
  const char *organ = c->letter ? NULL : _gw_docx_meta (c, GW_META_PRINTING_ORGAN);
  const char *pdate = c->letter ? NULL : _gw_docx_meta (c, GW_META_PRINTING_DATE);
  g_autofree char *copy_text = NULL;
  g_autofree char *style = NULL;
  g_autofree char *id = NULL;
  int rows = 0, copy_lines = 0;
  Look look = { FONT_FANGSONG, SMALL_SZ, NULL, FALSE, FALSE, 0 };
  const char *rule = c->letter ? "nil" : "single";

  if (copy_to == NULL && organ == NULL && pdate == NULL)
    return;
  if (copy_to)
    {
      /* as written: the PDF adds a missing final 。, but a Word file is
       * edited on, and what it says must be what the document says (the
       * checker reports the missing full stop) */
      copy_text = g_strconcat ("抄送：", copy_to, NULL);
      /* 四号 in 156 mm less two characters: about 30 characters a line */
      copy_lines = (int) ceil (_gw_docx_cell_width_pt (copy_text, 14.0) /
                               (TA_W_PT - 2 * 15.79 - 6));
      rows += MAX (copy_lines, 1);
    }
  if (organ || pdate)
    rows++;

  id = g_strdup_printf ("_x0000_s%u", 1025 + c->shape_id++);
  {
    g_autofree char *ws = gw_number_format_fixed (TA_W_PT, 2);
    g_autofree char *hs = gw_number_format_fixed (rows * PITCH_PT + 1.0, 2);

    style = g_strdup_printf ("position:absolute;margin-left:0;margin-top:0;"
                             "width:%spt;height:%spt;z-index:1;"
                             "mso-position-horizontal:center;"
                             "mso-position-horizontal-relative:margin;"
                             "mso-position-vertical:bottom;mso-position-vertical-relative:margin",
                             ws, hs);
  }
  {
    Para p = { .line = 20, .no_grid = TRUE };
    _gw_docx_p_begin (c, &p);
  }
  el (c, "w:r");
  el (c, "w:pict");
  el (c, "v:shape");
  attr (c, "id", id);
  attr (c, "type", "#_x0000_t202");
  attr (c, "style", style);
  attr (c, "stroked", "f");
  attr (c, "filled", "f");
  el (c, "v:textbox");
  attr (c, "inset", "0,0,0,0");
  el (c, "w:txbxContent");

  el (c, "w:tbl");
  el (c, "w:tblPr");
  el (c, "w:tblW"), attri (c, "w:w", TA_W_TW), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:tblLayout"), attr (c, "w:type", "fixed"), end (c);
  el (c, "w:tblCellMar");
  el (c, "w:left"), attr (c, "w:w", "0"), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:right"), attr (c, "w:w", "0"), attr (c, "w:type", "dxa"), end (c);
  end (c);
  end (c);
  el (c, "w:tblGrid");
  el (c, "w:gridCol"), attri (c, "w:w", TA_W_TW), end (c);
  end (c);
  for (int r = 0; r < 2; r++)
    {
      gboolean is_copy = r == 0;
      gboolean last = is_copy ? !(organ || pdate) : TRUE;
      Para p = { .line = PITCH_TW, .no_grid = TRUE, .left = CHAR_TW, .right = CHAR_TW };
      int height;

      if (is_copy && copy_text == NULL)
        continue;
      if (!is_copy && !(organ || pdate))
        continue;
      height = is_copy ? MAX (copy_lines, 1) * PITCH_TW : PITCH_TW;
      el (c, "w:tr");
      el (c, "w:trPr");
      el (c, "w:trHeight"), attri (c, "w:val", height), attr (c, "w:hRule", "exact"), end (c);
      end (c);
      el (c, "w:tc");
      el (c, "w:tcPr");
      el (c, "w:tcW"), attri (c, "w:w", TA_W_TW), attr (c, "w:type", "dxa"), end (c);
      el (c, "w:tcBorders");
      /* first and last rules thick (0.35 mm ≈ 1 pt), the one between thin
       * (0.25 mm ≈ 0.75 pt); w:sz is in eighths of a point */
      el (c, "w:top"), attr (c, "w:val", rule), attri (c, "w:sz", is_copy ? 8 : (copy_text ? 6 : 8)),
        attr (c, "w:space", "0"), attr (c, "w:color", "000000"), end (c);
      el (c, "w:left"), attr (c, "w:val", "nil"), end (c);
      el (c, "w:bottom"), attr (c, "w:val", last ? rule : "nil"), attri (c, "w:sz", 8),
        attr (c, "w:space", "0"), attr (c, "w:color", "000000"), end (c);
      el (c, "w:right"), attr (c, "w:val", "nil"), end (c);
      end (c);
      val (c, "w:vAlign", "center");
      end (c);
      if (is_copy)
        {
          p.first_line = -3 * 280;   /* wrapped lines after the colon */
          p.left = CHAR_TW + 3 * 280;
          _gw_docx_expect (c, _gw_docx_meta_where (GW_META_COPY_TO), copy_to);
          _gw_docx_para (c, &p, &look, copy_text);
        }
      else
        {
          g_autofree char *dtext = pdate ? g_strconcat (pdate, "印发", NULL) : NULL;

          p.right_tab = TA_W_TW - 2 * CHAR_TW;
          _gw_docx_p_begin (c, &p);
          _gw_docx_expect (c, _gw_docx_meta_where (GW_META_PRINTING_ORGAN), organ);
          _gw_docx_run (c, &look, organ);
          if (dtext)
            {
              _gw_docx_run (c, &look, "\t");
              _gw_docx_expect (c, _gw_docx_meta_where (GW_META_PRINTING_DATE), pdate);
              _gw_docx_run (c, &look, dtext);
            }
          _gw_docx_p_end (c);
        }
      end (c);
      end (c);
    }
  end (c);   /* w:tbl */
  {
    /* a text box's content ends in a paragraph */
    Para p = { .line = 20, .no_grid = TRUE };
    _gw_docx_p_begin (c, &p);
    _gw_docx_p_end (c);
  }
  end (c);   /* w:txbxContent */
  end (c);   /* v:textbox */
  el (c, "w10:wrap");
  attr (c, "type", "topAndBottom");
  attr (c, "anchory", "margin");
  end (c);
  end (c);   /* v:shape */
  end (c);   /* w:pict */
  end (c);   /* w:r */
  _gw_docx_p_end (c);
}
