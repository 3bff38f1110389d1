/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <string.h>

#include "gw-import-docx-private.h"
#include "gw-numeral.h"
#include "gw-package.h"
#include "gw-xml-private.h"

/* Automatic numbering in a .docx: numbering.xml's lists and levels, and
 * the marker a numbered paragraph shows (一、 (一) 1. …), as text. */

void
_gw_import_docx_abstract_free (Abstract *a)
{
  for (guint i = 0; i < 9; i++)
    {
      g_free (a->lvl[i].fmt);
      g_free (a->lvl[i].text);
      g_free (a->lvl[i].suff);
    }
  g_free (a);
}

gboolean
_gw_import_docx_read_numbering (Docx       *d,
                                const char *main_part)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *part = gw_package_find_related (d->pkg, main_part, "numbering", &local_error);
  g_autoptr(xmlDoc) xml = NULL;
  xmlNodePtr root;

  if (local_error)
    {
      g_propagate_error (d->error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (part == NULL || !gw_package_has_part (d->pkg, part))
    return TRUE;
  xml = gw_package_read_xml (d->pkg, part, d->error);
  if (xml == NULL)
    return FALSE;
  root = xmlDocGetRootElement (xml);
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    {
      if (is_w (n, "abstractNum"))
        {
          Abstract *a = g_new0 (Abstract, 1);
          for (xmlNodePtr l = n->children; l; l = l->next)
            {
              int ilvl;
              if (!is_w (l, "lvl"))
                continue;
              ilvl = attr_int (l, "ilvl", -1);
              if (ilvl < 0 || ilvl > 8)
                continue;
              /* a level given twice: the last one counts */
              g_free (a->lvl[ilvl].fmt);
              g_free (a->lvl[ilvl].text);
              g_free (a->lvl[ilvl].suff);
              a->lvl[ilvl].fmt = attr (child (l, "numFmt"), "val");
              a->lvl[ilvl].text = attr (child (l, "lvlText"), "val");
              a->lvl[ilvl].start = attr_int (child (l, "start"), "val", 1);
              a->lvl[ilvl].suff = attr (child (l, "suff"), "val");
            }
          g_hash_table_replace (d->abstracts, GINT_TO_POINTER (attr_int (n, "abstractNumId", -1)), a);
        }
      else if (is_w (n, "num"))
        {
          Num *num = g_new0 (Num, 1);
          num->abstract_id = attr_int (child (n, "abstractNumId"), "val", -1);
          for (guint i = 0; i < 9; i++)
            num->start_override[i] = -1;
          num->last_level = -1;
          for (xmlNodePtr o = n->children; o; o = o->next)
            {
              int ilvl;
              if (!is_w (o, "lvlOverride"))
                continue;
              ilvl = attr_int (o, "ilvl", -1);
              if (ilvl >= 0 && ilvl <= 8 && child (o, "startOverride"))
                num->start_override[ilvl] = attr_int (child (o, "startOverride"), "val", 1);
            }
          g_hash_table_replace (d->nums, GINT_TO_POINTER (attr_int (n, "numId", -1)), num);
        }
    }
  return TRUE;
}

/* chineseCounting: Word writes 十, 十一, 二十 — the core's one numeral
 * writer does the same */
static void
append_chinese (GString *s,
                int      n)
{
  g_autofree char *text = NULL;

  if (n < 0)
    {
      g_string_append_printf (s, "%d", n);
      return;
    }
  text = gw_numeral_format ((guint64) n, GW_NUMERAL_DEFAULT);
  g_string_append (s, text);
}

static void
append_number (GString    *s,
               const char *fmt,
               int         n)
{
  if (fmt == NULL || strcmp (fmt, "decimal") == 0)
    g_string_append_printf (s, "%d", n);
  else if (g_str_has_prefix (fmt, "chineseCounting") || strcmp (fmt, "ideographDigital") == 0 ||
           strcmp (fmt, "japaneseCounting") == 0 || strcmp (fmt, "taiwaneseCounting") == 0)
    append_chinese (s, n);
  else if (strcmp (fmt, "decimalFullWidth") == 0 || strcmp (fmt, "decimalFullWidth2") == 0)
    {
      g_autofree char *ascii = g_strdup_printf ("%d", n);
      for (const char *p = ascii; *p; p++)
        g_string_append_unichar (s, 0xFF10 + (*p - '0'));
    }
  else if (strcmp (fmt, "decimalEnclosedCircle") == 0 && n >= 1 && n <= 20)
    g_string_append_unichar (s, 0x2460 + n - 1);
  else if (strcmp (fmt, "ideographTraditional") == 0 && n >= 1 && n <= 10)
    {
      static const char *stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
      g_string_append (s, stems[n - 1]);
    }
  else if (strcmp (fmt, "lowerLetter") == 0 && n >= 1 && n <= 26)
    g_string_append_c (s, 'a' + n - 1);
  else if (strcmp (fmt, "upperLetter") == 0 && n >= 1 && n <= 26)
    g_string_append_c (s, 'A' + n - 1);
  else
    g_string_append_printf (s, "%d", n);
}

/* The literal marker automatic numbering shows before a paragraph. */
char *
_gw_import_docx_numbering_marker (Docx *d,
                                  int   num_id,
                                  int   ilvl)
{
  Num *num = g_hash_table_lookup (d->nums, GINT_TO_POINTER (num_id));
  Abstract *a;
  Level *lvl;
  GString *s;

  if (num == NULL || ilvl < 0 || ilvl > 8 ||
      (a = g_hash_table_lookup (d->abstracts, GINT_TO_POINTER (num->abstract_id))) == NULL)
    return NULL;
  lvl = &a->lvl[ilvl];
  if (lvl->text == NULL || (lvl->fmt && (strcmp (lvl->fmt, "bullet") == 0 || strcmp (lvl->fmt, "none") == 0)))
    return NULL;

  /* count: this level on, deeper levels start again */
  for (int i = 0; i <= ilvl; i++)
    if (num->counters[i] == 0)
      {
        int start = num->start_override[i] >= 0 ? num->start_override[i] : a->lvl[i].start;
        num->counters[i] = (i == ilvl ? start - 1 : start);
      }
  num->counters[ilvl]++;
  for (int i = ilvl + 1; i < 9; i++)
    num->counters[i] = 0;

  s = g_string_new (NULL);
  for (const char *p = lvl->text; *p; p++)
    {
      if (*p == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          append_number (s, a->lvl[k].fmt, MAX (num->counters[k], 1));
          p++;
        }
      else
        g_string_append_c (s, *p);
    }
  if (lvl->suff && strcmp (lvl->suff, "space") == 0)
    g_string_append_c (s, ' ');
  d->numbered++;
  return g_string_free (s, FALSE);
}
