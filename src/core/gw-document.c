/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-document"

#include "config.h"

#include <string.h>

#include "gw-document.h"

typedef struct {
  guint line;
  guint column;
} SourcePos;

struct _GwDocument
{
  GObject         parent_instance;

  GwDocumentKind  kind;
  GwDocumentFormat format;
  char           *meta[GW_N_META];
  SourcePos       meta_pos[GW_N_META];
  GPtrArray      *attachments;      /* char*, NULL-terminated */
  GArray         *attachment_lines; /* guint */
  gboolean        sealed;
  GListStore     *blocks;
  char           *template_id;
  GHashTable     *fields;
  GwEvaluation   *evaluation;
  char           *source_path;
};

G_DEFINE_TYPE (GwDocument, gw_document, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GwDocumentKind, gw_document_kind,
  G_DEFINE_ENUM_VALUE (GW_DOCUMENT_KIND_OPINION, "opinion"),
  G_DEFINE_ENUM_VALUE (GW_DOCUMENT_KIND_EVALUATION, "evaluation"))

G_DEFINE_ENUM_TYPE (GwDocumentFormat, gw_document_format,
  G_DEFINE_ENUM_VALUE (GW_DOCUMENT_FORMAT_DOCUMENT, "document"),
  G_DEFINE_ENUM_VALUE (GW_DOCUMENT_FORMAT_LETTER, "letter"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_FORMAT,
  PROP_SEALED,
  PROP_TEMPLATE_ID,
  PROP_EVALUATION,
  PROP_META_FIRST,
  N_PROPS = PROP_META_FIRST + GW_N_META
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *meta_names[GW_N_META] = {
  "copy-number", "classification", "urgency", "organ-mark", "doc-number",
  "signatory", "title", "recipients", "signature", "date", "note", "copy-to",
  "printing-organ", "printing-date",
};

static const char *kind_names[] = { "opinion", "evaluation" };
static const char *format_names[] = { "document", "letter" };

const char *
gw_document_kind_to_string (GwDocumentKind kind)
{
  g_return_val_if_fail (kind <= GW_DOCUMENT_KIND_EVALUATION, NULL);
  return kind_names[kind];
}

gboolean
gw_document_kind_from_string (const char     *str,
                              GwDocumentKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = (GwDocumentKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
gw_document_format_to_string (GwDocumentFormat format)
{
  g_return_val_if_fail (format <= GW_DOCUMENT_FORMAT_LETTER, NULL);
  return format_names[format];
}

gboolean
gw_document_format_from_string (const char       *str,
                                GwDocumentFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (str, format_names[i]) == 0)
      {
        *format = (GwDocumentFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
gw_meta_to_string (GwMeta meta)
{
  g_return_val_if_fail (meta < GW_N_META, NULL);
  return meta_names[meta];
}

gboolean
gw_meta_from_string (const char *str,
                     GwMeta     *meta)
{
  for (guint i = 0; i < GW_N_META; i++)
    if (g_strcmp0 (str, meta_names[i]) == 0)
      {
        *meta = (GwMeta) i;
        return TRUE;
      }
  return FALSE;
}

/* Without ASCII or ideographic spaces at either end. */
static char *
trim_spaces (const char *s,
             gsize       len)
{
  const char *end = s + len;

  for (;;)
    {
      if (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
        s++;
      else if (end - s >= 3 && memcmp (s, "\u3000", 3) == 0)
        s += 3;
      else
        break;
    }
  for (;;)
    {
      if (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
      else if (end - s >= 3 && memcmp (end - 3, "\u3000", 3) == 0)
        end -= 3;
      else
        break;
    }
  return g_strndup (s, end - s);
}

char **
gw_organ_mark_split (const char *mark,
                     gboolean   *with_suffix)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  gboolean suffix = FALSE;
  const char *p = mark ? mark : "";

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol ? (gsize) (eol - p) : strlen (p);
      g_autofree char *line = trim_spaces (p, len);
      gsize n = strlen (line);

      /* "文件" alone, or after a name (with or without a space before it) */
      if (n >= strlen ("文件") && g_str_has_suffix (line, "文件"))
        {
          g_autofree char *name = trim_spaces (line, n - strlen ("文件"));
          suffix = TRUE;
          if (*name)
            g_strv_builder_add (b, name);
        }
      else if (n > 0)
        g_strv_builder_add (b, line);
      p += len;
      if (*p == '\n')
        p++;
    }
  if (with_suffix)
    *with_suffix = suffix;
  return g_strv_builder_end (b);
}

char *
gw_organ_mark_join (const char * const *organs,
                    gboolean            with_suffix)
{
  GString *s = g_string_new (NULL);
  guint n = organs ? g_strv_length ((char **) organs) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, organs[i]);
    }
  /* A single organ keeps "文件" on its line, as marks have always been
   * written; after several it stands on a line of its own. */
  if (with_suffix)
    g_string_append (s, n >= 2 ? "\n文件" : "文件");
  return g_string_free (s, FALSE);
}

gboolean
gw_organ_mark_is_joint (const char *mark)
{
  g_auto(GStrv) organs = NULL;

  if (mark == NULL || strchr (mark, '\n') == NULL)
    return FALSE;
  organs = gw_organ_mark_split (mark, NULL);
  return g_strv_length (organs) >= 2;
}

static void
emit_changed (GwDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_block_notify_cb (GwBlock    *block,
                    GParamSpec *pspec,
                    GwDocument *self)
{
  emit_changed (self);
}

static void
on_blocks_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GwDocument *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (model, i);
      /* Blocks may move between documents (undo); connect idempotently. */
      g_signal_handlers_disconnect_by_func (block, on_block_notify_cb, self);
      g_signal_connect_object (block, "notify", G_CALLBACK (on_block_notify_cb), self, 0);
    }
  emit_changed (self);
}

static void
on_evaluation_changed_cb (GwEvaluation *evaluation,
                          GwDocument   *self)
{
  emit_changed (self);
}

static void
gw_document_finalize (GObject *object)
{
  GwDocument *self = GW_DOCUMENT (object);

  for (guint i = 0; i < GW_N_META; i++)
    g_free (self->meta[i]);
  g_ptr_array_unref (self->attachments);
  g_array_unref (self->attachment_lines);
  g_clear_object (&self->blocks);
  g_free (self->template_id);
  g_hash_table_unref (self->fields);
  g_clear_object (&self->evaluation);
  g_free (self->source_path);

  G_OBJECT_CLASS (gw_document_parent_class)->finalize (object);
}

static void
gw_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GwDocument *self = GW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_SEALED:
      g_value_set_boolean (value, self->sealed);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;
    case PROP_EVALUATION:
      g_value_set_object (value, self->evaluation);
      break;
    default:
      if (prop_id >= PROP_META_FIRST && prop_id < N_PROPS)
        g_value_set_string (value, self->meta[prop_id - PROP_META_FIRST]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GwDocument *self = GW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      gw_document_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_FORMAT:
      gw_document_set_format (self, g_value_get_enum (value));
      break;
    case PROP_SEALED:
      gw_document_set_sealed (self, g_value_get_boolean (value));
      break;
    case PROP_TEMPLATE_ID:
      gw_document_set_template_id (self, g_value_get_string (value));
      break;
    case PROP_EVALUATION:
      gw_document_set_evaluation (self, g_value_get_object (value));
      break;
    default:
      if (prop_id >= PROP_META_FIRST && prop_id < N_PROPS)
        gw_document_set_meta (self, prop_id - PROP_META_FIRST, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_document_class_init (GwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_document_finalize;
  object_class->get_property = gw_document_get_property;
  object_class->set_property = gw_document_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, GW_TYPE_DOCUMENT_KIND, GW_DOCUMENT_KIND_OPINION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, GW_TYPE_DOCUMENT_FORMAT, GW_DOCUMENT_FORMAT_DOCUMENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEALED] =
    g_param_spec_boolean ("sealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_string ("template-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATION] =
    g_param_spec_object ("evaluation", NULL, NULL, GW_TYPE_EVALUATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < GW_N_META; i++)
    properties[PROP_META_FIRST + i] =
      g_param_spec_string (meta_names[i], NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GwDocument::changed:
   *
   * Emitted after any edit: metadata, fields, blocks (added, removed or
   * changed) or the evaluation form. The window autosaves and re-checks on it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gw_document_init (GwDocument *self)
{
  for (guint i = 0; i < GW_N_META; i++)
    self->meta[i] = g_strdup ("");
  self->attachments = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->attachments, NULL);
  self->attachment_lines = g_array_new (FALSE, TRUE, sizeof (guint));
  self->blocks = g_list_store_new (GW_TYPE_BLOCK);
  g_signal_connect_object (self->blocks, "items-changed",
                           G_CALLBACK (on_blocks_changed_cb), self, 0);
  self->template_id = g_strdup ("");
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GwDocument *
gw_document_new (GwDocumentKind kind)
{
  GwDocument *self = g_object_new (GW_TYPE_DOCUMENT, NULL);

  self->kind = kind;
  if (kind == GW_DOCUMENT_KIND_EVALUATION)
    {
      g_autoptr(GwEvaluation) evaluation = gw_evaluation_new ();
      gw_document_set_evaluation (self, evaluation);
    }
  return self;
}

GwDocument *
gw_document_copy (GwDocument *self)
{
  GwDocument *copy;
  guint n;

  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);

  copy = g_object_new (GW_TYPE_DOCUMENT, NULL);
  copy->kind = self->kind;
  for (guint i = 0; i < GW_N_META; i++)
    {
      g_free (copy->meta[i]);
      copy->meta[i] = g_strdup (self->meta[i]);
      copy->meta_pos[i] = self->meta_pos[i];
    }
  for (guint i = 0; i + 1 < self->attachments->len; i++)
    gw_document_add_attachment (copy, g_ptr_array_index (self->attachments, i),
                                g_array_index (self->attachment_lines, guint, i));
  copy->format = self->format;
  copy->sealed = self->sealed;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (G_LIST_MODEL (self->blocks), i);
      g_autoptr(GwBlock) block_copy = gw_block_copy (block);
      g_list_store_append (copy->blocks, block_copy);
    }
  g_free (copy->template_id);
  copy->template_id = g_strdup (self->template_id);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->fields);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (copy->fields, g_strdup (key), g_strdup (value));
  }
  if (self->evaluation)
    {
      g_autoptr(GwEvaluation) evaluation = gw_evaluation_copy (self->evaluation);
      gw_document_set_evaluation (copy, evaluation);
    }
  copy->source_path = g_strdup (self->source_path);
  return copy;
}

gboolean
gw_document_equal (GwDocument *a,
                   GwDocument *b)
{
  guint n;

  g_return_val_if_fail (GW_IS_DOCUMENT (a) && GW_IS_DOCUMENT (b), FALSE);

  if (a->kind != b->kind || a->format != b->format || a->sealed != b->sealed ||
      g_strcmp0 (a->template_id, b->template_id) != 0)
    return FALSE;
  for (guint i = 0; i < GW_N_META; i++)
    if (g_strcmp0 (a->meta[i], b->meta[i]) != 0)
      return FALSE;
  if (!g_strv_equal ((const char * const *) a->attachments->pdata,
                     (const char * const *) b->attachments->pdata))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (a->blocks));
  if (n != g_list_model_get_n_items (G_LIST_MODEL (b->blocks)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) ba = g_list_model_get_item (G_LIST_MODEL (a->blocks), i);
      g_autoptr(GwBlock) bb = g_list_model_get_item (G_LIST_MODEL (b->blocks), i);
      if (!gw_block_equal (ba, bb))
        return FALSE;
    }

  if (g_hash_table_size (a->fields) != g_hash_table_size (b->fields))
    return FALSE;
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, a->fields);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (g_strcmp0 (value, g_hash_table_lookup (b->fields, key)) != 0)
        return FALSE;
  }

  if ((a->evaluation == NULL) != (b->evaluation == NULL))
    return FALSE;
  if (a->evaluation && !gw_evaluation_equal (a->evaluation, b->evaluation))
    return FALSE;
  return TRUE;
}

