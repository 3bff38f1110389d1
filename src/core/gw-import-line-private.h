/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* The line recognisers of the importers: what a line of a 公文 says about
 * its role (份号, 密级, an organ's name, a title, a heading, 附件, 抄送, 印发 …),
 * shared by the text importer and the .docx importer, which both hand the
 * import state machine (gw-import-text.c) an array of GwLine. */

typedef struct {
  const char *text;     /* trimmed, NUL-terminated in the decoded buffer */
  const char *raw;      /* the line with its indent (empty first cells of a
                         * table row), up to the end of text */
  guint       len;      /* bytes of text */
  guint       n_chars;  /* characters of text */
  guint       lineno;   /* 1-based */
  guint       column;   /* 1-based column of text[0] in the original line */
  guint       heading;  /* heading level 1–4 of the text, 0 when none */
  guint       flags;    /* GwLineFlags: what the source's formatting says */
} GwLine;

/* Formatting a .docx shows; a text line has none. */
typedef enum {
  GW_LINE_RED      = 1 << 0,  /* most of its text is red */
  GW_LINE_LARGE    = 1 << 1,  /* set larger than 18 pt */
  GW_LINE_CENTRED  = 1 << 2,
  GW_LINE_RIGHT    = 1 << 3,
  GW_LINE_RULE     = 1 << 4,  /* a red rule follows it */
  GW_LINE_TABLE_ROW   = 1 << 5,  /* a row of a table: cells split by TABs in raw */
  GW_LINE_TABLE_START = 1 << 6,  /* the first row of a table */
} GwLineFlags;

typedef enum {
  LABEL_NONE,
  LABEL_BARE,     /* "附件" or "附件1" alone: an attachment page starts */
  LABEL_COLON,    /* "附件：…" or "附件1：…" */
} GwAttachmentLabel;

gboolean    _gw_line_is_space (gunichar c);

GArray *    _gw_line_split_lines (char *text);

gboolean    _gw_line_has_prefix (const GwLine *l,
                                 const char *prefix);

gboolean    _gw_line_has_suffix (const GwLine *l,
                                 const char *suffix);

gunichar    _gw_line_last_char (const GwLine *l);

gboolean    _gw_line_is_final_punct (gunichar c);

gboolean    _gw_line_is_continuing_punct (gunichar c);

gboolean    _gw_line_is_sentence_end (gunichar c);

gboolean    _gw_line_is_colon (gunichar c);

const char *_gw_line_skip_spaces (const char *p);

guint       _gw_line_column_at (const GwLine *l,
                                const char *p);

gboolean    _gw_line_is_heading (const GwLine *l);

gboolean    _gw_line_is_copy_number (const GwLine *l);

gboolean    _gw_line_is_classification (const GwLine *l);

gboolean    _gw_line_is_urgency (const GwLine *l);

GwAttachmentLabel _gw_line_attachment_label (const GwLine  *l,
                                           guint       *number,
                                           const char **rest);

gboolean    _gw_line_is_attachment_marker (const GwLine *l,
                                           guint      *number);

gboolean    _gw_line_is_attachment_list_start (const GwLine *l);

gboolean    _gw_line_is_inline_attachment_page (const GwLine  *l,
                                                guint       *number,
                                                const char **title);

gsize       _gw_line_list_number_length (const char *p);

gboolean    _gw_line_is_copy_to (const GwLine  *l,
                                 const char **value);

gboolean    _gw_line_is_main_send (const GwLine  *l,
                                   const char **value);

gboolean    _gw_line_is_printing_line (const GwLine  *l,
                                       const char **date);

gboolean    _gw_line_is_note (const GwLine *l);

gboolean    _gw_line_is_element (const GwLine *l);

gboolean    _gw_line_looks_like_organ (const GwLine *l);

gboolean    _gw_line_ends_with_organ_suffix (const GwLine *l);

gboolean    _gw_line_split_organs (const GwLine *l,
                                   gboolean    loose,
                                   GPtrArray  *organs,
                                   gboolean   *suffix);

gboolean    _gw_line_looks_like_title (const GwLine *l);

gboolean    _gw_line_continues_title (const GwLine *prev,
                                      const GwLine *next);

/* The import state machine (gw-import-text.c): the document the lines
 * make, or NULL with GW_ERROR_EMPTY when every line is blank. */
GwDocument *_gw_import_lines (GwLine      *lines,
                              guint        n_lines,
                              const char  *display_name,
                              GError     **error);

/* Fills in n_chars and heading from text and len, and blanks a line drawn
 * with dashes, as _gw_line_split_lines() does for each line. */
void        _gw_line_derive (GwLine *line);

const char *_gw_import_display_name (const char *display_name);

G_END_DECLS
