/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gw-import-docx.h"
#include "gw-application.h"
#include "gw-document-xml.h"
#include "gw-editor.h"
#include "gw-evaluation-editor.h"
#include "gw-findings-panel.h"
#include "gw-fonts.h"
#include "gw-open.h"
#include "gw-page.h"
#include "gw-policy-panel.h"
#include "gw-search-bar.h"
#include "gw-table-panel.h"
#include "gw-preferences-window.h"
#include "gw-preview.h"
#include "gw-recovery.h"
#include "gw-template-dialog.h"
#include "gw-window-private.h"
#include "gw-template.h"
#include "test-wait.h"

#define LOWEST_PRICE "评审采用最低评标价法，以投标报价最低者为中标人。"

static GwApplication *app;
static char *tmp_home;
static guint app_refs;

/* Conditions for wait_for (): the event a test waits on, never a time. */
static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
only_our_ref_left (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

static GtkScrolledWindow *
find_scroller (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (child))
        return GTK_SCROLLED_WINDOW (child);
      if ((found = find_scroller (child)))
        return found;
    }
  return NULL;
}

static gboolean
pages_sized (gpointer data)
{
  GtkScrolledWindow *scroller = find_scroller (GTK_WIDGET (data));
  GtkAdjustment *vadj;

  if (scroller == NULL)
    return FALSE;
  vadj = gtk_scrolled_window_get_vadjustment (scroller);
  return gtk_adjustment_get_page_size (vadj) > 0 &&
         gtk_adjustment_get_upper (vadj) > gtk_adjustment_get_page_size (vadj);
}

typedef struct {
  GwPage     *page;
  GListModel *old;
} FindingsReplaced;

static gboolean
findings_replaced (gpointer data)
{
  FindingsReplaced *r = data;

  return gw_page_get_findings (r->page) != r->old;
}

static gboolean
check_done (gpointer data)
{
  return !gw_page_get_checking (GW_PAGE (data)) && gw_page_get_findings (GW_PAGE (data)) != NULL;
}

static GwFinding *
find_finding (GwPage     *page,
              const char *rule_id)
{
  GListModel *findings = gw_page_get_findings (page);
  guint n = findings ? g_list_model_get_n_items (findings) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwFinding) finding = g_list_model_get_item (findings, i);
      if (g_str_equal (gw_finding_get_rule_id (finding), rule_id))
        return finding;  /* the model keeps it alive */
    }
  return NULL;
}

static gboolean
all_gone (gpointer data)
{
  GPtrArray *weak = data;

  for (guint i = 0; i < weak->len; i++)
    if (g_ptr_array_index (weak, i) != NULL)
      return FALSE;
  return TRUE;
}

static void
destroy_window (GwWindow *window)
{
  AdwTabView *view = gw_window_get_tab_view (window);
  /* Weak pointers live in the array's own slots. */
  g_autoptr(GPtrArray) weak = g_ptr_array_sized_new (16);

  /* Close every page as the person would, dropping changes. */
  while (adw_tab_view_get_n_pages (view) > 0)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (view, 0);
      GwPage *page = GW_PAGE (adw_tab_page_get_child (tab));

      g_assert_cmpuint (weak->len, <, 15);
      g_ptr_array_add (weak, page);
      g_object_add_weak_pointer (G_OBJECT (page), &weak->pdata[weak->len - 1]);
      gw_page_set_modified (page, FALSE);
      adw_tab_view_close_page (view, tab);
    }
  g_ptr_array_add (weak, window);
  g_object_add_weak_pointer (G_OBJECT (window), &weak->pdata[weak->len - 1]);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Pages and window go away once a check still running in a thread has
   * returned: nothing else (timers, bindings, signal handlers) keeps them. */
  g_assert_true (wait_for (all_gone, weak, 10000));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_at_end (GwEditor   *editor,
             const char *text)
{
  GtkTextBuffer *buffer = gw_editor_get_buffer (editor);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

/* ---- templates ------------------------------------------------------------ */

static const struct {
  const char *name;
  const char *value;
} opinion_values[] = {
  { "city", "神木市" },
  { "issuing-organ", "神木市人民政府办公室" },
  { "doc-number", "神政办发〔2023〕12号" },
  { "date", "2023年3月10日" },
  { "pilot-stations", "3" },
  { "pilot-townships", "高家堡镇\n店塔镇\n孙家岔镇" },
  { "price-weight", "10" },
}, evaluation_values[] = {
  { "project", "神木市高家堡镇社工站运营服务项目" },
  { "purchaser", "神木市高家堡镇人民政府" },
  { "operator", "神木市同心社会工作服务中心" },
  { "cycle-year", "1" },
};

static void
on_template_document_created_cb (GwTemplateDialog *dialog,
                                 GwDocument       *doc,
                                 GwWindow         *window)
{
  gw_page_set_modified (gw_window_add_document (window, doc, NULL), TRUE);
}

static void
test_template (gconstpointer data)
{
  const char *id = data;
  gboolean opinion = g_str_equal (id, "opinion");
  GwWindow *window = gw_window_new (app);
  GwTemplateDialog *dialog;
  GwTemplateDialog *weak;
  GwPage *page;
  guint n_values = opinion ? G_N_ELEMENTS (opinion_values) : G_N_ELEMENTS (evaluation_values);

  gtk_window_present (GTK_WINDOW (window));
  /* The shortcuts window from gtk/help-overlay.ui is wired up. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  dialog = gw_template_dialog_new (GTK_WINDOW (window), gw_application_get_settings (app), id);
  g_signal_connect_object (dialog, "document-created",
                           G_CALLBACK (on_template_document_created_cb), window, 0);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_nonnull (gw_template_dialog_get_template (dialog));
  g_assert_cmpstr (gw_template_get_id (gw_template_dialog_get_template (dialog)), ==, id);

  /* Required fields without defaults keep Create off. */
  g_assert_false (gw_template_dialog_is_valid (dialog));
  g_assert_false (gw_template_dialog_can_create (dialog));
  g_assert_false (gw_template_dialog_create (dialog));

  if (opinion)
    {
      /* A malformed number is explained right by the field, and marked. */
      gw_template_dialog_set_value (dialog, "doc-number", "神政办发[2023]第012号");
      g_assert_nonnull (gw_template_dialog_get_message (dialog, "doc-number"));
      g_assert_true (gtk_widget_has_css_class (gw_template_dialog_get_row (dialog, "doc-number"),
                                               "error"));
    }

  for (guint i = 0; i < n_values; i++)
    {
      const char *name = opinion ? opinion_values[i].name : evaluation_values[i].name;
      const char *value = opinion ? opinion_values[i].value : evaluation_values[i].value;

      gw_template_dialog_set_value (dialog, name, value);
      if (gw_template_dialog_get_message (dialog, name))
        g_error ("%s = %s: %s", name, value, gw_template_dialog_get_message (dialog, name));
      g_assert_false (gtk_widget_has_css_class (gw_template_dialog_get_row (dialog, name),
                                                "error"));
    }
  g_assert_true (gw_template_dialog_is_valid (dialog));
  g_assert_true (gw_template_dialog_can_create (dialog));

  g_assert_true (gw_template_dialog_create (dialog));
  page = gw_window_get_current_page (window);
  g_assert_nonnull (page);
  g_assert_true (wait_for (pointer_cleared, &weak, 5000));  /* the dialog closed */
  g_assert_true (gw_window_get_current_page (window) == page);
  g_assert_true (gw_page_get_modified (page));
  g_assert_true (g_str_has_prefix (gw_page_get_title (page), "• "));
  if (opinion)
    {
      GwDocument *doc = gw_page_get_document (page);
      g_assert_cmpint (gw_document_get_kind (doc), ==, GW_DOCUMENT_KIND_OPINION);
      g_assert_cmpstr (gw_document_get_meta (doc, GW_META_DOC_NUMBER), ==, "神政办发〔2023〕12号");
      g_assert_true (GW_IS_EDITOR (gw_page_get_editor (page)));
      g_assert_cmpuint (gw_document_get_n_blocks (doc), >, 5);
    }
  else
    {
      g_assert_true (GW_IS_EVALUATION_EDITOR (gw_page_get_editor (page)));
      g_assert_nonnull (gw_document_get_evaluation (gw_page_get_document (page)));
    }
  destroy_window (window);
}

/* ---- editing and findings --------------------------------------------------- */

typedef struct {
  GwPage     *page;
  const char *rule;
} FindingWait;

static gboolean
finding_present (gpointer data)
{
  FindingWait *w = data;
  return check_done (w->page) && find_finding (w->page, w->rule) != NULL;
}

static gboolean
finding_absent (gpointer data)
{
  FindingWait *w = data;
  return check_done (w->page) && find_finding (w->page, w->rule) == NULL;
}

static GwPage *
new_opinion_page (GwWindow *window)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);

  gw_document_set_meta (doc, GW_META_TITLE, "关于加强社工站建设的实施意见");
  gw_document_set_meta (doc, GW_META_RECIPIENTS, "各镇人民政府：");
  g_autoptr(GwBlock) heading = gw_block_new_heading (1, "一、总体要求");
  g_autoptr(GwBlock) paragraph = gw_block_new (GW_BLOCK_PARAGRAPH, "加强社工站建设。");

  gw_document_append_block (doc, heading);
  gw_document_append_block (doc, paragraph);
  return gw_window_add_document (window, doc, NULL);
}

