/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-search-bar"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gw-app-resources.h"
#include "gw-search-bar.h"
#include "test-wait.h"

/* The editor's search bar over a GtkSourceView of its own, driven through
 * its entries and actions as a person would: the count of matches, next
 * and previous, Replace, Replace All and Match Case. */

#define TEXT "社工站建设。SHE said she would; She did.\n" \
             "推进社工站覆盖。\n" \
             "社工站 she"

typedef struct {
  GtkWindow     *window;
  GwSearchBar   *bar;
  GtkSourceView *view;
  GtkTextBuffer *buffer;
  GtkEditable   *search;
  GtkEditable   *replace;
  GtkCheckButton *match_case;
  GtkLabel      *label;
  int            want;
} Fixture;

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)))
        return found;
    }
  return NULL;
}

/* The label that counts: the one with dim-label among the bar's labels. */
static GtkLabel *
find_count_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "numeric"))
        return GTK_LABEL (child);
      if ((found = find_count_label (child)))
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->bar = gw_search_bar_new ();
  f->view = GTK_SOURCE_VIEW (gtk_source_view_new ());
  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  gtk_text_buffer_set_text (f->buffer, TEXT, -1);
  gw_search_bar_set_view (f->bar, f->view);
  g_assert_true (gw_search_bar_get_view (f->bar) == f->view);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);

  f->search = GTK_EDITABLE (find_child (GTK_WIDGET (f->bar), GTK_TYPE_SEARCH_ENTRY));
  f->replace = GTK_EDITABLE (find_child (GTK_WIDGET (f->bar), GTK_TYPE_ENTRY));
  f->match_case = GTK_CHECK_BUTTON (find_child (GTK_WIDGET (f->bar), GTK_TYPE_CHECK_BUTTON));
  f->label = find_count_label (GTK_WIDGET (f->bar));
  g_assert_nonnull (f->search);
  g_assert_nonnull (f->replace);
  g_assert_nonnull (f->match_case);
  g_assert_nonnull (f->label);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GwSearchBar *bar = f->bar;

  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &bar);
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* the bar and its search context go with the window */
  g_assert_null (bar);
}

static gboolean
n_matches_is (gpointer data)
{
  Fixture *f = data;

  return gw_search_bar_get_n_matches (f->bar) == f->want;
}

static void
search_for (Fixture    *f,
            const char *text,
            int         n_matches)
{
  gtk_editable_set_text (f->search, text);
  f->want = n_matches;
  g_assert_true (wait_for (n_matches_is, f, 5000));
}

static char *
selected_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, FALSE);
}

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  return gtk_text_buffer_get_text (f->buffer, &start, &end, FALSE);
}

static int
selection_line (Fixture *f)
{
  GtkTextIter start;

  gtk_text_buffer_get_selection_bounds (f->buffer, &start, NULL);
  return gtk_text_iter_get_line (&start);
}

static gboolean
label_is (gpointer data)
{
  Fixture *f = data;

  return g_str_equal (gtk_label_get_label (f->label), g_object_get_data (G_OBJECT (f->label), "want"));
}

static void
assert_label (Fixture    *f,
              const char *want)
{
  g_object_set_data_full (G_OBJECT (f->label), "want", g_strdup (want), g_free);
  if (!wait_for (label_is, f, 5000))
    g_assert_cmpstr (gtk_label_get_label (f->label), ==, want);
}

/* Whether the text at @line, @offset shows as a match (a tag with a
 * background: the body has no other). */
static gboolean
highlighted_at (Fixture *f,
                int      line,
                int      offset)
{
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_iter_at_line_offset (f->buffer, &iter, line, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l; l = l->next)
    {
      gboolean set = FALSE;

      g_object_get (l->data, "background-set", &set, NULL);
      if (set)
        return TRUE;
    }
  return FALSE;
}

static gboolean
first_match_highlighted (gpointer data)
{
  return highlighted_at (data, 1, 3);
}

/* The bar counts the matches, in any case unless Match Case is on, and
 * says when there are none. */
static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  gw_search_bar_begin (f->bar, FALSE);
  g_assert_true (gw_search_bar_get_search_mode (f->bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->search)) ||
                 gtk_widget_is_focus (gtk_widget_get_first_child (GTK_WIDGET (f->search))) ||
                 gtk_widget_has_focus (gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (f->search)))));

  search_for (f, "社工站", 3);
  assert_label (f, "3 matches");
  search_for (f, "she", 4);
  assert_label (f, "4 matches");

  gtk_check_button_set_active (f->match_case, TRUE);
  f->want = 2;
  g_assert_true (wait_for (n_matches_is, f, 5000));
  assert_label (f, "2 matches");
  search_for (f, "She", 1);
  assert_label (f, "1 match");
  gtk_check_button_set_active (f->match_case, FALSE);
  f->want = 4;
  g_assert_true (wait_for (n_matches_is, f, 5000));

  search_for (f, "不存在", 0);
  assert_label (f, "Not found");
  /* the count follows the text as it changes */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (f->buffer, &end);
    gtk_text_buffer_insert (f->buffer, &end, "。不存在", -1);
    f->want = 1;
    g_assert_true (wait_for (n_matches_is, f, 5000));
  }
  search_for (f, "", -1);
  assert_label (f, "");
}

/* Next and previous select the matches in turn and wrap around; typing
 * selects the first match from where the selection starts. */
