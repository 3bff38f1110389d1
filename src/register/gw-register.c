/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "gw-register-private.h"

/* "GWRG": PRAGMA application_id of every Gongwen register, so a database
 * written by another program is told apart from an old register. */
#define GW_REGISTER_APPLICATION_ID 0x47575247

/* How long a 取号 waits for another process's transaction to end. */
#define GW_REGISTER_BUSY_TIMEOUT_MS 10000

G_DEFINE_QUARK (gw-register-error-quark, gw_register_error)

static GwRegisterTestHook test_hook;

void
_gw_register_set_test_hook (GwRegisterTestHook hook)
{
  test_hook = hook;
}

/* Each step brings a register from version N-1 to N. Steps are only ever
 * appended: a file written by an older Gongwen is migrated forward. */
static const char * const schema_steps[GW_REGISTER_SCHEMA_VERSION] = {
  /* 1: organs, their 代字 and the numbers */
  "CREATE TABLE organs ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE codes ("
  "  id       INTEGER PRIMARY KEY,"
  "  organ_id INTEGER NOT NULL REFERENCES organs (id),"
  "  code     TEXT NOT NULL UNIQUE);"
  "CREATE TABLE numbers ("
  "  id          INTEGER PRIMARY KEY,"
  "  code_id     INTEGER NOT NULL REFERENCES codes (id),"
  "  year        INTEGER NOT NULL,"
  "  seq         INTEGER NOT NULL CHECK (seq > 0),"
  "  status      TEXT NOT NULL CHECK (status IN ('reserved', 'issued', 'void')),"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  kind        TEXT NOT NULL DEFAULT '',"
  "  file        TEXT NOT NULL DEFAULT '',"
  "  user        TEXT NOT NULL DEFAULT '',"
  "  taken_at    INTEGER NOT NULL,"
  "  issued_at   INTEGER,"
  "  voided_at   INTEGER,"
  "  void_reason TEXT,"
  "  UNIQUE (code_id, year, seq));"
  "CREATE INDEX numbers_by_year ON numbers (year);",

  /* 2: the audit log and closed years */
  "CREATE TABLE audit ("
  "  id        INTEGER PRIMARY KEY,"
  "  number_id INTEGER REFERENCES numbers (id),"
  "  action    TEXT NOT NULL,"
  "  detail    TEXT NOT NULL DEFAULT '',"
  "  user      TEXT NOT NULL,"
  "  at        INTEGER NOT NULL);"
  "CREATE TABLE closed_years ("
  "  year      INTEGER PRIMARY KEY,"
  "  closed_at INTEGER NOT NULL,"
  "  user      TEXT NOT NULL);",
};

static const char * const status_names[] = { "reserved", "issued", "void" };

const char *
gw_number_status_to_string (GwNumberStatus status)
{
  g_return_val_if_fail (status <= GW_NUMBER_VOID, NULL);
  return status_names[status];
}

