/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-recovery"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "gw-document-xml.h"
#include "gw-recovery.h"

#define GROUP "Recovery"

void
gw_recovery_entry_free (GwRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->gwdoc_path);
  g_free (entry->original_path);
  g_free (entry->name);
  g_free (entry);
}

char *
gw_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gongwen", "recovery", NULL);
}

char *
gw_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
path_for (const char *id,
          const char *suffix)
{
  g_autofree char *dir = gw_recovery_get_dir ();
  g_autofree char *base = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, base, NULL);
}

gboolean
gw_recovery_save (const char  *id,
                  GwDocument  *doc,
                  const char  *original_path,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *dir = gw_recovery_get_dir ();
  g_autofree char *gwdoc = path_for (id, ".gwdoc");
  g_autofree char *info = path_for (id, ".info");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder %s: %s"), dir,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (!gw_document_save_gwdoc (doc, gwdoc, error))
    return FALSE;

  if (original_path)
    g_key_file_set_string (key_file, GROUP, "original-path", original_path);
  g_key_file_set_string (key_file, GROUP, "name", name ? name : "");
  g_key_file_set_int64 (key_file, GROUP, "pid", getpid ());
  g_key_file_set_int64 (key_file, GROUP, "saved-at", g_get_real_time ());
  return g_key_file_save_to_file (key_file, info, error);
}

void
gw_recovery_remove (const char *id)
{
  g_autofree char *gwdoc = NULL;
  g_autofree char *info = NULL;

  g_return_if_fail (id != NULL);

  gwdoc = path_for (id, ".gwdoc");
  info = path_for (id, ".info");
  g_unlink (gwdoc);
  g_unlink (info);
}

static gboolean
process_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const GwRecoveryEntry *ea = *(GwRecoveryEntry * const *) a;
  const GwRecoveryEntry *eb = *(GwRecoveryEntry * const *) b;

  return (ea->saved_at < eb->saved_at) - (ea->saved_at > eb->saved_at);
}

GPtrArray *
gw_recovery_list (gboolean orphans_only)
{
  g_autofree char *dir_path = gw_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_recovery_entry_free);
  const char *name;

  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)))
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autofree char *info = NULL;
      g_autofree char *id = NULL;
      GwRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".gwdoc"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".gwdoc"));
      info = path_for (id, ".info");
      /* A copy without its key file is still the user's text: offer it. */
      g_key_file_load_from_file (key_file, info, G_KEY_FILE_NONE, NULL);
      if (orphans_only && process_alive (g_key_file_get_int64 (key_file, GROUP, "pid", NULL)))
        continue;

      entry = g_new0 (GwRecoveryEntry, 1);
      entry->id = g_steal_pointer (&id);
      entry->gwdoc_path = g_build_filename (dir_path, name, NULL);
      entry->original_path = g_key_file_get_string (key_file, GROUP, "original-path", NULL);
      entry->name = g_key_file_get_string (key_file, GROUP, "name", NULL);
      if (entry->name == NULL || *entry->name == '\0')
        {
          g_free (entry->name);
          entry->name = g_strdup (_("Untitled document"));
        }
      entry->saved_at = g_key_file_get_int64 (key_file, GROUP, "saved-at", NULL);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}
