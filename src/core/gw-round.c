/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-round"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-import-docx-form.h"
#include "gw-numeral.h"
#include "gw-open.h"
#include "gw-round.h"

/* ---- policy ------------------------------------------------------------- */

static void
grade_free (gpointer data)
{
  GwGrade *g = data;

  g_free (g->name);
  g_free (g);
}

static void
decision_free (gpointer data)
{
  GwDecisionRule *d = data;

  g_free (d->grade);
  g_free (d->decision);
  g_free (d);
}

void
gw_round_policy_clear (GwRoundPolicy *policy)
{
  g_return_if_fail (policy != NULL);
  g_clear_pointer (&policy->grades, g_ptr_array_unref);
  g_clear_pointer (&policy->decisions, g_ptr_array_unref);
  g_clear_pointer (&policy->source, g_free);
  g_clear_pointer (&policy->opinion, g_free);
  policy->max_cycle_year = 0;
}

void
gw_round_policy_init_from_template (GwRoundPolicy *policy,
                                    GwTemplate    *tmpl)
{
  GwTemplateField *field;

  g_return_if_fail (policy != NULL);
  g_return_if_fail (GW_IS_TEMPLATE (tmpl));

  field = gw_template_get_field (tmpl, "cycle-year");
  if (field)
    {
      double min, max;

      gw_template_field_get_range (field, &min, &max);
      if (max >= min && max >= 1 && max < 100)
        policy->max_cycle_year = (guint) max;
    }
  if (policy->source == NULL)
    policy->source = g_strdup (gw_template_get_source (tmpl));
}

void
gw_round_policy_add_grade (GwRoundPolicy *policy,
                           const char    *name,
                           double         min)
{
  GwGrade *g;

  g_return_if_fail (policy != NULL && name != NULL);
  g = g_new0 (GwGrade, 1);
  if (policy->grades == NULL)
    policy->grades = g_ptr_array_new_with_free_func (grade_free);
  g->name = g_strdup (name);
  g->min = min;
  g_ptr_array_add (policy->grades, g);
}

void
gw_round_policy_add_decision (GwRoundPolicy *policy,
                              guint          cycle_year,
                              const char    *grade,
                              const char    *decision)
{
  GwDecisionRule *d;

  g_return_if_fail (policy != NULL && decision != NULL);
  d = g_new0 (GwDecisionRule, 1);
  if (policy->decisions == NULL)
    policy->decisions = g_ptr_array_new_with_free_func (decision_free);
  d->cycle_year = cycle_year;
  d->grade = g_strdup (grade);
  d->decision = g_strdup (decision);
  g_ptr_array_add (policy->decisions, d);
}

/* ---- forms -------------------------------------------------------------- */

static const struct {
  GwContractColumn column;
  const char      *field;
} field_map[] = {
  { GW_CONTRACT_PROJECT, "project" },
  { GW_CONTRACT_TIER, "tier" },
  { GW_CONTRACT_PURCHASER, "purchaser" },
  { GW_CONTRACT_OPERATOR, "operator" },
  { GW_CONTRACT_CREDIT_CODE, "credit-code" },
  { GW_CONTRACT_NUMBER, "contract-number" },
  { GW_CONTRACT_AMOUNT, "contract-amount" },
  { GW_CONTRACT_START, "service-start" },
  { GW_CONTRACT_END, "service-end" },
  { GW_CONTRACT_CYCLE_YEAR, "cycle-year" },
  { GW_CONTRACT_TYPE, "type" },
  { GW_CONTRACT_EVALUATOR, "evaluator" },
};

