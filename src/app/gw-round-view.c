/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-round-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gw-error.h"
#include "gw-round-check.h"
#include "gw-round-view.h"
#include "gw-summary.h"

/* ---- GwRoundItem -------------------------------------------------------- */

struct _GwRoundItem
{
  GObject     parent_instance;
  GwRoundRow *row;
};

G_DEFINE_FINAL_TYPE (GwRoundItem, gw_round_item, G_TYPE_OBJECT)

static void
gw_round_item_finalize (GObject *object)
{
  g_clear_pointer (&GW_ROUND_ITEM (object)->row, gw_round_row_free);
  G_OBJECT_CLASS (gw_round_item_parent_class)->finalize (object);
}

static void
gw_round_item_class_init (GwRoundItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_round_item_finalize;
}

static void
gw_round_item_init (GwRoundItem *self)
{
}

GwRoundItem *
gw_round_item_new (GwRoundRow *row)
{
  GwRoundItem *self = g_object_new (GW_TYPE_ROUND_ITEM, NULL);

  self->row = row;
  return self;
}

const GwRoundRow *
gw_round_item_get_row (GwRoundItem *self)
{
  g_return_val_if_fail (GW_IS_ROUND_ITEM (self), NULL);
  return self->row;
}

/* ---- GwRoundView -------------------------------------------------------- */

struct _GwRoundView
{
  GtkBox           parent_instance;

  GtkLabel        *summary_label;
  GtkColumnView   *column_view;
  GListStore      *store;
  GtkSortListModel *sorted;
  GFile           *folder;
  GFileMonitor    *monitor;
  GwChecker       *checker;
  GCancellable    *cancellable;
  GHashTable      *pending;        /* path → source id of a debounced re-read */
  gboolean         loading;
  guint            n_section_columns;
};

G_DEFINE_FINAL_TYPE (GwRoundView, gw_round_view, GTK_TYPE_BOX)

enum {
  SIGNAL_OPEN_FORM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  COL_STATION,
  COL_OPERATOR,
  COL_TOTAL,
  COL_GRADE,
  COL_DECISION,
  COL_FINDINGS,
  COL_STATUS,
  COL_SECTION,   /* + section index */
} Column;

static const GwRoundRow *
row_of (gpointer item)
{
  return gw_round_item_get_row (GW_ROUND_ITEM (item));
}

static double
section_value (const GwRoundRow *r,
               guint             k)
{
  return k < r->n_sections ? r->subtotals[k] : NAN;
}

static char *
cell_text (const GwRoundRow *r,
           int               col)
{
  gboolean finished = GW_ROUND_ROW_FINISHED (r);

  switch (col)
    {
    case COL_STATION:  return g_strdup (r->station);
    case COL_OPERATOR: return g_strdup (r->operator_);
    case COL_TOTAL:    return r->status == GW_FORM_STATUS_UNREADABLE ? g_strdup ("")
                                                                     : gw_round_format_score (r->total);
    case COL_GRADE:    return g_strdup (finished ? r->grade : "");
    case COL_DECISION: return g_strdup (finished ? r->decision : "");
    case COL_FINDINGS: return r->status == GW_FORM_STATUS_UNREADABLE ? g_strdup ("")
                                                                     : g_strdup_printf ("%u", r->n_findings);
    case COL_STATUS:   return g_strdup (gw_form_status_to_label (r->status));
    default:
      if (r->status == GW_FORM_STATUS_UNREADABLE)
        return g_strdup ("");
      return gw_round_format_score (section_value (r, col - COL_SECTION));
    }
}

