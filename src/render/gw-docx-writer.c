/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-docx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "gw-docx-writer-private.h"
#include "gw-error.h"
#include "gw-pdf.h"

static void
expect_free (gpointer data)
{
  Expect *e = data;

  g_free (e->where);
  g_free (e->text);
  g_free (e);
}

/* ---- the document part ---------------------------------------------- */

static void
write_document_body (Ctx *c)
{
  guint n = gw_document_get_n_blocks (c->doc);

  if (gw_document_get_kind (c->doc) == GW_DOCUMENT_KIND_EVALUATION &&
      gw_document_get_evaluation (c->doc))
    {
      _gw_docx_write_evaluation (c);
      return;
    }
  if (c->letter)
    _gw_docx_write_letter_header (c);
  else
    _gw_docx_write_mark_and_number (c);

  if (_gw_docx_meta (c, GW_META_TITLE))
    {
      gboolean rule = !c->letter && _gw_docx_meta (c, GW_META_ORGAN_MARK) &&
                      (_gw_docx_meta (c, GW_META_DOC_NUMBER) ||
                       _gw_docx_meta (c, GW_META_SIGNATORY));
      gboolean any_header = _gw_docx_meta (c, GW_META_DOC_NUMBER) ||
                            _gw_docx_meta (c, GW_META_ORGAN_MARK);
      Para p = { .jc = "center", .style = "Title", .no_grid = TRUE,
                 .before = (rule || c->letter) ? 2 * PITCH_TW : (any_header ? PITCH_TW : 0) };
      Look tl = { FONT_TITLE, TITLE_SZ, NULL, FALSE, FALSE, 0 };

      _gw_docx_expect (c, _gw_docx_meta_where (GW_META_TITLE), _gw_docx_meta (c, GW_META_TITLE));
      _gw_docx_para (c, &p, &tl, _gw_docx_meta (c, GW_META_TITLE));
    }
  if (_gw_docx_meta (c, GW_META_RECIPIENTS))
    {
      Para p = { .jc = "left", .before = _gw_docx_meta (c, GW_META_TITLE) ? PITCH_TW : 0 };

      _gw_docx_expect (c, _gw_docx_meta_where (GW_META_RECIPIENTS),
                       _gw_docx_meta (c, GW_META_RECIPIENTS));
      _gw_docx_para (c, &p, &body_look, _gw_docx_meta (c, GW_META_RECIPIENTS));
    }
  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (c->doc, i);

      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        break;
      _gw_docx_write_block (c, block, i);
    }
  _gw_docx_write_attachment_list (c);
  _gw_docx_write_signature (c);
  _gw_docx_write_attachments (c);
  _gw_docx_write_colophon (c);
}

static GBytes *
document_part (Ctx *c)
{
  GBytes *bytes;

  _gw_docx_start_part (c);
  el (c, "w:document");
  attr (c, "xmlns:w", NS_W);
  attr (c, "xmlns:r", NS_R);
  attr (c, "xmlns:v", NS_V);
  attr (c, "xmlns:o", NS_O);
  attr (c, "xmlns:w10", NS_W10);
  el (c, "w:body");
  write_document_body (c);
  _gw_docx_sect_pr (c, FALSE, TRUE);
  end (c);
  end (c);
  bytes = _gw_docx_finish_part (c);
  _gw_docx_free_part (c);
  return bytes;
}

/* ---- the conservation check ----------------------------------------- */

static void
collect_text (xmlNode *node, GString *out)
{
  for (xmlNode *n = node; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (n->name, BAD_CAST "t") && n->ns &&
          xmlStrEqual (n->ns->href, BAD_CAST NS_W))
        {
          xmlChar *s = xmlNodeGetContent (n);
          g_string_append (out, (const char *) s);
          xmlFree (s);
          continue;
        }
      collect_text (n->children, out);
    }
}

