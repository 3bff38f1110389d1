/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-error.h"
#include "gw-xlsx.h"

GPtrArray *
gw_xlsx_read_first_sheet (GBytes      *bytes,
                          const char  *display_name,
                          GArray     **row_lines,
                          GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
               _("%s: .xlsx contract lists are not read yet; save the list as CSV"),
               display_name);
  return NULL;
}
