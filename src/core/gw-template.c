/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-template"

#include "config.h"

#include "gw-template-private.h"

/* The format is described in docs/templates.md. A template is parsed once,
 * checked completely at load (every placeholder names a declared field, every
 * element and attribute is known), and its tree is kept: instantiating walks
 * the tree again with the values. The files: gw-template-field.c (fields),
 * gw-template-load.c (reading a file), gw-template-expand.c (the walk that
 * checks and fills in), gw-template-catalogue.c (the shipped and the user's
 * templates). */

G_DEFINE_TYPE (GwTemplate, gw_template, G_TYPE_OBJECT)

static void
gw_template_finalize (GObject *object)
{
  GwTemplate *self = GW_TEMPLATE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->source);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->xml, xmlFreeDoc);

  G_OBJECT_CLASS (gw_template_parent_class)->finalize (object);
}

static void
gw_template_class_init (GwTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_template_finalize;
}

static void
gw_template_init (GwTemplate *self)
{
  self->fields = g_list_store_new (GW_TYPE_TEMPLATE_FIELD);
}

GwTemplateField *
_gw_template_find_field (GwTemplate *self,
                         const char *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));

  for (guint i = 0; i < n; i++)
    {
      GwTemplateField *f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      g_object_unref (f);  /* the store keeps it alive */
      if (g_strcmp0 (f->name, name) == 0)
        return f;
    }
  return NULL;
}

const char *
gw_template_get_id (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->id;
}

const char *
gw_template_get_name (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->name;
}

const char *
gw_template_get_description (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->description;
}

const char *
gw_template_get_source (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->source;
}

GwDocumentKind
gw_template_get_kind (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), GW_DOCUMENT_KIND_OPINION);
  return self->kind;
}

GListModel *
gw_template_get_fields (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return G_LIST_MODEL (self->fields);
}

GwTemplateField *
gw_template_get_field (GwTemplate *self,
                       const char *name)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return _gw_template_find_field (self, name);
}

GHashTable *
gw_template_get_defaults (GwTemplate *self)
{
  GHashTable *values;
  guint n;

  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      g_hash_table_insert (values, g_strdup (f->name), g_strdup (f->default_value));
    }
  return values;
}
