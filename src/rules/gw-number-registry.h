/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * GwNumberRegistryStatus:
 * The state of a number in an office's 发文登记簿, as the checker sees it.
 */
typedef enum {
  GW_NUMBER_REGISTRY_RESERVED,
  GW_NUMBER_REGISTRY_ISSUED,
  GW_NUMBER_REGISTRY_VOID,
} GwNumberRegistryStatus;

/**
 * GwNumberRecord:
 * @found: the number is in the register
 * @status: its status (when @found)
 * @title: the title it was taken or issued for (when @found; may be "")
 * @next_seq: the sequence the register hands out next for the number's
 *   代字 and year, so a number not in the register can be told "ahead"
 */
typedef struct {
  gboolean                found;
  GwNumberRegistryStatus  status;
  char                   *title;
  int                     next_seq;
  int                     seq;       /* the number's own sequence */
  char                   *file;      /* the file it was issued with, or NULL */
} GwNumberRecord;

void gw_number_record_clear (GwNumberRecord *record);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwNumberRecord, gw_number_record_clear)

/* What the checker asks of a register of document numbers. The rules
 * layer defines it so that it never links the register's database: the
 * register library implements it, and the window or the command line
 * hands one to gw_checker_set_registry(). Implementations must be safe to
 * call from the checker's worker thread. */
#define GW_TYPE_NUMBER_REGISTRY (gw_number_registry_get_type ())
G_DECLARE_INTERFACE (GwNumberRegistry, gw_number_registry, GW, NUMBER_REGISTRY, GObject)

struct _GwNumberRegistryInterface
{
  GTypeInterface parent_iface;

  /* FALSE when @number is not a number the register can read (its form is
   * format.doc-number's business); otherwise fills @record. */
  gboolean (*lookup) (GwNumberRegistry *self,
                      const char       *number,
                      GwNumberRecord   *record);
};

gboolean gw_number_registry_lookup (GwNumberRegistry *self,
                                    const char       *number,
                                    GwNumberRecord   *record);

G_END_DECLS
