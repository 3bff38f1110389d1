/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

#include "gw-docx-writer.h"
#include "gw-error.h"
#include "gw-letter.h"
#include "gw-numeral.h"
#include "gw-pdf.h"

/* Geometry. Word measures in twips (1/20 pt); GB/T 9704 in mm. The type
 * area is the PDF's (37/35/28/26 mm margins, 156 × 225 mm); the body sits
 * on a document grid of 22 lines (linePitch 579 twips = 28.95 pt, which
 * is what "22 lines" means to Word and WPS: 225 mm / 22, rounded down so
 * that 22 lines fit) and every body line is "exactly" one pitch high.
 * Characters: 三号 (16 pt) with −0.25 pt of character spacing, so 28 fit a
 * line (15.75 pt each; the PDF's pitch is 15.79 pt).
 *
 * Where LibreOffice 7.4 puts things (measured, see tests/render/
 * test-docx-lo.py): a 16 pt line exactly 28.95 pt high has its em box's top
 * 7.84 pt below the line's top, so line n's em-top is 37 mm + 7.84 pt +
 * n × 28.95 pt; the PDF's is 37 mm + n × 29.61 pt. The two agree within
 * 3 mm over all 22 lines, which is why the margins stay the standard's.
 * A 42 pt line exactly 46.2 pt high in a frame has its em-top at the
 * frame's top, so the organ mark's frame is placed at 72 mm itself. */

#define TW_PER_PT      20.0
#define TW_PER_MM      (TW_PER_PT * 72.0 / 25.4)
#define MM_PT          (72.0 / 25.4)
#define PAGE_W_TW      11906
#define PAGE_H_TW      16838
#define MARGIN_TOP     2098     /* 37 mm */
#define MARGIN_BOTTOM  1984     /* 35 mm */
#define MARGIN_LEFT    1588     /* 28 mm */
#define MARGIN_RIGHT   1474     /* 26 mm */
#define TA_W_TW        8844     /* 156 mm */
#define PITCH_TW       579
#define PITCH_PT       (PITCH_TW / TW_PER_PT)
#define LINES          22
#define CHAR_TW        315      /* 15.75 pt: 16 pt − 0.25 pt */
#define CHAR_SPACING   (-5)     /* twentieths of a point */
#define TA_TOP_PT      (37.0 * MM_PT)
#define TA_LEFT_PT     (28.0 * MM_PT)
#define TA_W_PT        (156.0 * MM_PT)
#define TA_BOTTOM_PT   (262.0 * MM_PT)
#define EM_OFFSET_PT   7.84     /* LibreOffice: line top to em-top, 16 pt in 28.95 pt */
#define BODY_SZ        32       /* half-points: 三号 */
#define TITLE_SZ       44       /* 二号 */
#define MARK_SZ        84       /* 初号 (42 pt), practice */
#define SMALL_SZ       28       /* 四号 */
#define FORM_SZ        24       /* 小四: the evaluation form's tables */
#define MARK_LINE_TW   924      /* 1.1 × 42 pt */
#define MARK_TOP_TW    4082     /* 72 mm from the paper's top */
#define LETTER_MARK_TOP_PT (30.0 * MM_PT)
#define LETTER_RULE_W_PT   (170.0 * MM_PT)
#define FOOTER_TW      1420     /* page bottom to the footer: the dash line about 269 mm */
#define RED            "FF0000"

#define NS_W    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_V    "urn:schemas-microsoft-com:vml"
#define NS_O    "urn:schemas-microsoft-com:office:office"
#define NS_W10  "urn:schemas-microsoft-com:office:word"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"
#define RT_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

typedef enum {
  FONT_FANGSONG,
  FONT_HEITI,
  FONT_KAITI,
  FONT_SONGTI,
  FONT_TITLE,
  N_FONTS
} Font;

/* What the package names, and what Word tries when that is missing
 * (w:altName in the font table). */
static const struct { const char *name, *alt, *family; } fonts[N_FONTS] = {
  [FONT_FANGSONG] = { GW_DOCX_FONT_FANGSONG, "仿宋_GB2312", "modern" },
  [FONT_HEITI]    = { GW_DOCX_FONT_HEITI, "SimHei", "modern" },
  [FONT_KAITI]    = { GW_DOCX_FONT_KAITI, "楷体_GB2312", "modern" },
  [FONT_SONGTI]   = { GW_DOCX_FONT_SONGTI, "SimSun", "auto" },
  [FONT_TITLE]    = { GW_DOCX_FONT_TITLE, "小标宋", "roman" },
};

/* A run's look. */
typedef struct {
  Font        font;
  int         sz;          /* half-points */
  const char *color;       /* NULL: automatic (black) */
  gboolean    grid;        /* −0.25 pt character spacing (body grid text) */
  gboolean    bold;
  int         scale;       /* w:w, percent; 0 = 100 */
} Look;

/* A paragraph's look. */
typedef struct {
  const char *jc;          /* NULL = left (both for body text) */
  int         first_line;  /* twips; negative = hanging */
  int         left, right; /* twips */
  int         before;      /* twips */
  int         line;        /* exact line height in twips; 0 = PITCH_TW */
  gboolean    no_grid;     /* w:snapToGrid off */
  gboolean    keep_next;
  gboolean    page_break;
  const char *style;       /* w:pStyle */
  const char *frame;       /* raw attributes of w:framePr, or NULL */
  int         right_tab;   /* a right tab stop, twips; 0 = none */
} Para;

typedef struct {
  char *where;
  char *text;
} Expect;

typedef struct {
  GwDocument       *doc;
  const char       *source;
  xmlBufferPtr      buf;
  xmlTextWriterPtr  w;
  GPtrArray        *expect;       /* Expect*, in the order written */
  guint             shape_id;
  gboolean          letter;
} Ctx;

static void
expect_free (gpointer data)
{
  Expect *e = data;

  g_free (e->where);
  g_free (e->text);
  g_free (e);
}

/* ---- small XML helpers ---------------------------------------------- */

static void
el (Ctx *c, const char *name)
{
  xmlTextWriterStartElement (c->w, BAD_CAST name);
}

static void
end (Ctx *c)
{
  xmlTextWriterEndElement (c->w);
}

static void
attr (Ctx *c, const char *name, const char *value)
{
  xmlTextWriterWriteAttribute (c->w, BAD_CAST name, BAD_CAST value);
}

static void
attri (Ctx *c, const char *name, int value)
{
  xmlTextWriterWriteFormatAttribute (c->w, BAD_CAST name, "%d", value);
}

/* <name w:val="value"/> */
static void
val (Ctx *c, const char *name, const char *value)
{
  el (c, name);
  attr (c, "w:val", value);
  end (c);
}

static void
vali (Ctx *c, const char *name, int value)
{
  el (c, name);
  attri (c, "w:val", value);
  end (c);
}

/* Text as XML 1.0 can carry it: C0 controls other than tab and newline
 * dropped (the conservation check skips them too). */
