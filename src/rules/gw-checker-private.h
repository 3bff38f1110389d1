/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-checker.h"
#include "gw-rule-pack-private.h"

G_BEGIN_DECLS

/* Sorts findings into reading order, then by rule id. */
void            _gw_findings_sort       (GPtrArray      *findings,
                                         GwDocument     *doc);

G_END_DECLS
