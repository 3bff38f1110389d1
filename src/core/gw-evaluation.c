/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-evaluation.h"
#include "gw-evaluation-private.h"
#include "gw-numeral.h"

/* ---- field names -------------------------------------------------------- */

static const char *field_names[GW_N_EVAL_FIELDS] = {
  "project", "tier", "purchaser", "operator", "credit-code", "contract-number",
  "contract-amount", "funds-used", "funds-explanation", "service-start",
  "service-end", "cycle-year", "type", "evaluator", "date", "team-leader",
  "evaluators-date", "operator-ack", "operator-ack-date", "purchaser-opinion",
  "purchaser-date", "bureau-review", "bureau-date", "stated-grade",
  "stated-decision", "override-reason", "opinion",
};

const char *
gw_eval_field_to_string (GwEvalField field)
{
  g_return_val_if_fail (field < GW_N_EVAL_FIELDS, NULL);
  return field_names[field];
}

gboolean
gw_eval_field_from_string (const char  *str,
                           GwEvalField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    if (g_strcmp0 (str, field_names[i]) == 0)
      {
        *field = (GwEvalField) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- GwEvaluation ------------------------------------------------------- */

struct _GwEvaluation
{
  GObject     parent_instance;

  char       *fields[GW_N_EVAL_FIELDS];
  GStrv       evaluators;
  double      step;
  double      stated_total;
  GwEvalWatch *sections;
  GwEvalWatch *veto_items;
  GPtrArray  *grades;      /* GwGrade*, highest min first */
  GPtrArray  *decisions;   /* GwDecisionRule*, in order */
};

G_DEFINE_TYPE (GwEvaluation, gw_evaluation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVALUATORS,
  PROP_STEP,
  PROP_STATED_TOTAL,
  PROP_FIELD_FIRST,
  N_PROPS = PROP_FIELD_FIRST + GW_N_EVAL_FIELDS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
grade_free (GwGrade *grade)
{
  g_free (grade->name);
  g_free (grade);
}

static void
decision_free (GwDecisionRule *rule)
{
  g_free (rule->grade);
  g_free (rule->decision);
  g_free (rule);
}

static void
emit_changed (GwEvaluation *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_section_changed_cb (GwEvalSection *section,
                       GwEvaluation  *self)
{
  emit_changed (self);
}

static void
on_veto_notify_cb (GwVetoItem   *item,
                   GParamSpec   *pspec,
                   GwEvaluation *self)
{
  emit_changed (self);
}

static void
gw_evaluation_finalize (GObject *object)
{
  GwEvaluation *self = GW_EVALUATION (object);

  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->evaluators);
  _gw_eval_watch_free (self->sections);
  _gw_eval_watch_free (self->veto_items);
  g_ptr_array_unref (self->grades);
  g_ptr_array_unref (self->decisions);

  G_OBJECT_CLASS (gw_evaluation_parent_class)->finalize (object);
}

static void
gw_evaluation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GwEvaluation *self = GW_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_EVALUATORS:
      g_value_set_boxed (value, self->evaluators);
      break;
    case PROP_STEP:
      g_value_set_double (value, self->step);
      break;
    case PROP_STATED_TOTAL:
      g_value_set_double (value, self->stated_total);
      break;
    default:
      if (prop_id >= PROP_FIELD_FIRST && prop_id < N_PROPS)
        g_value_set_string (value, self->fields[prop_id - PROP_FIELD_FIRST]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_evaluation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GwEvaluation *self = GW_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_EVALUATORS:
      gw_evaluation_set_evaluators (self, g_value_get_boxed (value));
      break;
    case PROP_STEP:
      gw_evaluation_set_step (self, g_value_get_double (value));
      break;
    case PROP_STATED_TOTAL:
      gw_evaluation_set_stated_total (self, g_value_get_double (value));
      break;
    default:
      if (prop_id >= PROP_FIELD_FIRST && prop_id < N_PROPS)
        gw_evaluation_set_field (self, prop_id - PROP_FIELD_FIRST, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_evaluation_class_init (GwEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_evaluation_finalize;
  object_class->get_property = gw_evaluation_get_property;
  object_class->set_property = gw_evaluation_set_property;

  properties[PROP_EVALUATORS] =
    g_param_spec_boxed ("evaluators", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_double ("step", NULL, NULL, 0, G_MAXDOUBLE, 0.5,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATED_TOTAL] = SCORE_PSPEC ("stated-total");
  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    properties[PROP_FIELD_FIRST + i] = STRING_PSPEC (field_names[i]);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GwEvaluation::changed:
   *
   * Emitted after any change: a field, the evaluators, the step, the stated
   * total, the grade scale or decision table, sections or veto items added
   * or removed, or a property of a section, indicator or veto item.
   * GwDocument forwards it as its own ::changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gw_evaluation_init (GwEvaluation *self)
{
  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    self->fields[i] = g_strdup ("");
  self->evaluators = g_new0 (char *, 1);
  self->step = 0.5;
  self->stated_total = NAN;
  self->sections = _gw_eval_watch_new (GW_TYPE_EVAL_SECTION, "changed",
                              G_CALLBACK (on_section_changed_cb),
                              G_CALLBACK (emit_changed), self);
  self->veto_items = _gw_eval_watch_new (GW_TYPE_VETO_ITEM, "notify",
                                G_CALLBACK (on_veto_notify_cb),
                                G_CALLBACK (emit_changed), self);
  self->grades = g_ptr_array_new_with_free_func ((GDestroyNotify) grade_free);
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) decision_free);
}

GwEvaluation *
gw_evaluation_new (void)
{
  return g_object_new (GW_TYPE_EVALUATION, NULL);
}

GwEvaluation *
gw_evaluation_copy (GwEvaluation *self)
{
  GwEvaluation *copy;

  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);

  copy = gw_evaluation_new ();
  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    _gw_eval_set_string (&copy->fields[i], self->fields[i]);
  g_strfreev (copy->evaluators);
  copy->evaluators = g_strdupv (self->evaluators);
  copy->step = self->step;
  copy->stated_total = self->stated_total;
  for (guint i = 0; i < self->sections->items->len; i++)
    {
      g_autoptr(GwEvalSection) s = gw_eval_section_copy (g_ptr_array_index (self->sections->items, i));
      g_list_store_append (copy->sections->store, s);
    }
  for (guint i = 0; i < self->veto_items->items->len; i++)
    {
      GwVetoItem *v = g_ptr_array_index (self->veto_items->items, i);
      g_autoptr(GwVetoItem) vc = gw_veto_item_new (gw_veto_item_get_text (v),
                                                          gw_veto_item_get_ticked (v));
      g_list_store_append (copy->veto_items->store, vc);
    }
  for (guint i = 0; i < self->grades->len; i++)
    {
      GwGrade *g = g_ptr_array_index (self->grades, i);
      GwGrade *gc = g_new0 (GwGrade, 1);

      gc->name = g_strdup (g->name);
      gc->min = g->min;
      g_ptr_array_add (copy->grades, gc);
    }
  for (guint i = 0; i < self->decisions->len; i++)
    {
      GwDecisionRule *r = g_ptr_array_index (self->decisions, i);
      GwDecisionRule *rc = g_new0 (GwDecisionRule, 1);

      rc->cycle_year = r->cycle_year;
      rc->grade = g_strdup (r->grade);
      rc->decision = g_strdup (r->decision);
      g_ptr_array_add (copy->decisions, rc);
    }
  return copy;
}

gboolean
gw_evaluation_equal (GwEvaluation *a,
                     GwEvaluation *b)
{
  g_return_val_if_fail (GW_IS_EVALUATION (a) && GW_IS_EVALUATION (b), FALSE);

  if (a == b)
    return TRUE;
  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    if (!g_str_equal (a->fields[i], b->fields[i]))
      return FALSE;
  if (!g_strv_equal ((const char * const *) a->evaluators, (const char * const *) b->evaluators)
      || !_gw_eval_double_same (a->step, b->step)
      || !_gw_eval_double_same (a->stated_total, b->stated_total)
      || a->sections->items->len != b->sections->items->len
      || a->veto_items->items->len != b->veto_items->items->len
      || a->grades->len != b->grades->len
      || a->decisions->len != b->decisions->len)
    return FALSE;
  for (guint i = 0; i < a->sections->items->len; i++)
    if (!gw_eval_section_equal (g_ptr_array_index (a->sections->items, i),
                                g_ptr_array_index (b->sections->items, i)))
      return FALSE;
  for (guint i = 0; i < a->veto_items->items->len; i++)
    {
      GwVetoItem *va = g_ptr_array_index (a->veto_items->items, i);
      GwVetoItem *vb = g_ptr_array_index (b->veto_items->items, i);
      if (!g_str_equal (gw_veto_item_get_text (va), gw_veto_item_get_text (vb)) ||
          gw_veto_item_get_ticked (va) != gw_veto_item_get_ticked (vb))
        return FALSE;
    }
  for (guint i = 0; i < a->grades->len; i++)
    {
      GwGrade *ga = g_ptr_array_index (a->grades, i);
      GwGrade *gb = g_ptr_array_index (b->grades, i);
      if (!g_str_equal (ga->name, gb->name) || !_gw_eval_double_same (ga->min, gb->min))
        return FALSE;
    }
  for (guint i = 0; i < a->decisions->len; i++)
    {
      GwDecisionRule *ra = g_ptr_array_index (a->decisions, i);
      GwDecisionRule *rb = g_ptr_array_index (b->decisions, i);
      if (ra->cycle_year != rb->cycle_year
          || g_strcmp0 (ra->grade, rb->grade) != 0
          || g_strcmp0 (ra->decision, rb->decision) != 0)
        return FALSE;
    }
  return TRUE;
}

const char *
gw_evaluation_get_field (GwEvaluation *self,
                         GwEvalField   field)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);
  g_return_val_if_fail (field < GW_N_EVAL_FIELDS, NULL);
  return self->fields[field];
}

void
gw_evaluation_set_field (GwEvaluation *self,
                         GwEvalField   field,
                         const char   *value)
{
  g_return_if_fail (GW_IS_EVALUATION (self));
  g_return_if_fail (field < GW_N_EVAL_FIELDS);

  if (!_gw_eval_set_string (&self->fields[field], value))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_FIRST + field]);
  emit_changed (self);
}

