/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the classes of the evaluation model share: value setters that say
 * whether anything changed, and a watch over a GListStore of children. */

/* Two scores are the same when both are blank (NAN) or numerically equal. */
gboolean _gw_eval_double_same (double       a,
                               double       b);
gboolean _gw_eval_set_string  (char       **field,
                               const char  *value);
gboolean _gw_eval_set_double  (double      *field,
                               double       value);

#define SCORE_PSPEC(name) \
  g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, \
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define STRING_PSPEC(name) \
  g_param_spec_string (name, NULL, NULL, "", \
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* A store of child objects whose changes the owner must hear about. We keep
 * our own mirror of the items with the handler ids so that a removed child is
 * disconnected exactly (the store no longer tells us which items went). */
typedef struct {
  GListStore *store;
  GPtrArray  *items;        /* GObject*, strong refs, same order as store */
  GArray     *handlers;     /* gulong, parallel to items */
  const char *signal;       /* "notify" or "changed" */
  GCallback   child_cb;     /* (child, [pspec,] owner) */
  GCallback   store_cb;     /* called after each items-changed */
  gpointer    owner;
} GwEvalWatch;

GwEvalWatch *_gw_eval_watch_new  (GType        item_type,
                                  const char  *signal,
                                  GCallback    child_cb,
                                  GCallback    store_cb,
                                  gpointer     owner);
void         _gw_eval_watch_free (GwEvalWatch *w);

G_END_DECLS
