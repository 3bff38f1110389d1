/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-checker.h"
#include "gw-pdf.h"

G_BEGIN_DECLS

#define GW_TYPE_APPLICATION (gw_application_get_type ())
G_DECLARE_FINAL_TYPE (GwApplication, gw_application, GW, APPLICATION, AdwApplication)

GwApplication *gw_application_new           (void);
/* One checker and one renderer per process, made on first use; NULL (with a
 * warning logged once) when the shipped packs or fonts cannot be loaded. */
GwChecker     *gw_application_get_checker   (GwApplication *self);
GwRenderer    *gw_application_get_renderer  (GwApplication *self);
/* The app's settings, or NULL when the schema is not installed (running from
 * the build tree): callers then use the defaults. */
GSettings     *gw_application_get_settings  (GwApplication *self);
/* Rebuilds the checker and renderer from the settings (Preferences). Errors
 * of the user's rule packs, one line each, or NULL. */
char          *gw_application_reload_checker (GwApplication *self);
void           gw_application_apply_fonts   (GwApplication *self);

G_END_DECLS
