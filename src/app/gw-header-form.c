/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-header-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gw-app-register.h"
#include "gw-header-form.h"

/* The header and footer of an opinion as a form bound to the document's
 * properties: title and recipients, the 版头 (letter format, organ mark
 * with the organs issuing jointly, number, …), signature (with the organs
 * signing jointly), date, seal and attachments, and the 版记. */

/* A field that names one organ or, for a document issued jointly
 * (联合行文), several: the field as it always was for the lead organ, one
 * more row per further organ and a row that adds one. The document keeps
 * them in one value, one organ a line (gw_organ_mark_join()). */
typedef struct {
  GwHeaderForm *form;
  GwMeta     meta;
  GtkWidget *lead;      /* form->meta_rows[meta] */
  GPtrArray *extra;     /* AdwEntryRow per further organ */
  GtkWidget *add_row;
  gboolean   updating;
} OrganRows;

struct _GwHeaderForm
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *title_group;
  AdwPreferencesGroup *header_group;
  AdwPreferencesGroup *signature_group;
  AdwPreferencesGroup *footer_group;

  GwDocument          *document;
  GFile               *file;      /* where the document is saved, if it is */
  GtkWidget           *meta_rows[GW_N_META];
  GtkWidget           *attachments_row;
  OrganRows            organs[2];     /* organ mark, signature: 联合行文 */
  gulong               organ_handlers[2];
  GBinding            *bindings[GW_N_META + 2];   /* meta, sealed, format */
  gboolean             updating_attachments;
  GtkWidget           *take_row;
};

G_DEFINE_FINAL_TYPE (GwHeaderForm, gw_header_form, GTK_TYPE_WIDGET)

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

/* ---- attachments ---------------------------------------------------------- */

static void
on_attachments_changed_cb (GwHeaderForm *self)
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
  GwDocument *doc = rows->form->document;
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
  GwDocument *doc = rows->form->document;
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
  const char *value = gw_document_get_meta (rows->form->document, rows->meta);
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
build_organ_rows (GwHeaderForm        *self,
                  guint                index,
                  GwMeta               meta,
                  AdwPreferencesGroup *group)
{
  OrganRows *rows = &self->organs[index];
  gboolean mark = meta == GW_META_ORGAN_MARK;
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  rows->form = self;
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

/* ---- 取号: the next number from the register ------------------------------ */

static GtkWindow *
parent_window (GwHeaderForm *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_problem (GwHeaderForm *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The document's .gwdoc, if it has been saved: recorded with the number
 * so the register view can open it. */
static char *
document_file (GwHeaderForm *self)
{
  return self->file ? g_file_get_path (self->file) : g_strdup ("");
}

gboolean
gw_header_form_take_number (GwHeaderForm  *self,
                            const char    *organ,
                            const char    *code,
                            int            year,
                            const char    *void_reason,
                            GError       **error)
{
  GwRegister *reg;
  g_autoptr(GwRegisterEntry) entry = NULL;
  g_autofree char *file = NULL;
  g_autofree char *owner = NULL;
  const char *old;

  g_return_val_if_fail (GW_IS_HEADER_FORM (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  reg = gw_app_register_get (error);
  if (reg == NULL)
    return FALSE;
  /* Re-numbering: the old number is voided with a reason, or kept
   * reserved (and shown stale in time): never released silently. */
  old = gw_document_get_meta (self->document, GW_META_DOC_NUMBER);
  if (void_reason && old && *old)
    {
      g_autofree char *number = g_strstrip (g_strdup (old));
      if (!gw_register_void (reg, number, void_reason, error))
        return FALSE;
    }
  /* A 代字 typed for the first time joins the organ named with it. */
  {
    g_auto(GStrv) codes = gw_register_list_codes (reg, organ);
    if (codes == NULL || !g_strv_contains ((const char * const *) codes, code))
      {
        const char *one[] = { code, NULL };
        if (!gw_register_add_organ (reg, organ, one, error))
          return FALSE;
      }
  }
  file = document_file (self);
  entry = gw_register_take (reg, organ, code, year,
                            gw_document_get_meta (self->document, GW_META_TITLE),
                            gw_document_kind_to_string (gw_document_get_kind (self->document)),
                            file, error);
  if (entry == NULL)
    return FALSE;
  gw_document_set_meta (self->document, GW_META_DOC_NUMBER, entry->number);
  {
    g_autofree char *taken = g_strdup_printf (_("Took %s from the register"), entry->number);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->take_row), taken);
  }
  /* the first number creates the register: let the checker see it (the
   * application owns the checker) */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.attach-register", NULL);
  return TRUE;
}

typedef struct {
  GwHeaderForm *self;
  GtkEditable  *organ;
  GtkEditable  *code;
  GtkSpinButton *year;
  GtkEditable  *reason;
} TakeDialog;

static void
take_dialog_free (gpointer  data,
                  GClosure *closure)
{
  TakeDialog *t = data;

  g_object_unref (t->self);
  g_free (t);
}

static void
do_take (TakeDialog *t,
         const char *void_reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organ = g_strstrip (g_strdup (gtk_editable_get_text (t->organ)));
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (t->code)));

  if (!gw_header_form_take_number (t->self, organ, code, gtk_spin_button_get_value_as_int (t->year),
                                   void_reason, &error))
    show_problem (t->self, _("Could Not Take a Number"), error->message);
}

static void
on_renumber_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         TakeDialog       *t)
{
  if (g_str_equal (response, "void"))
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (t->reason)));
      do_take (t, reason);
    }
  else if (g_str_equal (response, "keep"))
    do_take (t, NULL);
}

