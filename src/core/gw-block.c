/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-block"

#include "config.h"

#include <string.h>

#include "gw-block.h"
#include "gw-numeral.h"

struct _GwBlock
{
  GObject      parent_instance;

  GwBlockKind  kind;
  guint        level;
  guint        number;
  char        *text;
  GPtrArray   *rows;      /* of GStrv */
  GArray      *spans;     /* of GwSourceSpan */
};

G_DEFINE_TYPE (GwBlock, gw_block, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GwBlockKind, gw_block_kind,
  G_DEFINE_ENUM_VALUE (GW_BLOCK_PARAGRAPH, "paragraph"),
  G_DEFINE_ENUM_VALUE (GW_BLOCK_HEADING, "heading"),
  G_DEFINE_ENUM_VALUE (GW_BLOCK_TABLE, "table"),
  G_DEFINE_ENUM_VALUE (GW_BLOCK_ATTACHMENT, "attachment"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_LEVEL,
  PROP_NUMBER,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_names[] = { "paragraph", "heading", "table", "attachment" };

const char *
gw_block_kind_to_string (GwBlockKind kind)
{
  g_return_val_if_fail (kind <= GW_BLOCK_ATTACHMENT, NULL);
  return kind_names[kind];
}

gboolean
gw_block_kind_from_string (const char  *str,
                           GwBlockKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = (GwBlockKind) i;
        return TRUE;
      }
  return FALSE;
}

static GPtrArray *
rows_copy (GPtrArray *rows)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (copy, g_strdupv (g_ptr_array_index (rows, i)));
  return copy;
}

static char *
rows_to_text (GPtrArray *rows)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *line = g_strjoinv ("\t", g_ptr_array_index (rows, i));
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, line);
    }
  return g_string_free (s, FALSE);
}

static void
gw_block_finalize (GObject *object)
{
  GwBlock *self = GW_BLOCK (object);

  g_free (self->text);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (gw_block_parent_class)->finalize (object);
}

