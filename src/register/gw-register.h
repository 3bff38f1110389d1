/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-document.h"

G_BEGIN_DECLS

/**
 * GwRegisterError:
 * @GW_REGISTER_ERROR_CORRUPT: the file is damaged or not an SQLite database
 * @GW_REGISTER_ERROR_FOREIGN: an SQLite database, but not a Gongwen register
 * @GW_REGISTER_ERROR_NEWER: written by a newer Gongwen (schema too new)
 * @GW_REGISTER_ERROR_READ_ONLY: a change was asked of a read-only register
 * @GW_REGISTER_ERROR_STATE: refused by the register's state: a number that
 *   is void, already issued, unknown, a closed year, an unknown organ or 代字
 * @GW_REGISTER_ERROR_BAD_ROWS: an import found bad rows; nothing was written
 * @GW_REGISTER_ERROR_INVALID: a wrong call (a malformed number, a missing reason)
 * @GW_REGISTER_ERROR_IO: the file or a backup could not be read or written
 *
 * The first four and the last concern the file; the command line exits 1
 * for READ_ONLY, STATE and BAD_ROWS and 2 for the others.
 */
typedef enum {
  GW_REGISTER_ERROR_CORRUPT,
  GW_REGISTER_ERROR_FOREIGN,
  GW_REGISTER_ERROR_NEWER,
  GW_REGISTER_ERROR_READ_ONLY,
  GW_REGISTER_ERROR_STATE,
  GW_REGISTER_ERROR_BAD_ROWS,
  GW_REGISTER_ERROR_INVALID,
  GW_REGISTER_ERROR_IO,
} GwRegisterError;

#define GW_REGISTER_ERROR (gw_register_error_quark ())
GQuark gw_register_error_quark (void);

/* The schema this build writes. Each version adds to the last; an older
 * file is migrated forward on open, after a dated backup beside it. */
#define GW_REGISTER_SCHEMA_VERSION 2

/**
 * GwNumberStatus:
 * @GW_NUMBER_RESERVED: taken (取号) for a draft, not yet issued
 * @GW_NUMBER_ISSUED: issued (登记发文): the document went out under it
 * @GW_NUMBER_VOID: voided with a reason; never handed out again
 */
typedef enum {
  GW_NUMBER_RESERVED,
  GW_NUMBER_ISSUED,
  GW_NUMBER_VOID,
} GwNumberStatus;

const char *gw_number_status_to_string   (GwNumberStatus  status);
gboolean    gw_number_status_from_string (const char     *str,
                                          GwNumberStatus *status);

/* 神民发〔2024〕17号 from its parts, and back. Parsing accepts only the
 * standard brackets 〔〕 and ASCII digits, as the register writes them. */
char     *gw_doc_number_format (const char  *code,
                            int          year,
                            int          seq);
gboolean  gw_doc_number_parse  (const char  *number,
                            char       **code,
                            int         *year,
                            int         *seq);

/**
 * GwRegisterEntry:
 * One number of the register. Times are seconds since the epoch, 0 when
 * not set. @stale is computed on reading: reserved longer than the
 * register's stale period.
 */
typedef struct {
  gint64          id;
  char           *organ;
  char           *code;         /* 机关代字, e.g. 神民发 */
  int             year;
  int             seq;
  char           *number;       /* formatted, e.g. 神民发〔2024〕17号 */
  GwNumberStatus  status;
  gboolean        stale;
  char           *title;
  char           *kind;
  char           *file;
  char           *user;         /* login name of whoever took it */
  gint64          taken_at;
  gint64          issued_at;
  gint64          voided_at;
  char           *void_reason;
} GwRegisterEntry;

#define GW_TYPE_REGISTER_ENTRY (gw_register_entry_get_type ())
GType            gw_register_entry_get_type (void);
GwRegisterEntry *gw_register_entry_copy     (const GwRegisterEntry *entry);
void             gw_register_entry_free     (GwRegisterEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRegisterEntry, gw_register_entry_free)

/**
 * GwRegisterOpenFlags:
 * @GW_REGISTER_OPEN_DEFAULT: create the file if missing, read-write if possible
 * @GW_REGISTER_OPEN_READ_ONLY: never write, never create
 * @GW_REGISTER_OPEN_NO_CREATE: refuse a missing file instead of creating it
 */
typedef enum {
  GW_REGISTER_OPEN_DEFAULT   = 0,
  GW_REGISTER_OPEN_READ_ONLY = 1 << 0,
  GW_REGISTER_OPEN_NO_CREATE = 1 << 1,
} GwRegisterOpenFlags;

typedef struct _GwRegister GwRegister;

/* $XDG_DATA_HOME/gongwen/register.sqlite */
char       *gw_register_default_path (void);

GwRegister *gw_register_open      (const char           *path,
                                   GwRegisterOpenFlags   flags,
                                   GError              **error);
void        gw_register_close     (GwRegister           *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRegister, gw_register_close)

