/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-contract-list.h"
#include "gw-document.h"
#include "gw-template.h"

G_BEGIN_DECLS

/* The annual evaluation round (docs/evaluation-round.md): one evaluation
 * form per contract in a round folder, a manifest naming the round, and
 * the roll-up of the scored forms. */

#define GW_ROUND_MANIFEST "round.ini"

/* What governs the forms of a round. Filled from the template
 * (gw_round_policy_init_from_template) and, with a governing opinion, from
 * the policy parameters the checker extracts from it. Every field may stay
 * empty: the template's own value is then kept. */
typedef struct {
  guint      max_cycle_year;   /* largest cycle year; 0 = the template's */
  GPtrArray *grades;           /* GwGrade*, any order; NULL = the template's scale */
  GPtrArray *decisions;        /* GwDecisionRule*, in order; NULL = the template's table */
  char      *source;           /* what the values came from (a path), for the manifest */
  char      *opinion;          /* what each form's header names as its governing opinion
                                * (GW_EVAL_OPINION), or NULL */
} GwRoundPolicy;

void      gw_round_policy_clear       (GwRoundPolicy *policy);
/* Takes the largest cycle year from the template's cycle-year field. */
void      gw_round_policy_init_from_template (GwRoundPolicy *policy,
                                              GwTemplate    *tmpl);
void      gw_round_policy_add_grade   (GwRoundPolicy *policy,
                                       const char    *name,
                                       double         min);
void      gw_round_policy_add_decision (GwRoundPolicy *policy,
                                        guint          cycle_year,
                                        const char    *grade,
                                        const char    *decision);

/* The form for @contract: @tmpl instantiated with the row's values, the
 * document field "station" set, the policy's grade scale and decision
 * table put in the form's place. */
GwDocument *gw_round_form_new         (GwTemplate          *tmpl,
                                       const GwContract    *contract,
                                       const GwRoundPolicy *policy,
                                       const char          *display_name,
                                       GError             **error);
/* The file name of a station's form: the station with characters no file
 * system takes replaced, plus ".gwdoc". */
char       *gw_round_form_file_name   (const char          *station);

/* Creates the round: every form first in memory, then written into
 * @out_dir (created if missing), then the manifest. Nothing is written
 * when a row cannot become a form or a form's file already exists; a write
 * that fails removes what this call wrote. Returns the paths written (the
 * forms, then the manifest). */
GPtrArray  *gw_round_create           (GwTemplate          *tmpl,
                                       GPtrArray           *contracts,
                                       const GwRoundPolicy *policy,
                                       const char          *source_path,
                                       const char          *out_dir,
                                       GError             **error);

/* ---- the roll-up --------------------------------------------------------- */

typedef enum {
  GW_FORM_STATUS_NOT_STARTED,  /* no score yet */
  GW_FORM_STATUS_SCORING,      /* some scores */
  GW_FORM_STATUS_COMPLETE,     /* all scored and signed off */
  GW_FORM_STATUS_HAS_ERRORS,   /* error findings: wins over the others */
  GW_FORM_STATUS_UNREADABLE,   /* the file could not be read as a form */
} GwFormStatus;

/* Translated: "not started", "scoring", … */
const char *gw_form_status_to_label   (GwFormStatus status);

typedef struct {
  char        *path;
  char        *station;
  char        *operator_;
  char        *project;
  guint        cycle_year;
  guint        n_sections;
  char       **section_ids;     /* "A" … */
  char       **section_names;   /* "项目管理" … */
  double      *subtotals;
  double      *section_max;
  double       total;
  double       max;
  guint        n_scored;
  guint        n_indicators;
  gboolean     vetoed;
  char        *grade;           /* computed; "" when the scale is empty */
  char        *decision;        /* computed; "" when the table gives none */
  gboolean     reprocure;       /* the decision re-procures the operator */
  GPtrArray   *grades;          /* GwGrade*, the form's scale, highest first */
  guint        n_findings;      /* set by the caller that ran the checker */
  guint        n_errors;
  GwFormStatus status;
  char        *error;           /* why an unreadable form is unreadable */
} GwRoundRow;

/* The figures of one form, computed from its scores with the form's own
 * scale and table. */
/* Opens one form of a round; a scored STATION.docx is read into its
 * STATION.gwdoc twin (see gw-round.c). */
GwDocument *gw_round_open_form        (const char  *path,
                                       GError     **error);

GwRoundRow *gw_round_row_new          (GwDocument  *doc,
                                       const char  *path);
GwRoundRow *gw_round_row_new_unreadable (const char *path,
                                         const char *message);
/* Every indicator scored. */
#define GW_ROUND_ROW_FINISHED(r) ((r)->n_indicators > 0 && (r)->n_scored == (r)->n_indicators)

/* Records the checker's findings; a form with errors gets that status. */
void        gw_round_row_set_findings (GwRoundRow  *row,
                                       guint        n_findings,
                                       guint        n_errors);
void        gw_round_row_free         (GwRoundRow  *row);

/* The forms a round folder holds (.gwdoc and .docx, the manifest aside),
 * sorted by name (transfer full, GStrv of paths). */
char      **gw_round_list_forms       (const char  *dir,
                                       GError     **error);

/* The year of a round folder's manifest, 0 when none. */
guint       gw_round_read_year        (const char  *dir);

typedef struct {
  GPtrArray  *rows;              /* GwRoundRow*, in report order */
  guint       year;              /* 0 when unknown */
  /* derived by gw_round_summary_finish () */
  guint       n_read;            /* forms read */
  guint       n_unreadable;
  guint       n_with_errors;
  guint       n_unfinished;      /* read, free of errors, some score blank */
  guint       n_counted;         /* read, every score in, free of error findings */
  GPtrArray  *grade_names;       /* char*, highest first, from the first counted form */
  GArray     *grade_counts;      /* guint per grade_names entry, counted forms only */
  char      **section_ids;       /* of the first readable form */
  char      **section_names;
  double     *section_max;
  guint       n_sections;
  double      mean_total;        /* counted forms only; NAN when none */
  GPtrArray  *grades;            /* GwGrade*, the first readable form's scale, or NULL */
} GwRoundSummary;

GwRoundSummary *gw_round_summary_new    (void);
/* Takes @row. */
void            gw_round_summary_add    (GwRoundSummary *summary,
                                         GwRoundRow     *row);
void            gw_round_summary_finish (GwRoundSummary *summary);
void            gw_round_summary_free   (GwRoundSummary *summary);
/* The summary as CSV, UTF-8 with BOM, CRLF lines (Excel opens it right). */
GBytes         *gw_round_summary_to_csv (GwRoundSummary *summary);

/* 86.5 → "86.5", 90 → "90", NAN → "". */
char           *gw_round_format_score   (double          v);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRoundRow, gw_round_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRoundSummary, gw_round_summary_free)

G_END_DECLS
