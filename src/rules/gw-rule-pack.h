/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

G_END_DECLS
