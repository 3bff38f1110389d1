/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gw-checker.h"
#include "gw-error.h"
#include "gw-rule-pack.h"
#include "gw-rule-pack-private.h"

/* The catalogue of rule ids (the README: rule ids are stable): every id must be shipped, spelled
 * exactly so, and nothing may rename them. */
static const char *catalogue[] = {
  "procurement.not-lowest-price", "procurement.price-weight-range", "procurement.method-legal",
  "procurement.quality-factors", "procurement.labour-cost-basis", "procurement.no-discrimination",
  "contract.term-max-3y", "contract.annual-signing", "contract.renewal-conditional",
  "contract.fail-reprocure", "contract.no-transfer", "scope.no-disguised-employment",
  "org.three-tier", "org.project-owner", "org.wushe-enumeration", "org.wushe-pilot",
  "org.leading-group", "funding.in-budget", "funding.integration", "funding.pay-by-performance",
  "eval.third-party", "eval.result-use", "doc.legal-basis",
  "format.doc-number", "format.date", "format.heading-sequence", "format.required-elements",
  "format.punctuation",
  "form.max-sum-100", "form.score-range", "form.subtotals", "form.grade-matches-score",
  "form.veto", "form.renewal-matches-grade", "form.required-fields", "form.dates",
  "form.signatures", "form.money-consistency",
};

/* Runs every example of every rule of one shipped pack, one by one, so a
 * failure names the rule and the example. */
static void
test_pack_examples (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRulePack) pack = _gw_rule_pack_new_from_resource_unverified (path, &error);
  GListModel *rules;
  guint n_examples = 0, n_failed = 0;

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  rules = gw_rule_pack_get_rules (pack);
  g_assert_cmpuint (g_list_model_get_n_items (rules), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
      guint nv = gw_rule_get_n_violating_examples (rule);
      guint nc = gw_rule_get_n_compliant_examples (rule);

      /* At least two of each: one could pass by accident. */
      if (nv < 2 || nc < 2)
        g_error ("%s: %u violating and %u compliant examples; at least 2 of each",
                 gw_rule_get_id (rule), nv, nc);
      for (guint v = 0; v < 2; v++)
        for (guint j = 0; j < (v == 0 ? nv : nc); j++)
          {
            guint n = 0;
            if (!gw_rule_check_example (rule, v == 0, j, &n))
              {
                g_printerr ("FAIL %s: %s example %u gave %u findings\n", gw_rule_get_id (rule),
                            v == 0 ? "violating" : "compliant", j + 1, n);
                n_failed++;
              }
            n_examples++;
          }
      g_assert_nonnull (gw_rule_get_message_for (rule, "zh_CN"));
      g_assert_nonnull (gw_rule_get_message_for (rule, "en"));
      g_assert_cmpstr (gw_rule_get_message_for (rule, "zh_CN"), !=,
                       gw_rule_get_message_for (rule, "en"));
      g_assert_nonnull (gw_rule_get_basis (rule));
      g_assert_nonnull (gw_rule_get_suggestion (rule));
    }
  g_test_message ("%s: %u examples", path, n_examples);
  g_assert_cmpuint (n_failed, ==, 0);
  /* And loading it the strict way agrees. */
  g_clear_object (&pack);
  pack = gw_rule_pack_new_from_resource (path, &error);
  g_assert_no_error (error);
}

static void
test_catalogue_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *rules;

  g_assert_no_error (error);
  rules = gw_checker_get_rules (checker);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
      g_hash_table_add (ids, (gpointer) gw_rule_get_id (rule));
    }
  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (!g_hash_table_contains (ids, catalogue[i]))
      g_error ("rule %s of the catalogue is not shipped", catalogue[i]);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
      const char * const *kinds = gw_rule_get_kinds (rule);
      const char *id = gw_rule_get_id (rule);
      g_assert_true (kinds && kinds[0]);
      if (g_str_has_prefix (id, "form."))
        g_assert_true (gw_rule_applies_to (rule, GW_DOCUMENT_KIND_EVALUATION));
      else if (g_str_has_prefix (id, "format."))
        g_assert_true (gw_rule_applies_to (rule, GW_DOCUMENT_KIND_OPINION) &&
                       gw_rule_applies_to (rule, GW_DOCUMENT_KIND_EVALUATION));
      else
        g_assert_true (gw_rule_applies_to (rule, GW_DOCUMENT_KIND_OPINION));
    }
}

