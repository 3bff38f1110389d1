/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-document.h"
#include "gw-finding.h"

G_BEGIN_DECLS

/* A rule: id, kinds, severity, message (zh_CN and English), basis (依据),
 * suggestion, matcher and examples. See docs/rule-packs.md. */
#define GW_TYPE_RULE (gw_rule_get_type ())
G_DECLARE_FINAL_TYPE (GwRule, gw_rule, GW, RULE, GObject)

const char *gw_rule_get_id          (GwRule *self);
GwSeverity  gw_rule_get_severity    (GwRule *self);
/* In the user's language (zh_CN text when the locale is Chinese). */
const char *gw_rule_get_message     (GwRule *self);
const char *gw_rule_get_basis       (GwRule *self);
const char *gw_rule_get_suggestion  (GwRule *self);
/* "opinion", "evaluation" or both, NULL-terminated. */
const char * const *gw_rule_get_kinds (GwRule *self);
const char *gw_rule_get_pack_name   (GwRule *self);
/* The message in @language ("zh_CN", "en"; any zh* is Chinese). */
const char *gw_rule_get_message_for (GwRule     *self,
                                     const char *language);
gboolean    gw_rule_applies_to      (GwRule         *self,
                                     GwDocumentKind  kind);
/* The rule's own examples, for the test suite and Preferences. */
guint       gw_rule_get_n_violating_examples (GwRule *self);
guint       gw_rule_get_n_compliant_examples (GwRule *self);
/* Checks example @index; TRUE when it behaves as it should (a violating one
 * triggers the rule, a compliant one does not). */
gboolean    gw_rule_check_example   (GwRule   *self,
                                     gboolean  violating,
                                     guint     index,
                                     guint    *n_findings);

#define GW_TYPE_RULE_PACK (gw_rule_pack_get_type ())
G_DECLARE_FINAL_TYPE (GwRulePack, gw_rule_pack, GW, RULE_PACK, GObject)

/* Strict: an unknown key, a bad pattern, a duplicate id, a wrong severity or
 * kind, or a rule whose own examples fail is an error naming the pack file,
 * the rule id and the key (GW_ERROR_RULE_PACK). */
GwRulePack *gw_rule_pack_new_from_file     (const char  *path,
                                            GError     **error);
GwRulePack *gw_rule_pack_new_from_resource (const char  *resource_path,
                                            GError     **error);
const char *gw_rule_pack_get_name          (GwRulePack  *self);
/* GListModel of GwRule. */
GListModel *gw_rule_pack_get_rules         (GwRulePack  *self);
/* @data: the JSON text; @display_name names it in errors; example files
 * are looked up in @base_dir (a folder, or "resource:///path"). */
GwRulePack *gw_rule_pack_new_from_data     (const char  *data,
                                            gssize       len,
                                            const char  *display_name,
                                            const char  *base_dir,
                                            GError     **error);
/* Shipped rule ids this pack switches off ("disable": [...]). */
const char * const *gw_rule_pack_get_disabled (GwRulePack *self);
const char *gw_rule_pack_get_path          (GwRulePack  *self);

G_END_DECLS
