/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <string.h>

#include "gw-layout.h"
#include "gw-pdf.h"

/* A renderer in use is immutable (issue 13): changing a font while a
 * render is in flight must neither free what that render reads nor change
 * its fonts halfway. The test hook stops the render thread right after it
 * has looked up the body font and before it uses it; the main thread then
 * changes the body font and lets the render go on. Before the fix the
 * render read a freed font description (AddressSanitizer: use after free)
 * and set the rest of the document in the new font. */

static GMutex lock;
static GCond cond;
static gboolean paused, released, armed;
static GThread *main_thread;

static void
pause_hook (GwFontRole role)
{
  if (role != GW_FONT_ROLE_FANGSONG || g_thread_self () == main_thread)
    return;
  g_mutex_lock (&lock);
  if (armed)
    {
      armed = FALSE;
      paused = TRUE;
      g_cond_broadcast (&cond);
      while (!released)
        g_cond_wait (&cond, &lock);
    }
  g_mutex_unlock (&lock);
}

static gboolean
contains (GBytes     *bytes,
          const char *needle)
{
  gsize len, n = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &len);

  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  GwRenderer *renderer;
  GwDocument *doc;
} Job;

static gpointer
render_thread (gpointer data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = gw_renderer_render_pdf (job->renderer, job->doc, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_font_change_mid_render (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwRenderer) renderer = gw_renderer_new (&error);
  g_autoptr(GwDocument) doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  g_autoptr(GBytes) during = NULL;
  g_autoptr(GBytes) after = NULL;
  Job job;
  GThread *thread;

  g_assert_no_error (error);
  for (int i = 0; i < 40; i++)
    gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH,
      "承接主体应当通过公开招标、竞争性磋商等方式择优确定，不得仅以“价低者得”为原则。"));
  /* a first render: the renderer's fonts are in use from now on */
  during = gw_renderer_render_pdf (renderer, doc, &error);
  g_assert_no_error (error);
  g_assert_true (contains (during, "FandolFang"));
  g_clear_pointer (&during, g_bytes_unref);

  job.renderer = renderer;
  job.doc = doc;
  main_thread = g_thread_self ();
  _gw_render_test_font_hook = pause_hook;
  armed = TRUE;
  thread = g_thread_new ("render", render_thread, &job);

  g_mutex_lock (&lock);
  while (!paused)
    g_cond_wait (&cond, &lock);
  g_mutex_unlock (&lock);

  /* the render holds the body font it looked up: change it now */
  gw_renderer_set_font (renderer, GW_FONT_ROLE_FANGSONG, "Noto Sans CJK SC");

  g_mutex_lock (&lock);
  released = TRUE;
  g_cond_broadcast (&cond);
  g_mutex_unlock (&lock);
  during = g_thread_join (thread);
  _gw_render_test_font_hook = NULL;

  /* the render in flight kept the fonts it began with, all through */
  g_assert_nonnull (during);
  g_assert_true (contains (during, "FandolFang"));
  g_assert_false (contains (during, "NotoSansCJK"));

  /* and the change applies to the next render */
  after = gw_renderer_render_pdf (renderer, doc, &error);
  g_assert_no_error (error);
  g_assert_true (contains (after, "NotoSansCJK"));
  g_assert_false (contains (after, "FandolFang"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/renderer/font-change-mid-render", test_font_change_mid_render);
  status = g_test_run ();
  /* the libraries' process-lifetime caches (see test-pdf.c) */
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