static gboolean
is_dropped (gunichar ch)
{
  return (ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0xFFFE || ch == 0xFFFF;
}

static void
expect (Ctx        *c,
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

static void
p_begin (Ctx *c, const Para *p)
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

static void
p_end (Ctx *c)
{
  end (c);
}

static void
rpr (Ctx *c, const Look *look)
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
static void
run (Ctx *c, const Look *look, const char *text)
{
  GString *piece = g_string_new (NULL);

  if (text == NULL || *text == '\0')
    {
      g_string_free (piece, TRUE);
      return;
    }
  el (c, "w:r");
  rpr (c, look);
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
      if (is_dropped (ch))
        continue;
      g_string_append_unichar (piece, ch);
    }
  end (c);
  g_string_free (piece, TRUE);
}

static const Look body_look = { FONT_FANGSONG, BODY_SZ, NULL, TRUE, FALSE, 0 };

/* One paragraph of one run. */
static void
para (Ctx *c, const Para *p, const Look *look, const char *text)
{
  p_begin (c, p);
  run (c, look, text);
  p_end (c);
}

static const char *
meta (Ctx *c, GwMeta m)
{
  const char *v = gw_document_get_meta (c->doc, m);

  return v && *v ? v : NULL;
}

static const char *
meta_where (GwMeta m)
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
static double
grid_width_pt (const char *text)
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
static void
page_rect (Ctx *c, double x, double y, double w, double h, const char *rgb)
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
      const char *text = meta (c, corner[i].m);
      Para p = { .jc = "left", .before = n == 0 ? first_before : 0 };
      Look look = body_look;

      if (text == NULL)
        continue;
      look.font = corner[i].font;
      expect (c, meta_where (corner[i].m), text);
      para (c, &p, &look, text);
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

static void
write_mark_and_number (Ctx *c)
{
  const char *mark = meta (c, GW_META_ORGAN_MARK);
  const char *number = meta (c, GW_META_DOC_NUMBER);
  const char *signatory = meta (c, GW_META_SIGNATORY);
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
      para (c, &sp, &look, NULL);
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
          expect (c, meta_where (GW_META_ORGAN_MARK), organs[i]);
          para (c, &cp, &look, organs[i]);
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
          expect (c, meta_where (GW_META_ORGAN_MARK), "文件");
          para (c, &wp, &look, "文件");
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

      expect (c, meta_where (GW_META_ORGAN_MARK), mark);
      para (c, &p, &look, mark);
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
      p_begin (c, &p);
      if (number)
        {
          expect (c, meta_where (GW_META_DOC_NUMBER), number);
          run (c, &body_look, number);
        }
      if (signatory)
        {
          Look kai = body_look;

          kai.font = FONT_KAITI;
          run (c, &body_look, "\t签发人：");
          expect (c, meta_where (GW_META_SIGNATORY), signatory);
          run (c, &kai, signatory);
        }
      if (mark)
        {
          /* the red separator 4 mm below the number's em box */
          double y = TA_TOP_PT + number_slot * PITCH_PT + EM_OFFSET_PT + 16.0 + 4.0 * MM_PT;
          page_rect (c, TA_LEFT_PT, y, TA_W_PT, 1.5, RED);
        }
      p_end (c);
    }
}

static void
write_letter_header (Ctx *c)
{
  const char *mark = meta (c, GW_META_ORGAN_MARK);
  const char *number = meta (c, GW_META_DOC_NUMBER);
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
          expect (c, meta_where (GW_META_ORGAN_MARK), organs[0]);
          para (c, &p, &look, organs[0]);
        }
    }
  /* the double lines: thick over thin under the name, thin over thick
   * 20 mm above the paper's bottom */
  p = (Para) { .line = 20, .no_grid = TRUE };
  p_begin (c, &p);
  page_rect (c, rule_x, rule_top, LETTER_RULE_W_PT, 2.25, RED);
  page_rect (c, rule_x, rule_top + 2.25 + 1.5, LETTER_RULE_W_PT, 0.75, RED);
  page_rect (c, rule_x, foot, LETTER_RULE_W_PT, 0.75, RED);
  page_rect (c, rule_x, foot + 0.75 + 1.5, LETTER_RULE_W_PT, 2.25, RED);
  p_end (c);

  used = write_corner (c, first_slot * PITCH_TW - 20);
  if (number)
    {
      Para np = { .jc = "right", .before = used ? 0 : first_slot * PITCH_TW - 20 };

      /* on its own line when 份号 etc. took the first: Word has no "same
       * line as the paragraph above" */
      expect (c, meta_where (GW_META_DOC_NUMBER), number);
      para (c, &np, &body_look, number);
    }
}

/* ---- 主体 ------------------------------------------------------------ */

static gsize
heading_length (const char *text)
{
  const char *stop = strstr (text, "。");

  return stop ? (gsize) (stop - text) + strlen ("。") : strlen (text);
}

static double
cell_width_pt (const char *text, double size)
{
  double w = 0, line = 0;

  for (const char *s = text; s && *s; s = g_utf8_next_char (s))
    {
      gunichar ch = g_utf8_get_char (s);

      if (ch == '\n')
        {
          w = MAX (w, line);
          line = 0;
          continue;
        }
      line += ch < 0x2E80 ? size / 2 : size;
    }
  return MAX (w, line);
}

/* The longest run a cell cannot break (Latin words, numbers). */
static double
cell_min_pt (const char *text, double size)
{
  double best = 2 * size, word = 0;

  for (const char *s = text; s && *s; s = g_utf8_next_char (s))
    {
      gunichar ch = g_utf8_get_char (s);

      if (ch < 0x2E80 && !g_unichar_isspace (ch))
        word += size / 2;
      else
        {
          best = MAX (best, word);
          word = 0;
        }
    }
  return MAX (best, word);
}

static void
table_begin (Ctx *c, const int *widths, guint n_cols, int total)
{
  el (c, "w:tbl");
  el (c, "w:tblPr");
  val (c, "w:jc", "center");
  el (c, "w:tblW"), attri (c, "w:w", total), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:tblBorders");
  for (guint i = 0; i < 6; i++)
    {
      static const char *const sides[] = { "w:top", "w:left", "w:bottom", "w:right",
                                           "w:insideH", "w:insideV" };
      el (c, sides[i]);
      attr (c, "w:val", "single");
      attr (c, "w:sz", "4");
      attr (c, "w:space", "0");
      attr (c, "w:color", "000000");
      end (c);
    }
  end (c);
  el (c, "w:tblLayout"), attr (c, "w:type", "fixed"), end (c);
  el (c, "w:tblCellMar");
  el (c, "w:left"), attr (c, "w:w", "60"), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:right"), attr (c, "w:w", "60"), attr (c, "w:type", "dxa"), end (c);
  end (c);
  end (c);
  el (c, "w:tblGrid");
  for (guint i = 0; i < n_cols; i++)
    el (c, "w:gridCol"), attri (c, "w:w", widths[i]), end (c);
  end (c);
}

/* A row of cells; @looks per cell (or one for all when @per_cell is
 * FALSE); a header row repeats on every page. */
