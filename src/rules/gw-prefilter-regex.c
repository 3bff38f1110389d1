/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-prefilter"

#include "config.h"

#include <string.h>

#include "gw-prefilter-private.h"
#include "gw-prefilter-terms-private.h"
#include "gw-text.h"

/* The pattern reader of the prefilter (gw-prefilter.h): what a pattern,
 * in PCRE2 syntax as GRegex compiles it (UTF-8 with Unicode properties,
 * "." stops at line ends), says about every match — the characters it
 * holds and the cut characters it may cross. The index of a text and the
 * runs it gives are gw-prefilter.c's; the algebra of clauses and terms it
 * builds with is gw-prefilter-terms.c's. */

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

gboolean
_gw_prefilter_is_wanted (gunichar c)
{
  return (g_atomic_int_get (&wanted_chars[c / 32]) >> (c % 32)) & 1;
}

guint
_gw_prefilter_barrier_bit (gunichar c)
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
  Node n = _gw_pf_node_true (FALSE);

  ps->barriers |= _gw_prefilter_barrier_bit (c);
  if (c < 0x10000 && !(flags->caseless && has_case (c)))
    {
      GArray *clause = _gw_pf_clause_new ();
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
  return _gw_pf_node_true (FALSE);
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
          return _gw_pf_node_true (FALSE);
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
              return _gw_pf_node_true (FALSE);
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
              return _gw_pf_node_true (FALSE);
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
                      return _gw_pf_node_true (FALSE);
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
              return _gw_pf_node_true (FALSE);
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
                  return _gw_pf_node_true (FALSE);
                }
            }
          else if (*ps->p == '[')
            {
              ps->bail = TRUE;
              return _gw_pf_node_true (FALSE);
            }
          else
            hi = next_char (ps);
          if (hi < lo)
            {
              ps->bail = TRUE;
              return _gw_pf_node_true (FALSE);
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
      guint bit = _gw_prefilter_barrier_bit (cuts[i]);

      /* [^…] takes what the list does not hold: a cut character is safe
       * only when the list surely holds it. */
      if (negated ? !listed && !(sure & bit) : listed || (maybe & bit))
        barriers |= bit;
    }

  n = node_any (ps, barriers);
  if (!negated && !unknown && size <= MAX_CLAUSE_CHARS)
    {
      GArray *clause = _gw_pf_clause_new ();
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
      _gw_pf_clause_tidy (clause);
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
      return _gw_pf_node_true (TRUE);
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
          return _gw_pf_node_true (TRUE);
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
                return _gw_pf_node_true (TRUE);
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
                  return _gw_pf_node_true (TRUE);
                }
              ps->p = end + 1;
              break;
            }
          ps->bail = TRUE;   /* (?P=name), (?P>name) */
          return _gw_pf_node_true (TRUE);
        default:
          if (!parse_flags (ps, &inner))
            {
              ps->bail = TRUE;   /* recursion, conditions, callouts, (?x) */
              return _gw_pf_node_true (TRUE);
            }
          if (*ps->p == ')')
            {
              /* (?i) alone: for the rest of the enclosing group, its later
               * alternatives included */
              ps->p++;
              *flags = inner;
              return _gw_pf_node_true (TRUE);
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
      _gw_pf_node_clear (&n);
      return _gw_pf_node_true (TRUE);
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
          *out = _gw_pf_node_true (TRUE);
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
      *out = _gw_pf_node_true (TRUE);
      return TRUE;
    case '*': case '+': case '?': case '{':
      ps->bail = TRUE;   /* a quantifier with nothing before it, or a literal { */
      ps->p++;
      *out = _gw_pf_node_true (TRUE);
      return TRUE;
    case '\\':
      {
        char e = ps->p[1];
        guint barriers;

        if (e == '\0')
          {
            ps->bail = TRUE;
            ps->p++;
            *out = _gw_pf_node_true (TRUE);
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
            *out = _gw_pf_node_true (TRUE);
            return TRUE;
          case 'A': case 'z': case 'Z': case 'G': case 'K':
            ps->uncuttable = TRUE;
            *out = _gw_pf_node_true (TRUE);
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
                    *out = _gw_pf_node_true (TRUE);
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
            *out = _gw_pf_node_true (TRUE);
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
  Node seq = _gw_pf_node_true (TRUE);
  Node atom;

  while (!ps->bail && parse_atom (ps, flags, &atom))
    {
      if (parse_quantifier (ps) == 0)
        {
          _gw_pf_node_clear (&atom);
          atom = _gw_pf_node_true (TRUE);
        }
      _gw_pf_node_concat (&seq, &atom);
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
  n = _gw_pf_node_alternatives (branches);
  for (guint i = 0; i < branches->len; i++)
    _gw_pf_node_clear (&g_array_index (branches, Node, i));
  return n;
}

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
      _gw_pf_node_clear (&n);
      return pf;
    }
  pf->analysed = TRUE;
  if (!n.nullable && !_gw_pf_dnf_is_true (n.dnf))
    {
      pf->dnf = g_steal_pointer (&n.dnf);
      /* Terms often share clauses ((社工|人员)…(抽调|借用) makes four
       * terms of four clauses): each is looked up once per run. */
      pf->clauses = _gw_pf_cnf_new ();
      pf->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint i = 0; i < pf->dnf->len; i++)
        {
          GPtrArray *term = g_ptr_array_index (pf->dnf, i);
          GArray *places = g_array_new (FALSE, FALSE, sizeof (guint));

          g_ptr_array_sort (term, _gw_pf_compare_clause_size);
          for (guint j = 0; j < term->len; j++)
            {
              GArray *c = g_ptr_array_index (term, j);
              guint k = 0;

              while (k < pf->clauses->len && !_gw_pf_clause_equal (c, g_ptr_array_index (pf->clauses, k)))
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
  _gw_pf_node_clear (&n);
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
