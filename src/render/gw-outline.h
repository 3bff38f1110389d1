/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Outline simplification for the prepared font copies (internal to
 * src/render).
 *
 * FandolFang's outlines were traced with many tiny segments: straight
 * strokes drawn as curves, arcs cut in pieces a few font units long. Every
 * byte of them is deflated again in every PDF, and that deflate is most of
 * the cost of an export. A prepared copy's CFF charstrings are therefore
 * rewritten with curves that are straight within @tolerance turned into
 * lines, runs of collinear lines joined, and neighbouring curves joined
 * into one where a single cubic stays within @tolerance of both; every
 * point of the new outline is checked against the original outline, never
 * against an earlier simplification, so errors do not add up.
 *
 * A tolerance of one thousandth of an em is 0.006 mm at 三号 — a seventh of
 * a 600 dpi printer dot.
 *
 * Only what hb-subset writes for a desubroutinized, unhinted copy is
 * handled (no subroutines, integer coordinates, offsets written in five
 * bytes); a glyph using anything else keeps its charstring as it is, and a
 * font laid out otherwise is refused (GW_ERROR_RENDER) so the caller keeps
 * the copy unchanged. */

GBytes *_gw_font_simplify_outlines (GBytes   *font,
                                    double    tolerance_em,
                                    GError  **error);

G_END_DECLS