const char * const *
gw_evaluation_get_evaluators (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);
  return (const char * const *) self->evaluators;
}

void
gw_evaluation_set_evaluators (GwEvaluation       *self,
                              const char * const *names)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (GW_IS_EVALUATION (self));

  if (names == NULL)
    names = empty;
  if (g_strv_equal ((const char * const *) self->evaluators, names))
    return;
  g_strfreev (self->evaluators);
  self->evaluators = g_strdupv ((char **) names);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATORS]);
  emit_changed (self);
}

double
gw_evaluation_get_step (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), 0.5);
  return self->step;
}

void
gw_evaluation_set_step (GwEvaluation *self,
                        double        step)
{
  g_return_if_fail (GW_IS_EVALUATION (self));
  g_return_if_fail (step > 0);

  if (!_gw_eval_set_double (&self->step, step))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  emit_changed (self);
}

GListStore *
gw_evaluation_get_sections (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);
  return self->sections->store;
}

GListStore *
gw_evaluation_get_veto_items (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);
  return self->veto_items->store;
}

void
gw_evaluation_add_section (GwEvaluation  *self,
                           GwEvalSection *section)
{
  g_return_if_fail (GW_IS_EVALUATION (self));
  g_return_if_fail (GW_IS_EVAL_SECTION (section));
  g_list_store_append (self->sections->store, section);
}

