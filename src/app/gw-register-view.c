/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gw-app-register.h"
#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-register-item.h"
#include "gw-register-view.h"

/* The office's 发文登记簿 in the window: the numbers of one organ and year
 * with status, title, date and file; search by words or number, a status
 * filter; open a document from its row, register it issued, void it with
 * a reason; export the year as CSV or as the printed PDF table. */

enum {
  FILTER_ALL,
  FILTER_RESERVED,
  FILTER_ISSUED,
  FILTER_VOID,
  FILTER_STALE,
};

struct _GwRegisterView
{
  GtkWidget          parent_instance;

  GwServices        *services;  /* the renderer for the PDF; set by present () */

  GtkDropDown       *organ_drop;
  GtkStringList     *organs;
  GtkSpinButton     *year_spin;
  GtkDropDown       *status_drop;
  GtkSearchEntry    *search;
  GtkLabel          *notice;
  GtkLabel          *summary;
  GtkColumnView     *columns;
  GListStore        *store;
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkFileChooserNative *chooser;
  gboolean           loading;
  gint64             load_usec;   /* how long the last reload took */
};

G_DEFINE_FINAL_TYPE (GwRegisterView, gw_register_view, GTK_TYPE_WIDGET)

static const char *
status_label (const GwRegisterEntry *e)
{
  if (e->stale)
    return _("Stale");
  switch (e->status)
    {
    case GW_NUMBER_RESERVED: return _("Reserved");
    case GW_NUMBER_ISSUED: return _("Issued");
    default: return _("Void");
    }
}

static char *
entry_date (const GwRegisterEntry *e)
{
  gint64 t = e->status == GW_NUMBER_ISSUED ? e->issued_at
           : e->status == GW_NUMBER_VOID ? e->voided_at : e->taken_at;
  g_autoptr(GDateTime) dt = t > 0 ? g_date_time_new_from_unix_local (t) : NULL;

  return dt ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

/* ---- filtering ----------------------------------------------------------- */

static gboolean
matches (GObject        *item,
         GwRegisterView *self)
{
  const GwRegisterEntry *e = gw_register_item_get_entry (GW_REGISTER_ITEM (item));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  guint status = gtk_drop_down_get_selected (self->status_drop);
  g_auto(GStrv) words = NULL;

  switch (status)
    {
    case FILTER_RESERVED: if (e->status != GW_NUMBER_RESERVED || e->stale) return FALSE; break;
    case FILTER_ISSUED: if (e->status != GW_NUMBER_ISSUED) return FALSE; break;
    case FILTER_VOID: if (e->status != GW_NUMBER_VOID) return FALSE; break;
    case FILTER_STALE: if (!e->stale) return FALSE; break;
    default: break;
    }
  /* every word in the title, number, file or reason; a bare number is the
   * sequence or the year (“17” finds 神民发〔2024〕17号, not 〔2017〕) */
  words = g_strsplit_set (text, " \t\u3000", -1);
  for (guint i = 0; words[i]; i++)
    {
      const char *w = words[i];
      gboolean digits = *w != '\0';

      if (*w == '\0')
        continue;
      for (const char *p = w; *p; p++)
        if (!g_ascii_isdigit (*p))
          digits = FALSE;
      if (digits)
        {
          if (atoi (w) == e->seq || atoi (w) == e->year)
            continue;
          return FALSE;
        }
      if (!strstr (e->title, w) && !strstr (e->number, w) && !strstr (e->file, w) &&
          !(e->void_reason && strstr (e->void_reason, w)))
        return FALSE;
    }
  return TRUE;
}

/* Without words or a status there is nothing to filter: the list shows
 * the store as it is, without a call per row. */
static void
refilter (GwRegisterView *self)
{
  gboolean any = *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0' ||
                 gtk_drop_down_get_selected (self->status_drop) != FILTER_ALL;

  if (!any)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- loading ------------------------------------------------------------- */

static char *
selected_organ (GwRegisterView *self)
{
  guint i = gtk_drop_down_get_selected (self->organ_drop);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_strdup (gtk_string_list_get_string (self->organs, i));
}

void
gw_register_view_reload (GwRegisterView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *organ = NULL;
  g_autofree char *summary = NULL;
  GwRegister *reg;
  gint64 start = g_get_monotonic_time ();

  g_return_if_fail (GW_IS_REGISTER_VIEW (self));

  if (self->loading)
    return;
  self->loading = TRUE;
  reg = gw_app_register_get (&error);
  if (reg == NULL)
    {
      gtk_label_set_text (self->notice, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->notice), TRUE);
      g_list_store_remove_all (self->store);
      self->loading = FALSE;
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notice), gw_register_get_notice (reg) != NULL);
  if (gw_register_get_notice (reg))
    gtk_label_set_text (self->notice, gw_register_get_notice (reg));

  /* the organs, keeping the one chosen */
  organ = selected_organ (self);
  {
    g_auto(GStrv) organs = gw_register_list_organs (reg);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->organs));
    guint keep = 0;

    gtk_string_list_splice (self->organs, 1, n - 1, (const char * const *) organs);
    for (guint i = 0; organs[i]; i++)
      if (g_strcmp0 (organs[i], organ) == 0)
        keep = i + 1;
    gtk_drop_down_set_selected (self->organ_drop, keep);
    if (keep == 0)
      g_clear_pointer (&organ, g_free);
  }

  entries = gw_register_list (reg, organ, gtk_spin_button_get_value_as_int (self->year_spin),
                              &error);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (entries)
    {
      /* the items take the entries */
      g_ptr_array_set_free_func (entries, NULL);
      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (items, gw_register_item_new (g_ptr_array_index (entries, i)));
    }
  /* a fresh store: the filter reads 2,000 rows once instead of
   * following the removal of the old ones row by row */
  g_clear_object (&self->store);
  self->store = g_list_store_new (GW_TYPE_REGISTER_ITEM);
  g_list_store_splice (self->store, 0, 0, items->pdata, items->len);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->store));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u number", "%u numbers", items->len),
                             items->len);
  gtk_label_set_text (self->summary, summary);
  self->load_usec = g_get_monotonic_time () - start;
  self->loading = FALSE;
}

