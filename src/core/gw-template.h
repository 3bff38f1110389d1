/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-document.h"

G_BEGIN_DECLS

/* Templates (data/templates/*.xml, built into the binary; more in
 * $XDG_DATA_HOME/gongwen/templates): typed fields and a body with
 * placeholders. Instantiating one yields an ordinary GwDocument. */

typedef enum {
  GW_FIELD_TEXT,
  GW_FIELD_INTEGER,
  GW_FIELD_PERCENTAGE,
  GW_FIELD_DATE,
  GW_FIELD_CHOICE,
  GW_FIELD_LIST,
} GwFieldType;

#define GW_TYPE_TEMPLATE_FIELD (gw_template_field_get_type ())
G_DECLARE_FINAL_TYPE (GwTemplateField, gw_template_field, GW, TEMPLATE_FIELD, GObject)

const char  *gw_template_field_get_name        (GwTemplateField *self);
const char  *gw_template_field_get_label       (GwTemplateField *self);  /* translated */
const char  *gw_template_field_get_description (GwTemplateField *self);  /* what it means */
GwFieldType  gw_template_field_get_field_type  (GwTemplateField *self);
gboolean     gw_template_field_get_required    (GwTemplateField *self);
const char  *gw_template_field_get_default     (GwTemplateField *self);
/* Choice fields: the allowed values, NULL-terminated. */
const char * const *gw_template_field_get_choices (GwTemplateField *self);
/* Integer and percentage fields: bounds (min > max when unbounded). */
void         gw_template_field_get_range       (GwTemplateField *self,
                                                double          *min,
                                                double          *max);
/* Checks @value against type, requiredness and constraints; on failure
 * returns FALSE and a translated sentence in @message saying what is wrong. */
gboolean     gw_template_field_validate        (GwTemplateField *self,
                                                const char      *value,
                                                char           **message);

#define GW_TYPE_TEMPLATE (gw_template_get_type ())
G_DECLARE_FINAL_TYPE (GwTemplate, gw_template, GW, TEMPLATE, GObject)

GwTemplate     *gw_template_new_from_file     (const char  *path,
                                               GError     **error);
GwTemplate     *gw_template_new_from_resource (const char  *resource_path,
                                               GError     **error);
const char     *gw_template_get_id            (GwTemplate  *self);
const char     *gw_template_get_name          (GwTemplate  *self);         /* translated */
const char     *gw_template_get_description   (GwTemplate  *self);         /* one line */
GwDocumentKind  gw_template_get_kind          (GwTemplate  *self);
/* GListModel of GwTemplateField, in form order. */
GListModel     *gw_template_get_fields        (GwTemplate  *self);
GwTemplateField *gw_template_get_field        (GwTemplate  *self,
                                               const char  *name);

/* @values: field name → value (strings as typed; list fields one item per
 * line). Missing optional fields take their defaults. When a required field
 * is missing or a value is invalid, returns NULL and, if @field_errors is
 * given, fills it with field name → translated message for every bad field;
 * @error says how many fields are wrong (GW_ERROR_TEMPLATE). */
GwDocument     *gw_template_instantiate       (GwTemplate  *self,
                                               GHashTable  *values,
                                               GHashTable  *field_errors,
                                               GError     **error);

/* The shipped templates and those in the user's folder (GListModel of
 * GwTemplate); a broken user template is skipped with a warning. */
GListModel     *gw_template_list_all          (void);

G_END_DECLS
