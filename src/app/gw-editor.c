/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-editor"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "gw-block.h"
#include "gw-editor-private.h"
#include "gw-import-text.h"
#include "gw-table-text.h"
#include "gw-text.h"

#define SYNC_DELAY_MS 150

G_DEFINE_FINAL_TYPE (GwEditor, gw_editor, GTK_TYPE_WIDGET)


/* ---- blocks ⇄ text ------------------------------------------------------- */

static char *
block_display_text (GwBlock *block,
                    guint   *prefix)
{
  *prefix = 0;
  switch (gw_block_get_kind (block))
    {
    case GW_BLOCK_ATTACHMENT:
      {
        g_autofree char *label = gw_block_get_number (block) > 0
          ? g_strdup_printf ("附件%u　", gw_block_get_number (block))
          : g_strdup ("附件　");
        *prefix = g_utf8_strlen (label, -1);
        return g_strconcat (label, gw_block_get_text (block), NULL);
      }
    case GW_BLOCK_TABLE:
      *prefix = 1;   /* the mark */
      return gw_table_text_from_rows (gw_block_get_rows (block));
    case GW_BLOCK_PARAGRAPH:
    case GW_BLOCK_HEADING:
    default:
      return g_strdup (gw_block_get_text (block));
    }
}

static gboolean
parse_attachment_line (const char *line,
                       guint      *number,
                       const char **title)
{
  const char *p;
  guint n = 0;

  if (!g_str_has_prefix (line, "附件"))
    return FALSE;
  p = line + strlen ("附件");
  while (g_ascii_isdigit (*p))
    n = n * 10 + (guint) (*p++ - '0');
  if (g_str_has_prefix (p, "　"))
    p += strlen ("　");
  else if (*p == ' ')
    p++;
  else
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    return FALSE;
  *number = n;
  *title = p;
  return TRUE;
}

static GwBlock *
block_for_line (const char *line,
                guint      *prefix)
{
  GwHeadingMarker marker;
  const char *title;
  guint number;

  *prefix = 0;
  {
    g_autoptr(GPtrArray) rows = gw_table_text_to_rows (line);

    if (rows)
      {
        *prefix = 1;
        return gw_block_new_table (rows);
      }
  }
  if (parse_attachment_line (line, &number, &title))
    {
      *prefix = g_utf8_strlen (line, title - line);
      return gw_block_new_attachment (number, title);
    }
  if (gw_heading_marker_parse (line, &marker) && marker.level >= 1 && marker.level <= 4)
    return gw_block_new_heading (marker.level, line);
  return gw_block_new (GW_BLOCK_PARAGRAPH, line);
}

/* Updates @block in place to what @fresh says (keeps its identity, so the
 * document emits one notify per changed block, not a splice). FALSE when a
 * table became text or text a table: then the block is replaced. */
static gboolean
update_block (GwBlock *block,
              GwBlock *fresh)
{
  if ((gw_block_get_kind (block) == GW_BLOCK_TABLE) != (gw_block_get_kind (fresh) == GW_BLOCK_TABLE))
    return FALSE;
  if (gw_block_get_kind (block) == GW_BLOCK_TABLE)
    {
      if (!gw_block_equal (block, fresh))
        {
          gw_block_set_rows (block, gw_block_get_rows (fresh));
          /* the cells no longer stand where the imported file had them */
          gw_block_clear_spans (block);
        }
      return TRUE;
    }
  if (gw_block_get_kind (block) != gw_block_get_kind (fresh))
    gw_block_set_kind (block, gw_block_get_kind (fresh));
  if (gw_block_get_level (block) != gw_block_get_level (fresh))
    gw_block_set_level (block, gw_block_get_level (fresh));
  if (gw_block_get_number (block) != gw_block_get_number (fresh))
    gw_block_set_number (block, gw_block_get_number (fresh));
  if (g_strcmp0 (gw_block_get_text (block), gw_block_get_text (fresh)) != 0)
    gw_block_set_text (block, gw_block_get_text (fresh));
  return TRUE;
}