GwDocument *
gw_round_form_new (GwTemplate          *tmpl,
                   const GwContract    *contract,
                   const GwRoundPolicy *policy,
                   const char          *display_name,
                   GError             **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GwDocument) doc = NULL;
  g_autofree char *project = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *station;
  GwEvaluation *ev;

  g_return_val_if_fail (GW_IS_TEMPLATE (tmpl), NULL);
  g_return_val_if_fail (contract != NULL, NULL);

  station = contract->values[GW_CONTRACT_STATION];
  for (guint i = 0; i < G_N_ELEMENTS (field_map); i++)
    {
      const char *v = contract->values[field_map[i].column];

      /* an empty cell leaves the template's default */
      if (v && *v)
        g_hash_table_insert (values, (gpointer) field_map[i].field, (gpointer) v);
    }
  if (!g_hash_table_contains (values, "project"))
    {
      /* the list names the station; the contract's project is its operation */
      project = g_strdup_printf ("%s运营服务项目", station);
      g_hash_table_insert (values, "project", project);
    }
  doc = gw_template_instantiate (tmpl, values, field_errors, &local_error);
  if (doc == NULL)
    {
      g_autoptr(GString) msg = g_string_new (NULL);
      GHashTableIter iter;
      gpointer k, v;

      g_hash_table_iter_init (&iter, field_errors);
      while (g_hash_table_iter_next (&iter, &k, &v))
        {
          if (msg->len)
            g_string_append_c (msg, '\n');
          g_string_append_printf (msg, _("%s: line %u (%s): %s"), display_name, contract->line,
                                  station, (const char *) v);
        }
      if (msg->len == 0)
        g_string_append_printf (msg, _("%s: line %u (%s): %s"), display_name, contract->line,
                                station, local_error->message);
      g_set_error_literal (error, GW_ERROR, GW_ERROR_INVALID, msg->str);
      return NULL;
    }
  gw_document_set_field (doc, "station", station);
  ev = gw_document_get_evaluation (doc);
  if (ev && policy && policy->grades && policy->grades->len > 0)
    {
      gw_evaluation_clear_grades (ev);
      for (guint i = 0; i < policy->grades->len; i++)
        {
          GwGrade *g = g_ptr_array_index (policy->grades, i);
          gw_evaluation_add_grade (ev, g->name, g->min);
        }
    }
  if (ev && policy && policy->decisions && policy->decisions->len > 0)
    {
      gw_evaluation_clear_decisions (ev);
      for (guint i = 0; i < policy->decisions->len; i++)
        {
          GwDecisionRule *d = g_ptr_array_index (policy->decisions, i);
          gw_evaluation_add_decision (ev, d->cycle_year, d->grade, d->decision);
        }
    }
  if (ev && policy && policy->opinion)
    gw_evaluation_set_field (ev, GW_EVAL_OPINION, policy->opinion);
  return g_steal_pointer (&doc);
}

char *
gw_round_form_file_name (const char *station)
{
  g_autofree char *name = g_strdup (station);

  g_return_val_if_fail (station != NULL, NULL);
  /* what Windows, macOS and Linux all refuse in a file name */
  g_strdelimit (name, "/\\:*?\"<>|\n\r\t", '_');
  if (name[0] == '.')
    name[0] = '_';
  return g_strconcat (name, ".gwdoc", NULL);
}

/* The year most contracts start in; the clock's year when none says. */
static guint
round_year (GPtrArray *contracts)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint best = 0, best_n = 0;

  for (guint i = 0; i < contracts->len; i++)
    {
      GwContract *c = g_ptr_array_index (contracts, i);
      guint y = (guint) g_ascii_strtoull (c->values[GW_CONTRACT_START], NULL, 10);
      guint n;

      if (y == 0)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (y))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (y), GUINT_TO_POINTER (n));
      if (n > best_n || (n == best_n && y > best))
        best = y, best_n = n;
    }
  if (best == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      best = g_date_time_get_year (now);
    }
  return best;
}

static void
remove_written (GPtrArray *written)
{
  for (guint i = 0; i < written->len; i++)
    g_unlink (g_ptr_array_index (written, i));
  g_ptr_array_set_size (written, 0);
}

