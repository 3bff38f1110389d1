/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "gw-template.h"

G_BEGIN_DECLS

/* Shared by the template's files and never installed or included outside
 * src/core: gw-template.c (the GwTemplate object), gw-template-field.c (a
 * field: type, validation, canonical value), gw-template-load.c (reading a
 * template file), gw-template-expand.c (the walk over <document> that checks
 * a template at load and fills it in) and gw-template-catalogue.c (the
 * shipped templates and the user's). */

#define GW_TEMPLATE_RESOURCE_BASE "/io/github/gongwen/Gongwen/core/templates/"

/* ---- GwTemplateField ---------------------------------------------------- */

typedef enum {
  DATE_CHINESE,   /* 2023年3月10日, GB/T 9704 */
  DATE_ISO,       /* 2023-03-10, the evaluation form */
} DateFormat;

struct _GwTemplateField
{
  GObject      parent_instance;

  char        *name;
  char        *label;
  char        *description;
  char        *hint;
  char        *default_value;
  GwFieldType  type;
  gboolean     required;
  GStrv        choices;
  gboolean     has_min;
  gboolean     has_max;
  double       min;
  double       max;
  GRegex      *pattern;
  char        *separator;
  DateFormat   date_format;
  char        *count_field;
};

/* Lines of a list value, trimmed, blank ones dropped. */
GPtrArray       *_gw_template_split_list        (const char       *value);
/* Checks @value (already trimmed, non-empty) and gives its canonical form. */
gboolean         _gw_template_field_check_value (GwTemplateField  *self,
                                                 const char       *value,
                                                 char            **canonical,
                                                 char            **message);
/* @value NULL (not given) takes the default; then trimmed, checked and made
 * canonical. */
gboolean         _gw_template_field_resolve     (GwTemplateField  *self,
                                                 const char       *value,
                                                 char            **canonical,
                                                 char            **message);

/* ---- GwTemplate --------------------------------------------------------- */

struct _GwTemplate
{
  GObject         parent_instance;

  char           *id;
  char           *name;
  char           *description;
  char           *source;
  GwDocumentKind  kind;
  GListStore     *fields;
  xmlDocPtr       xml;
  xmlNodePtr      document;   /* <document> in xml */
};


GwTemplateField *_gw_template_find_field        (GwTemplate       *self,
                                                 const char       *name);

/* ---- expansion ---------------------------------------------------------- */

/* One pass over the tree serves both purposes: with @values NULL it checks
 * the template (both branches of every condition, every placeholder); with
 * values it produces text and blocks. */
typedef struct {
  GwTemplate  *template;
  GHashTable  *values;       /* field name → canonical value, or NULL */
  GwDocument  *doc;          /* NULL when checking */
  guint        counters[5];  /* heading numbers per level */
} Ctx;


gboolean         _gw_template_is_element        (xmlNodePtr        node,
                                                 const char       *name);
char            *_gw_template_get_attr          (xmlNodePtr        node,
                                                 const char       *name);
/* Sets GW_ERROR_TEMPLATE naming the source and @node's line; returns FALSE. */
gboolean         _gw_template_error             (Ctx              *ctx,
                                                 xmlNodePtr        node,
                                                 GError          **error,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (4, 5);
gboolean         _gw_template_parse_double_attr (Ctx              *ctx,
                                                 xmlNodePtr        node,
                                                 const char       *attr,
                                                 gboolean          required,
                                                 double           *out,
                                                 GError          **error);
/* Walks <document>: with ctx->values NULL only checks the template. */
gboolean         _gw_template_build_document    (Ctx              *ctx,
                                                 GError          **error);

G_END_DECLS
