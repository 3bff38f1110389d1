/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Enough to keep the filter sharp, small enough to stay cheap. */
#define MAX_TERMS         32
#define MAX_CLAUSES       12
#define MAX_CLAUSE_CHARS  48

/* What a piece of pattern says about its matches: whether it can match the
 * empty string, and the characters every match holds, as a disjunction
 * (GPtrArray) of terms, one per way to match; a term is a conjunction
 * (GPtrArray) of clauses, a clause a disjunction of characters (GArray of
 * gunichar, sorted). A term without clauses: nothing is known. */
typedef struct {
  gboolean   nullable;
  GPtrArray *dnf;
} Node;

GArray *    _gw_pf_clause_new (void);
void        _gw_pf_clause_tidy (GArray *clause);
gboolean    _gw_pf_clause_equal (GArray *a, GArray *b);
GPtrArray * _gw_pf_cnf_new (void);
Node        _gw_pf_node_true (gboolean nullable);
void        _gw_pf_node_clear (Node *n);
gboolean    _gw_pf_dnf_is_true (GPtrArray *dnf);
int         _gw_pf_compare_clause_size (gconstpointer a, gconstpointer b);
void        _gw_pf_node_concat (Node *a, Node *b);
Node        _gw_pf_node_alternatives (GArray *branches);

G_END_DECLS
