/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-checker"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-checker.h"
#include "gw-error.h"
#include "gw-rule-private.h"
#include "gw-rules-resources.h"

#define RULES_RESOURCE_DIR "/io/github/gongwen/Gongwen/rules/"

struct _GwChecker
{
  GObject      parent_instance;

  GMutex       lock;
  GPtrArray   *packs;        /* GwRulePack* */
  GHashTable  *shipped;      /* rule ids of the shipped packs */
  GHashTable  *disabled;     /* ids switched off by user packs */
  GPtrArray   *active;       /* GwRule*, replaced (never changed) under @lock */
  GListStore  *rules;        /* the same, for the UI (main thread only) */
  GwNumberRegistry *registry; /* for format.doc-number-register, under @lock */
};

G_DEFINE_TYPE (GwChecker, gw_checker, G_TYPE_OBJECT)

static void
gw_checker_finalize (GObject *object)
{
  GwChecker *self = GW_CHECKER (object);

  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->shipped, g_hash_table_unref);
  g_clear_pointer (&self->disabled, g_hash_table_unref);
  g_clear_pointer (&self->active, g_ptr_array_unref);
  g_clear_object (&self->rules);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (gw_checker_parent_class)->finalize (object);
}

static void
gw_checker_class_init (GwCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_checker_finalize;
}

static void
gw_checker_init (GwChecker *self)
{
  g_mutex_init (&self->lock);
  self->packs = g_ptr_array_new_with_free_func (g_object_unref);
  self->shipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->disabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->active = g_ptr_array_new_with_free_func (g_object_unref);
  self->rules = g_list_store_new (GW_TYPE_RULE);
}

/* An empty checker: packs are added with gw_checker_add_pack(). */
GwChecker *
gw_checker_new (void)
{
  return g_object_new (GW_TYPE_CHECKER, NULL);
}

static void
rebuild_active (GwChecker *self)
{
  g_autoptr(GPtrArray) active = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *old;

  for (guint i = 0; i < self->packs->len; i++)
    {
      GListModel *rules = gw_rule_pack_get_rules (g_ptr_array_index (self->packs, i));
      for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
        {
          GwRule *rule = g_list_model_get_item (rules, j);
          if (g_hash_table_contains (self->disabled, gw_rule_get_id (rule)))
            g_object_unref (rule);
          else
            g_ptr_array_add (active, rule);
        }
    }

  g_mutex_lock (&self->lock);
  old = self->active;
  self->active = g_steal_pointer (&active);
  g_mutex_unlock (&self->lock);
  g_ptr_array_unref (old);

  g_list_store_splice (self->rules, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rules)),
                       self->active->pdata, self->active->len);
}

/* Adds @pack; @shipped marks its ids as the catalogue's (no later pack may
 * reuse them). */
