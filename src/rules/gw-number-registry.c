/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-rules"

#include "config.h"

#include <string.h>

#include "gw-number-registry.h"
#include "gw-number-registry-private.h"

G_DEFINE_INTERFACE (GwNumberRegistry, gw_number_registry, G_TYPE_OBJECT)

static void
gw_number_registry_default_init (GwNumberRegistryInterface *iface)
{
}

void
gw_number_record_clear (GwNumberRecord *record)
{
  g_clear_pointer (&record->title, g_free);
  g_clear_pointer (&record->file, g_free);
  memset (record, 0, sizeof *record);
}

gboolean
gw_number_registry_lookup (GwNumberRegistry *self,
                           const char       *number,
                           GwNumberRecord   *record)
{
  g_return_val_if_fail (GW_IS_NUMBER_REGISTRY (self), FALSE);

  memset (record, 0, sizeof *record);
  return GW_NUMBER_REGISTRY_GET_IFACE (self)->lookup (self, number, record);
}

/* ---- the example register ------------------------------------------------
 * A rule pack's examples are verified without any database. Rules that read
 * a register are checked against this one, which docs/rule-packs.md lists:
 * 例民发〔2024〕1号 issued for 关于开展社工站建设的通知, 2号 void, 3号
 * reserved for 关于社工站年度评估的通知; next is 4号. */

#define GW_TYPE_EXAMPLE_REGISTRY (gw_example_registry_get_type ())
G_DECLARE_FINAL_TYPE (GwExampleRegistry, gw_example_registry, GW, EXAMPLE_REGISTRY, GObject)

struct _GwExampleRegistry
{
  GObject parent_instance;
};

static gboolean
example_lookup (GwNumberRegistry *registry,
                const char       *number,
                GwNumberRecord   *record)
{
  static const struct {
    const char             *number;
    GwNumberRegistryStatus  status;
    const char             *title;
  } rows[] = {
    { "例民发〔2024〕1号", GW_NUMBER_REGISTRY_ISSUED, "关于开展社工站建设的通知" },
    { "例民发〔2024〕2号", GW_NUMBER_REGISTRY_VOID, "" },
    { "例民发〔2024〕3号", GW_NUMBER_REGISTRY_RESERVED, "关于社工站年度评估的通知" },
  };
  const char *prefix = "例民发〔2024〕";
  const char *p;
  int seq = 0;

  if (!g_str_has_prefix (number, prefix))
    return FALSE;
  for (p = number + strlen (prefix); g_ascii_isdigit (*p); p++)
    seq = seq * 10 + (*p - '0');
  if (seq <= 0 || strcmp (p, "号") != 0)
    return FALSE;
  record->seq = seq;
  record->next_seq = 4;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (strcmp (rows[i].number, number) == 0)
      {
        record->found = TRUE;
        record->status = rows[i].status;
        record->title = g_strdup (rows[i].title);
      }
  return TRUE;
}

static void
gw_example_registry_iface_init (GwNumberRegistryInterface *iface)
{
  iface->lookup = example_lookup;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GwExampleRegistry, gw_example_registry, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GW_TYPE_NUMBER_REGISTRY,
                                                      gw_example_registry_iface_init))

static void
gw_example_registry_class_init (GwExampleRegistryClass *klass)
{
}

static void
gw_example_registry_init (GwExampleRegistry *self)
{
}

GwNumberRegistry *
_gw_number_registry_get_example (void)
{
  static GwNumberRegistry *example;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      example = g_object_new (GW_TYPE_EXAMPLE_REGISTRY, NULL);
      g_once_init_leave (&once, 1);
    }
  return example;
}
