/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-prefilter"

#include "config.h"

#include <string.h>

#include "gw-prefilter-terms-private.h"

/* The algebra of what a match needs, for the pattern reader
 * (gw-prefilter-regex.c): clauses (one of these characters), terms (all
 * of these clauses), and the ways a piece of pattern can match (any of
 * these terms), kept small enough to stay cheap. */

GArray *
_gw_pf_clause_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (gunichar));
}

static int
compare_unichar (gconstpointer a,
                 gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return x < y ? -1 : x > y;
}

/* Sorted, without repeats. */
void
_gw_pf_clause_tidy (GArray *clause)
{
  guint n = 0;

  g_array_sort (clause, compare_unichar);
  for (guint i = 0; i < clause->len; i++)
    if (n == 0 || g_array_index (clause, gunichar, i) != g_array_index (clause, gunichar, n - 1))
      g_array_index (clause, gunichar, n++) = g_array_index (clause, gunichar, i);
  g_array_set_size (clause, n);
}

gboolean
_gw_pf_clause_equal (GArray *a,
              GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gunichar)) == 0;
}

GPtrArray *
_gw_pf_cnf_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static GPtrArray *
cnf_copy (GPtrArray *cnf)
{
  GPtrArray *copy = _gw_pf_cnf_new ();

  for (guint i = 0; i < cnf->len; i++)
    g_ptr_array_add (copy, g_array_ref (g_ptr_array_index (cnf, i)));
  return copy;
}

static GPtrArray *
dnf_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* Matches anything as far as the filter knows (one empty term). */
Node
_gw_pf_node_true (gboolean nullable)
{
  Node n = { nullable, dnf_new () };
  g_ptr_array_add (n.dnf, _gw_pf_cnf_new ());
  return n;
}

void
_gw_pf_node_clear (Node *n)
{
  g_clear_pointer (&n->dnf, g_ptr_array_unref);
}

gboolean
_gw_pf_dnf_is_true (GPtrArray *dnf)
{
  for (guint i = 0; i < dnf->len; i++)
    if (((GPtrArray *) g_ptr_array_index (dnf, i))->len == 0)
      return TRUE;
  return FALSE;
}

int
_gw_pf_compare_clause_size (gconstpointer a,
                     gconstpointer b)
{
  const GArray *x = *(GArray * const *) a, *y = *(GArray * const *) b;
  return x->len < y->len ? -1 : x->len > y->len;
}

/* Keeps the most selective clauses (the smallest) when there are too many:
 * dropping a clause only weakens the filter. */
static void
cnf_cap (GPtrArray *cnf)
{
  for (guint i = 0; i < cnf->len;)
    {
      GArray *c = g_ptr_array_index (cnf, i);
      gboolean dup = c->len > MAX_CLAUSE_CHARS;

      for (guint j = 0; !dup && j < i; j++)
        dup = _gw_pf_clause_equal (c, g_ptr_array_index (cnf, j));
      if (dup)
        g_ptr_array_remove_index (cnf, i);
      else
        i++;
    }
  if (cnf->len > MAX_CLAUSES)
    {
      g_ptr_array_sort (cnf, _gw_pf_compare_clause_size);
      g_ptr_array_set_size (cnf, MAX_CLAUSES);
    }
}

/* Characters that stand in most sentences of an opinion, the most common
 * first: a clause made of them lets nearly every piece through. The order
 * only chooses between clauses a term holds; any choice is sound. */
static const char common_chars[] =
  "的社工站服务机构承接作务人会一不是在有和中大为上个国以要时来用们生到地于"
  "出就分对成可主发年动同也能下过产种面而方后多定行学法所民得经之进等部度家"
  "力里如化高自理起小物现实加量都体制当使点从业本去把性好应开合还因由其些然"
  "前外天政日事平形相全表间样与关各重新内数正心明看原又利比或但质第向此变条"
  "只没结解问意建月公无系很情者最立代已通并提直题党程展果员位入常文总次品式"
  "活设及管特件长求基资级统接组见计期根论运指区强放决被做必先则任取据处府研"
  "评估项目费镇街村县市局办购买采单";

/* How common @c is: 0 for a character not in the list, more the earlier it
 * stands there. */
static guint
char_commonness (gunichar c)
{
  static GHashTable *ranks;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new (NULL, NULL);
      guint n = g_utf8_strlen (common_chars, -1), i = 0;

      for (const char *p = common_chars; *p; p = g_utf8_next_char (p), i++)
        if (!g_hash_table_contains (t, GUINT_TO_POINTER (g_utf8_get_char (p))))
          g_hash_table_insert (t, GUINT_TO_POINTER (g_utf8_get_char (p)),
                               GUINT_TO_POINTER (n - i));
      ranks = t;
      g_once_init_leave (&once, 1);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (ranks, GUINT_TO_POINTER (c)));
}

/* The most common character of @clause, by char_commonness(). */
static guint
clause_commonness (GArray *clause)
{
  guint most = 0;

  for (guint i = 0; i < clause->len; i++)
    most = MAX (most, char_commonness (g_array_index (clause, gunichar, i)));
  return most;
}

/* The clause of @term that lets the fewest pieces through, as far as can
 * be told without the text: the smallest, then the one of rarer
 * characters (居 rather than 人 for 人居环境). */
static GArray *
term_rarest_clause (GPtrArray *term)
{
  GArray *best = g_ptr_array_index (term, 0);
  guint best_common = clause_commonness (best);

  for (guint k = 1; k < term->len; k++)
    {
      GArray *c = g_ptr_array_index (term, k);
      guint common = clause_commonness (c);

      if (c->len < best->len || (c->len == best->len && common < best_common))
        {
          best = c;
          best_common = common;
        }
    }
  return best;
}

