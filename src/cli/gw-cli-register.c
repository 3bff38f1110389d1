/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-register"

#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "gw-cli-private.h"
#include "gw-checker.h"
#include "gw-document-xml.h"
#include "gw-pdf.h"
#include "gw-register-registry.h"

/* The 发文字号 register's verbs. Exit status: 0 done; 1 refused by the
 * register's state (a void or taken number, a read-only register, bad
 * rows: nothing written); 2 a wrong call or an unreadable file. */

static int
exit_for (const GError *error)
{
  if (error->domain == GW_REGISTER_ERROR &&
      (error->code == GW_REGISTER_ERROR_READ_ONLY ||
       error->code == GW_REGISTER_ERROR_STATE ||
       error->code == GW_REGISTER_ERROR_BAD_ROWS))
    return 1;
  return 2;
}

static int
fail (const GError *error)
{
  g_printerr ("gongwen: %s\n", error->message);
  return exit_for (error);
}

static GwRegister *
open_register (GVariantDict *dict,
               gboolean      must_exist,
               int          *status)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GwRegister *reg;

  if (!g_variant_dict_lookup (dict, "register", "^ay", &path))
    path = gw_register_default_path ();
  reg = gw_register_open (path, must_exist ? GW_REGISTER_OPEN_NO_CREATE : GW_REGISTER_OPEN_DEFAULT,
                          &error);
  if (reg == NULL)
    {
      /* a register that cannot be opened is an unreadable file */
      g_printerr ("gongwen: %s\n", error->message);
      *status = 2;
      return NULL;
    }
  if (gw_register_get_notice (reg))
    g_printerr ("gongwen: %s\n", gw_register_get_notice (reg));
  return reg;
}

static gboolean
get_year (GVariantDict *dict,
          int          *year,
          gboolean      required)
{
  if (g_variant_dict_lookup (dict, "year", "i", year))
    {
      if (*year < 1000 || *year > 9999)
        {
          g_printerr (_("gongwen: --year=%d is not a year\n"), *year);
          return FALSE;
        }
      return TRUE;
    }
  if (required)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      *year = g_date_time_get_year (now);
    }
  else
    *year = 0;
  return TRUE;
}

static gboolean
no_files (char      **files,
          const char *verb)
{
  if (files && files[0])
    {
      g_printerr (_("gongwen: --%s takes no files (“%s”)\n"), verb, files[0]);
      return FALSE;
    }
  return TRUE;
}

static char *
date_of (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (t);
  return g_date_time_format (dt, "%Y-%m-%d");
}

/* ---- --list ------------------------------------------------------------ */

static const char *
status_word (const GwRegisterEntry *e)
{
  if (e->stale)
    return "stale";
  return gw_number_status_to_string (e->status);
}

static int
run_list (GVariantDict   *dict,
          char          **files,
          const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *organ = NULL;
  int year, status = 0;

  g_variant_dict_lookup (dict, "format", "s", &format);
  g_variant_dict_lookup (dict, "organ", "s", &organ);
  if (format && !g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "csv"))
    {
      g_printerr (_("gongwen: unknown --format “%s”: use text, json or csv\n"), format);
      return 2;
    }
  if (!get_year (dict, &year, FALSE) || !no_files (files, "list"))
    return 2;
  reg = open_register (dict, TRUE, &status);
  if (reg == NULL)
    return status;

  if (g_strcmp0 (format, "csv") == 0)
    {
      g_autoptr(GBytes) csv = gw_register_export_csv (reg, year, &error);
      if (csv == NULL)
        return fail (error);
      fwrite (g_bytes_get_data (csv, NULL), 1, g_bytes_get_size (csv), stdout);
      return 0;
    }
  entries = gw_register_list (reg, organ, year, &error);
  if (entries == NULL)
    return fail (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "register");
      json_builder_add_string_value (b, gw_register_get_path (reg));
      json_builder_set_member_name (b, "numbers");
      json_builder_begin_array (b);
      for (guint i = 0; i < entries->len; i++)
        {
          GwRegisterEntry *e = g_ptr_array_index (entries, i);
          g_autofree char *taken = date_of (e->taken_at);
          g_autofree char *issued = date_of (e->issued_at);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "number");
          json_builder_add_string_value (b, e->number);
          json_builder_set_member_name (b, "organ");
          json_builder_add_string_value (b, e->organ);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, e->code);
          json_builder_set_member_name (b, "year");
          json_builder_add_int_value (b, e->year);
          json_builder_set_member_name (b, "seq");
          json_builder_add_int_value (b, e->seq);
          json_builder_set_member_name (b, "status");
          json_builder_add_string_value (b, gw_number_status_to_string (e->status));
          json_builder_set_member_name (b, "stale");
          json_builder_add_boolean_value (b, e->stale);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, e->title);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, e->kind);
          json_builder_set_member_name (b, "file");
          json_builder_add_string_value (b, e->file);
          json_builder_set_member_name (b, "user");
          json_builder_add_string_value (b, e->user);
          json_builder_set_member_name (b, "taken");
          json_builder_add_string_value (b, taken);
          json_builder_set_member_name (b, "issued");
          json_builder_add_string_value (b, issued);
          json_builder_set_member_name (b, "reason");
          json_builder_add_string_value (b, e->void_reason ? e->void_reason : "");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      text = json_generator_to_data (gen, NULL);
      fputs (text, stdout);
      fputc ('\n', stdout);
      return 0;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GwRegisterEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *when = date_of (e->issued_at ? e->issued_at : e->taken_at);
      g_autofree char *title = g_strdelimit (g_strdup (e->title), "\n", ' ');

      fprintf (stdout, "%s\t%s\t%s\t%s\t%s%s%s\n", e->number, status_word (e), when, title,
               e->file, e->void_reason ? "\t" : "", e->void_reason ? e->void_reason : "");
    }
  return 0;
}

