/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-round-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gw-open.h"
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

  doc = gw_document_open (path, &error);
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
