/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-clause"

#include "config.h"

#include <string.h>

#include "gw-clause-private.h"
#include "gw-check-context-private.h"

/* A clause is read once, the first time a trigger lands in it, and what it
 * means is kept with the check context: whole drafts have thousands of
 * clauses and triggers land in a handful. */

/* Negators and prohibitions. 不得拒绝/不得推诿 forbid refusing, which is
 * no negation of the practice that follows. */
#define NEGATORS \
  "(?:不能|不得|严禁|禁止|不应|不宜|不准|不许|不允许|不可|不该|切勿|不要)(?!拒绝|推诿|推辞|推脱|借故|无故|以任何理由)" \
  "|避免|杜绝|防止|不以|不搞|纠正|不采用|不实行|不采取|不再|反对|摒弃|摈弃|克服|扭转|取消" \
  "|不是|并非|而非|不作为|不将|不把|不单纯|不单|不光|不只|不仅仅|绝不|决不|不唯|不凭|不靠|不按|不依|不由(?!得)|不从|不向" \
  "|不会(?!不)|不因|不(?:纳入|列入|计入|参加|参与)|并不|" UNSUITED "|" NOT_NECESSARILY

/* Not suitable: a predicate of the subject before it as well (询价方式
 * 不适用于服务项目) as of what follows (服务项目不适用询价方式). */
#define UNSUITED "不适用|不适宜|不适合"
/* …and not necessarily: 报价最低者未必中标, 报价最低者不当然成为承接机构,
 * 报价最低的供应商并非当然中标. */
#define NOT_NECESSARILY "未必|(?:并)?不(?:一定|必然|当然|见得|等于|意味着|代表)|并非|" NOT_AS
/* …and not as: 价格因素不作为确定承接机构的决定性因素 */
#define NOT_AS "不(?:再)?(?:作为|当作|视为|成为|构成|是|属于)"

#define PROHIBITIONS \
  "(?:不得|严禁|禁止|不能|不应|不准|不许|不允许|不可)(?!拒绝|推诿|推辞|推脱|借故|无故|以任何理由拒绝)|杜绝|防止|避免"

/* Double negation: an obligation, not a negation. */
#define OBLIGATIONS "不得不|不能不|不可不|无不|不会不|非[^，。；！？\\n]{1,6}不可"

/* What a negator after the subject governs: 价格高低不应是…, 自评结果不得
 * 替代第三方评估, 价格不作为唯一依据. */
#define POST_GOVERNED "^\\s*(?:再|能|应|得|会|当然|必然|自然|自动|一定|就|便|直接|一律|必)?\\s*(?:是|作为|成为|为|当作|视为|替代|代替|取代|等同于|等于|意味着|代表|作|以|单独|决定)"

/* Problem words in the trigger's own clause (针对…低价中标的问题). */
/* 倾向, 偏向: a tendency named to correct it, not 倾向于 (prefers). */
#define PROBLEM_WORDS "问题|弊端|纠正|整治|乱象|误区|局面|惯性|老路|老办法|陋习|顽疾|偏差|歪风|怪象|(?:倾|偏)向(?!于)"

/* Framing verbs whose object is the practice after them in the sentence. */
#define FRAMING_VERBS "扭转|破除|告别|摒弃|摈弃|革除|根治|遏制|纠正|整治|改变|改掉|废止|废除|叫停|清理|克服|打破|走出|跳出|摆脱"

/* A later clause that ends or rejects the practice named before it. */
#define FRAMING_AFTER \
  "(?:问题|现象|做法|情况|弊端|局面|惯性|老路|老办法|办法|方式|模式|行为|惯例|规定)[^。；！？\\n]{0,10}?" \
  "(?:已经|已被|已全部|均已|已|须|要|应|必须|应当|一律|立即|坚决|予以|彻底|全部)[^。；！？\\n]{0,4}?" \
  "(?:整改|纠正|取消|废止|停止|杜绝|不再沿用|不再采用|不再使用|不再执行|清理|叫停|禁止|改正)" \
  "|(?:此类|这种|这类|这一|该|上述|以上|这些|类似|前述)(?:问题|现象|弊端|乱象)" \
  "|(?:其|这样做?的?|此举的?)(?:弊端|弊病|危害|缺陷|害处|坏处|问题在于)" \
  "|(?:此类|这种|这类|这一|该|上述|以上|这些|类似|前述)(?:做法|情况|行为|方式|办法|规定)" \
  "[^，。；！？\\n]{0,14}?(?:" STOP_VERBS "|整改|改正|整治)"

/* Words that deny what follows them closely: a lawful marker that is
 * denied is none (被直接交由…承接，未组织政府采购; 不再组织评估，由原承接
 * 机构继续履行). */
#define DENIALS \
  "(?:未|没有|不再|无需|无须|不必|不用|免于|免予|不经|未经|不需要?|缺少|缺乏|跳过|绕过|省去|省略|" \
  "不进行|不组织|不开展|不履行|不走|不搞|不通过|不采用|不实行|不另行|不另|不委托|不聘请|不引入|" \
  "不按|不依照|不执行|不适用|不启动)[^，。；！？\\n]{0,4}$"

