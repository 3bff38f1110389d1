/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include "gw-checker.h"
#include "gw-import-text.h"
#include "gw-rule-private.h"

/* How long the full shipped packs take over opinions of 1, 10, 100 and 1000
 * pages (about 616 characters a page, the GB/T 9704 page of 22 lines of 28
 * characters). Not a test: it prints milliseconds per check and MB/s so
 * the window's check-on-every-keystroke budget can be watched. Target:
 * 100 pages under 10 ms, growing linearly. */

#define CHARS_PER_PAGE 616

static const char *paragraphs[] = {
  "为加快构建县、乡镇（街道）、村（社区）三级社会工作服务体系，创新推进“五社联动”，根据《政府购买服务管理办法》（财政部令第102号）等文件精神，结合实际，提出如下意见。",
  "乡镇（街道）社工站依托便民服务中心设立，配备不少于2名专职社工，村（社区）社工室由社工站社工定期驻点开展服务，就近为群众提供帮助。",
  "按照政府采购法律法规，采用公开招标或竞争性磋商方式确定承接机构，实行综合评分法，价格分值占总分值的比重为15%，重点考察服务能力、专业团队和以往评估结果，不得仅以价低者得确定承接机构。",
  "项目预算以人力成本为主要核算依据，人员经费（含薪酬、社会保险）不低于项目经费的60%，不得以压缩社工薪酬的方式降低报价。",
  "项目以三年为一个服务周期，周期内一年一签。承接机构不得将服务项目转包；确需分包的，须经采购人同意并在合同中载明。",
  "由购买主体委托第三方评估机构，会同服务对象和村（社区）对承接机构开展年度评估，承接机构自评作为参考。",
  "年度评估结果为优秀、良好或合格的，续签下一年度合同；评估不合格的，不予续签，按照政府采购程序重新确定承接机构。",
  "社工站聚焦困难群众和特殊群体，开展政策宣传、需求评估、个案帮扶、心理疏导和资源链接等服务，每年开展个案服务不少于20个、小组活动不少于10个。",
  "县财政将社工站建设和运营经费纳入年度财政预算，统筹社会救助、养老服务、儿童福利等民政资金，引导慈善资源参与，项目资金按合同约定分期拨付。",
};

static char *
make_opinion (guint pages)
{
  GString *s = g_string_new (NULL);
  guint target = pages * CHARS_PER_PAGE;
  guint chars = 0, i = 0, section = 0, sub = 0;
  static const char *cn[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

  g_string_append (s, "凤川县人民政府办公室文件\n\n凤政办发〔2024〕8号\n\n"
                      "关于推进乡镇（街道）社工站建设和管理服务的实施意见\n\n"
                      "各乡镇人民政府、街道办事处，县政府各工作部门：\n\n");
  while (chars < target)
    {
      const char *p = paragraphs[i % G_N_ELEMENTS (paragraphs)];
      if (i % 12 == 0)
        {
          /* headings keep a valid sequence: 一 … 十, 十一 … */
          g_autofree char *num = NULL;
          section++;
          sub = 0;
          if (section <= 10)
            num = g_strdup (cn[section - 1]);
          else if (section < 20)
            num = g_strconcat ("十", cn[section % 10 == 0 ? 9 : section % 10 - 1], NULL);
          else
            num = g_strdup (cn[0]);
          if (section > 19)
            section = 0;
          g_string_append_printf (s, "%s、工作要求\n\n", num);
        }
      if (i % 3 == 0 && sub < 9)
        {
          g_string_append_printf (s, "　　（%s）重点任务。", cn[sub++]);
          chars += 7;
        }
      else
        g_string_append (s, "　　");
      g_string_append (s, p);
      g_string_append (s, "\n\n");
      chars += g_utf8_strlen (p, -1);
      i++;
    }
  g_string_append (s, "凤川县人民政府办公室\n2024年3月12日\n");
  return g_string_free (s, FALSE);
}

/* CPU time of this thread: on a loaded machine wall time mostly measures
 * the other processes. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1, 10, 100, 1000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GwChecker) checker = NULL;
  gint64 t0;

  setlocale (LC_ALL, "");
  /* --no-prefilter: every pattern over the whole draft, for comparison */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--no-prefilter"))
      _gw_prefilter_set_enabled (FALSE);
  t0 = g_get_monotonic_time ();
  checker = gw_checker_new_default (&error);
  g_assert_no_error (error);
  g_print ("# loading the shipped packs (with their examples): %.1f ms\n",
           (g_get_monotonic_time () - t0) / 1000.0);
  g_print ("# %6s %10s %10s %10s %10s %10s %10s\n", "pages", "chars", "bytes", "wall ms",
           "cpu ms", "MB/s(cpu)", "findings");

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      guint pages = sizes[k];
      g_autofree char *text = make_opinion (pages);
      gsize len = strlen (text);
      g_autoptr(GwDocument) doc = gw_import_text_data (text, len, "bench.txt", &error);
      guint reps = pages >= 1000 ? 5 : pages >= 100 ? 21 : 51;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
      guint n_findings = 0;
      double median, cpu_median;

      g_assert_no_error (error);
      for (guint r = 0; r < reps; r++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_ms ();
          g_autoptr(GListModel) findings = gw_checker_check (checker, doc);
          double ms = (g_get_monotonic_time () - start) / 1000.0;
          double cms = cpu_ms () - cpu_start;

          g_array_append_val (times, ms);
          g_array_append_val (cpu, cms);
          n_findings = g_list_model_get_n_items (findings);
        }
      g_array_sort (times, compare_doubles);
      g_array_sort (cpu, compare_doubles);
      median = g_array_index (times, double, reps / 2);
      cpu_median = g_array_index (cpu, double, reps / 2);
      g_print ("  %6u %10ld %10" G_GSIZE_FORMAT " %10.2f %10.2f %10.1f %10u\n", pages,
               g_utf8_strlen (text, -1), len, median, cpu_median,
               len / 1e6 / (cpu_median / 1000.0), n_findings);
    }

  /* Where the time goes: each rule alone over the largest document. */
  if (argc > 1 && g_strv_contains ((const char * const *) argv + 1, "--per-rule"))
    {
      g_autofree char *text = make_opinion (100);
      g_autoptr(GwDocument) doc = gw_import_text_data (text, strlen (text), "bench.txt", NULL);
      g_autoptr(GwCheckContext) ctx = NULL;
      GListModel *rules = gw_checker_get_rules (checker);

      t0 = g_get_monotonic_time ();
      ctx = _gw_check_context_new (doc, GW_DOCUMENT_KIND_OPINION, 1);
      g_print ("# 100 pages, preparing the text: %.2f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
      t0 = g_get_monotonic_time ();
      for (guint r = 0; r < 5; r++)
        {
          g_autoptr(GwPrefilterIndex) index = _gw_prefilter_index_new (ctx->text, ctx->len);
        }
      g_print ("# 100 pages, indexing it for the prefilters: %.2f ms\n",
               (g_get_monotonic_time () - t0) / 5000.0);
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(GwRule) rule = g_list_model_get_item (rules, i);
          g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
          gint64 start = g_get_monotonic_time ();

          for (guint r = 0; r < 5; r++)
            _gw_rule_check (rule, ctx, findings);
          g_print ("#   %-32s %8.2f ms\n", gw_rule_get_id (rule),
                   (g_get_monotonic_time () - start) / 5000.0);
        }
    }
  return 0;
}