GPtrArray *
gw_round_create (GwTemplate          *tmpl,
                 GPtrArray           *contracts,
                 const GwRoundPolicy *policy,
                 const char          *source_path,
                 const char          *out_dir,
                 GError             **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GKeyFile) manifest = g_key_file_new ();
  g_autoptr(GPtrArray) stations = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest_data = NULL;
  g_autofree char *source_base = NULL;
  gsize manifest_len;

  g_return_val_if_fail (GW_IS_TEMPLATE (tmpl), NULL);
  g_return_val_if_fail (contracts != NULL, NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);

  manifest_path = g_build_filename (out_dir, GW_ROUND_MANIFEST, NULL);
  for (guint i = 0; i < contracts->len; i++)
    {
      GwContract *c = g_ptr_array_index (contracts, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = gw_round_form_file_name (c->values[GW_CONTRACT_STATION]);
      char *path = g_build_filename (out_dir, name, NULL);
      GwDocument *doc;

      g_ptr_array_add (paths, path);
      doc = gw_round_form_new (tmpl, c, policy, source_path, &local_error);
      if (doc == NULL)
        {
          if (problems->len)
            g_string_append_c (problems, '\n');
          g_string_append (problems, local_error->message);
          continue;
        }
      g_ptr_array_add (docs, doc);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (problems->len)
            g_string_append_c (problems, '\n');
          g_string_append_printf (problems, _("%s: already exists; a round never overwrites a form"),
                                  path);
        }
    }
  if (g_file_test (manifest_path, G_FILE_TEST_EXISTS))
    {
      if (problems->len)
        g_string_append_c (problems, '\n');
      g_string_append_printf (problems, _("%s: the folder already holds a round"), manifest_path);
    }
  if (problems->len)
    {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_INVALID, problems->str);
      return NULL;
    }

  if (g_mkdir_with_parents (out_dir, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s: cannot create the folder: %s"), out_dir, g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GwContract *c = g_ptr_array_index (contracts, i);

      if (!gw_document_save_gwdoc (g_ptr_array_index (docs, i), path, error))
        {
          remove_written (written);
          return NULL;
        }
      g_ptr_array_add (written, g_strdup (path));
      g_ptr_array_add (stations, c->values[GW_CONTRACT_STATION]);
      g_ptr_array_add (files, g_path_get_basename (path));
    }

  source_base = source_path ? g_path_get_basename (source_path) : g_strdup ("");
  g_key_file_set_comment (manifest, NULL, NULL,
                          " A Gongwen evaluation round (docs/evaluation-round.md)", NULL);
  g_key_file_set_integer (manifest, "Round", "Year", round_year (contracts));
  g_key_file_set_string (manifest, "Round", "Source", source_base);
  g_key_file_set_string (manifest, "Round", "Template", gw_template_get_id (tmpl));
  if (policy && policy->source)
    g_key_file_set_string (manifest, "Round", "Policy", policy->source);
  if (policy && policy->max_cycle_year)
    g_key_file_set_integer (manifest, "Round", "CycleYears", policy->max_cycle_year);
  g_key_file_set_string_list (manifest, "Round", "Stations",
                              (const char * const *) stations->pdata, stations->len);
  g_key_file_set_string_list (manifest, "Round", "Forms",
                              (const char * const *) files->pdata, files->len);
  for (guint i = 0; i < files->len; i++)
    g_free (g_ptr_array_index (files, i));
  manifest_data = g_key_file_to_data (manifest, &manifest_len, NULL);
  if (!g_file_set_contents (manifest_path, manifest_data, manifest_len, error))
    {
      remove_written (written);
      return NULL;
    }
  g_ptr_array_add (written, g_strdup (manifest_path));
  return g_steal_pointer (&written);
}

guint
gw_round_read_year (const char *dir)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = g_build_filename (dir, GW_ROUND_MANIFEST, NULL);

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL))
    return 0;
  return (guint) MAX (0, g_key_file_get_integer (kf, "Round", "Year", NULL));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(char **) a, *(char **) b);
}

