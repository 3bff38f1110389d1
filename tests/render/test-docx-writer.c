/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "gw-docx-writer.h"
#include "gw-error.h"
#include "gw-open.h"
#include "gw-pdf.h"
#include "gw-template.h"

/* The Word writer, read back part by part: the package, the page set-up
 * GB/T 9704 asks for, the header block, the 版记, the footers, evaluation
 * forms, and — independently of the writer's own check — that every
 * character of the model's text is in the written document part. */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

typedef struct {
  GHashTable *parts;   /* name → GBytes */
} Package;

static void
package_free (Package *p)
{
  g_hash_table_unref (p->parts);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Package, package_free)

static void
read_dir (GsfInfile *dir, const char *prefix, GHashTable *parts)
{
  for (int i = 0; i < gsf_infile_num_children (dir); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (dir, i);
      const char *name = gsf_infile_name_by_index (dir, i);
      g_autofree char *path = *prefix ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);

      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        read_dir (GSF_INFILE (child), path, parts);
      else
        {
          gsf_off_t size = gsf_input_size (child);
          guint8 *data = g_malloc (size + 1);

          g_assert_nonnull (gsf_input_read (child, size, data));
          data[size] = 0;
          g_hash_table_insert (parts, g_strdup (path), g_bytes_new_take (data, size));
        }
      g_object_unref (child);
    }
}

static Package *
open_package (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  GsfInput *in = gsf_input_memory_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE);
  GsfInfile *zip = gsf_infile_zip_new (in, &error);
  Package *p = g_new0 (Package, 1);

  g_assert_no_error (error);
  p->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  read_dir (zip, "", p->parts);
  g_object_unref (zip);
  g_object_unref (in);
  return p;
}

static xmlDocPtr
part_xml (Package *p, const char *name)
{
  GBytes *b = g_hash_table_lookup (p->parts, name);
  xmlDocPtr doc;

  g_assert_nonnull (b);
  doc = xmlReadMemory (g_bytes_get_data (b, NULL), g_bytes_get_size (b), name, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

/* Number of nodes @expr selects in part @name (namespaces w, v, r). */
static int
count (Package *p, const char *name, const char *expr)
{
  xmlDocPtr doc = part_xml (p, name);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr res;
  int n;

  xmlXPathRegisterNs (ctx, BAD_CAST "w", BAD_CAST NS_W);
  xmlXPathRegisterNs (ctx, BAD_CAST "v", BAD_CAST "urn:schemas-microsoft-com:vml");
  res = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (res);
  n = res->nodesetval ? res->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (res);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return n;
}

/* The text of every w:t of document.xml, concatenated. */
static char *
written_text (Package *p)
{
  xmlDocPtr doc = part_xml (p, "word/document.xml");
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr res;
  GString *s = g_string_new (NULL);

  xmlXPathRegisterNs (ctx, BAD_CAST "w", BAD_CAST NS_W);
  res = xmlXPathEvalExpression (BAD_CAST "//w:t", ctx);
  for (int i = 0; res->nodesetval && i < res->nodesetval->nodeNr; i++)
    {
      xmlChar *t = xmlNodeGetContent (res->nodesetval->nodeTab[i]);
      g_string_append (s, (const char *) t);
      xmlFree (t);
    }
  xmlXPathFreeObject (res);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return g_string_free (s, FALSE);
}

/* Every non-space character of the model's plain text, counted, must be in
 * the written text at least as often (the writer adds labels, never
 * removes). */
static void
assert_conserved (GwDocument *doc, Package *p, const char *name)
{
  g_autofree char *model = gw_document_to_plain_text (doc);
  g_autofree char *written = written_text (p);
  g_autoptr(GHashTable) have = g_hash_table_new (NULL, NULL);

  for (const char *s = written; *s; s = g_utf8_next_char (s))
    {
      gunichar ch = g_utf8_get_char (s);
      g_hash_table_insert (have, GUINT_TO_POINTER (ch),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (have, GUINT_TO_POINTER (ch))) + 1));
    }
  for (const char *s = model; *s; s = g_utf8_next_char (s))
    {
      gunichar ch = g_utf8_get_char (s);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (have, GUINT_TO_POINTER (ch)));

      if (g_unichar_isspace (ch) || ch == 0x3000)
        continue;
      if (n == 0)
        g_error ("%s: U+%04X of the model is missing from document.xml (or written too few times)",
                 name, ch);
      g_hash_table_insert (have, GUINT_TO_POINTER (ch), GUINT_TO_POINTER (n - 1));
    }
}

