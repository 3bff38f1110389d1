/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-table-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-table-panel.h"
#include "gw-table-text.h"

/* Typing in a cell is written into the body after this pause, so a burst
 * of typing is one step to undo. */
#define TABLE_COMMIT_DELAY_MS 300

struct _GwTablePanel
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title;
  GtkGrid     *grid;
  GtkFlowBox  *buttons;

  GPtrArray   *rows;          /* GStrv rows as the grid shows them */
  GPtrArray   *entries;       /* GtkEntry, row by row */
  guint        grid_columns;
  guint        row;           /* the cell being edited */
  guint        column;
  guint        commit_source;
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (GwTablePanel, gw_table_panel, GTK_TYPE_WIDGET)

enum {
  CELLS_CHANGED,
  RESHAPED,
  DELETE_TABLE,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
table_n_columns (GPtrArray *rows)
{
  return rows && rows->len > 0 ? g_strv_length (g_ptr_array_index (rows, 0)) : 0;
}

void
gw_table_panel_commit (GwTablePanel *self)
{
  g_return_if_fail (GW_IS_TABLE_PANEL (self));

  if (self->commit_source == 0)
    return;
  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_signal_emit (self, signals[CELLS_CHANGED], 0);
}

void
gw_table_panel_discard (GwTablePanel *self)
{
  g_return_if_fail (GW_IS_TABLE_PANEL (self));
  g_clear_handle_id (&self->commit_source, g_source_remove);
}

gboolean
gw_table_panel_get_pending (GwTablePanel *self)
{
  g_return_val_if_fail (GW_IS_TABLE_PANEL (self), FALSE);
  return self->commit_source != 0;
}

GPtrArray *
gw_table_panel_get_rows (GwTablePanel *self)
{
  g_return_val_if_fail (GW_IS_TABLE_PANEL (self), NULL);
  return self->rows;
}

static gboolean
table_commit_cb (gpointer user_data)
{
  GwTablePanel *self = user_data;

  self->commit_source = 0;
  g_signal_emit (self, signals[CELLS_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_cell_changed_cb (GtkEditable  *entry,
                    GwTablePanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "gw-cell"));
  guint n_columns = table_n_columns (self->rows);
  char **row;

  if (self->updating || self->rows == NULL || n_columns == 0)
    return;
  row = g_ptr_array_index (self->rows, index / n_columns);
  g_free (row[index % n_columns]);
  row[index % n_columns] = g_strdup (gtk_editable_get_text (entry));
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (TABLE_COMMIT_DELAY_MS, table_commit_cb, self);
}

/* Escape leaves the grid for the body, where the table is. */
static gboolean
on_cell_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GwTablePanel          *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  gw_table_panel_commit (self);
  g_signal_emit (self, signals[DONE], 0);
  return TRUE;
}

static void
on_cell_focus_cb (GtkEventControllerFocus *controller,
                  GwTablePanel            *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "gw-cell"));
  guint n_columns = table_n_columns (self->rows);

  if (n_columns == 0)
    return;
  self->row = index / n_columns;
  self->column = index % n_columns;
}

static void
table_update_actions (GwTablePanel *self)
{
  gboolean shown = self->rows != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.add-row", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.add-column", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.delete", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.remove-row",
                                 shown && self->rows->len > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.remove-column",
                                 shown && table_n_columns (self->rows) > 1);
}

void
gw_table_panel_show_rows (GwTablePanel *self,
                          GPtrArray    *rows)
{
  guint n_columns;
  g_autofree char *title = NULL;

  g_return_if_fail (GW_IS_TABLE_PANEL (self));
  g_return_if_fail (rows != NULL && rows->len > 0);

  n_columns = table_n_columns (rows);
  if (self->entries->len != rows->len * n_columns || self->grid_columns != n_columns)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
        gtk_grid_remove (self->grid, child);
      g_ptr_array_set_size (self->entries, 0);
      self->grid_columns = n_columns;
      for (guint r = 0; r < rows->len; r++)
        for (guint c = 0; c < n_columns; c++)
          {
            GtkWidget *entry = gtk_entry_new ();
            GtkEventController *focus = gtk_event_controller_focus_new ();
            GtkEventController *keys;
            g_autofree char *label = g_strdup_printf (_("Row %u, column %u"), r + 1, c + 1);

            gtk_widget_set_hexpand (entry, TRUE);
            gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
            gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
            if (r == 0)
              gtk_widget_add_css_class (entry, "heading");
            g_object_set_data (G_OBJECT (entry), "gw-cell", GUINT_TO_POINTER (r * n_columns + c));
            g_signal_connect (entry, "changed", G_CALLBACK (on_cell_changed_cb), self);
            g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_cb), self);
            gtk_widget_add_controller (entry, focus);
            keys = gtk_event_controller_key_new ();
            g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cell_key_cb), self);
            gtk_widget_add_controller (entry, keys);
            gtk_grid_attach (self->grid, entry, c, r, 1, 1);
            g_ptr_array_add (self->entries, entry);
          }
    }

  self->updating = TRUE;
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        GtkEditable *entry = g_ptr_array_index (self->entries, r * n_columns + c);
        const char *cell = ((char **) g_ptr_array_index (rows, r))[c];

        if (!g_str_equal (gtk_editable_get_text (entry), cell))
          gtk_editable_set_text (entry, cell);
      }
  self->updating = FALSE;

  if (self->rows != rows)
    {
      g_clear_pointer (&self->rows, g_ptr_array_unref);
      self->rows = g_ptr_array_ref (rows);
    }
  self->row = MIN (self->row, rows->len - 1);
  self->column = MIN (self->column, n_columns - 1);
  title = g_strdup_printf (_("Table: %u rows, %u columns"), rows->len, n_columns);
  gtk_label_set_label (self->title, title);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  table_update_actions (self);
}

