/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-cli-export"

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include "gw-checker.h"
#include "gw-cli-private.h"
#include "gw-cli-stop.h"
#include "gw-error.h"
#include "gw-file.h"
#include "gw-import-text.h"
#include "gw-open.h"
#include "gw-pdf.h"
#include "gw-docx-writer.h"

/* gongwen --export-pdf=DIR [--strict] [--jobs=N] FILE…
 *
 * One PDF per input, DIR/NAME.pdf. Documents are rendered by a pool of
 * threads sharing one GwRenderer (each document takes its own Pango font
 * map, so they don't contend); every PDF is written under a temporary name
 * and renamed, so DIR never holds half a PDF. A file that fails is reported
 * and the others go on. */

typedef struct {
  const char *input;
  char       *output;      /* NULL when planning already refused the file */
  char       *error;       /* why it failed, or NULL */
  gboolean    skipped;     /* --strict and error findings */
} Job;

typedef struct {
  GwExportFormat      format;
  GwRenderer         *renderer;   /* PDF only */
  GwChecker          *checker;    /* --strict only */
  const GwCliOptions *options;
  GMutex              lock;
  guint               done;
  guint               total;
  gboolean            quiet;      /* a worker process: the parent reports */
  gboolean            leaked;     /* sanitizer builds: a worker leaked */
} Batch;

/* Worker processes share the job queue and results through an anonymous
 * shared mapping: a counter to claim the next job, a slot per job. */
enum { SLOT_FREE, SLOT_CLAIMED, SLOT_DONE };

typedef struct {
  gint     state;
  gboolean skipped;
  char     error[1024];
} Slot;

/* A sanitizer build's worker exits with this when LeakSanitizer found a
 * leak in it. */
#define WORKER_LEAKED 23

typedef struct {
  gint next;
  gint done;
  Slot slot[];
} Shared;

static char *
output_name_for (const char     *input,
                 GwExportFormat  format)
{
  g_autofree char *base = g_path_get_basename (input);
  char *dot = strrchr (base, '.');

  if (dot && dot != base)
    *dot = '\0';
  return g_strconcat (base, format == GW_EXPORT_DOCX ? ".docx" : ".pdf", NULL);
}

/* Same file on disk (inode), for "never overwrite an input". */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
report_progress (Batch      *batch,
                 const char *input)
{
  g_mutex_lock (&batch->lock);
  batch->done++;
  if (batch->options->progress && !batch->quiet)
    {
      g_autofree char *name = g_path_get_basename (input);
      g_printerr ("\r\033[K[%u/%u] %s", batch->done, batch->total, name);
      if (batch->done == batch->total)
        g_printerr ("\r\033[K");
    }
  g_mutex_unlock (&batch->lock);
}

static void
export_one (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;

  /* told to stop: what is not started is not started */
  if (_gw_cli_stop_requested ())
    return;
  doc = gw_document_open (job->input, &error);
  if (doc && batch->options->kind)
    {
      GwDocumentKind kind;
      if (gw_document_kind_from_string (batch->options->kind, &kind))
        gw_document_set_kind (doc, kind);
    }
  if (doc && batch->checker)
    {
      g_autoptr(GListModel) findings = gw_checker_check (batch->checker, doc);
      guint errors = 0;
      GwFinding *first = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
          if (gw_finding_get_severity (f) == GW_SEVERITY_ERROR && errors++ == 0)
            first = g_object_ref (f);
        }
      if (errors > 0)
        {
          job->skipped = TRUE;
          job->error = g_strdup_printf (ngettext ("%s: not exported (--strict): %u error finding, "
                                                  "first %s: %s",
                                                  "%s: not exported (--strict): %u error findings, "
                                                  "first %s: %s", errors),
                                        job->input, errors, gw_finding_get_rule_id (first),
                                        gw_finding_get_message (first));
          g_object_unref (first);
          report_progress (batch, job->input);
          return;
        }
    }
  if (doc == NULL)
    job->error = g_strdup (error->message);
  /* Written under a temporary name that carries this process's id, so a
   * run killed halfway leaves files the next run knows to remove (PDF and
   * Word alike). */
  else if (batch->format == GW_EXPORT_DOCX)
    {
      if ((pdf = gw_docx_write_bytes (doc, &error)) == NULL ||
          !_gw_cli_write_whole (job->output, pdf, &error))
        job->error = g_strdup (error->message);
    }
  else if ((pdf = gw_renderer_render_pdf (batch->renderer, doc, &error)) == NULL ||
           !_gw_cli_write_whole (job->output, pdf, &error))
    job->error = g_strdup (error->message);
  report_progress (batch, job->input);
}

