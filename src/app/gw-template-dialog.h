/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-template.h"

G_BEGIN_DECLS

/* New from a template: a form for the template's fields that explains each
 * one and validates as the person types; Create stays off until every field
 * is valid, then ::document-created hands the new document to whoever
 * opened the dialog (the window opens it in a new tab). @settings (may be
 * NULL) give the organ set in Preferences. */

#define GW_TYPE_TEMPLATE_DIALOG (gw_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwTemplateDialog, gw_template_dialog, GW, TEMPLATE_DIALOG, AdwWindow)

GwTemplateDialog *gw_template_dialog_new          (GtkWindow        *parent,
                                                   GSettings        *settings,
                                                   const char       *template_id);
GwTemplate       *gw_template_dialog_get_template (GwTemplateDialog *self);
void              gw_template_dialog_set_template (GwTemplateDialog *self,
                                                   const char       *template_id);
/* Sets a field's value as if typed (tests). */
void              gw_template_dialog_set_value    (GwTemplateDialog *self,
                                                   const char       *name,
                                                   const char       *value);
/* The message shown for a field, NULL when it is valid. */
const char       *gw_template_dialog_get_message  (GwTemplateDialog *self,
                                                   const char       *name);
GtkWidget        *gw_template_dialog_get_row      (GwTemplateDialog *self,
                                                   const char       *name);
gboolean          gw_template_dialog_is_valid     (GwTemplateDialog *self);
/* Whether the Create button can be pressed. */
gboolean          gw_template_dialog_can_create   (GwTemplateDialog *self);
/* Creates the document and emits ::document-created (what Create does);
 * FALSE if a field is invalid. */
gboolean          gw_template_dialog_create       (GwTemplateDialog *self);

G_END_DECLS
