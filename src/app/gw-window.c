/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-document-xml.h"
#include "gw-error.h"
#include "gw-finding.h"
#include "gw-import-report-dialog.h"
#include "gw-open.h"
#include "gw-opinion-finder.h"
#include "gw-page.h"
#include "gw-recovery.h"
#include "gw-template.h"
#include "gw-template-dialog.h"
#include "gw-window-private.h"

G_DEFINE_FINAL_TYPE (GwWindow, gw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_FINDINGS,
  PROP_SHOW_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Recovery copies are offered once per process, in the first window. */
static gboolean recovery_offered;

GwPage *
gw_window_get_current_page (GwWindow *self)
{
  AdwTabPage *page;

  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);

  page = adw_tab_view_get_selected_page (self->tab_view);
  return page ? GW_PAGE (adw_tab_page_get_child (page)) : NULL;
}

AdwTabView *
gw_window_get_tab_view (GwWindow *self)
{
  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);
  return self->tab_view;
}

void
gw_window_toast (GwWindow   *self,
                 const char *message)
{
  AdwToast *toast;

  g_return_if_fail (GW_IS_WINDOW (self));

  /* Toast titles are markup; file names may hold & or <. */
  {
    g_autofree char *escaped = g_markup_escape_text (message, -1);
    toast = adw_toast_new (escaped);
  }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
gw_window_add_toast (GwWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (GW_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Errors carry the file and place already; this adds what to do about them. */
static const char *
advice_for (const GError *error)
{
  if (error->domain == GW_ERROR)
    switch ((GwError) error->code)
      {
      case GW_ERROR_MISSING_GLYPH:
        return _("Install a font that has this character (for example the Debian package "
                 "fonts-noto-cjk), choose such a font in Preferences, or replace the "
                 "character in the text.");
      case GW_ERROR_PARSE:
      case GW_ERROR_SCHEMA:
        return _("The file is damaged or was not written by Gongwen. If you have a copy, "
                 "open that instead; a plain-text draft can be imported as .txt.");
      case GW_ERROR_UNSAFE:
        return _("Gongwen refuses files that try to load other files. Ask the sender for "
                 "the document again, or paste its text into a new document.");
      case GW_ERROR_TOO_LARGE:
        return _("Split the document into smaller files.");
      case GW_ERROR_ENCODING:
        return _("Save the draft again as UTF-8 or GB18030 text and open it once more.");
      case GW_ERROR_EMPTY:
        return _("The file has no text. Check that you chose the right file.");
      case GW_ERROR_RENDER:
        return _("Check that the fonts chosen in Preferences are installed, then try again.");
      default:
        break;
      }
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("Choose a folder you may write to, such as your Documents folder.");
      case G_IO_ERROR_NO_SPACE:
        return _("Free some disk space and try again. Your text is still open here.");
      case G_IO_ERROR_NOT_FOUND:
        return _("The file was moved or deleted. Check the folder and try again.");
      default:
        break;
      }
  return NULL;
}

void
_gw_window_show_error (GwWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  const char *advice = advice_for (error);
  g_autofree char *body = advice ? g_strdup_printf ("%s\n\n%s", error->message, advice)
                                 : g_strdup (error->message);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- title and counts ---------------------------------------------------- */

static void
update_title (GwWindow *self)
{
  GwPage *page = gw_window_get_current_page (self);

  if (page == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Gongwen"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Gongwen"));
      return;
    }
  else
    {
      GFile *file = gw_page_get_file (page);
      g_autofree char *folder = NULL;
      g_autofree char *window_title = NULL;

      if (file)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          folder = parent ? g_file_get_parse_name (parent) : NULL;
        }
      adw_window_title_set_title (self->window_title, gw_page_get_title (page));
      adw_window_title_set_subtitle (self->window_title,
                                     folder ? folder : _("Not saved yet"));
      window_title = g_strdup_printf ("%s — %s", gw_page_get_title (page), _("Gongwen"));
      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
}

static void
update_counts (GwWindow *self)
{
  GwPage *page = gw_window_get_current_page (self);
  guint n_errors = page ? gw_page_count_findings (page, GW_SEVERITY_ERROR) : 0;
  guint n_warnings = page ? gw_page_count_findings (page, GW_SEVERITY_WARNING) : 0;
  char buf[16];
  g_autofree char *a11y = NULL;

  g_snprintf (buf, sizeof buf, "%u", n_errors);
  gtk_label_set_label (self->errors_label, buf);
  g_snprintf (buf, sizeof buf, "%u", n_warnings);
  gtk_label_set_label (self->warnings_label, buf);
  a11y = g_strdup_printf (_("Findings: %u errors, %u warnings"), n_errors, n_warnings);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->findings_button), page != NULL);
}

