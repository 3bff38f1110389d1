/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The widget tests wait on the event a step stands for, never a fixed
 * time: a condition and an upper bound that fails the test. */
typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @cond holds; FALSE after @timeout_ms. */
static inline gboolean
wait_for (Condition cond,
          gpointer  data,
          guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

G_END_DECLS
