/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gw-block.h"
#include "gw-editor.h"

#define SYNC_DELAY_MS 150

/* Where a block sits in the buffer: its line, and how many characters of
 * decoration (“附件1　”) come before the block's own text. */
typedef struct {
  guint line;
  guint prefix;
} BlockPlace;

/* A field that names one organ or, for a document issued jointly
 * (联合行文), several: the field as it always was for the lead organ, one
 * more row per further organ and a row that adds one. The document keeps
 * them in one value, one organ a line (gw_organ_mark_join()). */
typedef struct {
  GwEditor  *editor;
  GwMeta     meta;
  GtkWidget *lead;      /* self->meta_rows[meta] */
  GPtrArray *extra;     /* AdwEntryRow per further organ */
  GtkWidget *add_row;
  gboolean   updating;
} OrganRows;

struct _GwEditor
{
  GtkWidget       parent_instance;

  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkEntry       *replace_entry;
  GtkWidget      *replace_box;
  GtkLabel       *match_label;
  GtkStack       *stack;
  GtkTextView    *text_view;
  AdwPreferencesGroup *title_group;
  AdwPreferencesGroup *header_group;
  AdwPreferencesGroup *signature_group;
  AdwPreferencesGroup *footer_group;

  GtkTextBuffer  *buffer;
  GtkTextTag     *tag_h1;
  GtkTextTag     *tag_h2;
  GtkTextTag     *tag_table;
  GtkTextTag     *tag_finding[3];
  GtkTextTag     *tag_match;

  GwDocument     *document;
  GtkWidget      *meta_rows[GW_N_META];
  GtkWidget      *attachments_row;
  OrganRows       organs[2];     /* organ mark, signature: 联合行文 */
  gulong          organ_handlers[2];
  GBinding       *bindings[GW_N_META + 1];
  GPtrArray      *block_texts;  /* what each block shows, as of the last sync */
  GArray         *places;       /* BlockPlace per block, as of the last sync */
  guint           generation;
  guint           synced_generation;
  guint           sync_source;
  gboolean        loading;
  gboolean        updating_attachments;
};

G_DEFINE_FINAL_TYPE (GwEditor, gw_editor, GTK_TYPE_WIDGET)

static const struct {
  GwMeta      meta;
  int         group;  /* 0 title, 1 header, 2 signature, 3 footer */
  const char *label;
  const char *description;
} meta_rows[] = {
  { GW_META_TITLE, 0, N_("Title"),
    N_("The document’s title, for example 关于加强镇街社工站建设的实施意见") },
  { GW_META_RECIPIENTS, 0, N_("Main recipients"),
    N_("Who the document is addressed to, ending with a full-width colon (：)") },
  { GW_META_ORGAN_MARK, 1, N_("Issuing organ mark"),
    N_("The organ’s name followed by 文件, printed in red at the top") },
  { GW_META_DOC_NUMBER, 1, N_("Document number"),
    N_("Organ code, year in 〔〕 and number, for example 神政办发〔2023〕12号") },
  { GW_META_SIGNATORY, 1, N_("Signatory"),
    N_("Only for documents sent to a higher authority") },
  { GW_META_COPY_NUMBER, 1, N_("Copy number"),
    N_("Six digits; only for classified documents") },
  { GW_META_CLASSIFICATION, 1, N_("Classification"),
    N_("Secrecy level and period, only for classified documents") },
  { GW_META_URGENCY, 1, N_("Urgency"),
    N_("特急 or 加急, only when the document is urgent") },
  { GW_META_SIGNATURE, 2, N_("Issuing organ (signature)"),
    N_("The organ’s full name under the body") },
  { GW_META_DATE, 2, N_("Date"),
    N_("The date the document is signed, written out: 2023年3月10日") },
  { GW_META_NOTE, 2, N_("Note"),
    N_("Printed in parentheses under the date; leave out the parentheses") },
  { GW_META_COPY_TO, 3, N_("Copy to"),
    N_("Organs that receive copies, separated by 、 or ，; without 抄送：") },
  { GW_META_PRINTING_ORGAN, 3, N_("Printing organ"),
    N_("Usually the issuing organ’s office") },
  { GW_META_PRINTING_DATE, 3, N_("Printing date"),
    N_("The date the document is printed, for example 2023年3月10日; without 印发") },
};

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
      {
        GPtrArray *rows = gw_block_get_rows (block);
        g_autofree char *first = NULL;

        if (rows && rows->len > 0)
          first = g_strjoinv (" | ", g_ptr_array_index (rows, 0));
        /* Tables are edited as a whole elsewhere; here they are one
         * read-only line so the lines around them keep their blocks. */
        return g_strdup_printf (_("〔Table, %u rows: %s〕"), rows ? rows->len : 0,
                                first ? first : "");
      }
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
  if (parse_attachment_line (line, &number, &title))
    {
      *prefix = g_utf8_strlen (line, title - line);
      return gw_block_new_attachment (number, title);
    }
  if (gw_heading_marker_parse (line, &marker) && marker.level >= 1 && marker.level <= 4)
    return gw_block_new_heading (marker.level, line);
  return gw_block_new (GW_BLOCK_PARAGRAPH, line);
}