static void
style_line (GwEditor *self,
            guint     line,
            GwBlock  *block)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_h1, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_h2, &start, &end);
  if (block == NULL)
    return;
  if (gw_block_get_kind (block) == GW_BLOCK_HEADING)
    {
      guint level = gw_block_get_level (block);
      GtkTextIter stop, after;

      /* A heading may run on into body text after its first 。; only the
       * heading itself takes the heading face, as on paper. */
      if (gtk_text_iter_forward_search (&start, "。", 0, &stop, &after, &end))
        end = after;
      if (level == 1)
        gtk_text_buffer_apply_tag (self->buffer, self->tag_h1, &start, &end);
      else if (level == 2)
        gtk_text_buffer_apply_tag (self->buffer, self->tag_h2, &start, &end);
    }
  else if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
    gtk_text_buffer_apply_tag (self->buffer, self->tag_h1, &start, &end);
}


void
gw_editor_sync_now (GwEditor *self)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) new_texts = NULL;
  g_autoptr(GArray) new_lines = NULL;
  GListStore *store;
  guint n_old, n_new, prefix = 0, suffix = 0, n_old_mid, n_new_mid;
  GArray *places;

  g_return_if_fail (GW_IS_EDITOR (self));

  _gw_editor_table_commit_now (self);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->document == NULL || self->synced_generation == self->generation)
    return;
  self->synced_generation = self->generation;

  {
    GtkTextIter start, end;
    gtk_text_buffer_get_bounds (self->buffer, &start, &end);
    text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  }
  lines = g_strsplit (text, "\n", -1);
  new_texts = g_ptr_array_new ();
  new_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; lines[i]; i++)
    if (!gw_text_is_blank (lines[i]))
      {
        g_ptr_array_add (new_texts, lines[i]);
        g_array_append_val (new_lines, i);
      }

  /* Only the run between the unchanged first and last lines is rebuilt. */
  n_old = self->block_texts->len;
  n_new = new_texts->len;
  while (prefix < n_old && prefix < n_new &&
         g_str_equal (g_ptr_array_index (self->block_texts, prefix),
                      g_ptr_array_index (new_texts, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_str_equal (g_ptr_array_index (self->block_texts, n_old - 1 - suffix),
                      g_ptr_array_index (new_texts, n_new - 1 - suffix)))
    suffix++;
  n_old_mid = n_old - prefix - suffix;
  n_new_mid = n_new - prefix - suffix;

  store = gw_document_get_blocks (self->document);
  places = g_array_sized_new (FALSE, FALSE, sizeof (BlockPlace), n_new);
  g_array_set_size (places, n_new);
  for (guint i = 0; i < prefix; i++)
    g_array_index (places, BlockPlace, i).prefix = g_array_index (self->places, BlockPlace, i).prefix;
  for (guint i = 0; i < suffix; i++)
    g_array_index (places, BlockPlace, n_new - 1 - i).prefix =
      g_array_index (self->places, BlockPlace, n_old - 1 - i).prefix;

  if (n_old_mid == n_new_mid)
    {
      for (guint i = prefix; i < prefix + n_new_mid; i++)
        {
          g_autoptr(GwBlock) block = g_list_model_get_item (G_LIST_MODEL (store), i);
          g_autoptr(GwBlock) fresh = block_for_line (g_ptr_array_index (new_texts, i),
                                                     &g_array_index (places, BlockPlace, i).prefix);

          if (!update_block (block, fresh))
            g_list_store_splice (store, i, 1, (gpointer *) &fresh, 1);
        }
    }
  else
    {
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = prefix; i < prefix + n_new_mid; i++)
        g_ptr_array_add (fresh, block_for_line (g_ptr_array_index (new_texts, i),
                                                &g_array_index (places, BlockPlace, i).prefix));
      g_list_store_splice (store, prefix, n_old_mid, fresh->pdata, fresh->len);
    }

  for (guint i = 0; i < n_new; i++)
    g_array_index (places, BlockPlace, i).line = g_array_index (new_lines, guint, i);
  g_array_unref (self->places);
  self->places = places;
  g_ptr_array_set_size (self->block_texts, 0);
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (self->block_texts, g_strdup (g_ptr_array_index (new_texts, i)));

  for (guint i = prefix; i < prefix + n_new_mid; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (G_LIST_MODEL (store), i);
      style_line (self, g_array_index (places, BlockPlace, i).line, block);
    }
  /* A line blanked out (spaces left) may keep a heading style from before. */
  for (guint i = 0; lines[i]; i++)
    if (*lines[i] != '\0' && gw_text_is_blank (lines[i]))
      style_line (self, i, NULL);
  _gw_editor_style_tables (self);
  _gw_editor_table_panel_update (self);
}