/* The batch export is the last thing the process does (gongwen exits with
 * its status), so besides our renderer and checker it also tears down the
 * libraries' process-lifetime caches: cairo's font caches, and what
 * fontconfig 2.14 keeps of the parsed system configuration until FcFini ()
 * (patterns whose element arrays it points to by offset, which
 * LeakSanitizer reports as leaks). Nothing may use cairo fonts or
 * fontconfig afterwards. */
void
_gw_cli_release_fonts (GwRenderer **renderer,
                       GwChecker  **checker)
{
  g_clear_object (renderer);
  g_clear_object (checker);
#if defined(__SANITIZE_ADDRESS__)
  /* Only LeakSanitizer needs the caches gone (the process ends next).
   * Pango loads fontconfig's default configuration on a thread of its own
   * when the first font map is made; a run that stopped early (a table
   * refused before any text was set) can get here while that thread is
   * still loading, and FcFini () under it aborts in FcCacheFini. Listing
   * the families waits for that thread to finish. */
  {
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);

    if (map)
      {
        PangoFontFamily **families = NULL;
        int n_families = 0;

        pango_font_map_list_families (map, &families, &n_families);
        g_free (families);
        g_object_unref (map);
      }
  }
  cairo_debug_reset_static_data ();
  FcFini ();
#endif
}

/* Exports the jobs with @n_workers forked processes. cairo 1.16 shares one
 * FT_Face, under one lock, between all threads that use a font, and the
 * PDF font subsetting works under that lock; processes share nothing. A
 * worker that crashes takes only the file it was on with it. Returns FALSE
 * when no worker could be started (the caller then uses threads). */
