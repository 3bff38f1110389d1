/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-prefilter"

#include "config.h"

#include <string.h>

#include "gw-prefilter-private.h"
#include "gw-text.h"

/* A rule's regex over a whole draft costs a pass over all of it, and the
 * shipped packs hold more than a hundred such patterns: most of a check's
 * time went there although nearly every clause lacks the characters a
 * pattern needs. See gw-prefilter.h for the idea; this file holds the
 * per-text index and the runs it gives a filter. The pattern reader that
 * makes the filters is gw-prefilter-regex.c. */

/* Runs closer than this are matched as one: a regex call costs about as
 * much as scanning this many bytes. */
#define MERGE_GAP         512

static gboolean prefilter_enabled = TRUE;

/* The most the index's bit rows may take; past it the index gives up and
 * every pattern runs over whole ranges (slower, the same findings). At
 * about a clause per 30 bytes, a 16 MiB draft has 560,000 clauses, 70 KiB
 * a row: an ordinary one, naming a few hundred of the wanted characters,
 * stays under it. */
#define INDEX_BUDGET (128 * 1024 * 1024)

GwPrefilterLevel
_gw_prefilter_get_level (GwPrefilter *pf)
{
  g_return_val_if_fail (pf != NULL, GW_PREFILTER_WHOLE);
  return pf->level;
}

gboolean
_gw_prefilter_is_analysed (GwPrefilter *pf)
{
  g_return_val_if_fail (pf != NULL, FALSE);
  return pf->analysed;
}

char *
_gw_prefilter_describe (GwPrefilter *pf)
{
  static const char *levels[] = { "whole", "sentence", "clause" };
  GString *s;

  g_return_val_if_fail (pf != NULL, NULL);

  if (!pf->analysed)
    return g_strdup ("unanalysed");
  s = g_string_new (levels[pf->level]);
  for (guint i = 0; pf->dnf && i < pf->dnf->len; i++)
    {
      GPtrArray *term = g_ptr_array_index (pf->dnf, i);

      if (i > 0)
        g_string_append (s, " |");
      for (guint j = 0; j < term->len; j++)
        {
          GArray *c = g_ptr_array_index (term, j);
          g_string_append (s, " {");
          for (guint k = 0; k < c->len; k++)
            g_string_append_unichar (s, g_array_index (c, gunichar, k));
          g_string_append_c (s, '}');
        }
    }
  return g_string_free (s, FALSE);
}

