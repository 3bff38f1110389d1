/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-round-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gw-application.h"
#include "gw-document-xml.h"
#include "gw-round-check.h"
#include "gw-round-dialog.h"
#include "gw-round-view.h"
#include "gw-window.h"
#include "test-wait.h"

#define CODE1 "52610821MJ1234560D"
#define CODE2 "52610821MJ1234561G"
#define CODE3 "52610821MJ1234562K"

static const char list_csv[] =
  "站点,承接机构,统一社会信用代码,采购人,服务期,周期第几年\n"
  "甲站,机构甲,"CODE1",政府甲,2024-01-01至2024-12-31,1\n"
  "乙站,机构乙,"CODE2",政府乙,2024-01-01至2024-12-31,3\n"
  "丙站,机构丙,"CODE3",政府丙,2024-01-01至2024-12-31,2\n";

static GwApplication *app;
static char *tmp_home;

static gboolean
loaded (gpointer data)
{
  return !gw_round_view_is_loading (data);
}

static guint want_items;

static gboolean
has_items (gpointer data)
{
  return g_list_model_get_n_items (gw_round_view_get_model (data)) == want_items;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  return path;
}

/* Every score at 90 % of its maximum (to the step) and signed off. */
static void
score (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_document_load_gwdoc (path, &error);
  const char *names[] = { "刘建华", "张丽", "王晓东", NULL };
  GwEvaluation *ev;
  GListModel *sections;

  g_assert_no_error (error);
  ev = gw_document_get_evaluation (doc);
  sections = G_LIST_MODEL (gw_evaluation_get_sections (ev));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(GwEvalSection) sec = g_list_model_get_item (sections, i);
      GListModel *inds = G_LIST_MODEL (gw_eval_section_get_indicators (sec));

      for (guint k = 0; k < g_list_model_get_n_items (inds); k++)
        {
          g_autoptr(GwIndicator) ind = g_list_model_get_item (inds, k);
          gw_indicator_set_score (ind, floor (gw_indicator_get_max (ind) * 0.9 * 2) / 2);
        }
    }
  gw_evaluation_set_field (ev, GW_EVAL_TEAM_LEADER, "刘建华");
  gw_evaluation_set_field (ev, GW_EVAL_DATE, "2025-01-10");
  gw_evaluation_set_evaluators (ev, names);
  g_assert_true (gw_document_save_gwdoc (doc, path, &error));
}

static const GwRoundRow *
row_at (GwRoundView *view,
        guint        i)
{
  g_autoptr(GwRoundItem) item = g_list_model_get_item (gw_round_view_get_model (view), i);
  return gw_round_item_get_row (item);
}

static const GwRoundRow *
row_named (GwRoundView *view,
           const char  *station)
{
  for (guint i = 0; i < g_list_model_get_n_items (gw_round_view_get_model (view)); i++)
    if (g_str_equal (row_at (view, i)->station, station))
      return row_at (view, i);
  return NULL;
}

static GFile *opened;

static void
open_form_cb (GwRoundView *view,
              GFile       *file,
              gpointer     data)
{
  g_set_object (&opened, file);
}