static void
table_row (Ctx               *c,
           const char *const *cells,
           const int         *widths,
           guint              n_cols,
           const Look        *look,
           gboolean           header,
           const char        *jc,
           int                min_h,
           const char        *where)
{
  guint n = cells ? g_strv_length ((char **) cells) : 0;

  el (c, "w:tr");
  el (c, "w:trPr");
  el (c, "w:cantSplit"), end (c);
  if (header)
    el (c, "w:tblHeader"), end (c);
  if (min_h)
    el (c, "w:trHeight"), attri (c, "w:val", min_h), attr (c, "w:hRule", "atLeast"), end (c);
  end (c);
  for (guint i = 0; i < n_cols; i++)
    {
      const char *text = i < n ? cells[i] : "";
      Para p = { .jc = jc ? jc : "left", .line = (int) (look->sz * 10 * 1.5), .no_grid = TRUE };

      el (c, "w:tc");
      el (c, "w:tcPr");
      el (c, "w:tcW"), attri (c, "w:w", widths[i]), attr (c, "w:type", "dxa"), end (c);
      val (c, "w:vAlign", "center");
      end (c);
      expect (c, where, text);
      /* one paragraph a line of the cell, so Word and the importer see them */
      {
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
        for (guint k = 0; lines[k] || k == 0; k++)
          {
            para (c, &p, look, lines[k] ? lines[k] : "");
            if (lines[k] == NULL)
              break;
          }
      }
      end (c);
    }
  end (c);
}

static void
write_section_break (Ctx *c, gboolean landscape);

static void
write_table (Ctx *c, GwBlock *block, const char *where)
{
  GPtrArray *rows = gw_block_get_rows (block);
  const double size = SMALL_SZ / 2.0, pad = 6.0;
  guint n_cols = 0;
  g_autofree double *nat = NULL, *min = NULL;
  g_autofree int *widths = NULL;
  double nat_sum = 0, min_sum = 0, frame;
  gboolean landscape = FALSE;
  Look look = { FONT_FANGSONG, SMALL_SZ, NULL, FALSE, FALSE, 0 };
  Look head = look;
  int total = 0;

  if (rows == NULL || rows->len == 0)
    return;
  for (guint r = 0; r < rows->len; r++)
    n_cols = MAX (n_cols, g_strv_length (g_ptr_array_index (rows, r)));
  if (n_cols == 0)
    return;
  nat = g_new0 (double, n_cols);
  min = g_new0 (double, n_cols);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      for (guint i = 0; cells[i]; i++)
        {
          nat[i] = MAX (nat[i], cell_width_pt (cells[i], size) + pad);
          min[i] = MAX (min[i], cell_min_pt (cells[i], size) + pad);
        }
    }
  for (guint i = 0; i < n_cols; i++)
    nat_sum += nat[i], min_sum += min[i];
  /* §8: turned when the columns cannot fit the portrait type area, or
   * when it would cramp them to under three characters */
  landscape = min_sum > TA_W_PT ||
              (nat_sum > TA_W_PT && TA_W_PT / n_cols < 3 * size + pad);
  frame = landscape ? 225.0 * MM_PT : TA_W_PT;
  widths = g_new0 (int, n_cols);
  for (guint i = 0; i < n_cols; i++)
    {
      /* natural widths when they fit; else the minimum plus a share of
       * what is left, by natural width */
      double w;
      if (nat_sum <= frame)
        w = nat[i] * frame / nat_sum;
      else if (min_sum < frame)
        w = min[i] + (frame - min_sum) * (nat[i] - min[i]) / MAX (nat_sum - min_sum, 1);
      else
        w = min[i] * frame / min_sum;
      widths[i] = (int) floor (w * TW_PER_PT);
      total += widths[i];
    }
  head.bold = TRUE;
  head.font = FONT_HEITI;
  if (landscape)
    write_section_break (c, FALSE);
  table_begin (c, widths, n_cols, total);
  for (guint r = 0; r < rows->len; r++)
    table_row (c, (const char *const *) g_ptr_array_index (rows, r), widths, n_cols,
               r == 0 ? &head : &look, r == 0, r == 0 ? "center" : NULL, 0, where);
  end (c);
  if (landscape)
    write_section_break (c, TRUE);
}

static char *
where_block (GwBlock *block, guint index)
{
  return g_strdup_printf (_("block %u (%s)"), index + 1,
                          gw_block_kind_to_string (gw_block_get_kind (block)));
}

static const char *
skip_indent (const char *s)
{
  for (;;)
    {
      if (*s == ' ' || *s == '\t')
        s++;
      else if (g_str_has_prefix (s, "\u3000"))
        s += 3;
      else
        return s;
    }
}

static void
write_block (Ctx *c, GwBlock *block, guint index)
{
  g_autofree char *where = where_block (block, index);
  const char *text = skip_indent (gw_block_get_text (block));

  switch (gw_block_get_kind (block))
    {
    case GW_BLOCK_TABLE:
      write_table (c, block, where);
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
        expect (c, where, text);
        p_begin (c, &p);
        run (c, &look, lead);
        run (c, &body_look, text + head);
        p_end (c);
        break;
      }

    case GW_BLOCK_ATTACHMENT:
      break;

    case GW_BLOCK_PARAGRAPH:
    default:
      {
        Para p = { .first_line = 2 * CHAR_TW };

        expect (c, where, text);
        para (c, &p, &body_look, text);
        break;
      }
    }
}

/* 附件说明: one empty line below the body, 左空二字, numbered names
 * aligned under the first, wrapped lines under the name's first
 * character. */
static void
write_attachment_list (Ctx *c)
{
  const char * const *names = gw_document_get_attachments (c->doc);
  guint n = names ? g_strv_length ((char **) names) : 0;
  int label = 3 * CHAR_TW;   /* 附件： */

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = n == 1 ? g_strdup ("") : g_strdup_printf ("%u．", i + 1);
      g_autofree char *head = g_strconcat (i == 0 ? "附件：" : "", prefix, NULL);
      g_autofree char *where = g_strdup_printf (_("attachment %u"), i + 1);
      int hang = (int) (grid_width_pt (prefix) * TW_PER_PT);
      Para p = { .before = i == 0 ? PITCH_TW : 0 };

      p.left = 2 * CHAR_TW + label + hang;
      p.first_line = i == 0 ? -(label + hang) : -hang;
      expect (c, where, names[i]);
      p_begin (c, &p);
      run (c, &body_look, head);
      run (c, &body_look, names[i]);
      p_end (c);
    }
}

/* 署名 and 成文日期 by the seal rules (§7.3.5), then 附注. */
static void
write_signature (Ctx *c)
{
  const char *sig = meta (c, GW_META_SIGNATURE);
  const char *date = meta (c, GW_META_DATE);
  const char *note = meta (c, GW_META_NOTE);
  gboolean sealed = gw_document_get_sealed (c->doc);
  int blank = sealed ? 2 : 1;
  g_auto(GStrv) signers = sig ? g_strsplit (sig, "\n", -1) : NULL;
  double date_w = date ? grid_width_pt (date) : 0;
  gboolean first = TRUE;

  if (sig)
    expect (c, meta_where (GW_META_SIGNATURE), sig);
  for (guint i = 0; signers && signers[i]; i++)
    {
      const char *name = g_strstrip (signers[i]);
      double sig_w = grid_width_pt (name);
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
      para (c, &p, &body_look, name);
    }
  if (date)
    {
      Para p = { .jc = "right", .before = first ? blank * PITCH_TW : 0 };
      double sig_w = signers && signers[0] ? grid_width_pt (g_strstrip (signers[0])) : 0;

      if (sealed)
        p.right = 4 * CHAR_TW;
      else if (sig && sig_w + 2 * CHAR_TW / TW_PER_PT >= date_w + 0.5)
        p.right = 2 * CHAR_TW + (int) ((sig_w - date_w) * TW_PER_PT) - 2 * CHAR_TW;
      else
        p.right = 2 * CHAR_TW;
      p.right = MAX (p.right, 0);
      expect (c, meta_where (GW_META_DATE), date);
      para (c, &p, &body_look, date);
    }
  if (note)
    {
      g_autofree char *text = g_strdup_printf ("（%s）", note);
      Para p = { .first_line = 2 * CHAR_TW };

      expect (c, meta_where (GW_META_NOTE), note);
      para (c, &p, &body_look, text);
    }
}