static void
test_next_previous (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *s1 = NULL;
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (f->buffer, &start);
  gtk_text_buffer_place_cursor (f->buffer, &start);
  gw_search_bar_begin (f->bar, FALSE);
  search_for (f, "社工站", 3);
  /* the search-changed delay: typing has selected the first match */
  while (!gtk_text_buffer_get_has_selection (f->buffer))
    g_main_context_iteration (NULL, TRUE);
  s1 = selected_text (f);
  g_assert_cmpstr (s1, ==, "社工站");
  g_assert_cmpint (selection_line (f), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.next", NULL);
  g_assert_cmpint (selection_line (f), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.next", NULL);
  g_assert_cmpint (selection_line (f), ==, 2);
  /* past the last match: the first again */
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.next", NULL);
  g_assert_cmpint (selection_line (f), ==, 0);
  /* and back before the first: the last */
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.previous", NULL);
  g_assert_cmpint (selection_line (f), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.previous", NULL);
  g_assert_cmpint (selection_line (f), ==, 1);
  {
    g_autofree char *s = selected_text (f);
    g_assert_cmpstr (s, ==, "社工站");
  }

  /* matches show while the bar is open, not where there is none */
  g_assert_true (wait_for (first_match_highlighted, f, 5000));
  g_assert_false (highlighted_at (f, 1, 0));

  /* Escape's way out: the bar closes and the typing goes back to the
   * text, and the matches no longer show */
  gw_search_bar_end (f->bar);
  g_assert_false (gw_search_bar_get_search_mode (f->bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));
  g_assert_false (highlighted_at (f, 1, 3));
}

/* Replace replaces the match selected and selects the next one; where
 * no match is selected, it only finds the next. Each is one undo step. */
static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = NULL;
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (f->buffer, &start);
  gtk_text_buffer_place_cursor (f->buffer, &start);
  gw_search_bar_begin (f->bar, TRUE);
  search_for (f, "社工站", 3);
  gtk_editable_set_text (f->replace, "社会工作服务站");
  gtk_text_buffer_place_cursor (f->buffer, &start);

  /* nothing selected: Replace finds the first match */
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.replace", NULL);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, TEXT);
  g_assert_cmpint (selection_line (f), ==, 0);

  /* the match selected: replaced, and the next one selected */
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.replace", NULL);
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_true (g_str_has_prefix (text, "社会工作服务站建设。"));
  g_assert_cmpint (selection_line (f), ==, 1);
  {
    g_autofree char *s = selected_text (f);
    g_assert_cmpstr (s, ==, "社工站");
  }
  f->want = 2;
  g_assert_true (wait_for (n_matches_is, f, 5000));

  /* one undo step takes the replacement back */
  gtk_text_buffer_undo (f->buffer);
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, TEXT);
}

/* Replace All replaces every match at once, in any case unless Match
 * Case is on; one undo step takes all of it back. */
static void
test_replace_all (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;

  gw_search_bar_begin (f->bar, TRUE);
  search_for (f, "she", 4);
  gtk_editable_set_text (f->replace, "他");
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.replace-all", NULL);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "社工站建设。他 said 他 would; 他 did.\n推进社工站覆盖。\n社工站 他");
  assert_label (f, "Replaced 4 times");
  /* the entry's delayed report of the text typed before the replace is
   * not the search moving on */
  g_signal_emit_by_name (f->search, "search-changed");
  g_assert_cmpstr (gtk_label_get_label (f->label), ==, "Replaced 4 times");
  f->want = 0;
  g_assert_true (wait_for (n_matches_is, f, 5000));
  /* the message stays until the search moves on */
  assert_label (f, "Replaced 4 times");

  gtk_text_buffer_undo (f->buffer);
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, TEXT);
  /* moving on to the next match brings the count back */
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.next", NULL);
  assert_label (f, "4 matches");

  /* with Match Case only the same capitals are replaced */
  gtk_check_button_set_active (f->match_case, TRUE);
  f->want = 2;
  g_assert_true (wait_for (n_matches_is, f, 5000));
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.replace-all", NULL);
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "社工站建设。SHE said 他 would; She did.\n推进社工站覆盖。\n社工站 他");
  assert_label (f, "Replaced 2 times");

  /* nothing to search for: nothing replaced */
  search_for (f, "", -1);
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "search.replace-all", NULL);
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_cmpstr (text, ==, "社工站建设。SHE said 他 would; She did.\n推进社工站覆盖。\n社工站 他");
}

/* Opening the bar over a selection on one line searches for it. */
static void
test_begin_with_selection (Fixture       *f,
                           gconstpointer  data)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line_offset (f->buffer, &start, 1, 2);
  gtk_text_buffer_get_iter_at_line_offset (f->buffer, &end, 1, 5);
  gtk_text_buffer_select_range (f->buffer, &start, &end);
  gw_search_bar_begin (f->bar, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (f->search), ==, "社工站");
  f->want = 3;
  g_assert_true (wait_for (n_matches_is, f, 5000));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_print ("1..0 # SKIP no X display: run the app suite under xvfb-run\n");
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();
  /* links the app's resources in, which register themselves */
  g_assert_nonnull (gw_app_get_resource ());

  g_test_add ("/app/search-bar/count", Fixture, NULL, fixture_set_up, test_count, fixture_tear_down);
  g_test_add ("/app/search-bar/next-previous", Fixture, NULL, fixture_set_up, test_next_previous,
              fixture_tear_down);
  g_test_add ("/app/search-bar/replace", Fixture, NULL, fixture_set_up, test_replace, fixture_tear_down);
  g_test_add ("/app/search-bar/replace-all", Fixture, NULL, fixture_set_up, test_replace_all,
              fixture_tear_down);
  g_test_add ("/app/search-bar/begin-with-selection", Fixture, NULL, fixture_set_up,
              test_begin_with_selection, fixture_tear_down);
  return g_test_run ();
}
