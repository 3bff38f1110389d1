/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-report"

#include "config.h"

#include <string.h>

#include "gw-block.h"
#include "gw-import-report.h"

struct _GwImportReport {
  gatomicrefcount ref;
  char      *format;
  char      *converted_from;
  GPtrArray *dropped_kinds;   /* char *, NULL-terminated */
  GArray    *dropped_counts;  /* guint, parallel */
  GPtrArray *recognised;      /* char *, NULL-terminated */
};

GwImportReport *
gw_import_report_new (const char *format)
{
  GwImportReport *report = g_new0 (GwImportReport, 1);

  g_atomic_ref_count_init (&report->ref);
  report->format = g_strdup (format);
  report->dropped_kinds = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  report->dropped_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  report->recognised = g_ptr_array_new_null_terminated (16, g_free, TRUE);
  return report;
}

GwImportReport *
gw_import_report_ref (GwImportReport *report)
{
  g_atomic_ref_count_inc (&report->ref);
  return report;
}

void
gw_import_report_unref (GwImportReport *report)
{
  if (report == NULL || !g_atomic_ref_count_dec (&report->ref))
    return;
  g_free (report->format);
  g_free (report->converted_from);
  g_ptr_array_unref (report->dropped_kinds);
  g_array_unref (report->dropped_counts);
  g_ptr_array_unref (report->recognised);
  g_free (report);
}

const char *
gw_import_report_get_format (GwImportReport *report)
{
  return report->format;
}

const char *
gw_import_report_get_converted_from (GwImportReport *report)
{
  return report->converted_from;
}

void
gw_import_report_set_converted_from (GwImportReport *report,
                                     const char     *format)
{
  g_free (report->converted_from);
  report->converted_from = g_strdup (format);
}

void
gw_import_report_add_dropped (GwImportReport *report,
                              const char     *kind,
                              guint           count)
{
  if (count == 0)
    return;
  for (guint i = 0; i < report->dropped_kinds->len; i++)
    if (strcmp (g_ptr_array_index (report->dropped_kinds, i), kind) == 0)
      {
        g_array_index (report->dropped_counts, guint, i) += count;
        return;
      }
  g_ptr_array_add (report->dropped_kinds, g_strdup (kind));
  g_array_append_val (report->dropped_counts, count);
}

guint
gw_import_report_get_dropped (GwImportReport *report,
                              const char     *kind)
{
  for (guint i = 0; i < report->dropped_kinds->len; i++)
    if (strcmp (g_ptr_array_index (report->dropped_kinds, i), kind) == 0)
      return g_array_index (report->dropped_counts, guint, i);
  return 0;
}

const char * const *
gw_import_report_get_dropped_kinds (GwImportReport *report)
{
  return (const char * const *) report->dropped_kinds->pdata;
}

gboolean
gw_import_report_has_recognised (GwImportReport *report,
                                 const char     *what)
{
  for (guint i = 0; i < report->recognised->len; i++)
    if (strcmp (g_ptr_array_index (report->recognised, i), what) == 0)
      return TRUE;
  return FALSE;
}

void
gw_import_report_add_recognised (GwImportReport *report,
                                 const char     *what)
{
  if (!gw_import_report_has_recognised (report, what))
    g_ptr_array_add (report->recognised, g_strdup (what));
}

const char * const *
gw_import_report_get_recognised (GwImportReport *report)
{
  return (const char * const *) report->recognised->pdata;
}

void
gw_import_report_recognise_document (GwImportReport *report,
                                     GwDocument     *doc)
{
  GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (doc));
  guint n = g_list_model_get_n_items (blocks);
  gboolean seen[4] = { FALSE, };
  static const char *structural[] = { NULL, "headings", "tables", "attachment-pages" };

  for (GwMeta m = 0; m < GW_N_META; m++)
    if (*gw_document_get_meta (doc, m) != '\0')
      gw_import_report_add_recognised (report, gw_meta_to_string (m));
  {
    const char * const *names = gw_document_get_attachments (doc);
    if (names && names[0])
      gw_import_report_add_recognised (report, "attachments");
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (blocks, i);
      GwBlockKind kind = gw_block_get_kind (block);
      if (kind != GW_BLOCK_PARAGRAPH && kind < G_N_ELEMENTS (seen) && !seen[kind])
        {
          seen[kind] = TRUE;
          gw_import_report_add_recognised (report, structural[kind]);
        }
    }
}

static const char report_key[] = "gw-import-report";

GwImportReport *
gw_document_get_import_report (GwDocument *doc)
{
  return g_object_get_data (G_OBJECT (doc), report_key);
}

void
gw_document_set_import_report (GwDocument     *doc,
                               GwImportReport *report)
{
  g_object_set_data_full (G_OBJECT (doc), report_key,
                          report ? gw_import_report_ref (report) : NULL,
                          (GDestroyNotify) gw_import_report_unref);
}