gboolean
gw_number_status_from_string (const char     *str,
                              GwNumberStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

char *
gw_doc_number_format (const char *code,
                  int         year,
                  int         seq)
{
  return g_strdup_printf ("%s〔%d〕%d号", code, year, seq);
}

static gboolean
parse_digits (const char **p,
              const char  *end,
              int         *value)
{
  gint64 v = 0;
  const char *start = *p;

  while (*p < end && g_ascii_isdigit (**p))
    {
      v = v * 10 + (**p - '0');
      if (v > G_MAXINT)
        return FALSE;
      (*p)++;
    }
  *value = (int) v;
  return *p > start;
}

gboolean
gw_doc_number_parse (const char  *number,
                 char       **code,
                 int         *year,
                 int         *seq)
{
  const char *open, *close, *p, *end;
  g_autofree char *trimmed = NULL;
  int y, s;

  if (number == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (number));
  end = trimmed + strlen (trimmed);
  open = strstr (trimmed, "〔");
  if (open == NULL || open == trimmed)
    return FALSE;
  p = open + strlen ("〔");
  if (!parse_digits (&p, end, &y) || y < 1000 || y > 9999)
    return FALSE;
  close = p;
  if (!g_str_has_prefix (close, "〕"))
    return FALSE;
  p = close + strlen ("〕");
  if (*p == '0' || !parse_digits (&p, end, &s) || s <= 0)
    return FALSE;
  if (strcmp (p, "号") != 0)
    return FALSE;
  if (code)
    *code = g_strndup (trimmed, open - trimmed);
  if (year)
    *year = y;
  if (seq)
    *seq = s;
  return TRUE;
}

GwRegisterEntry *
gw_register_entry_copy (const GwRegisterEntry *entry)
{
  GwRegisterEntry *copy = g_new0 (GwRegisterEntry, 1);

  *copy = *entry;
  copy->organ = g_strdup (entry->organ);
  copy->code = g_strdup (entry->code);
  copy->number = g_strdup (entry->number);
  copy->title = g_strdup (entry->title);
  copy->kind = g_strdup (entry->kind);
  copy->file = g_strdup (entry->file);
  copy->user = g_strdup (entry->user);
  copy->void_reason = g_strdup (entry->void_reason);
  return copy;
}

void
gw_register_entry_free (GwRegisterEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->organ);
  g_free (entry->code);
  g_free (entry->number);
  g_free (entry->title);
  g_free (entry->kind);
  g_free (entry->file);
  g_free (entry->user);
  g_free (entry->void_reason);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (GwRegisterEntry, gw_register_entry,
                     gw_register_entry_copy, gw_register_entry_free)

char *
gw_register_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gongwen", "register.sqlite", NULL);
}

