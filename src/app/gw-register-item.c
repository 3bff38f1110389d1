/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-register-item.h"

struct _GwRegisterItem
{
  GObject          parent_instance;
  GwRegisterEntry *entry;
};

G_DEFINE_FINAL_TYPE (GwRegisterItem, gw_register_item, G_TYPE_OBJECT)

static void
gw_register_item_finalize (GObject *object)
{
  g_clear_pointer (&GW_REGISTER_ITEM (object)->entry, gw_register_entry_free);
  G_OBJECT_CLASS (gw_register_item_parent_class)->finalize (object);
}

static void
gw_register_item_class_init (GwRegisterItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_register_item_finalize;
}

static void
gw_register_item_init (GwRegisterItem *self)
{
}

GwRegisterItem *
gw_register_item_new (GwRegisterEntry *entry)
{
  GwRegisterItem *self = g_object_new (GW_TYPE_REGISTER_ITEM, NULL);

  self->entry = entry;
  return self;
}

const GwRegisterEntry *
gw_register_item_get_entry (GwRegisterItem *self)
{
  g_return_val_if_fail (GW_IS_REGISTER_ITEM (self), NULL);
  return self->entry;
}
