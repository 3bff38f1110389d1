/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "gw-register.h"

G_BEGIN_DECLS

struct _GwRegister {
  sqlite3  *db;
  char     *path;
  char     *notice;
  char     *migration_backup;
  gboolean  read_only;
  gboolean  on_network;
  guint     stale_days;
};

/* Called inside 取号's open transaction, after the number's row is written
 * and before COMMIT, so a test can stop (and kill -9) a process there. */
typedef void (*GwRegisterTestHook) (const char *point);
void      _gw_register_set_test_hook    (GwRegisterTestHook hook);

/* statfs f_type values of file systems whose locks SQLite's write-ahead
 * log cannot trust (NFS, SMB/CIFS, 9p, AFS, Ceph, FUSE, …). */
gboolean  _gw_register_fs_type_is_network (long f_type);

/* Shared by the files of the register (gw-register*.c). */
gboolean  _gw_register_exec        (GwRegister  *self,
                                    const char  *sql,
                                    GError     **error);
gboolean  _gw_register_check_write (GwRegister  *self,
                                    GError     **error);
void      _gw_register_set_sqlite_error (GwRegister  *self,
                                         GError     **error,
                                         const char  *what);
gint64    _gw_register_code_id     (GwRegister  *self,
                                    const char  *code,
                                    char       **organ);
gint64    _gw_register_ensure_organ_code (GwRegister  *self,
                                          const char  *organ,
                                          const char  *code,
                                          char       **error_text);
void      _gw_register_audit       (GwRegister  *self,
                                    gint64       number_id,
                                    const char  *action,
                                    const char  *detail);

void
_gw_register_rollback (GwRegister *self);

sqlite3_stmt *
_gw_register_prepare (GwRegister *self,
                      const char *sql);

char *
_gw_register_dated_name (const char *dir,
                         const char *stem);

gboolean
_gw_register_copy_database (sqlite3     *src,
                            const char  *dest_path,
                            GError     **error);

gint64
_gw_register_now_seconds (void);

gboolean
_gw_register_refuse_closed (GwRegister  *self,
                            int          year,
                            GError     **error);

G_END_DECLS
