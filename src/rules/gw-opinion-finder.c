/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-opinion-finder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-error.h"
#include "gw-evaluation.h"
#include "gw-opinion-finder.h"
#include "gw-open.h"
#include "gw-text.h"

/* Recent files are opened one by one to read their number: only the
 * newest few, and only formats that open without LibreOffice. */
#define MAX_RECENT 40

typedef struct {
  GwDocument *doc;
  char       *path;
  char       *number;   /* normalised */
} OpenOpinion;

struct _GwOpinionFinder
{
  GObject           parent_instance;
  GPtrArray        *open;       /* OpenOpinion* */
  GwNumberRegistry *registry;
  char             *recent_file;
};

G_DEFINE_FINAL_TYPE (GwOpinionFinder, gw_opinion_finder, G_TYPE_OBJECT)

static void
open_opinion_free (gpointer data)
{
  OpenOpinion *o = data;

  g_object_unref (o->doc);
  g_free (o->path);
  g_free (o->number);
  g_free (o);
}

static void
gw_opinion_finder_finalize (GObject *object)
{
  GwOpinionFinder *self = GW_OPINION_FINDER (object);

  g_ptr_array_unref (self->open);
  g_clear_object (&self->registry);
  g_free (self->recent_file);
  G_OBJECT_CLASS (gw_opinion_finder_parent_class)->finalize (object);
}

static void
gw_opinion_finder_class_init (GwOpinionFinderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_opinion_finder_finalize;
}

static void
gw_opinion_finder_init (GwOpinionFinder *self)
{
  self->open = g_ptr_array_new_with_free_func (open_opinion_free);
  self->recent_file = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
}

GwOpinionFinder *
gw_opinion_finder_new (void)
{
  return g_object_new (GW_TYPE_OPINION_FINDER, NULL);
}

/* 神民发〔2024〕5号, 神民发[2024]5号, 神民发［2024］5 号 and 神民发【2024】5号
 * are one number as people type it. */
static char *
normalise_number (const char *number)
{
  g_autofree char *folded = gw_text_fold_width (number ? number : "");
  GString *s = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c == '[' || c == 0x3010 /* 【 */ || c == '(' || c == 0xFF08 /* （ */)
        c = 0x3014; /* 〔 */
      else if (c == ']' || c == 0x3011 /* 】 */ || c == ')' || c == 0xFF09 /* ） */)
        c = 0x3015; /* 〕 */
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

void
gw_opinion_finder_add_open (GwOpinionFinder *self,
                            GwDocument      *opinion,
                            const char      *path)
{
  OpenOpinion *o;

  g_return_if_fail (GW_IS_OPINION_FINDER (self));
  g_return_if_fail (GW_IS_DOCUMENT (opinion));

  o = g_new0 (OpenOpinion, 1);
  o->doc = gw_document_copy (opinion);
  o->path = g_strdup (path);
  o->number = normalise_number (gw_document_get_meta (opinion, GW_META_DOC_NUMBER));
  g_ptr_array_add (self->open, o);
}

void
gw_opinion_finder_set_registry (GwOpinionFinder  *self,
                                GwNumberRegistry *registry)
{
  g_return_if_fail (GW_IS_OPINION_FINDER (self));
  g_return_if_fail (registry == NULL || GW_IS_NUMBER_REGISTRY (registry));
  g_set_object (&self->registry, registry);
}

void
gw_opinion_finder_set_recent_file (GwOpinionFinder *self,
                                   const char      *path)
{
  g_return_if_fail (GW_IS_OPINION_FINDER (self));
  g_free (self->recent_file);
  self->recent_file = g_strdup (path);
}

/* ---- the reference ------------------------------------------------------ */

char *
gw_opinion_reference_get (GwDocument *form)
{
  GwEvaluation *ev;
  char *reference;

  g_return_val_if_fail (GW_IS_DOCUMENT (form), NULL);

  ev = gw_document_get_evaluation (form);
  if (ev == NULL || gw_evaluation_get_field (ev, GW_EVAL_OPINION) == NULL)
    return NULL;
  reference = g_strstrip (g_strdup (gw_evaluation_get_field (ev, GW_EVAL_OPINION)));
  if (*reference == '\0')
    g_clear_pointer (&reference, g_free);
  return reference;
}

static const char * const readable[] = {
  ".gwdoc", ".txt", ".docx", ".doc", ".wps", ".odt", ".rtf", NULL
};

