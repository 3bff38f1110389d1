/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-error.h"
#include "gw-layout-private.h"

/* The document laid out page region by page region (gw-layout-*.c), on
 * the primitives of gw-pagination.c. */

const char _gw_layout_fixed_text[] =
  "签发人：（《〔【）》〕】。附件：1．（）抄送：印发"
  "社工站运营服务项目年度评估表 至 第年（三年一个周期）、"
  "项目名称站点层级采购人承接机构统一社会信用代码合同编号合同金额（元）资金使用（元）"
  "服务期周期年度评估类型评估机构评估日期评估人员资金使用说明"
  "序号评估指标分值自评分得分评分方说明（小计）合计"
  "评估总分：分　　评估等次：—（一票否决）结果运用：（调整理由：）"
  "一票否决事项（勾选即评为最低等次）：评估组长：日期："
  "评估人员（签字）承接机构负责人确认（签名、盖章）购买方意见（盖章）民政局审核意见（盖章）"
  "0123456789";

gboolean
_gw_layout_document (GwPagination *p,
                     GError      **error)
{
  guint n = gw_document_get_n_blocks (p->doc);

  _gw_pagination_new_page (p);
  if (!_gw_layout_header (p) || !_gw_layout_title (p) || !_gw_layout_recipients (p))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      GwBlock *block = gw_document_get_block (p->doc, i);

      if (gw_block_get_kind (block) == GW_BLOCK_ATTACHMENT)
        break;
      if (!_gw_layout_block (p, block, i))
        goto fail;
    }
  if (!_gw_layout_attachment_list (p) || !_gw_layout_signature (p) ||
      !_gw_layout_attachments (p) || !_gw_layout_colophon (p))
    goto fail;
  _gw_pagination_number_pages (p);
  return TRUE;

fail:
  if (p->error)
    g_propagate_error (error, g_steal_pointer (&p->error));
  else
    g_set_error (error, GW_ERROR, GW_ERROR_RENDER, _("%s: layout failed"), p->source);
  return FALSE;
}
