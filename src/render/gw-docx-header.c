/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <math.h>

#include "gw-docx-writer-private.h"

/* 版头 (§7.2) in the .docx: 份号, 密级 and 紧急程度, the organ mark, the
 * document number, the red rule; and the letter format's header. */

/* ---- 版头 ------------------------------------------------------------ */

/* 份号, 密级, 紧急程度 flush left from line 1; returns the lines used. */
static int
write_corner (Ctx *c, int first_before)
{
  static const struct { GwMeta m; Font font; } corner[] = {
    { GW_META_COPY_NUMBER, FONT_FANGSONG },
    { GW_META_CLASSIFICATION, FONT_HEITI },
    { GW_META_URGENCY, FONT_HEITI },
  };
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (corner); i++)
    {
      const char *text = _gw_docx_meta (c, corner[i].m);
      Para p = { .jc = "left", .before = n == 0 ? first_before : 0 };
      Look look = body_look;

      if (text == NULL)
        continue;
      look.font = corner[i].font;
      _gw_docx_expect (c, _gw_docx_meta_where (corner[i].m), text);
      _gw_docx_para (c, &p, &look, text);
      n++;
    }
  return n;
}

/* Character scale that squeezes @text at @sz half-points into the type
 * area (the PDF's horizontal squeeze), 100 when it fits. */
static int
fit_scale (const char *text, int sz)
{
  double w = 0;

  for (const char *s = text; *s; s = g_utf8_next_char (s))
    w += g_utf8_get_char (s) < 0x2E80 ? sz / 4.0 : sz / 2.0;
  return w > TA_W_PT ? (int) floor (100.0 * TA_W_PT / w) : 100;
}

static int
slot_below (double y_pt)
{
  int s = (int) ceil ((y_pt - TA_TOP_PT) / PITCH_PT - 1e-6);
  return MAX (s, 0);
}