gint64
gw_register_view_get_load_usec (GwRegisterView *self)
{
  return self->load_usec;
}

/* ---- the selected row ------------------------------------------------------ */

static const GwRegisterEntry *
selected_entry (GwRegisterView *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? gw_register_item_get_entry (GW_REGISTER_ITEM (item)) : NULL;
}

static GtkWindow *
parent_window (GwRegisterView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GwRegisterView *self,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
gw_register_view_select_number (GwRegisterView *self,
                                const char     *number)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GwRegisterItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gw_register_item_get_entry (item)->number, number) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwRegisterView *self = GW_REGISTER_VIEW (widget);
  const GwRegisterEntry *e = selected_entry (self);
  g_autoptr(GFile) file = NULL;

  if (e == NULL)
    return;
  if (*e->file == '\0' || !g_file_test (e->file, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *body = g_strdup_printf (_("The register has no file for %s, or the "
                                                 "file “%s” is gone."), e->number, e->file);
      show_error (self, _("Could Not Open the Document"), body);
      return;
    }
  file = g_file_new_for_path (e->file);
  g_application_open (g_application_get_default (), &file, 1, "");
}

gboolean
gw_register_view_issue_selected (GwRegisterView  *self,
                                 const char      *file,
                                 GError         **error)
{
  const GwRegisterEntry *e = selected_entry (self);
  g_autofree char *number = NULL;
  GwRegister *reg;

  if (e == NULL)
    return TRUE;
  number = g_strdup (e->number);
  reg = gw_app_register_get (error);
  if (reg == NULL || !gw_register_issue (reg, number, file, error))
    return FALSE;
  gw_register_view_reload (self);
  gw_register_view_select_number (self, number);
  return TRUE;
}

gboolean
gw_register_view_void_selected (GwRegisterView  *self,
                                const char      *reason,
                                GError         **error)
{
  const GwRegisterEntry *e = selected_entry (self);
  g_autofree char *number = NULL;
  GwRegister *reg;

  if (e == NULL)
    return TRUE;
  number = g_strdup (e->number);
  reg = gw_app_register_get (error);
  if (reg == NULL || !gw_register_void (reg, number, reason, error))
    return FALSE;
  gw_register_view_reload (self);
  gw_register_view_select_number (self, number);
  return TRUE;
}

static void
on_issue_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      GwRegisterView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (!gw_register_view_issue_selected (self, path, &error))
        show_error (self, _("Could Not Register the Document as Issued"), error->message);
    }
  g_clear_object (&self->chooser);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwRegisterView *self = GW_REGISTER_VIEW (widget);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  if (selected_entry (self) == NULL || self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (_("The Issued Document"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Register"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_issue_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_void_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GwRegisterView   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "void"))
    return;
  if (!gw_register_view_void_selected (self, gtk_editable_get_text (entry), &error))
    show_error (self, _("Could Not Void the Number"), error->message);
}

static void
on_void_reason_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "void", *text != '\0');
}

