/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gw-error.h"
#include "gw-file.h"

static void
set_too_large (GError    **error,
               const char *name,
               guint64     size,
               gboolean    grew,
               gsize       limit)
{
  g_autofree char *size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, limit);

  /* exact byte counts: "16.0 MiB" would hide a file a few bytes over */
  if (grew)
    g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                 _("%s: the file grew past %s bytes while being read; "
                   "Gongwen reads files of up to %s bytes"),
                 name, size_text, limit_text);
  else
    g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                 _("%s: the file is %s bytes; Gongwen reads files of up to %s bytes"),
                 name, size_text, limit_text);
}

static void
set_open_error (GError    **error,
                const char *name,
                int         saved_errno)
{
  if (saved_errno == ELOOP)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                 _("%s: the symbolic links lead round in a loop and never reach a file"),
                 name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("%s: cannot open: %s"), name, g_strerror (saved_errno));
}

/* Says why a file that is not a regular file is refused, in its own words. */
static void
set_not_regular (GError    **error,
                 const char *name,
                 mode_t      mode)
{
  if (S_ISDIR (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("%s: is a folder, not a file"), name);
  else if (S_ISFIFO (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s: is a named pipe (FIFO), not a file; Gongwen reads only regular files"),
                 name);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s: is a device, not a file; Gongwen reads only regular files"), name);
  else if (S_ISSOCK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s: is a socket, not a file; Gongwen reads only regular files"), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s: is not a regular file"), name);
}

/* A local file: open first, without blocking (a FIFO would wait for a
 * writer) and then ask the open descriptor what it is, so nothing can be
 * swapped in between the check and the read. */
static GBytes *
read_local (const char  *path,
            const char  *name,
            gsize        limit,
            GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      /* a socket can't be opened at all: say what it is */
      if (saved_errno == ENXIO && g_stat (path, &st) == 0)
        set_not_regular (error, name, st.st_mode);
      else
        set_open_error (error, name, saved_errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot read: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_regular (error, name, st.st_mode);
      return NULL;
    }
  /* Refuse before reading, so a huge file never fills memory. */
  if ((guint64) st.st_size > limit)
    {
      close (fd);
      set_too_large (error, name, st.st_size, FALSE, limit);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guint8 chunk[65536];
      gsize want = MIN (sizeof chunk, limit + 1 - buffer->len);
      gssize n = read (fd, chunk, want);

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot read: %s"), name, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > limit)
        {
          close (fd);
          set_too_large (error, name, limit, TRUE, limit);
          return NULL;
        }
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Any other GFile (a resource, a GVfs location): the same checks through GIO. */
static GBytes *
read_gio (GFile       *file,
          const char  *name,
          gsize        limit,
          GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 chunk[65536];

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot open: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not a file"), name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: is not a regular file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > limit)
    {
      set_too_large (error, name, g_file_info_get_size (info), FALSE, limit);
      return NULL;
    }
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot open: %s"), name, local_error->message);
      return NULL;
    }
  buffer = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk,
                                      MIN (sizeof chunk, limit + 1 - buffer->len),
                                      NULL, &local_error);
      if (n < 0)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: cannot read: %s"), name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > limit)
        {
          set_too_large (error, name, limit, TRUE, limit);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
gw_file_read_named (GFile       *file,
                    const char  *name,
                    gsize        limit,
                    GError     **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (file);
  if (path != NULL)
    return read_local (path, name, limit, error);
  return read_gio (file, name, limit, error);
}

GBytes *
gw_file_read (GFile   *file,
              gsize    limit,
              GError **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  return gw_file_read_named (file, name, limit, error);
}
