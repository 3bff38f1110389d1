/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-checker.h"
#include "gw-pdf.h"

G_BEGIN_DECLS

/* What the application owns and its widgets use: the settings, one checker
 * and one renderer per process. The application makes it and hands it down
 * (pages, Preferences, the register view), so no widget calls up into the
 * application. */

#define GW_TYPE_SERVICES (gw_services_get_type ())
G_DECLARE_FINAL_TYPE (GwServices, gw_services, GW, SERVICES, GObject)

/* Looks up the settings now (the register reads its path from them); the
 * checker and the renderer wait for their first use. */
GwServices *gw_services_new             (void);
/* The app's settings, or NULL when the schema is not installed (running from
 * the build tree): callers then use the defaults. */
GSettings  *gw_services_get_settings    (GwServices *self);
/* Made on first use; NULL (with a warning logged once) when the shipped
 * packs or fonts cannot be loaded. */
GwChecker  *gw_services_get_checker     (GwServices *self);
GwRenderer *gw_services_get_renderer    (GwServices *self);
/* Rebuilds the checker from the settings (Preferences). Errors of the
 * user's rule packs, one line each, or NULL. */
char       *gw_services_reload_checker  (GwServices *self);
void        gw_services_apply_fonts     (GwServices *self);
/* Hands the checker the register, now that there may be one. */
void        gw_services_attach_register (GwServices *self);

G_END_DECLS
