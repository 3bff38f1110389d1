/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-evaluation.h"
#include "gw-policy.h"

G_BEGIN_DECLS

/* The form.against-opinion.* checks: an evaluation form against the policy
 * parameters of the opinion that governs it (issue 10). Each returns
 * GwFormIssue* (gw-form-checks.h) and the parameter it compared, whose
 * sentence is the finding's basis. */

const char * const *_gw_against_check_names (void);
gboolean            _gw_against_is_check    (const char    *name);
GPtrArray          *_gw_against_check       (const char    *name,
                                             GwEvaluation  *evaluation,
                                             GwPolicy      *policy,
                                             GwPolicyParam *param);
/* 《title》（number）: “sentence” — where the opinion says it. */
char               *_gw_against_basis       (GwPolicy      *policy,
                                             GwPolicyParam  param);

G_END_DECLS
