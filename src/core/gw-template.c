/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-template"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gw-block.h"
#include "gw-core-resources.h"
#include "gw-date.h"
#include "gw-error.h"
#include "gw-file.h"
#include "gw-numeral.h"
#include "gw-template.h"
#include "gw-text.h"
#include "gw-xml-private.h"

/* The format is described in docs/templates.md. A template is parsed once,
 * checked completely at load (every placeholder names a declared field, every
 * element and attribute is known), and its tree is kept: instantiating walks
 * the tree again with the values. */


#define RESOURCE_BASE "/io/github/gongwen/Gongwen/core/templates/"

static const char *builtin_resources[] = {
  RESOURCE_BASE "opinion.xml",
  RESOURCE_BASE "evaluation.xml",
};

/* ---- small helpers ------------------------------------------------------ */

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  xmlChar *v = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (v == NULL)
    return NULL;
  copy = g_strdup ((const char *) v);
  xmlFree (v);
  return copy;
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *copy = g_strdup (v ? (const char *) v : "");

  xmlFree (v);
  return copy;
}

/* The value with full-width forms folded (people type numbers with a
 * Chinese input method switched on) and surrounding space stripped. */
static char *
fold_number (const char *value)
{
  return g_strstrip (gw_text_fold_width (value));
}

static gboolean
parse_double (const char *str,
              double     *out)
{
  char *end = NULL;
  double v;

  if (str == NULL || *str == '\0' || g_ascii_isspace (*str))
    return FALSE;
  v = g_ascii_strtod (str, &end);
  if (end == str || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* Lines of a list value, trimmed, blank ones dropped. */
static GPtrArray *
split_list (const char *value)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (value ? value : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line)
        g_ptr_array_add (items, g_strdup (line));
    }
  return items;
}

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

G_DEFINE_TYPE (GwTemplateField, gw_template_field, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GwFieldType, gw_field_type,
  G_DEFINE_ENUM_VALUE (GW_FIELD_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (GW_FIELD_INTEGER, "integer"),
  G_DEFINE_ENUM_VALUE (GW_FIELD_PERCENTAGE, "percentage"),
  G_DEFINE_ENUM_VALUE (GW_FIELD_DATE, "date"),
  G_DEFINE_ENUM_VALUE (GW_FIELD_CHOICE, "choice"),
  G_DEFINE_ENUM_VALUE (GW_FIELD_LIST, "list"))

static const char *field_type_names[] = {
  "text", "integer", "percentage", "date", "choice", "list",
};

const char *
gw_field_type_to_string (GwFieldType type)
{
  g_return_val_if_fail (type <= GW_FIELD_LIST, NULL);
  return field_type_names[type];
}

gboolean
gw_field_type_from_string (const char  *str,
                           GwFieldType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_type_names); i++)
    if (g_strcmp0 (str, field_type_names[i]) == 0)
      {
        *type = (GwFieldType) i;
        return TRUE;
      }
  return FALSE;
}

static void
gw_template_field_finalize (GObject *object)
{
  GwTemplateField *self = GW_TEMPLATE_FIELD (object);

  g_free (self->name);
  g_free (self->label);
  g_free (self->description);
  g_free (self->hint);
  g_free (self->default_value);
  g_strfreev (self->choices);
  g_clear_pointer (&self->pattern, g_regex_unref);
  g_free (self->separator);
  g_free (self->count_field);

  G_OBJECT_CLASS (gw_template_field_parent_class)->finalize (object);
}

static void
gw_template_field_class_init (GwTemplateFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_template_field_finalize;
}

static void
gw_template_field_init (GwTemplateField *self)
{
}

const char *
gw_template_field_get_name (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  return self->name;
}

const char *
gw_template_field_get_label (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  return self->label;
}

const char *
gw_template_field_get_description (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  return self->description;
}

const char *
gw_template_field_get_hint (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  return self->hint;
}

GwFieldType
gw_template_field_get_field_type (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), GW_FIELD_TEXT);
  return self->type;
}

gboolean
gw_template_field_get_required (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), FALSE);
  return self->required;
}

const char *
gw_template_field_get_default (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  return self->default_value;
}

const char * const *
gw_template_field_get_choices (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  return (const char * const *) self->choices;
}

void
gw_template_field_get_range (GwTemplateField *self,
                             double          *min,
                             double          *max)
{
  g_return_if_fail (GW_IS_TEMPLATE_FIELD (self));

  if (!self->has_min && !self->has_max)
    {
      if (min)
        *min = 1;
      if (max)
        *max = 0;
      return;
    }
  if (min)
    *min = self->has_min ? self->min : -G_MAXDOUBLE;
  if (max)
    *max = self->has_max ? self->max : G_MAXDOUBLE;
}

const char *
gw_template_field_get_separator (GwTemplateField *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  return self->separator;
}

static char *
range_message (GwTemplateField *self)
{
  g_autofree char *lo = gw_number_format (self->min, -1);
  g_autofree char *hi = gw_number_format (self->max, -1);

  if (self->has_min && self->has_max)
    return g_strdup_printf (_("Enter a number from %s to %s."), lo, hi);
  if (self->has_min)
    return g_strdup_printf (_("Enter a number of at least %s."), lo);
  return g_strdup_printf (_("Enter a number of at most %s."), hi);
}

static gboolean
in_range (GwTemplateField *self,
          double           v)
{
  return (!self->has_min || v >= self->min) && (!self->has_max || v <= self->max);
}

static gboolean
pattern_ok (GwTemplateField *self,
            const char      *value,
            char           **message)
{
  if (self->pattern == NULL || g_regex_match (self->pattern, value, 0, NULL))
    return TRUE;
  if (self->hint && *self->hint)
    *message = g_strdup_printf (_("“%s” does not have the expected form (%s)."), value, self->hint);
  else
    *message = g_strdup_printf (_("“%s” does not have the expected form."), value);
  return FALSE;
}

