/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-register-view.h"
#include "gw-error.h"
#include "gw-pdf.h"
#include "gw-docx-writer.h"
#include "gw-import-report.h"
#include "gw-page.h"
#include "gw-policy.h"
#include "gw-template-dialog.h"
#include "gw-window-private.h"

void
_gw_window_update_actions (GwWindow *self)
{
  gboolean has_page = gw_window_get_current_page (self) != NULL;
  static const char *page_actions[] = {
    "win.save", "win.save-as", "win.close-page", "win.export-pdf", "win.print",
    "win.find", "win.replace", "win.undo", "win.redo", "win.preview", "win.show-findings",
  };

  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), page_actions[i], has_page);
}

/* ---- new and open ------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gw_window_show_template_dialog (GW_WINDOW (widget), NULL);
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gw_window_show_template_dialog (GW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The form the Create button makes gets the opinion's grade scale,
 * decision table and cycle (the same core/rules function the command
 * line's new round calls), and names the opinion in its header so later
 * checks compare the two. Connected before the window opens the form. */
typedef struct {
  GwPolicy *policy;
  char     *reference;
} FormFromOpinion;

static void
form_from_opinion_free (gpointer data,
                        GClosure *closure)
{
  FormFromOpinion *f = data;

  gw_policy_free (f->policy);
  g_free (f->reference);
  g_free (f);
}

static void
on_form_from_opinion_created_cb (GwTemplateDialog *dialog,
                                 GwDocument       *doc,
                                 gpointer          user_data)
{
  FormFromOpinion *f = user_data;
  GwEvaluation *evaluation = gw_document_get_evaluation (doc);

  if (evaluation)
    {
      gw_policy_apply_to_evaluation (f->policy, evaluation);
      if (f->reference)
        gw_evaluation_set_field (evaluation, GW_EVAL_OPINION, f->reference);
    }
}

static void
new_form_from_opinion_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  GwPage *page = gw_window_get_current_page (self);
  GwDocument *doc = page ? gw_page_get_document (page) : NULL;
  GFile *file = page ? gw_page_get_file (page) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  const char *number;
  GwTemplateDialog *dialog;
  FormFromOpinion *f;

  if (doc == NULL || gw_document_get_kind (doc) != GW_DOCUMENT_KIND_OPINION)
    return;
  f = g_new0 (FormFromOpinion, 1);
  f->policy = gw_policy_extract (doc);
  /* Its file when it has one (found again wherever the form is checked),
   * else its document number (found while the opinion is open). */
  number = gw_document_get_meta (doc, GW_META_DOC_NUMBER);
  if (path)
    f->reference = g_steal_pointer (&path);
  else if (number && *number)
    f->reference = g_strdup (number);
  /* The evaluation template's form; Create opens the form, then this fills
   * it from the opinion (the editor follows the form's ::changed). */
  dialog = gw_window_show_template_dialog (self, "evaluation");
  g_signal_connect_data (dialog, "document-created", G_CALLBACK (on_form_from_opinion_created_cb),
                         f, form_from_opinion_free, 0);
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          gw_window_open_file (self, file);
        }
    }
  g_clear_object (&self->chooser);
}

static void
add_filters (GtkFileChooser *chooser,
             gboolean        with_text)
{
  g_autoptr(GtkFileFilter) docs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (with_text)
    {
      gtk_file_filter_set_name (docs, _("Gongwen documents, Word files and text drafts"));
      gtk_file_filter_add_pattern (docs, "*.gwdoc");
      gtk_file_filter_add_pattern (docs, "*.txt");
      gtk_file_filter_add_pattern (docs, "*.docx");
      gtk_file_filter_add_pattern (docs, "*.doc");
      gtk_file_filter_add_pattern (docs, "*.wps");
      gtk_file_filter_add_pattern (docs, "*.odt");
      gtk_file_filter_add_pattern (docs, "*.rtf");
    }
  else
    {
      gtk_file_filter_set_name (docs, _("Gongwen documents (.gwdoc)"));
      gtk_file_filter_add_pattern (docs, "*.gwdoc");
    }
  gtk_file_chooser_add_filter (chooser, docs);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gw_window_open_file (GW_WINDOW (widget), file);
}

