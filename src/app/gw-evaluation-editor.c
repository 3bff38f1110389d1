/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-evaluation-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gw-evaluation-editor.h"
#include "gw-numeral.h"
#include "gw-opinion-finder.h"

struct _GwEvaluationEditor
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *header_group;
  AdwExpanderRow      *header_expander;
  AdwPreferencesGroup *result_group;
  AdwPreferencesGroup *veto_group;
  AdwPreferencesGroup *decision_group;
  AdwPreferencesGroup *signoff_group;
  GtkColumnView       *table;
  AdwActionRow        *total_row;
  GtkLabel            *total_label;
  GtkLabel            *grade_label;
  GtkLabel            *decision_label;
  GtkLabel            *reason_message;

  GwDocument          *document;
  GwEvaluation        *evaluation;
  GListStore          *indicators;     /* flattened GwIndicator, in form order */
  GHashTable          *section_of;     /* GwIndicator* → GwEvalSection* */
  GHashTable          *spin_of;        /* indicator id → GtkSpinButton (bound cells) */
  GtkWidget           *field_rows[GW_N_EVAL_FIELDS];
  GtkWidget           *evaluators_row;
  GPtrArray           *bindings;
  GPtrArray           *subtotal_rows;  /* AdwActionRow per section */
  GPtrArray           *veto_rows;
  GtkFileChooserNative *opinion_chooser;
  gboolean             reason_missing;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (GwEvaluationEditor, gw_evaluation_editor, GTK_TYPE_WIDGET)

static const struct {
  GwEvalField  field;
  int          group;  /* 0 header, 1 decision, 2 sign-off */
  const char  *label;
  const char  *description;
} field_rows[] = {
  { GW_EVAL_PROJECT, 0, N_("Project name"), N_("As written in the contract") },
  { GW_EVAL_TIER, 0, N_("Station tier"), N_("社工总站, 镇街社工站 or 社工室") },
  { GW_EVAL_PURCHASER, 0, N_("Purchaser"), N_("The government body that buys the service") },
  { GW_EVAL_OPERATOR, 0, N_("Operator"), N_("The organisation that runs the station") },
  { GW_EVAL_CREDIT_CODE, 0, N_("Unified social credit code"),
    N_("The operator’s 18-character code") },
  { GW_EVAL_CONTRACT_NUMBER, 0, N_("Contract number"), NULL },
  { GW_EVAL_CONTRACT_AMOUNT, 0, N_("Contract amount (yuan)"), NULL },
  { GW_EVAL_FUNDS_USED, 0, N_("Funds used (yuan)"), NULL },
  { GW_EVAL_FUNDS_EXPLANATION, 0, N_("Explanation of fund use"),
    N_("Needed when the funds used are far below the contract amount") },
  { GW_EVAL_SERVICE_START, 0, N_("Service period start"), N_("YYYY-MM-DD") },
  { GW_EVAL_SERVICE_END, 0, N_("Service period end"), N_("YYYY-MM-DD") },
  { GW_EVAL_CYCLE_YEAR, 0, N_("Year of the contract cycle"),
    N_("1, 2 or 3: the third year ends the cycle") },
  { GW_EVAL_TYPE, 0, N_("Evaluation type"), N_("中期 or 年度") },
  { GW_EVAL_EVALUATOR, 0, N_("Evaluating organisation"), N_("The third party that scores") },
  { GW_EVAL_DATE, 0, N_("Evaluation date"), N_("YYYY-MM-DD") },
  { GW_EVAL_OPINION, 0, N_("Governing opinion"),
    N_("The implementation opinion the form is evaluated under: its file, or its document "
       "number (发文字号) while it is open. The form is then checked against it") },
  { GW_EVAL_STATED_GRADE, 1, N_("Grade on the form"),
    N_("Leave empty to use the computed grade") },
  { GW_EVAL_STATED_DECISION, 1, N_("Decision on the form"),
    N_("Leave empty to use the suggested decision") },
  { GW_EVAL_OVERRIDE_REASON, 1, N_("Reason for overriding the decision"),
    N_("Required when the decision differs from the suggested one") },
  { GW_EVAL_TEAM_LEADER, 2, N_("Team leader"), NULL },
  { GW_EVAL_EVALUATORS_DATE, 2, N_("Evaluators’ signing date"), N_("YYYY-MM-DD") },
  { GW_EVAL_OPERATOR_ACK, 2, N_("Operator’s head (acknowledgement)"), NULL },
  { GW_EVAL_OPERATOR_ACK_DATE, 2, N_("Acknowledgement date"), N_("YYYY-MM-DD") },
  { GW_EVAL_PURCHASER_OPINION, 2, N_("Purchaser’s opinion"), NULL },
  { GW_EVAL_PURCHASER_DATE, 2, N_("Purchaser’s date"), N_("YYYY-MM-DD") },
  { GW_EVAL_BUREAU_REVIEW, 2, N_("Civil affairs bureau’s review"), NULL },
  { GW_EVAL_BUREAU_DATE, 2, N_("Bureau’s date"), N_("YYYY-MM-DD") },
};

