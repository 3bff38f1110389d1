/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-checker.h"
#include "gw-cli.h"
#include "gw-pdf.h"

G_BEGIN_DECLS

/* What a verb knows of the terminal it runs in. */
typedef struct {
  gboolean color;     /* colour the text output (stdout is a terminal, no NO_COLOR) */
  gboolean progress;  /* show progress (stderr is a terminal) */
} GwCliEnv;

/*
 * GwCliVerb:
 * @action: long name of the option that selects the verb ("check",
 *   "export-pdf", …); %NULL for a table that only defines options other
 *   verbs share
 * @entries: (nullable): the options this verb defines, NULL-terminated,
 *   with arg_data %NULL so that their values land in the GVariantDict
 * @accepts: (nullable): long names of options defined by other verbs that
 *   this verb also takes
 * @run: runs the verb; returns the exit status of the contract in the
 *   README (0 done, 1 done but a person is needed, 2 a wrong call or an
 *   unreadable input)
 *
 * One verb of the command line. Each lives in its own gw-cli-VERB.c with
 * its option table, and is listed once in gw_cli_verbs[] (gw-cli-options.c).
 * Which options go with which verb is decided from these tables alone:
 * nothing else in the program knows the command line.
 */
typedef struct {
  const char          *action;
  const GOptionEntry  *entries;
  const char * const  *accepts;
  int                (*run) (GVariantDict   *options,
                             char          **files,
                             const GwCliEnv *env);
} GwCliVerb;

/* The options several verbs share: --rules, --kind, --format, --strict,
 * --jobs. Read and validated once by _gw_cli_options_init(). */
typedef enum {
  GW_CLI_FORMAT_TEXT,
  GW_CLI_FORMAT_JSON,
} GwCliFormat;

typedef struct {
  char        **rule_packs;   /* --rules=FILE, repeatable; NULL-terminated or NULL */
  char         *kind;         /* --kind=opinion|evaluation, or NULL to detect */
  GwCliFormat   format;       /* --format=text|json */
  gboolean      strict;       /* --strict */
  int           jobs;         /* --jobs=N, 0 = number of cores */
  gboolean      color;
  gboolean      progress;
} GwCliOptions;

gboolean _gw_cli_options_init  (GwCliOptions   *opts,
                                GVariantDict   *dict,
                                const GwCliEnv *env);
void     _gw_cli_options_clear (GwCliOptions   *opts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwCliOptions, _gw_cli_options_clear)

/* The table of every verb, NULL-terminated; for the tests. */
extern const GwCliVerb * const gw_cli_verbs[];

extern const GwCliVerb gw_cli_verb_shared;
extern const GwCliVerb gw_cli_verb_version;
extern const GwCliVerb gw_cli_verb_check;
extern const GwCliVerb gw_cli_verb_list_rules;
extern const GwCliVerb gw_cli_verb_export_pdf;
extern const GwCliVerb gw_cli_verb_new_round;
extern const GwCliVerb gw_cli_verb_summary;
extern const GwCliVerb gw_cli_verb_export_docx;

/* The batch export engine of --export-pdf and --export-docx
 * (gw-cli-export.c): one DIR/NAME.pdf or .docx per input, in parallel,
 * each written under a temporary name and renamed, never over an input;
 * a failure is reported and the others go on. 0 all written, 1 some
 * failed or were skipped by --strict, 2 a wrong call. */
typedef enum {
  GW_EXPORT_PDF,
  GW_EXPORT_DOCX,
} GwExportFormat;

int      _gw_cli_export_files  (const GwCliOptions *options,
                                const char         *export_dir,
                                char              **files,
                                GwExportFormat      format);

/* gw-cli-register.c: the 发文字号 register's verbs */
extern const GwCliVerb gw_cli_verb_register_list;
extern const GwCliVerb gw_cli_verb_register_add_organ;
extern const GwCliVerb gw_cli_verb_register_take;
extern const GwCliVerb gw_cli_verb_register_issue;
extern const GwCliVerb gw_cli_verb_register_void;
extern const GwCliVerb gw_cli_verb_register_backup;
extern const GwCliVerb gw_cli_verb_register_restore;
extern const GwCliVerb gw_cli_verb_register_close_year;
extern const GwCliVerb gw_cli_verb_register_import_csv;
extern const GwCliVerb gw_cli_verb_register_print;
extern const GwCliVerb gw_cli_verb_register_audit;
extern const GwCliVerb gw_cli_verb_register_shared;


/* With --register=PATH, hands the checker the register; FALSE (after a
 * message) when it cannot be opened. */
gboolean _gw_cli_register_attach (GwChecker    *checker,
                                  GVariantDict *dict);

/* Releases @renderer and @checker and the libraries' process-lifetime font
 * caches (cairo's, fontconfig's): the last thing a verb that rendered does,
 * so LeakSanitizer reports only our leaks. Nothing may use fonts after. */
void     _gw_cli_release_fonts (GwRenderer **renderer,
                                GwChecker  **checker);

G_END_DECLS
