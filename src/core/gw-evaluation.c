/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-evaluation.h"
#include "gw-numeral.h"

/* Two scores are the same when both are blank (NAN) or numerically equal. */
static gboolean
double_same (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_double (double *field,
            double  value)
{
  if (double_same (*field, value))
    return FALSE;
  *field = value;
  return TRUE;
}

/* ---- watching the items of a GListStore --------------------------------- */

/* A store of child objects whose changes the owner must hear about. We keep
 * our own mirror of the items with the handler ids so that a removed child is
 * disconnected exactly (the store no longer tells us which items went). */
typedef struct {
  GListStore *store;
  GPtrArray  *items;        /* GObject*, strong refs, same order as store */
  GArray     *handlers;     /* gulong, parallel to items */
  const char *signal;       /* "notify" or "changed" */
  GCallback   child_cb;     /* (child, [pspec,] owner) */
  GCallback   store_cb;     /* called after each items-changed */
  gpointer    owner;
} Watch;

static void
watch_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Watch      *w)
{
  for (guint i = 0; i < removed; i++)
    {
      GObject *item = g_ptr_array_index (w->items, position + i);
      g_signal_handler_disconnect (item, g_array_index (w->handlers, gulong, position + i));
    }
  g_ptr_array_remove_range (w->items, position, removed);
  g_array_remove_range (w->handlers, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);
      gulong id = g_signal_connect (item, w->signal, w->child_cb, w->owner);

      g_ptr_array_insert (w->items, position + i, item);
      g_array_insert_val (w->handlers, position + i, id);
    }

  ((void (*) (gpointer)) w->store_cb) (w->owner);
}

static Watch *
watch_new (GType       item_type,
           const char *signal,
           GCallback   child_cb,
           GCallback   store_cb,
           gpointer    owner)
{
  Watch *w = g_new0 (Watch, 1);

  w->store = g_list_store_new (item_type);
  w->items = g_ptr_array_new_with_free_func (g_object_unref);
  w->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  w->signal = signal;
  w->child_cb = child_cb;
  w->store_cb = store_cb;
  w->owner = owner;
  g_signal_connect (w->store, "items-changed", G_CALLBACK (watch_items_changed_cb), w);
  return w;
}

static void
watch_free (Watch *w)
{
  g_signal_handlers_disconnect_by_func (w->store, watch_items_changed_cb, w);
  for (guint i = 0; i < w->items->len; i++)
    g_signal_handler_disconnect (g_ptr_array_index (w->items, i),
                                 g_array_index (w->handlers, gulong, i));
  g_ptr_array_unref (w->items);
  g_array_unref (w->handlers);
  g_object_unref (w->store);
  g_free (w);
}

/* ---- field names -------------------------------------------------------- */

static const char *field_names[GW_N_EVAL_FIELDS] = {
  "project", "tier", "purchaser", "operator", "credit-code", "contract-number",
  "contract-amount", "funds-used", "funds-explanation", "service-start",
  "service-end", "cycle-year", "type", "evaluator", "date", "team-leader",
  "evaluators-date", "operator-ack", "operator-ack-date", "purchaser-opinion",
  "purchaser-date", "bureau-review", "bureau-date", "stated-grade",
  "stated-decision", "override-reason",
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

/* ---- GwIndicator -------------------------------------------------------- */

struct _GwIndicator
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  double   max;
  double   score;
  double   self_score;
  char    *comment;
  char    *scored_by;
};

G_DEFINE_TYPE (GwIndicator, gw_indicator, G_TYPE_OBJECT)

enum {
  IND_PROP_0,
  IND_PROP_ID,
  IND_PROP_NAME,
  IND_PROP_MAX,
  IND_PROP_SCORE,
  IND_PROP_SELF_SCORE,
  IND_PROP_COMMENT,
  IND_PROP_SCORED_BY,
  IND_N_PROPS
};

static GParamSpec *indicator_props[IND_N_PROPS];