static void
test_editor_findings (void)
{
  GwWindow *window = gw_window_new (app);
  GwPage *page;
  GwEditor *editor;
  GtkTextBuffer *buffer;
  GwFinding *finding;
  GtkTextIter start, end, sel_start, sel_end;
  g_autofree char *marked = NULL;
  FindingWait w;
  GtkTextTag *tag;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  editor = GW_EDITOR (gw_page_get_editor (page));
  buffer = gw_editor_get_buffer (editor);
  g_assert_false (gw_page_get_modified (page));

  /* The header form is bound to the document both ways. */
  gtk_editable_set_text (GTK_EDITABLE (gw_editor_get_meta_row (editor, GW_META_DOC_NUMBER)),
                         "神政办发〔2024〕3号");
  g_assert_cmpstr (gw_document_get_meta (gw_page_get_document (page), GW_META_DOC_NUMBER), ==,
                   "神政办发〔2024〕3号");
  gw_document_set_meta (gw_page_get_document (page), GW_META_SIGNATURE, "神木市民政局");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gw_editor_get_meta_row (editor, GW_META_SIGNATURE))),
                   ==, "神木市民政局");
  g_assert_true (gw_page_get_modified (page));
  gw_page_set_modified (page, FALSE);

  /* Headings are recognised as typed: a new level-2 line becomes a block. */
  type_at_end (editor, "\n（一）指导思想");
  type_at_end (editor, "\n" LOWEST_PRICE);
  g_assert_true (gw_page_get_modified (page));
  gw_editor_sync_now (editor);
  {
    GwDocument *doc = gw_page_get_document (page);
    GwBlock *heading = gw_document_get_block (doc, 2);
    g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 4);
    g_assert_cmpint (gw_block_get_kind (heading), ==, GW_BLOCK_HEADING);
    g_assert_cmpuint (gw_block_get_level (heading), ==, 2);
  }
  gtk_text_buffer_get_iter_at_line (buffer, &start, 2);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "heading-2");
  g_assert_true (gtk_text_iter_has_tag (&start, tag));

  /* The checker finds the lowest-price award and points at it. */
  w.page = page;
  w.rule = "procurement.not-lowest-price";
  g_assert_true (wait_for (finding_present, &w, 30000));
  finding = find_finding (page, w.rule);
  g_assert_cmpint (gw_finding_get_block (finding), ==, 3);
  g_assert_true (gw_editor_get_block_range (editor, gw_finding_get_block (finding),
                                            gw_finding_get_offset (finding),
                                            gw_finding_get_length (finding), &start, &end));
  marked = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (marked, !=, "");
  g_assert_nonnull (strstr (LOWEST_PRICE, marked));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "finding-error");
  g_assert_true (gtk_text_iter_has_tag (&start, tag));

  /* It is listed, counted, and activating it selects the text. */
  g_assert_cmpuint (gw_page_count_findings (page, GW_SEVERITY_ERROR), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gw_findings_panel_get_shown (
                      GW_FINDINGS_PANEL (gw_page_get_findings_panel (page)))), >=, 1);
  g_signal_emit_by_name (gw_page_get_findings_panel (page), "activate-finding", finding);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end));
  g_assert_true (gtk_text_iter_equal (&sel_start, &start));
  g_assert_true (gtk_text_iter_equal (&sel_end, &end));

  /* Only errors under the error filter. */
  gw_findings_panel_set_filter (GW_FINDINGS_PANEL (gw_page_get_findings_panel (page)),
                                GW_SEVERITY_WARNING);
  {
    GListModel *shown = gw_findings_panel_get_shown (GW_FINDINGS_PANEL (gw_page_get_findings_panel (page)));
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(GwFinding) f = g_list_model_get_item (shown, i);
        g_assert_cmpint (gw_finding_get_severity (f), ==, GW_SEVERITY_WARNING);
      }
  }
  gw_findings_panel_set_filter (GW_FINDINGS_PANEL (gw_page_get_findings_panel (page)), -1);

  /* Rewriting the sentence makes the finding go away. */
  gtk_text_buffer_get_iter_at_line (buffer, &start, 3);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, "采用综合评分法，不能仅以价低者得为原则。", -1);
  g_assert_true (wait_for (finding_absent, &w, 30000));

  /* Undo brings the text back. */
  gw_editor_undo (editor);
  gw_editor_undo (editor);
  {
    g_autofree char *text = buffer_text (buffer);
    g_assert_nonnull (strstr (text, LOWEST_PRICE));
  }
  destroy_window (window);
}

static void
test_apply_suggestion (void)
{
  GwWindow *window = gw_window_new (app);
  GwPage *page;
  GwEditor *editor;
  GListModel *findings;
  g_autoptr(GwFinding) fixable = NULL;
  g_autofree char *rule = NULL;
  FindingWait w;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  editor = GW_EDITOR (gw_page_get_editor (page));
  /* Half-width punctuation in Chinese text has a mechanical fix. */
  type_at_end (editor, "\n各单位要加强管理,确保资金安全.");
  w.page = page;
  w.rule = "format.punctuation";
  g_assert_true (wait_for (finding_present, &w, 30000));

  findings = gw_page_get_findings (page);
  for (guint i = 0; i < g_list_model_get_n_items (findings) && !fixable; i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      if (gw_finding_get_replacement (f) && gw_finding_get_block (f) >= 0)
        fixable = g_steal_pointer (&f);
    }
  g_assert_nonnull (fixable);
  rule = g_strdup (gw_finding_get_rule_id (fixable));

  /* One click per fix until the rule has nothing left to say. */
  for (guint round = 0; round < 5; round++)
    {
      GwFinding *f = NULL;
      w.rule = rule;
      g_assert_true (wait_for (check_done, page, 30000));
      findings = gw_page_get_findings (page);
      for (guint i = 0; i < g_list_model_get_n_items (findings) && !f; i++)
        {
          g_autoptr(GwFinding) candidate = g_list_model_get_item (findings, i);
          if (g_str_equal (gw_finding_get_rule_id (candidate), rule) &&
              gw_finding_get_replacement (candidate))
            f = candidate;
        }
      if (f == NULL)
        break;
      /* the fix changes the text, and the check that follows gives the
       * page a new list: wait for that one, not for a time (the old list
       * is held, so the new one cannot take its address) */
      {
        g_autoptr(GListModel) applied_from = g_object_ref (findings);
        FindingsReplaced replaced = { page, applied_from };

        g_signal_emit_by_name (gw_page_get_findings_panel (page), "apply-finding", f);
        g_assert_true (wait_for (findings_replaced, &replaced, 30000));
      }
    }
  g_assert_true (wait_for (finding_absent, &w, 30000));
  {
    g_autofree char *text = buffer_text (gw_editor_get_buffer (editor));
    g_assert_null (strstr (text, "管理,"));
  }
  destroy_window (window);
}

static void
test_find_replace (void)
{
  GwWindow *window = gw_window_new (app);
  GwPage *page;
  GwEditor *editor;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  editor = GW_EDITOR (gw_page_get_editor (page));
  gw_page_show_find (page, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.replace", NULL);
  {
    GtkSearchEntry *entry = NULL;
    GtkEntry *replace = NULL;
    GtkWidget *w;

    /* The editor's private children, reached the way a person would. */
    for (w = GTK_WIDGET (editor); w; )
      {
        if (GTK_IS_SEARCH_ENTRY (w) && !entry)
          entry = GTK_SEARCH_ENTRY (w);
        else if (GTK_IS_ENTRY (w) && !replace)
          replace = GTK_ENTRY (w);
        if (gtk_widget_get_first_child (w))
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w && w != GTK_WIDGET (editor) && !gtk_widget_get_next_sibling (w))
              w = gtk_widget_get_parent (w);
            w = (w && w != GTK_WIDGET (editor)) ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (entry);
    g_assert_nonnull (replace);
    gtk_editable_set_text (GTK_EDITABLE (entry), "社工站");
    gtk_editable_set_text (GTK_EDITABLE (replace), "社会工作服务站");
    gtk_widget_activate_action (gtk_widget_get_ancestor (GTK_WIDGET (entry), GW_TYPE_SEARCH_BAR),
                                "search.replace-all", NULL);
  }
  text = buffer_text (gw_editor_get_buffer (editor));
  g_assert_cmpstr (text, ==, "一、总体要求\n加强社会工作服务站建设。");
  /* the body's scheme colours search matches and nothing else */
  {
    GtkSourceStyleScheme *scheme =
      gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (gw_editor_get_buffer (editor)));

    g_assert_nonnull (scheme);
    g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "gongwen-body");
    g_assert_nonnull (gtk_source_style_scheme_get_style (scheme, "search-match"));
    g_assert_null (gtk_source_style_scheme_get_style (scheme, "text"));
  }
  destroy_window (window);
}

