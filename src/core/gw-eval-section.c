/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-evaluation.h"
#include "gw-evaluation-private.h"

/* ---- GwEvalSection ------------------------------------------------------ */

struct _GwEvalSection
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  double   max;
  double   stated_subtotal;
  GwEvalWatch *indicators;
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
  _gw_eval_watch_free (self->indicators);

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
      _gw_eval_set_string (&self->id, g_value_get_string (value));
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
  self->indicators = _gw_eval_watch_new (GW_TYPE_INDICATOR, "notify",
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

  _gw_eval_set_string (&self->name, name);
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
  if (_gw_eval_set_string (&self->name, name))
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
  if (_gw_eval_set_double (&self->max, max))
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
  if (_gw_eval_set_double (&self->stated_subtotal, v))
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
      if (g_strcmp0 (gw_indicator_get_id (ind), id) == 0)
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
      if (!isnan (gw_indicator_get_score (ind)))
        sum += gw_indicator_get_score (ind);
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
      if (!isnan (gw_indicator_get_max (ind)))
        sum += gw_indicator_get_max (ind);
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
      || !_gw_eval_double_same (a->max, b->max)
      || !_gw_eval_double_same (a->stated_subtotal, b->stated_subtotal)
      || a->indicators->items->len != b->indicators->items->len)
    return FALSE;
  for (guint i = 0; i < a->indicators->items->len; i++)
    if (!gw_indicator_equal (g_ptr_array_index (a->indicators->items, i),
                             g_ptr_array_index (b->indicators->items, i)))
      return FALSE;
  return TRUE;
}