/* …or right after it: 年度评估结果不作为续签条件, 与评估结果不挂钩. */
#define DENIALS_AFTER \
  "^[^，。；！？\\n]{0,6}?(?:不作为|不再作为|不得作为|不是|并非|不再是|不挂钩|不与[^，。；！？\\n]{0,8}挂钩|不影响|" \
  "(?:仅仅|仅|只)(?:是|为)?(?:作为?|供|用于|当作)?[^，。；！？\\n]{0,4}参考)"

/* Where a negator's reach ends inside a clause: 不再组织专家评审而由报价
 * 最低的机构直接成交 negates the review, not the award; 财政不再安排资金
 * 而由承接机构自筹 does not deny the self-funding. A turn (而由, 而是,
 * 改由, 转为, 却, 但) starts what the clause affirms. 从而/进而/而且
 * carry the same statement on. */
/* A step denied, then the award made at once: 不再另行论证即以报价最低者
 *成交 negates the review, not the award. Not under a prohibition:
 * 严禁未经评审即以最低价成交 forbids the whole. */
#define STEP_TURNS \
  "(?:论证|评审|比较|比选|评议|评标|审核|审查|谈判|讨论|考察|打分|评分|磋商|评估|研究|核实)" \
  "[^，。；！？\\n]{0,8}?\\K(?:即|就|便|直接)"

#define BREAKERS \
  "(?<!从|进|因|继|故|然|反)而(?=由|是|改|以|直接|采用|实行|按|仅|只|将|让|交|转|应|要|须|需|必须|一律|统一)" \
  "|改由|转由|改为|转为|反而|却|但是?"

/* Verbs that end or reject the practice named before them, when they
 * close the clause (the practice is their object): …做法，自即日起停止
 * 执行; 借调社工的，要在月底前全部清理纠正. 责令纠正 is the operator's
 * remedy, not a rejection of the practice. */
#define STOP_VERBS \
  "(?:停止|暂停)(?:执行|实施|使用|采用|实行)?|终止(?:执行|实施|使用|采用|实行)|废止|废除|作废|失效|" \
  "一律无效|取消|叫停|(?<!责令|限期)纠正|清理|清退|清除|撤销|禁止|杜绝|摒弃|摈弃|根除|根治|停用|" \
  "不再(?:执行|实行|采用|沿用|使用|保留|允许|采纳)|不得(?:再)?(?:执行|采用|沿用|使用|实行)|" \
  "(?:予以|加以)(?:规范|纠正|清理|取消|废止|撤销|制止|禁止|整治)|应予(?:废止|取消|纠正|清理|撤销)|" \
  "(?:已|已经)?不(?:再)?符合[^，。；！？\\n]{0,8}(?:要求|规定|精神|政策|法律|法规)|" \
  "违反[^，。；！？\\n]{0,12}(?:规定|要求|法|办法|精神)|属于?违规(?:行为|做法)?|不可取|不合规|" \
  "(?:严肃|从严|依法依规|依规依纪)(?:查处|处理)|追究[^，。；！？\\n]{0,8}责任|问责"
#define STOP_END "(?:" STOP_VERBS ")(?:执行|实施|处理|到位|完毕)?[\"”]?$"

/* A later clause that drops what the sentence said before it, from now
 * on: …，其弊端在于…，今后各地不再采用. */
#define DROPPED \
  "(?:^|[，；])\\s*(?:今后|此后|以后|往后|从今以后|自即日起|即日起|从即日起|从今年起|自今年起|下一步)" \
  "[^，。；！？\\n]{0,10}?(?:" STOP_VERBS ")(?:执行|实施|处理|到位|完毕)?[\"”]?(?=[，。；！？\\n]|$)"

/* A later clause that puts a new rule in place of the past practice
 * named before it, from now on: 以往个别项目到期后"自动顺延"，今后一律以
 * 年度评估结果作为是否续签的依据. Not one that carries it on (今后继续…). */
#define REPLACED_FROM_NOW \
  "(?:^|[，；])\\s*(?:今后|此后|以后|往后|从今以后|自即日起|即日起|从即日起|从今年起|自今年起|下一步)" \
  "(?![^，。；！？\\n]{0,8}?(?:继续|仍|照此|照旧|照常|沿用|延续|保持|同样|也))" \
  "[^，。；！？\\n]{0,8}?(?:一律|统一|均应|均须|改为|改由|改按|必须|严格)"

/* A clause that is nothing but such a rejection: a few words of time,
 * manner or modality, then the verb. */
#define REJECTION "^[^，。；！？\\n]{0,16}?" STOP_END

/* …or the practice and its rejection in one clause: …的做法自即日起停止
 * 执行. */
#define REJECTED_IN_CLAUSE \
  "(?:做法|作法|现象|问题|情况|情形|行为|方式|模式|规定|办法|惯例|条款|约定)[\"”]?(?:等)?" \
  "[^，。；！？\\n]{0,12}?" STOP_END

/* …or a clause that ends by condemning what it says: 合同一次签订五年是不
 * 允许的, …属于违规行为. */
#define CONDEMNED_AT_END \
  "(?:不允许|不被允许|不能允许|错误|违规|违法|不可取|不合规|不妥)(?:的)?(?:做法|行为)?[\"”]?$"

/* What stands between a negator and a number when the number is a bound,
 * not the thing negated: 不得少于五年 sets five years as the floor. */
#define BOUND_WORDS "超过|超出|多于|少于|低于|高于|短于|长于|小于|大于|不足|不到|不满|改为|以上|以下"

