/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-error"

#include "config.h"

#include "gw-error.h"

G_DEFINE_QUARK (gw-error-quark, gw_error)