gboolean
_gw_register_fs_type_is_network (long f_type)
{
  switch ((unsigned long) f_type & 0xFFFFFFFFUL)
    {
    case 0x6969UL:        /* NFS */
    case 0x517BUL:        /* SMB */
    case 0xFF534D42UL:    /* CIFS */
    case 0xFE534D42UL:    /* SMB2 */
    case 0x01021997UL:    /* 9p (v9fs) */
    case 0x5346414FUL:    /* AFS (OpenAFS) */
    case 0x6B414653UL:    /* AFS (kAFS) */
    case 0x00C36400UL:    /* Ceph */
    case 0x73757245UL:    /* Coda */
    case 0x47504653UL:    /* GPFS */
    case 0x0BD00BD0UL:    /* Lustre */
    case 0x65735546UL:    /* FUSE: sshfs, gvfs-smb, … cannot be told apart */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
dir_is_on_network (const char *dir)
{
  struct statfs st;

  /* A test cannot mount NFS; this lets it see the fallback. */
  if (g_strcmp0 (g_getenv ("GW_REGISTER_ASSUME_NETWORK_FS"), "1") == 0)
    return TRUE;
  if (statfs (dir, &st) != 0)
    return FALSE;
  return _gw_register_fs_type_is_network ((long) st.f_type);
}

static gboolean
dir_is_read_only_mount (const char *dir)
{
  struct statvfs st;

  return statvfs (dir, &st) == 0 && (st.f_flag & ST_RDONLY) != 0;
}

void
_gw_register_set_sqlite_error (GwRegister  *self,
                               GError     **error,
                               const char  *what)
{
  int code = sqlite3_errcode (self->db) & 0xFF;
  GwRegisterError kind = GW_REGISTER_ERROR_IO;

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    kind = GW_REGISTER_ERROR_CORRUPT;
  else if (code == SQLITE_READONLY)
    kind = GW_REGISTER_ERROR_READ_ONLY;
  g_set_error (error, GW_REGISTER_ERROR, kind,
               /* Translators: "%s: %s (%s)" is the register's file, what was
                * being done, and SQLite's own message */
               _("Register %s: %s failed (%s)"),
               self->path, what, sqlite3_errmsg (self->db));
}

gboolean
_gw_register_exec (GwRegister  *self,
                   const char  *sql,
                   GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _gw_register_set_sqlite_error (self, error, sql);
      return FALSE;
    }
  return TRUE;
}

/* SQLite's own busy timeout sleeps longer and longer, so a process that
 * commits and at once begins again keeps the lock while the other sleeps.
 * Short, jittered waits let two processes taking numbers take turns. */
static int
busy_wait (void *data,
           int   count)
{
  if ((gint64) count * 500 > (gint64) GW_REGISTER_BUSY_TIMEOUT_MS * 1000)
    return 0;
  g_usleep (100 + g_random_int_range (0, 400));
  return 1;
}

static void
rollback (GwRegister *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
_gw_register_check_write (GwRegister  *self,
                          GError     **error)
{
  if (self->read_only)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_READ_ONLY,
                   _("The register %s is open read-only; nothing was changed"),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (GwRegister *self,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("register: cannot prepare %s: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }
  return stmt;
}

static gint64
query_int (GwRegister *self,
           const char *sql,
           int        *rc)
{
  sqlite3_stmt *stmt;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      *rc = sqlite3_errcode (self->db);
      return -1;
    }
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      value = sqlite3_column_int64 (stmt, 0);
      *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return value;
}

static char *
dated_name (const char *dir,
            const char *stem)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 0;; n++)
    {
      g_autofree char *name = n == 0
        ? g_strdup_printf ("%s-%s.sqlite", stem, stamp)
        : g_strdup_printf ("%s-%s-%u.sqlite", stem, stamp, n);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* Copies @src into a new file @dest_path with the online backup API, so a
 * register in use by other processes is copied consistently. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest_path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE,
                        NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup != NULL)
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not write the backup %s (%s)"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

/* Brings the schema from @from to the current version in one transaction.
 * The caller holds BEGIN IMMEDIATE. */
static gboolean
apply_steps (GwRegister  *self,
             int          from,
             GError     **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_app = NULL;

  for (int v = from; v < GW_REGISTER_SCHEMA_VERSION; v++)
    if (!_gw_register_exec (self, schema_steps[v], error))
      return FALSE;
  set_app = g_strdup_printf ("PRAGMA application_id = %d", GW_REGISTER_APPLICATION_ID);
  set_version = g_strdup_printf ("PRAGMA user_version = %d", GW_REGISTER_SCHEMA_VERSION);
  return _gw_register_exec (self, set_app, error) &&
         _gw_register_exec (self, set_version, error);
}

static gboolean
migrate (GwRegister  *self,
         int          version,
         gboolean     is_new,
         GError     **error)
{
  int rc;

  if (!is_new)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);
      g_autofree char *stem = g_strdup_printf ("register-v%d", version);

      g_clear_pointer (&self->migration_backup, g_free);
      self->migration_backup = dated_name (dir, stem);
      if (!copy_database (self->db, self->migration_backup, error))
        return FALSE;
    }
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another process may have migrated while this one waited for the lock. */
  version = (int) query_int (self, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK && version < GW_REGISTER_SCHEMA_VERSION)
    {
      if (!apply_steps (self, version, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  if (!_gw_register_exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  if (!is_new)
    {
      g_autofree char *detail = g_strdup_printf ("%d→%d", version, GW_REGISTER_SCHEMA_VERSION);
      _gw_register_audit (self, 0, "migrate", detail);
    }
  return TRUE;
}

/* The first bytes of every SQLite 3 database. */
static const char sqlite_magic[16] = "SQLite format 3";

static gboolean
check_header (const char  *path,
              GError     **error)
{
  char header[100];
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not open the register %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  if (n == 0)
    return TRUE;   /* an empty file is an empty database */
  if (n < (gssize) sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_CORRUPT,
                   _("%s is not a Gongwen register (not an SQLite database, or damaged); "
                     "it was left as it is"), path);
      return FALSE;
    }
  return TRUE;
}

static char *
read_only_uri (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);

  /* immutable: a read-only medium has no -wal or -shm to open, and no one
   * can change the file under us. */
  return g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
}

GwRegister *
gw_register_open (const char           *path,
                  GwRegisterOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(GwRegister) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists, writable, is_new;
  int rc, version, tables;
  gint64 app_id;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (GwRegister, 1);
  self->path = g_strdup (path);
  self->stale_days = 30;
  dir = g_path_get_dirname (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("The register %s is a folder, not a file"), path);
      return NULL;
    }
  if (!exists)
    {
      if (flags & (GW_REGISTER_OPEN_READ_ONLY | GW_REGISTER_OPEN_NO_CREATE))
        {
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                       _("The register %s does not exist"), path);
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                       _("Could not create the register's folder %s: %s"), dir,
                       g_strerror (saved));
          return NULL;
        }
    }
  else if (!check_header (path, error))
    return NULL;

  writable = !(flags & GW_REGISTER_OPEN_READ_ONLY) &&
             !dir_is_read_only_mount (dir) &&
             g_access (dir, W_OK) == 0 &&
             (!exists || g_access (path, W_OK) == 0);
  if (!writable && !exists)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not create the register %s: its folder is read-only"), path);
      return NULL;
    }
  self->read_only = !writable;

  if (writable)
    rc = sqlite3_open_v2 (path, &self->db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                          NULL);
  else
    {
      g_autofree char *uri = read_only_uri (path);
      rc = sqlite3_open_v2 (uri, &self->db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                            NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not open the register %s (%s)"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_handler (self->db, busy_wait, NULL);

  app_id = query_int (self, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = (int) query_int (self, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    tables = (int) query_int (self, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
        g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_CORRUPT,
                     _("%s is not a Gongwen register (not an SQLite database, or damaged); "
                       "it was left as it is"), path);
      else
        _gw_register_set_sqlite_error (self, error, _("reading the schema"));
      return NULL;
    }

  is_new = app_id == 0 && version == 0 && tables == 0;
  if (!is_new && app_id != GW_REGISTER_APPLICATION_ID)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_FOREIGN,
                   _("%s is an SQLite database of another program, not a Gongwen register; "
                     "it was left as it is"), path);
      return NULL;
    }
  if (version > GW_REGISTER_SCHEMA_VERSION)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_NEWER,
                   _("The register %s was written by a newer Gongwen (schema %d; this "
                     "version knows up to %d); it was left as it is"),
                   path, version, GW_REGISTER_SCHEMA_VERSION);
      return NULL;
    }
  if (!is_new)
    {
      g_autofree char *result = NULL;
      sqlite3_stmt *stmt = prepare (self, "PRAGMA quick_check");

      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      if (g_strcmp0 (result, "ok") != 0)
        {
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_CORRUPT,
                       _("The register %s is damaged (%s); it was left as it is. "
                         "Restore it from a backup."), path,
                       result ? result : sqlite3_errmsg (self->db));
          return NULL;
        }
    }

  if (!self->read_only)
    {
      self->on_network = dir_is_on_network (dir);
      /* The write-ahead log's shared memory needs one host; over NFS or SMB
       * the rollback journal at least keeps one writer at a time. */
      if (!_gw_register_exec (self, self->on_network ? "PRAGMA journal_mode = DELETE"
                                                     : "PRAGMA journal_mode = WAL", error) ||
          !_gw_register_exec (self, "PRAGMA foreign_keys = ON", error) ||
          !_gw_register_exec (self, "PRAGMA synchronous = FULL", error))
        return NULL;
      if (version < GW_REGISTER_SCHEMA_VERSION && !migrate (self, version, is_new, error))
        return NULL;
      if (self->on_network)
        self->notice = g_strdup_printf (_("The register %s is on a network file system. "
                                          "Numbers are safe from collisions only while one "
                                          "computer at a time uses it."), path);
    }
  else
    {
      if (version < GW_REGISTER_SCHEMA_VERSION)
        {
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_READ_ONLY,
                       _("The register %s needs upgrading by this version, but it is "
                         "read-only"), path);
          return NULL;
        }
      sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
      self->notice = g_strdup_printf (_("The register %s is on a read-only medium or "
                                        "cannot be written; it is open for reading only."),
                                      path);
    }
  return g_steal_pointer (&self);
}

