/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gw-core-resources.h"
#include "gw-error.h"
#include "gw-file.h"
#include "gw-template-private.h"
#include "gw-xml-private.h"

static char *
node_text (xmlNodePtr node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *copy = g_strdup (v ? (const char *) v : "");

  xmlFree (v);
  return copy;
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

      if (!_gw_template_is_element (n, name))
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
  g_autofree char *type = _gw_template_get_attr (node, "type");
  g_autofree char *required = _gw_template_get_attr (node, "required");
  g_autofree char *format = _gw_template_get_attr (node, "format");
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  xmlNodePtr def;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    if (!g_strv_contains (field_attributes, (const char *) a->name))
      return _gw_template_error (ctx, node, error, _("<field> has an unknown attribute “%s”"), (const char *) a->name);

  f->name = _gw_template_get_attr (node, "name");
  if (!valid_name (f->name))
    return _gw_template_error (ctx, node, error,
                               _("a field needs a name of lower-case letters, digits and hyphens, such as “doc-number”"));
  if (_gw_template_find_field (ctx->template, f->name))
    return _gw_template_error (ctx, node, error, _("a second field named “%s”"), f->name);
  if (type == NULL)
    f->type = GW_FIELD_TEXT;
  else if (!gw_field_type_from_string (type, &f->type))
    return _gw_template_error (ctx, node, error,
                               _("the field “%s” has the unknown type “%s” (text, integer, percentage, date, choice or list)"),
                               f->name, type);
  if (required && !g_str_equal (required, "true") && !g_str_equal (required, "false"))
    return _gw_template_error (ctx, node, error, _("required=\"…\" must be true or false"));
  f->required = required && g_str_equal (required, "true");

  f->label = localized_text (node, "label");
  if (*f->label == '\0')
    return _gw_template_error (ctx, node, error, _("the field “%s” has no <label>"), f->name);
  f->description = localized_text (node, "description");
  f->hint = localized_text (node, "hint");

  f->has_min = xmlHasProp (node, (const xmlChar *) "min") != NULL;
  f->has_max = xmlHasProp (node, (const xmlChar *) "max") != NULL;
  if (!_gw_template_parse_double_attr (ctx, node, "min", FALSE, &f->min, error) ||
      !_gw_template_parse_double_attr (ctx, node, "max", FALSE, &f->max, error))
    return FALSE;
  if ((f->has_min || f->has_max) &&
      f->type != GW_FIELD_INTEGER && f->type != GW_FIELD_PERCENTAGE && f->type != GW_FIELD_LIST)
    return _gw_template_error (ctx, node, error, _("min and max apply to integer, percentage and list fields only"));
  if (f->has_min && f->has_max && f->min > f->max)
    return _gw_template_error (ctx, node, error, _("min is greater than max"));

  f->separator = _gw_template_get_attr (node, "separator");
  if (f->separator == NULL)
    f->separator = g_strdup ("、");
  f->count_field = _gw_template_get_attr (node, "count-field");
  if (f->count_field && f->type != GW_FIELD_LIST)
    return _gw_template_error (ctx, node, error, _("count-field applies to list fields only"));

  if (format == NULL || g_str_equal (format, "chinese"))
    f->date_format = DATE_CHINESE;
  else if (g_str_equal (format, "iso"))
    f->date_format = DATE_ISO;
  else
    return _gw_template_error (ctx, node, error, _("format=\"%s\" must be chinese or iso"), format);
  if (format && f->type != GW_FIELD_DATE)
    return _gw_template_error (ctx, node, error, _("format applies to date fields only"));

  for (xmlNodePtr n = node->children; n; n = n->next)
    {
      if (!_gw_template_is_element (n, NULL))
        continue;
      if (_gw_template_is_element (n, "choice"))
        g_ptr_array_add (choices, g_strstrip (node_text (n)));
      else if (_gw_template_is_element (n, "pattern"))
        {
          g_autofree char *src = g_strstrip (node_text (n));
          g_autofree char *anchored = g_strdup_printf ("\\A(?:%s)\\z", src);
          g_autoptr(GError) local = NULL;

          if (f->type != GW_FIELD_TEXT && f->type != GW_FIELD_LIST)
            return _gw_template_error (ctx, n, error, _("<pattern> applies to text and list fields only"));
          g_clear_pointer (&f->pattern, g_regex_unref);
          f->pattern = g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, &local);
          if (f->pattern == NULL)
            return _gw_template_error (ctx, n, error, _("the pattern is not a valid regular expression: %s"),
                                       local->message);
        }
      else if (!_gw_template_is_element (n, "label") && !_gw_template_is_element (n, "description") &&
               !_gw_template_is_element (n, "hint") && !_gw_template_is_element (n, "default"))
        return _gw_template_error (ctx, n, error, _("<%s> is not allowed in <field>"), (const char *) n->name);
    }
  if (f->type == GW_FIELD_CHOICE && choices->len == 0)
    return _gw_template_error (ctx, node, error, _("the choice field “%s” lists no <choice>"), f->name);
  if (f->type != GW_FIELD_CHOICE && choices->len > 0)
    return _gw_template_error (ctx, node, error, _("<choice> applies to choice fields only"));
  if (choices->len > 0)
    {
      g_ptr_array_add (choices, NULL);
      f->choices = (GStrv) g_ptr_array_steal (choices, NULL);
    }

  /* A list default holds one <item> per entry; others are plain text. */
  def = NULL;
  for (xmlNodePtr n = node->children; n; n = n->next)
    if (_gw_template_is_element (n, "default"))
      def = n;
  if (def)
    {
      if (f->type == GW_FIELD_LIST)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

          for (xmlNodePtr n = def->children; n; n = n->next)
            if (_gw_template_is_element (n, "item"))
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

      if (!_gw_template_field_check_value (f, f->default_value, &canonical, &msg))
        return _gw_template_error (ctx, def, error, _("the default of “%s” is invalid: %s"), f->name, msg);
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

  if (!_gw_template_is_element (root, "template") || root->ns != NULL)
    {
      _gw_template_error (&ctx, root, error, _("this is not a Gongwen template (the root element must be <template>)"));
      return NULL;
    }
  format = _gw_template_get_attr (root, "format");
  if (format && !g_str_equal (format, "1"))
    {
      _gw_template_error (&ctx, root, error, _("template format “%s” is newer than this version of Gongwen reads"),
                          format);
      return NULL;
    }
  self->id = _gw_template_get_attr (root, "id");
  if (!valid_name (self->id))
    {
      _gw_template_error (&ctx, root, error,
                          _("a template needs an id of lower-case letters, digits and hyphens, such as “opinion”"));
      return NULL;
    }
  kind = _gw_template_get_attr (root, "kind");
  if (!gw_document_kind_from_string (kind, &self->kind))
    {
      _gw_template_error (&ctx, root, error, _("kind=\"…\" must be opinion or evaluation"));
      return NULL;
    }
  self->name = localized_text (root, "name");
  if (*self->name == '\0')
    {
      _gw_template_error (&ctx, root, error, _("the template has no <name>"));
      return NULL;
    }
  self->description = localized_text (root, "description");

  for (xmlNodePtr n = root->children; n; n = n->next)
    {
      if (!_gw_template_is_element (n, NULL))
        continue;
      if (_gw_template_is_element (n, "fields"))
        {
          for (xmlNodePtr f = n->children; f; f = f->next)
            {
              if (!_gw_template_is_element (f, NULL))
                continue;
              if (!_gw_template_is_element (f, "field"))
                {
                  _gw_template_error (&ctx, f, error, _("<fields> holds only <field> elements"));
                  return NULL;
                }
              if (!load_field (&ctx, f, error))
                return NULL;
            }
        }
      else if (_gw_template_is_element (n, "document"))
        {
          if (self->document)
            {
              _gw_template_error (&ctx, n, error, _("a second <document>"));
              return NULL;
            }
          self->document = n;
        }
      else if (!_gw_template_is_element (n, "name") && !_gw_template_is_element (n, "description"))
        {
          _gw_template_error (&ctx, n, error, _("<%s> is not allowed in <template>"), (const char *) n->name);
          return NULL;
        }
    }
  if (self->document == NULL)
    {
      _gw_template_error (&ctx, root, error, _("the template has no <document>"));
      return NULL;
    }

  n_fields = g_list_model_get_n_items (G_LIST_MODEL (self->fields));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GwTemplateField) f = g_list_model_get_item (G_LIST_MODEL (self->fields), i);
      GwTemplateField *other;

      if (f->count_field == NULL)
        continue;
      other = _gw_template_find_field (self, f->count_field);
      if (other == NULL || other->type != GW_FIELD_INTEGER)
        {
          _gw_template_error (&ctx, root, error, _("count-field=\"%s\" of “%s” must name an integer field"),
                              f->count_field, f->name);
          return NULL;
        }
    }

  /* Dry run: every placeholder, condition and element is checked now, so
   * a broken template fails when loaded, not when a user fills it in. */
  if (!_gw_template_build_document (&ctx, error))
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
  if (g_str_has_prefix (resource_path, GW_TEMPLATE_RESOURCE_BASE))
    bytes = g_resource_lookup_data (gw_core_get_resource (), resource_path,
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  else
    bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return gw_template_new_from_bytes (bytes, resource_path, error);
}
