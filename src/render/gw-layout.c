/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "gw-error.h"
#include "gw-layout.h"

/* Everything here is measured in points from the top-left of the page.
 * Body text sits on a fixed grid: 22 lines of 28 characters, the line
 * pitch set explicitly (GW_PITCH) and the character pitch forced with
 * letter-spacing, never taken from font metrics (Noto's hhea line height
 * is 1.437 em). */

#define RED          0xFF0000
#define BLACK        0x000000
#define SIZE_TITLE   22.0    /* 二号 */
#define SIZE_MARK    42.0    /* 初号, practice for the organ mark */
#define SIZE_SMALL   14.0    /* 四号 */
#define RULE_RED     1.5     /* red separator line, pt */
#define RULE_THICK   (0.35 * GW_MM)
#define RULE_THIN    (0.25 * GW_MM)

const char _gw_layout_fixed_text[] =
  "签发人：（《〔【）》〕】。附件：1．（）抄送：印发"
  "社工站运营服务项目年度评估表 至 第年（三年一个周期）、"
  "项目名称站点层级采购人承接机构统一社会信用代码合同编号合同金额（元）资金使用（元）"
  "服务期周期年度评估类型评估机构评估日期评估人员资金使用说明"
  "序号评估指标分值自评分得分评分方说明（小计）合计"
  "评估总分：分　　评估等次：—（一票否决）结果运用：（调整理由：）"
  "一票否决事项（勾选即评为最低等次）：评估组长：日期："
  "评估人员（签字）承接机构负责人确认（签名、盖章）购买方意见（盖章）民政局审核意见（盖章）"
  "0123456789";

static void
line_clear (gpointer data)
{
  GwLine *line = data;

  g_clear_object (&line->layout);
}

static GArray *
lines_new (void)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (GwLine));

  g_array_set_clear_func (lines, line_clear);
  return lines;
}

static void
op_free (gpointer data)
{
  GwOp *op = data;

  g_clear_object (&op->layout);
  g_free (op);
}

static void
page_free (gpointer data)
{
  GwPage *page = data;

  g_ptr_array_unref (page->ops);
  g_free (page);
}

GwPage *
_gw_pagination_new_page (GwPagination *p)
{
  GwPage *page = g_new0 (GwPage, 1);

  page->ops = g_ptr_array_new_with_free_func (op_free);
  if (p->pages == NULL)
    p->pages = g_ptr_array_new_with_free_func (page_free);
  g_ptr_array_add (p->pages, page);
  page->landscape = page->turning = p->landscape;
  p->page = page;
  p->y = GW_TA_TOP;
  /* the layout may still reach back one page (the signature carries the
   * last line over; a veto box): keep the two before this one */
  if (p->sink && p->pages->len > 3)
    _gw_pagination_flush (p, p->pages->len - 3);
  return page;
}

GwOp *
_gw_page_add_text (GwPage      *page,
                   PangoLayout *layout,
                   int          line,
                   double       x,
                   double       baseline,
                   guint32      rgb)
{
  GwOp *op = g_new0 (GwOp, 1);

  op->kind = GW_OP_TEXT;
  op->turned = page->turning;
  op->layout = g_object_ref (layout);
  op->line = line;
  op->x = x;
  op->y = baseline;
  op->hscale = 1.0;
  op->rgb = rgb;
  g_ptr_array_add (page->ops, op);
  return op;
}

GwOp *
_gw_page_add_line (GwPage       *page,
                   const GwLine *line,
                   double        x0,
                   double        baseline,
                   guint32       rgb)
{
  return _gw_page_add_text (page, line->layout, line->line, x0 + line->x, baseline, rgb);
}

void
_gw_page_add_rule (GwPage *page,
                   double  x,
                   double  y,
                   double  w,
                   double  thickness,
                   guint32 rgb)
{
  GwOp *op = g_new0 (GwOp, 1);

  op->kind = GW_OP_RULE;
  op->turned = page->turning;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = thickness;
  op->rgb = rgb;
  g_ptr_array_add (page->ops, op);
}

void
_gw_page_add_box (GwPage *page,
                  double  x,
                  double  y,
                  double  w,
                  double  h,
                  double  line_width)
{
  GwOp *op = g_new0 (GwOp, 1);

  op->kind = GW_OP_BOX;
  op->turned = page->turning;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->line_width = line_width;
  op->rgb = BLACK;
  g_ptr_array_add (page->ops, op);
}

/* Baseline of text of @size whose em box is centred on the body em box of
 * the grid slot starting at @slot_top. */
double
_gw_baseline_in_slot (double slot_top,
                      double size)
{
  return slot_top + (GW_BODY_SIZE - size) / 2 + GW_ASCENT * size;
}

static double
slot_top (int slot)
{
  return GW_TA_TOP + slot * GW_PITCH;
}

/* The first grid slot at or below p->y. */
static int
current_slot (GwPagination *p)
{
  double s = (p->y - GW_TA_TOP) / GW_PITCH;
  int i = (int) ceil (s - 1e-6);

  return MAX (i, 0);
}

