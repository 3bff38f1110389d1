/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-application.h"
#include "gw-document.h"
#include "gw-page.h"

G_BEGIN_DECLS

#define GW_TYPE_WINDOW (gw_window_get_type ())
G_DECLARE_FINAL_TYPE (GwWindow, gw_window, GW, WINDOW, AdwApplicationWindow)

GwWindow *gw_window_new            (GwApplication *application);
/* Opens @file in a new tab (or selects the tab that has it). */
void      gw_window_open_file      (GwWindow      *self,
                                    GFile         *file);
/* Adds a tab for @doc; @file NULL for a new, unsaved document. */
GwPage   *gw_window_add_document   (GwWindow      *self,
                                    GwDocument    *doc,
                                    GFile         *file);
GwPage   *gw_window_get_current_page (GwWindow    *self);
AdwTabView *gw_window_get_tab_view (GwWindow      *self);
struct _GwTemplateDialog *
          gw_window_show_template_dialog (GwWindow   *self,
                                          const char *template_id);
/* Shows @message as a toast. */
void      gw_window_toast          (GwWindow      *self,
                                    const char    *message);
/* Shows @toast (taken); for toasts with a button. */
void      gw_window_add_toast      (GwWindow      *self,
                                    AdwToast      *toast);
/* Restores the drafts left by a crash (tests call this directly). */
void      gw_window_restore_recovered (GwWindow   *self);

/* Private to gw-window-actions.c */
void      _gw_window_class_actions_init (GtkWidgetClass *widget_class);
void      _gw_window_show_error    (GwWindow      *self,
                                    const char    *heading,
                                    const GError  *error);
void      _gw_window_update_actions (GwWindow     *self);

G_END_DECLS
