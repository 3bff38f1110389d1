/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "gw-checker.h"
#include "gw-cli-private.h"
#include "gw-import-report.h"
#include "gw-open.h"
#include "gw-opinion-finder.h"
#include "gw-policy.h"
#include "gw-register-registry.h"

#define BOLD    "\033[1m"
#define RED     "\033[1;31m"
#define YELLOW  "\033[1;33m"
#define CYAN    "\033[1;36m"
#define DIM     "\033[2m"
#define RESET   "\033[0m"

/* Messages come from the rule packs in the user's language; the few words
 * around them follow the same choice so a line never mixes languages. */
static gboolean
chinese (void)
{
  const char * const *names = g_get_language_names ();
  return names && names[0] && g_str_has_prefix (names[0], "zh");
}

/* stdout is UTF-8 whatever the locale: JSON must be, and the text is the
 * rule packs' own. */
static void
out (const char *text)
{
  fputs (text, stdout);
}

G_GNUC_PRINTF (1, 2)
static void
outf (const char *format,
      ...)
{
  g_autofree char *s = NULL;
  va_list args;

  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);
  out (s);
}

static GwChecker *
make_checker (const GwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);

  if (checker == NULL)
    {
      g_printerr (_("gongwen: the shipped rule packs cannot be loaded: %s\n"), error->message);
      return NULL;
    }
  for (guint i = 0; options->rule_packs && options->rule_packs[i]; i++)
    {
      /* A broken pack stops the run: checking without some of its rules
       * would report a clean document that is not. */
      if (!gw_checker_add_pack_file (checker, options->rule_packs[i], &error))
        {
          g_printerr (_("gongwen: rule pack not loaded, nothing checked: %s\n"), error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&checker);
}

static const char *
severity_color (GwSeverity severity)
{
  switch (severity)
    {
    case GW_SEVERITY_ERROR: return RED;
    case GW_SEVERITY_WARNING: return YELLOW;
    default: return CYAN;
    }
}

static const char *
severity_word (GwSeverity severity)
{
  if (chinese ())
    {
      switch (severity)
        {
        case GW_SEVERITY_ERROR: return "错误";
        case GW_SEVERITY_WARNING: return "警告";
        default: return "提示";
        }
    }
  return gw_severity_to_string (severity);
}

static void
print_text_finding (const GwCliOptions *options,
                    const char         *path,
                    GwFinding          *f)
{
  GwSeverity severity = gw_finding_get_severity (f);
  guint line = gw_finding_get_line (f);
  guint column = gw_finding_get_column (f);
  const char *basis = gw_finding_get_basis (f);
  const char *suggestion = gw_finding_get_suggestion (f);
  const char *replacement = gw_finding_get_replacement (f);
  const char *target = gw_finding_get_target (f);
  gboolean zh = chinese ();

  if (line == 0)
    line = column = 1;
  if (column == 0)
    column = 1;
  outf ("%s%s:%u:%u:%s %s%s:%s %s %s[%s]%s\n",
        options->color ? BOLD : "", path, line, column, options->color ? RESET : "",
        options->color ? severity_color (severity) : "", severity_word (severity),
        options->color ? RESET : "",
        gw_finding_get_message (f),
        options->color ? DIM : "", gw_finding_get_rule_id (f), options->color ? RESET : "");
  if (target && gw_finding_get_block (f) < 0 && gw_finding_get_meta (f) < 0)
    outf ("    %s%s\n", zh ? "位置：" : "where: ", target);
  else if (gw_finding_get_excerpt (f) && *gw_finding_get_excerpt (f))
    outf ("    %s%s\n", zh ? "原文：" : "text: ", gw_finding_get_excerpt (f));
  if (basis && *basis)
    outf ("    %s%s\n", zh ? "依据：" : "basis: ", basis);
  if (suggestion && *suggestion)
    outf ("    %s%s\n", zh ? "建议：" : "suggestion: ", suggestion);
  if (replacement)
    outf ("    %s“%s”\n", zh ? "可改为：" : "replace with: ", replacement);
}

static void
add_finding_json (JsonBuilder *b,
                  GwFinding   *f,
                  gboolean     gwdoc)
{
  guint line = gw_finding_get_line (f);
  guint column = gw_finding_get_column (f);
  const char *excerpt = gw_finding_get_excerpt (f);
  const char *suggestion = gw_finding_get_suggestion (f);

  /* 1-based everywhere; a finding about the document as a whole (a missing
   * element, a form cell) points at its start. */
  if (line == 0)
    line = column = 1;
  if (column == 0)
    column = 1;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, gw_finding_get_rule_id (f));
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, gw_severity_to_string (gw_finding_get_severity (f)));
  json_builder_set_member_name (b, "line");
  json_builder_add_int_value (b, line);
  json_builder_set_member_name (b, "column");
  json_builder_add_int_value (b, column);
  if (gwdoc && gw_finding_get_block (f) >= 0)
    {
      json_builder_set_member_name (b, "block");
      json_builder_add_int_value (b, gw_finding_get_block (f));
    }
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, gw_finding_get_message (f));
  json_builder_set_member_name (b, "basis");
  json_builder_add_string_value (b, gw_finding_get_basis (f) ? gw_finding_get_basis (f) : "");
  json_builder_set_member_name (b, "excerpt");
  json_builder_add_string_value (b, excerpt ? excerpt
                                            : gw_finding_get_target (f) ? gw_finding_get_target (f)
                                                                        : "");
  json_builder_set_member_name (b, "suggestion");
  json_builder_add_string_value (b, suggestion ? suggestion : "");
  json_builder_end_object (b);
}

