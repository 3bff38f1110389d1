/* SPDX-License-Identifier: GPL-3.0-or-later */
/* format.doc-number-register against a real register. The pack's own
 * examples run against the rules layer's fixed example register (see
 * docs/rule-packs.md); this checks the rule with the SQLite register. */
#include "config.h"

#include <string.h>

#include "gw-checker.h"
#include "gw-register-registry.h"

static guint
count_rule (GListModel *findings,
            const char *id,
            char      **message)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      if (g_strcmp0 (gw_finding_get_rule_id (f), id) == 0)
        {
          n++;
          if (message)
            *message = g_strdup (gw_finding_get_message (f));
        }
    }
  return n;
}

static guint
check (GwChecker  *checker,
       const char *number,
       const char *title,
       char      **message)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GListModel) findings = NULL;

  gw_document_set_meta (doc, GW_META_DOC_NUMBER, number);
  gw_document_set_meta (doc, GW_META_TITLE, title);
  findings = gw_checker_check (checker, doc);
  return count_rule (findings, "format.doc-number-register", message);
}

static void
test_rule (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gw-register-rule-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "register.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  g_autoptr(GwRegister) reg = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, &error);
  g_autoptr(GwRegisterRegistry) registry = NULL;
  g_autofree char *msg = NULL;
  g_autofree char *cmd = NULL;
  const char *codes[] = { "神民发", NULL };

  g_assert_no_error (error);
  g_assert_true (gw_register_add_organ (reg, "神木市民政局", codes, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("关于第%d件事的通知", i + 1);
      g_autoptr(GwRegisterEntry) e = gw_register_take (reg, NULL, "神民发", 2024, title, "", "", &error);
      g_assert_no_error (error);
    }
  g_assert_true (gw_register_void (reg, "神民发〔2024〕2号", "重号", &error));

  /* no register configured: the rule is silent */
  g_assert_cmpuint (check (checker, "神民发〔2024〕9号", "", NULL), ==, 0);

  registry = gw_register_registry_new (gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, &error));
  gw_checker_set_registry (checker, GW_NUMBER_REGISTRY (registry));

  g_assert_cmpuint (check (checker, "神民发〔2024〕1号", "关于第1件事的\n通知", NULL), ==, 0);
  g_assert_cmpuint (check (checker, "神民发〔2024〕3号", "", NULL), ==, 0);
  g_assert_cmpuint (check (checker, "神民发〔2024〕1号", "关于别的事的通知", &msg), ==, 1);
  g_assert_nonnull (strstr (msg, "关于第1件事的通知"));
  g_clear_pointer (&msg, g_free);
  g_assert_cmpuint (check (checker, "神民发〔2024〕2号", "", &msg), ==, 1);
  g_clear_pointer (&msg, g_free);
  /* ahead of the sequence: the register's next is 4 */
  g_assert_cmpuint (check (checker, "神民发〔2024〕9号", "", &msg), ==, 1);
  g_assert_nonnull (strstr (msg, "4"));
  g_clear_pointer (&msg, g_free);
  /* a 代字 the register has never seen: not in the register */
  g_assert_cmpuint (check (checker, "榆民发〔2024〕1号", "", NULL), ==, 1);
  /* a malformed number is format.doc-number's, not this rule's */
  g_assert_cmpuint (check (checker, "神民发[2024]1号", "", NULL), ==, 0);

  /* the check sees numbers taken after the registry was set up */
  {
    g_autoptr(GwRegisterEntry) e = gw_register_take (reg, NULL, "神民发", 2024, "", "", "", &error);
    g_assert_cmpuint (check (checker, "神民发〔2024〕4号", "", NULL), ==, 0);
  }

  gw_checker_set_registry (checker, NULL);
  g_assert_cmpuint (check (checker, "神民发〔2024〕9号", "", NULL), ==, 0);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/register/rule", test_rule);
  return g_test_run ();
}
