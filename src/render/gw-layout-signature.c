/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout-private.h"

/* 署名, 成文日期 and 附注 (§7.3.5), for one organ or several, kept off a
 * page of their own. */

static double
grid_text_width (GwPagination *p,
                 const char   *text)
{
  g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, text, GW_CHARS, 0,
                                                     NULL);

  pango_layout_set_width (l, -1);
  return _gw_layout_width (l);
}

/* Starts the page the signature goes on when it does not fit below the
 * text ending before grid slot @slot, carrying the last line of text over
 * with it, so that neither it nor a seal stands alone on a page (§7.3.5.5). */
static void
signature_new_page (GwPagination *p,
                    int           slot)
{
  GwSheet *old = p->page;
  GwOp *last = old->ops->len > 0 ? g_ptr_array_index (old->ops, old->ops->len - 1) : NULL;

  _gw_pagination_new_page (p);
  if (last && last->kind == GW_OP_TEXT && slot > 0 &&
      fabs (last->y - _gw_baseline_in_slot (_gw_layout_slot_top (slot - 1), GW_BODY_SIZE)) < 0.01)
    {
      last = g_ptr_array_steal_index (old->ops, old->ops->len - 1);
      last->y -= _gw_layout_slot_top (slot - 1) - _gw_layout_slot_top (0);
      g_ptr_array_add (p->page->ops, last);
      p->y = _gw_layout_slot_top (1);
    }
}

/* §7.3.5.5: when a signature block of @need lines after @blank empty ones
 * doesn't fit, first close the space above it to one line; failing that,
 * start a page carrying the last line of text over (signature_new_page).
 * Returns whether a page was started. */
static gboolean
keep_signature_with_text (GwPagination *p,
                          int          *blank,
                          int           need)
{
  int slot = _gw_layout_current_slot (p);

  if (slot + *blank + need > GW_LINES && slot + 1 + need <= GW_LINES)
    *blank = 1;
  if (slot + *blank + need <= GW_LINES)
    return FALSE;
  signature_new_page (p, slot);
  return TRUE;
}

#define SEAL_ROWS 5  /* grid lines from one row of joint seals to the next */

/* The organs of a joint signature (one a line), or NULL for one organ. */
static GStrv
joint_signers (const char *sig)
{
  g_autoptr(GStrvBuilder) b = NULL;
  g_auto(GStrv) lines = NULL;
  GStrv names;

  if (sig == NULL || strchr (sig, '\n') == NULL)
    return NULL;
  b = g_strv_builder_new ();
  lines = g_strsplit (sig, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]))
      g_strv_builder_add (b, lines[i]);
  names = g_strv_builder_end (b);
  if (g_strv_length (names) < 2)
    g_clear_pointer (&names, g_strfreev);
  return names;
}

/* One name of a joint signature on grid slot @slot (which may be past the
 * page's last: the caller made room). */
static gboolean
place_signer (GwPagination *p,
              GwTextEntry  *entry,
              const char   *name,
              double        x,
              int           slot)
{
  g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, name, GW_CHARS, 0,
                                                     NULL);
  g_autofree char *where = _gw_layout_where_meta (p, GW_META_SIGNATURE);

  _gw_ledger_span (entry, l, 0, strlen (name));
  if (!_gw_pagination_check_glyphs (p, l, where))
    return FALSE;
  pango_layout_set_width (l, -1);
  _gw_page_add_text (p->page, l, 0, x, _gw_baseline_in_slot (_gw_layout_slot_top (slot),
                                                             GW_BODY_SIZE), BLACK);
  return TRUE;
}

/* 联合行文 signatures (§7.3.5.1, §7.3.5.2). Sealed: names in organ order,
 * two a row left to right, each to carry its own seal; the last name sits
 * centred over the date (右空四字) so that the last seal covers both. Rows
 * are SEAL_ROWS lines apart and the two columns at least 9 字 apart, so
 * that 42 mm seals (the usual size for a city organ) neither touch nor
 * leave the type area. UNSURE: the spec does not say where an odd organ
 * goes; as in common practice the last row then holds the last organ
 * alone, over the date. Without seals: the lead organ first, the others
 * stacked below it, their right edges 右空二字 together; the date on the
 * next line, starting 2 字 right of the longest name (or 右空二字 when
 * longer). Returns FALSE with p->error set on a missing glyph. */
