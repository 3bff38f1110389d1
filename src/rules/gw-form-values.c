/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-form-checks"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-form-checks.h"
#include "gw-text.h"

/* Reading the values of an evaluation form as the checks and the form
 * editor see them: dates, amounts of money, and the unified social credit
 * code (GB 32100-2015). */

gboolean
gw_form_parse_date (const char *text,
                    GDate      *date)
{
  g_autofree char *trimmed = NULL;
  GwDate d;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  /* forms are pasted out of Word and WPS tables: ２０２３－３－１０ too */
  trimmed = g_strstrip (gw_text_fold_width (text));
  if (gw_date_parse (trimmed, GW_DATE_WORDS | GW_DATE_SEPARATED | GW_DATE_DAY_SIGN_OPTIONAL, &d) != GW_DATE_VALID ||
      d.year < 1900 || d.year > 2199)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d.day, (GDateMonth) d.month, (GDateYear) d.year);
  return TRUE;
}

static gboolean
strip_prefix (char       **p,
              const char  *prefix)
{
  if (!g_str_has_prefix (*p, prefix))
    return FALSE;
  *p += strlen (prefix);
  return TRUE;
}

static gboolean
strip_suffix (char       *s,
              const char *suffix)
{
  if (!g_str_has_suffix (s, suffix))
    return FALSE;
  s[strlen (s) - strlen (suffix)] = '\0';
  return TRUE;
}

gboolean
gw_form_parse_amount (const char *text,
                      double     *yuan)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  char *p, *paren;
  double factor = 1.0, value;
  gboolean seen_digit = FALSE, seen_point = FALSE;
  char *end = NULL;

  g_return_val_if_fail (yuan != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  folded = gw_text_fold_width (text);

  /* 300000元（大写：叁拾万元整）: the figures decide, the words repeat them. */
  paren = strchr (folded, '(');
  if (paren != NULL)
    *paren = '\0';
  p = g_strstrip (folded);

  strip_prefix (&p, "人民币");
  if (!strip_prefix (&p, "¥"))
    strip_prefix (&p, "￥");
  g_strchug (p);
  g_strchomp (p);
  strip_suffix (p, "整");
  if (strip_suffix (p, "万元") || strip_suffix (p, "万"))
    factor = 10000.0;
  else
    strip_suffix (p, "元");
  g_strchomp (p);

  for (const char *q = p; *q != '\0'; q++)
    {
      if (g_ascii_isdigit (*q))
        {
          seen_digit = TRUE;
          g_string_append_c (digits, *q);
        }
      else if (*q == ',' && seen_digit && !seen_point)
        continue;
      else if (*q == '.' && seen_digit && !seen_point)
        {
          seen_point = TRUE;
          g_string_append_c (digits, *q);
        }
      else
        return FALSE;
    }
  if (!seen_digit)
    return FALSE;

  value = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  *yuan = value * factor;
  return TRUE;
}

/* ---- the unified social credit code (GB 32100-2015) --------------------- */

/* The 31 characters of the code in value order: the Latin capitals without
 * I, O, Z, S, V, which are too easily misread as 1, 0, 2, 5, U. */
static const char credit_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const guint credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};
/* Registration authorities of GB 32100-2015 table 1: 机构编制, 外交, 司法行政,
 * 文化, 民政, 旅游, 宗教, 工会, 工商, 中央军委改革和编制办公室, 农业, 其他. */
static const char credit_authorities[] = "123456789ANY";

gboolean
gw_credit_code_validate (const char  *code,
                         char       **why)
{
  g_autofree char *folded = NULL;
  const char *p;
  glong len;
  guint sum = 0, check;

  g_return_val_if_fail (why == NULL || *why == NULL, FALSE);

  if (code == NULL)
    code = "";
  folded = gw_text_fold_width (code);
  p = g_strstrip (folded);

  len = g_utf8_strlen (p, -1);
  if (len != 18)
    {
      if (why != NULL)
        *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "it has %ld character; a unified social credit code has 18",
                                             "it has %ld characters; a unified social credit code has 18",
                                             (gulong) len),
                                len);
      return FALSE;
    }

  /* 18 characters, each of which must be one of the charset's ASCII
   * characters; the first one that is not stops the loop. */
  for (guint i = 0; i < 18; i++)
    {
      char c = g_ascii_toupper (p[i]);
      const char *hit;

      if ((guchar) p[i] >= 0x80 || c == '\0' || (hit = strchr (credit_charset, c)) == NULL)
        {
          if (why != NULL)
            {
              /* Every byte before this one was ASCII, so byte i is
               * character i even when this one is multibyte. */
              g_autofree char *ch = g_utf8_substring (p, i, i + 1);

              *why = g_strdup_printf (_("character %u, “%s”, is not allowed: the code uses only digits and capital letters other than I, O, Z, S and V"),
                                      i + 1, ch);
            }
          return FALSE;
        }
      if (i < 17)
        sum += (guint) (hit - credit_charset) * credit_weights[i];
    }

  if (strchr (credit_authorities, g_ascii_toupper (p[0])) == NULL)
    {
      if (why != NULL)
        *why = g_strdup_printf (_("its first character, “%c”, is not a registration authority code (1–9, A, N or Y)"),
                                g_ascii_toupper (p[0]));
      return FALSE;
    }
  if (!g_ascii_isdigit (p[1]) || p[1] == '0')
    {
      if (why != NULL)
        *why = g_strdup_printf (_("its second character, “%c”, is not an organisation category code (1–9)"),
                                g_ascii_toupper (p[1]));
      return FALSE;
    }
  for (guint i = 2; i < 8; i++)
    if (!g_ascii_isdigit (p[i]))
      {
        if (why != NULL)
          *why = g_strdup_printf (_("characters 3 to 8 must be the digits of an administrative division code, but character %u is “%c”"),
                                  i + 1, g_ascii_toupper (p[i]));
        return FALSE;
      }

  check = (31 - sum % 31) % 31;
  if (credit_charset[check] != g_ascii_toupper (p[17]))
    {
      if (why != NULL)
        *why = g_strdup_printf (_("its check character is “%c” but the first 17 characters give “%c”"),
                                g_ascii_toupper (p[17]), credit_charset[check]);
      return FALSE;
    }
  return TRUE;
}