gboolean
_gw_prefilter_admits (GwPrefilter *pf,
                      const char  *text)
{
  g_autoptr(GHashTable) chars = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (pf != NULL, TRUE);
  g_return_val_if_fail (text != NULL, TRUE);

  if (pf->dnf == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    g_hash_table_add (chars, GUINT_TO_POINTER (g_utf8_get_char (p)));
  for (guint i = 0; i < pf->dnf->len; i++)
    {
      GPtrArray *term = g_ptr_array_index (pf->dnf, i);
      gboolean all = TRUE;

      for (guint j = 0; all && j < term->len; j++)
        {
          GArray *c = g_ptr_array_index (term, j);
          gboolean one = FALSE;

          for (guint k = 0; !one && k < c->len; k++)
            one = g_hash_table_contains (chars, GUINT_TO_POINTER (g_array_index (c, gunichar, k)));
          all = one;
        }
      if (all)
        return TRUE;
    }
  return FALSE;
}

void
_gw_prefilter_set_enabled (gboolean enabled)
{
  prefilter_enabled = enabled;
}

gboolean
_gw_prefilter_get_enabled (void)
{
  return prefilter_enabled;
}

/* ---- the index of a text ------------------------------------------------- */

/* A cleared code point → row table for the next index. */
static guint16 *spare_slot_of;

/* The text is cut into clauses; sentences are runs of whole clauses, as
 * their cuts are a part of the clauses' ones. One bit row per character
 * says which clauses hold it: a pass over the text, touching a few
 * kilobytes at a time, and no second index for sentences. */
struct _GwPrefilterIndex
{
  gsize     len;
  gboolean  usable;
  guint16  *slot_of;      /* BMP code point → row, 0 for absent */
  guint     n_slots;      /* rows in use, row 0 unused */
  guint8   *slot_cuts;    /* per row: the cut bits of its character */
  gunichar *slot_char;    /* per row: its character */
  guint     slots_cap;
  guint64  *bits;         /* slots_cap × words: clause k holds the character */
  guint     words;
  gsize     size;         /* bytes held, for the budget and for tests */
  guint     n_clauses;
  gsize    *clause_start; /* byte ranges between cut characters */
  gsize    *clause_end;
  guint    *sentence_of;  /* per clause */
  guint     n_sentences;
  guint    *sentence_clause0; /* per sentence (and one past): its first clause */
  gsize    *sentence_start;
  gsize    *sentence_end;
};

/* Room for @words words a row, the rows kept. */
/* Past the budget the index is dropped: a text the index would not pay
 * for is matched whole. */
static gboolean
index_within_budget (GwPrefilterIndex *index,
                     guint             slots_cap,
                     guint             words)
{
  if ((guint64) slots_cap * words * sizeof (guint64) <= INDEX_BUDGET)
    return TRUE;
  index->usable = FALSE;
  g_clear_pointer (&index->bits, g_free);
  index->words = 0;
  return FALSE;
}

static void
index_widen (GwPrefilterIndex *index,
             guint             words)
{
  guint64 *bits;

  if (!index_within_budget (index, index->slots_cap, words))
    return;
  bits = g_new0 (guint64, (gsize) index->slots_cap * words);

  for (guint s = 0; s < index->n_slots; s++)
    memcpy (bits + (gsize) s * words, index->bits + (gsize) s * index->words,
            index->words * sizeof (guint64));
  g_free (index->bits);
  index->bits = bits;
  index->words = words;
}

static guint
index_add_slot (GwPrefilterIndex *index,
                gunichar          c)
{
  guint slot;

  if (index->n_slots == G_MAXUINT16)
    {
      index->usable = FALSE;   /* 65535 different characters: give up */
      return 0;
    }
  if (index->n_slots == index->slots_cap)
    {
      guint cap = index->slots_cap * 2;

      if (!index_within_budget (index, cap, index->words))
        return 0;
      index->bits = g_renew (guint64, index->bits, (gsize) cap * index->words);
      memset (index->bits + (gsize) index->slots_cap * index->words, 0,
              (gsize) (cap - index->slots_cap) * index->words * sizeof (guint64));
      index->slot_cuts = g_renew (guint8, index->slot_cuts, cap);
      index->slot_char = g_renew (gunichar, index->slot_char, cap);
      index->slots_cap = cap;
    }
  slot = index->n_slots++;
  index->slot_of[c] = slot;
  index->slot_cuts[slot] = _gw_prefilter_barrier_bit (c);
  index->slot_char[slot] = c;
  return slot;
}

GwPrefilterIndex *
_gw_prefilter_index_new (const char *text,
                         gsize       len)
{
  GwPrefilterIndex *index = g_new0 (GwPrefilterIndex, 1);
  const guchar *p = (const guchar *) text, *end = p + len;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) sentence_of = g_array_new (FALSE, FALSE, sizeof (guint));
  guint clause = 0, sentence = 0;
  gsize zero = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  index->len = len;
  index->usable = TRUE;
  index->slot_of = g_atomic_pointer_exchange (&spare_slot_of, NULL);
  if (index->slot_of == NULL)
    index->slot_of = g_new0 (guint16, 0x10000);
  index->slots_cap = 256;
  /* about a clause per 30 bytes; more room is made as needed */
  index->words = len / 2048 + 1;
  index->n_slots = 1;
  index->bits = g_new0 (guint64, (gsize) index->slots_cap * index->words);
  index->slot_cuts = g_new0 (guint8, index->slots_cap);
  index->slot_char = g_new0 (gunichar, index->slots_cap);
  g_array_append_val (starts, zero);
  g_array_append_val (sentence_of, sentence);

  while (p < end && index->usable)
    {
      const guchar *at = p;
      gunichar c;
      guint slot, cuts;

      /* The normalised text is valid UTF-8; stay inside it anyway. */
      if (*p < 0x80)
        c = *p++;
      else if (*p >= 0xE0 && *p < 0xF0 && end - p >= 3)
        {
          c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          p += 3;
        }
      else
        {
          const guchar *next = (const guchar *) g_utf8_next_char (p);
          c = g_utf8_get_char ((const char *) p);
          p = next > end ? end : next;
        }
      if (c >= 0x10000)
        continue;   /* no pattern clause names one */
      slot = index->slot_of[c];
      if (slot == 0)
        {
          /* A character no pattern asks for and that cuts nothing is
           * never looked up: no row. */
          if (!_gw_prefilter_is_wanted (c) && _gw_prefilter_barrier_bit (c) == 0)
            continue;
          if ((slot = index_add_slot (index, c)) == 0)
            break;
        }
      if (clause / 64 >= index->words)
        {
          index_widen (index, index->words * 2);
          if (!index->usable)
            break;
        }
      /* A cut character counts for the clause it ends: ， or ； stands
       * inside a sentence, and a pattern read by sentence may need it. */
      index->bits[(gsize) slot * index->words + clause / 64] |= G_GUINT64_CONSTANT (1) << (clause % 64);
      cuts = index->slot_cuts[slot];
      if (cuts)
        {
          gsize e = at - (const guchar *) text, s = p - (const guchar *) text;

          g_array_append_val (ends, e);
          g_array_append_val (starts, s);
          if (cuts & SENTENCE_BARRIERS)
            sentence++;
          g_array_append_val (sentence_of, sentence);
          clause++;
        }
    }
  g_array_append_val (ends, len);

  index->n_clauses = starts->len;
  index->clause_start = (gsize *) (void *) g_array_free (g_steal_pointer (&starts), FALSE);
  index->clause_end = (gsize *) (void *) g_array_free (g_steal_pointer (&ends), FALSE);
  index->sentence_of = (guint *) (void *) g_array_free (g_steal_pointer (&sentence_of), FALSE);
  index->n_sentences = sentence + 1;
  index->sentence_start = g_new (gsize, index->n_sentences);
  index->sentence_end = g_new (gsize, index->n_sentences);
  for (guint k = index->n_clauses; k > 0; k--)
    index->sentence_start[index->sentence_of[k - 1]] = index->clause_start[k - 1];
  for (guint k = 0; k < index->n_clauses; k++)
    index->sentence_end[index->sentence_of[k]] = index->clause_end[k];
  index->sentence_clause0 = g_new (guint, index->n_sentences + 1);
  for (guint k = index->n_clauses; k > 0; k--)
    index->sentence_clause0[index->sentence_of[k - 1]] = k - 1;
  index->sentence_clause0[index->n_sentences] = index->n_clauses;
  index->size = sizeof *index + 0x10000 * sizeof (guint16) +
                (gsize) index->slots_cap * (index->words * sizeof (guint64) + sizeof (guint8) +
                                            sizeof (gunichar)) +
                (gsize) index->n_clauses * (2 * sizeof (gsize) + sizeof (guint)) +
                (gsize) index->n_sentences * (2 * sizeof (gsize) + sizeof (guint));
  return index;
}