const char *gw_register_get_path       (GwRegister *self);
gboolean    gw_register_is_read_only   (GwRegister *self);
/* TRUE when the file is on a network file system and uses the rollback
 * journal instead of the write-ahead log. */
gboolean    gw_register_is_on_network  (GwRegister *self);
/* A translated sentence the window and the command line show when the
 * register is open read-only or on a network file system; NULL otherwise. */
const char *gw_register_get_notice     (GwRegister *self);
int         gw_register_get_schema_version (GwRegister *self);
/* Where the last migration's backup went, NULL if none happened. */
const char *gw_register_get_migration_backup (GwRegister *self);

/* Reserved numbers older than this many days are stale (default 30). */
void        gw_register_set_stale_days (GwRegister *self,
                                        guint       days);
guint       gw_register_get_stale_days (GwRegister *self);

/* Organs and their 代字. A 代字 belongs to one organ. */
gboolean    gw_register_add_organ   (GwRegister          *self,
                                     const char          *organ,
                                     const char * const  *codes,
                                     GError             **error);
/* Organ names, sorted; and one organ's 代字 (NULL if no such organ). */
GStrv       gw_register_list_organs (GwRegister          *self);
GStrv       gw_register_list_codes  (GwRegister          *self,
                                     const char          *organ);

/* 取号: the next sequence for @code in @year, reserved for the document.
 * Refused (STATE) for an organ or 代字 not in the register, a 代字 of
 * another organ, or a closed year. @organ may be NULL: the 代字's own. */
GwRegisterEntry *gw_register_take   (GwRegister  *self,
                                     const char  *organ,
                                     const char  *code,
                                     int          year,
                                     const char  *title,
                                     const char  *kind,
                                     const char  *file,
                                     GError     **error);
/* 登记发文: marks a reserved number issued with its file and the time. */
gboolean    gw_register_issue       (GwRegister  *self,
                                     const char  *number,
                                     const char  *file,
                                     GError     **error);
/* Voids a reserved or issued number; @reason must not be blank. */
gboolean    gw_register_void        (GwRegister  *self,
                                     const char  *number,
                                     const char  *reason,
                                     GError     **error);
/* Changes a number's title or file (NULL keeps the old value); logged. */
gboolean    gw_register_edit        (GwRegister  *self,
                                     const char  *number,
                                     const char  *title,
                                     const char  *file,
                                     GError     **error);

/* NULL, without error, when the number is not in the register. */
GwRegisterEntry *gw_register_lookup (GwRegister  *self,
                                     const char  *number,
                                     GError     **error);
/* The sequence the next 取号 of @code in @year would get (1 in a new year). */
int         gw_register_next_seq    (GwRegister  *self,
                                     const char  *code,
                                     int          year);
/* Entries sorted by organ, 代字, year and sequence; @organ NULL and @year 0
 * for all. */
GPtrArray  *gw_register_list        (GwRegister  *self,
                                     const char  *organ,
                                     int          year,
                                     GError     **error);

/* Closes @year for every 代字: no more 取号, issuing or voiding in it.
 * Refused while numbers of the year are still reserved. */
gboolean    gw_register_close_year  (GwRegister  *self,
                                     int          year,
                                     GError     **error);
gboolean    gw_register_year_is_closed (GwRegister *self,
                                        int         year);

/* Audit log lines, oldest first: "TIME USER ACTION NUMBER DETAIL". */
GStrv       gw_register_audit_log   (GwRegister  *self);

/* A dated copy (SQLite's online backup API) in @dir, named
 * register-YYYYMMDD-HHMMSS.sqlite; returns its path. */
char       *gw_register_backup      (GwRegister  *self,
                                     const char  *dir,
                                     GError     **error);
/* Replaces the register's content with @backup's, after backing up the
 * current content beside the register. */
gboolean    gw_register_restore     (GwRegister  *self,
                                     const char  *backup,
                                     GError     **error);

/* The year's register as CSV, UTF-8 with a BOM (without it Excel on a
 * Chinese Windows reads the file as GBK); @year 0 for every year. */
GBytes     *gw_register_export_csv  (GwRegister  *self,
                                     int          year,
                                     GError     **error);
/* Imports an office's existing book (read with the core's bounded reader
 * and its delimited-text reader): UTF-8 or GB18030 CSV with a header
 * row (发文字号, 机关, 标题 required; 状态, 文种, 文件, 作废原因, 日期
 * optional). All rows or none: the error (BAD_ROWS) names each bad line.
 * Returns the number of rows imported. */
int         gw_register_import_csv  (GwRegister  *self,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS

G_BEGIN_DECLS

/* The year's 发文登记簿 as a document holding one table (序号, 发文字号,
 * 标题, 文种, 状态, dates, 登记人, 备注), for the renderer's PDF path: the
 * archive's printed book. @organ NULL for every organ. */
GwDocument *gw_register_year_document (GwRegister  *self,
                                       const char  *organ,
                                       int          year,
                                       GError     **error);

G_END_DECLS
