/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-window.h"

G_BEGIN_DECLS

struct _GwWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toasts;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *findings_button;
  GtkToggleButton      *preview_button;
  GtkLabel             *errors_label;
  GtkLabel             *warnings_label;
  AdwTabBar            *tab_bar;
  AdwTabView           *tab_view;
  GtkStack             *stack;
  GtkListBox           *template_list;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwPreferencesGroup  *recovered_group;
  GtkListBox           *recovered_list;

  GtkRecentManager     *recent_manager;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GPtrArray            *recovered;
  gboolean              show_findings;
  gboolean              show_preview;
  gboolean              closing_window;
};

/* Saves @page (asking where when @ask_path); when @closing_tab is given,
 * finishes closing it once saved, or cancels the close. */
void _gw_window_save_page             (GwWindow   *self,
                                       GwPage     *page,
                                       gboolean    ask_path,
                                       AdwTabPage *closing_tab);
void _gw_window_page_saved_for_close  (GwWindow   *self,
                                       AdwTabPage *tab,
                                       gboolean    saved);

void _gw_window_export_to              (GwWindow   *self,
                                       GwPage     *page,
                                       GFile      *file);

/* Prints @page through the renderer's pagination; with
 * GTK_PRINT_OPERATION_ACTION_EXPORT, into @export_filename (tests). */
GtkPrintOperationResult _gw_window_print (GwWindow                *self,
                                          GwPage                  *page,
                                          GtkPrintOperationAction  action,
                                          const char              *export_filename);

G_END_DECLS
