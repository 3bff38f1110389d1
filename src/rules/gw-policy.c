/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-policy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gw-numeral.h"
#include "gw-policy.h"
#include "gw-policy-private.h"
#include "gw-text.h"

/* Reads sentence by sentence: a parameter is a statement, and the sentence
 * that states it is what the person is shown. The first sentence that
 * states a parameter wins; later ones usually repeat or apply it. */

static const char *keys[GW_N_POLICY_PARAMS] = {
  "cycle_years", "annual_signing", "renewing_grades", "on_fail",
  "price_weight_range", "evaluator", "grade_thresholds", "funding_in_budget",
};

/* The usual four-tier scale, for “合格及以上” when the opinion names no
 * scale of its own. */
const char * const _gw_policy_default_scale[] = { "优秀", "良好", "合格", "不合格", NULL };

const char *
gw_policy_param_to_key (GwPolicyParam param)
{
  g_return_val_if_fail (param < GW_N_POLICY_PARAMS, NULL);
  return keys[param];
}

const char *
gw_policy_param_label (GwPolicyParam param)
{
  switch (param)
    {
    case GW_POLICY_CYCLE_YEARS: return _("Contract cycle");
    case GW_POLICY_ANNUAL_SIGNING: return _("Signed every year");
    case GW_POLICY_RENEWING_GRADES: return _("Grades that renew");
    case GW_POLICY_ON_FAIL: return _("When the grade is 不合格");
    case GW_POLICY_PRICE_WEIGHT_RANGE: return _("Price weight");
    case GW_POLICY_EVALUATOR: return _("Evaluator");
    case GW_POLICY_GRADE_THRESHOLDS: return _("Grade thresholds");
    case GW_POLICY_FUNDING_IN_BUDGET: return _("Funding in the budget");
    case GW_N_POLICY_PARAMS: break;
    }
  g_return_val_if_reached (NULL);
}

void
_gw_policy_grade_free (gpointer data)
{
  GwGrade *g = data;
  g_free (g->name);
  g_free (g);
}

void
gw_policy_free (GwPolicy *policy)
{
  if (policy == NULL)
    return;
  for (guint i = 0; i < GW_N_POLICY_PARAMS; i++)
    g_free (policy->src[i].text);
  g_strfreev (policy->renewing_grades);
  g_free (policy->on_fail);
  g_free (policy->evaluator);
  g_clear_pointer (&policy->thresholds, g_ptr_array_unref);
  g_free (policy->title);
  g_free (policy->doc_number);
  g_strfreev (policy->scale);
  g_free (policy->fallback.text);
  g_free (policy->fallback_value);
  g_free (policy);
}

/* ---- numbers ------------------------------------------------------------ */

#define NUM "([0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3})"

/* Arabic (either width), Chinese or financial numerals (壹…拾), read by
 * core's numeral reader; -1 when @text is none of them. */
static double
read_number (const char *text)
{
  GString *ascii = g_string_new (NULL);
  double value;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = gw_digit_value (c);

      if (d >= 0)
        g_string_append_c (ascii, '0' + d);
      else if (c == '.' || c == 0xFF0E)
        g_string_append_c (ascii, '.');
      else
        {
          g_string_free (ascii, TRUE);
          return gw_numeral_parse (text, -1, GW_NUMERAL_DEFAULT);
        }
    }
  value = ascii->len > 0 ? g_ascii_strtod (ascii->str, NULL) : -1;
  g_string_free (ascii, TRUE);
  return value;
}

/* ---- sentences ---------------------------------------------------------- */

typedef struct {
  GwBlock    *block;
  int         index;
  const char *start;   /* in the block's text */
  gsize       bytes;
  guint       offset;  /* characters */
  guint       length;
} Sentence;

/* The sentence as one line: a draft broken mid-phrase reads whole. */
static char *
without_breaks (const char *start,
                gsize       bytes)
{
  GString *out = g_string_sized_new (bytes);

  for (gsize i = 0; i < bytes; i++)
    if (start[i] != '\n' && start[i] != '\r')
      g_string_append_c (out, start[i]);
  return g_string_free (out, FALSE);
}