/* ---- evaluation form ------------------------------------------------------- */

static GtkSpinButton *find_score_spin (GtkWidget  *root,
                                        const char *indicator_id);

static gboolean
score_spin_bound (gpointer data)
{
  GwEvaluationEditor *editor = data;

  return find_score_spin (GTK_WIDGET (gw_evaluation_editor_get_table (editor)), "A1") != NULL &&
         find_score_spin (GTK_WIDGET (gw_evaluation_editor_get_table (editor)), "C1") != NULL;
}

static GtkSpinButton *
find_score_spin (GtkWidget  *root,
                 const char *indicator_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GwIndicator *indicator = g_object_get_data (G_OBJECT (child), "indicator");
      const char *which = g_object_get_data (G_OBJECT (child), "which");
      GtkSpinButton *found;

      if (GTK_IS_SPIN_BUTTON (child) && indicator && g_strcmp0 (which, "score") == 0 &&
          g_str_equal (gw_indicator_get_id (indicator), indicator_id))
        return GTK_SPIN_BUTTON (child);
      if ((found = find_score_spin (child, indicator_id)))
        return found;
    }
  return NULL;
}

static void
test_evaluation (void)
{
  GwWindow *window = gw_window_new (app);
  g_autoptr(GListModel) templates = gw_template_list_all ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  GwTemplate *template = NULL;
  GwEvaluation *evaluation;
  GwEvaluationEditor *editor;
  GtkSpinButton *spin;
  GwPage *page;
  g_autofree char *before = NULL;
  double total_before;

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(GwTemplate) t = g_list_model_get_item (templates, i);
      if (gw_template_get_kind (t) == GW_DOCUMENT_KIND_EVALUATION)
        template = t;
    }
  g_assert_nonnull (template);
  for (guint i = 0; i < G_N_ELEMENTS (evaluation_values); i++)
    g_hash_table_insert (values, (char *) evaluation_values[i].name,
                         (char *) evaluation_values[i].value);
  g_hash_table_insert (values, "tier", "镇街社工站");
  g_hash_table_insert (values, "type", "年度");
  doc = gw_template_instantiate (template, values, NULL, &error);
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  page = gw_window_add_document (window, doc, NULL);
  editor = GW_EVALUATION_EDITOR (gw_page_get_editor (page));
  evaluation = gw_document_get_evaluation (doc);
  /* the table has bound its rows once A1's score has a spin button */
  g_assert_true (wait_for (score_spin_bound, editor, 5000));

  /* Give every indicator its maximum through the model, then lower A1 in
   * the table as a person would: total, grade and decision follow. */
  {
    GListModel *sections = G_LIST_MODEL (gw_evaluation_get_sections (evaluation));
    for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
      {
        g_autoptr(GwEvalSection) section = g_list_model_get_item (sections, i);
        GListModel *indicators = G_LIST_MODEL (gw_eval_section_get_indicators (section));
        for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
          {
            g_autoptr(GwIndicator) indicator = g_list_model_get_item (indicators, j);
            gw_indicator_set_score (indicator, gw_indicator_get_max (indicator));
          }
      }
  }
  g_assert_cmpfloat (gw_evaluation_compute_total (evaluation), ==, 100);
  g_assert_cmpstr (gw_evaluation_editor_get_total_text (editor), ==, "100 / 100");
  g_assert_cmpstr (gw_evaluation_editor_get_grade_text (editor), ==,
                   gw_evaluation_compute_grade (evaluation));
  before = g_strdup (gw_evaluation_editor_get_grade_text (editor));
  total_before = gw_evaluation_compute_total (evaluation);

  spin = find_score_spin (GTK_WIDGET (gw_evaluation_editor_get_table (editor)), "C1");
  g_assert_nonnull (spin);
  /* Bounded by the indicator's maximum, on the form's step. */
  {
    double min, max;
    gtk_spin_button_get_range (spin, &min, &max);
    g_assert_cmpfloat (max, ==, gw_indicator_get_max (gw_evaluation_find_indicator (evaluation, "C1")));
  }
  gtk_spin_button_set_value (spin, 0);
  g_assert_cmpfloat (gw_indicator_get_score (gw_evaluation_find_indicator (evaluation, "C1")), ==, 0);
  g_assert_cmpfloat (gw_evaluation_compute_total (evaluation), <, total_before);
  {
    g_autofree char *expected = g_strdup_printf ("%g / 100", gw_evaluation_compute_total (evaluation));
    g_assert_cmpstr (gw_evaluation_editor_get_total_text (editor), ==, expected);
  }
  g_assert_cmpstr (gw_evaluation_editor_get_grade_text (editor), ==,
                   gw_evaluation_compute_grade (evaluation));
  g_assert_cmpstr (gw_evaluation_editor_get_grade_text (editor), !=, before);
  g_assert_cmpstr (gw_evaluation_editor_get_decision_text (editor), ==,
                   gw_evaluation_compute_decision (evaluation));

  /* A veto makes the grade the lowest. */
  {
    g_autoptr(GwVetoItem) veto = g_list_model_get_item (G_LIST_MODEL (gw_evaluation_get_veto_items (evaluation)), 0);
    GPtrArray *grades = gw_evaluation_get_grades (evaluation);
    GwGrade *lowest = g_ptr_array_index (grades, grades->len - 1);

    gw_veto_item_set_ticked (veto, TRUE);
    g_assert_cmpstr (gw_evaluation_editor_get_grade_text (editor), ==, lowest->name);
    gw_veto_item_set_ticked (veto, FALSE);
  }

  /* Overriding the decision needs a written reason. */
  g_assert_false (gw_evaluation_editor_get_reason_missing (editor));
  gtk_editable_set_text (GTK_EDITABLE (gw_evaluation_editor_get_field_row (editor, GW_EVAL_STATED_DECISION)),
                         "不予续签");
  g_assert_cmpstr (gw_evaluation_get_field (evaluation, GW_EVAL_STATED_DECISION), ==, "不予续签");
  g_assert_true (gw_evaluation_editor_get_reason_missing (editor));
  g_assert_true (gtk_widget_has_css_class (gw_evaluation_editor_get_field_row (editor, GW_EVAL_OVERRIDE_REASON),
                                           "error"));
  gtk_editable_set_text (GTK_EDITABLE (gw_evaluation_editor_get_field_row (editor, GW_EVAL_OVERRIDE_REASON)),
                         "服务对象投诉经查属实");
  g_assert_false (gw_evaluation_editor_get_reason_missing (editor));
  g_assert_true (gw_page_get_modified (page));

  /* A stated grade the total does not give is found, marked on its row,
   * and activating the finding goes to that row. */
  {
    GtkWidget *grade_row = gw_evaluation_editor_get_field_row (editor, GW_EVAL_STATED_GRADE);
    FindingWait w = { page, "form.grade-matches-score" };
    const char *computed = gw_evaluation_compute_grade (evaluation);
    GPtrArray *grades = gw_evaluation_get_grades (evaluation);
    const char *wrong = NULL;

    for (guint i = 0; i < grades->len && !wrong; i++)
      if (g_strcmp0 (((GwGrade *) g_ptr_array_index (grades, i))->name, computed) != 0)
        wrong = ((GwGrade *) g_ptr_array_index (grades, i))->name;
    gtk_editable_set_text (GTK_EDITABLE (grade_row), wrong);
    g_assert_true (wait_for (finding_present, &w, 30000));
    g_assert_true (gtk_widget_has_css_class (grade_row, "error"));
    g_signal_emit_by_name (gw_page_get_findings_panel (page), "activate-finding",
                           find_finding (page, w.rule));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), grade_row) ||
                   gtk_root_get_focus (GTK_ROOT (window)) == grade_row);
    gtk_editable_set_text (GTK_EDITABLE (grade_row), computed);
    g_assert_true (wait_for (finding_absent, &w, 30000));
    g_assert_false (gtk_widget_has_css_class (grade_row, "error"));
  }
  destroy_window (window);
}