/* Updates @block in place to what @line says (keeps its identity, so the
 * document emits one notify per changed block, not a splice). */
static void
update_block (GwBlock    *block,
              const char *line,
              guint      *prefix)
{
  g_autoptr(GwBlock) fresh = block_for_line (line, prefix);

  if (gw_block_get_kind (block) == GW_BLOCK_TABLE)
    return;
  if (gw_block_get_kind (block) != gw_block_get_kind (fresh))
    gw_block_set_kind (block, gw_block_get_kind (fresh));
  if (gw_block_get_level (block) != gw_block_get_level (fresh))
    gw_block_set_level (block, gw_block_get_level (fresh));
  if (gw_block_get_number (block) != gw_block_get_number (fresh))
    gw_block_set_number (block, gw_block_get_number (fresh));
  if (g_strcmp0 (gw_block_get_text (block), gw_block_get_text (fresh)) != 0)
    gw_block_set_text (block, gw_block_get_text (fresh));
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

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
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
    if (!is_blank (lines[i]))
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
          update_block (block, g_ptr_array_index (new_texts, i),
                        &g_array_index (places, BlockPlace, i).prefix);
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
    if (*lines[i] != '\0' && is_blank (lines[i]))
      style_line (self, i, NULL);
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

  g_ptr_array_set_size (self->block_texts, 0);
  g_array_set_size (self->places, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (blocks, i);
      BlockPlace *place = &g_array_index (self->places, BlockPlace, i);
      char *shown = block_display_text (block, &place->prefix);

      /* A block holding a newline (tables) would take two lines. */
      g_strdelimit (shown, "\n", ' ');
      place->line = i;
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, shown);
      g_ptr_array_add (self->block_texts, shown);
    }

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text->str, text->len);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (blocks, i);

      style_line (self, i, block);
      if (gw_block_get_kind (block) == GW_BLOCK_TABLE)
        {
          GtkTextIter start, end;
          gtk_text_buffer_get_iter_at_line (self->buffer, &start, i);
          end = start;
          gtk_text_iter_forward_to_line_end (&end);
          gtk_text_buffer_apply_tag (self->buffer, self->tag_table, &start, &end);
        }
    }
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

/* ---- metadata form ------------------------------------------------------- */

static void
on_attachments_changed_cb (GwEditor *self)
{
  const char *text;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) names = NULL;

  if (self->updating_attachments || self->document == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->attachments_row));
  parts = g_regex_split_simple ("[；;\n]", text, 0, 0);
  names = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i])
        g_ptr_array_add (names, parts[i]);
    }
  g_ptr_array_add (names, NULL);
  gw_document_set_attachments (self->document, (const char * const *) names->pdata);
}

/* ---- several organs (联合行文) --------------------------------------------- */

static void organ_rows_store (OrganRows *rows);

static void
on_remove_organ_cb (GtkButton *button,
                    OrganRows *rows)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  GtkWidget *list = gtk_widget_get_parent (row);

  g_ptr_array_remove (rows->extra, row);
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), row);
  organ_rows_store (rows);
  gtk_widget_grab_focus (rows->lead);
}

