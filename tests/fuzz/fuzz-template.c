/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gw-template.h"
#include "fuzz-common.h"

/* User templates are files anyone can drop into the templates folder: any
 * bytes give a template or an error with a message. A template that loads
 * must instantiate with its defaults without crashing.
 *
 * Speed: each input was written to a file first (g_file_set_contents
 * syncs it to disk), which cost more than the parse; it now goes to
 * gw_template_new_from_bytes(), what gw_template_new_from_file() calls
 * after its read (gw_file_read() has its own tests). */

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
  g_autoptr(GwTemplate) template = NULL;

  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  template = gw_template_new_from_bytes (bytes, "fuzz.xml", &error);
  if (template == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }
  if (error != NULL)
    abort ();

  {
    g_autoptr(GwDocument) doc = NULL;
    g_autoptr(GHashTable) field_errors =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    doc = gw_template_instantiate (template, NULL, field_errors, &error);
    if (doc == NULL)
      fuzz_check_error (error);
  }
  return 0;
}
