/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-findings-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-findings-panel.h"

struct _GwFindingsPanel
{
  GtkWidget           parent_instance;

  GtkSpinner         *spinner;
  GtkDropDown        *filter;
  GtkStack           *stack;
  GtkListBox         *list;
  AdwStatusPage      *empty_page;

  GListModel         *findings;
  GtkFilterListModel *shown;
  GtkCustomFilter    *severity_filter;
  int                 severity;
};

enum {
  ACTIVATE_FINDING,
  APPLY_FINDING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GwFindingsPanel, gw_findings_panel, GTK_TYPE_WIDGET)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GwFindingsPanel *self = user_data;

  return self->severity < 0 || (int) gw_finding_get_severity (GW_FINDING (item)) == self->severity;
}

static const char *
severity_icon (GwSeverity severity)
{
  switch (severity)
    {
    case GW_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case GW_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case GW_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_label (GwSeverity severity)
{
  switch (severity)
    {
    case GW_SEVERITY_ERROR:
      return _("Error");
    case GW_SEVERITY_WARNING:
      return _("Warning");
    case GW_SEVERITY_INFO:
    default:
      return _("Note");
    }
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static guint
position_in_all (GwFindingsPanel *self,
                 GwFinding       *finding)
{
  guint n = g_list_model_get_n_items (self->findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwFinding) other = g_list_model_get_item (self->findings, i);
      if (other == finding)
        return i;
    }
  return G_MAXUINT;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GwFindingsPanel *self = user_data;
  GwFinding *finding = GW_FINDING (item);
  GwSeverity severity = gw_finding_get_severity (finding);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));
  const char *excerpt = gw_finding_get_excerpt (finding);
  const char *basis = gw_finding_get_basis (finding);
  const char *suggestion = gw_finding_get_suggestion (finding);
  const char *replacement = gw_finding_get_replacement (finding);
  g_autofree char *a11y = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (icon, severity == GW_SEVERITY_ERROR ? "error"
                                  : severity == GW_SEVERITY_WARNING ? "warning" : "accent");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, severity_label (severity));
  gtk_box_append (GTK_BOX (top), icon);
  {
    GtkWidget *message = wrapped_label (gw_finding_get_message (finding), "heading");
    gtk_widget_set_hexpand (message, TRUE);
    gtk_box_append (GTK_BOX (top), message);
  }
  gtk_box_append (GTK_BOX (box), top);

  /* A form cell's excerpt may be just its internal name: not for people. */
  if (excerpt && *excerpt && g_strcmp0 (excerpt, gw_finding_get_target (finding)) != 0)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", excerpt);
      gtk_box_append (GTK_BOX (box), wrapped_label (quoted, "dim-label"));
    }
  if (basis && *basis)
    {
      g_autofree char *text = g_strdup_printf (_("Basis: %s"), basis);
      gtk_box_append (GTK_BOX (box), wrapped_label (text, "caption"));
    }
  if (suggestion && *suggestion)
    {
      g_autofree char *text = g_strdup_printf (_("Suggestion: %s"), suggestion);
      gtk_box_append (GTK_BOX (box), wrapped_label (text, NULL));
    }
  if (gw_finding_get_line (finding) > 0 && gw_finding_get_block (finding) >= 0)
    {
      g_autofree char *where = g_strdup_printf (_("Line %u, column %u"),
                                                gw_finding_get_line (finding),
                                                gw_finding_get_column (finding));
      gtk_box_append (GTK_BOX (box), wrapped_label (where, "dim-label"));
    }
  if (replacement)
    {
      g_autofree char *label = *replacement
        ? g_strdup_printf (_("Replace with “%s”"), replacement)
        : g_strdup (_("Delete it"));
      GtkWidget *button = gtk_button_new_with_label (label);
      guint position = position_in_all (self, finding);

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_widget_set_tooltip_text (button, _("Apply this suggestion to the text"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "findings.apply");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", position);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "gw-finding", g_object_ref (finding), g_object_unref);
  a11y = g_strdup_printf ("%s: %s", severity_label (severity), gw_finding_get_message (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
update_stack (GwFindingsPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint total = self->findings ? g_list_model_get_n_items (self->findings) : 0;

  gtk_stack_set_visible_child_name (self->stack, n ? "list" : "empty");
  adw_status_page_set_description (self->empty_page,
                                   total ? _("No findings of this kind. Choose “All” to see the others.")
                                         : _("The checker found nothing to point out in this document."));
}

static void
on_row_activated_cb (GwFindingsPanel *self,
                     GtkListBoxRow   *row)
{
  GwFinding *finding = g_object_get_data (G_OBJECT (row), "gw-finding");

  if (finding)
    g_signal_emit (self, signals[ACTIVATE_FINDING], 0, finding);
}

static void
on_filter_changed_cb (GwFindingsPanel *self)
{
  static const int severities[] = { -1, GW_SEVERITY_ERROR, GW_SEVERITY_WARNING, GW_SEVERITY_INFO };
  guint selected = gtk_drop_down_get_selected (self->filter);

  gw_findings_panel_set_filter (self, selected < G_N_ELEMENTS (severities) ? severities[selected] : -1);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwFindingsPanel *self = GW_FINDINGS_PANEL (widget);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(GwFinding) finding = NULL;

  if (self->findings == NULL || position >= g_list_model_get_n_items (self->findings))
    return;
  finding = g_list_model_get_item (self->findings, position);
  g_signal_emit (self, signals[APPLY_FINDING], 0, finding);
}

void
gw_findings_panel_set_findings (GwFindingsPanel *self,
                                GListModel      *findings)
{
  g_return_if_fail (GW_IS_FINDINGS_PANEL (self));
  g_return_if_fail (findings == NULL || G_IS_LIST_MODEL (findings));

  /* Row buttons carry positions in this model: rebuild rows on every set. */
  g_set_object (&self->findings, findings);
  gtk_filter_list_model_set_model (self->shown, findings);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown), create_row, self, NULL);
  update_stack (self);
}

GListModel *
gw_findings_panel_get_shown (GwFindingsPanel *self)
{
  g_return_val_if_fail (GW_IS_FINDINGS_PANEL (self), NULL);
  return G_LIST_MODEL (self->shown);
}

void
gw_findings_panel_set_filter (GwFindingsPanel *self,
                              int              severity)
{
  g_return_if_fail (GW_IS_FINDINGS_PANEL (self));

  if (self->severity == severity)
    return;
  self->severity = severity;
  gtk_filter_changed (GTK_FILTER (self->severity_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

void
gw_findings_panel_set_checking (GwFindingsPanel *self,
                                gboolean         checking)
{
  g_return_if_fail (GW_IS_FINDINGS_PANEL (self));
  gtk_spinner_set_spinning (self->spinner, checking);
}

static void
gw_findings_panel_dispose (GObject *object)
{
  GwFindingsPanel *self = GW_FINDINGS_PANEL (object);

  if (self->list)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_FINDINGS_PANEL);
  /* GTK 4.8 leaves unnamed template children in place. */
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->shown);
  g_clear_object (&self->findings);
  G_OBJECT_CLASS (gw_findings_panel_parent_class)->dispose (object);
}

static void
gw_findings_panel_class_init (GwFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_findings_panel_dispose;

  /**
   * GwFindingsPanel::activate-finding:
   * @finding: the finding whose row was activated
   */
  signals[ACTIVATE_FINDING] =
    g_signal_new ("activate-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GW_TYPE_FINDING);
  /**
   * GwFindingsPanel::apply-finding:
   * @finding: the finding whose replacement should go into the text
   */
  signals[APPLY_FINDING] =
    g_signal_new ("apply-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GW_TYPE_FINDING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gwfindingspanel");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GwFindingsPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, GwFindingsPanel, filter);
  gtk_widget_class_bind_template_child (widget_class, GwFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, GwFindingsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, GwFindingsPanel, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_install_action (widget_class, "findings.apply", "u", apply_action);
}

static void
gw_findings_panel_init (GwFindingsPanel *self)
{
  self->severity = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->severity_filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, GTK_FILTER (self->severity_filter));
  gw_findings_panel_set_findings (self, NULL);
}

GwFindingsPanel *
gw_findings_panel_new (void)
{
  return g_object_new (GW_TYPE_FINDINGS_PANEL, NULL);
}