static char *
format_score (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return gw_number_format (value, -1);
}

/* ---- results ------------------------------------------------------------- */

static void
update_results (GwEvaluationEditor *self)
{
  GListModel *sections;
  g_autofree char *total = NULL;
  g_autofree char *max = NULL;
  g_autofree char *total_text = NULL;
  const char *grade, *decision, *stated_decision, *reason;
  guint n;

  if (self->evaluation == NULL)
    return;

  sections = G_LIST_MODEL (gw_evaluation_get_sections (self->evaluation));
  n = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n && i < self->subtotal_rows->len; i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (sections, i);
      GtkLabel *label = g_object_get_data (g_ptr_array_index (self->subtotal_rows, i), "label");
      g_autofree char *sub = format_score (gw_eval_section_compute_subtotal (section));
      g_autofree char *smax = format_score (gw_eval_section_compute_max (section));
      g_autofree char *text = g_strdup_printf ("%s / %s", sub, smax);

      gtk_label_set_label (label, text);
    }

  total = format_score (gw_evaluation_compute_total (self->evaluation));
  max = format_score (gw_evaluation_compute_max (self->evaluation));
  total_text = g_strdup_printf ("%s / %s", total, max);
  gtk_label_set_label (self->total_label, total_text);

  grade = gw_evaluation_compute_grade (self->evaluation);
  gtk_label_set_label (self->grade_label, grade ? grade : "—");
  gtk_widget_remove_css_class (GTK_WIDGET (self->grade_label), "error");
  if (gw_evaluation_any_veto (self->evaluation))
    gtk_widget_add_css_class (GTK_WIDGET (self->grade_label), "error");

  decision = gw_evaluation_compute_decision (self->evaluation);
  gtk_label_set_label (self->decision_label,
                       decision ? decision : _("Set the year of the contract cycle"));

  /* An override stands only with its reason written down. */
  stated_decision = gw_evaluation_get_field (self->evaluation, GW_EVAL_STATED_DECISION);
  reason = gw_evaluation_get_field (self->evaluation, GW_EVAL_OVERRIDE_REASON);
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

    self->reason_missing = stated_decision && *stated_decision && decision &&
                           g_strcmp0 (stated_decision, decision) != 0 && *trimmed == '\0';
  }
  gtk_widget_set_visible (GTK_WIDGET (self->reason_message), self->reason_missing);
  if (self->reason_missing)
    gtk_widget_add_css_class (self->field_rows[GW_EVAL_OVERRIDE_REASON], "error");
  else
    gtk_widget_remove_css_class (self->field_rows[GW_EVAL_OVERRIDE_REASON], "error");
}

/* ---- indicator table ------------------------------------------------------- */

static void
on_score_changed_cb (GtkSpinButton      *spin,
                     GwEvaluationEditor *self)
{
  GwIndicator *indicator = g_object_get_data (G_OBJECT (spin), "indicator");
  const char *which = g_object_get_data (G_OBJECT (spin), "which");

  if (indicator == NULL || self->updating)
    return;
  g_object_set_data (G_OBJECT (spin), "blank", NULL);
  if (g_str_equal (which, "score"))
    gw_indicator_set_score (indicator, gtk_spin_button_get_value (spin));
  else
    gw_indicator_set_self_score (indicator, gtk_spin_button_get_value (spin));
}

