/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-contract-list"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gw-contract-list.h"
#include "gw-date.h"
#include "gw-error.h"
#include "gw-delimited.h"
#include "gw-file.h"
#include "gw-import-text.h"
#include "gw-text.h"
#include "gw-xlsx.h"

/* The synonym table docs/evaluation-round.md documents; keep them in step.
 * The first entry is the header of the shipped blank list. */
static const char * const synonyms[GW_N_CONTRACT_COLUMNS][10] = {
  [GW_CONTRACT_STATION] = { "站点", "站点名称", "社工站", "站点名", "station", "stationname", NULL },
  [GW_CONTRACT_PROJECT] = { "项目名称", "项目", "project", "projectname", NULL },
  [GW_CONTRACT_TIER] = { "站点层级", "层级", "站点级别", "tier", "stationtier", NULL },
  [GW_CONTRACT_PURCHASER] = { "采购人", "采购单位", "购买方", "purchaser", NULL },
  [GW_CONTRACT_OPERATOR] = { "承接机构", "运营机构", "承接单位", "operator", NULL },
  [GW_CONTRACT_CREDIT_CODE] = { "统一社会信用代码", "社会信用代码", "信用代码", "uscc", "creditcode",
                                "unifiedsocialcreditcode", NULL },
  [GW_CONTRACT_NUMBER] = { "合同编号", "合同号", "contractnumber", "contractno", "contractno.", NULL },
  [GW_CONTRACT_AMOUNT] = { "合同金额(元)", "合同金额", "金额(元)", "金额", "amount", "contractamount",
                           "amount(yuan)", NULL },
  [GW_CONTRACT_PERIOD] = { "服务期", "服务期限", "服务期间", "serviceperiod", "period", NULL },
  [GW_CONTRACT_START] = { "服务期起", "开始日期", "起始日期", "服务开始", "start", "servicestart",
                          "startdate", NULL },
  [GW_CONTRACT_END] = { "服务期止", "结束日期", "截止日期", "服务结束", "end", "serviceend", "enddate",
                        NULL },
  [GW_CONTRACT_CYCLE_YEAR] = { "周期第几年", "周期年度", "周期年", "第几年", "cycleyear", "yearofcycle",
                               NULL },
  [GW_CONTRACT_EVALUATOR] = { "评估机构", "第三方评估机构", "evaluator", NULL },
  [GW_CONTRACT_TYPE] = { "评估类型", "evaluationtype", "type", NULL },
};

const char *
gw_contract_column_header (GwContractColumn column)
{
  g_return_val_if_fail (column < GW_N_CONTRACT_COLUMNS, NULL);
  if (column == GW_CONTRACT_AMOUNT)
    return "合同金额（元）";
  return synonyms[column][0];
}

const char * const *
gw_contract_column_synonyms (GwContractColumn column)
{
  g_return_val_if_fail (column < GW_N_CONTRACT_COLUMNS, NULL);
  return synonyms[column];
}

/* Spaces (ASCII, full-width, NBSP) removed, ASCII lower-cased, full-width
 * brackets to ASCII, a trailing colon dropped. */
static char *
fold_header (const char *header)
{
  GString *s = g_string_new (NULL);

  for (const char *p = header; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0xA0 || c == 0xFEFF)
        continue;
      if (c == 0xFF08)
        c = '(';
      else if (c == 0xFF09)
        c = ')';
      else if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (c < 0x80)
        c = g_ascii_tolower (c);
      g_string_append_unichar (s, c);
    }
  while (s->len > 0 && (s->str[s->len - 1] == ':' || s->str[s->len - 1] == '*'))
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

gboolean
gw_contract_column_from_header (const char       *header,
                                GwContractColumn *column)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (header != NULL, FALSE);

  folded = fold_header (header);
  for (guint c = 0; c < GW_N_CONTRACT_COLUMNS; c++)
    for (guint i = 0; synonyms[c][i]; i++)
      if (g_str_equal (folded, synonyms[c][i]))
        {
          if (column)
            *column = c;
          return TRUE;
        }
  return FALSE;
}

