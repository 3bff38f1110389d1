/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout-private.h"

/* 版记 (§7.4): 抄送, 印发机关 and 印发日期 between rules on an even page,
 * or a letter's 抄送 on its last lines (§10.1). */

/* The 抄送 of the 版记: "抄送：" and the organs in 四号, one character in
 * from either side, wrapped lines aligned after the colon, ending in "。".
 * NULL (no error) when the document has none. */
static PangoLayout *
copy_to_layout (GwPagination *p)
{
  const char *copy_to = _gw_layout_meta (p, GW_META_COPY_TO);
  g_autofree char *text = NULL;
  g_autofree char *where = NULL;
  PangoLayout *cl;
  double label;

  if (copy_to == NULL)
    return NULL;
  text = g_strconcat ("抄送：", copy_to, g_str_has_suffix (copy_to, "。") ? "" : "。", NULL);
  where = _gw_layout_where_meta (p, GW_META_COPY_TO);
  label = _gw_layout_text_width (p, GW_FONT_ROLE_FANGSONG, SIZE_SMALL, "抄送：");
  cl = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, SIZE_SMALL, GW_TA_W - 2 * GW_CHAR, text);
  _gw_ledger_account (p, cl, where, copy_to, strlen ("抄送："));
  pango_layout_set_indent (cl, (int) lround (-label * PANGO_SCALE));
  _gw_pagination_check_glyphs (p, cl, where);
  return cl;
}

/* Places the lines of the 抄送 from @y down; returns the y below them. */
static double
place_copy_to (GwSheet     *page,
               PangoLayout *cl,
               double       y)
{
  PangoLayoutIter *it = pango_layout_get_iter (cl);
  int i = 0;

  do
    {
      PangoRectangle log;

      pango_layout_iter_get_line_extents (it, NULL, &log);
      _gw_page_add_text (page, cl, i++, GW_TA_LEFT + GW_CHAR + log.x / (double) PANGO_SCALE,
                         y + (GW_PITCH - SIZE_SMALL) / 2 + GW_ASCENT * SIZE_SMALL, BLACK);
      y += GW_PITCH;
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
  return y;
}

/* The 版记 of a letter (§10.1): no 印发机关 and 印发日期 and no lines, so
 * only the 抄送, on the last lines of the type area of the last page. With
 * no rules to sit between it keeps to the body's grid. The 文件 format's
 * even page is for the back of a bound sheet; the standard puts a letter's
 * 版记 simply "位于公文最后一页版心内最下方", so a page is added only when
 * the last one has no free line left for it. */
static gboolean
layout_letter_colophon (GwPagination *p)
{
  g_autoptr(PangoLayout) cl = copy_to_layout (p);
  int first;

  if (p->error)
    return FALSE;
  if (cl == NULL)
    return TRUE;
  first = MAX (GW_LINES - pango_layout_get_line_count (cl), 0);
  if (_gw_layout_current_slot (p) > first)
    _gw_pagination_new_page (p);
  /* place_copy_to() centres each line in a box a line pitch high */
  place_copy_to (p->page, cl, _gw_layout_slot_top (first) + GW_BODY_SIZE / 2 - GW_PITCH / 2);
  p->page->blank = FALSE;
  p->y = GW_TA_BOTTOM;
  return TRUE;
}

/* 版记 (§7.4): 抄送 and 印发机关/日期 in 四号 between rules, the last rule
 * on the bottom edge of the type area, on an even page. */
gboolean
_gw_layout_colophon (GwPagination *p)
{
  const char *copy_to = _gw_layout_meta (p, GW_META_COPY_TO);
  const char *organ = _gw_layout_meta (p, GW_META_PRINTING_ORGAN);
  const char *pdate = _gw_layout_meta (p, GW_META_PRINTING_DATE);
  g_autoptr(PangoLayout) cl = NULL;
  g_autoptr(PangoLayout) ol = NULL;
  g_autoptr(PangoLayout) dl = NULL;
  int copy_lines = 0, rows;
  double h, top;
  guint page_no;
  gboolean after_blank = FALSE;

  if (gw_document_get_format (p->doc) == GW_DOCUMENT_FORMAT_LETTER)
    return layout_letter_colophon (p);
  if (copy_to == NULL && organ == NULL && pdate == NULL)
    return TRUE;

  cl = copy_to_layout (p);
  if (p->error)
    return FALSE;
  if (cl)
    copy_lines = pango_layout_get_line_count (cl);
  if (organ)
    {
      g_autofree char *where = _gw_layout_where_meta (p, GW_META_PRINTING_ORGAN);
      ol = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, SIZE_SMALL, -1, organ);
      _gw_ledger_account (p, ol, where, organ, 0);
      if (!_gw_pagination_check_glyphs (p, ol, where))
        return FALSE;
    }
  if (pdate)
    {
      g_autofree char *text = g_strconcat (pdate, "印发", NULL);
      g_autofree char *where = _gw_layout_where_meta (p, GW_META_PRINTING_DATE);
      dl = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, SIZE_SMALL, -1, text);
      _gw_ledger_span (_gw_ledger_entry (p, where, pdate, -1), dl, 0, strlen (pdate));
      if (!_gw_pagination_check_glyphs (p, dl, where))
        return FALSE;
    }

  rows = copy_lines + ((organ || pdate) ? 1 : 0);
  h = rows * GW_PITCH;
  top = GW_TA_BOTTOM - h;
  page_no = p->pages->len;
  /* On an even page, below what is already there; else on the next even
   * page, a blank page in between when needed. */
  if (page_no % 2 == 1 || p->y > top + 0.5)
    {
      _gw_pagination_new_page (p);
      if (p->pages->len % 2 == 1)
        {
          p->page->blank = TRUE;
          _gw_pagination_new_page (p);
          after_blank = TRUE;
        }
    }

  {
    double y = top;
    GwSheet *page = p->page;

    _gw_page_add_rule (page, GW_TA_LEFT, y, GW_TA_W, RULE_THICK, BLACK);
    if (cl)
      y = place_copy_to (page, cl, y);
    if (organ || pdate)
      {
        double base = y + (GW_PITCH - SIZE_SMALL) / 2 + GW_ASCENT * SIZE_SMALL;
        if (copy_lines > 0)
          _gw_page_add_rule (page, GW_TA_LEFT, y, GW_TA_W, RULE_THIN, BLACK);
        if (ol)
          _gw_page_add_text (page, ol, 0, GW_TA_LEFT + GW_CHAR, base, BLACK);
        if (dl)
          _gw_page_add_text (page, dl, 0, GW_TA_LEFT + GW_TA_W - GW_CHAR - _gw_layout_width (dl),
                             base, BLACK);
      }
    _gw_page_add_rule (page, GW_TA_LEFT, GW_TA_BOTTOM, GW_TA_W, RULE_THICK, BLACK);
    page->blank = FALSE;
    if (after_blank)
      page->number = G_MAXUINT;   /* marks "no number" for _gw_pagination_number_pages */
  }
  p->y = GW_TA_BOTTOM;
  return TRUE;
}
