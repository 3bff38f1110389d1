/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-rule-pack"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gw-error.h"
#include "gw-file.h"
#include "gw-rule-pack-private.h"

struct _GwRulePack
{
  GObject      parent_instance;

  char        *name;
  char        *path;
  GListStore  *rules;
  char       **disabled;
};

G_DEFINE_TYPE (GwRulePack, gw_rule_pack, G_TYPE_OBJECT)

static void
gw_rule_pack_finalize (GObject *object)
{
  GwRulePack *self = GW_RULE_PACK (object);

  g_free (self->name);
  g_free (self->path);
  g_clear_object (&self->rules);
  g_strfreev (self->disabled);

  G_OBJECT_CLASS (gw_rule_pack_parent_class)->finalize (object);
}

static void
gw_rule_pack_class_init (GwRulePackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_rule_pack_finalize;
}

static void
gw_rule_pack_init (GwRulePack *self)
{
  self->rules = g_list_store_new (GW_TYPE_RULE);
}

const char *
gw_rule_pack_get_name (GwRulePack *self)
{
  g_return_val_if_fail (GW_IS_RULE_PACK (self), NULL);
  return self->name;
}

const char *
gw_rule_pack_get_path (GwRulePack *self)
{
  g_return_val_if_fail (GW_IS_RULE_PACK (self), NULL);
  return self->path;
}

GListModel *
gw_rule_pack_get_rules (GwRulePack *self)
{
  g_return_val_if_fail (GW_IS_RULE_PACK (self), NULL);
  return G_LIST_MODEL (self->rules);
}

const char * const *
gw_rule_pack_get_disabled (GwRulePack *self)
{
  g_return_val_if_fail (GW_IS_RULE_PACK (self), NULL);
  return (const char * const *) self->disabled;
}

G_GNUC_PRINTF (3, 4)
static GwRulePack *
pack_fail (GError     **error,
           const char  *where,
           const char  *format,
           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GW_ERROR, GW_ERROR_RULE_PACK, "%s: %s", where, what);
  return NULL;
}