static void
gw_block_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GwBlock *self = GW_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_block_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  GwBlock *self = GW_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      gw_block_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_LEVEL:
      gw_block_set_level (self, g_value_get_uint (value));
      break;
    case PROP_NUMBER:
      gw_block_set_number (self, g_value_get_uint (value));
      break;
    case PROP_TEXT:
      gw_block_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_block_class_init (GwBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_block_finalize;
  object_class->get_property = gw_block_get_property;
  object_class->set_property = gw_block_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, GW_TYPE_BLOCK_KIND, GW_BLOCK_PARAGRAPH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 0, 4, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gw_block_init (GwBlock *self)
{
  self->text = g_strdup ("");
  self->spans = g_array_new (FALSE, FALSE, sizeof (GwSourceSpan));
}

GwBlock *
gw_block_new (GwBlockKind  kind,
              const char  *text)
{
  GwBlock *self = g_object_new (GW_TYPE_BLOCK, NULL);

  self->kind = kind;
  g_free (self->text);
  self->text = g_strdup (text ? text : "");
  if (kind == GW_BLOCK_HEADING)
    {
      GwHeadingMarker m;
      self->level = gw_heading_marker_parse (self->text, &m) ? m.level : 1;
    }
  return self;
}

GwBlock *
gw_block_new_heading (guint       level,
                      const char *text)
{
  GwBlock *self;

  g_return_val_if_fail (level >= 1 && level <= 4, NULL);

  self = gw_block_new (GW_BLOCK_HEADING, text);
  self->level = level;
  return self;
}

GwBlock *
gw_block_new_attachment (guint       number,
                         const char *title)
{
  GwBlock *self = gw_block_new (GW_BLOCK_ATTACHMENT, title);

  self->number = number;
  return self;
}

GwBlock *
gw_block_new_table (GPtrArray *rows)
{
  GwBlock *self = g_object_new (GW_TYPE_BLOCK, NULL);

  self->kind = GW_BLOCK_TABLE;
  gw_block_set_rows (self, rows);
  return self;
}

GwBlock *
gw_block_copy (GwBlock *self)
{
  GwBlock *copy;

  g_return_val_if_fail (GW_IS_BLOCK (self), NULL);

  copy = g_object_new (GW_TYPE_BLOCK, NULL);
  copy->kind = self->kind;
  copy->level = self->level;
  copy->number = self->number;
  g_free (copy->text);
  copy->text = g_strdup (self->text);
  if (self->rows)
    copy->rows = rows_copy (self->rows);
  g_array_append_vals (copy->spans, self->spans->data, self->spans->len);
  return copy;
}

gboolean
gw_block_equal (GwBlock *a,
                GwBlock *b)
{
  g_return_val_if_fail (GW_IS_BLOCK (a) && GW_IS_BLOCK (b), FALSE);

  /* Only what the kind shows counts: a heading turned into a paragraph
   * keeps its old level, a table its rows, an attachment its number, and a
   * saved and reloaded copy of it would otherwise never compare equal. */
  if (a->kind != b->kind || gw_block_get_level (a) != gw_block_get_level (b) ||
      g_strcmp0 (gw_block_get_text (a), gw_block_get_text (b)) != 0)
    return FALSE;
  if (a->kind == GW_BLOCK_ATTACHMENT && a->number != b->number)
    return FALSE;
  if (a->kind != GW_BLOCK_TABLE)
    return TRUE;
  if ((a->rows == NULL) != (b->rows == NULL))
    return FALSE;
  if (a->rows)
    {
      if (a->rows->len != b->rows->len)
        return FALSE;
      for (guint i = 0; i < a->rows->len; i++)
        if (!g_strv_equal (g_ptr_array_index (a->rows, i), g_ptr_array_index (b->rows, i)))
          return FALSE;
    }
  return TRUE;
}

GwBlockKind
gw_block_get_kind (GwBlock *self)
{
  g_return_val_if_fail (GW_IS_BLOCK (self), GW_BLOCK_PARAGRAPH);
  return self->kind;
}

void
gw_block_set_kind (GwBlock     *self,
                   GwBlockKind  kind)
{
  g_return_if_fail (GW_IS_BLOCK (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

guint
gw_block_get_level (GwBlock *self)
{
  g_return_val_if_fail (GW_IS_BLOCK (self), 0);
  return self->kind == GW_BLOCK_HEADING ? self->level : 0;
}

void
gw_block_set_level (GwBlock *self,
                    guint    level)
{
  g_return_if_fail (GW_IS_BLOCK (self));
  g_return_if_fail (level <= 4);

  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
gw_block_get_text (GwBlock *self)
{
  g_return_val_if_fail (GW_IS_BLOCK (self), NULL);

  if (self->kind == GW_BLOCK_TABLE && self->rows)
    {
      g_free (self->text);
      self->text = rows_to_text (self->rows);
    }
  return self->text;
}

void
gw_block_set_text (GwBlock    *self,
                   const char *text)
{
  g_return_if_fail (GW_IS_BLOCK (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  /* Spans describe where the old text came from; they no longer hold. */
  g_array_set_size (self->spans, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

guint
gw_block_get_number (GwBlock *self)
{
  g_return_val_if_fail (GW_IS_BLOCK (self), 0);
  return self->number;
}

void
gw_block_set_number (GwBlock *self,
                     guint    number)
{
  g_return_if_fail (GW_IS_BLOCK (self));

  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

GPtrArray *
gw_block_get_rows (GwBlock *self)
{
  g_return_val_if_fail (GW_IS_BLOCK (self), NULL);
  return self->rows;
}

void
gw_block_set_rows (GwBlock   *self,
                   GPtrArray *rows)
{
  g_return_if_fail (GW_IS_BLOCK (self));

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows_copy (rows);
  g_free (self->text);
  self->text = rows_to_text (self->rows);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
gw_block_get_marker (GwBlock *self)
{
  GwHeadingMarker m;

  g_return_val_if_fail (GW_IS_BLOCK (self), NULL);

  if (self->kind != GW_BLOCK_HEADING || !gw_heading_marker_parse (self->text, &m))
    return NULL;
  return self->text;
}

const GwSourceSpan *
gw_block_get_spans (GwBlock *self,
                    guint   *n_spans)
{
  g_return_val_if_fail (GW_IS_BLOCK (self), NULL);

  if (n_spans)
    *n_spans = self->spans->len;
  return (const GwSourceSpan *) self->spans->data;
}

void
gw_block_add_span (GwBlock *self,
                   guint    offset,
                   guint    line,
                   guint    column)
{
  GwSourceSpan span = { offset, line, column };

  g_return_if_fail (GW_IS_BLOCK (self));
  g_array_append_val (self->spans, span);
}

void
gw_block_clear_spans (GwBlock *self)
{
  g_return_if_fail (GW_IS_BLOCK (self));
  g_array_set_size (self->spans, 0);
}

guint
gw_block_get_line (GwBlock *self)
{
  g_return_val_if_fail (GW_IS_BLOCK (self), 0);

  if (self->spans->len == 0)
    return 0;
  return g_array_index (self->spans, GwSourceSpan, 0).line;
}

void
gw_block_map_offset (GwBlock *self,
                     guint    char_offset,
                     guint   *line,
                     guint   *column)
{
  const GwSourceSpan *best = NULL;

  g_return_if_fail (GW_IS_BLOCK (self));

  for (guint i = 0; i < self->spans->len; i++)
    {
      const GwSourceSpan *s = &g_array_index (self->spans, GwSourceSpan, i);
      if (s->offset <= char_offset)
        best = s;
      else
        break;
    }

  if (best == NULL)
    {
      *line = 1;
      *column = char_offset + 1;
      return;
    }
  *line = best->line;
  *column = best->column + (char_offset - best->offset);
}

/* ---- heading markers ---------------------------------------------------- */

/* Length in bytes of the longest run of Chinese numeral characters at @p. */
static gsize
cn_numeral_run (const char *p)
{
  const char *q = p;

  /* digits (〇 and 两 too) and 十: the numerals of a heading; financial
   * numerals (壹) mark no heading */
  while (*q != '\0' && g_utf8_strchr ("零〇一二两三四五六七八九十", -1, g_utf8_get_char (q)) != NULL)
    q = g_utf8_next_char (q);
  return q - p;
}

static gboolean
has_prefix_len (const char  *p,
                const char  *prefix,
                gsize       *len)
{
  gsize n = strlen (prefix);

  if (strncmp (p, prefix, n) == 0)
    {
      *len = n;
      return TRUE;
    }
  return FALSE;
}

gboolean
gw_heading_marker_parse (const char      *text,
                         GwHeadingMarker *marker)
{
  const char *p;
  gsize n, sep;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (marker != NULL, FALSE);

  memset (marker, 0, sizeof *marker);
  p = text;

  /* （一） / (一) — level 2; （1） / (1) — level 4 */
  if (has_prefix_len (p, "（", &n) || has_prefix_len (p, "(", &n))
    {
      gboolean full_open = n == 3;
      const char *q = p + n;
      gsize run = cn_numeral_run (q);
      gboolean chinese = run > 0;
      guint value;

      if (chinese)
        {
          double v = gw_numeral_parse (q, run, GW_NUMERAL_DEFAULT);
          if (v <= 0 || v > 99)
            return FALSE;
          value = v;
          q += run;
        }
      else
        {
          const char *d = q;
          while (g_ascii_isdigit (*q))
            q++;
          if (q == d || q - d > 3)
            return FALSE;
          value = (guint) g_ascii_strtoull (d, NULL, 10);
          if (value == 0)
            return FALSE;
        }

      if (has_prefix_len (q, "）", &n) || has_prefix_len (q, ")", &n))
        {
          gboolean full_close = n == 3;
          q += n;
          marker->level = chinese ? 2 : 4;
          marker->number = value;
          marker->well_formed = full_open && full_close;
          /* （一）、 is a common mistake: nothing may follow the bracket */
          if (has_prefix_len (q, "、", &sep) || has_prefix_len (q, "，", &sep) ||
              has_prefix_len (q, ".", &sep) || has_prefix_len (q, "．", &sep))
            {
              q += sep;
              marker->well_formed = FALSE;
            }
          marker->length = q - text;
          return TRUE;
        }
      return FALSE;
    }

  /* 一、 — level 1 */
  n = cn_numeral_run (p);
  if (n > 0)
    {
      double v = gw_numeral_parse (p, n, GW_NUMERAL_DEFAULT);
      const char *q = p + n;

      if (v <= 0 || v > 99)
        return FALSE;
      if (has_prefix_len (q, "、", &sep))
        marker->well_formed = TRUE;
      else if (has_prefix_len (q, "．", &sep) || has_prefix_len (q, "，", &sep) ||
               has_prefix_len (q, "､", &sep) || has_prefix_len (q, "。", &sep) ||
               (has_prefix_len (q, ".", &sep) && !g_ascii_isdigit (q[1])) ||
               has_prefix_len (q, ",", &sep))
        marker->well_formed = FALSE;
      else
        return FALSE;
      marker->level = 1;
      marker->number = v;
      marker->length = (q + sep) - text;
      return TRUE;
    }

  /* 1. — level 3 */
  if (g_ascii_isdigit (*p))
    {
      const char *q = p;
      guint64 value;

      while (g_ascii_isdigit (*q))
        q++;
      if (q - p > 3)
        return FALSE;
      value = g_ascii_strtoull (p, NULL, 10);
      if (value == 0)
        return FALSE;
      if (*q == '.' && !g_ascii_isdigit (q[1]))
        {
          sep = 1;
          marker->well_formed = TRUE;
        }
      else if (has_prefix_len (q, "．", &sep))
        marker->well_formed = TRUE;   /* full-width full stop reads the same */
      else if (has_prefix_len (q, "、", &sep) || has_prefix_len (q, "，", &sep))
        marker->well_formed = FALSE;
      else
        return FALSE;
      marker->level = 3;
      marker->number = (guint) value;
      marker->length = (q + sep) - text;
      return TRUE;
    }

  return FALSE;
}

char *
gw_heading_marker_text (guint level,
                        guint number)
{
  g_autofree char *zh = gw_numeral_format (number, GW_NUMERAL_DEFAULT);

  switch (level)
    {
    case 1:
      return g_strconcat (zh, "、", NULL);
    case 2:
      return g_strconcat ("（", zh, "）", NULL);
    case 3:
      return g_strdup_printf ("%u.", number);
    default:
      return g_strdup_printf ("（%u）", number);
    }
}