PangoLayout *
_gw_pagination_layout (GwPagination *p,
                       GwFontRole    role,
                       double        size,
                       double        width,
                       const char   *text)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autoptr(PangoFontDescription) desc =
    pango_font_description_copy (_gw_pagination_font_desc (p, role));

  pango_font_description_set_size (desc, (int) lround (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Width that holds exactly @chars body characters on the grid. Pango puts
 * letter-spacing between characters, not after the last one, so a line of
 * n characters is n × 16 pt + (n − 1) × spacing wide. */
static double
grid_width (double chars)
{
  return chars * GW_CHAR + (GW_BODY_SIZE - GW_CHAR) + 0.05;
}

static void
set_grid_spacing (PangoLayout   *layout,
                  PangoAttrList *attrs)
{
  g_autoptr(PangoAttrList) own = NULL;

  if (attrs == NULL)
    attrs = own = pango_attr_list_new ();
  pango_attr_list_insert_before (attrs, pango_attr_letter_spacing_new (
                                   (int) lround ((GW_CHAR - GW_BODY_SIZE) * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
}

gboolean
_gw_pagination_check_glyphs (GwPagination *p,
                             PangoLayout  *layout,
                             const char   *where)
{
  PangoLayoutIter *it;
  gboolean ok = TRUE;

  if (p->error)
    return FALSE;
  it = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (it);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs && ok; i++)
        {
          PangoGlyph g = run->glyphs->glyphs[i].glyph;
          gunichar c;
          char utf8[8] = { 0 };

          if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
            continue;
          c = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
          if (c == '\t' || c == '\n' || c == '\r')
            continue;
          g_unichar_to_utf8 (c, utf8);
          g_set_error (&p->error, GW_ERROR, GW_ERROR_MISSING_GLYPH,
                       _("%s: %s: no installed font has the character U+%04X “%s”"),
                       p->source, where, c, utf8);
          ok = FALSE;
        }
    }
  while (ok && pango_layout_iter_next_run (it));
  pango_layout_iter_free (it);
  return ok;
}

/* The lines of @layout, each with its left edge within it. */
static void
layout_lines (PangoLayout *layout,
              GArray      *out)
{
  PangoLayoutIter *it = pango_layout_get_iter (layout);
  int n = 0;

  do
    {
      PangoRectangle log;
      GwLine line = { g_object_ref (layout), n++, 0 };

      pango_layout_iter_get_line_extents (it, NULL, &log);
      line.x = log.x / (double) PANGO_SCALE;
      g_array_append_val (out, line);
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
}

/* Places @lines on consecutive grid slots from p->y, starting a new page
 * when the slots run out. Returns the first op. */
static GwOp *
flow_lines (GwPagination *p,
            GArray       *lines,
            double        x0,
            double        size,
            guint32       rgb)
{
  GwOp *first = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      int slot = current_slot (p);
      GwOp *op;

      if (slot >= GW_LINES)
        {
          _gw_pagination_new_page (p);
          slot = 0;
        }
      op = _gw_page_add_line (p->page, &g_array_index (lines, GwLine, i), x0,
                              _gw_baseline_in_slot (slot_top (slot), size), rgb);
      if (first == NULL)
        first = op;
      p->y = slot_top (slot + 1);
    }
  return first;
}

static GwOp *
flow (GwPagination *p,
      PangoLayout  *layout,
      double        x0,
      double        size,
      guint32       rgb)
{
  g_autoptr(GArray) lines = lines_new ();

  layout_lines (layout, lines);
  return flow_lines (p, lines, x0, size, rgb);
}

/* Leaves @n empty grid lines; never carries blank lines onto a new page. */
static void
skip_lines (GwPagination *p,
            int           n)
{
  int slot = current_slot (p) + n;

  if (slot >= GW_LINES)
    slot = GW_LINES;
  p->y = slot_top (slot);
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

static char *
where_block (GwBlock *block,
             guint    index)
{
  guint line = gw_block_get_line (block);

  if (line > 0)
    return g_strdup_printf (_("line %u"), line);
  return g_strdup_printf (_("block %u"), index + 1);
}

static char *
where_meta (GwPagination *p,
            GwMeta        meta)
{
  guint line = gw_document_get_meta_line (p->doc, meta, NULL);

  if (line > 0)
    return g_strdup_printf (_("line %u"), line);
  return g_strdup_printf (_("the %s"), gw_meta_to_string (meta));
}

static const char *
meta (GwPagination *p,
      GwMeta        m)
{
  const char *v = gw_document_get_meta (p->doc, m);

  return v && *v ? v : NULL;
}

static void
add_outline (GwPagination *p,
             const char   *text,
             guint         level,
             double        y)
{
  GwOutlineEntry *e = g_new0 (GwOutlineEntry, 1);

  e->text = g_strdup (text);
  e->level = level;
  e->page = p->pages->len - 1;
  e->y = y;
  g_ptr_array_add (p->outline, e);
}

/* A block of 3号 text on the grid: @indent characters of first-line
 * indent (negative: hanging), justified. */
static PangoLayout *
grid_layout (GwPagination  *p,
             GwFontRole     role,
             const char    *text,
             double         chars,
             double         indent,
             PangoAttrList *attrs)
{
  PangoLayout *layout = _gw_pagination_layout (p, role, GW_BODY_SIZE, grid_width (chars), text);

  pango_layout_set_indent (layout, (int) lround (indent * GW_CHAR * PANGO_SCALE));
  pango_layout_set_justify (layout, TRUE);
  set_grid_spacing (layout, attrs);
  return layout;
}

/* How lay_text sets a text. */
typedef struct {
  GwFontRole     role;
  double         size;
  double         width;      /* > 0 */
  double         indent;     /* first line, in points (not negative) */
  gboolean       grid;       /* letter-spaced onto the body grid, justified */
  PangoAlignment align;
  GwFontRole     head_role;  /* the font of the first head_len bytes */
  gsize          head_len;
} GwTextSpec;

/* Bytes of text shaped at once. Pango shapes a paragraph as a whole and
 * gives up on items of a few hundred thousand characters (the text then
 * vanishes); and wrapping a long run without break opportunities costs it
 * time quadratic in the run. A few thousand bytes are some 30 lines of
 * body text. */
#define GW_CHUNK 3000

static PangoLayout *
spec_layout (GwPagination     *p,
             const GwTextSpec *spec,
             const char       *text,
             gsize             offset,
             gsize             len)
{
  g_autofree char *chunk = g_strndup (text + offset, len);
  PangoLayout *layout = _gw_pagination_layout (p, spec->role, spec->size, spec->width, chunk);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (offset == 0 && spec->indent != 0)
    pango_layout_set_indent (layout, (int) lround (spec->indent * PANGO_SCALE));
  if (spec->align != PANGO_ALIGN_LEFT)
    pango_layout_set_alignment (layout, spec->align);
  if (spec->head_len > offset)
    {
      PangoAttribute *a = pango_attr_font_desc_new (_gw_pagination_font_desc (p, spec->head_role));

      a->start_index = 0;
      a->end_index = spec->head_len - offset;
      pango_attr_list_insert (attrs, a);
    }
  if (spec->grid)
    {
      pango_layout_set_justify (layout, TRUE);
      set_grid_spacing (layout, attrs);
    }
  else if (spec->head_len > offset)
    pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* Lays @text out as @spec says and appends its lines to @out, accounting
 * for them in @entry (may be NULL for the layout's own words). A text
 * longer than GW_CHUNK is cut before shaping: each piece is laid out, all
 * its lines but the last are kept, and the next piece starts where that
 * last line started, so the breaks come out as for the whole text. */
static gboolean
lay_text (GwPagination     *p,
          const GwTextSpec *spec,
          const char       *text,
          GwTextEntry      *entry,
          const char       *where,
          GArray           *out)
{
  gsize len = strlen (text), offset = 0;

  do
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoLayoutIter *it;
      gsize n = len - offset, kept;
      int count, keep;

      if (n > GW_CHUNK)
        {
          n = GW_CHUNK;
          while (n > 0 && (text[offset + n] & 0xC0) == 0x80)
            n--;
        }
      layout = spec_layout (p, spec, text, offset, n);
      if (!_gw_pagination_check_glyphs (p, layout, where))
        return FALSE;
      count = pango_layout_get_line_count (layout);
      keep = offset + n < len && count > 1 ? count - 1 : count;
      kept = n;
      it = pango_layout_get_iter (layout);
      for (int i = 0; ; i++)
        {
          PangoRectangle log;
          GwLine line = { NULL, i, 0 };

          if (i == keep)
            {
              kept = pango_layout_iter_get_line_readonly (it)->start_index;
              break;
            }
          pango_layout_iter_get_line_extents (it, NULL, &log);
          line.layout = g_object_ref (layout);
          line.x = log.x / (double) PANGO_SCALE;
          g_array_append_val (out, line);
          if (!pango_layout_iter_next_line (it))
            break;
        }
      pango_layout_iter_free (it);
      if (entry)
        _gw_ledger_span (entry, layout, 0, kept);
      offset += kept;
    }
  while (offset < len);
  return TRUE;
}

/* Body text on the grid: lay_text, accounted as @where, and flowed. */
static GwOp *
flow_grid_text (GwPagination *p,
                GwFontRole    role,
                const char   *text,
                double        indent_chars,
                const char   *where,
                gsize         head_len,
                GwFontRole    head_role)
{
  GwTextSpec spec = { role, GW_BODY_SIZE, grid_width (GW_CHARS), indent_chars * GW_CHAR, TRUE,
                      PANGO_ALIGN_LEFT, head_role, head_len };
  g_autoptr(GArray) lines = lines_new ();
  GwTextEntry *entry = _gw_ledger_entry (p, where, text, -1);

  if (!lay_text (p, &spec, text, entry, where, lines))
    return NULL;
  return flow_lines (p, lines, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle log;

  pango_layout_get_extents (layout, NULL, &log);
  return log.width / (double) PANGO_SCALE;
}

/* ---- 版头 ------------------------------------------------------------- */

#define MARK_PITCH   (SIZE_MARK * 1.1)  /* between stacked lines of the mark */
#define MARK_GAP     SIZE_MARK          /* between the names and "文件": 1 字 */

/* 联合行文 (§7.2.4): the organs' names stacked, lead organ first, "文件" to
 * their right, vertically centred on the stack; the whole block centred,
 * its top edge at @top, squeezed horizontally (like a single mark) when
 * wider than the type area. Each name is spread to the longest one's width
 * (分散对齐), as joint headers are set in practice, so that the names read
 * as one block; a name under a third as long is centred instead, because
 * spread that far its characters fall apart. Returns the block's height. */
static gboolean
layout_joint_mark (GwPagination *p,
                   const char   *mark,
                   double        top,
                   double       *height)
{
  gboolean suffix = FALSE;
  g_auto(GStrv) organs = gw_organ_mark_split (mark, &suffix);
  guint n = g_strv_length (organs);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) word = NULL;
  g_autofree char *where = where_meta (p, GW_META_ORGAN_MARK);
  g_autofree double *offset = g_new0 (double, n);
  double names_w = 0, word_w = 0, total, scale, x0, stack_h;
  GwTextEntry *entry = _gw_ledger_entry (p, where, mark, -1);

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, organs[i]);

      g_ptr_array_add (layouts, l);
      _gw_ledger_span (entry, l, 0, strlen (organs[i]));
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      names_w = MAX (names_w, layout_width (l));
    }
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = g_ptr_array_index (layouts, i);
      double w = layout_width (l);
      glong chars = g_utf8_strlen (organs[i], -1);

      if (names_w - w < 0.01)
        continue;
      if (chars > 1 && w >= names_w / 3)
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (
                                    (int) lround ((names_w - w) / (chars - 1) * PANGO_SCALE)));
          pango_layout_set_attributes (l, attrs);
          /* what Pango made of it, to the last rounding */
          offset[i] = (names_w - layout_width (l)) / 2;
        }
      else
        offset[i] = (names_w - w) / 2;
    }
  if (suffix)
    {
      word = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, "文件");
      _gw_ledger_span (entry, word, 0, strlen ("文件"));
      if (!_gw_pagination_check_glyphs (p, word, where))
        return FALSE;
      word_w = layout_width (word);
    }

  total = names_w + (suffix ? MARK_GAP + word_w : 0);
  scale = total > GW_TA_W ? GW_TA_W / total : 1.0;
  x0 = GW_TA_LEFT + (GW_TA_W - total * scale) / 2;
  stack_h = (n - 1) * MARK_PITCH + SIZE_MARK;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = g_ptr_array_index (layouts, i);
      PangoRectangle log;
      GwOp *op;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (l, 0), NULL, &log);
      op = _gw_page_add_text (p->page, l, 0,
                              x0 + (offset[i] - log.x / (double) PANGO_SCALE) * scale,
                              top + i * MARK_PITCH + GW_ASCENT * SIZE_MARK, RED);
      op->hscale = scale;
    }
  if (word)
    {
      GwOp *op = _gw_page_add_text (p->page, word, 0, x0 + (names_w + MARK_GAP) * scale,
                                    top + (stack_h - SIZE_MARK) / 2 + GW_ASCENT * SIZE_MARK, RED);
      op->hscale = scale;
    }
  *height = stack_h;
  return TRUE;
}

/* 信函 (GB/T 9704 §10.1). The organ's name 30 mm from the paper's top;
 * 4 mm under it a red double line, thick over thin, and 20 mm above the
 * paper's bottom another, thin over thick, both 170 mm long and centred on
 * the page; 份号/密级/紧急程度 flush left and the 发文字号 flush right
 * under the first line, 7/8 of a 3号 character's height below it; the
 * title two lines lower. Page 1 shows no page number. */
#define LETTER_MARK_TOP   (30.0 * GW_MM)
#define LETTER_RULE_W     (170.0 * GW_MM)
#define LETTER_RULE_X     ((GW_PAGE_W - LETTER_RULE_W) / 2)
#define LETTER_RULE_GAP   (4.0 * GW_MM)                  /* mark to the upper line */
#define LETTER_FOOT       (20.0 * GW_MM)                 /* lower line to the paper's bottom */
#define LETTER_BELOW_RULE (GW_BODY_SIZE * 7 / 8)         /* upper line to the elements */
/* UNSURE: the standard gives no thickness for the double lines. We take
 * 2.25 pt for the thick one and 0.75 pt for the thin one (a plain 3:1
 * "thick over thin" pair, heavier than the 文件 format's 1.5 pt line, as a
 * letterhead's is), 1.5 pt apart, so that the pair reads as two distinct
 * lines in print and on a screen preview. */
#define LETTER_THICK      2.25
#define LETTER_THIN       0.75
#define LETTER_PAIR_GAP   1.5

/* A red double line between @top and @top + its height: thick over thin
 * when @thick_first, thin over thick otherwise. Returns its height. */
static double
add_letter_rules (GwPage   *page,
                  double    top,
                  gboolean  thick_first)
{
  double first = thick_first ? LETTER_THICK : LETTER_THIN;
  double second = thick_first ? LETTER_THIN : LETTER_THICK;

  /* rules are drawn centred on their y */
  _gw_page_add_rule (page, LETTER_RULE_X, top + first / 2, LETTER_RULE_W, first, RED);
  _gw_page_add_rule (page, LETTER_RULE_X, top + first + LETTER_PAIR_GAP + second / 2,
                     LETTER_RULE_W, second, RED);
  return first + LETTER_PAIR_GAP + second;
}

