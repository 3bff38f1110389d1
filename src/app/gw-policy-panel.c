/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-policy-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-policy-panel.h"

struct _GwPolicyPanel
{
  GtkBox      parent_instance;

  GtkWidget  *list;
  GwPolicy   *policy;
  GtkWidget  *rows[GW_N_POLICY_PARAMS];
};

G_DEFINE_FINAL_TYPE (GwPolicyPanel, gw_policy_panel, GTK_TYPE_BOX)

enum { ACTIVATE_SENTENCE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     GwPolicyPanel *self)
{
  for (guint i = 0; i < GW_N_POLICY_PARAMS; i++)
    if (self->rows[i] == GTK_WIDGET (row))
      gw_policy_panel_activate (self, i);
}

gboolean
gw_policy_panel_activate (GwPolicyPanel *self,
                          GwPolicyParam  param)
{
  guint offset = 0, length = 0;
  int block;

  g_return_val_if_fail (GW_IS_POLICY_PANEL (self), FALSE);
  if (self->policy == NULL || !gw_policy_has (self->policy, param))
    return FALSE;
  block = gw_policy_get_block (self->policy, param, &offset, &length);
  if (block < 0)
    return FALSE;
  g_signal_emit (self, signals[ACTIVATE_SENTENCE], 0, block, offset, length);
  return TRUE;
}

void
gw_policy_panel_set_policy (GwPolicyPanel *self,
                            GwPolicy      *policy)
{
  GtkWidget *child;

  g_return_if_fail (GW_IS_POLICY_PANEL (self));

  g_clear_pointer (&self->policy, gw_policy_free);
  self->policy = policy;
  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  memset (self->rows, 0, sizeof self->rows);

  for (guint i = 0; policy && i < GW_N_POLICY_PARAMS; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *tip = NULL;
      GtkWidget *row;

      if (!gw_policy_has (policy, i))
        continue;
      value = gw_policy_describe_value (policy, i);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_policy_param_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Where it was read, as the opinion says it. */
      tip = g_strdup_printf (_("Line %u: %s"), gw_policy_get_line (policy, i),
                             gw_policy_get_text (policy, i));
      gtk_widget_set_tooltip_text (row, tip);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      self->rows[i] = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), policy != NULL && !gw_policy_is_empty (policy));
}

GwPolicy *
gw_policy_panel_get_policy (GwPolicyPanel *self)
{
  g_return_val_if_fail (GW_IS_POLICY_PANEL (self), NULL);
  return self->policy;
}

static void
gw_policy_panel_finalize (GObject *object)
{
  GwPolicyPanel *self = GW_POLICY_PANEL (object);

  g_clear_pointer (&self->policy, gw_policy_free);
  G_OBJECT_CLASS (gw_policy_panel_parent_class)->finalize (object);
}

static void
gw_policy_panel_class_init (GwPolicyPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_policy_panel_finalize;

  /**
   * GwPolicyPanel::activate-sentence:
   * @block: the block the parameter's sentence is in
   * @offset: its first character in the block's text
   * @length: its length in characters
   */
  signals[ACTIVATE_SENTENCE] =
    g_signal_new ("activate-sentence", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "gwpolicypanel");
}

static void
gw_policy_panel_init (GwPolicyPanel *self)
{
  GtkWidget *heading = gtk_label_new (_("Policy parameters"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (self), heading);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_box_append (GTK_BOX (self), self->list);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gw_policy_panel_new (void)
{
  return g_object_new (GW_TYPE_POLICY_PANEL, NULL);
}