/* ---- export, preview, autosave ----------------------------------------------- */

/* ---- tables in the body ------------------------------------------------------ */

static GtkWidget *
widget_named (GtkWidget  *root,
              const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = widget_named (child, name)))
        return found;
    }
  return NULL;
}

/* The entry of a cell in the table editor under the body. */
static GtkEditable *
table_cell (GwEditor *editor,
            int       row,
            int       column)
{
  GtkWidget *grid = widget_named (GTK_WIDGET (editor), "gw-table-grid");
  GtkWidget *cell;

  g_assert_nonnull (grid);
  cell = gtk_grid_get_child_at (GTK_GRID (grid), column, row);
  g_assert_true (GTK_IS_ENTRY (cell));
  return GTK_EDITABLE (cell);
}

/* The table editor under the body, whose buttons name its actions. */
static GtkWidget *
table_panel (GwEditor *editor)
{
  GtkWidget *grid = widget_named (GTK_WIDGET (editor), "gw-table-grid");

  g_assert_nonnull (grid);
  return gtk_widget_get_ancestor (grid, GW_TYPE_TABLE_PANEL);
}

/* The rows of block @i as "a|b|c" lines, "" when it is no table. */
static char *
table_text (GwDocument *doc,
            guint       i)
{
  GwBlock *block;
  GPtrArray *rows;
  g_autoptr(GString) s = g_string_new (NULL);

  if (i >= gw_document_get_n_blocks (doc))
    return g_strdup ("");
  block = gw_document_get_block (doc, i);
  if (gw_block_get_kind (block) != GW_BLOCK_TABLE || (rows = gw_block_get_rows (block)) == NULL)
    return g_strdup ("");
  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *row = g_strjoinv ("|", g_ptr_array_index (rows, r));
      g_string_append_printf (s, "%s%s", r ? "\n" : "", row);
    }
  return g_strdup (s->str);
}

static gboolean
has_n_blocks (gpointer data)
{
  GwPage *page = data;
  GwDocument *doc = gw_page_get_document (page);

  gw_editor_sync_now (GW_EDITOR (gw_page_get_editor (page)));
  return gw_document_get_n_blocks (doc) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "n-blocks"));
}

/* Pastes @text as if copied from a spreadsheet, through the clipboard. */
static void
paste_into_body (GwPage     *page,
                 const char *text,
                 guint       n_blocks_after)
{
  GwEditor *editor = GW_EDITOR (gw_page_get_editor (page));
  GtkWidget *view = GTK_WIDGET (gw_editor_get_text_view (editor));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), text);
  g_signal_emit_by_name (view, "paste-clipboard");
  g_object_set_data (G_OBJECT (page), "n-blocks", GUINT_TO_POINTER (n_blocks_after));
  g_assert_true (wait_for (has_n_blocks, page, 5000));
}

