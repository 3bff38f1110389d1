/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-file"

#include "config.h"

#include "gw-error.h"
#include "gw-file-private.h"

/*
 * _gw_file_read_bounded:
 * @file: the file to read
 * @status: (out): what went wrong, or %GW_FILE_OK
 * @size: (out) (optional): the file's size, for messages
 * @io_error: (optional): GIO's reason for %GW_FILE_CANNOT_OPEN and
 *   %GW_FILE_CANNOT_READ
 *
 * Refuses anything but a regular file, and one over %GW_MAX_INPUT_SIZE
 * before reading it; then reads at most %GW_MAX_INPUT_SIZE + 1 bytes,
 * whatever the size said a moment ago: the file may have grown since.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL
 */
GBytes *
_gw_file_read_bounded (GFile         *file,
                       GwFileStatus  *status,
                       goffset       *size,
                       GError       **io_error)
{
  return _gw_file_read_bounded_max (file, GW_MAX_INPUT_SIZE, status, size, io_error);
}

/* The same with another limit: packages (.docx) may be larger than text. */
GBytes *
_gw_file_read_bounded_max (GFile         *file,
                           gsize          max,
                           GwFileStatus  *status,
                           goffset       *size,
                           GError       **io_error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  guint8 chunk[65536];
  goffset dummy_size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  if (size == NULL)
    size = &dummy_size;
  *size = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, io_error);
  if (info == NULL)
    {
      *status = GW_FILE_CANNOT_OPEN;
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      *status = GW_FILE_IS_DIRECTORY;
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      *status = GW_FILE_NOT_REGULAR;
      return NULL;
    }
  *size = g_file_info_get_size (info);
  /* Refuse before reading, so a huge file never fills memory. */
  if (*size > (goffset) max)
    {
      *status = GW_FILE_TOO_LARGE;
      return NULL;
    }

  stream = g_file_read (file, NULL, io_error);
  if (stream == NULL)
    {
      *status = GW_FILE_CANNOT_OPEN;
      return NULL;
    }
  buffer = g_byte_array_sized_new ((guint) *size);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      NULL, io_error);

      if (n < 0)
        {
          *status = GW_FILE_CANNOT_READ;
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > max)
        {
          *size = buffer->len;
          *status = GW_FILE_TOO_LARGE;
          return NULL;
        }
    }
  *size = buffer->len;
  *status = GW_FILE_OK;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