void
gw_contract_free (GwContract *contract)
{
  if (contract == NULL)
    return;
  for (guint i = 0; i < GW_N_CONTRACT_COLUMNS; i++)
    g_free (contract->values[i]);
  g_free (contract);
}

/* ---- values ------------------------------------------------------------- */

/* Width folded (the one primitive) and trimmed. */
static char *
fold_width (const char *text)
{
  return g_strstrip (gw_text_fold_width (text));
}

char *
gw_contract_parse_date (const char *text)
{
  g_autofree char *t = NULL;
  guint y = 0, m = 0, d = 0;
  const char *tail;
  GwDate parsed;
  GDate date;

  g_return_val_if_fail (text != NULL, NULL);
  t = fold_width (text);
  if (*t == '\0')
    return NULL;

  /* a spreadsheet date serial (1900 system, with its 29 Feb 1900) */
  if (strspn (t, "0123456789") >= 2 && strspn (t, "0123456789") <= 7 &&
      (t[strspn (t, "0123456789")] == '\0' ||
       (t[strspn (t, "0123456789")] == '.' &&
        strspn (t + strspn (t, "0123456789") + 1, "0") == strlen (t + strspn (t, "0123456789") + 1))))
    {
      guint64 serial = g_ascii_strtoull (t, NULL, 10);

      if (serial >= 61 && serial < 2958466)
        {
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 30, 12, 1899);
          g_date_add_days (&date, serial);
          return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                  g_date_get_month (&date), g_date_get_day (&date));
        }
      return NULL;
    }
  /* 2024-01-01, 2024/1/1, 2024.1.1 or 2024年1月1日, through the one date
   * reader; a spreadsheet writes a date cell as 2024-01-01 00:00:00 */
  if (gw_date_parse (t, GW_DATE_WORDS | GW_DATE_SEPARATED | GW_DATE_PREFIX, &parsed) != GW_DATE_VALID)
    return NULL;
  tail = t + parsed.length;
  if (*tail && !g_str_has_prefix (tail, " 00:00") && !g_str_has_prefix (tail, "T00:00"))
    return NULL;
  y = parsed.year;
  m = parsed.month;
  d = parsed.day;
  if (y < 1900)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* 2024-01-01至2024-12-31 (至, 到, ~, ～, —, –, or " - "). */
static gboolean
split_period (const char  *text,
              char       **start,
              char       **end)
{
  static const char * const seps[] = { "至", "到", "~", "～", "—", "–", " - ", "－", NULL };
  g_autofree char *t = g_strdup (text);

  for (guint i = 0; seps[i]; i++)
    {
      char *hit = strstr (t, seps[i]);

      if (hit)
        {
          *hit = '\0';
          *start = gw_contract_parse_date (t);
          *end = gw_contract_parse_date (hit + strlen (seps[i]));
          if (*start && *end)
            return TRUE;
          g_clear_pointer (start, g_free);
          g_clear_pointer (end, g_free);
          return FALSE;
        }
    }
  return FALSE;
}

/* 1, 第2年, ３ → the number; 0 when there is none. */
static guint
parse_cycle_year (const char *text)
{
  g_autofree char *t = fold_width (text);
  const char *p = t;
  guint64 v;
  char *endp;

  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  if (!g_ascii_isdigit (*p))
    return 0;
  v = g_ascii_strtoull (p, &endp, 10);
  if (*endp && !g_str_equal (endp, "年") && !g_str_equal (endp, ".0"))
    return 0;
  return v > 99 ? 0 : (guint) v;
}

/* 300,000.00 ¥300000 300000元 → 300000.00; NULL when no plain number. */
static char *
parse_amount (const char *text)
{
  g_autofree char *t = fold_width (text);
  GString *s = g_string_new (NULL);
  guint dots = 0;

  for (const char *p = t; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (s, c);
      else if (c == '.')
        {
          dots++;
          g_string_append_c (s, '.');
        }
      else if (c == ',' || c == ' ' || c == 0xA5 || c == 0xFFE5)
        continue;
      else if (g_str_has_prefix (p, "元") && p[strlen ("元")] == '\0')
        break;
      else
        {
          g_string_free (s, TRUE);
          return NULL;
        }
    }
  if (s->len == 0 || dots > 1 || s->str[0] == '.')
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  /* a spreadsheet number 300000.5 → 300000.50; more decimals is no money */
  if (dots == 1)
    {
      gsize decimals = s->len - (strchr (s->str, '.') - s->str) - 1;

      if (decimals == 0)
        g_string_truncate (s, s->len - 1);
      else if (decimals > 2)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
    }
  return g_string_free (s, FALSE);
}

