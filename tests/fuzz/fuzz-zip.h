/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>

G_BEGIN_DECLS

/* A fuzzer rarely gets through a ZIP's checksums, so the harnesses of the
 * Office readers zip what they generate themselves: @n parts, each a path
 * inside the package ("xl/_rels/workbook.xml.rels") with its bytes. */
typedef struct {
  const char *path;
  const void *data;
  gsize       len;
} FuzzZipPart;

static inline GBytes *
fuzz_zip (const FuzzZipPart *parts,
          guint              n)
{
  GsfOutput *mem = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (mem, NULL);
  GBytes *bytes;

  for (guint i = 0; i < n; i++)
    {
      /* the zip writer stores a child's name as given, slashes and all */
      GsfOutput *child = gsf_outfile_new_child (zip, parts[i].path, FALSE);

      gsf_output_write (child, parts[i].len, parts[i].data);
      gsf_output_close (child);
      g_object_unref (child);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (mem)), gsf_output_size (mem));
  gsf_output_close (mem);
  g_object_unref (mem);
  return bytes;
}

/* Splits @data at its first @max - 1 NUL bytes into @pieces/@lens; returns
 * how many pieces there are. */
static inline guint
fuzz_split_nul (const uint8_t  *data,
                size_t          size,
                const uint8_t **pieces,
                size_t         *lens,
                guint           max)
{
  guint n = 1;

  pieces[0] = data;
  lens[0] = size;
  while (n < max)
    {
      const uint8_t *nul = memchr (pieces[n - 1], 0, lens[n - 1]);

      if (nul == NULL)
        break;
      pieces[n] = nul + 1;
      lens[n] = lens[n - 1] - (nul + 1 - pieces[n - 1]);
      lens[n - 1] = nul - pieces[n - 1];
      n++;
    }
  return n;
}

G_END_DECLS
