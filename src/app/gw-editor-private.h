/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-editor.h"
#include "gw-header-form.h"
#include "gw-search-bar.h"
#include "gw-table-panel.h"

G_BEGIN_DECLS

/* The editor's parts: gw-editor.c (the body as blocks, findings, the
 * widget), gw-editor-tables.c (tables in the body). */

/* Where a block sits in the buffer: its line, and how many characters of
 * decoration (“附件1　”) come before the block's own text. */
typedef struct {
  guint line;
  guint prefix;
} BlockPlace;

struct _GwEditor
{
  GtkWidget       parent_instance;

  GwSearchBar    *search_bar;
  GtkStack       *stack;
  GtkTextView    *text_view;
  GwHeaderForm   *header_form;
  GwTablePanel   *table_panel;

  GtkTextBuffer  *buffer;
  GtkTextTag     *tag_h1;
  GtkTextTag     *tag_h2;
  GtkTextTag     *tag_table;
  GtkTextTag     *tag_table_mark;
  GtkTextTag     *tag_table_header;
  GtkTextTag     *tag_table_guard;
  GPtrArray      *table_tab_tags;  /* column stops, one tag per set of widths */
  GtkTextTag     *tag_finding[3];

  GwDocument     *document;
  GPtrArray      *block_texts;  /* what each block shows, as of the last sync */
  GArray         *places;       /* BlockPlace per block, as of the last sync */
  guint           generation;
  guint           synced_generation;
  guint           sync_source;
  gboolean        loading;

  /* the table being edited in the grid */
  int             table_line;      /* its buffer line, -1 when none */
  gboolean        tables_styled;   /* some line has table tags */
  int             styled_width;    /* of the text view, when they were set */
  guint           restyle_source;
  gboolean        table_updating;
};

/* gw-editor-tables.c: tables in the body */
void     _gw_editor_style_tables        (GwEditor       *self);
void     _gw_editor_table_panel_update  (GwEditor       *self);
void     _gw_editor_table_commit_now    (GwEditor       *self);
void     _gw_editor_tables_allocated    (GwEditor       *self);
void     _gw_editor_tables_class_init   (GtkWidgetClass *widget_class);
void     _gw_editor_tables_init         (GwEditor       *self);

G_END_DECLS
