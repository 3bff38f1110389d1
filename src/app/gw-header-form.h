/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-document.h"

G_BEGIN_DECLS

/* The header and footer elements of an opinion as a form bound to the
 * document's properties, with a row per further organ for documents issued
 * jointly (联合行文). The editor shows it on its “Header and Footer” page. */

#define GW_TYPE_HEADER_FORM (gw_header_form_get_type ())
G_DECLARE_FINAL_TYPE (GwHeaderForm, gw_header_form, GW, HEADER_FORM, GtkWidget)

GwHeaderForm *gw_header_form_new          (void);
void          gw_header_form_set_document (GwHeaderForm *self,
                                           GwDocument   *doc);
/* Where the document is saved (NULL: not yet), recorded with a number taken
 * from the register; its owner keeps it current. */
void          gw_header_form_set_file     (GwHeaderForm *self,
                                           GFile        *file);
/* The row of a metadata element (AdwEntryRow): the lead organ's for the
 * organ mark and the signature. */
GtkWidget    *gw_header_form_get_meta_row (GwHeaderForm *self,
                                           GwMeta        meta);
/* Focuses and selects characters @offset..@offset+@length of @meta's value
 * (in the row of the organ they belong to); FALSE if no row shows @meta. */
gboolean      gw_header_form_select       (GwHeaderForm *self,
                                           GwMeta        meta,
                                           guint         offset,
                                           guint         length);

/* 取号: takes the next number of @code (of @organ; a new 代字 joins the
 * organ) for @year from the window's register and writes it into the
 * document. With @void_reason, the document's old number is voided first;
 * without, it stays as it is in the register. */
gboolean      gw_header_form_take_number  (GwHeaderForm  *self,
                                           const char    *organ,
                                           const char    *code,
                                           int            year,
                                           const char    *void_reason,
                                           GError       **error);
/* Opens the 取号 dialog (what the form's row does); NULL if the register
 * cannot be used (a message says why). */
GtkWidget    *gw_header_form_show_take_dialog (GwHeaderForm *self);

G_END_DECLS
