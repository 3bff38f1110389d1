/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the GB/T 9704 layout share (gw-layout*.c): each page
 * region is laid out in a file of its own, on the primitives of
 * gw-pagination.c. Internal to src/render. */

#include "gw-layout.h"

G_BEGIN_DECLS

#define RED          0xFF0000
#define BLACK        0x000000
#define SIZE_TITLE   22.0    /* 二号 */
#define SIZE_MARK    42.0    /* 初号, practice for the organ mark */
#define SIZE_SMALL   14.0    /* 四号 */
#define RULE_RED     1.5     /* red separator line, pt */
#define RULE_THICK   (0.35 * GW_MM)
#define RULE_THIN    (0.25 * GW_MM)

/* How _gw_layout_lay_text sets a text. */
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

GArray *      _gw_layout_lines_new             (void);
double        _gw_layout_slot_top              (int slot);
int           _gw_layout_current_slot          (GwPagination *p);
double        _gw_layout_grid_width            (double chars);
void          _gw_layout_set_grid_spacing      (PangoLayout   *layout,
                                                PangoAttrList *attrs);
void          _gw_layout_lines                 (PangoLayout *layout,
                                                GArray      *out);
void          _gw_layout_flow_lines            (GwPagination *p,
                                                GArray       *lines,
                                                double        x0,
                                                double        size,
                                                guint32       rgb);
void          _gw_layout_flow                  (GwPagination *p,
                                                PangoLayout  *layout,
                                                double        x0,
                                                double        size,
                                                guint32       rgb);
void          _gw_layout_skip_lines            (GwPagination *p,
                                                int           n);
char *        _gw_layout_where_block           (GwBlock *block,
                                                guint    index);
char *        _gw_layout_where_meta            (GwPagination *p,
                                                GwMeta        meta);
const char *  _gw_layout_meta                  (GwPagination *p,
                                                GwMeta        m);
void          _gw_layout_add_outline           (GwPagination *p,
                                                const char   *text,
                                                guint         level,
                                                guint         page,
                                                double        y);
PangoLayout * _gw_layout_grid_layout           (GwPagination  *p,
                                                GwFontRole     role,
                                                const char    *text,
                                                double         chars,
                                                double         indent,
                                                PangoAttrList *attrs);
gboolean      _gw_layout_lay_text              (GwPagination     *p,
                                                const GwTextSpec *spec,
                                                const char       *text,
                                                GwTextEntry      *entry,
                                                const char       *where,
                                                GArray           *out);
gboolean      _gw_layout_flow_grid_text        (GwPagination *p,
                                                GwFontRole    role,
                                                const char   *text,
                                                double        indent_chars,
                                                const char   *where,
                                                gsize         head_len,
                                                GwFontRole    head_role);
double        _gw_layout_width                 (PangoLayout *layout);
double        _gw_layout_text_width            (GwPagination *p,
                                                GwFontRole    role,
                                                double        size,
                                                const char   *text);
double        _gw_layout_text_width_capped     (GwPagination *p,
                                                GwFontRole    role,
                                                double        size,
                                                const char   *text,
                                                gsize         len);
gboolean      _gw_layout_header                (GwPagination *p);
void          _gw_layout_keep_groups_whole     (PangoLayout *layout,
                                                const char  *text);
char *        _gw_layout_break_title_line      (GwPagination *p,
                                                const char   *text);
gboolean      _gw_layout_title                 (GwPagination *p);
gboolean      _gw_layout_recipients            (GwPagination *p);
gboolean      _gw_layout_block                 (GwPagination *p,
                                                GwBlock      *block,
                                                guint         index);
gboolean      _gw_layout_attachment_list       (GwPagination *p);
gboolean      _gw_layout_attachments           (GwPagination *p);
gboolean      _gw_layout_place_table           (GwPagination       *p,
                                                const GwTableStyle *st,
                                                GPtrArray          *rows,
                                                const char         *where);
gboolean      _gw_layout_body_table            (GwPagination *p,
                                                GwBlock      *block,
                                                const char   *where);
gboolean      _gw_layout_signature             (GwPagination *p);
gboolean      _gw_layout_colophon              (GwPagination *p);

G_END_DECLS