/* "source": the format read and what its import recognised and dropped */
static void
add_source_json (JsonBuilder *b,
                 GwDocument  *doc)
{
  GwImportReport *report = gw_document_get_import_report (doc);
  const char * const *names;

  if (report == NULL)
    return;
  json_builder_set_member_name (b, "source");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, gw_import_report_get_format (report));
  if (gw_import_report_get_converted_from (report))
    {
      json_builder_set_member_name (b, "converted-from");
      json_builder_add_string_value (b, gw_import_report_get_converted_from (report));
    }
  json_builder_set_member_name (b, "recognised");
  json_builder_begin_array (b);
  for (names = gw_import_report_get_recognised (report); *names; names++)
    json_builder_add_string_value (b, *names);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "dropped");
  json_builder_begin_object (b);
  for (names = gw_import_report_get_dropped_kinds (report); *names; names++)
    {
      json_builder_set_member_name (b, *names);
      json_builder_add_int_value (b, gw_import_report_get_dropped (report, *names));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static gboolean
is_gwdoc (const char *path,
          GwDocument *doc)
{
  return g_str_has_suffix (path, ".gwdoc") || gw_document_get_evaluation (doc) != NULL;
}

/* The opinion of --against, read once: its policy parameters and its
 * name for messages. NULL with a message on stderr when it cannot be read. */
static GwPolicy *
read_against (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) opinion = gw_document_open (path, &error);
  g_autoptr(GwPolicy) policy = NULL;
  g_autofree char *shown = g_filename_display_name (path);

  if (opinion == NULL)
    {
      g_printerr (_("gongwen: --against: %s\n"), error->message);
      return NULL;
    }
  policy = gw_policy_extract (opinion);
  /* Checking a form against an opinion that states nothing would say “no
   * contradiction” about something never compared. */
  if (gw_policy_is_empty (policy))
    {
      g_printerr (_("gongwen: --against: %s states no policy parameter (cycle, renewal, grades, evaluator…) to check a form against\n"),
                  shown);
      return NULL;
    }
  return g_steal_pointer (&policy);
}

/* Where a number in a form's header is looked for: the register of
 * --register (a number issued with its file), then the recently used
 * files. Without --register, only the latter. */
static GwOpinionFinder *
make_finder (GVariantDict *dict)
{
  GwOpinionFinder *finder = gw_opinion_finder_new ();
  g_autofree char *path = NULL;

  if (dict && g_variant_dict_lookup (dict, "register", "^ay", &path))
    {
      /* _gw_cli_register_attach () has already opened it once: it exists */
      GwRegister *reg = gw_register_open (path, GW_REGISTER_OPEN_NO_CREATE, NULL);

      if (reg)
        {
          g_autoptr(GwRegisterRegistry) registry = gw_register_registry_new (reg);
          gw_opinion_finder_set_registry (finder, GW_NUMBER_REGISTRY (registry));
        }
    }
  return finder;
}

