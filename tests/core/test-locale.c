/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "gw-numeral.h"

/* The comma-locale run (meson test --setup comma, tests/comma-locale.sh)
 * is only worth something when the locale is really in force: this test
 * fails there unless printf writes 0,5; in the plain run it says it
 * skipped. Then the one formatter must write a '.' all the same. */

static void
test_decimal_point (void)
{
  char buf[32];
  g_autofree char *ours = NULL;

  if (g_getenv ("GW_TEST_COMMA_LOCALE") == NULL)
    {
      g_test_skip ("not the comma-locale run (meson test --setup comma)");
      return;
    }
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  g_snprintf (buf, sizeof buf, "%.1f", 0.5);
  g_assert_cmpstr (buf, ==, "0,5");

  ours = gw_number_format (0.5, 1);
  g_assert_cmpstr (ours, ==, "0.5");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/locale/decimal-point-is-comma", test_decimal_point);
  return g_test_run ();
}