static int
compare_doubles (double a,
                 double b)
{
  /* blanks (unreadable forms) last */
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  const GwRoundRow *ra = row_of ((gpointer) a), *rb = row_of ((gpointer) b);
  int col = GPOINTER_TO_INT (data);

  switch (col)
    {
    case COL_TOTAL:
      return compare_doubles (ra->status == GW_FORM_STATUS_UNREADABLE ? NAN : ra->total,
                              rb->status == GW_FORM_STATUS_UNREADABLE ? NAN : rb->total);
    case COL_FINDINGS:
      return (ra->n_findings > rb->n_findings) - (ra->n_findings < rb->n_findings);
    case COL_STATUS:
      return (int) ra->status - (int) rb->status;
    case COL_STATION:
    case COL_OPERATOR:
    case COL_GRADE:
    case COL_DECISION:
      {
        g_autofree char *ta = cell_text (ra, col);
        g_autofree char *tb = cell_text (rb, col);
        return g_utf8_collate (ta, tb);
      }
    default:
      return compare_doubles (section_value (ra, col - COL_SECTION),
                              section_value (rb, col - COL_SECTION));
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int col = GPOINTER_TO_INT (data);

  gtk_label_set_xalign (GTK_LABEL (label), col == COL_TOTAL || col == COL_FINDINGS ||
                                           col >= COL_SECTION ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (col == COL_TOTAL || col == COL_FINDINGS || col >= COL_SECTION)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const GwRoundRow *r = row_of (gtk_list_item_get_item (item));
  g_autofree char *text = cell_text (r, GPOINTER_TO_INT (data));

  gtk_label_set_text (GTK_LABEL (label), text);
  /* the whole name or decision where the column cuts it short */
  if (r->status == GW_FORM_STATUS_UNREADABLE)
    gtk_widget_set_tooltip_text (label, r->error);
  else
    gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (data) <= COL_OPERATOR ||
                                        GPOINTER_TO_INT (data) == COL_DECISION ? text : NULL);
  if (GPOINTER_TO_INT (data) == COL_STATUS)
    {
      if (r->status == GW_FORM_STATUS_HAS_ERRORS || r->status == GW_FORM_STATUS_UNREADABLE)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
}

static GtkColumnViewColumn *
add_column (GwRoundView *self,
            const char  *title,
            int          col,
            int          position)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (col));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (col));
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (col), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  /* names and decisions are what a person reads; the figures are short */
  if (col == COL_STATION || col == COL_OPERATOR || col == COL_DECISION)
    {
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, col == COL_STATION ? 140 : 160);
    }
  else if (col >= COL_SECTION)
    gtk_column_view_column_set_fixed_width (column, 72);
  if (position < 0)
    gtk_column_view_append_column (self->column_view, column);
  else
    gtk_column_view_insert_column (self->column_view, position, column);
  g_object_unref (column);
  return column;
}

static void
update_summary_label (GwRoundView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint counts[GW_FORM_STATUS_UNREADABLE + 1] = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwRoundItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      counts[item->row->status]++;
    }
  if (self->loading)
    text = g_strdup (_("Reading the forms…"));
  else
    /* Translators: counts of the round's forms by status */
    text = g_strdup_printf (_("%u forms: %u complete, %u scoring, %u not started, %u with errors, "
                              "%u unreadable"),
                            n, counts[GW_FORM_STATUS_COMPLETE], counts[GW_FORM_STATUS_SCORING],
                            counts[GW_FORM_STATUS_NOT_STARTED], counts[GW_FORM_STATUS_HAS_ERRORS],
                            counts[GW_FORM_STATUS_UNREADABLE]);
  gtk_label_set_text (self->summary_label, text);
}

/* The section columns follow the first readable form's sections. */
static void
ensure_section_columns (GwRoundView      *self,
                        const GwRoundRow *r)
{
  if (self->n_section_columns > 0 || r->n_sections == 0)
    return;
  for (guint k = 0; k < r->n_sections; k++)
    {
      g_autofree char *title = g_strdup_printf ("%s %s", r->section_ids[k], r->section_names[k]);
      add_column (self, title, COL_SECTION + (int) k, 2 + (int) k);
    }
  self->n_section_columns = r->n_sections;
}

static int
find_path (GwRoundView *self,
           const char  *path)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwRoundItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (g_strcmp0 (item->row->path, path) == 0)
        return (int) i;
    }
  return -1;
}

static void
put_row (GwRoundView *self,
         GwRoundRow  *row)
{
  g_autoptr(GwRoundItem) item = NULL;
  int at = find_path (self, row->path);

  if (row->status != GW_FORM_STATUS_UNREADABLE)
    ensure_section_columns (self, row);
  item = gw_round_item_new (row);
  if (at >= 0)
    g_list_store_splice (self->store, at, 1, (gpointer *) &item, 1);
  else
    g_list_store_append (self->store, item);
}

/* ---- the first read ----------------------------------------------------- */

typedef struct {
  char      *dir;
  GwChecker *checker;
  GPtrArray *rows;
} LoadData;

