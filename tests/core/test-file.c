/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gw_file_read(): the one bounded reader, and its own words for each
 * thing that is not a readable regular file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "gw-error.h"
#include "gw-file.h"

static GBytes *
read_path (const char  *path,
           gsize        limit,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return gw_file_read (file, limit, error);
}

static void
test_regular (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_set_contents (path, "一二三", -1, NULL));
  bytes = read_path (path, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "一二三", 9);
  g_unlink (path);
  g_rmdir (dir);
}

/* A few bytes over: the message gives both sizes exactly, in bytes. */
static void
test_over_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) whole = NULL;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  /* sparse: the refusal must come before any read */
  g_assert_cmpint (ftruncate (fd, (off_t) GW_MAX_INPUT_SIZE + 3), ==, 0);
  close (fd);
  bytes = read_path (path, GW_MAX_INPUT_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, GW_ERROR, GW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.txt"));
  g_assert_nonnull (strstr (error->message, "16777219"));
  g_assert_nonnull (strstr (error->message, "16777216"));
  g_clear_error (&error);

  /* exactly at the limit is read */
  fd = g_open (path, O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (ftruncate (fd, 100), ==, 0);
  close (fd);
  whole = read_path (path, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (whole), ==, 100);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-file-XXXXXX", NULL);
  g_autoptr(GBytes) bytes = read_path (dir, GW_MAX_INPUT_SIZE, &error);

  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_rmdir (dir);
}

/* A FIFO with no writer: an ordinary open would wait for ever. */
static void
test_fifo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.json", NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  bytes = read_path (path, GW_MAX_INPUT_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "pipe.json"));
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_path ("/dev/zero", GW_MAX_INPUT_SIZE, &error);

  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
  g_assert_nonnull (strstr (error->message, "device"));
}

static void
test_socket (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s", NULL);
  g_autoptr(GBytes) bytes = NULL;
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  bytes = read_path (path, GW_MAX_INPUT_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "socket"));
  close (fd);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_symlink_loop (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-file-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.gwdoc", NULL);
  g_autofree char *b = g_build_filename (dir, "b.gwdoc", NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (symlink (b, a), ==, 0);
  g_assert_cmpint (symlink (a, b), ==, 0);
  bytes = read_path (a, GW_MAX_INPUT_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "a.gwdoc"));
  g_assert_nonnull (strstr (error->message, "loop"));
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_path ("/nonexistent/gw-file", GW_MAX_INPUT_SIZE, &error);

  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/gw-file"));
}

/* Not readable, really: chmod 000 does not stop root, so as root the
 * check runs in a child without the capabilities that bypass it (setpriv
 * drops them from the bounding set, and exec leaves root without them). */
static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "secret.txt", NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (geteuid () == 0)
    {
      g_autofree char *setpriv = g_find_program_in_path ("setpriv");
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;
      const char *cat[] = { setpriv, "--bounding-set=-dac_override,-dac_read_search",
                            "cat", path, NULL };

      if (setpriv == NULL ||
          !g_spawn_sync (NULL, (char **) cat, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
          g_spawn_check_wait_status (status, NULL))
        {
          g_test_skip ("running as root and cannot drop the capability to read any file");
          goto out;
        }
      /* the access fails first, for cat; now for Gongwen's reader */
      {
        g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
        g_autoptr(GPtrArray) argv = g_ptr_array_new ();

        g_ptr_array_add (argv, setpriv);
        g_ptr_array_add (argv, (char *) "--bounding-set=-dac_override,-dac_read_search");
        g_ptr_array_add (argv, exe);
        g_ptr_array_add (argv, (char *) "--read-unreadable");
        g_ptr_array_add (argv, path);
        g_ptr_array_add (argv, NULL);
        g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL,
                                     &out, &err, &status, NULL));
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        g_assert_nonnull (strstr (out, "secret.txt: "));
        {
          g_autofree char *code = g_strdup_printf ("(code %d)", G_IO_ERROR_PERMISSION_DENIED);
          g_assert_nonnull (strstr (out, code));
        }
      }
    }
  else
    {
      bytes = read_path (path, GW_MAX_INPUT_SIZE, &error);
      g_assert_null (bytes);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "secret.txt"));
    }
out:
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* the child of test_unreadable: reads and says what happened */
  if (argc == 3 && strcmp (argv[1], "--read-unreadable") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = read_path (argv[2], GW_MAX_INPUT_SIZE, &error);

      if (bytes)
        return 1;
      g_print ("%s (code %d)\n", error->message, error->code);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/regular", test_regular);
  g_test_add_func ("/file/over-limit", test_over_limit);
  g_test_add_func ("/file/folder", test_folder);
  g_test_add_func ("/file/fifo", test_fifo);
  g_test_add_func ("/file/device", test_device);
  g_test_add_func ("/file/socket", test_socket);
  g_test_add_func ("/file/symlink-loop", test_symlink_loop);
  g_test_add_func ("/file/missing", test_missing);
  g_test_add_func ("/file/unreadable", test_unreadable);
  return g_test_run ();
}
