/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-search-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-search-bar.h"

struct _GwSearchBar
{
  GtkWidget               parent_instance;

  GtkSearchBar           *bar;
  GtkSearchEntry         *search_entry;
  GtkEntry               *replace_entry;
  GtkWidget              *replace_box;
  GtkCheckButton         *case_button;
  GtkLabel               *match_label;

  GtkSourceView          *view;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext *context;
  /* "Replaced n times" stays until the search changes or moves on */
  gboolean                show_replaced;
  /* the search text "Replaced n times" was for */
  char                   *replaced_for;
};

G_DEFINE_FINAL_TYPE (GwSearchBar, gw_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

enum {
  SHOW_MATCH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkTextBuffer *
get_buffer (GwSearchBar *self)
{
  return self->view ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)) : NULL;
}

static const char *
search_text (GwSearchBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static void
update_match_label (GwSearchBar *self)
{
  int count;
  g_autofree char *label = NULL;

  if (self->show_replaced)
    return;
  if (*search_text (self) == '\0' || self->context == NULL)
    {
      gtk_label_set_label (self->match_label, "");
      return;
    }
  count = gtk_source_search_context_get_occurrences_count (self->context);
  if (count < 0)
    return;   /* still counting: the last count stands until then */
  label = count ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                                count), count)
                : g_strdup (_("Not found"));
  gtk_label_set_label (self->match_label, label);
}

/* The search moved on: "Replaced n times" gives way to the count. */
static void
forget_replaced (GwSearchBar *self)
{
  if (!self->show_replaced)
    return;
  self->show_replaced = FALSE;
  gtk_label_set_label (self->match_label, "");
}

int
gw_search_bar_get_n_matches (GwSearchBar *self)
{
  g_return_val_if_fail (GW_IS_SEARCH_BAR (self), -1);

  if (self->context == NULL || *search_text (self) == '\0')
    return -1;
  return gtk_source_search_context_get_occurrences_count (self->context);
}

/* Selects the next (or previous) match from the selection, wrapping
 * around the end of the buffer. */
static gboolean
find (GwSearchBar *self,
      gboolean     backwards)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  if (buffer == NULL || *search_text (self) == '\0')
    return FALSE;
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (backwards)
    found = gtk_source_search_context_backward (self->context, &start, &match_start, &match_end,
                                                NULL);
  else
    found = gtk_source_search_context_forward (self->context, &end, &match_start, &match_end,
                                               NULL);
  if (found)
    {
      g_signal_emit (self, signals[SHOW_MATCH], 0);
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.1, FALSE, 0, 0);
    }
  return found;
}

static void
on_search_changed_cb (GwSearchBar *self)
{

  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start;

  /* The entry reports a change after a delay: a change it reports for the
   * text that was just replaced is not the search moving on. */
  if (self->show_replaced && g_strcmp0 (self->replaced_for, search_text (self)) == 0)
    return;
  forget_replaced (self);
  update_match_label (self);
  if (buffer == NULL)
    return;
  /* Search from where the selection starts, so the match grows in place. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, NULL);
  gtk_text_buffer_place_cursor (buffer, &start);
  find (self, FALSE);
}

static void
on_search_activate_cb (GwSearchBar *self)
{
  forget_replaced (self);
  update_match_label (self);
  find (self, FALSE);
}

static void
on_search_previous_cb (GwSearchBar *self)
{
  forget_replaced (self);
  update_match_label (self);
  find (self, TRUE);
}

static void
on_stop_search_cb (GwSearchBar *self)
{
  gw_search_bar_end (self);
}

/* Whether the selection is a match as it stands. */
static gboolean
selection_matches (GwSearchBar *self,
                   GtkTextIter *start,
                   GtkTextIter *end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter match_start, match_end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, start, end))
    return FALSE;
  return gtk_source_search_context_forward (self->context, start, &match_start, &match_end, NULL) &&
         gtk_text_iter_equal (&match_start, start) && gtk_text_iter_equal (&match_end, end);
}

static void
replace_one (GwSearchBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  GtkTextIter start, end;

  if (buffer == NULL)
    return;
  forget_replaced (self);
  if (selection_matches (self, &start, &end))
    {
      g_autoptr(GError) error = NULL;

      /* one step to undo */
      gtk_text_buffer_begin_user_action (buffer);
      if (gtk_source_search_context_replace (self->context, &start, &end, replacement, -1, &error))
        gtk_text_buffer_place_cursor (buffer, &end);
      else
        g_debug ("Cannot replace: %s", error->message);
      gtk_text_buffer_end_user_action (buffer);
    }
  find (self, FALSE);
  update_match_label (self);
}