#define PAST_MARKERS "过去|以往|此前|曾经|原来|以前|一度|前些年|长期以来"
/* 不再 counts when it drops a practice (不再沿用), not when it denies
 * what follows it: 此前…成效较好，…不再另行组织采购 names a past merit.
 * A bare 不再 after a clause that names a past practice still drops it
 * (过去实行价低者得，今后不再以价格为唯一标准): see read_clause (). */
#define PAST_PROBLEMS \
  "问题|弊端|现象|整改|纠正|不再(?:采用|沿用|使用|执行|实行|允许|保留|采纳|这样|如此)|已经|已被|偏差"

#define SOLE_WORDS "唯一|仅仅|仅以|仅凭|仅按|仅看|只以|只凭|只按|只看|只比|完全(?:以|凭|按|由|取决|看|靠|依)|全看|全靠|决定性|单纯|全凭|一律以|就定|便定|就选|便选|就用|就给" \
  "|" SOLE_BY_EXCLUSION

/* …or everything else shut out: 除投标报价外不再考虑其他任何因素, 其他因素
 * 一律不予考虑, 不考虑报价以外的因素. */
#define NOT_WEIGHED "(?:均|一概|一律|都|概)?不(?:再|予|作)?(?:考虑|考察|评价|比较|看|计|评审|评分|打分|比)"
#define SOLE_BY_EXCLUSION \
  "除[^，。；！？\\n]{0,12}(?:外|以外|之外)[^，。；！？\\n]{0,6}?" NOT_WEIGHED \
  "|(?:其他|其余)(?:任何)?(?:的)?(?:因素|条件|方面|内容)[^，。；！？\\n]{0,4}?" NOT_WEIGHED \
  "|不(?:再)?(?:考虑|评价|比较|看)[^，。；！？\\n]{0,10}(?:以外|之外)"
#define ONE_OF_WORDS "之一|综合|兼顾|结合|统筹|并重|多方面|等因素|同时考虑|也要|更要|更注重"

/* The clause reader's regexes, and for each the words one of which every
 * match holds, by their first one or two characters (a match of NEGATORS
 * starts with 不能, 不得 … or 避免 …). A clause is scanned once for these
 * and a regex runs only where one of its keys stands: the call into the
 * engine costs more than the scan, and most clauses hold 不 but no 不得. */
enum {
  RX_NEGATORS, RX_PROHIBITIONS, RX_OBLIGATIONS, RX_PROBLEM_WORDS, RX_FRAMING_VERBS,
  RX_FRAMING_AFTER, RX_PAST, RX_PAST_PROBLEMS, RX_SOLE, RX_ONE_OF, RX_BREAKERS,
  RX_REJECTED_IN_CLAUSE, RX_REJECTION, RX_FRAMING_HERE, RX_CONDEMNED,
  RX_POST_GOVERNED, RX_DENIALS, RX_DENIALS_AFTER, RX_BOUND_WORDS, RX_DROPPED,
  RX_STEP_TURNS, RX_REPLACED_FROM_NOW, RX_PREDICATE_NEGATORS, N_RX
};

#define FRAMING_VERB_KEYS \
  "扭转 破除 告别 摒弃 摈弃 革除 根治 遏制 纠正 整治 改变 改掉 废止 废除 叫停 清理 克服 打破 走出 跳出 摆脱"
#define PRACTICE_KEYS "做法 作法 现象 问题 情况 情形 行为 方式 模式 规定 办法 惯例 条款 约定"