static gboolean
run_workers (Batch *batch,
             Job   *jobs,
             guint  n,
             int    n_workers)
{
  gsize size = sizeof (Shared) + n * sizeof (Slot);
  Shared *sh = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  g_autofree pid_t *workers = g_new0 (pid_t, MAX (n_workers, 1));
  pid_t parent = getpid ();
  int started = 0, alive;
  gboolean stopping = FALSE;
  gboolean leaked = FALSE;

  if (sh == MAP_FAILED)
    return FALSE;
  fflush (stdout);
  fflush (stderr);
  for (int w = 0; w < n_workers; w++)
    {
      pid_t pid = fork ();

      if (pid < 0)
        break;
      if (pid == 0)
        {
          _gw_cli_stop_bind_worker (parent);
          batch->quiet = TRUE;
          for (;;)
            {
              gint i = __atomic_fetch_add (&sh->next, 1, __ATOMIC_SEQ_CST);

              if (i >= (gint) n)
                break;
              if (jobs[i].output == NULL)
                continue;
              __atomic_store_n (&sh->slot[i].state, SLOT_CLAIMED, __ATOMIC_SEQ_CST);
              export_one (&jobs[i], batch);
              sh->slot[i].skipped = jobs[i].skipped;
              if (jobs[i].error)
                g_strlcpy (sh->slot[i].error, jobs[i].error, sizeof sh->slot[i].error);
              /* the parent reads the slot; this copy is the worker's own */
              g_clear_pointer (&jobs[i].error, g_free);
              __atomic_store_n (&sh->slot[i].state, SLOT_DONE, __ATOMIC_SEQ_CST);
              __atomic_add_fetch (&sh->done, 1, __ATOMIC_SEQ_CST);
            }
#if defined(__SANITIZE_ADDRESS__)
          /* _exit () skips LeakSanitizer's check at exit: a sanitizer
           * build checks the worker here, after tearing down the fonts as
           * the parent does (this copy of the temporary batch fonts is not
           * the worker's to remove: it leaves them). */
          _gw_cli_release_fonts (&batch->renderer, &batch->checker);
          _exit (__lsan_do_recoverable_leak_check () ? WORKER_LEAKED : 0);
#else
          _exit (0);
#endif
        }
      workers[started++] = pid;
    }
  if (started == 0)
    {
      munmap (sh, size);
      return FALSE;
    }

  /* Wait, showing progress from the shared counter. */
  alive = started;
  while (alive > 0)
    {
      int status;
      pid_t pid;

      /* Told to stop: the workers go at once (what they were writing is a
       * temporary file the caller removes), then we wait for them. */
      if (_gw_cli_stop_requested () && !stopping)
        {
          for (int w = 0; w < started; w++)
            kill (workers[w], SIGKILL);
          stopping = TRUE;
        }
      pid = waitpid (-1, &status, batch->options->progress && !stopping ? WNOHANG : 0);

      if (pid > 0)
        {
          alive--;
          if (WIFEXITED (status) && WEXITSTATUS (status) == WORKER_LEAKED)
            leaked = TRUE;
        }
      else if (pid == 0)
        {
          guint done = __atomic_load_n (&sh->done, __ATOMIC_SEQ_CST);
          g_printerr ("\r\033[K[%u/%u]", done, batch->total);
          g_usleep (100 * 1000);
        }
      else if (errno != EINTR)
        break;
    }
  if (stopping)
    {
      munmap (sh, size);
      return TRUE;
    }
  if (batch->options->progress)
    g_printerr ("\r\033[K");

  for (guint i = 0; i < n; i++)
    {
      if (jobs[i].output == NULL)
        continue;
      if (sh->slot[i].state != SLOT_DONE)
        jobs[i].error = g_strdup_printf (_("%s: not exported: the export process stopped "
                                           "unexpectedly"), jobs[i].input);
      else if (sh->slot[i].error[0])
        jobs[i].error = g_strdup (sh->slot[i].error);
      jobs[i].skipped = sh->slot[i].skipped;
    }
  munmap (sh, size);
  batch->leaked = leaked;
  return TRUE;
}

/* Cutting the fonts to a batch's characters costs about 20 ms a face once
 * and saves a few ms on every document: worth it from a dozen documents. */
#define BATCH_FONTS_MIN_DOCUMENTS 12

static gboolean
batch_worth_it (const Job *jobs,
                guint      n)
{
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += jobs[i].output != NULL;
  return total >= BATCH_FONTS_MIN_DOCUMENTS && g_getenv ("GW_EXPORT_NO_BATCH_FONTS") == NULL;
}

/* Reads every input once more (the workers parse them) for its characters.
 * A file that can't be read or decoded is left to its worker to report. */
static void
collect_batch_text (GwRenderer *renderer,
                    const Job  *jobs,
                    guint       n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) data = NULL;
      g_autofree char *text = NULL;

      if (jobs[i].output == NULL)
        continue;
      /* the same bounded read as opening the document */
      file = g_file_new_for_path (jobs[i].input);
      data = gw_file_read (file, GW_MAX_INPUT_SIZE, NULL);
      if (data == NULL)
        continue;
      text = gw_import_text_decode (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                    jobs[i].input, NULL);
      if (text)
        gw_renderer_add_batch_text (renderer, text, -1);
    }
  if (!gw_renderer_prepare_batch (renderer, &error))
    g_warning ("%s", error->message);
}

