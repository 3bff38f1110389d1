/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-import-text.h"
#include "fuzz-common.h"

/* Plain-text import: whatever the bytes, a document or an error with a
 * message, never both and never neither. */

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
  g_autofree char *copy = fuzz_dup_exact (data, size);

  doc = gw_import_text_data (copy, size, "fuzz.txt", &error);
  if (doc == NULL)
    fuzz_check_error (error);
  else if (error != NULL)
    abort ();

  g_clear_error (&error);
  {
    g_autofree char *text = gw_import_text_decode (copy, size, "fuzz.txt", &error);
    if (text == NULL)
      fuzz_check_error (error);
    else if (!g_utf8_validate (text, -1, NULL))
      abort ();
  }
  return 0;
}