static void
restore_recovered_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gw_window_restore_recovered (GW_WINDOW (widget));
}

/* ---- save --------------------------------------------------------------- */

typedef struct {
  GwWindow   *self;
  GwPage     *page;
  AdwTabPage *closing_tab;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->page);
  g_clear_object (&data->closing_tab);
  g_free (data);
}

static gboolean
save_to (GwWindow *self,
         GwPage   *page,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!gw_page_save (page, file, &error))
    {
      _gw_window_show_error (self, _("Could Not Save the Document"), error);
      return FALSE;
    }
  return TRUE;
}

static void export_asking_first (GwWindow *self, GwPage *page, GFile *file, gboolean word);

static void
on_save_as_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        SaveData        *data)
{
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (chosen);
      g_autoptr(GFile) file = NULL;

      /* A name ending in .docx asks for a Word copy: written like Export
       * writes it, while the document itself stays unsaved in .gwdoc
       * terms (only a .gwdoc holds all of it). */
      if (path && g_str_has_suffix (path, ".docx"))
        {
          export_asking_first (data->self, data->page, chosen, TRUE);
          if (data->closing_tab)
            _gw_window_page_saved_for_close (data->self, data->closing_tab, FALSE);
          g_clear_object (&data->self->chooser);
          save_data_free (data);
          return;
        }
      /* The .gwdoc suffix is what tells Gongwen's own files apart. */
      if (path && !g_str_has_suffix (path, ".gwdoc"))
        {
          g_autofree char *with_suffix = g_strconcat (path, ".gwdoc", NULL);
          file = g_file_new_for_path (with_suffix);
        }
      else
        file = g_object_ref (chosen);
      saved = save_to (data->self, data->page, file);
    }
  if (data->closing_tab)
    _gw_window_page_saved_for_close (data->self, data->closing_tab, saved);
  g_clear_object (&data->self->chooser);
  save_data_free (data);
}

