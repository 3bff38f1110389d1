/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gw-date.h"
#include "gw-error.h"
#include "gw-font-set-private.h"
#include "gw-fonts.h"
#include "gw-layout.h"
#include "gw-numeral.h"
#include "gw-pdf.h"

struct _GwRenderer
{
  GObject               parent_instance;

  char                 *families[GW_N_FONT_ROLES];
  GMutex                lock;         /* guards current */
  GwFontSet            *current;
};

G_DEFINE_FINAL_TYPE (GwRenderer, gw_renderer, G_TYPE_OBJECT)

static const struct {
  const char   *name;
  const char   *family;
  GwRepertoire  repertoire;
  const char   *fallbacks;
} roles[GW_N_FONT_ROLES] = {
  [GW_FONT_ROLE_FANGSONG] = { "fangsong", "FandolFang", GW_REPERTOIRE_GB2312, "Noto Serif CJK SC" },
  [GW_FONT_ROLE_HEITI]    = { "heiti", "Noto Sans CJK SC", GW_REPERTOIRE_GB2312, "FandolHei" },
  [GW_FONT_ROLE_KAITI]    = { "kaiti", "AR PL KaitiM GB", GW_REPERTOIRE_GB2312,
                              "LXGW WenKai,FandolKai,Noto Serif CJK SC" },
  [GW_FONT_ROLE_SONGTI]   = { "songti", "Noto Serif CJK SC", GW_REPERTOIRE_DIGITS, NULL },
  [GW_FONT_ROLE_TITLE]    = { "title", "Noto Serif CJK SC Bold", GW_REPERTOIRE_GB2312,
                              "Noto Sans CJK SC Bold" },
};

const char *
gw_font_role_to_string (GwFontRole role)
{
  g_return_val_if_fail (role < GW_N_FONT_ROLES, NULL);
  return roles[role].name;
}

gboolean
gw_font_role_from_string (const char *str,
                          GwFontRole *role)
{
  for (guint i = 0; i < GW_N_FONT_ROLES; i++)
    if (g_strcmp0 (str, roles[i].name) == 0)
      {
        *role = (GwFontRole) i;
        return TRUE;
      }
  return FALSE;
}

GwFontSet *
_gw_renderer_take_fonts (GwRenderer *self)
{
  GwFontSet *set;

  g_mutex_lock (&self->lock);
  set = self->current;
  g_atomic_ref_count_inc (&set->ref);
  set->used = TRUE;
  g_mutex_unlock (&self->lock);
  return set;
}

