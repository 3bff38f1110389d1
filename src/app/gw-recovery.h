/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* Recovery copies of unsaved drafts: $XDG_STATE_HOME/gongwen/recovery/ID.gwdoc
 * with a key file ID.info beside it naming the original path, the display
 * name and the process that writes it. A copy whose process is gone is what
 * a crash or kill left behind; the next start offers it back. */

typedef struct {
  char   *id;
  char   *gwdoc_path;     /* the recovery copy */
  char   *original_path;  /* NULL for a document never saved */
  char   *name;           /* what the tab showed */
  gint64  saved_at;       /* µs since the epoch */
} GwRecoveryEntry;

void        gw_recovery_entry_free (GwRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRecoveryEntry, gw_recovery_entry_free)

char       *gw_recovery_get_dir    (void);
char       *gw_recovery_new_id     (void);
/* Writes the copy (atomically) and its key file; marks it as this process's. */
gboolean    gw_recovery_save       (const char  *id,
                                    GwDocument  *doc,
                                    const char  *original_path,
                                    const char  *name,
                                    GError     **error);
void        gw_recovery_remove     (const char  *id);
/* Entries sorted newest first (GwRecoveryEntry*, free func set). With
 * @orphans_only, only those whose writing process is no longer running. */
GPtrArray  *gw_recovery_list       (gboolean     orphans_only);

G_END_DECLS