static gboolean export_done_flag;

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gw_round_view_export_summary_finish (GW_ROUND_VIEW (source), result, &error));
  g_assert_no_error (error);
  export_done_flag = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_round_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-round-view-XXXXXX", &error);
  g_autofree char *list = write_file (dir, "list.csv", list_csv);
  g_autofree char *out = g_build_filename (dir, "round", NULL);
  g_autoptr(GPtrArray) written = gw_round_start (list, out, NULL, NULL, &error);
  g_autofree char *a = g_build_filename (out, "甲站.gwdoc", NULL);
  g_autofree char *bad = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  GtkWidget *window = gtk_window_new ();
  GwRoundView *view = gw_round_view_new ();
  GtkColumnView *cv;
  GListModel *columns;
  GtkColumnViewColumn *total = NULL;

  g_assert_no_error (error);
  score (a);
  bad = write_file (out, "损坏.gwdoc", "<gwdoc");
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 500);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "open-form", G_CALLBACK (open_form_cb), NULL);

  gw_round_view_set_folder (view, folder);
  g_assert_true (wait_for (loaded, view, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (gw_round_view_get_model (view)), ==, 4);
  g_assert_cmpint (row_named (view, "甲站")->status, ==, GW_FORM_STATUS_COMPLETE);
  g_assert_cmpint (row_named (view, "乙站")->status, ==, GW_FORM_STATUS_NOT_STARTED);
  g_assert_cmpint (row_named (view, "损坏.gwdoc")->status, ==, GW_FORM_STATUS_UNREADABLE);
  g_assert_cmpstr (row_named (view, "甲站")->grade, ==, "良好");   /* 88.5 of 100 */
  g_assert_cmpfloat (row_named (view, "甲站")->total, ==, 88.5);

  /* the section columns came with the forms: station, operator, A–F, … */
  cv = gw_round_view_get_column_view (view);
  columns = gtk_column_view_get_columns (cv);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 7 + 6);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (c), "Total") == 0)
        total = c;
    }
  g_assert_nonnull (total);

  /* sorted by total: the scored form at the top going down, the
   * unreadable one (no total) at the end going up */
  gtk_column_view_sort_by_column (cv, total, GTK_SORT_DESCENDING);
  g_assert_cmpstr (row_at (view, 1)->station, ==, "甲站");
  gtk_column_view_sort_by_column (cv, total, GTK_SORT_ASCENDING);
  g_assert_cmpstr (row_at (view, 2)->station, ==, "甲站");
  g_assert_cmpint (row_at (view, 3)->status, ==, GW_FORM_STATUS_UNREADABLE);

  /* activating a row opens its form */
  g_signal_emit_by_name (cv, "activate", 0);
  g_assert_nonnull (opened);
  g_assert_true (g_str_has_suffix (g_file_peek_path (opened), row_at (view, 0)->path));

  /* a form copied in appears; a form removed goes */
  {
    g_autofree char *copy = g_build_filename (out, "丁站.gwdoc", NULL);
    g_autofree char *data = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (a, &data, &len, NULL));
    g_assert_true (g_file_set_contents (copy, data, len, NULL));
    want_items = 5;
    g_assert_true (wait_for (has_items, view, 10000));
    g_assert_nonnull (row_named (view, "甲站"));
    g_unlink (bad);
    want_items = 4;
    g_assert_true (wait_for (has_items, view, 10000));
    g_assert_null (row_named (view, "损坏.gwdoc"));
  }

  /* Export Summary… writes what --summary writes */
  {
    g_autofree char *csv = g_build_filename (dir, "summary.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autofree char *data = NULL;

    gw_round_view_export_summary (view, file, export_done, NULL);
    g_assert_true (wait_for (flag_set, &export_done_flag, 30000));
    g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
    g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
    g_assert_nonnull (strstr (data, "甲站"));
    g_assert_nonnull (strstr (data, "丁站"));
  }

  if (g_getenv ("GW_ROUND_VIEW_LINGER"))
    {
      gint64 until = g_get_monotonic_time () + 1000 * g_ascii_strtoll (g_getenv ("GW_ROUND_VIEW_LINGER"), NULL, 10);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (view);
  g_clear_object (&opened);
}

static gboolean created_flag;

static void
created_cb (GwRoundDialog *dialog,
            GFile         *folder,
            gpointer       data)
{
  created_flag = TRUE;
}

static void
test_round_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-round-dialog-XXXXXX", &error);
  g_autofree char *bad = write_file (dir, "bad.csv",
                                     "站点,承接机构,统一社会信用代码,采购人\n甲站,机构甲,52610821MJ1234560E,政府甲\n");
  g_autofree char *good = write_file (dir, "good.csv", list_csv);
  g_autofree char *out = g_build_filename (dir, "round", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  GwRoundDialog *dialog = gw_round_dialog_new (NULL);

  g_signal_connect (dialog, "round-created", G_CALLBACK (created_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gw_round_dialog_create (dialog));   /* nothing chosen */
  gw_round_dialog_set_list (dialog, bad_file);
  gw_round_dialog_set_folder (dialog, folder);
  g_assert_false (gw_round_dialog_create (dialog));
  g_assert_nonnull (strstr (gw_round_dialog_get_message (dialog), "line 2, column 3"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (created_flag);
  gw_round_dialog_set_list (dialog, good_file);
  g_assert_true (gw_round_dialog_create (dialog));
  g_assert_true (created_flag);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_DIR));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- opening a form from the round window -------------------------------- */

typedef struct {
  GwWindow *window;
  GFile    *file;
} PageWait;

static gboolean
page_shown (gpointer data)
{
  PageWait *w = data;
  AdwTabView *tabs = gw_window_get_tab_view (w->window);

  for (int i = 0; i < adw_tab_view_get_n_pages (tabs); i++)
    {
      GwPage *page = GW_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (tabs, i)));

      if (gw_page_get_file (page) && g_file_equal (gw_page_get_file (page), w->file))
        return TRUE;
    }
  return FALSE;
}

static GwRoundView *
find_round_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GwRoundView *found;

      if (GW_IS_ROUND_VIEW (child))
        return GW_ROUND_VIEW (child);
      if ((found = find_round_view (child)))
        return found;
    }
  return NULL;
}

