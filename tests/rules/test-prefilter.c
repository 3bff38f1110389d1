/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gw-checker.h"
#include "gw-import-text.h"
#include "gw-open.h"
#include "gw-prefilter.h"
#include "gw-rule-private.h"

/* The prefilter may only skip text where a pattern cannot match: every
 * test here compares it with running the regex over everything. */

/* ---- what is read from a pattern ---------------------------------------- */

/* @level: "whole", "sentence", "clause" or "unanalysed". A piece holding
 * the characters of an @admits text must pass the filter (each matches or
 * nearly matches the pattern); one of a @rejects text must not (each lacks
 * something every match needs: the filter's point). */
typedef struct {
  const char *pattern;
  const char *level;
  const char *admits[4];
  const char *rejects[4];
} Derivation;

static const Derivation derivations[] = {
  /* plain text and alternation */
  { "坐班|坐岗", "clause", { "坐班", "岗坐" }, { "坐", "班岗", "坐着" } },
  { "考勤|值班|值守", "clause", { "考勤", "值班", "守值" }, { "考班", "值", "守勤" } },
  { "(社工|人员)[^，。；！？\\n]{0,10}(抽调|借用)", "clause", { "社工被抽调", "人员借用" },
    { "社工借调", "人员抽", "工员抽调" } },
  { "社|", "clause", { "", "站" }, { NULL } },
  { "(?:不作调整|续(签|约))", "clause", { "整调作不", "续签", "续约" }, { "不续", "不作", "签约" } },
  /* optional parts and quantifiers need nothing */
  { "考勤?", "clause", { "考" }, { "勤" } },
  { "(?:直接)?委托", "clause", { "委托" }, { "直接委", "直接" } },
  { "社*工{0}站{0,3}室+", "clause", { "室" }, { "社工站" } },
  { "(?:社工)?", "clause", { "" }, { NULL } },
  { "x??y+?z*+", "clause", { "y" }, { "xz" } },
  /* character classes */
  { "[社工]站", "clause", { "社站", "工站" }, { "站", "社工" } },
  { "[\\x{4e00}-\\x{4e02}]", "clause", { "一", "丂" }, { "三" } },
  { "[\\d]+年", "clause", { "3年" }, { "三" } },
  { "[^社]站", "whole", { "。站" }, { "社" } },
  { "[^，。；！？\\n]{2}站", "clause", { "站" }, { "社工" } },
  { "[^。；！？\\n]{0,20}由", "sentence", { "由" }, { "社工" } },
  { "[^\\s]站", "whole", { "站" }, { "社" } },
  { "[^\\p{L}]站", "whole", { "。站" }, { "社" } },
  { "[\\p{Han}]站", "whole", { "社站" }, { "社" } },
  { "[[:alpha:]]站", "whole", { "a站" }, { "a" } },
  { "[]社]站", "clause", { "]站", "社站" }, { "站" } },
  { "[a-]站", "clause", { "a站", "-站" }, { "b站" } },
  { "[，]站", "sentence", { "，站" }, { "站" } },
  /* escapes */
  { "\\x{793E}\\x{5DE5}", "clause", { "社工" }, { "社" } },
  { "\\.\\(社", "clause", { ".(社" }, { "(社" } },
  { "\\d+%", "clause", { "5%" }, { "5" } },
  { "\\s*站", "whole", { "站" }, { "\n" } },
  { "\\S站", "whole", { "。站" }, { "。" } },
  { "\\w+站", "clause", { "社站" }, { "社" } },
  { "社\\b工\\B", "clause", { "社工" }, { "工" } },
  { "社\\n工", "whole", { "社\n工" }, { "社工" } },
  { "社.工", "whole", { "社。工" }, { "社" } },
  { "社\\p{Han}", "whole", { "社工" }, { "工" } },
  /* lookarounds: their text is not part of the match */
  { "顶岗(?!实习)", "clause", { "顶岗" }, { "顶实习" } },
  { "(?<!不)得", "clause", { "得" }, { "不" } },
  { "(?<=。)社工", "whole", { "社工" }, { "。社" } },
  { "社工(?=[，])", "sentence", { "社工" }, { "社，" } },
  { "(?=社)", "clause", { "" }, { NULL } },
  /* case-insensitivity */
  { "(?i)abc社", "clause", { "ABC社", "社" }, { "abc" } },
  { "a(?i)b", "clause", { "aB", "a" }, { "B" } },
  { "(?i:a)b", "clause", { "Ab", "b" }, { "a" } },
  { "(?i)a(?-i)b", "clause", { "Ab" }, { "aB" } },
  { "(?:a(?i)b|c)d", "clause", { "aBd", "Cd" }, { "aB" } },
  { "(?i)[a-c]社", "clause", { "B社" }, { "B" } },
  { "(?i)ｋ", "clause", { "Ｋ", "ｋ" }, { NULL } },
  { "(?i)k", "clause", { "\u212a" }, { NULL } },
  /* groups of every kind */
  { "(?<hit>社工)站", "clause", { "社工站" }, { "社工" } },
  { "(?P<x>社)(?'y'工)(?>站)(?|室)", "clause", { "社工站室" }, { "社工站" } },
  { "(?#注释)社", "clause", { "社" }, { "注释" } },
  { "(?s)社.工", "whole", { "社\n工" }, { "社" } },
  /* too many branches for a term each: what every branch needs stays
   * needed (不合格), and of the rest the rarer character is asked for */
  { "(?:甲不合格|乙不合格|丙不合格|丁不合格|戊不合格|己不合格|庚不合格|辛不合格|壬不合格|癸不合格|子不合格|丑不合格|寅不合格|卯不合格|辰不合格|巳不合格|午不合格|未不合格|申不合格|酉不合格|戌不合格|亥不合格|鑫不合格|犇不合格|淼不合格|焱不合格|垚不合格|晶不合格|猋不合格|骉不合格|羴不合格|鱻不合格|麤不合格)", "clause", { "甲不合格", "麤不合格" }, { "甲不合", "乙合格", "不合格" } },
  { "(?:的甲|社乙|工丙|站丁|服戊|务己|机庚|构辛|承壬|接癸|作子|人丑|会寅|一卯|不辰|是巳|在午|有未|和申|中酉|大戌|为亥|上鑫|个犇|国淼|以焱|要垚|时晶|来猋|用骉|们羴|生鱻|到麤)", "clause", { "的甲", "到麤" }, { "的社工站", "服务机构" } },
  /* what must keep the text whole, or cannot be read at all */
  { "^社工", "whole", { "社工" }, { "社" } },
  { "社工$", "whole", { "社工" }, { "工" } },
  { "\\A社\\z", "whole", { "社" }, { "工" } },
  { "(社)\\1", "unanalysed", { "" }, { NULL } },
  { "(社)\\g{1}", "unanalysed", { "" }, { NULL } },
  { "(?x) 社 工", "unanalysed", { "" }, { NULL } },
  { "(*UCP)社", "unanalysed", { "" }, { NULL } },
  { "社{,3}", "unanalysed", { "" }, { NULL } },
  { "(?R)?社", "unanalysed", { "" }, { NULL } },
  { "(?(1)社|工)", "unanalysed", { "" }, { NULL } },
  { "\\Q社\\E", "unanalysed", { "" }, { NULL } },
  { "(社", "unanalysed", { "" }, { NULL } },
  { "社)", "unanalysed", { "" }, { NULL } },
};

