/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-checker"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-checker.h"
#include "gw-error.h"
#include "gw-checker-private.h"
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
          GwDocumentKind  kind,
          GwPolicy       *policy)
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
  if (policy)
    ctx->policy = policy;
  for (guint i = 0; i < active->len; i++)
    if (g_strcmp0 (gw_rule_get_id (g_ptr_array_index (active, i)), "check.incomplete") == 0)
      ctx->incomplete_rule = g_ptr_array_index (active, i);
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

  return check_as (self, doc, gw_document_get_kind (doc), NULL);
}

/* Checks @doc as @kind (the command line's --kind). */
GListModel *
gw_checker_check_as (GwChecker      *self,
                     GwDocument     *doc,
                     GwDocumentKind  kind)
{
  g_return_val_if_fail (GW_IS_CHECKER (self), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  return check_as (self, doc, kind, NULL);
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
  result = check_as (self, doc, gw_document_get_kind (doc), NULL);
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

GListModel *
gw_checker_check_against (GwChecker  *self,
                          GwDocument *form,
                          GwPolicy   *policy)
{
  g_return_val_if_fail (GW_IS_CHECKER (self), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (form), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  return check_as (self, form, gw_document_get_kind (form), policy);
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
