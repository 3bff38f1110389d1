/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-pdf.h"
#include "gw-round.h"

G_BEGIN_DECLS

/* The roll-up report of an evaluation round (汇总表) as PDF: an ordinary
 * GB/T 9704 document (title, the per-station table — landscape when it
 * needs the width —, grade distribution, stations to re-procure, forms
 * with errors, unreadable files) laid out by the same engine, followed by
 * pages holding a bar chart of every station's total split into its
 * section subtotals, drawn in greys with outlines and labels so that it
 * reads in black and white. @summary must have been finished. */

/* The document the report is laid out from (the chart aside). */
GwDocument *gw_summary_to_document (GwRoundSummary *summary);

GBytes     *gw_summary_render_pdf  (GwRenderer     *renderer,
                                    GwRoundSummary *summary,
                                    GError        **error);
/* Written beside @path under a temporary name and renamed over it. */
gboolean    gw_summary_export_pdf  (GwRenderer     *renderer,
                                    GwRoundSummary *summary,
                                    const char     *path,
                                    GError        **error);

/* Writes @summary to @path as PDF, CSV (UTF-8 with BOM) or .docx (the
 * report's tables through the Word writer; the chart stays in the PDF) by
 * its suffix; @renderer may be NULL but for PDF. Never leaves a
 * half-written file. */
gboolean    gw_summary_export      (GwRenderer     *renderer,
                                    GwRoundSummary *summary,
                                    const char     *path,
                                    GError        **error);

G_END_DECLS
