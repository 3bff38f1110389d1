/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-number-registry-private.h"
#include "gw-rule-parser-private.h"
#include "gw-rule-private.h"

/* The examples verifier: each example a rule carries is run through the
 * rule, violating ones must give a finding and compliant ones none, so a
 * pack cannot ship a rule that contradicts its own examples. */

static guint
count_findings (GwRule     *rule,
                GwDocument *doc)
{
  g_autoptr(GwCheckContext) ctx = _gw_check_context_new (doc, gw_document_get_kind (doc), 1);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  ctx->registry = _gw_number_registry_get_example ();

  _gw_rule_check (rule, ctx, findings);
  return findings->len;
}

static char *
example_excerpt (GwDocument *doc)
{
  g_autofree char *text = gw_document_to_plain_text (doc);
  g_autofree char *flat = NULL;

  g_strstrip (text);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  if (g_utf8_strlen (flat, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, 60);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

gboolean
_gw_rule_verify_examples (GwRule      *rule,
                          const char  *where,
                          GError     **error)
{
  ParseCtx pc = { where, rule->words.id, FALSE };

  for (guint i = 0; i < rule->violating->len; i++)
    {
      GwDocument *doc = g_ptr_array_index (rule->violating, i);
      if (count_findings (rule, doc) == 0)
        {
          g_autofree char *excerpt = example_excerpt (doc);
          return _gw_json_fail (error, &pc, "examples.violating",
                                _("example %u does not trigger the rule: “%s”"), i + 1,
                                excerpt);
        }
    }
  for (guint i = 0; i < rule->compliant->len; i++)
    {
      GwDocument *doc = g_ptr_array_index (rule->compliant, i);
      if (count_findings (rule, doc) != 0)
        {
          g_autofree char *excerpt = example_excerpt (doc);
          return _gw_json_fail (error, &pc, "examples.compliant",
                                _("example %u triggers the rule although it complies: “%s”"),
                                i + 1, excerpt);
        }
    }
  return TRUE;
}

gboolean
gw_rule_check_example (GwRule      *self,
                       gboolean     violating,
                       guint        index,
                       guint       *n_findings)
{
  GPtrArray *list;
  guint n;

  g_return_val_if_fail (GW_IS_RULE (self), FALSE);

  list = violating ? self->violating : self->compliant;
  g_return_val_if_fail (index < list->len, FALSE);
  n = count_findings (self, g_ptr_array_index (list, index));
  if (n_findings)
    *n_findings = n;
  return violating ? n > 0 : n == 0;
}
