/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout-private.h"

/* 版头 (GB/T 9704 §7.2, §10.1): 份号, 密级, 紧急程度, the organ mark (one
 * organ, joint, or a letterhead), the document number, 签发人 and the red
 * line. */

/* ---- 版头 ------------------------------------------------------------- */

#define MARK_PITCH   (SIZE_MARK * 1.1)  /* between stacked lines of the mark */
#define MARK_GAP     SIZE_MARK          /* between the names and "文件": 1 字 */

/* 联合行文 (§7.2.4): the organs' names stacked, lead organ first, "文件" to
 * their right, vertically centred on the stack; the whole block centred,
 * its top edge at @top, squeezed horizontally (like a single mark) when
 * wider than the type area. Each name is spread to the longest one's width
 * (分散对齐), as joint headers are set in practice, so that the names read
 * as one block; a name under a third as long is centred instead, because
 * spread that far its characters fall apart. Returns the block's height. */
static gboolean
layout_joint_mark (GwPagination *p,
                   const char   *mark,
                   double        top,
                   double       *height)
{
  gboolean suffix = FALSE;
  g_auto(GStrv) organs = gw_organ_mark_split (mark, &suffix);
  guint n = g_strv_length (organs);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) word = NULL;
  g_autofree char *where = _gw_layout_where_meta (p, GW_META_ORGAN_MARK);
  g_autofree double *offset = g_new0 (double, n);
  double names_w = 0, word_w = 0, total, scale, x0, stack_h;
  GwTextEntry *entry = _gw_ledger_entry (p, where, mark, -1);

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, organs[i]);

      g_ptr_array_add (layouts, l);
      _gw_ledger_span (entry, l, 0, strlen (organs[i]));
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      names_w = MAX (names_w, _gw_layout_width (l));
    }
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = g_ptr_array_index (layouts, i);
      double w = _gw_layout_width (l);
      glong chars = g_utf8_strlen (organs[i], -1);

      if (names_w - w < 0.01)
        continue;
      if (chars > 1 && w >= names_w / 3)
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (
                                    (int) lround ((names_w - w) / (chars - 1) * PANGO_SCALE)));
          pango_layout_set_attributes (l, attrs);
          /* what Pango made of it, to the last rounding */
          offset[i] = (names_w - _gw_layout_width (l)) / 2;
        }
      else
        offset[i] = (names_w - w) / 2;
    }
  if (suffix)
    {
      word = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, "文件");
      _gw_ledger_span (entry, word, 0, strlen ("文件"));
      if (!_gw_pagination_check_glyphs (p, word, where))
        return FALSE;
      word_w = _gw_layout_width (word);
    }

  total = names_w + (suffix ? MARK_GAP + word_w : 0);
  scale = total > GW_TA_W ? GW_TA_W / total : 1.0;
  x0 = GW_TA_LEFT + (GW_TA_W - total * scale) / 2;
  stack_h = (n - 1) * MARK_PITCH + SIZE_MARK;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = g_ptr_array_index (layouts, i);
      PangoRectangle log;
      GwOp *op;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (l, 0), NULL, &log);
      op = _gw_page_add_text (p->page, l, 0,
                              x0 + (offset[i] - log.x / (double) PANGO_SCALE) * scale,
                              top + i * MARK_PITCH + GW_ASCENT * SIZE_MARK, RED);
      op->hscale = scale;
    }
  if (word)
    {
      GwOp *op = _gw_page_add_text (p->page, word, 0, x0 + (names_w + MARK_GAP) * scale,
                                    top + (stack_h - SIZE_MARK) / 2 + GW_ASCENT * SIZE_MARK, RED);
      op->hscale = scale;
    }
  *height = stack_h;
  return TRUE;
}

/* 信函 (GB/T 9704 §10.1). The organ's name 30 mm from the paper's top;
 * 4 mm under it a red double line, thick over thin, and 20 mm above the
 * paper's bottom another, thin over thick, both 170 mm long and centred on
 * the page; 份号/密级/紧急程度 flush left and the 发文字号 flush right
 * under the first line, 7/8 of a 3号 character's height below it; the
 * title two lines lower. Page 1 shows no page number. */