static gboolean
validate_date (GwTemplateField *self,
               const char      *value,
               char           **canonical,
               char           **message)
{
  g_autofree char *folded = fold_number (value);
  gboolean iso = self->date_format == DATE_ISO;
  GwDate date;

  switch (gw_date_parse (folded, iso ? GW_DATE_SEPARATED : GW_DATE_WORDS, &date))
    {
    case GW_DATE_NONE:
      if (iso)
        *message = g_strdup_printf (_("“%s” is not a date written as 2023-03-10."), value);
      else
        *message = g_strdup_printf (_("“%s” is not a date written as 2023年3月10日."), value);
      return FALSE;
    case GW_DATE_INVALID:
      *message = g_strdup_printf (_("“%s” is not a real date."), value);
      return FALSE;
    case GW_DATE_VALID:
    default:
      break;
    }
  if (iso)
    {
      /* 2023/3/10 and 2023.3.10 too: written out as 2023-03-10 */
      *canonical = g_strdup_printf ("%04u-%02u-%02u", date.year, date.month, date.day);
      return TRUE;
    }
  /* GB/T 9704 §7.3.5.4: Arabic numerals without leading zeros. */
  *canonical = g_strdup_printf ("%u年%u月%u日", date.year, date.month, date.day);
  if (date.flaws & GW_DATE_FLAW_LEADING_ZERO)
    {
      *message = g_strdup_printf (_("Write the month and day without leading zeros: %s."), *canonical);
      g_clear_pointer (canonical, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Checks @value (already trimmed, non-empty) and gives its canonical form:
 * numbers with full-width digits folded, dates as the format wants, list
 * items one per line. */
static gboolean
field_check_value (GwTemplateField *self,
                   const char      *value,
                   char           **canonical,
                   char           **message)
{
  switch (self->type)
    {
    case GW_FIELD_TEXT:
      if (!pattern_ok (self, value, message))
        return FALSE;
      *canonical = g_strdup (value);
      return TRUE;

    case GW_FIELD_INTEGER:
      {
        g_autofree char *folded = fold_number (value);
        gint64 v;

        if (!g_ascii_string_to_signed (folded[0] == '+' ? folded + 1 : folded, 10,
                                       G_MININT64, G_MAXINT64, &v, NULL))
          {
            *message = g_strdup_printf (_("“%s” is not a whole number."), value);
            return FALSE;
          }
        if (!in_range (self, (double) v))
          {
            *message = range_message (self);
            return FALSE;
          }
        *canonical = g_strdup_printf ("%" G_GINT64_FORMAT, v);
        return TRUE;
      }

    case GW_FIELD_PERCENTAGE:
      {
        g_autofree char *folded = fold_number (value);
        gsize len = strlen (folded);
        double v;

        if (len > 0 && folded[len - 1] == '%')
          {
            folded[--len] = '\0';
            g_strchomp (folded);
          }
        if (!parse_double (folded, &v))
          {
            *message = g_strdup_printf (_("“%s” is not a percentage; write a number such as 15 or 15%%."),
                                        value);
            return FALSE;
          }
        if (!in_range (self, v))
          {
            g_autofree char *lo = gw_number_format (self->min, -1);
            g_autofree char *hi = gw_number_format (self->max, -1);

            if (self->has_min && self->has_max)
              *message = g_strdup_printf (_("%s%% is outside the allowed %s%%–%s%%."), folded, lo, hi);
            else if (self->has_min)
              *message = g_strdup_printf (_("%s%% is below the allowed minimum of %s%%."), folded, lo);
            else
              *message = g_strdup_printf (_("%s%% is above the allowed maximum of %s%%."), folded, hi);
            return FALSE;
          }
        *canonical = gw_number_format (v, -1);
        return TRUE;
      }

    case GW_FIELD_DATE:
      return validate_date (self, value, canonical, message);

    case GW_FIELD_CHOICE:
      if (self->choices == NULL || !g_strv_contains ((const char * const *) self->choices, value))
        {
          g_autofree char *all = self->choices ? g_strjoinv ("、", self->choices) : g_strdup ("");
          *message = g_strdup_printf (_("“%s” is not one of the choices: %s."), value, all);
          return FALSE;
        }
      *canonical = g_strdup (value);
      return TRUE;

    case GW_FIELD_LIST:
      {
        g_autoptr(GPtrArray) items = split_list (value);

        if ((self->has_min && items->len < self->min) || (self->has_max && items->len > self->max))
          {
            if (self->has_min && self->has_max && self->min == self->max)
              *message = g_strdup_printf (_("Enter exactly %u items, one per line."), (guint) self->min);
            else if (self->has_min && items->len < self->min)
              *message = g_strdup_printf (_("Enter at least %u items, one per line."), (guint) self->min);
            else
              *message = g_strdup_printf (_("Enter at most %u items, one per line."), (guint) self->max);
            return FALSE;
          }
        for (guint i = 0; i < items->len; i++)
          if (!pattern_ok (self, g_ptr_array_index (items, i), message))
            return FALSE;
        g_ptr_array_add (items, NULL);
        *canonical = g_strjoinv ("\n", (char **) items->pdata);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Resolves @value for this field: NULL (not given) takes the default; the
 * result is trimmed, checked and made canonical. An empty result is fine
 * unless the field is required. */
static gboolean
field_resolve (GwTemplateField *self,
               const char      *value,
               char           **canonical,
               char           **message)
{
  g_autofree char *trimmed = NULL;

  *canonical = NULL;
  *message = NULL;
  trimmed = g_strstrip (g_strdup (value ? value : self->default_value ? self->default_value : ""));
  if (*trimmed == '\0')
    {
      if (self->required)
        {
          *message = g_strdup (_("This field is required."));
          return FALSE;
        }
      *canonical = g_strdup ("");
      return TRUE;
    }
  return field_check_value (self, trimmed, canonical, message);
}

gboolean
gw_template_field_validate (GwTemplateField  *self,
                            const char       *value,
                            char            **message)
{
  g_autofree char *canonical = NULL;
  g_autofree char *msg = NULL;
  gboolean ok;

  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), FALSE);

  ok = field_resolve (self, value ? value : "", &canonical, &msg);
  if (message)
    *message = g_steal_pointer (&msg);
  return ok;
}

char *
gw_template_field_format_date (GwTemplateField *self,
                               guint            year,
                               guint            month,
                               guint            day)
{
  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);
  g_return_val_if_fail (self->type == GW_FIELD_DATE, NULL);
  g_return_val_if_fail (g_date_valid_dmy (day, month, year), NULL);

  if (self->date_format == DATE_ISO)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return g_strdup_printf ("%u年%u月%u日", year, month, day);
}

char *
gw_template_field_normalize (GwTemplateField *self,
                             const char      *value)
{
  g_autofree char *msg = NULL;
  char *canonical = NULL;

  g_return_val_if_fail (GW_IS_TEMPLATE_FIELD (self), NULL);

  if (!field_resolve (self, value ? value : "", &canonical, &msg))
    return NULL;
  return canonical;
}

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

G_DEFINE_TYPE (GwTemplate, gw_template, G_TYPE_OBJECT)

static void
gw_template_finalize (GObject *object)
{
  GwTemplate *self = GW_TEMPLATE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->source);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->xml, xmlFreeDoc);

  G_OBJECT_CLASS (gw_template_parent_class)->finalize (object);
}

static void
gw_template_class_init (GwTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_template_finalize;
}

static void
gw_template_init (GwTemplate *self)
{
  self->fields = g_list_store_new (GW_TYPE_TEMPLATE_FIELD);
}

/* ---- safe parsing ------------------------------------------------------- */

static xmlDocPtr
parse_safely (const char  *data,
              gsize        size,
              const char  *name,
              GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  GwXmlProblem problem;

  if (size > GW_MAX_INPUT_SIZE)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TOO_LARGE,
                   _("%s: the template is larger than 16 MiB"), name);
      return NULL;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                   _("%s: a template must be UTF-8 text"), name);
      return NULL;
    }
  doc = _gw_xml_parse_safely (data, size, 0, &problem);
  switch (problem.status)
    {
    case GW_XML_OK:
      break;
    case GW_XML_NO_CONTEXT:
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: could not start reading the template"), name);
      break;
    case GW_XML_UNSAFE:
      g_set_error (error, GW_ERROR, GW_ERROR_UNSAFE,
                   _("%s:%u: refused: the template has a document type declaration "
                     "(<!DOCTYPE …>), which can declare entities that read other files "
                     "or exhaust memory; a template never has one"),
                   name, problem.line);
      break;
    case GW_XML_MALFORMED:
      if (problem.message)
        g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                     _("%s:%u: the template is not well-formed XML: %s"),
                     name, problem.line, problem.message);
      else
        g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                     _("%s: the template is not well-formed XML"), name);
      break;
    case GW_XML_WRONG_ENCODING:
      g_set_error (error, GW_ERROR, GW_ERROR_ENCODING,
                   _("%s:1: the template declares the encoding “%s”, but templates are always UTF-8"),
                   name, problem.message);
      break;
    }
  _gw_xml_problem_clear (&problem);
  return g_steal_pointer (&doc);
}

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