int
_gw_cli_export_files (const GwCliOptions *options,
                      const char         *export_dir,
                      char              **files,
                      GwExportFormat      format)
{
  g_autoptr(GwRenderer) renderer = NULL;
  g_autoptr(GwChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) planned = NULL;
  g_autofree Job *jobs = NULL;
  GThreadPool *pool;
  Batch batch = { 0 };
  guint n, failed = 0, skipped = 0;
  int n_threads, stop;

  g_return_val_if_fail (options != NULL && export_dir != NULL, 2);

  n = files ? g_strv_length (files) : 0;
  if (n == 0)
    {
      g_printerr (_("gongwen: no files given\n"));
      return 2;
    }
  if (g_mkdir_with_parents (export_dir, 0755) != 0 ||
      !g_file_test (export_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("gongwen: cannot use “%s” as the output folder: %s\n"),
                  export_dir, g_strerror (errno));
      return 2;
    }
  if (access (export_dir, W_OK) != 0)
    {
      g_printerr (_("gongwen: cannot write into “%s”: %s\n"),
                  export_dir, g_strerror (errno));
      return 2;
    }
  /* what a killed run into this folder left */
  _gw_cli_clear_stale (export_dir);
  if (options->strict)
    {
      /* the same rules --check applies, packs from --rules included */
      checker = gw_checker_new_default (&error);
      for (guint i = 0; checker && options->rule_packs && options->rule_packs[i]; i++)
        if (!gw_checker_add_pack_file (checker, options->rule_packs[i], &error))
          g_clear_object (&checker);
      if (checker == NULL)
        {
          g_printerr ("gongwen: %s\n", error->message);
          return 2;
        }
    }

  /* the Word writer needs no fonts: Word and WPS lay the text out */
  if (format == GW_EXPORT_PDF)
    renderer = gw_renderer_new (&error);
  if (format == GW_EXPORT_PDF && renderer == NULL)
    {
      g_printerr ("gongwen: %s\n", error->message);
      return 2;
    }

  /* Plan every output first: two inputs named alike would write one PDF,
   * and an output must never be one of the inputs. */
  jobs = g_new0 (Job, n);
  planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = output_name_for (files[i], format);
      char *out = g_build_filename (export_dir, name, NULL);
      const char *other = g_hash_table_lookup (planned, name);

      jobs[i].input = files[i];
      if (other)
        {
          jobs[i].error = g_strdup_printf (_("%s: not exported: %s would also be written from %s; "
                                             "rename one of them"), files[i], out, other);
          g_free (out);
          continue;
        }
      /* an output not there yet is no input: spares n² stat calls */
      for (guint k = 0; k < n && g_file_test (out, G_FILE_TEST_EXISTS); k++)
        if (same_file (out, files[k]))
          {
            jobs[i].error = g_strdup_printf (_("%s: not exported: %s is an input file and "
                                               "is never overwritten"), files[i], out);
            g_clear_pointer (&out, g_free);
            break;
          }
      if (out == NULL)
        continue;
      g_hash_table_insert (planned, g_strdup (name), (gpointer) files[i]);
      jobs[i].output = out;
    }

  /* From here on, SIGINT and SIGTERM stop the batch between documents
   * (workers at once) and the temporary files and fonts are removed. */
  _gw_cli_stop_catch ();
  if (renderer && batch_worth_it (jobs, n))
    collect_batch_text (renderer, jobs, n);

  batch.format = format;
  batch.renderer = renderer;
  batch.checker = checker;
  batch.options = options;
  g_mutex_init (&batch.lock);
  for (guint i = 0; i < n; i++)
    batch.total += jobs[i].output != NULL;

  n_threads = options->jobs > 0 ? options->jobs : (int) g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, (int) MAX (batch.total, 1));
  /* GW_EXPORT_THREADS=1 uses threads instead of processes (to measure). */
  if (n_threads == 1 || g_getenv ("GW_EXPORT_THREADS") ||
      !run_workers (&batch, jobs, n, n_threads))
    {
      pool = g_thread_pool_new (export_one, &batch, n_threads, TRUE, NULL);
      for (guint i = 0; i < n; i++)
        if (jobs[i].output)
          g_thread_pool_push (pool, &jobs[i], NULL);
      g_thread_pool_free (pool, FALSE, TRUE);   /* waits for every job */
    }

  stop = _gw_cli_stop_requested ();
  if (stop)
    {
      for (guint i = 0; i < n; i++)
        {
          g_free (jobs[i].output);
          g_free (jobs[i].error);
        }
      g_mutex_clear (&batch.lock);
      _gw_cli_clear_stale (export_dir);
      /* the batch fonts' folder goes with the renderer */
      _gw_cli_release_fonts (&renderer, &checker);
      g_printerr (_("gongwen: export stopped; the PDFs finished so far are in “%s”\n"),
                  export_dir);
      _gw_cli_stop_release (stop);
    }
  _gw_cli_stop_release (0);

  for (guint i = 0; i < n; i++)
    {
      if (jobs[i].skipped)
        skipped++;
      if (jobs[i].error)
        {
          failed++;
          g_printerr ("gongwen: %s\n", jobs[i].error);
        }
      g_free (jobs[i].output);
      g_free (jobs[i].error);
    }
  g_mutex_clear (&batch.lock);
  _gw_cli_release_fonts (&renderer, &checker);

  if (failed > 0)
    g_printerr (ngettext ("gongwen: %u of %u file was not exported (%u skipped by --strict)\n",
                          "gongwen: %u of %u files were not exported (%u skipped by --strict)\n",
                          n),
                failed, n, skipped);
  if (batch.leaked)
    {
      /* sanitizer builds only: LeakSanitizer printed the worker's report */
      g_printerr ("gongwen: an export worker leaked memory\n");
      return 1;
    }
  return failed > 0 ? 1 : 0;
}

