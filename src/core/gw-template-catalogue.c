/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-template"

#include "config.h"

#include "gw-template-private.h"

/* ---- the catalogue ------------------------------------------------------ */

static const char *builtin_resources[] = {
  GW_TEMPLATE_RESOURCE_BASE "opinion.xml",
  GW_TEMPLATE_RESOURCE_BASE "evaluation.xml",
  GW_TEMPLATE_RESOURCE_BASE "letter.xml",
};

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
