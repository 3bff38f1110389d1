/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "gw-docx-writer-private.h"
#include "gw-numeral.h"

/* Paragraphs and runs of the .docx writer: the text each region must carry
 * (the conservation ledger), w:p and w:r with their looks, the document's
 * metadata, grid widths and rectangles placed on the page; and the parts'
 * XML writers and section properties. The bottom of the writer: every
 * region file and gw-docx-writer.c call down into it. */

/* Text as XML 1.0 can carry it: C0 controls other than tab and newline
 * dropped (the conservation check skips them too). */
gboolean
_gw_docx_is_dropped (gunichar ch)
{
  return (ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0xFFFE || ch == 0xFFFF;
}

void
_gw_docx_expect (Ctx        *c,
                 const char *where,
                 const char *text)
{
  Expect *e;

  if (text == NULL || *text == '\0')
    return;
  e = g_new0 (Expect, 1);
  e->where = g_strdup (where);
  e->text = g_strdup (text);
  g_ptr_array_add (c->expect, e);
}

/* ---- paragraphs and runs -------------------------------------------- */

void
_gw_docx_p_begin (Ctx *c, const Para *p)
{
  el (c, "w:p");
  el (c, "w:pPr");
  if (p->style)
    val (c, "w:pStyle", p->style);
  if (p->keep_next)
    el (c, "w:keepNext"), end (c);
  if (p->frame)
    {
      /* the caller's attributes, already well-formed "name=value" pairs */
      g_auto(GStrv) pairs = g_strsplit (p->frame, " ", -1);

      el (c, "w:framePr");
      for (guint i = 0; pairs[i]; i++)
        {
          char *eq = strchr (pairs[i], '=');
          if (eq)
            {
              *eq = '\0';
              attr (c, pairs[i], eq + 1);
            }
        }
      end (c);
    }
  if (p->page_break)
    el (c, "w:pageBreakBefore"), end (c);
  if (p->no_grid)
    val (c, "w:snapToGrid", "0");
  if (p->right_tab)
    {
      el (c, "w:tabs");
      el (c, "w:tab");
      attr (c, "w:val", "right");
      attri (c, "w:pos", p->right_tab);
      end (c);
      end (c);
    }
  el (c, "w:spacing");
  attri (c, "w:before", p->before);
  attr (c, "w:after", "0");
  attri (c, "w:line", p->line ? p->line : PITCH_TW);
  attr (c, "w:lineRule", "exact");
  end (c);
  if (p->left || p->right || p->first_line)
    {
      el (c, "w:ind");
      attri (c, "w:left", p->left);
      attri (c, "w:right", p->right);
      if (p->first_line >= 0)
        attri (c, "w:firstLine", p->first_line);
      else
        attri (c, "w:hanging", -p->first_line);
      end (c);
    }
  val (c, "w:jc", p->jc ? p->jc : "both");
  end (c);
}

void
_gw_docx_p_end (Ctx *c)
{
  end (c);
}

void
_gw_docx_rpr (Ctx *c, const Look *look)
{
  const char *face = fonts[look->font].name;

  el (c, "w:rPr");
  el (c, "w:rFonts");
  attr (c, "w:ascii", face);
  attr (c, "w:hAnsi", face);
  attr (c, "w:eastAsia", face);
  attr (c, "w:cs", face);
  attr (c, "w:hint", "eastAsia");
  end (c);
  if (look->bold)
    el (c, "w:b"), end (c);
  if (look->color)
    val (c, "w:color", look->color);
  if (look->grid)
    vali (c, "w:spacing", CHAR_SPACING);
  if (look->scale > 0 && look->scale != 100)
    vali (c, "w:w", look->scale);
  vali (c, "w:sz", look->sz);
  vali (c, "w:szCs", look->sz);
  end (c);
}

/* A run of @text: newlines become w:br, tabs w:tab. */
void
_gw_docx_run (Ctx *c, const Look *look, const char *text)
{
  GString *piece = g_string_new (NULL);

  if (text == NULL || *text == '\0')
    {
      g_string_free (piece, TRUE);
      return;
    }
  el (c, "w:r");
  _gw_docx_rpr (c, look);
  for (const char *s = text; ; s = g_utf8_next_char (s))
    {
      gunichar ch = *s ? g_utf8_get_char (s) : 0;

      if (ch == 0 || ch == '\n' || ch == '\t')
        {
          if (piece->len > 0)
            {
              el (c, "w:t");
              attr (c, "xml:space", "preserve");
              xmlTextWriterWriteString (c->w, BAD_CAST piece->str);
              end (c);
              g_string_truncate (piece, 0);
            }
          if (ch == 0)
            break;
          el (c, ch == '\n' ? "w:br" : "w:tab");
          end (c);
          continue;
        }
      if (_gw_docx_is_dropped (ch))
        continue;
      g_string_append_unichar (piece, ch);
    }
  end (c);
  g_string_free (piece, TRUE);
}

/* One paragraph of one run. */
void
_gw_docx_para (Ctx *c, const Para *p, const Look *look, const char *text)
{
  _gw_docx_p_begin (c, p);
  _gw_docx_run (c, look, text);
  _gw_docx_p_end (c);
}

const char *
_gw_docx_meta (Ctx *c, GwMeta m)
{
  const char *v = gw_document_get_meta (c->doc, m);

  return v && *v ? v : NULL;
}

const char *
_gw_docx_meta_where (GwMeta m)
{
  switch (m)
    {
    case GW_META_COPY_NUMBER: return C_("docx export", "the copy number");
    case GW_META_CLASSIFICATION: return C_("docx export", "the classification");
    case GW_META_URGENCY: return C_("docx export", "the urgency");
    case GW_META_ORGAN_MARK: return C_("docx export", "the organ mark");
    case GW_META_DOC_NUMBER: return C_("docx export", "the document number");
    case GW_META_SIGNATORY: return C_("docx export", "the signatory");
    case GW_META_TITLE: return C_("docx export", "the title");
    case GW_META_RECIPIENTS: return C_("docx export", "the recipients");
    case GW_META_SIGNATURE: return C_("docx export", "the signature");
    case GW_META_DATE: return C_("docx export", "the date");
    case GW_META_NOTE: return C_("docx export", "the note");
    case GW_META_COPY_TO: return C_("docx export", "the copy-to line");
    case GW_META_PRINTING_ORGAN: return C_("docx export", "the printing organ");
    case GW_META_PRINTING_DATE: return C_("docx export", "the printing date");
    default: return "";
    }
}

/* Width of @text in points on the body grid: CJK and full-width 15.75,
 * the rest half that (仿宋's Latin and digits are half-width). */
double
_gw_docx_grid_width_pt (const char *text)
{
  double w = 0;

  for (const char *s = text; s && *s; s = g_utf8_next_char (s))
    {
      gunichar ch = g_utf8_get_char (s);
      w += (ch < 0x2E80 && !(ch >= 0x2010 && ch <= 0x2026)) ? CHAR_TW / 2.0 / TW_PER_PT
                                                            : CHAR_TW / TW_PER_PT;
    }
  return w;
}

/* A VML rectangle of @rgb positioned on the page (points from the paper's
 * top-left), in a run of its own: the red rule and the letter's lines. */
void
_gw_docx_page_rect (Ctx *c, double x, double y, double w, double h, const char *rgb)
{
  g_autofree char *style = NULL;
  g_autofree char *id = g_strdup_printf ("_x0000_s%u", 1025 + c->shape_id++);
  g_autofree char *fill = g_strdup_printf ("#%s", rgb);
  /* '.' whatever the locale: Word reads these as CSS lengths */
  g_autofree char *xs = gw_number_format_fixed (x, 2);
  g_autofree char *ys = gw_number_format_fixed (y, 2);
  g_autofree char *ws = gw_number_format_fixed (w, 2);
  g_autofree char *hs = gw_number_format_fixed (h, 2);

  style = g_strdup_printf ("position:absolute;margin-left:%spt;margin-top:%spt;"
                           "width:%spt;height:%spt;z-index:-1;"
                           "mso-position-horizontal-relative:page;"
                           "mso-position-vertical-relative:page", xs, ys, ws, hs);
  el (c, "w:r");
  el (c, "w:pict");
  el (c, "v:rect");
  attr (c, "id", id);
  attr (c, "style", style);
  attr (c, "fillcolor", fill);
  attr (c, "stroked", "f");
  el (c, "w10:wrap");
  attr (c, "anchorx", "page");
  attr (c, "anchory", "page");
  end (c);
  end (c);
  end (c);
  end (c);
}

/* ---- parts and sections --------------------------------------------- */

void
_gw_docx_sect_pr (Ctx *c, gboolean landscape, gboolean last)
{
  el (c, "w:sectPr");
  {
      el (c, "w:footerReference"), attr (c, "w:type", "default"), attr (c, "r:id", "rIdFooterOdd"), end (c);
      el (c, "w:footerReference"), attr (c, "w:type", "even"), attr (c, "r:id", "rIdFooterEven"), end (c);
      if (c->letter)
        el (c, "w:footerReference"), attr (c, "w:type", "first"), attr (c, "r:id", "rIdFooterFirst"), end (c);
    }
  if (!last)
    val (c, "w:type", "nextPage");
  el (c, "w:pgSz");
  attri (c, "w:w", landscape ? PAGE_H_TW : PAGE_W_TW);
  attri (c, "w:h", landscape ? PAGE_W_TW : PAGE_H_TW);
  if (landscape)
    attr (c, "w:orient", "landscape");
  end (c);
  el (c, "w:pgMar");
  /* turned a quarter: the table's head faces the sheet's left edge */
  attri (c, "w:top", landscape ? MARGIN_LEFT : MARGIN_TOP);
  attri (c, "w:right", landscape ? MARGIN_TOP : MARGIN_RIGHT);
  attri (c, "w:bottom", landscape ? MARGIN_RIGHT : MARGIN_BOTTOM);
  attri (c, "w:left", landscape ? MARGIN_BOTTOM : MARGIN_LEFT);
  attr (c, "w:header", "851");
  attri (c, "w:footer", FOOTER_TW);
  attr (c, "w:gutter", "0");
  end (c);
  if (c->letter)
    el (c, "w:titlePg"), end (c);
  el (c, "w:docGrid");
  attr (c, "w:type", "lines");
  attri (c, "w:linePitch", PITCH_TW);
  end (c);
  end (c);
}

/* Ends the current section: @landscape says how the one ending is set. */
void
_gw_docx_write_section_break (Ctx *c, gboolean landscape)
{
  Para p = { .line = 20, .no_grid = TRUE };

  el (c, "w:p");
  el (c, "w:pPr");
  el (c, "w:spacing"), attr (c, "w:before", "0"), attr (c, "w:after", "0"),
    attri (c, "w:line", p.line), attr (c, "w:lineRule", "exact"), end (c);
  _gw_docx_sect_pr (c, landscape, FALSE);
  end (c);
  end (c);
}

GBytes *
_gw_docx_finish_part (Ctx *c)
{
  xmlTextWriterEndDocument (c->w);
  xmlFreeTextWriter (c->w);
  c->w = NULL;
  return g_bytes_new (xmlBufferContent (c->buf), xmlBufferLength (c->buf));
}

void
_gw_docx_start_part (Ctx *c)
{
  c->buf = xmlBufferCreate ();
  c->w = xmlNewTextWriterMemory (c->buf, 0);
  xmlTextWriterStartDocument (c->w, NULL, "UTF-8", "yes");
}

void
_gw_docx_free_part (Ctx *c)
{
  g_clear_pointer (&c->w, xmlFreeTextWriter);
  g_clear_pointer (&c->buf, xmlBufferFree);
}
