/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* A batch that stops when told (SIGINT, SIGTERM) and leaves nothing behind;
 * one killed outright (SIGKILL) takes its workers with it, and the next run
 * into the same folder removes what it left. */

/* Catches SIGINT and SIGTERM for the length of a batch: they only set a
 * flag, which the batch reads between documents and while it waits. */
void     _gw_cli_stop_catch         (void);
/* The signal received since _gw_cli_stop_catch(), or 0. */
int      _gw_cli_stop_requested     (void);
/* Puts the default handlers back; when @sig is not 0, dies of it, so the
 * shell sees the batch was interrupted. */
void     _gw_cli_stop_release       (int sig);

/* In a forked worker: dies with its parent, however the parent dies, and
 * of SIGINT and SIGTERM at once. */
void     _gw_cli_stop_bind_worker   (pid_t parent);

/* Writes @bytes to @path through a temporary file beside it named after
 * this process (.NAME.gongwen-PID-XXXXXX), renamed over @path once whole. */
gboolean _gw_cli_write_whole        (const char  *path,
                                     GBytes      *bytes,
                                     GError     **error);

/* Removes from @dir the temporary files of _gw_cli_write_whole() whose
 * process is gone (a killed run's); returns how many. */
guint    _gw_cli_clear_stale        (const char  *dir);

G_END_DECLS
