/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The package layer on small packages zipped here with libgsf's writer
 * (hand-written parts; not Gongwen's .docx writer). */
#include "config.h"

#include <gsf/gsf.h>
#include <string.h>

#include "gw-error.h"
#include "gw-package.h"
#include "gw-xml-private.h"

static const char *rels_ok =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "</Relationships>";
static const char *doc_rels =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"http://example.org/\" TargetMode=\"External\"/>"
  "</Relationships>";
static const char *document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>";

/* name, content pairs, NULL-terminated */
static GBytes *
zip_parts (const char * const *parts)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *mem = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (mem, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  for (guint i = 0; parts[i]; i += 2)
    {
      GsfOutput *child;
      g_auto(GStrv) names = g_strsplit (parts[i], "/", 0);
      GsfOutfile *dir = g_object_ref (zip);

      for (guint k = 0; names[k + 1]; k++)
        {
          GsfOutput *sub = gsf_outfile_new_child (dir, names[k], TRUE);
          g_object_unref (dir);
          dir = GSF_OUTFILE (sub);
        }
      child = gsf_outfile_new_child_full (dir, names[g_strv_length (names) - 1], FALSE,
                                          "compression-level", GSF_ZIP_DEFLATED, NULL);
      gsf_output_write (child, strlen (parts[i + 1]), (const guint8 *) parts[i + 1]);
      gsf_output_close (child);
      g_object_unref (child);
      g_object_unref (dir);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (mem)),
                       gsf_output_size (mem));
  g_object_unref (mem);
  return bytes;
}

static void
test_relationships (void)
{
  const char *parts[] = { "_rels/.rels", rels_ok, "word/document.xml", document,
                          "word/_rels/document.xml.rels", doc_rels,
                          "word/styles.xml", "<w:styles xmlns:w=\"x\"/>", NULL };
  g_autoptr(GBytes) bytes = zip_parts (parts);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwPackage) pkg = gw_package_open_bytes (bytes, "a.docx", &error);
  g_autofree char *main_part = NULL, *styles = NULL, *none = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(xmlDoc) xml = NULL;

  g_assert_no_error (error);
  main_part = gw_package_find_main_part (pkg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (main_part, ==, "word/document.xml");
  /* the strict namespace matches by the type's last segment */
  styles = gw_package_find_related (pkg, main_part, "styles", &error);
  g_assert_cmpstr (styles, ==, "word/styles.xml");
  none = gw_package_find_related (pkg, main_part, "numbering", &error);
  g_assert_no_error (error);
  g_assert_null (none);
  rels = gw_package_get_relationships (pkg, main_part, &error);
  g_assert_cmpuint (rels->len, ==, 2);
  g_assert_true (((GwPackageRel *) rels->pdata[1])->external);
  xml = gw_package_read_xml (pkg, styles, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xml);
}

static void
test_resolve (void)
{
  char *s;

  s = gw_package_resolve ("word/document.xml", "media/a.png");
  g_assert_cmpstr (s, ==, "word/media/a.png");
  g_free (s);
  s = gw_package_resolve ("word/document.xml", "../customXml/item1.xml");
  g_assert_cmpstr (s, ==, "customXml/item1.xml");
  g_free (s);
  s = gw_package_resolve ("xl/workbook.xml", "/xl/worksheets/sheet1.xml");
  g_assert_cmpstr (s, ==, "xl/worksheets/sheet1.xml");
  g_free (s);
  g_assert_null (gw_package_resolve ("word/document.xml", "../../etc/passwd"));
}

static void
expect_error (const char * const *parts,
              int                 code,
              const char         *fragment)
{
  g_autoptr(GBytes) bytes = zip_parts (parts);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwPackage) pkg = gw_package_open_bytes (bytes, "bad.docx", &error);
  g_autofree char *main_part = NULL;

  g_assert_no_error (error);
  main_part = gw_package_find_main_part (pkg, &error);
  if (main_part)
    {
      g_autoptr(xmlDoc) xml = gw_package_read_xml (pkg, main_part, &error);
      g_assert_null (xml);
    }
  g_assert_error (error, GW_ERROR, code);
  g_assert_nonnull (strstr (error->message, "bad.docx"));
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_unsafe_rels (void)
{
  const char *dtd[] = { "_rels/.rels",
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]><Relationships/>",
                        "word/document.xml", document, NULL };
  const char *xxe[] = { "_rels/.rels", rels_ok, "word/document.xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>",
                        NULL };
  const char *missing[] = { "_rels/.rels", rels_ok, "word/other.xml", document, NULL };

  expect_error (dtd, GW_ERROR_UNSAFE, "_rels/.rels");
  expect_error (xxe, GW_ERROR_UNSAFE, "word/document.xml");
  expect_error (missing, GW_ERROR_PARSE, "word/document.xml");
}

static void
test_not_zip (void)
{
  static const guint8 ole[16] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  g_autoptr(GBytes) ole_bytes = g_bytes_new_static (ole, sizeof ole);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  const char *parts[] = { "_rels/.rels", rels_ok, "word/document.xml", document, NULL };
  g_autoptr(GBytes) whole = zip_parts (parts);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) - 30);
  g_autoptr(GError) error = NULL;
  GwPackage *pkg;

  pkg = gw_package_open_bytes (ole_bytes, "old.docx", &error);
  g_assert_null (pkg);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, ".doc"));
  g_clear_error (&error);

  pkg = gw_package_open_bytes (text, "t.docx", &error);
  g_assert_null (pkg);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  g_clear_error (&error);

  pkg = gw_package_open_bytes (cut, "cut.docx", &error);
  g_assert_null (pkg);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "cut.docx"));
}

static void
test_part_cap (void)
{
  /* 17 MiB of spaces deflate to almost nothing: refused by ratio or cap */
  gsize n = GW_PACKAGE_MAX_PART_SIZE + 1024 * 1024;
  g_autofree char *big = g_malloc (n + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GwPackage) pkg = NULL;
  g_autoptr(GBytes) part = NULL;

  memset (big, ' ', n);
  big[n] = '\0';
  {
    const char *parts[] = { "_rels/.rels", rels_ok, "word/document.xml", big, NULL };
    bytes = zip_parts (parts);
  }
  pkg = gw_package_open_bytes (bytes, "bomb.docx", &error);
  g_assert_null (pkg);
  g_assert_error (error, GW_ERROR, GW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "bomb.docx"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gsf_init ();
  g_test_add_func ("/package/relationships", test_relationships);
  g_test_add_func ("/package/resolve", test_resolve);
  g_test_add_func ("/package/unsafe", test_unsafe_rels);
  g_test_add_func ("/package/not-zip", test_not_zip);
  g_test_add_func ("/package/part-cap", test_part_cap);
  return g_test_run ();
}