/* A blank score (NAN) shows as an empty box, not as 0. */
static gboolean
on_score_output_cb (GtkSpinButton *spin)
{
  if (g_object_get_data (G_OBJECT (spin), "blank"))
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), "");
      return TRUE;
    }
  return FALSE;
}

static int
on_score_input_cb (GtkSpinButton *spin,
                   double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  if (*text == '\0')
    {
      GwIndicator *indicator = g_object_get_data (G_OBJECT (spin), "indicator");
      const char *which = g_object_get_data (G_OBJECT (spin), "which");

      *value = gtk_spin_button_get_value (spin);
      g_object_set_data (G_OBJECT (spin), "blank", GINT_TO_POINTER (1));
      if (indicator && g_str_equal (which, "score"))
        gw_indicator_set_score (indicator, NAN);
      else if (indicator)
        gw_indicator_set_self_score (indicator, NAN);
      return TRUE;
    }
  return FALSE;
}

static void
setup_spin_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GwEvaluationEditor       *self)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);
  const char *which = g_object_get_data (G_OBJECT (factory), "which");

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  g_object_set_data (G_OBJECT (spin), "which", (gpointer) which);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_score_changed_cb), self);
  g_signal_connect (spin, "output", G_CALLBACK (on_score_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_score_input_cb), NULL);
  gtk_list_item_set_child (item, spin);
}

static void
show_score (GwEvaluationEditor *self,
            GtkSpinButton      *spin,
            GwIndicator        *indicator)
{
  const char *which = g_object_get_data (G_OBJECT (spin), "which");
  double value = g_str_equal (which, "score") ? gw_indicator_get_score (indicator)
                                              : gw_indicator_get_self_score (indicator);

  self->updating = TRUE;
  g_object_set_data (G_OBJECT (spin), "blank", isnan (value) ? GINT_TO_POINTER (1) : NULL);
  gtk_spin_button_set_value (spin, isnan (value) ? 0 : value);
  if (isnan (value))
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  self->updating = FALSE;
}

/* Scores set elsewhere (undo, a loaded file) show in the table at once. */
static void
on_indicator_notify_cb (GwIndicator   *indicator,
                        GParamSpec    *pspec,
                        GtkSpinButton *spin)
{
  GwEvaluationEditor *self = g_object_get_data (G_OBJECT (spin), "editor");
  const char *which = g_object_get_data (G_OBJECT (spin), "which");

  if (self && !self->updating && g_str_equal (pspec->name, which))
    show_score (self, spin, indicator);
}

static void
bind_spin_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GwEvaluationEditor       *self)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_list_item_get_child (item));
  GwIndicator *indicator = gtk_list_item_get_item (item);
  const char *which = g_object_get_data (G_OBJECT (factory), "which");
  gboolean is_score = g_str_equal (which, "score");
  double step = gw_evaluation_get_step (self->evaluation);
  g_autofree char *a11y = NULL;
  g_autofree char *max = NULL;

  self->updating = TRUE;
  g_object_set_data (G_OBJECT (spin), "indicator", indicator);
  g_object_set_data (G_OBJECT (spin), "editor", self);
  gtk_spin_button_set_range (spin, 0, gw_indicator_get_max (indicator));
  gtk_spin_button_set_increments (spin, step > 0 ? step : 0.5, 1);
  self->updating = FALSE;
  show_score (self, spin, indicator);
  g_signal_connect_object (indicator, "notify", G_CALLBACK (on_indicator_notify_cb), spin, 0);

  max = gw_number_format (gw_indicator_get_max (indicator), -1);
  a11y = g_strdup_printf (is_score ? _("Score of %s %s (at most %s)")
                                   : _("Self-score of %s %s (at most %s)"),
                          gw_indicator_get_id (indicator), gw_indicator_get_name (indicator), max);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), a11y);
  if (is_score)
    g_hash_table_replace (self->spin_of, g_strdup (gw_indicator_get_id (indicator)), spin);
}