/* Whether @term (a conjunction of clauses) holds @clause. */
static gboolean
term_holds (GPtrArray *term,
            GArray    *clause)
{
  for (guint k = 0; k < term->len; k++)
    if (_gw_pf_clause_equal (g_ptr_array_index (term, k), clause))
      return TRUE;
  return FALSE;
}

/* One term implied by every term of @dnf: (x∧y)∨z = (x∨z)∧(y∨z) when that
 * stays small; otherwise the rarest clause of each term, joined. */
static GPtrArray *
dnf_to_cnf (GPtrArray *dnf)
{
  GPtrArray *out = _gw_pf_cnf_new ();
  guint64 product = 1;

  if (_gw_pf_dnf_is_true (dnf))
    return out;
  for (guint i = 0; i < dnf->len && product <= MAX_CLAUSES; i++)
    product *= ((GPtrArray *) g_ptr_array_index (dnf, i))->len;

  if (product <= MAX_CLAUSES)
    {
      g_ptr_array_add (out, _gw_pf_clause_new ());
      for (guint i = 0; i < dnf->len; i++)
        {
          GPtrArray *term = g_ptr_array_index (dnf, i);
          GPtrArray *next = _gw_pf_cnf_new ();

          for (guint j = 0; j < out->len; j++)
            for (guint k = 0; k < term->len; k++)
              {
                GArray *x = g_ptr_array_index (out, j), *y = g_ptr_array_index (term, k);
                GArray *c = _gw_pf_clause_new ();

                g_array_append_vals (c, x->data, x->len);
                g_array_append_vals (c, y->data, y->len);
                _gw_pf_clause_tidy (c);
                g_ptr_array_add (next, c);
              }
          g_ptr_array_unref (out);
          out = next;
        }
    }
  else
    {
      GPtrArray *first = g_ptr_array_index (dnf, 0);
      g_autoptr(GPtrArray) rest = g_ptr_array_new ();
      GArray *c = _gw_pf_clause_new ();
      gboolean joined = TRUE;

      /* (x∧a)∨(x∧b) = x∧(a∨b): the clauses every term holds stay as they
       * are (合格 in every branch of 不合格…), then one of the others of
       * each term, joined. */
      for (guint k = 0; k < first->len; k++)
        {
          GArray *x = g_ptr_array_index (first, k);
          gboolean everywhere = TRUE;

          for (guint i = 1; everywhere && i < dnf->len; i++)
            everywhere = term_holds (g_ptr_array_index (dnf, i), x);
          if (everywhere)
            g_ptr_array_add (out, g_array_ref (x));
        }
      for (guint i = 0; joined && i < dnf->len; i++)
        {
          GPtrArray *term = g_ptr_array_index (dnf, i);

          g_ptr_array_set_size (rest, 0);
          for (guint k = 0; k < term->len; k++)
            if (!term_holds (out, g_ptr_array_index (term, k)))
              g_ptr_array_add (rest, g_ptr_array_index (term, k));
          /* a term of shared clauses only: the join would hold anyway */
          if (rest->len == 0)
            joined = FALSE;
          else
            {
              GArray *rarest = term_rarest_clause (rest);

              g_array_append_vals (c, rarest->data, rarest->len);
            }
        }
      _gw_pf_clause_tidy (c);
      if (joined)
        g_ptr_array_add (out, c);
      else
        g_array_unref (c);
    }
  cnf_cap (out);
  return out;
}

/* Makes @n one term when it has more than @max. */
static void
node_squeeze (Node  *n,
              guint  max)
{
  GPtrArray *cnf;

  if (n->dnf->len <= max)
    return;
  cnf = dnf_to_cnf (n->dnf);
  g_ptr_array_set_size (n->dnf, 0);
  g_ptr_array_add (n->dnf, cnf);
}

/* a then b: a way to match each. */
void
_gw_pf_node_concat (Node *a,
             Node *b)
{
  GPtrArray *dnf = dnf_new ();

  a->nullable = a->nullable && b->nullable;
  if (a->dnf->len * b->dnf->len > MAX_TERMS)
    node_squeeze (a->dnf->len >= b->dnf->len ? a : b, 1);
  if (a->dnf->len * b->dnf->len > MAX_TERMS)
    node_squeeze (a->dnf->len >= b->dnf->len ? a : b, 1);
  for (guint i = 0; i < a->dnf->len; i++)
    for (guint j = 0; j < b->dnf->len; j++)
      {
        GPtrArray *x = g_ptr_array_index (a->dnf, i), *y = g_ptr_array_index (b->dnf, j);
        GPtrArray *term = cnf_copy (x);

        for (guint k = 0; k < y->len; k++)
          g_ptr_array_add (term, g_array_ref (g_ptr_array_index (y, k)));
        cnf_cap (term);
        g_ptr_array_add (dnf, term);
      }
  g_ptr_array_unref (a->dnf);
  a->dnf = dnf;
  _gw_pf_node_clear (b);
}

/* a|b|…: the ways to match any of them. */
Node
_gw_pf_node_alternatives (GArray *branches)
{
  Node out = { FALSE, dnf_new () };

  for (guint i = 0; i < branches->len; i++)
    {
      Node *b = &g_array_index (branches, Node, i);

      out.nullable |= b->nullable;
      for (guint j = 0; j < b->dnf->len; j++)
        g_ptr_array_add (out.dnf, g_ptr_array_ref (g_ptr_array_index (b->dnf, j)));
    }
  if (_gw_pf_dnf_is_true (out.dnf))
    {
      gboolean nullable = out.nullable;
      _gw_pf_node_clear (&out);
      return _gw_pf_node_true (nullable);
    }
  node_squeeze (&out, MAX_TERMS);
  return out;
}
