/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-app-register.h"
#include "gw-checker.h"
#include "gw-document-xml.h"
#include "gw-editor.h"
#include "gw-evaluation-editor.h"
#include "gw-findings-panel.h"
#include "gw-policy-panel.h"
#include "gw-page.h"
#include "gw-preview.h"
#include "gw-opinion-finder.h"
#include "gw-recovery.h"
#include "gw-register-registry.h"

#define CHECK_DELAY_MS 300
#define PREVIEW_DELAY_MS 700

struct _GwPage
{
  GtkWidget        parent_instance;

  GtkPaned        *paned;
  GtkStack        *view_stack;
  AdwBin          *editor_bin;
  GwPreview       *preview;
  GwFindingsPanel *findings_panel;
  GwPolicyPanel   *policy_panel;
  GtkWidget       *side_box;
  GtkWidget       *editor;

  GwServices      *services;
  GwDocument      *document;
  GFile           *file;
  char            *name;
  char            *title;
  char            *recovery_id;
  GListModel      *findings;
  GCancellable    *check_cancellable;
  guint            check_source;
  guint            autosave_source;
  guint            preview_source;
  gboolean         modified;
  gboolean         has_recovery_copy;
  gboolean         preview_stale;
  gboolean         preview_has_renderer;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  FINDINGS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GwPage, gw_page, GTK_TYPE_WIDGET)

/* Every page alive, oldest first: the opinions open in any window. */
static GList *all_pages;