static void
unbind_spin_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GwEvaluationEditor       *self)
{
  GtkWidget *spin = gtk_list_item_get_child (item);
  GwIndicator *indicator = g_object_get_data (G_OBJECT (spin), "indicator");

  if (indicator)
    {
      g_signal_handlers_disconnect_by_func (indicator, on_indicator_notify_cb, spin);
      if (g_hash_table_lookup (self->spin_of, gw_indicator_get_id (indicator)) == spin)
        g_hash_table_remove (self->spin_of, gw_indicator_get_id (indicator));
    }
  g_object_set_data (G_OBJECT (spin), "indicator", NULL);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GwEvaluationEditor       *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  GwIndicator *indicator = gtk_list_item_get_item (item);
  const char *which = g_object_get_data (G_OBJECT (factory), "which");
  g_autofree char *text = NULL;

  if (g_str_equal (which, "section"))
    {
      GwEvalSection *section = g_hash_table_lookup (self->section_of, indicator);
      g_autoptr(GwIndicator) first = NULL;

      /* The section is named on its first row only, as on the paper form. */
      if (section)
        first = g_list_model_get_item (G_LIST_MODEL (gw_eval_section_get_indicators (section)), 0);
      text = section && first == indicator
        ? g_strdup_printf ("%s %s", gw_eval_section_get_id (section),
                           gw_eval_section_get_name (section))
        : g_strdup ("");
    }
  else if (g_str_equal (which, "indicator"))
    text = g_strdup_printf ("%s %s", gw_indicator_get_id (indicator),
                            gw_indicator_get_name (indicator));
  else
    text = format_score (gw_indicator_get_max (indicator));
  gtk_label_set_label (label, text);
}

static void
on_comment_changed_cb (GtkEditable        *entry,
                       GwEvaluationEditor *self)
{
  GwIndicator *indicator = g_object_get_data (G_OBJECT (entry), "indicator");

  if (indicator && !self->updating)
    gw_indicator_set_comment (indicator, gtk_editable_get_text (entry));
}

static void
setup_comment_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GwEvaluationEditor       *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
  g_signal_connect (entry, "changed", G_CALLBACK (on_comment_changed_cb), self);
  gtk_list_item_set_child (item, entry);
}

static void
bind_comment_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GwEvaluationEditor       *self)
{
  GtkWidget *entry = gtk_list_item_get_child (item);
  GwIndicator *indicator = gtk_list_item_get_item (item);
  g_autofree char *a11y = g_strdup_printf (_("Comment on %s"), gw_indicator_get_id (indicator));

  self->updating = TRUE;
  g_object_set_data (G_OBJECT (entry), "indicator", indicator);
  gtk_editable_set_text (GTK_EDITABLE (entry), gw_indicator_get_comment (indicator)
                                               ? gw_indicator_get_comment (indicator) : "");
  self->updating = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
unbind_clear_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "indicator", NULL);
}

static void
add_column (GwEvaluationEditor *self,
            const char         *title,
            const char         *which,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "which", (gpointer) which);
  if (g_str_equal (which, "score") || g_str_equal (which, "self-score"))
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_spin_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_spin_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_spin_cb), self);
    }
  else if (g_str_equal (which, "comment"))
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_comment_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_comment_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_clear_cb), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), self);
    }
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->table, column);
  g_object_unref (column);
}

/* ---- form rows -------------------------------------------------------------- */

static void
on_evaluators_changed_cb (GwEvaluationEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->evaluators_row));
  g_auto(GStrv) parts = g_regex_split_simple ("[、,，;；\\s]+", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  if (self->updating || self->evaluation == NULL)
    return;
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_strv_builder_add (builder, parts[i]);
  names = g_strv_builder_end (builder);
  gw_evaluation_set_evaluators (self->evaluation, (const char * const *) names);
}

static void
use_suggested_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GwEvaluationEditor *self = GW_EVALUATION_EDITOR (widget);
  const char *decision;

  if (self->evaluation == NULL)
    return;
  decision = gw_evaluation_compute_decision (self->evaluation);
  gw_evaluation_set_field (self->evaluation, GW_EVAL_STATED_DECISION, decision ? decision : "");
}

