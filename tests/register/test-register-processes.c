/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several processes on one register: two taking numbers at once never get
 * the same one nor leave a gap; one killed inside its open transaction
 * leaves the register consistent. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gw-register-private.h"

#define PER_PROCESS 200

static char *dir;
static char *path;

static void
write_all (int         fd,
           const void *buf,
           gsize       len)
{
  const char *p = buf;

  while (len > 0)
    {
      gssize n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      p += n;
      len -= n;
    }
}

static gboolean
read_all (int    fd,
          void  *buf,
          gsize  len)
{
  char *p = buf;

  while (len > 0)
    {
      gssize n = read (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static void
setup_register (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRegister) reg = NULL;
  const char *codes[] = { "神民发", NULL };

  dir = g_dir_make_tmp ("gw-register-proc-XXXXXX", NULL);
  path = g_build_filename (dir, "register.sqlite", NULL);
  reg = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (gw_register_add_organ (reg, "神木市民政局", codes, &error));
}

static void
teardown_register (void)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&path, g_free);
}

/* A child: opens the register, says it is ready, waits on the barrier,
 * takes PER_PROCESS numbers and sends each sequence back. */
static void
taker (int barrier,
       int out)
{
  g_autoptr(GwRegister) reg = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, NULL);
  char ready = 'r', go;

  if (reg == NULL)
    _exit (4);
  write_all (out, &ready, 1);
  if (read (barrier, &go, 1) != 0)   /* EOF when the parent lets both go */
    _exit (5);
  for (int i = 0; i < PER_PROCESS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GwRegisterEntry) e =
        gw_register_take (reg, NULL, "神民发", 2024, "并发", "", "", &error);
      int seq = e ? e->seq : -1;

      if (e == NULL)
        g_printerr ("child %d: %s\n", (int) getpid (), error->message);
      write_all (out, &seq, sizeof seq);
    }
  _exit (0);
}

static void
test_two_processes (void)
{
  int barrier[2], out[2][2];
  pid_t pid[2];
  int owner[2 * PER_PROCESS + 1] = { 0 };
  int runs = 0, last = 0;
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  setup_register ();
  g_assert_cmpint (pipe (barrier), ==, 0);
  for (int c = 0; c < 2; c++)
    {
      g_assert_cmpint (pipe (out[c]), ==, 0);
      pid[c] = fork ();
      g_assert_cmpint (pid[c], >=, 0);
      if (pid[c] == 0)
        {
          close (barrier[1]);
          close (out[c][0]);
          taker (barrier[0], out[c][1]);
        }
      close (out[c][1]);
    }
  close (barrier[0]);
  for (int c = 0; c < 2; c++)
    {
      char ready;
      g_assert_true (read_all (out[c][0], &ready, 1));
    }
  close (barrier[1]);   /* both wake at once */

  for (int c = 0; c < 2; c++)
    {
      int prev = 0, status;

      for (int i = 0; i < PER_PROCESS; i++)
        {
          int seq;

          g_assert_true (read_all (out[c][0], &seq, sizeof seq));
          g_assert_cmpint (seq, >=, 1);
          g_assert_cmpint (seq, <=, 2 * PER_PROCESS);
          g_assert_cmpint (seq, >, prev);
          g_assert_cmpint (owner[seq], ==, 0);   /* nobody else got it */
          owner[seq] = c + 1;
          prev = seq;
        }
      close (out[c][0]);
      g_assert_cmpint (waitpid (pid[c], &status, 0), ==, pid[c]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  for (int seq = 1; seq <= 2 * PER_PROCESS; seq++)
    {
      g_assert_cmpint (owner[seq], !=, 0);   /* no gap */
      if (owner[seq] != last)
        runs++;
      last = owner[seq];
    }
  g_test_message ("the two processes' numbers form %d runs", runs);
  /* interleaved: not one block after the other */
  g_assert_cmpint (runs, >, 2);

  reg = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, &error);
  list = gw_register_list (reg, NULL, 2024, &error);
  g_assert_cmpuint (list->len, ==, 2 * PER_PROCESS);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((GwRegisterEntry *) list->pdata[i])->seq, ==, (int) i + 1);
  g_clear_pointer (&reg, gw_register_close);
  teardown_register ();
}

static int hook_fd = -1;

static void
stop_inside_take (const char *point)
{
  char c = 'h';

  write_all (hook_fd, &c, 1);
  for (;;)
    pause ();
}

static void
test_killed_in_transaction (void)
{
  int fds[2], status;
  pid_t pid;
  char c;
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GwRegisterEntry) e = NULL;

  setup_register ();
  reg = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, &error);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GwRegisterEntry) before = gw_register_take (reg, NULL, "神民发", 2024, "前", "", "", &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GwRegister) child = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, NULL);

      close (fds[0]);
      hook_fd = fds[1];
      _gw_register_set_test_hook (stop_inside_take);
      if (child != NULL)
        gw_register_take (child, NULL, "神民发", 2024, "被杀", "", "", NULL);
      _exit (6);
    }
  close (fds[1]);
  /* the child is now inside BEGIN IMMEDIATE with its row written */
  g_assert_true (read_all (fds[0], &c, 1));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  close (fds[0]);

  /* a fresh open checks the file (quick_check) and sees only committed rows */
  g_clear_pointer (&reg, gw_register_close);
  reg = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  list = gw_register_list (reg, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (((GwRegisterEntry *) list->pdata[i])->title, ==, "前");
  e = gw_register_take (reg, NULL, "神民发", 2024, "后", "", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (e->seq, ==, 4);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_clear_pointer (&reg, gw_register_close);
  teardown_register ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/register/processes/two-at-once", test_two_processes);
  g_test_add_func ("/register/processes/killed-in-transaction", test_killed_in_transaction);
  return g_test_run ();
}
