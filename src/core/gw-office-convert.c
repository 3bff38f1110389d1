/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-office-convert"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "gw-error.h"
#include "gw-file.h"
#include "gw-office-convert-private.h"
#include "gw-package.h"

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir)
    {
      const char *name;
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
on_wait_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
_gw_office_convert_available (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  return soffice != NULL;
}

GBytes *
_gw_office_convert_to_docx (const char  *path,
                            guint        timeout_seconds,
                            GError     **error)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *tmp = NULL;
  g_autofree char *profile = NULL, *profile_uri = NULL, *env = NULL;
  g_autofree char *outdir = NULL, *base = NULL, *stem = NULL, *out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) timer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean done = FALSE, timed_out = FALSE;
  GBytes *bytes = NULL;
  char *dot;

  if (soffice == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                   _("%s: Gongwen reads this format only through LibreOffice, which is not "
                     "installed here; open it in Word or WPS and save it as .docx (另存为 .docx)"),
                   path);
      return NULL;
    }
  tmp = g_dir_make_tmp ("gongwen-convert-XXXXXX", &local_error);
  if (tmp == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE, _("%s: cannot convert: %s"),
                   path, local_error->message);
      return NULL;
    }
  /* a throwaway profile: never the user's LibreOffice settings or lock */
  profile = g_build_filename (tmp, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  outdir = g_build_filename (tmp, "out", NULL);
  g_mkdir (outdir, 0700);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", tmp, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &local_error, soffice, env, "--headless",
                                      "--norestore", "--nologo", "--convert-to", "docx",
                                      "--outdir", outdir, path, NULL);
  if (proc == NULL)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_PARSE, _("%s: cannot start LibreOffice: %s"),
                   path, local_error->message);
      remove_tree (tmp);
      return NULL;
    }

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (proc, NULL, on_wait_cb, &done);
  timer = g_timeout_source_new_seconds (timeout_seconds);
  g_source_set_callback (timer, on_timeout_cb, &timed_out, NULL);
  g_source_attach (timer, context);
  while (!done && !timed_out)
    g_main_context_iteration (context, TRUE);
  if (!done)
    {
      g_subprocess_force_exit (proc);
      while (!done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timer);
  g_main_context_pop_thread_default (context);

  base = g_path_get_basename (path);
  stem = g_strdup (base);
  if ((dot = strrchr (stem, '.')))
    *dot = '\0';
  out = g_strdup_printf ("%s/%s.docx", outdir, stem);
  if (timed_out)
    g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                 _("%s: LibreOffice did not convert it within %u seconds; "
                   "save it as .docx (另存为 .docx) and open that"),
                 path, timeout_seconds);
  else if (!g_file_test (out, G_FILE_TEST_IS_REGULAR))
    g_set_error (error, GW_ERROR, GW_ERROR_PARSE,
                 _("%s: LibreOffice could not convert it to .docx; "
                   "open it in Word or WPS and save it as .docx (另存为 .docx)"),
                 path);
  else
    {
      file = g_file_new_for_path (out);
      bytes = gw_file_read_named (file, path, GW_MAX_PACKAGE_SIZE, error);
    }
  remove_tree (tmp);
  return bytes;
}
