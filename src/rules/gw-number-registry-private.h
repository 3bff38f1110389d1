/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-number-registry.h"

G_BEGIN_DECLS

/* The register the examples of rules are checked against (gw-rule-examples.c). */
GwNumberRegistry *_gw_number_registry_get_example (void);

G_END_DECLS