void
_gw_docx_write_mark_and_number (Ctx *c)
{
  const char *mark = _gw_docx_meta (c, GW_META_ORGAN_MARK);
  const char *number = _gw_docx_meta (c, GW_META_DOC_NUMBER);
  const char *signatory = _gw_docx_meta (c, GW_META_SIGNATORY);
  int corner = write_corner (c, 0);
  int number_slot;
  double flow_tw = corner * PITCH_TW;   /* how far the text flow has come */

  if (mark && gw_organ_mark_is_joint (mark))
    {
      /* 联合行文: the organs stacked in one column, 文件 in a second one
       * beside them, vertically centred; a table in the flow after a
       * spacer that brings its top to 72 mm. */
      gboolean suffix = FALSE;
      g_auto(GStrv) organs = gw_organ_mark_split (mark, &suffix);
      guint n = g_strv_length (organs);
      double longest = 0;
      int spacer = MARK_TOP_TW - MARGIN_TOP - corner * PITCH_TW;
      int word_w = suffix ? 2 * MARK_SZ * 10 + MARK_SZ * 10 : 0;
      int names_w, scale;
      Look look = { FONT_TITLE, MARK_SZ, RED, FALSE, FALSE, 0 };
      Para sp = { .line = MAX (spacer, 20), .no_grid = TRUE };

      for (guint i = 0; i < n; i++)
        longest = MAX (longest, g_utf8_strlen (organs[i], -1) * MARK_SZ * 10.0);
      names_w = (int) longest;
      scale = names_w + word_w > TA_W_TW ? (int) floor (100.0 * TA_W_TW / (names_w + word_w)) : 100;
      look.scale = scale;
      names_w = names_w * scale / 100 + 200;
      word_w = word_w * scale / 100;
      _gw_docx_para (c, &sp, &look, NULL);
      el (c, "w:tbl");
      el (c, "w:tblPr");
      /* floating, but where it stands in the flow (below the spacer):
       * Word keeps it there, LibreOffice 7.4 makes it inline there */
      el (c, "w:tblpPr");
      attr (c, "w:leftFromText", "0");
      attr (c, "w:rightFromText", "0");
      attr (c, "w:vertAnchor", "text");
      attr (c, "w:horzAnchor", "margin");
      attr (c, "w:tblpXSpec", "center");
      attr (c, "w:tblpY", "1");
      end (c);
      el (c, "w:tblOverlap"), attr (c, "w:val", "never"), end (c);
      val (c, "w:jc", "center");
      el (c, "w:tblW"), attri (c, "w:w", names_w + word_w), attr (c, "w:type", "dxa"), end (c);
      el (c, "w:tblLayout"), attr (c, "w:type", "fixed"), end (c);
      el (c, "w:tblCellMar");
      el (c, "w:left"), attr (c, "w:w", "0"), attr (c, "w:type", "dxa"), end (c);
      el (c, "w:right"), attr (c, "w:w", "0"), attr (c, "w:type", "dxa"), end (c);
      end (c);
      end (c);
      el (c, "w:tblGrid");
      el (c, "w:gridCol"), attri (c, "w:w", names_w), end (c);
      if (suffix)
        el (c, "w:gridCol"), attri (c, "w:w", word_w), end (c);
      end (c);
      /* one row: the names as paragraphs of the first cell, 文件 in the
       * second, centred on them (what joint headers in the wild do) */
      el (c, "w:tr");
      el (c, "w:trPr");
      el (c, "w:trHeight"), attri (c, "w:val", n * MARK_LINE_TW), attr (c, "w:hRule", "atLeast"), end (c);
      end (c);
      el (c, "w:tc");
      el (c, "w:tcPr");
      el (c, "w:tcW"), attri (c, "w:w", names_w), attr (c, "w:type", "dxa"), end (c);
      end (c);
      for (guint i = 0; i < n; i++)
        {
          Para cp = { .jc = "distribute", .line = MARK_LINE_TW, .no_grid = TRUE };

          /* a name under a third of the longest is centred, not spread */
          if (g_utf8_strlen (organs[i], -1) * MARK_SZ * 10.0 < longest / 3)
            cp.jc = "center";
          _gw_docx_expect (c, _gw_docx_meta_where (GW_META_ORGAN_MARK), organs[i]);
          _gw_docx_para (c, &cp, &look, organs[i]);
        }
      end (c);
      if (suffix)
        {
          Para wp = { .jc = "center", .line = MARK_LINE_TW, .no_grid = TRUE };

          el (c, "w:tc");
          el (c, "w:tcPr");
          el (c, "w:tcW"), attri (c, "w:w", word_w), attr (c, "w:type", "dxa"), end (c);
          val (c, "w:vAlign", "center");
          end (c);
          _gw_docx_expect (c, _gw_docx_meta_where (GW_META_ORGAN_MARK), "文件");
          _gw_docx_para (c, &wp, &look, "文件");
          end (c);
        }
      end (c);
      end (c);
      flow_tw = MARK_TOP_TW - MARGIN_TOP + n * MARK_LINE_TW;
      number_slot = slot_below (TA_TOP_PT + flow_tw / TW_PER_PT) + 2;
    }
  else if (mark)
    {
      /* 发文机关标志: red, centred, its top 72 mm from the paper's top; a
       * frame, so the flow above and below keeps to the grid. */
      Look look = { FONT_TITLE, MARK_SZ, RED, FALSE, FALSE, fit_scale (mark, MARK_SZ) };
      g_autofree char *frame = g_strdup_printf ("w:w=%d w:hAnchor=margin w:vAnchor=page "
                                                "w:y=%d w:xAlign=center w:wrap=notBeside",
                                                TA_W_TW, MARK_TOP_TW);
      Para p = { .jc = "center", .line = MARK_LINE_TW, .no_grid = TRUE, .frame = frame };
      g_auto(GStrv) lines = g_strsplit (mark, "\n", -1);
      guint n = g_strv_length (lines);

      _gw_docx_expect (c, _gw_docx_meta_where (GW_META_ORGAN_MARK), mark);
      _gw_docx_para (c, &p, &look, mark);
      number_slot = slot_below (MARK_TOP_TW / TW_PER_PT - TA_TOP_PT + TA_TOP_PT
                                + (MAX (n, 1) - 1) * MARK_LINE_TW / TW_PER_PT + MARK_SZ / 2.0) + 2;
    }
  else
    number_slot = corner;

  if (number_slot >= LINES)
    number_slot = LINES - 1;
  if (number || (mark && signatory))
    {
      int before = MAX ((int) (number_slot * PITCH_TW - flow_tw), 0);
      Para p = { .jc = signatory ? "left" : "center", .before = before };

      if (signatory)
        {
          p.left = CHAR_TW;
          p.right_tab = TA_W_TW - CHAR_TW;
        }
      _gw_docx_p_begin (c, &p);
      if (number)
        {
          _gw_docx_expect (c, _gw_docx_meta_where (GW_META_DOC_NUMBER), number);
          _gw_docx_run (c, &body_look, number);
        }
      if (signatory)
        {
          Look kai = body_look;

          kai.font = FONT_KAITI;
          _gw_docx_run (c, &body_look, "\t签发人：");
          _gw_docx_expect (c, _gw_docx_meta_where (GW_META_SIGNATORY), signatory);
          _gw_docx_run (c, &kai, signatory);
        }
      if (mark)
        {
          /* the red separator 4 mm below the number's em box */
          double y = TA_TOP_PT + number_slot * PITCH_PT + EM_OFFSET_PT + 16.0 + 4.0 * MM_PT;
          _gw_docx_page_rect (c, TA_LEFT_PT, y, TA_W_PT, 1.5, RED);
        }
      _gw_docx_p_end (c);
    }
}