static void
update_title (GwPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->file)
    {
      char *dot;

      name = g_file_get_basename (self->file);
      dot = g_str_has_suffix (name, ".gwdoc") ? strrchr (name, '.') : NULL;
      if (dot)
        *dot = '\0';
    }
  else
    {
      const char *doc_title = gw_document_get_meta (self->document, GW_META_TITLE);
      GwEvaluation *evaluation = gw_document_get_evaluation (self->document);

      if ((doc_title == NULL || *doc_title == '\0') && evaluation)
        doc_title = gw_evaluation_get_field (evaluation, GW_EVAL_PROJECT);
      if (doc_title && *doc_title)
        {
          /* Titles may be broken over two lines; a tab name is one. */
          name = g_strdup (doc_title);
          g_strdelimit (name, "\n", ' ');
          if (g_utf8_strlen (name, -1) > 30)
            {
              char *end = g_utf8_offset_to_pointer (name, 30);
              *end = '\0';
              name = g_strconcat (g_steal_pointer (&name), "…", NULL);
            }
        }
      else
        name = g_strdup (_("Untitled document"));
    }

  title = self->modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  if (g_strcmp0 (title, self->title) != 0 || g_strcmp0 (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_steal_pointer (&name);
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* ---- checking ----------------------------------------------------------- */

typedef struct {
  GwPage *self;
  guint   generation;
} CheckData;

static guint
editor_generation (GwPage *self)
{
  if (GW_IS_EDITOR (self->editor))
    return gw_editor_get_generation (GW_EDITOR (self->editor));
  return 0;
}

static void
on_check_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CheckData *data = user_data;
  GwPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = NULL;

  if (GW_IS_OPINION_FINDER (object))
    findings = gw_opinion_finder_check_finish (GW_OPINION_FINDER (object), result, &error);
  else
    findings = gw_checker_check_finish (GW_CHECKER (object), result, &error);
  if (findings == NULL || self->document == NULL /* closed meanwhile */)
    {
      if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Check failed: %s", error->message);
      g_object_unref (self);
      g_free (data);
      return;
    }

  g_clear_object (&self->check_cancellable);
  g_set_object (&self->findings, findings);
  gw_findings_panel_set_findings (self->findings_panel, findings);
  /* What an opinion states, beside what it gets wrong (issue 10). */
  gw_policy_panel_set_policy (self->policy_panel,
                              gw_document_get_kind (self->document) == GW_DOCUMENT_KIND_OPINION
                              ? gw_policy_extract (self->document) : NULL);
  gw_findings_panel_set_checking (self->findings_panel, self->check_source != 0);
  /* Underlines only fit the text the check saw; if the person typed since,
   * the next check (already scheduled) places them. */
  if (GW_IS_EDITOR (self->editor) && data->generation == editor_generation (self))
    gw_editor_set_findings (GW_EDITOR (self->editor), findings);
  else if (GW_IS_EVALUATION_EDITOR (self->editor))
    gw_evaluation_editor_set_findings (GW_EVALUATION_EDITOR (self->editor), findings);
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
  g_object_unref (self);
  g_free (data);
}

/* Where the opinion a form's header names is looked for: the opinions
 * open in any window, the office's register, the recently used files. */
static GwOpinionFinder *
make_finder (GwPage     *self,
             const char *reference)
{
  GwOpinionFinder *finder = gw_opinion_finder_new ();
  g_autofree char *register_path = gw_app_register_path ();

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  /* Window by window, as the application lists them; the page knows the
   * pages, not the windows' insides. */
  for (GList *w = app ? gtk_application_get_windows (app) : NULL; w; w = w->next)
    for (GList *l = all_pages; l; l = l->next)
      {
        GwPage *page = l->data;
        g_autofree char *path = NULL;

        if (page == self || (GtkRoot *) w->data != gtk_widget_get_root (GTK_WIDGET (page)) ||
            page->document == NULL ||
            gw_document_get_kind (page->document) != GW_DOCUMENT_KIND_OPINION)
          continue;
        if (GW_IS_EDITOR (page->editor))
          gw_editor_sync_now (GW_EDITOR (page->editor));
        path = page->file ? g_file_get_path (page->file) : NULL;
        gw_opinion_finder_add_open (finder, page->document, path);
      }
  /* a path needs no register: spare the connection on every check */
  if (!gw_opinion_reference_is_path (reference) &&
      g_file_test (register_path, G_FILE_TEST_IS_REGULAR))
    {
      /* its own connection: the finder asks from the worker thread */
      GwRegister *reg = gw_register_open (register_path, GW_REGISTER_OPEN_NO_CREATE, NULL);

      if (reg)
        {
          g_autoptr(GwRegisterRegistry) registry = gw_register_registry_new (reg);
          gw_opinion_finder_set_registry (finder, GW_NUMBER_REGISTRY (registry));
        }
    }
  return finder;
}

void
gw_page_check_now (GwPage *self)
{
  GwChecker *checker;
  g_autoptr(GwDocument) copy = NULL;
  CheckData *data;

  g_return_if_fail (GW_IS_PAGE (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  checker = gw_services_get_checker (self->services);
  if (checker == NULL)
    return;

  if (self->check_cancellable)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();

  if (GW_IS_EDITOR (self->editor))
    gw_editor_sync_now (GW_EDITOR (self->editor));
  /* The check runs in a thread: give it a snapshot so typing never races it. */
  copy = gw_document_copy (self->document);
  data = g_new0 (CheckData, 1);
  data->self = g_object_ref (self);
  data->generation = editor_generation (self);
  gw_findings_panel_set_checking (self->findings_panel, TRUE);
  /* A form whose header names its opinion is checked against it too. */
  if (gw_document_get_evaluation (copy) != NULL)
    {
      g_autofree char *reference = gw_opinion_reference_get (copy);

      if (reference)
        {
          g_autoptr(GwOpinionFinder) finder = make_finder (self, reference);
          g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;

          gw_opinion_finder_check_async (finder, checker, copy, path, self->check_cancellable,
                                         on_check_done_cb, data);
          return;
        }
    }
  gw_checker_check_async (checker, copy, self->check_cancellable, on_check_done_cb, data);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  GwPage *self = user_data;

  self->check_source = 0;
  gw_page_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (GwPage *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

gboolean
gw_page_get_checking (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), FALSE);
  return self->check_source != 0 || self->check_cancellable != NULL;
}

/* ---- autosave and preview ----------------------------------------------- */

gboolean
gw_page_autosave_now (GwPage  *self,
                      GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GW_IS_PAGE (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (GW_IS_EDITOR (self->editor))
    gw_editor_sync_now (GW_EDITOR (self->editor));
  if (self->recovery_id == NULL)
    self->recovery_id = gw_recovery_new_id ();
  path = self->file ? g_file_get_path (self->file) : NULL;
  if (!gw_recovery_save (self->recovery_id, self->document, path, self->name, error))
    return FALSE;
  self->has_recovery_copy = TRUE;
  return TRUE;
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  GwPage *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (self->modified && !gw_page_autosave_now (self, &error))
    g_warning ("Autosave failed: %s", error->message);
  return G_SOURCE_REMOVE;
}

static guint
autosave_interval (GwPage *self)
{
  GSettings *settings = gw_services_get_settings (self->services);
  guint seconds = settings ? g_settings_get_uint (settings, "autosave-interval") : 3;

  return MAX (seconds, 1);
}

static void
schedule_autosave (GwPage *self)
{
  /* Not reset by further typing: someone typing for an hour still gets a
   * copy every few seconds. */
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add_seconds (autosave_interval (self),
                                                   autosave_timeout_cb, self);
}

void
gw_page_discard_recovery (GwPage *self)
{
  g_return_if_fail (GW_IS_PAGE (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_id)
    gw_recovery_remove (self->recovery_id);
  self->has_recovery_copy = FALSE;
}

const char *
gw_page_get_recovery_id (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return self->recovery_id;
}

void
gw_page_set_recovery_id (GwPage     *self,
                         const char *id)
{
  g_return_if_fail (GW_IS_PAGE (self));
  g_free (self->recovery_id);
  self->recovery_id = g_strdup (id);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  GwPage *self = user_data;

  self->preview_source = 0;
  self->preview_stale = FALSE;
  if (!self->preview_has_renderer)
    {
      self->preview_has_renderer = TRUE;
      gw_preview_set_document (self->preview, gw_services_get_renderer (self->services),
                               self->document);
    }
  if (GW_IS_EDITOR (self->editor))
    gw_editor_sync_now (GW_EDITOR (self->editor));
  gw_preview_refresh (self->preview);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (GwPage *self)
{
  self->preview_stale = TRUE;
  if (!gw_page_get_show_preview (self))
    return;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

/* ---- document ------------------------------------------------------------ */

static void
on_document_changed_cb (GwPage *self)
{
  if (!self->modified)
    gw_page_set_modified (self, TRUE);
  else if (self->file == NULL)
    update_title (self);
  schedule_check (self);
  schedule_autosave (self);
  schedule_preview (self);
}

/* The mark shows at the first keystroke, before the text reaches the model. */
static void
on_buffer_changed_cb (GwPage *self)
{
  if (!self->modified)
    gw_page_set_modified (self, TRUE);
}

static void
on_checker_changed_cb (GwPage *self)
{
  gw_page_check_now (self);
  schedule_preview (self);
}

static void
on_activate_finding_cb (GwPage    *self,
                        GwFinding *finding)
{
  gw_page_set_show_preview (self, FALSE);
  if (GW_IS_EDITOR (self->editor))
    gw_editor_select_finding (GW_EDITOR (self->editor), finding);
  else if (GW_IS_EVALUATION_EDITOR (self->editor))
    gw_evaluation_editor_select_finding (GW_EVALUATION_EDITOR (self->editor), finding);
}

/* A policy parameter's sentence, selected as a finding's place would be. */
static void
on_activate_sentence_cb (GwPage *self,
                         int     block,
                         guint   offset,
                         guint   length)
{
  g_autoptr(GwFinding) place = gw_finding_new ("policy", GW_SEVERITY_INFO, "");

  gw_finding_set_place (place, block, -1, NULL, offset, length);
  on_activate_finding_cb (self, place);
}

static void
on_apply_finding_cb (GwPage    *self,
                     GwFinding *finding)
{
  gboolean applied = FALSE;

  if (GW_IS_EDITOR (self->editor))
    applied = gw_editor_apply_finding (GW_EDITOR (self->editor), finding);
  if (applied)
    gw_page_check_now (self);
}

/* ---- public -------------------------------------------------------------- */

GwDocument *
gw_page_get_document (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);

  if (GW_IS_EDITOR (self->editor))
    gw_editor_sync_now (GW_EDITOR (self->editor));
  return self->document;
}

GFile *
gw_page_get_file (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return self->file;
}

const char *
gw_page_get_name (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return self->name;
}

const char *
gw_page_get_title (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return self->title;
}

gboolean
gw_page_get_modified (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), FALSE);
  return self->modified;
}

void
gw_page_set_modified (GwPage   *self,
                      gboolean  modified)
{
  g_return_if_fail (GW_IS_PAGE (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  if (modified)
    schedule_autosave (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
gw_page_save (GwPage  *self,
              GFile   *file,
              GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (GW_IS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save to %s: only folders on this computer are supported"),
                   g_file_get_uri (file));
      return FALSE;
    }
  if (!gw_document_save_gwdoc (gw_page_get_document (self), path, error))
    return FALSE;

  g_set_object (&self->file, file);
  if (GW_IS_EDITOR (self->editor))
    gw_editor_set_file (GW_EDITOR (self->editor), file);
  gw_document_set_source_path (self->document, path);
  gw_page_discard_recovery (self);
  self->modified = TRUE;  /* forces the title refresh below */
  gw_page_set_modified (self, FALSE);
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return TRUE;
}

GListModel *
gw_page_get_findings (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return self->findings;
}

guint
gw_page_count_findings (GwPage *self,
                        int     severity)
{
  guint n, count = 0;

  g_return_val_if_fail (GW_IS_PAGE (self), 0);

  n = self->findings ? g_list_model_get_n_items (self->findings) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwFinding) finding = g_list_model_get_item (self->findings, i);
      if ((int) gw_finding_get_severity (finding) == severity)
        count++;
    }
  return count;
}

GtkWidget *
gw_page_get_editor (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return self->editor;
}

GtkWidget *
gw_page_get_findings_panel (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return GTK_WIDGET (self->findings_panel);
}

GtkWidget *
gw_page_get_preview (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return GTK_WIDGET (self->preview);
}

void
gw_page_set_show_findings (GwPage   *self,
                           gboolean  show)
{
  g_return_if_fail (GW_IS_PAGE (self));
  gtk_widget_set_visible (GTK_WIDGET (self->findings_panel), show);
  gtk_widget_set_visible (self->side_box, show);
}

GwPolicyPanel *
gw_page_get_policy_panel (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), NULL);
  return self->policy_panel;
}

gboolean
gw_page_get_show_preview (GwPage *self)
{
  g_return_val_if_fail (GW_IS_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "preview") == 0;
}

void
gw_page_set_show_preview (GwPage   *self,
                          gboolean  show)
{
  g_return_if_fail (GW_IS_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, show ? "preview" : "edit");
  if (show && self->preview_stale)
    {
      g_clear_handle_id (&self->preview_source, g_source_remove);
      preview_timeout_cb (self);
    }
  if (!show)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      /* Keep the window's toggle in step when a finding switches back. */
      if (root && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "show-preview"))
        {
          gboolean shown;
          g_object_get (root, "show-preview", &shown, NULL);
          if (shown)
            g_object_set (root, "show-preview", FALSE, NULL);
        }
    }
}

static GtkWidget *
focused_widget (GwPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ? focus : NULL;
}

void
gw_page_undo (GwPage *self)
{
  GtkWidget *focus;

  g_return_if_fail (GW_IS_PAGE (self));

  /* Entries and the text view each keep their own history. */
  focus = focused_widget (self);
  if (focus && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    gtk_widget_activate_action (focus, "text.undo", NULL);
  else if (GW_IS_EDITOR (self->editor))
    gw_editor_undo (GW_EDITOR (self->editor));
}

void
gw_page_redo (GwPage *self)
{
  GtkWidget *focus;

  g_return_if_fail (GW_IS_PAGE (self));

  focus = focused_widget (self);
  if (focus && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    gtk_widget_activate_action (focus, "text.redo", NULL);
  else if (GW_IS_EDITOR (self->editor))
    gw_editor_redo (GW_EDITOR (self->editor));
}

void
gw_page_show_find (GwPage   *self,
                   gboolean  replace)
{
  g_return_if_fail (GW_IS_PAGE (self));

  gw_page_set_show_preview (self, FALSE);
  if (GW_IS_EDITOR (self->editor))
    gw_editor_show_find (GW_EDITOR (self->editor), replace);
}

/* ---- GObject ------------------------------------------------------------- */

static gboolean
gw_page_grab_focus (GtkWidget *widget)
{
  GwPage *self = GW_PAGE (widget);

  if (self->editor && gtk_widget_grab_focus (self->editor))
    return TRUE;
  return GTK_WIDGET_CLASS (gw_page_parent_class)->grab_focus (widget);
}

static void
gw_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  GwPage *self = GW_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_page_dispose (GObject *object)
{
  GwPage *self = GW_PAGE (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->check_cancellable)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->services)
    g_signal_handlers_disconnect_by_data (self->services, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_PAGE);
  /* GTK 4.8 leaves unnamed template children in place. */
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  self->editor = NULL;
  g_clear_object (&self->findings);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->services);
  G_OBJECT_CLASS (gw_page_parent_class)->dispose (object);
}

static void
gw_page_finalize (GObject *object)
{
  GwPage *self = GW_PAGE (object);

  all_pages = g_list_remove (all_pages, self);
  g_free (self->name);
  g_free (self->title);
  g_free (self->recovery_id);
  G_OBJECT_CLASS (gw_page_parent_class)->finalize (object);
}

static void
gw_page_class_init (GwPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_page_dispose;
  object_class->finalize = gw_page_finalize;
  object_class->get_property = gw_page_get_property;
  widget_class->grab_focus = gw_page_grab_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GwPage::findings-changed:
   *
   * A check completed; gw_page_get_findings() has its result.
   */
  signals[FINDINGS_CHANGED] =
    g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GW_TYPE_PREVIEW);
  g_type_ensure (GW_TYPE_FINDINGS_PANEL);
  g_type_ensure (GW_TYPE_POLICY_PANEL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GwPage, paned);
  gtk_widget_class_bind_template_child (widget_class, GwPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GwPage, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, GwPage, preview);
  gtk_widget_class_bind_template_child (widget_class, GwPage, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, GwPage, policy_panel);
  gtk_widget_class_bind_template_child (widget_class, GwPage, side_box);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_sentence_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_finding_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_finding_cb);
}

