/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * gw_file_read:
 * @file: the file to read
 * @limit: the most bytes to accept; %GW_MAX_INPUT_SIZE for a whole input
 *   (a document, template, rule pack, CSV, a `.docx` file), less for parts
 * @error: return location for a #GError
 *
 * The one way Gongwen reads an input file whole. Refuses before reading:
 * a folder, a named pipe (which would block), a device (`/dev/zero` never
 * ends), a socket, a loop of symbolic links, a file over @limit; then reads
 * at most @limit + 1 bytes, whatever the size said a moment ago, since the
 * file may grow meanwhile. Never blocks on a FIFO.
 *
 * Every message is translated and begins with the file's name (its path
 * as the user would type it). Errors: %G_IO_ERROR_NOT_FOUND,
 * %G_IO_ERROR_PERMISSION_DENIED and the like (cannot open or read),
 * %G_IO_ERROR_IS_DIRECTORY, %G_IO_ERROR_NOT_REGULAR_FILE (pipe, device,
 * socket), %G_IO_ERROR_TOO_MANY_LINKS (a loop of symbolic links),
 * %GW_ERROR_TOO_LARGE (the message gives both sizes in bytes).
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL
 */
GBytes *gw_file_read       (GFile       *file,
                            gsize        limit,
                            GError     **error);

/* The same, naming the file @name in messages (e.g. the path exactly as
 * given on the command line, or "rules.json" inside a pack). */
GBytes *gw_file_read_named (GFile       *file,
                            const char  *name,
                            gsize        limit,
                            GError     **error);

G_END_DECLS
