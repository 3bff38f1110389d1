/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-round-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gw-error.h"

#include "gw-form-checks.h"
#include "gw-open.h"
#include "gw-opinion-finder.h"
#include "gw-policy.h"
#include "gw-round-check.h"

/* Whether an error finding only says that something is not filled in yet
 * (a blank score, an empty header field, sign-offs still missing): that
 * is the form's progress, which its status already tells (not started,
 * scoring), not an error in what was written. */
static gboolean
only_blank (GwFinding    *finding,
            GwEvaluation *ev)
{
  const char *target = gw_finding_get_target (finding);
  GwIndicator *ind;
  GwEvalField field;

  if (target == NULL)
    return FALSE;
  if (g_str_equal (target, "evaluators"))
    return TRUE;
  ind = gw_evaluation_find_indicator (ev, target);
  if (ind)
    return isnan (gw_indicator_get_score (ind));
  if (gw_eval_field_from_string (target, &field))
    {
      g_autofree char *v = g_strstrip (g_strdup (gw_evaluation_get_field (ev, field)));
      return *v == '\0';
    }
  return FALSE;
}

GwRoundRow *
gw_round_check_form (GwChecker  *checker,
                     const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GListModel) findings = NULL;
  GwRoundRow *row;
  guint n, n_errors = 0;

  g_return_val_if_fail (checker == NULL || GW_IS_CHECKER (checker), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  doc = gw_round_open_form (path, &error);
  if (doc == NULL)
    return gw_round_row_new_unreadable (path, error->message);
  row = gw_round_row_new (doc, path);
  if (row->status == GW_FORM_STATUS_UNREADABLE || checker == NULL)
    return row;
  /* checked as a form whatever the file looked like (a .docx form) */
  findings = gw_checker_check_as (checker, doc, GW_DOCUMENT_KIND_EVALUATION);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);

      if (gw_finding_get_severity (f) == GW_SEVERITY_ERROR &&
          !only_blank (f, gw_document_get_evaluation (doc)))
        n_errors++;
    }
  gw_round_row_set_findings (row, n, n_errors);
  return row;
}

typedef struct {
  GwChecker          *checker;
  const char * const *paths;
  GwRoundRow        **rows;
} Batch;

static void
check_one (gpointer data,
           gpointer user_data)
{
  Batch *batch = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;

  batch->rows[i] = gw_round_check_form (batch->checker, batch->paths[i]);
}

void
gw_round_check_forms (GwChecker          *checker,
                      const char * const *paths,
                      guint               n_paths,
                      guint               n_threads,
                      GwRoundSummary     *summary)
{
  Batch batch = { checker, paths, NULL };

  g_return_if_fail (summary != NULL);
  g_return_if_fail (paths != NULL || n_paths == 0);

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  batch.rows = g_new0 (GwRoundRow *, MAX (n_paths, 1));
  if (n_threads <= 1 || n_paths < 4)
    for (guint i = 0; i < n_paths; i++)
      check_one (GUINT_TO_POINTER (i + 1), &batch);
  else
    {
      GThreadPool *pool = g_thread_pool_new (check_one, &batch, (int) MIN (n_threads, n_paths),
                                             TRUE, NULL);

      for (guint i = 0; i < n_paths; i++)
        g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);   /* waits for every form */
    }
  for (guint i = 0; i < n_paths; i++)
    gw_round_summary_add (summary, batch.rows[i]);
  g_free (batch.rows);
}

GPtrArray *
gw_round_start (const char  *list_path,
                const char  *out_dir,
                const char  *opinion,
                char       **note,
                GError     **error)
{
  g_autoptr(GwTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  GPtrArray *written = NULL;
  g_autoptr(GwPolicy) governing = NULL;
  GwRoundPolicy policy = { 0 };
  GwContractCheck check = { 0 };

  g_return_val_if_fail (list_path != NULL, NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);

  if (note)
    *note = NULL;
  tmpl = gw_template_find ("evaluation");
  if (tmpl == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TEMPLATE, _("the evaluation form template is missing"));
      return NULL;
    }
  gw_round_policy_init_from_template (&policy, tmpl);
  if (opinion)
    {
      g_autoptr(GwDocument) doc = gw_document_open (opinion, error);

      if (doc == NULL)
        {
          gw_round_policy_clear (&policy);
          return NULL;
        }
      governing = gw_policy_extract (doc);
      /* the cycle bounds the list's cycle years before any row is read */
      if (gw_policy_has (governing, GW_POLICY_CYCLE_YEARS) && gw_policy_get_cycle_years (governing) > 0)
        policy.max_cycle_year = gw_policy_get_cycle_years (governing);
      g_free (policy.source);
      policy.source = g_strdup (opinion);
      /* each form names it, so a later --check needs no --against */
      policy.opinion = gw_opinion_reference_for_path (out_dir, opinion);
    }
  check.max_cycle_year = policy.max_cycle_year;
  check.validate_credit_code = gw_credit_code_validate;
  contracts = gw_contract_list_read (list_path, &check, error);
  if (contracts && governing)
    {
      /* the opinion's scale and table, as the policy layer fills a form */
      g_autoptr(GwDocument) proto = gw_round_form_new (tmpl, g_ptr_array_index (contracts, 0), NULL,
                                                       list_path, NULL);
      GwEvaluation *ev = proto ? gw_document_get_evaluation (proto) : NULL;
      guint applied = ev ? gw_policy_apply_to_evaluation (governing, ev) : 0;

      if (ev && applied > 0)
        {
          for (guint i = 0; i < gw_evaluation_get_grades (ev)->len; i++)
            {
              GwGrade *g = g_ptr_array_index (gw_evaluation_get_grades (ev), i);
              gw_round_policy_add_grade (&policy, g->name, g->min);
            }
          for (guint i = 0; i < gw_evaluation_get_decisions (ev)->len; i++)
            {
              GwDecisionRule *d = g_ptr_array_index (gw_evaluation_get_decisions (ev), i);
              gw_round_policy_add_decision (&policy, d->cycle_year, d->grade, d->decision);
            }
        }
      if (note && applied > 0)
        *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                   "%s: %u policy parameter of the opinion governs the forms "
                                   "(cycle: year %u is the last)",
                                   "%s: %u policy parameters of the opinion govern the forms "
                                   "(cycle: year %u is the last)", applied),
                                 opinion, applied, policy.max_cycle_year);
      else if (note)
        *note = g_strdup_printf (_("%s: the opinion states no grade scale, decision or cycle; the "
                                   "forms keep the template's"), opinion);
    }
  if (contracts)
    written = gw_round_create (tmpl, contracts, &policy, list_path, out_dir, error);
  gw_round_policy_clear (&policy);
  return written;
}
