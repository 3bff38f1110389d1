/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports one .docx RUNS times and prints the median and best wall time:
 *   bench-docx-import FILE.docx [RUNS] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "gw-import-docx.h"

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  int runs = argc > 2 ? atoi (argv[2]) : 21;
  double *ms;
  guint blocks = 0;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-docx-import FILE.docx [RUNS]\n");
      return 2;
    }
  ms = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GwDocument) doc = gw_import_docx_file (argv[1], &error);

      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      if (doc == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      blocks = g_list_model_get_n_items (G_LIST_MODEL (gw_document_get_blocks (doc)));
    }
  qsort (ms, runs, sizeof *ms, cmp_double);
  /* plain ASCII digits whatever the locale */
  printf ("gongwen import: median %d.%d ms, best %d.%d ms over %d runs (%u blocks)\n",
          (int) ms[runs / 2], (int) (ms[runs / 2] * 10) % 10,
          (int) ms[0], (int) (ms[0] * 10) % 10, runs, blocks);
  g_free (ms);
  return 0;
}
