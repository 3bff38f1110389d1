/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-document.h"
#include "gw-open.h"
#include "gw-window.h"

struct _GwWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *title;
  GtkTextView          *view;
  AdwToastOverlay      *toasts;
  GtkFileChooserNative *chooser;
  GwDocument           *document;
};

G_DEFINE_FINAL_TYPE (GwWindow, gw_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_document (GwWindow   *self,
               GwDocument *doc,
               const char *name)
{
  g_autofree char *text = gw_document_to_plain_text (doc);
  const char *title = gw_document_get_meta (doc, GW_META_TITLE);

  g_set_object (&self->document, doc);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text, -1);
  adw_window_title_set_title (self->title, *title ? title : name);
  adw_window_title_set_subtitle (self->title, name);
}

void
gw_window_open_file (GwWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);

  g_return_if_fail (GW_IS_WINDOW (self));

  doc = path ? gw_document_open (path, &error) : NULL;
  if (doc == NULL)
    {
      AdwToast *toast = adw_toast_new (error ? error->message : _("Only local files can be opened"));
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
      return;
    }
  show_document (self, doc, name);
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        GwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      gw_window_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GwWindow *self = GW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Documents (.gwdoc, .txt)"));
  gtk_file_filter_add_pattern (filter, "*.gwdoc");
  gtk_file_filter_add_pattern (filter, "*.txt");
  self->chooser = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gw_window_dispose (GObject *object)
{
  GwWindow *self = GW_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (gw_window_parent_class)->dispose (object);
}

static void
gw_window_class_init (GwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_window_dispose;
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
gw_window_init (GwWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Gongwen"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), open);
  gtk_box_append (GTK_BOX (box), header);

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, 24);
  gtk_text_view_set_right_margin (self->view, 24);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 700);
}

GwWindow *
gw_window_new (GwApplication *application)
{
  return g_object_new (GW_TYPE_WINDOW, "application", application, NULL);
}