static void
gw_indicator_finalize (GObject *object)
{
  GwIndicator *self = GW_INDICATOR (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->comment);
  g_free (self->scored_by);

  G_OBJECT_CLASS (gw_indicator_parent_class)->finalize (object);
}

static void
gw_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GwIndicator *self = GW_INDICATOR (object);

  switch (prop_id)
    {
    case IND_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case IND_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case IND_PROP_MAX:
      g_value_set_double (value, self->max);
      break;
    case IND_PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case IND_PROP_SELF_SCORE:
      g_value_set_double (value, self->self_score);
      break;
    case IND_PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case IND_PROP_SCORED_BY:
      g_value_set_string (value, self->scored_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_indicator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GwIndicator *self = GW_INDICATOR (object);

  switch (prop_id)
    {
    case IND_PROP_ID:
      set_string (&self->id, g_value_get_string (value));
      break;
    case IND_PROP_NAME:
      gw_indicator_set_name (self, g_value_get_string (value));
      break;
    case IND_PROP_MAX:
      gw_indicator_set_max (self, g_value_get_double (value));
      break;
    case IND_PROP_SCORE:
      gw_indicator_set_score (self, g_value_get_double (value));
      break;
    case IND_PROP_SELF_SCORE:
      gw_indicator_set_self_score (self, g_value_get_double (value));
      break;
    case IND_PROP_COMMENT:
      gw_indicator_set_comment (self, g_value_get_string (value));
      break;
    case IND_PROP_SCORED_BY:
      gw_indicator_set_scored_by (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Scores may be NAN (blank); GParamSpecDouble lets NAN through validation but
 * refuses it as a default, so the defaults below are 0 and init sets NAN. */
#define SCORE_PSPEC(name) \
  g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, \
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define STRING_PSPEC(name) \
  g_param_spec_string (name, NULL, NULL, "", \
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
gw_indicator_class_init (GwIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_indicator_finalize;
  object_class->get_property = gw_indicator_get_property;
  object_class->set_property = gw_indicator_set_property;

  indicator_props[IND_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  indicator_props[IND_PROP_NAME] = STRING_PSPEC ("name");
  indicator_props[IND_PROP_MAX] = SCORE_PSPEC ("max");
  indicator_props[IND_PROP_SCORE] = SCORE_PSPEC ("score");
  indicator_props[IND_PROP_SELF_SCORE] = SCORE_PSPEC ("self-score");
  indicator_props[IND_PROP_COMMENT] = STRING_PSPEC ("comment");
  indicator_props[IND_PROP_SCORED_BY] = STRING_PSPEC ("scored-by");
  g_object_class_install_properties (object_class, IND_N_PROPS, indicator_props);
}

static void
gw_indicator_init (GwIndicator *self)
{
  self->id = g_strdup ("");
  self->name = g_strdup ("");
  self->comment = g_strdup ("");
  self->scored_by = g_strdup ("");
  self->score = NAN;
  self->self_score = NAN;
}

GwIndicator *
gw_indicator_new (const char *id,
                  const char *name,
                  double      max)
{
  GwIndicator *self = g_object_new (GW_TYPE_INDICATOR, "id", id ? id : "", NULL);

  set_string (&self->name, name);
  self->max = max;
  return self;
}

const char *
gw_indicator_get_id (GwIndicator *self)
{
  g_return_val_if_fail (GW_IS_INDICATOR (self), NULL);
  return self->id;
}

const char *
gw_indicator_get_name (GwIndicator *self)
{
  g_return_val_if_fail (GW_IS_INDICATOR (self), NULL);
  return self->name;
}

void
gw_indicator_set_name (GwIndicator *self,
                       const char  *name)
{
  g_return_if_fail (GW_IS_INDICATOR (self));
  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), indicator_props[IND_PROP_NAME]);
}

double
gw_indicator_get_max (GwIndicator *self)
{
  g_return_val_if_fail (GW_IS_INDICATOR (self), NAN);
  return self->max;
}

void
gw_indicator_set_max (GwIndicator *self,
                      double       max)
{
  g_return_if_fail (GW_IS_INDICATOR (self));
  if (set_double (&self->max, max))
    g_object_notify_by_pspec (G_OBJECT (self), indicator_props[IND_PROP_MAX]);
}

double
gw_indicator_get_score (GwIndicator *self)
{
  g_return_val_if_fail (GW_IS_INDICATOR (self), NAN);
  return self->score;
}

void
gw_indicator_set_score (GwIndicator *self,
                        double       score)
{
  g_return_if_fail (GW_IS_INDICATOR (self));
  if (set_double (&self->score, score))
    g_object_notify_by_pspec (G_OBJECT (self), indicator_props[IND_PROP_SCORE]);
}

double
gw_indicator_get_self_score (GwIndicator *self)
{
  g_return_val_if_fail (GW_IS_INDICATOR (self), NAN);
  return self->self_score;
}

void
gw_indicator_set_self_score (GwIndicator *self,
                             double       score)
{
  g_return_if_fail (GW_IS_INDICATOR (self));
  if (set_double (&self->self_score, score))
    g_object_notify_by_pspec (G_OBJECT (self), indicator_props[IND_PROP_SELF_SCORE]);
}

const char *
gw_indicator_get_comment (GwIndicator *self)
{
  g_return_val_if_fail (GW_IS_INDICATOR (self), NULL);
  return self->comment;
}

void
gw_indicator_set_comment (GwIndicator *self,
                          const char  *comment)
{
  g_return_if_fail (GW_IS_INDICATOR (self));
  if (set_string (&self->comment, comment))
    g_object_notify_by_pspec (G_OBJECT (self), indicator_props[IND_PROP_COMMENT]);
}

const char *
gw_indicator_get_scored_by (GwIndicator *self)
{
  g_return_val_if_fail (GW_IS_INDICATOR (self), NULL);
  return self->scored_by;
}

void
gw_indicator_set_scored_by (GwIndicator *self,
                            const char  *who)
{
  g_return_if_fail (GW_IS_INDICATOR (self));
  if (set_string (&self->scored_by, who))
    g_object_notify_by_pspec (G_OBJECT (self), indicator_props[IND_PROP_SCORED_BY]);
}

GwIndicator *
gw_indicator_copy (GwIndicator *self)
{
  GwIndicator *copy;

  g_return_val_if_fail (GW_IS_INDICATOR (self), NULL);

  copy = gw_indicator_new (self->id, self->name, self->max);
  copy->score = self->score;
  copy->self_score = self->self_score;
  set_string (&copy->comment, self->comment);
  set_string (&copy->scored_by, self->scored_by);
  return copy;
}

gboolean
gw_indicator_equal (GwIndicator *a,
                    GwIndicator *b)
{
  g_return_val_if_fail (GW_IS_INDICATOR (a) && GW_IS_INDICATOR (b), FALSE);

  return g_str_equal (a->id, b->id)
      && g_str_equal (a->name, b->name)
      && double_same (a->max, b->max)
      && double_same (a->score, b->score)
      && double_same (a->self_score, b->self_score)
      && g_str_equal (a->comment, b->comment)
      && g_str_equal (a->scored_by, b->scored_by);
}

/* ---- GwEvalSection ------------------------------------------------------ */

struct _GwEvalSection
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  double   max;
  double   stated_subtotal;
  Watch   *indicators;
};

G_DEFINE_TYPE (GwEvalSection, gw_eval_section, G_TYPE_OBJECT)

enum {
  SEC_PROP_0,
  SEC_PROP_ID,
  SEC_PROP_NAME,
  SEC_PROP_MAX,
  SEC_PROP_STATED_SUBTOTAL,
  SEC_N_PROPS
};

enum {
  SEC_CHANGED,
  SEC_N_SIGNALS
};

static GParamSpec *section_props[SEC_N_PROPS];
static guint section_signals[SEC_N_SIGNALS];

static void
section_emit_changed (GwEvalSection *self)
{
  g_signal_emit (self, section_signals[SEC_CHANGED], 0);
}

static void
section_indicator_notify_cb (GwIndicator   *indicator,
                             GParamSpec    *pspec,
                             GwEvalSection *self)
{
  section_emit_changed (self);
}

static void
section_notify_cb (GwEvalSection *self,
                   GParamSpec    *pspec,
                   gpointer       user_data)
{
  section_emit_changed (self);
}

static void
gw_eval_section_finalize (GObject *object)
{
  GwEvalSection *self = GW_EVAL_SECTION (object);

  g_free (self->id);
  g_free (self->name);
  watch_free (self->indicators);

  G_OBJECT_CLASS (gw_eval_section_parent_class)->finalize (object);
}

static void
gw_eval_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GwEvalSection *self = GW_EVAL_SECTION (object);

  switch (prop_id)
    {
    case SEC_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case SEC_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case SEC_PROP_MAX:
      g_value_set_double (value, self->max);
      break;
    case SEC_PROP_STATED_SUBTOTAL:
      g_value_set_double (value, self->stated_subtotal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_eval_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GwEvalSection *self = GW_EVAL_SECTION (object);

  switch (prop_id)
    {
    case SEC_PROP_ID:
      set_string (&self->id, g_value_get_string (value));
      break;
    case SEC_PROP_NAME:
      gw_eval_section_set_name (self, g_value_get_string (value));
      break;
    case SEC_PROP_MAX:
      gw_eval_section_set_max (self, g_value_get_double (value));
      break;
    case SEC_PROP_STATED_SUBTOTAL:
      gw_eval_section_set_stated_subtotal (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_eval_section_class_init (GwEvalSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_eval_section_finalize;
  object_class->get_property = gw_eval_section_get_property;
  object_class->set_property = gw_eval_section_set_property;

  section_props[SEC_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  section_props[SEC_PROP_NAME] = STRING_PSPEC ("name");
  section_props[SEC_PROP_MAX] = SCORE_PSPEC ("max");
  section_props[SEC_PROP_STATED_SUBTOTAL] = SCORE_PSPEC ("stated-subtotal");
  g_object_class_install_properties (object_class, SEC_N_PROPS, section_props);

  /**
   * GwEvalSection::changed:
   *
   * Emitted after any change to the section's properties, to its list of
   * indicators or to a property of one of them.
   */
  section_signals[SEC_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gw_eval_section_init (GwEvalSection *self)
{
  self->id = g_strdup ("");
  self->name = g_strdup ("");
  self->stated_subtotal = NAN;
  self->indicators = watch_new (GW_TYPE_INDICATOR, "notify",
                                G_CALLBACK (section_indicator_notify_cb),
                                G_CALLBACK (section_emit_changed), self);
  g_signal_connect (self, "notify", G_CALLBACK (section_notify_cb), NULL);
}

GwEvalSection *
gw_eval_section_new (const char *id,
                     const char *name,
                     double      max)
{
  GwEvalSection *self = g_object_new (GW_TYPE_EVAL_SECTION, "id", id ? id : "", NULL);

  set_string (&self->name, name);
  self->max = max;
  return self;
}

const char *
gw_eval_section_get_id (GwEvalSection *self)
{
  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NULL);
  return self->id;
}

const char *
gw_eval_section_get_name (GwEvalSection *self)
{
  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NULL);
  return self->name;
}

void
gw_eval_section_set_name (GwEvalSection *self,
                          const char    *name)
{
  g_return_if_fail (GW_IS_EVAL_SECTION (self));
  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), section_props[SEC_PROP_NAME]);
}

double
gw_eval_section_get_max (GwEvalSection *self)
{
  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NAN);
  return self->max;
}

void
gw_eval_section_set_max (GwEvalSection *self,
                         double         max)
{
  g_return_if_fail (GW_IS_EVAL_SECTION (self));
  if (set_double (&self->max, max))
    g_object_notify_by_pspec (G_OBJECT (self), section_props[SEC_PROP_MAX]);
}

double
gw_eval_section_get_stated_subtotal (GwEvalSection *self)
{
  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NAN);
  return self->stated_subtotal;
}

void
gw_eval_section_set_stated_subtotal (GwEvalSection *self,
                                     double         v)
{
  g_return_if_fail (GW_IS_EVAL_SECTION (self));
  if (set_double (&self->stated_subtotal, v))
    g_object_notify_by_pspec (G_OBJECT (self), section_props[SEC_PROP_STATED_SUBTOTAL]);
}

GListStore *
gw_eval_section_get_indicators (GwEvalSection *self)
{
  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NULL);
  return self->indicators->store;
}

void
gw_eval_section_add_indicator (GwEvalSection *self,
                               GwIndicator   *indicator)
{
  g_return_if_fail (GW_IS_EVAL_SECTION (self));
  g_return_if_fail (GW_IS_INDICATOR (indicator));
  g_list_store_append (self->indicators->store, indicator);
}

GwIndicator *
gw_eval_section_find_indicator (GwEvalSection *self,
                                const char    *id)
{
  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NULL);

  for (guint i = 0; i < self->indicators->items->len; i++)
    {
      GwIndicator *ind = g_ptr_array_index (self->indicators->items, i);
      if (g_strcmp0 (ind->id, id) == 0)
        return ind;
    }
  return NULL;
}

double
gw_eval_section_compute_subtotal (GwEvalSection *self)
{
  double sum = 0;

  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NAN);

  for (guint i = 0; i < self->indicators->items->len; i++)
    {
      GwIndicator *ind = g_ptr_array_index (self->indicators->items, i);
      if (!isnan (ind->score))
        sum += ind->score;
    }
  return sum;
}

double
gw_eval_section_compute_max (GwEvalSection *self)
{
  double sum = 0;

  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NAN);

  for (guint i = 0; i < self->indicators->items->len; i++)
    {
      GwIndicator *ind = g_ptr_array_index (self->indicators->items, i);
      if (!isnan (ind->max))
        sum += ind->max;
    }
  return sum;
}