static void
on_page_title_cb (GwPage     *page,
                  GParamSpec *pspec,
                  GwWindow   *self)
{
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));

  adw_tab_page_set_title (tab, gw_page_get_title (page));
  adw_tab_page_set_tooltip (tab, gw_page_get_name (page));
  if (page == gw_window_get_current_page (self))
    update_title (self);
}

static void
on_page_findings_cb (GwPage   *page,
                     GwWindow *self)
{
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  guint n_errors = gw_page_count_findings (page, GW_SEVERITY_ERROR);
  g_autoptr(GIcon) icon = n_errors ? g_themed_icon_new ("dialog-error-symbolic") : NULL;

  adw_tab_page_set_indicator_icon (tab, icon);
  /* libadwaita 1.2 takes no NULL here: "" is no tooltip. */
  adw_tab_page_set_indicator_tooltip (tab, n_errors ? _("The checker found errors") : "");
  if (page == gw_window_get_current_page (self))
    update_counts (self);
}

static void
on_page_detached_cb (GwWindow   *self,
                     AdwTabPage *tab)
{
  g_signal_handlers_disconnect_by_data (adw_tab_page_get_child (tab), self);
}

static void
on_selected_page_cb (GwWindow *self)
{
  GwPage *page = gw_window_get_current_page (self);

  if (page)
    {
      gw_page_set_show_findings (page, self->show_findings);
      gw_page_set_show_preview (page, self->show_preview);
    }
  update_title (self);
  update_counts (self);
  _gw_window_update_actions (self);
}

static void
on_n_pages_cb (GwWindow *self)
{
  gboolean any = adw_tab_view_get_n_pages (self->tab_view) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "documents" : "start");
  gtk_widget_set_visible (GTK_WIDGET (self->tab_bar), any);
  _gw_window_update_actions (self);
}

/* A form whose header names an opinion by number may now find it open. */
static void
recheck_forms_naming_opinions (GwWindow *self,
                               GwPage   *opinion)
{
  guint n = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      GwPage *page = GW_PAGE (adw_tab_page_get_child (tab));
      GwDocument *doc = gw_page_get_document (page);
      g_autofree char *reference = NULL;

      if (page == opinion || doc == NULL || gw_document_get_evaluation (doc) == NULL)
        continue;
      reference = gw_opinion_reference_get (doc);
      if (reference && !gw_opinion_reference_is_path (reference))
        gw_page_check_now (page);
    }
}

GwPage *
gw_window_add_document (GwWindow   *self,
                        GwDocument *doc,
                        GFile      *file)
{
  GwApplication *app;
  GwPage *page;
  AdwTabPage *tab;

  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  app = GW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  page = gw_page_new (gw_application_get_services (app), doc, file);
  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
  adw_tab_page_set_title (tab, gw_page_get_title (page));
  adw_tab_page_set_tooltip (tab, gw_page_get_name (page));
  g_signal_connect_object (page, "notify::title", G_CALLBACK (on_page_title_cb), self, 0);
  g_signal_connect_object (page, "findings-changed", G_CALLBACK (on_page_findings_cb),
                           self, 0);
  adw_tab_view_set_selected_page (self->tab_view, tab);
  gtk_widget_grab_focus (GTK_WIDGET (page));
  if (gw_document_get_kind (doc) == GW_DOCUMENT_KIND_OPINION)
    recheck_forms_naming_opinions (self, page);
  return page;
}

