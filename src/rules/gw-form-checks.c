/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-form-checks"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-form-checks.h"
#include "gw-numeral.h"
#include "gw-text.h"

/* Subtotals and totals are written with two decimals at most; the catalogue
 * allows ±0.01. The small extra keeps binary rounding out of the verdict. */
#define SUM_TOLERANCE 0.01
#define FLOAT_SLACK   1e-6

/* ---- small helpers ------------------------------------------------------ */

void
gw_form_issue_free (GwFormIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->target);
  g_free (issue->detail);
  g_free (issue);
}

static GPtrArray *
new_issue_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gw_form_issue_free);
}

static void add_issue (GPtrArray  *issues,
                       const char *target,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_issue (GPtrArray  *issues,
           const char *target,
           const char *format,
           ...)
{
  GwFormIssue *issue = g_new0 (GwFormIssue, 1);
  va_list args;

  va_start (args, format);
  issue->target = g_strdup (target);
  issue->detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (issues, issue);
}

/* A number as a person writes it on the form: 5, 4.5, 87.25 — never
 * 5.000000, and with a '.' whatever the locale. */
static char *
format_number (double v)
{
  if (!isfinite (v))
    return g_strdup (isnan (v) ? "—" : (v > 0 ? "∞" : "-∞"));
  return gw_number_format (v, 2);
}

/* The field's text with surrounding spaces removed, or NULL when blank. */
static char *
field_text (GwEvaluation *ev,
            GwEvalField   field)
{
  const char *value = gw_evaluation_get_field (ev, field);
  g_autofree char *folded = NULL;

  if (value == NULL)
    return NULL;
  folded = gw_text_fold_width (value);
  g_strstrip (folded);
  if (*folded == '\0')
    return NULL;
  return g_steal_pointer (&folded);
}

static const char *
field_target (GwEvalField field)
{
  return gw_eval_field_to_string (field);
}

/* What the person sees on the form, for messages. */
static const char *
field_label (GwEvalField field)
{
  switch (field)
    {
    case GW_EVAL_PROJECT:           return _("Project name");
    case GW_EVAL_TIER:              return _("Station tier");
    case GW_EVAL_PURCHASER:         return _("Purchaser");
    case GW_EVAL_OPERATOR:          return _("Operator");
    case GW_EVAL_CREDIT_CODE:       return _("Unified social credit code");
    case GW_EVAL_CONTRACT_NUMBER:   return _("Contract number");
    case GW_EVAL_CONTRACT_AMOUNT:   return _("Contract amount");
    case GW_EVAL_FUNDS_USED:        return _("Funds used");
    case GW_EVAL_FUNDS_EXPLANATION: return _("Explanation of the use of funds");
    case GW_EVAL_SERVICE_START:     return _("Start of the service period");
    case GW_EVAL_SERVICE_END:       return _("End of the service period");
    case GW_EVAL_CYCLE_YEAR:        return _("Year of the cycle");
    case GW_EVAL_TYPE:              return _("Evaluation type");
    case GW_EVAL_EVALUATOR:         return _("Evaluator");
    case GW_EVAL_DATE:              return _("Evaluation date");
    case GW_EVAL_TEAM_LEADER:       return _("Team leader");
    case GW_EVAL_EVALUATORS_DATE:   return _("Date of the evaluators' signatures");
    case GW_EVAL_OPERATOR_ACK:      return _("Operator's acknowledgement");
    case GW_EVAL_OPERATOR_ACK_DATE: return _("Date of the operator's acknowledgement");
    case GW_EVAL_PURCHASER_OPINION: return _("Purchaser's opinion");
    case GW_EVAL_PURCHASER_DATE:    return _("Date of the purchaser's opinion");
    case GW_EVAL_BUREAU_REVIEW:     return _("Bureau's review");
    case GW_EVAL_BUREAU_DATE:       return _("Date of the bureau's review");
    case GW_EVAL_STATED_GRADE:      return _("Grade");
    case GW_EVAL_STATED_DECISION:   return _("Decision");
    case GW_EVAL_OVERRIDE_REASON:   return _("Reason for overriding the decision");
    case GW_EVAL_OPINION:           return _("Governing opinion");
    case GW_N_EVAL_FIELDS:
    default:
      break;
    }
  g_assert_not_reached ();
  return NULL;
}

/* "A1 人员配备与持证率", or just the id when the row has no name. */
static char *
row_label (const char *id,
           const char *name)
{
  if (name == NULL || *name == '\0')
    return g_strdup (id);
  return g_strdup_printf ("%s %s", id, name);
}

static char *
indicator_label (GwIndicator *indicator)
{
  return row_label (gw_indicator_get_id (indicator),
                    gw_indicator_get_name (indicator));
}

static char *
section_label (GwEvalSection *section)
{
  return row_label (gw_eval_section_get_id (section),
                    gw_eval_section_get_name (section));
}

static guint
n_items (GListStore *store)
{
  return store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;
}

/* Sum of the scores written in a section; blank cells count 0 here because
 * score-range reports them. Computed here rather than taken from the model
 * so that a check never trusts the arithmetic it is checking. */
static double
section_score_sum (GwEvalSection *section)
{
  GListStore *indicators = gw_eval_section_get_indicators (section);
  double sum = 0;

  for (guint i = 0; i < n_items (indicators); i++)
    {
      g_autoptr(GwIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (indicators), i);
      double score = gw_indicator_get_score (indicator);

      if (!isnan (score))
        sum += score;
    }
  return sum;
}

static double
total_score (GwEvaluation *ev)
{
  GListStore *sections = gw_evaluation_get_sections (ev);
  double sum = 0;

  for (guint i = 0; i < n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (G_LIST_MODEL (sections), i);

      sum += section_score_sum (section);
    }
  /* A total of 79.99999999 from adding steps of 0.1 is 80 on paper, and
   * 80 is 良好 on the default scale. */
  return round (sum * 1e6) / 1e6;
}

/* The ticked veto items' texts joined with 、, or NULL when none is ticked. */
static char *
ticked_veto_items (GwEvaluation *ev)
{
  GListStore *items = gw_evaluation_get_veto_items (ev);
  g_autoptr(GString) out = NULL;

  for (guint i = 0; i < n_items (items); i++)
    {
      g_autoptr(GwVetoItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (!gw_veto_item_get_ticked (item))
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, "、");
      g_string_append (out, gw_veto_item_get_text (item));
    }
  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* The grade with the lowest threshold: where a veto sends the form. */
static const char *
lowest_grade (GwEvaluation *ev)
{
  GPtrArray *grades = gw_evaluation_get_grades (ev);
  const GwGrade *lowest = NULL;

  for (guint i = 0; grades != NULL && i < grades->len; i++)
    {
      const GwGrade *grade = g_ptr_array_index (grades, i);

      if (lowest == NULL || grade->min <= lowest->min)
        lowest = grade;
    }
  return lowest != NULL ? lowest->name : NULL;
}

static gboolean
grade_in_scale (GwEvaluation *ev,
                const char   *name)
{
  GPtrArray *grades = gw_evaluation_get_grades (ev);

  for (guint i = 0; grades != NULL && i < grades->len; i++)
    {
      const GwGrade *grade = g_ptr_array_index (grades, i);

      if (g_strcmp0 (grade->name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
scale_names (GwEvaluation *ev)
{
  GPtrArray *grades = gw_evaluation_get_grades (ev);
  GString *out = g_string_new (NULL);

  for (guint i = 0; grades != NULL && i < grades->len; i++)
    {
      const GwGrade *grade = g_ptr_array_index (grades, i);

      if (i > 0)
        g_string_append (out, "、");
      g_string_append (out, grade->name);
    }
  return g_string_free (out, FALSE);
}

/* Decisions are long sentences typed by hand: spaces, half-width
 * punctuation and a final full stop must not make a right one wrong.
 * Folding the width maps ，；：（） to their ASCII forms on both sides. */
static char *
normalize_sentence (const char *text)
{
  g_autofree char *folded = gw_text_fold_width (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  for (;;)
    {
      if (g_str_has_suffix (out->str, "。"))
        g_string_truncate (out, out->len - strlen ("。"));
      else if (g_str_has_suffix (out->str, "."))
        g_string_truncate (out, out->len - 1);
      else
        break;
    }
  return g_string_free (out, FALSE);
}

/* The longest cycle the decision table speaks of; the catalogue's three
 * years (contract.term-max-3y) when the table only has "any year" rows. */
static guint
max_cycle_year (GwEvaluation *ev)
{
  GPtrArray *rules = gw_evaluation_get_decisions (ev);
  guint max = 0;

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const GwDecisionRule *rule = g_ptr_array_index (rules, i);

      max = MAX (max, rule->cycle_year);
    }
  return max > 0 ? max : 3;
}

/* ---- the checks --------------------------------------------------------- */

/* form.max-sum-100 */
static void
check_max_sum_100 (GwEvaluation *ev,
                   GwDocument   *doc,
                   GPtrArray    *issues)
{
  GListStore *sections = gw_evaluation_get_sections (ev);
  double all = 0;

  for (guint i = 0; i < n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (G_LIST_MODEL (sections), i);
      GListStore *indicators = gw_eval_section_get_indicators (section);
      double sum = 0, stated = gw_eval_section_get_max (section);

      for (guint j = 0; j < n_items (indicators); j++)
        {
          g_autoptr(GwIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (indicators), j);
          double max = gw_indicator_get_max (indicator);

          if (!isfinite (max) || max <= 0)
            {
              g_autofree char *label = indicator_label (indicator);
              g_autofree char *n = format_number (max);

              add_issue (issues, gw_indicator_get_id (indicator),
                         _("%s: its maximum %s is not a positive number of points"),
                         label, n);
              continue;
            }
          sum += max;
        }

      if (!(fabs (stated - sum) <= FLOAT_SLACK))
        {
          g_autofree char *label = section_label (section);
          g_autofree char *a = format_number (stated);
          g_autofree char *b = format_number (sum);

          add_issue (issues, gw_eval_section_get_id (section),
                     _("Section %s: its maximum %s is not the sum of its indicators' maxima, %s"),
                     label, a, b);
        }
      all += sum;
    }

  if (!(fabs (all - 100.0) <= FLOAT_SLACK))
    {
      g_autofree char *a = format_number (all);

      add_issue (issues, "total",
                 _("The indicators' maxima add up to %s points, not 100"), a);
    }
}

/* form.score-range */
static void
check_score_range (GwEvaluation *ev,
                   GwDocument   *doc,
                   GPtrArray    *issues)
{
  GListStore *sections = gw_evaluation_get_sections (ev);
  double step = gw_evaluation_get_step (ev);

  for (guint i = 0; i < n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (G_LIST_MODEL (sections), i);
      GListStore *indicators = gw_eval_section_get_indicators (section);

      for (guint j = 0; j < n_items (indicators); j++)
        {
          g_autoptr(GwIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (indicators), j);
          const char *id = gw_indicator_get_id (indicator);
          double score = gw_indicator_get_score (indicator);
          double max = gw_indicator_get_max (indicator);
          g_autofree char *label = indicator_label (indicator);
          g_autofree char *s = format_number (score);
          g_autofree char *m = format_number (max);

          if (isnan (score))
            add_issue (issues, id, _("%s: no score is written (the cell is blank)"), label);
          else if (score < 0)
            add_issue (issues, id, _("%s: score %s is below 0"), label, s);
          else if (score > max + FLOAT_SLACK)
            add_issue (issues, id, _("%s: score %s is above its maximum %s"), label, s, m);
          else if (isfinite (step) && step > 0
                   && fabs (score / step - round (score / step)) > FLOAT_SLACK)
            {
              /* The exact value, not rounded: 4.25 on a 0.5 step must not
               * read as "4.25 … step 0.5" rounded to something on-step. */
              g_autofree char *st = format_number (step);
              g_autofree char *exact = gw_number_format (score, -1);

              add_issue (issues, id,
                         _("%s: score %s is not a multiple of the form's step %s"),
                         label, exact, st);
            }
        }
    }
}

/* form.subtotals */
static void
check_subtotals (GwEvaluation *ev,
                 GwDocument   *doc,
                 GPtrArray    *issues)
{
  GListStore *sections = gw_evaluation_get_sections (ev);
  double stated_total = gw_evaluation_get_stated_total (ev);

  for (guint i = 0; i < n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (G_LIST_MODEL (sections), i);
      double stated = gw_eval_section_get_stated_subtotal (section);
      double sum = section_score_sum (section);

      if (isnan (stated))
        continue;
      if (!(fabs (stated - sum) <= SUM_TOLERANCE + FLOAT_SLACK))
        {
          g_autofree char *label = section_label (section);
          g_autofree char *a = format_number (stated);
          g_autofree char *b = format_number (sum);

          add_issue (issues, gw_eval_section_get_id (section),
                     _("Section %s: the subtotal %s is not the sum of its scores, %s"),
                     label, a, b);
        }
    }

  /* Against the true subtotals, not the stated ones: a wrong subtotal
   * carried into the total makes the total wrong as well, and the grade
   * follows the total. */
  if (!isnan (stated_total))
    {
      double sum = total_score (ev);

      if (!(fabs (stated_total - sum) <= SUM_TOLERANCE + FLOAT_SLACK))
        {
          g_autofree char *a = format_number (stated_total);
          g_autofree char *b = format_number (sum);

          add_issue (issues, "total",
                     _("The total %s is not the sum of the section subtotals, %s"),
                     a, b);
        }
    }
}

/* form.grade-matches-score */
static void
check_grade_matches_score (GwEvaluation *ev,
                           GwDocument   *doc,
                           GPtrArray    *issues)
{
  g_autofree char *stated = field_text (ev, GW_EVAL_STATED_GRADE);
  g_autofree char *total_text = NULL;
  g_autofree char *ticked = NULL;
  double total;
  const char *expected;

  /* Nothing written, nothing to disagree with: the program fills it in. */
  if (stated == NULL)
    return;

  if (!grade_in_scale (ev, stated))
    {
      g_autofree char *names = scale_names (ev);

      if (*names == '\0')
        add_issue (issues, "grade",
                   _("The grade “%s” is stated but the form defines no grade scale"),
                   stated);
      else
        add_issue (issues, "grade",
                   _("The grade “%s” is not one of the form's grades (%s)"),
                   stated, names);
      return;
    }

  total = total_score (ev);
  total_text = format_number (total);
  expected = gw_evaluation_grade_for_total (ev, total, FALSE);
  if (g_strcmp0 (stated, expected) == 0)
    return;
  /* With a veto item ticked the lowest grade is right whatever the score;
   * whether it was applied is form.veto's finding, not this one's. */
  ticked = ticked_veto_items (ev);
  if (ticked != NULL && g_strcmp0 (stated, lowest_grade (ev)) == 0)
    return;

  add_issue (issues, "grade",
             _("The grade %s does not match the total %s, which gives %s"),
             stated, total_text, expected != NULL ? expected : "—");
}

/* form.veto */
static void
check_veto (GwEvaluation *ev,
            GwDocument   *doc,
            GPtrArray    *issues)
{
  g_autofree char *ticked = ticked_veto_items (ev);
  g_autofree char *stated = NULL;
  g_autofree char *total = NULL;
  const char *lowest;

  if (ticked == NULL)
    return;
  stated = field_text (ev, GW_EVAL_STATED_GRADE);
  if (stated == NULL)
    return;
  lowest = lowest_grade (ev);
  if (lowest == NULL || g_strcmp0 (stated, lowest) == 0)
    return;

  total = format_number (total_score (ev));
  add_issue (issues, "grade",
             _("Veto item “%s” is ticked, so the grade must be %s whatever the score; the form states %s (total %s)"),
             ticked, lowest, stated, total);
}

/* form.renewal-matches-grade */
static void
check_renewal_matches_grade (GwEvaluation *ev,
                             GwDocument   *doc,
                             GPtrArray    *issues)
{
  g_autofree char *stated = field_text (ev, GW_EVAL_STATED_DECISION);
  g_autofree char *reason = field_text (ev, GW_EVAL_OVERRIDE_REASON);
  g_autofree char *ticked = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *grade, *expected;
  guint year;

  if (stated == NULL)
    return;
  /* A person may decide otherwise, but only in writing. */
  if (reason != NULL)
    return;
  /* A missing or impossible year is form.required-fields' finding. */
  year = gw_evaluation_get_cycle_year (ev);
  if (year == 0 || year > max_cycle_year (ev))
    return;

  ticked = ticked_veto_items (ev);
  grade = gw_evaluation_grade_for_total (ev, total_score (ev), ticked != NULL);
  if (grade == NULL)
    return;  /* no scale: form.grade-matches-score says so */

  expected = gw_evaluation_decision_for (ev, grade, year);
  if (expected == NULL)
    {
      add_issue (issues, "decision",
                 _("The form's decision table gives no decision for grade %s in year %u of the cycle"),
                 grade, year);
      return;
    }

  a = normalize_sentence (stated);
  b = normalize_sentence (expected);
  if (g_strcmp0 (a, b) != 0)
    add_issue (issues, "decision",
               _("The decision “%s” is not the one the decision table gives for grade %s in year %u of the cycle, “%s”; overriding it needs a written reason"),
               stated, grade, year, expected);
}

/* form.required-fields */
static void
check_required_fields (GwEvaluation *ev,
                       GwDocument   *doc,
                       GPtrArray    *issues)
{
  static const GwEvalField required[] = {
    GW_EVAL_OPERATOR,
    GW_EVAL_CREDIT_CODE,
    GW_EVAL_PROJECT,
    GW_EVAL_CONTRACT_NUMBER,
    GW_EVAL_SERVICE_START,
    GW_EVAL_SERVICE_END,
    GW_EVAL_CYCLE_YEAR,
    GW_EVAL_CONTRACT_AMOUNT,
    GW_EVAL_EVALUATOR,
    GW_EVAL_DATE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      GwEvalField field = required[i];
      g_autofree char *value = field_text (ev, field);

      if (value == NULL)
        {
          add_issue (issues, field_target (field), _("%s is not filled in"),
                     field_label (field));
          continue;
        }

      if (field == GW_EVAL_CREDIT_CODE)
        {
          g_autofree char *why = NULL;

          if (!gw_credit_code_validate (value, &why))
            add_issue (issues, field_target (field),
                       _("The unified social credit code “%s” is not valid: %s"),
                       value, why);
        }
      else if (field == GW_EVAL_CYCLE_YEAR)
        {
          /* Read the way the model reads it, so that what passes here is
           * what the program computes the decision from. */
          guint year = gw_evaluation_get_cycle_year (ev);
          guint max = max_cycle_year (ev);

          if (year == 0 || year > max)
            add_issue (issues, field_target (field),
                       _("The year of the cycle “%s” is not a number from 1 to %u"),
                       value, max);
        }
      else if (field == GW_EVAL_CONTRACT_AMOUNT)
        {
          double amount;

          if (!gw_form_parse_amount (value, &amount) || !(amount > 0))
            add_issue (issues, field_target (field),
                       _("The contract amount “%s” is not a positive amount of money"),
                       value);
        }
    }
}

/* form.dates */
static void
check_dates (GwEvaluation *ev,
             GwDocument   *doc,
             GPtrArray    *issues)
{
  static const GwEvalField date_fields[] = {
    GW_EVAL_SERVICE_START,
    GW_EVAL_SERVICE_END,
    GW_EVAL_DATE,
    GW_EVAL_EVALUATORS_DATE,
    GW_EVAL_OPERATOR_ACK_DATE,
    GW_EVAL_PURCHASER_DATE,
    GW_EVAL_BUREAU_DATE,
  };
  static const GwEvalField signoff_fields[] = {
    GW_EVAL_EVALUATORS_DATE,
    GW_EVAL_OPERATOR_ACK_DATE,
    GW_EVAL_PURCHASER_DATE,
    GW_EVAL_BUREAU_DATE,
  };
  GDate dates[GW_N_EVAL_FIELDS];
  gboolean valid[GW_N_EVAL_FIELDS] = { FALSE, };
  char *texts[GW_N_EVAL_FIELDS] = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      GwEvalField field = date_fields[i];

      texts[field] = field_text (ev, field);
      if (texts[field] == NULL)
        continue;  /* form.required-fields or form.signatures */
      valid[field] = gw_form_parse_date (texts[field], &dates[field]);
      if (!valid[field])
        add_issue (issues, field_target (field),
                   _("%s “%s” is not a date; write it as 2024年1月1日 or 2024-01-01"),
                   field_label (field), texts[field]);
    }

  if (valid[GW_EVAL_SERVICE_START] && valid[GW_EVAL_SERVICE_END])
    {
      GDate *start = &dates[GW_EVAL_SERVICE_START];
      GDate *end = &dates[GW_EVAL_SERVICE_END];
      GDate limit = *start;

      /* The form is for one yearly contract of the cycle. A period written
       * 2024年1月1日至2025年1月1日 is still one year as people write it,
       * so the limit is the same day a year on, not the day before. */
      g_date_add_months (&limit, 12);

      if (g_date_compare (start, end) >= 0)
        add_issue (issues, field_target (GW_EVAL_SERVICE_END),
                   _("The service period ends (%s) before it starts (%s)"),
                   texts[GW_EVAL_SERVICE_END], texts[GW_EVAL_SERVICE_START]);
      else if (g_date_compare (end, &limit) > 0)
        add_issue (issues, field_target (GW_EVAL_SERVICE_END),
                   _("The service period from %s to %s is longer than the 12 months of a yearly contract"),
                   texts[GW_EVAL_SERVICE_START], texts[GW_EVAL_SERVICE_END]);
    }

  if (valid[GW_EVAL_DATE])
    {
      for (guint i = 0; i < G_N_ELEMENTS (signoff_fields); i++)
        {
          GwEvalField field = signoff_fields[i];

          if (valid[field] && g_date_compare (&dates[field], &dates[GW_EVAL_DATE]) < 0)
            add_issue (issues, field_target (field),
                       _("%s %s is before the evaluation date %s"),
                       field_label (field), texts[field], texts[GW_EVAL_DATE]);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
}

/* form.signatures */
static void
check_signatures (GwEvaluation *ev,
                  GwDocument   *doc,
                  GPtrArray    *issues)
{
  static const struct {
    GwEvalField field;
    const char *message;
  } signoffs[] = {
    { GW_EVAL_TEAM_LEADER, N_("The evaluation team leader has not signed") },
    { GW_EVAL_OPERATOR_ACK, N_("The operator's head has not signed to acknowledge the result") },
    { GW_EVAL_PURCHASER_OPINION, N_("The purchaser's opinion is not written") },
    { GW_EVAL_BUREAU_REVIEW, N_("The bureau's review is not written") },
  };
  /* The catalogue's minimum (form.signatures): an evaluation by fewer than
   * three people is not a team's evaluation. */
  const guint min_evaluators = 3;
  const char * const *names = gw_evaluation_get_evaluators (ev);
  g_autoptr(GPtrArray) distinct = g_ptr_array_new_with_free_func (g_free);

  /* The same name typed twice is one evaluator. */
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = gw_text_fold_width (names[i]);

      g_strstrip (name);
      if (*name != '\0'
          && !g_ptr_array_find_with_equal_func (distinct, name, g_str_equal, NULL))
        g_ptr_array_add (distinct, g_steal_pointer (&name));
    }
  if (distinct->len < min_evaluators)
    add_issue (issues, "evaluators",
               g_dngettext (GETTEXT_PACKAGE,
                            "Only %u evaluator has signed; at least %u must sign",
                            "Only %u evaluators have signed; at least %u must sign",
                            distinct->len),
               distinct->len, min_evaluators);

  for (guint i = 0; i < G_N_ELEMENTS (signoffs); i++)
    {
      g_autofree char *value = field_text (ev, signoffs[i].field);

      if (value == NULL)
        add_issue (issues, field_target (signoffs[i].field), "%s",
                   _(signoffs[i].message));
    }
}

/* form.money-consistency */
static void
check_money_consistency (GwEvaluation *ev,
                         GwDocument   *doc,
                         GPtrArray    *issues)
{
  /* The catalogue's band (form.money-consistency): spending under 80% of
   * the contract, or over it, needs a word of explanation. */
  const double low = 80.0, high = 100.0;
  g_autofree char *used_text = field_text (ev, GW_EVAL_FUNDS_USED);
  g_autofree char *amount_text = field_text (ev, GW_EVAL_CONTRACT_AMOUNT);
  g_autofree char *explanation = field_text (ev, GW_EVAL_FUNDS_EXPLANATION);
  g_autofree char *u = NULL;
  g_autofree char *a = NULL;
  g_autofree char *r = NULL;
  double used, amount, percent;

  if (used_text == NULL)
    return;
  if (amount_text == NULL || !gw_form_parse_amount (amount_text, &amount) || !(amount > 0))
    return;  /* form.required-fields */
  if (!gw_form_parse_amount (used_text, &used) || used < 0)
    {
      add_issue (issues, field_target (GW_EVAL_FUNDS_USED),
                 _("%s “%s” is not an amount of money"),
                 field_label (GW_EVAL_FUNDS_USED), used_text);
      return;
    }

  percent = used / amount * 100.0;
  if (percent >= low - FLOAT_SLACK && percent <= high + FLOAT_SLACK)
    return;
  if (explanation != NULL)
    return;

  u = format_number (used);
  a = format_number (amount);
  /* 79.9997% must not print as 80%, inside the band it is said to leave. */
  r = format_number (percent);
  if (g_ascii_strtod (r, NULL) >= low && g_ascii_strtod (r, NULL) <= high)
    {
      g_clear_pointer (&r, g_free);
      r = gw_number_format (percent, 4);
    }
  add_issue (issues, field_target (GW_EVAL_FUNDS_USED),
             _("Funds used, %s yuan, are %s%% of the contract amount %s yuan, outside 80–100%%, and no explanation is written"),
             u, r, a);
}

/* ---- dispatch ----------------------------------------------------------- */

typedef void (*FormCheckFunc) (GwEvaluation *ev,
                               GwDocument   *doc,
                               GPtrArray    *issues);

static const struct {
  const char    *name;
  FormCheckFunc  func;
} form_checks[] = {
  { "max-sum-100", check_max_sum_100 },
  { "score-range", check_score_range },
  { "subtotals", check_subtotals },
  { "grade-matches-score", check_grade_matches_score },
  { "veto", check_veto },
  { "renewal-matches-grade", check_renewal_matches_grade },
  { "required-fields", check_required_fields },
  { "dates", check_dates },
  { "signatures", check_signatures },
  { "money-consistency", check_money_consistency },
};

static const char * const form_check_names[] = {
  "max-sum-100",
  "score-range",
  "subtotals",
  "grade-matches-score",
  "veto",
  "renewal-matches-grade",
  "required-fields",
  "dates",
  "signatures",
  "money-consistency",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (form_check_names) == G_N_ELEMENTS (form_checks) + 1);

const char * const *
gw_form_check_names (void)
{
  return form_check_names;
}

GPtrArray *
gw_form_check (const char   *check_name,
               GwEvaluation *evaluation,
               GwDocument   *doc)
{
  g_autoptr(GPtrArray) issues = new_issue_array ();

  g_return_val_if_fail (check_name != NULL, g_steal_pointer (&issues));
  g_return_val_if_fail (evaluation == NULL || GW_IS_EVALUATION (evaluation), g_steal_pointer (&issues));
  g_return_val_if_fail (doc == NULL || GW_IS_DOCUMENT (doc), g_steal_pointer (&issues));

  if (evaluation == NULL && doc != NULL)
    evaluation = gw_document_get_evaluation (doc);
  g_return_val_if_fail (evaluation != NULL, g_steal_pointer (&issues));

  for (guint i = 0; i < G_N_ELEMENTS (form_checks); i++)
    {
      if (g_strcmp0 (form_checks[i].name, check_name) == 0)
        {
          form_checks[i].func (evaluation, doc, issues);
          return g_steal_pointer (&issues);
        }
    }

  g_critical ("Unknown evaluation-form check “%s”", check_name);
  return g_steal_pointer (&issues);
}