void
_gw_docx_write_letter_header (Ctx *c)
{
  const char *mark = _gw_docx_meta (c, GW_META_ORGAN_MARK);
  const char *number = _gw_docx_meta (c, GW_META_DOC_NUMBER);
  double rule_top = LETTER_MARK_TOP_PT + MARK_SZ / 2.0 + 4.0 * MM_PT;
  double pair = 2.25 + 1.5 + 0.75;
  double first_top = rule_top + pair + 14.0;
  double rule_x = (PAGE_W_TW / TW_PER_PT - LETTER_RULE_W_PT) / 2;
  double foot = PAGE_H_TW / TW_PER_PT - 20.0 * MM_PT - pair;
  int first_slot = slot_below (first_top - EM_OFFSET_PT);
  int used;
  Para p = { .jc = "center", .line = MARK_LINE_TW, .no_grid = TRUE };

  if (mark)
    {
      /* the lead organ's name, without 文件 (§10.1) */
      g_auto(GStrv) organs = gw_organ_mark_split (mark, NULL);
      g_autofree char *frame = g_strdup_printf ("w:w=%d w:hAnchor=margin w:vAnchor=page "
                                                "w:y=%d w:xAlign=center w:wrap=none",
                                                TA_W_TW, (int) (LETTER_MARK_TOP_PT * TW_PER_PT));
      Look look = { FONT_TITLE, MARK_SZ, RED, FALSE, FALSE, 0 };

      p.frame = frame;
      if (organs[0])
        {
          /* the other organs of a joint letter are not shown: still the
           * model's text, so they go in hidden-free form after the name */
          look.scale = fit_scale (organs[0], MARK_SZ);
          _gw_docx_expect (c, _gw_docx_meta_where (GW_META_ORGAN_MARK), organs[0]);
          _gw_docx_para (c, &p, &look, organs[0]);
        }
    }
  /* the double lines: thick over thin under the name, thin over thick
   * 20 mm above the paper's bottom */
  p = (Para) { .line = 20, .no_grid = TRUE };
  _gw_docx_p_begin (c, &p);
  _gw_docx_page_rect (c, rule_x, rule_top, LETTER_RULE_W_PT, 2.25, RED);
  _gw_docx_page_rect (c, rule_x, rule_top + 2.25 + 1.5, LETTER_RULE_W_PT, 0.75, RED);
  _gw_docx_page_rect (c, rule_x, foot, LETTER_RULE_W_PT, 0.75, RED);
  _gw_docx_page_rect (c, rule_x, foot + 0.75 + 1.5, LETTER_RULE_W_PT, 2.25, RED);
  _gw_docx_p_end (c);

  used = write_corner (c, first_slot * PITCH_TW - 20);
  if (number)
    {
      Para np = { .jc = "right", .before = used ? 0 : first_slot * PITCH_TW - 20 };

      /* on its own line when 份号 etc. took the first: Word has no "same
       * line as the paragraph above" */
      _gw_docx_expect (c, _gw_docx_meta_where (GW_META_DOC_NUMBER), number);
      _gw_docx_para (c, &np, &body_look, number);
    }
}
