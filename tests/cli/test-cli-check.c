/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

/* gongwen --check and --list-rules, run as a user runs them: the real
 * binary, its exit status, its stdout and stderr. */

static char *gongwen;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_env (Run         *r,
         const char  *lang,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, gongwen);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "NO_COLOR", "1", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", lang ? lang : "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static void
run (Run         *r,
     const char **args)
{
  run_env (r, NULL, args);
}

static char *
data_file (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
has_finding (JsonObject *file,
             const char *rule,
             gint64      line)
{
  JsonArray *findings = json_object_get_array_member (file, "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      if (g_str_equal (json_object_get_string_member (f, "rule"), rule) &&
          (line == 0 || json_object_get_int_member (f, "line") == line))
        return TRUE;
    }
  return FALSE;
}

static void
test_json_shape (void)
{
  g_autofree char *bad = data_file ("corpus", "opinion-violations.txt");
  const char *args[] = { "--check", "--format=json", bad, NULL };
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const char *keys[] = { "rule", "severity", "line", "column", "message", "basis",
                                "excerpt", "suggestion", NULL };
  JsonObject *root, *file;
  JsonArray *files, *findings;

  run (&r, args);
  g_assert_cmpint (r.status, ==, 1);
  root = parse_object (parser, r.out);
  files = json_object_get_array_member (root, "files");
  g_assert_nonnull (files);
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, bad);
  g_assert_cmpstr (json_object_get_string_member (file, "kind"), ==, "opinion");
  findings = json_object_get_array_member (file, "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, 12);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      const char *severity;

      for (guint k = 0; keys[k]; k++)
        g_assert_true (json_object_has_member (f, keys[k]));
      g_assert_false (json_object_has_member (f, "block"));   /* .txt: no block */
      g_assert_cmpint (json_object_get_int_member (f, "line"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (f, "column"), >=, 1);
      severity = json_object_get_string_member (f, "severity");
      g_assert_true (g_str_equal (severity, "error") || g_str_equal (severity, "warning") ||
                     g_str_equal (severity, "info"));
      g_assert_cmpstr (json_object_get_string_member (f, "message"), !=, "");
    }
  g_assert_true (has_finding (file, "format.doc-number", 3));
  g_assert_true (has_finding (file, "procurement.not-lowest-price", 17));
  g_assert_true (has_finding (file, "contract.term-max-3y", 19));
  g_assert_true (has_finding (file, "format.date", 26));
  g_assert_true (has_finding (file, "org.three-tier", 0));
}

static void
test_exit_status_clean (void)
{
  g_autofree char *good = data_file ("corpus", "opinion-compliant.txt");
  const char *args[] = { "--check", good, NULL };
  g_auto(Run) r = { 0 };

  run (&r, args);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "error:"));
}

/* A missing file is reported, exit 2, and the others are still checked. */
static void
test_missing_file (void)
{
  g_autofree char *bad = data_file ("corpus", "opinion-violations.txt");
  const char *args[] = { "--check", "--format=json", "/nonexistent/draft.txt", bad, NULL };
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *files;

  run (&r, args);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "/nonexistent/draft.txt"));
  files = json_object_get_array_member (parse_object (parser, r.out), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  g_assert_true (json_object_has_member (json_array_get_object_element (files, 0), "error"));
  g_assert_true (has_finding (json_array_get_object_element (files, 1),
                              "procurement.not-lowest-price", 17));
}

