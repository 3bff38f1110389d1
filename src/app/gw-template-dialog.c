/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-template-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-numeral.h"
#include "gw-template-dialog.h"

typedef struct {
  GwTemplateField *field;
  GtkWidget       *row;
  GtkWidget       *input;   /* GtkEntry, GtkSpinButton or GtkTextView; the row for combo */
  char            *value;
  char            *message;
  gboolean         touched;
} FieldRow;

struct _GwTemplateDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *create_button;
  AdwComboRow         *template_row;
  AdwPreferencesGroup *fields_group;

  GListModel          *templates;
  GwTemplate          *template;
  GPtrArray           *rows;     /* FieldRow* */
  GSettings           *settings; /* the opener's; NULL: the defaults */
  gboolean             building;
};

G_DEFINE_FINAL_TYPE (GwTemplateDialog, gw_template_dialog, ADW_TYPE_WINDOW)

enum {
  DOCUMENT_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_row_free (FieldRow *fr)
{
  g_clear_object (&fr->field);
  g_free (fr->value);
  g_free (fr->message);
  g_free (fr);
}

static FieldRow *
find_row (GwTemplateDialog *self,
          const char       *name)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = g_ptr_array_index (self->rows, i);
      if (g_strcmp0 (gw_template_field_get_name (fr->field), name) == 0)
        return fr;
    }
  return NULL;
}

static void
show_state (GwTemplateDialog *self,
            FieldRow         *fr)
{
  const char *description = gw_template_field_get_description (fr->field);
  g_autofree char *escaped = g_markup_escape_text (description ? description : "", -1);
  g_autofree char *subtitle = NULL;
  gboolean show_error = fr->message && fr->touched;

  /* Errors show once the person has been in the field, not on an empty
   * form they have not started yet. */
  if (show_error)
    {
      g_autofree char *message = g_markup_escape_text (fr->message, -1);
      subtitle = *escaped ? g_strdup_printf ("%s\n<b>%s</b>", escaped, message)
                          : g_strdup_printf ("<b>%s</b>", message);
      gtk_widget_add_css_class (fr->row, "error");
    }
  else
    {
      subtitle = g_steal_pointer (&escaped);
      gtk_widget_remove_css_class (fr->row, "error");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (fr->row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->input),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  show_error ? fr->message : (description ? description : ""),
                                  -1);
  if (show_error)
    gtk_accessible_update_state (GTK_ACCESSIBLE (fr->input), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (fr->input), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
update_summary (GwTemplateDialog *self)
{
  guint bad = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    if (((FieldRow *) g_ptr_array_index (self->rows, i))->message)
      bad++;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.create",
                                 self->template != NULL && bad == 0);
  if (bad)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field needs attention",
                                             "%u fields need attention", bad), bad);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
validate (GwTemplateDialog *self,
          FieldRow         *fr)
{
  g_clear_pointer (&fr->message, g_free);
  if (!gw_template_field_validate (fr->field, fr->value, &fr->message) && fr->message == NULL)
    fr->message = g_strdup (_("This value is not valid"));
  show_state (self, fr);
  update_summary (self);
}

static void
set_row_value (GwTemplateDialog *self,
               FieldRow         *fr,
               const char       *value)
{
  char *copy = g_strdup (value ? value : "");  /* @value may be fr->value */

  g_free (fr->value);
  fr->value = copy;
  if (!self->building)
    fr->touched = TRUE;
  validate (self, fr);
}

static void
on_entry_changed_cb (GtkEditable      *editable,
                     GwTemplateDialog *self)
{
  FieldRow *fr = g_object_get_data (G_OBJECT (editable), "field-row");

  set_row_value (self, fr, gtk_editable_get_text (editable));
}

static void
on_spin_changed_cb (GtkSpinButton    *spin,
                    GwTemplateDialog *self)
{
  FieldRow *fr = g_object_get_data (G_OBJECT (spin), "field-row");
  /* 1000000, never 1e+06, and a '.' whatever the locale */
  g_autofree char *text = gw_number_format (gtk_spin_button_get_value (spin), -1);

  set_row_value (self, fr, text);
}

static void
on_combo_changed_cb (AdwComboRow      *row,
                     GParamSpec       *pspec,
                     GwTemplateDialog *self)
{
  FieldRow *fr = g_object_get_data (G_OBJECT (row), "field-row");
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  set_row_value (self, fr, item ? gtk_string_object_get_string (item) : "");
}

static void
on_list_changed_cb (GtkTextBuffer    *buffer,
                    GwTemplateDialog *self)
{
  FieldRow *fr = g_object_get_data (G_OBJECT (buffer), "field-row");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_row_value (self, fr, text);
}