static void
on_reason_changed_cb (GtkEditable      *reason,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "void", *text != '\0');
}

static void
on_take_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TakeDialog       *t)
{
  GwRegister *reg;
  const char *old;
  g_autoptr(GwRegisterEntry) prev = NULL;

  if (!g_str_equal (response, "take"))
    return;
  old = gw_document_get_meta (t->self->document, GW_META_DOC_NUMBER);
  reg = gw_app_register_get (NULL);
  if (reg && old && *old)
    {
      g_autofree char *number = g_strstrip (g_strdup (old));
      prev = gw_register_lookup (reg, number, NULL);
    }
  if (prev && prev->status != GW_NUMBER_VOID)
    {
      GtkWidget *ask, *entry;
      TakeDialog *again = g_memdup2 (t, sizeof *t);

      g_object_ref (again->self);
      ask = adw_message_dialog_new (parent_window (t->self), _("Void the Old Number?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (ask),
                                      _("The document already has %s from the register. A new "
                                        "number leaves it void (with a reason) or reserved."),
                                      prev->number);
      entry = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for voiding, e.g. 标题改动后重新编号"));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (ask), entry);
      again->reason = GTK_EDITABLE (entry);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (ask),
                                        "cancel", _("_Cancel"),
                                        "keep", _("_Keep It Reserved"),
                                        "void", _("_Void It"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (ask), "void",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (ask), "void", FALSE);
      g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), ask);
      g_signal_connect_data (ask, "response", G_CALLBACK (on_renumber_response_cb), again,
                             take_dialog_free, 0);
      gtk_window_present (GTK_WINDOW (ask));
      return;
    }
  do_take (t, NULL);
}

static GtkWidget *
labelled (GtkGrid    *grid,
          int         row,
          const char *label,
          GtkWidget  *widget)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

/* What the dialog proposes: the organ of the document's mark (or the
 * first in the register) and its first 代字. */