static void
record (GwPolicy       *self,
        GwPolicyParam   param,
        const Sentence *s)
{
  Source *src = &self->src[param];
  guint line = 0, column = 0;

  src->set = TRUE;
  src->block = s->index;
  src->offset = s->offset;
  src->length = s->length;
  src->text = without_breaks (s->start, s->bytes);
  gw_block_map_offset (s->block, s->offset, &line, &column);
  src->line = line;
}

static void
set_fallback (GwPolicy       *self,
              const char     *value,
              guint           rank,
              const Sentence *s)
{
  Source saved = self->src[GW_POLICY_EVALUATOR];

  self->src[GW_POLICY_EVALUATOR] = (Source) { 0 };
  record (self, GW_POLICY_EVALUATOR, s);
  g_free (self->fallback.text);
  self->fallback = self->src[GW_POLICY_EVALUATOR];
  self->src[GW_POLICY_EVALUATOR] = saved;
  self->fallback_rank = rank;
  g_free (self->fallback_value);
  self->fallback_value = g_strdup (value);
}

static GRegex *
rx (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  if (regex == NULL)
    g_error ("gw-policy: bad pattern %s: %s", pattern, error->message);
  return regex;
}

typedef struct {
  GRegex *cycle, *cycle_of, *annual, *renew, *grade, *at_least, *fail,
         *reprocure, *rectify, *terminate, *price, *price_range, *price_one,
         *third_party, *purchaser, *operator_self, *threshold, *budget, *scale;
} Patterns;

static const Patterns *
patterns (void)
{
  static Patterns p;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* 期限为三年 / 以三年为一个周期 / 服务期限为三个年度 / 承接期限一般为3年;
       * not 一年一签 (the signing, not the cycle). */
      p.cycle = rx ("(?:周期|期限|服务期|承接期)[^，。；、]{0,10}?(?:为|是|定为|确定为|不超过|最长)\\s*" NUM "\\s*个?(?:年|周年)(?!一签|一考|一订)");
      p.cycle_of = rx ("(?:以|按)?\\s*" NUM "\\s*个?(?:年|年度)为一个?(?:服务|项目|合同)?周期|(?:合同|协议)(?:一次(?:性)?)?签订\\s*" NUM "\\s*(?:年|个年度)(?!一签)");
      p.annual = rx ("(不再|不|无需|无须|不必)?\\s*(?:一年一签|一年一签订|按年度签订|按年签订|逐年签订|每年签订|每年一签|一年一续签)");
      /* the renewal, not its refusal */
      p.renew = rx ("(?<!不予|不再|不得|不能|不|禁止|严禁)(?:续签|续订|继续签订)");
      p.grade = rx ("不合格|基本合格|合格|良好|优秀|较好|一般|较差");
      p.at_least = rx ("(不合格|基本合格|合格|良好|优秀|较好|一般)(?:等次)?(?:及|和)?(?:其)?以上");
      p.fail = rx ("不合格");
      p.reprocure = rx ("重新[^。；，]{0,10}?(?:采购|招标|(?:确定|选定|选择|遴选)承接)|政府采购[^。；，]{0,10}?重新(?:确定|选定|选择|遴选)|重新(?:公开)?招标|(?:政府采购|采购)(?:程序|方式)?重新(?:确定|选定|选择)|重新(?:依法)?(?:确定|选定|选择)承接|按(?:照)?政府采购程序重新");
      p.rectify = rx ("整改");
      p.terminate = rx ("终止|解除|不予续签|不再续签");
      p.price = rx ("价格(?:分|分值|权重|评分|因素)|报价(?:分|得分|权重)");
      p.price_range = rx ("(?:不低于|不少于)\\s*(?:百分之)?" NUM "\\s*[%％]?[^。；]{0,6}?(?:不高于|不超过|不多于)\\s*(?:百分之)?" NUM
                          "|百分之" NUM "\\s*(?:至|到|～|~|—|-)\\s*百分之" NUM
                          "|" NUM "\\s*(?:[%％]|分)?\\s*(?:至|到|～|~|—|-)\\s*" NUM "\\s*[%％分]");
      p.price_one = rx ("(?:比重|权重|分值)[^。；，]{0,8}?(?:为|是|占)\\s*(?:总分值?的)?\\s*(?:百分之" NUM "|" NUM "\\s*[%％])");
      p.third_party = rx ("(?<!不得|不|不宜|禁止)(?:委托|聘请|引入|由|采取|通过)[^。；]{0,12}第三方");
      p.purchaser = rx ("由\\s*(?:[^。；，]{0,8})(?:民政局|人民政府|街道办事处|购买主体|采购人)\\s*(?:自行|直接)?(?:组织|开展|实施)[^。；，]{0,6}(?:评估|考核|评价)");
      p.operator_self = rx ("(?:承接机构|承接主体|运营机构)[^。；，]{0,6}?(?:(?:自行|自主)\\s*(?:开展|组织|实施)?\\s*(?:评估|考核|评价|评定)|自我评估|自评)");
      p.threshold = rx (NUM "\\s*分\\s*(?:（含）|\\(含\\))?\\s*(?:及以上|以上|(?:至|到|-|—|～)\\s*" NUM "\\s*分\\s*(?:（含）|\\(含\\)|（不含）|\\(不含\\))?)?\\s*(?:的)?(?:为|评为|定为)\\s*[“\"]?(优秀|良好|较好|基本合格|合格|一般|较差)");
      p.budget = rx ("(?<!不|未)(?:纳入|列入|编入)[^。；，]{0,12}预算");
      p.scale = rx ("分为\\s*((?:[“\"]?(?:优秀|良好|较好|基本合格|合格|一般|较差|不合格)[”\"]?[、，和及]?\\s*){2,6})(?:[四三五]个)?等");
      g_once_init_leave (&done, 1);
    }
  return &p;
}