/* Adds the row of a further organ, after the lead row and the others. */
static GtkWidget *
organ_rows_add (OrganRows *rows)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *list = gtk_widget_get_parent (rows->lead);
  gboolean mark = rows->meta == GW_META_ORGAN_MARK;
  const char *title = mark ? _("Organ issuing jointly") : _("Organ signing jointly");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_tooltip_text (row, mark ? _("The full name of another organ issuing this "
                                             "document, printed under the lead organ")
                                         : _("The full name of another organ signing this "
                                             "document, in the same order as at the top"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this organ"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this organ"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_organ_cb), rows);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (organ_rows_store), rows);

  /* AdwPreferencesGroup only appends; its rows live in a GtkListBox, where
   * this one goes right after the organs before it. */
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_insert (GTK_LIST_BOX (list), row,
                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (rows->lead)) + 1 +
                         rows->extra->len);
  g_ptr_array_add (rows->extra, row);
  return row;
}

static void
on_add_organ_cb (OrganRows *rows)
{
  gtk_widget_grab_focus (organ_rows_add (rows));
}

/* Shows the document's value: the lead organ (with 文件 as the author
 * writes a single mark) in the lead row, each further one in a row. */
static void
organ_rows_load (OrganRows *rows)
{
  GwDocument *doc = rows->editor->document;
  const char *value = doc ? gw_document_get_meta (doc, rows->meta) : "";
  g_auto(GStrv) organs = NULL;
  g_autofree char *lead = NULL;
  gboolean suffix = FALSE;
  guint n;

  if (rows->updating)
    return;
  if (rows->meta == GW_META_ORGAN_MARK)
    organs = gw_organ_mark_split (value, &suffix);
  else
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        if (*g_strstrip (lines[i]))
          g_strv_builder_add (b, lines[i]);
      organs = g_strv_builder_end (b);
    }
  n = g_strv_length (organs);

  rows->updating = TRUE;
  if (n < 2)
    {
      /* one organ: the value as written, exactly as before */
      n = 1;
      lead = g_strdup (value);
    }
  else
    lead = g_strconcat (organs[0], suffix ? "文件" : "", NULL);
  gtk_editable_set_text (GTK_EDITABLE (rows->lead), lead);
  while (rows->extra->len > n - 1)
    {
      GtkWidget *row = g_ptr_array_steal_index (rows->extra, rows->extra->len - 1);
      GtkWidget *list = gtk_widget_get_parent (row);

      if (GTK_IS_LIST_BOX (list))
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
    }
  while (rows->extra->len < n - 1)
    organ_rows_add (rows);
  for (guint i = 1; i < n; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows->extra, i - 1)), organs[i]);
  rows->updating = FALSE;
}

/* Writes the rows back: the lead row alone as it stands; with further
 * organs, one a line, and for the mark 文件 (typed after the lead organ,
 * as for a single mark) last. */
static void
organ_rows_store (OrganRows *rows)
{
  GwDocument *doc = rows->editor->document;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lead = NULL;
  g_autofree char *value = NULL;
  gboolean suffix = FALSE;

  if (rows->updating || doc == NULL)
    return;
  lead = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->lead)));
  for (guint i = 0; i < rows->extra->len; i++)
    {
      char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                 GTK_EDITABLE (g_ptr_array_index (rows->extra, i)))));
      if (*name)
        g_ptr_array_add (names, name);
      else
        g_free (name);
    }
  if (names->len == 0)
    value = g_strdup (lead);
  else
    {
      g_strstrip (lead);
      if (rows->meta == GW_META_ORGAN_MARK && g_str_has_suffix (lead, "文件"))
        {
          lead[strlen (lead) - strlen ("文件")] = '\0';
          g_strstrip (lead);
          suffix = TRUE;
        }
      g_ptr_array_insert (names, 0, g_steal_pointer (&lead));
      g_ptr_array_add (names, NULL);
      if (rows->meta == GW_META_ORGAN_MARK)
        value = gw_organ_mark_join ((const char * const *) names->pdata, suffix);
      else
        value = g_strjoinv ("\n", (char **) names->pdata);
    }
  rows->updating = TRUE;
  gw_document_set_meta (doc, rows->meta, value);
  rows->updating = FALSE;
}

/* The row showing character @offset of the value (one organ a line), and
 * the offset within that row. "文件" on the mark's last line is typed
 * after the lead organ, so it goes there. */
