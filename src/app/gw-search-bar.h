/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

/* Find and replace over a GtkSourceView, on GtkSourceView's own search
 * (a GtkSourceSearchContext on the view's buffer): the matches are counted
 * and highlighted as the buffer changes, and every replacement is one step
 * to undo; matches take the "search-match" style of the buffer's style
 * scheme. Its actions: "search.next", "search.previous",
 * "search.replace", "search.replace-all". ::show-match is emitted before
 * a match is selected, so the owner can bring the view to the front. */

#define GW_TYPE_SEARCH_BAR (gw_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (GwSearchBar, gw_search_bar, GW, SEARCH_BAR, GtkWidget)

GwSearchBar             *gw_search_bar_new          (void);
void                     gw_search_bar_set_view     (GwSearchBar   *self,
                                                     GtkSourceView *view);
GtkSourceView           *gw_search_bar_get_view     (GwSearchBar   *self);
/* Opens the bar (with the replace row when @replace), searching for the
 * selection when it lies on one line, and focuses the search entry. */
void                     gw_search_bar_begin        (GwSearchBar   *self,
                                                     gboolean       replace);
/* Closes the bar and gives the focus back to the view. */
void                     gw_search_bar_end          (GwSearchBar   *self);
gboolean                 gw_search_bar_get_search_mode (GwSearchBar *self);
/* How many matches the buffer holds; -1 while they are being counted or
 * when nothing is searched for. */
int                      gw_search_bar_get_n_matches (GwSearchBar  *self);

G_END_DECLS