GwEvalSection *
gw_eval_section_copy (GwEvalSection *self)
{
  GwEvalSection *copy;

  g_return_val_if_fail (GW_IS_EVAL_SECTION (self), NULL);

  copy = gw_eval_section_new (self->id, self->name, self->max);
  copy->stated_subtotal = self->stated_subtotal;
  for (guint i = 0; i < self->indicators->items->len; i++)
    {
      g_autoptr(GwIndicator) ind = gw_indicator_copy (g_ptr_array_index (self->indicators->items, i));
      g_list_store_append (copy->indicators->store, ind);
    }
  return copy;
}

gboolean
gw_eval_section_equal (GwEvalSection *a,
                       GwEvalSection *b)
{
  g_return_val_if_fail (GW_IS_EVAL_SECTION (a) && GW_IS_EVAL_SECTION (b), FALSE);

  if (!g_str_equal (a->id, b->id)
      || !g_str_equal (a->name, b->name)
      || !double_same (a->max, b->max)
      || !double_same (a->stated_subtotal, b->stated_subtotal)
      || a->indicators->items->len != b->indicators->items->len)
    return FALSE;
  for (guint i = 0; i < a->indicators->items->len; i++)
    if (!gw_indicator_equal (g_ptr_array_index (a->indicators->items, i),
                             g_ptr_array_index (b->indicators->items, i)))
      return FALSE;
  return TRUE;
}

