/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The contract list a bureau keeps for its stations: one row per
 * purchase-of-service contract, as CSV (UTF-8 with or without BOM, or
 * GB18030; Excel's quoting) or the first sheet of an .xlsx workbook.
 * Columns are found by their headers, in any order, through the synonym
 * table of docs/evaluation-round.md (gw_contract_column_synonyms()). The
 * header row is the one among the first six rows that names the most known
 * columns (a ledger's title above it is skipped). */

typedef enum {
  GW_CONTRACT_STATION,          /* 站点 */
  GW_CONTRACT_PROJECT,          /* 项目名称 (optional: station + 运营服务项目) */
  GW_CONTRACT_TIER,             /* 站点层级 */
  GW_CONTRACT_PURCHASER,        /* 采购人 */
  GW_CONTRACT_OPERATOR,         /* 承接机构 */
  GW_CONTRACT_CREDIT_CODE,      /* 统一社会信用代码 */
  GW_CONTRACT_NUMBER,           /* 合同编号 */
  GW_CONTRACT_AMOUNT,           /* 合同金额（元） */
  GW_CONTRACT_PERIOD,           /* 服务期 as one range: 2024-01-01至2024-12-31 */
  GW_CONTRACT_START,            /* 服务期起 */
  GW_CONTRACT_END,              /* 服务期止 */
  GW_CONTRACT_CYCLE_YEAR,       /* 周期第几年 */
  GW_CONTRACT_EVALUATOR,        /* 评估机构 */
  GW_CONTRACT_TYPE,             /* 评估类型 */
  GW_N_CONTRACT_COLUMNS
} GwContractColumn;

/* The header the shipped blank list uses for @column (Chinese). */
const char         *gw_contract_column_header   (GwContractColumn column);
/* Every header recognised for @column, NULL-terminated (Chinese and
 * English; compared with spaces removed, ASCII letters folded to lower
 * case and full-width brackets folded to ASCII ones). */
const char * const *gw_contract_column_synonyms (GwContractColumn column);
/* The column a header names, or FALSE. */
gboolean            gw_contract_column_from_header (const char       *header,
                                                    GwContractColumn *column);

/* One row, its values as the form wants them: trimmed; dates ISO
 * (2024-01-01, from 2024/1/1, 2024年1月1日 or a spreadsheet's date serial);
 * the cycle year a plain number; the amount without separators or unit. */
typedef struct {
  guint  line;                            /* 1-based line (CSV) or sheet row (.xlsx) */
  char  *values[GW_N_CONTRACT_COLUMNS];   /* "" when the list has no such column */
} GwContract;

typedef gboolean (*GwCreditCodeValidator) (const char  *code,
                                           char       **why);

typedef struct {
  /* Largest cycle year (the template's cycle-year field, or the governing
   * opinion's cycle); 0 = no limit known. */
  guint                  max_cycle_year;
  /* GB 32100-2015 check: the rules layer's gw_credit_code_validate(),
   * handed down by the caller since core does not link rules. NULL: the
   * code is only checked for presence. */
  GwCreditCodeValidator  validate_credit_code;
} GwContractCheck;

/* Reads @path (.xlsx by its content, else delimited text). Every bad row
 * is reported, each on a line of @error's message as
 * "FILE: line N, column M (HEADER): what is wrong" (.xlsx: "row N,
 * column C"); on any error nothing is returned. GPtrArray of GwContract*. */
GPtrArray          *gw_contract_list_read       (const char            *path,
                                                 const GwContractCheck *check,
                                                 GError               **error);
/* The same over a table already split into rows (GPtrArray of GStrv, the
 * header first), @row_lines the 1-based line of each row (may be NULL: row
 * index + 1), @xlsx naming columns by letter in messages. */
GPtrArray          *gw_contract_list_from_rows  (GPtrArray             *rows,
                                                 GArray                *row_lines,
                                                 gboolean               xlsx,
                                                 const char            *display_name,
                                                 const GwContractCheck *check,
                                                 GError               **error);
void                gw_contract_free            (GwContract            *contract);

/* A date written 2024-01-01, 2024/1/1, 2024.1.1, 2024年1月1日 or as a
 * spreadsheet serial (1900 system), to ISO; NULL when it is none. */
char               *gw_contract_parse_date      (const char            *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwContract, gw_contract_free)

G_END_DECLS