static gboolean
has_extension (const char         *path,
               const char * const *extensions)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  for (guint i = 0; extensions[i]; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

gboolean
gw_opinion_reference_is_path (const char *reference)
{
  g_return_val_if_fail (reference != NULL, FALSE);
  return strchr (reference, '/') != NULL || strchr (reference, G_DIR_SEPARATOR) != NULL ||
         has_extension (reference, readable);
}

char *
gw_opinion_reference_for_path (const char *form_dir,
                               const char *opinion_path)
{
  g_autofree char *dir = NULL, *target = NULL;
  g_auto(GStrv) from = NULL, to = NULL;
  GString *s;
  guint common = 0;

  g_return_val_if_fail (form_dir != NULL && opinion_path != NULL, NULL);

  dir = g_canonicalize_filename (form_dir, NULL);
  target = g_canonicalize_filename (opinion_path, NULL);
  from = g_strsplit (dir, G_DIR_SEPARATOR_S, -1);
  to = g_strsplit (target, G_DIR_SEPARATOR_S, -1);
  /* both start with "" (the root) */
  while (from[common] && to[common] && g_str_equal (from[common], to[common]))
    common++;
  /* Nothing but the root in common: the absolute path says it better. */
  if (common <= 1)
    return g_steal_pointer (&target);
  s = g_string_new (NULL);
  for (guint i = common; from[i]; i++)
    if (*from[i])
      g_string_append (s, ".." G_DIR_SEPARATOR_S);
  for (guint i = common; to[i]; i++)
    {
      g_string_append (s, to[i]);
      if (to[i + 1])
        g_string_append_c (s, G_DIR_SEPARATOR);
    }
  return g_string_free (s, FALSE);
}

/* ---- resolution --------------------------------------------------------- */

static char *
form_name (const char *form_path)
{
  return form_path ? g_filename_display_name (form_path) : g_strdup (_("The evaluation form"));
}

static GwDocument *
open_by_path (const char  *reference,
              const char  *form_path,
              const char  *shown_form,
              GError     **error)
{
  g_autofree char *form_dir = form_path ? g_path_get_dirname (form_path) : g_strdup (".");
  g_autofree char *dir = g_canonicalize_filename (form_dir, NULL);
  g_autofree char *path = g_canonicalize_filename (reference, dir);
  g_autoptr(GError) local = NULL;
  GwDocument *doc = gw_document_open (path, &local);

  if (doc == NULL)
    g_set_error (error, local->domain, local->code,
                 _("%s: the governing opinion “%s” named in the header cannot be read: %s"),
                 shown_form, reference, local->message);
  return doc;
}

static gboolean
same_number (GwDocument *doc,
             const char *number)
{
  g_autofree char *own = normalise_number (gw_document_get_meta (doc, GW_META_DOC_NUMBER));
  return *own && g_str_equal (own, number);
}

typedef struct {
  char   *uri;
  gint64  modified;
} Recent;

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 ma = ((const Recent *) a)->modified, mb = ((const Recent *) b)->modified;
  return ma < mb ? 1 : ma > mb ? -1 : 0;
}

static GwDocument *
open_recent (const char *recent_file,
             const char *number)
{
  static const char * const quick[] = { ".gwdoc", ".txt", ".docx", NULL };
  g_autoptr(GBookmarkFile) bookmarks = g_bookmark_file_new ();
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Recent));
  g_auto(GStrv) uris = NULL;
  GwDocument *found = NULL;
  guint tried = 0;

  if (recent_file == NULL || !g_bookmark_file_load_from_file (bookmarks, recent_file, NULL))
    return NULL;
  uris = g_bookmark_file_get_uris (bookmarks, NULL);
  for (guint i = 0; uris[i]; i++)
    {
      GDateTime *when;  /* transfer none */
      Recent r = { uris[i], 0 };

      if (!g_str_has_prefix (uris[i], "file:") || !has_extension (uris[i], quick))
        continue;
      when = g_bookmark_file_get_modified_date_time (bookmarks, uris[i], NULL);
      if (when)
        r.modified = g_date_time_to_unix (when);
      g_array_append_val (items, r);
    }
  g_array_sort (items, newest_first);
  for (guint i = 0; i < items->len && found == NULL && tried < MAX_RECENT; i++)
    {
      const char *uri = g_array_index (items, Recent, i).uri;
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
      g_autoptr(GwDocument) doc = NULL;

      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      tried++;
      doc = gw_document_open (path, NULL);
      if (doc && gw_document_get_evaluation (doc) == NULL && same_number (doc, number))
        found = g_steal_pointer (&doc);
    }
  return found;
}