void
gw_table_panel_hide (GwTablePanel *self)
{
  g_return_if_fail (GW_IS_TABLE_PANEL (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  table_update_actions (self);
}

void
gw_table_panel_set_cell (GwTablePanel *self,
                         guint         row,
                         guint         column)
{
  g_return_if_fail (GW_IS_TABLE_PANEL (self));
  self->row = row;
  self->column = column;
}

void
gw_table_panel_focus_cell (GwTablePanel *self,
                           guint         row,
                           guint         column)
{
  guint n_columns;
  GtkWidget *entry;

  g_return_if_fail (GW_IS_TABLE_PANEL (self));

  n_columns = table_n_columns (self->rows);
  if (n_columns == 0 || row >= self->rows->len || column >= n_columns)
    return;
  entry = g_ptr_array_index (self->entries, row * n_columns + column);
  self->row = row;
  self->column = column;
  gtk_widget_grab_focus (entry);
}

static void
table_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GwTablePanel *self = GW_TABLE_PANEL (widget);
  g_autoptr(GPtrArray) rows = NULL;
  guint n_columns, row, column;

  if (self->rows == NULL)
    return;
  gw_table_panel_commit (self);
  if (self->rows == NULL)
    return;
  n_columns = table_n_columns (self->rows);
  row = MIN (self->row, self->rows->len - 1);
  column = MIN (self->column, n_columns - 1);

  if (g_str_equal (action_name, "table.delete"))
    {
      g_signal_emit (self, signals[DELETE_TABLE], 0);
      return;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 0; r < self->rows->len; r++)
    {
      char **cells = g_ptr_array_index (self->rows, r);
      GStrvBuilder *b = g_strv_builder_new ();

      if (g_str_equal (action_name, "table.remove-row") && r == row)
        {
          g_strv_builder_unref (b);
          continue;
        }
      for (guint c = 0; c < n_columns; c++)
        {
          if (g_str_equal (action_name, "table.remove-column") && c == column)
            continue;
          g_strv_builder_add (b, cells[c]);
          if (g_str_equal (action_name, "table.add-column") && c == column)
            g_strv_builder_add (b, "");
        }
      g_ptr_array_add (rows, g_strv_builder_end (b));
      g_strv_builder_unref (b);
      if (g_str_equal (action_name, "table.add-row") && r == row)
        {
          g_autoptr(GPtrArray) empty = gw_table_text_new_rows (1, n_columns);
          g_ptr_array_add (rows, g_steal_pointer (&empty->pdata[0]));
          g_ptr_array_set_free_func (empty, NULL);
        }
    }
  if (rows->len == 0 || table_n_columns (rows) == 0)
    return;

  if (g_str_equal (action_name, "table.add-row"))
    row++;
  else if (g_str_equal (action_name, "table.add-column"))
    column++;
  row = MIN (row, rows->len - 1);
  column = MIN (column, table_n_columns (rows) - 1);

  /* the body takes the new shape, then the typing goes on in the cell */
  g_clear_handle_id (&self->commit_source, g_source_remove);
  gw_table_panel_show_rows (self, rows);
  g_signal_emit (self, signals[RESHAPED], 0);
  gw_table_panel_focus_cell (self, row, column);
}

static void
gw_table_panel_dispose (GObject *object)
{
  GwTablePanel *self = GW_TABLE_PANEL (object);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_TABLE_PANEL);
  G_OBJECT_CLASS (gw_table_panel_parent_class)->dispose (object);
}

static void
gw_table_panel_finalize (GObject *object)
{
  GwTablePanel *self = GW_TABLE_PANEL (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_table_panel_parent_class)->finalize (object);
}

static void
gw_table_panel_class_init (GwTablePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_table_panel_dispose;
  object_class->finalize = gw_table_panel_finalize;

  signals[CELLS_CHANGED] = g_signal_new ("cells-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  signals[RESHAPED] = g_signal_new ("reshaped", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
  signals[DELETE_TABLE] = g_signal_new ("delete-table", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-table-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GwTablePanel, revealer);
  gtk_widget_class_bind_template_child (widget_class, GwTablePanel, title);
  gtk_widget_class_bind_template_child (widget_class, GwTablePanel, grid);
  gtk_widget_class_bind_template_child (widget_class, GwTablePanel, buttons);

  gtk_widget_class_install_action (widget_class, "table.add-row", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "table.remove-row", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "table.add-column", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "table.remove-column", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "table.delete", NULL, table_action);
}

static void
gw_table_panel_init (GwTablePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new ();
  /* the buttons wrap in a narrow window; only they take the focus */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  table_update_actions (self);
}

GwTablePanel *
gw_table_panel_new (void)
{
  return g_object_new (GW_TYPE_TABLE_PANEL, NULL);
}
