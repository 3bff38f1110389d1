/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-document-xml.h"
#include "fuzz-common.h"

/* .gwdoc loading: any bytes give a document or an error with a message.
 * A document that loads must also save and load back equal, since the
 * schema has accepted it. */

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
  g_autoptr(GwDocument) again = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_take (fuzz_dup_exact (data, size), size);
  g_autoptr(GBytes) saved = NULL;

  doc = gw_document_load_gwdoc_bytes (bytes, "fuzz.gwdoc", &error);
  if (doc == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }
  if (error != NULL)
    abort ();

  saved = gw_document_to_gwdoc_bytes (doc);
  again = gw_document_load_gwdoc_bytes (saved, "saved.gwdoc", &error);
  if (again == NULL)
    {
      g_printerr ("fuzz: a loaded document does not load back: %s\n", error->message);
      abort ();
    }
  if (!gw_document_equal (doc, again))
    {
      g_printerr ("fuzz: a loaded document changes when saved and loaded\n");
      abort ();
    }
  return 0;
}