static void
on_day_selected_cb (GtkCalendar      *calendar,
                    GwTemplateDialog *self)
{
  FieldRow *fr = g_object_get_data (G_OBJECT (calendar), "field-row");
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = gw_template_field_format_date (fr->field,
                                                         g_date_time_get_year (date),
                                                         g_date_time_get_month (date),
                                                         g_date_time_get_day_of_month (date));

  gtk_editable_set_text (GTK_EDITABLE (fr->input), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

static const char *
initial_value (GwTemplateDialog *self,
               GwTemplateField  *field)
{
  const char *value = gw_template_field_get_default (field);
  GSettings *settings = self->settings;

  /* The organ set in Preferences fills organ fields the template leaves empty. */
  if ((value == NULL || *value == '\0') && settings &&
      (g_str_equal (gw_template_field_get_name (field), "issuing-organ") ||
       g_str_equal (gw_template_field_get_name (field), "organ")))
    {
      g_autofree char *organ = g_settings_get_string (settings, "default-issuing-organ");
      if (*organ)
        {
          g_object_set_data_full (G_OBJECT (field), "gw-default-organ",
                                  g_steal_pointer (&organ), g_free);
          return g_object_get_data (G_OBJECT (field), "gw-default-organ");
        }
    }
  return value ? value : "";
}

static FieldRow *
build_row (GwTemplateDialog *self,
           GwTemplateField  *field)
{
  FieldRow *fr = g_new0 (FieldRow, 1);
  const char *value = initial_value (self, field);
  g_autofree char *title = NULL;

  fr->field = g_object_ref (field);
  fr->value = g_strdup (value);
  title = gw_template_field_get_required (field)
    ? g_strdup_printf (_("%s (required)"), gw_template_field_get_label (field))
    : g_strdup (gw_template_field_get_label (field));

  switch (gw_template_field_get_field_type (field))
    {
    case GW_FIELD_CHOICE:
      {
        const char * const *choices = gw_template_field_get_choices (field);
        g_autoptr(GtkStringList) list = gtk_string_list_new (choices);
        guint selected = 0;

        fr->row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (fr->row), G_LIST_MODEL (list));
        for (guint i = 0; choices && choices[i]; i++)
          if (g_strcmp0 (choices[i], value) == 0)
            selected = i;
        adw_combo_row_set_selected (ADW_COMBO_ROW (fr->row), selected);
        if (choices && choices[0])
          {
            g_free (fr->value);
            fr->value = g_strdup (choices[selected]);
          }
        fr->input = fr->row;
        g_signal_connect (fr->row, "notify::selected-item", G_CALLBACK (on_combo_changed_cb), self);
        break;
      }
    case GW_FIELD_INTEGER:
    case GW_FIELD_PERCENTAGE:
      {
        double min, max;
        gboolean percent = gw_template_field_get_field_type (field) == GW_FIELD_PERCENTAGE;

        gw_template_field_get_range (field, &min, &max);
        if (min > max)
          {
            min = percent ? 0 : G_MININT;
            max = percent ? 100 : G_MAXINT;
          }
        fr->row = adw_action_row_new ();
        fr->input = gtk_spin_button_new_with_range (min, max, 1);
        gtk_spin_button_set_digits (GTK_SPIN_BUTTON (fr->input), 0);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (fr->input), g_ascii_strtod (value, NULL));
        gtk_widget_set_valign (fr->input, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->input);
        if (percent)
          adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), gtk_label_new ("%"));
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (fr->row), fr->input);
        g_signal_connect (fr->input, "value-changed", G_CALLBACK (on_spin_changed_cb), self);
        if (*value == '\0' && !gw_template_field_get_required (field))
          break;
        g_free (fr->value);
        fr->value = gw_number_format (gtk_spin_button_get_value (GTK_SPIN_BUTTON (fr->input)), -1);
        break;
      }
    case GW_FIELD_LIST:
      {
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkTextBuffer *buffer;

        fr->row = adw_action_row_new ();
        fr->input = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (fr->input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (fr->input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (fr->input), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (fr->input), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (fr->input), 6);
        gtk_widget_set_size_request (fr->input, 220, 72);
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fr->input));
        gtk_text_buffer_set_text (buffer, value, -1);
        gtk_frame_set_child (GTK_FRAME (frame), fr->input);
        gtk_widget_set_margin_top (frame, 6);
        gtk_widget_set_margin_bottom (frame, 6);
        adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), frame);
        g_object_set_data (G_OBJECT (buffer), "field-row", fr);
        g_signal_connect (buffer, "changed", G_CALLBACK (on_list_changed_cb), self);
        gtk_widget_set_tooltip_text (fr->input, _("One item per line"));
        break;
      }
    case GW_FIELD_DATE:
    case GW_FIELD_TEXT:
    default:
      {
        fr->row = adw_action_row_new ();
        fr->input = gtk_entry_new ();
        gtk_editable_set_text (GTK_EDITABLE (fr->input), value);
        /* Wide enough for an organ's name, yet able to shrink: some long
         * descriptions do not wrap short enough and would otherwise push
         * the entry out of the form. */
        gtk_editable_set_width_chars (GTK_EDITABLE (fr->input), 8);
        gtk_editable_set_max_width_chars (GTK_EDITABLE (fr->input), 18);
        gtk_widget_set_valign (fr->input, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->input);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (fr->row), fr->input);
        g_signal_connect (fr->input, "changed", G_CALLBACK (on_entry_changed_cb), self);
        /* The template's example of a well-formed value, where it has one. */
        if (gw_template_field_get_hint (field) && *gw_template_field_get_hint (field))
          gtk_entry_set_placeholder_text (GTK_ENTRY (fr->input), gw_template_field_get_hint (field));
        if (gw_template_field_get_field_type (field) == GW_FIELD_DATE)
          {
            GtkWidget *button = gtk_menu_button_new ();
            GtkWidget *popover = gtk_popover_new ();
            GtkWidget *calendar = gtk_calendar_new ();

            if (gtk_entry_get_placeholder_text (GTK_ENTRY (fr->input)) == NULL)
              gtk_entry_set_placeholder_text (GTK_ENTRY (fr->input), _("for example 2024年3月1日"));
            gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
            gtk_widget_set_tooltip_text (button, _("Pick the date on a calendar"));
            gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a date"), -1);
            gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
            gtk_popover_set_child (GTK_POPOVER (popover), calendar);
            gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
            g_object_set_data (G_OBJECT (calendar), "field-row", fr);
            g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);
            adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), button);
          }
        break;
      }
    }

  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr->row), escaped);
  }
  /* The subtitle carries markup for the error message; escaped in show_state. */
  g_object_set (fr->row, "subtitle-lines", 0, NULL);
  g_object_set_data (G_OBJECT (fr->input), "field-row", fr);
  g_object_set_data (G_OBJECT (fr->row), "field-row", fr);
  if (fr->input != fr->row)
    gtk_accessible_update_property (GTK_ACCESSIBLE (fr->input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gw_template_field_get_label (field), -1);
  return fr;
}