static const GOptionEntry list_entries[] = {
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the register's numbers (--year, --organ, --format=text|json|csv)"), NULL },
  { NULL }
};

static const char * const list_accepts[] = { "register", "year", "organ", "format", NULL };

const GwCliVerb gw_cli_verb_register_list = {
  .action = "list",
  .entries = list_entries,
  .accepts = list_accepts,
  .run = run_list,
};

/* ---- --add-organ ------------------------------------------------------- */

static int
run_add_organ (GVariantDict   *dict,
               char          **files,
               const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organ = NULL;
  g_autofree char *codes = NULL;
  g_auto(GStrv) list = NULL;
  int status = 0;

  g_variant_dict_lookup (dict, "add-organ", "s", &organ);
  if (!g_variant_dict_lookup (dict, "codes", "s", &codes) || *g_strstrip (codes) == '\0')
    {
      g_printerr (_("gongwen: --add-organ needs --codes=代字,代字…\n"));
      return 2;
    }
  if (!no_files (files, "add-organ"))
    return 2;
  list = g_strsplit_set (codes, ",，、", -1);
  for (guint i = 0; list[i]; i++)
    g_strstrip (list[i]);
  reg = open_register (dict, FALSE, &status);
  if (reg == NULL)
    return status;
  if (!gw_register_add_organ (reg, organ, (const char * const *) list, &error))
    return fail (error);
  return 0;
}