gsize
_gw_prefilter_index_get_size (GwPrefilterIndex *index)
{
  return index ? index->size : 0;
}

gboolean
_gw_prefilter_index_is_usable (GwPrefilterIndex *index)
{
  return index && index->usable;
}

void
_gw_prefilter_index_free (GwPrefilterIndex *index)
{
  if (index == NULL)
    return;
  /* Handed on cleared: a check of a page should not pay for zeroing and
   * mapping 128 KiB. */
  for (guint s = 1; s < index->n_slots; s++)
    index->slot_of[index->slot_char[s]] = 0;
  if (!g_atomic_pointer_compare_and_exchange (&spare_slot_of, NULL, index->slot_of))
    g_free (index->slot_of);
  g_free (index->slot_char);
  g_free (index->slot_cuts);
  g_free (index->bits);
  g_free (index->clause_start);
  g_free (index->clause_end);
  g_free (index->sentence_of);
  g_free (index->sentence_clause0);
  g_free (index->sentence_start);
  g_free (index->sentence_end);
  g_free (index);
}

static void
add_run (GArray *runs,
         gsize   start,
         gsize   end)
{
  GwTextRange r = { start, end };

  if (end <= start)
    return;
  if (runs->len > 0)
    {
      GwTextRange *last = &g_array_index (runs, GwTextRange, runs->len - 1);
      /* Still exact: the gap holds whole pieces, which hold no match. */
      if (start - last->end <= MERGE_GAP)
        {
          last->end = end;
          return;
        }
    }
  g_array_append_val (runs, r);
}