static char *
match_string (GMatchInfo *info,
              int         group)
{
  char *s = g_match_info_fetch (info, group);
  if (s && *s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

/* Grade names in @text, in the order of @scale, expanding “X及以上”. */
static GStrv
grades_in (const char         *text,
           const char * const *scale)
{
  const Patterns *p = patterns ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GMatchInfo) info = NULL;

  if (g_regex_match (p->at_least, text, 0, &info))
    {
      g_autofree char *floor = match_string (info, 1);
      for (guint i = 0; scale[i]; i++)
        {
          g_hash_table_add (seen, (gpointer) scale[i]);
          if (g_str_equal (scale[i], floor))
            break;
        }
    }
  g_clear_pointer (&info, g_match_info_free);
  for (g_regex_match (p->grade, text, 0, &info); g_match_info_matches (info);
       g_match_info_next (info, NULL))
    {
      g_autofree char *g = g_match_info_fetch (info, 0);
      for (guint i = 0; scale[i]; i++)
        if (g_str_equal (scale[i], g))
          g_hash_table_add (seen, (gpointer) scale[i]);
    }
  for (guint i = 0; scale[i]; i++)
    if (g_hash_table_contains (seen, scale[i]) && !g_str_equal (scale[i], "不合格"))
      g_strv_builder_add (b, scale[i]);
  return g_strv_builder_end (b);
}

static void
read_sentence (GwPolicy       *self,
               const Sentence *s)
{
  const Patterns *p = patterns ();
  g_autofree char *text = without_breaks (s->start, s->bytes);
  g_autoptr(GMatchInfo) info = NULL;

  /* A grade scale the opinion names (分为优秀、良好、合格、不合格四个等次). */
  if (self->scale == NULL && g_regex_match (p->scale, text, 0, &info))
    {
      g_autofree char *list = g_match_info_fetch (info, 1);
      g_autoptr(GMatchInfo) gi = NULL;
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

      for (g_regex_match (p->grade, list, 0, &gi); g_match_info_matches (gi); g_match_info_next (gi, NULL))
        {
          g_autofree char *g = g_match_info_fetch (gi, 0);
          g_strv_builder_add (b, g);
        }
      self->scale = g_strv_builder_end (b);
    }
  g_clear_pointer (&info, g_match_info_free);

  if (!self->src[GW_POLICY_CYCLE_YEARS].set && !g_regex_match (p->cycle, text, 0, &info))
    {
      g_clear_pointer (&info, g_match_info_free);
      g_regex_match (p->cycle_of, text, 0, &info);
    }
  /* the pattern that matched has its number in group 1 or 2 */
  if (!self->src[GW_POLICY_CYCLE_YEARS].set && info && g_match_info_matches (info))
    {
      g_autofree char *n = match_string (info, 1);
      double v;

      if (n == NULL)
        n = match_string (info, 2);
      v = n ? read_number (n) : -1;
      if (v >= 1 && v <= 10 && v == floor (v))
        {
          self->cycle_years = (guint) v;
          record (self, GW_POLICY_CYCLE_YEARS, s);
        }
    }
  g_clear_pointer (&info, g_match_info_free);

  if (!self->src[GW_POLICY_ANNUAL_SIGNING].set && g_regex_match (p->annual, text, 0, &info))
    {
      g_autofree char *neg = match_string (info, 1);
      self->annual_signing = neg == NULL;
      record (self, GW_POLICY_ANNUAL_SIGNING, s);
    }
  g_clear_pointer (&info, g_match_info_free);

  /* Renewing grades and the consequence of 不合格 are read clause group by
   * clause group (；), so the grades of one do not leak into the other. */
  {
    g_auto(GStrv) parts = g_strsplit (text, "；", -1);
    const char * const *scale = self->scale ? (const char * const *) self->scale : _gw_policy_default_scale;

    for (guint i = 0; parts[i]; i++)
      {
        const char *part = parts[i];
        gint start = -1, from = 0;

        /* Each renewal with the grades written before it (since the
         * previous one): 续签以评估结果为依据：合格以上的可续签. */
        for (g_regex_match (p->renew, part, 0, &info);
             !self->src[GW_POLICY_RENEWING_GRADES].set && g_match_info_matches (info);
             g_match_info_next (info, NULL))
          {
            gint end = 0;
            g_autofree char *before = NULL;
            g_auto(GStrv) grades = NULL;

            g_match_info_fetch_pos (info, 0, &start, &end);
            before = g_strndup (part + from, start - from);
            grades = grades_in (before, scale);
            from = end;
            if (grades[0])
              {
                self->renewing_grades = g_steal_pointer (&grades);
                record (self, GW_POLICY_RENEWING_GRADES, s);
              }
          }
        g_clear_pointer (&info, g_match_info_free);

        if (!self->src[GW_POLICY_ON_FAIL].set && g_regex_match (p->fail, part, 0, &info))
          {
            gint end = 0;
            const char *after;
            const char *value = NULL;

            g_match_info_fetch_pos (info, 0, NULL, &end);
            after = part + end;
            /* A consequence, not the name of the grade in a scale. */
            if (g_regex_match (p->reprocure, after, 0, NULL))
              value = "reprocure";
            else if (g_regex_match (p->rectify, after, 0, NULL))
              value = "rectify";
            else if (g_regex_match (p->terminate, after, 0, NULL))
              value = "terminate";
            if (value)
              {
                self->on_fail = g_strdup (value);
                record (self, GW_POLICY_ON_FAIL, s);
              }
          }
        g_clear_pointer (&info, g_match_info_free);
      }
  }

  if (!self->src[GW_POLICY_PRICE_WEIGHT_RANGE].set && g_regex_match (p->price, text, 0, NULL))
    {
      if (g_regex_match (p->price_range, text, 0, &info))
        {
          g_autofree char *lo_text = NULL, *hi_text = NULL;
          double lo, hi;

          for (int g = 1; g <= 5 && lo_text == NULL; g += 2)
            {
              lo_text = match_string (info, g);
              if (lo_text)
                hi_text = match_string (info, g + 1);
            }
          lo = lo_text ? read_number (lo_text) : -1;
          hi = hi_text ? read_number (hi_text) : -1;
          if (lo >= 0 && hi >= lo && hi <= 100)
            {
              self->price_lower = lo;
              self->price_upper = hi;
              record (self, GW_POLICY_PRICE_WEIGHT_RANGE, s);
            }
        }
      else
        {
          g_clear_pointer (&info, g_match_info_free);
          if (g_regex_match (p->price_one, text, 0, &info))
            {
              g_autofree char *a = match_string (info, 1);
              g_autofree char *b = match_string (info, 2);
              double v = read_number (a ? a : b);
              if (v >= 0 && v <= 100)
                {
                  self->price_lower = self->price_upper = v;
                  record (self, GW_POLICY_PRICE_WEIGHT_RANGE, s);
                }
            }
        }
      g_clear_pointer (&info, g_match_info_free);
    }

  /* The evaluator: a third party named anywhere is who evaluates (the
   * purchaser “organises”, the operator's self-assessment is an input);
   * the purchaser or the operator only when no third party is named. */
  if (!self->src[GW_POLICY_EVALUATOR].set &&
      (strstr (text, "评") != NULL || strstr (text, "考核") != NULL))
    {
      if (g_regex_match (p->third_party, text, 0, NULL))
        {
          g_free (self->evaluator);
          self->evaluator = g_strdup ("third-party");
          record (self, GW_POLICY_EVALUATOR, s);
        }
      else if (self->fallback_rank < 2 && g_regex_match (p->operator_self, text, 0, NULL))
        set_fallback (self, "operator", 2, s);
      else if (self->fallback_rank < 1 && g_regex_match (p->purchaser, text, 0, NULL))
        set_fallback (self, "purchaser", 1, s);
    }

  if (!self->src[GW_POLICY_GRADE_THRESHOLDS].set)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (_gw_policy_grade_free);

      for (g_regex_match (p->threshold, text, 0, &info); g_match_info_matches (info);
           g_match_info_next (info, NULL))
        {
          g_autofree char *n = g_match_info_fetch (info, 1);
          g_autofree char *name = g_match_info_fetch (info, 3);
          GwGrade *g = g_new0 (GwGrade, 1);
          g->name = g_steal_pointer (&name);
          g->min = read_number (n);
          g_ptr_array_add (found, g);
        }
      g_clear_pointer (&info, g_match_info_free);
      if (found->len >= 2)
        {
          self->thresholds = g_steal_pointer (&found);
          record (self, GW_POLICY_GRADE_THRESHOLDS, s);
        }
    }

  if (!self->src[GW_POLICY_FUNDING_IN_BUDGET].set && g_regex_match (p->budget, text, 0, NULL))
    {
      self->funding_in_budget = TRUE;
      record (self, GW_POLICY_FUNDING_IN_BUDGET, s);
    }
}

