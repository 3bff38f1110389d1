/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-evaluation"

#include "config.h"

#include <math.h>
#include "gw-evaluation.h"
#include "gw-evaluation-private.h"

gboolean
_gw_eval_double_same (double a,
                      double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

gboolean
_gw_eval_set_string (char       **field,
                     const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
_gw_eval_set_double (double *field,
                     double  value)
{
  if (_gw_eval_double_same (*field, value))
    return FALSE;
  *field = value;
  return TRUE;
}

/* ---- watching the items of a GListStore --------------------------------- */


static void
watch_items_changed_cb (GListModel  *model,
                        guint        position,
                        guint        removed,
                        guint        added,
                        GwEvalWatch *w)
{
  for (guint i = 0; i < removed; i++)
    {
      GObject *item = g_ptr_array_index (w->items, position + i);
      g_signal_handler_disconnect (item, g_array_index (w->handlers, gulong, position + i));
    }
  g_ptr_array_remove_range (w->items, position, removed);
  g_array_remove_range (w->handlers, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);
      gulong id = g_signal_connect (item, w->signal, w->child_cb, w->owner);

      g_ptr_array_insert (w->items, position + i, item);
      g_array_insert_val (w->handlers, position + i, id);
    }

  ((void (*) (gpointer)) w->store_cb) (w->owner);
}

GwEvalWatch *
_gw_eval_watch_new (GType       item_type,
                    const char *signal,
                    GCallback   child_cb,
                    GCallback   store_cb,
                    gpointer    owner)
{
  GwEvalWatch *w = g_new0 (GwEvalWatch, 1);

  w->store = g_list_store_new (item_type);
  w->items = g_ptr_array_new_with_free_func (g_object_unref);
  w->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  w->signal = signal;
  w->child_cb = child_cb;
  w->store_cb = store_cb;
  w->owner = owner;
  g_signal_connect (w->store, "items-changed", G_CALLBACK (watch_items_changed_cb), w);
  return w;
}

void
_gw_eval_watch_free (GwEvalWatch *w)
{
  g_signal_handlers_disconnect_by_func (w->store, watch_items_changed_cb, w);
  for (guint i = 0; i < w->items->len; i++)
    g_signal_handler_disconnect (g_ptr_array_index (w->items, i),
                                 g_array_index (w->handlers, gulong, i));
  g_ptr_array_unref (w->items);
  g_array_unref (w->handlers);
  g_object_unref (w->store);
  g_free (w);
}
