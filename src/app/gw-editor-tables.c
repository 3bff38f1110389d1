/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-editor-private.h"
#include "gw-table-text.h"
#include "gw-text.h"

/* Tables in the body. A table is one line of the body (gw-table-text.h),
 * so the lines around it keep their blocks and the text buffer's undo
 * history covers table edits too. Here: how a table's line looks (column
 * stops, the header row, no typing into it), the grid (GwTablePanel) that
 * edits the table the cursor is on, Insert Table…, and spreadsheet cells
 * pasted as a table. */

/* ---- tables in the window --------------------------------------------------- */

/* A tag that sets the column stops of a table to fit its cells (tags with
 * the same stops are shared). */
static GtkTextTag *
table_tabs_tag (GwEditor  *self,
                GPtrArray *rows)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->text_view), NULL);
  g_autoptr(GString) name = g_string_new ("table-tabs");
  g_autofree int *widths = NULL;
  guint n_columns = rows->len > 0 ? g_strv_length (g_ptr_array_index (rows, 0)) : 0;
  GtkTextTag *tag;
  PangoTabArray *tabs;
  int x = 0, total = 0, avail;

  if (n_columns < 2)
    return NULL;
  widths = g_new0 (int, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns && cells[c]; c++)
        {
          int w = 0;

          pango_layout_set_text (layout, cells[c], -1);
          pango_layout_get_pixel_size (layout, &w, NULL);
          widths[c] = MAX (widths[c], w);
        }
    }
  /* a long cell wraps rather than pushing the columns off the page */
  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = CLAMP (widths[c] + 40, 80, 560);
      total += widths[c];
    }
  /* In a narrow window short columns keep their width and the long ones
   * share the rest: a cell longer than its column only upsets its row. */
  avail = gtk_widget_get_width (GTK_WIDGET (self->text_view)) -
          gtk_text_view_get_left_margin (self->text_view) -
          gtk_text_view_get_right_margin (self->text_view) - 24;
  if (avail > 200 && total > avail)
    {
      int rest = avail, n_long = n_columns, share;
      gboolean settled = FALSE;

      while (!settled && n_long > 0)
        {
          settled = TRUE;
          share = rest / n_long;
          for (guint c = 0; c < n_columns; c++)
            if (widths[c] > 0 && widths[c] <= share)
              {
                rest -= widths[c];
                n_long--;
                widths[c] = -widths[c];   /* settled */
                settled = FALSE;
              }
        }
      share = n_long > 0 ? MAX (80, rest / n_long) : 80;
      for (guint c = 0; c < n_columns; c++)
        widths[c] = widths[c] < 0 ? -widths[c] : share;
    }
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (name, "-%d", widths[c]);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), name->str);
  if (tag)
    return tag;
  tabs = pango_tab_array_new (n_columns - 1, TRUE);
  for (guint c = 0; c + 1 < n_columns; c++)
    {
      x += widths[c];
      pango_tab_array_set_tab (tabs, c, PANGO_TAB_LEFT, x);
    }
  tag = gtk_text_buffer_create_tag (self->buffer, name->str, "tabs", tabs, NULL);
  pango_tab_array_free (tabs);
  g_ptr_array_add (self->table_tab_tags, tag);
  return tag;
}

/* Table lines show as tables, and neither they nor the line breaks around
 * them take typing: cells are typed in the grid, and Backspace or Delete
 * at a table's edge must not join a paragraph to it. Tags are not part of
 * the undo history, so this runs over the whole body after each sync. */
static gboolean
is_row_separator (gunichar c,
                  gpointer user_data)
{
  return c == 0x2028;
}