static gboolean
template_error (Ctx         *ctx,
                xmlNodePtr   node,
                GError     **error,
                const char  *format,
                ...) G_GNUC_PRINTF (4, 5);

static gboolean
template_error (Ctx         *ctx,
                xmlNodePtr   node,
                GError     **error,
                const char  *format,
                ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GW_ERROR, GW_ERROR_TEMPLATE, "%s:%ld: %s",
               ctx->template->source, node ? xmlGetLineNo (node) : 0L, msg);
  return FALSE;
}

static GwTemplateField *
find_field (GwTemplate *self,
            const char *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));

  for (guint i = 0; i < n; i++)
    {
      GwTemplateField *f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      g_object_unref (f);  /* the store keeps it alive */
      if (g_strcmp0 (f->name, name) == 0)
        return f;
    }
  return NULL;
}

static const char *
value_of (Ctx        *ctx,
          const char *name)
{
  const char *v = ctx->values ? g_hash_table_lookup (ctx->values, name) : NULL;
  return v ? v : "";
}

/* Expands one placeholder body "name|filter|filter". */
static gboolean
expand_placeholder (Ctx         *ctx,
                    xmlNodePtr   node,
                    const char  *spec,
                    GString     *out,
                    GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, "|", -1);
  GwTemplateField *field;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) items = NULL;

  for (guint i = 0; parts[i]; i++)
    g_strstrip (parts[i]);
  field = find_field (ctx->template, parts[0]);
  if (field == NULL)
    return template_error (ctx, node, error, _("the placeholder {{%s}} names no declared field"), parts[0]);

  if (field->type == GW_FIELD_LIST)
    {
      items = split_list (value_of (ctx, field->name));
      g_ptr_array_add (items, NULL);
      text = g_strjoinv (field->separator, (char **) items->pdata);
      g_ptr_array_remove_index (items, items->len - 1);
    }
  else
    text = g_strdup (value_of (ctx, field->name));

  for (guint i = 1; parts[i]; i++)
    {
      const char *filter = parts[i];

      if (g_str_equal (filter, "count"))
        {
          if (items == NULL)
            return template_error (ctx, node, error, _("the filter “count” applies to list fields only"));
          g_free (text);
          text = g_strdup_printf ("%u", items->len);
        }
      else if (g_str_equal (filter, "zh") || g_str_equal (filter, "zhcount"))
        {
          gint64 n = 0;

          if (items == NULL && field->type != GW_FIELD_INTEGER && i == 1)
            return template_error (ctx, node, error,
                                   _("the filter “%s” applies to integer fields and counts only"), filter);
          if (ctx->values && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &n, NULL))
            {
              g_free (text);
              text = n < 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n)
                           : gw_numeral_format ((guint64) n, g_str_equal (filter, "zhcount")
                                                             ? GW_NUMERAL_COUNT : GW_NUMERAL_DEFAULT);
            }
        }
      else if (g_str_has_prefix (filter, "join="))
        {
          if (items == NULL)
            return template_error (ctx, node, error, _("the filter “join” applies to list fields only"));
          g_ptr_array_add (items, NULL);
          g_free (text);
          text = g_strjoinv (filter + strlen ("join="), (char **) items->pdata);
          g_ptr_array_remove_index (items, items->len - 1);
        }
      else
        return template_error (ctx, node, error, _("unknown filter “%s” in {{%s}}"), filter, spec);
    }
  g_string_append (out, text);
  return TRUE;
}

/* Appends @text with its placeholders expanded. Whitespace runs holding a
 * line break are the template's indentation, not content (Chinese text
 * needs no spaces between lines), so they are dropped. */
static gboolean
expand_string (Ctx         *ctx,
               xmlNodePtr   node,
               const char  *text,
               GString     *out,
               GError     **error)
{
  const char *p = text;

  while (*p)
    {
      if (p[0] == '{' && p[1] == '{')
        {
          const char *end = strstr (p + 2, "}}");
          g_autofree char *spec = NULL;

          if (end == NULL)
            return template_error (ctx, node, error, _("a placeholder opened with {{ is never closed"));
          spec = g_strndup (p + 2, end - (p + 2));
          if (!expand_placeholder (ctx, node, spec, out, error))
            return FALSE;
          p = end + 2;
        }
      else if (g_ascii_isspace (*p))
        {
          const char *q = p;
          gboolean newline = FALSE;

          while (*q && g_ascii_isspace (*q))
            newline |= (*q++ == '\n');
          if (!newline)
            g_string_append_len (out, p, q - p);
          p = q;
        }
      else
        g_string_append_c (out, *p++);
    }
  return TRUE;
}

/* Whether the condition of an <if> element holds: field="x" with
 * equals="v", not-equals="v", empty="true"; plain field="x" means "not
 * empty". */