gboolean
gw_checker_add_pack (GwChecker   *self,
                     GwRulePack  *pack,
                     gboolean     shipped,
                     GError     **error)
{
  GListModel *rules;
  const char * const *disabled;
  const char *where;

  g_return_val_if_fail (GW_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (GW_IS_RULE_PACK (pack), FALSE);

  where = gw_rule_pack_get_path (pack) ? gw_rule_pack_get_path (pack) : gw_rule_pack_get_name (pack);
  rules = gw_rule_pack_get_rules (pack);

  for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
    {
      g_autoptr(GwRule) rule = g_list_model_get_item (rules, j);
      const char *id = gw_rule_get_id (rule);

      if (g_hash_table_contains (self->shipped, id))
        {
          g_set_error (error, GW_ERROR, GW_ERROR_RULE_PACK,
                       _("%s: rule “%s”, key “id”: a shipped rule has this id; a pack may add "
                         "rules or disable shipped ones, never redefine them"), where, id);
          return FALSE;
        }
      for (guint i = 0; i < self->packs->len; i++)
        {
          GListModel *other = gw_rule_pack_get_rules (g_ptr_array_index (self->packs, i));
          for (guint k = 0; k < g_list_model_get_n_items (other); k++)
            {
              g_autoptr(GwRule) o = g_list_model_get_item (other, k);
              if (g_str_equal (gw_rule_get_id (o), id))
                {
                  g_set_error (error, GW_ERROR, GW_ERROR_RULE_PACK,
                               _("%s: rule “%s”, key “id”: already defined by pack “%s”"),
                               where, id, gw_rule_pack_get_name (g_ptr_array_index (self->packs, i)));
                  return FALSE;
                }
            }
        }
    }

  disabled = gw_rule_pack_get_disabled (pack);
  for (guint i = 0; disabled && disabled[i]; i++)
    {
      gboolean known = g_hash_table_contains (self->shipped, disabled[i]);
      for (guint p = 0; !known && p < self->packs->len; p++)
        {
          GListModel *other = gw_rule_pack_get_rules (g_ptr_array_index (self->packs, p));
          for (guint k = 0; !known && k < g_list_model_get_n_items (other); k++)
            {
              g_autoptr(GwRule) o = g_list_model_get_item (other, k);
              known = g_str_equal (gw_rule_get_id (o), disabled[i]);
            }
        }
      if (!known)
        {
          g_set_error (error, GW_ERROR, GW_ERROR_RULE_PACK,
                       _("%s: key “disable”: no active rule has the id “%s”"), where, disabled[i]);
          return FALSE;
        }
    }

  for (guint i = 0; disabled && disabled[i]; i++)
    g_hash_table_add (self->disabled, g_strdup (disabled[i]));
  if (shipped)
    for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
      {
        g_autoptr(GwRule) rule = g_list_model_get_item (rules, j);
        g_hash_table_add (self->shipped, g_strdup (gw_rule_get_id (rule)));
      }
  g_ptr_array_add (self->packs, g_object_ref (pack));
  rebuild_active (self);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Resource paths of the shipped packs, sorted. */
char **
gw_checker_list_shipped_packs (void)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  static gsize registered;

  /* Referencing the resource also keeps its object file in a static link. */
  if (g_once_init_enter (&registered))
    {
      GResource *resource = gw_rules_get_resource ();
      g_autoptr(GBytes) probe = g_resources_lookup_data (RULES_RESOURCE_DIR "opinion.json", 0, NULL);
      if (probe == NULL)
        g_resources_register (resource);
      g_once_init_leave (&registered, 1);
    }
  children = g_resources_enumerate_children (RULES_RESOURCE_DIR, 0, NULL);
  for (guint i = 0; children && children[i]; i++)
    if (g_str_has_suffix (children[i], ".json"))
      g_ptr_array_add (paths, g_strconcat (RULES_RESOURCE_DIR, children[i], NULL));
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

GwChecker *
gw_checker_new_default (GError **error)
{
  g_autoptr(GwChecker) self = gw_checker_new ();
  g_auto(GStrv) packs = gw_checker_list_shipped_packs ();

  for (guint i = 0; packs[i]; i++)
    {
      g_autoptr(GwRulePack) pack = gw_rule_pack_new_from_resource (packs[i], error);
      if (pack == NULL || !gw_checker_add_pack (self, pack, TRUE, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
gw_checker_add_pack_file (GwChecker   *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GwRulePack) pack = NULL;

  g_return_val_if_fail (GW_IS_CHECKER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pack = gw_rule_pack_new_from_file (path, error);
  if (pack == NULL)
    return FALSE;
  return gw_checker_add_pack (self, pack, FALSE, error);
}

GListModel *
gw_checker_get_rules (GwChecker *self)
{
  g_return_val_if_fail (GW_IS_CHECKER (self), NULL);
  return G_LIST_MODEL (self->rules);
}

/* ---- the document prepared for matching --------------------------------- */

static gsize
bsearch_last_below (GArray *a,
                    gsize   pos)
{
  /* index of the last element < pos, or G_MAXSIZE */
  gsize lo = 0, hi = a->len;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (g_array_index (a, gsize, mid) < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo == 0 ? G_MAXSIZE : lo - 1;
}

/* The catalogue's required content (a leading group, the three tiers, the
 * use of evaluation results, …) is what a document that governs the
 * stations must say: an implementation opinion, and a notice (通知) that
 * regulates them too (the catalogue's "opinion" kind, as the independent
 * corpus reads it). Correspondence on the same subject — a letter (函, or
 * the 信函 format), a report, a request, a reply, minutes — is checked for
 * what it says, not for what it leaves out, unless its title names a
 * policy it carries (…实施意见的函). */
static gboolean
is_whole_opinion (GwDocument *doc)
{
  static const char *const policies[] = { "意见", "办法", "方案", "细则", "规定", "规划" };
  static const char *const others[] = { "函", "报告", "请示", "批复", "纪要" };
  const char *title = gw_document_get_meta (doc, GW_META_TITLE);
  g_autofree char *flat = NULL;

  if (title == NULL || *title == '\0')
    return gw_document_get_format (doc) != GW_DOCUMENT_FORMAT_LETTER;
  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    if (strstr (title, policies[i]))
      return TRUE;
  if (gw_document_get_format (doc) == GW_DOCUMENT_FORMAT_LETTER)
    return FALSE;
  flat = g_strstrip (g_strdup (title));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_has_suffix (flat, others[i]))
      return FALSE;
  return TRUE;
}

GwCheckContext *
_gw_check_context_new (GwDocument     *doc,
                       GwDocumentKind  kind,
                       guint           lang)
{
  GwCheckContext *ctx = g_new0 (GwCheckContext, 1);
  guint *stack;
  guint *ranks;
  guint depth = 0;

  ctx->doc = g_object_ref (doc);
  ctx->kind = kind;
  ctx->whole_opinion = kind != GW_DOCUMENT_KIND_OPINION || is_whole_opinion (doc);
  ctx->lang = lang;
  ctx->n_blocks = gw_document_get_n_blocks (doc);
  ctx->blocks = g_new0 (GwBlock *, ctx->n_blocks + 1);
  ctx->block_start = g_new0 (guint, ctx->n_blocks + 1);
  ctx->block_orig = g_new0 (guint, ctx->n_blocks + 1);
  ctx->section_start = g_new0 (guint, ctx->n_blocks + 1);
  ctx->section_end = g_new0 (guint, ctx->n_blocks + 1);
  ctx->map = gw_text_map_new ();

  {
    gsize total = 0;
    for (guint i = 0; i < ctx->n_blocks; i++)
      {
        ctx->blocks[i] = g_list_model_get_item (G_LIST_MODEL (gw_document_get_blocks (doc)), i);
        total += strlen (gw_block_get_text (ctx->blocks[i]) ? gw_block_get_text (ctx->blocks[i]) : "") + 1;
      }
    gw_text_map_reserve (ctx->map, total);
  }
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      GwBlock *block = ctx->blocks[i];
      const char *text = gw_block_get_text (block);
      gsize before;

      gw_text_map_append_break (ctx->map, 0);
      gw_text_map_get_text (ctx->map, &before);
      ctx->block_start[i] = before;
      ctx->block_orig[i] = gw_text_map_get_n_orig_chars (ctx->map);
      if (gw_block_get_kind (block) == GW_BLOCK_TABLE && text)
        {
          /* A row is a sentence: 价格 | 30分 reads as one phrase (the tab
           * between cells is dropped like any space in Chinese text) but
           * must not run into the next row. One character for one keeps
           * the offsets. */
          GString *t = g_string_sized_new (strlen (text) + 64);
          for (const char *p = text; *p; p++)
            {
              if (*p == '\n')
                g_string_append (t, "。");
              else
                g_string_append_c (t, *p);
            }
          gw_text_map_append (ctx->map, t->str, t->len);
          g_string_free (t, TRUE);
        }
      else
        gw_text_map_append (ctx->map, text ? text : "", -1);
    }
  ctx->text = gw_text_map_get_text (ctx->map, &ctx->len);
  ctx->block_start[ctx->n_blocks] = ctx->len;
  ctx->block_orig[ctx->n_blocks] = gw_text_map_get_n_orig_chars (ctx->map);

  for (guint u = 0; u < 3; u++)
    ctx->delims[u] = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* Byte-wise: \n, 。(E3 80 82) and ！，；？ (EF BC 81/8C/9B/9F) are the only
   * delimiters, and none of their bytes starts another character. */
  for (gsize pos = 0; pos < ctx->len; pos++)
    {
      const guchar *p = (const guchar *) ctx->text + pos;
      if (*p == '\n')
        {
          for (guint u = 0; u < 3; u++)
            g_array_append_val (ctx->delims[u], pos);
        }
      else if (*p == 0xE3 && pos + 2 < ctx->len && p[1] == 0x80 && p[2] == 0x82)
        {
          g_array_append_val (ctx->delims[GW_TEXT_CLAUSE], pos);
          g_array_append_val (ctx->delims[GW_TEXT_SENTENCE], pos);
        }
      else if (*p == 0xEF && pos + 2 < ctx->len && p[1] == 0xBC)
        {
          if (p[2] == 0x81 || p[2] == 0x9F)
            {
              g_array_append_val (ctx->delims[GW_TEXT_CLAUSE], pos);
              g_array_append_val (ctx->delims[GW_TEXT_SENTENCE], pos);
            }
          else if (p[2] == 0x8C || p[2] == 0x9B)
            g_array_append_val (ctx->delims[GW_TEXT_CLAUSE], pos);
        }
    }

  /* Sections: a heading and what follows it up to the next heading of the
   * same or a higher level; other blocks belong to the nearest heading. An
   * attachment ranks above every heading (rank 0): it ends all open
   * sections, the previous attachment's too, and the headings inside it
   * stay within it. */
  stack = g_new0 (guint, ctx->n_blocks + 1);
  ranks = g_new0 (guint, ctx->n_blocks + 1);
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      GwBlockKind block_kind = gw_block_get_kind (ctx->blocks[i]);

      if (block_kind == GW_BLOCK_HEADING || block_kind == GW_BLOCK_ATTACHMENT)
        {
          guint rank = block_kind == GW_BLOCK_ATTACHMENT ? 0 : MAX (gw_block_get_level (ctx->blocks[i]), 1);

          while (depth > 0 && ranks[depth - 1] >= rank)
            ctx->section_end[stack[--depth]] = i;
          ranks[depth] = rank;
          stack[depth++] = i;
          ctx->section_start[i] = i;
        }
      else
        ctx->section_start[i] = depth > 0 ? stack[depth - 1] : G_MAXUINT;
    }
  while (depth > 0)
    ctx->section_end[stack[--depth]] = ctx->n_blocks;
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      if (ctx->section_start[i] == G_MAXUINT)
        {
          ctx->section_start[i] = 0;
          ctx->section_end[i] = ctx->n_blocks;
        }
      else if (ctx->section_start[i] != i)
        ctx->section_end[i] = ctx->section_end[ctx->section_start[i]];
    }
  g_free (stack);
  g_free (ranks);
  return ctx;
}

void
_gw_check_context_free (GwCheckContext *ctx)
{
  if (ctx == NULL)
    return;
  for (guint i = 0; i < ctx->n_blocks; i++)
    g_object_unref (ctx->blocks[i]);
  g_free (ctx->blocks);
  g_free (ctx->block_start);
  g_free (ctx->block_orig);
  g_free (ctx->section_start);
  g_free (ctx->section_end);
  for (guint u = 0; u < 3; u++)
    g_array_unref (ctx->delims[u]);
  gw_text_map_free (ctx->map);
  _gw_prefilter_index_free (ctx->prefilter);
  g_object_unref (ctx->doc);
  g_free (ctx);
}

guint
_gw_check_context_block_at (GwCheckContext *ctx,
                            gsize           pos)
{
  guint lo = 0, hi = ctx->n_blocks;

  if (ctx->n_blocks == 0)
    return 0;
  /* last block whose start <= pos */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (ctx->block_start[mid] <= pos)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

void
_gw_check_context_unit (GwCheckContext *ctx,
                        gsize           pos,
                        GwWithin        within,
                        gsize          *start,
                        gsize          *end)
{
  GArray *d;
  gsize i;

  if (within == GW_WITHIN_DOCUMENT || ctx->n_blocks == 0)
    {
      *start = 0;
      *end = ctx->len;
      return;
    }
  if (within == GW_WITHIN_SECTION)
    {
      guint b = _gw_check_context_block_at (ctx, pos);
      *start = ctx->block_start[ctx->section_start[b]];
      *end = ctx->block_start[ctx->section_end[b]];
      return;
    }
  d = ctx->delims[within == GW_WITHIN_CLAUSE ? GW_TEXT_CLAUSE :
                  within == GW_WITHIN_SENTENCE ? GW_TEXT_SENTENCE : GW_TEXT_PARAGRAPH];
  i = bsearch_last_below (d, pos);
  if (i == G_MAXSIZE)
    *start = 0;
  else
    {
      gsize dp = g_array_index (d, gsize, i);
      *start = dp + (ctx->text[dp] == '\n' ? 1 : 3);
    }
  i = (i == G_MAXSIZE) ? 0 : i + 1;
  /* first delimiter >= pos */
  while (i < d->len && g_array_index (d, gsize, i) < pos)
    i++;
  *end = i < d->len ? g_array_index (d, gsize, i) : ctx->len;
}

/* ---- placing findings --------------------------------------------------- */

static char *
excerpt_of (const char *text,
            guint       from,
            guint       to,
            guint       hit)
{
  const guint max = 80;
  g_autofree char *s = NULL;

  if (to - from > max)
    {
      guint start = hit > from + 20 ? hit - 20 : from;
      guint stop = MIN (to, start + max);
      s = g_utf8_substring (text, start, stop);
      return g_strconcat (start > from ? "…" : "", s, stop < to ? "…" : "", NULL);
    }
  return g_utf8_substring (text, from, to);
}

void
_gw_finding_place_block (GwCheckContext *ctx,
                         GwFinding      *finding,
                         guint           index,
                         guint           offset,
                         guint           length)
{
  GwBlock *block = ctx->blocks[index];
  const char *text = gw_block_get_text (block);
  guint line = 0, column = 0;
  guint n = g_utf8_strlen (text, -1);
  guint from = 0, to = n;

  gw_finding_set_place (finding, index, -1, NULL, offset, length);
  gw_block_map_offset (block, offset, &line, &column);
  gw_finding_set_position (finding, line, column);

  /* The sentence around the place, as the author wrote it. */
  for (const char *p = g_utf8_offset_to_pointer (text, MIN (offset, n)); p > text;)
    {
      const char *q = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (q);
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n')
        break;
      p = q;
      from = g_utf8_pointer_to_offset (text, p);
    }
  {
    const char *p = g_utf8_offset_to_pointer (text, MIN (offset + length, n));
    to = g_utf8_pointer_to_offset (text, p);
    for (; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        to++;
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n')
          {
            if (c == '\n')
              to--;
            break;
          }
      }
    to = MIN (to, n);
  }
  if (from > offset)
    from = offset;
  {
    g_autofree char *excerpt = excerpt_of (text, from, MAX (to, from), offset);
    g_strstrip (excerpt);
    gw_finding_set_excerpt (finding, excerpt);
  }
}

void
_gw_finding_place_text (GwCheckContext *ctx,
                        GwFinding      *finding,
                        gsize           start,
                        gsize           end)
{
  guint orig, length, b, n;

  if (ctx->n_blocks == 0)
    return;
  gw_text_map_range_to_original (ctx->map, start, end, &orig, &length);
  b = _gw_check_context_block_at (ctx, start);
  /* A range that starts on the break between blocks belongs to the next. */
  while (b + 1 < ctx->n_blocks && orig >= ctx->block_orig[b + 1])
    b++;
  orig = MAX (orig, ctx->block_orig[b]);
  n = ctx->block_orig[b + 1] - ctx->block_orig[b];
  orig -= ctx->block_orig[b];
  if (orig + length > n)
    length = n > orig ? n - orig : 0;
  _gw_finding_place_block (ctx, finding, b, orig, length);
}

void
_gw_finding_place_meta (GwCheckContext *ctx,
                        GwFinding      *finding,
                        GwMeta          meta,
                        guint           offset,
                        guint           length)
{
  guint line, column = 0;
  const char *value = gw_document_get_meta (ctx->doc, meta);

  gw_finding_set_place (finding, -1, meta, NULL, offset, length);
  line = gw_document_get_meta_line (ctx->doc, meta, &column);
  if (line > 0)
    gw_finding_set_position (finding, line, MAX (column, 1) + offset);
  else
    gw_finding_set_position (finding, 1, offset + 1);
  if (value)
    gw_finding_set_excerpt (finding, value);
}

/* ---- sorting ------------------------------------------------------------ */

static void
sort_key (GwFinding *f,
          guint      n_blocks,
          guint     *group,
          guint     *index)
{
  int block = gw_finding_get_block (f);
  int meta = gw_finding_get_meta (f);

  /* The document as a whole first, then the head, the body and the tail. */
  if (block >= 0)
    {
      *group = 2;
      *index = block;
    }
  else if (meta >= 0)
    {
      *group = meta < GW_META_SIGNATURE ? 1 : 3;
      *index = meta;
    }
  else if (gw_finding_get_line (f) > 0)
    {
      *group = 2;
      *index = n_blocks;
    }
  else
    {
      *group = 0;
      *index = 0;
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  GwFinding *fa = *(GwFinding **) a, *fb = *(GwFinding **) b;
  guint n_blocks = GPOINTER_TO_UINT (data);
  guint ga, ia, gb, ib;

  sort_key (fa, n_blocks, &ga, &ia);
  sort_key (fb, n_blocks, &gb, &ib);
  if (ga != gb)
    return ga < gb ? -1 : 1;
  if (ia != ib)
    return ia < ib ? -1 : 1;
  if (gw_finding_get_line (fa) != gw_finding_get_line (fb))
    return gw_finding_get_line (fa) < gw_finding_get_line (fb) ? -1 : 1;
  if (gw_finding_get_offset (fa) != gw_finding_get_offset (fb))
    return gw_finding_get_offset (fa) < gw_finding_get_offset (fb) ? -1 : 1;
  return g_strcmp0 (gw_finding_get_rule_id (fa), gw_finding_get_rule_id (fb));
}

void
_gw_findings_sort (GPtrArray  *findings,
                   GwDocument *doc)
{
  g_ptr_array_sort_with_data (findings, compare_findings,
                              GUINT_TO_POINTER (gw_document_get_n_blocks (doc)));
}

/* ---- checking ----------------------------------------------------------- */

void
gw_checker_set_registry (GwChecker        *self,
                         GwNumberRegistry *registry)
{
  g_return_if_fail (GW_IS_CHECKER (self));
  g_return_if_fail (registry == NULL || GW_IS_NUMBER_REGISTRY (registry));

  g_mutex_lock (&self->lock);
  g_set_object (&self->registry, registry);
  g_mutex_unlock (&self->lock);
}

static GListModel *
check_as (GwChecker      *self,
          GwDocument     *doc,
          GwDocumentKind  kind)
{
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GwCheckContext) ctx = NULL;
  g_autoptr(GwNumberRegistry) registry = NULL;
  GListStore *store;

  g_mutex_lock (&self->lock);
  active = g_ptr_array_ref (self->active);
  registry = self->registry ? g_object_ref (self->registry) : NULL;
  g_mutex_unlock (&self->lock);

  ctx = _gw_check_context_new (doc, kind, _gw_lang_current ());
  ctx->registry = registry;
  for (guint i = 0; i < active->len; i++)
    {
      GwRule *rule = g_ptr_array_index (active, i);
      if (gw_rule_applies_to (rule, kind))
        _gw_rule_check (rule, ctx, findings);
    }
  _gw_findings_sort (findings, doc);

  store = g_list_store_new (GW_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, findings->pdata, findings->len);
  return G_LIST_MODEL (store);
}

GListModel *
gw_checker_check (GwChecker  *self,
                  GwDocument *doc)
{
  g_return_val_if_fail (GW_IS_CHECKER (self), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  return check_as (self, doc, gw_document_get_kind (doc));
}

/* Checks @doc as @kind (the command line's --kind). */
GListModel *
gw_checker_check_as (GwChecker      *self,
                     GwDocument     *doc,
                     GwDocumentKind  kind)
{
  g_return_val_if_fail (GW_IS_CHECKER (self), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  return check_as (self, doc, kind);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GwChecker *self = source_object;
  GwDocument *doc = task_data;
  GListModel *result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = check_as (self, doc, gw_document_get_kind (doc));
  g_task_return_pointer (task, result, g_object_unref);
}

void
gw_checker_check_async (GwChecker           *self,
                        GwDocument          *doc,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GW_IS_CHECKER (self));
  g_return_if_fail (GW_IS_DOCUMENT (doc));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gw_checker_check_async);
  /* The window goes on editing its document while the worker reads: the
   * worker gets a snapshot of its own. */
  g_task_set_task_data (task, gw_document_copy (doc), g_object_unref);
  g_task_run_in_thread (task, check_thread);
}

GListModel *
gw_checker_check_finish (GwChecker     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (GW_IS_CHECKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- kind detection ----------------------------------------------------- */

GwDocumentKind
gw_checker_detect_kind (GwDocument *doc)
{
  static const char *form_cues[] = {
    "评估表", "评分表", "考核表", "评估指标", "评分标准", "自评分", "得分", "评估等次",
    "一票否决", "统一社会信用代码", "评估人员", "评估组长", "合同编号",
  };
  static const char *opinion_cues[] = {
    "实施意见", "通知", "意见", "方案", "办法", "各镇", "各乡镇", "各街道", "现将",
  };
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;
  const char *title;
  guint form = 0, opinion = 0;

  g_return_val_if_fail (GW_IS_DOCUMENT (doc), GW_DOCUMENT_KIND_OPINION);

  if (gw_document_get_evaluation (doc) != NULL)
    return GW_DOCUMENT_KIND_EVALUATION;

  title = gw_document_get_meta (doc, GW_META_TITLE);
  if (title && (strstr (title, "评估表") || strstr (title, "评分表") || strstr (title, "考核表")))
    return GW_DOCUMENT_KIND_EVALUATION;

  text = gw_document_to_plain_text (doc);
  head = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 3000));
  for (guint i = 0; i < G_N_ELEMENTS (form_cues); i++)
    if (strstr (head, form_cues[i]))
      form++;
  for (guint i = 0; i < G_N_ELEMENTS (opinion_cues); i++)
    if (strstr (head, opinion_cues[i]))
      opinion++;
  if (gw_document_get_meta (doc, GW_META_RECIPIENTS) &&
      *gw_document_get_meta (doc, GW_META_RECIPIENTS))
    opinion += 2;
  if (gw_document_get_meta (doc, GW_META_DOC_NUMBER) &&
      *gw_document_get_meta (doc, GW_META_DOC_NUMBER))
    opinion += 2;
  return form >= 4 && form > opinion ? GW_DOCUMENT_KIND_EVALUATION : GW_DOCUMENT_KIND_OPINION;
}
