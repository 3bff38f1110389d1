/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-document.h"
#include "gw-services.h"

G_BEGIN_DECLS

/* The register view: the numbers of an organ and a year, searched and
 * filtered, opened, issued, voided and exported (CSV, PDF). */
#define GW_TYPE_REGISTER_VIEW (gw_register_view_get_type ())
G_DECLARE_FINAL_TYPE (GwRegisterView, gw_register_view, GW, REGISTER_VIEW, GtkWidget)

GwRegisterView *gw_register_view_new            (void);
/* Reads the register again (after a change elsewhere). */
void            gw_register_view_reload         (GwRegisterView *self);
/* Microseconds the last reload took, list and model together. */
gint64          gw_register_view_get_load_usec  (GwRegisterView *self);
void            gw_register_view_set_year       (GwRegisterView *self,
                                                 int             year);
void            gw_register_view_set_search     (GwRegisterView *self,
                                                 const char     *text);
/* 0 all, 1 reserved, 2 issued, 3 void, 4 stale */
void            gw_register_view_set_status_filter (GwRegisterView *self,
                                                    guint           filter);
/* The rows shown (GwRegisterItem). */
GListModel     *gw_register_view_get_model      (GwRegisterView *self);
gboolean        gw_register_view_select_number  (GwRegisterView *self,
                                                 const char     *number);
/* What the row buttons do, for the selected row, without the dialogs. */
gboolean        gw_register_view_issue_selected (GwRegisterView  *self,
                                                 const char      *file,
                                                 GError         **error);
gboolean        gw_register_view_void_selected  (GwRegisterView  *self,
                                                 const char      *reason,
                                                 GError         **error);
/* The shown year as CSV (a path ending .csv) or the printed PDF table. */
gboolean        gw_register_view_export         (GwRegisterView  *self,
                                                 const char      *path,
                                                 GError         **error);

/* A window holding the view, transient for @parent; its view is the
 * window's "register-view" data. */
/* @services (may be NULL) set up the fonts of the exported PDF. */
GtkWindow      *gw_register_view_present        (GtkWindow      *parent,
                                                 GwServices     *services);
/* After exporting @doc to @pdf: the toast offering 登记发文 when the
 * document's number is reserved in the register, for the window to show;
 * NULL otherwise. */
AdwToast       *gw_register_view_offer_issue    (GwDocument     *doc,
                                                 const char     *pdf);
/* win.register-issue: registers @number issued with @pdf. The message for
 * the window's toast, or NULL after telling why not in a dialog over
 * @parent. */
char           *gw_register_view_issue          (GtkWindow      *parent,
                                                 const char     *number,
                                                 const char     *pdf);

G_END_DECLS
