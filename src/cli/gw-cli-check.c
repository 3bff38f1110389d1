/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-cli.h"

/* Placeholder until the checker lands (issue: rule packs and --check). */
int
gw_cli_check (const GwCliOptions *options,
              char              **files)
{
  g_printerr (_("gongwen: --check is not available yet\n"));
  return 2;
}

int
gw_cli_list_rules (const GwCliOptions *options)
{
  g_printerr (_("gongwen: --list-rules is not available yet\n"));
  return 2;
}