static gboolean
layout_letter_header (GwPagination *p)
{
  const char *mark = meta (p, GW_META_ORGAN_MARK);
  const char *number = meta (p, GW_META_DOC_NUMBER);
  const struct { GwMeta m; GwFontRole role; } corner[] = {
    { GW_META_COPY_NUMBER, GW_FONT_ROLE_FANGSONG },
    { GW_META_CLASSIFICATION, GW_FONT_ROLE_HEITI },
    { GW_META_URGENCY, GW_FONT_ROLE_HEITI },
  };
  double rule_top = LETTER_MARK_TOP + SIZE_MARK + LETTER_RULE_GAP;
  double first_top, bottom;
  int rows = 0;

  if (mark)
    {
      /* The organ's full name or short name, without "文件"; a joint
       * letter carries only the lead organ's (§10.1: 使用主办机关标志). */
      g_auto(GStrv) organs = gw_organ_mark_split (mark, NULL);
      g_autoptr(PangoLayout) l = NULL;
      g_autofree char *where = where_meta (p, GW_META_ORGAN_MARK);
      PangoRectangle log;
      double w, scale;
      GwOp *op;

      if (organs[0] != NULL)
        {
          l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, organs[0]);
          /* a joint letter shows the lead organ alone, by design */
          _gw_ledger_account (p, l, where, organs[0], 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_line_get_extents (pango_layout_get_line_readonly (l, 0), NULL, &log);
          w = log.width / (double) PANGO_SCALE;
          scale = w > GW_TA_W ? GW_TA_W / w : 1.0;
          op = _gw_page_add_text (p->page, l, 0,
                                  (GW_PAGE_W - w * scale) / 2 - log.x / (double) PANGO_SCALE * scale,
                                  LETTER_MARK_TOP + GW_ASCENT * SIZE_MARK, RED);
          op->hscale = scale;
        }
    }
  /* The double lines frame the first page even without a name on it: they
   * are what makes the sheet a letter. */
  first_top = rule_top + add_letter_rules (p->page, rule_top, TRUE) + LETTER_BELOW_RULE;
  add_letter_rules (p->page, GW_PAGE_H - LETTER_FOOT - (LETTER_THICK + LETTER_PAIR_GAP + LETTER_THIN),
                    FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (corner); i++)
    {
      const char *text = meta (p, corner[i].m);
      g_autoptr(PangoLayout) l = NULL;
      g_autofree char *where = NULL;

      if (text == NULL)
        continue;
      l = grid_layout (p, corner[i].role, text, GW_CHARS, 0, NULL);
      pango_layout_set_justify (l, FALSE);
      where = where_meta (p, corner[i].m);
      _gw_ledger_account (p, l, where, text, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      _gw_page_add_text (p->page, l, 0, GW_TA_LEFT,
                         _gw_baseline_in_slot (first_top + rows * GW_PITCH, GW_BODY_SIZE), BLACK);
      rows++;
    }
  if (number)
    {
      g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, number, GW_CHARS, 0, NULL);
      g_autofree char *where = where_meta (p, GW_META_DOC_NUMBER);

      pango_layout_set_justify (l, FALSE);
      _gw_ledger_account (p, l, where, number, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      /* on the first element's line, its right end on the type area's */
      _gw_page_add_text (p->page, l, 0, GW_TA_LEFT + GW_TA_W - layout_width (l),
                         _gw_baseline_in_slot (first_top, GW_BODY_SIZE), BLACK);
      rows = MAX (rows, 1);
    }
  /* A 签发人 belongs to reports sent upward, never to letters: not shown. */

  /* The title "与其上最后一个要素相距二行". UNSURE whether that means two
   * empty lines or two line pitches; we leave two empty grid lines, as
   * under the 文件 format's red line and as letter templates do. */
  bottom = rows > 0 ? first_top + (rows - 1) * GW_PITCH + GW_BODY_SIZE
                    : first_top - LETTER_BELOW_RULE;
  p->y = bottom;
  skip_lines (p, 2);
  p->page->number = G_MAXUINT;   /* no page number on page 1 */
  return TRUE;
}

static gboolean
layout_header (GwPagination *p)
{
  const char *copy_number = meta (p, GW_META_COPY_NUMBER);
  const char *classification = meta (p, GW_META_CLASSIFICATION);
  const char *urgency = meta (p, GW_META_URGENCY);
  const char *mark = meta (p, GW_META_ORGAN_MARK);
  const char *number = meta (p, GW_META_DOC_NUMBER);
  const char *signatory = meta (p, GW_META_SIGNATORY);
  const struct { const char *text; GwFontRole role; GwMeta m; } corner[] = {
    { copy_number, GW_FONT_ROLE_FANGSONG, GW_META_COPY_NUMBER },
    { classification, GW_FONT_ROLE_HEITI, GW_META_CLASSIFICATION },
    { urgency, GW_FONT_ROLE_HEITI, GW_META_URGENCY },
  };
  int number_slot = -1;

  if (gw_document_get_format (p->doc) == GW_DOCUMENT_FORMAT_LETTER)
    return layout_letter_header (p);

  /* 份号, 密级, 紧急程度: stacked flush left from line 1. */
  for (guint i = 0; i < G_N_ELEMENTS (corner); i++)
    {
      g_autoptr(PangoLayout) l = NULL;
      g_autofree char *where = NULL;

      if (corner[i].text == NULL)
        continue;
      l = grid_layout (p, corner[i].role, corner[i].text, GW_CHARS, 0, NULL);
      where = where_meta (p, corner[i].m);
      _gw_ledger_account (p, l, where, corner[i].text, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      flow (p, l, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
    }

  if (mark && gw_organ_mark_is_joint (mark))
    {
      double top = 72.0 * GW_MM, height = 0;

      if (!layout_joint_mark (p, mark, top, &height))
        return FALSE;
      /* 发文字号 two empty lines below the block's bottom, as for one organ */
      p->y = top + height;
      number_slot = current_slot (p) + 2;
    }
  else if (mark)
    {
      /* 发文机关标志: red, centred, top edge 35 mm below the type area's
       * top (72 mm from the paper's), squeezed horizontally to fit. */
      g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_MARK, -1, mark);
      g_autofree char *where = where_meta (p, GW_META_ORGAN_MARK);
      PangoLayoutIter *it;

      _gw_ledger_account (p, l, where, mark, 0);
      double top = 72.0 * GW_MM;
      double w, scale;
      int n = 0;

      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      w = layout_width (l);
      scale = w > GW_TA_W ? GW_TA_W / w : 1.0;
      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      it = pango_layout_get_iter (l);
      do
        {
          PangoRectangle log;
          GwOp *op;

          pango_layout_iter_get_line_extents (it, NULL, &log);
          op = _gw_page_add_text (p->page, l, n,
                                  GW_TA_LEFT + (GW_TA_W - log.width / (double) PANGO_SCALE * scale) / 2,
                                  top + n * SIZE_MARK * 1.1 + GW_ASCENT * SIZE_MARK, RED);
          op->hscale = scale;
          n++;
        }
      while (pango_layout_iter_next_line (it));
      pango_layout_iter_free (it);

      /* 发文字号 two empty lines below the mark, on the grid. */
      p->y = top + (n - 1) * SIZE_MARK * 1.1 + SIZE_MARK;
      number_slot = current_slot (p) + 2;
    }
  else if (number)
    number_slot = current_slot (p);

  if (number || (mark && signatory))
    {
      double base;

      if (number_slot >= GW_LINES)
        number_slot = GW_LINES - 1;
      base = _gw_baseline_in_slot (slot_top (number_slot), GW_BODY_SIZE);
      if (number)
        {
          g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, number, GW_CHARS, 0, NULL);
          g_autofree char *where = where_meta (p, GW_META_DOC_NUMBER);
          double x;

          _gw_ledger_account (p, l, where, number, 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_set_justify (l, FALSE);
          /* 上行文: 居左空一字, beside the 签发人; otherwise centred. */
          if (signatory)
            x = GW_TA_LEFT + GW_CHAR;
          else
            x = GW_TA_LEFT + (GW_TA_W - layout_width (l)) / 2;
          _gw_page_add_text (p->page, l, 0, x, base, BLACK);
        }
      if (signatory)
        {
          g_autofree char *text = g_strconcat ("签发人：", signatory, NULL);
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
          g_autoptr(PangoLayout) l = NULL;
          g_autofree char *where = where_meta (p, GW_META_SIGNATORY);
          PangoAttribute *a;

          a = pango_attr_font_desc_new (_gw_pagination_font_desc (p, GW_FONT_ROLE_KAITI));
          a->start_index = strlen ("签发人：");
          pango_attr_list_insert (attrs, a);
          l = grid_layout (p, GW_FONT_ROLE_FANGSONG, text, GW_CHARS, 0, attrs);
          _gw_ledger_account (p, l, where, signatory, strlen ("签发人："));
          pango_layout_set_justify (l, FALSE);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          _gw_page_add_text (p->page, l, 0,
                             GW_TA_LEFT + GW_TA_W - GW_CHAR - layout_width (l), base, BLACK);
        }
      p->y = slot_top (number_slot + 1);
      if (mark)
        {
          /* Red separator 4 mm below the number's em box, type-area wide. */
          double y = slot_top (number_slot) + GW_BODY_SIZE + 4.0 * GW_MM;
          _gw_page_add_rule (p->page, GW_TA_LEFT, y, GW_TA_W, RULE_RED, RED);
          /* Title two empty lines below the red line. */
          skip_lines (p, 2);
        }
      else
        skip_lines (p, 1);
    }
  return TRUE;
}

/* ---- 主体 ------------------------------------------------------------- */

/* Titles break at word boundaries (§7.3.1); Pango knows no Chinese words,
 * but a short bracketed group — （街道） 《办法》 “五社联动” — is never split. */
static void
keep_groups_whole (PangoLayout *layout,
                   const char  *text)
{
  static const char *open[] = { "（", "《", "“", "〔", "【" };
  static const char *close[] = { "）", "》", "”", "〕", "】" };
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    for (guint k = 0; k < G_N_ELEMENTS (open); k++)
      if (g_str_has_prefix (p, open[k]))
        {
          const char *limit = p;
          const char *end;

          /* only a group of ten characters or fewer counts: look no further
           * (a long title full of open brackets stays linear) */
          for (int n = 0; n < 12 && *limit; n++)
            limit = g_utf8_next_char (limit);
          end = g_strstr_len (p, limit - p, close[k]);
          if (end && g_utf8_strlen (p, end - p) <= 10)
            {
              PangoAttribute *a = pango_attr_allow_breaks_new (FALSE);
              a->start_index = p - text;
              a->end_index = end + strlen (close[k]) - text;
              pango_attr_list_insert (attrs, a);
            }
        }
  pango_layout_set_attributes (layout, attrs);
}

/* Words of these titles (§7.3.1: 回行时要做到词意完整). Pango knows no
 * Chinese words, so a title may be cut only where meaning units meet:
 * after a pause mark or a closing bracket, before 关于, after the 的 that
 * closes the subject, at the edges of the common words of these documents,
 * and after an administrative suffix (神木市|社工站). Anywhere else a word
 * may be cut in two, which costs far more than uneven lines. */
static const char *const title_words[] = {
  "关于", "印发", "转发", "做好", "加强", "加快", "推进", "推动", "进一步", "开展",
  "建立", "健全", "完善", "规范", "深化", "提升", "支持", "落实", "贯彻",
  "社会工作", "社会", "工作", "社工站", "社工室", "服务站", "服务中心", "工作站", "（室）",
  "乡镇", "街道", "社区", "村", "基层", "民政", "建设", "管理", "服务", "运营", "项目",
  "评估", "考核", "年度", "实施", "意见", "通知", "办法", "方案", "规定", "细则",
  "标准", "指南", "计划", "报告", "批复", "函", "人民政府", "办公室", "办公厅",
  "民政局", "财政局", "民政厅", "财政厅", "政府", "购买", "承接", "机构", "资金",
  "五社联动", "试点", "体系", "能力", "人才", "队伍", "专业", "全面", "加快推进",
};
static const char *const title_suffixes[] = { "市", "县", "区", "省", "镇", "乡" };

enum { BREAK_GOOD = 0, BREAK_WORD = 10, BREAK_UNKNOWN = 300, BREAK_INSIDE = 2000 };

/* Penalty of a break before character @i of @text (offsets in characters,
 * @offset[] their byte offsets, @m characters in all). */
static int
title_break_penalty (const char *text,
                     const int  *offset,
                     int         m,
                     int         i)
{
  const char *next = text + offset[i];
  gunichar prev = g_utf8_get_char (text + offset[i - 1]);
  gunichar c = g_utf8_get_char (next);
  gboolean edge = FALSE;

  if (g_utf8_strchr ("的了", -1, c))
    return BREAK_INSIDE;             /* a line never starts with 的 */
  if (g_utf8_strchr ("、，；：）》”】〕", -1, prev) || g_str_has_prefix (next, "关于"))
    return BREAK_GOOD;
  if (prev == 0x7684 /* 的 */)
    return BREAK_GOOD + 5;
  for (guint w = 0; w < G_N_ELEMENTS (title_words); w++)
    {
      int len = g_utf8_strlen (title_words[w], -1);

      /* every occurrence of the word that covers or touches the break */
      for (int a = MAX (0, i - len); a <= i && a + len <= m; a++)
        if (strncmp (text + offset[a], title_words[w], strlen (title_words[w])) == 0)
          {
            if (a < i && i < a + len)
              return BREAK_INSIDE;
            edge = TRUE;
          }
    }
  for (guint w = 0; !edge && w < G_N_ELEMENTS (title_suffixes); w++)
    edge = g_str_has_prefix (text + offset[i - 1], title_suffixes[w]);
  if (edge)
    return BREAK_WORD;
  if (g_utf8_strchr ("和与及", -1, prev) || g_utf8_strchr ("和与及", -1, c))
    return BREAK_WORD + 20;
  return BREAK_UNKNOWN;
}

/* Breaks one line of a title (no author breaks inside) into the fewest
 * lines that fit, choosing among Pango's legal break points those that
 * keep meaning units whole and give lines of nearly equal length
 * (梯形/菱形). Returns the text with '\n' at the breaks. */
static char *
break_title_line (GwPagination *p,
                  const char   *text)
{
  g_autoptr(PangoLayout) one = NULL;
  g_autoptr(PangoLayout) wrapped = NULL;
  const PangoLogAttr *attrs;
  int n_attrs, n_lines, m;
  g_autofree double *x = NULL;
  g_autofree int *offset = NULL;
  g_autofree double *cost = NULL;
  g_autofree int *from = NULL;
  GString *out;
  int k, *cuts, line;

  m = g_utf8_strlen (text, -1);
  if (m > 400)
    return g_strdup (text);
  one = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, -1, text);
  wrapped = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W, text);
  keep_groups_whole (one, text);
  keep_groups_whole (wrapped, text);
  n_lines = pango_layout_get_line_count (wrapped);
  if (n_lines < 2)
    return g_strdup (text);
  attrs = pango_layout_get_log_attrs_readonly (one, &n_attrs);
  x = g_new (double, m + 1);
  offset = g_new (int, m + 1);
  for (int i = 0; i <= m; i++)
    {
      PangoRectangle pos;

      offset[i] = g_utf8_offset_to_pointer (text, i) - text;
      pango_layout_index_to_pos (one, offset[i], &pos);
      x[i] = i == m ? layout_width (one) : pos.x / (double) PANGO_SCALE;
    }

  /* cost[l·(m+1) + i]: best way to set text[0, i) in l lines */
  cost = g_new (double, (gsize) (n_lines + 1) * (m + 1));
  from = g_new (int, (gsize) (n_lines + 1) * (m + 1));
  for (int i = 0; i < (n_lines + 1) * (m + 1); i++)
    cost[i] = G_MAXDOUBLE;
  cost[0] = 0;
  for (line = 1; line <= n_lines; line++)
    for (int j = 1; j <= m; j++)
      {
        double target = x[m] / n_lines;
        int pen;

        if (j < m && (j >= n_attrs || !attrs[j].is_line_break))
          continue;
        pen = j < m ? title_break_penalty (text, offset, m, j) : 0;
        for (int i = 0; i < j; i++)
          {
            double w = x[j] - x[i], d = (w - target) / SIZE_TITLE, c;

            if (cost[(line - 1) * (m + 1) + i] == G_MAXDOUBLE || w > GW_TA_W)
              continue;
            c = cost[(line - 1) * (m + 1) + i] + 10 * d * d + pen;
            if (c < cost[line * (m + 1) + j])
              {
                cost[line * (m + 1) + j] = c;
                from[line * (m + 1) + j] = i;
              }
          }
      }
  if (cost[n_lines * (m + 1) + m] == G_MAXDOUBLE)
    return g_strdup (text);

  cuts = g_newa (int, n_lines + 1);
  for (line = n_lines, k = m; line > 0; line--)
    {
      cuts[line] = k;
      k = from[line * (m + 1) + k];
    }
  cuts[0] = 0;
  out = g_string_new (NULL);
  for (line = 1; line <= n_lines; line++)
    {
      if (line > 1)
        g_string_append_c (out, '\n');
      g_string_append_len (out, text + offset[cuts[line - 1]],
                           offset[cuts[line]] - offset[cuts[line - 1]]);
    }
  return g_string_free (out, FALSE);
}

