/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-template"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-numeral.h"
#include "gw-template-private.h"
#include "gw-text.h"

/* ---- small helpers ------------------------------------------------------ */

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
GPtrArray *
_gw_template_split_list (const char *value)
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
gboolean
_gw_template_field_check_value (GwTemplateField *self,
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
        g_autoptr(GPtrArray) items = _gw_template_split_list (value);

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
gboolean
_gw_template_field_resolve (GwTemplateField *self,
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
  return _gw_template_field_check_value (self, trimmed, canonical, message);
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

  ok = _gw_template_field_resolve (self, value ? value : "", &canonical, &msg);
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

  if (!_gw_template_field_resolve (self, value ? value : "", &canonical, &msg))
    return NULL;
  return canonical;
}