void
gw_evaluation_add_veto_item (GwEvaluation *self,
                             GwVetoItem   *item)
{
  g_return_if_fail (GW_IS_EVALUATION (self));
  g_return_if_fail (GW_IS_VETO_ITEM (item));
  g_list_store_append (self->veto_items->store, item);
}

GwEvalSection *
gw_evaluation_find_section (GwEvaluation *self,
                            const char   *id)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);

  for (guint i = 0; i < self->sections->items->len; i++)
    {
      GwEvalSection *s = g_ptr_array_index (self->sections->items, i);
      if (g_strcmp0 (gw_eval_section_get_id (s), id) == 0)
        return s;
    }
  return NULL;
}

GwIndicator *
gw_evaluation_find_indicator (GwEvaluation *self,
                              const char   *id)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);

  for (guint i = 0; i < self->sections->items->len; i++)
    {
      GwIndicator *ind = gw_eval_section_find_indicator (g_ptr_array_index (self->sections->items, i), id);
      if (ind != NULL)
        return ind;
    }
  return NULL;
}

GPtrArray *
gw_evaluation_get_grades (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);
  return self->grades;
}

void
gw_evaluation_add_grade (GwEvaluation *self,
                         const char   *name,
                         double        min)
{
  GwGrade *grade;
  guint pos;

  g_return_if_fail (GW_IS_EVALUATION (self));
  g_return_if_fail (name != NULL);

  /* Keep the scale highest first whatever order the file lists it in; a
   * grade with the same bound as an earlier one goes after it. */
  for (pos = 0; pos < self->grades->len; pos++)
    {
      GwGrade *g = g_ptr_array_index (self->grades, pos);
      if (min > g->min)
        break;
    }
  grade = g_new0 (GwGrade, 1);
  grade->name = g_strdup (name);
  grade->min = min;
  g_ptr_array_insert (self->grades, pos, grade);
  emit_changed (self);
}

void
gw_evaluation_clear_grades (GwEvaluation *self)
{
  g_return_if_fail (GW_IS_EVALUATION (self));

  if (self->grades->len == 0)
    return;
  g_ptr_array_set_size (self->grades, 0);
  emit_changed (self);
}