static void
place_cursor_at_end (GwEditor *editor)
{
  GtkTextBuffer *buffer = gw_editor_get_buffer (editor);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *path = g_build_filename (tmp_home, "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *contents = NULL;
  gsize len;
  guint n_pages = 0;
  GwPage *page;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  type_at_end (GW_EDITOR (gw_page_get_editor (page)), "\n二、主要任务");
  /* a table made in the window, from cells pasted out of a spreadsheet */
  place_cursor_at_end (GW_EDITOR (gw_page_get_editor (page)));
  paste_into_body (page, "项目\t标准\n场地面积\t不少于50平方米\n", 4);
  _gw_window_export_to (window, page, file);
  g_assert_true (wait_for (file_exists, path, 20000));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (contents, len);
  g_assert_true (gw_pdf_read_back (bytes, &n_pages, &text, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_nonnull (strstr (text, "二、主要任务"));
  g_assert_nonnull (strstr (text, "场地面积"));
  g_assert_nonnull (strstr (text, "不少于50平方米"));
  destroy_window (window);
}

/* Export to a name ending in .docx writes Word, which reads back (through
 * the .docx importer) with what was typed in the window. */
static void
test_export_docx (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *path = g_build_filename (tmp_home, "export.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) back = NULL;
  g_autofree char *text = NULL;
  GwPage *page;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  type_at_end (GW_EDITOR (gw_page_get_editor (page)), "\n二、主要任务");
  _gw_window_export_to (window, page, file);
  g_assert_true (wait_for (file_exists, path, 20000));
  back = gw_import_docx_file (path, &error);
  g_assert_no_error (error);
  text = gw_document_to_plain_text (back);
  g_assert_nonnull (strstr (text, "二、主要任务"));
  g_assert_cmpstr (gw_document_get_meta (back, GW_META_TITLE), ==,
                   gw_document_get_meta (gw_page_get_document (page), GW_META_TITLE));
  destroy_window (window);
}

static gboolean
preview_ready (gpointer data)
{
  return gw_preview_get_n_pages (GW_PREVIEW (data)) > 0;
}

static void
test_preview (void)
{
  GwWindow *window = gw_window_new (app);
  GwPage *page;
  GwPreview *preview;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  /* Enough text for several pages. */
  for (guint i = 0; i < 60; i++)
    type_at_end (GW_EDITOR (gw_page_get_editor (page)),
                 "\n各镇街要把社工站建设纳入重要议事日程，明确责任分工，细化工作措施，"
                 "确保各项任务落到实处，切实提升基层民政服务能力和水平。");
  preview = GW_PREVIEW (gw_page_get_preview (page));
  g_object_set (window, "show-preview", TRUE, NULL);
  g_assert_true (gw_page_get_show_preview (page));
  g_assert_true (wait_for (preview_ready, preview, 20000));
  text = gw_preview_get_page_text (preview, 0);
  g_assert_nonnull (strstr (text, "总体要求"));
  g_assert_cmpuint (gw_preview_get_n_pages (preview), >=, 2);
  g_assert_cmpuint (gw_preview_get_page (preview), ==, 0);
  /* the pages have their size once they are taller than the view */
  g_assert_true (wait_for (pages_sized, preview, 5000));
  gw_preview_go_to_page (preview, 1);
  g_assert_cmpuint (gw_preview_get_page (preview), ==, 1);
  gw_preview_set_zoom (preview, 2.0);
  g_assert_cmpfloat (gw_preview_get_zoom (preview), ==, 2.0);
  g_object_set (window, "show-preview", FALSE, NULL);
  destroy_window (window);
}

typedef struct {
  const char *id;
} RecoveryWait;

static gboolean
recovery_written (gpointer data)
{
  GwPage *page = data;
  g_autofree char *dir = gw_recovery_get_dir ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (gw_page_get_recovery_id (page) == NULL)
    return FALSE;
  name = g_strconcat (gw_page_get_recovery_id (page), ".gwdoc", NULL);
  path = g_build_filename (dir, name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_autosave (void)
{
  GwWindow *window = gw_window_new (app);
  GwWindow *second;
  GwPage *page;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GwDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *plain = NULL;
  g_autofree char *info = NULL;
  g_autofree char *id = NULL;
  GwRecoveryEntry *entry;
  AdwTabView *view;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  type_at_end (GW_EDITOR (gw_page_get_editor (page)), "\n一份尚未保存的草稿。");
  g_assert_true (wait_for (recovery_written, page, 10000));
  id = g_strdup (gw_page_get_recovery_id (page));

  /* The copy holds the typed text; this process owns it, so it is no orphan. */
  entries = gw_recovery_list (FALSE);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, id);
  recovered = gw_document_load_gwdoc (entry->gwdoc_path, &error);
  g_assert_no_error (error);
  plain = gw_document_to_plain_text (recovered);
  g_assert_nonnull (strstr (plain, "一份尚未保存的草稿。"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = gw_recovery_list (TRUE);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A killed process leaves the copy behind: pretend its writer is gone. */
  {
    g_autofree char *dir = gw_recovery_get_dir ();
    g_autofree char *base = g_strconcat (id, ".info", NULL);
    info = g_build_filename (dir, base, NULL);
  }
  g_assert_true (g_key_file_load_from_file (key_file, info, G_KEY_FILE_NONE, NULL));
  /* Detach the page from its copy first, as a crash would. */
  gw_page_set_recovery_id (page, NULL);
  gw_page_set_modified (page, FALSE);
  g_key_file_set_int64 (key_file, "Recovery", "pid", 0);
  g_assert_true (g_key_file_save_to_file (key_file, info, NULL));
  destroy_window (window);

  entries = gw_recovery_list (TRUE);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  second = gw_window_new (app);
  gtk_window_present (GTK_WINDOW (second));
  gw_window_restore_recovered (second);
  view = gw_window_get_tab_view (second);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 1);
  page = gw_window_get_current_page (second);
  g_assert_true (gw_page_get_modified (page));
  {
    g_autofree char *text = buffer_text (gw_editor_get_buffer (GW_EDITOR (gw_page_get_editor (page))));
    g_assert_nonnull (strstr (text, "一份尚未保存的草稿。"));
  }
  /* Restored copies belong to this process again. */
  entries = gw_recovery_list (TRUE);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Saving removes the copy. */
  {
    g_autofree char *path = g_build_filename (tmp_home, "saved.gwdoc", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GwDocument) reread = NULL;

    g_assert_true (gw_page_save (page, file, &error));
    g_assert_no_error (error);
    g_assert_false (gw_page_get_modified (page));
    g_assert_false (g_str_has_prefix (gw_page_get_title (page), "•"));
    reread = gw_document_load_gwdoc (path, &error);
    g_assert_no_error (error);
  }
  entries = gw_recovery_list (FALSE);
  g_assert_cmpuint (entries->len, ==, 0);
  destroy_window (second);
}

static void
test_open_text (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *path = g_build_filename (tmp_home, "draft.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GwPage *page;

  g_assert_true (g_file_set_contents (path,
                                      "关于加强社工站建设的实施意见\n\n各镇人民政府：\n"
                                      "　　一、总体要求\n　　" LOWEST_PRICE "\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  gw_window_open_file (window, file);
  page = gw_window_get_current_page (window);
  g_assert_nonnull (page);
  /* An import never overwrites the .txt: it has no file until saved. */
  g_assert_null (gw_page_get_file (page));
  g_assert_true (gw_page_get_modified (page));
  g_assert_cmpstr (gw_document_get_meta (gw_page_get_document (page), GW_META_RECIPIENTS), ==,
                   "各镇人民政府：");
  destroy_window (window);
}


/* ---- closing and preferences ------------------------------------------------ */

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  /* What a button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_for (dialog_gone, NULL, 5000));
}

static void
test_close_modified (void)
{
  GwWindow *window = gw_window_new (app);
  AdwTabView *view = gw_window_get_tab_view (window);
  AdwMessageDialog *dialog;
  GwPage *page;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  type_at_end (GW_EDITOR (gw_page_get_editor (page)), "\n不能丢的一段话。");
  g_assert_true (gw_page_autosave_now (page, &error));
  id = g_strdup (gw_page_get_recovery_id (page));

  /* Closing asks; Cancel keeps the page and its text. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-page", NULL);
  g_assert_true (wait_for (dialog_shown, NULL, 5000));
  dialog = find_message_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  respond ("cancel");
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 1);
  g_assert_true (gw_page_get_modified (page));

  /* Closing the window asks the same, and Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_for (dialog_shown, NULL, 5000));
  respond ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 1);

  /* Discard closes it and drops its recovery copy. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-page", NULL);
  g_assert_true (wait_for (dialog_shown, NULL, 5000));
  respond ("discard");
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 0);
  entries = gw_recovery_list (FALSE);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (((GwRecoveryEntry *) g_ptr_array_index (entries, i))->id, !=, id);
  destroy_window (window);
}

static void
test_preferences (void)
{
  GSettings *settings = gw_application_get_settings (app);
  g_autofree char *bad = g_build_filename (tmp_home, "broken-pack.json", NULL);
  const char *packs[] = { bad, NULL };
  const char *none[] = { NULL };
  g_auto(GStrv) families = gw_fonts_list_families_for ("中");
  g_autofree char *errors = NULL;
  GwPreferencesWindow *prefs;

  g_assert_nonnull (settings);
  /* Only fonts that can set Chinese text are offered. */
  g_assert_nonnull (families);
  g_assert_cmpuint (g_strv_length (families), >, 0);

  prefs = gw_preferences_window_new (GTK_APPLICATION (app), gw_application_get_services (app));
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (wait_for (widget_mapped, prefs, 5000));

  /* A broken pack is reported by name; the shipped rules keep working. */
  g_assert_true (g_file_set_contents (bad, "{ \"rules\": [ { \"id\": 3 } ] }", -1, NULL));
  g_settings_set_strv (settings, "rule-packs", packs);
  errors = gw_application_reload_checker (app);
  g_assert_nonnull (errors);
  g_assert_nonnull (strstr (errors, "broken-pack.json"));
  g_assert_nonnull (gw_application_get_checker (app));
  g_settings_set_strv (settings, "rule-packs", none);
  g_clear_pointer (&errors, g_free);
  errors = gw_application_reload_checker (app);
  g_assert_null (errors);

  g_object_ref (prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_true (wait_for (only_our_ref_left, prefs, 5000));
  g_assert_finalize_object (prefs);
}


static void
test_print (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *path = g_build_filename (tmp_home, "printed.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *contents = NULL;
  gsize len;
  guint n_pages = 0;
  GwPage *page;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  /* The print path (pagination drawn on the print context) into a file. */
  g_assert_cmpint (_gw_window_print (window, page, GTK_PRINT_OPERATION_ACTION_EXPORT, path), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (contents, len);
  g_assert_true (gw_pdf_read_back (bytes, &n_pages, &text, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_nonnull (strstr (text, "总体要求"));
  destroy_window (window);
}

static void
test_export_error (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *path = g_build_filename (tmp_home, "never.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  GwPage *page;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  /* A private-use character no installed font has. */
  type_at_end (GW_EDITOR (gw_page_get_editor (page)), "\n加强\xee\x80\x80管理。");
  _gw_window_export_to (window, page, file);
  g_assert_true (wait_for (dialog_shown, NULL, 20000));
  dialog = find_message_dialog ();
  /* What went wrong and what to do about it. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "font"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  respond ("close");
  destroy_window (window);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* ---- several organs (联合行文) -------------------------------------------- */

/* Every descendant of @root of @type whose row title is @title (msgid). */
static void
collect_rows (GtkWidget  *root,
              GType       type,
              const char *title,
              GPtrArray  *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                     g_dgettext (GETTEXT_PACKAGE, title)) == 0)
        g_ptr_array_add (out, child);
      collect_rows (child, type, title, out);
    }
}

static GPtrArray *
rows_titled (GwEditor   *editor,
             GType       type,
             const char *title)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (editor), type, title, rows);
  return rows;
}

/* The button under @root whose tooltip is @tooltip (msgid). */
static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (child), g_dgettext (GETTEXT_PACKAGE, tooltip)) == 0)
        return child;
      if ((found = button_with_tooltip (child, tooltip)))
        return found;
    }
  return NULL;
}

/* A bureau user adds a second issuing organ (and a second signer) from the
 * header form: the document gets one organ a line, lead first, 文件 last;
 * removing it gives back the single mark exactly as typed; a joint mark
 * opened from a file shows one row per organ. */
static void
test_joint_organs (void)
{
  GwWindow *window = gw_window_new (app);
  GwPage *page;
  GwEditor *editor;
  GwDocument *doc;
  GtkWidget *lead, *lead_sig, *extra;
  g_autoptr(GPtrArray) add = NULL;
  g_autoptr(GPtrArray) add_sig = NULL;
  g_autoptr(GPtrArray) extras = NULL;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  editor = GW_EDITOR (gw_page_get_editor (page));
  doc = gw_page_get_document (page);
  lead = gw_editor_get_meta_row (editor, GW_META_ORGAN_MARK);
  lead_sig = gw_editor_get_meta_row (editor, GW_META_SIGNATURE);

  /* one organ: as it always was */
  gtk_editable_set_text (GTK_EDITABLE (lead), "临川市民政局文件");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "临川市民政局文件");

  /* "Add an organ issuing jointly", then type the second organ */
  add = rows_titled (editor, ADW_TYPE_ACTION_ROW, "Add an organ issuing jointly");
  g_assert_cmpuint (add->len, ==, 1);
  g_assert_nonnull (gtk_widget_get_tooltip_text (lead));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (add->pdata[0])));
  g_signal_emit_by_name (add->pdata[0], "activated");
  extras = rows_titled (editor, ADW_TYPE_ENTRY_ROW, "Organ issuing jointly");
  g_assert_cmpuint (extras->len, ==, 1);
  extra = extras->pdata[0];
  /* right under the lead organ's row */
  g_assert_true (gtk_widget_get_prev_sibling (extra) == lead);
  gtk_editable_set_text (GTK_EDITABLE (extra), "临川市财政局");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==,
                   "临川市民政局\n临川市财政局\n文件");
  /* the lead row still reads as the user typed it */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lead)), ==, "临川市民政局文件");

  /* the same for the signature */
  add_sig = rows_titled (editor, ADW_TYPE_ACTION_ROW, "Add an organ signing jointly");
  g_assert_cmpuint (add_sig->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (lead_sig), "临川市民政局");
  g_signal_emit_by_name (add_sig->pdata[0], "activated");
  {
    g_autoptr(GPtrArray) sig_rows = rows_titled (editor, ADW_TYPE_ENTRY_ROW, "Organ signing jointly");
    g_assert_cmpuint (sig_rows->len, ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (sig_rows->pdata[0]), "临川市财政局");
  }
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_SIGNATURE), ==, "临川市民政局\n临川市财政局");

  /* removing the second organ gives the single mark back */
  g_assert_nonnull (button_with_tooltip (extra, "Remove this organ"));
  g_signal_emit_by_name (button_with_tooltip (extra, "Remove this organ"), "clicked");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==, "临川市民政局文件");
  g_ptr_array_unref (extras);
  extras = rows_titled (editor, ADW_TYPE_ENTRY_ROW, "Organ issuing jointly");
  g_assert_cmpuint (extras->len, ==, 0);

  /* a joint mark set on the document (opened, undone) shows a row each */
  gw_document_set_meta (doc, GW_META_ORGAN_MARK,
                        "临川市民政局\n临川市财政局\n临川市人力资源和社会保障局\n文件");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lead)), ==, "临川市民政局文件");
  g_ptr_array_unref (extras);
  extras = rows_titled (editor, ADW_TYPE_ENTRY_ROW, "Organ issuing jointly");
  g_assert_cmpuint (extras->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extras->pdata[0])), ==, "临川市财政局");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extras->pdata[1])), ==,
                   "临川市人力资源和社会保障局");
  /* and the lead organ can be edited without losing the others */
  gtk_editable_set_text (GTK_EDITABLE (lead), "临川市民政局");
  g_assert_cmpstr (gw_document_get_meta (doc, GW_META_ORGAN_MARK), ==,
                   "临川市民政局\n临川市财政局\n临川市人力资源和社会保障局");
  gw_document_set_meta (doc, GW_META_ORGAN_MARK, "临川市民政局文件");
  g_ptr_array_unref (extras);
  extras = rows_titled (editor, ADW_TYPE_ENTRY_ROW, "Organ issuing jointly");
  g_assert_cmpuint (extras->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lead)), ==, "临川市民政局文件");

  destroy_window (window);
}