/* The title: 二号, centred, each line the author wrote broken where its
 * meaning allows into lines of nearly equal length. */
static gboolean
layout_title (GwPagination *p)
{
  const char *title = meta (p, GW_META_TITLE);
  g_autoptr(PangoLayout) l = NULL;
  g_autofree char *where = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *text = NULL;

  if (title == NULL)
    return TRUE;
  where = where_meta (p, GW_META_TITLE);
  parts = g_strsplit (title, "\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *broken = break_title_line (p, parts[i]);

      g_free (parts[i]);
      parts[i] = broken;
    }
  text = g_strjoinv ("\n", parts);
  if (strlen (text) > GW_CHUNK)
    {
      /* a title no one would write, but one that must not be lost: set
       * like body text, centred, cut before shaping */
      GwTextSpec spec = { GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W, 0, FALSE, PANGO_ALIGN_CENTER,
                          0, 0 };
      g_autoptr(GArray) lines = lines_new ();
      GwOp *op;

      if (!lay_text (p, &spec, text, _gw_ledger_entry (p, where, title, -1), where, lines))
        return FALSE;
      op = flow_lines (p, lines, GW_TA_LEFT, SIZE_TITLE, BLACK);
      add_outline (p, _("the title"), 0, op->y - SIZE_TITLE);
      skip_lines (p, 1);
      return TRUE;
    }
  l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W, text);
  /* the breaks put in are line breaks, which need no glyph */
  _gw_ledger_span (_gw_ledger_entry (p, where, title, -1), l, 0, strlen (text));
  pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  keep_groups_whole (l, text);
  if (!_gw_pagination_check_glyphs (p, l, where))
    return FALSE;
  {
    double w = pango_layout_get_width (l) / (double) PANGO_SCALE;
    GwOp *op = flow (p, l, GW_TA_LEFT + (GW_TA_W - w) / 2, SIZE_TITLE, BLACK);
    g_autofree char *flat = g_strdelimit (g_strdup (title), "\n", ' ');
    add_outline (p, flat, 0, op->y - SIZE_TITLE);
  }
  skip_lines (p, 1);
  return TRUE;
}

static gboolean
layout_recipients (GwPagination *p)
{
  const char *to = meta (p, GW_META_RECIPIENTS);
  g_autofree char *where = NULL;

  if (to == NULL)
    return TRUE;
  where = where_meta (p, GW_META_RECIPIENTS);
  return flow_grid_text (p, GW_FONT_ROLE_FANGSONG, to, 0, where, 0, 0) != NULL;
}

/* Byte length of a heading's own text: up to and including the first 。
 * (a heading that runs on is heading font only up to there). */
static gsize
heading_length (const char *text)
{
  const char *stop = strstr (text, "。");

  return stop ? (gsize) (stop - text) + strlen ("。") : strlen (text);
}

static double
text_width (GwPagination *p,
            GwFontRole    role,
            double        size,
            const char   *text)
{
  g_autoptr(PangoLayout) l = _gw_pagination_layout (p, role, size, -1, text);

  return layout_width (l);
}

/* The width of @text on one line, measured on its first few hundred bytes
 * at most: wider than any page already, a longer text would only cost
 * time (and, past Pango's limits, measure as nothing). */
#define GW_MEASURE_MAX 600

static double
text_width_capped (GwPagination *p,
                   GwFontRole    role,
                   double        size,
                   const char   *text,
                   gsize         len)
{
  g_autofree char *head = NULL;

  if (len > GW_MEASURE_MAX)
    {
      len = GW_MEASURE_MAX;
      while (len > 0 && (text[len] & 0xC0) == 0x80)
        len--;
    }
  head = g_strndup (text, len);
  return text_width (p, role, size, head);
}

static double column_min_width (GwPagination *p, GPtrArray *rows, guint c, double size);

/* Each column's natural width (its longest cell on one line; a heading
 * counted at most four characters, since headings wrap well and the
 * body's content should decide) and its minimum (column_min_width). */
static void
column_widths (GwPagination *p,
               GPtrArray    *rows,
               guint         n_cols,
               double        size,
               double        pad,
               double       *nat,
               double       *min)
{
  for (guint c = 0; c < n_cols; c++)
    nat[c] = 0;
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_cols && cells[c]; c++)
        {
          double tw = text_width_capped (p, GW_FONT_ROLE_FANGSONG, size, cells[c], strlen (cells[c]));

          if (r == 0 && rows->len > 1)
            tw = MIN (tw, 4 * size);
          nat[c] = MAX (nat[c], tw + 2 * pad);
        }
    }
  for (guint c = 0; c < n_cols; c++)
    {
      min[c] = column_min_width (p, rows, c, size) + 2 * pad;
      nat[c] = MAX (nat[c], min[c]);
    }
}

/* Column widths for a body table from the columns' natural and minimum
 * widths (column_widths): natural widths when they fit; else every column
 * at least its minimum, and the rest of @total shared in proportion to
 * what each still lacks. */
