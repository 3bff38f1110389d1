/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-prefilter"

#include "config.h"

#include <string.h>

#include "gw-prefilter.h"
#include "gw-text.h"

/* A rule's regex over a whole draft costs a pass over all of it, and the
 * shipped packs hold more than a hundred such patterns: most of a check's
 * time went there although nearly every clause lacks the characters a
 * pattern needs. See gw-prefilter.h for the idea; this file holds the
 * pattern reader (PCRE2 syntax, as GRegex compiles it: UTF-8 with Unicode
 * properties, "." stops at line ends) and the per-text index. */

/* Characters at which a text is cut into pieces. */
enum {
  B_NL     = 1 << 0,   /* \n */
  B_PERIOD = 1 << 1,   /* 。 */
  B_EXCL   = 1 << 2,   /* ！ */
  B_QUES   = 1 << 3,   /* ？ */
  B_SEMI   = 1 << 4,   /* ； */
  B_COMMA  = 1 << 5,   /* ， */
  B_ALL    = (1 << 6) - 1,
};

#define SENTENCE_BARRIERS (B_NL | B_PERIOD | B_EXCL | B_QUES)
#define CLAUSE_BARRIERS   B_ALL

/* Enough to keep the filter sharp, small enough to stay cheap. */
#define MAX_TERMS         32
#define MAX_CLAUSES       12
#define MAX_CLAUSE_CHARS  48
/* Runs closer than this are matched as one: a regex call costs about as
 * much as scanning this many bytes. */
#define MERGE_GAP         512

static gboolean prefilter_enabled = TRUE;

/* The characters some loaded pattern asks for (a bit per BMP code point,
 * set as patterns are read, never cleared): the index keeps rows for
 * these and the cut characters only, so a text of 20,000 different
 * characters costs no more than one of the few hundred the packs name. */
static guint32 wanted_chars[0x10000 / 32];

static void
want_char (gunichar c)
{
  if (c < 0x10000)
    g_atomic_int_or (&wanted_chars[c / 32], 1u << (c % 32));
}

static gboolean
is_wanted (gunichar c)
{
  return (g_atomic_int_get (&wanted_chars[c / 32]) >> (c % 32)) & 1;
}

/* The most the index's bit rows may take; past it the index gives up and
 * every pattern runs over whole ranges (slower, the same findings). At
 * about a clause per 30 bytes, a 16 MiB draft has 560,000 clauses, 70 KiB
 * a row: an ordinary one, naming a few hundred of the wanted characters,
 * stays under it. */
#define INDEX_BUDGET (128 * 1024 * 1024)

static guint
barrier_bit (gunichar c)
{
  switch (c)
    {
    case '\n':   return B_NL;
    case 0x3002: return B_PERIOD;
    case 0xFF01: return B_EXCL;
    case 0xFF1F: return B_QUES;
    case 0xFF1B: return B_SEMI;
    case 0xFF0C: return B_COMMA;
    default:     return 0;
    }
}

/* ---- the pattern reader -------------------------------------------------- */

/* What a piece of pattern says about its matches: whether it can match the
 * empty string, and the characters every match holds, as a disjunction
 * (GPtrArray) of terms, one per way to match; a term is a conjunction
 * (GPtrArray) of clauses, a clause a disjunction of characters (GArray of
 * gunichar, sorted). A term without clauses: nothing is known. */
typedef struct {
  gboolean   nullable;
  GPtrArray *dnf;
} Node;
typedef struct {
  const char *p;
  gboolean    bail;       /* something not understood: no filter at all */
  gboolean    uncuttable; /* ^, $, \A, \G, \K…: the text must stay whole */
  guint       barriers;   /* cut characters some item may match or look at */
  guint       depth;
} Parser;

typedef struct {
  gboolean caseless;
  gboolean dotall;
} Flags;