/* Activates @station's row in @round_window, as a double-click does. */
static void
activate_station (GtkWindow  *round_window,
                  const char *station)
{
  GwRoundView *view = find_round_view (GTK_WIDGET (round_window));
  GListModel *model;
  guint n;

  g_assert_nonnull (view);
  g_assert_true (wait_for (loaded, view, 20000));
  model = gw_round_view_get_model (view);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (row_at (view, i)->station, station))
      {
        g_signal_emit_by_name (gw_round_view_get_column_view (view), "activate", i);
        return;
      }
  g_assert_not_reached ();
}

/* A round of the three stations of list_csv in @name under tmp_home;
 * returns its folder, and 甲站's form in @form. */
static GFile *
make_round (const char  *name,
            GFile      **form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmp_home, name, NULL);
  g_autofree char *list = NULL;
  g_autofree char *out = g_build_filename (dir, "round", NULL);
  g_autofree char *a = g_build_filename (out, "甲站.gwdoc", NULL);
  g_autoptr(GPtrArray) written = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  list = write_file (dir, "list.csv", list_csv);
  written = gw_round_start (list, out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (a, G_FILE_TEST_IS_REGULAR));
  *form = g_file_new_for_path (a);
  return g_file_new_for_path (out);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_windows (GtkWindow *round_window,
               GwWindow  *window)
{
  gtk_window_destroy (round_window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (wait_for (pointer_cleared, &window, 10000));
}

/* Activating a station's row opens its form in the document window the
 * round window belongs to, and brings that window forward. */
static void
test_round_open_in_parent (void)
{
  g_autoptr(GFile) form = NULL;
  g_autoptr(GFile) folder = make_round ("parent", &form);
  GwWindow *window = gw_window_new (app);
  GtkWindow *round_window;
  PageWait w = { window, form };

  /* Left hidden: without a window manager, showing it is what presenting
   * it does that a test can see. */
  round_window = gw_round_window_new (GTK_WINDOW (window), folder);
  g_assert_true (gtk_window_get_transient_for (round_window) == GTK_WINDOW (window));
  gtk_window_present (round_window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  activate_station (round_window, "甲站");
  g_assert_true (wait_for (page_shown, &w, 10000));
  g_assert_true (g_file_equal (gw_page_get_file (gw_window_get_current_page (window)), form));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  close_windows (round_window, window);
}

/* A round window with no document window behind it opens the form in the
 * application's document window used last (not its active window, which
 * is the round window itself: added and focused last). */
static void
test_round_open_without_parent (void)
{
  g_autoptr(GFile) form = NULL;
  g_autoptr(GFile) folder = make_round ("active", &form);
  GwWindow *window = gw_window_new (app);
  GtkWindow *round_window = gw_round_window_new (NULL, folder);
  PageWait w = { window, form };

  g_assert_null (gtk_window_get_transient_for (round_window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_application (round_window, GTK_APPLICATION (app));
  gtk_window_present (round_window);

  activate_station (round_window, "甲站");
  g_assert_true (wait_for (page_shown, &w, 10000));
  g_assert_true (g_file_equal (gw_page_get_file (gw_window_get_current_page (window)), form));
  close_windows (round_window, window);
}

static void
remove_tree (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", path);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_home = g_dir_make_tmp ("gongwen-test-round-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmp_home, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = gw_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/app/round/view", test_round_view);
  g_test_add_func ("/app/round/dialog", test_round_dialog);
  g_test_add_func ("/app/round/open-in-parent", test_round_open_in_parent);
  g_test_add_func ("/app/round/open-without-parent", test_round_open_without_parent);
  status = g_test_run ();

  g_object_unref (app);
  remove_tree (tmp_home);
  g_free (tmp_home);
  return status;
}
