/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gw-error.h"
#include "gw-pdf.h"
#include "fuzz-common.h"

/* The renderer under text conservation: the input is read as a recipe for
 * a document (long cells, huge paragraphs, long Latin runs, many columns,
 * nested headings, attachments), which is laid out and drawn, either by
 * gw_renderer_paginate () (printing: every page onto a scratch surface)
 * or by gw_renderer_render_pdf () (pages drawn and freed while the layout
 * runs); both refuse a result that would leave a character undrawn. Laying out
 * must then either succeed or fail for a reason the user can act on (a
 * character no font has, a table too wide for any page); a conservation
 * failure, a crash or a hang (libFuzzer's -timeout) is a bug. */

static GwRenderer *renderer;

/* Characters the installed fonts have, so most inputs lay out whole. */
static const char *const alphabet[] = {
  "社", "工", "站", "民", "政", "局", "服", "务", "管", "理", "建", "设", "意", "见", "的",
  "，", "。", "、", "；", "：", "（", "）", "“", "”", "《", "》", "〔", "〕", "—",
  "a", "b", "x", "Z", "0", "1", "7", "9", "%", "/", ".", "-", "_", "=", "+",
  " ", "\u3000", "\n", "\t", "\u200b",
};

typedef struct {
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Reader;

static guint
next (Reader *r)
{
  return r->pos < r->size ? r->data[r->pos++] : 0;
}

/* A text of about @len characters: the input's next bytes mapped onto the
 * alphabet, repeated to length. With @latin, a run without a break. */
static char *
make_text (Reader   *r,
           gsize     len,
           gboolean  latin)
{
  GString *s = g_string_new (NULL);
  gsize seed = MIN (r->size - MIN (r->pos, r->size), 64);
  const guint8 *from = r->data + r->pos;

  r->pos += seed;
  for (gsize i = 0; i < len; i++)
    {
      guint b = seed ? from[i % seed] + i / seed : i;

      if (latin)
        g_string_append_c (s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789"[b % 46]);
      else
        g_string_append (s, alphabet[b % G_N_ELEMENTS (alphabet)]);
    }
  return g_string_free (s, FALSE);
}

static gsize
length (Reader *r)
{
  static const gsize sizes[] = { 0, 1, 5, 30, 100, 600, 1000, 3001, 9000, 40000 };

  return sizes[next (r) % G_N_ELEMENTS (sizes)] + next (r) % 50;
}

static GwDocument *
make_document (Reader *r)
{
  GwDocument *doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  guint n_blocks = 1 + next (r) % 8;
  guint flags = next (r);

  if (flags & 1)
    {
      g_autofree char *title = make_text (r, 1 + length (r) % 80, FALSE);
      gw_document_set_meta (doc, GW_META_TITLE, title);
    }
  if (flags & 2)
    gw_document_set_meta (doc, GW_META_ORGAN_MARK, "临川市民政局文件");
  if (flags & 4)
    {
      g_autofree char *to = make_text (r, length (r) % 200, FALSE);
      gw_document_set_meta (doc, GW_META_RECIPIENTS, to);
    }
  if (flags & 8)
    {
      gw_document_set_meta (doc, GW_META_SIGNATURE, "临川市民政局");
      gw_document_set_meta (doc, GW_META_DATE, "2024年5月8日");
    }
  if (flags & 16)
    gw_document_set_meta (doc, GW_META_COPY_TO, "市委办公室，市政府办公室。");

  for (guint i = 0; i < n_blocks && r->pos < r->size + 8; i++)
    {
      guint kind = next (r) % 6;

      switch (kind)
        {
        case 0:
        case 1:
          {
            g_autofree char *text = make_text (r, length (r), FALSE);
            gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, text));
          }
          break;
        case 2:
          {
            g_autofree char *text = make_text (r, length (r), TRUE);
            gw_document_append_block (doc, gw_block_new (GW_BLOCK_PARAGRAPH, text));
          }
          break;
        case 3:
          {
            g_autofree char *text = make_text (r, 1 + length (r) % 300, FALSE);
            gw_document_append_block (doc, gw_block_new_heading (1 + next (r) % 4, text));
          }
          break;
        case 4:
          {
            guint n_cols = 1 + next (r) % 40, n_rows = 1 + next (r) % 6;
            g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

            for (guint row = 0; row < n_rows; row++)
              {
                GStrvBuilder *b = g_strv_builder_new ();
                GStrv cells;

                for (guint c = 0; c < n_cols; c++)
                  {
                    g_autofree char *cell = make_text (r, length (r) / (n_cols > 4 ? 20 : 1),
                                                       next (r) % 5 == 0);
                    g_strv_builder_add (b, cell);
                  }
                cells = g_strv_builder_end (b);
                g_strv_builder_unref (b);
                g_ptr_array_add (rows, cells);
              }
            gw_document_append_block (doc, gw_block_new_table (rows));
          }
          break;
        default:
          {
            g_autofree char *title = make_text (r, 1 + length (r) % 60, FALSE);
            gw_document_append_block (doc, gw_block_new_attachment (i + 1, title));
          }
          break;
        }
    }
  return doc;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init_glib ();
  renderer = gw_renderer_new (&error);
  if (renderer == NULL)
    {
      g_printerr ("fuzz: no renderer: %s\n", error->message);
      abort ();
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Reader r = { data, size, 0 };
  gboolean pdf = size > 0 && (data[0] & 0x80);
  g_autoptr(GwDocument) doc = make_document (&r);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwPagination) p = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* half the inputs go through the PDF export itself, which draws and
   * frees each page while the layout runs */
  if (pdf)
    bytes = gw_renderer_render_pdf (renderer, doc, &error);
  else
    p = gw_renderer_paginate (renderer, doc, &error);
  if (p != NULL || bytes != NULL)
    {
      if (error != NULL || (p && gw_pagination_get_n_pages (p) == 0) ||
          (bytes && g_bytes_get_size (bytes) == 0))
        abort ();
      return 0;
    }
  fuzz_check_error (error);
  /* the reasons a user can act on; anything else (a conservation
   * failure above all) is a bug in the layout */
  if (g_error_matches (error, GW_ERROR, GW_ERROR_MISSING_GLYPH) ||
      (g_error_matches (error, GW_ERROR, GW_ERROR_RENDER) && strstr (error->message, " columns, ")))
    return 0;
  g_printerr ("fuzz: %s\n", error->message);
  abort ();
}
