/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-round-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-round-check.h"
#include "gw-round-dialog.h"
#include "gw-round-view.h"

struct _GwRoundDialog
{
  AdwWindow  parent_instance;

  GFile     *list;
  GFile     *folder;
  GFile     *opinion;
  GtkLabel  *list_label;
  GtkLabel  *folder_label;
  GtkLabel  *opinion_label;
  GtkLabel  *message;
  GtkWidget *create_button;
};

G_DEFINE_FINAL_TYPE (GwRoundDialog, gw_round_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ROUND_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (GwRoundDialog *self)
{
  struct { GFile *file; GtkLabel *label; const char *none; } rows[] = {
    { self->list, self->list_label, _("No list chosen") },
    { self->folder, self->folder_label, _("No folder chosen") },
    { self->opinion, self->opinion_label, _("None: the template's grade scale and decisions") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *name = rows[i].file ? g_file_get_parse_name (rows[i].file) : NULL;
      gtk_label_set_text (rows[i].label, name ? name : rows[i].none);
    }
  gtk_widget_set_sensitive (self->create_button, self->list && self->folder);
}

void
gw_round_dialog_set_list (GwRoundDialog *self,
                          GFile         *list)
{
  g_return_if_fail (GW_IS_ROUND_DIALOG (self));
  g_set_object (&self->list, list);
  update (self);
}

void
gw_round_dialog_set_folder (GwRoundDialog *self,
                            GFile         *folder)
{
  g_return_if_fail (GW_IS_ROUND_DIALOG (self));
  g_set_object (&self->folder, folder);
  update (self);
}

void
gw_round_dialog_set_opinion (GwRoundDialog *self,
                             GFile         *opinion)
{
  g_return_if_fail (GW_IS_ROUND_DIALOG (self));
  g_set_object (&self->opinion, opinion);
  update (self);
}

const char *
gw_round_dialog_get_message (GwRoundDialog *self)
{
  g_return_val_if_fail (GW_IS_ROUND_DIALOG (self), NULL);
  return gtk_label_get_text (self->message);
}

gboolean
gw_round_dialog_create (GwRoundDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autofree char *list = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (GW_IS_ROUND_DIALOG (self), FALSE);

  if (self->list == NULL || self->folder == NULL)
    return FALSE;
  list = g_file_get_path (self->list);
  folder = g_file_get_path (self->folder);
  opinion = self->opinion ? g_file_get_path (self->opinion) : NULL;
  written = gw_round_start (list, folder, opinion, &note, &error);
  if (written == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No form was created:\n%s"), error->message);
      gtk_label_set_text (self->message, text);
      return FALSE;
    }
  gtk_label_set_text (self->message, note ? note : "");
  g_signal_emit (self, signals[SIGNAL_ROUND_CREATED], 0, self->folder);
  return TRUE;
}

/* ---- choosers ----------------------------------------------------------- */

typedef void (*SetFile) (GwRoundDialog *self, GFile *file);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GwRoundDialog *self = user_data;
  SetFile set = g_object_get_data (G_OBJECT (chooser), "gw-set");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      set (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose (GwRoundDialog        *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char * const   *suffixes,
        SetFile               set)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Select"), _("_Cancel"));

  if (suffixes)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, title);
      for (guint i = 0; suffixes[i]; i++)
        gtk_file_filter_add_suffix (filter, suffixes[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_object_set_data (G_OBJECT (chooser), "gw-set", set);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_list_cb (GtkButton     *button,
                GwRoundDialog *self)
{
  static const char * const suffixes[] = { "xlsx", "csv", "tsv", "txt", NULL };
  choose (self, _("Contract List"), GTK_FILE_CHOOSER_ACTION_OPEN, suffixes, gw_round_dialog_set_list);
}

static void
choose_folder_cb (GtkButton     *button,
                  GwRoundDialog *self)
{
  choose (self, _("Round Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, NULL,
          gw_round_dialog_set_folder);
}

static void
choose_opinion_cb (GtkButton     *button,
                   GwRoundDialog *self)
{
  static const char * const suffixes[] = { "gwdoc", "txt", "docx", NULL };
  choose (self, _("Governing Opinion"), GTK_FILE_CHOOSER_ACTION_OPEN, suffixes,
          gw_round_dialog_set_opinion);
}

static void
create_cb (GtkButton     *button,
           GwRoundDialog *self)
{
  if (gw_round_dialog_create (self) && gtk_label_get_text (self->message)[0] == '\0')
    gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
file_row (GwRoundDialog *self,
          const char    *title,
          GtkLabel     **label,
          GCallback      callback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (*label, PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (GTK_WIDGET (*label), "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*label));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_signal_connect (button, "clicked", callback, self);
  return row;
}

static void
gw_round_dialog_dispose (GObject *object)
{
  GwRoundDialog *self = GW_ROUND_DIALOG (object);

  g_clear_object (&self->list);
  g_clear_object (&self->folder);
  g_clear_object (&self->opinion);
  G_OBJECT_CLASS (gw_round_dialog_parent_class)->dispose (object);
}

static void
gw_round_dialog_class_init (GwRoundDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gw_round_dialog_dispose;

  /**
   * GwRoundDialog::round-created:
   * @folder: the round's folder
   */
  signals[SIGNAL_ROUND_CREATED] = g_signal_new ("round-created", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
gw_round_dialog_init (GwRoundDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("New Evaluation Round"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 420);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->create_button = gtk_button_new_with_mnemonic (_("C_reate Round"));
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  g_signal_connect (self->create_button, "clicked", G_CALLBACK (create_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->create_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("One evaluation form is created for each row of the contract list, named after its "
      "station, in the round's folder. Columns are found by their headers (see the blank "
      "contract list shipped with Gongwen)."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             file_row (self, _("Contract list"), &self->list_label,
                                       G_CALLBACK (choose_list_cb)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             file_row (self, _("Round folder"), &self->folder_label,
                                       G_CALLBACK (choose_folder_cb)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             file_row (self, _("Governing opinion"), &self->opinion_label,
                                       G_CALLBACK (choose_opinion_cb)));
  gtk_box_append (GTK_BOX (content), group);

  self->message = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_selectable (self->message, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->message));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  update (self);
}

GwRoundDialog *
gw_round_dialog_new (GtkWindow *parent)
{
  return g_object_new (GW_TYPE_ROUND_DIALOG, "transient-for", parent, NULL);
}

/* ---- the round window and the app actions ------------------------------- */

static void
open_form_cb (GwRoundView *view,
              GFile       *file,
              gpointer     user_data)
{
  GtkWindow *round_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));
  GtkWindow *parent = gtk_window_get_transient_for (round_window);
  GtkApplication *app = gtk_window_get_application (round_window);
  g_autofree char *uri = g_file_get_uri (file);

  /* The document window opens it (win.open-uri); the round window has no
   * such action, so its parent is asked, or else the document window used
   * last. Not the active window: the application keeps its windows most
   * recently focused first, so that is the round window itself. */
  if (parent && gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-uri", "s", uri))
    {
      gtk_window_present (parent);
      return;
    }
  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    if (l->data != round_window &&
        gtk_widget_activate_action (l->data, "win.open-uri", "s", uri))
      {
        gtk_window_present (l->data);
        return;
      }
}

GtkWindow *
gw_round_window_new (GtkWindow *parent,
                     GFile     *folder)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GwRoundView *view = gw_round_view_new ();
  g_autofree char *name = g_file_get_basename (folder);
  g_autofree char *title = g_strdup_printf (_("Evaluation Round — %s"), name);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 640);
  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
    }
  else if (GTK_IS_APPLICATION (g_application_get_default ()))
    /* so that the app stays up while the round is open, and the form
     * opens in one of its document windows */
    gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (g_application_get_default ()));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect (view, "open-form", G_CALLBACK (open_form_cb), NULL);
  gw_round_view_set_folder (view, folder);
  return GTK_WINDOW (window);
}

static void
round_created_cb (GwRoundDialog *dialog,
                  GFile         *folder,
                  gpointer       user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  gtk_window_present (gw_round_window_new (parent, folder));
}

static void
new_round_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GwRoundDialog *dialog = gw_round_dialog_new (parent);

  g_signal_connect (dialog, "round-created", G_CALLBACK (round_created_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_round_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      gtk_window_present (gw_round_window_new (parent, folder));
    }
  g_object_unref (chooser);
}

static void
open_round_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open Evaluation Round"), parent,
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), _("_Cancel"));

  g_signal_connect (chooser, "response", G_CALLBACK (open_round_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry round_actions[] = {
  { "new-round", new_round_action },
  { "open-round", open_round_action },
};

void
gw_round_add_app_actions (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));
  g_action_map_add_action_entries (G_ACTION_MAP (app), round_actions, G_N_ELEMENTS (round_actions),
                                   app);
}