/* ---- GwVetoItem --------------------------------------------------------- */

struct _GwVetoItem
{
  GObject   parent_instance;

  char     *text;
  gboolean  ticked;
};

G_DEFINE_TYPE (GwVetoItem, gw_veto_item, G_TYPE_OBJECT)

enum {
  VETO_PROP_0,
  VETO_PROP_TEXT,
  VETO_PROP_TICKED,
  VETO_N_PROPS
};

static GParamSpec *veto_props[VETO_N_PROPS];

static void
gw_veto_item_finalize (GObject *object)
{
  GwVetoItem *self = GW_VETO_ITEM (object);

  g_free (self->text);

  G_OBJECT_CLASS (gw_veto_item_parent_class)->finalize (object);
}

static void
gw_veto_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GwVetoItem *self = GW_VETO_ITEM (object);

  switch (prop_id)
    {
    case VETO_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case VETO_PROP_TICKED:
      g_value_set_boolean (value, self->ticked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_veto_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GwVetoItem *self = GW_VETO_ITEM (object);

  switch (prop_id)
    {
    case VETO_PROP_TEXT:
      gw_veto_item_set_text (self, g_value_get_string (value));
      break;
    case VETO_PROP_TICKED:
      gw_veto_item_set_ticked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_veto_item_class_init (GwVetoItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_veto_item_finalize;
  object_class->get_property = gw_veto_item_get_property;
  object_class->set_property = gw_veto_item_set_property;

  veto_props[VETO_PROP_TEXT] = STRING_PSPEC ("text");
  veto_props[VETO_PROP_TICKED] =
    g_param_spec_boolean ("ticked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, VETO_N_PROPS, veto_props);
}

static void
gw_veto_item_init (GwVetoItem *self)
{
  self->text = g_strdup ("");
}

GwVetoItem *
gw_veto_item_new (const char *text,
                  gboolean    ticked)
{
  GwVetoItem *self = g_object_new (GW_TYPE_VETO_ITEM, NULL);

  set_string (&self->text, text);
  self->ticked = !!ticked;
  return self;
}

const char *
gw_veto_item_get_text (GwVetoItem *self)
{
  g_return_val_if_fail (GW_IS_VETO_ITEM (self), NULL);
  return self->text;
}

void
gw_veto_item_set_text (GwVetoItem *self,
                       const char *text)
{
  g_return_if_fail (GW_IS_VETO_ITEM (self));
  if (set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), veto_props[VETO_PROP_TEXT]);
}

gboolean
gw_veto_item_get_ticked (GwVetoItem *self)
{
  g_return_val_if_fail (GW_IS_VETO_ITEM (self), FALSE);
  return self->ticked;
}

void
gw_veto_item_set_ticked (GwVetoItem *self,
                         gboolean    ticked)
{
  g_return_if_fail (GW_IS_VETO_ITEM (self));
  ticked = !!ticked;
  if (self->ticked == ticked)
    return;
  self->ticked = ticked;
  g_object_notify_by_pspec (G_OBJECT (self), veto_props[VETO_PROP_TICKED]);
}

/* ---- GwEvaluation ------------------------------------------------------- */

struct _GwEvaluation
{
  GObject     parent_instance;

  char       *fields[GW_N_EVAL_FIELDS];
  GStrv       evaluators;
  double      step;
  double      stated_total;
  Watch      *sections;
  Watch      *veto_items;
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
  watch_free (self->sections);
  watch_free (self->veto_items);
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
  self->sections = watch_new (GW_TYPE_EVAL_SECTION, "changed",
                              G_CALLBACK (on_section_changed_cb),
                              G_CALLBACK (emit_changed), self);
  self->veto_items = watch_new (GW_TYPE_VETO_ITEM, "notify",
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
    set_string (&copy->fields[i], self->fields[i]);
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
      g_autoptr(GwVetoItem) vc = gw_veto_item_new (v->text, v->ticked);
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
      || !double_same (a->step, b->step)
      || !double_same (a->stated_total, b->stated_total)
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
      if (!g_str_equal (va->text, vb->text) || va->ticked != vb->ticked)
        return FALSE;
    }
  for (guint i = 0; i < a->grades->len; i++)
    {
      GwGrade *ga = g_ptr_array_index (a->grades, i);
      GwGrade *gb = g_ptr_array_index (b->grades, i);
      if (!g_str_equal (ga->name, gb->name) || !double_same (ga->min, gb->min))
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

  if (!set_string (&self->fields[field], value))
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

  if (!set_double (&self->step, step))
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
      if (g_strcmp0 (s->id, id) == 0)
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

  if (!set_double (&self->stated_total, total))
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
      if (v->ticked)
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