static int
check_files (const GwCliOptions *options,
             GVariantDict       *dict,
             const char         *against,
             char              **files)
{
  g_autoptr(GwChecker) checker = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GwPolicy) policy = NULL;
  g_autoptr(GwOpinionFinder) finder = NULL;
  gboolean kind_given = FALSE;
  GwDocumentKind forced = GW_DOCUMENT_KIND_OPINION;
  guint n_errors = 0, n_warnings = 0, n_infos = 0, n_unreadable = 0, n_unresolved = 0;

  g_return_val_if_fail (options != NULL, 2);

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("gongwen: no files given\n"));
      return 2;
    }
  if (options->kind)
    {
      if (!gw_document_kind_from_string (options->kind, &forced))
        {
          g_printerr (_("gongwen: unknown --kind “%s”: use opinion or evaluation\n"), options->kind);
          return 2;
        }
      kind_given = TRUE;
    }

  checker = make_checker (options);
  if (checker == NULL || !_gw_cli_register_attach (checker, dict))
    return 2;
  if (against)
    {
      policy = read_against (against);
      if (policy == NULL)
        return 2;
    }
  else
    finder = make_finder (dict);

  if (options->format == GW_CLI_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; files[i]; i++)
    {
      const char *path = files[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GwDocument) doc = gw_document_open (path, &error);
      g_autoptr(GListModel) findings = NULL;
      g_autoptr(GError) unresolved = NULL;
      g_autofree char *reference = NULL;
      GwDocumentKind kind;
      gboolean gwdoc;

      if (doc == NULL)
        {
          /* Reported, and the other files are still checked. */
          g_printerr ("gongwen: %s\n", error->message);
          n_unreadable++;
          if (builder)
            {
              json_builder_begin_object (builder);
              g_autofree char *shown = g_filename_display_name (path);
              g_autofree char *message = g_utf8_make_valid (error->message, -1);

              json_builder_set_member_name (builder, "path");
              json_builder_add_string_value (builder, shown);
              json_builder_set_member_name (builder, "error");
              json_builder_add_string_value (builder, message);
              json_builder_set_member_name (builder, "findings");
              json_builder_begin_array (builder);
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          continue;
        }

      gwdoc = is_gwdoc (path, doc);
      if (kind_given)
        kind = forced;
      else if (gwdoc)
        kind = gw_document_get_kind (doc);
      else
        kind = gw_checker_detect_kind (doc);
      /* A form is checked against the opinion of --against, or else the
       * one its header names; an opinion among the files is checked as
       * usual. */
      if (kind == GW_DOCUMENT_KIND_EVALUATION && gw_document_get_evaluation (doc))
        reference = gw_opinion_reference_get (doc);
      if (policy && kind == GW_DOCUMENT_KIND_EVALUATION && gw_document_get_evaluation (doc))
        findings = gw_checker_check_against (checker, doc, policy);
      else if (finder && reference && gw_document_get_kind (doc) == kind)
        {
          findings = gw_opinion_finder_check (finder, checker, doc, path, &unresolved);
          if (unresolved)
            {
              /* An input that could not be read, like an unreadable file:
               * exit 2, and the form's findings end with check.incomplete. */
              g_printerr ("gongwen: %s\n", unresolved->message);
              n_unresolved++;
            }
        }
      else
        findings = gw_checker_check_as (checker, doc, kind);

      if (builder)
        {
          /* JSON is UTF-8; a file name need not be. */
          g_autofree char *shown = g_filename_display_name (path);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, shown);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, gw_document_kind_to_string (kind));
          add_source_json (builder, doc);
          json_builder_set_member_name (builder, "findings");
          json_builder_begin_array (builder);
        }
      for (guint j = 0; j < g_list_model_get_n_items (findings); j++)
        {
          g_autoptr(GwFinding) f = g_list_model_get_item (findings, j);

          switch (gw_finding_get_severity (f))
            {
            case GW_SEVERITY_ERROR: n_errors++; break;
            case GW_SEVERITY_WARNING: n_warnings++; break;
            default: n_infos++; break;
            }
          if (builder)
            add_finding_json (builder, f, gwdoc);
          else
            print_text_finding (options, path, f);
        }
      if (builder)
        {
          json_builder_end_array (builder);
          if (unresolved)
            {
              g_autofree char *message = g_utf8_make_valid (unresolved->message, -1);

              json_builder_set_member_name (builder, "error");
              json_builder_add_string_value (builder, message);
            }
          /* What the opinion states, each with its line and sentence;
           * what it does not state is absent (issue 10). */
          if (kind == GW_DOCUMENT_KIND_OPINION)
            {
              g_autoptr(GwPolicy) stated = gw_policy_extract (doc);

              json_builder_set_member_name (builder, "policy");
              json_builder_add_value (builder, gw_policy_to_json (stated));
            }
          json_builder_end_object (builder);
        }
    }

  if (builder)
    {
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      text = json_generator_to_data (gen, NULL);
      out (text);
      out ("\n");
    }
  else
    {
      guint n_files = g_strv_length (files);

      /* Never "0 errors" for a file that was not checked: the count says
       * which files it covers, and there is none when none was read. */
      if (n_unreadable == n_files)
        {
          if (chinese ())
            outf ("未检查任何文件：%u 个文件无法读取\n", n_unreadable);
          else
            outf ("nothing checked: %u file%s could not be read\n", n_unreadable,
                  n_unreadable == 1 ? "" : "s");
        }
      else if (chinese ())
        {
          outf ("%u 个错误，%u 个警告，%u 条提示", n_errors, n_warnings, n_infos);
          if (n_unreadable > 0)
            outf ("（仅检查了 %u 个文件中的 %u 个；%u 个文件无法读取）", n_files,
                  n_files - n_unreadable, n_unreadable);
          outf ("\n");
        }
      else
        {
          outf ("%u error%s, %u warning%s, %u note%s", n_errors, n_errors == 1 ? "" : "s",
                n_warnings, n_warnings == 1 ? "" : "s", n_infos, n_infos == 1 ? "" : "s");
          if (n_unreadable > 0)
            outf (" in %u of %u files (%u could not be read)", n_files - n_unreadable, n_files,
                  n_unreadable);
          outf ("\n");
        }
    }
  fflush (stdout);

  if (n_unreadable > 0 || n_unresolved > 0)
    return 2;
  return n_errors > 0 ? 1 : 0;
}

