/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include "gw-docx-writer-private.h"

/* 署名, 成文日期 and 附注 (§7.3.5) in the .docx. */

/* 署名 and 成文日期 by the seal rules (§7.3.5), then 附注. */
void
_gw_docx_write_signature (Ctx *c)
{
  const char *sig = _gw_docx_meta (c, GW_META_SIGNATURE);
  const char *date = _gw_docx_meta (c, GW_META_DATE);
  const char *note = _gw_docx_meta (c, GW_META_NOTE);
  gboolean sealed = gw_document_get_sealed (c->doc);
  int blank = sealed ? 2 : 1;
  g_auto(GStrv) signers = sig ? g_strsplit (sig, "\n", -1) : NULL;
  double date_w = date ? _gw_docx_grid_width_pt (date) : 0;
  gboolean first = TRUE;

  if (sig)
    _gw_docx_expect (c, _gw_docx_meta_where (GW_META_SIGNATURE), sig);
  for (guint i = 0; signers && signers[i]; i++)
    {
      const char *name = g_strstrip (signers[i]);
      double sig_w = _gw_docx_grid_width_pt (name);
      int right;
      Para p = { .jc = "right", .keep_next = TRUE };

      if (*name == '\0')
        continue;
      if (sealed)
        /* centred over the date, which is 右空四字 */
        right = 4 * CHAR_TW + (date ? (int) ((date_w - sig_w) / 2 * TW_PER_PT) : 0);
      else
        {
          /* 右空二字; the date starts two characters right of it, or a
           * longer date goes 右空二字 and pushes the signature left */
          right = 2 * CHAR_TW;
          if (date && sig_w + 2 * CHAR_TW / TW_PER_PT < date_w + 0.5)
            right = 2 * CHAR_TW + (int) ((date_w - sig_w) * TW_PER_PT) + 2 * CHAR_TW;
        }
      p.right = MAX (right, 0);
      p.before = first ? blank * PITCH_TW : (sealed ? 4 * PITCH_TW : 0);
      first = FALSE;
      _gw_docx_para (c, &p, &body_look, name);
    }
  if (date)
    {
      Para p = { .jc = "right", .before = first ? blank * PITCH_TW : 0 };
      double sig_w = signers && signers[0] ? _gw_docx_grid_width_pt (g_strstrip (signers[0])) : 0;

      if (sealed)
        p.right = 4 * CHAR_TW;
      else if (sig && sig_w + 2 * CHAR_TW / TW_PER_PT >= date_w + 0.5)
        p.right = 2 * CHAR_TW + (int) ((sig_w - date_w) * TW_PER_PT) - 2 * CHAR_TW;
      else
        p.right = 2 * CHAR_TW;
      p.right = MAX (p.right, 0);
      _gw_docx_expect (c, _gw_docx_meta_where (GW_META_DATE), date);
      _gw_docx_para (c, &p, &body_look, date);
    }
  if (note)
    {
      g_autofree char *text = g_strdup_printf ("（%s）", note);
      Para p = { .first_line = 2 * CHAR_TW };

      _gw_docx_expect (c, _gw_docx_meta_where (GW_META_NOTE), note);
      _gw_docx_para (c, &p, &body_look, text);
    }
}