void
_gw_window_save_page (GwWindow   *self,
                      GwPage     *page,
                      gboolean    ask_path,
                      AdwTabPage *closing_tab)
{
  SaveData *data;
  g_autofree char *suggested = NULL;

  if (!ask_path && gw_page_get_file (page))
    {
      gboolean saved = save_to (self, page, gw_page_get_file (page));

      if (closing_tab)
        _gw_window_page_saved_for_close (self, closing_tab, saved);
      return;
    }

  if (self->chooser)
    {
      if (closing_tab)
        _gw_window_page_saved_for_close (self, closing_tab, FALSE);
      return;
    }
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->page = g_object_ref (page);
  data->closing_tab = closing_tab ? g_object_ref (closing_tab) : NULL;

  self->chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (self->chooser), FALSE);
  if (gw_page_get_file (page))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), gw_page_get_file (page), NULL);
  else
    {
      suggested = g_strconcat (gw_page_get_name (page), ".gwdoc", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_as_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  GwPage *page = gw_window_get_current_page (self);

  if (page)
    _gw_window_save_page (self, page, FALSE, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  GwPage *page = gw_window_get_current_page (self);

  if (page)
    _gw_window_save_page (self, page, TRUE, NULL);
}

static void
close_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);

  if (tab)
    adw_tab_view_close_page (self->tab_view, tab);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- export and print --------------------------------------------------- */

static GwRenderer *
get_renderer (GwWindow *self)
{
  GwApplication *app = GW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GwRenderer *renderer = gw_application_get_renderer (app);

  if (renderer == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (GW_ERROR, GW_ERROR_RENDER,
                                                     _("The fonts for the PDF could not be "
                                                       "set up."));
      _gw_window_show_error (self, _("Could Not Lay Out the Pages"), error);
    }
  return renderer;
}

typedef struct {
  GwRenderer *renderer;
  GwDocument *doc;
  char       *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->renderer);
  g_object_unref (data->doc);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (g_str_has_suffix (data->path, ".docx") ?
      gw_docx_write_file (data->doc, data->path, &error) :
      gw_renderer_export_pdf (data->renderer, data->doc, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GwWindow *self = GW_WINDOW (object);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _gw_window_show_error (self, g_str_has_suffix (data->path, ".docx")
                                   ? _("Could Not Export the Word Document")
                                   : _("Could Not Export the PDF"), error);
  else
    {
      g_autofree char *base = g_path_get_basename (data->path);
      g_autofree char *msg = g_strdup_printf (_("Exported %s"), base);
      AdwToast *offer = gw_register_view_offer_issue (data->doc, data->path);

      gw_window_toast (self, msg);
      if (offer)
        gw_window_add_toast (self, offer);
    }
}

void
_gw_window_export_to (GwWindow *self,
                      GwPage   *page,
                      GFile    *file)
{
  GwRenderer *renderer = get_renderer (self);
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  if (renderer == NULL)
    return;
  data = g_new0 (ExportData, 1);
  data->renderer = g_object_ref (renderer);
  /* A copy: the person may keep typing while the pages are laid out. */
  data->doc = gw_document_copy (gw_page_get_document (page));
  data->path = g_file_get_path (file);
  task = g_task_new (self, NULL, on_export_done_cb, NULL);
  g_task_set_source_tag (task, _gw_window_export_to);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/* What the import of @doc left out ("comments 3, images 1"), or NULL. */
static char *
dropped_summary (GwDocument *doc)
{
  GwImportReport *report = gw_document_get_import_report (doc);
  const char * const *kinds = report ? gw_import_report_get_dropped_kinds (report) : NULL;
  g_autoptr(GString) s = NULL;

  for (guint i = 0; kinds && kinds[i]; i++)
    {
      guint n = gw_import_report_get_dropped (report, kinds[i]);
      if (n == 0)
        continue;
      if (s == NULL)
        s = g_string_new (NULL);
      else
        g_string_append (s, ", ");
      g_string_append_printf (s, "%s %u", kinds[i], n);
    }
  return s ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

typedef struct {
  GwWindow *window;
  GwPage   *page;
  GFile    *file;
} ReplaceData;

static void
on_replace_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ReplaceData      *data)
{
  if (g_strcmp0 (response, "replace") == 0)
    _gw_window_export_to (data->window, data->page, data->file);
  g_object_unref (data->page);
  g_object_unref (data->file);
  g_free (data);
}

/* Exports @page to @file, but writing Word over the very file the document
 * was imported from, when its import left something out, asks first and
 * says what would be lost. */
static void
export_asking_first (GwWindow *self,
                     GwPage   *page,
                     GFile    *file,
                     gboolean  word)
{
  GFile *source = gw_page_get_file (page);
  g_autofree char *lost = NULL;

  if (word && source && g_file_equal (source, file) &&
      (lost = dropped_summary (gw_page_get_document (page))))
    {
      AdwMessageDialog *ask;
      ReplaceData *data = g_new0 (ReplaceData, 1);

      ask = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                        _("Replace the Word File?"), NULL));
      adw_message_dialog_format_body (ask, _("When it was opened, Gongwen left out of it: %s. "
                                             "Writing over the file loses them for good."), lost);
      adw_message_dialog_add_responses (ask, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
      adw_message_dialog_set_response_appearance (ask, "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ask, "cancel");
      adw_message_dialog_set_close_response (ask, "cancel");
      data->window = self;
      data->page = g_object_ref (page);
      data->file = g_object_ref (file);
      g_signal_connect (ask, "response", G_CALLBACK (on_replace_response_cb), data);
      gtk_window_present (GTK_WINDOW (ask));
    }
  else
    _gw_window_export_to (self, page, file);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       GwPage          *page)
{
  GwWindow *self = GW_WINDOW (gtk_native_dialog_get_transient_for (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (chosen);
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      gboolean word = (path && g_str_has_suffix (path, ".docx")) ||
                      (filter && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "gw-suffix"),
                                            ".docx") == 0 && !g_str_has_suffix (path ? path : "", ".pdf"));
      const char *suffix = word ? ".docx" : ".pdf";
      g_autoptr(GFile) file = NULL;

      if (path && !g_str_has_suffix (path, suffix))
        {
          g_autofree char *with_suffix = g_strconcat (path, suffix, NULL);
          file = g_file_new_for_path (with_suffix);
        }
      else
        file = g_object_ref (chosen);

      export_asking_first (self, page, file, word);
    }
  g_object_unref (page);
  g_clear_object (&self->chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  GwPage *page = gw_window_get_current_page (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GFile *file;

  if (page == NULL || self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export PDF or Word"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  g_object_set_data (G_OBJECT (filter), "gw-suffix", (gpointer) ".pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Word beside PDF: the chosen type (or a name ending in .docx) decides */
  {
    g_autoptr(GtkFileFilter) word = gtk_file_filter_new ();
    gtk_file_filter_set_name (word, _("Word documents (.docx)"));
    gtk_file_filter_add_pattern (word, "*.docx");
    g_object_set_data (G_OBJECT (word), "gw-suffix", (gpointer) ".docx");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), word);
  }

  file = gw_page_get_file (page);
  if (file)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *base = g_file_get_basename (file);
      char *dot = strrchr (base, '.');

      if (dot)
        *dot = '\0';
      if (parent)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
      suggested = g_strconcat (base, ".pdf", NULL);
    }
  else
    suggested = g_strconcat (gw_page_get_name (page), ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb),
                    g_object_ref (page));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   GwPagination      *pagination)
{
  gtk_print_operation_set_n_pages (operation, gw_pagination_get_n_pages (pagination));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 GwPagination      *pagination)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* The unit is points and the page is used in full, so the renderer's
   * coordinates (points, origin at the paper's corner) apply unchanged. */
  gw_pagination_draw_page (pagination, cr, page_nr);
}

GtkPrintOperationResult
_gw_window_print (GwWindow                *self,
                  GwPage                  *page,
                  GtkPrintOperationAction  action,
                  const char              *export_filename)
{
  GwRenderer *renderer = get_renderer (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  GwPagination *pagination;
  GtkPrintOperationResult result;

  if (renderer == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  pagination = gw_renderer_paginate (renderer, gw_page_get_document (page), &error);
  if (pagination == NULL)
    {
      _gw_window_show_error (self, _("Could Not Print"), error);
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, gw_page_get_name (page));
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  if (export_filename)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), pagination);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), pagination);
  g_object_set_data_full (G_OBJECT (operation), "gw-pagination", pagination,
                          (GDestroyNotify) gw_pagination_free);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    _gw_window_show_error (self, _("Could Not Print"), error);
  return result;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  GwPage *page = gw_window_get_current_page (self);

  if (page)
    _gw_window_print (self, page, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/* ---- editing ------------------------------------------------------------ */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwPage *page = gw_window_get_current_page (GW_WINDOW (widget));

  if (page)
    gw_page_show_find (page, g_str_equal (action_name, "win.replace"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwPage *page = gw_window_get_current_page (GW_WINDOW (widget));

  if (page == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    gw_page_undo (page);
  else
    gw_page_redo (page);
}

static void
primary_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_menu_button_popup (GW_WINDOW (widget)->primary_menu_button);
}

static void
show_register_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  gw_register_view_present (GTK_WINDOW (widget),
                            GW_IS_APPLICATION (app)
                              ? gw_application_get_services (GW_APPLICATION (app)) : NULL);
}

static void
register_issue_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *number, *pdf;
  g_autofree char *msg = NULL;

  g_variant_get (parameter, "(&s&s)", &number, &pdf);
  msg = gw_register_view_issue (GTK_WINDOW (widget), number, pdf);
  if (msg)
    gw_window_toast (GW_WINDOW (widget), msg);
}

void
_gw_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-form-from-opinion", NULL,
                                   new_form_from_opinion_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s",
                                   new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.restore-recovered", NULL,
                                   restore_recovered_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close-page", NULL, close_page_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-register", NULL, show_register_action);
  gtk_widget_class_install_action (widget_class, "win.register-issue", "(ss)",
                                   register_issue_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.primary-menu", NULL, primary_menu_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-findings", "show-findings");
  gtk_widget_class_install_property_action (widget_class, "win.preview", "show-preview");
}