static double *
fit_widths (const double *nat,
            const double *min,
            guint         n_cols,
            double        total)
{
  double *w = g_new0 (double, n_cols);
  double sum = 0, min_sum = 0, lack = 0;

  for (guint c = 0; c < n_cols; c++)
    {
      sum += nat[c];
      min_sum += min[c];
      lack += nat[c] - min[c];
    }
  for (guint c = 0; c < n_cols; c++)
    if (sum <= total)
      w[c] = nat[c] * total / sum;
    else if (min_sum <= total)
      w[c] = min[c] + (lack > 0 ? (total - min_sum) * (nat[c] - min[c]) / lack : 0);
    else
      w[c] = min[c] * total / min_sum;   /* numbers must break: evenly */
  return w;
}

typedef struct {
  guint        n_cols;
  double       frame_w;     /* width the table is centred in (0: the type area) */
  const double *widths;
  double       size;
  double       pad;
  double       line_h;
  guint        n_header;    /* rows repeated on every page */
  const PangoAlignment *align;   /* per column, or NULL */
  const GwFontRole *roles;  /* per column, or NULL: 仿宋 */
  const guint8 *kinds;      /* per row: ROW_BODY, ROW_HEADER, ROW_EMPHASIS; or NULL */
  const double *min_h;      /* per row minimum height (seals), or NULL */
  double       bottom;      /* lowest y a row may reach */
} GwTableStyle;

enum { ROW_BODY, ROW_HEADER, ROW_EMPHASIS };

/* Lays one row out: the lines of each cell into @out[c] (each cell
 * accounted for as "@where, row @r, column @c"); returns the row's height,
 * or -1 with p->error set. */
static double
row_layouts (GwPagination       *p,
             const GwTableStyle *st,
             char              **cells,
             guint8              kind,
             guint               row,
             GArray            **out,
             const char         *where)
{
  guint lines = 1;
  gboolean header = kind == ROW_HEADER;

  for (guint c = 0; c < st->n_cols; c++)
    {
      const char *text = cells && cells[c] ? cells[c] : "";
      GwTextSpec spec = { 0 };
      g_autofree char *cell_where = NULL;
      GwTextEntry *entry;

      /* cells shorter than the row are empty */
      if (cells)
        for (guint k = 0; k < c; k++)
          if (cells[k] == NULL)
            text = "";
      spec.role = kind != ROW_BODY ? GW_FONT_ROLE_HEITI
                  : st->roles ? st->roles[c] : GW_FONT_ROLE_FANGSONG;
      spec.size = st->size;
      spec.width = st->widths[c] - 2 * st->pad;
      spec.align = header ? PANGO_ALIGN_CENTER : st->align ? st->align[c] : PANGO_ALIGN_LEFT;
      cell_where = g_strdup_printf (_("%s, row %u, column %u"), where, row + 1, c + 1);
      entry = _gw_ledger_entry (p, cell_where, text, -1);
      out[c] = lines_new ();
      if (!lay_text (p, &spec, text, entry, cell_where, out[c]))
        return -1;
      lines = MAX (lines, out[c]->len);
    }
  return lines * st->line_h + 2 * st->pad;
}

static double
table_x (const GwTableStyle *st)
{
  double total = 0;

  for (guint c = 0; c < st->n_cols; c++)
    total += st->widths[c];
  return GW_TA_LEFT + ((st->frame_w > 0 ? st->frame_w : GW_TA_W) - total) / 2;
}

static void
draw_row (GwPagination       *p,
          const GwTableStyle *st,
          GArray            **cells,
          double              y,
          double              h)
{
  double x = table_x (st);

  for (guint c = 0; c < st->n_cols; c++)
    {
      guint count = cells[c]->len;
      /* centre the cell's lines vertically */
      double top = y + (h - count * st->line_h) / 2;

      for (guint n = 0; n < count; n++)
        _gw_page_add_line (p->page, &g_array_index (cells[c], GwLine, n), x + st->pad,
                           top + n * st->line_h + (st->line_h - st->size) / 2 + GW_ASCENT * st->size,
                           BLACK);
      _gw_page_add_box (p->page, x, y, st->widths[c], h, 0.75);
      x += st->widths[c];
    }
}

/* Lines [@from, @from + @n) of a row too tall for the rest of the page,
 * set from the top of a box of height @h. */
static void
draw_row_part (GwPagination       *p,
               const GwTableStyle *st,
               GArray            **cells,
               guint               from,
               guint               n,
               double              y,
               double              h)
{
  double x = table_x (st);

  for (guint c = 0; c < st->n_cols; c++)
    {
      for (guint k = from; k < from + n && k < cells[c]->len; k++)
        _gw_page_add_line (p->page, &g_array_index (cells[c], GwLine, k), x + st->pad,
                           y + st->pad + (k - from) * st->line_h + (st->line_h - st->size) / 2 +
                           GW_ASCENT * st->size, BLACK);
      _gw_page_add_box (p->page, x, y, st->widths[c], h, 0.75);
      x += st->widths[c];
    }
}

static void
free_cells (GArray    **cells,
            guint       n_cols)
{
  if (cells == NULL)
    return;
  for (guint c = 0; c < n_cols; c++)
    if (cells[c])
      g_array_unref (cells[c]);
  g_free (cells);
}

/* A table from p->y down, pages broken between rows, the header rows
 * repeated at the top of every page. A row taller than what is left of
 * the page goes to the next one when it fits there; one taller than a
 * whole page is split between lines, its cells continuing on the next
 * page under the repeated header. @rows: GStrv per row. */
static gboolean
place_table (GwPagination       *p,
             const GwTableStyle *st,
             GPtrArray          *rows,
             const char         *where)
{
  g_autofree double *heights = g_new0 (double, rows->len);
  g_autofree guint *n_lines = g_new0 (guint, rows->len);
  GArray ***cells = g_new0 (GArray **, rows->len);
  double page_h = st->bottom - GW_TA_TOP, header_h = 0;
  gboolean ok = TRUE, repeat;

  for (guint r = 0; r < rows->len && ok; r++)
    {
      guint8 kind = st->kinds ? st->kinds[r] : r < st->n_header ? ROW_HEADER : ROW_BODY;

      cells[r] = g_new0 (GArray *, st->n_cols);
      heights[r] = row_layouts (p, st, g_ptr_array_index (rows, r), kind, r, cells[r], where);
      ok = heights[r] >= 0;
      if (ok)
        n_lines[r] = (guint) lround ((heights[r] - 2 * st->pad) / st->line_h);
      if (ok && st->min_h)
        heights[r] = MAX (heights[r], st->min_h[r]);
    }
  for (guint hr = 0; hr < st->n_header && hr < rows->len && ok; hr++)
    header_h += heights[hr];
  /* a header that leaves under half the page to the body is not repeated */
  repeat = st->n_header > 0 && header_h <= page_h / 2;

#define NEW_PAGE_WITH_HEADER(r)                                 \
  G_STMT_START {                                                \
    _gw_pagination_new_page (p);                                \
    if ((r) >= st->n_header && repeat)                          \
      for (guint hr = 0; hr < st->n_header; hr++)               \
        {                                                       \
          draw_row (p, st, cells[hr], p->y, heights[hr]);       \
          p->y += heights[hr];                                  \
        }                                                       \
  } G_STMT_END

  for (guint r = 0; r < rows->len && ok; r++)
    {
      double fresh = page_h - (r >= st->n_header && repeat ? header_h : 0);
      guint from = 0;

      if (p->y + heights[r] > st->bottom && p->y > GW_TA_TOP + 1 &&
          (heights[r] <= fresh || st->bottom - p->y < st->line_h + 2 * st->pad))
        NEW_PAGE_WITH_HEADER (r);
      if (p->y + heights[r] <= st->bottom + 0.01 || n_lines[r] <= 1)
        {
          draw_row (p, st, cells[r], p->y, heights[r]);
          p->y += heights[r];
          continue;
        }
      /* split between lines */
      while (from < n_lines[r])
        {
          int room = (int) floor ((st->bottom - p->y - 2 * st->pad) / st->line_h + 1e-6);
          guint k;
          double h;

          if (room < 1)
            {
              NEW_PAGE_WITH_HEADER (r);
              room = (int) floor ((st->bottom - p->y - 2 * st->pad) / st->line_h + 1e-6);
              room = MAX (room, 1);
            }
          k = MIN ((guint) room, n_lines[r] - from);
          h = k * st->line_h + 2 * st->pad;
          draw_row_part (p, st, cells[r], from, k, p->y, h);
          p->y += h;
          from += k;
          if (from < n_lines[r])
            NEW_PAGE_WITH_HEADER (r);
        }
    }
#undef NEW_PAGE_WITH_HEADER

  for (guint r = 0; r < rows->len; r++)
    free_cells (cells[r], st->n_cols);
  g_free (cells);
  return ok;
}

/* The narrowest a column can be without cutting a number or a Latin word
 * (CJK text breaks between any two characters). */
static double
column_min_width (GwPagination *p,
                  GPtrArray    *rows,
                  guint         c,
                  double        size)
{
  double w = 2 * size;   /* two characters: no column a single one wide */

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      const char *t, *run = NULL;

      if (c >= g_strv_length (cells))
        continue;
      for (t = cells[c]; ; t = g_utf8_next_char (t))
        {
          gunichar u = g_utf8_get_char (t);
          gboolean word = u > 0x20 && u < 0x2E80;   /* digits, Latin, their signs */

          if (word && run == NULL)
            run = t;
          else if (!word && run)
            {
              w = MAX (w, text_width_capped (p, GW_FONT_ROLE_FANGSONG, size, run, t - run));
              run = NULL;
            }
          if (*t == '\0')
            break;
        }
    }
  return w;
}

/* GB/T 9704 §8: a table too wide for the page is set landscape. Too wide:
 * its numbers or words could not stay whole across the type area, or a
 * column that needs more room would be left under three characters wide
 * and turning the page would give it a fifth more. */
static gboolean
table_wants_landscape (const double *nat,
                       const double *min,
                       guint         n_cols,
                       const double *portrait,
                       const double *wide,
                       double        size,
                       double        pad)
{
  double min_sum = 0;
  gboolean cramped = FALSE;

  for (guint c = 0; c < n_cols; c++)
    {
      min_sum += min[c];
      if (portrait[c] < 3 * size + 2 * pad && nat[c] > portrait[c] + size / 2 &&
          wide[c] > portrait[c] * 1.2)
        cramped = TRUE;
    }
  return min_sum > GW_TA_W || cramped;
}