static Package *
write_package (GwDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gw_docx_write_bytes (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return open_package (bytes);
}

/* What every package has, whatever the document. */
static void
assert_package (Package *p, GwDocument *doc, const char *name)
{
  static const char *const required[] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
    "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
    "word/footer2.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!g_hash_table_contains (p->parts, required[i]))
      g_error ("%s: no part %s", name, required[i]);
  /* A4 and the standard's margins, the 22-line grid */
  g_assert_cmpint (count (p, "word/document.xml",
                          "/w:document/w:body/w:sectPr/w:pgSz[@w:w='11906' and @w:h='16838']"), ==, 1);
  g_assert_cmpint (count (p, "word/document.xml",
                          "/w:document/w:body/w:sectPr/w:pgMar[@w:top='2098' and @w:bottom='1984' "
                          "and @w:left='1588' and @w:right='1474']"), ==, 1);
  g_assert_cmpint (count (p, "word/document.xml",
                          "/w:document/w:body/w:sectPr/w:docGrid[@w:linePitch='579']"), ==, 1);
  /* odd and even footers: — PAGE — right on odd pages, left on even */
  g_assert_cmpint (count (p, "word/settings.xml", "//w:evenAndOddHeaders"), ==, 1);
  g_assert_cmpint (count (p, "word/footer1.xml", "//w:jc[@w:val='right']"), ==, 1);
  g_assert_cmpint (count (p, "word/footer2.xml", "//w:jc[@w:val='left']"), ==, 1);
  g_assert_cmpint (count (p, "word/footer1.xml", "//w:instrText[contains(., 'PAGE')]"), ==, 1);
  g_assert_cmpint (count (p, "word/footer2.xml", "//w:instrText[contains(., 'PAGE')]"), ==, 1);
  g_assert_cmpint (count (p, "word/footer1.xml", "//w:t[contains(., '—')]"), ==, 2);
  assert_conserved (doc, p, name);
}

static GwDocument *
open_doc (const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GwDocument *doc;
  va_list ap;
  GPtrArray *parts = g_ptr_array_new ();

  va_start (ap, first);
  for (const char *s = first; s; s = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) s);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  doc = gw_document_open (path, &error);
  g_assert_no_error (error);
  return doc;
}

static const char *
srcdir (void)
{
  return g_getenv ("G_TEST_SRCDIR");
}

/* Every sample document, every import fixture that imports, every corpus
 * draft and both shipped templates' instances. */
static void
test_all_fixtures (void)
{
  static const char *const dirs[] = { "data/gwdoc", "data/render", "data/import", "data/corpus" };
  guint n = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_build_filename (srcdir (), dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(GwDocument) doc = NULL;
          g_autoptr(Package) p = NULL;

          if (!g_str_has_suffix (name, ".gwdoc") && !g_str_has_suffix (name, ".txt"))
            continue;
          doc = gw_document_open (path, &error);
          if (doc == NULL)
            continue;   /* the bad-input fixtures */
          p = write_package (doc);
          assert_package (p, doc, path);
          n++;
        }
    }
  {
    g_autoptr(GListModel) templates = gw_template_list_all ();

    g_assert_cmpuint (g_list_model_get_n_items (templates), >=, 2);
    for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
      {
        g_autoptr(GwTemplate) t = g_list_model_get_item (templates, i);
        g_autoptr(GError) error = NULL;
        g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
        g_autoptr(GwDocument) doc = NULL;

        if (gw_template_get_kind (t) == GW_DOCUMENT_KIND_EVALUATION)
          {
            g_hash_table_insert (values, "project", "神木市滨河新区街道社工站运营服务项目");
            g_hash_table_insert (values, "tier", "镇街社工站");
            g_hash_table_insert (values, "purchaser", "神木市滨河新区街道办事处");
            g_hash_table_insert (values, "operator", "神木市益民社会工作服务中心");
            g_hash_table_insert (values, "cycle-year", "1");
            g_hash_table_insert (values, "type", "年度");
          }
        else if (g_str_equal (gw_template_get_id (t), "letter"))
          {
            g_hash_table_insert (values, "issuing-organ", "神木市民政局");
            g_hash_table_insert (values, "doc-number", "神民函〔2024〕5号");
            g_hash_table_insert (values, "title", "关于商请协助开展社工站年度评估的函");
            g_hash_table_insert (values, "recipients", "榆林市民政局：");
            g_hash_table_insert (values, "matter", "请协助推荐第三方评估机构");
            g_hash_table_insert (values, "contact", "联系人：王明，电话：0912-1234567");
            g_hash_table_insert (values, "date", "2024年3月5日");
          }
        else
          {
            g_hash_table_insert (values, "city", "神木市");
            g_hash_table_insert (values, "issuing-organ", "神木市人民政府办公室");
            g_hash_table_insert (values, "organ-mark", "神木市人民政府办公室文件");
            g_hash_table_insert (values, "doc-number", "神政办发〔2023〕12号");
            g_hash_table_insert (values, "date", "2023年3月10日");
            g_hash_table_insert (values, "printing-organ", "神木市人民政府办公室");
            g_hash_table_insert (values, "printing-date", "2023年3月10日");
            g_hash_table_insert (values, "pilot-townships", "高家堡镇\n孙家岔镇\n滨河新区街道");
            g_hash_table_insert (values, "attachments", "神木市社工站（室）建设标准");
          }
        doc = gw_template_instantiate (t, values, NULL, &error);
        g_autoptr(Package) p = NULL;

        g_assert_no_error (error);
        p = write_package (doc);
        assert_package (p, doc, gw_template_get_id (t));
        n++;
      }
  }
  g_test_message ("%u documents written", n);
  g_assert_cmpuint (n, >=, 30);
}

