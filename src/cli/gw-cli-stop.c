/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-stop"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "gw-cli-stop.h"

#define TEMP_MARK ".gongwen-"

static volatile sig_atomic_t stop_signal;

static void
on_stop_signal (int sig)
{
  stop_signal = sig;
}

void
_gw_cli_stop_catch (void)
{
  struct sigaction sa = { 0 };

  stop_signal = 0;
  sa.sa_handler = on_stop_signal;
  sigemptyset (&sa.sa_mask);
  /* no SA_RESTART: a parent blocked in waitpid() wakes up to stop */
  sa.sa_flags = 0;
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
}

int
_gw_cli_stop_requested (void)
{
  return stop_signal;
}

void
_gw_cli_stop_release (int sig)
{
  signal (SIGINT, SIG_DFL);
  signal (SIGTERM, SIG_DFL);
  if (sig != 0)
    {
      raise (sig);
      _exit (128 + sig);   /* not reached */
    }
}

void
_gw_cli_stop_bind_worker (pid_t parent)
{
  /* The parent's flag-setting handlers were inherited: a worker has no
   * document to finish for anyone, so Ctrl-C (sent to the whole process
   * group) ends it at once; the parent removes what it was writing. */
  signal (SIGINT, SIG_DFL);
  signal (SIGTERM, SIG_DFL);
  /* SIGKILL of the parent gives it no chance to stop us: the kernel does. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* the parent may have died before prctl() */
  if (getppid () != parent)
    _exit (1);
}

gboolean
_gw_cli_write_whole (const char  *path,
                     GBytes      *bytes,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s" TEMP_MARK "%d-XXXXXX", dir, base,
                                          (int) getpid ());
  const guint8 *data;
  gsize len, done = 0;
  int fd;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write the file: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &len);
  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      done += n;
    }
  if (done < len || fsync (fd) != 0 || close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;
      if (done < len)
        close (fd);
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write the file: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The process id in ".NAME.gongwen-PID-XXXXXX", or 0 when @name is not
 * one of ours. */
static pid_t
temp_owner (const char *name)
{
  const char *mark, *p;
  char *end;
  long pid;

  if (name[0] != '.' || (mark = g_strrstr (name, TEMP_MARK)) == NULL)
    return 0;
  p = mark + strlen (TEMP_MARK);
  pid = strtol (p, &end, 10);
  if (end == p || pid <= 0 || *end != '-' || strlen (end + 1) != 6)
    return 0;
  return (pid_t) pid;
}

/* Whether @pid has ended. A zombie has: a worker whose parent was killed
 * is reparented to an init that may be slow to reap it (or, in some
 * containers, never does). */
static gboolean
process_gone (pid_t pid)
{
  g_autofree char *path = NULL;
  g_autofree char *stat = NULL;
  const char *paren;

  if (kill (pid, 0) != 0)
    return errno == ESRCH;
  path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  /* "pid (comm) S …": the state follows the last parenthesis */
  paren = strrchr (stat, ')');
  return paren && paren[1] == ' ' && (paren[2] == 'Z' || paren[2] == 'X');
}

guint
_gw_cli_clear_stale (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint removed = 0;

  while (d && (name = g_dir_read_name (d)))
    {
      pid_t owner = temp_owner (name);

      /* another batch writing into the same folder keeps its files */
      if (owner == 0 || !process_gone (owner))
        continue;
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        if (g_unlink (path) == 0)
          removed++;
      }
    }
  return removed;
}