static const GOptionEntry add_organ_entries[] = {
  { "add-organ", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Add an organ and its 代字 (--codes) to the register"), N_("ORGAN") },
  { "codes", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --add-organ: the organ's 代字, separated by commas"), N_("CODES") },
  { NULL }
};

static const char * const add_organ_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_add_organ = {
  .action = "add-organ",
  .entries = add_organ_entries,
  .accepts = add_organ_accepts,
  .run = run_add_organ,
};

/* ---- --take ------------------------------------------------------------ */

static int
run_take (GVariantDict   *dict,
          char          **files,
          const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwRegisterEntry) entry = NULL;
  g_autofree char *spec = NULL;
  g_autofree char *title = NULL;
  g_autofree char *organ = NULL;
  g_autofree char *abs = NULL;
  const char *code, *path, *old;
  char *slash;
  int year, status = 0;

  g_variant_dict_lookup (dict, "take", "s", &spec);
  g_variant_dict_lookup (dict, "title", "s", &title);
  slash = strrchr (spec, '/');
  if (slash == NULL || slash == spec || slash[1] == '\0')
    {
      g_printerr (_("gongwen: --take=%s: write ORGAN/代字, e.g. --take=神木市民政局/神民发\n"),
                  spec);
      return 2;
    }
  *slash = '\0';
  organ = g_strdup (spec);
  code = slash + 1;
  if (!get_year (dict, &year, TRUE))
    return 2;
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("gongwen: --take writes the number into one .gwdoc FILE\n"));
      return 2;
    }
  path = files[0];
  /* The number is written into the document: only Gongwen's own format
   * can take it without losing anything. */
  if (!g_str_has_suffix (path, ".gwdoc"))
    {
      g_printerr (_("gongwen: %s: --take writes only into a .gwdoc document; open the draft "
                    "in Gongwen and save it as .gwdoc first (the file was not changed)\n"), path);
      return 2;
    }
  doc = gw_document_load_gwdoc (path, &error);
  if (doc == NULL)
    {
      g_printerr ("gongwen: %s\n", error->message);
      return 2;
    }
  reg = open_register (dict, FALSE, &status);
  if (reg == NULL)
    return status;

  /* Re-numbering: the old number is never released silently. */
  old = gw_document_get_meta (doc, GW_META_DOC_NUMBER);
  if (old && *old)
    {
      g_autoptr(GwRegisterEntry) prev = gw_register_lookup (reg, old, NULL);
      if (prev && prev->status != GW_NUMBER_VOID)
        {
          g_printerr (_("gongwen: %s already carries %s from the register; void it first "
                        "(--void=%s --reason=…)\n"), path, old, old);
          return 1;
        }
    }

  if (title == NULL)
    title = g_strdup (gw_document_get_meta (doc, GW_META_TITLE));
  abs = g_canonicalize_filename (path, NULL);
  entry = gw_register_take (reg, organ, code, year, title,
                            gw_document_kind_to_string (gw_document_get_kind (doc)), abs, &error);
  if (entry == NULL)
    return fail (error);
  gw_document_set_meta (doc, GW_META_DOC_NUMBER, entry->number);
  if (!gw_document_save_gwdoc (doc, path, &error))
    {
      g_autoptr(GError) void_error = NULL;
      g_autofree char *reason = g_strdup_printf (_("could not be written into %s"), path);

      g_printerr ("gongwen: %s\n", error->message);
      /* keep the register honest: the number went nowhere */
      if (!gw_register_void (reg, entry->number, reason, &void_error))
        g_printerr ("gongwen: %s\n", void_error->message);
      return 2;
    }
  fprintf (stdout, "%s\n", entry->number);
  return 0;
}

static const GOptionEntry take_entries[] = {
  { "take", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Take the next number of ORGAN/代字 and write it into the .gwdoc FILE"),
    N_("ORGAN/CODE") },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --take: the title to register (default: the document's)"), N_("TITLE") },
  { NULL }
};

static const char * const take_accepts[] = { "register", "year", NULL };

const GwCliVerb gw_cli_verb_register_take = {
  .action = "take",
  .entries = take_entries,
  .accepts = take_accepts,
  .run = run_take,
};

/* ---- --issue, --void --------------------------------------------------- */

static int
run_issue (GVariantDict   *dict,
           char          **files,
           const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *file = NULL;
  g_autofree char *abs = NULL;
  int status = 0;

  g_variant_dict_lookup (dict, "issue", "s", &number);
  if (!g_variant_dict_lookup (dict, "file", "^ay", &file))
    {
      g_printerr (_("gongwen: --issue needs --file=PDF, the document as issued\n"));
      return 2;
    }
  if (!no_files (files, "issue"))
    return 2;
  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("gongwen: %s: no such file\n"), file);
      return 2;
    }
  if (!gw_doc_number_parse (number, NULL, NULL, NULL))
    {
      g_printerr (_("gongwen: --issue=%s is not a document number of the form "
                    "代字〔年份〕序号号\n"), number);
      return 2;
    }
  reg = open_register (dict, FALSE, &status);
  if (reg == NULL)
    return status;
  abs = g_canonicalize_filename (file, NULL);
  if (!gw_register_issue (reg, number, abs, &error))
    return fail (error);
  return 0;
}

static const GOptionEntry issue_entries[] = {
  { "issue", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Register NUMBER as issued (登记发文), with --file"), N_("NUMBER") },
  { "file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --issue: the issued document's file"), N_("PDF") },
  { NULL }
};

static const char * const issue_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_issue = {
  .action = "issue",
  .entries = issue_entries,
  .accepts = issue_accepts,
  .run = run_issue,
};