/* The 文件 header: the red mark in a frame 72 mm down, the number, the
 * red rule; the 版记 as a table inside a bottom-anchored text box. */
static void
test_header_and_colophon (void)
{
  g_autoptr(GwDocument) doc = open_doc (srcdir (), "data", "gwdoc", "shenmu-opinion.gwdoc", NULL);
  g_autoptr(Package) p = write_package (doc);
  const char *d = "word/document.xml";

  g_assert_cmpint (count (p, d, "//w:p[w:pPr/w:framePr[@w:y='4082' and @w:vAnchor='page']]"
                                "/w:r[w:rPr/w:color/@w:val='FF0000']/w:t[.='神木市人民政府办公室文件']"), ==, 1);
  g_assert_cmpint (count (p, d, "//v:rect[@fillcolor='#FF0000']"), ==, 1);
  g_assert_cmpint (count (p, d, "//w:p[w:pPr/w:jc/@w:val='center']/w:r/w:t[.='神政办发〔2023〕12号']"), ==, 1);
  /* the 版记: a table of 抄送 and 印发 rows in a text box at the bottom */
  g_assert_cmpint (count (p, d, "//v:shape[contains(@style,'mso-position-vertical:bottom')]"
                                "//w:txbxContent/w:tbl/w:tr"), ==, 2);
  g_assert_cmpint (count (p, d, "//w:txbxContent//w:t[starts-with(., '抄送：')]"), ==, 1);
  g_assert_cmpint (count (p, d, "//w:txbxContent//w:t[contains(., '印发')]"), ==, 1);
  g_assert_cmpint (count (p, d, "//w:txbxContent//w:tcBorders/w:bottom[@w:val='single']"), ==, 1);
  /* headings carry outline levels through their styles; level 1 in 黑体 */
  g_assert_cmpint (count (p, d, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']/w:r[1]/w:rPr/w:rFonts"
                                "[@w:eastAsia='黑体']"), >=, 3);
  g_assert_cmpint (count (p, "word/styles.xml", "//w:style[@w:styleId='Heading2']//w:outlineLvl[@w:val='1']"), ==, 1);
  /* body text: 三号 仿宋, 左空二字, on the exact grid */
  g_assert_cmpint (count (p, d, "//w:p[w:pPr/w:ind/@w:firstLine='630' and w:pPr/w:spacing"
                                "[@w:line='579' and @w:lineRule='exact']]/w:r/w:rPr[w:sz/@w:val='32' and "
                                "w:rFonts/@w:eastAsia='仿宋']"), >=, 5);
  /* a seal: the date 右空四字 */
  g_assert_cmpint (count (p, d, "//w:p[w:pPr/w:ind/@w:right='1260']/w:r/w:t[.='2023年3月10日']"), ==, 1);
}