static gboolean
sync_timeout_cb (gpointer user_data)
{
  GwEditor *self = user_data;

  self->sync_source = 0;
  gw_editor_sync_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (GwEditor *self)
{
  if (self->loading)
    return;
  self->generation++;
  g_clear_handle_id (&self->sync_source, g_source_remove);
  self->sync_source = g_timeout_add (SYNC_DELAY_MS, sync_timeout_cb, self);
}

guint
gw_editor_get_generation (GwEditor *self)
{
  g_return_val_if_fail (GW_IS_EDITOR (self), 0);
  return self->generation;
}

static void
load_body (GwEditor *self)
{
  GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (self->document));
  guint n = g_list_model_get_n_items (blocks);
  g_autoptr(GString) text = g_string_new (NULL);

  /* cells typed for the document shown before are not this one's */
  gw_table_panel_discard (self->table_panel);
  self->table_line = -1;
  gw_table_panel_hide (self->table_panel);
  g_ptr_array_set_size (self->block_texts, 0);
  g_array_set_size (self->places, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (blocks, i);
      BlockPlace *place = &g_array_index (self->places, BlockPlace, i);
      char *shown = block_display_text (block, &place->prefix);

      /* A block holding a newline (a title of two lines) would take two. */
      g_strdelimit (shown, "\n", ' ');
      place->line = i;
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, shown);
      g_ptr_array_add (self->block_texts, shown);
    }
  if (n > 0)
    {
      g_autoptr(GwBlock) last = g_list_model_get_item (blocks, n - 1);

      /* a line after a closing table, to go on writing in */
      if (gw_block_get_kind (last) == GW_BLOCK_TABLE)
        g_string_append_c (text, '\n');
    }

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text->str, text->len);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (blocks, i);

      style_line (self, i, block);
    }
  _gw_editor_style_tables (self);
  self->loading = FALSE;
  self->generation++;
  self->synced_generation = self->generation;
  gtk_text_buffer_set_modified (self->buffer, FALSE);
  {
    GtkTextIter start;
    gtk_text_buffer_get_start_iter (self->buffer, &start);
    gtk_text_buffer_place_cursor (self->buffer, &start);
  }
}

GtkWidget *
gw_editor_get_meta_row (GwEditor *self,
                        GwMeta    meta)
{
  g_return_val_if_fail (GW_IS_EDITOR (self), NULL);
  return gw_header_form_get_meta_row (self->header_form, meta);
}

void
gw_editor_set_file (GwEditor *self,
                    GFile    *file)
{
  g_return_if_fail (GW_IS_EDITOR (self));

  gw_header_form_set_file (self->header_form, file);
}

void
gw_editor_set_document (GwEditor   *self,
                        GwDocument *doc)
{
  g_return_if_fail (GW_IS_EDITOR (self));
  g_return_if_fail (doc == NULL || GW_IS_DOCUMENT (doc));

  gw_header_form_set_document (self->header_form, doc);
  if (!g_set_object (&self->document, doc) || doc == NULL)
    return;
  load_body (self);
}

GwDocument *
gw_editor_get_document (GwEditor *self)
{
  g_return_val_if_fail (GW_IS_EDITOR (self), NULL);
  return self->document;
}

