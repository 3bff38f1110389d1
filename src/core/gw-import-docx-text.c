/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <string.h>

#include "gw-import-docx-private.h"
#include "gw-import-line-private.h"

/* The leaves under the walk of a .docx (gw-import-docx-walk.c): a
 * paragraph's text as its runs add it, symbols, red shapes, deleted
 * paragraphs, lines emitted for the text importer, and what a paragraph's
 * look says about its role. */

/* ---- text ------------------------------------------------------------------ */

static gboolean
para_field_visible (Para *p)
{
  return p->field_hide == 0;
}

void
_gw_import_docx_para_add_text (Para           *p,
                               const RunProps *r,
                               const char     *text)
{
  guint n = 0;

  if (!para_field_visible (p) || text == NULL)
    return;
  g_string_append (p->text, text);
  for (const char *q = text; *q; q = g_utf8_next_char (q))
    if (!g_unichar_isspace (g_utf8_get_char (q)))
      n++;
  p->chars += n;
  if (r->red > 0)
    p->red_chars += n;
  if (r->size > 36)
    p->large_chars += n;
  if (n && r->size > p->max_size)
    p->max_size = r->size;
}

void
_gw_import_docx_para_add_char (Para     *p,
                               gunichar  c)
{
  if (para_field_visible (p))
    g_string_append_unichar (p->text, c);
}

gboolean
_gw_import_docx_attr_is_red_colour (xmlNodePtr n)
{
  static const char *names[] = { "strokecolor", "fillcolor", "color" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *v = attr (n, names[i]);
      if (v && hex_is_red (v))
        return TRUE;
    }
  if (is_w (n, "srgbClr"))
    {
      g_autofree char *v = attr (n, "val");
      return hex_is_red (v);
    }
  return FALSE;
}

/* The Symbol font's codes Chinese drafts use, as Unicode. */
gunichar
_gw_import_docx_symbol_font_char (gunichar code)
{
  switch (code)
    {
    case 0xA3: return 0x2264;  /* ≤ */
    case 0xB0: return 0x00B0;  /* ° */
    case 0xB1: return 0x00B1;  /* ± */
    case 0xB3: return 0x2265;  /* ≥ */
    case 0xB4: return 0x00D7;  /* × */
    case 0xB8: return 0x00F7;  /* ÷ */
    case 0xB7: return 0x2022;  /* • */
    case 0xD6: return 0x221A;  /* √ */
    case 0xAE: return 0x2192;  /* → */
    default:   return code < 0x80 ? code : 0;
    }
}

/* A paragraph deleted whole by a tracked change: its mark deleted and no
 * text left outside deletions. */
gboolean
_gw_import_docx_has_live_text (xmlNodePtr n,
                               guint      depth)
{
  if (depth > 64)
    return FALSE;
  for (xmlNodePtr c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || is_w (c, "del") || is_w (c, "moveFrom") || is_w (c, "pPr"))
        continue;
      if (is_w (c, "t") || is_w (c, "txbxContent") ||
          _gw_import_docx_has_live_text (c, depth + 1))
        return TRUE;
    }
  return FALSE;
}

static char *
new_buffer (Docx       *d,
            const char *text,
            gsize       len)
{
  /* NUL padding: marker parsers compare a whole character past the end */
  char *buf = g_malloc0 (len + 4);
  memcpy (buf, text, len);
  g_ptr_array_add (d->buffers, buf);
  return buf;
}

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* One GwLine for @text (a part of a paragraph), trimmed as the text
 * importer trims, starting at column @column of paragraph @para. */
void
_gw_import_docx_emit_line (Docx       *d,
                           const char *text,
                           gsize       len,
                           guint       para,
                           guint       column,
                           guint       flags)
{
  char *buf = new_buffer (d, text, len);
  char *s = buf, *e = buf + len;
  GwLine line = { 0 };

  while (s < e && is_space_char (g_utf8_get_char (s)))
    {
      s = g_utf8_next_char (s);
      column++;
    }
  while (e > s)
    {
      char *q = g_utf8_find_prev_char (s, e);
      if (q == NULL || !is_space_char (g_utf8_get_char (q)))
        break;
      e = q;
    }
  *e = '\0';
  line.text = s;
  line.raw = buf;
  line.len = e - s;
  line.lineno = para;
  line.column = column;
  line.flags = flags;
  _gw_line_derive (&line);
  g_array_append_val (d->lines, line);
}

guint
_gw_import_docx_para_flags (Para *p,
                            int   jc)
{
  guint flags = 0;

  if (p->chars > 0 && p->red_chars * 2 > p->chars)
    flags |= GW_LINE_RED;
  if (p->chars > 0 && p->large_chars * 2 > p->chars)
    flags |= GW_LINE_LARGE;
  if (jc == ALIGN_CENTRE)
    flags |= GW_LINE_CENTRED;
  else if (jc == ALIGN_RIGHT)
    flags |= GW_LINE_RIGHT;
  if (p->rule)
    flags |= GW_LINE_RULE;
  return flags;
}
