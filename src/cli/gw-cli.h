/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The batch faces of Gongwen. None of them opens a display: they run from
 * GApplication::handle-local-options, before GTK starts. Each returns the
 * process exit status of ../shared/DESIGN.md and prints to stdout/stderr. */

typedef enum {
  GW_CLI_FORMAT_TEXT,
  GW_CLI_FORMAT_JSON,
} GwCliFormat;

typedef struct {
  char        **rule_packs;   /* --rules=FILE, repeatable; NULL-terminated or NULL */
  char         *kind;         /* --kind=opinion|evaluation, or NULL to detect */
  GwCliFormat   format;       /* --format=text|json */
  char         *export_dir;   /* --export-pdf=DIR */
  gboolean      strict;       /* --strict */
  int           jobs;         /* --jobs=N, 0 = number of cores */
  gboolean      color;        /* colour the text output (stdout is a terminal) */
  gboolean      progress;     /* show progress (stderr is a terminal) */
} GwCliOptions;

/* gongwen --check [--rules=PACK]… [--kind=…] [--format=text|json] FILE…
 * 0: no error-severity finding; 1: at least one; 2: a file could not be read
 * or the call is wrong. */
int gw_cli_check       (const GwCliOptions *options,
                        char              **files);

/* gongwen --list-rules [--rules=PACK]… */
int gw_cli_list_rules  (const GwCliOptions *options);

/* gongwen --export-pdf=DIR [--strict] [--jobs=N] FILE…
 * 0: every file exported; 1: some failed (reported, others continued);
 * 2: the call is wrong (no files, DIR unusable). */
int gw_cli_export_pdf  (const GwCliOptions *options,
                        char              **files);

G_END_DECLS
