/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-check-context"

#include "config.h"

#include <string.h>

#include "gw-clause-private.h"
#include "gw-check-context-private.h"

/* The floor of the rules layer: the document prepared once for every rule
 * (the normalised text, its units, the mapping back to blocks and lines)
 * and the placing of findings on it. Matchers, built-ins, rules and the
 * checker stand on this file; it calls none of them. */

/* ---- the document prepared for matching --------------------------------- */

static gsize
bsearch_last_below (GArray *a,
                    gsize   pos)
{
  /* index of the last element < pos, or G_MAXSIZE */
  gsize lo = 0, hi = a->len;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (g_array_index (a, gsize, mid) < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo == 0 ? G_MAXSIZE : lo - 1;
}

/* The catalogue's required content (a leading group, the three tiers, the
 * use of evaluation results, …) is what a document that governs the
 * stations must say: an implementation opinion, and a notice (通知) that
 * regulates them too (the catalogue's "opinion" kind, as the independent
 * corpus reads it). Correspondence on the same subject — a letter (函, or
 * the 信函 format), a report, a request, a reply, minutes — is checked for
 * what it says, not for what it leaves out, unless its title names a
 * policy it carries (…实施意见的函). */
static gboolean
is_whole_opinion (GwDocument *doc)
{
  static const char *const policies[] = { "意见", "办法", "方案", "细则", "规定", "规划" };
  static const char *const others[] = { "函", "报告", "请示", "批复", "纪要" };
  const char *title = gw_document_get_meta (doc, GW_META_TITLE);
  g_autofree char *flat = NULL;

  if (title == NULL || *title == '\0')
    return gw_document_get_format (doc) != GW_DOCUMENT_FORMAT_LETTER;
  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    if (strstr (title, policies[i]))
      return TRUE;
  if (gw_document_get_format (doc) == GW_DOCUMENT_FORMAT_LETTER)
    return FALSE;
  flat = g_strstrip (g_strdup (title));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_has_suffix (flat, others[i]))
      return FALSE;
  return TRUE;
}

/* Financial numerals (大写: 壹贰叁肆伍陆柒捌玖拾佰仟) are the plain ones written
 * so that they cannot be altered: rules read 合同期限为肆年 and 壹拾伍万元
 * as 四年 and 一十五万元. Each is three bytes in UTF-8 like its plain
 * numeral, so the text keeps its length and its map. 拾, 佰 and 仟 are
 * words too (拾取), read as numerals only next to a financial digit.
 * Core's numeral reader (gw_numeral_parse) reads them too; this folding
 * is for the packs' patterns, written with the plain numerals. */
#define BIT_SET(map, n) ((map)[(n) >> 3] |= 1 << ((n) & 7))

static void
fold_financial_numerals (char  *text,
                         gsize  len)
{
  static const char digits[] = "壹贰叁肆伍陆柒捌玖";
  static const char plain_digits[] = "一二三四五六七八九";
  static const char units[] = "拾佰仟";
  static const char plain_units[] = "十百千";

  gsize folded_end = G_MAXSIZE;   /* end of the last financial numeral folded */
  /* The last two bytes of all twelve, as bits: most characters are none
   * of them, and one bit test says so instead of twelve comparisons. */
  static guint8 tails[65536 / 8];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (const char *d = digits; *d; d += 3)
        BIT_SET (tails, (guchar) d[1] << 8 | (guchar) d[2]);
      for (const char *d = units; *d; d += 3)
        BIT_SET (tails, (guchar) d[1] << 8 | (guchar) d[2]);
      g_once_init_leave (&once, 1);
    }

  for (gsize i = 0; i + 3 <= len; i++)
    {
      const char *d;
      guint tail;

      if ((guchar) text[i] < 0xE4)
        continue;
      /* a lead byte of three (the text is valid UTF-8): skip its
       * continuation bytes, most of the text's bytes */
      tail = (guchar) text[i + 1] << 8 | (guchar) text[i + 2];
      if (!(tails[tail >> 3] >> (tail & 7) & 1))
        {
          i += (guchar) text[i] < 0xF0 ? 2 : 3;
          continue;
        }
      for (d = digits; *d; d += 3)
        if (memcmp (text + i, d, 3) == 0)
          {
            memcpy (text + i, plain_digits + (d - digits), 3);
            break;
          }
      if (*d)
        {
          folded_end = i + 3;
          i += 2;
          continue;
        }
      for (d = units; *d; d += 3)
        if (memcmp (text + i, d, 3) == 0)
          {
            gboolean after = FALSE;
            for (const char *q = digits; *q; q += 3)
              after |= i + 6 <= len && memcmp (text + i + 3, q, 3) == 0;
            if (folded_end == i || after)
              {
                memcpy (text + i, plain_units + (d - units), 3);
                folded_end = i + 3;
              }
            break;
          }
    }
}

