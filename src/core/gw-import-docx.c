/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gw-block.h"
#include "gw-error.h"
#include "gw-import-docx.h"
#include "gw-import-line-private.h"
#include "gw-import-report.h"
#include "gw-package.h"
#include "gw-xml-private.h"

/* ---- formatting ------------------------------------------------------------ */

typedef struct {
  int red;      /* -1 unset, 0, 1 */
  int size;     /* half-points, 0 unset */
  int bold;     /* -1 unset */
} RunProps;

typedef struct {
  char    *based_on;
  char    *link_rstyle;
  RunProps r;
  int      jc;          /* -1 unset, else Align */
  int      outline;     /* -1 unset, 0–8 */
  int      num_id;      /* -1 unset */
  int      ilvl;        /* -1 unset */
  int      heading;     /* level from the style's name ("heading 1"), 0 */
} Style;

enum { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT, ALIGN_BOTH };

typedef struct {
  char *fmt;
  char *text;
  int   start;
  char *suff;
} Level;

typedef struct {
  Level lvl[9];
} Abstract;

typedef struct {
  int abstract_id;
  int start_override[9];
  int counters[9];
  int last_level;
} Num;

/* the segments of a table row joined into one line, for mapping its
 * columns back to the cells' own paragraphs */
typedef struct {
  guint start;   /* 0-based character in the joined line */
  guint para;
  guint column;  /* 1-based column in that paragraph of the segment's start */
} Segment;

typedef struct {
  GwPackage      *pkg;
  const char     *name;
  GwImportReport *report;
  GError        **error;
  gboolean        failed;

  GHashTable     *styles;     /* id → Style */
  char           *default_pstyle;
  RunProps        defaults;
  GHashTable     *abstracts;  /* GINT → Abstract */
  GHashTable     *nums;       /* GINT → Num */

  GArray         *lines;      /* GwLine */
  GPtrArray      *buffers;    /* the lines' text */
  GHashTable     *row_maps;   /* GUINT para → GArray of Segment */
  guint           para_no;
  guint           depth;      /* tables */
  guint           shapes;     /* nesting of text boxes */

  GHashTable     *comment_ids;
  guint           tracked, images, drawings, footnotes, equations, numbered, textboxes;
  gboolean        red_rule;
} Docx;

static gboolean
is_w (xmlNodePtr  n,
      const char *name)
{
  return n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, name) == 0;
}

static xmlNodePtr
child (xmlNodePtr  n,
       const char *name)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (is_w (c, name))
      return c;
  return NULL;
}