static gboolean
sentence_end (gunichar c)
{
  /* Not a line break: plain-text drafts break lines mid-phrase. */
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

GwPolicy *
gw_policy_extract (GwDocument *doc)
{
  GwPolicy *self;
  const char *title, *number;

  g_return_val_if_fail (GW_IS_DOCUMENT (doc), NULL);

  self = g_new0 (GwPolicy, 1);
  title = gw_document_get_meta (doc, GW_META_TITLE);
  number = gw_document_get_meta (doc, GW_META_DOC_NUMBER);
  self->title = title ? g_strdelimit (g_strdup (title), "\n", ' ') : g_strdup ("");
  /* A title broken over two lines reads as one. */
  if (title)
    {
      g_auto(GStrv) parts = g_strsplit (title, "\n", -1);
      g_free (self->title);
      self->title = g_strjoinv ("", parts);
    }
  self->doc_number = g_strdup (number ? number : "");

  for (guint i = 0; i < gw_document_get_n_blocks (doc); i++)
    {
      GwBlock *block = gw_document_get_block (doc, i);
      const char *text, *p, *start;
      guint offset = 0, start_offset = 0;

      if (gw_block_get_kind (block) != GW_BLOCK_PARAGRAPH &&
          gw_block_get_kind (block) != GW_BLOCK_HEADING)
        continue;
      text = gw_block_get_text (block);
      start = text;
      for (p = text;; p = g_utf8_next_char (p), offset++)
        {
          gunichar c = *p ? g_utf8_get_char (p) : 0;

          if (c == 0 || sentence_end (c))
            {
              const char *end = c == 0 ? p : g_utf8_next_char (p);
              guint end_offset = c == 0 ? offset : offset + 1;
              /* Leading blanks (全角 indent) are not the sentence. */
              while (start < end && (g_unichar_isspace (g_utf8_get_char (start)) ||
                                     g_utf8_get_char (start) == 0x3000))
                {
                  start = g_utf8_next_char (start);
                  start_offset++;
                }
              if (end > start)
                {
                  Sentence s = { block, (int) i, start, end - start, start_offset, end_offset - start_offset };
                  read_sentence (self, &s);
                }
              if (c == 0)
                break;
              start = g_utf8_next_char (p);
              start_offset = offset + 1;
            }
        }
    }

  if (!self->src[GW_POLICY_EVALUATOR].set && self->fallback_rank > 0)
    {
      self->src[GW_POLICY_EVALUATOR] = self->fallback;
      self->fallback = (Source) { 0 };
      self->evaluator = g_steal_pointer (&self->fallback_value);
    }

  /* Grades read before the opinion's scale was seen follow the default
   * scale; sort the thresholds highest first whatever order they came in. */
  if (self->thresholds)
    {
      for (guint i = 1; i < self->thresholds->len; i++)
        for (guint j = i; j > 0; j--)
          {
            GwGrade *a = self->thresholds->pdata[j - 1], *b = self->thresholds->pdata[j];
            if (a->min >= b->min)
              break;
            self->thresholds->pdata[j - 1] = b;
            self->thresholds->pdata[j] = a;
          }
    }
  return self;
}

/* ---- accessors ---------------------------------------------------------- */

gboolean
gw_policy_is_empty (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, TRUE);
  for (guint i = 0; i < GW_N_POLICY_PARAMS; i++)
    if (policy->src[i].set)
      return FALSE;
  return TRUE;
}