static char *
write_pack (const char *name,
            const char *json)
{
  g_autofree char *dir = g_dir_make_tmp ("gw-cli-check-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return path;
}

static const char *good_rule =
  "{\"name\": \"local\", \"disable\": [\"format.punctuation\"], \"rules\": [{"
  "\"id\": \"local.no-overtime\", \"kinds\": [\"opinion\"], \"severity\": \"error\","
  "\"message\": {\"zh_CN\": \"不得要求社工加班。\", \"en\": \"No overtime for social workers.\"},"
  "\"basis\": \"本市规定\", \"suggestion\": \"删去加班要求。\","
  "\"matcher\": {\"type\": \"trigger\", \"patterns\": [\"加班\"]},"
  "\"examples\": {\"violating\": [\"社工周末加班。\"], \"compliant\": [\"社工不得加班。\"]}}]}";

static void
test_user_pack (void)
{
  g_autofree char *pack = write_pack ("local.json", good_rule);
  g_autofree char *opt = g_strconcat ("--rules=", pack, NULL);
  g_autofree char *draft = write_pack ("draft.txt",
                                       "关于社工站管理的通知\n\n各镇人民政府：\n\n社工站社工周末加班,确保服务。\n");
  const char *args[] = { "--check", "--format=json", opt, draft, NULL };
  const char *list[] = { "--list-rules", opt, NULL };
  g_auto(Run) r = { 0 };
  g_auto(Run) l = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *file;

  run (&r, args);
  g_assert_cmpint (r.status, ==, 1);
  file = json_array_get_object_element (
    json_object_get_array_member (parse_object (parser, r.out), "files"), 0);
  g_assert_true (has_finding (file, "local.no-overtime", 5));
  /* the half-width comma is there, but the pack switched the rule off */
  g_assert_false (has_finding (file, "format.punctuation", 0));

  run (&l, list);
  g_assert_cmpint (l.status, ==, 0);
  g_assert_nonnull (strstr (l.out, "local.no-overtime"));
  g_assert_null (strstr (l.out, "format.punctuation"));
}

/* A broken pack stops the run with exit 2 and says where it is broken. */
static void
test_broken_pack (void)
{
  static const struct {
    const char *json;
    const char *says;
  } cases[] = {
    { "{\"name\": \"x\", \"rules\": [{\"id\": \"x.bad\", \"kinds\": [\"opinion\"], \"severity\": \"error\","
      "\"message\": \"m\", \"basis\": \"b\", \"suggestion\": \"s\","
      "\"matcher\": {\"type\": \"trigger\", \"patterns\": [\"(未闭合\"]},"
      "\"examples\": {\"violating\": [\"a\"], \"compliant\": [\"b\"]}}]}", "patterns" },
    { "{\"name\": \"x\", \"rules\": [{\"id\": \"x.bad\", \"kinds\": [\"opinion\"], \"severity\": \"fatal\","
      "\"message\": \"m\", \"basis\": \"b\", \"suggestion\": \"s\","
      "\"matcher\": {\"type\": \"trigger\", \"patterns\": [\"a\"]},"
      "\"examples\": {\"violating\": [\"a\"], \"compliant\": [\"b\"]}}]}", "severity" },
    { "{\"name\": \"x\", \"rules\": [{\"id\": \"x.bad\", \"kinds\": [\"opinion\"], \"severity\": \"error\","
      "\"message\": \"m\", \"basis\": \"b\", \"suggestion\": \"s\", \"colour\": \"red\","
      "\"matcher\": {\"type\": \"trigger\", \"patterns\": [\"a\"]},"
      "\"examples\": {\"violating\": [\"a\"], \"compliant\": [\"b\"]}}]}", "colour" },
    { "{\"name\": \"x\", \"rules\": [{\"id\": \"x.bad\", \"kinds\": [\"opinion\"], \"severity\": \"error\","
      "\"message\": \"m\", \"basis\": \"b\", \"suggestion\": \"s\","
      "\"matcher\": {\"type\": \"trigger\", \"patterns\": [\"加班\"]},"
      "\"examples\": {\"violating\": [\"社工周末值班。\"], \"compliant\": [\"b\"]}}]}", "examples.violating" },
    { "{\"name\": \"x\", \"rules\": [{\"id\": \"procurement.not-lowest-price\", \"kinds\": [\"opinion\"],"
      "\"severity\": \"error\", \"message\": \"m\", \"basis\": \"b\", \"suggestion\": \"s\","
      "\"matcher\": {\"type\": \"trigger\", \"patterns\": [\"加班\"]},"
      "\"examples\": {\"violating\": [\"加班\"], \"compliant\": [\"b\"]}}]}", "procurement.not-lowest-price" },
    { "{\"name\": \"x\", \"disable\": [\"no.such-rule\"]}", "no.such-rule" },
    { "{\"name\": \"x\", \"rules\": [", "JSON" },
  };
  g_autofree char *good = data_file ("corpus", "opinion-compliant.txt");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pack = write_pack ("broken.json", cases[i].json);
      g_autofree char *opt = g_strconcat ("--rules=", pack, NULL);
      const char *args[] = { "--check", opt, good, NULL };
      g_auto(Run) r = { 0 };

      run (&r, args);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, pack));
      if (strstr (r.err, cases[i].says) == NULL)
        g_error ("case %u: “%s” not in: %s", i, cases[i].says, r.err);
      g_assert_cmpstr (r.out, ==, "");
    }
  {
    const char *args[] = { "--check", "--rules=/nonexistent/pack.json", good, NULL };
    g_auto(Run) r = { 0 };
    run (&r, args);
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_text_format (void)
{
  g_autofree char *bad = data_file ("corpus", "opinion-violations.txt");
  const char *args[] = { "--check", bad, NULL };
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) head = NULL;
  g_autofree char *pattern = NULL;
  guint n_heads = 0;
  gboolean basis_after = FALSE;

  run (&r, args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_null (strstr (r.out, "\033["));   /* not a terminal: no colour */
  {
    g_autofree char *escaped = g_regex_escape_string (bad, -1);
    pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: (error|warning|info): .+ \\[[a-z0-9.-]+\\]$",
                               escaped);
  }
  head = g_regex_new (pattern, 0, 0, NULL);
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_regex_match (head, lines[i], 0, NULL))
        {
          n_heads++;
          for (guint j = i + 1; lines[j] && g_str_has_prefix (lines[j], "    "); j++)
            if (g_str_has_prefix (lines[j], "    basis: "))
              basis_after = TRUE;
        }
    }
  g_assert_cmpuint (n_heads, >=, 12);
  g_assert_true (basis_after);
  {
    g_autofree char *line = g_strdup_printf ("%s:17:", bad);
    g_assert_nonnull (strstr (r.out, line));
  }
  g_assert_nonnull (strstr (r.out, "[procurement.not-lowest-price]"));
}

