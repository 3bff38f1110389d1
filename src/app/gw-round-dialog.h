/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* New Evaluation Round…: the contract list (.xlsx or .csv), the folder of
 * the round, and optionally the governing opinion; Create does what
 * `gongwen --new-round` does (gw_round_start) and, on success, emits
 * ::round-created with the folder. A bad list is shown line by line, and
 * nothing is created. */
#define GW_TYPE_ROUND_DIALOG (gw_round_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwRoundDialog, gw_round_dialog, GW, ROUND_DIALOG, AdwWindow)

GwRoundDialog *gw_round_dialog_new         (GtkWindow     *parent);
/* What the file choosers set (tests set them directly). */
void           gw_round_dialog_set_list    (GwRoundDialog *self,
                                            GFile         *list);
void           gw_round_dialog_set_folder  (GwRoundDialog *self,
                                            GFile         *folder);
void           gw_round_dialog_set_opinion (GwRoundDialog *self,
                                            GFile         *opinion);
/* What Create does; FALSE (and the message shown) when nothing was made. */
gboolean       gw_round_dialog_create      (GwRoundDialog *self);
/* The message the dialog shows, or "". */
const char    *gw_round_dialog_get_message (GwRoundDialog *self);

/* A window holding the round view of @folder; activating a row opens the
 * form in @parent's window (a GwWindow), or else in the application's
 * document window used last. */
GtkWindow     *gw_round_window_new         (GtkWindow     *parent,
                                            GFile         *folder);

/* app.new-round (New Evaluation Round…) and app.open-round (Open
 * Evaluation Round…). */
void           gw_round_add_app_actions    (GtkApplication *app);

G_END_DECLS