static void
build_rows (GwEvaluationEditor *self)
{
  AdwPreferencesGroup *groups[] = { self->header_group, self->decision_group, self->signoff_group };

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dgettext (GETTEXT_PACKAGE, field_rows[i].label));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (field_rows[i].description)
        {
          const char *description = g_dgettext (GETTEXT_PACKAGE, field_rows[i].description);
          gtk_widget_set_tooltip_text (row, description);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
        }
      if (field_rows[i].field == GW_EVAL_STATED_DECISION)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Use _Suggested"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Fill in the suggested decision"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evaluation.use-suggested");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
        }
      if (field_rows[i].field == GW_EVAL_OPINION)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Choose the opinion’s file"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Choose the opinion’s file"), -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evaluation.choose-opinion");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
        }
      /* The header comes from the contract and is filled in once: folded
       * away so the scores are what the form opens on. */
      if (field_rows[i].group == 0)
        adw_expander_row_add_row (self->header_expander, row);
      else
        adw_preferences_group_add (groups[field_rows[i].group], row);
      self->field_rows[field_rows[i].field] = row;

      if (field_rows[i].field == GW_EVAL_TEAM_LEADER)
        {
          self->evaluators_row = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->evaluators_row),
                                         _("Evaluators (at least three, separated by 、)"));
          adw_preferences_group_add (self->signoff_group, self->evaluators_row);
          g_signal_connect_swapped (self->evaluators_row, "changed",
                                    G_CALLBACK (on_evaluators_changed_cb), self);
        }
    }
}

static void
clear_group_rows (AdwPreferencesGroup *group,
                  GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
build_sections (GwEvaluationEditor *self)
{
  GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (self->evaluation));
  GListModel *vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (self->evaluation));
  guint n = g_list_model_get_n_items (sections);

  clear_group_rows (self->result_group, self->subtotal_rows);
  g_list_store_remove_all (self->indicators);
  g_hash_table_remove_all (self->section_of);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwEvalSection) section = g_list_model_get_item (sections, i);
      GListModel *indicators = G_LIST_MODEL (gw_eval_section_get_indicators (section));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *title = g_strdup_printf ("%s %s", gw_eval_section_get_id (section),
                                                gw_eval_section_get_name (section));

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(GwIndicator) indicator = g_list_model_get_item (indicators, j);
          g_list_store_append (self->indicators, indicator);
          g_hash_table_insert (self->section_of, indicator, section);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "label", label);
      adw_preferences_group_add (self->result_group, row);
      g_ptr_array_add (self->subtotal_rows, row);
    }

  clear_group_rows (self->veto_group, self->veto_rows);
  for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
    {
      g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_veto_item_get_text (item));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property (item, "ticked", check, "active",
                                                             G_BINDING_BIDIRECTIONAL |
                                                             G_BINDING_SYNC_CREATE)));
      adw_preferences_group_add (self->veto_group, row);
      g_ptr_array_add (self->veto_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->veto_group), self->veto_rows->len > 0);
}

static void
unbind_all (GwEvaluationEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

void
gw_evaluation_editor_set_document (GwEvaluationEditor *self,
                                   GwDocument         *doc)
{
  GwEvaluation *evaluation;

  g_return_if_fail (GW_IS_EVALUATION_EDITOR (self));
  g_return_if_fail (GW_IS_DOCUMENT (doc));

  unbind_all (self);
  if (self->evaluation)
    g_signal_handlers_disconnect_by_data (self->evaluation, self);
  g_set_object (&self->document, doc);
  evaluation = gw_document_get_evaluation (doc);
  g_set_object (&self->evaluation, evaluation);
  if (evaluation == NULL)
    return;

  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    if (self->field_rows[i])
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property (evaluation, gw_eval_field_to_string (i),
                                                             self->field_rows[i], "text",
                                                             G_BINDING_BIDIRECTIONAL |
                                                             G_BINDING_SYNC_CREATE)));
  {
    const char * const *names = gw_evaluation_get_evaluators (evaluation);
    g_autofree char *joined = names ? g_strjoinv ("、", (char **) names) : g_strdup ("");

    self->updating = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (self->evaluators_row), joined);
    self->updating = FALSE;
  }
  {
    const char *project = gw_evaluation_get_field (evaluation, GW_EVAL_PROJECT);
    adw_expander_row_set_expanded (self->header_expander, project == NULL || *project == '\0');
  }
  build_sections (self);
  g_signal_connect_object (evaluation, "changed", G_CALLBACK (update_results), self,
                           G_CONNECT_SWAPPED);
  update_results (self);
}