static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwRegisterView *self = GW_REGISTER_VIEW (widget);
  const GwRegisterEntry *e = selected_entry (self);
  GtkWidget *dialog, *entry;

  if (e == NULL)
    return;
  dialog = adw_message_dialog_new (parent_window (self), _("Void the Number?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s stays in the register as void and is never handed out "
                                    "again. Say why."), e->number);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "void", _("_Void"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (on_void_reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_void_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
gw_register_view_export (GwRegisterView  *self,
                         const char      *path,
                         GError         **error)
{
  GwRegister *reg = gw_app_register_get (error);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autofree char *organ = selected_organ (self);

  if (reg == NULL)
    return FALSE;
  if (g_str_has_suffix (path, ".pdf"))
    {
      GwRenderer *renderer = self->services ? gw_services_get_renderer (self->services) : NULL;
      g_autoptr(GwDocument) doc = gw_register_year_document (reg, organ, year, error);

      if (doc == NULL)
        return FALSE;
      if (renderer == NULL)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("The fonts for the PDF could not be set up."));
          return FALSE;
        }
      return gw_renderer_export_pdf (renderer, doc, path, error);
    }
  else
    {
      g_autoptr(GBytes) csv = gw_register_export_csv (reg, year, error);

      return csv && gw_file_replace_atomically (path, csv, error);
    }
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       GwRegisterView  *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (!gw_register_view_export (self, path, &error))
        show_error (self, _("Could Not Export the Register"), error->message);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwRegisterView *self = GW_REGISTER_VIEW (widget);
  gboolean pdf = g_str_equal (action_name, "register.export-pdf");
  g_autofree char *name = g_strdup_printf ("发文登记簿-%d.%s",
                                           gtk_spin_button_get_value_as_int (self->year_spin),
                                           pdf ? "pdf" : "csv");

  if (self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export the Register as PDF")
                                                   : _("Export the Register as CSV"),
                                               parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- building -------------------------------------------------------------- */

typedef enum { COL_NUMBER, COL_STATUS, COL_TITLE, COL_DATE, COL_FILE, N_COLUMNS } Column;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  const GwRegisterEntry *e = gw_register_item_get_entry (gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COL_NUMBER: text = g_strdup (e->number); break;
    case COL_STATUS:
      text = e->status == GW_NUMBER_VOID && e->void_reason
             ? g_strdup_printf ("%s（%s）", status_label (e), e->void_reason)
             : g_strdup (status_label (e));
      break;
    case COL_TITLE: text = g_strdelimit (g_strdup (e->title), "\n", ' '); break;
    case COL_DATE: text = entry_date (e); break;
    default: text = g_path_get_basename (*e->file ? e->file : "—"); break;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), column == COL_FILE ? e->file : NULL);
}

static void
add_column (GwRegisterView *self,
            const char     *title,
            Column          column,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->columns, col);
  g_object_unref (col);
}

static GtkWidget *
button (const char *label,
        const char *action)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  return b;
}

static void
on_activate_cb (GtkColumnView  *view,
                guint           position,
                GwRegisterView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "register.open", NULL);
}

static void
gw_register_view_dispose (GObject *object)
{
  GwRegisterView *self = GW_REGISTER_VIEW (object);
  GtkWidget *child;

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->services);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (gw_register_view_parent_class)->dispose (object);
}

static void
gw_register_view_class_init (GwRegisterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_register_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "register.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "register.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "register.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "register.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "register.export-pdf", NULL, export_action);
}