GtkTextBuffer *
gw_editor_get_buffer (GwEditor *self)
{
  g_return_val_if_fail (GW_IS_EDITOR (self), NULL);
  return self->buffer;
}

GtkTextView *
gw_editor_get_text_view (GwEditor *self)
{
  g_return_val_if_fail (GW_IS_EDITOR (self), NULL);
  return self->text_view;
}

/* ---- findings ------------------------------------------------------------ */

gboolean
gw_editor_get_block_range (GwEditor    *self,
                           guint        block,
                           guint        offset,
                           guint        length,
                           GtkTextIter *start,
                           GtkTextIter *end)
{
  BlockPlace *place;
  GtkTextIter line_end;
  int line_chars;

  g_return_val_if_fail (GW_IS_EDITOR (self), FALSE);

  if (block >= self->places->len)
    return FALSE;
  place = &g_array_index (self->places, BlockPlace, block);
  if (place->line >= (guint) gtk_text_buffer_get_line_count (self->buffer))
    return FALSE;
  gtk_text_buffer_get_iter_at_line (self->buffer, start, place->line);
  line_end = *start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line_chars = gtk_text_iter_get_line_offset (&line_end);
  offset += place->prefix;
  if ((int) offset > line_chars)
    return FALSE;
  gtk_text_iter_set_line_offset (start, offset);
  *end = *start;
  gtk_text_iter_set_line_offset (end, MIN ((int) (offset + length), line_chars));
  return TRUE;
}

void
gw_editor_set_findings (GwEditor   *self,
                        GListModel *findings)
{
  GtkTextIter start, end;
  guint n;

  g_return_if_fail (GW_IS_EDITOR (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->tag_finding); i++)
    gtk_text_buffer_remove_tag (self->buffer, self->tag_finding[i], &start, &end);

  n = findings ? g_list_model_get_n_items (findings) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwFinding) finding = g_list_model_get_item (findings, i);
      int block = gw_finding_get_block (finding);
      guint length = gw_finding_get_length (finding);
      GwSeverity severity = gw_finding_get_severity (finding);

      if (block < 0)
        continue;
      if (!gw_editor_get_block_range (self, block, gw_finding_get_offset (finding),
                                      length ? length : G_MAXINT / 2, &start, &end))
        continue;
      if (severity > GW_SEVERITY_ERROR)
        severity = GW_SEVERITY_ERROR;
      gtk_text_buffer_apply_tag (self->buffer, self->tag_finding[severity], &start, &end);
    }
}

gboolean
gw_editor_select_finding (GwEditor  *self,
                          GwFinding *finding)
{
  GtkTextIter start, end;
  int block, meta;

  g_return_val_if_fail (GW_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (GW_IS_FINDING (finding), FALSE);

  gw_editor_sync_now (self);
  block = gw_finding_get_block (finding);
  meta = gw_finding_get_meta (finding);
  if (block >= 0)
    {
      if (!gw_editor_get_block_range (self, block, gw_finding_get_offset (finding),
                                      gw_finding_get_length (finding), &start, &end))
        return FALSE;
      gtk_stack_set_visible_child_name (self->stack, "body");
      gtk_text_buffer_select_range (self->buffer, &end, &start);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, FALSE, 0, 0);
      return TRUE;
    }
  if (meta >= 0 && meta < GW_N_META && gw_header_form_get_meta_row (self->header_form, meta))
    {
      gtk_stack_set_visible_child_name (self->stack, "details");
      return gw_header_form_select (self->header_form, meta, gw_finding_get_offset (finding),
                                    gw_finding_get_length (finding));
    }
  return FALSE;
}

