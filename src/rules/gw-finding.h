/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  GW_SEVERITY_INFO,
  GW_SEVERITY_WARNING,
  GW_SEVERITY_ERROR,
} GwSeverity;

#define GW_TYPE_SEVERITY (gw_severity_get_type ())
GType       gw_severity_get_type    (void);
const char *gw_severity_to_string   (GwSeverity severity);   /* "error", "warning", "info" */
gboolean    gw_severity_from_string (const char *str, GwSeverity *severity);

/**
 * GwFinding:
 * One thing the checker found: data, not an error. Where it points:
 * - @block >= 0: a body block (index in gw_document_get_blocks()), with
 *   @offset/@length in characters of that block's text;
 * - @block == -1 and @meta >= 0: a metadata element (GwMeta), offset/length
 *   in characters of its value;
 * - @block == -1, @meta == -1: the document as a whole (a required element
 *   missing), or an evaluation-form cell named by @target (indicator, section
 *   or field id).
 * @line/@column are 1-based in the source file for imported drafts, and
 * within the block's text otherwise (0 when the finding has no place).
 */
#define GW_TYPE_FINDING (gw_finding_get_type ())
G_DECLARE_FINAL_TYPE (GwFinding, gw_finding, GW, FINDING, GObject)

GwFinding   *gw_finding_new             (const char *rule_id,
                                         GwSeverity  severity,
                                         const char *message);
const char  *gw_finding_get_rule_id     (GwFinding  *self);
GwSeverity   gw_finding_get_severity    (GwFinding  *self);
const char  *gw_finding_get_message     (GwFinding  *self);
const char  *gw_finding_get_basis       (GwFinding  *self);
void         gw_finding_set_basis       (GwFinding  *self, const char *basis);
const char  *gw_finding_get_excerpt     (GwFinding  *self);
void         gw_finding_set_excerpt     (GwFinding  *self, const char *excerpt);
/* Advice in words, or NULL. */
const char  *gw_finding_get_suggestion  (GwFinding  *self);
void         gw_finding_set_suggestion  (GwFinding  *self, const char *suggestion);
/* Text that replaces offset..offset+length when the suggestion is applied
 * with one click, or NULL when there is no mechanical fix. */
const char  *gw_finding_get_replacement (GwFinding  *self);
void         gw_finding_set_replacement (GwFinding  *self, const char *replacement);

int          gw_finding_get_block       (GwFinding  *self);
int          gw_finding_get_meta        (GwFinding  *self);
const char  *gw_finding_get_target      (GwFinding  *self);
guint        gw_finding_get_offset      (GwFinding  *self);
guint        gw_finding_get_length      (GwFinding  *self);
void         gw_finding_set_place       (GwFinding  *self,
                                         int         block,
                                         int         meta,
                                         const char *target,
                                         guint       offset,
                                         guint       length);
guint        gw_finding_get_line        (GwFinding  *self);
guint        gw_finding_get_column      (GwFinding  *self);
void         gw_finding_set_position    (GwFinding  *self,
                                         guint       line,
                                         guint       column);

G_END_DECLS