char **
gw_round_list_forms (const char  *dir,
                     GError     **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)))
    {
      /* hidden files, and the lock files Word and WPS leave (~$name.docx) */
      if (name[0] == '.' || g_str_has_prefix (name, "~$"))
        continue;
      if (g_str_has_suffix (name, ".gwdoc"))
        {
          /* a scored STATION.docx beside it stands for the station (its
           * scores are read into this form by gw_round_open_form()) */
          g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".gwdoc"));
          g_autofree char *docx = g_strconcat (dir, G_DIR_SEPARATOR_S, stem, ".docx", NULL);

          if (!g_file_test (docx, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
        }
      else if (g_str_has_suffix (name, ".docx"))
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

/**
 * gw_round_open_form:
 * @path: a form of a round: STATION.gwdoc, or STATION.docx as an evaluator
 *   sent it back scored in Word or WPS
 * @error: return location for a #GError
 *
 * Opens one form of a round. A .docx is read into its .gwdoc twin (the form
 * the bureau sent out, whose indicators it matches by id and name); with no
 * twin beside it, it is opened as any .docx, which is then not a form the
 * round can read, and says so.
 *
 * Returns: (transfer full) (nullable): the form
 */
GwDocument *
gw_round_open_form (const char  *path,
                    GError     **error)
{
  g_autofree char *stem = NULL;
  g_autofree char *twin = NULL;
  g_autoptr(GwDocument) base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_str_has_suffix (path, ".docx"))
    return gw_document_open (path, error);
  stem = g_strndup (path, strlen (path) - strlen (".docx"));
  twin = g_strconcat (stem, ".gwdoc", NULL);
  if (!g_file_test (twin, G_FILE_TEST_IS_REGULAR))
    return gw_document_open (path, error);
  base = gw_document_open (twin, error);
  if (base == NULL)
    return NULL;
  return gw_import_docx_form_file (base, path, NULL, error);
}

/* ---- the roll-up -------------------------------------------------------- */

const char *
gw_form_status_to_label (GwFormStatus status)
{
  switch (status)
    {
    case GW_FORM_STATUS_NOT_STARTED: return _("not started");
    case GW_FORM_STATUS_SCORING:     return _("scoring");
    case GW_FORM_STATUS_COMPLETE:    return _("complete");
    case GW_FORM_STATUS_HAS_ERRORS:  return _("has errors");
    case GW_FORM_STATUS_UNREADABLE:  return _("unreadable");
    default:                         return "";
    }
}

char *
gw_round_format_score (double v)
{
  if (isnan (v))
    return g_strdup ("");
  /* scores move in halves or quarters: 86.5, 4.25 */
  return gw_number_format (v, 2);
}

static char *
station_of (GwDocument *doc,
            const char *path)
{
  const char *s = gw_document_get_field (doc, "station");
  GwEvaluation *ev = gw_document_get_evaluation (doc);
  g_autofree char *base = NULL;
  char *dot;

  if (s && *s)
    return g_strdup (s);
  /* a form not made by a round (or a .docx): its file is named after it */
  if (path)
    {
      base = g_path_get_basename (path);
      dot = strrchr (base, '.');
      if (dot && dot != base)
        *dot = '\0';
      return g_steal_pointer (&base);
    }
  if (ev)
    return g_strdup (gw_evaluation_get_field (ev, GW_EVAL_PROJECT));
  return g_strdup ("");
}