static gboolean
layout_joint_signature (GwPagination *p,
                        const char   *sig,
                        GStrv         names,
                        const char   *date,
                        gboolean      sealed)
{
  g_autofree char *sig_where = _gw_layout_where_meta (p, GW_META_SIGNATURE);
  GwTextEntry *entry = _gw_ledger_entry (p, sig_where, sig, -1);
  guint n = g_strv_length (names);
  double right = GW_TA_LEFT + GW_TA_W;
  double date_w = date ? grid_text_width (p, date) : 0;
  g_autofree double *w = g_new0 (double, n);
  double max_w = 0, date_x, right_c = 0, left_c = 0;
  gboolean two_columns = FALSE;
  int rows, need, blank, first;

  for (guint i = 0; i < n; i++)
    {
      w[i] = grid_text_width (p, names[i]);
      max_w = MAX (max_w, w[i]);
    }

  if (sealed)
    {
      date_x = right - 4 * GW_CHAR - date_w;
      right_c = date ? date_x + date_w / 2 : right - 4 * GW_CHAR - max_w / 2;
      left_c = right_c - MAX (9 * GW_CHAR, max_w + 2 * GW_CHAR);
      two_columns = left_c - max_w / 2 >= GW_TA_LEFT - 0.5;
      rows = two_columns ? (int) (n + 1) / 2 : (int) n;
      need = (rows - 1) * SEAL_ROWS + 1 + (date ? 1 : 0);
      blank = 2;
    }
  else
    {
      date_x = right - max_w;  /* 2 字 right of a name 右空二字 */
      if (date_x + date_w > right - 2 * GW_CHAR + 0.5)
        date_x = right - 2 * GW_CHAR - date_w;
      rows = n;
      need = n + (date ? 1 : 0);
      blank = 1;
    }

  /* §7.3.5.5 as for one organ */
  if (keep_signature_with_text (p, &blank, need))
    blank = 0;
  _gw_layout_skip_lines (p, blank);
  first = _gw_layout_current_slot (p);

  for (guint i = 0; i < n; i++)
    {
      double x;
      int row;

      if (!sealed)
        {
          row = i;
          x = right - 2 * GW_CHAR - w[i];
        }
      else if (two_columns)
        {
          /* rows fill in order, two a row; an odd last organ stands
           * alone on the right, over the date */
          gboolean last_alone = (n % 2 == 1) && i == n - 1;
          row = i / 2;
          x = (last_alone || i % 2 == 1 ? right_c : left_c) - w[i] / 2;
          row *= SEAL_ROWS;
        }
      else
        {
          row = i * SEAL_ROWS;
          x = right_c - w[i] / 2;
        }
      if (!place_signer (p, entry, names[i], x, first + row))
        return FALSE;
    }
  p->y = _gw_layout_slot_top (first + (sealed ? (rows - 1) * SEAL_ROWS + 1 : rows));
  if (date)
    {
      g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, date, GW_CHARS,
                                                         0, NULL);
      g_autofree char *where = _gw_layout_where_meta (p, GW_META_DATE);

      _gw_ledger_account (p, l, where, date, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      pango_layout_set_width (l, -1);
      _gw_layout_flow (p, l, date_x, GW_BODY_SIZE, BLACK);
    }
  return TRUE;
}

/* 署名 and 成文日期 (§7.3.5), then 附注. */
gboolean
_gw_layout_signature (GwPagination *p)
{
  const char *sig = _gw_layout_meta (p, GW_META_SIGNATURE);
  const char *date = _gw_layout_meta (p, GW_META_DATE);
  const char *note = _gw_layout_meta (p, GW_META_NOTE);
  gboolean sealed = gw_document_get_sealed (p->doc);
  double right = GW_TA_LEFT + GW_TA_W;
  double sig_w = sig ? grid_text_width (p, sig) : 0;
  double date_w = date ? grid_text_width (p, date) : 0;
  double sig_x = 0, date_x = 0;
  int need = (sig ? 1 : 0) + (date ? 1 : 0);
  int blank = 0;
  g_auto(GStrv) signers = joint_signers (sig);

  if (signers)
    {
      if (!layout_joint_signature (p, sig, signers, date, sealed))
        return FALSE;
    }
  else if (need > 0)
    {
      if (sealed)
        {
          /* Date 右空四字, signature centred over it; two empty lines leave
           * room for the seal, whose top stays within a line of the body. */
          date_x = right - 4 * GW_CHAR - date_w;
          sig_x = date ? date_x + (date_w - sig_w) / 2 : right - 4 * GW_CHAR - sig_w;
          blank = 2;
        }
      else
        {
          /* Signature 右空二字, the date starting two characters right of
           * it; a longer date goes 右空二字 and pushes the signature left. */
          sig_x = right - 2 * GW_CHAR - sig_w;
          date_x = sig_x + 2 * GW_CHAR;
          if (!sig || date_x + date_w > right - 2 * GW_CHAR + 0.5)
            {
              date_x = right - 2 * GW_CHAR - date_w;
              sig_x = date_x - 2 * GW_CHAR;
            }
          blank = 1;
        }
      keep_signature_with_text (p, &blank, need);
      _gw_layout_skip_lines (p, blank);
      if (sig)
        {
          g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, sig,
                                                             GW_CHARS, 0, NULL);
          g_autofree char *where = _gw_layout_where_meta (p, GW_META_SIGNATURE);
          _gw_ledger_account (p, l, where, sig, 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_set_width (l, -1);
          _gw_layout_flow (p, l, sig_x, GW_BODY_SIZE, BLACK);
        }
      if (date)
        {
          g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, date,
                                                             GW_CHARS, 0, NULL);
          g_autofree char *where = _gw_layout_where_meta (p, GW_META_DATE);
          _gw_ledger_account (p, l, where, date, 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_set_width (l, -1);
          _gw_layout_flow (p, l, date_x, GW_BODY_SIZE, BLACK);
        }
    }
  if (note)
    {
      g_autofree char *text = g_strdup_printf ("（%s）", note);
      g_autoptr(PangoLayout) l = _gw_layout_grid_layout (p, GW_FONT_ROLE_FANGSONG, text, GW_CHARS,
                                                         2, NULL);
      g_autofree char *where = _gw_layout_where_meta (p, GW_META_NOTE);
      _gw_ledger_account (p, l, where, note, strlen ("（"));
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      _gw_layout_flow (p, l, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
    }
  return TRUE;
}