static gboolean
condition_check (Ctx         *ctx,
                 xmlNodePtr   node,
                 gboolean    *holds,
                 GError     **error)
{
  g_autofree char *name = get_attr (node, "field");
  g_autofree char *equals = get_attr (node, "equals");
  g_autofree char *not_equals = get_attr (node, "not-equals");
  g_autofree char *empty = get_attr (node, "empty");
  GwTemplateField *field;
  const char *value;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    if (!g_str_equal ((const char *) a->name, "field") && !g_str_equal ((const char *) a->name, "equals") &&
        !g_str_equal ((const char *) a->name, "not-equals") && !g_str_equal ((const char *) a->name, "empty"))
      return template_error (ctx, node, error, _("<if> has an unknown attribute “%s”"), (const char *) a->name);
  if (name == NULL || (field = find_field (ctx->template, name)) == NULL)
    return template_error (ctx, node, error, _("<if> must name a declared field in field=\"…\""));
  if (empty && !g_str_equal (empty, "true") && !g_str_equal (empty, "false"))
    return template_error (ctx, node, error, _("empty=\"…\" must be true or false"));
  if ((equals != NULL) + (not_equals != NULL) + (empty != NULL) > 1)
    return template_error (ctx, node, error, _("<if> takes only one of equals, not-equals and empty"));

  value = value_of (ctx, name);
  if (equals)
    *holds = g_str_equal (value, equals);
  else if (not_equals)
    *holds = !g_str_equal (value, not_equals);
  else if (empty && g_str_equal (empty, "true"))
    *holds = *value == '\0';
  else
    *holds = *value != '\0';
  return TRUE;
}

/* Mixed content: text with placeholders, inline <if> and <br/>. */
static gboolean
expand_inline (Ctx         *ctx,
               xmlNodePtr   parent,
               GString     *out,
               GError     **error)
{
  for (xmlNodePtr n = parent->children; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          if (!expand_string (ctx, n, (const char *) n->content, out, error))
            return FALSE;
        }
      else if (is_element (n, "if"))
        {
          gboolean holds;

          if (!condition_check (ctx, n, &holds, error))
            return FALSE;
          if ((holds || ctx->values == NULL) && !expand_inline (ctx, n, out, error))
            return FALSE;
        }
      else if (is_element (n, "br"))
        g_string_append_c (out, '\n');
      else if (n->type == XML_ELEMENT_NODE)
        return template_error (ctx, n, error, _("<%s> is not allowed inside text"), (const char *) n->name);
    }
  return TRUE;
}

static char *
expand_text (Ctx         *ctx,
             xmlNodePtr   node,
             GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!expand_inline (ctx, node, out, error))
    return NULL;
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
parse_uint_attr (Ctx         *ctx,
                 xmlNodePtr   node,
                 const char  *attr,
                 guint        lo,
                 guint        hi,
                 guint       *out,
                 GError     **error)
{
  g_autofree char *v = get_attr (node, attr);
  guint64 n;

  if (v == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (v, 10, lo, hi, &n, NULL))
    return template_error (ctx, node, error, _("%s=\"%s\" must be a whole number from %u to %u"),
                           attr, v, lo, hi);
  *out = (guint) n;
  return TRUE;
}

static gboolean
parse_double_attr (Ctx         *ctx,
                   xmlNodePtr   node,
                   const char  *attr,
                   gboolean     required,
                   double      *out,
                   GError     **error)
{
  g_autofree char *v = get_attr (node, attr);

  if (v == NULL)
    {
      if (required)
        return template_error (ctx, node, error, _("<%s> needs %s=\"…\""), (const char *) node->name, attr);
      return TRUE;
    }
  if (!parse_double (v, out))
    return template_error (ctx, node, error, _("%s=\"%s\" is not a number"), attr, v);
  return TRUE;
}

static void
append_block (Ctx     *ctx,
              GwBlock *block)
{
  if (ctx->doc)
    gw_document_append_block (ctx->doc, block);
  g_object_unref (block);
}

