/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gw-rule-pack.h"
#include "gw-rule-pack-private.h"
#include "fuzz-common.h"

/* Rule packs come from --rules=FILE and the user's folder: any bytes give
 * a pack or an error with a message.
 *
 * Speed: the harness once wrote each input to a file (g_file_set_contents
 * syncs it to disk) and loaded it with every example run through the
 * checker: 15 executions a second. It now parses the bytes as the file
 * loader does after its read (gw_file_read() has its own tests), leaves
 * the examples' verdicts to the checker's tests and the slow-pattern probe
 * (fixed regex work, tested in tests/rules) off, so the fuzzer spends its
 * time in the parser it is here for. */

static char *dir;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  _gw_rule_set_probe_enabled (FALSE);
  dir = g_dir_make_tmp ("gw-fuzz-rules-XXXXXX", NULL);
  if (dir == NULL)
    abort ();

  /* The shipped packs name example files beside them: copy those so the
   * seeds load whole and the fuzzer starts from deep inside the parser. */
  {
    g_autofree char *examples = g_build_filename (dir, "examples", NULL);
    g_autofree char *src = g_build_filename (GW_FUZZ_SOURCE_ROOT, "data", "rules",
                                             "examples", "evaluation-good.gwdoc", NULL);
    g_autofree char *dst = g_build_filename (examples, "evaluation-good.gwdoc", NULL);
    g_autofree char *contents = NULL;
    gsize len;

    g_mkdir_with_parents (examples, 0700);
    if (g_file_get_contents (src, &contents, &len, NULL))
      g_file_set_contents (dst, contents, len, NULL);
  }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRulePack) pack = NULL;

  pack = _gw_rule_pack_new_from_data_unverified ((const char *) data, size, "fuzz.json", dir,
                                                 &error);
  if (pack == NULL)
    fuzz_check_error (error);
  else if (error != NULL)
    abort ();
  return 0;
}
