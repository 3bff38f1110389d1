/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reading a whole input file, bounded by GW_MAX_INPUT_SIZE. Callers word
 * the messages (they name "the file", "the document" or "the template"),
 * so this says what went wrong rather than setting a translated GError. */

typedef enum {
  GW_FILE_OK,
  GW_FILE_CANNOT_OPEN,     /* @io_error says why */
  GW_FILE_IS_DIRECTORY,
  GW_FILE_NOT_REGULAR,     /* a FIFO would block, /dev/zero never ends */
  GW_FILE_TOO_LARGE,       /* *size says how large, as far as it was read */
  GW_FILE_CANNOT_READ,     /* @io_error says why */
} GwFileStatus;

GBytes *_gw_file_read_bounded (GFile         *file,
                               GwFileStatus  *status,
                               goffset       *size,
                               GError       **io_error);

GBytes *_gw_file_read_bounded_max (GFile         *file,
                                   gsize          max,
                                   GwFileStatus  *status,
                                   goffset       *size,
                                   GError       **io_error);

/* In gw-open.c, whose messages are translated: reads @file for
 * gw_document_open() and gw_import_text_file(), naming it @name. */
GBytes *_gw_open_read_file (GFile       *file,
                            const char  *name,
                            GError     **error);

G_END_DECLS