static gboolean
layout_body_table (GwPagination *p,
                   GwBlock      *block,
                   const char   *where)
{
  GPtrArray *rows = gw_block_get_rows (block);
  g_autofree double *nat = NULL;
  g_autofree double *min = NULL;
  g_autofree double *widths = NULL;
  g_autofree double *wide = NULL;
  guint n_cols = 0;
  GwTableStyle st = { 0 };
  gboolean ok;

  if (rows == NULL || rows->len == 0)
    return TRUE;
  for (guint r = 0; r < rows->len; r++)
    n_cols = MAX (n_cols, g_strv_length (g_ptr_array_index (rows, r)));
  if (n_cols == 0)
    return TRUE;
  /* A table no page can hold readably is refused, not squeezed into a
   * black block: each column at least one character wide between its
   * rules, across the landscape frame. The .docx writer keeps the same
   * limit (GW_TABLE_MAX_COLUMNS). */
  if (n_cols > GW_TABLE_MAX_COLUMNS)
    {
      g_set_error (&p->error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: %s: the table has %u columns, but at most %u fit across even a "
                     "landscape page with a character in each; split it into narrower tables"),
                   p->source, where, n_cols, GW_TABLE_MAX_COLUMNS);
      return FALSE;
    }
  st.n_cols = n_cols;
  st.size = SIZE_SMALL;
  st.pad = 3;
  st.line_h = SIZE_SMALL * 1.5;
  st.n_header = 1;
  st.bottom = GW_TA_BOTTOM;
  /* every cell measured once, for both orientations */
  nat = g_new0 (double, n_cols);
  min = g_new0 (double, n_cols);
  column_widths (p, rows, n_cols, st.size, st.pad, nat, min);
  widths = fit_widths (nat, min, n_cols, GW_TA_W);
  wide = fit_widths (nat, min, n_cols, GW_TA_H);
  st.widths = widths;

  if (!table_wants_landscape (nat, min, n_cols, widths, wide, st.size, st.pad))
    {
      p->y = slot_top (current_slot (p));
      if (current_slot (p) >= GW_LINES)
        _gw_pagination_new_page (p);
      if (!place_table (p, &st, rows, where))
        return FALSE;
      p->y += 0.01;   /* next text on the next grid line */
      return TRUE;
    }

  /* Landscape: pages of their own, the frame turned (see GW_TURN_ORIGIN) */
  st.widths = wide;
  st.frame_w = GW_TA_H;
  st.bottom = GW_TA_TOP + GW_TA_W;
  p->landscape = TRUE;
  _gw_pagination_new_page (p);
  ok = place_table (p, &st, rows, where);
  p->landscape = FALSE;
  for (guint i = 0; i < p->pages->len; i++)
    ((GwPage *) g_ptr_array_index (p->pages, i))->turning = FALSE;
  /* what follows starts on a portrait page */
  p->y = GW_TA_BOTTOM + 1;
  return ok;
}

static gboolean
layout_block (GwPagination *p,
              GwBlock      *block,
              guint         index)
{
  g_autofree char *where = where_block (block, index);
  const char *text = skip_indent (gw_block_get_text (block));

  switch (gw_block_get_kind (block))
    {
    case GW_BLOCK_TABLE:
      return layout_body_table (p, block, where);

    case GW_BLOCK_HEADING:
      {
        guint level = gw_block_get_level (block);
        gsize head = heading_length (text);
        GwTextSpec spec = { GW_FONT_ROLE_FANGSONG, GW_BODY_SIZE, grid_width (GW_CHARS),
                            2 * GW_CHAR, TRUE, PANGO_ALIGN_LEFT, 0, 0 };
        g_autoptr(GArray) lines = lines_new ();
        g_autofree char *label = NULL;
        GwOp *op;

        if (level == 1 || level == 2)
          {
            spec.head_role = level == 1 ? GW_FONT_ROLE_HEITI : GW_FONT_ROLE_KAITI;
            spec.head_len = head;
          }
        if (!lay_text (p, &spec, text, _gw_ledger_entry (p, where, text, -1), where, lines))
          return FALSE;
        /* Keep a heading with the line that follows it. */
        if (lines->len == 1 && current_slot (p) == GW_LINES - 1)
          _gw_pagination_new_page (p);
        op = flow_lines (p, lines, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
        /* the outline shows the heading's first few hundred bytes at most,
         * cut between characters */
        if (head > 600)
          head = g_utf8_find_prev_char (text, text + 601) - text;
        label = g_strndup (text, head);
        if (g_str_has_suffix (label, "。"))
          label[strlen (label) - strlen ("。")] = '\0';
        add_outline (p, label, level ? level : 1, op->y - GW_BODY_SIZE);
        return TRUE;
      }

    case GW_BLOCK_PARAGRAPH:
    default:
      if (*text == '\0')
        {
          skip_lines (p, 1);
          return TRUE;
        }
      return flow_grid_text (p, GW_FONT_ROLE_FANGSONG, text, 2, where, 0, 0) != NULL;
    }
}

/* 附件说明: one empty line below the body, 左空二字, numbered names
 * aligned under the first, wrapped lines under the name's first character. */
static gboolean
layout_attachment_list (GwPagination *p)
{
  const char * const *names = gw_document_get_attachments (p->doc);
  guint n = names ? g_strv_length ((char **) names) : 0;
  double label_w = 0;

  if (n == 0)
    return TRUE;
  skip_lines (p, 1);
  label_w = text_width (p, GW_FONT_ROLE_FANGSONG, GW_BODY_SIZE, "附件：");
  label_w = round (label_w / GW_CHAR) * GW_CHAR;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = n == 1 ? g_strdup ("") : g_strdup_printf ("%u．", i + 1);
      g_autofree char *text = g_strconcat (i == 0 ? "附件：" : "", prefix, names[i], NULL);
      g_autofree char *where = NULL;
      guint line = gw_document_get_attachment_line (p->doc, i);
      g_autoptr(PangoLayout) l = NULL;
      double x0 = GW_TA_LEFT + 2 * GW_CHAR + (i == 0 ? 0 : label_w);
      double hang;

      where = line ? g_strdup_printf (_("line %u"), line)
                   : g_strdup_printf (_("attachment %u"), i + 1);
      l = grid_layout (p, GW_FONT_ROLE_FANGSONG, text, (GW_TA_LEFT + GW_TA_W - x0) / GW_CHAR, 0, NULL);
      _gw_ledger_account (p, l, where, names[i], strlen (text) - strlen (names[i]));
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      {
        g_autofree char *head = g_strconcat (i == 0 ? "附件：" : "", prefix, NULL);
        g_autoptr(PangoLayout) hl = grid_layout (p, GW_FONT_ROLE_FANGSONG, head, GW_CHARS, 0, NULL);
        hang = *head ? layout_width (hl) + (GW_CHAR - GW_BODY_SIZE) : 0;
      }
      pango_layout_set_indent (l, (int) lround (-hang * PANGO_SCALE));
      flow (p, l, x0, GW_BODY_SIZE, BLACK);
    }
  return TRUE;
}

static double
grid_text_width (GwPagination *p,
                 const char   *text)
{
  g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, text, GW_CHARS, 0, NULL);

  pango_layout_set_width (l, -1);
  return layout_width (l);
}

/* Starts the page the signature goes on when it does not fit below the
 * text ending before grid slot @slot, carrying the last line of text over
 * with it, so that neither it nor a seal stands alone on a page (§7.3.5.5). */
static void
signature_new_page (GwPagination *p,
                    int           slot)
{
  GwPage *old = p->page;
  GwOp *last = old->ops->len > 0 ? g_ptr_array_index (old->ops, old->ops->len - 1) : NULL;

  _gw_pagination_new_page (p);
  if (last && last->kind == GW_OP_TEXT && slot > 0 &&
      fabs (last->y - _gw_baseline_in_slot (slot_top (slot - 1), GW_BODY_SIZE)) < 0.01)
    {
      last = g_ptr_array_steal_index (old->ops, old->ops->len - 1);
      last->y -= slot_top (slot - 1) - slot_top (0);
      g_ptr_array_add (p->page->ops, last);
      p->y = slot_top (1);
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
  int slot = current_slot (p);

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
  g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, name, GW_CHARS, 0, NULL);
  g_autofree char *where = where_meta (p, GW_META_SIGNATURE);

  _gw_ledger_span (entry, l, 0, strlen (name));
  if (!_gw_pagination_check_glyphs (p, l, where))
    return FALSE;
  pango_layout_set_width (l, -1);
  _gw_page_add_text (p->page, l, 0, x, _gw_baseline_in_slot (slot_top (slot), GW_BODY_SIZE), BLACK);
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
  g_autofree char *sig_where = where_meta (p, GW_META_SIGNATURE);
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
  skip_lines (p, blank);
  first = current_slot (p);

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
  p->y = slot_top (first + (sealed ? (rows - 1) * SEAL_ROWS + 1 : rows));
  if (date)
    {
      g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, date, GW_CHARS, 0, NULL);
      g_autofree char *where = where_meta (p, GW_META_DATE);

      _gw_ledger_account (p, l, where, date, 0);
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      pango_layout_set_width (l, -1);
      flow (p, l, date_x, GW_BODY_SIZE, BLACK);
    }
  return TRUE;
}

/* 署名 and 成文日期 (§7.3.5), then 附注. */
static gboolean
layout_signature (GwPagination *p)
{
  const char *sig = meta (p, GW_META_SIGNATURE);
  const char *date = meta (p, GW_META_DATE);
  const char *note = meta (p, GW_META_NOTE);
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
      skip_lines (p, blank);
      if (sig)
        {
          g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, sig, GW_CHARS, 0, NULL);
          g_autofree char *where = where_meta (p, GW_META_SIGNATURE);
          _gw_ledger_account (p, l, where, sig, 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_set_width (l, -1);
          flow (p, l, sig_x, GW_BODY_SIZE, BLACK);
        }
      if (date)
        {
          g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, date, GW_CHARS, 0, NULL);
          g_autofree char *where = where_meta (p, GW_META_DATE);
          _gw_ledger_account (p, l, where, date, 0);
          if (!_gw_pagination_check_glyphs (p, l, where))
            return FALSE;
          pango_layout_set_width (l, -1);
          flow (p, l, date_x, GW_BODY_SIZE, BLACK);
        }
    }
  if (note)
    {
      g_autofree char *text = g_strdup_printf ("（%s）", note);
      g_autoptr(PangoLayout) l = grid_layout (p, GW_FONT_ROLE_FANGSONG, text, GW_CHARS, 2, NULL);
      g_autofree char *where = where_meta (p, GW_META_NOTE);
      _gw_ledger_account (p, l, where, note, strlen ("（"));
      if (!_gw_pagination_check_glyphs (p, l, where))
        return FALSE;
      flow (p, l, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
    }
  return TRUE;
}

/* 附件 pages: each on a new page, 附件N in 黑体 on line 1, the title
 * centred on line 3, then the content like the body. */