#define LETTER_MARK_TOP   (30.0 * GW_MM)
#define LETTER_RULE_W     (170.0 * GW_MM)
#define LETTER_RULE_X     ((GW_PAGE_W - LETTER_RULE_W) / 2)
#define LETTER_RULE_GAP   (4.0 * GW_MM)                  /* mark to the upper line */
#define LETTER_FOOT       (20.0 * GW_MM)                 /* lower line to the paper's bottom */
#define LETTER_BELOW_RULE (GW_BODY_SIZE * 7 / 8)         /* upper line to the elements */
/* UNSURE: the standard gives no thickness for the double lines. We take
 * 2.25 pt for the thick one and 0.75 pt for the thin one (a plain 3:1
 * "thick over thin" pair, heavier than the 文件 format's 1.5 pt line, as a
 * letterhead's is), 1.5 pt apart, so that the pair reads as two distinct
 * lines in print and on a screen preview. */
#define LETTER_THICK      2.25
#define LETTER_THIN       0.75
#define LETTER_PAIR_GAP   1.5

/* A red double line between @top and @top + its height: thick over thin
 * when @thick_first, thin over thick otherwise. Returns its height. */
static double
add_letter_rules (GwSheet  *page,
                  double    top,
                  gboolean  thick_first)
{
  double first = thick_first ? LETTER_THICK : LETTER_THIN;
  double second = thick_first ? LETTER_THIN : LETTER_THICK;

  /* rules are drawn centred on their y */
  _gw_page_add_rule (page, LETTER_RULE_X, top + first / 2, LETTER_RULE_W, first, RED);
  _gw_page_add_rule (page, LETTER_RULE_X, top + first + LETTER_PAIR_GAP + second / 2,
                     LETTER_RULE_W, second, RED);
  return first + LETTER_PAIR_GAP + second;
}