static void
clear_rows (GwTemplateDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->fields_group,
                                  ((FieldRow *) g_ptr_array_index (self->rows, i))->row);
  g_ptr_array_set_size (self->rows, 0);
}

static void
build_fields (GwTemplateDialog *self)
{
  GListModel *fields;

  clear_rows (self);
  if (self->template == NULL)
    {
      update_summary (self);
      return;
    }
  adw_window_title_set_title (self->window_title, gw_template_get_name (self->template));
  adw_preferences_group_set_description (self->fields_group,
                                         gw_template_get_description (self->template));
  fields = gw_template_get_fields (self->template);
  self->building = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(GwTemplateField) field = g_list_model_get_item (fields, i);
      FieldRow *fr = build_row (self, field);

      g_ptr_array_add (self->rows, fr);
      adw_preferences_group_add (self->fields_group, fr->row);
      validate (self, fr);
    }
  self->building = FALSE;
  update_summary (self);
}

static void
on_template_selected_cb (GwTemplateDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (self->templates == NULL || selected >= g_list_model_get_n_items (self->templates))
    g_clear_object (&self->template);
  else
    {
      g_autoptr(GwTemplate) template = g_list_model_get_item (self->templates, selected);
      if (template == self->template)
        return;
      g_set_object (&self->template, template);
    }
  build_fields (self);
}

gboolean
gw_template_dialog_create (GwTemplateDialog *self)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;

  g_return_val_if_fail (GW_IS_TEMPLATE_DIALOG (self), FALSE);

  if (self->template == NULL)
    return FALSE;
  values = g_hash_table_new (g_str_hash, g_str_equal);
  errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = g_ptr_array_index (self->rows, i);
      g_hash_table_insert (values, (gpointer) gw_template_field_get_name (fr->field), fr->value);
    }
  doc = gw_template_instantiate (self->template, values, errors, &error);
  if (doc == NULL)
    {
      GHashTableIter iter;
      gpointer name, message;

      /* Show every field the template refused, touched or not. */
      g_hash_table_iter_init (&iter, errors);
      while (g_hash_table_iter_next (&iter, &name, &message))
        {
          FieldRow *fr = find_row (self, name);
          if (fr)
            {
              g_free (fr->message);
              fr->message = g_strdup (message);
              fr->touched = TRUE;
              show_state (self, fr);
            }
        }
      for (guint i = 0; i < self->rows->len; i++)
        {
          FieldRow *fr = g_ptr_array_index (self->rows, i);
          fr->touched = TRUE;
          show_state (self, fr);
        }
      adw_window_title_set_subtitle (self->window_title, error ? error->message : NULL);
      return FALSE;
    }

  g_signal_emit (self, signals[DOCUMENT_CREATED], 0, doc);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gw_template_dialog_create (GW_TEMPLATE_DIALOG (widget));
}