static void
propose (GwHeaderForm *self,
         GwRegister   *reg,
         char        **organ,
         char        **code)
{
  g_auto(GStrv) organs = reg ? gw_register_list_organs (reg) : NULL;
  g_auto(GStrv) marks = NULL;
  const char *mark = self->document ? gw_document_get_meta (self->document, GW_META_ORGAN_MARK) : "";
  gboolean suffix;

  marks = gw_organ_mark_split (mark ? mark : "", &suffix);
  *organ = g_strdup (marks && marks[0] ? marks[0] : "");
  if (organs && organs[0] && !g_strv_contains ((const char * const *) organs, *organ))
    {
      g_free (*organ);
      *organ = g_strdup (organs[0]);
    }
  *code = NULL;
  if (reg)
    {
      g_auto(GStrv) codes = gw_register_list_codes (reg, *organ);
      if (codes && codes[0])
        *code = g_strdup (codes[0]);
    }
  if (*code == NULL)
    *code = g_strdup ("");
}

GtkWidget *
gw_header_form_show_take_dialog (GwHeaderForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *organ = NULL;
  g_autofree char *code = NULL;
  GwRegister *reg = gw_app_register_get (&error);
  GtkWidget *dialog, *grid;
  TakeDialog *t;

  if (reg == NULL)
    {
      show_problem (self, _("Could Not Open the Register"), error->message);
      return NULL;
    }
  if (gw_register_get_notice (reg) && gw_register_is_read_only (reg))
    {
      show_problem (self, _("The Register Is Read-Only"), gw_register_get_notice (reg));
      return NULL;
    }
  propose (self, reg, &organ, &code);

  t = g_new0 (TakeDialog, 1);
  t->self = g_object_ref (self);
  dialog = adw_message_dialog_new (parent_window (self), _("Take a Number"),
                                   _("The next free number of the 代字 and year is written "
                                     "into the document and reserved in the register until "
                                     "it is issued."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  t->organ = GTK_EDITABLE (labelled (GTK_GRID (grid), 0, _("_Organ"), gtk_entry_new ()));
  t->code = GTK_EDITABLE (labelled (GTK_GRID (grid), 1, _("_代字"), gtk_entry_new ()));
  t->year = GTK_SPIN_BUTTON (labelled (GTK_GRID (grid), 2, _("_Year"),
                                       gtk_spin_button_new_with_range (1949, 9999, 1)));
  gtk_editable_set_text (t->organ, organ);
  gtk_editable_set_text (t->code, code);
  gtk_spin_button_set_value (t->year, g_date_time_get_year (now));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "take", _("_Take Number"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "take",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "take");
  g_object_set_data (G_OBJECT (dialog), "organ-entry", t->organ);
  g_object_set_data (G_OBJECT (dialog), "code-entry", t->code);
  g_object_set_data (G_OBJECT (dialog), "year-spin", t->year);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_take_response_cb), t,
                         take_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
build_take_row (GwHeaderForm        *self,
                AdwPreferencesGroup *group)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");

  self->take_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->take_row),
                                 _("Take a number from the register (取号)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->take_row),
                               _("The next free number of the organ’s 代字 for a year"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->take_row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->take_row), TRUE);
  g_signal_connect_swapped (self->take_row, "activated",
                            G_CALLBACK (gw_header_form_show_take_dialog), self);
  adw_preferences_group_add (group, self->take_row);
}

static gboolean
format_to_active (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GW_DOCUMENT_FORMAT_LETTER);
  return TRUE;
}

static gboolean
active_to_format (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_enum (to, g_value_get_boolean (from) ? GW_DOCUMENT_FORMAT_LETTER
                                                   : GW_DOCUMENT_FORMAT_DOCUMENT);
  return TRUE;
}

