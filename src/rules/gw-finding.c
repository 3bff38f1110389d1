/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gw-finding"

#include "config.h"

#include "gw-finding.h"

struct _GwFinding
{
  GObject     parent_instance;

  char       *rule_id;
  GwSeverity  severity;
  char       *message;
  char       *basis;
  char       *excerpt;
  char       *suggestion;
  char       *replacement;
  int         block;
  int         meta;
  char       *target;
  guint       offset;
  guint       length;
  guint       line;
  guint       column;
};

G_DEFINE_TYPE (GwFinding, gw_finding, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GwSeverity, gw_severity,
  G_DEFINE_ENUM_VALUE (GW_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (GW_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (GW_SEVERITY_ERROR, "error"))

static const char *severity_names[] = { "info", "warning", "error" };

const char *
gw_severity_to_string (GwSeverity severity)
{
  g_return_val_if_fail (severity <= GW_SEVERITY_ERROR, NULL);
  return severity_names[severity];
}

gboolean
gw_severity_from_string (const char *str,
                         GwSeverity *severity)
{
  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++)
    if (g_strcmp0 (str, severity_names[i]) == 0)
      {
        if (severity)
          *severity = (GwSeverity) i;
        return TRUE;
      }
  return FALSE;
}

static void
gw_finding_finalize (GObject *object)
{
  GwFinding *self = GW_FINDING (object);

  g_free (self->rule_id);
  g_free (self->message);
  g_free (self->basis);
  g_free (self->excerpt);
  g_free (self->suggestion);
  g_free (self->replacement);
  g_free (self->target);

  G_OBJECT_CLASS (gw_finding_parent_class)->finalize (object);
}

static void
gw_finding_class_init (GwFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_finding_finalize;
}

static void
gw_finding_init (GwFinding *self)
{
  self->block = -1;
  self->meta = -1;
}

GwFinding *
gw_finding_new (const char *rule_id,
                GwSeverity  severity,
                const char *message)
{
  GwFinding *self;

  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (severity <= GW_SEVERITY_ERROR, NULL);

  self = g_object_new (GW_TYPE_FINDING, NULL);
  self->rule_id = g_strdup (rule_id);
  self->severity = severity;
  self->message = g_strdup (message ? message : "");
  return self;
}

#define GETTER(type, name, field, fallback) \
  type \
  gw_finding_get_##name (GwFinding *self) \
  { \
    g_return_val_if_fail (GW_IS_FINDING (self), fallback); \
    return self->field; \
  }

#define SETTER(name, field) \
  void \
  gw_finding_set_##name (GwFinding  *self, \
                         const char *value) \
  { \
    char *copy; \
    g_return_if_fail (GW_IS_FINDING (self)); \
    /* Copied first: @value may be the string this replaces. */ \
    copy = g_strdup (value); \
    g_free (self->field); \
    self->field = copy; \
  }

GETTER (const char *, rule_id, rule_id, NULL)
GETTER (GwSeverity, severity, severity, GW_SEVERITY_INFO)
GETTER (const char *, message, message, NULL)
GETTER (const char *, basis, basis, NULL)
GETTER (const char *, excerpt, excerpt, NULL)
GETTER (const char *, suggestion, suggestion, NULL)
GETTER (const char *, replacement, replacement, NULL)
GETTER (int, block, block, -1)
GETTER (int, meta, meta, -1)
GETTER (const char *, target, target, NULL)
GETTER (guint, offset, offset, 0)
GETTER (guint, length, length, 0)
GETTER (guint, line, line, 0)
GETTER (guint, column, column, 0)

SETTER (basis, basis)
SETTER (excerpt, excerpt)
SETTER (suggestion, suggestion)
SETTER (replacement, replacement)

void
gw_finding_set_place (GwFinding  *self,
                      int         block,
                      int         meta,
                      const char *target,
                      guint       offset,
                      guint       length)
{
  g_return_if_fail (GW_IS_FINDING (self));

  self->block = block;
  self->meta = meta;
  {
    char *copy = g_strdup (target);
    g_free (self->target);
    self->target = copy;
  }
  self->offset = offset;
  self->length = length;
}

void
gw_finding_set_position (GwFinding *self,
                         guint      line,
                         guint      column)
{
  g_return_if_fail (GW_IS_FINDING (self));

  self->line = line;
  self->column = column;
}