/* 附件 pages: each on a new page, 附件N in 黑体 on line 1, the title
 * centred on line 3, then the content like the body. */
static void
write_attachments (Ctx *c)
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
          g_autofree char *where = where_block (block, i);
          const char *title = skip_indent (gw_block_get_text (block));
          Para lp = { .jc = "left", .page_break = TRUE, .keep_next = TRUE };
          Look hei = body_look;

          inside = TRUE;
          hei.font = FONT_HEITI;
          para (c, &lp, &hei, label);
          if (*title)
            {
              Para tp = { .jc = "center", .before = PITCH_TW, .keep_next = TRUE, .style = "Title",
                          .no_grid = TRUE };
              Look tl = { FONT_TITLE, TITLE_SZ, NULL, FALSE, FALSE, 0 };

              expect (c, where, title);
              para (c, &tp, &tl, title);
              /* one empty line under the title */
              lp = (Para) { 0 };
              p_begin (c, &lp);
              p_end (c);
            }
          continue;
        }
      if (inside)
        write_block (c, block, i);
    }
}

/* The 版记 (§7.4) at the foot of the last page: a table of 抄送 and
 * 印发机关/日期 between rules, in a text box anchored to the bottom of the
 * type area. LibreOffice 7.4 turns a floating table (w:tblpPr) into an
 * inline one where it stands, so the bottom would be lost; a VML text box
 * holding the table keeps its place in Word, WPS and LibreOffice. The
 * letter format's 版记 is the 抄送 alone, without rules. */
static void
write_colophon (Ctx *c)
{
  const char *copy_to = meta (c, GW_META_COPY_TO);
  const char *organ = c->letter ? NULL : meta (c, GW_META_PRINTING_ORGAN);
  const char *pdate = c->letter ? NULL : meta (c, GW_META_PRINTING_DATE);
  g_autofree char *copy_text = NULL;
  g_autofree char *style = NULL;
  g_autofree char *id = NULL;
  int rows = 0, copy_lines = 0;
  Look look = { FONT_FANGSONG, SMALL_SZ, NULL, FALSE, FALSE, 0 };
  const char *rule = c->letter ? "nil" : "single";

  if (copy_to == NULL && organ == NULL && pdate == NULL)
    return;
  if (copy_to)
    {
      /* as written: the PDF adds a missing final 。, but a Word file is
       * edited on, and what it says must be what the document says (the
       * checker reports the missing full stop) */
      copy_text = g_strconcat ("抄送：", copy_to, NULL);
      /* 四号 in 156 mm less two characters: about 30 characters a line */
      copy_lines = (int) ceil (cell_width_pt (copy_text, 14.0) / (TA_W_PT - 2 * 15.79 - 6));
      rows += MAX (copy_lines, 1);
    }
  if (organ || pdate)
    rows++;

  id = g_strdup_printf ("_x0000_s%u", 1025 + c->shape_id++);
  {
    g_autofree char *ws = gw_number_format_fixed (TA_W_PT, 2);
    g_autofree char *hs = gw_number_format_fixed (rows * PITCH_PT + 1.0, 2);

    style = g_strdup_printf ("position:absolute;margin-left:0;margin-top:0;"
                             "width:%spt;height:%spt;z-index:1;"
                             "mso-position-horizontal:center;"
                             "mso-position-horizontal-relative:margin;"
                             "mso-position-vertical:bottom;mso-position-vertical-relative:margin",
                             ws, hs);
  }
  {
    Para p = { .line = 20, .no_grid = TRUE };
    p_begin (c, &p);
  }
  el (c, "w:r");
  el (c, "w:pict");
  el (c, "v:shape");
  attr (c, "id", id);
  attr (c, "type", "#_x0000_t202");
  attr (c, "style", style);
  attr (c, "stroked", "f");
  attr (c, "filled", "f");
  el (c, "v:textbox");
  attr (c, "inset", "0,0,0,0");
  el (c, "w:txbxContent");

  el (c, "w:tbl");
  el (c, "w:tblPr");
  el (c, "w:tblW"), attri (c, "w:w", TA_W_TW), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:tblLayout"), attr (c, "w:type", "fixed"), end (c);
  el (c, "w:tblCellMar");
  el (c, "w:left"), attr (c, "w:w", "0"), attr (c, "w:type", "dxa"), end (c);
  el (c, "w:right"), attr (c, "w:w", "0"), attr (c, "w:type", "dxa"), end (c);
  end (c);
  end (c);
  el (c, "w:tblGrid");
  el (c, "w:gridCol"), attri (c, "w:w", TA_W_TW), end (c);
  end (c);
  for (int r = 0; r < 2; r++)
    {
      gboolean is_copy = r == 0;
      gboolean last = is_copy ? !(organ || pdate) : TRUE;
      Para p = { .line = PITCH_TW, .no_grid = TRUE, .left = CHAR_TW, .right = CHAR_TW };
      int height;

      if (is_copy && copy_text == NULL)
        continue;
      if (!is_copy && !(organ || pdate))
        continue;
      height = is_copy ? MAX (copy_lines, 1) * PITCH_TW : PITCH_TW;
      el (c, "w:tr");
      el (c, "w:trPr");
      el (c, "w:trHeight"), attri (c, "w:val", height), attr (c, "w:hRule", "exact"), end (c);
      end (c);
      el (c, "w:tc");
      el (c, "w:tcPr");
      el (c, "w:tcW"), attri (c, "w:w", TA_W_TW), attr (c, "w:type", "dxa"), end (c);
      el (c, "w:tcBorders");
      /* first and last rules thick (0.35 mm ≈ 1 pt), the one between thin
       * (0.25 mm ≈ 0.75 pt); w:sz is in eighths of a point */
      el (c, "w:top"), attr (c, "w:val", rule), attri (c, "w:sz", is_copy ? 8 : (copy_text ? 6 : 8)),
        attr (c, "w:space", "0"), attr (c, "w:color", "000000"), end (c);
      el (c, "w:left"), attr (c, "w:val", "nil"), end (c);
      el (c, "w:bottom"), attr (c, "w:val", last ? rule : "nil"), attri (c, "w:sz", 8),
        attr (c, "w:space", "0"), attr (c, "w:color", "000000"), end (c);
      el (c, "w:right"), attr (c, "w:val", "nil"), end (c);
      end (c);
      val (c, "w:vAlign", "center");
      end (c);
      if (is_copy)
        {
          p.first_line = -3 * 280;   /* wrapped lines after the colon */
          p.left = CHAR_TW + 3 * 280;
          expect (c, meta_where (GW_META_COPY_TO), copy_to);
          para (c, &p, &look, copy_text);
        }
      else
        {
          g_autofree char *dtext = pdate ? g_strconcat (pdate, "印发", NULL) : NULL;

          p.right_tab = TA_W_TW - 2 * CHAR_TW;
          p_begin (c, &p);
          expect (c, meta_where (GW_META_PRINTING_ORGAN), organ);
          run (c, &look, organ);
          if (dtext)
            {
              run (c, &look, "\t");
              expect (c, meta_where (GW_META_PRINTING_DATE), pdate);
              run (c, &look, dtext);
            }
          p_end (c);
        }
      end (c);
      end (c);
    }
  end (c);   /* w:tbl */
  {
    /* a text box's content ends in a paragraph */
    Para p = { .line = 20, .no_grid = TRUE };
    p_begin (c, &p);
    p_end (c);
  }
  end (c);   /* w:txbxContent */
  end (c);   /* v:textbox */
  el (c, "w10:wrap");
  attr (c, "type", "topAndBottom");
  attr (c, "anchory", "margin");
  end (c);
  end (c);   /* v:shape */
  end (c);   /* w:pict */
  end (c);   /* w:r */
  p_end (c);
}

