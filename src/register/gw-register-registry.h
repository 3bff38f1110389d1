/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-number-registry.h"
#include "gw-register.h"

G_BEGIN_DECLS

/* The register seen by the checker (GwNumberRegistry): a GObject that owns
 * a GwRegister connection of its own and serialises lookups on it, so the
 * checker's worker thread may ask while the window takes numbers on
 * another connection. */
#define GW_TYPE_REGISTER_REGISTRY (gw_register_registry_get_type ())
G_DECLARE_FINAL_TYPE (GwRegisterRegistry, gw_register_registry, GW, REGISTER_REGISTRY, GObject)

/* Takes @reg. */
GwRegisterRegistry *gw_register_registry_new (GwRegister *reg);

G_END_DECLS