static int
run_void (GVariantDict   *dict,
          char          **files,
          const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *reason = NULL;
  int status = 0;

  g_variant_dict_lookup (dict, "void", "s", &number);
  if (!g_variant_dict_lookup (dict, "reason", "s", &reason) || *g_strstrip (reason) == '\0')
    {
      g_printerr (_("gongwen: --void needs --reason=…: a number is voided only with a reason\n"));
      return 2;
    }
  if (!no_files (files, "void"))
    return 2;
  if (!gw_doc_number_parse (number, NULL, NULL, NULL))
    {
      g_printerr (_("gongwen: --void=%s is not a document number of the form "
                    "代字〔年份〕序号号\n"), number);
      return 2;
    }
  reg = open_register (dict, FALSE, &status);
  if (reg == NULL)
    return status;
  if (!gw_register_void (reg, number, reason, &error))
    return fail (error);
  return 0;
}

static const GOptionEntry void_entries[] = {
  { "void", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Void NUMBER in the register, with --reason"), N_("NUMBER") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --void: why the number is void"), N_("REASON") },
  { NULL }
};

static const char * const void_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_void = {
  .action = "void",
  .entries = void_entries,
  .accepts = void_accepts,
  .run = run_void,
};

/* ---- --backup, --restore, --close-year, --import-csv -------------------- */

static int
run_backup (GVariantDict   *dict,
            char          **files,
            const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  int status = 0;

  g_variant_dict_lookup (dict, "backup", "^ay", &dir);
  if (!no_files (files, "backup"))
    return 2;
  reg = open_register (dict, TRUE, &status);
  if (reg == NULL)
    return status;
  copy = gw_register_backup (reg, dir, &error);
  if (copy == NULL)
    return fail (error);
  fprintf (stdout, "%s\n", copy);
  return 0;
}

static const GOptionEntry backup_entries[] = {
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a dated copy of the register into DIR"), N_("DIR") },
  { NULL }
};

static const char * const backup_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_backup = {
  .action = "backup",
  .entries = backup_entries,
  .accepts = backup_accepts,
  .run = run_backup,
};

static int
run_restore (GVariantDict   *dict,
             char          **files,
             const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  int status = 0;

  g_variant_dict_lookup (dict, "restore", "^ay", &backup);
  if (!no_files (files, "restore"))
    return 2;
  reg = open_register (dict, FALSE, &status);
  if (reg == NULL)
    return status;
  if (!gw_register_restore (reg, backup, &error))
    return fail (error);
  return 0;
}

static const GOptionEntry restore_entries[] = {
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the register's content with a backup (the current one is backed up first)"),
    N_("BACKUP") },
  { NULL }
};

static const char * const restore_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_restore = {
  .action = "restore",
  .entries = restore_entries,
  .accepts = restore_accepts,
  .run = run_restore,
};

static int
run_close_year (GVariantDict   *dict,
                char          **files,
                const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  int year, status = 0;

  g_variant_dict_lookup (dict, "close-year", "i", &year);
  if (year < 1000 || year > 9999)
    {
      g_printerr (_("gongwen: --close-year=%d is not a year\n"), year);
      return 2;
    }
  if (!no_files (files, "close-year"))
    return 2;
  reg = open_register (dict, FALSE, &status);
  if (reg == NULL)
    return status;
  if (!gw_register_close_year (reg, year, &error))
    return fail (error);
  return 0;
}

static const GOptionEntry close_year_entries[] = {
  { "close-year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Close a year: no more numbers taken, issued or voided in it"), N_("YEAR") },
  { NULL }
};

static const char * const close_year_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_close_year = {
  .action = "close-year",
  .entries = close_year_entries,
  .accepts = close_year_accepts,
  .run = run_close_year,
};

static int
run_import_csv (GVariantDict   *dict,
                char          **files,
                const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  int n, status = 0;

  g_variant_dict_lookup (dict, "import-csv", "^ay", &csv);
  if (!no_files (files, "import-csv"))
    return 2;
  reg = open_register (dict, FALSE, &status);
  if (reg == NULL)
    return status;
  n = gw_register_import_csv (reg, csv, &error);
  if (n < 0)
    return fail (error);
  fprintf (stdout, g_dngettext (GETTEXT_PACKAGE, "%d number imported\n",
                                "%d numbers imported\n", n), n);
  return 0;
}

