/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-services.h"

G_BEGIN_DECLS

#define GW_TYPE_APPLICATION (gw_application_get_type ())
G_DECLARE_FINAL_TYPE (GwApplication, gw_application, GW, APPLICATION, AdwApplication)

GwApplication *gw_application_new           (void);
/* What the widgets are handed instead of the application (see gw-services.h);
 * the getters below are its, for the window and the tests. */
GwServices    *gw_application_get_services  (GwApplication *self);
GwChecker     *gw_application_get_checker   (GwApplication *self);
GwRenderer    *gw_application_get_renderer  (GwApplication *self);
GSettings     *gw_application_get_settings  (GwApplication *self);
char          *gw_application_reload_checker (GwApplication *self);

G_END_DECLS