static GArray *
clause_new (void)
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
static void
clause_tidy (GArray *clause)
{
  guint n = 0;

  g_array_sort (clause, compare_unichar);
  for (guint i = 0; i < clause->len; i++)
    if (n == 0 || g_array_index (clause, gunichar, i) != g_array_index (clause, gunichar, n - 1))
      g_array_index (clause, gunichar, n++) = g_array_index (clause, gunichar, i);
  g_array_set_size (clause, n);
}

static gboolean
clause_equal (GArray *a,
              GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gunichar)) == 0;
}

static GPtrArray *
cnf_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static GPtrArray *
cnf_copy (GPtrArray *cnf)
{
  GPtrArray *copy = cnf_new ();

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
static Node
node_true (gboolean nullable)
{
  Node n = { nullable, dnf_new () };
  g_ptr_array_add (n.dnf, cnf_new ());
  return n;
}

static void
node_clear (Node *n)
{
  g_clear_pointer (&n->dnf, g_ptr_array_unref);
}

static gboolean
dnf_is_true (GPtrArray *dnf)
{
  for (guint i = 0; i < dnf->len; i++)
    if (((GPtrArray *) g_ptr_array_index (dnf, i))->len == 0)
      return TRUE;
  return FALSE;
}

static int
compare_clause_size (gconstpointer a,
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
        dup = clause_equal (c, g_ptr_array_index (cnf, j));
      if (dup)
        g_ptr_array_remove_index (cnf, i);
      else
        i++;
    }
  if (cnf->len > MAX_CLAUSES)
    {
      g_ptr_array_sort (cnf, compare_clause_size);
      g_ptr_array_set_size (cnf, MAX_CLAUSES);
    }
}

/* One term implied by every term of @dnf: (x∧y)∨z = (x∨z)∧(y∨z) when that
 * stays small; otherwise the smallest clause of each term, joined. */
static GPtrArray *
dnf_to_cnf (GPtrArray *dnf)
{
  GPtrArray *out = cnf_new ();
  guint64 product = 1;

  if (dnf_is_true (dnf))
    return out;
  for (guint i = 0; i < dnf->len && product <= MAX_CLAUSES; i++)
    product *= ((GPtrArray *) g_ptr_array_index (dnf, i))->len;

  if (product <= MAX_CLAUSES)
    {
      g_ptr_array_add (out, clause_new ());
      for (guint i = 0; i < dnf->len; i++)
        {
          GPtrArray *term = g_ptr_array_index (dnf, i);
          GPtrArray *next = cnf_new ();

          for (guint j = 0; j < out->len; j++)
            for (guint k = 0; k < term->len; k++)
              {
                GArray *x = g_ptr_array_index (out, j), *y = g_ptr_array_index (term, k);
                GArray *c = clause_new ();

                g_array_append_vals (c, x->data, x->len);
                g_array_append_vals (c, y->data, y->len);
                clause_tidy (c);
                g_ptr_array_add (next, c);
              }
          g_ptr_array_unref (out);
          out = next;
        }
    }
  else
    {
      GArray *c = clause_new ();

      for (guint i = 0; i < dnf->len; i++)
        {
          GPtrArray *term = g_ptr_array_index (dnf, i);
          GArray *smallest = g_ptr_array_index (term, 0);

          for (guint k = 1; k < term->len; k++)
            if (((GArray *) g_ptr_array_index (term, k))->len < smallest->len)
              smallest = g_ptr_array_index (term, k);
          g_array_append_vals (c, smallest->data, smallest->len);
        }
      clause_tidy (c);
      g_ptr_array_add (out, c);
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
static void
node_concat (Node *a,
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
  node_clear (b);
}

/* a|b|…: the ways to match any of them. */
static Node
node_alternatives (GArray *branches)
{
  Node out = { FALSE, dnf_new () };

  for (guint i = 0; i < branches->len; i++)
    {
      Node *b = &g_array_index (branches, Node, i);

      out.nullable |= b->nullable;
      for (guint j = 0; j < b->dnf->len; j++)
        g_ptr_array_add (out.dnf, g_ptr_array_ref (g_ptr_array_index (b->dnf, j)));
    }
  if (dnf_is_true (out.dnf))
    {
      gboolean nullable = out.nullable;
      node_clear (&out);
      return node_true (nullable);
    }
  node_squeeze (&out, MAX_TERMS);
  return out;
}

/* Whether (?i) may let @c match other characters than itself. Han,
 * kana, CJK punctuation, digits and ASCII punctuation have no case. */
static gboolean
has_case (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF20) ||
      (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFFEF))
    return FALSE;
  return TRUE;
}