void
gw_register_close (GwRegister *self)
{
  if (self == NULL)
    return;
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->notice);
  g_free (self->migration_backup);
  g_free (self);
}

const char *
gw_register_get_path (GwRegister *self)
{
  return self->path;
}

gboolean
gw_register_is_read_only (GwRegister *self)
{
  return self->read_only;
}

gboolean
gw_register_is_on_network (GwRegister *self)
{
  return self->on_network;
}

const char *
gw_register_get_notice (GwRegister *self)
{
  return self->notice;
}

int
gw_register_get_schema_version (GwRegister *self)
{
  int rc;

  return (int) query_int (self, "PRAGMA user_version", &rc);
}

const char *
gw_register_get_migration_backup (GwRegister *self)
{
  return self->migration_backup;
}

void
gw_register_set_stale_days (GwRegister *self,
                            guint       days)
{
  self->stale_days = days;
}

guint
gw_register_get_stale_days (GwRegister *self)
{
  return self->stale_days;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_gw_register_audit (GwRegister *self,
                    gint64      number_id,
                    const char *action,
                    const char *detail)
{
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO audit (number_id, action, detail, user, at) VALUES (?, ?, ?, ?, ?)");

  if (stmt == NULL)
    return;
  if (number_id > 0)
    sqlite3_bind_int64 (stmt, 1, number_id);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, detail ? detail : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now_seconds ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_warning ("register: could not log %s: %s", action, sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
}

static gint64
organ_id (GwRegister *self,
          const char *organ)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT id FROM organs WHERE name = ?");
  gint64 id = 0;

  sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

gint64
_gw_register_code_id (GwRegister  *self,
                      const char  *code,
                      char       **organ)
{
  sqlite3_stmt *stmt = prepare (self,
    "SELECT c.id, o.name FROM codes c JOIN organs o ON o.id = c.organ_id WHERE c.code = ?");
  gint64 id = 0;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (organ)
        *organ = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return id;
}

/* Inside a transaction: the 代字's id, adding the organ and the 代字 as
 * needed; 0 with @error_text when the 代字 belongs to another organ. */
gint64
_gw_register_ensure_organ_code (GwRegister  *self,
                                const char  *organ,
                                const char  *code,
                                char       **error_text)
{
  g_autofree char *owner = NULL;
  gint64 code_id = _gw_register_code_id (self, code, &owner);
  gint64 oid;
  sqlite3_stmt *stmt;

  if (code_id > 0)
    {
      if (g_strcmp0 (owner, organ) != 0)
        {
          *error_text = g_strdup_printf (_("the 代字 %s belongs to %s, not %s"),
                                         code, owner, organ);
          return 0;
        }
      return code_id;
    }
  oid = organ_id (self, organ);
  if (oid == 0)
    {
      stmt = prepare (self, "INSERT INTO organs (name) VALUES (?)");
      sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          *error_text = g_strdup (sqlite3_errmsg (self->db));
          sqlite3_finalize (stmt);
          return 0;
        }
      sqlite3_finalize (stmt);
      oid = sqlite3_last_insert_rowid (self->db);
    }
  stmt = prepare (self, "INSERT INTO codes (organ_id, code) VALUES (?, ?)");
  sqlite3_bind_int64 (stmt, 1, oid);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      *error_text = g_strdup (sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return 0;
    }
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);
      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

gboolean
gw_register_add_organ (GwRegister          *self,
                       const char          *organ,
                       const char * const  *codes,
                       GError             **error)
{
  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (is_blank (organ))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("An organ needs a name"));
      return FALSE;
    }
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (organ_id (self, organ) == 0)
    {
      sqlite3_stmt *stmt = prepare (self, "INSERT INTO organs (name) VALUES (?)");
      sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
    }
  for (guint i = 0; codes && codes[i]; i++)
    {
      g_autofree char *problem = NULL;

      if (is_blank (codes[i]) || strstr (codes[i], "〔") != NULL)
        {
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                       _("“%s” is not a 代字"), codes[i]);
          rollback (self);
          return FALSE;
        }
      if (_gw_register_ensure_organ_code (self, organ, codes[i], &problem) == 0)
        {
          g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE, "%s", problem);
          rollback (self);
          return FALSE;
        }
    }
  _gw_register_audit (self, 0, "organ", organ);
  if (!_gw_register_exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

GStrv
gw_register_list_organs (GwRegister *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = prepare (self, "SELECT name FROM organs ORDER BY name");

  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}

GStrv
gw_register_list_codes (GwRegister *self,
                        const char *organ)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = prepare (self,
    "SELECT c.code FROM codes c JOIN organs o ON o.id = c.organ_id "
    "WHERE o.name = ? ORDER BY c.id");

  if (organ_id (self, organ) == 0)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}