static void
test_derivation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (derivations); i++)
    {
      const Derivation *d = &derivations[i];
      g_autoptr(GwPrefilter) pf = _gw_prefilter_new (d->pattern);
      g_autofree char *desc = _gw_prefilter_describe (pf);
      g_autoptr(GRegex) regex = g_regex_new (d->pattern, G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES, 0,
                                             NULL);

      g_test_message ("%s → %s", d->pattern, desc);
      if (!g_str_has_prefix (desc, d->level) ||
          (desc[strlen (d->level)] != '\0' && desc[strlen (d->level)] != ' '))
        g_error ("%s: read as “%s”, expected level %s", d->pattern, desc, d->level);
      /* Each must be a pattern GRegex takes, or the test proves little. */
      if (g_strcmp0 (d->level, "unanalysed") != 0)
        g_assert_nonnull (regex);
      for (guint j = 0; j < G_N_ELEMENTS (d->admits) && d->admits[j]; j++)
        if (!_gw_prefilter_admits (pf, d->admits[j]))
          g_error ("%s: read as “%s”, shuts out “%s”", d->pattern, desc, d->admits[j]);
      for (guint j = 0; j < G_N_ELEMENTS (d->rejects) && d->rejects[j]; j++)
        {
          /* a text the filter may drop must hold no match */
          g_assert_false (g_regex_match (regex, d->rejects[j], 0, NULL));
          if (_gw_prefilter_admits (pf, d->rejects[j]))
            g_error ("%s: read as “%s”, lets “%s” through", d->pattern, desc, d->rejects[j]);
        }
    }
}

/* ---- the prefilter against the regex alone -------------------------------- */

