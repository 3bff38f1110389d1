/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-checker.h"
#include "gw-document.h"
#include "gw-number-registry.h"
#include "gw-policy.h"

G_BEGIN_DECLS

/* The opinion an evaluation form's header names (the field "opinion",
 * 依据的实施意见) and the form checked against it (issue 10,
 * docs/policy.md). The header holds either a path to the opinion's file,
 * relative to the form's own folder, or the opinion's 发文字号. A number
 * is looked for among the opinions the window has open, then in the
 * register of document numbers (a number issued with its file), then among
 * the recently used files. The window and the command line both resolve
 * through here; neither has a way of its own. */

#define GW_TYPE_OPINION_FINDER (gw_opinion_finder_get_type ())
G_DECLARE_FINAL_TYPE (GwOpinionFinder, gw_opinion_finder, GW, OPINION_FINDER, GObject)

/* A finder that looks in the desktop's recently used files
 * ($XDG_DATA_HOME/recently-used.xbel) and nowhere else yet. Set it up,
 * then use it from any thread. */
GwOpinionFinder *gw_opinion_finder_new          (void);
/* An opinion open in the window (the finder keeps a copy) and its file,
 * or NULL when unsaved. */
void        gw_opinion_finder_add_open          (GwOpinionFinder  *self,
                                                 GwDocument       *opinion,
                                                 const char       *path);
/* The register whose issued numbers carry their file; NULL for none. */
void        gw_opinion_finder_set_registry      (GwOpinionFinder  *self,
                                                 GwNumberRegistry *registry);
/* Another recently-used list (tests), or NULL to look in none. */
void        gw_opinion_finder_set_recent_file   (GwOpinionFinder  *self,
                                                 const char       *path);

/* The header's reference, trimmed, or NULL when @form names none. */
char       *gw_opinion_reference_get            (GwDocument       *form);
/* TRUE when @reference reads as a file (a folder separator, or the
 * extension of a format Gongwen reads) rather than a document number. */
gboolean    gw_opinion_reference_is_path        (const char       *reference);
/* What a form in @form_dir writes to name the opinion at @opinion_path:
 * the path relative to the folder (with ../ where needed). */
char       *gw_opinion_reference_for_path       (const char       *form_dir,
                                                 const char       *opinion_path);

/* The policy of the opinion @reference names, for a form read from
 * @form_path (NULL: relative paths are taken from the current folder).
 * G_IO_ERROR_NOT_FOUND, with a translated message naming the form and the
 * reference, when no opinion answers to it; an opinion that states no
 * parameter is an error too (GW_ERROR_INVALID): nothing to check against. */
GwPolicy   *gw_opinion_finder_resolve           (GwOpinionFinder  *self,
                                                 const char       *reference,
                                                 const char       *form_path,
                                                 GError          **error);

/* Checks @form as gw_checker_check() does and, when its header names its
 * opinion, against that opinion's policy (the form.against-opinion.*
 * rules). When the opinion cannot be found or states nothing, the
 * findings end with a check.incomplete error naming the reference (a form
 * is never reported clean against nothing) and @error says why; the
 * findings are returned all the same. */
GListModel *gw_opinion_finder_check             (GwOpinionFinder  *self,
                                                 GwChecker        *checker,
                                                 GwDocument       *form,
                                                 const char       *form_path,
                                                 GError          **error);
/* The same in a worker thread on a copy of @form; the window calls this.
 * The finish returns the findings (an unresolved opinion is among them). */
void        gw_opinion_finder_check_async       (GwOpinionFinder     *self,
                                                 GwChecker           *checker,
                                                 GwDocument          *form,
                                                 const char          *form_path,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GListModel *gw_opinion_finder_check_finish      (GwOpinionFinder     *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