static GtkWidget *
organ_rows_locate (OrganRows *rows,
                   guint     *offset)
{
  const char *value = gw_document_get_meta (rows->editor->document, rows->meta);
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
  guint start = 0;

  for (guint i = 0; lines[i]; i++)
    {
      guint len = g_utf8_strlen (lines[i], -1);

      if (*offset <= start + len)
        {
          guint lead_len;

          if (i == 0)
            {
              *offset -= start;
              return rows->lead;
            }
          if (i <= rows->extra->len)
            {
              *offset -= start;
              return g_ptr_array_index (rows->extra, i - 1);
            }
          /* the "文件" line: at the end of the lead row */
          lead_len = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (rows->lead)), -1);
          *offset = lead_len - MIN (len, lead_len) + (*offset - start);
          return rows->lead;
        }
      start += len + 1;
    }
  return rows->lead;
}

static void
build_organ_rows (GwEditor            *self,
                  guint                index,
                  GwMeta               meta,
                  AdwPreferencesGroup *group)
{
  OrganRows *rows = &self->organs[index];
  gboolean mark = meta == GW_META_ORGAN_MARK;
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  rows->editor = self;
  rows->meta = meta;
  rows->lead = self->meta_rows[meta];
  rows->extra = g_ptr_array_new ();
  g_signal_connect_swapped (rows->lead, "changed", G_CALLBACK (organ_rows_store), rows);

  rows->add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->add_row),
                                 mark ? _("Add an organ issuing jointly")
                                      : _("Add an organ signing jointly"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->add_row),
                               mark ? _("For a document issued together with other organs. "
                                        "The lead organ stays first; its 文件 is printed "
                                        "beside all the names")
                                    : _("Each organ issuing the document signs it, in the "
                                        "same order as at the top"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (rows->add_row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rows->add_row), TRUE);
  g_signal_connect_swapped (rows->add_row, "activated", G_CALLBACK (on_add_organ_cb), rows);
  adw_preferences_group_add (group, rows->add_row);
}

static void
build_form (GwEditor *self)
{
  AdwPreferencesGroup *groups[] = {
    self->title_group, self->header_group, self->signature_group, self->footer_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (meta_rows); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      const char *description = g_dgettext (GETTEXT_PACKAGE, meta_rows[i].description);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dgettext (GETTEXT_PACKAGE, meta_rows[i].label));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_tooltip_text (row, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      adw_preferences_group_add (groups[meta_rows[i].group], row);
      self->meta_rows[meta_rows[i].meta] = row;
      if (meta_rows[i].meta == GW_META_ORGAN_MARK)
        build_organ_rows (self, 0, GW_META_ORGAN_MARK, groups[meta_rows[i].group]);
      else if (meta_rows[i].meta == GW_META_SIGNATURE)
        build_organ_rows (self, 1, GW_META_SIGNATURE, groups[meta_rows[i].group]);

      if (meta_rows[i].meta == GW_META_DATE)
        {
          GtkWidget *sealed = adw_action_row_new ();
          GtkWidget *sw = gtk_switch_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sealed), _("Sealed"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (sealed),
                                       _("The signature carries the organ’s seal; this "
                                         "changes where the date goes"));
          gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (sealed), sw);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (sealed), sw);
          adw_preferences_group_add (groups[2], sealed);
          g_object_set_data (G_OBJECT (self), "sealed-switch", sw);

          self->attachments_row = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->attachments_row),
                                         _("Attachments"));
          gtk_widget_set_tooltip_text (self->attachments_row,
                                       _("Names of the attached documents, separated by ；"));
          adw_preferences_group_add (groups[2], self->attachments_row);
          g_signal_connect_swapped (self->attachments_row, "changed",
                                    G_CALLBACK (on_attachments_changed_cb), self);
        }
    }
}

GtkWidget *
gw_editor_get_meta_row (GwEditor *self,
                        GwMeta    meta)
{
  g_return_val_if_fail (GW_IS_EDITOR (self), NULL);
  g_return_val_if_fail (meta < GW_N_META, NULL);
  return self->meta_rows[meta];
}