static gboolean
build_blocks (Ctx         *ctx,
              xmlNodePtr   parent,
              GError     **error)
{
  for (xmlNodePtr n = parent->children; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE)
        {
          for (const xmlChar *c = n->content; c && *c; c++)
            if (!g_ascii_isspace (*c))
              return template_error (ctx, n, error, _("text in <body> must be inside <p> or <heading>"));
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (n, "p"))
        {
          g_autofree char *text = expand_text (ctx, n, error);

          if (text == NULL)
            return FALSE;
          /* A paragraph emptied by its conditions is left out. */
          if (*text || ctx->values == NULL)
            append_block (ctx, gw_block_new (GW_BLOCK_PARAGRAPH, text));
        }
      else if (is_element (n, "heading"))
        {
          g_autofree char *text = NULL;
          g_autofree char *full = NULL;
          guint level = 0;
          GwHeadingMarker m;

          if (!parse_uint_attr (ctx, n, "level", 1, 4, &level, error))
            return FALSE;
          if (level == 0)
            return template_error (ctx, n, error, _("<heading> needs level=\"1\" to \"4\""));
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          /* Numbers are given here, not in the file, so that a heading left
           * out by a condition leaves no gap; a marker written by hand is
           * kept as it is. */
          ctx->counters[level]++;
          for (guint l = level + 1; l <= 4; l++)
            ctx->counters[l] = 0;
          if (gw_heading_marker_parse (text, &m) && m.level == level)
            full = g_steal_pointer (&text);
          else
            {
              g_autofree char *marker = gw_heading_marker_text (level, ctx->counters[level]);
              full = g_strconcat (marker, text, NULL);
            }
          append_block (ctx, gw_block_new_heading (level, full));
        }
      else if (is_element (n, "if"))
        {
          gboolean holds;

          if (!condition_check (ctx, n, &holds, error))
            return FALSE;
          if ((holds || ctx->values == NULL) && !build_blocks (ctx, n, error))
            return FALSE;
        }
      else if (is_element (n, "attachment-page"))
        {
          g_autofree char *title = NULL;
          guint number = 0;

          if (!parse_uint_attr (ctx, n, "number", 0, 999, &number, error))
            return FALSE;
          if ((title = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          append_block (ctx, gw_block_new_attachment (number, title));
        }
      else if (is_element (n, "table"))
        {
          g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

          for (xmlNodePtr r = n->children; r; r = r->next)
            {
              g_autoptr(GPtrArray) cells = NULL;

              if (!is_element (r, NULL))
                continue;
              if (!is_element (r, "row"))
                return template_error (ctx, r, error, _("<table> holds only <row> elements"));
              cells = g_ptr_array_new_with_free_func (g_free);
              for (xmlNodePtr c = r->children; c; c = c->next)
                {
                  char *text;

                  if (!is_element (c, NULL))
                    continue;
                  if (!is_element (c, "cell"))
                    return template_error (ctx, c, error, _("<row> holds only <cell> elements"));
                  if ((text = expand_text (ctx, c, error)) == NULL)
                    return FALSE;
                  g_ptr_array_add (cells, text);
                }
              g_ptr_array_add (cells, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
            }
          append_block (ctx, gw_block_new_table (rows));
        }
      else
        return template_error (ctx, n, error, _("<%s> is not allowed in <body>"), (const char *) n->name);
    }
  return TRUE;
}

static gboolean
build_attachments (Ctx         *ctx,
                   xmlNodePtr   node,
                   GError     **error)
{
  g_autofree char *from = get_attr (node, "field");

  if (from)
    {
      GwTemplateField *field = find_field (ctx->template, from);
      g_autoptr(GPtrArray) items = NULL;

      if (field == NULL || field->type != GW_FIELD_LIST)
        return template_error (ctx, node, error, _("<attachments field=\"%s\"> must name a list field"), from);
      items = split_list (value_of (ctx, from));
      for (guint i = 0; ctx->doc && i < items->len; i++)
        gw_document_add_attachment (ctx->doc, g_ptr_array_index (items, i), 0);
    }
  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      g_autofree char *text = NULL;

      if (!is_element (n, NULL))
        continue;
      if (!is_element (n, "attachment"))
        return template_error (ctx, n, error, _("<attachments> holds only <attachment> elements"));
      if ((text = expand_text (ctx, n, error)) == NULL)
        return FALSE;
      if (*text && ctx->doc)
        gw_document_add_attachment (ctx->doc, text, 0);
    }
  return TRUE;
}

static gboolean
build_evaluation (Ctx         *ctx,
                  xmlNodePtr   node,
                  GError     **error)
{
  g_autoptr(GwEvaluation) ev = gw_evaluation_new ();
  double step = 0.5;

  if (ctx->template->kind != GW_DOCUMENT_KIND_EVALUATION)
    return template_error (ctx, node, error, _("<evaluation> belongs in templates of kind “evaluation”"));
  if (!parse_double_attr (ctx, node, "step", FALSE, &step, error))
    return FALSE;
  if (!(step > 0))
    return template_error (ctx, node, error, _("step=\"…\" must be greater than 0"));
  gw_evaluation_set_step (ev, step);

  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      if (!is_element (n, NULL))
        continue;

      if (is_element (n, "header"))
        {
          g_autofree char *name = get_attr (n, "field");
          g_autofree char *text = NULL;
          GwEvalField f;

          if (!gw_eval_field_from_string (name, &f))
            return template_error (ctx, n, error, _("<header field=\"%s\"> names no field of the form"),
                                   name ? name : "");
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          gw_evaluation_set_field (ev, f, text);
        }
      else if (is_element (n, "evaluators"))
        {
          g_autofree char *name = get_attr (n, "field");
          GwTemplateField *field = name ? find_field (ctx->template, name) : NULL;
          g_autoptr(GPtrArray) items = NULL;

          if (field == NULL || field->type != GW_FIELD_LIST)
            return template_error (ctx, n, error, _("<evaluators> must name a list field in field=\"…\""));
          items = split_list (value_of (ctx, name));
          g_ptr_array_add (items, NULL);
          gw_evaluation_set_evaluators (ev, (const char * const *) items->pdata);
        }
      else if (is_element (n, "section"))
        {
          g_autofree char *id = get_attr (n, "id");
          g_autofree char *name = get_attr (n, "name");
          g_autoptr(GwEvalSection) section = NULL;
          double max = 0;

          if (id == NULL || name == NULL)
            return template_error (ctx, n, error, _("<section> needs id=\"…\" and name=\"…\""));
          if (!parse_double_attr (ctx, n, "max", TRUE, &max, error))
            return FALSE;
          if (gw_evaluation_find_section (ev, id))
            return template_error (ctx, n, error, _("a second section with id “%s”"), id);
          section = gw_eval_section_new (id, name, max);
          for (xmlNodePtr i = n->children; i; i = i->next)
            {
              g_autofree char *iid = NULL;
              g_autofree char *iname = NULL;
              g_autofree char *by = NULL;
              g_autoptr(GwIndicator) ind = NULL;
              double imax = 0;

              if (!is_element (i, NULL))
                continue;
              if (!is_element (i, "indicator"))
                return template_error (ctx, i, error, _("<section> holds only <indicator> elements"));
              iid = get_attr (i, "id");
              if (iid == NULL)
                return template_error (ctx, i, error, _("<indicator> needs id=\"…\""));
              if (gw_evaluation_find_indicator (ev, iid) || gw_eval_section_find_indicator (section, iid))
                return template_error (ctx, i, error, _("a second indicator with id “%s”"), iid);
              if (!parse_double_attr (ctx, i, "max", TRUE, &imax, error))
                return FALSE;
              if ((iname = expand_text (ctx, i, error)) == NULL)
                return FALSE;
              ind = gw_indicator_new (iid, iname, imax);
              by = get_attr (i, "scored-by");
              gw_indicator_set_scored_by (ind, by);
              gw_eval_section_add_indicator (section, ind);
            }
          gw_evaluation_add_section (ev, section);
        }
      else if (is_element (n, "veto"))
        {
          g_autofree char *text = expand_text (ctx, n, error);
          g_autoptr(GwVetoItem) item = NULL;

          if (text == NULL)
            return FALSE;
          item = gw_veto_item_new (text, FALSE);
          gw_evaluation_add_veto_item (ev, item);
        }
      else if (is_element (n, "grade"))
        {
          g_autofree char *name = get_attr (n, "name");
          double min = 0;

          if (name == NULL || *name == '\0')
            return template_error (ctx, n, error, _("<grade> needs name=\"…\""));
          if (!parse_double_attr (ctx, n, "min", TRUE, &min, error))
            return FALSE;
          gw_evaluation_add_grade (ev, name, min);
        }
      else if (is_element (n, "decision"))
        {
          g_autofree char *grade = get_attr (n, "grade");
          g_autofree char *text = NULL;
          guint year = 0;

          if (!parse_uint_attr (ctx, n, "cycle-year", 0, 100, &year, error))
            return FALSE;
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          if (*text == '\0')
            return template_error (ctx, n, error, _("<decision> needs the decision as its text"));
          gw_evaluation_add_decision (ev, year, grade, text);
        }
      else
        return template_error (ctx, n, error, _("<%s> is not allowed in <evaluation>"), (const char *) n->name);
    }

  /* Decisions must name grades of the scale, or the table could never
   * apply; catch the typo here rather than on a user's form. */
  for (guint i = 0; i < gw_evaluation_get_decisions (ev)->len; i++)
    {
      GwDecisionRule *r = g_ptr_array_index (gw_evaluation_get_decisions (ev), i);
      gboolean known = r->grade == NULL;

      for (guint j = 0; !known && j < gw_evaluation_get_grades (ev)->len; j++)
        known = g_str_equal (((GwGrade *) g_ptr_array_index (gw_evaluation_get_grades (ev), j))->name,
                             r->grade);
      if (!known)
        return template_error (ctx, node, error, _("the decision table names the grade “%s”, which the scale lacks"),
                               r->grade);
    }

  if (ctx->doc)
    gw_document_set_evaluation (ctx->doc, ev);
  return TRUE;
}