static void
build_form (GwHeaderForm *self)
{
  AdwPreferencesGroup *groups[] = {
    self->title_group, self->header_group, self->signature_group, self->footer_group,
  };

  /* The format decides how the whole header is laid out, so it leads the
   * header group. */
  {
    GtkWidget *letter = adw_action_row_new ();
    GtkWidget *sw = gtk_switch_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (letter), _("Letter format (信函)"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (letter),
                                 _("For a letter (函) to another organ: the organ’s name "
                                   "between red double lines at the top, the number on the "
                                   "right, no page number on the first page"));
    gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
    adw_action_row_add_suffix (ADW_ACTION_ROW (letter), sw);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (letter), sw);
    adw_preferences_group_add (groups[1], letter);
    g_object_set_data (G_OBJECT (self), "letter-switch", sw);
  }

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
      if (meta_rows[i].meta == GW_META_DOC_NUMBER)
        build_take_row (self, groups[meta_rows[i].group]);
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
gw_header_form_get_meta_row (GwHeaderForm *self,
                             GwMeta        meta)
{
  g_return_val_if_fail (GW_IS_HEADER_FORM (self), NULL);
  g_return_val_if_fail (meta < GW_N_META, NULL);
  return self->meta_rows[meta];
}

static void
unbind (GwHeaderForm *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->bindings); i++)
    g_clear_pointer (&self->bindings[i], g_binding_unbind);
  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    if (self->document && self->organ_handlers[i])
      {
        g_signal_handler_disconnect (self->document, self->organ_handlers[i]);
        self->organ_handlers[i] = 0;
      }
}

void
gw_header_form_set_file (GwHeaderForm *self,
                         GFile        *file)
{
  g_return_if_fail (GW_IS_HEADER_FORM (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
}

void
gw_header_form_set_document (GwHeaderForm *self,
                             GwDocument   *doc)
{
  g_return_if_fail (GW_IS_HEADER_FORM (self));
  g_return_if_fail (doc == NULL || GW_IS_DOCUMENT (doc));

  unbind (self);
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
  self->bindings[GW_N_META + 1] =
    g_object_bind_property_full (doc, "format", g_object_get_data (G_OBJECT (self), "letter-switch"),
                                 "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                 format_to_active, active_to_format, NULL, NULL);
  {
    const char * const *names = gw_document_get_attachments (doc);
    g_autofree char *joined = g_strjoinv ("；", (char **) names);

    self->updating_attachments = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (self->attachments_row), joined ? joined : "");
    self->updating_attachments = FALSE;
  }
}

gboolean
gw_header_form_select (GwHeaderForm *self,
                       GwMeta        meta,
                       guint         offset,
                       guint         length)
{
  GtkWidget *row;

  g_return_val_if_fail (GW_IS_HEADER_FORM (self), FALSE);

  if (meta >= GW_N_META || self->meta_rows[meta] == NULL)
    return FALSE;
  row = self->meta_rows[meta];
  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    if (self->organs[i].meta == meta && self->organs[i].extra->len > 0)
      row = organ_rows_locate (&self->organs[i], &offset);
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), offset, offset + length);
  return TRUE;
}

/* ---- GObject --------------------------------------------------------------- */

static void
gw_header_form_dispose (GObject *object)
{
  GwHeaderForm *self = GW_HEADER_FORM (object);

  unbind (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    /* the rows go with the template; stop them writing back */
    self->organs[i].updating = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_HEADER_FORM);
  /* GTK 4.8 leaves unnamed template children in place. */
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (gw_header_form_parent_class)->dispose (object);
}

static void
gw_header_form_finalize (GObject *object)
{
  GwHeaderForm *self = GW_HEADER_FORM (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->organs); i++)
    g_clear_pointer (&self->organs[i].extra, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_header_form_parent_class)->finalize (object);
}

static void
gw_header_form_class_init (GwHeaderFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_header_form_dispose;
  object_class->finalize = gw_header_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-header-form.ui");
  gtk_widget_class_bind_template_child (widget_class, GwHeaderForm, title_group);
  gtk_widget_class_bind_template_child (widget_class, GwHeaderForm, header_group);
  gtk_widget_class_bind_template_child (widget_class, GwHeaderForm, signature_group);
  gtk_widget_class_bind_template_child (widget_class, GwHeaderForm, footer_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gw_header_form_init (GwHeaderForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);
}

GwHeaderForm *
gw_header_form_new (void)
{
  return g_object_new (GW_TYPE_HEADER_FORM, NULL);
}