static void
gw_register_view_init (GwRegisterView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *statuses[] = { N_("All"), N_("Reserved"), N_("Issued"), N_("Void"), N_("Stale"), NULL };
  const char *translated[G_N_ELEMENTS (statuses)];

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    translated[i] = statuses[i] ? _(statuses[i]) : NULL;

  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->notice = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->notice, TRUE);
  gtk_label_set_xalign (self->notice, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->notice), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->notice), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notice));

  self->organs = gtk_string_list_new ((const char *[]) { _("All organs"), NULL });
  self->organ_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->organs), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->organ_drop), _("Organ"));
  self->year_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1949, 9999, 1));
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_spin), _("Year"));
  self->status_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_drop), _("Status"));
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search titles and numbers"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->organ_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->year_spin));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->status_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), bar);

  self->store = g_list_store_new (GW_TYPE_REGISTER_ITEM);
  self->filter = gtk_custom_filter_new ((GtkCustomFilterFunc) matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), NULL);
  /* the view keeps its own reference: reload () detaches the model */
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  self->columns = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_column_view_set_show_row_separators (self->columns, TRUE);
  add_column (self, _("Number"), COL_NUMBER, FALSE);
  add_column (self, _("Status"), COL_STATUS, FALSE);
  add_column (self, _("Title"), COL_TITLE, TRUE);
  add_column (self, _("Date"), COL_DATE, FALSE);
  add_column (self, _("File"), COL_FILE, FALSE);
  g_signal_connect (self->columns, "activate", G_CALLBACK (on_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->columns));
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_widget_add_css_class (scroll, "card");
  gtk_box_append (GTK_BOX (box), scroll);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (actions), button (_("_Open"), "register.open"));
  gtk_box_append (GTK_BOX (actions), button (_("_Register as Issued…"), "register.issue"));
  gtk_box_append (GTK_BOX (actions), button (_("_Void…"), "register.void"));
  gtk_box_append (GTK_BOX (actions), button (_("Export _CSV…"), "register.export-csv"));
  gtk_box_append (GTK_BOX (actions), button (_("Export _PDF…"), "register.export-pdf"));
  gtk_box_append (GTK_BOX (box), actions);

  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->status_drop, "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->organ_drop, "notify::selected",
                            G_CALLBACK (gw_register_view_reload), self);
  g_signal_connect_swapped (self->year_spin, "value-changed",
                            G_CALLBACK (gw_register_view_reload), self);
}

GwRegisterView *
gw_register_view_new (void)
{
  GwRegisterView *self = g_object_new (GW_TYPE_REGISTER_VIEW, NULL);

  gw_register_view_reload (self);
  return self;
}

void
gw_register_view_set_year (GwRegisterView *self,
                           int             year)
{
  gtk_spin_button_set_value (self->year_spin, year);
}

void
gw_register_view_set_search (GwRegisterView *self,
                             const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  refilter (self);
}

void
gw_register_view_set_status_filter (GwRegisterView *self,
                                    guint           filter)
{
  gtk_drop_down_set_selected (self->status_drop, filter);
}

GListModel *
gw_register_view_get_model (GwRegisterView *self)
{
  return G_LIST_MODEL (self->filtered);
}

/* ---- in the window ---------------------------------------------------------- */

GtkWindow *
gw_register_view_present (GtkWindow  *parent,
                          GwServices *services)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  g_autofree char *path = gw_app_register_path ();
  GtkWidget *title = adw_window_title_new (_("Document Number Register"), path);
  GwRegisterView *view = gw_register_view_new ();

  view->services = services ? g_object_ref (services) : NULL;
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Document Number Register"));
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 620);
  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
    }
  g_object_set_data (G_OBJECT (window), "register-view", view);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* After an export: if the document's number is reserved in the register,
 * the toast offers 登记发文 with the PDF. Exporting alone never issues. */
AdwToast *
gw_register_view_offer_issue (GwDocument *doc,
                              const char *pdf)
{
  const char *number = gw_document_get_meta (doc, GW_META_DOC_NUMBER);
  g_autoptr(GwRegisterEntry) entry = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *msg = NULL;
  g_autofree char *base = g_path_get_basename (pdf);
  GwRegister *reg;
  AdwToast *toast;

  if (number == NULL || !gw_app_register_exists ())
    return NULL;
  reg = gw_app_register_get (NULL);
  trimmed = g_strstrip (g_strdup (number));
  entry = reg ? gw_register_lookup (reg, trimmed, NULL) : NULL;
  if (entry == NULL || entry->status != GW_NUMBER_RESERVED)
    return NULL;
  {
    g_autofree char *escaped = g_markup_escape_text (base, -1);
    msg = g_strdup_printf (_("Exported %s. Register %s as issued?"), escaped, entry->number);
  }
  toast = adw_toast_new (msg);
  adw_toast_set_button_label (toast, _("Register as Issued"));
  adw_toast_set_action_name (toast, "win.register-issue");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", entry->number, pdf));
  adw_toast_set_timeout (toast, 0);
  return toast;
}

char *
gw_register_view_issue (GtkWindow  *parent,
                        const char *number,
                        const char *pdf)
{
  g_autoptr(GError) error = NULL;
  GwRegister *reg;

  reg = gw_app_register_get (&error);
  if (reg == NULL || !gw_register_issue (reg, number, pdf, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (parent,
                                                  _("Could Not Register the Document as Issued"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }
  return g_strdup_printf (_("%s registered as issued"), number);
}
