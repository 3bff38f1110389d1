/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "gw-autocleanups-private.h"
#include "gw-error.h"
#include "gw-numeral.h"
#include "gw-preview.h"

#define PT_TO_PX (96.0 / 72.0)

struct _GwPreview
{
  GtkWidget          parent_instance;

  GtkSpinButton     *page_spin;
  GtkAdjustment     *page_adjustment;
  GtkLabel          *pages_label;
  GtkLabel          *zoom_label;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkBox            *pages_box;
  AdwStatusPage     *error_page;

  GwRenderer        *renderer;
  GwDocument        *document;
  PopplerDocument   *pdf;
  GCancellable      *cancellable;
  double             zoom;
  gboolean           following_scroll;
};

G_DEFINE_FINAL_TYPE (GwPreview, gw_preview, GTK_TYPE_WIDGET)

/* poppler's errors become GW_ERROR here, at the one edge that calls it. */
static PopplerDocument *
load_pdf (GBytes  *bytes,
          GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_bytes (bytes, NULL, &local_error);

  if (pdf == NULL)
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER,
                 _("The PDF produced for the preview could not be read back: %s"),
                 local_error->message);
  return pdf;
}

gboolean
gw_pdf_read_back (GBytes  *bytes,
                  guint   *n_pages,
                  char   **text,
                  GError **error)
{
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GString) all = NULL;
  int n;

  g_return_val_if_fail (bytes != NULL, FALSE);

  pdf = load_pdf (bytes, error);
  if (pdf == NULL)
    return FALSE;
  n = poppler_document_get_n_pages (pdf);
  if (n_pages)
    *n_pages = n;
  if (text)
    {
      all = g_string_new (NULL);
      for (int i = 0; i < n; i++)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
          g_autofree char *page_text = poppler_page_get_text (page);

          g_string_append (all, page_text ? page_text : "");
          g_string_append_c (all, '\n');
        }
      *text = g_string_free (g_steal_pointer (&all), FALSE);
    }
  return TRUE;
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  PopplerPage *page = user_data;
  double page_width, page_height;

  poppler_page_get_size (page, &page_width, &page_height);
  /* Paper is white in the dark style too: this is what prints. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / page_width, height / page_height);
  poppler_page_render (page, cr);
}

static void
clear_pages (GwPreview *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))))
    gtk_box_remove (self->pages_box, child);
}

static void
update_labels (GwPreview *self)
{
  guint n = gw_preview_get_n_pages (self);
  g_autofree char *pages = g_strdup_printf (_("of %u"), n);
  g_autofree char *zoom_number = gw_number_format (self->zoom * 100, 0);
  g_autofree char *zoom = g_strconcat (zoom_number, "%", NULL);

  gtk_label_set_label (self->pages_label, pages);
  gtk_label_set_label (self->zoom_label, zoom);
  gtk_adjustment_set_upper (self->page_adjustment, MAX (n, 1));
}

static void
build_pages (GwPreview *self)
{
  int n;

  clear_pages (self);
  if (self->pdf == NULL)
    return;
  n = poppler_document_get_n_pages (self->pdf);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (self->pdf, i);
      GtkWidget *area = gtk_drawing_area_new ();
      double width, height;
      g_autofree char *label = g_strdup_printf (_("Page %d"), i + 1);

      poppler_page_get_size (page, &width, &height);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area),
                                          (int) (width * PT_TO_PX * self->zoom));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           (int) (height * PT_TO_PX * self->zoom));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, page,
                                      g_object_unref);
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (area, "gw-preview-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_box_append (self->pages_box, area);
    }
  update_labels (self);
}

static void
on_rendered_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GwPreview *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gw_renderer_render_pdf_finish (GW_RENDERER (object), result, &error);
  PopplerDocument *pdf = NULL;

  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  gtk_spinner_set_spinning (self->spinner, FALSE);
  g_clear_object (&self->cancellable);
  if (bytes)
    pdf = load_pdf (bytes, &error);
  if (pdf == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_object_unref (self);
      return;
    }
  g_clear_object (&self->pdf);
  self->pdf = pdf;
  build_pages (self);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  g_object_unref (self);
}

void
gw_preview_refresh (GwPreview *self)
{
  g_autoptr(GwDocument) copy = NULL;

  g_return_if_fail (GW_IS_PREVIEW (self));

  if (self->document == NULL)
    return;
  if (self->renderer == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       _("The fonts for the pages could not be set up. "
                                         "Check the fonts chosen in Preferences."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->spinner, TRUE);
  copy = gw_document_copy (self->document);
  gw_renderer_render_pdf_async (self->renderer, copy, self->cancellable, on_rendered_cb,
                                g_object_ref (self));
}

void
gw_preview_set_document (GwPreview  *self,
                         GwRenderer *renderer,
                         GwDocument *doc)
{
  g_return_if_fail (GW_IS_PREVIEW (self));

  g_set_object (&self->renderer, renderer);
  g_set_object (&self->document, doc);
}

guint
gw_preview_get_n_pages (GwPreview *self)
{
  g_return_val_if_fail (GW_IS_PREVIEW (self), 0);
  return self->pdf ? poppler_document_get_n_pages (self->pdf) : 0;
}

char *
gw_preview_get_page_text (GwPreview *self,
                          guint      page)
{
  g_autoptr(PopplerPage) p = NULL;

  g_return_val_if_fail (GW_IS_PREVIEW (self), NULL);

  if (self->pdf == NULL || page >= gw_preview_get_n_pages (self))
    return NULL;
  p = poppler_document_get_page (self->pdf, page);
  return poppler_page_get_text (p);
}

guint
gw_preview_get_page (GwPreview *self)
{
  g_return_val_if_fail (GW_IS_PREVIEW (self), 0);
  return (guint) gtk_adjustment_get_value (self->page_adjustment) - 1;
}

double
gw_preview_get_zoom (GwPreview *self)
{
  g_return_val_if_fail (GW_IS_PREVIEW (self), 1.0);
  return self->zoom;
}

void
gw_preview_set_zoom (GwPreview *self,
                     double     zoom)
{
  g_return_if_fail (GW_IS_PREVIEW (self));

  zoom = CLAMP (zoom, 0.25, 4.0);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  build_pages (self);
  update_labels (self);
}

void
gw_preview_go_to_page (GwPreview *self,
                       guint      page)
{
  GtkWidget *child;
  graphene_point_t point;
  guint i = 0;

  g_return_if_fail (GW_IS_PREVIEW (self));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child && i < page;
       child = gtk_widget_get_next_sibling (child))
    i++;
  if (child == NULL)
    return;
  if (gtk_widget_compute_point (child, GTK_WIDGET (self->pages_box),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (vadj, point.y);
    }
  if ((guint) gtk_adjustment_get_value (self->page_adjustment) != page + 1)
    gtk_adjustment_set_value (self->page_adjustment, page + 1);
}

static void
on_page_spin_cb (GwPreview *self)
{
  if (!self->following_scroll)
    gw_preview_go_to_page (self, (guint) gtk_adjustment_get_value (self->page_adjustment) - 1);
}

/* The page number follows scrolling: the page under the middle of the view. */
static void
on_scrolled_cb (GtkAdjustment *vadj,
                GwPreview     *self)
{
  double middle = gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj) / 2;
  guint page = 0, i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      graphene_point_t point;

      if (gtk_widget_compute_point (child, GTK_WIDGET (self->pages_box),
                                    &GRAPHENE_POINT_INIT (0, 0), &point) && point.y <= middle)
        page = i;
    }
  self->following_scroll = TRUE;
  gtk_adjustment_set_value (self->page_adjustment, page + 1);
  self->following_scroll = FALSE;
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GwPreview *self = GW_PREVIEW (widget);
  double page = gtk_adjustment_get_value (self->page_adjustment);

  if (g_str_equal (action_name, "preview.zoom-in"))
    gw_preview_set_zoom (self, self->zoom * 1.25);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    gw_preview_set_zoom (self, self->zoom / 1.25);
  else if (g_str_equal (action_name, "preview.next-page"))
    gtk_adjustment_set_value (self->page_adjustment, page + 1);
  else if (g_str_equal (action_name, "preview.previous-page"))
    gtk_adjustment_set_value (self->page_adjustment, page - 1);
}

static void
gw_preview_dispose (GObject *object)
{
  GwPreview *self = GW_PREVIEW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_PREVIEW);
  /* GTK 4.8 leaves unnamed template children in place. */
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->pdf);
  g_clear_object (&self->renderer);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (gw_preview_parent_class)->dispose (object);
}

static void
gw_preview_class_init (GwPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_preview_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongwen/Gongwen/gw-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, GwPreview, page_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, page_adjustment);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, pages_label);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, GwPreview, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_spin_cb);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, preview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "preview.previous-page", NULL);
}

static void
gw_preview_init (GwPreview *self)
{
  self->zoom = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled_cb), self, 0);
  update_labels (self);
}

GwPreview *
gw_preview_new (void)
{
  return g_object_new (GW_TYPE_PREVIEW, NULL);
}