void
_gw_editor_style_tables (GwEditor *self)
{
  GtkTextIter start, end;
  gboolean any = FALSE;
  g_autoptr(GPtrArray) used = g_ptr_array_new ();

  /* most drafts have no table: leave their tags alone */
  for (guint i = 0; i < self->block_texts->len && !any; i++)
    any = g_str_has_prefix (g_ptr_array_index (self->block_texts, i), GW_TABLE_TEXT_MARK);
  if (!any && !self->tables_styled)
    return;
  self->tables_styled = any;

  self->styled_width = gtk_widget_get_width (GTK_WIDGET (self->text_view));
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_table, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_table_mark, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_table_header, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_table_guard, &start, &end);
  for (guint i = 0; i < self->table_tab_tags->len; i++)
    gtk_text_buffer_remove_tag (self->buffer, g_ptr_array_index (self->table_tab_tags, i),
                                &start, &end);

  for (guint i = 0; i < self->block_texts->len; i++)
    {
      const char *text = g_ptr_array_index (self->block_texts, i);
      guint line = g_array_index (self->places, BlockPlace, i).line;
      g_autoptr(GPtrArray) rows = gw_table_text_to_rows (text);
      GtkTextIter mark_end, next;
      GtkTextTag *tabs;

      if (rows == NULL)
        continue;
      gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      next = end;
      gtk_text_iter_forward_line (&next);   /* with the line break */
      gtk_text_buffer_apply_tag (self->buffer, self->tag_table, &start, &next);
      mark_end = start;
      gtk_text_iter_forward_char (&mark_end);
      gtk_text_buffer_apply_tag (self->buffer, self->tag_table_mark, &start, &mark_end);
      {
        /* the first row is the header, as printed */
        GtkTextIter header_end = start;

        if (!gtk_text_iter_forward_find_char (&header_end, is_row_separator, NULL, &end))
          header_end = end;
        gtk_text_buffer_apply_tag (self->buffer, self->tag_table_header, &start, &header_end);
      }
      if ((tabs = table_tabs_tag (self, rows)))
        {
          gtk_text_buffer_apply_tag (self->buffer, tabs, &start, &end);
          g_ptr_array_add (used, tabs);
        }
      if (line > 0)
        {
          GtkTextIter before = start;
          gtk_text_iter_backward_char (&before);
          gtk_text_buffer_apply_tag (self->buffer, self->tag_table_guard, &before, &start);
        }
    }

  /* stops for widths no table has any more (the window was resized) go */
  for (guint i = self->table_tab_tags->len; i > 0; i--)
    {
      GtkTextTag *tag = g_ptr_array_index (self->table_tab_tags, i - 1);

      if (!g_ptr_array_find (used, tag, NULL))
        {
          gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), tag);
          g_ptr_array_remove_index (self->table_tab_tags, i - 1);
        }
    }
}

static gboolean
restyle_tables_cb (gpointer user_data)
{
  GwEditor *self = user_data;

  self->restyle_source = 0;
  _gw_editor_style_tables (self);
  return G_SOURCE_REMOVE;
}

/* Column stops follow the width of the window. */
void
_gw_editor_tables_allocated (GwEditor *self)
{
  if (self->tables_styled && self->restyle_source == 0 &&
      ABS (gtk_widget_get_width (GTK_WIDGET (self->text_view)) - self->styled_width) > 8)
    self->restyle_source = g_idle_add (restyle_tables_cb, self);
}

/* The rows of the table on buffer line @line, or NULL. */
static GPtrArray *
table_rows_at_line (GwEditor *self,
                    int       line)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (line < 0 || line >= gtk_text_buffer_get_line_count (self->buffer))
    return NULL;
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  return gw_table_text_to_rows (text);
}

/* Writes the grid's rows into the table's line: one step to undo. */
static void
table_write (GwEditor *self)
{
  GPtrArray *rows = gw_table_panel_get_rows (self->table_panel);
  GtkTextIter start, end;
  g_autofree char *line = NULL;
  g_autofree char *old = NULL;

  if (rows == NULL || self->table_line < 0 ||
      self->table_line >= gtk_text_buffer_get_line_count (self->buffer))
    return;
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, self->table_line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  old = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  if (!gw_table_text_is_table (old))
    return;
  line = gw_table_text_from_rows (rows);
  if (g_str_equal (line, old))
    return;
  self->table_updating = TRUE;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, line, -1);
  gtk_text_buffer_end_user_action (self->buffer);
  self->table_updating = FALSE;
}

/* Writes cells typed and not yet written (the panel emits ::cells-changed). */
void
_gw_editor_table_commit_now (GwEditor *self)
{
  gw_table_panel_commit (self->table_panel);
}

static void
on_table_cells_changed_cb (GwEditor *self)
{
  table_write (self);
}

/* A row or column added or removed: the body takes the new shape now. */
static void
on_table_reshaped_cb (GwEditor *self)
{
  table_write (self);
  gw_editor_sync_now (self);
}

