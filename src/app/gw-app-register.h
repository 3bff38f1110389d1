/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-checker.h"
#include "gw-register.h"

G_BEGIN_DECLS

/* The settings the register's path and stale days are read from; the
 * application's services set them (the register never asks the
 * application). Unsetting forgets them only if they are still @settings. */
void        gw_app_register_set_settings   (GSettings *settings);
void        gw_app_register_unset_settings (GSettings *settings);

/* The window's 发文字号 register: the file the "register-path" setting
 * names (empty: $XDG_DATA_HOME/gongwen/register.sqlite), opened on first
 * use and kept for the process; reopened when the setting changes. */
char       *gw_app_register_path   (void);
/* NULL with @error when the file cannot be opened (damaged, foreign, newer). */
GwRegister *gw_app_register_get    (GError    **error);
/* Whether a register file exists at the configured path: the checker's
 * format.doc-number-register runs only then. */
gboolean    gw_app_register_exists (void);
/* Hands @checker the register (its own connection) if one exists. */
void        gw_app_register_attach (GwChecker  *checker);
/* Days after which a reserved number shows as stale (setting, default 30). */
guint       gw_app_register_stale_days (void);

G_END_DECLS