GwRoundRow *
gw_round_row_new (GwDocument *doc,
                  const char *path)
{
  GwRoundRow *row;
  GwEvaluation *ev;
  GListStore *sections;
  const char *s;

  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  ev = gw_document_get_evaluation (doc);
  if (ev == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("%s: is not an evaluation form"), path ? path : "");
      return gw_round_row_new_unreadable (path, msg);
    }
  row = g_new0 (GwRoundRow, 1);
  row->path = g_strdup (path);
  row->station = station_of (doc, path);
  row->operator_ = g_strdup (gw_evaluation_get_field (ev, GW_EVAL_OPERATOR));
  row->project = g_strdup (gw_evaluation_get_field (ev, GW_EVAL_PROJECT));
  row->cycle_year = gw_evaluation_get_cycle_year (ev);
  sections = gw_evaluation_get_sections (ev);
  row->n_sections = g_list_model_get_n_items (G_LIST_MODEL (sections));
  row->section_ids = g_new0 (char *, row->n_sections + 1);
  row->section_names = g_new0 (char *, row->n_sections + 1);
  row->subtotals = g_new0 (double, row->n_sections);
  row->section_max = g_new0 (double, row->n_sections);
  for (guint i = 0; i < row->n_sections; i++)
    {
      g_autoptr(GwEvalSection) sec = g_list_model_get_item (G_LIST_MODEL (sections), i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));

      row->section_ids[i] = g_strdup (gw_eval_section_get_id (sec));
      row->section_names[i] = g_strdup (gw_eval_section_get_name (sec));
      row->subtotals[i] = gw_eval_section_compute_subtotal (sec);
      row->section_max[i] = gw_eval_section_compute_max (sec);
      for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);

          row->n_indicators++;
          if (!isnan (gw_indicator_get_score (ind)))
            row->n_scored++;
        }
    }
  row->total = gw_evaluation_compute_total (ev);
  row->max = gw_evaluation_compute_max (ev);
  row->vetoed = gw_evaluation_any_veto (ev);
  row->grades = g_ptr_array_new_with_free_func (grade_free);
  for (guint i = 0; i < gw_evaluation_get_grades (ev)->len; i++)
    {
      GwGrade *g = g_ptr_array_index (gw_evaluation_get_grades (ev), i);
      GwGrade *copy = g_new0 (GwGrade, 1);

      copy->name = g_strdup (g->name);
      copy->min = g->min;
      g_ptr_array_add (row->grades, copy);
    }
  s = gw_evaluation_compute_grade (ev);
  row->grade = g_strdup (s ? s : "");
  s = gw_evaluation_compute_decision (ev);
  row->decision = g_strdup (s ? s : "");
  /* Every decision that does not renew the contract (不予续签, 周期届满,
   * 终止合同 …) puts the station out to tender again; docs/evaluation-round.md
   * states this reading of the tables' wording. */
  row->reprocure = *row->decision &&
                   (strstr (row->decision, "续签") == NULL || strstr (row->decision, "不予续签") ||
                    strstr (row->decision, "不续签") || strstr (row->decision, "重新"));

  if (row->n_scored == 0)
    row->status = GW_FORM_STATUS_NOT_STARTED;
  else
    {
      const char * const *evaluators = gw_evaluation_get_evaluators (ev);
      const char *leader = gw_evaluation_get_field (ev, GW_EVAL_TEAM_LEADER);
      const char *date = gw_evaluation_get_field (ev, GW_EVAL_DATE);
      guint n_eval = 0;

      for (guint i = 0; evaluators && evaluators[i]; i++)
        {
          g_autofree char *name = g_strstrip (g_strdup (evaluators[i]));
          n_eval += *name != '\0';
        }
      /* signed off: every score, the team leader, three evaluators, the date */
      if (row->n_scored == row->n_indicators && leader && *leader && date && *date && n_eval >= 3)
        row->status = GW_FORM_STATUS_COMPLETE;
      else
        row->status = GW_FORM_STATUS_SCORING;
    }
  return row;
}

GwRoundRow *
gw_round_row_new_unreadable (const char *path,
                             const char *message)
{
  GwRoundRow *row = g_new0 (GwRoundRow, 1);
  g_autofree char *base = path ? g_path_get_basename (path) : g_strdup ("");

  row->path = g_strdup (path);
  row->station = g_steal_pointer (&base);
  row->operator_ = g_strdup ("");
  row->project = g_strdup ("");
  row->section_ids = g_new0 (char *, 1);
  row->section_names = g_new0 (char *, 1);
  row->grade = g_strdup ("");
  row->decision = g_strdup ("");
  row->total = row->max = NAN;
  row->status = GW_FORM_STATUS_UNREADABLE;
  row->error = g_strdup (message);
  return row;
}