/* Messages in Chinese when the locale is Chinese. */
static void
test_chinese_messages (void)
{
  g_autofree char *bad = data_file ("corpus", "opinion-violations.txt");
  const char *args[] = { "--check", bad, NULL };
  g_auto(Run) r = { 0 };

  run_env (&r, "zh_CN.UTF-8", args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "错误"));
  g_assert_nonnull (strstr (r.out, "承接机构不能仅以价格最低确定"));
  g_assert_nonnull (strstr (r.out, "依据："));
}

static void
test_list_rules (void)
{
  const char *args[] = { "--list-rules", "--format=json", NULL };
  const char *text_args[] = { "--list-rules", NULL };
  g_auto(Run) r = { 0 };
  g_auto(Run) t = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rules;
  gboolean seen_price = FALSE, seen_form = FALSE;

  run (&r, args);
  g_assert_cmpint (r.status, ==, 0);
  rules = json_object_get_array_member (parse_object (parser, r.out), "rules");
  g_assert_cmpuint (json_array_get_length (rules), >=, 38);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *o = json_array_get_object_element (rules, i);
      const char *id = json_object_get_string_member (o, "id");
      seen_price |= g_str_equal (id, "procurement.price-weight-range");
      seen_form |= g_str_equal (id, "form.veto");
      g_assert_true (json_object_has_member (o, "basis"));
    }
  g_assert_true (seen_price && seen_form);

  run (&t, text_args);
  g_assert_cmpint (t.status, ==, 0);
  g_assert_nonnull (strstr (t.out, "contract.term-max-3y"));
  g_assert_nonnull (strstr (t.out, "format.heading-sequence"));
}