static GwPage *
find_page_for_file (GwWindow *self,
                    GFile    *file)
{
  guint n = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      GwPage *page = GW_PAGE (adw_tab_page_get_child (tab));
      GFile *page_file = gw_page_get_file (page);

      if (page_file && g_file_equal (page_file, file))
        return page;
    }
  return NULL;
}

void
gw_window_open_file (GwWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autofree char *path = NULL;
  GwPage *existing;
  gboolean native;

  g_return_if_fail (GW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  existing = find_page_for_file (self, file);
  if (existing)
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view,
                                                             GTK_WIDGET (existing)));
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file; copy it to this computer first"),
                   g_file_peek_path (file) ? g_file_peek_path (file) : g_file_get_uri (file));
      _gw_window_show_error (self, _("Could Not Open the File"), error);
      return;
    }
  doc = gw_document_open (path, &error);
  if (doc == NULL)
    {
      _gw_window_show_error (self, _("Could Not Open the File"), error);
      return;
    }

  /* A plain-text draft is imported: it becomes a new document whose first
   * save asks where to put the .gwdoc, so the .txt is never overwritten. */
  native = g_str_has_suffix (path, ".gwdoc");
  if (native)
    {
      g_autofree char *uri = g_file_get_uri (file);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      gw_window_add_document (self, doc, file);
    }
  else
    {
      GwPage *page = gw_window_add_document (self, doc, NULL);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *msg = g_strdup_printf (_("Imported %s; save it to keep it as a Gongwen "
                                                "document"), base);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      gw_page_set_modified (page, TRUE);
      gw_window_toast (self, msg);
      gw_import_report_dialog_present (GTK_WINDOW (self), doc, base);
    }
}

/* ---- start view ----------------------------------------------------------- */

static void
populate_templates (GwWindow *self)
{
  g_autoptr(GListModel) templates = gw_template_list_all ();
  guint n = templates ? g_list_model_get_n_items (templates) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwTemplate) template = g_list_model_get_item (templates, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (
        gw_template_get_kind (template) == GW_DOCUMENT_KIND_EVALUATION
          ? "x-office-spreadsheet-symbolic" : "x-office-document-symbolic");
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_template_get_name (template));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gw_template_get_description (template));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.new-from-template");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gw_template_get_id (template));
      gtk_list_box_append (self->template_list, row);
    }
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ta, tb);
}

static void
populate_recent (GwWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  /* Newest first. */
  items = g_list_sort (items, compare_recent_newest_first);
  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      GtkWidget *row;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autofree char *folder = NULL;

      if (shown >= 8 || !gtk_recent_info_has_application (info, g_get_application_name ()))
        continue;
      if (!g_str_has_suffix (uri, ".gwdoc") && !g_str_has_suffix (uri, ".txt") &&
          !g_str_has_suffix (uri, ".docx"))
        continue;
      if (!gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (uri);
      parent = g_file_get_parent (file);
      folder = parent ? g_file_get_parse_name (parent) : NULL;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-uri");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
populate_recovered (GwWindow *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recovered_list))))
    gtk_list_box_remove (self->recovered_list, child);

  n = self->recovered ? self->recovered->len : 0;
  for (guint i = 0; i < n; i++)
    {
      GwRecoveryEntry *entry = g_ptr_array_index (self->recovered, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->saved_at / G_USEC_PER_SEC);
      g_autofree char *stamp = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      subtitle = g_strdup_printf (_("Last change kept at %s"), stamp);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.restore-recovered");
      gtk_list_box_append (self->recovered_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recovered_group), n > 0);
}