/* w:val and friends, whatever prefix the producer chose */
static char *
attr (xmlNodePtr  n,
      const char *name)
{
  if (n == NULL)
    return NULL;
  for (xmlAttrPtr a = n->properties; a; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      {
        xmlChar *v = xmlNodeGetContent ((xmlNodePtr) a);
        char *s = g_strdup ((const char *) v);
        xmlFree (v);
        return s;
      }
  return NULL;
}

static int
attr_int (xmlNodePtr  n,
          const char *name,
          int         fallback)
{
  g_autofree char *v = attr (n, name);
  char *end;
  long x;

  if (v == NULL)
    return fallback;
  x = strtol (v, &end, 10);
  if (end == v || x < -1000000 || x > 1000000)
    return fallback;
  return (int) x;
}

/* A toggle such as w:b: present means on unless w:val says off. */
static int
toggle (xmlNodePtr n)
{
  g_autofree char *v = attr (n, "val");

  if (v == NULL)
    return 1;
  return !(strcmp (v, "0") == 0 || strcmp (v, "false") == 0 || strcmp (v, "off") == 0);
}

static gboolean
hex_is_red (const char *v)
{
  unsigned r, g, b;

  if (v == NULL)
    return FALSE;
  if (*v == '#')
    v++;
  if (g_ascii_strcasecmp (v, "red") == 0)
    return TRUE;
  if (strlen (v) < 6 || sscanf (v, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  /* 公文 red is FF0000; templates also use C00000, E60012 and the like */
  return r >= 0xB0 && g <= 0x50 && b <= 0x50;
}

static void
read_rpr (xmlNodePtr rpr,
          RunProps  *r)
{
  xmlNodePtr n;

  if (rpr == NULL)
    return;
  if ((n = child (rpr, "color")))
    {
      g_autofree char *v = attr (n, "val");
      if (v && strcmp (v, "auto") != 0)
        r->red = hex_is_red (v);
      else if (v)
        r->red = 0;
    }
  if ((n = child (rpr, "sz")))
    r->size = attr_int (n, "val", r->size);
  if ((n = child (rpr, "b")))
    r->bold = toggle (n);
}

static void
merge_rpr (RunProps       *into,
           const RunProps *from)
{
  if (from->red >= 0)
    into->red = from->red;
  if (from->size > 0)
    into->size = from->size;
  if (from->bold >= 0)
    into->bold = from->bold;
}

static int
read_jc (xmlNodePtr ppr)
{
  xmlNodePtr jc = child (ppr, "jc");
  g_autofree char *v = attr (jc, "val");

  if (v == NULL)
    return -1;
  if (strcmp (v, "center") == 0)
    return ALIGN_CENTRE;
  if (strcmp (v, "right") == 0 || strcmp (v, "end") == 0)
    return ALIGN_RIGHT;
  if (strcmp (v, "both") == 0 || strcmp (v, "distribute") == 0)
    return ALIGN_BOTH;
  return ALIGN_LEFT;
}

static void
style_free (Style *s)
{
  g_free (s->based_on);
  g_free (s->link_rstyle);
  g_free (s);
}

static void
abstract_free (Abstract *a)
{
  for (guint i = 0; i < 9; i++)
    {
      g_free (a->lvl[i].fmt);
      g_free (a->lvl[i].text);
      g_free (a->lvl[i].suff);
    }
  g_free (a);
}

static gboolean
read_styles (Docx       *d,
             const char *main_part)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *part = gw_package_find_related (d->pkg, main_part, "styles", &local_error);
  g_autoptr(xmlDoc) xml = NULL;
  xmlNodePtr root, n;

  if (local_error)
    {
      g_propagate_error (d->error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (part == NULL || !gw_package_has_part (d->pkg, part))
    return TRUE;
  xml = gw_package_read_xml (d->pkg, part, d->error);
  if (xml == NULL)
    return FALSE;
  root = xmlDocGetRootElement (xml);
  if ((n = child (root, "docDefaults")))
    read_rpr (child (child (n, "rPrDefault"), "rPr"), &d->defaults);

  for (n = root ? root->children : NULL; n; n = n->next)
    {
      g_autofree char *type = NULL, *id = NULL, *def = NULL, *name = NULL;
      Style *s;
      xmlNodePtr ppr, x;

      if (!is_w (n, "style"))
        continue;
      type = attr (n, "type");
      id = attr (n, "styleId");
      if (id == NULL || type == NULL ||
          (strcmp (type, "paragraph") != 0 && strcmp (type, "character") != 0))
        continue;
      s = g_new0 (Style, 1);
      s->r = (RunProps) { -1, 0, -1 };
      s->jc = s->outline = s->num_id = s->ilvl = -1;
      s->based_on = attr (child (n, "basedOn"), "val");
      read_rpr (child (n, "rPr"), &s->r);
      ppr = child (n, "pPr");
      s->jc = read_jc (ppr);
      if ((x = child (ppr, "outlineLvl")))
        s->outline = attr_int (x, "val", -1);
      if ((x = child (ppr, "numPr")))
        {
          s->num_id = attr_int (child (x, "numId"), "val", -1);
          s->ilvl = attr_int (child (x, "ilvl"), "val", -1);
        }
      name = attr (child (n, "name"), "val");
      if (name && g_ascii_strncasecmp (name, "heading ", 8) == 0)
        s->heading = CLAMP (atoi (name + 8), 0, 9);
      def = attr (n, "default");
      if (def && toggle (n) && strcmp (type, "paragraph") == 0 && d->default_pstyle == NULL)
        d->default_pstyle = g_strdup (id);
      /* character styles live in the same table under their own ids */
      g_hash_table_replace (d->styles, g_strdup (id), s);
    }
  return TRUE;
}

/* Walks a style's basedOn chain from the root down, bounded against loops. */
static void
resolve_style (Docx       *d,
               const char *id,
               Style      *out,
               guint       depth)
{
  Style *s;

  if (id == NULL || depth > 20 || (s = g_hash_table_lookup (d->styles, id)) == NULL)
    return;
  resolve_style (d, s->based_on, out, depth + 1);
  merge_rpr (&out->r, &s->r);
  if (s->jc >= 0)
    out->jc = s->jc;
  if (s->outline >= 0)
    out->outline = s->outline;
  if (s->num_id >= 0)
    out->num_id = s->num_id;
  if (s->ilvl >= 0)
    out->ilvl = s->ilvl;
  if (s->heading > 0)
    out->heading = s->heading;
}

static gboolean
read_numbering (Docx       *d,
                const char *main_part)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *part = gw_package_find_related (d->pkg, main_part, "numbering", &local_error);
  g_autoptr(xmlDoc) xml = NULL;
  xmlNodePtr root;

  if (local_error)
    {
      g_propagate_error (d->error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (part == NULL || !gw_package_has_part (d->pkg, part))
    return TRUE;
  xml = gw_package_read_xml (d->pkg, part, d->error);
  if (xml == NULL)
    return FALSE;
  root = xmlDocGetRootElement (xml);
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    {
      if (is_w (n, "abstractNum"))
        {
          Abstract *a = g_new0 (Abstract, 1);
          for (xmlNodePtr l = n->children; l; l = l->next)
            {
              int ilvl;
              if (!is_w (l, "lvl"))
                continue;
              ilvl = attr_int (l, "ilvl", -1);
              if (ilvl < 0 || ilvl > 8)
                continue;
              /* a level given twice: the last one counts */
              g_free (a->lvl[ilvl].fmt);
              g_free (a->lvl[ilvl].text);
              g_free (a->lvl[ilvl].suff);
              a->lvl[ilvl].fmt = attr (child (l, "numFmt"), "val");
              a->lvl[ilvl].text = attr (child (l, "lvlText"), "val");
              a->lvl[ilvl].start = attr_int (child (l, "start"), "val", 1);
              a->lvl[ilvl].suff = attr (child (l, "suff"), "val");
            }
          g_hash_table_replace (d->abstracts, GINT_TO_POINTER (attr_int (n, "abstractNumId", -1)), a);
        }
      else if (is_w (n, "num"))
        {
          Num *num = g_new0 (Num, 1);
          num->abstract_id = attr_int (child (n, "abstractNumId"), "val", -1);
          for (guint i = 0; i < 9; i++)
            num->start_override[i] = -1;
          num->last_level = -1;
          for (xmlNodePtr o = n->children; o; o = o->next)
            {
              int ilvl;
              if (!is_w (o, "lvlOverride"))
                continue;
              ilvl = attr_int (o, "ilvl", -1);
              if (ilvl >= 0 && ilvl <= 8 && child (o, "startOverride"))
                num->start_override[ilvl] = attr_int (child (o, "startOverride"), "val", 1);
            }
          g_hash_table_replace (d->nums, GINT_TO_POINTER (attr_int (n, "numId", -1)), num);
        }
    }
  return TRUE;
}

static void
append_chinese (GString *s,
                int      n)
{
  static const char *digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n <= 0 || n >= 100)
    {
      g_string_append_printf (s, "%d", n);
      return;
    }
  if (n >= 10)
    {
      if (n / 10 > 1)
        g_string_append (s, digits[n / 10]);
      g_string_append (s, "十");
      if (n % 10)
        g_string_append (s, digits[n % 10]);
      return;
    }
  g_string_append (s, digits[n]);
}

static void
append_number (GString    *s,
               const char *fmt,
               int         n)
{
  if (fmt == NULL || strcmp (fmt, "decimal") == 0)
    g_string_append_printf (s, "%d", n);
  else if (g_str_has_prefix (fmt, "chineseCounting") || strcmp (fmt, "ideographDigital") == 0 ||
           strcmp (fmt, "japaneseCounting") == 0 || strcmp (fmt, "taiwaneseCounting") == 0)
    append_chinese (s, n);
  else if (strcmp (fmt, "decimalFullWidth") == 0 || strcmp (fmt, "decimalFullWidth2") == 0)
    {
      g_autofree char *ascii = g_strdup_printf ("%d", n);
      for (const char *p = ascii; *p; p++)
        g_string_append_unichar (s, 0xFF10 + (*p - '0'));
    }
  else if (strcmp (fmt, "decimalEnclosedCircle") == 0 && n >= 1 && n <= 20)
    g_string_append_unichar (s, 0x2460 + n - 1);
  else if (strcmp (fmt, "ideographTraditional") == 0 && n >= 1 && n <= 10)
    {
      static const char *stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
      g_string_append (s, stems[n - 1]);
    }
  else if (strcmp (fmt, "lowerLetter") == 0 && n >= 1 && n <= 26)
    g_string_append_c (s, 'a' + n - 1);
  else if (strcmp (fmt, "upperLetter") == 0 && n >= 1 && n <= 26)
    g_string_append_c (s, 'A' + n - 1);
  else
    g_string_append_printf (s, "%d", n);
}

/* The literal marker automatic numbering shows before a paragraph. */
static char *
numbering_marker (Docx *d,
                  int   num_id,
                  int   ilvl)
{
  Num *num = g_hash_table_lookup (d->nums, GINT_TO_POINTER (num_id));
  Abstract *a;
  Level *lvl;
  GString *s;

  if (num == NULL || ilvl < 0 || ilvl > 8 ||
      (a = g_hash_table_lookup (d->abstracts, GINT_TO_POINTER (num->abstract_id))) == NULL)
    return NULL;
  lvl = &a->lvl[ilvl];
  if (lvl->text == NULL || (lvl->fmt && (strcmp (lvl->fmt, "bullet") == 0 || strcmp (lvl->fmt, "none") == 0)))
    return NULL;

  /* count: this level on, deeper levels start again */
  for (int i = 0; i <= ilvl; i++)
    if (num->counters[i] == 0)
      {
        int start = num->start_override[i] >= 0 ? num->start_override[i] : a->lvl[i].start;
        num->counters[i] = (i == ilvl ? start - 1 : start);
      }
  num->counters[ilvl]++;
  for (int i = ilvl + 1; i < 9; i++)
    num->counters[i] = 0;

  s = g_string_new (NULL);
  for (const char *p = lvl->text; *p; p++)
    {
      if (*p == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          append_number (s, a->lvl[k].fmt, MAX (num->counters[k], 1));
          p++;
        }
      else
        g_string_append_c (s, *p);
    }
  if (lvl->suff && strcmp (lvl->suff, "space") == 0)
    g_string_append_c (s, ' ');
  d->numbered++;
  return g_string_free (s, FALSE);
}

/* ---- text ------------------------------------------------------------------ */

typedef struct {
  GString *text;
  Style    props;        /* the paragraph style resolved */
  guint    chars, red_chars, large_chars;
  int      max_size;
  int      field_depth;  /* complex fields: inside an instruction … */
  guint64  field_hide;   /* bit i: field level i is before its separator */
  gboolean rule;
} Para;

static void walk_blocks (Docx *d, xmlNodePtr container);

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
      walk_blocks (d, c);
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

  merge_rpr (&r, &p->props.r);
  if (rpr && (x = child (rpr, "rStyle")))
    {
      g_autofree char *id = attr (x, "val");
      Style cs = { .r = { -1, 0, -1 } };
      resolve_style (d, id, &cs, 0);
      merge_rpr (&r, &cs.r);
    }
  {
    RunProps direct = { -1, 0, -1 };
    read_rpr (rpr, &direct);
    merge_rpr (&r, &direct);
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
static void
emit_line (Docx       *d,
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
static guint
read_paragraph (Docx       *d,
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
  resolve_style (d, style_id ? style_id : d->default_pstyle, &p->props, 0);
  *jc = read_jc (ppr);
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
      g_autofree char *marker = numbering_marker (d, num_id, MAX (ilvl, 0));
      if (marker)
        g_string_append (p->text, marker);
    }
  walk_inline (d, p, n, 0);
  return number;
}

static void
handle_paragraph (Docx       *d,
                  xmlNodePtr  n)
{
  Para p = { 0 };
  int jc = -1;
  guint number, flags;
  const char *s;
  guint column = 1;

  p.text = g_string_new (NULL);
  number = read_paragraph (d, n, &p, &jc);
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

      emit_line (d, s, len, number, column, flags);
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

/* ---- tables ---------------------------------------------------------------- */

typedef struct {
  GString *text;
  guint    para;      /* number of its first paragraph, 0 when none */
  GPtrArray *paras;   /* the text of each paragraph (layout tables) */
  GArray  *numbers;   /* their numbers */
  gboolean empty_merge;
} Cell;

static void
cell_clear (Cell *c)
{
  g_string_free (c->text, TRUE);
  g_ptr_array_unref (c->paras);
  g_array_unref (c->numbers);
}

static void read_cell_content (Docx *d, xmlNodePtr container, Cell *cell);

static void
read_cell_table (Docx       *d,
                 xmlNodePtr  tbl,
                 Cell       *cell)
{
  if (d->depth >= GW_DOCX_MAX_TABLE_DEPTH)
    {
      if (!d->failed)
        g_set_error (d->error, GW_ERROR, GW_ERROR_TOO_LARGE,
                     _("%s: tables are nested more than %d deep; Gongwen reads up to %d"),
                     d->name, GW_DOCX_MAX_TABLE_DEPTH, GW_DOCX_MAX_TABLE_DEPTH);
      d->failed = TRUE;
      return;
    }
  d->depth++;
  for (xmlNodePtr tr = tbl->children; tr && !d->failed; tr = tr->next)
    if (is_w (tr, "tr"))
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
        if (is_w (tc, "tc"))
          read_cell_content (d, tc, cell);
  d->depth--;
}

static void
read_cell_content (Docx       *d,
                   xmlNodePtr  container,
                   Cell       *cell)
{
  for (xmlNodePtr c = container->children; c && !d->failed; c = c->next)
    {
      if (is_w (c, "p"))
        {
          Para p = { 0 };
          int jc;
          guint number;

          p.text = g_string_new (NULL);
          number = read_paragraph (d, c, &p, &jc);
          if (number)
            {
              for (char *q = p.text->str; *q; q++)
                if (*q == '\t' || *q == '\n')
                  *q = ' ';
              g_strstrip (p.text->str);
              if (p.text->str[0])
                {
                  if (cell->text->len)
                    g_string_append_c (cell->text, ' ');
                  if (cell->para == 0)
                    cell->para = number;
                  g_string_append (cell->text, p.text->str);
                  g_ptr_array_add (cell->paras, g_strdup (p.text->str));
                  g_array_append_val (cell->numbers, number);
                }
            }
          g_string_free (p.text, TRUE);
        }
      else if (is_w (c, "tbl"))
        read_cell_table (d, c, cell);
      else if (is_w (c, "sdt") && child (c, "sdtContent"))
        read_cell_content (d, child (c, "sdtContent"), cell);
      else if (is_w (c, "customXml") || is_w (c, "ins") || is_w (c, "moveTo"))
        read_cell_content (d, c, cell);
    }
}

static void
emit_joined (Docx      *d,
             GPtrArray *texts,
             GArray    *paras,
             GArray    *columns,
             guint      flags)
{
  g_autoptr(GString) s = g_string_new (NULL);
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint first_para = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      Segment seg;
      if (i)
        g_string_append_c (s, '\t');
      seg.start = g_utf8_strlen (s->str, -1);
      seg.para = g_array_index (paras, guint, i);
      seg.column = columns ? g_array_index (columns, guint, i) : 1;
      if (first_para == 0 && seg.para)
        first_para = seg.para;
      g_string_append (s, g_ptr_array_index (texts, i));
      g_array_append_val (segments, seg);
    }
  if (first_para == 0)
    {
      g_array_unref (segments);
      return;
    }
  /* the joined line carries the first cell's number; the others are
   * mapped back after the import */
  g_hash_table_replace (d->row_maps, GUINT_TO_POINTER (first_para), segments);
  {
    GwLine *l;
    emit_line (d, s->str, s->len, first_para, 1, flags);
    l = &g_array_index (d->lines, GwLine, d->lines->len - 1);
    /* the indent was trimmed: the state machine's columns count from raw */
    l->column = 1 + g_utf8_strlen (l->raw, l->text - l->raw);
  }
}

static void
handle_table (Docx       *d,
              xmlNodePtr  tbl)
{
  xmlNodePtr tblpr = child (tbl, "tblPr");
  gboolean floating = tblpr && child (tblpr, "tblpPr");
  guint grid = 0;
  gboolean first_row = TRUE;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (d->depth >= GW_DOCX_MAX_TABLE_DEPTH)
    {
      if (!d->failed)
        g_set_error (d->error, GW_ERROR, GW_ERROR_TOO_LARGE,
                     _("%s: tables are nested more than %d deep; Gongwen reads up to %d"),
                     d->name, GW_DOCX_MAX_TABLE_DEPTH, GW_DOCX_MAX_TABLE_DEPTH);
      d->failed = TRUE;
      return;
    }
  for (xmlNodePtr g = child (child (tbl, "tblGrid"), "gridCol"); g; g = g->next)
    if (is_w (g, "gridCol"))
      grid++;

  d->depth++;
  for (xmlNodePtr tr = tbl->children; tr && !d->failed; tr = tr->next)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) paras = g_array_new (FALSE, FALSE, sizeof (guint));
      GArray *cells = g_array_new (FALSE, TRUE, sizeof (Cell));
      gboolean layout_row;
      guint multi = 0, filled = 0;

      if (!is_w (tr, "tr"))
        {
          g_array_unref (cells);
          continue;
        }
      for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
        {
          Cell cell = { 0 };
          xmlNodePtr tcpr;
          int span;

          if (is_w (tc, "sdt") && child (tc, "sdtContent"))
            tc = child (child (tc, "sdtContent"), "tc");
          if (tc == NULL || !is_w (tc, "tc"))
            {
              if (tc == NULL)
                break;
              continue;
            }
          tcpr = child (tc, "tcPr");
          span = CLAMP (attr_int (child (tcpr, "gridSpan"), "val", 1), 1, 64);
          cell.text = g_string_new (NULL);
          cell.paras = g_ptr_array_new_with_free_func (g_free);
          cell.numbers = g_array_new (FALSE, FALSE, sizeof (guint));
          read_cell_content (d, tc, &cell);
          g_array_append_val (cells, cell);
          if (cell.paras->len > 1)
            multi++;
          if (cell.text->len)
            filled++;
          /* a cell spanning columns leaves the ones it covers empty */
          for (int k = 1; k < span; k++)
            {
              Cell empty = { g_string_new (NULL), 0, g_ptr_array_new_with_free_func (g_free),
                             g_array_new (FALSE, FALSE, sizeof (guint)), TRUE };
              g_array_append_val (cells, empty);
            }
        }

      /* A floating or single-column table is layout (a joint organ mark,
       * the 版记): its cells are lines of the page, not a data table. */
      layout_row = floating || grid == 1;
      if (layout_row && multi > 0)
        {
          for (guint c = 0; c < cells->len; c++)
            {
              Cell *cell = &g_array_index (cells, Cell, c);
              for (guint k = 0; k < cell->paras->len; k++)
                {
                  const char *t = g_ptr_array_index (cell->paras, k);
                  emit_line (d, t, strlen (t), g_array_index (cell->numbers, guint, k), 1, 0);
                }
            }
        }
      else if (layout_row || filled <= 1)
        {
          /* one line: the filled cells joined by a tab */
          for (guint c = 0; c < cells->len; c++)
            {
              Cell *cell = &g_array_index (cells, Cell, c);
              if (cell->text->len == 0)
                continue;
              g_ptr_array_add (texts, g_strdup (cell->text->str));
              g_array_append_val (paras, cell->para);
            }
          if (texts->len > 0)
            emit_joined (d, texts, paras, NULL, 0);
        }
      else
        {
          for (guint c = 0; c < cells->len; c++)
            {
              Cell *cell = &g_array_index (cells, Cell, c);
              g_ptr_array_add (texts, g_strdup (cell->text->str));
              g_array_append_val (paras, cell->para);
            }
          emit_joined (d, texts, paras, NULL, 0);
          if (d->lines->len > 0)
            {
              GwLine *l = &g_array_index (d->lines, GwLine, d->lines->len - 1);
              l->flags |= GW_LINE_TABLE_ROW | (first_row ? GW_LINE_TABLE_START : 0);
              first_row = FALSE;
            }
        }
      for (guint c = 0; c < cells->len; c++)
        cell_clear (&g_array_index (cells, Cell, c));
      g_array_unref (cells);
    }
  d->depth--;
}

static void
walk_blocks (Docx       *d,
             xmlNodePtr  container)
{
  if (container == NULL || d->shapes > 16)
    return;
  d->shapes++;
  for (xmlNodePtr c = container->children; c && !d->failed; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "p"))
        handle_paragraph (d, c);
      else if (is_w (c, "tbl"))
        handle_table (d, c);
      else if (is_w (c, "sdt"))
        walk_blocks (d, child (c, "sdtContent"));
      else if (is_w (c, "customXml") || is_w (c, "ins") || is_w (c, "moveTo"))
        walk_blocks (d, c);
      else if (is_w (c, "AlternateContent"))
        {
          xmlNodePtr choice = child (c, "Choice");
          walk_blocks (d, choice ? choice : child (c, "Fallback"));
        }
      else if (is_w (c, "del") || is_w (c, "moveFrom"))
        d->tracked++;
    }
  d->shapes--;
}

/* ---- mapping table rows back to their cells ---------------------------------- */

static void
map_position (Docx  *d,
              guint  line,
              guint  column,
              guint *out_line,
              guint *out_column)
{
  GArray *segments = g_hash_table_lookup (d->row_maps, GUINT_TO_POINTER (line));

  *out_line = line;
  *out_column = column;
  if (segments == NULL || column == 0)
    return;
  for (guint i = segments->len; i > 0; i--)
    {
      Segment *s = &g_array_index (segments, Segment, i - 1);
      if (column - 1 >= s->start)
        {
          *out_line = s->para;
          *out_column = s->column + (column - 1 - s->start);
          return;
        }
    }
}

static void
map_document (Docx       *d,
              GwDocument *doc)
{
  GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (doc));

  if (g_hash_table_size (d->row_maps) == 0)
    return;
  for (GwMeta m = 0; m < GW_N_META; m++)
    {
      guint column = 0, line = gw_document_get_meta_line (doc, m, &column);
      if (line)
        {
          guint l2, c2;
          map_position (d, line, column, &l2, &c2);
          gw_document_set_meta_source (doc, m, l2, c2);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (blocks, i);
      guint n = 0;
      const GwSourceSpan *spans = gw_block_get_spans (block, &n);
      g_autofree GwSourceSpan *copy = g_memdup2 (spans, n * sizeof *spans);

      if (n == 0)
        continue;
      gw_block_clear_spans (block);
      for (guint k = 0; k < n; k++)
        {
          guint l2, c2;
          map_position (d, copy[k].line, copy[k].column, &l2, &c2);
          gw_block_add_span (block, copy[k].offset, l2, c2);
        }
    }
}

/* ---- the importer ------------------------------------------------------------ */

static void
docx_clear (Docx *d)
{
  g_clear_pointer (&d->styles, g_hash_table_unref);
  g_clear_pointer (&d->abstracts, g_hash_table_unref);
  g_clear_pointer (&d->nums, g_hash_table_unref);
  g_clear_pointer (&d->lines, g_array_unref);
  g_clear_pointer (&d->buffers, g_ptr_array_unref);
  g_clear_pointer (&d->row_maps, g_hash_table_unref);
  g_clear_pointer (&d->comment_ids, g_hash_table_unref);
  g_clear_pointer (&d->default_pstyle, g_free);
}

static GwDocument *
import_package (GwPackage  *pkg,
                GError    **error)
{
  Docx d = { 0 };
  g_autofree char *main_part = NULL;
  g_autoptr(xmlDoc) xml = NULL;
  g_autoptr(GwImportReport) report = gw_import_report_new ("docx");
  g_autoptr(GwDocument) doc = NULL;
  xmlNodePtr root, body;
  const char *name = gw_package_get_display_name (pkg);

  main_part = gw_package_find_main_part (pkg, error);
  if (main_part == NULL)
    return NULL;

  d.pkg = pkg;
  d.name = name;
  d.report = report;
  d.error = error;
  d.defaults = (RunProps) { 0, 0, 0 };
  d.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) style_free);
  d.abstracts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) abstract_free);
  d.nums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  d.lines = g_array_sized_new (FALSE, TRUE, sizeof (GwLine), 256);
  d.buffers = g_ptr_array_new_with_free_func (g_free);
  d.row_maps = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  d.comment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!read_styles (&d, main_part) || !read_numbering (&d, main_part))
    {
      docx_clear (&d);
      return NULL;
    }
  xml = gw_package_read_xml (pkg, main_part, error);
  if (xml == NULL)
    {
      docx_clear (&d);
      return NULL;
    }
  root = xmlDocGetRootElement (xml);
  body = child (root, "body");
  if (root == NULL || !is_w (root, "document") || body == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the main part “%s” is not a Word document body"), name, main_part);
      docx_clear (&d);
      return NULL;
    }

  walk_blocks (&d, body);
  if (d.failed)
    {
      docx_clear (&d);
      return NULL;
    }

  doc = _gw_import_lines ((GwLine *) d.lines->data, d.lines->len, name, error);
  if (doc == NULL)
    {
      docx_clear (&d);
      return NULL;
    }
  map_document (&d, doc);

  gw_import_report_recognise_document (report, doc);
  if (d.numbered)
    gw_import_report_add_recognised (report, "automatic-numbering");
  if (d.red_rule)
    gw_import_report_add_recognised (report, "red-rule");
  if (d.textboxes)
    gw_import_report_add_recognised (report, "text-boxes");
  gw_import_report_add_dropped (report, "comments", g_hash_table_size (d.comment_ids));
  gw_import_report_add_dropped (report, "tracked-changes", d.tracked);
  gw_import_report_add_dropped (report, "images", d.images);
  gw_import_report_add_dropped (report, "drawings", d.drawings);
  gw_import_report_add_dropped (report, "footnotes", d.footnotes);
  gw_import_report_add_dropped (report, "equations", d.equations);
  gw_document_set_import_report (doc, report);

  docx_clear (&d);
  return g_steal_pointer (&doc);
}

GwDocument *
gw_import_docx_bytes (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GwPackage) pkg = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pkg = gw_package_open_bytes (bytes, display_name, error);
  if (pkg == NULL)
    return NULL;
  return import_package (pkg, error);
}

GwDocument *
gw_import_docx_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GwPackage) pkg = NULL;
  GwDocument *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pkg = gw_package_open_file (path, error);
  if (pkg == NULL)
    return NULL;
  doc = import_package (pkg, error);
  if (doc)
    gw_document_set_source_path (doc, path);
  return doc;
}