/* A user inserts a table from the button, types into its cells, adds a
 * row, takes it back with Undo, and pastes cells copied from a
 * spreadsheet, which become a table as an imported file's do. */
static void
test_tables (void)
{
  GwWindow *window = gw_window_new (app);
  GwPage *page;
  GwEditor *editor;
  GwDocument *doc;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  FindingWait w;
  GwFinding *finding;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL, *t4 = NULL, *t5 = NULL, *t6 = NULL;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  editor = GW_EDITOR (gw_page_get_editor (page));
  doc = gw_page_get_document (page);
  gw_page_set_modified (page, FALSE);

  /* Insert Table… asks for rows and columns; the table goes after the
   * line the cursor is on, and the typing moves into its first cell. */
  place_cursor_at_end (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.insert-table", NULL);
  g_assert_true (wait_for (dialog_shown, NULL, 5000));
  dialog = find_message_dialog ();
  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_grid_get_child_at (GTK_GRID (extra), 1, 0)), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_grid_get_child_at (GTK_GRID (extra), 1, 1)), 3);
  respond ("insert");
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 3);
  t1 = table_text (doc, 2);
  g_assert_cmpstr (t1, ==, "||\n||");
  g_assert_true (gw_page_get_modified (page));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (table_cell (editor, 0, 0))) ||
                 gtk_widget_is_focus (gtk_widget_get_first_child (GTK_WIDGET (table_cell (editor, 0, 0)))));

  /* The table's line takes no typing, and the paragraph above cannot be
   * joined to it: cells are typed in the grid. */
  gw_editor_sync_now (editor);
  {
    GtkTextBuffer *buffer = gw_editor_get_buffer (editor);
    GtkTextIter iter, next;

    g_assert_true (gw_editor_get_block_range (editor, 2, 0, 0, &iter, &next));
    g_assert_false (gtk_text_buffer_insert_interactive (buffer, &iter, "x", -1, TRUE));
    g_assert_true (gw_editor_get_block_range (editor, 1,
                                              g_utf8_strlen (gw_block_get_text (gw_document_get_block (doc, 1)), -1),
                                              0, &iter, &next));
    g_assert_true (gtk_text_iter_ends_line (&iter));
    next = iter;
    gtk_text_iter_forward_char (&next);
    g_assert_false (gtk_text_buffer_delete_interactive (buffer, &iter, &next, TRUE));
    g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 3);
  }

  /* Typing into cells changes the document's table, and the checker reads
   * what is typed there and points into the cell. */
  gw_page_set_modified (page, FALSE);
  gtk_editable_set_text (table_cell (editor, 0, 0), "项目");
  gtk_editable_set_text (table_cell (editor, 0, 1), "标准");
  gtk_editable_set_text (table_cell (editor, 1, 0), "采购");
  gtk_editable_set_text (table_cell (editor, 1, 1), LOWEST_PRICE);
  w.page = page;
  w.rule = "procurement.not-lowest-price";
  g_assert_true (wait_for (finding_present, &w, 30000));
  t2 = table_text (doc, 2);
  g_assert_cmpstr (t2, ==, "项目|标准|\n采购|" LOWEST_PRICE "|");
  g_assert_true (gw_page_get_modified (page));
  finding = find_finding (page, w.rule);
  g_assert_cmpint (gw_finding_get_block (finding), ==, 2);
  {
    GtkTextIter start, end;
    g_autofree char *marked = NULL;

    g_assert_true (gw_editor_get_block_range (editor, 2, gw_finding_get_offset (finding),
                                              gw_finding_get_length (finding), &start, &end));
    marked = gtk_text_buffer_get_text (gw_editor_get_buffer (editor), &start, &end, FALSE);
    g_assert_cmpstr (marked, !=, "");
    g_assert_nonnull (strstr (LOWEST_PRICE, marked));
  }

  /* Add Row puts an empty row under the one being edited. */
  gtk_widget_grab_focus (GTK_WIDGET (table_cell (editor, 0, 1)));
  gtk_widget_activate_action (table_panel (editor), "table.add-row", NULL);
  gw_editor_sync_now (editor);
  t3 = table_text (doc, 2);
  g_assert_cmpstr (t3, ==, "项目|标准|\n||\n采购|" LOWEST_PRICE "|");
  gtk_editable_set_text (table_cell (editor, 1, 0), "场地");
  gtk_widget_activate_action (table_panel (editor), "table.remove-column", NULL);
  gw_editor_sync_now (editor);
  g_clear_pointer (&t3, g_free);
  t3 = table_text (doc, 2);
  g_assert_cmpstr (t3, ==, "项目|\n场地|\n采购|");

  /* Undo takes each step back, redo does it again. */
  gw_editor_undo (editor);
  gw_editor_sync_now (editor);
  t4 = table_text (doc, 2);
  g_assert_cmpstr (t4, ==, "项目|标准|\n场地||\n采购|" LOWEST_PRICE "|");
  gw_editor_undo (editor);
  gw_editor_undo (editor);
  gw_editor_sync_now (editor);
  g_clear_pointer (&t4, g_free);
  t4 = table_text (doc, 2);
  g_assert_cmpstr (t4, ==, t2);
  gw_editor_redo (editor);
  gw_editor_sync_now (editor);
  g_clear_pointer (&t4, g_free);
  t4 = table_text (doc, 2);
  g_assert_cmpstr (t4, ==, "项目|标准|\n||\n采购|" LOWEST_PRICE "|");
  /* the grid shows what the body holds after an undo or redo */
  g_assert_cmpstr (gtk_editable_get_text (table_cell (editor, 1, 1)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (table_cell (editor, 2, 1)), ==, LOWEST_PRICE);
  gw_editor_undo (editor);
  gw_editor_sync_now (editor);
  g_clear_pointer (&t4, g_free);
  t4 = table_text (doc, 2);
  g_assert_cmpstr (t4, ==, t2);

  /* Delete Table removes the block; undo brings it back. (Not after a
   * redo: GTK 4.8's text history then undoes one step too many.) */
  gtk_widget_activate_action (table_panel (editor), "table.delete", NULL);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 2);
  gw_editor_undo (editor);
  gw_editor_sync_now (editor);
  g_assert_cmpuint (gw_document_get_n_blocks (doc), ==, 3);
  t5 = table_text (doc, 2);
  g_assert_cmpstr (t5, ==, t2);

  /* Cells pasted from a spreadsheet (CRLF, an empty cell at the end of a
   * row) make a table; a single line with a tab stays text. */
  place_cursor_at_end (editor);
  paste_into_body (page, "年度\t金额（万元）\t\r\n2024\t12\r\n2025\t15\r\n", 4);
  t6 = table_text (doc, 3);
  g_assert_cmpstr (t6, ==, "年度|金额（万元）\n2024|12\n2025|15");
  place_cursor_at_end (editor);
  paste_into_body (page, "联系人：张三\t电话：1234567", 5);
  g_assert_cmpint (gw_block_get_kind (gw_document_get_block (doc, 4)), ==, GW_BLOCK_PARAGRAPH);
  /* a table copied out of the body (as the text view puts it on the
   * clipboard) is a table again where it is pasted, even mid-line */
  {
    g_autofree char *copied = NULL;
    GtkTextBuffer *buffer = gw_editor_get_buffer (editor);
    GtkTextIter start, end;

    gw_editor_get_block_range (editor, 3, 0, G_MAXINT / 2, &start, &end);
    gtk_text_iter_set_line_offset (&start, 0);
    copied = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
    gw_editor_get_block_range (editor, 0, 2, 0, &start, &end);
    gtk_text_buffer_place_cursor (buffer, &start);
    paste_into_body (page, copied, 7);
    g_clear_pointer (&t6, g_free);
    t6 = table_text (doc, 1);
    g_assert_cmpstr (t6, ==, "年度|金额（万元）\n2024|12\n2025|15");
  }
  /* Excel and WPS quote a cell that holds a line break (Alt+Enter), a tab
   * or a quote: the quoted cell is one cell, and the table one table */
  place_cursor_at_end (editor);
  paste_into_body (page, "项目\t\"说明\r\n第二行\"\r\n甲\t\"乙\t\"\"丙\"\"\"\r\n", 8);
  g_clear_pointer (&t6, g_free);
  t6 = table_text (doc, 7);
  g_assert_cmpstr (t6, ==, "项目|说明 第二行\n甲|乙 \"丙\"");

  destroy_window (window);
}