GwDocumentKind
gw_document_get_kind (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), GW_DOCUMENT_KIND_OPINION);
  return self->kind;
}

void
gw_document_set_kind (GwDocument     *self,
                      GwDocumentKind  kind)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  emit_changed (self);
}

const char *
gw_document_get_meta (GwDocument *self,
                      GwMeta      meta)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (meta < GW_N_META, NULL);
  return self->meta[meta];
}

void
gw_document_set_meta (GwDocument *self,
                      GwMeta      meta,
                      const char *value)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (meta < GW_N_META);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->meta[meta], value) == 0)
    return;
  g_free (self->meta[meta]);
  self->meta[meta] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_META_FIRST + meta]);
  emit_changed (self);
}

void
gw_document_set_meta_source (GwDocument *self,
                             GwMeta      meta,
                             guint       line,
                             guint       column)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (meta < GW_N_META);

  self->meta_pos[meta].line = line;
  self->meta_pos[meta].column = column;
}

guint
gw_document_get_meta_line (GwDocument *self,
                           GwMeta      meta,
                           guint      *column)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (meta < GW_N_META, 0);

  if (column)
    *column = self->meta_pos[meta].column;
  return self->meta_pos[meta].line;
}

const char * const *
gw_document_get_attachments (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);
  return (const char * const *) self->attachments->pdata;
}

