/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include "gw-register-registry.h"

struct _GwRegisterRegistry
{
  GObject     parent_instance;
  GMutex      lock;
  GwRegister *reg;
};

static gboolean
registry_lookup (GwNumberRegistry *registry,
                 const char       *number,
                 GwNumberRecord   *record)
{
  GwRegisterRegistry *self = GW_REGISTER_REGISTRY (registry);
  g_autoptr(GwRegisterEntry) entry = NULL;
  g_autofree char *code = NULL;
  int year, seq;

  if (!gw_doc_number_parse (number, &code, &year, &seq))
    return FALSE;
  g_mutex_lock (&self->lock);
  entry = gw_register_lookup (self->reg, number, NULL);
  record->next_seq = gw_register_next_seq (self->reg, code, year);
  g_mutex_unlock (&self->lock);

  record->seq = seq;
  if (entry != NULL)
    {
      record->found = TRUE;
      record->title = g_strdup (entry->title);
      record->file = g_strdup (entry->file);
      record->status = entry->status == GW_NUMBER_VOID ? GW_NUMBER_REGISTRY_VOID
                     : entry->status == GW_NUMBER_ISSUED ? GW_NUMBER_REGISTRY_ISSUED
                     : GW_NUMBER_REGISTRY_RESERVED;
    }
  return TRUE;
}

static void
registry_iface_init (GwNumberRegistryInterface *iface)
{
  iface->lookup = registry_lookup;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GwRegisterRegistry, gw_register_registry, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GW_TYPE_NUMBER_REGISTRY,
                                                      registry_iface_init))

static void
gw_register_registry_finalize (GObject *object)
{
  GwRegisterRegistry *self = GW_REGISTER_REGISTRY (object);

  g_clear_pointer (&self->reg, gw_register_close);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (gw_register_registry_parent_class)->finalize (object);
}

static void
gw_register_registry_class_init (GwRegisterRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_register_registry_finalize;
}

static void
gw_register_registry_init (GwRegisterRegistry *self)
{
  g_mutex_init (&self->lock);
}

GwRegisterRegistry *
gw_register_registry_new (GwRegister *reg)
{
  GwRegisterRegistry *self = g_object_new (GW_TYPE_REGISTER_REGISTRY, NULL);

  self->reg = reg;
  return self;
}