/* ---- the letter format (信函) ---------------------------------------------- */

static gboolean
preview_shows (gpointer data)
{
  GwPreview *preview = data;
  g_autofree char *text = NULL;

  if (gw_preview_get_n_pages (preview) == 0)
    return FALSE;
  text = gw_preview_get_page_text (preview, 0);
  /* a letter's first page: the organ's name, and no page number */
  return text && strstr (text, "临川市民政局") && !strstr (text, "—");
}

static gboolean
switch_on (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

/* A user writing a 函 turns on "Letter format (信函)" in the header form:
 * the document takes the letter format and the preview shows page 1 as a
 * letter (no page number); the switch follows the document (an undo, a
 * file) both ways, and a letter's draft opens with it on. */
static void
test_letter_format (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *path = g_build_filename (tmp_home, "letter.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) opened_rows = NULL;
  GwPage *page, *opened;
  GwEditor *editor;
  GwDocument *doc;
  GwPreview *preview;
  GtkWidget *sw;

  gtk_window_present (GTK_WINDOW (window));
  page = new_opinion_page (window);
  editor = GW_EDITOR (gw_page_get_editor (page));
  doc = gw_page_get_document (page);
  gtk_editable_set_text (GTK_EDITABLE (gw_editor_get_meta_row (editor, GW_META_ORGAN_MARK)),
                         "临川市民政局");
  gw_page_set_modified (page, FALSE);

  rows = rows_titled (editor, ADW_TYPE_ACTION_ROW, "Letter format (信函)");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (rows->pdata[0])));
  sw = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (rows->pdata[0]));
  g_assert_true (GTK_IS_SWITCH (sw));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_DOCUMENT);

  /* clicking the row turns the letter format on; the switch animates the
   * change only on screen, and the form may be scrolled out of view */
  g_object_set (gtk_widget_get_settings (sw), "gtk-enable-animations", FALSE, NULL);
  adw_action_row_activate (ADW_ACTION_ROW (rows->pdata[0]));
  g_assert_true (wait_for (switch_on, sw, 5000));
  gtk_settings_reset_property (gtk_widget_get_settings (sw), "gtk-enable-animations");
  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);
  g_assert_true (gw_page_get_modified (page));

  preview = GW_PREVIEW (gw_page_get_preview (page));
  g_object_set (window, "show-preview", TRUE, NULL);
  g_assert_true (wait_for (preview_shows, preview, 20000));
  g_object_set (window, "show-preview", FALSE, NULL);

  /* the document changed elsewhere: the switch follows */
  gw_document_set_format (doc, GW_DOCUMENT_FORMAT_DOCUMENT);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_cmpint (gw_document_get_format (doc), ==, GW_DOCUMENT_FORMAT_LETTER);

  /* a letter's draft (函 number) opens in the letter format */
  g_assert_true (g_file_set_contents (path,
                                      "临川市民政局\n临民函〔2024〕5号\n"
                                      "临川市民政局关于商请核定社工站运营经费的函\n市财政局：\n"
                                      "　　现商请贵局予以核定。\n", -1, NULL));
  gw_window_open_file (window, file);
  opened = gw_window_get_current_page (window);
  g_assert_true (opened != page);
  g_assert_cmpint (gw_document_get_format (gw_page_get_document (opened)), ==,
                   GW_DOCUMENT_FORMAT_LETTER);
  opened_rows = rows_titled (GW_EDITOR (gw_page_get_editor (opened)), ADW_TYPE_ACTION_ROW,
                             "Letter format (信函)");
  g_assert_cmpuint (opened_rows->len, ==, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                   ADW_ACTION_ROW (opened_rows->pdata[0])))));

  destroy_window (window);
}

/* A Word draft opens as an import (no file until saved) and says once
 * what it recognised. The .docx is hand-written XML zipped by
 * tests/data/docx/make-packages.py. */
static void
test_open_docx (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *dir = g_build_filename (tmp_home, "docx", NULL);
  g_autofree char *path = g_build_filename (dir, "numbering.docx", NULL);
  g_autofree char *script = g_build_filename (GW_TEST_SOURCE_DIR, "tests", "data", "docx",
                                              "make-packages.py", NULL);
  const char *argv[] = { "python3", script, dir, "good", NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GwPage *page;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gw_window_open_file (window, file);
  page = gw_window_get_current_page (window);
  g_assert_nonnull (page);
  g_assert_null (gw_page_get_file (page));
  g_assert_true (gw_page_get_modified (page));
  g_assert_cmpstr (gw_document_get_meta (gw_page_get_document (page), GW_META_DOC_NUMBER), ==,
                   "某民发〔2024〕7号");
  g_assert_true (wait_for (dialog_shown, NULL, 5000));
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "(发文字号)"));
  respond ("close");
  destroy_window (window);
}

/* With $GW_SCREENSHOT_DIR set, the window's content as drawn goes into a
 * PNG there, for the README's screenshots; nothing otherwise. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("GW_SCREENSHOT_DIR");
  GtkWidget *content = gtk_widget_get_first_child (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  gint64 until;
  int w, h;

  if (dir == NULL)
    return;
  /* let the window lay out and draw first */
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  paintable = gtk_widget_paintable_new (content);
  w = gtk_widget_get_width (content);
  h = gtk_widget_get_height (content);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
policy_shown (gpointer data)
{
  GwPolicyPanel *panel = data;
  return gw_policy_panel_get_policy (panel) != NULL;
}

static GtkWindow *
find_template_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (GW_IS_TEMPLATE_DIALOG (w))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* An opinion's policy parameters beside its findings; a click selects the
 * sentence; a new evaluation form filled from them. */