/* @text without white space (spaces, tabs, newlines, U+3000) and without
 * what XML cannot carry. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      if (g_unichar_isspace (ch) || ch == 0x3000 || _gw_docx_is_dropped (ch))
        continue;
      g_string_append_unichar (s, ch);
    }
  return g_string_free (s, FALSE);
}

static gboolean
check_conservation (Ctx *c, GBytes *part, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (part, &len);
  xmlDocPtr xml = xmlReadMemory (data, (int) len, "document.xml", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *flat = NULL;
  const char *cursor;

  if (xml == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                   _("%s: the written document part is not well-formed XML"), c->source);
      return FALSE;
    }
  collect_text (xmlDocGetRootElement (xml), all);
  xmlFreeDoc (xml);
  flat = squeeze (all->str);
  cursor = flat;
  for (guint i = 0; i < c->expect->len; i++)
    {
      Expect *e = g_ptr_array_index (c->expect, i);
      g_autofree char *want = squeeze (e->text);
      const char *at;

      if (*want == '\0')
        continue;
      at = strstr (cursor, want);
      if (at == NULL)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                       _("%s: %s: its text is not all in the written Word document "
                         "(export stopped so that nothing is lost)"), c->source, e->where);
          return FALSE;
        }
      cursor = at + strlen (want);
    }
  return TRUE;
}

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
  "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/word/footer3.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG "\">"
  "<Relationship Id=\"rId1\" Type=\"" RT_BASE "officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_PKG "\">"
  "<Relationship Id=\"rIdStyles\" Type=\"" RT_BASE "styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rIdSettings\" Type=\"" RT_BASE "settings\" Target=\"settings.xml\"/>"
  "<Relationship Id=\"rIdFonts\" Type=\"" RT_BASE "fontTable\" Target=\"fontTable.xml\"/>"
  "<Relationship Id=\"rIdFooterOdd\" Type=\"" RT_BASE "footer\" Target=\"footer1.xml\"/>"
  "<Relationship Id=\"rIdFooterEven\" Type=\"" RT_BASE "footer\" Target=\"footer2.xml\"/>"
  "<Relationship Id=\"rIdFooterFirst\" Type=\"" RT_BASE "footer\" Target=\"footer3.xml\"/>"
  "</Relationships>";

/* ---- the package ---------------------------------------------------- */

static gboolean
add_part (GsfOutfile  *zip,
          GHashTable  *dirs,
          const char  *name,
          const void  *data,
          gsize        len,
          GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  GsfOutfile *dir = zip;
  g_autofree char *path = NULL;
  GsfOutput *out;
  gboolean ok;

  for (guint i = 0; parts[i + 1]; i++)
    {
      char *key = path ? g_strconcat (path, "/", parts[i], NULL) : g_strdup (parts[i]);
      GsfOutfile *sub = g_hash_table_lookup (dirs, key);

      if (sub == NULL)
        {
          sub = GSF_OUTFILE (gsf_outfile_new_child (dir, parts[i], TRUE));
          g_hash_table_insert (dirs, g_strdup (key), sub);
        }
      g_free (path);
      path = key;
      dir = sub;
    }
  /* the few-hundred-byte parts are stored: a deflate stream costs more to
   * set up (a quarter megabyte cleared) than it saves on them */
  out = gsf_outfile_new_child_full (dir, parts[g_strv_length (parts) - 1], FALSE,
                                    "compression-level", len > 2048 ? GSF_ZIP_DEFLATED : GSF_ZIP_STORED,
                                    NULL);
  ok = out && gsf_output_write (out, len, data) && gsf_output_close (out);
  if (!ok)
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("cannot write the part %s of the Word package"),
                 name);
  g_clear_object (&out);
  return ok;
}

static gboolean
add_bytes (GsfOutfile *zip, GHashTable *dirs, const char *name, GBytes *bytes, GError **error)
{
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  return add_part (zip, dirs, name, data, len, error);
}

static void
close_dir (gpointer data)
{
  GsfOutput *dir = data;

  gsf_output_close (dir);
  g_object_unref (dir);
}

/* The PDF's choice for a table no page can hold readably (more than
 * GW_TABLE_MAX_COLUMNS columns), kept the same in the Word file: refused,
 * with the same message, rather than a file that holds less. */
