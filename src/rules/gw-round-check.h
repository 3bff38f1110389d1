/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-checker.h"
#include "gw-round.h"

G_BEGIN_DECLS

/* One form of a round read for the roll-up and the round view: opened
 * (.gwdoc, or .docx where the importer reads it), its figures computed
 * and the checker run over it, so a form with error findings is marked as
 * such. Error findings that only say something is not filled in yet (a
 * blank score, an empty header field, sign-offs missing) are counted as
 * findings but not as errors: the status (not started, scoring) says
 * that. A file that cannot be read gives an unreadable row naming why.
 * Only the row is kept: the document is freed before this returns, so a
 * round of any size costs the memory of one form at a time. */
GwRoundRow *gw_round_check_form (GwChecker  *checker,
                                 const char *path);

G_END_DECLS

G_BEGIN_DECLS

/* gw_round_check_form() over @paths on @n_threads threads (0: one per
 * core), the rows added to @summary in the order of @paths. Each thread
 * holds one form at a time. */
void        gw_round_check_forms (GwChecker          *checker,
                                  const char * const *paths,
                                  guint               n_paths,
                                  guint               n_threads,
                                  GwRoundSummary     *summary);

G_END_DECLS

G_BEGIN_DECLS

/* The whole of "start a round", for the command line and the window alike:
 * the evaluation template, its largest cycle year, the rows of @list_path
 * checked (GB 32100-2015 codes with the form checks' validator), the forms
 * and manifest written into @out_dir, or nothing. @opinion (nullable): the
 * governing opinion; *@note receives a translated sentence about what was
 * taken from it (NULL when nothing to say). Returns the paths written. */
GPtrArray  *gw_round_start       (const char  *list_path,
                                  const char  *out_dir,
                                  const char  *opinion,
                                  char       **note,
                                  GError     **error);

G_END_DECLS