static void
test_joint_and_signatory (void)
{
  g_autoptr(GwDocument) joint = open_doc (srcdir (), "data", "import", "joint-header-stacked.txt", NULL);
  g_autoptr(GwDocument) up = open_doc (srcdir (), "data", "import", "request-with-signatory.txt", NULL);
  g_autoptr(Package) pj = write_package (joint);
  g_autoptr(Package) pu = write_package (up);
  const char *d = "word/document.xml";

  /* organs stacked in one column, 文件 beside them over the merged rows */
  g_assert_true (gw_organ_mark_is_joint (gw_document_get_meta (joint, GW_META_ORGAN_MARK)));
  g_assert_cmpint (count (pj, d, "//w:tbl[w:tblPr/w:tblpPr]/w:tr/w:tc[2][w:tcPr/w:vAlign/@w:val='center']"
                                 "//w:t[.='文件']"), ==, 1);
  g_assert_cmpint (count (pj, d, "//w:tbl[w:tblPr/w:tblpPr]/w:tr/w:tc[1]/w:p[w:r/w:rPr/w:color/@w:val='FF0000']"),
                   ==, 2);
  /* 签发人 with the name in 楷体, the number 居左空一字 on the same line */
  g_assert_nonnull (gw_document_get_meta (up, GW_META_SIGNATORY));
  g_assert_cmpint (count (pu, d, "//w:p[w:pPr/w:ind/@w:left='315' and w:pPr/w:tabs]"
                                 "[w:r/w:t[.='签发人：']][w:r[w:rPr/w:rFonts/@w:eastAsia='楷体']]"), ==, 1);
}

static void
test_letter (void)
{
  g_autoptr(GwDocument) doc = open_doc (srcdir (), "data", "gwdoc", "linchuan-letter.gwdoc", NULL);
  g_autoptr(Package) p = write_package (doc);
  const char *d = "word/document.xml";

  /* page 1 unnumbered, the red double lines, no 文件 and no 印发 line */
  g_assert_cmpint (count (p, d, "/w:document/w:body/w:sectPr/w:titlePg"), ==, 1);
  g_assert_cmpint (count (p, d, "/w:document/w:body/w:sectPr/w:footerReference[@w:type='first']"), ==, 1);
  g_assert_cmpint (count (p, d, "//v:rect[@fillcolor='#FF0000']"), ==, 4);
  g_assert_cmpint (count (p, d, "//w:t[contains(., '文件')]"), ==, 0);
  g_assert_cmpint (count (p, d, "//w:txbxContent//w:t[contains(., '印发')]"), ==, 0);
  g_assert_cmpint (count (p, d, "//w:txbxContent//w:t[starts-with(., '抄送：')]"), ==, 1);
}

static void
test_evaluation (void)
{
  g_autoptr(GwDocument) doc = open_doc (srcdir (), "data", "gwdoc", "sample-evaluation.gwdoc", NULL);
  g_autoptr(Package) p = write_package (doc);
  GwEvaluation *ev = gw_document_get_evaluation (doc);
  GListModel *vetoes = G_LIST_MODEL (gw_evaluation_get_veto_items (ev));
  const char *d = "word/document.xml";
  guint ticked = 0;

  /* header, indicators, result box, veto items, sign-off */
  g_assert_cmpint (count (p, d, "/w:document/w:body/w:tbl"), ==, 5);
  /* the indicator table's header row repeats on every page */
  g_assert_cmpint (count (p, d, "//w:tr[w:trPr/w:tblHeader][w:tc//w:t[.='评估指标']]"), ==, 1);
  g_assert_cmpint (count (p, d, "//w:tr[w:tc[1]//w:t[.='A1']][w:tc[5]//w:t[.='4.5']]"), ==, 1);
  g_assert_cmpint (count (p, d, "//w:tr[w:tc[2]//w:t[.='合计']][w:tc[5]//w:t[.='86.5']]"), ==, 1);
  g_assert_cmpint (count (p, d, "//w:t[contains(., '评估等次：良好')]"), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
    {
      g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, i);
      ticked += gw_veto_item_get_ticked (item);
    }
  g_assert_cmpuint (g_list_model_get_n_items (vetoes), ==, 5);
  g_assert_cmpint (count (p, d, "//w:tr/w:tc[2]//w:t[.='√']"), ==, ticked);
  {
    /* tick one: the veto table shows it, and the grade falls */
    g_autoptr(GwVetoItem) item = g_list_model_get_item (vetoes, 2);
    g_autoptr(Package) p2 = NULL;

    gw_veto_item_set_ticked (item, TRUE);
    p2 = write_package (doc);
    g_assert_cmpint (count (p2, d, "//w:tr[w:tc[1]//w:t[.='截留、挪用项目资金']]/w:tc[2]//w:t[.='√']"), ==, 1);
    g_assert_cmpint (count (p2, d, "//w:t[contains(., '（一票否决）')]"), ==, 1);
  }
}

