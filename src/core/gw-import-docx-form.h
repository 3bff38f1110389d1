/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* Evaluation forms travel as Word files: the bureau sends a blank or partly
 * filled form as .docx (the writer of src/render), a third-party evaluator
 * scores it in Word or WPS and sends it back, and this reads the scores
 * into the form the bureau holds.
 *
 * @base is that form (an evaluation document: the .gwdoc that was sent, or
 * a fresh instance of the template). The result is a copy of it with what
 * the file says: header fields, every indicator row's self-score, score,
 * scorer and comment (rows matched by id and name; by name alone when the
 * id was changed), the veto ticks (matched by text; a cell holding √ ✓ ✔
 * ☑ × x X 是 or 有 is ticked, an empty one or 否/无 is not), the grade and
 * decision as stated (and a written reason), a subtotal or total written
 * differently from the computed one as stated, the sign-off.
 *
 * @report (optional) receives one translated line for each thing that was
 * not read: a row whose indicator the form does not have, an indicator of
 * the form no row gives, a score that is not a number, a veto item not on
 * the form. Nothing is guessed: what is not matched is left as in @base.
 *
 * Errors: those of the .docx package layer; GW_ERROR_PARSE when the file
 * holds no indicator table (not an evaluation form); GW_ERROR_INVALID when
 * @base is not an evaluation form. */
GwDocument *gw_import_docx_form       (GwDocument   *base,
                                       GBytes       *bytes,
                                       const char   *display_name,
                                       GPtrArray   **report,
                                       GError      **error);

GwDocument *gw_import_docx_form_file  (GwDocument   *base,
                                       const char   *path,
                                       GPtrArray   **report,
                                       GError      **error);

G_END_DECLS
