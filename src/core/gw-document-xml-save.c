/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-document-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gw-document-xml-private.h"

/* Saving a .gwdoc: the serialised bytes replace the file atomically. */

static gint fail_after_write_for_testing;

void
_gw_document_xml_set_fail_after_write_for_testing (gboolean fail)
{
  g_atomic_int_set (&fail_after_write_for_testing, !!fail);
}

/* ---- atomic file replacement ---------------------------------------------- */

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      size -= n;
    }
  return TRUE;
}

/* Makes the rename itself durable: without this a crash right after the
 * save may bring back the old directory entry. Best effort. */
static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* GFileError is errno by another name; turned back, a failed save reads
 * and classifies as it did when every step here was a system call, without
 * GLib's temporary file name in the message. */
static int
errno_from_file_error (GFileError code)
{
  switch (code)
    {
    case G_FILE_ERROR_EXIST: return EEXIST;
    case G_FILE_ERROR_ISDIR: return EISDIR;
    case G_FILE_ERROR_ACCES: return EACCES;
    case G_FILE_ERROR_NAMETOOLONG: return ENAMETOOLONG;
    case G_FILE_ERROR_NOENT: return ENOENT;
    case G_FILE_ERROR_NOTDIR: return ENOTDIR;
    case G_FILE_ERROR_NXIO: return ENXIO;
    case G_FILE_ERROR_NODEV: return ENODEV;
    case G_FILE_ERROR_ROFS: return EROFS;
    case G_FILE_ERROR_TXTBSY: return ETXTBSY;
    case G_FILE_ERROR_FAULT: return EFAULT;
    case G_FILE_ERROR_LOOP: return ELOOP;
    case G_FILE_ERROR_NOSPC: return ENOSPC;
    case G_FILE_ERROR_NOMEM: return ENOMEM;
    case G_FILE_ERROR_MFILE: return EMFILE;
    case G_FILE_ERROR_NFILE: return ENFILE;
    case G_FILE_ERROR_BADF: return EBADF;
    case G_FILE_ERROR_INVAL: return EINVAL;
    case G_FILE_ERROR_PIPE: return EPIPE;
    case G_FILE_ERROR_AGAIN: return EAGAIN;
    case G_FILE_ERROR_INTR: return EINTR;
    case G_FILE_ERROR_IO: return EIO;
    case G_FILE_ERROR_PERM: return EPERM;
    case G_FILE_ERROR_NOSYS: return ENOSYS;
    case G_FILE_ERROR_FAILED:
    default: return 0;
    }
}

static gboolean
set_file_error (GError       **error,
                const GError  *file_error,
                const char    *path)
{
  g_autofree char *display = NULL;
  int saved_errno = 0;

  if (file_error->domain == G_FILE_ERROR)
    saved_errno = errno_from_file_error (file_error->code);
  if (saved_errno != 0)
    return set_errno_error (error, saved_errno, path);
  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not save “%s”: %s"), display, file_error->message);
  return FALSE;
}

/* The long-name path. g_file_set_contents_full() names its temporary file
 * NAME.XXXXXX, seven bytes longer than NAME, so for a name within seven
 * bytes of the file system's limit (82 Chinese characters and ".gwdoc" are
 * 252 bytes of 255) it cannot even start, and it takes no other temporary
 * name. This is the hand-written save it replaced, with a short name in
 * the same folder; everything else goes through GLib. */
static gboolean
replace_with_short_temporary_name (const char    *path,
                                   const char    *target,
                                   GBytes        *contents,
                                   GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  const guint8 *data;
  gsize size;
  GStatBuf st;
  int fd;
  int saved_errno;

  dir = g_path_get_dirname (target);
  /* Same folder, so the rename stays on one file system and is atomic;
   * a generic name, since one made from @target's is too long here. */
  tmp_path = g_strdup_printf ("%s%c.gongwen-save.XXXXXX", dir, G_DIR_SEPARATOR);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  /* Keep the permissions of the file being replaced. */
  if (g_stat (target, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (fd, st.st_mode & 07777);

  data = g_bytes_get_data (contents, &size);
  if (!write_all (fd, data, size) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, path);
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, path);
    }

  if (g_rename (tmp_path, target) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, path);
    }
  sync_directory (dir);
  return TRUE;
}

gboolean
gw_file_replace_atomically (const char  *path,
                            GBytes      *contents,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  const char *data;
  gsize size;
  GStatBuf st;
  gboolean keep_mode;
  int mode;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Replace what a symbolic link points to, not the link: GLib would put
   * a regular file in the link's place. */
  target = g_file_read_link (path, NULL);
  if (target && !g_path_is_absolute (target))
    {
      g_autofree char *link_dir = g_path_get_dirname (path);
      char *resolved = g_build_filename (link_dir, target, NULL);

      g_free (target);
      target = resolved;
    }
  if (target == NULL)
    target = g_strdup (path);

  /* Keep the permissions of the file being replaced; a new file gets
   * 0644 less the umask, as before. */
  keep_mode = g_stat (target, &st) == 0 && S_ISREG (st.st_mode);
  mode = keep_mode ? (int) (st.st_mode & 07777) : 0644;

  /* GLib writes, flushes and renames in one call, so the test hook has no
   * moment between the flush and the rename to fail at; it fails the save
   * just before. (A rename that fails inside GLib is tested with a folder
   * in the file's place.) */
  if (g_atomic_int_get (&fail_after_write_for_testing))
    return set_errno_error (error, EIO, path);

  /* Consistent and durable: GLib writes a temporary file beside @target,
   * flushes it, renames it over and flushes the folder. */
  data = g_bytes_get_data (contents, &size);
  if (!g_file_set_contents_full (target, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NAMETOOLONG))
        return replace_with_short_temporary_name (path, target, contents, error);
      return set_file_error (error, local_error, path);
    }

  /* GLib creates the file with @mode less the umask; the old file's mode
   * is restored in full. The umask only takes bits away, so for the moment
   * in between the file is never more open than it was meant to be. */
  if (keep_mode && g_stat (target, &st) == 0 && (int) (st.st_mode & 07777) != mode)
    g_chmod (target, mode);
  return TRUE;
}

gboolean
gw_document_save_gwdoc (GwDocument  *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = gw_document_to_gwdoc_bytes (self);
  return gw_file_replace_atomically (path, bytes, error);
}

/* ---- async --------------------------------------------------------------- */

typedef struct {
  char   *path;
  GBytes *bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->path);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (gw_file_replace_atomically (data->path, data->bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gw_document_save_gwdoc_async (GwDocument          *self,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gw_document_save_gwdoc_async);
  data = g_new0 (SaveData, 1);
  data->path = g_strdup (path);
  data->bytes = gw_document_to_gwdoc_bytes (self);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
gw_document_save_gwdoc_finish (GwDocument    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