GPtrArray *
gw_evaluation_get_decisions (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);
  return self->decisions;
}

void
gw_evaluation_add_decision (GwEvaluation *self,
                            guint         cycle_year,
                            const char   *grade,
                            const char   *decision)
{
  GwDecisionRule *rule;

  g_return_if_fail (GW_IS_EVALUATION (self));
  g_return_if_fail (decision != NULL);

  rule = g_new0 (GwDecisionRule, 1);
  rule->cycle_year = cycle_year;
  rule->grade = g_strdup (grade);
  rule->decision = g_strdup (decision);
  g_ptr_array_add (self->decisions, rule);
  emit_changed (self);
}

void
gw_evaluation_clear_decisions (GwEvaluation *self)
{
  g_return_if_fail (GW_IS_EVALUATION (self));

  if (self->decisions->len == 0)
    return;
  g_ptr_array_set_size (self->decisions, 0);
  emit_changed (self);
}

double
gw_evaluation_get_stated_total (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NAN);
  return self->stated_total;
}

void
gw_evaluation_set_stated_total (GwEvaluation *self,
                                double        total)
{
  g_return_if_fail (GW_IS_EVALUATION (self));

  if (!_gw_eval_set_double (&self->stated_total, total))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATED_TOTAL]);
  emit_changed (self);
}

double
gw_evaluation_compute_total (GwEvaluation *self)
{
  double sum = 0;

  g_return_val_if_fail (GW_IS_EVALUATION (self), NAN);

  for (guint i = 0; i < self->sections->items->len; i++)
    sum += gw_eval_section_compute_subtotal (g_ptr_array_index (self->sections->items, i));
  return sum;
}

double
gw_evaluation_compute_max (GwEvaluation *self)
{
  double sum = 0;

  g_return_val_if_fail (GW_IS_EVALUATION (self), NAN);

  for (guint i = 0; i < self->sections->items->len; i++)
    sum += gw_eval_section_compute_max (g_ptr_array_index (self->sections->items, i));
  return sum;
}

gboolean
gw_evaluation_any_veto (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), FALSE);

  for (guint i = 0; i < self->veto_items->items->len; i++)
    {
      GwVetoItem *v = g_ptr_array_index (self->veto_items->items, i);
      if (gw_veto_item_get_ticked (v))
        return TRUE;
    }
  return FALSE;
}

const char *
gw_evaluation_grade_for_total (GwEvaluation *self,
                               double        total,
                               gboolean      vetoed)
{
  GwGrade *lowest;

  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);

  if (self->grades->len == 0)
    return NULL;
  lowest = g_ptr_array_index (self->grades, self->grades->len - 1);
  if (vetoed)
    return lowest->name;
  for (guint i = 0; i < self->grades->len; i++)
    {
      GwGrade *g = g_ptr_array_index (self->grades, i);
      if (total >= g->min)
        return g->name;
    }
  /* Below every bound (or NAN): a scale whose last tier has a bound above
   * zero still rates such a total at its lowest tier. */
  return lowest->name;
}

const char *
gw_evaluation_compute_grade (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);

  return gw_evaluation_grade_for_total (self, gw_evaluation_compute_total (self),
                                        gw_evaluation_any_veto (self));
}

const char *
gw_evaluation_decision_for (GwEvaluation *self,
                            const char   *grade,
                            guint         cycle_year)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);

  for (guint i = 0; i < self->decisions->len; i++)
    {
      GwDecisionRule *r = g_ptr_array_index (self->decisions, i);

      if (r->cycle_year != 0 && r->cycle_year != cycle_year)
        continue;
      if (r->grade != NULL && g_strcmp0 (r->grade, grade) != 0)
        continue;
      return r->decision;
    }
  return NULL;
}

const char *
gw_evaluation_compute_decision (GwEvaluation *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION (self), NULL);

  return gw_evaluation_decision_for (self, gw_evaluation_compute_grade (self),
                                     gw_evaluation_get_cycle_year (self));
}

guint
gw_evaluation_get_cycle_year (GwEvaluation *self)
{
  g_autofree char *s = NULL;
  guint64 v = 0;
  const char *p;

  g_return_val_if_fail (GW_IS_EVALUATION (self), 0);

  s = g_strstrip (g_strdup (self->fields[GW_EVAL_CYCLE_YEAR]));
  if (*s == '\0')
    return 0;
  /* People type either ASCII or full-width digits (２); accept both. */
  for (p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d;

      if ((d = gw_digit_value (c)) < 0)
        return 0;
      v = v * 10 + d;
      if (v > 100)
        return 0;
    }
  return (guint) v;
}