/* One character that matches itself (or its case variants). */
static Node
node_char (Parser      *ps,
           const Flags *flags,
           gunichar     c)
{
  Node n = node_true (FALSE);

  ps->barriers |= barrier_bit (c);
  if (c < 0x10000 && !(flags->caseless && has_case (c)))
    {
      GArray *clause = clause_new ();
      g_array_append_val (clause, c);
      g_ptr_array_add (g_ptr_array_index (n.dnf, 0), clause);
    }
  return n;
}

/* One character of an unknown set matching @barriers of the cut ones. */
static Node
node_any (Parser *ps,
          guint   barriers)
{
  ps->barriers |= barriers;
  return node_true (FALSE);
}

static gunichar
next_char (Parser *ps)
{
  gunichar c = g_utf8_get_char (ps->p);
  ps->p = g_utf8_next_char (ps->p);
  return c;
}

/* \x41, \x{4e00}; @ps->p after the x. */
static gboolean
read_hex (Parser   *ps,
          gunichar *out)
{
  gunichar v = 0;
  guint n = 0;

  if (*ps->p == '{')
    {
      ps->p++;
      while (g_ascii_isxdigit (*ps->p) && n < 8)
        v = v * 16 + g_ascii_xdigit_value (*ps->p++), n++;
      if (*ps->p != '}' || n == 0)
        return FALSE;
      ps->p++;
    }
  else
    while (g_ascii_isxdigit (*ps->p) && n < 2)
      v = v * 16 + g_ascii_xdigit_value (*ps->p++), n++;
  *out = v;
  return TRUE;
}

/* The cut characters a backslash class matches; exact for them, as none
 * is a digit, a word character or a space other than \n. */
static gboolean
class_escape (char   e,
              guint *barriers)
{
  switch (e)
    {
    case 'd': case 'w': case 'h':
      *barriers = 0;
      return TRUE;
    case 'D': case 'W': case 'H':
      *barriers = B_ALL;
      return TRUE;
    case 's': case 'v':
      *barriers = B_NL;
      return TRUE;
    case 'S': case 'V':
      *barriers = B_ALL & ~B_NL;
      return TRUE;
    default:
      return FALSE;
    }
}

/* A literal character after a backslash; FALSE when it is not one. */
static gboolean
escaped_char (Parser   *ps,
              char      e,
              gunichar *c)
{
  switch (e)
    {
    case 'n': *c = '\n'; return TRUE;
    case 't': *c = '\t'; return TRUE;
    case 'r': *c = '\r'; return TRUE;
    case 'f': *c = '\f'; return TRUE;
    case 'e': *c = 0x1B; return TRUE;
    case 'a': *c = 0x07; return TRUE;
    case 'x': return read_hex (ps, c);
    default:
      if ((guchar) e < 0x80 && !g_ascii_isalnum (e))
        {
          *c = (guchar) e;
          return TRUE;
        }
      return FALSE;
    }
}

static gboolean
in_class (GArray   *ranges,
          gunichar  c)
{
  for (guint i = 0; i < ranges->len; i += 2)
    if (c >= g_array_index (ranges, gunichar, i) && c <= g_array_index (ranges, gunichar, i + 1))
      return TRUE;
  return FALSE;
}

