/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GwError:
 * @GW_ERROR_PARSE: the file is not well-formed (XML syntax, encoding, structure)
 * @GW_ERROR_SCHEMA: the file is well-formed but breaks the .gwdoc schema
 * @GW_ERROR_UNSAFE: the file tries something refused by construction
 *   (external entities, entity declarations, DTD loading)
 * @GW_ERROR_TOO_LARGE: the input exceeds a documented size limit
 * @GW_ERROR_ENCODING: the bytes are not valid UTF-8 nor GB18030 text
 * @GW_ERROR_EMPTY: the file is empty
 * @GW_ERROR_RULE_PACK: a rule pack is invalid
 * @GW_ERROR_TEMPLATE: a template is invalid or a field value is missing/invalid
 * @GW_ERROR_MISSING_GLYPH: no installed font has a glyph for a character
 * @GW_ERROR_RENDER: layout or PDF output failed
 * @GW_ERROR_INVALID: a call or value is not acceptable
 */
typedef enum {
  GW_ERROR_PARSE,
  GW_ERROR_SCHEMA,
  GW_ERROR_UNSAFE,
  GW_ERROR_TOO_LARGE,
  GW_ERROR_ENCODING,
  GW_ERROR_EMPTY,
  GW_ERROR_RULE_PACK,
  GW_ERROR_TEMPLATE,
  GW_ERROR_MISSING_GLYPH,
  GW_ERROR_RENDER,
  GW_ERROR_INVALID,
} GwError;

#define GW_ERROR (gw_error_quark ())
GQuark gw_error_quark (void);

/* Largest input file Gongwen reads (.gwdoc, .txt, templates, rule packs): 16 MiB.
 * A 1000-page opinion is about 2 MiB of UTF-8, so this leaves ample room while
 * keeping a hostile file from exhausting memory. */
#define GW_MAX_INPUT_SIZE (16 * 1024 * 1024)

G_END_DECLS
