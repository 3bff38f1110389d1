/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-matchers"

#include "config.h"

#include <string.h>

#include "gw-matcher-private.h"

/* A matcher's lifetime and the finding it makes for its rule, which it
 * knows only by the rule's words (GwRuleWords): the rule object sits
 * above the matchers (gw-matchers.c) and the built-ins (gw-builtins.c),
 * which never call up into it. */

void
_gw_matcher_free (GwMatcher *m)
{
  if (m == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      g_free (m->message[i]);
      g_free (m->suggestion[i]);
    }
  g_free (m->replacement);
  g_clear_pointer (&m->scope, g_regex_unref);
  g_clear_pointer (&m->pattern, g_regex_unref);
  g_clear_pointer (&m->allow, g_ptr_array_unref);
  g_clear_pointer (&m->unless, g_array_unref);
  g_clear_pointer (&m->requires, g_array_unref);
  g_clear_pointer (&m->negation, g_regex_unref);
  g_clear_pointer (&m->when, g_regex_unref);
  g_clear_pointer (&m->all, g_ptr_array_unref);
  g_clear_pointer (&m->any, g_ptr_array_unref);
  g_clear_pointer (&m->context, g_regex_unref);
  g_clear_pointer (&m->skip_before, g_regex_unref);
  g_clear_pointer (&m->escalate, g_regex_unref);
  g_clear_pointer (&m->term, g_regex_unref);
  g_clear_pointer (&m->members, g_ptr_array_unref);
  g_clear_pointer (&m->pattern_pf, _gw_prefilter_free);
  g_clear_pointer (&m->when_pf, _gw_prefilter_free);
  g_clear_pointer (&m->all_pf, g_ptr_array_unref);
  g_clear_pointer (&m->any_pf, g_ptr_array_unref);
  g_clear_pointer (&m->context_pf, _gw_prefilter_free);
  g_clear_pointer (&m->term_pf, _gw_prefilter_free);
  g_free (m->name);
  g_free (m);
}

/* ---- findings ---------------------------------------------------------- */

GwFinding *
_gw_rule_make_finding (GwRuleWords *rule,
                       GwMatcher   *matcher,
                       guint        lang,
                       GwSeverity  *severity_override,
                       const char  *detail)
{
  GwSeverity severity = rule->severity;
  const char *message = rule->message[lang];
  const char *suggestion = rule->suggestion[lang];
  g_autofree char *full = NULL;
  GwFinding *finding;

  if (matcher)
    {
      if (matcher->has_severity)
        severity = matcher->severity;
      if (matcher->message[lang])
        message = matcher->message[lang];
      if (matcher->suggestion[lang])
        suggestion = matcher->suggestion[lang];
    }
  if (severity_override)
    severity = *severity_override;
  if (detail && *detail)
    {
      /* "发文字号格式不规范：年份应使用六角括号〔〕" — the message's own full
       * stop gives way to the colon. */
      g_autofree char *head = g_strdup (message);
      gsize n = strlen (head);

      if (n >= 3 && strcmp (head + n - 3, "。") == 0)
        head[n - 3] = '\0';
      else if (n >= 1 && head[n - 1] == '.')
        head[n - 1] = '\0';
      full = g_strdup_printf (lang == 0 ? "%s：%s" : "%s: %s", head, detail);
    }

  finding = gw_finding_new (rule->id, severity, full ? full : message);
  gw_finding_set_basis (finding, rule->basis[lang]);
  gw_finding_set_suggestion (finding, suggestion);
  return finding;
}