static const struct {
  const char *pattern;
  const char *keys;     /* space-separated, one or two characters; NULL: always run */
} patterns[N_RX] = {
  [RX_NEGATORS] = { NEGATORS,
    "不能 不得 严禁 禁止 不应 不宜 不准 不许 不允 不可 不该 切勿 不要 避免 杜绝 防止 不以 不搞 纠正 "
    "不采 不实 不再 反对 摒弃 摈弃 克服 扭转 取消 不是 并非 而非 不作 不将 不把 不单 不光 不只 不仅 "
    "绝不 决不 不唯 不凭 不靠 不按 不依 不由 不从 不向 不会 不因 不纳 不列 不计 不参 不适 并不 未必 不一 "
    "不必 不当 不见 不等 不意 不代 不属" },
  [RX_PROHIBITIONS] = { PROHIBITIONS, "不得 严禁 禁止 不能 不应 不准 不许 不允 不可 杜绝 防止 避免" },
  /* 不得不 holds 得不, 非…不可 holds 不可 */
  [RX_OBLIGATIONS] = { OBLIGATIONS, "得不 能不 可不 无不 会不 不可" },
  [RX_PROBLEM_WORDS] = { PROBLEM_WORDS,
    "问题 弊端 纠正 整治 乱象 误区 局面 惯性 老路 老办 陋习 顽疾 偏差 歪风 怪象 倾向 偏向" },
  [RX_FRAMING_VERBS] = { FRAMING_VERBS, FRAMING_VERB_KEYS },
  [RX_FRAMING_AFTER] = { FRAMING_AFTER,
    "问题 现象 做法 情况 弊端 局面 惯性 老路 老办 办法 方式 模式 行为 惯例 规定 "
    "此类 这种 这类 这一 上述 以上 这些 类似 前述 该问 该现 该弊 该乱 该做 该情 该行 该方 该办 该规 "
    "其弊 其危 其缺 其害 其坏 其问 这样 此举" },
  [RX_PAST] = { PAST_MARKERS, "过去 以往 此前 曾经 原来 以前 一度 前些 长期" },
  [RX_PAST_PROBLEMS] = { PAST_PROBLEMS, "问题 弊端 现象 整改 纠正 不再 已经 已被 偏差" },
  [RX_SOLE] = { SOLE_WORDS,
    "唯一 仅仅 仅以 仅凭 仅按 仅看 只以 只凭 只按 只看 只比 完全 决定 单纯 全凭 全看 全靠 一律 就定 便定 就选 "
    "便选 就用 就给 除 其他 其余 不考 不再 不评 不比 不看" },
  [RX_ONE_OF] = { ONE_OF_WORDS, "之一 综合 兼顾 结合 统筹 并重 多方 等因 同时 也要 更要 更注" },
  [RX_BREAKERS] = { BREAKERS,
    "而由 而是 而改 而以 而直 而采 而实 而按 而仅 而只 而将 而让 而交 而转 而应 而要 而须 而需 而必 "
    "而一 而统 改由 转由 改为 转为 反而 却 但" },
  [RX_REJECTED_IN_CLAUSE] = { REJECTED_IN_CLAUSE, PRACTICE_KEYS },
  /* every match holds a stop verb */
  [RX_REJECTION] = { REJECTION,
    "停止 暂停 终止 废止 废除 作废 失效 一律 取消 叫停 纠正 清理 清退 清除 撤销 禁止 杜绝 摒弃 摈弃 "
    "根除 根治 停用 不再 不得 予以 加以 应予 不符 违反 属于 属违 不可 不合 严肃 从严 依法 依规 追究 问责" },
  [RX_FRAMING_HERE] = { FRAMING_VERBS, FRAMING_VERB_KEYS },
  [RX_CONDEMNED] = { CONDEMNED_AT_END, "不允 不被 不能 错误 违规 违法 不可 不合 不妥" },
  /* the verb's first character, one of the first two after the negator */
  [RX_POST_GOVERNED] = { POST_GOVERNED, "是 作 成 为 当 视 替 代 取 等 以 单 决 必 自 一 就 便 直 意" },
  [RX_DENIALS] = { DENIALS,
    "未 没有 不再 无需 无须 不必 不用 免于 免予 不经 不需 缺少 缺乏 跳过 绕过 省去 省略 不进 不组 不开 "
    "不履 不走 不搞 不通 不采 不实 不另 不委 不聘 不引 不按 不依 不执 不适 不启" },
  [RX_DENIALS_AFTER] = { DENIALS_AFTER, "不作 不再 不得 不是 并非 不挂 不与 不影 参考" },
  [RX_BOUND_WORDS] = { BOUND_WORDS, NULL },
  [RX_DROPPED] = { DROPPED, "今后 此后 以后 往后 从今 即日 自今 下一" },
  /* the turn, rarer in a clause than the step verbs */
  [RX_STEP_TURNS] = { STEP_TURNS, "即 就 便 直接" },
  [RX_REPLACED_FROM_NOW] = { REPLACED_FROM_NOW, "今后 此后 以后 往后 从今 即日 自今 下一" },
  /* run on a negator's own words only */
  [RX_PREDICATE_NEGATORS] = { "^(?:" UNSUITED "|" NOT_NECESSARILY ")", NULL },
};

#define KEY_SLOTS 1024   /* a power of two, well above the keys' count */

typedef struct {
  GRegex  *rx[N_RX];
  guint64  key[KEY_SLOTS];    /* first << 32 | second character; a lone character as is */
  guint32  bits[KEY_SLOTS];
  /* which characters of the BMP are keys alone, or a key's first or
   * second: most characters are none, and two bit tests say so */
  guint8   alone[8192], first[8192], second[8192];
} Regexes;

#define BIT_SET(map, c) ((map)[(c) >> 3] |= 1 << ((c) & 7))
#define BIT_HAS(map, c) ((c) < 0x10000 && ((map)[(c) >> 3] >> ((c) & 7) & 1))

static GRegex *
make (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *r = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  if (r == NULL)
    g_error ("gw-clause: %s: %s", pattern, error->message);
  return r;
}

static inline guint
slot_of (guint64 key)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 54) & (KEY_SLOTS - 1);
}

static inline guint32
bits_of (const Regexes *r,
         guint64        key)
{
  for (guint slot = slot_of (key); r->key[slot] != 0; slot = (slot + 1) & (KEY_SLOTS - 1))
    if (r->key[slot] == key)
      return r->bits[slot];
  return 0;
}