static GwDocument *
open_by_number (GwOpinionFinder  *self,
                const char       *reference,
                const char       *shown_form,
                GError          **error)
{
  g_autofree char *number = normalise_number (reference);

  for (guint i = 0; i < self->open->len; i++)
    {
      OpenOpinion *o = g_ptr_array_index (self->open, i);

      if (*o->number && g_str_equal (o->number, number))
        return g_object_ref (o->doc);
    }
  if (self->registry)
    {
      g_auto(GwNumberRecord) record = { 0, };

      if (gw_number_registry_lookup (self->registry, reference, &record) && record.found &&
          record.file && *record.file)
        {
          g_autoptr(GwDocument) doc = gw_document_open (record.file, NULL);

          if (doc && same_number (doc, number))
            return g_steal_pointer (&doc);
        }
    }
  {
    GwDocument *doc = open_recent (self->recent_file, number);

    if (doc)
      return doc;
  }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("%s: the governing opinion “%s” named in the header was not found: no open "
                 "opinion, register entry or recently used file has that document number"),
               shown_form, reference);
  return NULL;
}

GwPolicy *
gw_opinion_finder_resolve (GwOpinionFinder  *self,
                           const char       *reference,
                           const char       *form_path,
                           GError          **error)
{
  g_autofree char *shown_form = NULL;
  g_autoptr(GwDocument) opinion = NULL;
  g_autoptr(GwPolicy) policy = NULL;

  g_return_val_if_fail (GW_IS_OPINION_FINDER (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  shown_form = form_name (form_path);
  if (gw_opinion_reference_is_path (reference))
    opinion = open_by_path (reference, form_path, shown_form, error);
  else
    opinion = open_by_number (self, reference, shown_form, error);
  if (opinion == NULL)
    return NULL;
  policy = gw_policy_extract (opinion);
  /* Checking against an opinion that states nothing would report “no
   * contradiction” about something never compared. */
  if (gw_policy_is_empty (policy))
    {
      g_set_error (error, GW_ERROR, GW_ERROR_INVALID,
                   _("%s: the governing opinion “%s” states no policy parameter (cycle, "
                     "renewal, grades, evaluator…) to check the form against"),
                   shown_form, reference);
      return NULL;
    }
  return g_steal_pointer (&policy);
}

/* ---- checking ----------------------------------------------------------- */

GListModel *
gw_opinion_finder_check (GwOpinionFinder  *self,
                         GwChecker        *checker,
                         GwDocument       *form,
                         const char       *form_path,
                         GError          **error)
{
  g_autofree char *reference = NULL;
  g_autoptr(GwPolicy) policy = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GwFinding) incomplete = NULL;
  GListStore *store;

  g_return_val_if_fail (GW_IS_OPINION_FINDER (self), NULL);
  g_return_val_if_fail (GW_IS_CHECKER (checker), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (form), NULL);

  reference = gw_opinion_reference_get (form);
  if (reference == NULL)
    return gw_checker_check (checker, form);
  policy = gw_opinion_finder_resolve (self, reference, form_path, &local);
  if (policy)
    return gw_checker_check_against (checker, form, policy);

  /* The form's own rules still run; the comparison that could not is an
   * error finding, never silence. */
  findings = gw_checker_check (checker, form);
  store = g_list_store_new (GW_TYPE_FINDING);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      g_list_store_append (store, f);
    }
  incomplete = gw_finding_new ("check.incomplete", GW_SEVERITY_ERROR, local->message);
  gw_finding_set_basis (incomplete, _("A form is checked against the opinion its header names; "
                                      "what could not be compared cannot count as agreeing"));
  gw_finding_set_suggestion (incomplete, _("Open the opinion, or name its file in the header "
                                           "(依据的实施意见)"));
  gw_finding_set_place (incomplete, -1, -1, gw_eval_field_to_string (GW_EVAL_OPINION), 0, 0);
  g_list_store_append (store, incomplete);
  g_propagate_error (error, g_steal_pointer (&local));
  return G_LIST_MODEL (store);
}

typedef struct {
  GwChecker  *checker;
  GwDocument *form;
  char       *form_path;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *d = data;

  g_object_unref (d->checker);
  g_object_unref (d->form);
  g_free (d->form_path);
  g_free (d);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *d = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task,
                         gw_opinion_finder_check (source_object, d->checker, d->form,
                                                  d->form_path, NULL),
                         g_object_unref);
}

void
gw_opinion_finder_check_async (GwOpinionFinder     *self,
                               GwChecker           *checker,
                               GwDocument          *form,
                               const char          *form_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *d;

  g_return_if_fail (GW_IS_OPINION_FINDER (self));
  g_return_if_fail (GW_IS_CHECKER (checker));
  g_return_if_fail (GW_IS_DOCUMENT (form));

  d = g_new0 (CheckData, 1);
  d->checker = g_object_ref (checker);
  d->form = gw_document_copy (form);
  d->form_path = g_strdup (form_path);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gw_opinion_finder_check_async);
  g_task_set_task_data (task, d, check_data_free);
  g_task_run_in_thread (task, check_thread);
}

GListModel *
gw_opinion_finder_check_finish (GwOpinionFinder  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (GW_IS_OPINION_FINDER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