/* ---- 年度评估表 ------------------------------------------------------- */

static char *
format_score (double v)
{
  if (isnan (v))
    return g_strdup ("");
  if (fabs (v - round (v)) < 1e-6)
    return gw_number_format_fixed (v, 0);
  return gw_number_format_fixed (v, 1);
}

static const char *
field (GwEvaluation *ev, GwEvalField f)
{
  const char *v = gw_evaluation_get_field (ev, f);

  return v ? v : "";
}

static void
form_table (Ctx               *c,
            const double      *fractions,
            guint              n_cols,
            GPtrArray         *rows,       /* GStrv */
            const Look *const *looks,      /* per row, NULL = plain */
            guint              n_header,
            int                min_h,
            const char        *where)
{
  g_autofree int *widths = g_new (int, n_cols);
  Look plain = { FONT_FANGSONG, FORM_SZ, NULL, FALSE, FALSE, 0 };
  int total = 0;

  for (guint i = 0; i < n_cols; i++)
    total += widths[i] = (int) floor (fractions[i] * TA_W_TW);
  table_begin (c, widths, n_cols, total);
  for (guint r = 0; r < rows->len; r++)
    table_row (c, g_ptr_array_index (rows, r), widths, n_cols,
               looks && looks[r] ? looks[r] : &plain, r < n_header,
               r < n_header ? "center" : NULL, min_h, where);
  end (c);
}

static void
add_row (GPtrArray *rows, const char *first, ...)
{
  GStrvBuilder *b = g_strv_builder_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *s = first; s; s = va_arg (ap, const char *))
    g_strv_builder_add (b, s);
  va_end (ap);
  g_ptr_array_add (rows, g_strv_builder_end (b));
  g_strv_builder_unref (b);
}

static void
spacer (Ctx *c, int twips)
{
  Para p = { .line = MAX (twips, 20), .no_grid = TRUE };

  p_begin (c, &p);
  p_end (c);
}