static gboolean
year_closed (GwRegister *self,
             int         year)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT 1 FROM closed_years WHERE year = ?");
  gboolean closed;

  sqlite3_bind_int (stmt, 1, year);
  closed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return closed;
}

gboolean
gw_register_year_is_closed (GwRegister *self,
                            int         year)
{
  return year_closed (self, year);
}

static gboolean
refuse_closed (GwRegister  *self,
               int          year,
               GError     **error)
{
  if (!year_closed (self, year))
    return FALSE;
  g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
               _("The year %d is closed in the register; its numbers can no longer "
                 "change"), year);
  return TRUE;
}

#define ENTRY_COLUMNS \
  "SELECT n.id, o.name, c.code, n.year, n.seq, n.status, n.title, n.kind, n.file, " \
  "n.user, n.taken_at, n.issued_at, n.voided_at, n.void_reason " \
  "FROM numbers n JOIN codes c ON c.id = n.code_id JOIN organs o ON o.id = c.organ_id "

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return g_strdup (text ? text : "");
}

static GwRegisterEntry *
entry_from_row (GwRegister   *self,
                sqlite3_stmt *stmt,
                gint64        now)
{
  GwRegisterEntry *e = g_new0 (GwRegisterEntry, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->organ = column_dup (stmt, 1);
  e->code = column_dup (stmt, 2);
  e->year = sqlite3_column_int (stmt, 3);
  e->seq = sqlite3_column_int (stmt, 4);
  e->number = gw_doc_number_format (e->code, e->year, e->seq);
  if (!gw_number_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &e->status))
    e->status = GW_NUMBER_RESERVED;
  e->title = column_dup (stmt, 6);
  e->kind = column_dup (stmt, 7);
  e->file = column_dup (stmt, 8);
  e->user = column_dup (stmt, 9);
  e->taken_at = sqlite3_column_int64 (stmt, 10);
  e->issued_at = sqlite3_column_int64 (stmt, 11);
  e->voided_at = sqlite3_column_int64 (stmt, 12);
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    e->void_reason = column_dup (stmt, 13);
  e->stale = e->status == GW_NUMBER_RESERVED &&
             now - e->taken_at > (gint64) self->stale_days * 24 * 3600;
  return e;
}