static gboolean
build_document (Ctx         *ctx,
                GError     **error)
{
  xmlNodePtr node = ctx->template->document;
  g_autofree char *sealed = get_attr (node, "sealed");
  gboolean have_evaluation = FALSE;

  if (sealed && !g_str_equal (sealed, "true") && !g_str_equal (sealed, "false"))
    return template_error (ctx, node, error, _("sealed=\"…\" must be true or false"));
  if (ctx->doc)
    gw_document_set_sealed (ctx->doc, sealed && g_str_equal (sealed, "true"));
  memset (ctx->counters, 0, sizeof ctx->counters);

  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      if (!is_element (n, NULL))
        continue;

      if (is_element (n, "meta"))
        {
          g_autofree char *name = get_attr (n, "name");
          g_autofree char *text = NULL;
          GwMeta meta;

          if (!gw_meta_from_string (name, &meta))
            return template_error (ctx, n, error, _("<meta name=\"%s\"> names no metadata element"),
                                   name ? name : "");
          if ((text = expand_text (ctx, n, error)) == NULL)
            return FALSE;
          if (ctx->doc)
            gw_document_set_meta (ctx->doc, meta, text);
        }
      else if (is_element (n, "attachments"))
        {
          if (!build_attachments (ctx, n, error))
            return FALSE;
        }
      else if (is_element (n, "body"))
        {
          if (!build_blocks (ctx, n, error))
            return FALSE;
        }
      else if (is_element (n, "evaluation"))
        {
          if (have_evaluation)
            return template_error (ctx, n, error, _("a second <evaluation>"));
          have_evaluation = TRUE;
          if (!build_evaluation (ctx, n, error))
            return FALSE;
        }
      else
        return template_error (ctx, n, error, _("<%s> is not allowed in <document>"), (const char *) n->name);
    }
  if (ctx->template->kind == GW_DOCUMENT_KIND_EVALUATION && !have_evaluation)
    return template_error (ctx, node, error, _("an evaluation template needs an <evaluation> element"));
  return TRUE;
}

/* ---- loading ------------------------------------------------------------ */

/* The child @name whose xml:lang fits the user's languages best, else the
 * one without xml:lang. Shipped templates carry Chinese text without
 * xml:lang and may add English (xml:lang="en") for other locales. */
static xmlNodePtr
localized_child (xmlNodePtr  parent,
                 const char *name)
{
  const char * const *langs = g_get_language_names ();
  xmlNodePtr fallback = NULL;
  xmlNodePtr best = NULL;
  guint best_rank = G_MAXUINT;

  for (xmlNodePtr n = parent->children; n; n = n->next)
    {
      xmlChar *lang;

      if (!is_element (n, name))
        continue;
      /* Only the element's own xml:lang: xmlNodeGetLang() would inherit one
       * from <template>, and a label in the template's main language is
       * the fallback, not a variant. */
      lang = xmlGetNsProp (n, (const xmlChar *) "lang", XML_XML_NAMESPACE);
      if (lang == NULL)
        {
          if (fallback == NULL)
            fallback = n;
          continue;
        }
      {
        g_autofree char *norm = g_strdelimit (g_strdup ((const char *) lang), "-", '_');

        for (guint i = 0; langs[i] && i < best_rank; i++)
          if (g_str_equal (langs[i], norm))
            {
              best = n;
              best_rank = i;
            }
      }
      xmlFree (lang);
    }
  return best ? best : fallback;
}

static char *
localized_text (xmlNodePtr  parent,
                const char *name)
{
  xmlNodePtr n = localized_child (parent, name);
  char *text;

  if (n == NULL)
    return g_strdup ("");
  text = node_text (n);
  return g_strstrip (text);
}

