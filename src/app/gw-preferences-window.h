/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-services.h"

G_BEGIN_DECLS

#define GW_TYPE_PREFERENCES_WINDOW (gw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, GW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Edits the settings of @services and reloads its checker and fonts. */
GwPreferencesWindow *gw_preferences_window_new (GtkApplication *app,
                                                GwServices     *services);
/* Installed font families that have Chinese characters, sorted. */

G_END_DECLS
