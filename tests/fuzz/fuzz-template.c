/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gw-template.h"
#include "fuzz-common.h"

/* User templates are files anyone can drop into the templates folder: any
 * bytes give a template or an error with a message. A template that loads
 * must instantiate with its defaults without crashing. */

static char *path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = NULL;

  fuzz_init_glib ();
  dir = g_dir_make_tmp ("gw-fuzz-template-XXXXXX", NULL);
  if (dir == NULL)
    abort ();
  path = g_build_filename (dir, "fuzz.xml", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwTemplate) template = NULL;

  if (!g_file_set_contents (path, (const char *) data, size, &error))
    abort ();
  template = gw_template_new_from_file (path, &error);
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