static const Regexes *
regexes (void)
{
  static Regexes r;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < N_RX; i++)
        {
          g_auto(GStrv) keys = patterns[i].keys ? g_strsplit (patterns[i].keys, " ", -1) : NULL;

          r.rx[i] = make (patterns[i].pattern);
          for (guint k = 0; keys && keys[k]; k++)
            {
              gunichar a = g_utf8_get_char (keys[k]);
              const char *next = g_utf8_next_char (keys[k]);
              guint64 key = *next ? (guint64) a << 32 | g_utf8_get_char (next) : a;
              guint slot = slot_of (key);

              g_assert (*next == '\0' || *g_utf8_next_char (next) == '\0');
              g_assert (a < 0x10000 && (*next == '\0' || g_utf8_get_char (next) < 0x10000));
              if (*next)
                {
                  BIT_SET (r.first, a);
                  BIT_SET (r.second, g_utf8_get_char (next));
                }
              else
                BIT_SET (r.alone, a);
              while (r.key[slot] != 0 && r.key[slot] != key)
                slot = (slot + 1) & (KEY_SLOTS - 1);
              r.key[slot] = key;
              r.bits[slot] |= 1u << i;
            }
        }
      g_once_init_leave (&once, 1);
    }
  return &r;
}

/* The regexes (bits) whose keys stand in [start, end); every bit when the
 * prefilters are off, so a test can compare both ways. */
static guint32
keys_in (GwCheckContext *ctx,
         gsize           start,
         gsize           end)
{
  const Regexes *r = regexes ();
  const guchar *p = (const guchar *) ctx->text + start, *q = (const guchar *) ctx->text + end;
  guint32 bits = 0;
  gunichar prev = 0;

  if (!_gw_prefilter_get_enabled ())
    return G_MAXUINT32;
  while (p < q)
    {
      gunichar c;

      if (*p < 0x80)
        {
          prev = *p++;
          continue;
        }
      if ((*p & 0xF0) == 0xE0 && p + 2 < q)
        {
          c = (*p & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
          p += 3;
        }
      else
        {
          c = g_utf8_get_char_validated ((const char *) p, q - p);
          p = (const guchar *) g_utf8_next_char (p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              prev = 0;
              continue;
            }
        }
      if (BIT_HAS (r->alone, c))
        bits |= bits_of (r, c);
      if (BIT_HAS (r->second, c) && BIT_HAS (r->first, prev))
        bits |= bits_of (r, (guint64) prev << 32 | c);
      prev = c;
    }
  return bits;
}

#define HAS(bits, rx) (((bits) >> (rx)) & 1)

/* The arrays of a clause that holds none of a kind share one empty array:
 * most clauses hold no negator, and a clause is never changed once read. */
static GArray *
empty (void)
{
  static GArray *none;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      none = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_once_init_leave (&once, 1);
    }
  return none;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

static void
append (GArray **array,
        gsize    value)
{
  if (*array == empty ())
    *array = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (*array, value);
}

void
_gw_clause_free (gpointer data)
{
  GwClause *c = data;
  GArray **arrays[] = { &c->negators, &c->post_negators, &c->obligations, &c->breaks };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    if (*arrays[i] != empty ())
      g_array_unref (*arrays[i]);
  g_free (c);
}

/* Matches of @regex in [start, end) as byte pairs relative to the text. */
static void
each_match (GwCheckContext *ctx,
            GRegex         *regex,
            gsize           start,
            gsize           end,
            GArray         *out)
{
  g_autoptr(GMatchInfo) mi = NULL;

  if (end <= start)
    return;
  g_regex_match_full (regex, ctx->text + start, end - start, 0, 0, &mi, NULL);
  while (g_match_info_matches (mi))
    {
      int s, e;
      gsize pair[2];

      g_match_info_fetch_pos (mi, 0, &s, &e);
      pair[0] = start + s;
      pair[1] = start + e;
      g_array_append_vals (out, pair, 2);
      if (!g_match_info_next (mi, NULL))
        break;
    }
}

static gboolean
any_in (GwCheckContext *ctx,
        GRegex         *regex,
        gsize           start,
        gsize           end)
{
  if (end <= start)
    return FALSE;
  return g_regex_match_full (regex, ctx->text + start, end - start, 0, 0, NULL, NULL);
}

/* Whether [s, e) overlaps one of @pairs: 不得不按 holds no 不按. */
static gboolean
inside (GArray *pairs,
        gsize   s,
        gsize   e)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (s < g_array_index (pairs, gsize, i + 1) && e > g_array_index (pairs, gsize, i))
      return TRUE;
  return FALSE;
}

/* The end of the first @n characters after @pos (spaces skipped), before
 * @end. */
static gsize
after_chars (GwCheckContext *ctx,
             gsize           pos,
             gsize           end,
             guint           n)
{
  while (pos < end && n > 0)
    {
      if (!g_ascii_isspace (ctx->text[pos]))
        n--;
      pos = g_utf8_next_char (ctx->text + pos) - ctx->text;
    }
  return MIN (pos, end);
}

/* The segment of @c that @pos stands in: 0 up to the first turn (而由 …). */
static guint
segment_of (const GwClause *c,
            gsize           pos)
{
  guint i = 0;

  while (i < c->breaks->len && g_array_index (c->breaks, gsize, i) <= pos)
    i++;
  return i;
}

static gsize
segment_start (const GwClause *c,
               guint           seg)
{
  return seg == 0 ? c->start : g_array_index (c->breaks, gsize, seg - 1);
}

static gsize
segment_end (const GwClause *c,
             guint           seg)
{
  return seg < c->breaks->len ? g_array_index (c->breaks, gsize, seg) : c->end;
}

static void
mark_segments (GwClause *c,
               GArray   *pairs,
               guint     flag)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    c->seg_flags[MIN (segment_of (c, g_array_index (pairs, gsize, i)), GW_CLAUSE_MAX_SEGMENTS - 1)] |= flag;
}

