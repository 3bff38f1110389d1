/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-report-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gw-import-report.h"
#include "gw-import-report-dialog.h"

static const struct {
  const char *id;
  const char *label;
} element_labels[] = {
  { "copy-number", N_("copy number (份号)") },
  { "classification", N_("classification (密级)") },
  { "urgency", N_("urgency (紧急程度)") },
  { "organ-mark", N_("issuing organ's mark (发文机关标志)") },
  { "doc-number", N_("document number (发文字号)") },
  { "signatory", N_("signatory (签发人)") },
  { "title", N_("title (标题)") },
  { "recipients", N_("main recipients (主送机关)") },
  { "signature", N_("signature (署名)") },
  { "date", N_("date (成文日期)") },
  { "note", N_("note (附注)") },
  { "copy-to", N_("copied to (抄送)") },
  { "printing-organ", N_("printing organ (印发机关)") },
  { "printing-date", N_("printing date (印发日期)") },
  { "attachments", N_("attachment list (附件说明)") },
  { "headings", N_("headings") },
  { "tables", N_("tables") },
  { "attachment-pages", N_("attachment pages") },
  { "automatic-numbering", N_("automatic numbering (turned into typed markers)") },
  { "red-rule", N_("the red rule") },
  { "text-boxes", N_("text boxes") },
};

static const struct {
  const char *id;
  const char *label;
} dropped_labels[] = {
  { "comments", N_("comments") },
  { "tracked-changes", N_("tracked changes (read as accepted)") },
  { "images", N_("images") },
  { "drawings", N_("drawings") },
  { "footnotes", N_("footnotes") },
  { "equations", N_("equations") },
};

static const char *
label_of (const char *id,
          gboolean    dropped)
{
  if (dropped)
    {
      for (guint i = 0; i < G_N_ELEMENTS (dropped_labels); i++)
        if (g_str_equal (dropped_labels[i].id, id))
          return _(dropped_labels[i].label);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (element_labels); i++)
        if (g_str_equal (element_labels[i].id, id))
          return _(element_labels[i].label);
    }
  return id;
}

void
gw_import_report_dialog_present (GtkWindow  *parent,
                                 GwDocument *doc,
                                 const char *file_name)
{
  GwImportReport *report = gw_document_get_import_report (doc);
  g_autoptr(GString) body = g_string_new (NULL);
  const char * const *ids;
  GtkWidget *dialog;

  if (report == NULL || !g_str_equal (gw_import_report_get_format (report), "docx"))
    return;

  ids = gw_import_report_get_recognised (report);
  if (ids[0] == NULL)
    g_string_append (body, _("No header elements were recognised."));
  else
    {
      g_string_append (body, _("Recognised:"));
      for (; *ids; ids++)
        g_string_append_printf (body, "\n• %s", label_of (*ids, FALSE));
    }
  ids = gw_import_report_get_dropped_kinds (report);
  if (ids[0])
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("Left out:"));
      for (; *ids; ids++)
        g_string_append_printf (body, "\n• %s: %u", label_of (*ids, TRUE),
                                gw_import_report_get_dropped (report, *ids));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Check the header and closing elements in the Header and Footer "
                           "form above the text before you save or export."));

  dialog = adw_message_dialog_new (parent, NULL, body->str);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Imported %s"), file_name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
