/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A rule that could not be evaluated is a finding (check.incomplete), a
 * pattern that is slow on a probe is refused at load, and a bad pattern's
 * message quotes only an excerpt. */
#include "config.h"

#include <string.h>

#include "gw-checker.h"
#include "gw-error.h"
#include "gw-import-text.h"
#include "gw-rule-pack.h"

/* (甲乙|甲|乙)+ reads 甲乙 two ways, so a run of 甲乙 has 2^n readings:
 * PCRE2 gives up. The probes (runs of one character, or of all of them
 * mixed with others) do not show it, so the pack loads; the text does. */
#define SLOW_PACK \
  "{ \"name\": \"slow\", \"rules\": [ {" \
  "  \"id\": \"slow.pairs\", \"kinds\": [\"opinion\"], \"severity\": \"warning\"," \
  "  \"message\": \"甲乙后面跟着丙。\", \"basis\": \"测试\", \"suggestion\": \"改。\"," \
  "  \"matcher\": { \"type\": \"trigger\", \"patterns\": \"(?:甲乙|甲|乙)+丙\" }," \
  "  \"examples\": { \"violating\": [\"甲乙丙。\", \"乙丙。\"]," \
  "                \"compliant\": [\"没有。\", \"甲乙。\"] } } ] }"

static GwChecker *
checker_with (const char *pack_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  g_autoptr(GwRulePack) pack = NULL;

  g_assert_no_error (error);
  pack = gw_rule_pack_new_from_data (pack_json, -1, "slow.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gw_checker_add_pack (checker, pack, FALSE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&checker);
}

static void
test_limit_is_a_finding (void)
{
  g_autoptr(GwChecker) checker = checker_with (SLOW_PACK);
  g_autoptr(GString) text = g_string_new ("一、总体要求\n\n坚持以人民为中心。");
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GError) error = NULL;
  guint incomplete = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "甲乙");
  g_string_append (text, "丁丙。\n");
  doc = gw_import_text_data (text->str, text->len, "slow.txt", &error);
  g_assert_no_error (error);
  findings = gw_checker_check (checker, doc);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (gw_finding_get_rule_id (f), "check.incomplete") != 0)
        continue;
      incomplete++;
      g_assert_cmpint (gw_finding_get_severity (f), ==, GW_SEVERITY_ERROR);
      /* names the rule, and the place: the paragraph of 甲乙 */
      g_assert_nonnull (strstr (gw_finding_get_message (f), "slow.pairs"));
      g_assert_cmpint (gw_finding_get_block (f), ==, 1);
      g_assert_nonnull (gw_finding_get_basis (f));
    }
  g_assert_cmpuint (incomplete, ==, 1);
}

/* The same pack on an ordinary text: nothing incomplete. */
static void
test_no_false_alarm (void)
{
  g_autoptr(GwChecker) checker = checker_with (SLOW_PACK);
  const char *text = "一、总体要求\n\n坚持以人民为中心，甲乙丙。\n";
  g_autoptr(GwDocument) doc = gw_import_text_data (text, strlen (text), "ok.txt", NULL);
  g_autoptr(GListModel) findings = gw_checker_check (checker, doc);
  guint pairs = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      g_assert_cmpstr (gw_finding_get_rule_id (f), !=, "check.incomplete");
      pairs += g_strcmp0 (gw_finding_get_rule_id (f), "slow.pairs") == 0;
    }
  g_assert_cmpuint (pairs, ==, 1);
}

/* Undecodable bytes (U+FFFD after an import): not checked there either. */
static void
test_unreadable_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  const char *text = "一、总体要求\n\n坚持以人民为中心，推进\xEF\xBF\xBD社会工作站建设。\n";
  g_autoptr(GwDocument) doc = gw_import_text_data (text, strlen (text), "fffd.txt", NULL);
  g_autoptr(GListModel) findings = gw_checker_check (checker, doc);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      if (g_strcmp0 (gw_finding_get_rule_id (f), "check.incomplete") == 0)
        {
          g_assert_cmpint (gw_finding_get_severity (f), ==, GW_SEVERITY_ERROR);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 1);
}

/* Nested repeats that blow up on a plain run of letters: refused at load,
 * naming the rule and quoting the pattern. */
static void
test_probe_refuses (void)
{
  static const char *patterns[] = { "(\\\\w+\\\\s?)+$", "(社+)+$", "(\\\\d|\\\\d\\\\d)+$",
                                    "([一-龥]+，?)+$" };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GwRulePack) pack = NULL;
      g_autofree char *json = g_strdup_printf (
        "{ \"name\": \"p\", \"rules\": [ { \"id\": \"p.slow\", \"kinds\": [\"opinion\"],"
        "  \"severity\": \"warning\", \"message\": \"x\", \"basis\": \"x\", \"suggestion\": \"x\","
        "  \"matcher\": { \"type\": \"trigger\", \"patterns\": \"%s\" },"
        "  \"examples\": { \"violating\": [\"x\"], \"compliant\": [\"y\"] } } ] }", patterns[i]);

      pack = gw_rule_pack_new_from_data (json, -1, "p.json", NULL, &error);
      g_test_message ("%s: %s", patterns[i], error ? error->message : "loaded");
      g_assert_null (pack);
      g_assert_error (error, GW_ERROR, GW_ERROR_RULE_PACK);
      g_assert_nonnull (strstr (error->message, "p.slow"));
      g_assert_nonnull (strstr (error->message, "too long"));
    }
}

/* The shipped packs pass the same probe (they are not probed at start-up:
 * here, once, from the source tree). */
static void
test_shipped_packs_probed (void)
{
  static const char *names[] = { "format.json", "opinion.json", "evaluation.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "rules",
                                                     names[i], NULL);
      g_autoptr(GwRulePack) pack = gw_rule_pack_new_from_file (path, &error);

      g_assert_no_error (error);
      g_assert_nonnull (pack);
    }
}

/* A bad pattern: the message quotes at most 40 characters of it. */
static void
test_bad_pattern_excerpt (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRulePack) pack = NULL;
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autofree char *json = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (pattern, "社会工作站|");
  g_string_append (pattern, "(未闭合");
  json = g_strdup_printf (
    "{ \"name\": \"p\", \"rules\": [ { \"id\": \"p.bad\", \"kinds\": [\"opinion\"],"
    "  \"severity\": \"warning\", \"message\": \"x\", \"basis\": \"x\", \"suggestion\": \"x\","
    "  \"matcher\": { \"type\": \"trigger\", \"patterns\": \"%s\" },"
    "  \"examples\": { \"violating\": [\"x\"], \"compliant\": [\"y\"] } } ] }", pattern->str);
  pack = gw_rule_pack_new_from_data (json, -1, "p.json", NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, GW_ERROR, GW_ERROR_RULE_PACK);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "p.bad"));
  g_assert_nonnull (strstr (error->message, "…"));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
  g_assert_nonnull (strstr (error->message, "missing terminating )"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules/incomplete/limit-is-a-finding", test_limit_is_a_finding);
  g_test_add_func ("/rules/incomplete/no-false-alarm", test_no_false_alarm);
  g_test_add_func ("/rules/incomplete/unreadable-text", test_unreadable_text);
  g_test_add_func ("/rules/incomplete/probe-refuses", test_probe_refuses);
  g_test_add_func ("/rules/incomplete/shipped-packs-probed", test_shipped_packs_probed);
  g_test_add_func ("/rules/incomplete/bad-pattern-excerpt", test_bad_pattern_excerpt);
  return g_test_run ();
}