static void
test_kind (void)
{
  g_autofree char *form = g_test_build_filename (G_TEST_DIST, "..", "data", "rules", "examples",
                                                 "evaluation-good.gwdoc", NULL);
  g_autofree char *bad = data_file ("corpus", "opinion-violations.txt");
  const char *args[] = { "--check", "--format=json", form, NULL };
  const char *forced[] = { "--check", "--format=json", "--kind=evaluation", bad, NULL };
  const char *wrong[] = { "--check", "--kind=memo", bad, NULL };
  g_auto(Run) r = { 0 };
  g_auto(Run) f = { 0 };
  g_auto(Run) w = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *file;

  run (&r, args);
  g_assert_cmpint (r.status, ==, 0);
  file = json_array_get_object_element (
    json_object_get_array_member (parse_object (parser, r.out), "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "kind"), ==, "evaluation");

  run (&f, forced);
  file = json_array_get_object_element (
    json_object_get_array_member (parse_object (parser2, f.out), "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "kind"), ==, "evaluation");
  /* opinion rules do not apply to a form */
  g_assert_false (has_finding (file, "procurement.not-lowest-price", 0));
  g_assert_true (has_finding (file, "format.doc-number", 3));

  run (&w, wrong);
  g_assert_cmpint (w.status, ==, 2);
}

/* A .gwdoc finding names its block. */
static void
test_gwdoc_block (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gw-cli-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "draft.gwdoc", NULL);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "gwdoc", "shenmu-opinion.gwdoc", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GString) s = NULL;
  const char *args[] = { "--check", "--format=json", path, NULL };
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *findings;
  gboolean with_block = FALSE;

  g_assert_true (g_file_get_contents (src, &xml, NULL, NULL));
  s = g_string_new (xml);
  /* plant a violation in the body */
  g_assert_cmpint (g_string_replace (s, "综合评分法", "最低评标价法", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, s->str, -1, NULL));
  run (&r, args);
  g_assert_cmpint (r.status, ==, 1);
  findings = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (parse_object (parser, r.out), "files"), 0),
    "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *o = json_array_get_object_element (findings, i);
      if (g_str_equal (json_object_get_string_member (o, "rule"), "procurement.not-lowest-price"))
        with_block = json_object_has_member (o, "block") &&
                     json_object_get_int_member (o, "block") >= 0;
    }
  g_assert_true (with_block);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("GW_TEST_GONGWEN"))
    gongwen = g_strdup (g_getenv ("GW_TEST_GONGWEN"));
  else if (argc > 1)
    gongwen = g_strdup (argv[1]);
  else
    gongwen = g_test_build_filename (G_TEST_BUILT, "..", "src", "gongwen", NULL);

  g_test_add_func ("/cli/check/json-shape", test_json_shape);
  g_test_add_func ("/cli/check/exit-status-clean", test_exit_status_clean);
  g_test_add_func ("/cli/check/missing-file", test_missing_file);
  g_test_add_func ("/cli/check/user-pack", test_user_pack);
  g_test_add_func ("/cli/check/broken-pack", test_broken_pack);
  g_test_add_func ("/cli/check/text-format", test_text_format);
  g_test_add_func ("/cli/check/chinese-messages", test_chinese_messages);
  g_test_add_func ("/cli/check/list-rules", test_list_rules);
  g_test_add_func ("/cli/check/kind", test_kind);
  g_test_add_func ("/cli/check/gwdoc-block", test_gwdoc_block);
  status = g_test_run ();
  g_free (gongwen);
  return status;
}
