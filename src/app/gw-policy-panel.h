/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-policy.h"

G_BEGIN_DECLS

/* The policy parameters an opinion states (gw-policy.h), shown beside the
 * findings: one row per parameter with its value; activating a row emits
 * ::activate-sentence with the block and the character range of the
 * sentence it was read from. Hidden when the opinion states none. */

#define GW_TYPE_POLICY_PANEL (gw_policy_panel_get_type ())
G_DECLARE_FINAL_TYPE (GwPolicyPanel, gw_policy_panel, GW, POLICY_PANEL, GtkBox)

GtkWidget *gw_policy_panel_new        (void);
/* Takes @policy (NULL clears the panel). */
void       gw_policy_panel_set_policy (GwPolicyPanel *self,
                                       GwPolicy      *policy);
GwPolicy  *gw_policy_panel_get_policy (GwPolicyPanel *self);
/* Activates the row of @param, as a click does (tests). */
gboolean   gw_policy_panel_activate   (GwPolicyPanel *self,
                                       GwPolicyParam  param);

G_END_DECLS