/* Severities as the catalogue gives them. */
static void
test_catalogue_severities (void)
{
  static const struct { const char *id; GwSeverity severity; } expected[] = {
    { "procurement.not-lowest-price", GW_SEVERITY_ERROR },
    { "procurement.quality-factors", GW_SEVERITY_WARNING },
    { "contract.term-max-3y", GW_SEVERITY_ERROR },
    { "contract.annual-signing", GW_SEVERITY_WARNING },
    { "org.project-owner", GW_SEVERITY_WARNING },
    { "funding.pay-by-performance", GW_SEVERITY_WARNING },
    { "doc.legal-basis", GW_SEVERITY_INFO },
    { "format.punctuation", GW_SEVERITY_WARNING },
    { "format.doc-number", GW_SEVERITY_ERROR },
    { "form.money-consistency", GW_SEVERITY_WARNING },
    { "form.veto", GW_SEVERITY_ERROR },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  GListModel *rules;

  g_assert_no_error (error);
  rules = gw_checker_get_rules (checker);
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
          if (g_str_equal (gw_rule_get_id (rule), expected[e].id))
            {
              g_assert_cmpint (gw_rule_get_severity (rule), ==, expected[e].severity);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

/* A required matcher's "min" counts patterns: a fraction or a number out
 * of range is refused, not cut to some other whole number. */
static void
test_required_min (void)
{
  static const char *mins[] = { "1.5", "-1", "3", "4294967297" };
#define PACK_WITH_MIN \
    "{\"name\": \"t\", \"rules\": [{\"id\": \"t.min\", \"kinds\": [\"opinion\"]," \
    " \"severity\": \"warning\", \"message\": \"缺少。\", \"basis\": \"测试\"," \
    " \"suggestion\": \"写明。\"," \
    " \"matcher\": {\"type\": \"required\", \"any\": [\"甲\", \"乙\"], \"min\": %s}," \
    " \"examples\": {\"violating\": [\"丙。\", \"丁。\"], \"compliant\": [\"甲乙。\", \"乙甲。\"]}}]}"

  for (guint i = 0; i < G_N_ELEMENTS (mins); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf (PACK_WITH_MIN, mins[i]);
      g_autoptr(GwRulePack) pack = gw_rule_pack_new_from_data (json, -1, "t.json", NULL, &error);

      g_assert_null (pack);
      g_assert_error (error, GW_ERROR, GW_ERROR_RULE_PACK);
      g_assert_nonnull (strstr (error->message, "“min”"));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *json = g_strdup_printf (PACK_WITH_MIN, "2");
    g_autoptr(GwRulePack) pack = gw_rule_pack_new_from_data (json, -1, "t.json", NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (pack);
  }
#undef PACK_WITH_MIN
}

/* A broken matcher of every kind is refused with a message naming the
 * pack file, the rule and the key; of two mistakes the first read is
 * named. */
static void
test_broken_matchers (void)
{
  static const struct { const char *matcher, *key; } cases[] = {
    { "{\"type\": \"nope\"}", "type" },
    { "{\"type\": \"trigger\", \"pattern\": \"甲\"}", "matcher.pattern" },
    { "{\"type\": \"trigger\"}", "patterns" },
    { "{\"type\": \"trigger\", \"patterns\": \"(甲\"}", "patterns" },
    { "{\"type\": \"trigger\", \"patterns\": \"甲\", \"allow\": []}", "allow" },
    { "{\"type\": \"trigger\", \"patterns\": \"甲\", \"unless\": [{\"pattern\": \"乙\", \"within\": \"page\"}]}",
      "within" },
    { "{\"type\": \"trigger\", \"patterns\": \"甲\", \"requires\": 3}", "requires" },
    { "{\"type\": \"trigger\", \"patterns\": \"甲\", \"exempt\": \"negation\"}", "exempt" },
    { "{\"type\": \"trigger\", \"patterns\": \"甲\", \"exempt\": [\"doubt\"]}", "exempt" },
    { "{\"type\": \"required\", \"when\": \"甲\"}", "all" },
    { "{\"type\": \"required\", \"all\": [\"(\"], \"any\": [\"(\"]}", "all" },
    { "{\"type\": \"required\", \"any\": []}", "any" },
    { "{\"type\": \"required\", \"any\": [\"甲\"], \"within\": \"page\"}", "within" },
    { "{\"type\": \"required\", \"any\": [\"甲\"], \"min\": \"1\"}", "min" },
    { "{\"type\": \"required\", \"any\": [\"甲\"], \"once\": 1}", "once" },
    { "{\"type\": \"number\", \"context\": \"甲\", \"measure\": \"share\"}", "min" },
    { "{\"type\": \"number\", \"context\": \"甲\", \"measure\": \"kg\", \"max\": 3}", "measure" },
    { "{\"type\": \"number\", \"context\": \"甲\", \"max\": 3}", "measure" },
    { "{\"type\": \"number\", \"context\": \"甲\", \"measure\": \"share\", \"max\": 3, \"lookback\": 101}",
      "lookback" },
    { "{\"type\": \"number\", \"context\": \"甲\", \"measure\": \"share\", \"max\": 3, \"escalate\": 1}",
      "escalate" },
    { "{\"type\": \"number\", \"context\": \"甲\", \"measure\": \"share\", \"max\": 3,"
      " \"escalate\": {\"pattern\": \"乙\"}}", "escalate.severity" },
    { "{\"type\": \"number\", \"context\": \"甲\", \"measure\": \"share\", \"max\": 3,"
      " \"escalate\": {\"pattern\": \"乙\", \"severity\": \"error\", \"why\": 1}}", "escalate.why" },
    { "{\"type\": \"enumeration\", \"term\": \"甲\"}", "members" },
    { "{\"type\": \"enumeration\", \"members\": [\"甲\"]}", "term" },
    { "{\"type\": \"enumeration\", \"term\": \"甲\", \"members\": [\"乙\"], \"within\": \"page\"}",
      "within" },
    { "{\"type\": \"builtin\", \"name\": \"nope\"}", "name" },
    { "{\"type\": \"form\", \"check\": \"nope\"}", "check" },
    { "{\"type\": \"form\", \"check\": \"veto\", \"scope\": \"(\"}", "scope" },
  };
#define PACK_WITH_MATCHER \
    "{\"name\": \"t\", \"rules\": [{\"id\": \"t.broken\", \"kinds\": [\"opinion\"]," \
    " \"severity\": \"warning\", \"message\": \"缺少。\", \"basis\": \"测试\"," \
    " \"suggestion\": \"写明。\", \"matcher\": %s," \
    " \"examples\": {\"violating\": [\"甲乙。\", \"乙甲。\"], \"compliant\": [\"丙。\", \"丁。\"]}}]}"

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf (PACK_WITH_MATCHER, cases[i].matcher);
      g_autoptr(GwRulePack) pack = gw_rule_pack_new_from_data (json, -1, "t.json", NULL, &error);
      g_autofree char *key = g_strdup_printf ("“%s”", cases[i].key);

      g_assert_null (pack);
      g_assert_error (error, GW_ERROR, GW_ERROR_RULE_PACK);
      if (strstr (error->message, "t.json") == NULL || strstr (error->message, "t.broken") == NULL ||
          strstr (error->message, key) == NULL)
        g_error ("%s: “%s” does not name t.json, t.broken and %s", cases[i].matcher,
                 error->message, key);
    }
#undef PACK_WITH_MATCHER
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) packs = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/packs/broken-matchers", test_broken_matchers);
  packs = gw_checker_list_shipped_packs ();
  g_assert_cmpuint (g_strv_length (packs), >=, 3);
  for (guint i = 0; packs[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (packs[i]);
      g_autofree char *name = g_strdup_printf ("/rules/packs/examples/%s", base);
      g_test_add_data_func (name, packs[i], test_pack_examples);
    }
  g_test_add_func ("/rules/packs/catalogue-complete", test_catalogue_complete);
  g_test_add_func ("/rules/packs/required-min", test_required_min);
  g_test_add_func ("/rules/packs/catalogue-severities", test_catalogue_severities);

  return g_test_run ();
}
