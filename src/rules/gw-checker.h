/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-document.h"
#include "gw-finding.h"
#include "gw-policy.h"
#include "gw-number-registry.h"
#include "gw-rule-pack.h"

G_BEGIN_DECLS

/* The checker: the active rule packs applied to a document. One GwChecker
 * may check many documents; gw_checker_check() does not modify the checker
 * and may be called from several threads at once. */

#define GW_TYPE_CHECKER (gw_checker_get_type ())
G_DECLARE_FINAL_TYPE (GwChecker, gw_checker, GW, CHECKER, GObject)

/* A checker with the shipped packs (built into the binary). */
GwChecker  *gw_checker_new_default      (GError     **error);
/* An empty checker, and the packs it is given one by one; @shipped marks the
 * pack's ids as the catalogue's, which no later pack may reuse. Add packs
 * before checking from other threads. */
GwChecker  *gw_checker_new              (void);
gboolean    gw_checker_add_pack         (GwChecker   *self,
                                         GwRulePack  *pack,
                                         gboolean     shipped,
                                         GError     **error);
/* Resource paths of the shipped packs, sorted (free with g_strfreev). */
char      **gw_checker_list_shipped_packs (void);
/* Adds a user's pack: new rules are added; "disable": [ids] switches shipped
 * ones off; a pack that redefines a shipped id is refused. */
gboolean    gw_checker_add_pack_file    (GwChecker   *self,
                                         const char  *path,
                                         GError     **error);
/* The active rules (GListModel of GwRule), for --list-rules and Preferences. */
GListModel *gw_checker_get_rules        (GwChecker   *self);

/* Checks @doc as its own kind. Findings sorted by position (metadata and
 * blocks in reading order), then by rule id. */
GListModel *gw_checker_check            (GwChecker   *self,
                                         GwDocument  *doc);
/* Checks @doc as @kind whatever its own kind (the command line's --kind). */
GListModel *gw_checker_check_as         (GwChecker      *self,
                                         GwDocument     *doc,
                                         GwDocumentKind  kind);
/* Checks the evaluation form @form against the parameters of the opinion
 * that governs it (the form.against-opinion.* rules; they are silent in
 * the other calls). The command line's --check --against=OPINION. */
GListModel *gw_checker_check_against    (GwChecker      *self,
                                         GwDocument     *form,
                                         GwPolicy       *policy);
/* The same, off the main thread (GTask); the window calls this. The worker
 * checks a copy of @doc taken before this returns, so the caller may go on
 * editing. */
void        gw_checker_check_async      (GwChecker          *self,
                                         GwDocument         *doc,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
GListModel *gw_checker_check_finish     (GwChecker     *self,
                                         GAsyncResult  *result,
                                         GError       **error);

/* The office's register of document numbers for format.doc-number-register,
 * which is silent while there is none; NULL removes it. */
void        gw_checker_set_registry     (GwChecker        *self,
                                         GwNumberRegistry *registry);

/* Guesses the kind of a plain-text draft from its content. */
GwDocumentKind gw_checker_detect_kind   (GwDocument   *doc);

G_END_DECLS