static gboolean
layout_letter_header (GwPagination *p)
{
  const char *mark = _gw_layout_meta (p, GW_META_ORGAN_MARK);
  const char *number = _gw_layout_meta (p, GW_META_DOC_NUMBER);
  const struct { GwMeta m; GwFontRole role; } corner[] = {
    { GW_META_COPY_NUMBER, GW_FONT_ROLE_FANGSONG },
    { GW_META_CLASSIFICATION, GW_FONT_ROLE_HEITI },
    { GW_META_URGENCY, GW_FONT_ROLE_HEITI },
  };
  double rule_top = LETTER_MARK_TOP + SIZE_MARK + LETTER_RULE_GAP;
  double first_top, bottom;
  int rows = 0;

  if (mark)
    {
      /* The organ's full name or short name, without "文件"; a joint
       * letter carries only the lead organ's (§10.1: 使用主办机关标志). */
      g_auto(GStrv) organs = gw_organ_mark_split (mark, NULL);
      g_autoptr(PangoLayout) l = NULL;
      g_autofree char *where = _gw_layout_where_meta (p, GW_META_ORGAN_MARK);
      PangoRectangle log;
      double w, scale;
      GwOp *op;

      if (organs[0] != NULL)
        {
          l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, organs[0]);
          /* a joint letter shows the lead organ alone, by design */
          _gw_ledger_account (p, l, where, organs[0], 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_line_get_extents (pango_layout_get_line_readonly (l, 0), NULL, &log);
          w = log.width / (double) PANGO_SCALE;
          scale = w > GW_TA_W ? GW_TA_W / w : 1.0;
          op = _gw_page_add_text (p->page, l, 0,
                                  (GW_PAGE_W - w * scale) / 2 - log.x / (double) PANGO_SCALE * scale,
                                  LETTER_MARK_TOP + GW_ASCENT * SIZE_MARK, RED);
          op->hscale = scale;
        }
    }
  /* The double lines frame the first page even without a name on it: they
   * are what makes the sheet a letter. */
  first_top = rule_top + add_letter_rules (p->page, rule_top, TRUE) + LETTER_BELOW_RULE;
  add_letter_rules (p->page, GW_PAGE_H - LETTER_FOOT - (LETTER_THICK + LETTER_PAIR_GAP + LETTER_THIN),
                    FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (corner); i++)
    {
      const char *text = _gw_layout_meta (p, corner[i].m);
      g_autoptr(PangoLayout) l = NULL;
      g_autofree char *where = NULL;

      if (text == NULL)
        continue;
      l = _gw_layout_grid_layout (p, corner[i].role, text, GW_CHARS, 0, NULL);
      pango_layout_set_justify (l, FALSE);
      where = _gw_layout_where_meta (p, corner[i].m);
      _gw_ledger_account (p, l, where, text, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      _gw_page_add_text (p->page, l, 0, GW_TA_LEFT,
                         _gw_baseline_in_slot (first_top + rows * GW_PITCH, GW_BODY_SIZE), BLACK);
      rows++;
    }
  if (number)
    {
      g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, number,
                                                         GW_CHARS, 0, NULL);
      g_autofree char *where = _gw_layout_where_meta (p, GW_META_DOC_NUMBER);

      pango_layout_set_justify (l, FALSE);
      _gw_ledger_account (p, l, where, number, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      /* on the first element's line, its right end on the type area's */
      _gw_page_add_text (p->page, l, 0, GW_TA_LEFT + GW_TA_W - _gw_layout_width (l),
                         _gw_baseline_in_slot (first_top, GW_BODY_SIZE), BLACK);
      rows = MAX (rows, 1);
    }
  /* A 签发人 belongs to reports sent upward, never to letters: not shown. */

  /* The title "与其上最后一个要素相距二行". UNSURE whether that means two
   * empty lines or two line pitches; we leave two empty grid lines, as
   * under the 文件 format's red line and as letter templates do. */
  bottom = rows > 0 ? first_top + (rows - 1) * GW_PITCH + GW_BODY_SIZE
                    : first_top - LETTER_BELOW_RULE;
  p->y = bottom;
  _gw_layout_skip_lines (p, 2);
  p->page->number = G_MAXUINT;   /* no page number on page 1 */
  return TRUE;
}

gboolean
_gw_layout_header (GwPagination *p)
{
  const char *copy_number = _gw_layout_meta (p, GW_META_COPY_NUMBER);
  const char *classification = _gw_layout_meta (p, GW_META_CLASSIFICATION);
  const char *urgency = _gw_layout_meta (p, GW_META_URGENCY);
  const char *mark = _gw_layout_meta (p, GW_META_ORGAN_MARK);
  const char *number = _gw_layout_meta (p, GW_META_DOC_NUMBER);
  const char *signatory = _gw_layout_meta (p, GW_META_SIGNATORY);
  const struct { const char *text; GwFontRole role; GwMeta m; } corner[] = {
    { copy_number, GW_FONT_ROLE_FANGSONG, GW_META_COPY_NUMBER },
    { classification, GW_FONT_ROLE_HEITI, GW_META_CLASSIFICATION },
    { urgency, GW_FONT_ROLE_HEITI, GW_META_URGENCY },
  };
  int number_slot = -1;

  if (gw_document_get_format (p->doc) == GW_DOCUMENT_FORMAT_LETTER)
    return layout_letter_header (p);

  /* 份号, 密级, 紧急程度: stacked flush left from line 1. */
  for (guint i = 0; i < G_N_ELEMENTS (corner); i++)
    {
      g_autoptr(PangoLayout) l = NULL;
      g_autofree char *where = NULL;

      if (corner[i].text == NULL)
        continue;
      l = _gw_layout_grid_layout (p, corner[i].role, corner[i].text, GW_CHARS, 0, NULL);
      where = _gw_layout_where_meta (p, corner[i].m);
      _gw_ledger_account (p, l, where, corner[i].text, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      _gw_layout_flow (p, l, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
    }

  if (mark && gw_organ_mark_is_joint (mark))
    {
      double top = 72.0 * GW_MM, height = 0;

      if (!layout_joint_mark (p, mark, top, &height))
        return FALSE;
      /* 发文字号 two empty lines below the block's bottom, as for one organ */
      p->y = top + height;
      number_slot = _gw_layout_current_slot (p) + 2;
    }
  else if (mark)
    {
      /* 发文机关标志: red, centred, top edge 35 mm below the type area's
       * top (72 mm from the paper's), squeezed horizontally to fit. */
      g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, mark);
      g_autofree char *where = _gw_layout_where_meta (p, GW_META_ORGAN_MARK);
      PangoLayoutIter *it;

      _gw_ledger_account (p, l, where, mark, 0);
      double top = 72.0 * GW_MM;
      double w, scale;
      int n = 0;

      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      w = _gw_layout_width (l);
      scale = w > GW_TA_W ? GW_TA_W / w : 1.0;
      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      it = pango_layout_get_iter (l);
      do
        {
          PangoRectangle log;
          GwOp *op;

          pango_layout_iter_get_line_extents (it, NULL, &log);
          op = _gw_page_add_text (p->page, l, n,
                                  GW_TA_LEFT + (GW_TA_W - log.width / (double) PANGO_SCALE * scale) / 2,
                                  top + n * SIZE_MARK * 1.1 + GW_ASCENT * SIZE_MARK, RED);
          op->hscale = scale;
          n++;
        }
      while (pango_layout_iter_next_line (it));
      pango_layout_iter_free (it);

      /* 发文字号 two empty lines below the mark, on the grid. */
      p->y = top + (n - 1) * SIZE_MARK * 1.1 + SIZE_MARK;
      number_slot = _gw_layout_current_slot (p) + 2;
    }
  else if (number)
    number_slot = _gw_layout_current_slot (p);

  if (number || (mark && signatory))
    {
      double base;

      if (number_slot >= GW_LINES)
        number_slot = GW_LINES - 1;
      base = _gw_baseline_in_slot (_gw_layout_slot_top (number_slot), GW_BODY_SIZE);
      if (number)
        {
          g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, number,
                                                             GW_CHARS, 0, NULL);
          g_autofree char *where = _gw_layout_where_meta (p, GW_META_DOC_NUMBER);
          double x;

          _gw_ledger_account (p, l, where, number, 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_set_justify (l, FALSE);
          /* 上行文: 居左空一字, beside the 签发人; otherwise centred. */
          if (signatory)
            x = GW_TA_LEFT + GW_CHAR;
          else
            x = GW_TA_LEFT + (GW_TA_W - _gw_layout_width (l)) / 2;
          _gw_page_add_text (p->page, l, 0, x, base, BLACK);
        }
      if (signatory)
        {
          g_autofree char *text = g_strconcat ("签发人：", signatory, NULL);
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
          g_autoptr(PangoLayout) l = NULL;
          g_autofree char *where = _gw_layout_where_meta (p, GW_META_SIGNATORY);
          PangoAttribute *a;

          a = pango_attr_font_desc_new (_gw_pagination_font_desc (p, GW_FONT_ROLE_KAITI));
          a->start_index = strlen ("签发人：");
          pango_attr_list_insert (attrs, a);
          l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, text, GW_CHARS, 0, attrs);
          _gw_ledger_account (p, l, where, signatory, strlen ("签发人："));
          pango_layout_set_justify (l, FALSE);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          _gw_page_add_text (p->page, l, 0,
                             GW_TA_LEFT + GW_TA_W - GW_CHAR - _gw_layout_width (l), base, BLACK);
        }
      p->y = _gw_layout_slot_top (number_slot + 1);
      if (mark)
        {
          /* Red separator 4 mm below the number's em box, type-area wide. */
          double y = _gw_layout_slot_top (number_slot) + GW_BODY_SIZE + 4.0 * GW_MM;
          _gw_page_add_rule (p->page, GW_TA_LEFT, y, GW_TA_W, RULE_RED, RED);
          /* Title two empty lines below the red line. */
          _gw_layout_skip_lines (p, 2);
        }
      else
        _gw_layout_skip_lines (p, 1);
    }
  return TRUE;
}