static gboolean
layout_attachments (GwPagination *p)
{
  guint n = gw_document_get_n_blocks (p->doc);
  gboolean inside = FALSE;

  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (p->doc, i);

      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        {
          guint number = gw_block_get_number (block);
          g_autofree char *label = number ? g_strdup_printf ("附件%u", number) : g_strdup ("附件");
          g_autofree char *where = where_block (block, i);
          const char *title = skip_indent (gw_block_get_text (block));
          g_autoptr(PangoLayout) ll = NULL;

          inside = TRUE;
          _gw_pagination_new_page (p);
          ll = grid_layout (p, GW_FONT_ROLE_HEITI, label, GW_CHARS, 0, NULL);
          flow (p, ll, GW_TA_LEFT, GW_BODY_SIZE, BLACK);
          add_outline (p, label, 1, GW_TA_TOP);
          skip_lines (p, 1);
          if (*title)
            {
              g_autofree char *broken = break_title_line (p, title);
              g_autoptr(PangoLayout) tl = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE,
                                                                  SIZE_TITLE, GW_TA_W, broken);
              pango_layout_set_alignment (tl, PANGO_ALIGN_CENTER);
              keep_groups_whole (tl, broken);
              _gw_ledger_span (_gw_ledger_entry (p, where, title, -1), tl, 0, strlen (broken));
              if (!_gw_pagination_check_glyphs (p, tl, where))
                return FALSE;
              flow (p, tl, GW_TA_LEFT, SIZE_TITLE, BLACK);
              skip_lines (p, 1);
            }
          continue;
        }
      if (inside && !layout_block (p, block, i))
        return FALSE;
    }
  return TRUE;
}

/* The 抄送 of the 版记: "抄送：" and the organs in 四号, one character in
 * from either side, wrapped lines aligned after the colon, ending in "。".
 * NULL (no error) when the document has none. */
static PangoLayout *
copy_to_layout (GwPagination *p)
{
  const char *copy_to = meta (p, GW_META_COPY_TO);
  g_autofree char *text = NULL;
  g_autofree char *where = NULL;
  PangoLayout *cl;
  double label;

  if (copy_to == NULL)
    return NULL;
  text = g_strconcat ("抄送：", copy_to, g_str_has_suffix (copy_to, "。") ? "" : "。", NULL);
  where = where_meta (p, GW_META_COPY_TO);
  label = text_width (p, GW_FONT_ROLE_FANGSONG, SIZE_SMALL, "抄送：");
  cl = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, SIZE_SMALL, GW_TA_W - 2 * GW_CHAR, text);
  _gw_ledger_account (p, cl, where, copy_to, strlen ("抄送："));
  pango_layout_set_indent (cl, (int) lround (-label * PANGO_SCALE));
  _gw_pagination_check_glyphs (p, cl, where);
  return cl;
}

/* Places the lines of the 抄送 from @y down; returns the y below them. */
static double
place_copy_to (GwPage      *page,
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
  if (current_slot (p) > first)
    _gw_pagination_new_page (p);
  /* place_copy_to() centres each line in a box a line pitch high */
  place_copy_to (p->page, cl, slot_top (first) + GW_BODY_SIZE / 2 - GW_PITCH / 2);
  p->page->blank = FALSE;
  p->y = GW_TA_BOTTOM;
  return TRUE;
}

/* 版记 (§7.4): 抄送 and 印发机关/日期 in 四号 between rules, the last rule
 * on the bottom edge of the type area, on an even page. */
