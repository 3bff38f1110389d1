/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gsf/gsf.h>

#include "gw-import-docx.h"
#include "fuzz-common.h"

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

static void
add (GsfOutfile *zip,
     const char *dir,
     const char *name,
     const void *data,
     gsize       len)
{
  GsfOutfile *parent = zip;
  GsfOutput *d = NULL, *child;

  if (dir)
    {
      d = gsf_outfile_new_child (zip, dir, TRUE);
      parent = GSF_OUTFILE (d);
    }
  child = gsf_outfile_new_child (parent, name, FALSE);
  gsf_output_write (child, len, data);
  gsf_output_close (child);
  g_object_unref (child);
  if (d)
    {
      gsf_output_close (d);
      g_object_unref (d);
    }
}

static GBytes *
zip_parts (const uint8_t *data,
           size_t         size)
{
  GsfOutput *mem = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (mem, NULL);
  GsfOutput *rels_dir, *word, *word_rels;
  const uint8_t *parts[3] = { data, NULL, NULL };
  size_t lens[3] = { size, 0, 0 };
  GBytes *bytes;

  for (guint i = 0; i < 2 && parts[i]; i++)
    {
      const uint8_t *nul = memchr (parts[i], 0, lens[i]);
      if (nul)
        {
          parts[i + 1] = nul + 1;
          lens[i + 1] = lens[i] - (nul + 1 - parts[i]);
          lens[i] = nul - parts[i];
        }
    }
  rels_dir = gsf_outfile_new_child (zip, "_rels", TRUE);
  add (GSF_OUTFILE (rels_dir), NULL, ".rels", rels, sizeof rels - 1);
  gsf_output_close (rels_dir);
  g_object_unref (rels_dir);
  word = gsf_outfile_new_child (zip, "word", TRUE);
  add (GSF_OUTFILE (word), NULL, "document.xml", parts[0], lens[0]);
  if (parts[1])
    add (GSF_OUTFILE (word), NULL, "numbering.xml", parts[1], lens[1]);
  if (parts[2])
    add (GSF_OUTFILE (word), NULL, "styles.xml", parts[2], lens[2]);
  word_rels = gsf_outfile_new_child (GSF_OUTFILE (word), "_rels", TRUE);
  add (GSF_OUTFILE (word_rels), NULL, "document.xml.rels", doc_rels, sizeof doc_rels - 1);
  gsf_output_close (word_rels);
  g_object_unref (word_rels);
  gsf_output_close (word);
  g_object_unref (word);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (mem)), gsf_output_size (mem));
  gsf_output_close (mem);
  g_object_unref (mem);
  return bytes;
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
