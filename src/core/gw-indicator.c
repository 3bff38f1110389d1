/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-evaluation.h"
#include "gw-evaluation-private.h"

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
      _gw_eval_set_string (&self->id, g_value_get_string (value));
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

  _gw_eval_set_string (&self->name, name);
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
  if (_gw_eval_set_string (&self->name, name))
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
  if (_gw_eval_set_double (&self->max, max))
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
  if (_gw_eval_set_double (&self->score, score))
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
  if (_gw_eval_set_double (&self->self_score, score))
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
  if (_gw_eval_set_string (&self->comment, comment))
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
  if (_gw_eval_set_string (&self->scored_by, who))
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
  _gw_eval_set_string (&copy->comment, self->comment);
  _gw_eval_set_string (&copy->scored_by, self->scored_by);
  return copy;
}

gboolean
gw_indicator_equal (GwIndicator *a,
                    GwIndicator *b)
{
  g_return_val_if_fail (GW_IS_INDICATOR (a) && GW_IS_INDICATOR (b), FALSE);

  return g_str_equal (a->id, b->id)
      && g_str_equal (a->name, b->name)
      && _gw_eval_double_same (a->max, b->max)
      && _gw_eval_double_same (a->score, b->score)
      && _gw_eval_double_same (a->self_score, b->self_score)
      && g_str_equal (a->comment, b->comment)
      && g_str_equal (a->scored_by, b->scored_by);
}