void
gw_editor_set_document (GwEditor   *self,
                        GwDocument *doc)
{
  g_return_if_fail (GW_IS_EDITOR (self));
  g_return_if_fail (doc == NULL || GW_IS_DOCUMENT (doc));

  for (guint i = 0; i < G_N_ELEMENTS (self->bindings); i++)
    g_clear_pointer (&self->bindings[i], g_binding_unbind);
  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    if (self->document && self->organ_handlers[i])
      {
        g_signal_handler_disconnect (self->document, self->organ_handlers[i]);
        self->organ_handlers[i] = 0;
      }
  if (!g_set_object (&self->document, doc) || doc == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", gw_meta_to_string (self->organs[i].meta), NULL);

      self->organ_handlers[i] = g_signal_connect_swapped (doc, signal, G_CALLBACK (organ_rows_load),
                                                          &self->organs[i]);
      organ_rows_load (&self->organs[i]);
    }
  for (guint i = 0; i < GW_N_META; i++)
    if (self->meta_rows[i] && i != GW_META_ORGAN_MARK && i != GW_META_SIGNATURE)
      self->bindings[i] = g_object_bind_property (doc, gw_meta_to_string (i),
                                                  self->meta_rows[i], "text",
                                                  G_BINDING_BIDIRECTIONAL |
                                                  G_BINDING_SYNC_CREATE);
  self->bindings[GW_N_META] =
    g_object_bind_property (doc, "sealed", g_object_get_data (G_OBJECT (self), "sealed-switch"),
                            "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  {
    const char * const *names = gw_document_get_attachments (doc);
    g_autofree char *joined = g_strjoinv ("；", (char **) names);

    self->updating_attachments = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (self->attachments_row), joined ? joined : "");
    self->updating_attachments = FALSE;
  }
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

static void
select_in_entry (GtkWidget *row,
                 guint      offset,
                 guint      length)
{
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), offset, offset + length);
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
  if (meta >= 0 && meta < GW_N_META && self->meta_rows[meta])
    {
      GtkWidget *row = self->meta_rows[meta];
      guint offset = gw_finding_get_offset (finding);

      for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
        if (self->organs[i].meta == (GwMeta) meta && self->organs[i].extra->len > 0)
          row = organ_rows_locate (&self->organs[i], &offset);
      gtk_stack_set_visible_child_name (self->stack, "details");
      select_in_entry (row, offset, gw_finding_get_length (finding));
      return TRUE;
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

static const GtkTextSearchFlags search_flags =
  GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY;

static void
update_match_count (GwEditor *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter iter, match_start, match_end, all_start, all_end;
  guint count = 0;
  g_autofree char *label = NULL;

  gtk_text_buffer_get_bounds (self->buffer, &all_start, &all_end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_match, &all_start, &all_end);
  if (*needle == '\0')
    {
      gtk_label_set_label (self->match_label, "");
      return;
    }
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, search_flags, &match_start,
                                       &match_end, NULL))
    {
      gtk_text_buffer_apply_tag (self->buffer, self->tag_match, &match_start, &match_end);
      count++;
      iter = match_end;
    }
  label = count ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                                count), count)
                : g_strdup (_("Not found"));
  gtk_label_set_label (self->match_label, label);
}

static gboolean
find (GwEditor *self,
      gboolean  backwards)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter start, end, from, match_start, match_end;
  gboolean found;

  if (*needle == '\0')
    return FALSE;
  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  if (backwards)
    {
      from = start;
      found = gtk_text_iter_backward_search (&from, needle, search_flags, &match_start,
                                             &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (self->buffer, &from);
          found = gtk_text_iter_backward_search (&from, needle, search_flags, &match_start,
                                                 &match_end, NULL);
        }
    }
  else
    {
      from = end;
      found = gtk_text_iter_forward_search (&from, needle, search_flags, &match_start,
                                            &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (self->buffer, &from);
          found = gtk_text_iter_forward_search (&from, needle, search_flags, &match_start,
                                                &match_end, NULL);
        }
    }
  if (found)
    {
      gtk_stack_set_visible_child_name (self->stack, "body");
      gtk_text_buffer_select_range (self->buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (self->text_view, &match_start, 0.1, FALSE, 0, 0);
    }
  return found;
}

static void
on_search_changed_cb (GwEditor *self)
{
  GtkTextIter start;

  update_match_count (self);
  /* Search from where the selection starts, so the match grows in place. */
  gtk_text_buffer_get_selection_bounds (self->buffer, &start, NULL);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  find (self, FALSE);
}

static void
on_search_activate_cb (GwEditor *self)
{
  find (self, FALSE);
}

static void
on_search_previous_cb (GwEditor *self)
{
  find (self, TRUE);
}

