/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <libxml/xmlwriter.h>

#include "gw-docx-writer-private.h"

/* The parts of the .docx package beside the document: footers (page
 * numbers), styles, settings (the document grid), the font table and the
 * core properties. */

/* ---- the other parts ------------------------------------------------- */

GBytes *
_gw_docx_footer_part (Ctx *c, int kind)   /* 0 odd, 1 even, 2 first (empty) */
{
  Para p = { .jc = kind == 0 ? "right" : "left", .line = 400, .no_grid = TRUE };
  Look look = { FONT_SONGTI, SMALL_SZ, NULL, FALSE, FALSE, 0 };
  GBytes *bytes;

  if (kind == 0)
    p.right = CHAR_TW;
  else if (kind == 1)
    p.left = CHAR_TW;
  _gw_docx_start_part (c);
  el (c, "w:ftr");
  attr (c, "xmlns:w", NS_W);
  attr (c, "xmlns:r", NS_R);
  _gw_docx_p_begin (c, &p);
  if (kind != 2)
    {
      /* — N —: a PAGE field between em dashes (half-width digits) */
      _gw_docx_run (c, &look, "— ");
      el (c, "w:r"), _gw_docx_rpr (c, &look), el (c, "w:fldChar"), attr (c, "w:fldCharType", "begin"), end (c), end (c);
      el (c, "w:r"), _gw_docx_rpr (c, &look), el (c, "w:instrText"), attr (c, "xml:space", "preserve");
      xmlTextWriterWriteString (c->w, BAD_CAST " PAGE ");
      end (c), end (c);
      el (c, "w:r"), _gw_docx_rpr (c, &look), el (c, "w:fldChar"), attr (c, "w:fldCharType", "separate"), end (c), end (c);
      _gw_docx_run (c, &look, "1");
      el (c, "w:r"), _gw_docx_rpr (c, &look), el (c, "w:fldChar"), attr (c, "w:fldCharType", "end"), end (c), end (c);
      _gw_docx_run (c, &look, " —");
    }
  _gw_docx_p_end (c);
  end (c);
  bytes = _gw_docx_finish_part (c);
  _gw_docx_free_part (c);
  return bytes;
}

GBytes *
_gw_docx_styles_part (Ctx *c)
{
  static const struct { const char *id, *name; int level; Font font; int sz; } styles[] = {
    { "Title", "Title", -1, FONT_TITLE, TITLE_SZ },
    { "Heading1", "heading 1", 0, FONT_HEITI, BODY_SZ },
    { "Heading2", "heading 2", 1, FONT_KAITI, BODY_SZ },
    { "Heading3", "heading 3", 2, FONT_FANGSONG, BODY_SZ },
    { "Heading4", "heading 4", 3, FONT_FANGSONG, BODY_SZ },
  };
  Look normal = { FONT_FANGSONG, BODY_SZ, NULL, FALSE, FALSE, 0 };
  GBytes *bytes;

  _gw_docx_start_part (c);
  el (c, "w:styles");
  attr (c, "xmlns:w", NS_W);
  el (c, "w:docDefaults");
  el (c, "w:rPrDefault");
  _gw_docx_rpr (c, &normal);
  end (c);
  el (c, "w:pPrDefault");
  el (c, "w:pPr");
  el (c, "w:spacing"), attr (c, "w:after", "0"), attri (c, "w:line", PITCH_TW),
    attr (c, "w:lineRule", "exact"), end (c);
  end (c);
  end (c);
  end (c);
  el (c, "w:style"), attr (c, "w:type", "paragraph"), attr (c, "w:default", "1"),
    attr (c, "w:styleId", "Normal");
  val (c, "w:name", "Normal");
  el (c, "w:qFormat"), end (c);
  end (c);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      Look look = { styles[i].font, styles[i].sz, NULL, FALSE, FALSE, 0 };

      el (c, "w:style"), attr (c, "w:type", "paragraph"), attr (c, "w:styleId", styles[i].id);
      val (c, "w:name", styles[i].name);
      val (c, "w:basedOn", "Normal");
      val (c, "w:next", "Normal");
      el (c, "w:qFormat"), end (c);
      el (c, "w:pPr");
      if (styles[i].level >= 0)
        vali (c, "w:outlineLvl", styles[i].level);
      end (c);
      _gw_docx_rpr (c, &look);
      end (c);
    }
  end (c);
  bytes = _gw_docx_finish_part (c);
  _gw_docx_free_part (c);
  return bytes;
}

GBytes *
_gw_docx_settings_part (Ctx *c)
{
  GBytes *bytes;

  _gw_docx_start_part (c);
  el (c, "w:settings");
  attr (c, "xmlns:w", NS_W);
  /* odd and even footers: — N — right on odd pages, left on even ones */
  el (c, "w:evenAndOddHeaders"), end (c);
  vali (c, "w:defaultTabStop", 2 * CHAR_TW);
  val (c, "w:characterSpacingControl", "compressPunctuation");
  el (c, "w:compat");
  el (c, "w:compatSetting");
  attr (c, "w:name", "compatibilityMode");
  attr (c, "w:uri", "http://schemas.microsoft.com/office/word");
  attr (c, "w:val", "15");
  end (c);
  end (c);
  el (c, "w:themeFontLang"), attr (c, "w:val", "en-US"), attr (c, "w:eastAsia", "zh-CN"), end (c);
  end (c);
  bytes = _gw_docx_finish_part (c);
  _gw_docx_free_part (c);
  return bytes;
}

GBytes *
_gw_docx_font_table_part (Ctx *c)
{
  GBytes *bytes;

  _gw_docx_start_part (c);
  el (c, "w:fonts");
  attr (c, "xmlns:w", NS_W);
  for (guint i = 0; i < N_FONTS; i++)
    {
      el (c, "w:font");
      attr (c, "w:name", fonts[i].name);
      val (c, "w:altName", fonts[i].alt);
      val (c, "w:charset", "86");      /* GB2312 */
      val (c, "w:family", fonts[i].family);
      val (c, "w:pitch", "variable");
      end (c);
    }
  end (c);
  bytes = _gw_docx_finish_part (c);
  _gw_docx_free_part (c);
  return bytes;
}

GBytes *
_gw_docx_core_props_part (Ctx *c)
{
  const char *title = _gw_docx_meta (c, GW_META_TITLE);
  const char *organ = _gw_docx_meta (c, GW_META_SIGNATURE);
  GBytes *bytes;

  _gw_docx_start_part (c);
  el (c, "cp:coreProperties");
  attr (c, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  attr (c, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  attr (c, "xmlns:dcterms", "http://purl.org/dc/terms/");
  attr (c, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  if (title)
    {
      g_autofree char *flat = g_strdelimit (g_strdup (title), "\n", ' ');
      el (c, "dc:title");
      xmlTextWriterWriteString (c->w, BAD_CAST flat);
      end (c);
    }
  if (organ)
    {
      g_autofree char *flat = g_strdelimit (g_strdup (organ), "\n", ' ');
      el (c, "dc:creator");
      xmlTextWriterWriteString (c->w, BAD_CAST flat);
      end (c);
    }
  el (c, "dc:language");
  xmlTextWriterWriteString (c->w, BAD_CAST "zh-CN");
  end (c);
  end (c);
  bytes = _gw_docx_finish_part (c);
  _gw_docx_free_part (c);
  return bytes;
}
