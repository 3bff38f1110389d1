/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-finding.h"

G_BEGIN_DECLS

/* The side panel listing what the checker found: message, policy basis and
 * suggestion, filtered by severity. Activating a row emits
 * ::activate-finding; its Apply button emits ::apply-finding. */

#define GW_TYPE_FINDINGS_PANEL (gw_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (GwFindingsPanel, gw_findings_panel, GW, FINDINGS_PANEL, GtkWidget)

GwFindingsPanel *gw_findings_panel_new          (void);
void             gw_findings_panel_set_findings (GwFindingsPanel *self,
                                                 GListModel      *findings);
/* The findings shown under the current filter. */
GListModel      *gw_findings_panel_get_shown    (GwFindingsPanel *self);
/* -1 shows all; otherwise only findings of that GwSeverity. */
void             gw_findings_panel_set_filter   (GwFindingsPanel *self,
                                                 int              severity);
void             gw_findings_panel_set_checking (GwFindingsPanel *self,
                                                 gboolean         checking);

G_END_DECLS