/* [...] with @ps->p after the [. */
static Node
parse_class (Parser      *ps,
             const Flags *flags)
{
  static const gunichar cuts[] = { '\n', 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF0C };
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (gunichar));   /* lo, hi pairs */
  gboolean negated = FALSE, unknown = FALSE, first = TRUE;
  guint sure = 0;      /* cut characters the backslash classes surely hold */
  guint maybe = 0;     /* … and those they may hold */
  guint barriers = 0;
  guint64 size = 0;
  Node n;

  if (*ps->p == '^')
    negated = TRUE, ps->p++;
  for (;;)
    {
      gunichar lo, hi;

      if (*ps->p == '\0')
        {
          ps->bail = TRUE;
          return node_true (FALSE);
        }
      if (*ps->p == ']' && !first)
        {
          ps->p++;
          break;
        }
      first = FALSE;
      if (*ps->p == '[' && (ps->p[1] == ':' || ps->p[1] == '.' || ps->p[1] == '='))
        {
          /* [:alpha:] and the like: skip, whatever they hold */
          const char *close = strstr (ps->p + 2, ":]");
          if (ps->p[1] != ':' || close == NULL)
            {
              ps->bail = TRUE;
              return node_true (FALSE);
            }
          ps->p = close + 2;
          maybe = B_ALL;
          unknown = TRUE;
          continue;
        }
      if (*ps->p == '\\')
        {
          char e = ps->p[1];
          guint b;

          if (e == '\0')
            {
              ps->bail = TRUE;
              return node_true (FALSE);
            }
          ps->p += 2;
          if (class_escape (e, &b))
            {
              sure |= b;
              maybe |= b;
              unknown = TRUE;
              continue;
            }
          if (e == 'p' || e == 'P')
            {
              if (*ps->p == '{')
                {
                  const char *close = strchr (ps->p, '}');
                  if (close == NULL)
                    {
                      ps->bail = TRUE;
                      return node_true (FALSE);
                    }
                  ps->p = close + 1;
                }
              else if (*ps->p)
                ps->p++;
              maybe = B_ALL;   /* a property: which is not worth knowing */
              unknown = TRUE;
              continue;
            }
          if (e == 'b')
            lo = 0x08;
          else if (!escaped_char (ps, e, &lo))
            {
              ps->bail = TRUE;
              return node_true (FALSE);
            }
        }
      else
        lo = next_char (ps);
      hi = lo;
      if (*ps->p == '-' && ps->p[1] != ']' && ps->p[1] != '\0')
        {
          ps->p++;
          if (*ps->p == '\\')
            {
              char e = ps->p[1];
              ps->p += 2;
              if (e == '\0' || !escaped_char (ps, e, &hi))
                {
                  ps->bail = TRUE;
                  return node_true (FALSE);
                }
            }
          else if (*ps->p == '[')
            {
              ps->bail = TRUE;
              return node_true (FALSE);
            }
          else
            hi = next_char (ps);
          if (hi < lo)
            {
              ps->bail = TRUE;
              return node_true (FALSE);
            }
        }
      g_array_append_val (ranges, lo);
      g_array_append_val (ranges, hi);
      size += hi - lo + 1;
      if (flags->caseless && (lo != hi || has_case (lo)))
        unknown = TRUE;   /* case variants of a range: not worth listing */
    }

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      gboolean listed = in_class (ranges, cuts[i]);
      guint bit = barrier_bit (cuts[i]);

      /* [^…] takes what the list does not hold: a cut character is safe
       * only when the list surely holds it. */
      if (negated ? !listed && !(sure & bit) : listed || (maybe & bit))
        barriers |= bit;
    }

  n = node_any (ps, barriers);
  if (!negated && !unknown && size <= MAX_CLAUSE_CHARS)
    {
      GArray *clause = clause_new ();
      for (guint i = 0; i < ranges->len; i += 2)
        for (gunichar c = g_array_index (ranges, gunichar, i);
             c <= g_array_index (ranges, gunichar, i + 1); c++)
          {
            if (c >= 0x10000)
              {
                g_array_unref (clause);
                return n;
              }
            g_array_append_val (clause, c);
          }
      clause_tidy (clause);
      g_ptr_array_add (g_ptr_array_index (n.dnf, 0), clause);
    }
  return n;
}