static void
gw_page_init (GwPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  all_pages = g_list_append (all_pages, self);
}

GwPage *
gw_page_new (GwServices *services,
             GwDocument *doc,
             GFile      *file)
{
  GwPage *self;

  g_return_val_if_fail (GW_IS_SERVICES (services), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (GW_TYPE_PAGE, NULL);
  self->services = g_object_ref (services);
  self->document = g_object_ref (doc);
  self->file = file ? g_object_ref (file) : NULL;

  if (gw_document_get_kind (doc) == GW_DOCUMENT_KIND_EVALUATION &&
      gw_document_get_evaluation (doc) != NULL)
    {
      self->editor = GTK_WIDGET (gw_evaluation_editor_new ());
      gw_evaluation_editor_set_document (GW_EVALUATION_EDITOR (self->editor), doc);
    }
  else
    {
      self->editor = GTK_WIDGET (gw_editor_new ());
      gw_editor_set_document (GW_EDITOR (self->editor), doc);
      gw_editor_set_file (GW_EDITOR (self->editor), file);
      g_signal_connect_object (gw_editor_get_buffer (GW_EDITOR (self->editor)), "changed",
                               G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
    }
  adw_bin_set_child (self->editor_bin, self->editor);
  /* The renderer (fonts) is set up when the preview is first shown, and
   * the first check runs a moment after the window is on screen: neither
   * holds up opening. */
  gw_preview_set_document (self->preview, NULL, doc);

  update_title (self);
  g_signal_connect_object (doc, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (services, "checker-changed", G_CALLBACK (on_checker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->preview_stale = TRUE;
  schedule_check (self);
  return self;
}