gboolean
gw_policy_has (GwPolicy      *policy,
               GwPolicyParam  param)
{
  g_return_val_if_fail (policy != NULL && param < GW_N_POLICY_PARAMS, FALSE);
  return policy->src[param].set;
}

guint
gw_policy_get_line (GwPolicy      *policy,
                    GwPolicyParam  param)
{
  g_return_val_if_fail (policy != NULL && param < GW_N_POLICY_PARAMS, 0);
  return policy->src[param].line;
}

int
gw_policy_get_block (GwPolicy      *policy,
                     GwPolicyParam  param,
                     guint         *offset,
                     guint         *length)
{
  g_return_val_if_fail (policy != NULL && param < GW_N_POLICY_PARAMS, -1);
  if (!policy->src[param].set)
    return -1;
  if (offset)
    *offset = policy->src[param].offset;
  if (length)
    *length = policy->src[param].length;
  return policy->src[param].block;
}

const char *
gw_policy_get_text (GwPolicy      *policy,
                    GwPolicyParam  param)
{
  g_return_val_if_fail (policy != NULL && param < GW_N_POLICY_PARAMS, NULL);
  return policy->src[param].text;
}

guint
gw_policy_get_cycle_years (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, 0);
  return policy->cycle_years;
}

gboolean
gw_policy_get_annual_signing (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, FALSE);
  return policy->annual_signing;
}