static const GOptionEntry import_csv_entries[] = {
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import an existing register from CSV (UTF-8 or GB18030): all rows or none"),
    N_("FILE") },
  { NULL }
};

static const char * const import_csv_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_import_csv = {
  .action = "import-csv",
  .entries = import_csv_entries,
  .accepts = import_csv_accepts,
  .run = run_import_csv,
};

/* ---- --audit ------------------------------------------------------------ */

static int
run_audit (GVariantDict   *dict,
           char          **files,
           const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  if (!no_files (files, "audit"))
    return 2;
  reg = open_register (dict, TRUE, &status);
  if (reg == NULL)
    return status;
  lines = gw_register_audit_log (reg);
  for (guint i = 0; lines[i]; i++)
    fprintf (stdout, "%s\n", lines[i]);
  return 0;
}

static const GOptionEntry audit_entries[] = {
  { "audit", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the register's log: every number taken, issued, voided (with its reason) or edited"),
    NULL },
  { NULL }
};

static const char * const audit_accepts[] = { "register", NULL };

const GwCliVerb gw_cli_verb_register_audit = {
  .action = "audit",
  .entries = audit_entries,
  .accepts = audit_accepts,
  .run = run_audit,
};

/* ---- --print-register -------------------------------------------------- */

static int
run_print_register (GVariantDict   *dict,
                    char          **files,
                    const GwCliEnv *env)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwRenderer) renderer = NULL;
  g_autofree char *out = NULL;
  g_autofree char *organ = NULL;
  int year, status = 0;

  g_variant_dict_lookup (dict, "print-register", "^ay", &out);
  g_variant_dict_lookup (dict, "organ", "s", &organ);
  if (!g_str_has_suffix (out, ".pdf"))
    {
      g_printerr (_("gongwen: --print-register=%s: the output must be a .pdf file\n"), out);
      return 2;
    }
  if (!get_year (dict, &year, TRUE) || !no_files (files, "print-register"))
    return 2;
  reg = open_register (dict, TRUE, &status);
  if (reg == NULL)
    return status;
  doc = gw_register_year_document (reg, organ, year, &error);
  if (doc == NULL)
    return fail (error);
  renderer = gw_renderer_new (&error);
  if (renderer == NULL || !gw_renderer_export_pdf (renderer, doc, out, &error))
    status = 2;
  if (status)
    g_printerr ("gongwen: %s\n", error->message);
  /* the last thing the process does: release the font libraries' caches,
   * as --export-pdf does, so a sanitizer sees no leak */
  g_clear_object (&renderer);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}

static const GOptionEntry print_register_entries[] = {
  { "print-register", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the year's register (发文登记簿) as a PDF table"), N_("OUT.pdf") },
  { NULL }
};

static const char * const print_register_accepts[] = { "register", "year", "organ", NULL };

const GwCliVerb gw_cli_verb_register_print = {
  .action = "print-register",
  .entries = print_register_entries,
  .accepts = print_register_accepts,
  .run = run_print_register,
};

/* ---- options several register verbs share ------------------------------ */

static const GOptionEntry register_shared_entries[] = {
  { "register", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The 发文字号 register (default: ~/.local/share/gongwen/register.sqlite); "
       "with --check, check numbers against it"), N_("PATH") },
  { "year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("The register's year (default: this year; --list: every year)"), N_("YEAR") },
  { "organ", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only this organ's numbers (--list, --print-register)"), N_("ORGAN") },
  { NULL }
};

const GwCliVerb gw_cli_verb_register_shared = {
  .action = NULL,
  .entries = register_shared_entries,
};

/* --check --register=PATH: the checker asks the register through the
 * rules layer's GwNumberRegistry; without --register the rule is silent. */
gboolean
_gw_cli_register_attach (GwChecker    *checker,
                         GVariantDict *dict)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRegisterRegistry) registry = NULL;
  GwRegister *reg;

  if (dict == NULL || !g_variant_dict_lookup (dict, "register", "^ay", &path))
    return TRUE;
  reg = gw_register_open (path, GW_REGISTER_OPEN_NO_CREATE, &error);
  if (reg == NULL)
    {
      g_printerr (_("gongwen: nothing checked: %s\n"), error->message);
      return FALSE;
    }
  registry = gw_register_registry_new (reg);
  gw_checker_set_registry (checker, GW_NUMBER_REGISTRY (registry));
  return TRUE;
}