static void
on_table_done_cb (GwEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
table_panel_hide (GwEditor *self)
{
  _gw_editor_table_commit_now (self);
  self->table_line = -1;
  gw_table_panel_hide (self->table_panel);
}

static void
on_table_delete_cb (GwEditor *self)
{
  GtkTextIter start, end;

  if (self->table_line < 0)
    return;
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, self->table_line);
  end = start;
  if (!gtk_text_iter_forward_line (&end) && gtk_text_iter_get_line (&start) > 0)
    {
      /* the last line: its break is the one before it */
      gtk_text_iter_backward_char (&start);
    }
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  table_panel_hide (self);
  gw_editor_sync_now (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* The grid follows the table the cursor is on. */
void
_gw_editor_table_panel_update (GwEditor *self)
{
  GtkTextIter cursor;
  int line;
  g_autoptr(GPtrArray) rows = NULL;

  if (self->table_updating)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&cursor);
  /* cells typed but not yet written belong to the table they were typed in */
  if (line != self->table_line)
    _gw_editor_table_commit_now (self);
  rows = table_rows_at_line (self, line);
  if (rows == NULL)
    {
      if (gw_table_panel_get_rows (self->table_panel))
        table_panel_hide (self);
      return;
    }
  if (line != self->table_line)
    gw_table_panel_set_cell (self->table_panel, 0, 0);
  self->table_line = line;
  if (gw_table_panel_get_pending (self->table_panel))
    return;   /* the grid is ahead of the body */
  gw_table_panel_show_rows (self->table_panel, rows);
}

/* Inserts a line of text at the cursor as lines of their own: before the
 * cursor's line when it stands at its start, in place of an empty line,
 * after the line otherwise. Returns the buffer line of the first. */
static int
insert_lines_at_cursor (GwEditor   *self,
                        const char *lines)
{
  GtkTextIter cursor, iter, line_end;
  g_autofree char *current = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int line;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&cursor);
  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  line_end = iter;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  current = gtk_text_buffer_get_text (self->buffer, &iter, &line_end, TRUE);

  if (gw_text_is_blank (current))
    {
      gtk_text_buffer_delete (self->buffer, &iter, &line_end);
      g_string_append (text, lines);
    }
  else if (gtk_text_iter_starts_line (&cursor) && !g_str_has_prefix (current, GW_TABLE_TEXT_MARK))
    {
      g_string_append (text, lines);
      g_string_append_c (text, '\n');
    }
  else
    {
      iter = line_end;
      g_string_append_c (text, '\n');
      g_string_append (text, lines);
      line++;
    }
  /* room to go on writing after a table that closes the body */
  if (gtk_text_iter_is_end (&iter))
    g_string_append_c (text, '\n');
  gtk_text_buffer_insert (self->buffer, &iter, text->str, text->len);
  return line;
}

static void
insert_table (GwEditor *self,
              guint     n_rows,
              guint     n_columns)
{
  g_autoptr(GPtrArray) rows = gw_table_text_new_rows (MAX (n_rows, 1), MAX (n_columns, 1));
  g_autofree char *text = gw_table_text_from_rows (rows);
  GtkTextIter iter;
  int line;

  _gw_editor_table_commit_now (self);
  gtk_text_buffer_begin_user_action (self->buffer);
  line = insert_lines_at_cursor (self, text);
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  gtk_stack_set_visible_child_name (self->stack, "body");
  gw_editor_sync_now (self);
  _gw_editor_table_panel_update (self);
  gw_table_panel_focus_cell (self->table_panel, 0, 0);
}

static void
on_insert_table_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             GwEditor         *self)
{
  GtkSpinButton *rows = g_object_get_data (G_OBJECT (dialog), "rows");
  GtkSpinButton *columns = g_object_get_data (G_OBJECT (dialog), "columns");

  if (g_str_equal (response, "insert"))
    insert_table (self, gtk_spin_button_get_value_as_int (rows),
                  gtk_spin_button_get_value_as_int (columns));
}

static GtkWidget *
spin_row (GtkGrid    *grid,
          int         row,
          const char *label,
          int         value)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 50, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  return spin;
}

