/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gw-import-docx-private.h"
#include "gw-import-line-private.h"

/* Paragraphs of a .docx as lines: runs, fields, symbols, drawings and
 * text boxes, and what a paragraph's look says about its role. */

/* ---- text ------------------------------------------------------------------ */

static gboolean
para_field_visible (Para *p)
{
  return p->field_hide == 0;
}

static void
para_add_text (Para           *p,
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

static void
para_add_char (Para     *p,
               gunichar  c)
{
  if (para_field_visible (p))
    g_string_append_unichar (p->text, c);
}

static gboolean
attr_is_red_colour (xmlNodePtr n)
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
  if (attr_is_red_colour (c))
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

/* The Symbol font's codes Chinese drafts use, as Unicode. */
static gunichar
symbol_font_char (gunichar code)
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
          para_add_text (p, &r, (const char *) t);
          xmlFree (t);
        }
      else if (is_w (c, "tab") || is_w (c, "ptab"))
        para_add_char (p, '\t');
      else if (is_w (c, "br") || is_w (c, "cr"))
        para_add_char (p, '\n');
      else if (is_w (c, "noBreakHyphen"))
        para_add_char (p, '-');
      else if (is_w (c, "sym"))
        {
          g_autofree char *code = attr (c, "char");
          gunichar u = code ? (gunichar) strtoul (code, NULL, 16) : 0;
          /* symbol fonts put their glyphs at F000 + the font's code */
          if (u >= 0xF020 && u <= 0xF0FF)
            u = symbol_font_char (u - 0xF000);
          if (u && g_unichar_validate (u))
            {
              char buf[8] = { 0 };
              g_unichar_to_utf8 (u, buf);
              para_add_text (p, &r, buf);
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

/* A paragraph deleted whole by a tracked change: its mark deleted and no
 * text left outside deletions. */
static gboolean
has_live_text (xmlNodePtr n,
               guint      depth)
{
  if (depth > 64)
    return FALSE;
  for (xmlNodePtr c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || is_w (c, "del") || is_w (c, "moveFrom") || is_w (c, "pPr"))
        continue;
      if (is_w (c, "t") || is_w (c, "txbxContent") || has_live_text (c, depth + 1))
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

static guint
para_flags (Para *p,
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

  if (ppr && (x = child (ppr, "rPr")) && child (x, "del") && !has_live_text (n, 0))
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
  flags = para_flags (&p, jc);
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