void
gw_document_set_attachments (GwDocument         *self,
                             const char * const *names)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));

  g_ptr_array_set_size (self->attachments, 0);
  g_array_set_size (self->attachment_lines, 0);
  for (guint i = 0; names && names[i]; i++)
    {
      guint zero = 0;
      g_ptr_array_add (self->attachments, g_strdup (names[i]));
      g_array_append_val (self->attachment_lines, zero);
    }
  g_ptr_array_add (self->attachments, NULL);
  emit_changed (self);
}

void
gw_document_add_attachment (GwDocument *self,
                            const char *name,
                            guint       line)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  /* keep the array NULL-terminated */
  g_ptr_array_index (self->attachments, self->attachments->len - 1) = g_strdup (name);
  g_ptr_array_add (self->attachments, NULL);
  g_array_append_val (self->attachment_lines, line);
  emit_changed (self);
}

guint
gw_document_get_attachment_line (GwDocument *self,
                                 guint       index)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), 0);

  if (index >= self->attachment_lines->len)
    return 0;
  return g_array_index (self->attachment_lines, guint, index);
}

GwDocumentFormat
gw_document_get_format (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), GW_DOCUMENT_FORMAT_DOCUMENT);
  return self->format;
}

void
gw_document_set_format (GwDocument      *self,
                        GwDocumentFormat format)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (format <= GW_DOCUMENT_FORMAT_LETTER);

  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
  emit_changed (self);
}

