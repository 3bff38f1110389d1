/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gsf/gsf.h>

#include "gw-import-docx.h"
#include "fuzz-common.h"
#include "fuzz-zip.h"

/* The .docx importer: whatever the bytes, a document or an error with a
 * message, never both and never neither.
 *
 * A fuzzer rarely gets through a ZIP's checksums, so the first byte picks
 * what the rest is: 'Z' the package itself (the container code); anything
 * else word/document.xml, then after a NUL byte word/numbering.xml, then
 * after another word/styles.xml, zipped here into a package with fixed
 * relationships (the WordprocessingML reading). */

static const char rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "</Relationships>";
static const char doc_rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
  "<Relationship Id=\"r2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";

static GBytes *
zip_parts (const uint8_t *data,
           size_t         size)
{
  const uint8_t *pieces[3];
  size_t lens[3];
  guint n = fuzz_split_nul (data, size, pieces, lens, 3);
  FuzzZipPart parts[] = {
    { "_rels/.rels", rels, sizeof rels - 1 },
    { "word/_rels/document.xml.rels", doc_rels, sizeof doc_rels - 1 },
    { "word/document.xml", pieces[0], lens[0] },
    { "word/numbering.xml", n > 1 ? pieces[1] : NULL, n > 1 ? lens[1] : 0 },
    { "word/styles.xml", n > 2 ? pieces[2] : NULL, n > 2 ? lens[2] : 0 },
  };

  return fuzz_zip (parts, 2 + n);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  gsf_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GwDocument *doc;

  if (size < 1 || size > 1024 * 1024)
    return 0;
  if (data[0] == 'Z')
    bytes = g_bytes_new (data + 1, size - 1);
  else
    bytes = zip_parts (data + 1, size - 1);

  doc = gw_import_docx_bytes (bytes, "fuzz.docx", &error);
  if (doc == NULL)
    fuzz_check_error (error);
  else if (error != NULL)
    abort ();
  g_clear_object (&doc);
  return 0;
}