static int
list_rules (const GwCliOptions *options)
{
  g_autoptr(GwChecker) checker = NULL;
  GListModel *rules;

  g_return_val_if_fail (options != NULL, 2);

  checker = make_checker (options);
  if (checker == NULL)
    return 2;
  rules = gw_checker_get_rules (checker);

  if (options->format == GW_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rules");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
          const char * const *kinds = gw_rule_get_kinds (rule);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, gw_rule_get_id (rule));
          json_builder_set_member_name (b, "severity");
          json_builder_add_string_value (b, gw_severity_to_string (gw_rule_get_severity (rule)));
          json_builder_set_member_name (b, "kinds");
          json_builder_begin_array (b);
          for (guint k = 0; kinds[k]; k++)
            json_builder_add_string_value (b, kinds[k]);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "pack");
          json_builder_add_string_value (b, gw_rule_get_pack_name (rule));
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, gw_rule_get_message (rule));
          json_builder_set_member_name (b, "basis");
          json_builder_add_string_value (b, gw_rule_get_basis (rule));
          json_builder_set_member_name (b, "suggestion");
          json_builder_add_string_value (b, gw_rule_get_suggestion (rule));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      text = json_generator_to_data (gen, NULL);
      out (text);
      out ("\n");
    }
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
          g_autofree char *kinds = g_strjoinv (",", (char **) gw_rule_get_kinds (rule));
          GwSeverity severity = gw_rule_get_severity (rule);

          outf ("%s%-32s%s %s%-7s%s %-18s %s\n",
                options->color ? BOLD : "", gw_rule_get_id (rule), options->color ? RESET : "",
                options->color ? severity_color (severity) : "", gw_severity_to_string (severity),
                options->color ? RESET : "", kinds, gw_rule_get_message (rule));
          outf ("    %s%s\n", chinese () ? "依据：" : "basis: ", gw_rule_get_basis (rule));
        }
    }
  fflush (stdout);
  return 0;
}

static int
run_check (GVariantDict   *dict,
           char          **files,
           const GwCliEnv *env)
{
  g_auto(GwCliOptions) opts = { 0 };
  g_autofree char *against = NULL;

  if (!_gw_cli_options_init (&opts, dict, env))
    return 2;
  g_variant_dict_lookup (dict, "against", "^ay", &against);
  if (against && *against == '\0')
    {
      g_printerr (_("gongwen: --against needs the opinion's file\n"));
      return 2;
    }
  return check_files (&opts, dict, against, files);
}

static const GOptionEntry check_entries[] = {
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the files against the rule packs and print the findings"), NULL },
  { NULL }
};

static const char * const check_accepts[] = { "rules", "kind", "format", "against", "register",
                                                NULL };

const GwCliVerb gw_cli_verb_check = {
  .action = "check",
  .entries = check_entries,
  .accepts = check_accepts,
  .run = run_check,
};

static int
run_list_rules (GVariantDict   *dict,
                char          **files,
                const GwCliEnv *env)
{
  g_auto(GwCliOptions) opts = { 0 };

  if (!_gw_cli_options_init (&opts, dict, env))
    return 2;
  return list_rules (&opts);
}

static const GOptionEntry list_rules_entries[] = {
  { "list-rules", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the active rule catalogue"), NULL },
  { NULL }
};

static const char * const list_rules_accepts[] = { "rules", "format", NULL };

const GwCliVerb gw_cli_verb_list_rules = {
  .action = "list-rules",
  .entries = list_rules_entries,
  .accepts = list_rules_accepts,
  .run = run_list_rules,
};