GwCheckContext *
_gw_check_context_new (GwDocument     *doc,
                       GwDocumentKind  kind,
                       guint           lang)
{
  GwCheckContext *ctx = g_new0 (GwCheckContext, 1);
  guint *stack;
  guint *ranks;
  guint depth = 0;

  ctx->doc = g_object_ref (doc);
  /* An example form carries its governing opinion with it (gw-rule.c). */
  ctx->policy = g_object_get_data (G_OBJECT (doc), "gw-governing-policy");
  ctx->kind = kind;
  ctx->whole_opinion = kind != GW_DOCUMENT_KIND_OPINION || is_whole_opinion (doc);
  ctx->lang = lang;
  ctx->n_blocks = gw_document_get_n_blocks (doc);
  ctx->blocks = g_new0 (GwBlock *, ctx->n_blocks + 1);
  ctx->block_start = g_new0 (guint, ctx->n_blocks + 1);
  ctx->block_orig = g_new0 (guint, ctx->n_blocks + 1);
  ctx->section_start = g_new0 (guint, ctx->n_blocks + 1);
  ctx->section_end = g_new0 (guint, ctx->n_blocks + 1);
  ctx->map = gw_text_map_new ();

  {
    gsize total = 0;
    for (guint i = 0; i < ctx->n_blocks; i++)
      {
        ctx->blocks[i] = g_list_model_get_item (G_LIST_MODEL (gw_document_get_blocks (doc)), i);
        total += strlen (gw_block_get_text (ctx->blocks[i]) ? gw_block_get_text (ctx->blocks[i]) : "") + 1;
      }
    gw_text_map_reserve (ctx->map, total);
  }
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      GwBlock *block = ctx->blocks[i];
      const char *text = gw_block_get_text (block);
      gsize before;

      gw_text_map_append_break (ctx->map, 0);
      gw_text_map_get_text (ctx->map, &before);
      ctx->block_start[i] = before;
      ctx->block_orig[i] = gw_text_map_get_n_orig_chars (ctx->map);
      if (gw_block_get_kind (block) == GW_BLOCK_TABLE && text)
        {
          /* A row is a sentence: 价格 | 30分 reads as one phrase (the tab
           * between cells is dropped like any space in Chinese text) but
           * must not run into the next row. One character for one keeps
           * the offsets. */
          GString *t = g_string_sized_new (strlen (text) + 64);
          for (const char *p = text; *p; p++)
            {
              if (*p == '\n')
                g_string_append (t, "。");
              else
                g_string_append_c (t, *p);
            }
          gw_text_map_append (ctx->map, t->str, t->len);
          g_string_free (t, TRUE);
        }
      else
        gw_text_map_append (ctx->map, text ? text : "", -1);
    }
  ctx->text = gw_text_map_get_text (ctx->map, &ctx->len);
  fold_financial_numerals ((char *) ctx->text, ctx->len);
  ctx->block_start[ctx->n_blocks] = ctx->len;
  ctx->block_orig[ctx->n_blocks] = gw_text_map_get_n_orig_chars (ctx->map);

  for (guint u = 0; u < 3; u++)
    ctx->delims[u] = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* Byte-wise: \n, 。(E3 80 82) and ！，；？ (EF BC 81/8C/9B/9F) are the only
   * delimiters, and none of their bytes starts another character. */
  for (gsize pos = 0; pos < ctx->len; pos++)
    {
      const guchar *p = (const guchar *) ctx->text + pos;
      if (*p == '\n')
        {
          for (guint u = 0; u < 3; u++)
            g_array_append_val (ctx->delims[u], pos);
        }
      else if (*p == 0xE3 && pos + 2 < ctx->len && p[1] == 0x80 && p[2] == 0x82)
        {
          g_array_append_val (ctx->delims[GW_TEXT_CLAUSE], pos);
          g_array_append_val (ctx->delims[GW_TEXT_SENTENCE], pos);
        }
      else if (*p == 0xEF && pos + 2 < ctx->len && p[1] == 0xBC)
        {
          if (p[2] == 0x81 || p[2] == 0x9F)
            {
              g_array_append_val (ctx->delims[GW_TEXT_CLAUSE], pos);
              g_array_append_val (ctx->delims[GW_TEXT_SENTENCE], pos);
            }
          else if (p[2] == 0x8C || p[2] == 0x9B)
            g_array_append_val (ctx->delims[GW_TEXT_CLAUSE], pos);
        }
    }

  /* Sections: a heading and what follows it up to the next heading of the
   * same or a higher level; other blocks belong to the nearest heading. An
   * attachment ranks above every heading (rank 0): it ends all open
   * sections, the previous attachment's too, and the headings inside it
   * stay within it. */
  stack = g_new0 (guint, ctx->n_blocks + 1);
  ranks = g_new0 (guint, ctx->n_blocks + 1);
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      GwBlockKind block_kind = gw_block_get_kind (ctx->blocks[i]);

      if (block_kind == GW_BLOCK_HEADING || block_kind == GW_BLOCK_ATTACHMENT)
        {
          guint rank = block_kind == GW_BLOCK_ATTACHMENT ? 0 : MAX (gw_block_get_level (ctx->blocks[i]), 1);

          while (depth > 0 && ranks[depth - 1] >= rank)
            ctx->section_end[stack[--depth]] = i;
          ranks[depth] = rank;
          stack[depth++] = i;
          ctx->section_start[i] = i;
        }
      else
        ctx->section_start[i] = depth > 0 ? stack[depth - 1] : G_MAXUINT;
    }
  while (depth > 0)
    ctx->section_end[stack[--depth]] = ctx->n_blocks;
  for (guint i = 0; i < ctx->n_blocks; i++)
    {
      if (ctx->section_start[i] == G_MAXUINT)
        {
          ctx->section_start[i] = 0;
          ctx->section_end[i] = ctx->n_blocks;
        }
      else if (ctx->section_start[i] != i)
        ctx->section_end[i] = ctx->section_end[ctx->section_start[i]];
    }
  g_free (stack);
  g_free (ranks);
  return ctx;
}

