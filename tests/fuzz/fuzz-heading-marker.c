/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "gw-block.h"
#include "gw-numeral.h"
#include "fuzz-common.h"

/* Heading markers and Chinese numerals: no read past the input, and the
 * results keep to their documented ranges. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GwHeadingMarker marker;
  g_autofree char *text = fuzz_dup_string (data, size);
  g_autofree char *exact = fuzz_dup_exact (data, size);
  gsize text_len = strlen (text);
  double v;

  if (gw_heading_marker_parse (text, &marker))
    {
      if (marker.level < 1 || marker.level > 4 || marker.length == 0 ||
          marker.length > text_len)
        {
          g_printerr ("fuzz: marker level %u length %zu of a %zu-byte text\n",
                      marker.level, (size_t) marker.length, (size_t) text_len);
          abort ();
        }
    }

  /* With an explicit length the numeral is not NUL-terminated. */
  v = gw_numeral_parse (exact, size, GW_NUMERAL_DIGITS | GW_NUMERAL_DECIMAL);
  if (v < -1 || isnan (v))
    {
      g_printerr ("fuzz: numeral value %g\n", v);
      abort ();
    }
  v = gw_numeral_parse (text, -1, GW_NUMERAL_DEFAULT);
  if (v < -1 || isnan (v))
    abort ();
  return 0;
}
