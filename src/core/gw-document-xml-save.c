/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-document-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
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

gboolean
gw_file_replace_atomically (const char  *path,
                            GBytes      *contents,
                            GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  const guint8 *data;
  gsize size;
  GStatBuf st;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Replace what a symbolic link points to, not the link. */
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

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  /* Same folder, so the rename stays on one file system and is atomic.
   * Long (Chinese: three bytes a character) names would overflow NAME_MAX
   * with the suffix added; those get a generic temporary name. */
  if (strlen (base) > 200)
    tmp_path = g_strdup_printf ("%s%c.gongwen-save.XXXXXX", dir, G_DIR_SEPARATOR);
  else
    tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
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

  if (g_atomic_int_get (&fail_after_write_for_testing))
    {
      g_unlink (tmp_path);
      return set_errno_error (error, EIO, path);
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