void
_gw_check_context_free (GwCheckContext *ctx)
{
  if (ctx == NULL)
    return;
  for (guint i = 0; i < ctx->n_blocks; i++)
    g_object_unref (ctx->blocks[i]);
  g_free (ctx->blocks);
  g_free (ctx->block_start);
  g_free (ctx->block_orig);
  g_free (ctx->section_start);
  g_free (ctx->section_end);
  for (guint u = 0; u < 3; u++)
    g_array_unref (ctx->delims[u]);
  gw_text_map_free (ctx->map);
  _gw_prefilter_index_free (ctx->prefilter);
  g_clear_pointer (&ctx->clauses, g_hash_table_unref);
  g_object_unref (ctx->doc);
  g_free (ctx);
}

guint
_gw_check_context_block_at (GwCheckContext *ctx,
                            gsize           pos)
{
  guint lo = 0, hi = ctx->n_blocks;

  if (ctx->n_blocks == 0)
    return 0;
  /* last block whose start <= pos */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (ctx->block_start[mid] <= pos)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

void
_gw_check_context_unit (GwCheckContext *ctx,
                        gsize           pos,
                        GwWithin        within,
                        gsize          *start,
                        gsize          *end)
{
  GArray *d;
  gsize i;

  if (within == GW_WITHIN_DOCUMENT || ctx->n_blocks == 0)
    {
      *start = 0;
      *end = ctx->len;
      return;
    }
  if (within == GW_WITHIN_SECTION)
    {
      guint b = _gw_check_context_block_at (ctx, pos);
      *start = ctx->block_start[ctx->section_start[b]];
      *end = ctx->block_start[ctx->section_end[b]];
      return;
    }
  d = ctx->delims[within == GW_WITHIN_CLAUSE ? GW_TEXT_CLAUSE :
                  within == GW_WITHIN_SENTENCE ? GW_TEXT_SENTENCE : GW_TEXT_PARAGRAPH];
  i = bsearch_last_below (d, pos);
  if (i == G_MAXSIZE)
    *start = 0;
  else
    {
      gsize dp = g_array_index (d, gsize, i);
      *start = dp + (ctx->text[dp] == '\n' ? 1 : 3);
    }
  i = (i == G_MAXSIZE) ? 0 : i + 1;
  /* first delimiter >= pos */
  while (i < d->len && g_array_index (d, gsize, i) < pos)
    i++;
  *end = i < d->len ? g_array_index (d, gsize, i) : ctx->len;
}

/* ---- placing findings --------------------------------------------------- */

static char *
excerpt_of (const char *text,
            guint       from,
            guint       to,
            guint       hit)
{
  const guint max = 80;
  g_autofree char *s = NULL;

  if (to - from > max)
    {
      guint start = hit > from + 20 ? hit - 20 : from;
      guint stop = MIN (to, start + max);
      s = g_utf8_substring (text, start, stop);
      return g_strconcat (start > from ? "…" : "", s, stop < to ? "…" : "", NULL);
    }
  return g_utf8_substring (text, from, to);
}

void
_gw_finding_place_block (GwCheckContext *ctx,
                         GwFinding      *finding,
                         guint           index,
                         guint           offset,
                         guint           length)
{
  GwBlock *block = ctx->blocks[index];
  const char *text = gw_block_get_text (block);
  guint line = 0, column = 0;
  guint n = g_utf8_strlen (text, -1);
  guint from = 0, to = n;

  gw_finding_set_place (finding, index, -1, NULL, offset, length);
  gw_block_map_offset (block, offset, &line, &column);
  gw_finding_set_position (finding, line, column);

  /* The sentence around the place, as the author wrote it. */
  for (const char *p = g_utf8_offset_to_pointer (text, MIN (offset, n)); p > text;)
    {
      const char *q = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (q);
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n')
        break;
      p = q;
      from = g_utf8_pointer_to_offset (text, p);
    }
  {
    const char *p = g_utf8_offset_to_pointer (text, MIN (offset + length, n));
    to = g_utf8_pointer_to_offset (text, p);
    for (; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        to++;
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n')
          {
            if (c == '\n')
              to--;
            break;
          }
      }
    to = MIN (to, n);
  }
  if (from > offset)
    from = offset;
  {
    g_autofree char *excerpt = excerpt_of (text, from, MAX (to, from), offset);
    g_strstrip (excerpt);
    gw_finding_set_excerpt (finding, excerpt);
  }
}

void
_gw_finding_place_text (GwCheckContext *ctx,
                        GwFinding      *finding,
                        gsize           start,
                        gsize           end)
{
  guint orig, length, b, n;

  if (ctx->n_blocks == 0)
    return;
  gw_text_map_range_to_original (ctx->map, start, end, &orig, &length);
  b = _gw_check_context_block_at (ctx, start);
  /* A range that starts on the break between blocks belongs to the next. */
  while (b + 1 < ctx->n_blocks && orig >= ctx->block_orig[b + 1])
    b++;
  orig = MAX (orig, ctx->block_orig[b]);
  n = ctx->block_orig[b + 1] - ctx->block_orig[b];
  orig -= ctx->block_orig[b];
  if (orig + length > n)
    length = n > orig ? n - orig : 0;
  _gw_finding_place_block (ctx, finding, b, orig, length);
}

void
_gw_finding_place_meta (GwCheckContext *ctx,
                        GwFinding      *finding,
                        GwMeta          meta,
                        guint           offset,
                        guint           length)
{
  guint line, column = 0;
  const char *value = gw_document_get_meta (ctx->doc, meta);

  gw_finding_set_place (finding, -1, meta, NULL, offset, length);
  line = gw_document_get_meta_line (ctx->doc, meta, &column);
  if (line > 0)
    gw_finding_set_position (finding, line, MAX (column, 1) + offset);
  else
    gw_finding_set_position (finding, 1, offset + 1);
  if (value)
    gw_finding_set_excerpt (finding, value);
}

