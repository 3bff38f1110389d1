/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The batch faces of Gongwen. None of them opens a display: they run from
 * GApplication::handle-local-options, before GTK starts. src/cli owns every
 * option of the command line; the application only calls these three. */

/* Adds every verb's options to @app's command line, with the help texts. */
void     gw_cli_add_options            (GApplication  *app);

/* Parses @arguments (argv, not modified) strictly before GApplication does,
 * so that an unknown or malformed option exits 2 as the contract says
 * (GApplication's own parse failure exits 1). Returns %FALSE, with the
 * message printed and *exit_status set, when the call is wrong. */
gboolean gw_cli_check_arguments        (char * const  *arguments,
                                        int           *exit_status);

/* Runs the batch verb the options name and returns its exit status, or -1
 * when they name none (the window opens). */
int      gw_cli_handle_local_options   (GVariantDict  *options);

G_END_DECLS