/* Whether the clause [@cs, @ce) is a topic a later clause speaks of: it
 * ends on 的 or on a word for a practice (…参加机关值班的，…; …“谁报价低
 * 谁承接”做法，…). */
static gboolean
is_topic (GwCheckContext *ctx,
          gsize           cs,
          gsize           ce)
{
  static const char *ends[] = { "的", "做法", "作法", "现象", "问题", "情况", "情形", "行为", "方式",
                                "模式", "规定", "办法", "惯例", "条款", "约定", "倾向", "偏向", "等",
                                "条件", "门槛" };
  const char *t = ctx->text;

  while (ce > cs && t[ce - 1] == '"')
    ce--;
  /* 对于以低价中标后降低服务质量的承接机构，依法追究责任: what the
   * sanction after it is about */
  while (cs < ce && g_ascii_isspace (t[cs]))
    cs++;
  if (ce >= cs + strlen ("对于") && memcmp (t + cs, "对于", strlen ("对于")) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      gsize n = strlen (ends[i]);
      if (ce >= cs + n && memcmp (t + ce - n, ends[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A practice named as a topic and rejected by the clause after it, within
 * the sentence (a run of topics may share one rejection: …顶岗的，…值班
 * 的，一律清理纠正). */
static gboolean
rejected_after (GwCheckContext *ctx,
                gsize           cs,
                gsize           ce,
                gsize           se)
{
  const Regexes *r = regexes ();

  for (guint n = 0; n < 4 && is_topic (ctx, cs, ce) && ce < se; n++)
    {
      cs = ce + (ctx->text[ce] == '\n' ? 1 : 3);
      if (cs >= se)
        return FALSE;
      _gw_check_context_unit (ctx, cs, GW_WITHIN_CLAUSE, &cs, &ce);
      ce = MIN (ce, se);
      if (HAS (keys_in (ctx, cs, ce), RX_REJECTION) && any_in (ctx, r->rx[RX_REJECTION], cs, ce))
        return TRUE;
    }
  return FALSE;
}

/* Where the framing of what came before this clause ends: after the last
 * clause in [@ss, @cs) that is nothing but a rejection (…的倾向，此次予以
 * 纠正，今后一律以报价最低者中标). Such a clause closes the practice it
 * rejects; what follows it is newly ordered, not framed. */
static gsize
framing_start (GwCheckContext *ctx,
               gsize           ss,
               gsize           cs)
{
  const Regexes *r = regexes ();
  gsize from = ss, pos = ss;

  while (pos < cs)
    {
      gsize a, b;

      _gw_check_context_unit (ctx, pos, GW_WITHIN_CLAUSE, &a, &b);
      b = MIN (b, cs);
      if (b <= a)
        break;
      if (HAS (keys_in (ctx, a, b), RX_REJECTION) && any_in (ctx, r->rx[RX_REJECTION], a, b))
        from = b;
      pos = b + (ctx->text[b] == '\n' ? 1 : 3);
    }
  return from;
}

static GwClause *
read_clause (GwCheckContext *ctx,
             gsize           cs,
             gsize           ce,
             gsize           ss,
             gsize           se)
{
  const Regexes *r = regexes ();
  GwClause *c = g_new0 (GwClause, 1);
  GArray *obligations;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint32 before = keys_in (ctx, ss, cs), here = keys_in (ctx, cs, ce), after = keys_in (ctx, ce, se);

  c->start = cs;
  c->end = ce;
  c->sentence_start = ss;
  c->sentence_end = se;
  c->negators = c->post_negators = c->breaks = empty ();
  /* 不得不: filled before the negators, which skip its halves */
  c->obligations = obligations = HAS (here, RX_OBLIGATIONS) ? g_array_new (FALSE, FALSE, sizeof (gsize))
                                                            : empty ();

  /* Turns split the clause into segments, each read for itself. */
  if (HAS (here, RX_BREAKERS))
    {
      each_match (ctx, r->rx[RX_BREAKERS], cs, ce, found);
      for (guint i = 0; i + 1 < found->len && c->breaks->len + 1 < GW_CLAUSE_MAX_SEGMENTS; i += 2)
        {
          gsize s = g_array_index (found, gsize, i);

          /* 不会因为…而直接续签: the cause and its consequence are
           * negated together */
          if (strncmp (ctx->text + s, "而", strlen ("而")) == 0 &&
              (g_strstr_len (ctx->text + cs, s - cs, "因") != NULL ||
               g_strstr_len (ctx->text + cs, s - cs, "由于") != NULL))
            continue;
          append (&c->breaks, s);
        }
      g_array_set_size (found, 0);
    }
  /* only where a negator may stand before the turn */
  if (HAS (here, RX_STEP_TURNS) && HAS (here, RX_NEGATORS))
    {
      each_match (ctx, r->rx[RX_STEP_TURNS], cs, ce, found);
      for (guint i = 0; i + 1 < found->len && c->breaks->len + 1 < GW_CLAUSE_MAX_SEGMENTS; i += 2)
        {
          gsize s = g_array_index (found, gsize, i);

          if (HAS (keys_in (ctx, cs, s), RX_PROHIBITIONS) && any_in (ctx, r->rx[RX_PROHIBITIONS], cs, s))
            continue;
          append (&c->breaks, s);
        }
      g_array_set_size (found, 0);
      if (c->breaks != empty ())
        g_array_sort (c->breaks, compare_offsets);
    }

  if (obligations != empty ())
    each_match (ctx, r->rx[RX_OBLIGATIONS], cs, ce, obligations);
  if (obligations->len > 0)
    c->flags |= GW_CLAUSE_OBLIGATION;

  /* Negators, but not the halves of a double negation. A negator after
   * the subject governs it only within its segment. */
  if (HAS (here, RX_NEGATORS))
    each_match (ctx, r->rx[RX_NEGATORS], cs, ce, found);
  for (guint i = 0; i + 1 < found->len; i += 2)
    {
      gsize s = g_array_index (found, gsize, i), e = g_array_index (found, gsize, i + 1);

      if (inside (obligations, s, e))
        continue;
      append (&c->negators, s);
      append (&c->negators, e);
      /* A而不是B affirms A */
      if (any_in (ctx, r->rx[RX_PREDICATE_NEGATORS], s, segment_end (c, segment_of (c, s))) &&
          !(s >= c->start + 3 && memcmp (ctx->text + s - 3, "而", 3) == 0))
        append (&c->post_negators, s);
      else if (HAS (keys_in (ctx, e, after_chars (ctx, e, segment_end (c, segment_of (c, s)), 2)),
               RX_POST_GOVERNED) &&
          any_in (ctx, r->rx[RX_POST_GOVERNED], e, segment_end (c, segment_of (c, s))))
        append (&c->post_negators, s);
    }
  g_array_set_size (found, 0);
  if (HAS (here, RX_PROHIBITIONS))
    each_match (ctx, r->rx[RX_PROHIBITIONS], cs, ce, found);
  for (guint i = 0; i + 1 < found->len; i += 2)
    if (!inside (obligations, g_array_index (found, gsize, i), g_array_index (found, gsize, i + 1)))
      c->seg_flags[MIN (segment_of (c, g_array_index (found, gsize, i)), GW_CLAUSE_MAX_SEGMENTS - 1)] |=
        GW_CLAUSE_PROHIBITED;

  g_array_set_size (found, 0);
  if (HAS (here, RX_SOLE))
    each_match (ctx, r->rx[RX_SOLE], cs, ce, found);
  mark_segments (c, found, GW_CLAUSE_SOLE);
  g_array_set_size (found, 0);
  if (HAS (here, RX_ONE_OF))
    each_match (ctx, r->rx[RX_ONE_OF], cs, ce, found);
  mark_segments (c, found, GW_CLAUSE_ONE_OF);

  /* Framing: in the clause itself; a framing verb earlier in the sentence;
   * a later clause that ends or rejects what came before; a past
   * practice named with a problem word. */
  if ((HAS (before, RX_FRAMING_VERBS) || HAS (before, RX_PAST)) && HAS (before, RX_REJECTION))
    {
      gsize fs = framing_start (ctx, ss, cs);

      if (fs > ss)
        before = keys_in (ctx, fs, cs);
      ss = fs;
    }
  if (HAS (before, RX_FRAMING_VERBS) && any_in (ctx, r->rx[RX_FRAMING_VERBS], ss, cs))
    c->flags |= GW_CLAUSE_FRAMED;
  if ((HAS (here, RX_PROBLEM_WORDS) && any_in (ctx, r->rx[RX_PROBLEM_WORDS], cs, ce)) ||
      (HAS (here | after, RX_FRAMING_AFTER) && any_in (ctx, r->rx[RX_FRAMING_AFTER], cs, se)) ||
      (HAS (after, RX_DROPPED) && any_in (ctx, r->rx[RX_DROPPED], ce, se)) ||
      (HAS (before | here, RX_PAST) && HAS (before | here | after, RX_PAST_PROBLEMS) &&
       any_in (ctx, r->rx[RX_PAST], ss, ce) && any_in (ctx, r->rx[RX_PAST_PROBLEMS], ss, se)) ||
      (HAS (here, RX_PAST) && ce < se && g_strstr_len (ctx->text + ce, se - ce, "不再") != NULL &&
       any_in (ctx, r->rx[RX_PAST], cs, ce)) ||
      (HAS (here, RX_PAST) && HAS (after, RX_REPLACED_FROM_NOW) &&
       any_in (ctx, r->rx[RX_PAST], cs, ce) && any_in (ctx, r->rx[RX_REPLACED_FROM_NOW], ce, se)) ||
      (HAS (here, RX_REJECTED_IN_CLAUSE) && any_in (ctx, r->rx[RX_REJECTED_IN_CLAUSE], cs, ce)) ||
      (HAS (here, RX_CONDEMNED) && any_in (ctx, r->rx[RX_CONDEMNED], cs, ce)) ||
      (HAS (after, RX_REJECTION) && rejected_after (ctx, cs, ce, se)))
    {
      c->flags |= GW_CLAUSE_FRAMED;
      c->framed_here = TRUE;
    }
  /* A framing verb earlier in the clause frames what follows it:
   * 改变按价低者得确定承接机构的做法, 坚决叫停…. */
  c->framed_from = G_MAXSIZE;
  if (HAS (here, RX_FRAMING_HERE))
    {
      g_array_set_size (found, 0);
      each_match (ctx, r->rx[RX_FRAMING_HERE], cs, ce, found);
      if (found->len > 0)
        c->framed_from = g_array_index (found, gsize, 1);
    }
  return c;
}

const GwClause *
_gw_clause_at (GwCheckContext *ctx,
               gsize           pos)
{
  gsize cs, ce, ss, se;
  GwClause *c;

  _gw_check_context_unit (ctx, pos, GW_WITHIN_CLAUSE, &cs, &ce);
  if (ctx->clauses == NULL)
    ctx->clauses = g_hash_table_new_full (NULL, NULL, NULL, _gw_clause_free);
  c = g_hash_table_lookup (ctx->clauses, GSIZE_TO_POINTER (cs + 1));
  if (c == NULL)
    {
      _gw_check_context_unit (ctx, pos, GW_WITHIN_SENTENCE, &ss, &se);
      c = read_clause (ctx, cs, ce, ss, se);
      g_hash_table_insert (ctx->clauses, GSIZE_TO_POINTER (cs + 1), c);
    }
  return c;
}

/* The negator of @c that negates [@start, @end), or -1: one before it in
 * its segment, one after it that governs it, or 不 right before it. */
static gssize
negator_of (GwCheckContext *ctx,
            const GwClause *c,
            gsize           start,
            gsize           end)
{
  guint seg = segment_of (c, start);
  gsize from = segment_start (c, seg), to = segment_end (c, seg);

  for (guint i = 0; i + 1 < c->negators->len; i += 2)
    {
      gsize s = g_array_index (c->negators, gsize, i);
      if (s >= from && s < start)
        return s;
    }
  /* …also inside the match, when the pattern runs from the subject on
   * past it: 报价最低的机构未必中标 */
  for (guint i = 0; i < c->post_negators->len; i++)
    {
      gsize s = g_array_index (c->post_negators, gsize, i);
      if (s > start && s < to)
        return s;
    }
  /* 不 right before the verb the trigger starts on: 不纳入…管理. */
  if (start >= from + 3 && memcmp (ctx->text + start - 3, "不", 3) == 0 &&
      !inside (c->obligations, start - 3, start))
    return start - 3;
  return -1;
}

gboolean
_gw_clause_negates (GwCheckContext *ctx,
                    gsize           start,
                    gsize           end)
{
  return negator_of (ctx, _gw_clause_at (ctx, start), start, end) >= 0;
}

gboolean
_gw_clause_negates_amount (GwCheckContext *ctx,
                           gsize           start,
                           gsize           end)
{
  const GwClause *c = _gw_clause_at (ctx, start);
  gssize neg = negator_of (ctx, c, start, end);
  gsize from;

  /* named in order to be stopped: 过去五年一签的做法已经废止, 改变五年
   * 一签的做法. Not by a framing verb in another clause (破除唯价格论，
   * 价格权重为5%): that frames the practice, not this amount. */
  if (c->framed_here || start >= c->framed_from)
    return TRUE;
  /* only a negator before the amount: after it, 五年以上的合同不得签订
   * is read by the trigger rules, and 五年不变 is no negation */
  if (neg < 0 || (gsize) neg >= start)
    return FALSE;
  /* the negator's own end */
  from = neg + 3;
  for (guint i = 0; i + 1 < c->negators->len; i += 2)
    if (g_array_index (c->negators, gsize, i) == (gsize) neg)
      from = g_array_index (c->negators, gsize, i + 1);
  return !any_in (ctx, regexes ()->rx[RX_BOUND_WORDS], from, start);
}

gboolean
_gw_clause_denies (GwCheckContext *ctx,
                   gsize           start)
{
  const GwClause *c = _gw_clause_at (ctx, start);
  guint seg = segment_of (c, start);
  gsize first = segment_start (c, seg), from = start;

  /* up to a dozen characters back, within the segment */
  for (guint n = 0; n < 12 && from > first; n++)
    {
      from--;
      while (from > first && ((guchar) ctx->text[from] & 0xC0) == 0x80)
        from--;
    }
  if (HAS (keys_in (ctx, from, start), RX_DENIALS) &&
      any_in (ctx, regexes ()->rx[RX_DENIALS], from, start))
    return TRUE;
  return HAS (keys_in (ctx, start, segment_end (c, seg)), RX_DENIALS_AFTER) &&
         any_in (ctx, regexes ()->rx[RX_DENIALS_AFTER], start, segment_end (c, seg));
}

guint
_gw_clause_flags (GwCheckContext *ctx,
                  gsize           pos)
{
  const GwClause *c = _gw_clause_at (ctx, pos);

  return c->flags | c->seg_flags[MIN (segment_of (c, pos), GW_CLAUSE_MAX_SEGMENTS - 1)] |
         (pos >= c->framed_from ? GW_CLAUSE_FRAMED : 0);
}

gboolean
_gw_clause_flag_from_string (const char *name,
                             guint      *flag)
{
  static const struct { const char *name; guint flag; } names[] = {
    { "prohibition", GW_CLAUSE_PROHIBITED },
    { "problem", GW_CLAUSE_FRAMED },
    { "sole", GW_CLAUSE_SOLE },
    { "one-of", GW_CLAUSE_ONE_OF },
    { "obligation", GW_CLAUSE_OBLIGATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i].name) == 0)
      {
        *flag = names[i].flag;
        return TRUE;
      }
  return FALSE;
}
