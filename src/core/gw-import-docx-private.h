/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the .docx importer share (gw-import-docx*.c): the
 * reading state, the formatting read from styles.xml and numbering.xml, and
 * small helpers over WordprocessingML elements. Internal to src/core. */

#include <libxml/tree.h>
#include <string.h>

#include "gw-import-line-private.h"
#include "gw-import-report.h"
#include "gw-package.h"
#include "gw-xml-private.h"

G_BEGIN_DECLS

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

static inline gboolean
is_w (xmlNodePtr  n,
      const char *name)
{
  return n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, name) == 0;
}

static inline xmlNodePtr
child (xmlNodePtr  n,
       const char *name)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (is_w (c, name))
      return c;
  return NULL;
}

/* w:val and friends, whatever prefix the producer chose */
static inline char *
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

static inline int
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
static inline int
toggle (xmlNodePtr n)
{
  g_autofree char *v = attr (n, "val");

  if (v == NULL)
    return 1;
  return !(strcmp (v, "0") == 0 || strcmp (v, "false") == 0 || strcmp (v, "off") == 0);
}

static inline gboolean
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

typedef struct {
  GString *text;
  Style    props;        /* the paragraph style resolved */
  guint    chars, red_chars, large_chars;
  int      max_size;
  int      field_depth;  /* complex fields: inside an instruction … */
  guint64  field_hide;   /* bit i: field level i is before its separator */
  gboolean rule;
} Para;

void
_gw_import_docx_read_rpr (xmlNodePtr rpr,
                          RunProps  *r);

void
_gw_import_docx_merge_rpr (RunProps       *into,
                           const RunProps *from);

int
_gw_import_docx_read_jc (xmlNodePtr ppr);

void
_gw_import_docx_style_free (Style *s);

void
_gw_import_docx_abstract_free (Abstract *a);

gboolean
_gw_import_docx_read_styles (Docx       *d,
                             const char *main_part);

void
_gw_import_docx_resolve_style (Docx       *d,
                               const char *id,
                               Style      *out,
                               guint       depth);

gboolean
_gw_import_docx_read_numbering (Docx       *d,
                                const char *main_part);

char *
_gw_import_docx_numbering_marker (Docx *d,
                                  int   num_id,
                                  int   ilvl);

void
_gw_import_docx_para_add_text (Para           *p,
                               const RunProps *r,
                               const char     *text);

void
_gw_import_docx_para_add_char (Para     *p,
                               gunichar  c);

gboolean
_gw_import_docx_attr_is_red_colour (xmlNodePtr n);

gunichar
_gw_import_docx_symbol_font_char (gunichar code);

gboolean
_gw_import_docx_has_live_text (xmlNodePtr n,
                               guint      depth);

guint
_gw_import_docx_para_flags (Para *p,
                            int   jc);

void
_gw_import_docx_emit_line (Docx       *d,
                           const char *text,
                           gsize       len,
                           guint       para,
                           guint       column,
                           guint       flags);

guint
_gw_import_docx_read_paragraph (Docx       *d,
                                xmlNodePtr  n,
                                Para       *p,
                                int        *jc);

void
_gw_import_docx_handle_paragraph (Docx       *d,
                                  xmlNodePtr  n);

void
_gw_import_docx_handle_table (Docx       *d,
                              xmlNodePtr  tbl);

void
_gw_import_docx_walk_blocks (Docx       *d,
                             xmlNodePtr  container);

G_END_DECLS
