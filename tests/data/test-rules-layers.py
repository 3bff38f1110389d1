#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The rules layer keeps its order (src/rules/meson.build): every source
file sits in one level, calls and private headers only go to its own level
or below, and the files call one another without a cycle.

A call is a use, outside comments and strings, of a function another file
of src/rules defines with external linkage (taking its address for a table
counts too); that is what the linker would tie together."""

import os
import re
import sys

# Bottom-up. A file of a level may call into its own level (without a
# cycle) and the levels below, never above.
LEVELS = [
    ('tools', ['gw-finding.c', 'gw-policy.c', 'gw-policy-apply.c',
               'gw-form-values.c', 'gw-form-checks.c', 'gw-against.c',
               'gw-number-registry.c', 'gw-prefilter-terms.c', 'gw-prefilter-regex.c',
               'gw-prefilter.c']),
    ('check context', ['gw-check-context.c', 'gw-clause.c']),
    ('matchers and built-ins', ['gw-matcher.c', 'gw-matchers.c', 'gw-register-check.c',
                                'gw-builtins.c']),
    ('rule object', ['gw-rule.c']),
    ('parser', ['gw-rule-json.c', 'gw-matcher-parser.c', 'gw-rule-parser.c']),
    ('examples verifier', ['gw-rule-examples.c']),
    ('packs', ['gw-rule-pack.c']),
    ('checker', ['gw-checker.c', 'gw-round-check.c', 'gw-opinion-finder.c']),
]

# The level each private header belongs to.
HEADERS = {
    'gw-against-private.h': 'tools',
    'gw-policy-private.h': 'tools',
    'gw-number-registry-private.h': 'tools',
    'gw-prefilter-private.h': 'tools',
    'gw-prefilter-terms-private.h': 'tools',
    'gw-check-context-private.h': 'check context',
    'gw-clause-private.h': 'check context',
    'gw-matcher-private.h': 'matchers and built-ins',
    'gw-rule-private.h': 'rule object',
    'gw-rule-parser-private.h': 'parser',
    'gw-rule-pack-private.h': 'packs',
    'gw-checker-private.h': 'checker',
}

NOT_FUNCTIONS = {'G_DEFINE_TYPE', 'G_DEFINE_FINAL_TYPE', 'G_DEFINE_TYPE_WITH_CODE',
                 'G_DEFINE_INTERFACE', 'G_DEFINE_QUARK', 'G_DEFINE_BOXED_TYPE',
                 'G_DEFINE_AUTOPTR_CLEANUP_FUNC', 'G_GNUC_PRINTF', 'G_LOCK_DEFINE_STATIC',
                 'G_DEFINE_ENUM_TYPE'}


def strip(text):
    text = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)


def definitions(code):
    """Functions defined at the top level with external linkage (GNU style:
    the return type on the line before the name)."""
    lines = code.split('\n')
    names = set()
    for i, line in enumerate(lines):
        m = re.match(r'([A-Za-z_]\w*)\s*\(', line)
        if not m or i == 0 or m.group(1) in NOT_FUNCTIONS:
            continue
        before = lines[i - 1].strip()
        if not before or before.startswith(('#', '}')) or before.endswith((';', ',')):
            continue
        if re.search(r'\bstatic\b', before) or (i > 1 and re.search(r'\bstatic\b', lines[i - 2])
                                                 and not lines[i - 2].rstrip().endswith((';', '}'))):
            continue
        names.add(m.group(1))
    return names


def find_cycle(graph):
    state = {}
    stack = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def main():
    rules = os.path.join(sys.argv[1], 'src', 'rules')
    level_of = {f: i for i, (_, files) in enumerate(LEVELS) for f in files}
    names = [name for name, _ in LEVELS]
    sources = sorted(f for f in os.listdir(rules) if f.endswith('.c'))
    headers = sorted(f for f in os.listdir(rules) if f.endswith('-private.h'))
    code = {f: strip(open(os.path.join(rules, f), encoding='utf-8').read()) for f in sources}
    raw = {f: open(os.path.join(rules, f), encoding='utf-8').read() for f in sources + headers}

    defined = {}
    for f in sources:
        for name in definitions(code[f]):
            defined.setdefault(name, f)

    edges = {}
    for f in sources:
        words = set(re.findall(r'\b[A-Za-z_]\w*\b', code[f]))
        for name in words:
            target = defined.get(name)
            if target and target != f:
                edges.setdefault(f, {}).setdefault(target, set()).add(name)

    results = []

    unplaced = [f for f in sources if f not in level_of]
    missing = [f for f in level_of if f not in sources]
    results.append(('every source file of src/rules has a level',
                    ['%s: not in LEVELS (place it)' % f for f in unplaced] +
                    ['%s: listed but not there' % f for f in missing]))

    results.append(('the files define functions the others call (the reader works)',
                    [] if len(defined) > 50 and sum(len(t) for t in edges.values()) > 30
                    else ['only %d functions and %d file edges found'
                          % (len(defined), sum(len(t) for t in edges.values()))]))

    upward = []
    for f, targets in sorted(edges.items()):
        for target, called in sorted(targets.items()):
            if f in level_of and target in level_of and level_of[target] > level_of[f]:
                upward.append('%s (%s) calls up into %s (%s): %s'
                              % (f, names[level_of[f]], target, names[level_of[target]],
                                 ', '.join(sorted(called))))
    results.append(('no call goes up a level', upward))

    cycle = find_cycle({f: set(t) for f, t in edges.items()})
    results.append(('no call cycle between the files',
                    ['cycle: ' + ' -> '.join(cycle)] if cycle else []))

    crossing = []
    for f in sources + headers:
        if f.endswith('.c'):
            own = level_of.get(f)
        else:
            own = names.index(HEADERS[f]) if f in HEADERS else None
            if own is None:
                crossing.append('%s: no level in HEADERS (place it)' % f)
                continue
        if own is None:
            continue
        for inc in re.findall(r'^#include "([^"]+-private\.h)"', raw[f], re.M):
            if inc not in HEADERS:
                crossing.append('%s includes %s, which has no level' % (f, inc))
            elif names.index(HEADERS[inc]) > own:
                crossing.append('%s (%s) includes %s (%s)'
                                % (f, names[own], inc, HEADERS[inc]))
    results.append(('no private header is included from a level below its own', crossing))

    print('1..%d' % len(results))
    failed = False
    for i, (what, problems) in enumerate(results, 1):
        print('%s %d - %s' % ('not ok' if problems else 'ok', i, what))
        for p in problems:
            print('# ' + p)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
