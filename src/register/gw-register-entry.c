/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <string.h>

#include "gw-register-private.h"

/* The register's values: a number's status by name, 发文字号 as text
 * (〔2024〕12号) and back, and the entry record. */

static const char * const status_names[] = { "reserved", "issued", "void" };

const char *
gw_number_status_to_string (GwNumberStatus status)
{
  g_return_val_if_fail (status <= GW_NUMBER_VOID, NULL);
  return status_names[status];
}

gboolean
gw_number_status_from_string (const char     *str,
                              GwNumberStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

char *
gw_doc_number_format (const char *code,
                  int         year,
                  int         seq)
{
  return g_strdup_printf ("%s〔%d〕%d号", code, year, seq);
}

static gboolean
parse_digits (const char **p,
              const char  *end,
              int         *value)
{
  gint64 v = 0;
  const char *start = *p;

  while (*p < end && g_ascii_isdigit (**p))
    {
      v = v * 10 + (**p - '0');
      if (v > G_MAXINT)
        return FALSE;
      (*p)++;
    }
  *value = (int) v;
  return *p > start;
}

gboolean
gw_doc_number_parse (const char  *number,
                 char       **code,
                 int         *year,
                 int         *seq)
{
  const char *open, *close, *p, *end;
  g_autofree char *trimmed = NULL;
  int y, s;

  if (number == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (number));
  end = trimmed + strlen (trimmed);
  open = strstr (trimmed, "〔");
  if (open == NULL || open == trimmed)
    return FALSE;
  p = open + strlen ("〔");
  if (!parse_digits (&p, end, &y) || y < 1000 || y > 9999)
    return FALSE;
  close = p;
  if (!g_str_has_prefix (close, "〕"))
    return FALSE;
  p = close + strlen ("〕");
  if (*p == '0' || !parse_digits (&p, end, &s) || s <= 0)
    return FALSE;
  if (strcmp (p, "号") != 0)
    return FALSE;
  if (code)
    *code = g_strndup (trimmed, open - trimmed);
  if (year)
    *year = y;
  if (seq)
    *seq = s;
  return TRUE;
}

GwRegisterEntry *
gw_register_entry_copy (const GwRegisterEntry *entry)
{
  GwRegisterEntry *copy = g_new0 (GwRegisterEntry, 1);

  *copy = *entry;
  copy->organ = g_strdup (entry->organ);
  copy->code = g_strdup (entry->code);
  copy->number = g_strdup (entry->number);
  copy->title = g_strdup (entry->title);
  copy->kind = g_strdup (entry->kind);
  copy->file = g_strdup (entry->file);
  copy->user = g_strdup (entry->user);
  copy->void_reason = g_strdup (entry->void_reason);
  return copy;
}

void
gw_register_entry_free (GwRegisterEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->organ);
  g_free (entry->code);
  g_free (entry->number);
  g_free (entry->title);
  g_free (entry->kind);
  g_free (entry->file);
  g_free (entry->user);
  g_free (entry->void_reason);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (GwRegisterEntry, gw_register_entry,
                     gw_register_entry_copy, gw_register_entry_free)
