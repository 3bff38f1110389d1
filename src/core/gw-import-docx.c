/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-block.h"
#include "gw-error.h"
#include "gw-import-docx.h"
#include "gw-import-docx-private.h"
#include "gw-import-line-private.h"
#include "gw-import-report.h"
#include "gw-package.h"
#include "gw-xml-private.h"

/* ---- mapping table rows back to their cells ---------------------------------- */

static void
map_position (Docx  *d,
              guint  line,
              guint  column,
              guint *out_line,
              guint *out_column)
{
  GArray *segments = g_hash_table_lookup (d->row_maps, GUINT_TO_POINTER (line));

  *out_line = line;
  *out_column = column;
  if (segments == NULL || column == 0)
    return;
  for (guint i = segments->len; i > 0; i--)
    {
      Segment *s = &g_array_index (segments, Segment, i - 1);
      if (column - 1 >= s->start)
        {
          *out_line = s->para;
          *out_column = s->column + (column - 1 - s->start);
          return;
        }
    }
}

static void
map_document (Docx       *d,
              GwDocument *doc)
{
  GListModel *blocks = G_LIST_MODEL (gw_document_get_blocks (doc));

  if (g_hash_table_size (d->row_maps) == 0)
    return;
  for (GwMeta m = 0; m < GW_N_META; m++)
    {
      guint column = 0, line = gw_document_get_meta_line (doc, m, &column);
      if (line)
        {
          guint l2, c2;
          map_position (d, line, column, &l2, &c2);
          gw_document_set_meta_source (doc, m, l2, c2);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (blocks, i);
      guint n = 0;
      const GwSourceSpan *spans = gw_block_get_spans (block, &n);
      g_autofree GwSourceSpan *copy = g_memdup2 (spans, n * sizeof *spans);

      if (n == 0)
        continue;
      gw_block_clear_spans (block);
      for (guint k = 0; k < n; k++)
        {
          guint l2, c2;
          map_position (d, copy[k].line, copy[k].column, &l2, &c2);
          gw_block_add_span (block, copy[k].offset, l2, c2);
        }
    }
}

/* ---- the importer ------------------------------------------------------------ */

static void
docx_clear (Docx *d)
{
  g_clear_pointer (&d->styles, g_hash_table_unref);
  g_clear_pointer (&d->abstracts, g_hash_table_unref);
  g_clear_pointer (&d->nums, g_hash_table_unref);
  g_clear_pointer (&d->lines, g_array_unref);
  g_clear_pointer (&d->buffers, g_ptr_array_unref);
  g_clear_pointer (&d->row_maps, g_hash_table_unref);
  g_clear_pointer (&d->comment_ids, g_hash_table_unref);
  g_clear_pointer (&d->default_pstyle, g_free);
}

static GwDocument *
import_package (GwPackage  *pkg,
                GError    **error)
{
  Docx d = { 0 };
  g_autofree char *main_part = NULL;
  g_autoptr(xmlDoc) xml = NULL;
  g_autoptr(GwImportReport) report = gw_import_report_new ("docx");
  g_autoptr(GwDocument) doc = NULL;
  xmlNodePtr root, body;
  const char *name = gw_package_get_display_name (pkg);

  main_part = gw_package_find_main_part (pkg, error);
  if (main_part == NULL)
    return NULL;

  d.pkg = pkg;
  d.name = name;
  d.report = report;
  d.error = error;
  d.defaults = (RunProps) { 0, 0, 0 };
  d.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) _gw_import_docx_style_free);
  d.abstracts = g_hash_table_new_full (NULL, NULL, NULL,
                                       (GDestroyNotify) _gw_import_docx_abstract_free);
  d.nums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  d.lines = g_array_sized_new (FALSE, TRUE, sizeof (GwLine), 256);
  d.buffers = g_ptr_array_new_with_free_func (g_free);
  d.row_maps = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  d.comment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!_gw_import_docx_read_styles (&d, main_part) ||
      !_gw_import_docx_read_numbering (&d, main_part))
    {
      docx_clear (&d);
      return NULL;
    }
  xml = gw_package_read_xml (pkg, main_part, error);
  if (xml == NULL)
    {
      docx_clear (&d);
      return NULL;
    }
  root = xmlDocGetRootElement (xml);
  body = child (root, "body");
  if (root == NULL || !is_w (root, "document") || body == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: the main part “%s” is not a Word document body"), name, main_part);
      docx_clear (&d);
      return NULL;
    }

  _gw_import_docx_walk_blocks (&d, body);
  if (d.failed)
    {
      docx_clear (&d);
      return NULL;
    }

  doc = _gw_import_lines ((GwLine *) d.lines->data, d.lines->len, name, error);
  if (doc == NULL)
    {
      docx_clear (&d);
      return NULL;
    }
  map_document (&d, doc);

  gw_import_report_recognise_document (report, doc);
  if (d.numbered)
    gw_import_report_add_recognised (report, "automatic-numbering");
  if (d.red_rule)
    gw_import_report_add_recognised (report, "red-rule");
  if (d.textboxes)
    gw_import_report_add_recognised (report, "text-boxes");
  gw_import_report_add_dropped (report, "comments", g_hash_table_size (d.comment_ids));
  gw_import_report_add_dropped (report, "tracked-changes", d.tracked);
  gw_import_report_add_dropped (report, "images", d.images);
  gw_import_report_add_dropped (report, "drawings", d.drawings);
  gw_import_report_add_dropped (report, "footnotes", d.footnotes);
  gw_import_report_add_dropped (report, "equations", d.equations);
  gw_document_set_import_report (doc, report);

  docx_clear (&d);
  return g_steal_pointer (&doc);
}

GwDocument *
gw_import_docx_bytes (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GwPackage) pkg = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pkg = gw_package_open_bytes (bytes, display_name, error);
  if (pkg == NULL)
    return NULL;
  return import_package (pkg, error);
}

GwDocument *
gw_import_docx_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GwPackage) pkg = NULL;
  GwDocument *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pkg = gw_package_open_file (path, error);
  if (pkg == NULL)
    return NULL;
  doc = import_package (pkg, error);
  if (doc)
    gw_document_set_source_path (doc, path);
  return doc;
}