/* ---- the table ---------------------------------------------------------- */

static void
column_name (GString  *out,
             guint     index,
             gboolean  xlsx)
{
  if (!xlsx)
    {
      g_string_append_printf (out, "%u", index + 1);
      return;
    }
  {
    char buf[8];
    int n = 0;
    guint v = index + 1;

    while (v > 0 && n < 7)
      {
        buf[n++] = 'A' + (v - 1) % 26;
        v = (v - 1) / 26;
      }
    while (n > 0)
      g_string_append_c (out, buf[--n]);
  }
}

typedef struct {
  const char *name;
  gboolean    xlsx;
  GString    *report;
  guint       n_problems;
  const char *headers[GW_N_CONTRACT_COLUMNS];
  int         index[GW_N_CONTRACT_COLUMNS];
} Reader;

G_GNUC_PRINTF (5, 6)
static void
problem (Reader           *r,
         guint             line,
         int               col_index,
         GwContractColumn  column,
         const char       *format,
         ...)
{
  g_autofree char *what = NULL;
  g_autoptr(GString) col = g_string_new (NULL);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (r->report->len)
    g_string_append_c (r->report, '\n');
  r->n_problems++;
  if (col_index < 0)
    {
      g_string_append_printf (r->report, r->xlsx ? _("%s: row %u: %s") : _("%s: line %u: %s"),
                              r->name, line, what);
      return;
    }
  column_name (col, col_index, r->xlsx);
  g_string_append_printf (r->report,
                          r->xlsx ? _("%s: row %u, column %s (%s): %s")
                                  : _("%s: line %u, column %s (%s): %s"),
                          r->name, line, col->str,
                          r->headers[column] ? r->headers[column] : gw_contract_column_header (column),
                          what);
}

static const char *
cell (Reader      *r,
      char       **row,
      GwContractColumn column)
{
  int i = r->index[column];

  if (i < 0 || (guint) i >= g_strv_length (row))
    return "";
  return row[i];
}

