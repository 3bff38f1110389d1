/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-error.h"
#include "gw-rule-parser-private.h"

/* The values every part of a rule is read from (keys, strings, texts in
 * both languages), and how a mistake in a pack is worded: the floor of the
 * parser (gw-matcher-parser.c, gw-rule-parser.c). */

G_GNUC_PRINTF (4, 5)
gboolean
_gw_json_fail (GError         **error,
               const ParseCtx  *pc,
               const char      *key,
               const char      *format,
               ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GW_ERROR, GW_ERROR_RULE_PACK,
               _("%s: rule “%s”, key “%s”: %s"),
               pc->where, pc->id ? pc->id : "?", key, what);
  return FALSE;
}

gboolean
_gw_json_check_keys (JsonObject      *object,
                     const char     **allowed,
                     const ParseCtx  *pc,
                     const char      *context,
                     GError         **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *key = context ? g_strdup_printf ("%s.%s", context, (char *) l->data)
                                         : g_strdup (l->data);
          return _gw_json_fail (error, pc, key, _("unknown key"));
        }
    }
  return TRUE;
}

const char *
_gw_json_get_string (JsonObject      *object,
                     const char      *key,
                     gboolean         required,
                     const ParseCtx  *pc,
                     GError         **error,
                     gboolean        *ok)
{
  JsonNode *node = json_object_get_member (object, key);

  *ok = TRUE;
  if (node == NULL)
    {
      if (required)
        *ok = _gw_json_fail (error, pc, key, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = _gw_json_fail (error, pc, key, _("must be a string"));
      return NULL;
    }
  return json_node_get_string (node);
}

/* A text in both languages: "…" for both, or {"zh_CN": "…", "en": "…"}. */
gboolean
_gw_json_get_localized (JsonObject      *object,
                        const char      *key,
                        gboolean         required,
                        char            *out[2],
                        const ParseCtx  *pc,
                        GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return required ? _gw_json_fail (error, pc, key, _("missing")) : TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      out[0] = g_strdup (json_node_get_string (node));
      out[1] = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      static const char *langs[] = { "zh_CN", "en", NULL };
      g_autofree char *ctx_key = g_strdup (key);

      if (!_gw_json_check_keys (o, langs, pc, key, error))
        return FALSE;
      for (guint i = 0; i < 2; i++)
        {
          JsonNode *n = json_object_get_member (o, langs[i]);
          g_autofree char *sub = g_strdup_printf ("%s.%s", key, langs[i]);
          if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) ||
              json_node_get_value_type (n) != G_TYPE_STRING || !*json_node_get_string (n))
            return _gw_json_fail (error, pc, sub, _("must be a non-empty string"));
          out[i] = g_strdup (json_node_get_string (n));
        }
      return TRUE;
    }
  return _gw_json_fail (error, pc, key, _("must be a string or an object with “zh_CN” and “en”"));
}