static void
insert_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GwEditor *self = GW_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *grid;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Insert Table"),
                                   _("The table goes on a line of its own at the cursor. "
                                     "Its first row is the header."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (dialog), "rows", spin_row (GTK_GRID (grid), 0, _("_Rows"), 3));
  g_object_set_data (G_OBJECT (dialog), "columns", spin_row (GTK_GRID (grid), 1, _("_Columns"), 3));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "insert", _("_Insert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "insert",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "insert");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_insert_table_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pasting cells copied from a spreadsheet makes a table, as importing a
 * file does; other text is pasted as GTK would. */
static void
paste_text (GwEditor   *self,
            const char *pasted)
{
  g_autofree char *own = NULL;
  g_autofree char *converted = NULL;
  const char *text = pasted;

  /* A table copied out of the body comes back as cells and rows, so it
   * is one again wherever it is pasted, by the rule below. */
  if ((own = gw_table_text_unwrap (pasted)))
    text = own;
  converted = gw_table_text_from_pasted (text);
  GtkTextIter iter;
  g_autofree char *line = NULL;

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  {
    GtkTextIter start = iter, end = iter;

    gtk_text_iter_set_line_offset (&start, 0);
    if (!gtk_text_iter_ends_line (&end))
      gtk_text_iter_forward_to_line_end (&end);
    line = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  }

  if (converted == NULL && !g_str_has_prefix (line, GW_TABLE_TEXT_MARK))
    gtk_text_buffer_insert_interactive_at_cursor (self->buffer, text, -1, TRUE);
  else
    {
      g_autoptr(GString) whole = g_string_new (converted ? converted : text);
      const char *last = strrchr (whole->str, '\n');
      gboolean ends_with_table = g_str_has_prefix (last ? last + 1 : whole->str, GW_TABLE_TEXT_MARK);

      /* a table stands on lines of its own, and nothing is typed into one */
      if (g_str_has_prefix (line, GW_TABLE_TEXT_MARK))
        {
          if (!gtk_text_iter_ends_line (&iter))
            gtk_text_iter_forward_to_line_end (&iter);
          g_string_prepend_c (whole, '\n');
        }
      else if (g_str_has_prefix (whole->str, GW_TABLE_TEXT_MARK) && !gtk_text_iter_starts_line (&iter))
        g_string_prepend_c (whole, '\n');
      if (ends_with_table &&
          (!gtk_text_iter_ends_line (&iter) || gtk_text_iter_is_end (&iter)))
        g_string_append_c (whole, '\n');
      gtk_text_buffer_insert (self->buffer, &iter, whole->str, whole->len);
      gtk_text_buffer_place_cursor (self->buffer, &iter);
    }
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (self->buffer));
  gw_editor_sync_now (self);
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GwEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot paste: %s", error ? error->message : "no text");
      return;
    }
  if (self->document != NULL)
    paste_text (self, text);
}

static void
on_paste_clipboard_cb (GtkTextView *view,
                       GwEditor    *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  /* only plain text can hold a table; anything else GTK pastes itself */
  if (!gdk_content_formats_contain_gtype (formats, G_TYPE_STRING) &&
      !gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8") &&
      !gdk_content_formats_contain_mime_type (formats, "text/plain"))
    return;
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text_cb, g_object_ref (self));
}

/* Enter on a table in the body moves the typing into its grid (typing
 * itself is left to the input method, which the text view ignores here). */
static gboolean
on_text_view_key_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GwEditor              *self)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  _gw_editor_table_panel_update (self);
  if (gw_table_panel_get_rows (self->table_panel) == NULL)
    return FALSE;
  gw_table_panel_focus_cell (self->table_panel, 0, 0);
  return TRUE;
}

/* A click on a table in the body moves the typing into the cell clicked,
 * once the text view has placed its cursor. */
typedef struct {
  GwEditor *editor;
  int       line;
  guint     row;
  guint     column;
} CellClick;

static gboolean
focus_clicked_cell_cb (gpointer data)
{
  CellClick *click = data;
  GwEditor *self = click->editor;

  _gw_editor_table_panel_update (self);
  if (gw_table_panel_get_rows (self->table_panel) && self->table_line == click->line)
    gw_table_panel_focus_cell (self->table_panel, click->row, click->column);
  return G_SOURCE_REMOVE;
}

static void
cell_click_free (gpointer data)
{
  CellClick *click = data;

  g_object_unref (click->editor);
  g_free (click);
}

static void
on_text_view_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         GwEditor        *self)
{
  GtkTextIter iter, start;
  int bx, by;
  g_autofree char *before = NULL;
  CellClick *click;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;
  start = iter;
  gtk_text_iter_set_line_offset (&start, 0);
  before = gtk_text_buffer_get_text (self->buffer, &start, &iter, TRUE);
  if (!g_str_has_prefix (before, GW_TABLE_TEXT_MARK) &&
      !(gtk_text_iter_starts_line (&iter) && gtk_text_iter_get_char (&iter) == 0xE000))
    return;

  click = g_new0 (CellClick, 1);
  click->editor = g_object_ref (self);
  click->line = gtk_text_iter_get_line (&iter);
  gw_table_text_cell_at (before, &click->row, &click->column);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_clicked_cell_cb, click, cell_click_free);
}

void
_gw_editor_tables_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_table_cells_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_reshaped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_done_cb);
  gtk_widget_class_install_action (widget_class, "editor.insert-table", NULL, insert_table_action);
}

/* The text view hands tables to the grid: a click or Enter on a table,
 * the cursor moving onto one, spreadsheet cells pasted. */
void
_gw_editor_tables_init (GwEditor *self)
{
  g_signal_connect_swapped (self->buffer, "notify::cursor-position",
                            G_CALLBACK (_gw_editor_table_panel_update), self);
  g_signal_connect (self->text_view, "paste-clipboard", G_CALLBACK (on_paste_clipboard_cb), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    /* before the text view's own, which keeps the press to itself */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (on_text_view_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_text_view_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
  }
}