static GwContract *
read_row (Reader                *r,
          char                 **row,
          guint                  line,
          const GwContractCheck *check,
          GHashTable            *stations)
{
  g_autoptr(GwContract) c = g_new0 (GwContract, 1);
  guint before = r->n_problems;
  const char *v;

  c->line = line;
  for (guint k = 0; k < GW_N_CONTRACT_COLUMNS; k++)
    c->values[k] = g_strdup (cell (r, row, k));

  /* required text */
  {
    static const GwContractColumn required[] = {
      GW_CONTRACT_STATION, GW_CONTRACT_PURCHASER, GW_CONTRACT_OPERATOR, GW_CONTRACT_CREDIT_CODE,
    };
    for (guint k = 0; k < G_N_ELEMENTS (required); k++)
      if (c->values[required[k]][0] == '\0')
        problem (r, line, r->index[required[k]], required[k], _("is empty"));
  }

  v = c->values[GW_CONTRACT_STATION];
  if (*v)
    {
      gpointer first;

      if (g_hash_table_lookup_extended (stations, v, NULL, &first))
        problem (r, line, r->index[GW_CONTRACT_STATION], GW_CONTRACT_STATION,
                 _("station “%s” is already on line %u"), v, GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (stations, g_strdup (v), GUINT_TO_POINTER (line));
      if (strpbrk (v, "/\\") || g_str_equal (v, ".") || g_str_equal (v, ".."))
        problem (r, line, r->index[GW_CONTRACT_STATION], GW_CONTRACT_STATION,
                 _("“%s” cannot name a file (no / or \\)"), v);
    }

  v = c->values[GW_CONTRACT_CREDIT_CODE];
  if (*v)
    {
      g_autofree char *why = NULL;
      g_autofree char *folded = fold_width (v);

      if (check && check->validate_credit_code && !check->validate_credit_code (v, &why))
        problem (r, line, r->index[GW_CONTRACT_CREDIT_CODE], GW_CONTRACT_CREDIT_CODE,
                 _("“%s” is not a valid unified social credit code: %s"), v, why ? why : "");
      g_free (c->values[GW_CONTRACT_CREDIT_CODE]);
      c->values[GW_CONTRACT_CREDIT_CODE] = g_ascii_strup (folded, -1);
    }

  v = c->values[GW_CONTRACT_AMOUNT];
  if (*v)
    {
      char *amount = parse_amount (v);

      if (amount == NULL)
        problem (r, line, r->index[GW_CONTRACT_AMOUNT], GW_CONTRACT_AMOUNT,
                 _("“%s” is not an amount in yuan"), v);
      else
        {
          g_free (c->values[GW_CONTRACT_AMOUNT]);
          c->values[GW_CONTRACT_AMOUNT] = amount;
        }
    }

  /* the service period: one range column, or start and end */
  {
    char *start = NULL, *end = NULL;
    const char *pv = c->values[GW_CONTRACT_PERIOD];

    if (*pv && !split_period (pv, &start, &end))
      problem (r, line, r->index[GW_CONTRACT_PERIOD], GW_CONTRACT_PERIOD,
               _("“%s” is not a period such as 2024-01-01至2024-12-31"), pv);
    if (start == NULL)
      {
        static const GwContractColumn cols[] = { GW_CONTRACT_START, GW_CONTRACT_END };
        char **out[] = { &start, &end };

        for (guint k = 0; k < 2; k++)
          {
            const char *dv = c->values[cols[k]];

            if (*dv && (*out[k] = gw_contract_parse_date (dv)) == NULL)
              problem (r, line, r->index[cols[k]], cols[k], _("“%s” is not a date"), dv);
          }
      }
    if (start && end && strcmp (end, start) < 0)
      {
        GwContractColumn col = *pv ? GW_CONTRACT_PERIOD : GW_CONTRACT_END;
        problem (r, line, r->index[col], col, _("the service ends (%s) before it starts (%s)"),
                 end, start);
      }
    g_free (c->values[GW_CONTRACT_START]);
    g_free (c->values[GW_CONTRACT_END]);
    c->values[GW_CONTRACT_START] = start ? start : g_strdup ("");
    c->values[GW_CONTRACT_END] = end ? end : g_strdup ("");
  }

  v = c->values[GW_CONTRACT_CYCLE_YEAR];
  if (*v)
    {
      guint year = parse_cycle_year (v);

      if (year == 0)
        problem (r, line, r->index[GW_CONTRACT_CYCLE_YEAR], GW_CONTRACT_CYCLE_YEAR,
                 _("“%s” is not a year of the cycle (1, 2, …)"), v);
      else if (check && check->max_cycle_year > 0 && year > check->max_cycle_year)
        problem (r, line, r->index[GW_CONTRACT_CYCLE_YEAR], GW_CONTRACT_CYCLE_YEAR,
                 _("year %u of the cycle is past the last, year %u"), year, check->max_cycle_year);
      else
        {
          g_free (c->values[GW_CONTRACT_CYCLE_YEAR]);
          c->values[GW_CONTRACT_CYCLE_YEAR] = g_strdup_printf ("%u", year);
        }
    }

  if (r->n_problems > before)
    return NULL;
  return g_steal_pointer (&c);
}

GPtrArray *
gw_contract_list_from_rows (GPtrArray             *rows,
                            GArray                *row_lines,
                            gboolean               xlsx,
                            const char            *display_name,
                            const GwContractCheck *check,
                            GError               **error)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_contract_free);
  g_autoptr(GHashTable) stations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  Reader r = { 0 };
  char **header;
  guint header_line, header_row;

  g_return_val_if_fail (rows != NULL, NULL);

  r.name = display_name;
  r.xlsx = xlsx;
  r.report = report;
  for (guint k = 0; k < GW_N_CONTRACT_COLUMNS; k++)
    r.index[k] = -1;
  if (rows->len == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the contract list is empty"), display_name);
      return NULL;
    }

  /* Ledgers often carry a title (2024年社工站合同台账) or a note above the
   * headers: the header row is the one among the first few that names the
   * most known columns. */
  {
    guint best = 0, best_n = 0;

    for (guint k = 0; k < MIN (rows->len, 6); k++)
      {
        char **cells = g_ptr_array_index (rows, k);
        guint n = 0;

        for (guint i = 0; cells[i]; i++)
          n += gw_contract_column_from_header (cells[i], NULL);
        if (n > best_n)
          best = k, best_n = n;
      }
    header_row = best_n >= 2 ? best : 0;
  }
  header = g_ptr_array_index (rows, header_row);
  header_line = row_lines ? g_array_index (row_lines, guint, header_row) : header_row + 1;
  for (guint i = 0; header[i]; i++)
    {
      GwContractColumn col;

      if (!gw_contract_column_from_header (header[i], &col))
        continue;   /* a column the form has no place for (备注 …) */
      r.headers[col] = header[i];
      if (r.index[col] >= 0)
        problem (&r, header_line, i, col, _("a second column for the same field"));
      else
        r.index[col] = i;
    }
  {
    static const GwContractColumn required[] = {
      GW_CONTRACT_STATION, GW_CONTRACT_PURCHASER, GW_CONTRACT_OPERATOR, GW_CONTRACT_CREDIT_CODE,
    };
    for (guint k = 0; k < G_N_ELEMENTS (required); k++)
      if (r.index[required[k]] < 0)
        problem (&r, header_line, -1, 0, _("no column headed “%s” (or one of its synonyms)"),
                 gw_contract_column_header (required[k]));
  }
  if (r.n_problems == 0)
    for (guint i = header_row + 1; i < rows->len; i++)
      {
        guint line = row_lines ? g_array_index (row_lines, guint, i) : i + 1;
        GwContract *c = read_row (&r, g_ptr_array_index (rows, i), line, check, stations);

        if (c)
          g_ptr_array_add (contracts, c);
      }
  if (r.n_problems == 0 && contracts->len == 0)
    problem (&r, header_line, -1, 0, _("the list has headers but no contract"));
  if (r.n_problems > 0)
    {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_INVALID, report->str);
      return NULL;
    }
  return g_steal_pointer (&contracts);
}

