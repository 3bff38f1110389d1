/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-register-view"

/* The register in the window: 取号 in the header form writes the number
 * into the document, the number shows in the register view, exporting
 * offers 登记发文 and taking it marks the number issued; re-numbering
 * voids the old number with a reason; search and status filters. With
 * GW_REGISTER_SCREENSHOT=FILE.png the view is also saved as an image,
 * in the language of the environment's locale, with the catalogue from
 * GW_LOCALEDIR if set (e.g. _build/dev/po, holding zh_CN/LC_MESSAGES) or the installed one. */

#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "gw-app-register.h"
#include "gw-application.h"
#include "gw-editor.h"
#include "gw-header-form.h"
#include "gw-page.h"
#include "gw-register-item.h"
#include "gw-register-view.h"
#include "gw-window-private.h"
#include "test-wait.h"

static GwApplication *app;
static char *tmp_home;

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
idle_until (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  wait_for (idle_until, &until, ms + 1000);
}

static const GwRegisterEntry *
row (GwRegisterView *view,
     guint           i)
{
  g_autoptr(GwRegisterItem) item = g_list_model_get_item (gw_register_view_get_model (view), i);

  /* the store keeps the item alive */
  return item ? gw_register_item_get_entry (item) : NULL;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_take_view_issue (void)
{
  GwWindow *window = gw_window_new (app);
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autofree char *pdf = g_build_filename (tmp_home, "issued.pdf", NULL);
  g_autofree char *reg_path = NULL;
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  GwHeaderForm *form;
  GtkWidget *dialog;
  GtkWindow *register_window;
  GwRegisterView *view;
  GwPage *page;

  gtk_window_present (GTK_WINDOW (window));
  gw_document_set_meta (doc, GW_META_ORGAN_MARK, "神木市民政局文件");
  gw_document_set_meta (doc, GW_META_TITLE, "关于加强社工站建设的实施意见");
  gw_document_set_meta (doc, GW_META_RECIPIENTS, "各镇人民政府：");
  page = gw_window_add_document (window, doc, NULL);
  form = GW_HEADER_FORM (gtk_widget_get_ancestor (
    gw_editor_get_meta_row (GW_EDITOR (gw_page_get_editor (page)), GW_META_DOC_NUMBER),
    GW_TYPE_HEADER_FORM));
  g_assert_nonnull (form);

  /* no register yet: the rule has nothing to ask */
  reg_path = gw_app_register_path ();
  g_assert_true (g_str_has_prefix (reg_path, tmp_home));
  g_assert_false (gw_app_register_exists ());

  /* 取号 through the form's dialog, as the person does it */
  dialog = gw_header_form_show_take_dialog (form);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "organ-entry")),
                   ==, "神木市民政局");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "code-entry"), "神民发");
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (dialog), "year-spin"), 2024);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "take");
  spin (50);
  g_assert_cmpstr (gw_document_get_meta (gw_page_get_document (page), GW_META_DOC_NUMBER), ==,
                   "神民发〔2024〕1号");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gw_editor_get_meta_row (
                     GW_EDITOR (gw_page_get_editor (page)), GW_META_DOC_NUMBER))), ==,
                   "神民发〔2024〕1号");
  g_assert_true (gw_app_register_exists ());

  /* re-numbering voids the old number, with its reason */
  g_assert_true (gw_header_form_take_number (form, "神木市民政局", "神民发", 2024, "标题改动后重新编号",
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gw_document_get_meta (gw_page_get_document (page), GW_META_DOC_NUMBER), ==,
                   "神民发〔2024〕2号");

  /* both show in the register view */
  register_window = gw_register_view_present (GTK_WINDOW (window),
                                              gw_application_get_services (app));
  view = g_object_get_data (G_OBJECT (register_window), "register-view");
  gw_register_view_set_year (view, 2024);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (gw_register_view_get_model (view)), ==, 2);
  g_assert_cmpstr (row (view, 0)->number, ==, "神民发〔2024〕1号");
  g_assert_cmpint (row (view, 0)->status, ==, GW_NUMBER_VOID);
  g_assert_cmpstr (row (view, 0)->void_reason, ==, "标题改动后重新编号");
  g_assert_cmpint (row (view, 1)->status, ==, GW_NUMBER_RESERVED);
  g_assert_cmpstr (row (view, 1)->title, ==, "关于加强社工站建设的实施意见");

  /* search by number and by words; filter by status */
  gw_register_view_set_search (view, "2");
  g_assert_cmpuint (g_list_model_get_n_items (gw_register_view_get_model (view)), ==, 1);
  gw_register_view_set_search (view, "社工站 实施意见");
  g_assert_cmpuint (g_list_model_get_n_items (gw_register_view_get_model (view)), ==, 2);
  gw_register_view_set_search (view, "评估");
  g_assert_cmpuint (g_list_model_get_n_items (gw_register_view_get_model (view)), ==, 0);
  gw_register_view_set_search (view, "");
  gw_register_view_set_status_filter (view, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gw_register_view_get_model (view)), ==, 1);
  gw_register_view_set_status_filter (view, 0);

  /* exporting is not issuing; the offer after it is */
  _gw_window_export_to (window, page, pdf_file);
  g_assert_true (wait_for (file_exists, pdf, 30000));
  spin (100);
  gw_register_view_reload (view);
  g_assert_cmpint (row (view, 1)->status, ==, GW_NUMBER_RESERVED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.register-issue", "(ss)",
                              "神民发〔2024〕2号", pdf);
  gw_register_view_reload (view);
  g_assert_cmpint (row (view, 1)->status, ==, GW_NUMBER_ISSUED);
  g_assert_cmpstr (row (view, 1)->file, ==, pdf);

  /* the year exported from the view: CSV and the printed table */
  {
    g_autofree char *csv = g_build_filename (tmp_home, "book.csv", NULL);
    g_autofree char *book = g_build_filename (tmp_home, "book.pdf", NULL);
    g_autofree char *data = NULL;

    g_assert_true (gw_register_view_export (view, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
    g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF发文字号"));
    g_assert_true (gw_register_view_export (view, book, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (book, G_FILE_TEST_IS_REGULAR));
  }

  /* voiding from the view needs a reason */
  g_assert_true (gw_register_view_select_number (view, "神民发〔2024〕2号"));
  g_assert_false (gw_register_view_void_selected (view, " ", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  if (g_getenv ("GW_REGISTER_SCREENSHOT"))
    {
      /* a fuller year for the picture */
      const char *titles[] = { "关于开展2024年度社工站评估工作的通知", "关于印发社工站运营管理办法的通知",
                               "关于报送社会工作服务项目资金使用情况的函", NULL };
      for (guint i = 0; titles[i]; i++)
        {
          GwRegister *reg = gw_app_register_get (NULL);
          g_autoptr(GwRegisterEntry) e = gw_register_take (reg, NULL, "神民发", 2024, titles[i],
                                                           "opinion", "", NULL);
          if (i == 1)
            gw_register_issue (reg, e->number, "/home/office/发文/运营管理办法.pdf", NULL);
        }
      gw_register_view_reload (view);
      gtk_window_set_default_size (register_window, 980, 520);
      spin (500);
      save_screenshot (GTK_WIDGET (register_window), g_getenv ("GW_REGISTER_SCREENSHOT"));
    }

  gtk_window_destroy (register_window);
  gw_page_set_modified (page, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

/* Listing a year of 2,000 numbers in the view: measured, printed. */
static void
test_view_speed (void)
{
  g_autofree char *csv = g_build_filename (tmp_home, "year.csv", NULL);
  g_autoptr(GString) text = g_string_new ("机关,发文字号,标题\n");
  g_autoptr(GError) error = NULL;
  GwRegister *reg = gw_app_register_get (&error);
  GwRegisterView *view;
  gint64 best = G_MAXINT64;

  for (int i = 1; i <= 2000; i++)
    g_string_append_printf (text, "神木市民政局,神民发〔2023〕%d号,关于第%d项工作的通知\n", i, i);
  g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));
  g_assert_cmpint (gw_register_import_csv (reg, csv, &error), ==, 2000);
  view = g_object_ref_sink (gw_register_view_new ());
  for (int i = 0; i < 5; i++)
    {
      gw_register_view_set_year (view, 2022 + (i % 2));
      gw_register_view_set_year (view, 2023);
      best = MIN (best, gw_register_view_get_load_usec (view));
    }
  g_assert_cmpuint (g_list_model_get_n_items (gw_register_view_get_model (view)), ==, 2000);
  g_test_message ("listing 2000 numbers in the view: %.1f ms (best of 5)", best / 1000.0);
  g_print ("# register view: 2000 numbers listed in %.1f ms\n", best / 1000.0);
  g_object_unref (view);
}

static void
remove_tree (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", path);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char **argv)
{
  int status;

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_print ("1..0 # SKIP no X display: run the app suite under xvfb-run\n");
      return 0;
    }
  tmp_home = g_dir_make_tmp ("gongwen-test-register-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmp_home, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  if (g_getenv ("GW_REGISTER_SCREENSHOT"))
    {
      /* gtk_test_init () pins an English locale; the picture is for users */
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GW_LOCALEDIR") ? g_getenv ("GW_LOCALEDIR") : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();
  app = gw_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/app/register/take-view-issue", test_take_view_issue);
  g_test_add_func ("/app/register/view-speed", test_view_speed);
  status = g_test_run ();

  g_object_unref (app);
  remove_tree (tmp_home);
  g_free (tmp_home);
  return status;
}