/* ---- findings ----------------------------------------------------------------- */

static GtkWidget *
row_for_target (GwEvaluationEditor *self,
                const char         *target)
{
  GwEvalField field;

  if (target == NULL)
    return NULL;
  /* The checker's names for the form's stated results. */
  if (g_str_equal (target, "evaluators"))
    return self->evaluators_row;
  if (g_str_equal (target, "grade"))
    return self->field_rows[GW_EVAL_STATED_GRADE];
  if (g_str_equal (target, "decision"))
    return self->field_rows[GW_EVAL_STATED_DECISION];
  if (g_str_equal (target, "total"))
    return GTK_WIDGET (self->total_row);
  if (gw_eval_field_from_string (target, &field) && field < GW_N_EVAL_FIELDS)
    return self->field_rows[field];
  return g_hash_table_lookup (self->spin_of, target);
}

void
gw_evaluation_editor_set_findings (GwEvaluationEditor *self,
                                   GListModel         *findings)
{
  guint n;

  g_return_if_fail (GW_IS_EVALUATION_EDITOR (self));

  for (guint i = 0; i < GW_N_EVAL_FIELDS; i++)
    if (self->field_rows[i] && i != GW_EVAL_OVERRIDE_REASON)
      {
        gtk_widget_remove_css_class (self->field_rows[i], "error");
        gtk_widget_remove_css_class (self->field_rows[i], "warning");
      }
  gtk_widget_remove_css_class (self->evaluators_row, "error");
  gtk_widget_remove_css_class (self->evaluators_row, "warning");
  n = findings ? g_list_model_get_n_items (findings) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwFinding) finding = g_list_model_get_item (findings, i);
      GtkWidget *row = row_for_target (self, gw_finding_get_target (finding));

      if (row && ADW_IS_ENTRY_ROW (row))
        {
          gtk_widget_add_css_class (row, gw_finding_get_severity (finding) == GW_SEVERITY_ERROR
                                         ? "error" : "warning");
          gtk_widget_set_tooltip_text (row, gw_finding_get_message (finding));
        }
    }
  update_results (self);
}

gboolean
gw_evaluation_editor_select_finding (GwEvaluationEditor *self,
                                     GwFinding          *finding)
{
  GtkWidget *row;

  g_return_val_if_fail (GW_IS_EVALUATION_EDITOR (self), FALSE);
  g_return_val_if_fail (GW_IS_FINDING (finding), FALSE);

  row = row_for_target (self, gw_finding_get_target (finding));
  if (row == NULL)
    return FALSE;
  if (gtk_widget_is_ancestor (row, GTK_WIDGET (self->header_expander)))
    adw_expander_row_set_expanded (self->header_expander, TRUE);
  return gtk_widget_grab_focus (row);
}

const char *
gw_evaluation_editor_get_total_text (GwEvaluationEditor *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION_EDITOR (self), NULL);
  return gtk_label_get_label (self->total_label);
}

const char *
gw_evaluation_editor_get_grade_text (GwEvaluationEditor *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION_EDITOR (self), NULL);
  return gtk_label_get_label (self->grade_label);
}

const char *
gw_evaluation_editor_get_decision_text (GwEvaluationEditor *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION_EDITOR (self), NULL);
  return gtk_label_get_label (self->decision_label);
}

gboolean
gw_evaluation_editor_get_reason_missing (GwEvaluationEditor *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION_EDITOR (self), FALSE);
  return self->reason_missing;
}

GtkWidget *
gw_evaluation_editor_get_field_row (GwEvaluationEditor *self,
                                    GwEvalField         field)
{
  g_return_val_if_fail (GW_IS_EVALUATION_EDITOR (self), NULL);
  g_return_val_if_fail (field < GW_N_EVAL_FIELDS, NULL);
  return self->field_rows[field];
}

GtkColumnView *
gw_evaluation_editor_get_table (GwEvaluationEditor *self)
{
  g_return_val_if_fail (GW_IS_EVALUATION_EDITOR (self), NULL);
  return self->table;
}

/* ---- the governing opinion ------------------------------------------------- */