/* --export-pdf=DIR and --export-docx=DIR: one batch engine, two formats,
 * each verb with its own option table. */
static int
run_export (GVariantDict   *dict,
            char          **files,
            const GwCliEnv *env,
            const char     *action,
            GwExportFormat  format)
{
  g_auto(GwCliOptions) opts = { 0 };
  g_autofree char *dir = NULL;

  if (!_gw_cli_options_init (&opts, dict, env))
    return 2;
  g_variant_dict_lookup (dict, action, "^ay", &dir);
  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("gongwen: no files given\n"));
      return 2;
    }
  return _gw_cli_export_files (&opts, dir, files, format);
}

static const char * const export_accepts[] = { "rules", "kind", "strict", "jobs", NULL };

static int
run_export_pdf (GVariantDict   *dict,
                char          **files,
                const GwCliEnv *env)
{
  return run_export (dict, files, env, "export-pdf", GW_EXPORT_PDF);
}

static const GOptionEntry export_pdf_entries[] = {
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export each file as a GB/T 9704 PDF into DIR"), N_("DIR") },
  { NULL }
};

const GwCliVerb gw_cli_verb_export_pdf = {
  .action = "export-pdf",
  .entries = export_pdf_entries,
  .accepts = export_accepts,
  .run = run_export_pdf,
};

/* gongwen --export-docx=DIR [--strict] [--jobs=N] FILE…: the --export-pdf
 * contract with Word files, DIR/NAME.docx per input. */
static int
run_export_docx (GVariantDict   *dict,
                 char          **files,
                 const GwCliEnv *env)
{
  return run_export (dict, files, env, "export-docx", GW_EXPORT_DOCX);
}

static const GOptionEntry export_docx_entries[] = {
  { "export-docx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export each file as a GB/T 9704 Word document (.docx) into DIR"), N_("DIR") },
  { NULL }
};

const GwCliVerb gw_cli_verb_export_docx = {
  .action = "export-docx",
  .entries = export_docx_entries,
  .accepts = export_accepts,
  .run = run_export_docx,
};