static GwRegisterEntry *
find_entry (GwRegister  *self,
            const char  *number,
            GError     **error)
{
  g_autofree char *code = NULL;
  int year, seq;
  sqlite3_stmt *stmt;
  GwRegisterEntry *entry = NULL;

  if (!gw_doc_number_parse (number, &code, &year, &seq))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("“%s” is not a document number of the form 代字〔年份〕序号号"),
                   number ? number : "");
      return NULL;
    }
  stmt = prepare (self, ENTRY_COLUMNS "WHERE c.code = ? AND n.year = ? AND n.seq = ?");
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entry = entry_from_row (self, stmt, now_seconds ());
  sqlite3_finalize (stmt);
  return entry;
}

GwRegisterEntry *
gw_register_lookup (GwRegister  *self,
                    const char  *number,
                    GError     **error)
{
  return find_entry (self, number, error);
}

int
gw_register_next_seq (GwRegister *self,
                      const char *code,
                      int         year)
{
  sqlite3_stmt *stmt = prepare (self,
    "SELECT COALESCE (MAX (n.seq), 0) + 1 FROM numbers n JOIN codes c ON c.id = n.code_id "
    "WHERE c.code = ? AND n.year = ?");
  int next = 1;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return next;
}

GwRegisterEntry *
gw_register_take (GwRegister  *self,
                  const char  *organ,
                  const char  *code,
                  int          year,
                  const char  *title,
                  const char  *kind,
                  const char  *file,
                  GError     **error)
{
  g_autofree char *owner = NULL;
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  gint64 code_id, id;
  int seq;

  if (!_gw_register_check_write (self, error))
    return NULL;
  if (year < 1000 || year > 9999)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("%d is not a year"), year);
      return NULL;
    }
  /* IMMEDIATE: the write lock is taken before reading the last sequence,
   * so two processes can never read the same one. */
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  code_id = _gw_register_code_id (self, code, &owner);
  if (code_id == 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   _("The 代字 %s is not in the register; add it to its organ first"), code);
      goto fail;
    }
  if (organ != NULL && g_strcmp0 (organ, owner) != 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   _("The 代字 %s belongs to %s, not %s"), code, owner, organ);
      goto fail;
    }
  if (refuse_closed (self, year, error))
    goto fail;

  stmt = prepare (self, "SELECT COALESCE (MAX (seq), 0) + 1 FROM numbers "
                        "WHERE code_id = ? AND year = ?");
  sqlite3_bind_int64 (stmt, 1, code_id);
  sqlite3_bind_int (stmt, 2, year);
  seq = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (seq <= 0)
    {
      _gw_register_set_sqlite_error (self, error, _("taking a number"));
      goto fail;
    }

  stmt = prepare (self,
    "INSERT INTO numbers (code_id, year, seq, status, title, kind, file, user, taken_at) "
    "VALUES (?, ?, ?, 'reserved', ?, ?, ?, ?, ?)");
  sqlite3_bind_int64 (stmt, 1, code_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, title ? title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, kind ? kind : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, file ? file : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, now_seconds ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("taking a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (self->db);
  number = gw_doc_number_format (code, year, seq);
  _gw_register_audit (self, id, "take", title);

  if (test_hook)
    test_hook ("take");

  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return find_entry (self, number, NULL);

fail:
  rollback (self);
  return NULL;
}

/* Inside a transaction: the entry for @number, refusing unknown numbers
 * and closed years. */
static GwRegisterEntry *
entry_for_change (GwRegister  *self,
                  const char  *number,
                  GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = find_entry (self, number, error);

  if (entry == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                     _("%s is not in the register"), number);
      return NULL;
    }
  if (refuse_closed (self, entry->year, error))
    return NULL;
  return g_steal_pointer (&entry);
}

