/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-document.h"
#include "gw-finding.h"
#include "gw-number-registry.h"
#include "gw-policy.h"
#include "gw-prefilter.h"
#include "gw-rule-pack.h"
#include "gw-text.h"

G_BEGIN_DECLS

/* The floor of the rules layer: the document prepared once for all rules
 * (gw-check-context.c), read by the clause reader (gw-clause.c), the
 * matchers and the built-ins above it. The order of the layer is in
 * src/rules/meson.build. */

typedef enum {
  GW_WITHIN_CLAUSE,
  GW_WITHIN_SENTENCE,
  GW_WITHIN_PARAGRAPH,
  GW_WITHIN_SECTION,
  GW_WITHIN_DOCUMENT,
} GwWithin;

typedef struct _GwCheckContext GwCheckContext;

/* The document prepared once for all rules. */
struct _GwCheckContext
{
  GwDocument     *doc;
  GwDocumentKind  kind;
  gboolean        whole_opinion;  /* content that must be there is checked */
  guint           lang;           /* 0 zh_CN, 1 en */
  guint           n_blocks;
  GwBlock       **blocks;
  GwTextMap      *map;
  const char     *text;           /* normalised body */
  gsize           len;
  guint          *block_start;    /* byte in text where each block starts (n_blocks + 1) */
  guint          *block_orig;     /* original char offset of each block (n_blocks + 1) */
  GArray         *delims[3];      /* gsize: delimiter bytes per GwTextUnit */
  guint          *section_end;    /* per block: first block after its section */
  guint          *section_start;  /* per block: the heading block its section starts at */
  GwPrefilterIndex *prefilter;    /* built on first use (gw-matchers.c) */
  GHashTable     *clauses;        /* clause start + 1 → GwClause*, read on first use (gw-clause.c) */
  GwPolicy       *policy;         /* the governing opinion's parameters, or NULL (not owned) */

  /* A pattern the engine gave up on (match or depth limit, bad UTF-8):
   * the rule being run, and the first range it could not read, which
   * _gw_rule_check() turns into a check.incomplete finding. */
  GwRule         *incomplete_rule; /* the rule check.incomplete, when active */
  gboolean        failed;
  gsize           fail_start, fail_end;
  GwNumberRegistry *registry;     /* the office's register, or NULL (not owned) */
};

GwCheckContext *_gw_check_context_new   (GwDocument     *doc,
                                         GwDocumentKind  kind,
                                         guint           lang);
void            _gw_check_context_free  (GwCheckContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCheckContext, _gw_check_context_free)

/* Byte range of the unit around @pos in the normalised text. */
void            _gw_check_context_unit  (GwCheckContext *ctx,
                                         gsize           pos,
                                         GwWithin        within,
                                         gsize          *start,
                                         gsize          *end);
guint           _gw_check_context_block_at (GwCheckContext *ctx,
                                            gsize           pos);

/* Places @finding on the normalised byte range [@start, @end). */
void            _gw_finding_place_text  (GwCheckContext *ctx,
                                         GwFinding      *finding,
                                         gsize           start,
                                         gsize           end);
/* Places @finding on @meta, chars [@offset, @offset + @length) of its value. */
void            _gw_finding_place_meta  (GwCheckContext *ctx,
                                         GwFinding      *finding,
                                         GwMeta          meta,
                                         guint           offset,
                                         guint           length);
/* Places @finding on block @index, chars of its original text. */
void            _gw_finding_place_block (GwCheckContext *ctx,
                                         GwFinding      *finding,
                                         guint           index,
                                         guint           offset,
                                         guint           length);

G_END_DECLS