static void
gw_renderer_finalize (GObject *object)
{
  GwRenderer *self = GW_RENDERER (object);

  for (guint i = 0; i < GW_N_FONT_ROLES; i++)
    g_free (self->families[i]);
  g_clear_pointer (&self->current, _gw_font_set_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (gw_renderer_parent_class)->finalize (object);
}

static void
gw_renderer_class_init (GwRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_renderer_finalize;
}

static void
gw_renderer_init (GwRenderer *self)
{
  g_mutex_init (&self->lock);
}

static gboolean
resolve_role (GwRenderer *self,
              GwFontSet  *set,
              GwFontRole  role,
              GError    **error)
{
  PangoFontDescription *desc;

  desc = gw_fonts_resolve (set->fonts, gw_renderer_get_font (self, role),
                           roles[role].repertoire, roles[role].fallbacks, error);
  if (desc == NULL)
    return FALSE;
  g_clear_pointer (&set->descs[role], pango_font_description_free);
  set->descs[role] = desc;
  /* Font maps cache fontsets: start afresh after a change. */
  g_ptr_array_set_size (set->idle_maps, 0);
  return TRUE;
}

/* Makes @role's font (or all roles, @role = GW_N_FONT_ROLES) follow
 * self->families. A set nothing has rendered with yet is changed in place;
 * one that a render has taken is never touched again: a new set, with its
 * own fontconfig configuration (an FcConfig must not change under a font
 * map that uses it), replaces it, and renders in flight keep the old one. */
static gboolean
set_role (GwRenderer *self,
          GwFontRole  role,
          GError    **error)
{
  GwFontSet *set;
  gboolean ok = TRUE;

  g_mutex_lock (&self->lock);
  set = self->current;
  if (set->used)
    {
      set = _gw_font_set_new (error);
      if (set == NULL)
        {
          g_mutex_unlock (&self->lock);
          return FALSE;
        }
      for (guint i = 0; i < GW_N_FONT_ROLES && ok; i++)
        ok = resolve_role (self, set, i, error);
      if (ok)
        {
          _gw_font_set_unref (self->current);
          self->current = set;
        }
      else
        _gw_font_set_unref (set);
    }
  else
    for (guint i = 0; i < GW_N_FONT_ROLES && ok; i++)
      if (role == GW_N_FONT_ROLES || role == i)
        ok = resolve_role (self, set, i, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * gw_renderer_new:
 *
 * Sets the fonts up: a private fontconfig configuration and, the first time
 * on a machine, the prepared working copies of the CFF fonts (about 0.1 s
 * a face, cached afterwards).
 */
GwRenderer *
gw_renderer_new (GError **error)
{
  g_autoptr(GwRenderer) self = g_object_new (GW_TYPE_RENDERER, NULL);

  self->current = _gw_font_set_new (error);
  if (self->current == NULL)
    return NULL;
  if (!set_role (self, GW_N_FONT_ROLES, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
gw_renderer_add_batch_text (GwRenderer *self,
                            const char *text,
                            gssize      len)
{
  g_return_if_fail (GW_IS_RENDERER (self));
  g_return_if_fail (text != NULL);

  g_mutex_lock (&self->lock);
  gw_fonts_add_batch_text (self->current->fonts, text, len);
  g_mutex_unlock (&self->lock);
}

gboolean
gw_renderer_prepare_batch (GwRenderer  *self,
                           GError     **error)
{
  g_return_val_if_fail (GW_IS_RENDERER (self), FALSE);

  /* what the layout writes itself: labels, the form's headings */
  gw_renderer_add_batch_text (self, _gw_layout_fixed_text, -1);
  return set_role (self, GW_N_FONT_ROLES, error);
}

void
gw_renderer_set_font (GwRenderer *self,
                      GwFontRole  role,
                      const char *family)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GW_IS_RENDERER (self));
  g_return_if_fail (role < GW_N_FONT_ROLES);

  g_free (self->families[role]);
  self->families[role] = (family && *family) ? g_strdup (family) : NULL;
  if (!set_role (self, role, &error))
    g_warning ("%s", error->message);
}

const char *
gw_renderer_get_font (GwRenderer *self,
                      GwFontRole  role)
{
  g_return_val_if_fail (GW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (role < GW_N_FONT_ROLES, NULL);

  return self->families[role] ? self->families[role] : roles[role].family;
}

/* ---- pagination ------------------------------------------------------- */

static void
outline_entry_free (gpointer data)
{
  GwOutlineEntry *e = data;

  g_free (e->text);
  g_free (e);
}

/* "2023年3月10日" → "2023-03-10T00:00:00", the PDF dates (so that the same
 * document always gives the same bytes). */
static char *
iso_date (const char *text)
{
  GwDate d;

  if (text == NULL ||
      gw_date_parse (text, GW_DATE_WORDS | GW_DATE_SEPARATED | GW_DATE_PREFIX, &d) != GW_DATE_VALID ||
      d.year < 1900 || d.year > 9999)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02uT00:00:00", d.year, d.month, d.day);
}

static char *
nonempty (const char *s)
{
  return s && *s ? g_strdup (s) : NULL;
}

/* Lays @doc out without drawing it: the conservation check is left to
 * whoever draws (render_pdf, or gw_renderer_paginate's dry run). */
static GwPagination *
paginate (GwRenderer  *self,
          GwDocument  *doc,
          cairo_t     *sink,
          GError     **error)
{
  g_autoptr(GwPagination) p = NULL;
  cairo_font_options_t *options;
  const char *path;
  const char *drop;
  gboolean ok;

  p = g_new0 (GwPagination, 1);
  p->renderer = g_object_ref (self);
  p->doc = g_object_ref (doc);
  p->sink = sink;
  p->fonts = _gw_renderer_take_fonts (self);
  /* test hook: GONGWEN_TEST_DROP_LINE=N leaves out the Nth line of
   * document text (from 0) when drawing, which must fail the export */
  drop = g_getenv ("GONGWEN_TEST_DROP_LINE");
  p->drop_line = drop && *drop ? (int) g_ascii_strtoll (drop, NULL, 10) : -1;
  p->font_map = _gw_font_set_acquire_map (p->fonts);
  p->context = pango_font_map_create_context (p->font_map);
  p->outline = g_ptr_array_new_with_free_func (outline_entry_free);
  pango_context_set_language (p->context, pango_language_from_string ("zh-cn"));
  /* Unhinted, unrounded metrics: the grid is computed in fractions of a
   * point and must come out the same on paper as in the layout. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (p->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (p->context, FALSE);

  path = gw_document_get_source_path (doc);
  p->source = path ? path : _("document");

  if (gw_document_get_kind (doc) == GW_DOCUMENT_KIND_EVALUATION)
    ok = _gw_layout_evaluation (p, error);
  else
    ok = _gw_layout_document (p, error);
  if (!ok)
    return NULL;

  {
    const char *title = gw_document_get_meta (doc, GW_META_TITLE);
    const char *author = gw_document_get_meta (doc, GW_META_SIGNATURE);
    GwEvaluation *ev = gw_document_get_evaluation (doc);

    if (title && *title)
      p->meta_title = g_strdelimit (g_strdup (title), "\n", ' ');
    else if (ev)
      p->meta_title = nonempty (gw_evaluation_get_field (ev, GW_EVAL_PROJECT));
    if (author == NULL || *author == '\0')
      author = gw_document_get_meta (doc, GW_META_PRINTING_ORGAN);
    if ((author == NULL || *author == '\0') && ev)
      author = gw_evaluation_get_field (ev, GW_EVAL_EVALUATOR);
    p->meta_author = nonempty (author);
    p->meta_subject = nonempty (gw_document_get_meta (doc, GW_META_DOC_NUMBER));
    p->meta_date = iso_date (gw_document_get_meta (doc, GW_META_DATE));
    if (p->meta_date == NULL)
      p->meta_date = iso_date (gw_document_get_meta (doc, GW_META_PRINTING_DATE));
    if (p->meta_date == NULL && ev)
      p->meta_date = iso_date (gw_evaluation_get_field (ev, GW_EVAL_DATE));
  }
  return g_steal_pointer (&p);
}

/**
 * gw_renderer_paginate:
 *
 * Lays @doc out for printing. Before returning, every page is drawn once
 * onto a scratch surface through gw_pagination_draw_page (), and the
 * pagination is refused, like a PDF export, when any character of the
 * document would not be drawn.
 */
GwPagination *
gw_renderer_paginate (GwRenderer  *self,
                      GwDocument  *doc,
                      GError     **error)
{
  g_autoptr(GwPagination) p = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (GW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = paginate (self, doc, NULL, error);
  if (p == NULL)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  _gw_pagination_begin_pass (p);
  for (guint i = 0; i < p->pages->len; i++)
    gw_pagination_draw_page (p, cr, i);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!_gw_pagination_check_drawn (p, error))
    return NULL;
  return g_steal_pointer (&p);
}

/* ---- PDF ---------------------------------------------------------------- */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (cairo_surface_t *surface,
             GwPagination    *p)
{
  int parents[6] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < p->outline->len; i++)
    {
      GwOutlineEntry *e = g_ptr_array_index (p->outline, i);
      g_autofree char *x = gw_number_format_fixed (GW_TA_LEFT, 2);
      g_autofree char *y = gw_number_format_fixed (MAX (e->y, 0), 2);
      g_autofree char *link = NULL;
      guint level = MIN (e->level, 4);
      int id;

      link = g_strdup_printf ("page=%u pos=[%s %s]", e->page + 1, x, y);
      /* level 0 (the title) and 1 (一、) sit at the top */
      id = cairo_pdf_surface_add_outline (surface, parents[level == 0 ? 0 : level - 1], e->text,
                                          link, level <= 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (guint k = MAX (level, 1); k < G_N_ELEMENTS (parents); k++)
        parents[k] = id;
    }
}

/* Lays @doc out and writes its PDF through @write: each page is drawn as
 * soon as the layout is done with it and then freed, and every character
 * is checked to have been drawn before the PDF counts as written. */
static gboolean
render_to_stream (GwRenderer           *self,
                  GwDocument           *doc,
                  cairo_write_func_t    write,
                  gpointer              closure,
                  GError              **error)
{
  g_autoptr(GwPagination) p = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  locale_t base, c_numeric, previous = (locale_t) 0;
  gboolean ok;

  /* cairo 1.16 reads the numbers of tag attributes (the outline's
   * "pos=[x y]") with sscanf, which follows LC_NUMERIC: under a comma
   * locale it stops at the '.' and the whole PDF fails. This thread
   * lays out, draws and writes the PDF with the C locale's numbers (and
   * the process's locale for everything else: messages stay translated). */
  base = duplocale (LC_GLOBAL_LOCALE);
  c_numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (c_numeric == (locale_t) 0 && base != (locale_t) 0)
    freelocale (base);
  previous = c_numeric != (locale_t) 0 ? uselocale (c_numeric) : (locale_t) 0;

  surface = cairo_pdf_surface_create_for_stream (write, closure, GW_PAGE_W, GW_PAGE_H);
  cr = cairo_create (surface);
  p = paginate (self, doc, cr, error);
  ok = p != NULL;
  if (ok)
    {
      if (p->meta_title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, p->meta_title);
      if (p->meta_author)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, p->meta_author);
      if (p->meta_subject)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, p->meta_subject);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      "Gongwen " PACKAGE_VERSION);
      /* cairo stamps the clock when no date is given: always give one, the
       * document's own, so that re-exporting gives the same bytes. */
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                      p->meta_date ? p->meta_date : "2000-01-01T00:00:00");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE,
                                      p->meta_date ? p->meta_date : "2000-01-01T00:00:00");
      _gw_pagination_flush (p, p->pages->len);
      add_outline (surface, p);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (c_numeric != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: PDF output failed: %s"),
                   p->source, cairo_status_to_string (status));
      return FALSE;
    }
  /* never a PDF with less in it than the document */
  return _gw_pagination_check_drawn (p, error);
}

GBytes *
gw_renderer_render_pdf (GwRenderer  *self,
                        GwDocument  *doc,
                        GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail (GW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  bytes = g_byte_array_sized_new (256 * 1024);
  if (!render_to_stream (self, doc, write_cb, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

typedef struct {
  int fd;
  int errsv;    /* the first write error, or 0 */
} FileSink;

static cairo_status_t
write_file_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  FileSink *sink = closure;

  while (length > 0 && sink->errsv == 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->errsv = n < 0 ? errno : EIO;
          break;
        }
      data += n;
      length -= n;
    }
  return sink->errsv ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

gboolean
gw_renderer_export_pdf (GwRenderer  *self,
                        GwDocument  *doc,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *tmp = NULL;
  FileSink sink = { -1, 0 };
  gboolean ok;

  g_return_val_if_fail (GW_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (GW_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written as it is drawn, under PATH.XXXXXX beside the target (as
   * g_file_set_contents () names it), and renamed over it once whole and
   * checked: a 16 MiB draft's PDF never sits in memory, and a failure
   * leaves no file behind. */
  tmp = g_strdup_printf ("%s.XXXXXX", path);
  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("%s: cannot write the PDF: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  ok = render_to_stream (self, doc, write_file_cb, &sink, error);
  if (sink.errsv == 0 && ok && fsync (sink.fd) != 0)
    sink.errsv = errno;
  if (close (sink.fd) != 0 && sink.errsv == 0 && ok)
    sink.errsv = errno;
  if (sink.errsv == 0 && ok && g_rename (tmp, path) != 0)
    sink.errsv = errno;
  if (sink.errsv != 0)
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.errsv),
                   _("%s: cannot write the PDF: %s"), path, g_strerror (sink.errsv));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = gw_renderer_render_pdf (source, task_data, &error);

  if (bytes)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

void
gw_renderer_render_pdf_async (GwRenderer          *self,
                              GwDocument          *doc,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GW_IS_RENDERER (self));
  g_return_if_fail (GW_IS_DOCUMENT (doc));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gw_renderer_render_pdf_async);
  /* A snapshot: the window may go on editing while this thread renders. */
  g_task_set_task_data (task, gw_document_copy (doc), g_object_unref);
  g_task_run_in_thread (task, render_thread);
}

GBytes *
gw_renderer_render_pdf_finish (GwRenderer    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