gboolean
gw_register_issue (GwRegister  *self,
                   const char  *number,
                   const char  *file,
                   GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = NULL;
  sqlite3_stmt *stmt;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  entry = entry_for_change (self, number, error);
  if (entry == NULL)
    goto fail;
  if (entry->status != GW_NUMBER_RESERVED)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   entry->status == GW_NUMBER_VOID
                     ? _("%s is void and cannot be issued")
                     : _("%s is already issued"), entry->number);
      goto fail;
    }
  stmt = prepare (self, "UPDATE numbers SET status = 'issued', issued_at = ?, "
                        "file = COALESCE (?, file) WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, now_seconds ());
  if (file)
    sqlite3_bind_text (stmt, 2, file, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entry->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("issuing a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  _gw_register_audit (self, entry->id, "issue", file);
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

gboolean
gw_register_void (GwRegister  *self,
                  const char  *number,
                  const char  *reason,
                  GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = NULL;
  sqlite3_stmt *stmt;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (is_blank (reason))
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("A number is voided only with a reason"));
      return FALSE;
    }
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  entry = entry_for_change (self, number, error);
  if (entry == NULL)
    goto fail;
  if (entry->status == GW_NUMBER_VOID)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   _("%s is already void"), entry->number);
      goto fail;
    }
  stmt = prepare (self, "UPDATE numbers SET status = 'void', voided_at = ?, void_reason = ? "
                        "WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, now_seconds ());
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entry->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("voiding a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  _gw_register_audit (self, entry->id, "void", reason);
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

gboolean
gw_register_edit (GwRegister  *self,
                  const char  *number,
                  const char  *title,
                  const char  *file,
                  GError     **error)
{
  g_autoptr(GwRegisterEntry) entry = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  entry = entry_for_change (self, number, error);
  if (entry == NULL)
    goto fail;
  stmt = prepare (self, "UPDATE numbers SET title = COALESCE (?, title), "
                        "file = COALESCE (?, file) WHERE id = ?");
  if (title)
    sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  if (file)
    sqlite3_bind_text (stmt, 2, file, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entry->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("editing a number"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  detail = g_strdup_printf ("title: %s → %s; file: %s → %s",
                            entry->title, title ? title : entry->title,
                            entry->file, file ? file : entry->file);
  _gw_register_audit (self, entry->id, "edit", detail);
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

GPtrArray *
gw_register_list (GwRegister  *self,
                  const char  *organ,
                  int          year,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_register_entry_free);
  sqlite3_stmt *stmt = prepare (self,
    ENTRY_COLUMNS "WHERE (?1 IS NULL OR o.name = ?1) AND (?2 = 0 OR n.year = ?2) "
    "ORDER BY o.name, c.code, n.year, n.seq");
  gint64 now = now_seconds ();
  int rc;

  if (organ)
    sqlite3_bind_text (stmt, 1, organ, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (self, stmt, now));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _gw_register_set_sqlite_error (self, error, _("listing numbers"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gboolean
gw_register_close_year (GwRegister  *self,
                        int          year,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int reserved;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  if (!_gw_register_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (refuse_closed (self, year, error))
    goto fail;
  stmt = prepare (self, "SELECT count(*) FROM numbers WHERE year = ? AND status = 'reserved'");
  sqlite3_bind_int (stmt, 1, year);
  reserved = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (reserved > 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The year %d still has %d reserved number; issue or void it "
                                "before closing the year",
                                "The year %d still has %d reserved numbers; issue or void them "
                                "before closing the year", reserved),
                   year, reserved);
      goto fail;
    }
  stmt = prepare (self, "INSERT INTO closed_years (year, closed_at, user) VALUES (?, ?, ?)");
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  sqlite3_bind_text (stmt, 3, g_get_user_name (), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _gw_register_set_sqlite_error (self, error, _("closing a year"));
      goto fail;
    }
  sqlite3_finalize (stmt);
  {
    g_autofree char *detail = g_strdup_printf ("%d", year);
    _gw_register_audit (self, 0, "close-year", detail);
  }
  if (!_gw_register_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

GStrv
gw_register_audit_log (GwRegister *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = prepare (self,
    "SELECT a.at, a.user, a.action, c.code, n.year, n.seq, a.detail FROM audit a "
    "LEFT JOIN numbers n ON n.id = a.number_id LEFT JOIN codes c ON c.id = n.code_id "
    "ORDER BY a.id");

  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, 0));
      g_autofree char *when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
      g_autofree char *number = NULL;

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        number = gw_doc_number_format ((const char *) sqlite3_column_text (stmt, 3),
                                   sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5));
      g_autofree char *line = g_strdup_printf ("%s %s %s %s %s", when,
                                               (const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2),
                                               number ? number : "-",
                                               (const char *) sqlite3_column_text (stmt, 6));

      g_strv_builder_add (builder, line);
    }
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}

char *
gw_register_backup (GwRegister  *self,
                    const char  *dir,
                    GError     **error)
{
  g_autofree char *path = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      int saved = errno;
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_IO,
                   _("Could not use the backup folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  path = dated_name (dir, "register");
  if (!copy_database (self->db, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
gw_register_restore (GwRegister  *self,
                     const char  *backup,
                     GError     **error)
{
  g_autoptr(GwRegister) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *safety = NULL;
  sqlite3_backup *copy;
  int rc;

  if (!_gw_register_check_write (self, error))
    return FALSE;
  /* Opening it checks that it is a register this version can read. */
  source = gw_register_open (backup, GW_REGISTER_OPEN_READ_ONLY, error);
  if (source == NULL)
    return FALSE;
  if (gw_register_get_schema_version (source) != GW_REGISTER_SCHEMA_VERSION)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_INVALID,
                   _("The backup %s has another schema version; open it with the "
                     "Gongwen that wrote it"), backup);
      return FALSE;
    }
  dir = g_path_get_dirname (self->path);
  safety = gw_register_backup (self, dir, error);
  if (safety == NULL)
    return FALSE;
  copy = sqlite3_backup_init (self->db, "main", source->db, "main");
  if (copy == NULL)
    {
      _gw_register_set_sqlite_error (self, error, _("restoring a backup"));
      return FALSE;
    }
  do
    rc = sqlite3_backup_step (copy, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (copy);
  if (rc != SQLITE_DONE)
    {
      _gw_register_set_sqlite_error (self, error, _("restoring a backup"));
      return FALSE;
    }
  _gw_register_audit (self, 0, "restore", backup);
  return TRUE;
}