GPtrArray *
gw_contract_list_read (const char            *path,
                       const GwContractCheck *check,
                       GError               **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  gboolean xlsx;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  bytes = gw_file_read_named (file, path, GW_MAX_INPUT_SIZE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error (error, GW_ERROR, GW_ERROR_EMPTY, _("%s: the file is empty"), path);
      return NULL;
    }
  xlsx = len >= 4 && memcmp (data, "PK\3\4", 4) == 0;
  if (xlsx)
    rows = gw_xlsx_read_first_sheet (bytes, path, &lines, error);
  else
    {
      char delimiter = ',';

      text = gw_import_text_decode (data, len, path, error);
      if (text == NULL)
        return NULL;
      /* a tab-separated list (.tsv, or copied out of a spreadsheet) */
      if (g_str_has_suffix (path, ".tsv") || g_str_has_suffix (path, ".txt") ||
          (strchr (text, '\t') && strcspn (text, "\t") < strcspn (text, ",")))
        delimiter = '\t';
      rows = gw_delimited_parse (text, -1, delimiter, &lines, &local_error);
      if (rows == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                       local_error->message);
          return NULL;
        }
      /* cells trimmed, blank rows dropped: spreadsheets keep stray spaces
       * and empty lines the forms must not */
      for (guint r = rows->len; r-- > 0;)
        {
          gboolean blank = TRUE;

          for (char **f = g_ptr_array_index (rows, r); *f; f++)
            blank = *g_strstrip (*f) == '\0' && blank;
          if (blank)
            {
              g_ptr_array_remove_index (rows, r);
              g_array_remove_index (lines, r);
            }
        }
    }
  if (rows == NULL)
    return NULL;
  return gw_contract_list_from_rows (rows, lines, xlsx, path, check, error);
}