static void
write_evaluation (Ctx *c)
{
  GwEvaluation *ev = gw_document_get_evaluation (c->doc);
  const char *title = meta (c, GW_META_TITLE);
  const char *where = _("the evaluation form");
  const Look heading = { FONT_HEITI, FORM_SZ, NULL, FALSE, TRUE, 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) looks = g_ptr_array_new ();
  g_autofree char *total_s = NULL, *max_s = NULL;
  const char * const *names = gw_evaluation_get_evaluators (ev);
  g_autofree char *people = names ? g_strjoinv ("、", (char **) names) : g_strdup ("");
  GListModel *sections, *vetoes;
  double total_max = 0;

  {
    Para p = { .jc = "center", .line = 660, .no_grid = TRUE, .style = "Title" };
    Look tl = { FONT_TITLE, TITLE_SZ, NULL, FALSE, FALSE, 0 };
    const char *t = title ? title : "社工站运营服务项目年度评估表";

    if (title)
      expect (c, meta_where (GW_META_TITLE), title);
    para (c, &p, &tl, t);
    spacer (c, 120);
  }

  /* Header: label | value | label | value. */
  {
    static const double frac[] = { 0.17, 0.33, 0.17, 0.33 };
    g_autofree char *period = g_strdup_printf ("%s 至 %s", field (ev, GW_EVAL_SERVICE_START),
                                               field (ev, GW_EVAL_SERVICE_END));
    guint year = gw_evaluation_get_cycle_year (ev);
    g_autofree char *cycle = year ? g_strdup_printf ("第%u年（三年一个周期）", year)
                                  : g_strdup (field (ev, GW_EVAL_CYCLE_YEAR));

    add_row (rows, "项目名称", field (ev, GW_EVAL_PROJECT), "站点层级", field (ev, GW_EVAL_TIER), NULL);
    add_row (rows, "采购人", field (ev, GW_EVAL_PURCHASER), "承接机构", field (ev, GW_EVAL_OPERATOR), NULL);
    add_row (rows, "统一社会信用代码", field (ev, GW_EVAL_CREDIT_CODE),
             "合同编号", field (ev, GW_EVAL_CONTRACT_NUMBER), NULL);
    add_row (rows, "合同金额（元）", field (ev, GW_EVAL_CONTRACT_AMOUNT),
             "资金使用（元）", field (ev, GW_EVAL_FUNDS_USED), NULL);
    add_row (rows, "服务期", period, "周期年度", cycle, NULL);
    add_row (rows, "评估类型", field (ev, GW_EVAL_TYPE), "评估机构", field (ev, GW_EVAL_EVALUATOR), NULL);
    add_row (rows, "评估日期", field (ev, GW_EVAL_DATE), "评估人员", people, NULL);
    if (*field (ev, GW_EVAL_FUNDS_EXPLANATION))
      add_row (rows, "资金使用说明", field (ev, GW_EVAL_FUNDS_EXPLANATION), "", "", NULL);
    if (*field (ev, GW_EVAL_OPINION))
      add_row (rows, "依据的实施意见", field (ev, GW_EVAL_OPINION), "", "", NULL);
    form_table (c, frac, 4, rows, NULL, 0, 0, where);
    spacer (c, 240);
  }

  /* The indicators, section by section, with subtotals and the total. */
  {
    static const double frac[] = { 0.07, 0.27, 0.07, 0.08, 0.08, 0.16, 0.27 };

    g_ptr_array_set_size (rows, 0);
    add_row (rows, "序号", "评估指标", "分值", "自评分", "得分", "评分方", "说明", NULL);
    g_ptr_array_add (looks, (gpointer) &heading);
    sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
    for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
      {
        g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
        GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
        g_autofree char *smax = format_score (gw_eval_section_get_max (sec));
        g_autofree char *ssub = format_score (gw_eval_section_compute_subtotal (sec));
        g_autofree char *sname = g_strdup_printf ("%s（小计）", gw_eval_section_get_name (sec));

        total_max += gw_eval_section_get_max (sec);
        add_row (rows, gw_eval_section_get_id (sec), sname, smax, "", ssub, "", "", NULL);
        g_ptr_array_add (looks, (gpointer) &heading);
        for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
          {
            g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
            g_autofree char *imax = format_score (gw_indicator_get_max (ind));
            g_autofree char *iself = format_score (gw_indicator_get_self_score (ind));
            g_autofree char *iscore = format_score (gw_indicator_get_score (ind));
            const char *by = gw_indicator_get_scored_by (ind);
            const char *comment = gw_indicator_get_comment (ind);

            add_row (rows, gw_indicator_get_id (ind), gw_indicator_get_name (ind), imax, iself,
                     iscore, by ? by : "", comment ? comment : "", NULL);
            g_ptr_array_add (looks, NULL);
          }
      }
    total_s = format_score (gw_evaluation_compute_total (ev));
    max_s = format_score (total_max);
    add_row (rows, "", "合计", max_s, "", total_s, "", "", NULL);
    g_ptr_array_add (looks, (gpointer) &heading);
    form_table (c, frac, 7, rows, (const Look *const *) looks->pdata, 1, 0, where);
    spacer (c, 240);
  }

  /* Total, grade and decision in a box (a one-cell table, thick border). */
  {
    gboolean vetoed = gw_evaluation_any_veto (ev);
    gboolean scored = FALSE;
    const char *grade, *decision;
    const char *reason = field (ev, GW_EVAL_OVERRIDE_REASON);
    const char *stated_grade = field (ev, GW_EVAL_STATED_GRADE);
    const char *stated = field (ev, GW_EVAL_STATED_DECISION);
    g_autofree char *line1 = NULL;
    g_autofree char *line2 = NULL;
    const int widths[] = { TA_W_TW };
    Look hei = { FONT_HEITI, BODY_SZ, NULL, FALSE, FALSE, 0 };
    Look fang = { FONT_FANGSONG, BODY_SZ, NULL, FALSE, FALSE, 0 };
    Para p = { .jc = "center", .line = 480, .no_grid = TRUE };

    /* The grade and decision the form states when it states them (what
     * the scorer wrote is what goes back on paper), else the computed
     * ones once anything is scored, else a dash: a blank form shows no
     * grade. The importer reads them back as the stated ones. */
    for (guint i = 0; i < g_list_model_get_n_items (sections) && !scored; i++)
      {
        g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
        GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
        for (guint k = 0; k < g_list_model_get_n_items (inds) && !scored; k++)
          {
            g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
            scored = !isnan (gw_indicator_get_score (ind));
          }
      }
    grade = *stated_grade ? stated_grade : scored ? gw_evaluation_compute_grade (ev) : NULL;
    decision = *stated ? stated : scored ? gw_evaluation_compute_decision (ev) : NULL;
    line1 = g_strdup_printf ("评估总分：%s分　　评估等次：%s%s", total_s,
                             grade ? grade : "—", vetoed ? "（一票否决）" : "");
    expect (c, where, stated_grade);
    expect (c, where, stated);
    if (*reason)
      {
        line2 = g_strdup_printf ("结果运用：%s（调整理由：%s）", decision ? decision : "—", reason);
        expect (c, where, reason);
      }
    else
      line2 = g_strdup_printf ("结果运用：%s", decision ? decision : "—");
    table_begin (c, widths, 1, TA_W_TW);
    el (c, "w:tr");
    el (c, "w:tc");
    el (c, "w:tcPr");
    el (c, "w:tcW"), attri (c, "w:w", TA_W_TW), attr (c, "w:type", "dxa"), end (c);
    el (c, "w:tcBorders");
    for (guint i = 0; i < 4; i++)
      {
        static const char *const sides[] = { "w:top", "w:left", "w:bottom", "w:right" };
        el (c, sides[i]), attr (c, "w:val", "single"), attr (c, "w:sz", "12"),
          attr (c, "w:space", "0"), attr (c, "w:color", "000000"), end (c);
      }
    end (c);
    end (c);
    para (c, &p, &hei, line1);
    para (c, &p, &fang, line2);
    end (c);
    end (c);
    end (c);
    spacer (c, 240);
  }

  /* 一票否决: a table, the second column ticked "√" when the item applies
   * (a tick a scorer can type in any word processor, read back on import). */
  vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
  if (g_list_model_get_n_items (vetoes) > 0)
    {
      static const double frac[] = { 0.82, 0.18 };

      g_ptr_array_set_size (rows, 0);
      g_ptr_array_set_size (looks, 0);
      add_row (rows, "一票否决事项（勾选即评为最低等次）", "是否发生（填“√”）", NULL);
      g_ptr_array_add (looks, (gpointer) &heading);
      for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
        {
          g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, i);

          add_row (rows, gw_veto_item_get_text (item), gw_veto_item_get_ticked (item) ? "√" : "", NULL);
          g_ptr_array_add (looks, NULL);
        }
      form_table (c, frac, 2, rows, (const Look *const *) looks->pdata, 1, 0, where);
      spacer (c, 240);
    }

  /* Sign-off, with room for signatures and seals. */
  {
    static const double frac[] = { 0.22, 0.56, 0.22 };
    g_autofree char *leader = g_strdup_printf ("评估组长：%s", field (ev, GW_EVAL_TEAM_LEADER));
    g_autofree char *who = g_strdup_printf ("%s\n%s", people, leader);
    g_autofree char *d1 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_EVALUATORS_DATE));
    g_autofree char *d2 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_OPERATOR_ACK_DATE));
    g_autofree char *d3 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_PURCHASER_DATE));
    g_autofree char *d4 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_BUREAU_DATE));

    g_ptr_array_set_size (rows, 0);
    add_row (rows, "评估人员（签字）", who, d1, NULL);
    add_row (rows, "承接机构负责人确认（签名、盖章）", field (ev, GW_EVAL_OPERATOR_ACK), d2, NULL);
    add_row (rows, "购买方意见（盖章）", field (ev, GW_EVAL_PURCHASER_OPINION), d3, NULL);
    add_row (rows, "民政局审核意见（盖章）", field (ev, GW_EVAL_BUREAU_REVIEW), d4, NULL);
    form_table (c, frac, 3, rows, NULL, 0, 5 * FORM_SZ * 15, where);
  }
  write_attachment_list (c);
}

/* ---- the document part ---------------------------------------------- */

static void
sect_pr (Ctx *c, gboolean landscape, gboolean last)
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
static void
write_section_break (Ctx *c, gboolean landscape)
{
  Para p = { .line = 20, .no_grid = TRUE };

  el (c, "w:p");
  el (c, "w:pPr");
  el (c, "w:spacing"), attr (c, "w:before", "0"), attr (c, "w:after", "0"),
    attri (c, "w:line", p.line), attr (c, "w:lineRule", "exact"), end (c);
  sect_pr (c, landscape, FALSE);
  end (c);
  end (c);
}

