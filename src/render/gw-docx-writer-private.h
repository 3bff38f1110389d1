/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the .docx writer share (gw-docx*.c): the geometry, the
 * looks of runs and paragraphs, the writing context and its XML helpers.
 * Each region of the document is written in a file of its own, on the
 * paragraphs and runs of gw-docx-runs.c; gw-docx-writer.c assembles the
 * document part and the package. Internal to src/render. */

#include <libxml/xmlwriter.h>

#include "gw-docx-writer.h"

G_BEGIN_DECLS

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

/* ---- small XML helpers ---------------------------------------------- */

static inline void
el (Ctx *c, const char *name)
{
  xmlTextWriterStartElement (c->w, BAD_CAST name);
}

static inline void
end (Ctx *c)
{
  xmlTextWriterEndElement (c->w);
}

static inline void
attr (Ctx *c, const char *name, const char *value)
{
  xmlTextWriterWriteAttribute (c->w, BAD_CAST name, BAD_CAST value);
}

static inline void
attri (Ctx *c, const char *name, int value)
{
  xmlTextWriterWriteFormatAttribute (c->w, BAD_CAST name, "%d", value);
}

/* <name w:val="value"/> */
static inline void
val (Ctx *c, const char *name, const char *value)
{
  el (c, name);
  attr (c, "w:val", value);
  end (c);
}

static inline void
vali (Ctx *c, const char *name, int value)
{
  el (c, name);
  attri (c, "w:val", value);
  end (c);
}

static const Look body_look = { FONT_FANGSONG, BODY_SZ, NULL, TRUE, FALSE, 0 };

gboolean
_gw_docx_is_dropped (gunichar ch);

void
_gw_docx_expect (Ctx        *c,
                 const char *where,
                 const char *text);

void
_gw_docx_p_begin (Ctx *c, const Para *p);

void
_gw_docx_p_end (Ctx *c);

void
_gw_docx_rpr (Ctx *c, const Look *look);

void
_gw_docx_run (Ctx *c, const Look *look, const char *text);

void
_gw_docx_para (Ctx *c, const Para *p, const Look *look, const char *text);

const char *
_gw_docx_meta (Ctx *c, GwMeta m);

const char *
_gw_docx_meta_where (GwMeta m);

double
_gw_docx_grid_width_pt (const char *text);

void
_gw_docx_page_rect (Ctx *c, double x, double y, double w, double h, const char *rgb);

void
_gw_docx_write_mark_and_number (Ctx *c);

void
_gw_docx_write_letter_header (Ctx *c);

double
_gw_docx_cell_width_pt (const char *text, double size);

void
_gw_docx_table_begin (Ctx *c, const int *widths, guint n_cols, int total);

void
_gw_docx_table_row (Ctx               *c,
                    const char *const *cells,
                    const int         *widths,
                    guint              n_cols,
                    const Look        *look,
                    gboolean           header,
                    const char        *jc,
                    int                min_h,
                    const char        *where);

void
_gw_docx_write_table (Ctx *c, GwBlock *block, const char *where);

char *
_gw_docx_where_block (GwBlock *block, guint index);

void
_gw_docx_write_block (Ctx *c, GwBlock *block, guint index);

void
_gw_docx_write_attachment_list (Ctx *c);

void
_gw_docx_write_signature (Ctx *c);

void
_gw_docx_write_attachments (Ctx *c);

void
_gw_docx_write_colophon (Ctx *c);

void
_gw_docx_spacer (Ctx *c, int twips);

void
_gw_docx_write_evaluation (Ctx *c);

void
_gw_docx_sect_pr (Ctx *c, gboolean landscape, gboolean last);

void
_gw_docx_write_section_break (Ctx *c, gboolean landscape);

GBytes *
_gw_docx_finish_part (Ctx *c);

void
_gw_docx_start_part (Ctx *c);

void
_gw_docx_free_part (Ctx *c);

GBytes *
_gw_docx_footer_part (Ctx *c, int kind);   /* 0 odd, 1 even, 2 first (empty) */

GBytes *
_gw_docx_styles_part (Ctx *c);

GBytes *
_gw_docx_settings_part (Ctx *c);

GBytes *
_gw_docx_font_table_part (Ctx *c);

GBytes *
_gw_docx_core_props_part (Ctx *c);

G_END_DECLS
