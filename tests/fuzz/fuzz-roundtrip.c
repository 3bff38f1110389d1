/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-document-xml.h"
#include "gw-import-text.h"
#include "fuzz-common.h"

/* Property: any draft the text importer accepts saves to .gwdoc, loads
 * back equal and saves again to the very same bytes. Saving is what keeps
 * a user's work, so a draft that imports but cannot be reopened loses it. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwDocument) loaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *copy = fuzz_dup_exact (data, size);

  doc = gw_import_text_data (copy, size, "fuzz.txt", &error);
  if (doc == NULL)
    return 0;

  first = gw_document_to_gwdoc_bytes (doc);
  loaded = gw_document_load_gwdoc_bytes (first, "fuzz.gwdoc", &error);
  if (loaded == NULL)
    {
      g_printerr ("fuzz: an imported draft does not load back: %s\n", error->message);
      abort ();
    }
  if (!gw_document_equal (doc, loaded))
    {
      g_printerr ("fuzz: an imported draft changes when saved and loaded\n");
      abort ();
    }
  second = gw_document_to_gwdoc_bytes (loaded);
  if (!g_bytes_equal (first, second))
    {
      g_printerr ("fuzz: saving a loaded draft gives other bytes\n");
      abort ();
    }
  return 0;
}