static gboolean
valid_name (const char *name)
{
  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static const char *field_attributes[] = {
  "name", "type", "required", "min", "max", "separator", "format", "count-field", NULL,
};

static gboolean
load_field (Ctx         *ctx,
            xmlNodePtr   node,
            GError     **error)
{
  g_autoptr(GwTemplateField) f = g_object_new (GW_TYPE_TEMPLATE_FIELD, NULL);
  g_autofree char *type = get_attr (node, "type");
  g_autofree char *required = get_attr (node, "required");
  g_autofree char *format = get_attr (node, "format");
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  xmlNodePtr def;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    if (!g_strv_contains (field_attributes, (const char *) a->name))
      return template_error (ctx, node, error, _("<field> has an unknown attribute “%s”"), (const char *) a->name);

  f->name = get_attr (node, "name");
  if (!valid_name (f->name))
    return template_error (ctx, node, error,
                           _("a field needs a name of lower-case letters, digits and hyphens, such as “doc-number”"));
  if (find_field (ctx->template, f->name))
    return template_error (ctx, node, error, _("a second field named “%s”"), f->name);
  if (type == NULL)
    f->type = GW_FIELD_TEXT;
  else if (!gw_field_type_from_string (type, &f->type))
    return template_error (ctx, node, error,
                           _("the field “%s” has the unknown type “%s” (text, integer, percentage, date, choice or list)"),
                           f->name, type);
  if (required && !g_str_equal (required, "true") && !g_str_equal (required, "false"))
    return template_error (ctx, node, error, _("required=\"…\" must be true or false"));
  f->required = required && g_str_equal (required, "true");

  f->label = localized_text (node, "label");
  if (*f->label == '\0')
    return template_error (ctx, node, error, _("the field “%s” has no <label>"), f->name);
  f->description = localized_text (node, "description");
  f->hint = localized_text (node, "hint");

  f->has_min = xmlHasProp (node, (const xmlChar *) "min") != NULL;
  f->has_max = xmlHasProp (node, (const xmlChar *) "max") != NULL;
  if (!parse_double_attr (ctx, node, "min", FALSE, &f->min, error) ||
      !parse_double_attr (ctx, node, "max", FALSE, &f->max, error))
    return FALSE;
  if ((f->has_min || f->has_max) &&
      f->type != GW_FIELD_INTEGER && f->type != GW_FIELD_PERCENTAGE && f->type != GW_FIELD_LIST)
    return template_error (ctx, node, error, _("min and max apply to integer, percentage and list fields only"));
  if (f->has_min && f->has_max && f->min > f->max)
    return template_error (ctx, node, error, _("min is greater than max"));

  f->separator = get_attr (node, "separator");
  if (f->separator == NULL)
    f->separator = g_strdup ("、");
  f->count_field = get_attr (node, "count-field");
  if (f->count_field && f->type != GW_FIELD_LIST)
    return template_error (ctx, node, error, _("count-field applies to list fields only"));

  if (format == NULL || g_str_equal (format, "chinese"))
    f->date_format = DATE_CHINESE;
  else if (g_str_equal (format, "iso"))
    f->date_format = DATE_ISO;
  else
    return template_error (ctx, node, error, _("format=\"%s\" must be chinese or iso"), format);
  if (format && f->type != GW_FIELD_DATE)
    return template_error (ctx, node, error, _("format applies to date fields only"));

  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      if (!is_element (n, NULL))
        continue;
      if (is_element (n, "choice"))
        g_ptr_array_add (choices, g_strstrip (node_text (n)));
      else if (is_element (n, "pattern"))
        {
          g_autofree char *src = g_strstrip (node_text (n));
          g_autofree char *anchored = g_strdup_printf ("\\A(?:%s)\\z", src);
          g_autoptr(GError) local = NULL;

          if (f->type != GW_FIELD_TEXT && f->type != GW_FIELD_LIST)
            return template_error (ctx, n, error, _("<pattern> applies to text and list fields only"));
          g_clear_pointer (&f->pattern, g_regex_unref);
          f->pattern = g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, &local);
          if (f->pattern == NULL)
            return template_error (ctx, n, error, _("the pattern is not a valid regular expression: %s"),
                                   local->message);
        }
      else if (!is_element (n, "label") && !is_element (n, "description") &&
               !is_element (n, "hint") && !is_element (n, "default"))
        return template_error (ctx, n, error, _("<%s> is not allowed in <field>"), (const char *) n->name);
    }
  if (f->type == GW_FIELD_CHOICE && choices->len == 0)
    return template_error (ctx, node, error, _("the choice field “%s” lists no <choice>"), f->name);
  if (f->type != GW_FIELD_CHOICE && choices->len > 0)
    return template_error (ctx, node, error, _("<choice> applies to choice fields only"));
  if (choices->len > 0)
    {
      g_ptr_array_add (choices, NULL);
      f->choices = (GStrv) g_ptr_array_steal (choices, NULL);
    }

  /* A list default holds one <item> per entry; others are plain text. */
  def = NULL;
  for (xmlNodePtr n = node->children; n; n = n->next)
    if (is_element (n, "default"))
      def = n;
  if (def)
    {
      if (f->type == GW_FIELD_LIST)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

          for (xmlNodePtr n = def->children; n; n = n->next)
            if (is_element (n, "item"))
              g_ptr_array_add (items, g_strstrip (node_text (n)));
          g_ptr_array_add (items, NULL);
          f->default_value = g_strjoinv ("\n", (char **) items->pdata);
        }
      else
        f->default_value = g_strstrip (node_text (def));
    }
  else
    f->default_value = g_strdup ("");

  if (*f->default_value)
    {
      g_autofree char *msg = NULL;
      g_autofree char *canonical = NULL;

      if (!field_check_value (f, f->default_value, &canonical, &msg))
        return template_error (ctx, def, error, _("the default of “%s” is invalid: %s"), f->name, msg);
    }

  g_list_store_append (ctx->template->fields, f);
  return TRUE;
}

/* Takes ownership of @xml. */
static GwTemplate *
template_load (xmlDocPtr    xml,
               const char  *source,
               GError     **error)
{
  g_autoptr(GwTemplate) self = g_object_new (GW_TYPE_TEMPLATE, NULL);
  xmlNodePtr root = xmlDocGetRootElement (xml);
  g_autofree char *kind = NULL;
  g_autofree char *format = NULL;
  Ctx ctx = { self, };
  guint n_fields;

  self->xml = xml;
  self->source = g_strdup (source);

  if (!is_element (root, "template") || root->ns != NULL)
    {
      template_error (&ctx, root, error, _("this is not a Gongwen template (the root element must be <template>)"));
      return NULL;
    }
  format = get_attr (root, "format");
  if (format && !g_str_equal (format, "1"))
    {
      template_error (&ctx, root, error, _("template format “%s” is newer than this version of Gongwen reads"),
                      format);
      return NULL;
    }
  self->id = get_attr (root, "id");
  if (!valid_name (self->id))
    {
      template_error (&ctx, root, error,
                      _("a template needs an id of lower-case letters, digits and hyphens, such as “opinion”"));
      return NULL;
    }
  kind = get_attr (root, "kind");
  if (!gw_document_kind_from_string (kind, &self->kind))
    {
      template_error (&ctx, root, error, _("kind=\"…\" must be opinion or evaluation"));
      return NULL;
    }
  self->name = localized_text (root, "name");
  if (*self->name == '\0')
    {
      template_error (&ctx, root, error, _("the template has no <name>"));
      return NULL;
    }
  self->description = localized_text (root, "description");

  for (xmlNodePtr n = root->children; n; n = n->next)
    {
      if (!is_element (n, NULL))
        continue;
      if (is_element (n, "fields"))
        {
          for (xmlNodePtr f = n->children; f; f = f->next)
            {
              if (!is_element (f, NULL))
                continue;
              if (!is_element (f, "field"))
                {
                  template_error (&ctx, f, error, _("<fields> holds only <field> elements"));
                  return NULL;
                }
              if (!load_field (&ctx, f, error))
                return NULL;
            }
        }
      else if (is_element (n, "document"))
        {
          if (self->document)
            {
              template_error (&ctx, n, error, _("a second <document>"));
              return NULL;
            }
          self->document = n;
        }
      else if (!is_element (n, "name") && !is_element (n, "description"))
        {
          template_error (&ctx, n, error, _("<%s> is not allowed in <template>"), (const char *) n->name);
          return NULL;
        }
    }
  if (self->document == NULL)
    {
      template_error (&ctx, root, error, _("the template has no <document>"));
      return NULL;
    }

  n_fields = g_list_model_get_n_items (G_LIST_MODEL (self->fields));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      GwTemplateField *other;

      if (f->count_field == NULL)
        continue;
      other = find_field (self, f->count_field);
      if (other == NULL || other->type != GW_FIELD_INTEGER)
        {
          template_error (&ctx, root, error, _("count-field=\"%s\" of “%s” must name an integer field"),
                          f->count_field, f->name);
          return NULL;
        }
    }

  /* Dry run: every placeholder, condition and element is checked now, so
   * a broken template fails when loaded, not when a user fills it in. */
  if (!build_document (&ctx, error))
    return NULL;
  return g_steal_pointer (&self);
}