static void
test_policy_panel (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "corpus", "opinion-compliant.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = gw_document_open (path, &error);
  GwPolicyPanel *panel;
  GwEditor *editor;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  GwTemplateDialog *dialog;
  GwPage *page, *form_page;
  GwEvaluation *ev;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = gw_window_add_document (window, doc, NULL);
  panel = gw_page_get_policy_panel (page);
  gw_page_check_now (page);
  g_assert_true (wait_for (policy_shown, panel, 30000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpuint (gw_policy_get_cycle_years (gw_policy_panel_get_policy (panel)), ==, 3);

  /* a click on the cycle selects the sentence it was read from */
  g_assert_true (gw_policy_panel_activate (panel, GW_POLICY_CYCLE_YEARS));
  editor = GW_EDITOR (gw_page_get_editor (page));
  gtk_text_buffer_get_selection_bounds (gw_editor_get_buffer (editor), &start, &end);
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "为确保社会工作服务延续性，原则上项目期限以三年为一个周期，周期内一年一签。");
  save_screenshot (GTK_WIDGET (window), "window-policy.png");

  /* New evaluation form from this opinion */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-form-from-opinion", NULL);
  dialog = GW_TEMPLATE_DIALOG (find_template_dialog ());
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gw_template_get_id (gw_template_dialog_get_template (dialog)), ==, "evaluation");
  gw_template_dialog_set_value (dialog, "project", "神木市高家堡镇社工站运营服务项目");
  gw_template_dialog_set_value (dialog, "purchaser", "神木市高家堡镇人民政府");
  gw_template_dialog_set_value (dialog, "operator", "神木市益民社会工作服务中心");
  gw_template_dialog_set_value (dialog, "cycle-year", "1");
  if (!gw_template_dialog_can_create (dialog))
    {
      static const char *names[] = { "project", "tier", "purchaser", "operator", "cycle-year", "type", "evaluator" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (gw_template_dialog_get_message (dialog, names[i]))
          g_printerr ("%s: %s\n", names[i], gw_template_dialog_get_message (dialog, names[i]));
    }
  g_assert_true (gw_template_dialog_create (dialog));
  form_page = gw_window_get_current_page (window);
  g_assert_true (form_page != page);
  ev = gw_document_get_evaluation (gw_page_get_document (form_page));
  g_assert_nonnull (ev);
  /* Shenmu: 良好或合格 renew, 不合格 re-procured, three years */
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "合格", 1), ==, "续签下一年度合同");
  g_assert_cmpstr (gw_evaluation_decision_for (ev, "优秀", 2), ==, "续签下一年度合同");
  g_assert_nonnull (strstr (gw_evaluation_decision_for (ev, "不合格", 1), "重新确定承接机构"));
  g_assert_true (g_str_has_prefix (gw_evaluation_decision_for (ev, "良好", 3), "周期届满"));
  /* it names the opinion (unsaved: by its number), so checks compare them */
  g_assert_cmpstr (gw_evaluation_get_field (ev, GW_EVAL_OPINION), ==, "神政办发〔2023〕12号");

  gw_page_set_modified (form_page, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A form whose header names its opinion by document number, while that
 * opinion is open: the findings panel shows the form.against-opinion.*
 * findings with the opinion's title, number and sentence as basis, and a
 * click goes to the row, as for any finding. A number nothing answers to
 * is a check.incomplete error on the header's row, never silence. */
static void
test_against_opinion (void)
{
  GwWindow *window = gw_window_new (app);
  g_autofree char *opinion_path = g_test_build_filename (G_TEST_DIST, "data", "policy",
                                                          "yuyang-two-year.txt", NULL);
  g_autofree char *form_path = g_build_filename (GW_TEST_SOURCE_DIR, "data", "rules", "examples",
                                                 "evaluation-good.gwdoc", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) opinion = gw_document_open (opinion_path, &error);
  g_autoptr(GwDocument) form = NULL;
  g_autoptr(GFile) opinion_file = g_file_new_for_path (opinion_path);
  GwEvaluationEditor *editor;
  GwPage *page;
  GwFinding *finding;
  GtkWidget *row;

  g_assert_no_error (error);
  form = gw_document_open (form_path, &error);
  g_assert_no_error (error);
  gw_evaluation_set_field (gw_document_get_evaluation (form), GW_EVAL_OPINION, "榆区政办发〔2024〕7号");

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gw_window_add_document (window, opinion, opinion_file);
  page = gw_window_add_document (window, form, NULL);
  {
    FindingWait w = { page, "form.against-opinion.thresholds" };

    gw_page_check_now (page);
    g_assert_true (wait_for (finding_present, &w, 30000));
  }
  g_assert_nonnull (find_finding (page, "form.against-opinion.cycle-year"));
  g_assert_nonnull (find_finding (page, "form.against-opinion.renewal"));
  g_assert_null (find_finding (page, "check.incomplete"));
  finding = find_finding (page, "form.against-opinion.thresholds");
  g_assert_nonnull (strstr (gw_finding_get_basis (finding), "榆区政办发〔2024〕7号"));
  g_assert_nonnull (strstr (gw_finding_get_basis (finding), "《榆林市榆阳区"));
  g_assert_nonnull (strstr (gw_finding_get_basis (finding), "75分至89分为良好"));

  /* shown in the panel, and a click goes to the grade row */
  g_assert_cmpuint (g_list_model_get_n_items (gw_findings_panel_get_shown (
                      GW_FINDINGS_PANEL (gw_page_get_findings_panel (page)))), >=, 3);
  editor = GW_EVALUATION_EDITOR (gw_page_get_editor (page));
  row = gw_evaluation_editor_get_field_row (editor, GW_EVAL_STATED_GRADE);
  g_signal_emit_by_name (gw_page_get_findings_panel (page), "activate-finding", finding);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), row) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == row);
  /* Xvfb draws a crossfade's first frame and no more */
  if (g_getenv ("GW_SCREENSHOT_DIR"))
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  save_screenshot (GTK_WIDGET (window), "window-against.png");

  /* the header's row shows what it names, and is editable */
  row = gw_evaluation_editor_get_field_row (editor, GW_EVAL_OPINION);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "榆区政办发〔2024〕7号");
  {
    FindingWait w = { page, "check.incomplete" };

    gtk_editable_set_text (GTK_EDITABLE (row), "神民发〔2099〕99号");
    g_assert_true (wait_for (finding_present, &w, 30000));
    finding = find_finding (page, "check.incomplete");
    g_assert_cmpint (gw_finding_get_severity (finding), ==, GW_SEVERITY_ERROR);
    g_assert_nonnull (strstr (gw_finding_get_message (finding), "神民发〔2099〕99号"));
    g_assert_cmpstr (gw_finding_get_target (finding), ==, "opinion");
    g_assert_null (find_finding (page, "form.against-opinion.thresholds"));
    g_assert_true (gtk_widget_has_css_class (row, "error"));
  }
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The window needs an X display (the suite runs under xvfb-run); say so
   * instead of crashing in gtk_init when there is none. */
  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_print ("1..0 # SKIP no X display: run the app suite under xvfb-run\n");
      return 0;
    }

  tmp_home = g_dir_make_tmp ("gongwen-test-app-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmp_home, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = gw_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  app_refs = G_OBJECT (app)->ref_count;
  if (gw_application_get_settings (app))
    g_settings_set_uint (gw_application_get_settings (app), "autosave-interval", 1);

  g_test_add_data_func ("/app/template/opinion", "opinion", test_template);
  g_test_add_data_func ("/app/template/evaluation", "evaluation", test_template);
  g_test_add_func ("/app/editor/findings", test_editor_findings);
  g_test_add_func ("/app/editor/apply-suggestion", test_apply_suggestion);
  g_test_add_func ("/app/editor/find-replace", test_find_replace);
  g_test_add_func ("/app/evaluation/scores", test_evaluation);
  g_test_add_func ("/app/export/pdf", test_export);
  g_test_add_func ("/app/export/docx", test_export_docx);
  g_test_add_func ("/app/preview/pages", test_preview);
  g_test_add_func ("/app/recovery/autosave-restore", test_autosave);
  g_test_add_func ("/app/open/text-import", test_open_text);
  g_test_add_func ("/app/open/docx-import", test_open_docx);
  g_test_add_func ("/app/close/modified-asks", test_close_modified);
  g_test_add_func ("/app/preferences/packs-and-fonts", test_preferences);
  g_test_add_func ("/app/print/export-through-print", test_print);
  g_test_add_func ("/app/export/missing-glyph-explained", test_export_error);
  g_test_add_func ("/app/editor/joint-organs", test_joint_organs);
  g_test_add_func ("/app/editor/tables", test_tables);
  g_test_add_func ("/app/editor/letter-format", test_letter_format);
  g_test_add_func ("/app/policy/panel-and-new-form", test_policy_panel);
  g_test_add_func ("/app/policy/form-against-opinion", test_against_opinion);
  status = g_test_run ();

  /* Registering keeps one reference inside GApplication; anything more is
   * a page or window that leaked. */
  g_assert_cmpuint (G_OBJECT (app)->ref_count, ==, app_refs);
  g_object_unref (app);
  remove_tree (tmp_home);
  g_free (tmp_home);
  return status;
}