gboolean
gw_editor_apply_finding (GwEditor  *self,
                         GwFinding *finding)
{
  const char *replacement;
  int block, meta;
  guint offset, length;

  g_return_val_if_fail (GW_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (GW_IS_FINDING (finding), FALSE);

  replacement = gw_finding_get_replacement (finding);
  if (replacement == NULL)
    return FALSE;
  gw_editor_sync_now (self);
  block = gw_finding_get_block (finding);
  meta = gw_finding_get_meta (finding);
  offset = gw_finding_get_offset (finding);
  length = gw_finding_get_length (finding);

  if (block >= 0)
    {
      GtkTextIter start, end;

      if (!gw_editor_get_block_range (self, block, offset, length, &start, &end))
        return FALSE;
      /* One user action: a single Ctrl+Z takes the fix back. */
      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_delete (self->buffer, &start, &end);
      gtk_text_buffer_insert (self->buffer, &start, replacement, -1);
      gtk_text_buffer_end_user_action (self->buffer);
      gtk_text_buffer_place_cursor (self->buffer, &start);
      gw_editor_sync_now (self);
      return TRUE;
    }
  if (meta >= 0 && meta < GW_N_META)
    {
      const char *value = gw_document_get_meta (self->document, meta);
      glong chars = g_utf8_strlen (value, -1);
      g_autoptr(GString) fixed = g_string_new (NULL);
      const char *from, *to;

      if ((glong) offset > chars)
        return FALSE;
      from = g_utf8_offset_to_pointer (value, offset);
      to = g_utf8_offset_to_pointer (value, MIN ((glong) (offset + length), chars));
      g_string_append_len (fixed, value, from - value);
      g_string_append (fixed, replacement);
      g_string_append (fixed, to);
      gw_document_set_meta (self->document, meta, fixed->str);
      return TRUE;
    }
  return FALSE;
}

/* ---- undo ---------------------------------------------------------------- */

void
gw_editor_undo (GwEditor *self)
{
  g_return_if_fail (GW_IS_EDITOR (self));
  if (gtk_text_buffer_get_can_undo (self->buffer))
    gtk_text_buffer_undo (self->buffer);
}

void
gw_editor_redo (GwEditor *self)
{
  g_return_if_fail (GW_IS_EDITOR (self));
  if (gtk_text_buffer_get_can_redo (self->buffer))
    gtk_text_buffer_redo (self->buffer);
}

/* ---- find and replace ----------------------------------------------------- */

/* A match is in the body: show the body. */
static void
on_show_match_cb (GwEditor *self)
{
  gtk_stack_set_visible_child_name (self->stack, "body");
}

void
gw_editor_show_find (GwEditor *self,
                     gboolean  replace)
{
  g_return_if_fail (GW_IS_EDITOR (self));
  gw_search_bar_begin (self->search_bar, replace);
}

/* ---- GObject --------------------------------------------------------------- */

static void
gw_editor_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  GTK_WIDGET_CLASS (gw_editor_parent_class)->size_allocate (widget, width, height, baseline);
  _gw_editor_tables_allocated (GW_EDITOR (widget));
}

static gboolean
gw_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (GW_EDITOR (widget)->text_view));
}

static void
gw_editor_dispose (GObject *object)
{
  GwEditor *self = GW_EDITOR (object);

  /* the grid goes with the template; the buffer may outlive it */
  if (self->text_view && self->buffer)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_handle_id (&self->restyle_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_EDITOR);
  /* GTK 4.8 leaves unnamed template children in place. */
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->document);
  G_OBJECT_CLASS (gw_editor_parent_class)->dispose (object);
}

static void
gw_editor_finalize (GObject *object)
{
  GwEditor *self = GW_EDITOR (object);

  g_clear_pointer (&self->block_texts, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->table_tab_tags, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_editor_parent_class)->finalize (object);
}

/* GtkSourceView 5.6 reads style schemes from files only (not from
 * resources), so the body's scheme is written into the session's runtime
 * folder for it. Without it the buffer keeps the default scheme. */
static void
add_body_scheme (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_runtime_dir (), APP_ID, "styles", NULL);
  g_autofree char *path = g_build_filename (dir, "gw-body.xml", NULL);
  g_autoptr(GBytes) scheme = NULL;
  g_autoptr(GError) error = NULL;

  scheme = g_resources_lookup_data ("/io/github/gongwen/Gongwen/styles/gw-body.xml",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (scheme == NULL || g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (scheme, NULL), g_bytes_get_size (scheme),
                            &error))
    {
      g_debug ("No style scheme for the body: %s", error ? error->message : g_strerror (errno));
      return;
    }
  gtk_source_style_scheme_manager_prepend_search_path (gtk_source_style_scheme_manager_get_default (),
                                                       dir);
}

