/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout-eval"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-error.h"
#include "gw-layout.h"

gboolean
_gw_layout_evaluation (GwPagination *p,
                       GError      **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
               _("%s: evaluation forms cannot be exported to PDF yet"), p->source);
  return FALSE;
}