static void
write_document_body (Ctx *c)
{
  guint n = gw_document_get_n_blocks (c->doc);

  if (gw_document_get_kind (c->doc) == GW_DOCUMENT_KIND_EVALUATION &&
      gw_document_get_evaluation (c->doc))
    {
      write_evaluation (c);
      return;
    }
  if (c->letter)
    write_letter_header (c);
  else
    write_mark_and_number (c);

  if (meta (c, GW_META_TITLE))
    {
      gboolean rule = !c->letter && meta (c, GW_META_ORGAN_MARK) &&
                      (meta (c, GW_META_DOC_NUMBER) || meta (c, GW_META_SIGNATORY));
      gboolean any_header = meta (c, GW_META_DOC_NUMBER) || meta (c, GW_META_ORGAN_MARK);
      Para p = { .jc = "center", .style = "Title", .no_grid = TRUE,
                 .before = (rule || c->letter) ? 2 * PITCH_TW : (any_header ? PITCH_TW : 0) };
      Look tl = { FONT_TITLE, TITLE_SZ, NULL, FALSE, FALSE, 0 };

      expect (c, meta_where (GW_META_TITLE), meta (c, GW_META_TITLE));
      para (c, &p, &tl, meta (c, GW_META_TITLE));
    }
  if (meta (c, GW_META_RECIPIENTS))
    {
      Para p = { .jc = "left", .before = meta (c, GW_META_TITLE) ? PITCH_TW : 0 };

      expect (c, meta_where (GW_META_RECIPIENTS), meta (c, GW_META_RECIPIENTS));
      para (c, &p, &body_look, meta (c, GW_META_RECIPIENTS));
    }
  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (c->doc, i);

      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        break;
      write_block (c, block, i);
    }
  write_attachment_list (c);
  write_signature (c);
  write_attachments (c);
  write_colophon (c);
}

static GBytes *
finish_part (Ctx *c)
{
  xmlTextWriterEndDocument (c->w);
  xmlFreeTextWriter (c->w);
  c->w = NULL;
  return g_bytes_new (xmlBufferContent (c->buf), xmlBufferLength (c->buf));
}

static void
start_part (Ctx *c)
{
  c->buf = xmlBufferCreate ();
  c->w = xmlNewTextWriterMemory (c->buf, 0);
  xmlTextWriterStartDocument (c->w, NULL, "UTF-8", "yes");
}

static void
free_part (Ctx *c)
{
  g_clear_pointer (&c->w, xmlFreeTextWriter);
  g_clear_pointer (&c->buf, xmlBufferFree);
}

static GBytes *
document_part (Ctx *c)
{
  GBytes *bytes;

  start_part (c);
  el (c, "w:document");
  attr (c, "xmlns:w", NS_W);
  attr (c, "xmlns:r", NS_R);
  attr (c, "xmlns:v", NS_V);
  attr (c, "xmlns:o", NS_O);
  attr (c, "xmlns:w10", NS_W10);
  el (c, "w:body");
  write_document_body (c);
  sect_pr (c, FALSE, TRUE);
  end (c);
  end (c);
  bytes = finish_part (c);
  free_part (c);
  return bytes;
}

/* ---- the conservation check ----------------------------------------- */

static void
collect_text (xmlNode *node, GString *out)
{
  for (xmlNode *n = node; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (n->name, BAD_CAST "t") && n->ns &&
          xmlStrEqual (n->ns->href, BAD_CAST NS_W))
        {
          xmlChar *s = xmlNodeGetContent (n);
          g_string_append (out, (const char *) s);
          xmlFree (s);
          continue;
        }
      collect_text (n->children, out);
    }
}

/* @text without white space (spaces, tabs, newlines, U+3000) and without
 * what XML cannot carry. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (g_unichar_isspace (ch) || ch == 0x3000 || is_dropped (ch))
        continue;
      g_string_append_unichar (s, ch);
    }
  return g_string_free (s, FALSE);
}

static gboolean
check_conservation (Ctx *c, GBytes *part, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (part, &len);
  xmlDocPtr xml = xmlReadMemory (data, (int) len, "document.xml", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *flat = NULL;
  const char *cursor;

  if (xml == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: the written document part is not well-formed XML"), c->source);
      return FALSE;
    }
  collect_text (xmlDocGetRootElement (xml), all);
  xmlFreeDoc (xml);
  flat = squeeze (all->str);
  cursor = flat;
  for (guint i = 0; i < c->expect->len; i++)
    {
      Expect *e = g_ptr_array_index (c->expect, i);
      g_autofree char *want = squeeze (e->text);
      const char *at;

      if (*want == '\0')
        continue;
      at = strstr (cursor, want);
      if (at == NULL)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                       _("%s: %s: its text is not all in the written Word document "
                         "(export stopped so that nothing is lost)"), c->source, e->where);
          return FALSE;
        }
      cursor = at + strlen (want);
    }
  return TRUE;
}

/* ---- the other parts ------------------------------------------------- */

static GBytes *
footer_part (Ctx *c, int kind)   /* 0 odd, 1 even, 2 first (empty) */
{
  Para p = { .jc = kind == 0 ? "right" : "left", .line = 400, .no_grid = TRUE };
  Look look = { FONT_SONGTI, SMALL_SZ, NULL, FALSE, FALSE, 0 };
  GBytes *bytes;

  if (kind == 0)
    p.right = CHAR_TW;
  else if (kind == 1)
    p.left = CHAR_TW;
  start_part (c);
  el (c, "w:ftr");
  attr (c, "xmlns:w", NS_W);
  attr (c, "xmlns:r", NS_R);
  p_begin (c, &p);
  if (kind != 2)
    {
      /* — N —: a PAGE field between em dashes (half-width digits) */
      run (c, &look, "— ");
      el (c, "w:r"), rpr (c, &look), el (c, "w:fldChar"), attr (c, "w:fldCharType", "begin"), end (c), end (c);
      el (c, "w:r"), rpr (c, &look), el (c, "w:instrText"), attr (c, "xml:space", "preserve");
      xmlTextWriterWriteString (c->w, BAD_CAST " PAGE ");
      end (c), end (c);
      el (c, "w:r"), rpr (c, &look), el (c, "w:fldChar"), attr (c, "w:fldCharType", "separate"), end (c), end (c);
      run (c, &look, "1");
      el (c, "w:r"), rpr (c, &look), el (c, "w:fldChar"), attr (c, "w:fldCharType", "end"), end (c), end (c);
      run (c, &look, " —");
    }
  p_end (c);
  end (c);
  bytes = finish_part (c);
  free_part (c);
  return bytes;
}

static GBytes *
styles_part (Ctx *c)
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

  start_part (c);
  el (c, "w:styles");
  attr (c, "xmlns:w", NS_W);
  el (c, "w:docDefaults");
  el (c, "w:rPrDefault");
  rpr (c, &normal);
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
      rpr (c, &look);
      end (c);
    }
  end (c);
  bytes = finish_part (c);
  free_part (c);
  return bytes;
}

static GBytes *
settings_part (Ctx *c)
{
  GBytes *bytes;

  start_part (c);
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
  bytes = finish_part (c);
  free_part (c);
  return bytes;
}

static GBytes *
font_table_part (Ctx *c)
{
  GBytes *bytes;

  start_part (c);
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
  bytes = finish_part (c);
  free_part (c);
  return bytes;
}

