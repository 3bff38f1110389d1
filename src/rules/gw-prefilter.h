/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A cheap test run before a rule's regex: which pieces of a text can hold a
 * match at all. At load each pattern is read for
 *  - the characters any match must contain, as a conjunction of "one of
 *    these" sets (坐班|坐岗 needs 坐 and one of 班, 岗), and
 *  - the punctuation no match can contain or look at: then a match never
 *    crosses it and the text can be cut there into pieces (clauses at
 *    ，；。！？ and line ends, or sentences at 。！？ and line ends).
 * At check time the text is indexed once (which piece holds which
 * character) and the regex runs only over the pieces holding every needed
 * character. Anything the reader does not understand (back-references,
 * recursion, ^ and $, verbs, extended mode…) makes the filter weaker, never
 * wrong: it then runs the regex over the whole range as before. */

typedef struct _GwPrefilter GwPrefilter;
typedef struct _GwPrefilterIndex GwPrefilterIndex;

typedef enum {
  GW_PREFILTER_WHOLE,      /* matches may cross any punctuation */
  GW_PREFILTER_SENTENCE,   /* never across 。！？ or a line end */
  GW_PREFILTER_CLAUSE,     /* never across ，；。！？ or a line end */
} GwPrefilterLevel;

/* @pattern: the pattern exactly as handed to g_regex_new() with
 * G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES (UTF-8, Unicode properties). */
GwPrefilter      *_gw_prefilter_new          (const char        *pattern);
void              _gw_prefilter_free         (GwPrefilter       *pf);
GwPrefilterLevel  _gw_prefilter_get_level    (GwPrefilter       *pf);
/* Whether the pattern was read at all (FALSE: no filtering). */
gboolean          _gw_prefilter_is_analysed  (GwPrefilter       *pf);
/* For tests and debugging: "clause {坐} {班} | {坐} {岗}". */
char             *_gw_prefilter_describe     (GwPrefilter       *pf);
/* Whether a piece holding just the characters of @text passes. */
gboolean          _gw_prefilter_admits       (GwPrefilter       *pf,
                                              const char        *text);

GwPrefilterIndex *_gw_prefilter_index_new    (const char        *text,
                                              gsize              len);
void              _gw_prefilter_index_free   (GwPrefilterIndex  *index);
/* The bytes the index holds (bounded: rows only for the characters some
 * loaded pattern asks for, and none past a budget), and whether it is in
 * use (FALSE past the budget: every range is returned whole). */
gsize             _gw_prefilter_index_get_size  (GwPrefilterIndex *index);
gboolean          _gw_prefilter_index_is_usable (GwPrefilterIndex *index);

/* The byte ranges (GwTextRange) inside [@start, @end) of the indexed text
 * the regex must be run over, each on its own as the subject, in order:
 * every match a run over [@start, @end) would find lies in one of them and
 * is found there the same way. */
GArray           *_gw_prefilter_runs         (GwPrefilter       *pf,
                                              GwPrefilterIndex  *index,
                                              gsize              start,
                                              gsize              end);

/* Off: every range is returned whole (to compare with and without). */
void              _gw_prefilter_set_enabled  (gboolean           enabled);
gboolean          _gw_prefilter_get_enabled  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwPrefilter, _gw_prefilter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwPrefilterIndex, _gw_prefilter_index_free)

G_END_DECLS