static GwRulePack *
new_from_data (const char  *data,
               gssize       len,
               const char  *display_name,
               const char  *base_dir,
               gboolean     verify,
               GError     **error)
{
  static const char *keys[] = { "name", "description", "version", "format", "disable", "rules", NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GwRulePack) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GList) members = NULL;
  const char *where = display_name ? display_name : "rule pack";
  JsonNode *root, *node;
  JsonObject *o;
  JsonArray *rules;
  guint format;

  g_return_val_if_fail (data != NULL, NULL);

  if (len < 0)
    len = strlen (data);
  if ((gsize) len > GW_MAX_INPUT_SIZE)
    return pack_fail (error, where, _("the file is larger than %d MiB"),
                      GW_MAX_INPUT_SIZE / (1024 * 1024));
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    return pack_fail (error, where, _("not valid JSON: %s"), local_error->message);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return pack_fail (error, where, _("a rule pack is a JSON object with “name” and “rules”"));
  o = json_node_get_object (root);

  members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (keys, l->data))
      return pack_fail (error, where, _("key “%s”: unknown key"), (char *) l->data);

  self = g_object_new (GW_TYPE_RULE_PACK, NULL);

  node = json_object_get_member (o, "name");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING || !*json_node_get_string (node))
    return pack_fail (error, where, _("key “name”: missing or not a string"));
  self->name = g_strdup (json_node_get_string (node));

  node = json_object_get_member (o, "version");
  if (node && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64))
    return pack_fail (error, where, _("key “version”: must be a whole number"));
  /* The format the pack is written in; packs written before it had one
   * are format 1 and load as they always did. */
  node = json_object_get_member (o, "format");
  if (node && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
               json_node_get_int (node) < 1))
    return pack_fail (error, where, _("key “format”: must be a whole number from 1"));
  if (node && json_node_get_int (node) > GW_RULE_PACK_FORMAT_CURRENT)
    return pack_fail (error, where, _("key “format”: format %d is newer than this version of Gongwen reads (%d)"),
                      (int) json_node_get_int (node), GW_RULE_PACK_FORMAT_CURRENT);
  format = node ? (guint) json_node_get_int (node) : 1;
  node = json_object_get_member (o, "description");
  if (node && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING))
    return pack_fail (error, where, _("key “description”: must be a string"));

  node = json_object_get_member (o, "disable");
  if (node)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      JsonArray *a;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return pack_fail (error, where, _("key “disable”: must be a list of rule ids"));
      a = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *n = json_array_get_element (a, i);
          if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
            return pack_fail (error, where, _("key “disable”: item %u is not a rule id"), i + 1);
          g_strv_builder_add (b, json_node_get_string (n));
        }
      self->disabled = g_strv_builder_end (b);
    }
  else
    self->disabled = g_new0 (char *, 1);

  node = json_object_get_member (o, "rules");
  if (node == NULL)
    {
      if (self->disabled[0] == NULL)
        return pack_fail (error, where, _("key “rules”: missing"));
      return g_steal_pointer (&self);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return pack_fail (error, where, _("key “rules”: must be a list of rules"));
  rules = json_node_get_array (node);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonNode *n = json_array_get_element (rules, i);
      g_autoptr(GwRule) rule = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return pack_fail (error, where, _("rule %u: must be an object"), i + 1);
      rule = _gw_rule_new_from_json (json_node_get_object (n), format, self->name, where, base_dir, error);
      if (rule == NULL)
        return NULL;
      if (g_hash_table_contains (seen, gw_rule_get_id (rule)))
        return pack_fail (error, where, _("rule “%s”, key “id”: defined twice"),
                          gw_rule_get_id (rule));
      g_hash_table_add (seen, (gpointer) gw_rule_get_id (rule));
      g_list_store_append (self->rules, rule);
    }

  /* Strict: a rule whose own examples fail is refused with the pack. */
  for (guint i = 0; verify && i < g_list_model_get_n_items (G_LIST_MODEL (self->rules)); i++)
    {
      g_autoptr(GwRule) rule = g_list_model_get_item (G_LIST_MODEL (self->rules), i);
      if (!_gw_rule_verify_examples (rule, where, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

GwRulePack *
gw_rule_pack_new_from_data (const char  *data,
                            gssize       len,
                            const char  *display_name,
                            const char  *base_dir,
                            GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  return new_from_data (data, len, display_name, base_dir, TRUE, error);
}

GwRulePack *
gw_rule_pack_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  GwRulePack *self;

  g_return_val_if_fail (path != NULL, NULL);

  /* The core's bounded reader: no FIFO hangs, /dev/zero is refused, the
   * size is checked before reading; its message names the file. */
  file = g_file_new_for_path (path);
  bytes = gw_file_read_named (file, path, GW_MAX_INPUT_SIZE, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_RULE_PACK, local_error->message);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  self = gw_rule_pack_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     path, dir, error);
  if (self)
    self->path = g_strdup (path);
  return self;
}

static GwRulePack *
new_from_resource (const char  *resource_path,
                   gboolean     verify,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  GwRulePack *self;

  g_return_val_if_fail (resource_path != NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, 0, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RULE_PACK, _("%s: cannot read the rule pack: %s"),
                   resource_path, local_error->message);
      return NULL;
    }
  dir = g_path_get_dirname (resource_path);
  base = g_strconcat ("resource://", dir, NULL);
  self = new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                        resource_path, base, verify, error);
  if (self)
    self->path = g_strconcat ("resource://", resource_path, NULL);
  return self;
}

GwRulePack *
gw_rule_pack_new_from_resource (const char  *resource_path,
                                GError     **error)
{
  g_return_val_if_fail (resource_path != NULL, NULL);
  return new_from_resource (resource_path, TRUE, error);
}

/* For the test suite, which runs and reports every example itself. */
GwRulePack *
_gw_rule_pack_new_from_resource_unverified (const char  *resource_path,
                                            GError     **error)
{
  return new_from_resource (resource_path, FALSE, error);
}

GwRulePack *
_gw_rule_pack_new_from_data_unverified (const char  *data,
                                        gssize       len,
                                        const char  *display_name,
                                        const char  *base_dir,
                                        GError     **error)
{
  return new_from_data (data, len, display_name, base_dir, FALSE, error);
}