static void
load_data_free (LoadData *d)
{
  g_free (d->dir);
  g_clear_object (&d->checker);
  g_clear_pointer (&d->rows, g_ptr_array_unref);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;
  g_auto(GStrv) forms = gw_round_list_forms (d->dir, &error);
  g_autoptr(GwRoundSummary) s = gw_round_summary_new ();

  if (forms == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (d->checker == NULL)
    d->checker = gw_checker_new_default (NULL);
  gw_round_check_forms (d->checker, (const char * const *) forms, g_strv_length (forms), 0, s);
  /* the rows move out of the summary into the view */
  g_ptr_array_set_free_func (s->rows, NULL);
  d->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_round_row_free);
  for (guint i = 0; i < s->rows->len; i++)
    g_ptr_array_add (d->rows, g_ptr_array_index (s->rows, i));
  g_ptr_array_set_size (s->rows, 0);
  g_task_return_boolean (task, TRUE);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GwRoundView *self = GW_ROUND_VIEW (source);
  LoadData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loading = FALSE;
          gtk_label_set_text (self->summary_label, error->message);
        }
      return;
    }
  self->loading = FALSE;
  if (self->checker == NULL)
    self->checker = g_steal_pointer (&d->checker);
  g_list_store_remove_all (self->store);
  while (d->rows->len > 0)
    put_row (self, g_ptr_array_steal_index (d->rows, 0));
  update_summary_label (self);
}

/* ---- following the folder ----------------------------------------------- */

static gboolean
is_form_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return base[0] != '.' && !g_str_has_prefix (base, "~$") &&
         (g_str_has_suffix (base, ".gwdoc") || g_str_has_suffix (base, ".docx"));
}

typedef struct {
  GwRoundView *self;
  char        *path;
} Reread;

static void
reread_free (gpointer data)
{
  Reread *r = data;

  g_free (r->path);
  g_free (r);
}

static gboolean
reread_cb (gpointer data)
{
  Reread *r = data;
  GwRoundView *self = r->self;

  g_hash_table_remove (self->pending, r->path);
  if (g_file_test (r->path, G_FILE_TEST_EXISTS))
    /* one form: a few milliseconds, fine on the main thread */
    put_row (self, gw_round_check_form (self->checker, r->path));
  else
    {
      int at = find_path (self, r->path);
      if (at >= 0)
        g_list_store_remove (self->store, at);
    }
  update_summary_label (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reread (GwRoundView *self,
                 GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);
  Reread *r;
  guint id;

  if (path == NULL || !is_form_path (path))
    return;
  /* a copy arrives in pieces: read it once it has settled */
  id = GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, path));
  if (id)
    g_source_remove (id);
  r = g_new0 (Reread, 1);
  r->self = self;
  r->path = g_strdup (path);
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, 250, reread_cb, r, reread_free);
  g_hash_table_insert (self->pending, g_steal_pointer (&path), GUINT_TO_POINTER (id));
}

static void
monitor_cb (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event,
            gpointer           user_data)
{
  GwRoundView *self = user_data;

  if (self->loading || self->checker == NULL)
    return;   /* the first read sees the folder as it will be */
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      schedule_reread (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      schedule_reread (self, file);
      if (other)
        schedule_reread (self, other);
      break;
    default:
      break;
    }
}

