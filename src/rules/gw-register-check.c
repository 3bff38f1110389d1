/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-builtins"

#include "config.h"

#include <string.h>

#include "gw-number-registry.h"
#include "gw-matcher-private.h"
#include "gw-text.h"

#define L(ctx, zh, en) ((ctx)->lang == 0 ? (zh) : (en))

/* Titles compared without the spaces and line breaks an author puts in. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!gw_unichar_is_space (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* format.doc-number-register: the number is not in the office's register,
 * is void there, was taken for another document, or runs ahead of the
 * sequence. Silent when no register is configured. */
void
_gw_builtin_doc_number_register (GwCheckContext *ctx,
                                 GwRuleWords    *rule,
                                 GwMatcher      *m,
                                 GPtrArray      *findings)
{
  g_auto(GwNumberRecord) record = { 0 };
  g_autofree char *number = NULL;
  g_autofree char *detail = NULL;
  const char *value;
  GwFinding *f;

  if (ctx->registry == NULL)
    return;
  value = gw_document_get_meta (ctx->doc, GW_META_DOC_NUMBER);
  if (value == NULL)
    return;
  number = g_strstrip (g_strdup (value));
  if (*number == '\0' || !gw_number_registry_lookup (ctx->registry, number, &record))
    return;

  if (!record.found && record.next_seq > 0 && record.seq > record.next_seq)
    detail = g_strdup_printf (L (ctx, "登记簿中下一个号是第%d号，本号超前",
                                 "the register's next number is %d; this one runs ahead"),
                              record.next_seq);
  else if (!record.found)
    detail = g_strdup (L (ctx, "未在发文登记簿中登记", "it is not in the register"));
  else if (record.status == GW_NUMBER_REGISTRY_VOID)
    detail = g_strdup (L (ctx, "该号在登记簿中已作废", "it is void in the register"));
  else
    {
      g_autofree char *mine = squeeze (gw_document_get_meta (ctx->doc, GW_META_TITLE));
      g_autofree char *theirs = squeeze (record.title);

      if (*mine != '\0' && *theirs != '\0' && strcmp (mine, theirs) != 0)
        detail = g_strdup_printf (L (ctx, "登记簿中该号属于另一份文件《%s》",
                                     "the register has it for another document, “%s”"),
                                  record.title);
    }
  if (detail == NULL)
    return;
  f = _gw_rule_make_finding (rule, m, ctx->lang, NULL, detail);
  _gw_finding_place_meta (ctx, f, GW_META_DOC_NUMBER, 0, g_utf8_strlen (value, -1));
  g_ptr_array_add (findings, f);
}
