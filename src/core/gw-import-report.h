/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"

G_BEGIN_DECLS

/* What an import recognised and what it left out, so nothing is dropped
 * silently: the window shows it once after opening, `--check
 * --format=json` prints it as each file's "source". Kinds of dropped
 * content are short ids ("comments", "tracked-changes", "images",
 * "drawings", "footnotes", "fields"), counted. Recognised elements are
 * the GwMeta names (gw_meta_to_string()) of the header and closing
 * elements found, and a few structural ids ("headings", "tables",
 * "attachments", "automatic-numbering", "red-rule"). */

typedef struct _GwImportReport GwImportReport;

GwImportReport     *gw_import_report_new              (const char     *format);
GwImportReport     *gw_import_report_ref              (GwImportReport *report);
void                gw_import_report_unref            (GwImportReport *report);

/* "docx", "txt", "gwdoc" */
const char         *gw_import_report_get_format       (GwImportReport *report);
/* The format the user's file had when LibreOffice converted it ("doc",
 * "wps", "odt", "rtf"), or NULL. */
const char         *gw_import_report_get_converted_from (GwImportReport *report);
void                gw_import_report_set_converted_from (GwImportReport *report,
                                                         const char     *format);

void                gw_import_report_add_dropped      (GwImportReport *report,
                                                       const char     *kind,
                                                       guint           count);
guint               gw_import_report_get_dropped      (GwImportReport *report,
                                                       const char     *kind);
/* The kinds with a count above zero, in the order first dropped. */
const char * const *gw_import_report_get_dropped_kinds (GwImportReport *report);

void                gw_import_report_add_recognised   (GwImportReport *report,
                                                       const char     *what);
const char * const *gw_import_report_get_recognised   (GwImportReport *report);
gboolean            gw_import_report_has_recognised   (GwImportReport *report,
                                                       const char     *what);

/* Adds the metadata elements @doc holds and its headings, tables and
 * attachment pages to the recognised list. */
void                gw_import_report_recognise_document (GwImportReport *report,
                                                         GwDocument     *doc);

/* The report kept with a document by its importer, or NULL. */
GwImportReport     *gw_document_get_import_report     (GwDocument     *doc);
void                gw_document_set_import_report     (GwDocument     *doc,
                                                       GwImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwImportReport, gw_import_report_unref)

G_END_DECLS