gboolean
gw_document_get_sealed (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), FALSE);
  return self->sealed;
}

void
gw_document_set_sealed (GwDocument *self,
                        gboolean    sealed)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));

  sealed = !!sealed;
  if (self->sealed == sealed)
    return;
  self->sealed = sealed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEALED]);
  emit_changed (self);
}

GListStore *
gw_document_get_blocks (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);
  return self->blocks;
}

guint
gw_document_get_n_blocks (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
}

GwBlock *
gw_document_get_block (GwDocument *self,
                       guint       position)
{
  GwBlock *block;

  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);

  /* transfer none: the store keeps its reference */
  block = g_list_model_get_item (G_LIST_MODEL (self->blocks), position);
  if (block)
    g_object_unref (block);
  return block;
}

void
gw_document_append_block (GwDocument *self,
                          GwBlock    *block)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (GW_IS_BLOCK (block));

  g_list_store_append (self->blocks, block);
}

const char *
gw_document_get_template_id (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);
  return self->template_id;
}

void
gw_document_set_template_id (GwDocument *self,
                             const char *id)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));

  if (id == NULL)
    id = "";
  if (g_strcmp0 (self->template_id, id) == 0)
    return;
  g_free (self->template_id);
  self->template_id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
  emit_changed (self);
}

const char *
gw_document_get_field (GwDocument *self,
                       const char *name)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->fields, name);
}

