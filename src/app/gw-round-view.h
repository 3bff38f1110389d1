/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-round.h"

G_BEGIN_DECLS

/* GwRoundItem: one form of a round in the view's list (a GwRoundRow made a
 * GObject for GtkColumnView). */
#define GW_TYPE_ROUND_ITEM (gw_round_item_get_type ())
G_DECLARE_FINAL_TYPE (GwRoundItem, gw_round_item, GW, ROUND_ITEM, GObject)

/* Takes @row. */
GwRoundItem      *gw_round_item_new        (GwRoundRow  *row);
const GwRoundRow *gw_round_item_get_row    (GwRoundItem *self);

/* The round view: every form of a round folder in one sortable table —
 * station, operator, section subtotals, total, grade, decision, findings,
 * status — following the folder with a file monitor, so a form copied in
 * (a .gwdoc, or a scored .docx where the importer reads it) appears and a
 * form removed goes. Activating a row emits ::open-form with its file.
 * Export Summary… writes the same roll-up as `gongwen --summary`. */
#define GW_TYPE_ROUND_VIEW (gw_round_view_get_type ())
G_DECLARE_FINAL_TYPE (GwRoundView, gw_round_view, GW, ROUND_VIEW, GtkBox)

GwRoundView *gw_round_view_new          (void);
/* Reads every form of @folder (in a thread), then follows the folder. */
void         gw_round_view_set_folder   (GwRoundView *self,
                                         GFile       *folder);
GFile       *gw_round_view_get_folder   (GwRoundView *self);
/* Whether the first read of the folder is still running. */
gboolean     gw_round_view_is_loading   (GwRoundView *self);
/* The rows as shown (sorted): GListModel of GwRoundItem. */
GListModel  *gw_round_view_get_model    (GwRoundView *self);
GtkColumnView *gw_round_view_get_column_view (GwRoundView *self);
/* Writes the summary to @file (.pdf or .csv) in a thread; @callback gets
 * the result through gw_round_view_export_summary_finish(). */
void         gw_round_view_export_summary        (GwRoundView         *self,
                                                  GFile               *file,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean     gw_round_view_export_summary_finish (GwRoundView         *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