void
gw_round_row_set_findings (GwRoundRow *row,
                           guint       n_findings,
                           guint       n_errors)
{
  g_return_if_fail (row != NULL);
  row->n_findings = n_findings;
  row->n_errors = n_errors;
  if (n_errors > 0 && row->status != GW_FORM_STATUS_UNREADABLE)
    row->status = GW_FORM_STATUS_HAS_ERRORS;
}

void
gw_round_row_free (GwRoundRow *row)
{
  if (row == NULL)
    return;
  g_free (row->path);
  g_free (row->station);
  g_free (row->operator_);
  g_free (row->project);
  g_strfreev (row->section_ids);
  g_strfreev (row->section_names);
  g_free (row->subtotals);
  g_free (row->section_max);
  g_free (row->grade);
  g_free (row->decision);
  g_free (row->error);
  g_clear_pointer (&row->grades, g_ptr_array_unref);
  g_free (row);
}

GwRoundSummary *
gw_round_summary_new (void)
{
  GwRoundSummary *s = g_new0 (GwRoundSummary, 1);

  s->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_round_row_free);
  s->grade_names = g_ptr_array_new_with_free_func (g_free);
  s->grade_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  s->mean_total = NAN;
  return s;
}

void
gw_round_summary_add (GwRoundSummary *summary,
                      GwRoundRow     *row)
{
  g_return_if_fail (summary != NULL && row != NULL);
  g_ptr_array_add (summary->rows, row);
}

void
gw_round_summary_free (GwRoundSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->rows);
  g_ptr_array_unref (summary->grade_names);
  g_array_unref (summary->grade_counts);
  g_strfreev (summary->section_ids);
  g_strfreev (summary->section_names);
  g_free (summary->section_max);
  g_clear_pointer (&summary->grades, g_ptr_array_unref);
  g_free (summary);
}

void
gw_round_summary_finish (GwRoundSummary *s)
{
  double sum = 0;

  g_return_if_fail (s != NULL);

  s->n_read = s->n_unreadable = s->n_with_errors = s->n_counted = s->n_unfinished = 0;
  g_ptr_array_set_size (s->grade_names, 0);
  g_array_set_size (s->grade_counts, 0);
  for (guint i = 0; i < s->rows->len; i++)
    {
      GwRoundRow *r = g_ptr_array_index (s->rows, i);
      guint k;

      if (r->status == GW_FORM_STATUS_UNREADABLE)
        {
          s->n_unreadable++;
          continue;
        }
      s->n_read++;
      if (s->section_ids == NULL)
        {
          s->n_sections = r->n_sections;
          s->section_ids = g_strdupv (r->section_ids);
          s->section_names = g_strdupv (r->section_names);
          s->section_max = g_memdup2 (r->section_max, sizeof (double) * MAX (r->n_sections, 1));
          s->grades = r->grades ? g_ptr_array_ref (r->grades) : NULL;
        }
      if (r->n_errors > 0)
        {
          /* never averaged in: listed apart, figures marked */
          s->n_with_errors++;
          continue;
        }
      if (!GW_ROUND_ROW_FINISHED (r))
        {
          /* blanks count 0 in its total: no grade to count yet */
          s->n_unfinished++;
          continue;
        }
      s->n_counted++;
      sum += r->total;
      for (k = 0; k < s->grade_names->len; k++)
        if (g_str_equal (g_ptr_array_index (s->grade_names, k), r->grade))
          break;
      if (k == s->grade_names->len)
        {
          guint zero = 0;
          g_ptr_array_add (s->grade_names, g_strdup (r->grade));
          g_array_append_val (s->grade_counts, zero);
        }
      g_array_index (s->grade_counts, guint, k)++;
    }
  s->mean_total = s->n_counted ? sum / s->n_counted : NAN;
  /* the distribution in the scale's order, highest first, every grade shown */
  if (s->grades)
    for (guint g = s->grades->len; g-- > 0;)
      {
        const char *name = ((GwGrade *) g_ptr_array_index (s->grades, g))->name;
        guint k, n = 0;

        for (k = 0; k < s->grade_names->len; k++)
          if (g_str_equal (g_ptr_array_index (s->grade_names, k), name))
            break;
        if (k < s->grade_names->len)
          {
            n = g_array_index (s->grade_counts, guint, k);
            g_ptr_array_remove_index (s->grade_names, k);
            g_array_remove_index (s->grade_counts, k);
          }
        g_ptr_array_insert (s->grade_names, 0, g_strdup (name));
        g_array_prepend_val (s->grade_counts, n);
      }
}

