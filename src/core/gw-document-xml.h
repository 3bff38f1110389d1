/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* The .gwdoc format: UTF-8 XML validated against data/schema/gwdoc.rng on
 * every load. Parsing never touches the network, loads no DTD and expands no
 * entity; a file that declares entities is refused (GW_ERROR_UNSAFE). Errors
 * name the file and the line. */

GwDocument *gw_document_load_gwdoc       (const char  *path,
                                          GError     **error);
GwDocument *gw_document_load_gwdoc_bytes (GBytes      *bytes,
                                          const char  *display_name,
                                          GError     **error);
/* Serialises deterministically: the same document gives identical bytes. */
GBytes     *gw_document_to_gwdoc_bytes   (GwDocument  *self);
/* Atomic: writes a temporary file beside @path, flushes it and renames it
 * over; on failure the previous file is untouched. */
gboolean    gw_document_save_gwdoc       (GwDocument  *self,
                                          const char  *path,
                                          GError     **error);

/* The same in a worker thread, for the window. Saving serialises @self at
 * once, in the calling thread, so later edits do not race the write; only
 * the file work runs in the thread. */
void        gw_document_save_gwdoc_async  (GwDocument          *self,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    gw_document_save_gwdoc_finish (GwDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void        gw_document_load_gwdoc_async  (const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GwDocument *gw_document_load_gwdoc_finish (GAsyncResult        *result,
                                           GError             **error);

/* Writes @contents to @path the same atomic way (temporary file in the same
 * folder, fsync, rename, fsync of the folder); for other files Gongwen
 * writes, such as autosave copies. Through g_file_set_contents_full(), but
 * a symbolic link is written through, not replaced, and the replaced
 * file's mode is kept whole. */
gboolean    gw_file_replace_atomically    (const char          *path,
                                           GBytes              *contents,
                                           GError             **error);

G_END_DECLS