/* "start-end/hit-start-hit-end;" for every match, as the matchers iterate. */
static char *
matches_whole (GRegex     *regex,
               const char *text,
               gsize       start,
               gsize       end)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GMatchInfo) mi = NULL;

  g_regex_match_full (regex, text + start, end - start, 0, 0, &mi, NULL);
  while (g_match_info_matches (mi))
    {
      int s, e, hs = -1, he = -1;
      g_match_info_fetch_pos (mi, 0, &s, &e);
      g_match_info_fetch_named_pos (mi, "hit", &hs, &he);
      g_string_append_printf (out, "%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT, start + s, start + e);
      if (hs >= 0)
        g_string_append_printf (out, "/%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT, start + hs, start + he);
      g_string_append_c (out, ';');
      if (!g_match_info_next (mi, NULL))
        break;
    }
  return g_string_free (out, FALSE);
}

static char *
matches_filtered (GRegex           *regex,
                  GwPrefilter      *pf,
                  GwPrefilterIndex *index,
                  const char       *text,
                  gsize             start,
                  gsize             end)
{
  g_autoptr(GArray) runs = _gw_prefilter_runs (pf, index, start, end);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      GwTextRange *r = &g_array_index (runs, GwTextRange, i);
      g_autofree char *part = NULL;

      g_assert_cmpuint (r->start, >=, start);
      g_assert_cmpuint (r->end, <=, end);
      g_assert_true (r->start < r->end || (r->start == start && r->end == end));
      if (i > 0)
        g_assert_cmpuint (r->start, >, g_array_index (runs, GwTextRange, i - 1).end);
      part = matches_whole (regex, text, r->start, r->end);
      g_string_append (out, part);
    }
  return g_string_free (out, FALSE);
}

/* Every match, over the whole text and over a few ranges of it. */
static guint
compare_on (GRegex           *regex,
            GwPrefilter      *pf,
            GwPrefilterIndex *index,
            const char       *text,
            gsize             len,
            const char       *what)
{
  /* the whole, and ranges starting and ending inside it */
  gsize ranges[][2] = { { 0, len }, { 0, len / 2 }, { len / 3, len } };
  guint n = 0;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      gsize s = ranges[r][0], e = ranges[r][1];
      g_autofree char *whole = NULL;
      g_autofree char *filtered = NULL;

      /* ranges start and end on characters, like the matchers' units */
      while (s > 0 && (text[s] & 0xC0) == 0x80)
        s--;
      while (e < len && (text[e] & 0xC0) == 0x80)
        e++;
      if (s >= e)
        continue;
      whole = matches_whole (regex, text, s, e);
      filtered = matches_filtered (regex, pf, index, text, s, e);
      if (g_strcmp0 (whole, filtered) != 0)
        g_error ("pattern “%s” (%s) on %s [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT "):\n"
                 "  whole:    %s\n  filtered: %s", g_regex_get_pattern (regex),
                 _gw_prefilter_describe (pf), what, s, e, whole, filtered);
      n += *whole != '\0';
    }
  return n;
}

/* Text made of a pattern's own characters, the cut characters and a few
 * others, so that matches, near-misses and cuts inside them all occur. */
static char *
random_text (GRand      *rand,
             const char *pattern,
             guint       n_chars)
{
  static const char *extra[] = { "，", "。", "；", "！", "？", "\n", "、", "的", "1", "a", "A",
                                 "不", "社", "工", "%", " " };
  g_autoptr(GPtrArray) alphabet = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (const char *p = pattern; *p; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80)
      g_ptr_array_add (alphabet, g_strndup (p, g_utf8_next_char (p) - p));
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_ptr_array_add (alphabet, g_strdup (extra[i]));
  for (guint i = 0; i < n_chars; i++)
    g_string_append (s, g_ptr_array_index (alphabet, g_rand_int_range (rand, 0, alphabet->len)));
  return g_string_free (s, FALSE);
}

typedef struct {
  GRegex      *regex;
  GwPrefilter *pf;
} Pair;

/* Every pattern the shipped packs run through a prefilter, with it. */
static GArray *
shipped_patterns (GwChecker *checker)
{
  GListModel *rules = gw_checker_get_rules (checker);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
      GPtrArray *matchers = _gw_rule_get_matchers (rule);

      for (guint j = 0; j < matchers->len; j++)
        {
          GwMatcher *m = g_ptr_array_index (matchers, j);
          Pair singles[] = { { m->pattern, m->pattern_pf }, { m->when, m->when_pf },
                             { m->context, m->context_pf }, { m->term, m->term_pf } };

          for (guint k = 0; k < G_N_ELEMENTS (singles); k++)
            if (singles[k].regex)
              {
                g_assert_nonnull (singles[k].pf);
                g_array_append_val (pairs, singles[k]);
              }
          for (guint k = 0; m->all && k < m->all->len; k++)
            {
              Pair p = { g_ptr_array_index (m->all, k), g_ptr_array_index (m->all_pf, k) };
              g_array_append_val (pairs, p);
            }
          for (guint k = 0; m->any && k < m->any->len; k++)
            {
              Pair p = { g_ptr_array_index (m->any, k), g_ptr_array_index (m->any_pf, k) };
              g_array_append_val (pairs, p);
            }
        }
    }
  return pairs;
}

