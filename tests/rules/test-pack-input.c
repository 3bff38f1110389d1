/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rule packs and the files their examples name are read through the core's
 * bounded reader: a FIFO never hangs, a device never fills memory, a loop
 * of symbolic links and a file over the limit get their own words. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gw-error.h"
#include "gw-rule-pack.h"

#define PACK_WITH_EXAMPLE_FILE \
  "{ \"name\": \"p\", \"rules\": [ { \"id\": \"p.rule\", \"kinds\": [\"opinion\"]," \
  "  \"severity\": \"warning\", \"message\": \"x\", \"basis\": \"x\", \"suggestion\": \"x\"," \
  "  \"matcher\": { \"type\": \"trigger\", \"patterns\": \"社工站\" }," \
  "  \"examples\": { \"violating\": [{\"file\": \"example.txt\"}, \"建设社工站。\"]," \
  "                \"compliant\": [\"没有。\", \"建设。\"] } } ] }"

static void
assert_refused (const char *path,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRulePack) pack = gw_rule_pack_new_from_file (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (pack);
  g_assert_error (error, GW_ERROR, GW_ERROR_RULE_PACK);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_pack_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gw-pack-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.json", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused (path, "named pipe");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_pack_device (void)
{
  assert_refused ("/dev/zero", "device");
}

static void
test_pack_symlink_loop (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gw-pack-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.json", NULL);

  g_assert_cmpint (symlink (b, a), ==, 0);
  g_assert_cmpint (symlink (a, b), ==, 0);
  assert_refused (a, "loop");
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

static void
test_pack_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gw-pack-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (ftruncate (fd, (off_t) GW_MAX_INPUT_SIZE + 5), ==, 0);
  close (fd);
  assert_refused (path, "16777221");
  g_unlink (path);
  g_rmdir (dir);
}

/* The file an example names: a FIFO there used to block the load. */
static void
test_example_fifo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-pack-XXXXXX", NULL);
  g_autofree char *pack_path = g_build_filename (dir, "p.json", NULL);
  g_autofree char *example = g_build_filename (dir, "example.txt", NULL);
  g_autoptr(GwRulePack) pack = NULL;
  g_autoptr(GwRulePack) pack2 = NULL;

  g_assert_true (g_file_set_contents (pack_path, PACK_WITH_EXAMPLE_FILE, -1, NULL));
  /* a regular example loads */
  g_assert_true (g_file_set_contents (example, "推进社工站建设。", -1, NULL));
  pack = gw_rule_pack_new_from_file (pack_path, &error);
  g_assert_no_error (error);
  g_unlink (example);

  g_assert_cmpint (mkfifo (example, 0600), ==, 0);
  pack2 = gw_rule_pack_new_from_file (pack_path, &error);
  g_assert_null (pack2);
  g_assert_error (error, GW_ERROR, GW_ERROR_RULE_PACK);
  g_assert_nonnull (strstr (error->message, "example.txt"));
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_unlink (example);
  g_unlink (pack_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* a regression must fail, not hang the suite */
  alarm (20);
  g_test_add_func ("/rules/pack-input/fifo", test_pack_fifo);
  g_test_add_func ("/rules/pack-input/device", test_pack_device);
  g_test_add_func ("/rules/pack-input/symlink-loop", test_pack_symlink_loop);
  g_test_add_func ("/rules/pack-input/too-large", test_pack_too_large);
  g_test_add_func ("/rules/pack-input/example-fifo", test_example_fifo);
  return g_test_run ();
}