static GBytes *
core_props_part (Ctx *c)
{
  const char *title = meta (c, GW_META_TITLE);
  const char *organ = meta (c, GW_META_SIGNATURE);
  GBytes *bytes;

  start_part (c);
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
  bytes = finish_part (c);
  free_part (c);
  return bytes;
}

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
  "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/word/footer3.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG "\">"
  "<Relationship Id=\"rId1\" Type=\"" RT_BASE "officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG "\">"
  "<Relationship Id=\"rIdStyles\" Type=\"" RT_BASE "styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rIdSettings\" Type=\"" RT_BASE "settings\" Target=\"settings.xml\"/>"
  "<Relationship Id=\"rIdFonts\" Type=\"" RT_BASE "fontTable\" Target=\"fontTable.xml\"/>"
  "<Relationship Id=\"rIdFooterOdd\" Type=\"" RT_BASE "footer\" Target=\"footer1.xml\"/>"
  "<Relationship Id=\"rIdFooterEven\" Type=\"" RT_BASE "footer\" Target=\"footer2.xml\"/>"
  "<Relationship Id=\"rIdFooterFirst\" Type=\"" RT_BASE "footer\" Target=\"footer3.xml\"/>"
  "</Relationships>";

/* ---- the package ---------------------------------------------------- */

static gboolean
add_part (GsfOutfile  *zip,
          GHashTable  *dirs,
          const char  *name,
          const void  *data,
          gsize        len,
          GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  GsfOutfile *dir = zip;
  g_autofree char *path = NULL;
  GsfOutput *out;
  gboolean ok;

  for (guint i = 0; parts[i + 1]; i++)
    {
      char *key = path ? g_strconcat (path, "/", parts[i], NULL) : g_strdup (parts[i]);
      GsfOutfile *sub = g_hash_table_lookup (dirs, key);

      if (sub == NULL)
        {
          sub = GSF_OUTFILE (gsf_outfile_new_child (dir, parts[i], TRUE));
          g_hash_table_insert (dirs, g_strdup (key), sub);
        }
      g_free (path);
      path = key;
      dir = sub;
    }
  /* the few-hundred-byte parts are stored: a deflate stream costs more to
   * set up (a quarter megabyte cleared) than it saves on them */
  out = gsf_outfile_new_child_full (dir, parts[g_strv_length (parts) - 1], FALSE,
                                    "compression-level", len > 2048 ? GSF_ZIP_DEFLATED : GSF_ZIP_STORED,
                                    NULL);
  ok = out && gsf_output_write (out, len, data) && gsf_output_close (out);
  if (!ok)
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("cannot write the part %s of the Word package"),
                 name);
  g_clear_object (&out);
  return ok;
}

static gboolean
add_bytes (GsfOutfile *zip, GHashTable *dirs, const char *name, GBytes *bytes, GError **error)
{
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  return add_part (zip, dirs, name, data, len, error);
}

static void
close_dir (gpointer data)
{
  GsfOutput *dir = data;

  gsf_output_close (dir);
  g_object_unref (dir);
}

/* The PDF's choice for a table no page can hold readably (more than
 * GW_TABLE_MAX_COLUMNS columns), kept the same in the Word file: refused,
 * with the same message, rather than a file that holds less. */
static gboolean
check_table_widths (Ctx     *c,
                    GError **error)
{
  guint n = gw_document_get_n_blocks (c->doc);

  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (c->doc, i);
      GPtrArray *rows;
      guint n_cols = 0;

      if (gw_block_get_kind (block) != GW_BLOCK_TABLE || (rows = gw_block_get_rows (block)) == NULL)
        continue;
      for (guint r = 0; r < rows->len; r++)
        n_cols = MAX (n_cols, g_strv_length (g_ptr_array_index (rows, r)));
      if (n_cols > GW_TABLE_MAX_COLUMNS)
        {
          g_autofree char *where = where_block (block, i);

          g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                       _("%s: %s: the table has %u columns, but at most %u fit across even a "
                         "landscape page with a character in each; split it into narrower tables"),
                       c->source, where, n_cols, GW_TABLE_MAX_COLUMNS);
          return FALSE;
        }
    }
  return TRUE;
}

GBytes *
gw_docx_write_bytes (GwDocument  *doc,
                     GError     **error)
{
  Ctx c = { 0 };
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GBytes) styles = NULL, settings = NULL, font_table = NULL, core = NULL;
  g_autoptr(GBytes) f_odd = NULL, f_even = NULL, f_first = NULL;
  GsfOutput *sink = NULL;
  GsfOutfile *zip = NULL;
  g_autoptr(GHashTable) dirs = NULL;
  g_autoptr(GError) gsf_error = NULL;
  GBytes *result = NULL;
  gboolean ok;

  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  c.doc = doc;
  c.source = gw_document_get_source_path (doc) ? gw_document_get_source_path (doc) : _("document");
  c.expect = g_ptr_array_new_with_free_func (expect_free);
  c.letter = gw_document_get_kind (doc) == GW_DOCUMENT_KIND_OPINION &&
             gw_document_get_format (doc) == GW_DOCUMENT_FORMAT_LETTER;

  if (!check_table_widths (&c, error))
    {
      g_ptr_array_unref (c.expect);
      return NULL;
    }
  document = document_part (&c);
  if (!check_conservation (&c, document, error))
    {
      g_ptr_array_unref (c.expect);
      return NULL;
    }
  g_ptr_array_unref (c.expect);
  styles = styles_part (&c);
  settings = settings_part (&c);
  font_table = font_table_part (&c);
  core = core_props_part (&c);
  f_odd = footer_part (&c, 0);
  f_even = footer_part (&c, 1);
  f_first = footer_part (&c, 2);

  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, &gsf_error);
  if (zip == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: cannot start the Word package: %s"),
                   c.source, gsf_error ? gsf_error->message : "");
      g_object_unref (sink);
      return NULL;
    }
  dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, close_dir);
  ok = add_part (zip, dirs, "[Content_Types].xml", content_types, strlen (content_types), error) &&
       add_part (zip, dirs, "_rels/.rels", package_rels, strlen (package_rels), error) &&
       add_bytes (zip, dirs, "docProps/core.xml", core, error) &&
       add_bytes (zip, dirs, "word/document.xml", document, error) &&
       add_part (zip, dirs, "word/_rels/document.xml.rels", document_rels, strlen (document_rels), error) &&
       add_bytes (zip, dirs, "word/styles.xml", styles, error) &&
       add_bytes (zip, dirs, "word/settings.xml", settings, error) &&
       add_bytes (zip, dirs, "word/fontTable.xml", font_table, error) &&
       add_bytes (zip, dirs, "word/footer1.xml", f_odd, error) &&
       add_bytes (zip, dirs, "word/footer2.xml", f_even, error) &&
       add_bytes (zip, dirs, "word/footer3.xml", f_first, error);
  /* directories close before the archive, the archive before the sink */
  g_hash_table_remove_all (dirs);
  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: cannot finish the Word package"),
                   c.source);
      ok = FALSE;
    }
  if (ok)
    result = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                          gsf_output_size (sink));
  g_object_unref (zip);
  g_object_unref (sink);
  return result;
}

gboolean
gw_docx_write_file (GwDocument  *doc,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (GW_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = gw_docx_write_bytes (doc, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  /* PATH.XXXXXX beside the target, renamed over it when whole; flushed
   * to disk first only when it replaces a file (as the PDF export does:
   * an fsync per new file would cost a batch most of its time) */
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0644, &local))
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: cannot write the Word file: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