/* The drafts of every check corpus, as the checker reads them. */
static GPtrArray *
corpus_documents (void)
{
  static const char *dirs[] = { "check", "check-extra", "check-tuned", "check-heldout-1", "check-heldout-2", "corpus" };
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", dirs[i], NULL);
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_nonnull (d);
      while ((name = g_dir_read_name (d)))
        if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".gwdoc"))
          g_ptr_array_add (names, g_strdup (name));
      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, j), NULL);
          g_autoptr(GError) error = NULL;
          GwDocument *doc = gw_document_open (path, &error);

          /* some corpus drafts are broken on purpose */
          if (doc)
            g_ptr_array_add (docs, doc);
        }
    }
  g_assert_cmpuint (docs->len, >, 100);
  return docs;
}

/* The example drafts of every rule @checker holds. */
static void
add_examples (GwChecker *checker,
              GPtrArray *docs)
{
  GListModel *rules = gw_checker_get_rules (checker);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
      GwDocument *ex;

      for (guint v = 0; v < 2; v++)
        for (guint j = 0; (ex = _gw_rule_get_example (rule, v == 0, j)); j++)
          g_ptr_array_add (docs, g_object_ref (ex));
    }
}

/* A long draft, as the benchmark checks: the corpus drafts one after
 * the other. */
static GwDocument *
long_document (GPtrArray *docs)
{
  GString *s = g_string_new (NULL);
  GwDocument *doc;

  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *text = gw_document_to_plain_text (g_ptr_array_index (docs, i));
      g_string_append (s, text);
      g_string_append (s, "\n\n");
    }
  doc = gw_import_text_data (s->str, s->len, "long.txt", NULL);
  g_string_free (s, TRUE);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_patterns_agree (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GwDocument) longdoc = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9704);
  guint n_matched = 0, n_filtered = 0, n_compared = 0;

  g_assert_no_error (error);
  pairs = shipped_patterns (checker);
  g_assert_cmpuint (pairs->len, >, 100);
  for (guint i = 0; i < pairs->len; i++)
    n_filtered += _gw_prefilter_get_level (g_array_index (pairs, Pair, i).pf) != GW_PREFILTER_WHOLE;
  g_test_message ("%u patterns, %u cut into pieces", pairs->len, n_filtered);
  /* Most are: else the filter has stopped reading the packs. */
  g_assert_cmpuint (n_filtered * 2, >, pairs->len);

  docs = corpus_documents ();
  longdoc = long_document (docs);
  g_ptr_array_add (docs, g_object_ref (longdoc));

  /* every example of every rule, every corpus draft, the long draft */
  add_examples (checker, docs);

  for (guint d = 0; d < docs->len; d++)
    {
      GwDocument *doc = g_ptr_array_index (docs, d);
      g_autoptr(GwCheckContext) ctx = _gw_check_context_new (doc, GW_DOCUMENT_KIND_OPINION, 1);
      g_autoptr(GwPrefilterIndex) index = _gw_prefilter_index_new (ctx->text, ctx->len);

      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *p = &g_array_index (pairs, Pair, i);
          n_matched += compare_on (p->regex, p->pf, index, ctx->text, ctx->len, "a draft");
          n_compared++;
        }
    }

  /* random text from each pattern's own characters */
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      for (guint k = 0; k < 20; k++)
        {
          g_autofree char *text = random_text (rand, g_regex_get_pattern (p->regex), 80);
          g_autoptr(GwPrefilterIndex) index = _gw_prefilter_index_new (text, strlen (text));
          n_matched += compare_on (p->regex, p->pf, index, text, strlen (text), text);
          n_compared++;
        }
    }
  g_test_message ("%u comparisons, %u with matches", n_compared, n_matched);
  /* The texts must give the patterns something to match. */
  g_assert_cmpuint (n_matched, >, 1000);
}

