/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gw-register.h"
#include "fuzz-common.h"

/* Importing an office's 发文登记簿 from CSV (UTF-8 or GB18030): whatever the
 * bytes, the import takes every row or none. On an error the message says
 * something and the register holds exactly what it held before; on success
 * the register holds the rows the import counted.
 *
 * A fresh register per input, so that a crash replays on its own; in
 * memory-backed /dev/shm when there is one, as SQLite's fsyncs would
 * otherwise set the pace. */

static char *tmp_dir;

/* libFuzzer ends with exit (): leave no folder behind */
static void
remove_tmp_dir (void)
{
  static const char * const names[] = { "book.csv", "register.sqlite", "register.sqlite-wal", "register.sqlite-shm", "register.sqlite-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    {
      tmp_dir = g_build_filename ("/dev/shm", "fuzz-register-csv-XXXXXX", NULL);
      if (g_mkdtemp (tmp_dir) == NULL)
        g_clear_pointer (&tmp_dir, g_free);
    }
  if (tmp_dir == NULL)
    tmp_dir = g_dir_make_tmp ("fuzz-register-csv-XXXXXX", NULL);
  if (tmp_dir == NULL)
    return 1;
  atexit (remove_tmp_dir);
  return 0;
}

static guint
count_entries (GwRegister *reg)
{
  g_autoptr(GPtrArray) list = gw_register_list (reg, NULL, 0, NULL);

  if (list == NULL)
    abort ();
  return list->len;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *csv = g_build_filename (tmp_dir, "book.csv", NULL);
  g_autofree char *db = g_build_filename (tmp_dir, "register.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  GwRegister *reg;
  guint before;
  int n;

  if (size > 256 * 1024)
    return 0;
  if (!g_file_set_contents (csv, (const char *) data, size, NULL))
    abort ();
  reg = gw_register_open (db, GW_REGISTER_OPEN_DEFAULT, &error);
  if (reg == NULL)
    abort ();
  before = count_entries (reg);

  n = gw_register_import_csv (reg, csv, &error);
  if (n < 0)
    {
      fuzz_check_error (error);
      /* all or nothing: a refused book leaves no row behind */
      if (count_entries (reg) != before)
        abort ();
    }
  else if (error != NULL || count_entries (reg) != before + (guint) n)
    abort ();

  gw_register_close (reg);
  g_unlink (db);
  g_unlink (csv);
  return 0;
}
