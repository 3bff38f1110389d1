/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <stdio.h>

#include "fuzz-common.h"

/* Without libFuzzer (gcc), each harness still builds: this driver feeds it
 * every file named on the command line, and every file in every folder, so
 * crash reproducers and corpora can be replayed under any compiler. */

static int
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int status = 0;
  guint n = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-')
        continue;  /* libFuzzer flags, ignored here */
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir && (name = g_dir_read_name (dir)))
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);

              if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
                {
                  status |= run_file (path);
                  n++;
                }
            }
        }
      else
        {
          status |= run_file (argv[i]);
          n++;
        }
    }
  printf ("ran %u inputs\n", n);
  return status;
}