void
gw_document_set_field (GwDocument *self,
                       const char *name,
                       const char *value)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  if (value == NULL)
    {
      if (g_hash_table_remove (self->fields, name))
        emit_changed (self);
      return;
    }
  if (g_strcmp0 (g_hash_table_lookup (self->fields, name), value) == 0)
    return;
  g_hash_table_insert (self->fields, g_strdup (name), g_strdup (value));
  emit_changed (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GPtrArray *
gw_document_list_fields (GwDocument *self)
{
  GPtrArray *names;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  return names;
}

GwEvaluation *
gw_document_get_evaluation (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);
  return self->evaluation;
}

void
gw_document_set_evaluation (GwDocument   *self,
                            GwEvaluation *evaluation)
{
  g_return_if_fail (GW_IS_DOCUMENT (self));
  g_return_if_fail (evaluation == NULL || GW_IS_EVALUATION (evaluation));

  if (self->evaluation == evaluation)
    return;
  if (self->evaluation)
    g_signal_handlers_disconnect_by_func (self->evaluation, on_evaluation_changed_cb, self);
  g_set_object (&self->evaluation, evaluation);
  if (evaluation)
    g_signal_connect_object (evaluation, "changed",
                             G_CALLBACK (on_evaluation_changed_cb), self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION]);
  emit_changed (self);
}

static void
append_line (GString    *s,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (s, text);
  g_string_append_c (s, '\n');
}

char *
gw_document_to_plain_text (GwDocument *self)
{
  GString *s;
  guint n;

  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);

  s = g_string_new (NULL);
  append_line (s, self->meta[GW_META_COPY_NUMBER]);
  append_line (s, self->meta[GW_META_CLASSIFICATION]);
  append_line (s, self->meta[GW_META_URGENCY]);
  append_line (s, self->meta[GW_META_ORGAN_MARK]);
  append_line (s, self->meta[GW_META_DOC_NUMBER]);
  append_line (s, self->meta[GW_META_TITLE]);
  append_line (s, self->meta[GW_META_RECIPIENTS]);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwBlock) block = g_list_model_get_item (G_LIST_MODEL (self->blocks), i);
      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        break;  /* attachment pages come after the signature */
      append_line (s, gw_block_get_text (block));
    }

  for (guint i = 0; i + 1 < self->attachments->len; i++)
    {
      const char *name = g_ptr_array_index (self->attachments, i);
      if (self->attachments->len == 2)
        g_string_append_printf (s, "附件：%s\n", name);
      else
        g_string_append_printf (s, "%s%u．%s\n", i == 0 ? "附件：" : "", i + 1, name);
    }

  append_line (s, self->meta[GW_META_SIGNATURE]);
  append_line (s, self->meta[GW_META_DATE]);
  if (*self->meta[GW_META_NOTE])
    g_string_append_printf (s, "（%s）\n", self->meta[GW_META_NOTE]);

  {
    gboolean in_attachment = FALSE;
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GwBlock) block = g_list_model_get_item (G_LIST_MODEL (self->blocks), i);
        if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
          {
            in_attachment = TRUE;
            if (gw_block_get_number (block) > 0)
              g_string_append_printf (s, "附件%u\n", gw_block_get_number (block));
            else
              g_string_append (s, "附件\n");
          }
        if (in_attachment)
          append_line (s, gw_block_get_text (block));
      }
  }

  if (*self->meta[GW_META_COPY_TO])
    g_string_append_printf (s, "抄送：%s\n", self->meta[GW_META_COPY_TO]);
  if (*self->meta[GW_META_PRINTING_ORGAN] || *self->meta[GW_META_PRINTING_DATE])
    g_string_append_printf (s, "%s %s印发\n", self->meta[GW_META_PRINTING_ORGAN],
                            self->meta[GW_META_PRINTING_DATE]);
  return g_string_free (s, FALSE);
}

const char *
gw_document_get_source_path (GwDocument *self)
{
  g_return_val_if_fail (GW_IS_DOCUMENT (self), NULL);
  return self->source_path;
}

void
gw_document_set_source_path (GwDocument *self,
                             const char *path)
{
  char *copy;

  g_return_if_fail (GW_IS_DOCUMENT (self));

  /* Copied first: @path may be the string this replaces. */
  copy = g_strdup (path);
  g_free (self->source_path);
  self->source_path = copy;
}