static void
on_stop_search_cb (GwEditor *self)
{
  GtkTextIter start, end;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag_match, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static gboolean
selection_matches (GwEditor *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return FALSE;
  selected = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  a = g_utf8_casefold (selected, -1);
  b = g_utf8_casefold (needle, -1);
  return g_str_equal (a, b);
}

static void
replace_one (GwEditor *self)
{
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  if (selection_matches (self))
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_delete (self->buffer, &start, &end);
      gtk_text_buffer_insert (self->buffer, &start, replacement, -1);
      gtk_text_buffer_end_user_action (self->buffer);
      gtk_text_buffer_place_cursor (self->buffer, &start);
    }
  find (self, FALSE);
  update_match_count (self);
}

static void
replace_all (GwEditor *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  GtkTextIter iter, match_start, match_end;
  GtkTextMark *mark;
  guint count = 0;
  g_autofree char *msg = NULL;

  if (*needle == '\0')
    return;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  mark = gtk_text_buffer_create_mark (self->buffer, NULL, &iter, FALSE);
  while (gtk_text_iter_forward_search (&iter, needle, search_flags, &match_start,
                                       &match_end, NULL))
    {
      gtk_text_buffer_delete (self->buffer, &match_start, &match_end);
      gtk_text_buffer_insert (self->buffer, &match_start, replacement, -1);
      gtk_text_buffer_move_mark (self->buffer, mark, &match_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, mark);
      count++;
    }
  gtk_text_buffer_delete_mark (self->buffer, mark);
  gtk_text_buffer_end_user_action (self->buffer);
  update_match_count (self);
  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replaced %u time",
                                      "Replaced %u times", count), count);
  gtk_label_set_label (self->match_label, msg);
}

static void
on_replace_activate_cb (GwEditor *self)
{
  replace_one (self);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  find (GW_EDITOR (widget), g_str_equal (action_name, "editor.find-previous"));
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (g_str_equal (action_name, "editor.replace-all"))
    replace_all (GW_EDITOR (widget));
  else
    replace_one (GW_EDITOR (widget));
}

void
gw_editor_show_find (GwEditor *self,
                     gboolean  replace)
{
  GtkTextIter start, end;

  g_return_if_fail (GW_IS_EDITOR (self));

  gtk_widget_set_visible (self->replace_box, replace);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* ---- GObject --------------------------------------------------------------- */

static gboolean
gw_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (GW_EDITOR (widget)->text_view));
}

static void
gw_editor_dispose (GObject *object)
{
  GwEditor *self = GW_EDITOR (object);

  g_clear_handle_id (&self->sync_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->bindings); i++)
    g_clear_pointer (&self->bindings[i], g_binding_unbind);
  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    {
      if (self->document && self->organ_handlers[i])
        g_signal_handler_disconnect (self->document, self->organ_handlers[i]);
      self->organ_handlers[i] = 0;
      /* the rows go with the template; stop them writing back */
      self->organs[i].updating = TRUE;
    }
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
  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    g_clear_pointer (&self->organs[i].extra, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_editor_parent_class)->finalize (object);
}

static void
gw_editor_class_init (GwEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_editor_dispose;
  object_class->finalize = gw_editor_finalize;
  widget_class->grab_focus = gw_editor_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GwEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, replace_box);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, match_label);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, title_group);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, header_group);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, signature_group);
  gtk_widget_class_bind_template_child (widget_class, GwEditor, footer_group);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "editor.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "editor.replace-all", NULL, replace_action);
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
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Screen stand-ins for the printed faces: 黑体 for level 1, 楷体 for level 2. */
  self->tag_h1 = gtk_text_buffer_create_tag (self->buffer, "heading-1",
                                             "family", "Noto Sans CJK SC, Source Han Sans SC, sans",
                                             "weight", PANGO_WEIGHT_BOLD, NULL);
  self->tag_h2 = gtk_text_buffer_create_tag (self->buffer, "heading-2",
                                             "family", "AR PL KaitiM GB, LXGW WenKai, KaiTi, serif",
                                             "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  self->tag_table = gtk_text_buffer_create_tag (self->buffer, "table",
                                                "editable", FALSE, "style", PANGO_STYLE_ITALIC,
                                                NULL);
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
  self->tag_match = gtk_text_buffer_create_tag (self->buffer, "search-match",
                                                "background-rgba",
                                                &(GdkRGBA) { 0.96, 0.83, 0.18, 0.5 }, NULL);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
  build_form (self);
}

GwEditor *
gw_editor_new (void)
{
  return g_object_new (GW_TYPE_EDITOR, NULL);
}