void
gw_window_restore_recovered (GwWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_if_fail (GW_IS_WINDOW (self));

  /* A window that did not offer them at start (a later one) looks now. */
  entries = self->recovered ? g_steal_pointer (&self->recovered) : gw_recovery_list (TRUE);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      GwRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = gw_document_load_gwdoc (entry->gwdoc_path, &error);
      g_autoptr(GFile) file = entry->original_path ? g_file_new_for_path (entry->original_path)
                                                   : NULL;
      GwPage *page;

      if (doc == NULL)
        {
          _gw_window_show_error (self, _("Could Not Restore a Draft"), error);
          continue;
        }
      page = gw_window_add_document (self, doc, file);
      /* Keep writing the same copy, claimed by this process from now on. */
      gw_page_set_recovery_id (page, entry->id);
      gw_page_set_modified (page, TRUE);
      if (!gw_page_autosave_now (page, &error))
        g_warning ("%s", error->message);
    }
  populate_recovered (self);
}

static void
offer_recovered (GwWindow *self)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (recovery_offered)
    return;
  recovery_offered = TRUE;
  self->recovered = gw_recovery_list (TRUE);
  if (self->recovered->len == 0)
    {
      g_clear_pointer (&self->recovered, g_ptr_array_unref);
      return;
    }
  populate_recovered (self);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unsaved draft was recovered",
                                        "%u unsaved drafts were recovered",
                                        self->recovered->len),
                           self->recovered->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Restore"));
  adw_toast_set_action_name (toast, "win.restore-recovered");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* ---- closing ---------------------------------------------------------------- */

typedef struct {
  GwWindow   *self;
  AdwTabPage *tab;
} CloseData;

static void
close_data_free (CloseData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->tab);
  g_free (data);
}

static void
finish_close (GwWindow   *self,
              AdwTabPage *tab,
              gboolean    confirm)
{
  GwPage *page = GW_PAGE (adw_tab_page_get_child (tab));

  if (confirm)
    gw_page_discard_recovery (page);
  else
    self->closing_window = FALSE;
  adw_tab_view_close_page_finish (self->tab_view, tab, confirm);
  if (confirm && self->closing_window)
    gtk_window_close (GTK_WINDOW (self));
}

void
_gw_window_page_saved_for_close (GwWindow   *self,
                                 AdwTabPage *tab,
                                 gboolean    saved)
{
  finish_close (self, tab, saved);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CloseData        *data)
{
  GwWindow *self = data->self;
  GwPage *page = GW_PAGE (adw_tab_page_get_child (data->tab));

  if (g_strcmp0 (response, "discard") == 0)
    finish_close (self, data->tab, TRUE);
  else if (g_strcmp0 (response, "save") == 0)
    _gw_window_save_page (self, page, gw_page_get_file (page) == NULL, data->tab);
  else
    finish_close (self, data->tab, FALSE);
  close_data_free (data);
}

static gboolean
on_close_page_cb (AdwTabView *view,
                  AdwTabPage *tab,
                  GwWindow   *self)
{
  GwPage *page = GW_PAGE (adw_tab_page_get_child (tab));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  CloseData *data;

  if (!gw_page_get_modified (page))
    {
      finish_close (self, tab, TRUE);
      return GDK_EVENT_STOP;
    }

  adw_tab_view_set_selected_page (view, tab);
  heading = g_strdup_printf (_("Save Changes to “%s”?"), gw_page_get_name (page));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("If you don’t save, the changes since the last save "
                                     "are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data = g_new0 (CloseData, 1);
  data->self = g_object_ref (self);
  data->tab = g_object_ref (tab);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
  return GDK_EVENT_STOP;
}

static gboolean
gw_window_close_request (GtkWindow *window)
{
  GwWindow *self = GW_WINDOW (window);
  guint n = adw_tab_view_get_n_pages (self->tab_view);

  /* Ask about each modified document in turn; every answer re-enters here
   * until none is left or the person cancels. */
  for (guint i = 0; i < n; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);

      if (gw_page_get_modified (GW_PAGE (adw_tab_page_get_child (tab))))
        {
          self->closing_window = TRUE;
          adw_tab_view_close_page (self->tab_view, tab);
          return TRUE;
        }
    }

  /* Unmodified pages: drop their (empty) recovery state before going. */
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, 0);
      gw_page_discard_recovery (GW_PAGE (adw_tab_page_get_child (tab)));
      adw_tab_view_close_page (self->tab_view, tab);
    }

  if (self->settings && !gtk_window_is_maximized (window))
    {
      int width, height;
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (self->settings)
    g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (gw_window_parent_class)->close_request (window);
}