static void
on_opinion_chosen_cb (GtkNativeDialog    *dialog,
                      int                 response,
                      GwEvaluationEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->evaluation)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      const char *form = self->document ? gw_document_get_source_path (self->document) : NULL;

      if (path)
        {
          /* relative to the form's folder, so the two can move together */
          g_autofree char *dir = form ? g_path_get_dirname (form) : NULL;
          g_autofree char *reference = dir ? gw_opinion_reference_for_path (dir, path)
                                           : g_steal_pointer (&path);

          gw_evaluation_set_field (self->evaluation, GW_EVAL_OPINION, reference);
        }
    }
  g_clear_object (&self->opinion_chooser);
}

static void
choose_opinion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GwEvaluationEditor *self = GW_EVALUATION_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) docs = gtk_file_filter_new ();
  static const char * const patterns[] = {
    "*.gwdoc", "*.txt", "*.docx", "*.doc", "*.wps", "*.odt", "*.rtf", NULL
  };

  if (self->opinion_chooser)
    return;
  self->opinion_chooser =
    gtk_file_chooser_native_new (_("Choose the Governing Opinion"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (docs, _("Gongwen documents, Word files and text drafts"));
  for (guint i = 0; patterns[i]; i++)
    gtk_file_filter_add_pattern (docs, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->opinion_chooser), docs);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->opinion_chooser), TRUE);
  g_signal_connect (self->opinion_chooser, "response", G_CALLBACK (on_opinion_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->opinion_chooser));
}

/* ---- GObject ---------------------------------------------------------------- */

static gboolean
gw_evaluation_editor_grab_focus (GtkWidget *widget)
{
  GwEvaluationEditor *self = GW_EVALUATION_EDITOR (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->header_expander));
}

static void
gw_evaluation_editor_dispose (GObject *object)
{
  GwEvaluationEditor *self = GW_EVALUATION_EDITOR (object);

  if (self->bindings)
    unbind_all (self);
  if (self->evaluation)
    g_signal_handlers_disconnect_by_data (self->evaluation, self);
  if (self->table)
    gtk_column_view_set_model (self->table, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_EVALUATION_EDITOR);
  /* GTK 4.8 leaves unnamed template children in place. */
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  if (self->opinion_chooser)
    {
      g_signal_handlers_disconnect_by_data (self->opinion_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->opinion_chooser));
      g_clear_object (&self->opinion_chooser);
    }
  g_clear_pointer (&self->spin_of, g_hash_table_unref);
  g_clear_pointer (&self->section_of, g_hash_table_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->subtotal_rows, g_ptr_array_unref);
  g_clear_pointer (&self->veto_rows, g_ptr_array_unref);
  g_clear_object (&self->indicators);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (gw_evaluation_editor_parent_class)->dispose (object);
}

static void
gw_evaluation_editor_class_init (GwEvaluationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_evaluation_editor_dispose;
  widget_class->grab_focus = gw_evaluation_editor_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-evaluation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, header_group);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, header_expander);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, result_group);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, veto_group);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, decision_group);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, signoff_group);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, table);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, total_row);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, grade_label);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, decision_label);
  gtk_widget_class_bind_template_child (widget_class, GwEvaluationEditor, reason_message);
  gtk_widget_class_install_action (widget_class, "evaluation.use-suggested", NULL,
                                   use_suggested_action);
  gtk_widget_class_install_action (widget_class, "evaluation.choose-opinion", NULL,
                                   choose_opinion_action);
}

static void
gw_evaluation_editor_init (GwEvaluationEditor *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->indicators = g_list_store_new (GW_TYPE_INDICATOR);
  self->section_of = g_hash_table_new (NULL, NULL);
  self->spin_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->subtotal_rows = g_ptr_array_new ();
  self->veto_rows = g_ptr_array_new ();

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->indicators)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  add_column (self, _("Section"), "section", FALSE);
  add_column (self, _("Indicator"), "indicator", TRUE);
  add_column (self, _("Max"), "max", FALSE);
  add_column (self, _("Score"), "score", FALSE);
  add_column (self, _("Self-score"), "self-score", FALSE);
  add_column (self, _("Comment"), "comment", TRUE);
  build_rows (self);
}

GwEvaluationEditor *
gw_evaluation_editor_new (void)
{
  return g_object_new (GW_TYPE_EVALUATION_EDITOR, NULL);
}