const char * const *
gw_policy_get_renewing_grades (GwPolicy *policy)
{
  static const char * const none[] = { NULL };
  g_return_val_if_fail (policy != NULL, none);
  return policy->renewing_grades ? (const char * const *) policy->renewing_grades : none;
}

const char *
gw_policy_get_on_fail (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, NULL);
  return policy->on_fail;
}

void
gw_policy_get_price_weight_range (GwPolicy *policy,
                                  double   *lower,
                                  double   *upper)
{
  g_return_if_fail (policy != NULL);
  if (lower)
    *lower = policy->price_lower;
  if (upper)
    *upper = policy->price_upper;
}

const char *
gw_policy_get_evaluator (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, NULL);
  return policy->evaluator;
}

GPtrArray *
gw_policy_get_grade_thresholds (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, NULL);
  return policy->thresholds;
}

gboolean
gw_policy_get_funding_in_budget (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, FALSE);
  return policy->funding_in_budget;
}

const char *
gw_policy_get_title (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, "");
  return policy->title;
}

const char *
gw_policy_get_doc_number (GwPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, "");
  return policy->doc_number;
}

/* Numbers go out without the locale: a whole number as an integer, else
 * with a point. */
static void
add_number (JsonBuilder *b,
            double       v)
{
  if (v == floor (v) && fabs (v) < 1e9)
    json_builder_add_int_value (b, (gint64) v);
  else
    json_builder_add_double_value (b, v);
}

static char *
format_number (double v)
{
  return gw_number_format (v, -1);
}

static const char *
on_fail_words (const char *value)
{
  if (g_strcmp0 (value, "reprocure") == 0)
    return _("not renewed; re-procured");
  if (g_strcmp0 (value, "rectify") == 0)
    return _("rectified, then continued");
  if (g_strcmp0 (value, "terminate") == 0)
    return _("contract ended");
  return value;
}