static gboolean
char_present (GwPrefilterIndex *index,
              gunichar          c)
{
  return c < 0x10000 && index->slot_of[c] != 0;
}

/* The first piece ending at or after @start and the last starting before
 * @end, of pieces in order. */
static void
pieces_touching (const gsize *starts,
                 const gsize *ends,
                 guint        n,
                 gsize        start,
                 gsize        end,
                 guint       *first,
                 guint       *last)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (ends[mid] < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  hi = n - 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;
      if (starts[mid] < end)
        lo = mid;
      else
        hi = mid - 1;
    }
  *last = lo;
}

/* Whether the whole text holds one character of each clause of a term. */
static gboolean
dnf_present (GwPrefilterIndex *index,
             GPtrArray        *dnf)
{
  for (guint i = 0; i < dnf->len; i++)
    {
      GPtrArray *term = g_ptr_array_index (dnf, i);
      gboolean all = TRUE;

      for (guint j = 0; all && j < term->len; j++)
        {
          GArray *c = g_ptr_array_index (term, j);
          gboolean one = FALSE;

          for (guint k = 0; !one && k < c->len; k++)
            one = char_present (index, g_array_index (c, gunichar, k));
          all = one;
        }
      if (all)
        return TRUE;
    }
  return FALSE;
}

/* @row: the pieces first… last holding one character of @clause, bit
 * per piece; pieces are clauses c0… c1 of the text, or the sentences
 * those clauses make up. @any: room for words w0… w1 of a bit row. */
static void
clause_row (GwPrefilterIndex *index,
            GArray           *clause,
            gboolean          by_sentence,
            guint             first,
            guint             last,
            guint             c0,
            guint             c1,
            guint             w0,
            guint             w1,
            guint64          *any,
            guint64          *row)
{
  guint n_words = (last - first) / 64 + 1;

  memset (any, 0, (w1 - w0 + 1) * sizeof (guint64));
  for (guint j = 0; j < clause->len; j++)
    {
      gunichar ch = g_array_index (clause, gunichar, j);
      guint slot = ch < 0x10000 ? index->slot_of[ch] : 0;
      if (slot)
        for (guint w = w0; w <= w1; w++)
          any[w - w0] |= index->bits[(gsize) slot * index->words + w];
    }

  if (!by_sentence)
    {
      for (guint k = 0; k < n_words; k++)
        {
          guint from = first + k * 64;
          guint wa = from / 64, sh = from % 64;
          guint64 bits = wa <= w1 ? any[wa - w0] >> sh : 0;
          if (sh && wa + 1 <= w1)
            bits |= any[wa + 1 - w0] << (64 - sh);
          row[k] = bits;
        }
      return;
    }

  /* A sentence holds what one of its clauses holds: find the first clause
   * holding it, mark its sentence, go on from the next sentence. */
  memset (row, 0, n_words * sizeof (guint64));
  for (guint k = c0; k <= c1;)
    {
      guint w = k / 64, s;
      guint64 bits;

      if (w > w1)
        break;
      bits = any[w - w0] & (~G_GUINT64_CONSTANT (0) << (k % 64));
      while (bits == 0 && ++w <= w1)
        bits = any[w - w0];
      if (bits == 0)
        break;
      k = w * 64 + __builtin_ctzll (bits);
      if (k > c1)
        break;
      s = index->sentence_of[k];
      if (s >= first && s <= last)
        row[(s - first) / 64] |= G_GUINT64_CONSTANT (1) << ((s - first) % 64);
      k = index->sentence_clause0[s + 1];
    }
}

