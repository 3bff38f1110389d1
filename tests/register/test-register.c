/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The register's core API: sequence, issue, void, stale, closed years,
 * audit, migrations, refused files, backup/restore, CSV both ways,
 * the network fallback and a really read-only medium. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "gw-register-private.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("gw-register-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
}

static void
remove_tree (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("chattr -R -i '%s' 2>/dev/null; rm -rf '%s'", path, path);
  g_assert_cmpint (system (cmd), !=, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GwRegister *
open_with_organ (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  const char *codes[] = { "神民发", "神民函", NULL };
  GwRegister *reg = gw_register_open (f->path, GW_REGISTER_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (gw_register_add_organ (reg, "神木市民政局", codes, &error));
  g_assert_no_error (error);
  return reg;
}

static void
sql (const char *path,
     const char *statement)
{
  sqlite3 *db;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statement, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", statement, msg);
  sqlite3_close (db);
}

static void
test_number_format (void)
{
  const struct { const char *text; const char *code; int year, seq; } good[] = {
    { "神民发〔2024〕17号", "神民发", 2024, 17 },
    { " 临民函〔2023〕5号 ", "临民函", 2023, 5 },
  };
  const char *bad[] = {
    "神民发[2024]17号", "神民发〔2024〕017号", "神民发〔24〕1号", "〔2024〕1号",
    "神民发〔2024〕0号", "神民发〔2024〕17", "神民发〔2024〕17号x", "", NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *back = NULL;
      int year, seq;

      g_assert_true (gw_doc_number_parse (good[i].text, &code, &year, &seq));
      g_assert_cmpstr (code, ==, good[i].code);
      g_assert_cmpint (year, ==, good[i].year);
      g_assert_cmpint (seq, ==, good[i].seq);
      back = gw_doc_number_format (code, year, seq);
      g_assert_true (strstr (good[i].text, back) != NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (gw_doc_number_parse (bad[i], NULL, NULL, NULL));
}

static void
test_sequence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GwRegister) reg = open_with_organ (f);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;

  for (int i = 1; i <= 3; i++)
    {
      g_autoptr(GwRegisterEntry) e =
        gw_register_take (reg, "神木市民政局", "神民发", 2024, "标题", "opinion", "a.gwdoc", &error);
      g_autofree char *expect = g_strdup_printf ("神民发〔2024〕%d号", i);

      g_assert_no_error (error);
      g_assert_cmpint (e->seq, ==, i);
      g_assert_cmpstr (e->number, ==, expect);
      g_assert_cmpint (e->status, ==, GW_NUMBER_RESERVED);
      g_assert_cmpstr (e->user, ==, g_get_user_name ());
      g_assert_cmpint (e->taken_at, >, 0);
      g_assert_false (e->stale);
    }
  /* each 代字 and each year counts on its own */
  {
    g_autoptr(GwRegisterEntry) a = gw_register_take (reg, NULL, "神民函", 2024, "", "", "", &error);
    g_autoptr(GwRegisterEntry) b = gw_register_take (reg, NULL, "神民发", 2025, "", "", "", &error);
    g_assert_no_error (error);
    g_assert_cmpint (a->seq, ==, 1);
    g_assert_cmpint (b->seq, ==, 1);
  }
  g_assert_cmpint (gw_register_next_seq (reg, "神民发", 2024), ==, 4);
  g_assert_cmpint (gw_register_next_seq (reg, "神民发", 2030), ==, 1);

  g_assert_null (gw_register_take (reg, NULL, "无此发", 2024, "", "", "", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_null (gw_register_take (reg, "别的局", "神民发", 2024, "", "", "", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_null (gw_register_take (reg, NULL, "神民发", 24, "", "", "", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  codes = gw_register_list_codes (reg, "神木市民政局");
  g_assert_cmpuint (g_strv_length (codes), ==, 2);
  g_assert_cmpstr (codes[0], ==, "神民发");

  /* a 代字 belongs to one organ */
  {
    const char *other[] = { "神民发", NULL };
    g_assert_false (gw_register_add_organ (reg, "神木市财政局", other, &error));
    g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  }
}

static void
test_issue_void (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GwRegister) reg = open_with_organ (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRegisterEntry) one = gw_register_take (reg, NULL, "神民发", 2024, "一", "", "", &error);
  g_autoptr(GwRegisterEntry) two = gw_register_take (reg, NULL, "神民发", 2024, "二", "", "", &error);
  g_autoptr(GwRegisterEntry) got = NULL;
  g_autoptr(GwRegisterEntry) three = NULL;
  g_auto(GStrv) log = NULL;

  g_assert_true (gw_register_issue (reg, one->number, "/out/one.pdf", &error));
  g_assert_no_error (error);
  got = gw_register_lookup (reg, one->number, &error);
  g_assert_cmpint (got->status, ==, GW_NUMBER_ISSUED);
  g_assert_cmpstr (got->file, ==, "/out/one.pdf");
  g_assert_cmpint (got->issued_at, >, 0);
  g_clear_pointer (&got, gw_register_entry_free);

  g_assert_false (gw_register_issue (reg, one->number, NULL, &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);

  g_assert_false (gw_register_void (reg, two->number, "  ", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gw_register_void (reg, two->number, "草稿撤回", &error));
  g_assert_no_error (error);
  got = gw_register_lookup (reg, two->number, &error);
  g_assert_cmpint (got->status, ==, GW_NUMBER_VOID);
  g_assert_cmpstr (got->void_reason, ==, "草稿撤回");
  g_clear_pointer (&got, gw_register_entry_free);

  g_assert_false (gw_register_void (reg, two->number, "again", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (gw_register_issue (reg, two->number, NULL, &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (gw_register_issue (reg, "神民发〔2024〕99号", NULL, &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (gw_register_issue (reg, "not a number", NULL, &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gw_register_lookup (reg, "神民发〔2024〕99号", &error));
  g_assert_no_error (error);

  /* a void number is never handed out again */
  three = gw_register_take (reg, NULL, "神民发", 2024, "三", "", "", &error);
  g_assert_cmpint (three->seq, ==, 3);

  g_assert_true (gw_register_edit (reg, three->number, "三（改）", NULL, &error));
  log = gw_register_audit_log (reg);
  {
    g_autofree char *all = g_strjoinv ("\n", log);
    g_assert_nonnull (strstr (all, "void 神民发〔2024〕2号 草稿撤回"));
    g_assert_nonnull (strstr (all, "edit 神民发〔2024〕3号 title: 三 → 三（改）"));
    g_assert_nonnull (strstr (all, "issue 神民发〔2024〕1号 /out/one.pdf"));
  }
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GwRegister) reg = open_with_organ (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRegisterEntry) a = gw_register_take (reg, NULL, "神民发", 2024, "", "", "", &error);
  g_autoptr(GwRegisterEntry) b = gw_register_take (reg, NULL, "神民发", 2024, "", "", "", &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backdate = g_strdup_printf (
    "UPDATE numbers SET taken_at = %" G_GINT64_FORMAT " WHERE seq = 1",
    g_get_real_time () / G_USEC_PER_SEC - 31 * 24 * 3600);

  sql (f->path, backdate);
  g_assert_cmpuint (gw_register_get_stale_days (reg), ==, 30);
  list = gw_register_list (reg, NULL, 2024, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (((GwRegisterEntry *) list->pdata[0])->stale);
  g_assert_false (((GwRegisterEntry *) list->pdata[1])->stale);
  g_clear_pointer (&list, g_ptr_array_unref);

  gw_register_set_stale_days (reg, 40);
  list = gw_register_list (reg, NULL, 2024, &error);
  g_assert_false (((GwRegisterEntry *) list->pdata[0])->stale);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* an issued number is never stale */
  gw_register_set_stale_days (reg, 30);
  g_assert_true (gw_register_issue (reg, a->number, NULL, &error));
  list = gw_register_list (reg, NULL, 2024, &error);
  g_assert_false (((GwRegisterEntry *) list->pdata[0])->stale);
}

static void
test_close_year (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GwRegister) reg = open_with_organ (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRegisterEntry) a = gw_register_take (reg, NULL, "神民发", 2023, "", "", "", &error);

  g_assert_false (gw_register_close_year (reg, 2023, &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (gw_register_issue (reg, a->number, NULL, &error));
  g_assert_true (gw_register_close_year (reg, 2023, &error));
  g_assert_no_error (error);
  g_assert_true (gw_register_year_is_closed (reg, 2023));
  g_assert_false (gw_register_year_is_closed (reg, 2024));

  g_assert_null (gw_register_take (reg, NULL, "神民发", 2023, "", "", "", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (gw_register_void (reg, a->number, "late", &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (gw_register_close_year (reg, 2023, &error));
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE);
}

/* A version-1 register as the first release wrote it. */
static void
write_v1 (const char *path)
{
  g_autofree char *schema = g_strdup_printf (
    "CREATE TABLE organs (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE codes (id INTEGER PRIMARY KEY, organ_id INTEGER NOT NULL REFERENCES organs (id),"
    "  code TEXT NOT NULL UNIQUE);"
    "CREATE TABLE numbers (id INTEGER PRIMARY KEY, code_id INTEGER NOT NULL REFERENCES codes (id),"
    "  year INTEGER NOT NULL, seq INTEGER NOT NULL CHECK (seq > 0), status TEXT NOT NULL,"
    "  title TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', file TEXT NOT NULL DEFAULT '',"
    "  user TEXT NOT NULL DEFAULT '', taken_at INTEGER NOT NULL, issued_at INTEGER,"
    "  voided_at INTEGER, void_reason TEXT, UNIQUE (code_id, year, seq));"
    "INSERT INTO organs VALUES (1, '神木市民政局');"
    "INSERT INTO codes VALUES (1, 1, '神民发');"
    "INSERT INTO numbers (code_id, year, seq, status, title, taken_at) VALUES (1, 2024, 1, 'issued', '旧', 1);"
    "PRAGMA application_id = %d; PRAGMA user_version = 1;", 0x47575247);
  sql (path, schema);
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GwRegister) reg = NULL;
  g_autoptr(GwRegister) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRegisterEntry) e = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *backup;

  write_v1 (f->path);
  reg = gw_register_open (f->path, GW_REGISTER_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_register_get_schema_version (reg), ==, GW_REGISTER_SCHEMA_VERSION);
  backup = gw_register_get_migration_backup (reg);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, f->dir));
  g_assert_nonnull (strstr (backup, "register-v1-"));

  /* the old number survived; the new tables work */
  list = gw_register_list (reg, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((GwRegisterEntry *) list->pdata[0])->title, ==, "旧");
  e = gw_register_take (reg, NULL, "神民发", 2024, "新", "", "", &error);
  g_assert_cmpint (e->seq, ==, 2);
  g_assert_true (gw_register_close_year (reg, 2023, &error));

  /* the backup is the untouched version 1 */
  old = gw_register_open (backup, GW_REGISTER_OPEN_READ_ONLY, &error);
  g_assert_null (old);
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) data, len);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = file_digest (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GwRegister *reg = gw_register_open (path, GW_REGISTER_OPEN_DEFAULT, &error);

  g_assert_null (reg);
  g_assert_error (error, GW_REGISTER_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refused_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "text.sqlite", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.sqlite", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.sqlite", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.sqlite", NULL);
  g_autofree char *newer_sql = NULL;

  g_assert_true (g_file_set_contents (text, "发文字号,标题\n神民发〔2024〕1号,x\n", -1, NULL));
  assert_refused (text, GW_REGISTER_ERROR_CORRUPT);

  sql (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused (foreign, GW_REGISTER_ERROR_FOREIGN);

  newer_sql = g_strdup_printf ("CREATE TABLE future (x); PRAGMA application_id = %d; "
                               "PRAGMA user_version = %d;", 0x47575247,
                               GW_REGISTER_SCHEMA_VERSION + 1);
  sql (newer, newer_sql);
  assert_refused (newer, GW_REGISTER_ERROR_NEWER);

  /* a real register whose pages were overwritten */
  {
    g_autoptr(GwRegister) reg = NULL;
    g_autoptr(GError) error = NULL;
    int fd;
    char junk[4096];

    reg = gw_register_open (damaged, GW_REGISTER_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    for (int i = 0; i < 50; i++)
      {
        g_autofree char *organ = g_strdup_printf ("机关%d", i);
        g_autofree char *code = g_strdup_printf ("代%d发", i);
        const char *codes[] = { code, NULL };
        g_assert_true (gw_register_add_organ (reg, organ, codes, &error));
      }
    g_clear_pointer (&reg, gw_register_close);
    memset (junk, 0xA5, sizeof junk);
    fd = g_open (damaged, O_WRONLY, 0);
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, 4096), ==, sizeof junk);
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, 8192), ==, sizeof junk);
    close (fd);
    assert_refused (damaged, GW_REGISTER_ERROR_CORRUPT);
  }
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GwRegister) reg = open_with_organ (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GwRegisterEntry) a = gw_register_take (reg, NULL, "神民发", 2024, "甲", "", "", &error);
  g_autoptr(GwRegisterEntry) b = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *base = NULL;

  copy = gw_register_backup (reg, dir, &error);
  g_assert_no_error (error);
  base = g_path_get_basename (copy);
  g_assert_true (g_str_has_prefix (base, "register-2"));
  b = gw_register_take (reg, NULL, "神民发", 2024, "乙", "", "", &error);
  g_assert_cmpint (b->seq, ==, 2);

  g_assert_true (gw_register_restore (reg, copy, &error));
  g_assert_no_error (error);
  list = gw_register_list (reg, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((GwRegisterEntry *) list->pdata[0])->title, ==, "甲");

  /* a restore refuses what is not a register */
  {
    g_autofree char *junk = g_build_filename (f->dir, "junk", NULL);
    g_assert_true (g_file_set_contents (junk, "junk junk junk", -1, NULL));
    g_assert_false (gw_register_restore (reg, junk, &error));
    g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_CORRUPT);
  }
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GwRegister) reg = open_with_organ (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRegisterEntry) a = gw_register_take (reg, NULL, "神民发", 2024, "关于\"社工站\",建设", "", "", &error);
  g_autoptr(GwRegisterEntry) b = gw_register_take (reg, NULL, "神民发", 2024, "乙", "", "", &error);
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *again = g_build_filename (f->dir, "again.sqlite", NULL);
  g_autofree char *file = g_build_filename (f->dir, "book.csv", NULL);
  g_autoptr(GwRegister) other = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *text;
  gsize len;

  g_assert_true (gw_register_void (reg, b->number, "重号", &error));
  csv = gw_register_export_csv (reg, 2024, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (csv, &len);
  g_assert_true (len > 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0);
  g_assert_true (g_str_has_prefix (text + 3, "发文字号,机关,代字,年度,序号,状态,标题"));
  g_assert_nonnull (g_strstr_len (text, len, "\"关于\"\"社工站\"\",建设\""));
  g_assert_nonnull (g_strstr_len (text, len, ",作废,"));

  /* the export reads back into a new register */
  g_assert_true (g_file_set_contents (file, text, len, NULL));
  other = gw_register_open (again, GW_REGISTER_OPEN_DEFAULT, &error);
  g_assert_cmpint (gw_register_import_csv (other, file, &error), ==, 2);
  g_assert_no_error (error);
  list = gw_register_list (other, NULL, 2024, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((GwRegisterEntry *) list->pdata[0])->title, ==, "关于\"社工站\",建设");
  g_assert_cmpint (((GwRegisterEntry *) list->pdata[1])->status, ==, GW_NUMBER_VOID);
  g_assert_cmpstr (((GwRegisterEntry *) list->pdata[1])->void_reason, ==, "重号");
  /* the same rows again: all refused, by line */
  g_assert_cmpint (gw_register_import_csv (other, file, &error), ==, -1);
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS);
  g_assert_nonnull (strstr (error->message, "line 2:"));
  g_assert_nonnull (strstr (error->message, "line 3:"));
}

static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GwRegister) reg = gw_register_open (f->path, GW_REGISTER_OPEN_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = g_build_filename (f->dir, "gb.csv", NULL);
  g_autofree char *badf = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *gbdata = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gsize gblen;
  const char *utf8 =
    "机关,发文字号,标题,日期\r\n"
    "神木市民政局,神民发〔2023〕1号,关于开展社工站建设的通知,2023年3月10日\r\n"
    "神木市民政局,神民发〔2023〕2号,\"两行\n标题\",2023/4/1\r\n"
    "神木市民政局,神民函〔2023〕1号,复函,\r\n";
  const char *bad =
    "number,organ,title,status,reason\n"
    "神民发〔2022〕1号,神木市民政局,好,,\n"
    "神民发[2022]2号,神木市民政局,括号错,,\n"
    "神民发〔2022〕3号,,无机关,,\n"
    "神民发〔2022〕4号,神木市民政局,作废无因,作废,\n"
    "神民发〔2022〕5号,神木市民政局,状态怪,待定,\n"
    "神民发〔2022〕1号,神木市民政局,重复,,\n";

  gbdata = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gblen, NULL);
  g_assert_nonnull (gbdata);
  g_assert_true (g_file_set_contents (gb, gbdata, gblen, NULL));
  g_assert_cmpint (gw_register_import_csv (reg, gb, &error), ==, 3);
  g_assert_no_error (error);
  list = gw_register_list (reg, "神木市民政局", 2023, &error);
  g_assert_cmpuint (list->len, ==, 3);
  {
    g_autoptr(GwRegisterEntry) first = gw_register_lookup (reg, "神民发〔2023〕1号", &error);
    g_autoptr(GwRegisterEntry) second = gw_register_lookup (reg, "神民发〔2023〕2号", &error);
    g_autoptr(GDateTime) issued = g_date_time_new_from_unix_local (first->issued_at);

    g_assert_cmpstr (first->title, ==, "关于开展社工站建设的通知");
    g_assert_cmpint (first->status, ==, GW_NUMBER_ISSUED);
    g_assert_cmpint (g_date_time_get_month (issued), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (issued), ==, 10);
    g_assert_cmpstr (second->title, ==, "两行\n标题");
  }
  g_assert_cmpint (gw_register_next_seq (reg, "神民发", 2023), ==, 3);

  g_assert_true (g_file_set_contents (badf, bad, -1, NULL));
  g_assert_cmpint (gw_register_import_csv (reg, badf, &error), ==, -1);
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS);
  for (int line = 3; line <= 7; line++)
    {
      g_autofree char *where = g_strdup_printf ("bad.csv, line %d:", line);
      g_assert_nonnull (strstr (error->message, where));
    }
  g_assert_null (strstr (error->message, "line 2:"));
  /* nothing half imported: the good first row is not there either */
  g_assert_cmpint (gw_register_next_seq (reg, "神民发", 2022), ==, 1);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (badf, "机关,标题\n甲,乙\n", -1, NULL));
  g_assert_cmpint (gw_register_import_csv (reg, badf, &error), ==, -1);
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (badf, "发文字号,机关,标题\n\"open,甲,乙\n", -1, NULL));
  g_assert_cmpint (gw_register_import_csv (reg, badf, &error), ==, -1);
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_BAD_ROWS);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_cmpint (gw_register_import_csv (reg, f->dir, &error), ==, -1);
  g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO);
}

static char *
journal_mode (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *mode;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mode;
}

static void
test_network_fallback (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  g_assert_true (_gw_register_fs_type_is_network (0x6969));
  g_assert_true (_gw_register_fs_type_is_network ((long) 0xFF534D42UL));
  g_assert_false (_gw_register_fs_type_is_network (0xEF53));   /* ext4 */
  g_assert_false (_gw_register_fs_type_is_network (0x01021994)); /* tmpfs */

  {
    g_autoptr(GwRegister) local = gw_register_open (f->path, GW_REGISTER_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_false (gw_register_is_on_network (local));
    g_assert_null (gw_register_get_notice (local));
  }
  mode = journal_mode (f->path);
  g_assert_cmpstr (mode, ==, "wal");
  g_clear_pointer (&mode, g_free);

  g_setenv ("GW_REGISTER_ASSUME_NETWORK_FS", "1", TRUE);
  {
    g_autoptr(GwRegister) net = gw_register_open (f->path, GW_REGISTER_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_true (gw_register_is_on_network (net));
    g_assert_nonnull (strstr (gw_register_get_notice (net), "network"));
  }
  g_unsetenv ("GW_REGISTER_ASSUME_NETWORK_FS");
  mode = journal_mode (f->path);
  g_assert_cmpstr (mode, ==, "delete");
}

static void
test_read_only_medium (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *probe = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int fd;

  {
    g_autoptr(GwRegister) reg = open_with_organ (f);
    g_autoptr(GwRegisterEntry) e = gw_register_take (reg, NULL, "神民发", 2024, "甲", "", "", &error);
    g_assert_no_error (error);
  }
  cmd = g_strdup_printf ("chattr +i '%s' '%s' 2>/dev/null", f->path, f->dir);
  if (system (cmd) != 0)
    {
      g_test_skip ("chattr +i is not possible here (not root, or the file system has no "
                   "immutable flag)");
      return;
    }
  /* First show that the medium really refuses writes, even to root. */
  fd = g_open (f->path, O_WRONLY | O_APPEND, 0);
  g_assert_cmpint (fd, ==, -1);
  probe = g_build_filename (f->dir, "probe", NULL);
  g_assert_false (g_file_set_contents (probe, "x", 1, NULL));

  {
    g_autoptr(GwRegister) reg = gw_register_open (f->path, GW_REGISTER_OPEN_DEFAULT, &error);
    g_autoptr(GwRegisterEntry) e = NULL;

    g_assert_no_error (error);
    g_assert_true (gw_register_is_read_only (reg));
    g_assert_nonnull (strstr (gw_register_get_notice (reg), "read-only"));
    list = gw_register_list (reg, NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    e = gw_register_take (reg, NULL, "神民发", 2024, "乙", "", "", &error);
    g_assert_null (e);
    g_assert_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_READ_ONLY);
  }
  g_free (cmd);
  cmd = g_strdup_printf ("chattr -i '%s' '%s'", f->path, f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/number-format", test_number_format);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/register/sequence", test_sequence);
  ADD ("/register/issue-void", test_issue_void);
  ADD ("/register/stale", test_stale);
  ADD ("/register/close-year", test_close_year);
  ADD ("/register/migration", test_migration);
  ADD ("/register/refused-files", test_refused_files);
  ADD ("/register/backup-restore", test_backup_restore);
  ADD ("/register/csv", test_csv);
  ADD ("/register/csv-import", test_csv_import);
  ADD ("/register/network-fallback", test_network_fallback);
  ADD ("/register/read-only-medium", test_read_only_medium);
#undef ADD
  return g_test_run ();
}