static void
csv_cell (GString    *out,
          const char *text,
          gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") || text[0] == '=' || text[0] == '+' || text[0] == '@')
    {
      g_string_append_c (out, '"');
      /* a leading = would make Excel compute the cell: keep it text */
      if (text[0] == '=' || text[0] == '+' || text[0] == '@')
        g_string_append_c (out, '\'');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

GBytes *
gw_round_summary_to_csv (GwRoundSummary *s)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (s != NULL, NULL);

  csv_cell (out, _("Station"), FALSE);
  csv_cell (out, _("Operator"), FALSE);
  csv_cell (out, _("Cycle year"), FALSE);
  for (guint k = 0; k < s->n_sections; k++)
    {
      g_autofree char *h = g_strdup_printf ("%s %s", s->section_ids[k], s->section_names[k]);
      csv_cell (out, h, FALSE);
    }
  csv_cell (out, _("Total"), FALSE);
  csv_cell (out, _("Veto"), FALSE);
  csv_cell (out, _("Grade"), FALSE);
  csv_cell (out, _("Decision"), FALSE);
  csv_cell (out, _("Findings"), FALSE);
  csv_cell (out, _("Errors"), FALSE);
  csv_cell (out, _("Status"), FALSE);
  csv_cell (out, _("File"), TRUE);
  for (guint i = 0; i < s->rows->len; i++)
    {
      GwRoundRow *r = g_ptr_array_index (s->rows, i);
      g_autofree char *year = r->cycle_year ? g_strdup_printf ("%u", r->cycle_year) : g_strdup ("");
      g_autofree char *total = gw_round_format_score (r->total);
      g_autofree char *nf = g_strdup_printf ("%u", r->n_findings);
      g_autofree char *ne = g_strdup_printf ("%u", r->n_errors);
      gboolean readable = r->status != GW_FORM_STATUS_UNREADABLE;

      csv_cell (out, r->station, FALSE);
      csv_cell (out, r->operator_, FALSE);
      csv_cell (out, year, FALSE);
      for (guint k = 0; k < s->n_sections; k++)
        {
          g_autofree char *v = NULL;

          /* a form laid out otherwise: match its sections by id */
          for (guint j = 0; j < r->n_sections && v == NULL; j++)
            if (g_str_equal (r->section_ids[j], s->section_ids[k]))
              v = gw_round_format_score (r->subtotals[j]);
          csv_cell (out, v ? v : "", FALSE);
        }
      csv_cell (out, total, FALSE);
      csv_cell (out, readable ? (r->vetoed ? _("yes") : _("no")) : "", FALSE);
      /* a form still being scored has no grade yet, whatever its blanks give */
      csv_cell (out, GW_ROUND_ROW_FINISHED (r) ? r->grade : "", FALSE);
      csv_cell (out, GW_ROUND_ROW_FINISHED (r) ? r->decision : "", FALSE);
      csv_cell (out, readable ? nf : "", FALSE);
      csv_cell (out, readable ? ne : "", FALSE);
      csv_cell (out, r->status == GW_FORM_STATUS_UNREADABLE && r->error ? r->error
                     : gw_form_status_to_label (r->status), FALSE);
      csv_cell (out, r->path, TRUE);
    }
  return g_string_free_to_bytes (out);
}
