/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-rule"

#include "config.h"

#include "gw-rule-private.h"

/* The rule object: what a rule says and the matchers it runs. Read from a
 * pack by the parser (gw-rule-parser.c), its examples checked by
 * gw-rule-examples.c; the matchers see only its words (GwRuleWords). */

G_DEFINE_TYPE (GwRule, gw_rule, G_TYPE_OBJECT)

static void
gw_rule_finalize (GObject *object)
{
  GwRule *self = GW_RULE (object);

  g_free (self->words.id);
  g_free (self->pack_name);
  g_strfreev (self->kinds);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->words.message[i]);
      g_free (self->words.basis[i]);
      g_free (self->words.suggestion[i]);
    }
  g_free (self->replacement);
  g_clear_pointer (&self->matchers, g_ptr_array_unref);
  g_clear_pointer (&self->violating, g_ptr_array_unref);
  g_clear_pointer (&self->compliant, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_rule_parent_class)->finalize (object);
}

static void
gw_rule_class_init (GwRuleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_rule_finalize;
}

static void
gw_rule_init (GwRule *self)
{
  self->matchers = g_ptr_array_new_with_free_func ((GDestroyNotify) _gw_matcher_free);
  self->violating = g_ptr_array_new_with_free_func (g_object_unref);
  self->compliant = g_ptr_array_new_with_free_func (g_object_unref);
}

guint
_gw_lang_current (void)
{
  const char * const *names = g_get_language_names ();

  return names && names[0] && g_str_has_prefix (names[0], "zh") ? 0 : 1;
}

const char *
gw_rule_get_id (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->words.id;
}

GwSeverity
gw_rule_get_severity (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), GW_SEVERITY_INFO);
  return self->words.severity;
}

const char *
gw_rule_get_message (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->words.message[_gw_lang_current ()];
}

const char *
gw_rule_get_basis (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->words.basis[_gw_lang_current ()];
}

const char *
gw_rule_get_suggestion (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->words.suggestion[_gw_lang_current ()];
}

const char *
gw_rule_get_message_for (GwRule     *self,
                         const char *language)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->words.message[g_str_has_prefix (language ? language : "", "zh") ? 0 : 1];
}

const char * const *
gw_rule_get_kinds (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return (const char * const *) self->kinds;
}

const char *
gw_rule_get_pack_name (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), NULL);
  return self->pack_name;
}

gboolean
gw_rule_applies_to (GwRule         *self,
                    GwDocumentKind  kind)
{
  g_return_val_if_fail (GW_IS_RULE (self), FALSE);
  return g_strv_contains ((const char * const *) self->kinds, gw_document_kind_to_string (kind));
}

gboolean
_gw_rule_applies_to (GwRule         *rule,
                     GwDocumentKind  kind)
{
  return gw_rule_applies_to (rule, kind);
}

guint
_gw_rule_get_n_examples (GwRule *rule)
{
  return rule->violating->len + rule->compliant->len;
}

guint
gw_rule_get_n_violating_examples (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), 0);
  return self->violating->len;
}

guint
gw_rule_get_n_compliant_examples (GwRule *self)
{
  g_return_val_if_fail (GW_IS_RULE (self), 0);
  return self->compliant->len;
}

void
_gw_rule_check (GwRule         *rule,
                GwCheckContext *ctx,
                GPtrArray      *findings)
{
  ctx->failed = FALSE;
  for (guint i = 0; i < rule->matchers->len; i++)
    _gw_matcher_run (g_ptr_array_index (rule->matchers, i), &rule->words, ctx, findings);
  /* What the rule found stands; where it could not look is a finding too,
   * never silence (one a rule: its first such place). */
  if (ctx->failed)
    g_ptr_array_add (findings, _gw_check_context_incomplete (ctx, rule, ctx->fail_start,
                                                             ctx->fail_end));
  ctx->failed = FALSE;
}

/* A check.incomplete finding for @rule, whose patterns the engine gave up
 * on in [@start, @end) (a rule that could not be evaluated is a finding,
 * never silence). Here rather than in gw-check-context.c: it makes a rule's
 * finding, which the floor of the layer does not. */
GwFinding *
_gw_check_context_incomplete (GwCheckContext *ctx,
                              GwRule         *rule,
                              gsize           start,
                              gsize           end)
{
  g_autofree char *detail = NULL;
  GwSeverity error = GW_SEVERITY_ERROR;
  GwFinding *finding;

  detail = g_strdup_printf (ctx->lang == 0
                            ? "规则“%s”的模式在此处超出了匹配引擎的上限，这条规则在这里没有得出结论"
                            : "rule “%s” reached the limits of the matching engine here and "
                              "gave no verdict on this part",
                            gw_rule_get_id (rule));
  if (ctx->incomplete_rule)
    finding = _gw_rule_make_finding (&ctx->incomplete_rule->words, NULL, ctx->lang, &error, detail);
  else
    {
      /* the rule itself was disabled: still never silence */
      g_autofree char *message = g_strdup_printf (ctx->lang == 0 ? "检查不完整：%s。" : "Check incomplete: %s.",
                                                  detail);
      finding = gw_finding_new ("check.incomplete", error, message);
    }
  _gw_finding_place_text (ctx, finding, start, end);
  return finding;
}

GPtrArray *
_gw_rule_get_matchers (GwRule *rule)
{
  return rule->matchers;
}

GwDocument *
_gw_rule_get_example (GwRule   *rule,
                      gboolean  violating,
                      guint     index)
{
  GPtrArray *list = violating ? rule->violating : rule->compliant;

  return index < list->len ? g_ptr_array_index (list, index) : NULL;
}