static gboolean
check_table_widths (Ctx     *c,
                    GError **error)
{
  guint n = gw_document_get_n_blocks (c->doc);

  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (c->doc, i);
      GPtrArray *rows;
      guint n_cols = 0;

      if (gw_block_get_kind (block) != GW_BLOCK_TABLE || (rows = gw_block_get_rows (block)) == NULL)
        continue;
      for (guint r = 0; r < rows->len; r++)
        n_cols = MAX (n_cols, g_strv_length (g_ptr_array_index (rows, r)));
      if (n_cols > GW_TABLE_MAX_COLUMNS)
        {
          g_autofree char *where = _gw_docx_where_block (block, i);

          g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                       _("%s: %s: the table has %u columns, but at most %u fit across even a "
                         "landscape page with a character in each; split it into narrower tables"),
                       c->source, where, n_cols, GW_TABLE_MAX_COLUMNS);
          return FALSE;
        }
    }
  return TRUE;
}

GBytes *
gw_docx_write_bytes (GwDocument  *doc,
                     GError     **error)
{
  Ctx c = { 0 };
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GBytes) styles = NULL, settings = NULL, font_table = NULL, core = NULL;
  g_autoptr(GBytes) f_odd = NULL, f_even = NULL, f_first = NULL;
  GsfOutput *sink = NULL;
  GsfOutfile *zip = NULL;
  g_autoptr(GHashTable) dirs = NULL;
  g_autoptr(GError) gsf_error = NULL;
  GBytes *result = NULL;
  gboolean ok;

  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  c.doc = doc;
  c.source = gw_document_get_source_path (doc) ? gw_document_get_source_path (doc) : _("document");
  c.expect = g_ptr_array_new_with_free_func (expect_free);
  c.letter = gw_document_get_kind (doc) == GW_DOCUMENT_KIND_OPINION &&
             gw_document_get_format (doc) == GW_DOCUMENT_FORMAT_LETTER;

  if (!check_table_widths (&c, error))
    {
      g_ptr_array_unref (c.expect);
      return NULL;
    }
  document = document_part (&c);
  if (!check_conservation (&c, document, error))
    {
      g_ptr_array_unref (c.expect);
      return NULL;
    }
  g_ptr_array_unref (c.expect);
  styles = _gw_docx_styles_part (&c);
  settings = _gw_docx_settings_part (&c);
  font_table = _gw_docx_font_table_part (&c);
  core = _gw_docx_core_props_part (&c);
  f_odd = _gw_docx_footer_part (&c, 0);
  f_even = _gw_docx_footer_part (&c, 1);
  f_first = _gw_docx_footer_part (&c, 2);

  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, &gsf_error);
  if (zip == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: cannot start the Word package: %s"),
                   c.source, gsf_error ? gsf_error->message : "");
      g_object_unref (sink);
      return NULL;
    }
  dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, close_dir);
  ok = add_part (zip, dirs, "[Content_Types].xml", content_types, strlen (content_types), error) &&
       add_part (zip, dirs, "_rels/.rels", package_rels, strlen (package_rels), error) &&
       add_bytes (zip, dirs, "docProps/core.xml", core, error) &&
       add_bytes (zip, dirs, "word/document.xml", document, error) &&
       add_part (zip, dirs, "word/_rels/document.xml.rels", document_rels, strlen (document_rels), error) &&
       add_bytes (zip, dirs, "word/styles.xml", styles, error) &&
       add_bytes (zip, dirs, "word/settings.xml", settings, error) &&
       add_bytes (zip, dirs, "word/fontTable.xml", font_table, error) &&
       add_bytes (zip, dirs, "word/footer1.xml", f_odd, error) &&
       add_bytes (zip, dirs, "word/footer2.xml", f_even, error) &&
       add_bytes (zip, dirs, "word/footer3.xml", f_first, error);
  /* directories close before the archive, the archive before the sink */
  g_hash_table_remove_all (dirs);
  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: cannot finish the Word package"),
                   c.source);
      ok = FALSE;
    }
  if (ok)
    result = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                          gsf_output_size (sink));
  g_object_unref (zip);
  g_object_unref (sink);
  return result;
}

gboolean
gw_docx_write_file (GwDocument  *doc,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (GW_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = gw_docx_write_bytes (doc, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  /* PATH.XXXXXX beside the target, renamed over it when whole; flushed
   * to disk first only when it replaces a file (as the PDF export does:
   * an fsync per new file would cost a batch most of its time) */
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0644, &local))
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: cannot write the Word file: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