/* A table too wide for the portrait page gets a landscape section of its
 * own, the sheet turned so its head faces the binding edge. */
static void
test_landscape_table (void)
{
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(Package) p = NULL;
  const char *d = "word/document.xml";
  GStrvBuilder *b;

  for (guint r = 0; r < 3; r++)
    {
      b = g_strv_builder_new ();
      for (guint c = 0; c < 12; c++)
        g_strv_builder_add (b, r == 0 ? "社工站名称" : "GW-2024-000123");
      g_ptr_array_add (rows, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  gw_document_set_meta (doc, GW_META_TITLE, "关于社工站名单的通知");
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "名单如下。"));
  gw_document_append_block (doc, gw_block_new_table (rows));
  gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, "特此通知。"));
  p = write_package (doc);
  assert_package (p, doc, "landscape");
  g_assert_cmpint (count (p, d, "//w:p/w:pPr/w:sectPr[w:pgSz/@w:orient='landscape']"), ==, 1);
  g_assert_cmpint (count (p, d, "//w:p/w:pPr/w:sectPr[w:pgSz/@w:w='11906']"), ==, 1);
  /* the landscape section ends right after the table */
  g_assert_cmpint (count (p, d, "//w:tbl/following-sibling::w:p[1]/w:pPr/w:sectPr/w:pgSz[@w:orient='landscape']"), ==, 1);
}

/* A table wider than any page can hold readably is refused as the PDF
 * refuses it (GW_TABLE_MAX_COLUMNS, the same message); one column fewer
 * is written. */
static void
test_too_wide_table (void)
{
  for (guint n_cols = GW_TABLE_MAX_COLUMNS; n_cols <= GW_TABLE_MAX_COLUMNS + 1; n_cols++)
    {
      g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      for (guint r = 0; r < 2; r++)
        {
          GStrvBuilder *b = g_strv_builder_new ();

          for (guint c = 0; c < n_cols; c++)
            g_strv_builder_add (b, "站");
          g_ptr_array_add (rows, g_strv_builder_end (b));
          g_strv_builder_unref (b);
        }
      gw_document_set_meta (doc, GW_META_TITLE, "关于社工站名单的通知");
      gw_document_append_block (doc, gw_block_new_table (rows));
      bytes = gw_docx_write_bytes (doc, &error);
      if (n_cols <= GW_TABLE_MAX_COLUMNS)
        {
          g_assert_no_error (error);
          g_assert_nonnull (bytes);
        }
      else
        {
          g_assert_error (error, GW_ERROR, GW_ERROR_RENDER);
          g_assert_null (bytes);
          g_assert_nonnull (strstr (error->message, "32 columns"));
          g_assert_nonnull (strstr (error->message, "block 1"));
        }
    }
}

/* Writing goes to a temporary file renamed over the target: a failed
 * write leaves what was there. */
static void
test_write_file (void)
{
  g_autoptr(GwDocument) doc = open_doc (srcdir (), "data", "gwdoc", "shenmu-opinion.gwdoc", NULL);
  g_autofree char *dir = g_dir_make_tmp ("gw-docx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.docx", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "a.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (gw_docx_write_file (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpmem (data, 2, "PK", 2);
  g_assert_false (gw_docx_write_file (doc, bad, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_RENDER);
  g_assert_nonnull (strstr (error->message, bad));
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name (d))
      n++;
    g_assert_cmpuint (n, ==, 1);   /* no temporary file left behind */
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/docx-writer/all-fixtures", test_all_fixtures);
  g_test_add_func ("/docx-writer/header-and-colophon", test_header_and_colophon);
  g_test_add_func ("/docx-writer/joint-and-signatory", test_joint_and_signatory);
  g_test_add_func ("/docx-writer/letter", test_letter);
  g_test_add_func ("/docx-writer/evaluation", test_evaluation);
  g_test_add_func ("/docx-writer/landscape-table", test_landscape_table);
  g_test_add_func ("/docx-writer/too-wide-table", test_too_wide_table);
  g_test_add_func ("/docx-writer/write-file", test_write_file);
  return g_test_run ();
}