/* The tricky patterns above on random text of their characters. */
static void
test_tricky_agree (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (32100);
  guint n_matched = 0;

  for (guint i = 0; i < G_N_ELEMENTS (derivations); i++)
    {
      const Derivation *d = &derivations[i];
      g_autoptr(GRegex) regex = g_regex_new (d->pattern, G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES, 0,
                                             NULL);
      g_autoptr(GwPrefilter) pf = _gw_prefilter_new (d->pattern);

      if (regex == NULL)
        continue;
      /* an empty draft: a pattern that can match nothing matches it once */
      {
        g_autoptr(GwPrefilterIndex) index = _gw_prefilter_index_new ("", 0);
        g_autofree char *whole = matches_whole (regex, "", 0, 0);
        g_autofree char *filtered = matches_filtered (regex, pf, index, "", 0, 0);
        g_assert_cmpstr (whole, ==, filtered);
      }
      for (guint k = 0; k < 200; k++)
        {
          g_autofree char *text = random_text (rand, d->pattern, 1 + k % 40);
          g_autoptr(GwPrefilterIndex) index = _gw_prefilter_index_new (text, strlen (text));
          n_matched += compare_on (regex, pf, index, text, strlen (text), text);
        }
    }
  g_assert_cmpuint (n_matched, >, 1000);
}

/* What the filter assumes of GRegex: "." stops at \n, \w holds Han but
 * not the cut characters, and (?i) folds only what has case. */
static void
test_regex_assumptions (void)
{
  static const struct { const char *pattern, *text; gboolean match; } cases[] = {
    { "a.b", "a\nb", FALSE },
    { "\\w", "社", TRUE },
    { "\\w", "。", FALSE },
    { "\\w", "，", FALSE },
    { "\\s", "\n", TRUE },
    { "\\s", "。", FALSE },
    { "\\d", "。", FALSE },
    { "(?i)社", "社", TRUE },
    { "社\\b", "社。", TRUE },
    { "社\\b", "社", TRUE },
    { "(?i)。", "。", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GRegex) r = g_regex_new (cases[i].pattern, G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES, 0,
                                         NULL);
      g_assert_nonnull (r);
      if (g_regex_match (r, cases[i].text, 0, NULL) != cases[i].match)
        g_error ("“%s” on “%s”: expected %s", cases[i].pattern, cases[i].text,
                 cases[i].match ? "a match" : "none");
    }
}

/* ---- the checker with and without it ------------------------------------ */

static char *
findings_text (GListModel *findings)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GwFinding) f = g_list_model_get_item (findings, i);
      g_string_append_printf (s, "%s %d %d %s %u+%u %u:%u %s\n", gw_finding_get_rule_id (f),
                              gw_finding_get_severity (f), gw_finding_get_block (f),
                              gw_finding_get_target (f) ? gw_finding_get_target (f) : "-",
                              gw_finding_get_offset (f), gw_finding_get_length (f),
                              gw_finding_get_line (f), gw_finding_get_column (f),
                              gw_finding_get_message (f));
    }
  return g_string_free (s, FALSE);
}

static void
test_findings_agree (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = gw_checker_new_default (&error);
  g_autoptr(GPtrArray) docs = corpus_documents ();
  guint n_findings = 0;

  g_assert_no_error (error);
  g_ptr_array_add (docs, long_document (docs));
  add_examples (checker, docs);

  for (guint d = 0; d < docs->len; d++)
    for (GwDocumentKind kind = GW_DOCUMENT_KIND_OPINION; kind <= GW_DOCUMENT_KIND_EVALUATION;
         kind++)
      {
        GwDocument *doc = g_ptr_array_index (docs, d);
        g_autoptr(GListModel) with = NULL;
        g_autoptr(GListModel) without = NULL;
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;

        _gw_prefilter_set_enabled (TRUE);
        with = gw_checker_check_as (checker, doc, kind);
        _gw_prefilter_set_enabled (FALSE);
        without = gw_checker_check_as (checker, doc, kind);
        _gw_prefilter_set_enabled (TRUE);
        a = findings_text (with);
        b = findings_text (without);
        if (g_strcmp0 (a, b) != 0)
          g_error ("draft %u as kind %d: with the prefilter\n%s\nwithout\n%s", d, kind, a, b);
        n_findings += g_list_model_get_n_items (with);
      }
  g_test_message ("%u drafts, %u findings", docs->len, n_findings);
  g_assert_cmpuint (n_findings, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prefilter/derivation", test_derivation);
  g_test_add_func ("/prefilter/regex-assumptions", test_regex_assumptions);
  g_test_add_func ("/prefilter/tricky-agree", test_tricky_agree);
  g_test_add_func ("/prefilter/patterns-agree", test_patterns_agree);
  g_test_add_func ("/prefilter/findings-agree", test_findings_agree);
  return g_test_run ();
}