GwTemplate *
gw_template_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  xmlDocPtr xml;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "template";
  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the template is empty"), display_name);
      return NULL;
    }
  xml = parse_safely (data, size, display_name, error);
  if (xml == NULL)
    return NULL;
  return template_load (xml, display_name, error);
}

GwTemplate *
gw_template_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  display = g_filename_display_name (path);
  bytes = gw_file_read_named (file, display, GW_MAX_INPUT_SIZE, error);
  if (bytes == NULL)
    return NULL;
  return gw_template_new_from_bytes (bytes, display, error);
}

GwTemplate *
gw_template_new_from_resource (const char  *resource_path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Ask the core's own bundle first: naming it also makes the linker keep
   * it, since the core is a static library. Other paths (a resource of the
   * app) go through the global registry. */
  if (g_str_has_prefix (resource_path, RESOURCE_BASE))
    bytes = g_resource_lookup_data (gw_core_get_resource (), resource_path,
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  else
    bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return gw_template_new_from_bytes (bytes, resource_path, error);
}

const char *
gw_template_get_id (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->id;
}

const char *
gw_template_get_name (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->name;
}

const char *
gw_template_get_description (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->description;
}

const char *
gw_template_get_source (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return self->source;
}

GwDocumentKind
gw_template_get_kind (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), GW_DOCUMENT_KIND_OPINION);
  return self->kind;
}

GListModel *
gw_template_get_fields (GwTemplate *self)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return G_LIST_MODEL (self->fields);
}

GwTemplateField *
gw_template_get_field (GwTemplate *self,
                       const char *name)
{
  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  return find_field (self, name);
}

GHashTable *
gw_template_get_defaults (GwTemplate *self)
{
  GHashTable *values;
  guint n;

  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      g_hash_table_insert (values, g_strdup (f->name), g_strdup (f->default_value));
    }
  return values;
}

GwDocument *
gw_template_instantiate (GwTemplate  *self,
                         GHashTable  *values,
                         GHashTable  *field_errors,
                         GError     **error)
{
  g_autoptr(GHashTable) resolved = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GString) summary = NULL;
  guint n, n_bad = 0;
  Ctx ctx = { self, };

  g_return_val_if_fail (GW_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  resolved = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  summary = g_string_new (NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->fields));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
        g_autofree char *canonical = NULL;
        g_autofree char *message = NULL;

        if (pass == 0)
          {
            const char *given = values ? g_hash_table_lookup (values, f->name) : NULL;

            if (field_resolve (f, given, &canonical, &message))
              g_hash_table_insert (resolved, f->name, g_steal_pointer (&canonical));
          }
        else if (f->count_field && g_hash_table_contains (resolved, f->name) &&
                 g_hash_table_contains (resolved, f->count_field))
          {
            /* Cross-field: as many list items as the integer field says. */
            g_autoptr(GPtrArray) items = split_list (g_hash_table_lookup (resolved, f->name));
            const char *count = g_hash_table_lookup (resolved, f->count_field);
            GwTemplateField *other = find_field (self, f->count_field);

            if (*count && items->len > 0 &&
                g_ascii_strtoll (count, NULL, 10) != items->len)
              message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u item is listed, but “%s” is %s.",
                                                      "%u items are listed, but “%s” is %s.",
                                                      items->len),
                                         items->len, other->label, count);
          }
        if (message)
          {
            n_bad++;
            if (summary->len)
              g_string_append (summary, "; ");
            g_string_append_printf (summary, "%s: %s", f->label, message);
            if (field_errors)
              g_hash_table_replace (field_errors, g_strdup (f->name), g_steal_pointer (&message));
          }
      }

  if (n_bad > 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_TEMPLATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u field is missing or invalid: %s",
                                "%s: %u fields are missing or invalid: %s", n_bad),
                   self->name, n_bad, summary->str);
      return NULL;
    }

  doc = gw_document_new (self->kind);
  gw_document_set_template_id (doc, self->id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      gw_document_set_field (doc, f->name, g_hash_table_lookup (resolved, f->name));
    }
  ctx.values = resolved;
  ctx.doc = doc;
  if (!build_document (&ctx, error))
    return NULL;
  return g_steal_pointer (&doc);
}

/* ---- the catalogue ------------------------------------------------------ */

static GPtrArray *
builtin_templates (void)
{
  static GPtrArray *builtins;

  if (g_once_init_enter (&builtins))
    {
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (builtin_resources); i++)
        {
          g_autoptr(GError) error = NULL;
          GwTemplate *t = gw_template_new_from_resource (builtin_resources[i], &error);

          /* A shipped template that fails to load is a build bug; the tests
           * load each one, so this only guards against a broken install. */
          if (t == NULL)
            g_critical ("%s", error->message);
          else
            g_ptr_array_add (list, t);
        }
      g_once_init_leave (&builtins, list);
    }
  return builtins;
}

char *
gw_template_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "gongwen", "templates", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GListModel *
gw_template_list_all (void)
{
  GListStore *store = g_list_store_new (GW_TYPE_TEMPLATE);
  GPtrArray *builtins = builtin_templates ();
  g_autofree char *dir_path = gw_template_get_user_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;

  for (guint i = 0; i < builtins->len; i++)
    {
      GwTemplate *t = g_ptr_array_index (builtins, i);
      g_list_store_append (store, t);
      g_hash_table_add (ids, t->id);
    }

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return G_LIST_MODEL (store);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GwTemplate) t = gw_template_new_from_file (path, &error);

      if (t == NULL)
        {
          g_warning ("Skipping template: %s", error->message);
          continue;
        }
      if (g_hash_table_contains (ids, t->id))
        {
          g_warning ("Skipping template %s: another template already has the id “%s”", path, t->id);
          continue;
        }
      g_hash_table_add (ids, t->id);
      g_list_store_append (store, t);
    }
  return G_LIST_MODEL (store);
}

GwTemplate *
gw_template_find (const char *id)
{
  g_autoptr(GListModel) all = NULL;
  guint n;

  g_return_val_if_fail (id != NULL, NULL);

  /* Built-in ids first, without touching the user's folder. */
  for (guint i = 0; i < builtin_templates ()->len; i++)
    {
      GwTemplate *t = g_ptr_array_index (builtin_templates (), i);
      if (g_str_equal (t->id, id))
        return g_object_ref (t);
    }
  all = gw_template_list_all ();
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwTemplate) t = g_list_model_get_item (all, i);
      if (g_str_equal (t->id, id))
        return g_steal_pointer (&t);
    }
  return NULL;
}