static void
gw_editor_class_init (GwEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_editor_dispose;
  object_class->finalize = gw_editor_finalize;
  g_type_ensure (GW_TYPE_HEADER_FORM);
  g_type_ensure (GW_TYPE_TABLE_PANEL);
  gtk_source_init ();
  add_body_scheme ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (GW_TYPE_SEARCH_BAR);
  widget_class->grab_focus = gw_editor_grab_focus;
  widget_class->size_allocate = gw_editor_size_allocate;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GwEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, header_form);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, table_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_show_match_cb);

  _gw_editor_tables_class_init (widget_class);
}

static void
gw_editor_init (GwEditor *self)
{
  GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };
  GdkRGBA amber = { 0.90, 0.65, 0.04, 1.0 };
  GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->block_texts = g_ptr_array_new_with_free_func (g_free);
  self->places = g_array_new (FALSE, TRUE, sizeof (BlockPlace));
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, TRUE);
  /* The body is prose, not code: a scheme that only colours search
   * matches (ui/styles/gw-body.xml), no bracket matching. */
  {
    GtkSourceStyleScheme *scheme =
      gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (),
                                                  "gongwen-body");
    if (scheme)
      gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self->buffer), scheme);
  }
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (self->buffer), FALSE);

  /* Screen stand-ins for the printed faces: 黑体 for level 1, 楷体 for level 2. */
  self->tag_h1 = gtk_text_buffer_create_tag (self->buffer, "heading-1",
                                             "family", "Noto Sans CJK SC, Source Han Sans SC, sans",
                                             "weight", PANGO_WEIGHT_BOLD, NULL);
  self->tag_h2 = gtk_text_buffer_create_tag (self->buffer, "heading-2",
                                             "family", "AR PL KaitiM GB, LXGW WenKai, KaiTi, serif",
                                             "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  self->tag_table = gtk_text_buffer_create_tag (self->buffer, "table",
                                                "editable", FALSE, "indent", 0,
                                                "pixels-above-lines", 8,
                                                "pixels-below-lines", 14,
                                                "pixels-inside-wrap", 2,
                                                "paragraph-background-rgba",
                                                &(GdkRGBA) { 0.5, 0.5, 0.5, 0.12 }, NULL);
  self->tag_table_header = gtk_text_buffer_create_tag (self->buffer, "table-header",
                                                       "weight", PANGO_WEIGHT_BOLD, NULL);
  self->tag_table_mark = gtk_text_buffer_create_tag (self->buffer, "table-mark",
                                                     "invisible", TRUE, NULL);
  self->tag_table_guard = gtk_text_buffer_create_tag (self->buffer, "table-guard",
                                                      "editable", FALSE, NULL);
  self->table_tab_tags = g_ptr_array_new ();
  self->table_line = -1;
  self->tag_finding[GW_SEVERITY_INFO] =
    gtk_text_buffer_create_tag (self->buffer, "finding-info",
                                "underline", PANGO_UNDERLINE_SINGLE,
                                "underline-rgba", &blue, NULL);
  self->tag_finding[GW_SEVERITY_WARNING] =
    gtk_text_buffer_create_tag (self->buffer, "finding-warning",
                                "underline", PANGO_UNDERLINE_ERROR,
                                "underline-rgba", &amber, NULL);
  self->tag_finding[GW_SEVERITY_ERROR] =
    gtk_text_buffer_create_tag (self->buffer, "finding-error",
                                "underline", PANGO_UNDERLINE_ERROR,
                                "underline-rgba", &red, NULL);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
  _gw_editor_tables_init (self);
}

GwEditor *
gw_editor_new (void)
{
  return g_object_new (GW_TYPE_EDITOR, NULL);
}
