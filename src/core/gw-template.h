/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-document.h"

G_BEGIN_DECLS

/* Templates (data/templates/NAME.xml, built into the binary; more in
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

#define GW_TYPE_FIELD_TYPE (gw_field_type_get_type ())
GType       gw_field_type_get_type    (void);
/* "text", "integer", "percentage", "date", "choice", "list": the type="…"
 * names of the template format (docs/templates.md). */
const char *gw_field_type_to_string   (GwFieldType type);
gboolean    gw_field_type_from_string (const char *str, GwFieldType *type);

#define GW_TYPE_TEMPLATE_FIELD (gw_template_field_get_type ())
G_DECLARE_FINAL_TYPE (GwTemplateField, gw_template_field, GW, TEMPLATE_FIELD, GObject)

const char  *gw_template_field_get_name        (GwTemplateField *self);
/* Label, description and hint are the template's own text in the user's
 * language where the file provides it (xml:lang), else its default text. */
const char  *gw_template_field_get_label       (GwTemplateField *self);  /* translated */
const char  *gw_template_field_get_description (GwTemplateField *self);  /* what it means */
/* An example of the expected form ("如：神政办发〔2023〕12号"), or "". */
const char  *gw_template_field_get_hint        (GwTemplateField *self);
/* List fields: what joins the items in the text ("、" by default). */
const char  *gw_template_field_get_separator   (GwTemplateField *self);
GwFieldType  gw_template_field_get_field_type  (GwTemplateField *self);
gboolean     gw_template_field_get_required    (GwTemplateField *self);
const char  *gw_template_field_get_default     (GwTemplateField *self);
/* Choice fields: the allowed values, NULL-terminated. */
const char * const *gw_template_field_get_choices (GwTemplateField *self);
/* Integer and percentage fields: bounds; list fields: the number of items.
 * Both unbounded: *min = 1 > *max = 0. Only one bound: the other is
 * -G_MAXDOUBLE or G_MAXDOUBLE. Default (list: one item per line) as it
 * appears in the form, "" when none. */
void         gw_template_field_get_range       (GwTemplateField *self,
                                                double          *min,
                                                double          *max);
/* Checks @value against type, requiredness and constraints; on failure
 * returns FALSE and a translated sentence in @message saying what is wrong. */
gboolean     gw_template_field_validate        (GwTemplateField *self,
                                                const char      *value,
                                                char           **message);
/* The value as instantiation stores it (trimmed; full-width digits folded;
 * integers and percentages as plain numbers, "15" for "１５％"; list items
 * trimmed, one per line), or NULL when @value is invalid. */
char        *gw_template_field_normalize       (GwTemplateField *self,
                                                const char      *value);
/* Date fields: a date written the way the field wants it (2023年3月10日,
 * or 2023-03-10 for the form's ISO dates), e.g. from a calendar. */
char        *gw_template_field_format_date     (GwTemplateField *self,
                                                guint            year,
                                                guint            month,
                                                guint            day);

#define GW_TYPE_TEMPLATE (gw_template_get_type ())
G_DECLARE_FINAL_TYPE (GwTemplate, gw_template, GW, TEMPLATE, GObject)

GwTemplate     *gw_template_new_from_file     (const char  *path,
                                               GError     **error);
GwTemplate     *gw_template_new_from_resource (const char  *resource_path,
                                               GError     **error);
/* Parses @bytes; @display_name names the source in messages. Errors:
 * GW_ERROR_UNSAFE (a DOCTYPE: refused before any entity is declared),
 * GW_ERROR_PARSE, GW_ERROR_ENCODING, GW_ERROR_TOO_LARGE, GW_ERROR_EMPTY,
 * GW_ERROR_TEMPLATE (structure, unknown placeholder, bad default…). */
GwTemplate     *gw_template_new_from_bytes    (GBytes      *bytes,
                                               const char  *display_name,
                                               GError     **error);
/* Path or resource path the template was read from. */
const char     *gw_template_get_source        (GwTemplate  *self);
const char     *gw_template_get_id            (GwTemplate  *self);
const char     *gw_template_get_name          (GwTemplate  *self);         /* translated */
const char     *gw_template_get_description   (GwTemplate  *self);         /* one line */
GwDocumentKind  gw_template_get_kind          (GwTemplate  *self);
/* GListModel of GwTemplateField, in form order. */
GListModel     *gw_template_get_fields        (GwTemplate  *self);
GwTemplateField *gw_template_get_field        (GwTemplate  *self,
                                               const char  *name);
/* Field name → default value, for every field (transfer full). */
GHashTable     *gw_template_get_defaults      (GwTemplate  *self);

/* @values: field name → value (strings as typed; list fields one item per
 * line). A field absent from @values takes its default; a field present but
 * empty stays empty. When a required field is empty or a value is invalid,
 * returns NULL and, if @field_errors is given, fills it with field name →
 * translated message for every bad field (the table must free keys and
 * values: g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
 * @error says how many fields are wrong and lists them (GW_ERROR_TEMPLATE).
 * On success the document's template id is set and every field's value is
 * stored with gw_document_set_field() in its normalized form. */
GwDocument     *gw_template_instantiate       (GwTemplate  *self,
                                               GHashTable  *values,
                                               GHashTable  *field_errors,
                                               GError     **error);

/* The shipped templates and those in the user's folder (GListModel of
 * GwTemplate, transfer full, a new list on each call so that templates
 * added since are found); a broken user template, or one whose id is
 * already taken, is skipped with a warning. */
GListModel     *gw_template_list_all          (void);
/* $XDG_DATA_HOME/gongwen/templates (transfer full). */
char           *gw_template_get_user_dir      (void);
/* The template with @id among those gw_template_list_all() gives (to show
 * a document's form again from gw_document_get_template_id()), or NULL
 * (transfer full). */
GwTemplate     *gw_template_find              (const char  *id);

G_END_DECLS