static void
replace_all (GwSearchBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *msg = NULL;
  guint count;

  if (buffer == NULL || *search_text (self) == '\0')
    return;
  /* one step to undo */
  gtk_text_buffer_begin_user_action (buffer);
  count = gtk_source_search_context_replace_all (self->context, replacement, -1, &error);
  gtk_text_buffer_end_user_action (buffer);
  if (error)
    g_debug ("Cannot replace: %s", error->message);
  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replaced %u time",
                                      "Replaced %u times", count), count);
  gtk_label_set_label (self->match_label, msg);
  self->show_replaced = TRUE;
  g_free (self->replaced_for);
  self->replaced_for = g_strdup (search_text (self));
}

static void
on_replace_activate_cb (GwSearchBar *self)
{
  replace_one (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwSearchBar *self = GW_SEARCH_BAR (widget);

  forget_replaced (self);
  update_match_label (self);
  find (self, g_str_equal (action_name, "search.previous"));
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (g_str_equal (action_name, "search.replace-all"))
    replace_all (GW_SEARCH_BAR (widget));
  else
    replace_one (GW_SEARCH_BAR (widget));
}

static void
on_search_mode_cb (GwSearchBar *self)
{
  /* matches are highlighted while the bar is open */
  if (self->context)
    gtk_source_search_context_set_highlight (self->context,
                                             gtk_search_bar_get_search_mode (self->bar));
}

void
gw_search_bar_set_view (GwSearchBar   *self,
                        GtkSourceView *view)
{
  g_return_if_fail (GW_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_set_object (&self->view, view);
  if (view)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      /* highlighting starts with the bar open */
      self->context = g_object_new (GTK_SOURCE_TYPE_SEARCH_CONTEXT,
                                    "buffer", buffer,
                                    "settings", self->settings,
                                    "highlight", FALSE,
                                    NULL);
      g_signal_connect_swapped (self->context, "notify::occurrences-count",
                                G_CALLBACK (update_match_label), self);
      on_search_mode_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

GtkSourceView *
gw_search_bar_get_view (GwSearchBar *self)
{
  g_return_val_if_fail (GW_IS_SEARCH_BAR (self), NULL);
  return self->view;
}

gboolean
gw_search_bar_get_search_mode (GwSearchBar *self)
{
  g_return_val_if_fail (GW_IS_SEARCH_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->bar);
}

void
gw_search_bar_begin (GwSearchBar *self,
                     gboolean     replace)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (GW_IS_SEARCH_BAR (self));

  buffer = get_buffer (self);
  gtk_widget_set_visible (self->replace_box, replace);
  gtk_search_bar_set_search_mode (self->bar, TRUE);
  if (buffer && gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
gw_search_bar_end (GwSearchBar *self)
{
  g_return_if_fail (GW_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->bar, FALSE);
  if (self->view)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
gw_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GwSearchBar *self = GW_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GwSearchBar *self = GW_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      gw_search_bar_set_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
gw_search_bar_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (GW_SEARCH_BAR (widget)->search_entry));
}

static void
gw_search_bar_dispose (GObject *object)
{
  GwSearchBar *self = GW_SEARCH_BAR (object);

  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_SEARCH_BAR);
  G_OBJECT_CLASS (gw_search_bar_parent_class)->dispose (object);
}

static void
gw_search_bar_finalize (GObject *object)
{
  GwSearchBar *self = GW_SEARCH_BAR (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->replaced_for, g_free);
  G_OBJECT_CLASS (gw_search_bar_parent_class)->finalize (object);
}

static void
gw_search_bar_class_init (GwSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gw_search_bar_get_property;
  object_class->set_property = gw_search_bar_set_property;
  object_class->dispose = gw_search_bar_dispose;
  object_class->finalize = gw_search_bar_finalize;
  widget_class->grab_focus = gw_search_bar_grab_focus;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_SOURCE_TYPE_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_MATCH] = g_signal_new ("show-match", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GwSearchBar, bar);
  gtk_widget_class_bind_template_child (widget_class, GwSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GwSearchBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, GwSearchBar, replace_box);
  gtk_widget_class_bind_template_child (widget_class, GwSearchBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, GwSearchBar, match_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_activate_cb);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "search.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "search.replace-all", NULL, replace_action);
}

static void
gw_search_bar_init (GwSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* literal text, any case unless asked, wrapping around the end */
  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
  g_object_bind_property (self->search_entry, "text", self->settings, "search-text",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->case_button, "active", self->settings, "case-sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  /* after the binding has told the settings: the search starts over */
  g_signal_connect_swapped (self->case_button, "notify::active",
                            G_CALLBACK (on_search_changed_cb), self);
  gtk_search_bar_connect_entry (self->bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode_cb), self);
}

GwSearchBar *
gw_search_bar_new (void)
{
  return g_object_new (GW_TYPE_SEARCH_BAR, NULL);
}