static gboolean
layout_colophon (GwPagination *p)
{
  const char *copy_to = meta (p, GW_META_COPY_TO);
  const char *organ = meta (p, GW_META_PRINTING_ORGAN);
  const char *pdate = meta (p, GW_META_PRINTING_DATE);
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
      g_autofree char *where = where_meta (p, GW_META_PRINTING_ORGAN);
      ol = _gw_pagination_layout (p, GW_FONT_ROLE_FANGSONG, SIZE_SMALL, -1, organ);
      _gw_ledger_account (p, ol, where, organ, 0);
      if (!_gw_pagination_check_glyphs (p, ol, where))
        return FALSE;
    }
  if (pdate)
    {
      g_autofree char *text = g_strconcat (pdate, "印发", NULL);
      g_autofree char *where = where_meta (p, GW_META_PRINTING_DATE);
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
    GwPage *page = p->page;

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
          _gw_page_add_text (page, dl, 0, GW_TA_LEFT + GW_TA_W - GW_CHAR - layout_width (dl),
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

/* Numbers every page "— N —" in 四号宋体, 7 mm below the type area:
 * odd pages 居右空一字, even pages 居左空一字. Blank pages and a 版记
 * page that follows one stay unnumbered; the count runs on through them. */
void
_gw_pagination_number_pages (GwPagination *p)
{
  for (guint i = 0; i < p->pages->len; i++)
    _gw_pagination_number_page (p, i);
}

void
_gw_pagination_number_page (GwPagination *p,
                            guint         i)
{
  GwPage *page = g_ptr_array_index (p->pages, i);

  if (page->numbered)
    return;
  page->numbered = TRUE;
  {
    g_autofree char *text = NULL;
    g_autoptr(PangoLayout) l = NULL;
    double w, x, base;

    if (page->blank || page->number == G_MAXUINT)
      {
        page->number = 0;
        return;
      }
    page->number = i + 1;
    text = g_strdup_printf ("— %u —", page->number);
    l = _gw_pagination_layout (p, GW_FONT_ROLE_SONGTI, SIZE_SMALL, -1, text);
    w = layout_width (l);
    x = (page->number % 2 == 1) ? GW_TA_LEFT + GW_TA_W - GW_CHAR - w : GW_TA_LEFT + GW_CHAR;
    /* centre of the dash line 7 mm below the type area */
    base = GW_TA_BOTTOM + 7.0 * GW_MM - SIZE_SMALL / 2 + GW_ASCENT * SIZE_SMALL;
    _gw_page_add_text (page, l, 0, x, base, BLACK);
  }
}

/* ---- 年度评估表 -------------------------------------------------------- */

#define SIZE_FORM 12.0   /* 小四: the form's tables */

static char *
format_score (double v)
{
  if (isnan (v))
    return g_strdup ("");
  /* scores move in halves: 4.5, 86.5, 15 */
  if (fabs (v - round (v)) < 1e-6)
    return g_strdup_printf ("%.0f", v);
  return g_strdup_printf ("%.1f", v);
}

static const char *
field (GwEvaluation *ev,
       GwEvalField   f)
{
  const char *v = gw_evaluation_get_field (ev, f);

  return v ? v : "";
}

static void
add_row (GPtrArray  *rows,
         GArray     *kinds,
         guint8      kind,
         const char *first,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *c = first; c; c = va_arg (ap, const char *))
    g_ptr_array_add (cells, g_strdup (c));
  va_end (ap);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
  if (kinds)
    g_array_append_val (kinds, kind);
}

static gboolean
eval_table (GwPagination  *p,
            GPtrArray     *rows,
            GArray        *kinds,
            const double  *fractions,
            const GwFontRole *roles,
            guint          n_cols,
            guint          n_header,
            const double  *min_h)
{
  g_autofree double *widths = g_new (double, n_cols);
  GwTableStyle st = { 0 };

  for (guint c = 0; c < n_cols; c++)
    widths[c] = fractions[c] * GW_TA_W;
  st.n_cols = n_cols;
  st.widths = widths;
  st.size = SIZE_FORM;
  st.pad = 3;
  st.line_h = SIZE_FORM * 1.5;
  st.n_header = n_header;
  st.roles = roles;
  st.kinds = kinds ? (const guint8 *) kinds->data : NULL;
  st.min_h = min_h;
  st.bottom = GW_TA_BOTTOM;
  return place_table (p, &st, rows, _("the evaluation form"));
}

/* A line of 3号 text at p->y (not on the grid: the form is a table). */
static gboolean
eval_text (GwPagination *p,
           GwFontRole    role,
           double        size,
           const char   *text,
           PangoAlignment align)
{
  g_autoptr(PangoLayout) l = _gw_pagination_layout (p, role, size, GW_TA_W, text);
  PangoLayoutIter *it;
  int n = 0;

  pango_layout_set_alignment (l, align);
  _gw_ledger_account (p, l, _("the evaluation form"), text, 0);
  if (!_gw_pagination_check_glyphs (p, l, _("the evaluation form")))
    return FALSE;
  it = pango_layout_get_iter (l);
  do
    {
      PangoRectangle log;

      if (p->y + size * 1.5 > GW_TA_BOTTOM)
        _gw_pagination_new_page (p);
      pango_layout_iter_get_line_extents (it, NULL, &log);
      _gw_page_add_text (p->page, l, n++, GW_TA_LEFT + log.x / (double) PANGO_SCALE,
                         p->y + size * 0.25 + GW_ASCENT * size, BLACK);
      p->y += size * 1.5;
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
  return TRUE;
}

/* The form of ../shared/spec/evaluation.md in the GB/T 9704 frame: title,
 * header block, the indicator table (header row repeated on every page),
 * totals, grade and decision in a box, the veto items as boxes, ticked or
 * not, and the sign-off block with room for seals. */
gboolean
_gw_layout_evaluation (GwPagination *p,
                       GError      **error)
{
  GwEvaluation *ev = gw_document_get_evaluation (p->doc);
  const char *title = meta (p, GW_META_TITLE);
  GListModel *sections, *vetoes;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) kinds = NULL;
  g_autofree char *total_s = NULL, *max_s = NULL;
  const char *grade, *decision;
  gboolean vetoed;

  _gw_pagination_new_page (p);
  if (ev == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: the document is an evaluation form but holds no form"), p->source);
      return FALSE;
    }

  /* Title: 二号, centred, on the first lines of the type area. */
  {
    g_autoptr(PangoLayout) l = _gw_pagination_layout (p, GW_FONT_ROLE_TITLE, SIZE_TITLE, GW_TA_W,
                                                       title ? title : "社工站运营服务项目年度评估表");
    g_autofree char *flat = NULL;
    GwOp *op;

    pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
    if (title)
      _gw_ledger_account (p, l, _("the title"), title, 0);
    if (!_gw_pagination_check_glyphs (p, l, _("the title")))
      goto fail;
    op = flow (p, l, GW_TA_LEFT, SIZE_TITLE, BLACK);
    flat = g_strdup (pango_layout_get_text (l));
    add_outline (p, g_strdelimit (flat, "\n", ' '), 0, op->y - SIZE_TITLE);
    p->y += 6;
  }

  /* Header block: label | value | label | value. */
  {
    static const double frac[] = { 0.17, 0.33, 0.17, 0.33 };
    static const GwFontRole roles[] = { GW_FONT_ROLE_HEITI, GW_FONT_ROLE_FANGSONG,
                                        GW_FONT_ROLE_HEITI, GW_FONT_ROLE_FANGSONG };
    g_autofree char *period = g_strdup_printf ("%s 至 %s", field (ev, GW_EVAL_SERVICE_START),
                                               field (ev, GW_EVAL_SERVICE_END));
    g_autofree char *cycle = NULL;
    g_autofree char *people = NULL;
    const char * const *names = gw_evaluation_get_evaluators (ev);
    guint year = gw_evaluation_get_cycle_year (ev);

    cycle = year ? g_strdup_printf ("第%u年（三年一个周期）", year) : g_strdup (field (ev, GW_EVAL_CYCLE_YEAR));
    people = names ? g_strjoinv ("、", (char **) names) : g_strdup ("");
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    add_row (rows, NULL, 0, "项目名称", field (ev, GW_EVAL_PROJECT), "站点层级", field (ev, GW_EVAL_TIER), NULL);
    add_row (rows, NULL, 0, "采购人", field (ev, GW_EVAL_PURCHASER), "承接机构", field (ev, GW_EVAL_OPERATOR), NULL);
    add_row (rows, NULL, 0, "统一社会信用代码", field (ev, GW_EVAL_CREDIT_CODE),
             "合同编号", field (ev, GW_EVAL_CONTRACT_NUMBER), NULL);
    add_row (rows, NULL, 0, "合同金额（元）", field (ev, GW_EVAL_CONTRACT_AMOUNT),
             "资金使用（元）", field (ev, GW_EVAL_FUNDS_USED), NULL);
    add_row (rows, NULL, 0, "服务期", period, "周期年度", cycle, NULL);
    add_row (rows, NULL, 0, "评估类型", field (ev, GW_EVAL_TYPE), "评估机构", field (ev, GW_EVAL_EVALUATOR), NULL);
    add_row (rows, NULL, 0, "评估日期", field (ev, GW_EVAL_DATE), "评估人员", people, NULL);
    if (*field (ev, GW_EVAL_FUNDS_EXPLANATION))
      add_row (rows, NULL, 0, "资金使用说明", field (ev, GW_EVAL_FUNDS_EXPLANATION), "", "", NULL);
    if (!eval_table (p, rows, NULL, frac, roles, 4, 0, NULL))
      goto fail;
    p->y += 12;
  }

  /* The indicators, section by section, with subtotals. */
  {
    static const double frac[] = { 0.07, 0.27, 0.07, 0.08, 0.08, 0.16, 0.27 };
    double total_max = 0;

    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    kinds = g_array_new (FALSE, FALSE, 1);
    add_row (rows, kinds, ROW_HEADER, "序号", "评估指标", "分值", "自评分", "得分", "评分方", "说明", NULL);
    sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
    for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
      {
        g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
        GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));
        g_autofree char *smax = format_score (gw_eval_section_get_max (sec));
        g_autofree char *ssub = format_score (gw_eval_section_compute_subtotal (sec));
        g_autofree char *sname = g_strdup_printf ("%s（小计）", gw_eval_section_get_name (sec));

        total_max += gw_eval_section_get_max (sec);
        add_row (rows, kinds, ROW_EMPHASIS, gw_eval_section_get_id (sec), sname, smax, "", ssub, "", "", NULL);
        for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
          {
            g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
            g_autofree char *imax = format_score (gw_indicator_get_max (ind));
            g_autofree char *iself = format_score (gw_indicator_get_self_score (ind));
            g_autofree char *iscore = format_score (gw_indicator_get_score (ind));
            const char *by = gw_indicator_get_scored_by (ind);
            const char *comment = gw_indicator_get_comment (ind);

            add_row (rows, kinds, ROW_BODY, gw_indicator_get_id (ind), gw_indicator_get_name (ind),
                     imax, iself, iscore, by ? by : "", comment ? comment : "", NULL);
          }
      }
    total_s = format_score (gw_evaluation_compute_total (ev));
    max_s = format_score (total_max);
    add_row (rows, kinds, ROW_EMPHASIS, "", "合计", max_s, "", total_s, "", "", NULL);
    if (!eval_table (p, rows, kinds, frac, NULL, 7, 1, NULL))
      goto fail;
    p->y += 12;
  }

  /* Grade and decision in a box. */
  vetoed = gw_evaluation_any_veto (ev);
  grade = gw_evaluation_compute_grade (ev);
  decision = gw_evaluation_compute_decision (ev);
  {
    const char *reason = field (ev, GW_EVAL_OVERRIDE_REASON);
    const char *stated = field (ev, GW_EVAL_STATED_DECISION);
    double top = p->y, box_top;
    g_autofree char *line1 = g_strdup_printf ("评估总分：%s分　　评估等次：%s%s", total_s,
                                              grade ? grade : "—", vetoed ? "（一票否决）" : "");
    g_autofree char *line2 = NULL;

    /* the decision the form states stands only with a written reason */
    if (*reason && *stated)
      line2 = g_strdup_printf ("结果运用：%s（调整理由：%s）", stated, reason);
    else
      line2 = g_strdup_printf ("结果运用：%s", decision ? decision : "—");
    if (p->y + 4 * GW_BODY_SIZE * 1.5 > GW_TA_BOTTOM)
      _gw_pagination_new_page (p), top = p->y;
    box_top = top;
    p->y += 6;
    if (!eval_text (p, GW_FONT_ROLE_HEITI, GW_BODY_SIZE, line1, PANGO_ALIGN_CENTER) ||
        !eval_text (p, GW_FONT_ROLE_FANGSONG, GW_BODY_SIZE, line2, PANGO_ALIGN_CENTER))
      goto fail;
    p->y += 6;
    _gw_page_add_box (p->page, GW_TA_LEFT, box_top, GW_TA_W, p->y - box_top, 1.5);
    p->y += 12;
  }

  /* 一票否决 items: a box each, ticked when the item applies. */
  vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
  if (g_list_model_get_n_items (vetoes) > 0)
    {
      if (!eval_text (p, GW_FONT_ROLE_HEITI, SIZE_SMALL, "一票否决事项（勾选即评为最低等次）：",
                      PANGO_ALIGN_LEFT))
        goto fail;
      for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
        {
          g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, i);
          double size = SIZE_SMALL, box = size * 0.8;
          double y;
          GwOp *op;
          GwPage *first_page;
          GwTextSpec spec = { GW_FONT_ROLE_FANGSONG, size, GW_TA_W - 2 * GW_CHAR, 0, FALSE,
                              PANGO_ALIGN_LEFT, 0, 0 };
          g_autoptr(GArray) lines = lines_new ();
          const char *text = gw_veto_item_get_text (item);

          if (!lay_text (p, &spec, text, _gw_ledger_entry (p, _("the evaluation form"), text, -1),
                         _("the evaluation form"), lines))
            goto fail;
          if (p->y + size * 1.5 > GW_TA_BOTTOM)
            _gw_pagination_new_page (p);
          y = p->y;
          first_page = p->page;
          /* every line of the item, the box beside the first */
          for (guint k = 0; k < lines->len; k++)
            {
              if (k > 0)
                {
                  p->y += size * 1.5;
                  if (p->y + size * 1.5 > GW_TA_BOTTOM)
                    _gw_pagination_new_page (p);
                }
              _gw_page_add_line (p->page, &g_array_index (lines, GwLine, k), GW_TA_LEFT + 2 * GW_CHAR,
                                 p->y + size * 0.25 + GW_ASCENT * size, BLACK);
            }
          /* Drawn, not a ☐/☑ glyph: few CJK fonts have those. */
          _gw_page_add_box (first_page, GW_TA_LEFT + GW_CHAR, y + size * 0.25 + size * 0.1, box, box, 0.75);
          if (gw_veto_item_get_ticked (item))
            {
              op = g_new0 (GwOp, 1);
              op->kind = GW_OP_TICK;
              op->x = GW_TA_LEFT + GW_CHAR;
              op->y = y + size * 0.25 + size * 0.1;
              op->w = op->h = box;
              op->line_width = 1.2;
              g_ptr_array_add (first_page->ops, op);
            }
          p->y += size * 1.5;
        }
      p->y += 12;
    }

  /* Sign-off, with room for signatures and seals. */
  {
    static const double frac[] = { 0.22, 0.56, 0.22 };
    g_autofree char *people = NULL;
    g_autofree char *leader = g_strdup_printf ("评估组长：%s", field (ev, GW_EVAL_TEAM_LEADER));
    const char * const *names = gw_evaluation_get_evaluators (ev);
    const double seal = 5 * SIZE_FORM * 1.5;
    double min_h[] = { 2 * SIZE_FORM * 1.5 + 6, seal, seal, seal };
    g_autofree char *d1 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_EVALUATORS_DATE));
    g_autofree char *d2 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_OPERATOR_ACK_DATE));
    g_autofree char *d3 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_PURCHASER_DATE));
    g_autofree char *d4 = g_strdup_printf ("日期：%s", field (ev, GW_EVAL_BUREAU_DATE));
    g_autofree char *who = NULL;

    people = names ? g_strjoinv ("、", (char **) names) : g_strdup ("");
    who = g_strdup_printf ("%s\n%s", people, leader);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    add_row (rows, NULL, 0, "评估人员（签字）", who, d1, NULL);
    add_row (rows, NULL, 0, "承接机构负责人确认（签名、盖章）", field (ev, GW_EVAL_OPERATOR_ACK), d2, NULL);
    add_row (rows, NULL, 0, "购买方意见（盖章）", field (ev, GW_EVAL_PURCHASER_OPINION), d3, NULL);
    add_row (rows, NULL, 0, "民政局审核意见（盖章）", field (ev, GW_EVAL_BUREAU_REVIEW), d4, NULL);
    if (!eval_table (p, rows, NULL, frac, NULL, 3, 0, min_h))
      goto fail;
  }

  if (!layout_attachment_list (p))
    goto fail;
  _gw_pagination_number_pages (p);
  return TRUE;

fail:
  if (p->error)
    g_propagate_error (error, g_steal_pointer (&p->error));
  else
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: layout failed"), p->source);
  return FALSE;
}

gboolean
_gw_layout_document (GwPagination *p,
                     GError      **error)
{
  guint n = gw_document_get_n_blocks (p->doc);

  _gw_pagination_new_page (p);
  if (!layout_header (p) || !layout_title (p) || !layout_recipients (p))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (p->doc, i);

      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        break;
      if (!layout_block (p, block, i))
        goto fail;
    }
  if (!layout_attachment_list (p) || !layout_signature (p) ||
      !layout_attachments (p) || !layout_colophon (p))
    goto fail;
  _gw_pagination_number_pages (p);
  return TRUE;

fail:
  if (p->error)
    g_propagate_error (error, g_steal_pointer (&p->error));
  else
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: layout failed"), p->source);
  return FALSE;
}