/* ---- drag and drop ---------------------------------------------------------- */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GwWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    gw_window_open_file (self, G_FILE (l->data));
  return files != NULL;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
on_pack_errors_cb (GwServices *services,
                   const char *errors,
                   GwWindow   *self)
{
  g_autofree char *message = g_strdup_printf (_("Some of your rule packs could not be "
                                                "loaded; the built-in rules still apply. %s"),
                                              errors);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
gw_window_constructed (GObject *object)
{
  GwWindow *self = GW_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (gw_window_parent_class)->constructed (object);

  if (app)
    {
      GSettings *settings = gw_application_get_settings (GW_APPLICATION (app));

      g_signal_connect_object (gw_application_get_services (GW_APPLICATION (app)), "pack-errors",
                               G_CALLBACK (on_pack_errors_cb), self, 0);

      if (settings)
        {
          self->settings = g_object_ref (settings);
          gtk_window_set_default_size (GTK_WINDOW (self),
                                       g_settings_get_int (settings, "window-width"),
                                       g_settings_get_int (settings, "window-height"));
          if (g_settings_get_boolean (settings, "window-maximized"))
            gtk_window_maximize (GTK_WINDOW (self));
        }
    }
  offer_recovered (self);
}

static void
gw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GwWindow *self = GW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, self->show_findings);
      break;
    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->show_preview);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GwWindow *self = GW_WINDOW (object);
  GwPage *page = gw_window_get_current_page (self);

  switch (prop_id)
    {
    case PROP_SHOW_FINDINGS:
      self->show_findings = g_value_get_boolean (value);
      if (page)
        gw_page_set_show_findings (page, self->show_findings);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_PREVIEW:
      self->show_preview = g_value_get_boolean (value);
      if (page)
        gw_page_set_show_preview (page, self->show_preview);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_window_dispose (GObject *object)
{
  GwWindow *self = GW_WINDOW (object);

  if (self->recent_manager)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  self->recent_manager = NULL;
  g_clear_pointer (&self->recovered, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_WINDOW);
  G_OBJECT_CLASS (gw_window_parent_class)->dispose (object);
}

static void
gw_window_class_init (GwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gw_window_constructed;
  object_class->dispose = gw_window_dispose;
  object_class->get_property = gw_window_get_property;
  object_class->set_property = gw_window_set_property;
  window_class->close_request = gw_window_close_request;

  properties[PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, errors_label);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, template_list);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, recovered_group);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, recovered_list);
  gtk_widget_class_bind_template_callback (widget_class, on_close_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_n_pages_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_detached_cb);

  _gw_window_class_actions_init (widget_class);
}

static void
gw_window_init (GwWindow *self)
{
  GtkDropTarget *drop;

  self->show_findings = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  /* Capture phase: a file dropped on the body text opens the file instead
   * of pasting its path into the draft. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (populate_recent), self);

  populate_templates (self);
  populate_recent (self);
  on_n_pages_cb (self);
  update_counts (self);
}

GwWindow *
gw_window_new (GwApplication *application)
{
  return g_object_new (GW_TYPE_WINDOW, "application", application, NULL);
}

static void
on_template_document_created_cb (GwTemplateDialog *dialog,
                                 GwDocument       *doc,
                                 GwWindow         *self)
{
  GwPage *page = gw_window_add_document (self, doc, NULL);

  /* A new document is unsaved work from the first keystroke. */
  gw_page_set_modified (page, TRUE);
}

GwTemplateDialog *
gw_window_show_template_dialog (GwWindow   *self,
                                const char *template_id)
{
  GwTemplateDialog *dialog;

  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);

  dialog = gw_template_dialog_new (GTK_WINDOW (self), self->settings, template_id);
  g_signal_connect_object (dialog, "document-created",
                           G_CALLBACK (on_template_document_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