GArray *
_gw_prefilter_runs (GwPrefilter      *pf,
                    GwPrefilterIndex *index,
                    gsize             start,
                    gsize             end)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (GwTextRange));
  gboolean by_sentence;
  const gsize *starts, *ends;
  guint first, last, c0, c1, w0, w1, n_words;
  g_autofree guint64 *acc = NULL;
  g_autofree guint64 *result = NULL;
  g_autofree guint64 *any = NULL;
  g_autofree guint64 *rows = NULL;
  g_autofree guint8 *done = NULL;
  guint64 found = 0;

  if (index)
    end = MIN (end, index->len);
  if (start > end)
    return runs;
  if (!prefilter_enabled || pf == NULL || pf->dnf == NULL || index == NULL || !index->usable)
    {
      /* An empty range too: a pattern that matches nothing matches there. */
      GwTextRange r = { start, end };
      g_array_append_val (runs, r);
      return runs;
    }
  if (start == end)
    return runs;   /* every match needs a character */

  if (pf->level == GW_PREFILTER_WHOLE)
    {
      /* Only whether the characters occur at all, and only over the whole
       * text: without cuts the index knows no finer places. */
      if (start > 0 || end < index->len || dnf_present (index, pf->dnf))
        add_run (runs, start, end);
      return runs;
    }

  by_sentence = pf->level == GW_PREFILTER_SENTENCE;
  starts = by_sentence ? index->sentence_start : index->clause_start;
  ends = by_sentence ? index->sentence_end : index->clause_end;
  pieces_touching (starts, ends, by_sentence ? index->n_sentences : index->n_clauses, start, end,
                   &first, &last);
  /* the clauses of those pieces */
  if (by_sentence)
    pieces_touching (index->clause_start, index->clause_end, index->n_clauses, starts[first],
                     ends[last], &c0, &c1);
  else
    c0 = first, c1 = last;
  w0 = c0 / 64;
  w1 = MIN (c1 / 64, index->words - 1);
  if (w0 > w1)
    return runs;   /* only cut characters there */

  /* Bit b of word k stands for piece first + 64 k + b. result: the pieces
   * some term lets through; acc: those holding every clause of the term so
   * far; rows: per clause of the pattern, the pieces holding one of its
   * characters, worked out when first needed (done); any: the same for
   * the clauses of the text, from word w0. */
  n_words = (last - first) / 64 + 1;
  result = g_new0 (guint64, n_words);
  acc = g_new (guint64, n_words);
  any = g_new (guint64, w1 - w0 + 1);
  rows = g_new0 (guint64, (gsize) pf->clauses->len * n_words);
  done = g_new0 (guint8, pf->clauses->len);
  for (guint t = 0; t < pf->terms->len; t++)
    {
      GArray *term = g_ptr_array_index (pf->terms, t);
      guint64 left = 1;

      /* done[]: 1 worked out, 2 none of its characters is in the text,
       * which rules the term out without a look at the rows */
      for (guint i = 0; left && i < term->len; i++)
        {
          guint place = g_array_index (term, guint, i);
          GArray *c = g_ptr_array_index (pf->clauses, place);

          if (done[place] == 0)
            {
              gboolean present = FALSE;
              for (guint j = 0; !present && j < c->len; j++)
                present = char_present (index, g_array_index (c, gunichar, j));
              if (!present)
                done[place] = 2;
            }
          left = done[place] != 2;
        }
      if (!left)
        continue;

      for (guint k = 0; k < n_words; k++)
        acc[k] = ~G_GUINT64_CONSTANT (0);
      for (guint i = 0; left && i < term->len; i++)
        {
          guint place = g_array_index (term, guint, i);
          guint64 *row = rows + (gsize) place * n_words;

          if (!done[place])
            {
              done[place] = TRUE;
              clause_row (index, g_ptr_array_index (pf->clauses, place), by_sentence, first, last,
                          c0, c1, w0, w1, any, row);
            }
          left = 0;
          for (guint k = 0; k < n_words; k++)
            left |= acc[k] &= row[k];
        }
      if (left)
        for (guint k = 0; k < n_words; k++)
          found |= result[k] |= acc[k];
    }
  if (found == 0)
    return runs;

  for (guint k = 0; k < n_words; k++)
    for (guint64 bits = result[k]; bits; bits &= bits - 1)
      {
        guint s = first + k * 64 + __builtin_ctzll (bits);
        if (s > last)
          break;
        add_run (runs, MAX (start, starts[s]), MIN (end, ends[s]));
      }
  return runs;
}
