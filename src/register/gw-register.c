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
      self->migration_backup = _gw_register_dated_name (dir, stem);
      if (!_gw_register_copy_database (self->db, self->migration_backup, error))
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
          _gw_register_rollback (self);
          return FALSE;
        }
    }
  if (!_gw_register_exec (self, "COMMIT", error))
    {
      _gw_register_rollback (self);
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
      sqlite3_stmt *stmt = _gw_register_prepare (self, "PRAGMA quick_check");

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
