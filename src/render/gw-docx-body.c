/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-docx-writer-private.h"
#include "gw-text.h"

/* 主体 (§7.3) in the .docx: the blocks of the body, the 附件说明 list and
 * the attachment pages. */

/* ---- 主体 ------------------------------------------------------------ */

static gsize
heading_length (const char *text)
{
  const char *stop = strstr (text, "。");

  return stop ? (gsize) (stop - text) + strlen ("。") : strlen (text);
}

char *
_gw_docx_where_block (GwBlock *block, guint index)
{
  return g_strdup_printf (_("block %u (%s)"), index + 1,
                          gw_block_kind_to_string (gw_block_get_kind (block)));
}

void
_gw_docx_write_block (Ctx *c, GwBlock *block, guint index)
{
  g_autofree char *where = _gw_docx_where_block (block, index);
  const char *text = gw_text_skip_indent (gw_block_get_text (block));

  switch (gw_block_get_kind (block))
    {
    case GW_BLOCK_TABLE:
      _gw_docx_write_table (c, block, where);
      break;

    case GW_BLOCK_HEADING:
      {
        guint level = CLAMP (gw_block_get_level (block), 1, 4);
        gsize head = heading_length (text);
        g_autofree char *lead = g_strndup (text, head);
        static const char *const styles[] = { NULL, "Heading1", "Heading2", "Heading3", "Heading4" };
        /* kept with the next paragraph only when it is a heading alone: a
         * chain of run-on headings would move whole pages */
        Para p = { .first_line = 2 * CHAR_TW, .keep_next = text[head] == '\0',
                   .style = styles[level] };
        Look look = body_look;

        if (level == 1)
          look.font = FONT_HEITI;
        else if (level == 2)
          look.font = FONT_KAITI;
        _gw_docx_expect (c, where, text);
        _gw_docx_p_begin (c, &p);
        _gw_docx_run (c, &look, lead);
        _gw_docx_run (c, &body_look, text + head);
        _gw_docx_p_end (c);
        break;
      }

    case GW_BLOCK_ATTACHMENT:
      break;

    case GW_BLOCK_PARAGRAPH:
    default:
      {
        Para p = { .first_line = 2 * CHAR_TW };

        _gw_docx_expect (c, where, text);
        _gw_docx_para (c, &p, &body_look, text);
        break;
      }
    }
}

/* 附件说明: one empty line below the body, 左空二字, numbered names
 * aligned under the first, wrapped lines under the name's first
 * character. */
void
_gw_docx_write_attachment_list (Ctx *c)
{
  const char * const *names = gw_document_get_attachments (c->doc);
  guint n = names ? g_strv_length ((char **) names) : 0;
  int label = 3 * CHAR_TW;   /* 附件： */

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = n == 1 ? g_strdup ("") : g_strdup_printf ("%u．", i + 1);
      g_autofree char *head = g_strconcat (i == 0 ? "附件：" : "", prefix, NULL);
      g_autofree char *where = g_strdup_printf (_("attachment %u"), i + 1);
      int hang = (int) (_gw_docx_grid_width_pt (prefix) * TW_PER_PT);
      Para p = { .before = i == 0 ? PITCH_TW : 0 };

      p.left = 2 * CHAR_TW + label + hang;
      p.first_line = i == 0 ? -(label + hang) : -hang;
      _gw_docx_expect (c, where, names[i]);
      _gw_docx_p_begin (c, &p);
      _gw_docx_run (c, &body_look, head);
      _gw_docx_run (c, &body_look, names[i]);
      _gw_docx_p_end (c);
    }
}

/* 附件 pages: each on a new page, 附件N in 黑体 on line 1, the title
 * centred on line 3, then the content like the body. */
void
_gw_docx_write_attachments (Ctx *c)
{
  guint n = gw_document_get_n_blocks (c->doc);
  gboolean inside = FALSE;

  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (c->doc, i);

      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        {
          guint number = gw_block_get_number (block);
          g_autofree char *label = number ? g_strdup_printf ("附件%u", number) : g_strdup ("附件");
          g_autofree char *where = _gw_docx_where_block (block, i);
          const char *title = gw_text_skip_indent (gw_block_get_text (block));
          Para lp = { .jc = "left", .page_break = TRUE, .keep_next = TRUE };
          Look hei = body_look;

          inside = TRUE;
          hei.font = FONT_HEITI;
          _gw_docx_para (c, &lp, &hei, label);
          if (*title)
            {
              Para tp = { .jc = "center", .before = PITCH_TW, .keep_next = TRUE, .style = "Title",
                          .no_grid = TRUE };
              Look tl = { FONT_TITLE, TITLE_SZ, NULL, FALSE, FALSE, 0 };

              _gw_docx_expect (c, where, title);
              _gw_docx_para (c, &tp, &tl, title);
              /* one empty line under the title */
              lp = (Para) { 0 };
              _gw_docx_p_begin (c, &lp);
              _gw_docx_p_end (c);
            }
          continue;
        }
      if (inside)
        _gw_docx_write_block (c, block, i);
    }
}