static const char *
evaluator_words (const char *value)
{
  if (g_strcmp0 (value, "third-party") == 0)
    return _("a third party");
  if (g_strcmp0 (value, "purchaser") == 0)
    return _("the purchaser itself");
  if (g_strcmp0 (value, "operator") == 0)
    return _("the operator itself");
  return value;
}

char *
gw_policy_describe_value (GwPolicy      *policy,
                          GwPolicyParam  param)
{
  g_return_val_if_fail (policy != NULL && param < GW_N_POLICY_PARAMS, NULL);
  if (!policy->src[param].set)
    return NULL;
  switch (param)
    {
    case GW_POLICY_CYCLE_YEARS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u-year cycle", "%u-year cycle", policy->cycle_years),
                              policy->cycle_years);
    case GW_POLICY_ANNUAL_SIGNING:
      return g_strdup (policy->annual_signing ? _("a contract each year") : _("one contract for the cycle"));
    case GW_POLICY_RENEWING_GRADES:
      return g_strjoinv ("、", policy->renewing_grades);
    case GW_POLICY_ON_FAIL:
      return g_strdup (on_fail_words (policy->on_fail));
    case GW_POLICY_PRICE_WEIGHT_RANGE:
      {
        g_autofree char *lo = format_number (policy->price_lower);
        g_autofree char *hi = format_number (policy->price_upper);
        if (policy->price_lower == policy->price_upper)
          return g_strdup_printf ("%s%%", lo);
        return g_strdup_printf ("%s%%–%s%%", lo, hi);
      }
    case GW_POLICY_EVALUATOR:
      return g_strdup (evaluator_words (policy->evaluator));
    case GW_POLICY_GRADE_THRESHOLDS:
      {
        GString *s = g_string_new (NULL);
        for (guint i = 0; i < policy->thresholds->len; i++)
          {
            GwGrade *g = policy->thresholds->pdata[i];
            g_autofree char *n = format_number (g->min);
            g_string_append_printf (s, "%s%s ≥ %s", i ? "，" : "", g->name, n);
          }
        return g_string_free (s, FALSE);
      }
    case GW_POLICY_FUNDING_IN_BUDGET:
      return g_strdup (policy->funding_in_budget ? _("in the budget") : _("not in the budget"));
    case GW_N_POLICY_PARAMS:
      break;
    }
  return NULL;
}

JsonNode *
gw_policy_to_json (GwPolicy *policy)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (policy != NULL, NULL);

  json_builder_begin_object (b);
  for (guint i = 0; i < GW_N_POLICY_PARAMS; i++)
    {
      if (!policy->src[i].set)
        continue;
      json_builder_set_member_name (b, keys[i]);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      switch ((GwPolicyParam) i)
        {
        case GW_POLICY_CYCLE_YEARS:
          json_builder_add_int_value (b, policy->cycle_years);
          break;
        case GW_POLICY_ANNUAL_SIGNING:
          json_builder_add_boolean_value (b, policy->annual_signing);
          break;
        case GW_POLICY_RENEWING_GRADES:
          json_builder_begin_array (b);
          for (guint k = 0; policy->renewing_grades[k]; k++)
            json_builder_add_string_value (b, policy->renewing_grades[k]);
          json_builder_end_array (b);
          break;
        case GW_POLICY_ON_FAIL:
          json_builder_add_string_value (b, policy->on_fail);
          break;
        case GW_POLICY_PRICE_WEIGHT_RANGE:
          json_builder_begin_array (b);
          add_number (b, policy->price_lower);
          add_number (b, policy->price_upper);
          json_builder_end_array (b);
          break;
        case GW_POLICY_EVALUATOR:
          json_builder_add_string_value (b, policy->evaluator);
          break;
        case GW_POLICY_GRADE_THRESHOLDS:
          json_builder_begin_object (b);
          for (guint k = 0; k < policy->thresholds->len; k++)
            {
              GwGrade *g = policy->thresholds->pdata[k];
              json_builder_set_member_name (b, g->name);
              add_number (b, g->min);
            }
          json_builder_end_object (b);
          break;
        case GW_POLICY_FUNDING_IN_BUDGET:
          json_builder_add_boolean_value (b, policy->funding_in_budget);
          break;
        case GW_N_POLICY_PARAMS:
          break;
        }
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, policy->src[i].line);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, policy->src[i].text);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
