/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-import-docx"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gw-import-docx-private.h"
#include "gw-package.h"
#include "gw-xml-private.h"

/* Formatting in a .docx: run properties, paragraph alignment and the
 * styles of styles.xml with their basedOn chains. */

void
_gw_import_docx_read_rpr (xmlNodePtr rpr,
                          RunProps  *r)
{
  xmlNodePtr n;

  if (rpr == NULL)
    return;
  if ((n = child (rpr, "color")))
    {
      g_autofree char *v = attr (n, "val");
      if (v && strcmp (v, "auto") != 0)
        r->red = hex_is_red (v);
      else if (v)
        r->red = 0;
    }
  if ((n = child (rpr, "sz")))
    r->size = attr_int (n, "val", r->size);
  if ((n = child (rpr, "b")))
    r->bold = toggle (n);
}

void
_gw_import_docx_merge_rpr (RunProps       *into,
                           const RunProps *from)
{
  if (from->red >= 0)
    into->red = from->red;
  if (from->size > 0)
    into->size = from->size;
  if (from->bold >= 0)
    into->bold = from->bold;
}

int
_gw_import_docx_read_jc (xmlNodePtr ppr)
{
  xmlNodePtr jc = child (ppr, "jc");
  g_autofree char *v = attr (jc, "val");

  if (v == NULL)
    return -1;
  if (strcmp (v, "center") == 0)
    return ALIGN_CENTRE;
  if (strcmp (v, "right") == 0 || strcmp (v, "end") == 0)
    return ALIGN_RIGHT;
  if (strcmp (v, "both") == 0 || strcmp (v, "distribute") == 0)
    return ALIGN_BOTH;
  return ALIGN_LEFT;
}

void
_gw_import_docx_style_free (Style *s)
{
  g_free (s->based_on);
  g_free (s->link_rstyle);
  g_free (s);
}

gboolean
_gw_import_docx_read_styles (Docx       *d,
                             const char *main_part)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *part = gw_package_find_related (d->pkg, main_part, "styles", &local_error);
  g_autoptr(xmlDoc) xml = NULL;
  xmlNodePtr root, n;

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
  if ((n = child (root, "docDefaults")))
    _gw_import_docx_read_rpr (child (child (n, "rPrDefault"), "rPr"), &d->defaults);

  for (n = root ? root->children : NULL; n; n = n->next)
    {
      g_autofree char *type = NULL, *id = NULL, *def = NULL, *name = NULL;
      Style *s;
      xmlNodePtr ppr, x;

      if (!is_w (n, "style"))
        continue;
      type = attr (n, "type");
      id = attr (n, "styleId");
      if (id == NULL || type == NULL ||
          (strcmp (type, "paragraph") != 0 && strcmp (type, "character") != 0))
        continue;
      s = g_new0 (Style, 1);
      s->r = (RunProps) { -1, 0, -1 };
      s->jc = s->outline = s->num_id = s->ilvl = -1;
      s->based_on = attr (child (n, "basedOn"), "val");
      _gw_import_docx_read_rpr (child (n, "rPr"), &s->r);
      ppr = child (n, "pPr");
      s->jc = _gw_import_docx_read_jc (ppr);
      if ((x = child (ppr, "outlineLvl")))
        s->outline = attr_int (x, "val", -1);
      if ((x = child (ppr, "numPr")))
        {
          s->num_id = attr_int (child (x, "numId"), "val", -1);
          s->ilvl = attr_int (child (x, "ilvl"), "val", -1);
        }
      name = attr (child (n, "name"), "val");
      if (name && g_ascii_strncasecmp (name, "heading ", 8) == 0)
        s->heading = CLAMP (atoi (name + 8), 0, 9);
      def = attr (n, "default");
      if (def && toggle (n) && strcmp (type, "paragraph") == 0 && d->default_pstyle == NULL)
        d->default_pstyle = g_strdup (id);
      /* character styles live in the same table under their own ids */
      g_hash_table_replace (d->styles, g_strdup (id), s);
    }
  return TRUE;
}

/* Walks a style's basedOn chain from the root down, bounded against loops. */
void
_gw_import_docx_resolve_style (Docx       *d,
                               const char *id,
                               Style      *out,
                               guint       depth)
{
  Style *s;

  if (id == NULL || depth > 20 || (s = g_hash_table_lookup (d->styles, id)) == NULL)
    return;
  _gw_import_docx_resolve_style (d, s->based_on, out, depth + 1);
  _gw_import_docx_merge_rpr (&out->r, &s->r);
  if (s->jc >= 0)
    out->jc = s->jc;
  if (s->outline >= 0)
    out->outline = s->outline;
  if (s->num_id >= 0)
    out->num_id = s->num_id;
  if (s->ilvl >= 0)
    out->ilvl = s->ilvl;
  if (s->heading > 0)
    out->heading = s->heading;
}
