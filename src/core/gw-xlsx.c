/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-package.h"
#include "gw-xlsx.h"

/* SpreadsheetML through the same package layer as .docx (caps, safe XML).
 * Only what a contract list needs: the first sheet's cell values. */

#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

/* Text of every <t> under @node, phonetic runs (<rPh>) aside. */
static void
collect_text (xmlNode *node,
              GString *out)
{
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || is (c, "rPh") || is (c, "phoneticPr"))
        continue;
      if (is (c, "t"))
        {
          g_autofree xmlChar *t = xmlNodeGetContent (c);
          g_string_append (out, (const char *) t);
        }
      else
        collect_text (c, out);
    }
}

/* "C12" → 2 (0-based column); -1 when it is no reference. */
static int
column_of (const char *ref)
{
  int col = 0, n = 0;

  for (; ref && g_ascii_isalpha (*ref); ref++, n++)
    {
      col = col * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
      if (col > 16384)
        return -1;
    }
  return n > 0 ? col - 1 : -1;
}

static GPtrArray *
read_shared_strings (GwPackage  *pkg,
                     const char *main_part,
                     GError    **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *part = gw_package_find_related (pkg, main_part, "sharedStrings", NULL);
  xmlDocPtr doc;

  if (part == NULL)
    return g_steal_pointer (&strings);   /* a sheet of numbers only */
  doc = gw_package_read_xml (pkg, part, error);
  if (doc == NULL)
    return NULL;
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si; si = si->next)
    if (is (si, "si"))
      {
        GString *s = g_string_new (NULL);
        collect_text (si, s);
        g_ptr_array_add (strings, g_string_free (s, FALSE));
      }
  xmlFreeDoc (doc);
  return g_steal_pointer (&strings);
}

static char *
first_sheet_part (GwPackage  *pkg,
                  const char *main_part,
                  GError    **error)
{
  xmlDocPtr doc = gw_package_read_xml (pkg, main_part, error);
  g_autoptr(GPtrArray) rels = NULL;
  g_autofree xmlChar *rid = NULL;
  xmlNode *sheet = NULL;
  char *target = NULL;

  if (doc == NULL)
    return NULL;
  for (xmlNode *s = child (child (xmlDocGetRootElement (doc), "sheets"), "sheet"); s; s = s->next)
    if (is (s, "sheet"))
      {
        sheet = s;
        break;
      }
  if (sheet)
    rid = xmlGetNsProp (sheet, (const xmlChar *) "id", (const xmlChar *) NS_R);
  xmlFreeDoc (doc);
  if (rid == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE, _("%s: the workbook has no sheet"),
                   gw_package_get_display_name (pkg));
      return NULL;
    }
  rels = gw_package_get_relationships (pkg, main_part, error);
  if (rels == NULL)
    return NULL;
  for (guint i = 0; i < rels->len && target == NULL; i++)
    {
      GwPackageRel *rel = g_ptr_array_index (rels, i);
      if (!rel->external && g_str_equal (rel->id, (const char *) rid))
        target = g_strdup (rel->target);
    }
  if (target == NULL)
    g_set_error (error, GW_ERROR, GW_ERROR_PARSE, _("%s: the workbook's first sheet is missing"),
                 gw_package_get_display_name (pkg));
  return target;
}

GPtrArray *
gw_xlsx_read_first_sheet (GBytes      *bytes,
                          const char  *display_name,
                          GArray     **row_lines,
                          GError     **error)
{
  g_autoptr(GwPackage) pkg = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *main_part = NULL;
  g_autofree char *sheet_part = NULL;
  xmlDocPtr doc;
  xmlNode *data;
  guint next_row = 1;

  g_return_val_if_fail (bytes != NULL, NULL);

  pkg = gw_package_open_bytes (bytes, display_name, error);
  if (pkg == NULL)
    return NULL;
  main_part = gw_package_find_main_part (pkg, error);
  if (main_part == NULL)
    return NULL;
  sheet_part = first_sheet_part (pkg, main_part, error);
  if (sheet_part == NULL)
    return NULL;
  strings = read_shared_strings (pkg, main_part, error);
  if (strings == NULL)
    return NULL;
  doc = gw_package_read_xml (pkg, sheet_part, error);
  if (doc == NULL)
    return NULL;

  data = child (xmlDocGetRootElement (doc), "sheetData");
  for (xmlNode *row = data ? data->children : NULL; row; row = row->next)
    {
      g_autoptr(GPtrArray) cells = NULL;
      g_autofree xmlChar *r = NULL;
      guint line = next_row;
      gboolean blank = TRUE;
      int next_col = 0;

      if (!is (row, "row"))
        continue;
      r = xmlGetProp (row, (const xmlChar *) "r");
      if (r)
        line = (guint) g_ascii_strtoull ((const char *) r, NULL, 10);
      if (line == 0 || line > 1048576)
        line = next_row;
      next_row = line + 1;
      cells = g_ptr_array_new_with_free_func (g_free);
      for (xmlNode *c = row->children; c; c = c->next)
        {
          g_autofree xmlChar *ref = NULL;
          g_autofree xmlChar *type = NULL;
          g_autofree char *value = NULL;
          xmlNode *v;
          int col;

          if (!is (c, "c"))
            continue;
          ref = xmlGetProp (c, (const xmlChar *) "r");
          col = ref ? column_of ((const char *) ref) : next_col;
          if (col < 0)
            col = next_col;
          next_col = col + 1;
          type = xmlGetProp (c, (const xmlChar *) "t");
          v = child (c, "v");
          if (type && g_str_equal ((const char *) type, "inlineStr"))
            {
              GString *s = g_string_new (NULL);
              xmlNode *is_node = child (c, "is");

              if (is_node)
                collect_text (is_node, s);
              value = g_string_free (s, FALSE);
            }
          else if (v)
            {
              g_autofree xmlChar *t = xmlNodeGetContent (v);

              if (type && g_str_equal ((const char *) type, "s"))
                {
                  guint64 idx = g_ascii_strtoull ((const char *) t, NULL, 10);

                  if (idx >= strings->len)
                    {
                      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                                   _("%s: row %u: a cell names shared string %s, which is missing"),
                                   display_name, line, (const char *) t);
                      xmlFreeDoc (doc);
                      return NULL;
                    }
                  value = g_strdup (g_ptr_array_index (strings, idx));
                }
              else
                value = g_strdup ((const char *) t);   /* n, str, b, e, d */
            }
          if (value == NULL)
            continue;
          g_strstrip (value);
          if (*value == '\0')
            continue;
          while (cells->len < (guint) col)
            g_ptr_array_add (cells, g_strdup (""));
          if (cells->len == (guint) col)
            g_ptr_array_add (cells, g_steal_pointer (&value));
          else
            {
              g_free (g_ptr_array_index (cells, col));
              g_ptr_array_index (cells, col) = g_steal_pointer (&value);
            }
          blank = FALSE;
        }
      if (blank)
        continue;
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&cells), FALSE));
      g_array_append_val (lines, line);
    }
  xmlFreeDoc (doc);
  if (row_lines)
    *row_lines = g_steal_pointer (&lines);
  return g_steal_pointer (&rows);
}
