/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-cli-private.h"

/* Each option is defined by exactly one verb's table, so that the strict
 * pre-parse and GApplication see the same options once. */
static void
test_options_defined_once (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; gw_cli_verbs[i]; i++)
    for (const GOptionEntry *e = gw_cli_verbs[i]->entries; e && e->long_name; e++)
      {
        g_assert_false (g_hash_table_contains (seen, e->long_name));
        g_assert_null (e->arg_data);
        g_assert_nonnull (e->description);
        g_hash_table_add (seen, (gpointer) e->long_name);
      }
}

/* A verb's action is an option it defines; what it accepts is defined by
 * some table, so a typo in an accepts list can't silently refuse an option. */
static void
test_verbs_consistent (void)
{
  g_autoptr(GHashTable) defined = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; gw_cli_verbs[i]; i++)
    for (const GOptionEntry *e = gw_cli_verbs[i]->entries; e && e->long_name; e++)
      g_hash_table_add (defined, (gpointer) e->long_name);

  for (guint i = 0; gw_cli_verbs[i]; i++)
    {
      const GwCliVerb *verb = gw_cli_verbs[i];
      gboolean own_action = verb->action == NULL;

      for (const GOptionEntry *e = verb->entries; e && e->long_name; e++)
        own_action |= g_strcmp0 (e->long_name, verb->action) == 0;
      g_assert_true (own_action);
      g_assert_true ((verb->action == NULL) == (verb->run == NULL));
      for (guint j = 0; verb->accepts && verb->accepts[j]; j++)
        {
          if (!g_hash_table_contains (defined, verb->accepts[j]))
            g_error ("--%s accepts --%s, which no table defines", verb->action, verb->accepts[j]);
        }
    }
}

static void
test_check_arguments (void)
{
  char *good[] = { "gongwen", "--check", "--format=json", "a.txt", NULL };
  char *help[] = { "gongwen", "--help", NULL };
  char *files_after_dashes[] = { "gongwen", "--", "--bogus.txt", NULL };
  char *unknown[] = { "gongwen", "--check", "--bogus", "a.txt", NULL };
  char *missing[] = { "gongwen", "--export-pdf", NULL };
  int status = -1;

  g_assert_true (gw_cli_check_arguments (good, &status));
  g_assert_true (gw_cli_check_arguments (help, &status));
  g_assert_true (gw_cli_check_arguments (files_after_dashes, &status));
  g_assert_cmpint (status, ==, -1);
  if (g_test_subprocess ())
    {
      g_assert_false (gw_cli_check_arguments (unknown, &status));
      g_assert_cmpint (status, ==, 2);
      status = -1;
      g_assert_false (gw_cli_check_arguments (missing, &status));
      g_assert_cmpint (status, ==, 2);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Unknown option --bogus*Missing argument for --export-pdf*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/verbs/options-defined-once", test_options_defined_once);
  g_test_add_func ("/cli/verbs/consistent", test_verbs_consistent);
  g_test_add_func ("/cli/verbs/check-arguments", test_check_arguments);
  return g_test_run ();
}
