/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-register.h"

static char *
day (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (t);
  return dt ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

/* The book is printed in Chinese whatever the interface language: it is
 * the office's archive copy, like the documents it lists. */
GwDocument *
gw_register_year_document (GwRegister  *self,
                           const char  *organ,
                           int          year,
                           GError     **error)
{
  static const char * const header[] = {
    "序号", "发文字号", "标题", "文种", "状态", "取号日期", "发文日期", "登记人", "备注", NULL
  };
  static const char * const status_zh[] = { "预留", "已发文", "作废" };
  g_autoptr(GPtrArray) entries = gw_register_list (self, organ, year, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GwDocument) doc = NULL;
  g_autoptr(GwBlock) table = NULL;
  g_autofree char *title = NULL;

  if (entries == NULL)
    return NULL;
  g_ptr_array_add (rows, g_strdupv ((char **) header));
  for (guint i = 0; i < entries->len; i++)
    {
      GwRegisterEntry *e = g_ptr_array_index (entries, i);
      GStrvBuilder *b = g_strv_builder_new ();
      g_autofree char *seq = g_strdup_printf ("%d", e->seq);
      g_autofree char *taken = day (e->taken_at);
      g_autofree char *issued = day (e->issued_at);
      g_autofree char *remark = NULL;
      g_autofree char *flat_title = g_strdelimit (g_strdup (e->title), "\n", ' ');

      if (e->status == GW_NUMBER_VOID)
        remark = g_strdup_printf ("作废：%s", e->void_reason ? e->void_reason : "");
      else if (e->stale)
        remark = g_strdup ("逾期未发");
      const char *kind = g_strcmp0 (e->kind, "opinion") == 0 ? "公文"
                       : g_strcmp0 (e->kind, "evaluation") == 0 ? "评估表" : e->kind;

      g_strv_builder_add_many (b, seq, e->number, flat_title, kind, status_zh[e->status],
                               taken, issued, e->user, remark ? remark : "", NULL);
      g_ptr_array_add (rows, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  if (entries->len == 0)
    {
      g_set_error (error, GW_REGISTER_ERROR, GW_REGISTER_ERROR_STATE,
                   _("The register has no numbers for %d"), year);
      return NULL;
    }

  doc = gw_document_new (GW_DOCUMENT_KIND_OPINION);
  title = g_strdup_printf ("%s%d年发文登记簿", organ ? organ : "", year);
  gw_document_set_meta (doc, GW_META_TITLE, title);
  table = gw_block_new_table (rows);
  gw_document_append_block (doc, table);
  return g_steal_pointer (&doc);
}