GwTemplate *
gw_template_dialog_get_template (GwTemplateDialog *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_DIALOG (self), NULL);
  return self->template;
}

void
gw_template_dialog_set_template (GwTemplateDialog *self,
                                 const char       *template_id)
{
  guint n;

  g_return_if_fail (GW_IS_TEMPLATE_DIALOG (self));

  n = self->templates ? g_list_model_get_n_items (self->templates) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwTemplate) template = g_list_model_get_item (self->templates, i);
      if (g_strcmp0 (gw_template_get_id (template), template_id) == 0)
        {
          adw_combo_row_set_selected (self->template_row, i);
          on_template_selected_cb (self);
          return;
        }
    }
}

void
gw_template_dialog_set_value (GwTemplateDialog *self,
                              const char       *name,
                              const char       *value)
{
  FieldRow *fr;

  g_return_if_fail (GW_IS_TEMPLATE_DIALOG (self));

  fr = find_row (self, name);
  g_return_if_fail (fr != NULL);
  if (GTK_IS_ENTRY (fr->input))
    gtk_editable_set_text (GTK_EDITABLE (fr->input), value);
  else if (GTK_IS_SPIN_BUTTON (fr->input))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (fr->input), g_ascii_strtod (value, NULL));
  else if (GTK_IS_TEXT_VIEW (fr->input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fr->input)), value, -1);
  else if (ADW_IS_COMBO_ROW (fr->input))
    {
      const char * const *choices = gw_template_field_get_choices (fr->field);
      for (guint i = 0; choices && choices[i]; i++)
        if (g_strcmp0 (choices[i], value) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (fr->input), i);
    }
  /* Same path as typing, and marks the field as visited even when the
   * widget's value did not change. */
  set_row_value (self, fr, GTK_IS_SPIN_BUTTON (fr->input) ? fr->value : value);
}

const char *
gw_template_dialog_get_message (GwTemplateDialog *self,
                                const char       *name)
{
  FieldRow *fr;

  g_return_val_if_fail (GW_IS_TEMPLATE_DIALOG (self), NULL);
  fr = find_row (self, name);
  return fr ? fr->message : NULL;
}

GtkWidget *
gw_template_dialog_get_row (GwTemplateDialog *self,
                            const char       *name)
{
  FieldRow *fr;

  g_return_val_if_fail (GW_IS_TEMPLATE_DIALOG (self), NULL);
  fr = find_row (self, name);
  return fr ? fr->row : NULL;
}

gboolean
gw_template_dialog_is_valid (GwTemplateDialog *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_DIALOG (self), FALSE);

  if (self->template == NULL)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    if (((FieldRow *) g_ptr_array_index (self->rows, i))->message)
      return FALSE;
  return TRUE;
}

gboolean
gw_template_dialog_can_create (GwTemplateDialog *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_DIALOG (self), FALSE);
  return gtk_widget_is_sensitive (self->create_button);
}

static void
gw_template_dialog_dispose (GObject *object)
{
  GwTemplateDialog *self = GW_TEMPLATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_TEMPLATE_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->template);
  g_clear_object (&self->templates);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gw_template_dialog_parent_class)->dispose (object);
}

static void
gw_template_dialog_class_init (GwTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_template_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwTemplateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GwTemplateDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, GwTemplateDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, GwTemplateDialog, fields_group);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_install_action (widget_class, "template.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * GwTemplateDialog::document-created:
   * @document: the new document, instantiated from the template
   *
   * Create was pressed with every field valid; whoever opened the dialog
   * opens the document (the dialog closes by itself).
   */
  signals[DOCUMENT_CREATED] =
    g_signal_new ("document-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GW_TYPE_DOCUMENT);
}

static void
gw_template_dialog_init (GwTemplateDialog *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
template_name (GwTemplate *template)
{
  return g_strdup (gw_template_get_name (template));
}

GwTemplateDialog *
gw_template_dialog_new (GtkWindow  *parent,
                        GSettings  *settings,
                        const char *template_id)
{
  GwTemplateDialog *self;
  g_autoptr(GtkExpression) expression = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GW_TYPE_TEMPLATE_DIALOG, "transient-for", parent, NULL);
  self->settings = settings ? g_object_ref (settings) : NULL;
  self->templates = gw_template_list_all ();
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (template_name), NULL, NULL);
  adw_combo_row_set_expression (self->template_row, expression);
  adw_combo_row_set_model (self->template_row, self->templates);
  if (template_id)
    gw_template_dialog_set_template (self, template_id);
  else
    on_template_selected_cb (self);
  return self;
}