static Node parse_alternation (Parser *ps, Flags *flags);

/* (?i), (?s-i), (?i: …: the letters after "(?"; FALSE for any not known. */
static gboolean
parse_flags (Parser *ps,
             Flags  *flags)
{
  gboolean on = TRUE;

  for (;; ps->p++)
    switch (*ps->p)
      {
      case '-':
        if (!on)
          return FALSE;
        on = FALSE;
        break;
      case 'i':
        flags->caseless = on;
        break;
      case 's':
        flags->dotall = on;
        break;
      case 'm': case 'n': case 'U': case 'J':
        break;   /* nothing the filter reads depends on them */
      case ':': case ')':
        return TRUE;
      default:
        return FALSE;   /* x (spaces and comments), ^ and the rest */
      }
}

/* A group, @ps->p after the "(". */
static Node
parse_group (Parser *ps,
             Flags  *flags)
{
  Flags inner = *flags;
  gboolean look = FALSE;
  Node n;

  if (*ps->p == '*')
    {
      ps->bail = TRUE;   /* (*VERB) and (*pla: …) */
      return node_true (TRUE);
    }
  if (*ps->p == '?')
    {
      ps->p++;
      switch (*ps->p)
        {
        case '#':
          while (*ps->p && *ps->p != ')')
            ps->p++;
          if (*ps->p == ')')
            ps->p++;
          else
            ps->bail = TRUE;
          return node_true (TRUE);
        case ':': case '>': case '|':
          ps->p++;
          break;
        case '=': case '!':
          ps->p++;
          look = TRUE;
          break;
        case '<':
          if (ps->p[1] == '=' || ps->p[1] == '!')
            {
              ps->p += 2;
              look = TRUE;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case '\'':
          {
            char close = *ps->p == '<' ? '>' : '\'';
            const char *end = strchr (ps->p + 1, close);
            if (end == NULL)
              {
                ps->bail = TRUE;
                return node_true (TRUE);
              }
            ps->p = end + 1;
          }
          break;
        case 'P':
          if (ps->p[1] == '<')
            {
              const char *end = strchr (ps->p + 2, '>');
              if (end == NULL)
                {
                  ps->bail = TRUE;
                  return node_true (TRUE);
                }
              ps->p = end + 1;
              break;
            }
          ps->bail = TRUE;   /* (?P=name), (?P>name) */
          return node_true (TRUE);
        default:
          if (!parse_flags (ps, &inner))
            {
              ps->bail = TRUE;   /* recursion, conditions, callouts, (?x) */
              return node_true (TRUE);
            }
          if (*ps->p == ')')
            {
              /* (?i) alone: for the rest of the enclosing group, its later
               * alternatives included */
              ps->p++;
              *flags = inner;
              return node_true (TRUE);
            }
          ps->p++;   /* ':' */
          break;
        }
    }

  n = parse_alternation (ps, &inner);
  if (*ps->p != ')')
    ps->bail = TRUE;
  else
    ps->p++;
  if (look)
    {
      /* A lookaround matches nothing itself; its characters count for the
       * cuts (it must not look across one), not as needed characters. */
      node_clear (&n);
      return node_true (TRUE);
    }
  return n;
}

/* One item, without its quantifier; FALSE at |, ) or the end. */
static gboolean
parse_atom (Parser *ps,
            Flags  *flags,
            Node   *out)
{
  gunichar c;

  switch (*ps->p)
    {
    case '\0': case '|': case ')':
      return FALSE;
    case '(':
      ps->p++;
      if (++ps->depth > 200)
        {
          ps->bail = TRUE;
          *out = node_true (TRUE);
          return TRUE;
        }
      *out = parse_group (ps, flags);
      ps->depth--;
      return TRUE;
    case '[':
      ps->p++;
      *out = parse_class (ps, flags);
      return TRUE;
    case '.':
      ps->p++;
      *out = node_any (ps, flags->dotall ? B_ALL : B_ALL & ~B_NL);
      return TRUE;
    case '^': case '$':
      ps->p++;
      ps->uncuttable = TRUE;
      *out = node_true (TRUE);
      return TRUE;
    case '*': case '+': case '?': case '{':
      ps->bail = TRUE;   /* a quantifier with nothing before it, or a literal { */
      ps->p++;
      *out = node_true (TRUE);
      return TRUE;
    case '\\':
      {
        char e = ps->p[1];
        guint barriers;

        if (e == '\0')
          {
            ps->bail = TRUE;
            ps->p++;
            *out = node_true (TRUE);
            return TRUE;
          }
        ps->p += 2;
        if (class_escape (e, &barriers))
          {
            *out = node_any (ps, barriers);
            return TRUE;
          }
        switch (e)
          {
          case 'b': case 'B':
            /* Word edges: the cut characters are no word characters, and
             * neither is the edge of a piece. */
            *out = node_true (TRUE);
            return TRUE;
          case 'A': case 'z': case 'Z': case 'G': case 'K':
            ps->uncuttable = TRUE;
            *out = node_true (TRUE);
            return TRUE;
          case 'N':
            *out = node_any (ps, B_ALL & ~B_NL);
            return TRUE;
          case 'R':
            *out = node_any (ps, B_NL);
            return TRUE;
          case 'p': case 'P':
            if (*ps->p == '{')
              {
                const char *close = strchr (ps->p, '}');
                if (close == NULL)
                  {
                    ps->bail = TRUE;
                    *out = node_true (TRUE);
                    return TRUE;
                  }
                ps->p = close + 1;
              }
            else if (*ps->p)
              ps->p++;
            *out = node_any (ps, B_ALL);
            return TRUE;
          default:
            if (escaped_char (ps, e, &c))
              {
                *out = node_char (ps, flags, c);
                return TRUE;
              }
            /* back-references, \Q…\E, \X, \C, octal, \c: not read */
            ps->bail = TRUE;
            *out = node_true (TRUE);
            return TRUE;
          }
      }
    default:
      c = next_char (ps);
      *out = node_char (ps, flags, c);
      return TRUE;
    }
}

/* ?, *, +, {n}, {n,}, {n,m} and their lazy or possessive forms; the least
 * number of repeats, 1 without a quantifier. */
static guint
parse_quantifier (Parser *ps)
{
  guint min = 1;

  switch (*ps->p)
    {
    case '?': case '*':
      min = 0;
      ps->p++;
      break;
    case '+':
      ps->p++;
      break;
    case '{':
      {
        const char *q = ps->p + 1;
        guint64 n = 0;
        guint digits = 0;

        while (g_ascii_isdigit (*q) && digits < 6)
          n = n * 10 + (*q++ - '0'), digits++;
        if (digits == 0)
          {
            ps->bail = TRUE;   /* {,n} reads differently across PCRE2 versions */
            return 1;
          }
        if (*q == ',')
          {
            q++;
            while (g_ascii_isdigit (*q))
              q++;
          }
        if (*q != '}')
          {
            ps->bail = TRUE;
            return 1;
          }
        ps->p = q + 1;
        min = n;
      }
      break;
    default:
      return 1;
    }
  if (*ps->p == '?' || *ps->p == '+')
    ps->p++;
  return min;
}

static Node
parse_sequence (Parser *ps,
                Flags  *flags)
{
  Node seq = node_true (TRUE);
  Node atom;

  while (!ps->bail && parse_atom (ps, flags, &atom))
    {
      if (parse_quantifier (ps) == 0)
        {
          node_clear (&atom);
          atom = node_true (TRUE);
        }
      node_concat (&seq, &atom);
    }
  return seq;
}

static Node
parse_alternation (Parser *ps,
                   Flags  *flags)
{
  g_autoptr(GArray) branches = g_array_new (FALSE, FALSE, sizeof (Node));
  Node n;

  for (;;)
    {
      Node b = parse_sequence (ps, flags);
      g_array_append_val (branches, b);
      if (ps->bail || *ps->p != '|')
        break;
      ps->p++;
    }
  if (branches->len == 1)
    return g_array_index (branches, Node, 0);
  n = node_alternatives (branches);
  for (guint i = 0; i < branches->len; i++)
    node_clear (&g_array_index (branches, Node, i));
  return n;
}

struct _GwPrefilter
{
  gboolean          analysed;
  GwPrefilterLevel  level;
  GPtrArray        *dnf;     /* the terms (see Node); NULL: no filter */
  GPtrArray        *clauses; /* the different clauses of the terms */
  GPtrArray        *terms;   /* per term, GArray of guint: its clauses' places */
};

GwPrefilter *
_gw_prefilter_new (const char *pattern)
{
  GwPrefilter *pf = g_new0 (GwPrefilter, 1);
  Parser ps = { pattern, FALSE, FALSE, 0, 0 };
  Flags flags = { FALSE, FALSE };
  Node n;

  g_return_val_if_fail (pattern != NULL, NULL);

  if (!g_utf8_validate (pattern, -1, NULL))
    return pf;
  n = parse_alternation (&ps, &flags);
  if (*ps.p != '\0')
    ps.bail = TRUE;   /* an unbalanced ) */
  if (ps.bail)
    {
      node_clear (&n);
      return pf;
    }
  pf->analysed = TRUE;
  if (!n.nullable && !dnf_is_true (n.dnf))
    {
      pf->dnf = g_steal_pointer (&n.dnf);
      /* Terms often share clauses ((社工|人员)…(抽调|借用) makes four
       * terms of four clauses): each is looked up once per run. */
      pf->clauses = cnf_new ();
      pf->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint i = 0; i < pf->dnf->len; i++)
        {
          GPtrArray *term = g_ptr_array_index (pf->dnf, i);
          GArray *places = g_array_new (FALSE, FALSE, sizeof (guint));

          g_ptr_array_sort (term, compare_clause_size);
          for (guint j = 0; j < term->len; j++)
            {
              GArray *c = g_ptr_array_index (term, j);
              guint k = 0;

              while (k < pf->clauses->len && !clause_equal (c, g_ptr_array_index (pf->clauses, k)))
                k++;
              if (k == pf->clauses->len)
                {
                  g_ptr_array_add (pf->clauses, g_array_ref (c));
                  for (guint m = 0; m < c->len; m++)
                    want_char (g_array_index (c, gunichar, m));
                }
              g_array_append_val (places, k);
            }
          g_ptr_array_add (pf->terms, places);
        }
    }
  node_clear (&n);
  if (ps.uncuttable || (ps.barriers & SENTENCE_BARRIERS))
    pf->level = GW_PREFILTER_WHOLE;
  else if (ps.barriers & CLAUSE_BARRIERS)
    pf->level = GW_PREFILTER_SENTENCE;
  else
    pf->level = GW_PREFILTER_CLAUSE;
  return pf;
}

void
_gw_prefilter_free (GwPrefilter *pf)
{
  if (pf == NULL)
    return;
  g_clear_pointer (&pf->dnf, g_ptr_array_unref);
  g_clear_pointer (&pf->clauses, g_ptr_array_unref);
  g_clear_pointer (&pf->terms, g_ptr_array_unref);
  g_free (pf);
}

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
  index->slot_cuts[slot] = barrier_bit (c);
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
          if (!is_wanted (c) && barrier_bit (c) == 0)
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
