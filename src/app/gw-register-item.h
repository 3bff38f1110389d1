/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gw-register.h"

G_BEGIN_DECLS

/* One number of the register as an item of a GListModel (the register
 * view's list). */
#define GW_TYPE_REGISTER_ITEM (gw_register_item_get_type ())
G_DECLARE_FINAL_TYPE (GwRegisterItem, gw_register_item, GW, REGISTER_ITEM, GObject)

/* Takes @entry. */
GwRegisterItem        *gw_register_item_new       (GwRegisterEntry *entry);
const GwRegisterEntry *gw_register_item_get_entry (GwRegisterItem  *self);

G_END_DECLS
