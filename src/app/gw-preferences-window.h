/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-application.h"

G_BEGIN_DECLS

#define GW_TYPE_PREFERENCES_WINDOW (gw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, GW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GwPreferencesWindow *gw_preferences_window_new (GwApplication *app);
/* Installed font families that have Chinese characters, sorted. */

G_END_DECLS
