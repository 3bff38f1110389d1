/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gw-evaluation.h"
#include "gw-evaluation-private.h"

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

  _gw_eval_set_string (&self->text, text);
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
  if (_gw_eval_set_string (&self->text, text))
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