static void
pending_remove (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

void
gw_round_view_set_folder (GwRoundView *self,
                          GFile       *folder)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (GW_IS_ROUND_VIEW (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->pending);
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_set_object (&self->folder, folder);
  g_list_store_remove_all (self->store);
  self->loading = TRUE;
  update_summary_label (self);

  /* watch first, so nothing copied in during the read is missed */
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_cb), self);

  self->cancellable = g_cancellable_new ();
  d = g_new0 (LoadData, 1);
  d->dir = g_file_get_path (folder);
  d->checker = self->checker ? g_object_ref (self->checker) : NULL;
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_task_data (task, d, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

GFile *
gw_round_view_get_folder (GwRoundView *self)
{
  g_return_val_if_fail (GW_IS_ROUND_VIEW (self), NULL);
  return self->folder;
}

gboolean
gw_round_view_is_loading (GwRoundView *self)
{
  g_return_val_if_fail (GW_IS_ROUND_VIEW (self), FALSE);
  return self->loading;
}

GListModel *
gw_round_view_get_model (GwRoundView *self)
{
  g_return_val_if_fail (GW_IS_ROUND_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
gw_round_view_get_column_view (GwRoundView *self)
{
  g_return_val_if_fail (GW_IS_ROUND_VIEW (self), NULL);
  return self->column_view;
}

/* ---- the summary -------------------------------------------------------- */

typedef struct {
  char      *dir;
  char      *out;
  GwChecker *checker;
} ExportData;

static void
export_data_free (ExportData *d)
{
  g_free (d->dir);
  g_free (d->out);
  g_clear_object (&d->checker);
  g_free (d);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  GError *error = NULL;
  g_auto(GStrv) forms = gw_round_list_forms (d->dir, &error);
  g_autoptr(GwRoundSummary) s = gw_round_summary_new ();
  g_autoptr(GwRenderer) renderer = NULL;

  if (forms == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* the forms as they are on disk now, read as the command line reads them */
  s->year = gw_round_read_year (d->dir);
  gw_round_check_forms (d->checker, (const char * const *) forms, g_strv_length (forms), 0, s);
  gw_round_summary_finish (s);
  if (s->n_read == 0)
    {
      g_task_return_new_error (task, GW_ERROR, GW_ERROR_EMPTY,
                               _("No form of the round could be read; no summary written"));
      return;
    }
  if (g_str_has_suffix (d->out, ".pdf"))
    {
      renderer = gw_renderer_new (&error);
      if (renderer == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (!gw_summary_export (renderer, s, d->out, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
gw_round_view_export_summary (GwRoundView         *self,
                              GFile               *file,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *d;

  g_return_if_fail (GW_IS_ROUND_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  if (self->folder == NULL || self->checker == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The round's forms are still being read"));
      return;
    }
  d = g_new0 (ExportData, 1);
  d->dir = g_file_get_path (self->folder);
  d->out = g_file_get_path (file);
  d->checker = g_object_ref (self->checker);
  g_task_set_task_data (task, d, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
gw_round_view_export_summary_finish (GwRoundView   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GwRoundView *self = GW_ROUND_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = user_data;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (!gw_round_view_export_summary_finish (self, result, &error))
    text = g_strdup_printf (_("The summary was not written: %s"), error->message);
  else
    text = g_strdup_printf (_("Summary written to %s"), name);
  gtk_label_set_text (self->summary_label, text);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  GwRoundView *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".csv") &&
          !g_str_has_suffix (path, ".docx"))
        {
          g_autofree char *with = g_strconcat (path, ".pdf", NULL);
          g_clear_object (&file);
          file = g_file_new_for_path (with);
        }
      gtk_label_set_text (self->summary_label, _("Writing the summary…"));
      gw_round_view_export_summary (self, file, export_done, g_object_ref (file));
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GwRoundView *self = GW_ROUND_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) docx = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Summary"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF report"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (csv, _("CSV table (UTF-8)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (docx, _("Word document (tables)"));
  gtk_file_filter_add_suffix (docx, "docx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), docx);
  /* Translators: the default file name of the round's summary */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("evaluation-summary.pdf"));
  if (self->folder)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
activate_cb (GtkColumnView *view,
             guint          position,
             gpointer       user_data)
{
  GwRoundView *self = user_data;
  g_autoptr(GwRoundItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  g_autoptr(GFile) file = NULL;

  if (item == NULL || item->row->path == NULL)
    return;
  file = g_file_new_for_path (item->row->path);
  g_signal_emit (self, signals[SIGNAL_OPEN_FORM], 0, file);
}

static void
gw_round_view_dispose (GObject *object)
{
  GwRoundView *self = GW_ROUND_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pending)
    g_hash_table_remove_all (self->pending);
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->checker);
  g_clear_object (&self->folder);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_round_view_parent_class)->dispose (object);
}

static void
gw_round_view_finalize (GObject *object)
{
  g_clear_pointer (&GW_ROUND_VIEW (object)->pending, g_hash_table_unref);
  G_OBJECT_CLASS (gw_round_view_parent_class)->finalize (object);
}

static void
gw_round_view_class_init (GwRoundViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_round_view_dispose;
  object_class->finalize = gw_round_view_finalize;

  /**
   * GwRoundView::open-form:
   * @file: the form's file
   *
   * A row was activated: the window opens the form.
   */
  signals[SIGNAL_OPEN_FORM] = g_signal_new ("open-form", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_FILE);
  gtk_widget_class_install_action (widget_class, "round.export-summary", NULL, export_action);
}

static void
gw_round_view_init (GwRoundView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Export _Summary…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSelectionModel *selection;
  GtkSorter *sorter;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pending_remove);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary_label));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "round.export-summary");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (self), bar);

  self->store = g_list_store_new (GW_TYPE_ROUND_ITEM);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                          g_object_ref (sorter));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_single_click_activate (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);

  add_column (self, _("Station"), COL_STATION, -1);
  add_column (self, _("Operator"), COL_OPERATOR, -1);
  add_column (self, _("Total"), COL_TOTAL, -1);
  add_column (self, _("Grade"), COL_GRADE, -1);
  add_column (self, _("Decision"), COL_DECISION, -1);
  add_column (self, _("Findings"), COL_FINDINGS, -1);
  add_column (self, _("Status"), COL_STATUS, -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

GwRoundView *
gw_round_view_new (void)
{
  return g_object_new (GW_TYPE_ROUND_VIEW, NULL);
}
