/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-rule-pack.h"
#include "gw-rule-private.h"

G_BEGIN_DECLS

GwRulePack     *_gw_rule_pack_new_from_resource_unverified (const char  *resource_path,
                                                           GError     **error);
/* For the fuzz harness: the whole parse (JSON, every key, every pattern
 * compiled and probed, the example drafts read) without running each
 * example through the checker, which is the checker's to be fuzzed, and
 * cost the harness ten times the parse. */
GwRulePack     *_gw_rule_pack_new_from_data_unverified (const char  *data,
                                                        gssize       len,
                                                        const char  *display_name,
                                                        const char  *base_dir,
                                                        GError     **error);

G_END_DECLS
