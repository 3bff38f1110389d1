#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No call cycle between the files of a layer: src/core, src/render,
src/register, src/cli and src/app each keep a bottom-up order (written in
their meson.build). In src/app the application and the window may call each
other (the one cycle the house allows), and so may the two files of the
editor, one class split the way the window is; each pair counts as one node. The rules layer has its own, stricter test with levels
(test-rules-layers.py); this one reads calls the same way: a call is a use,
outside comments and strings, of a function another file of the same layer
defines with external linkage. Includes alone do not count.

A cycle is a strongly connected component of more than one file; each is
printed as closed paths through all its files, with one example call per
edge."""

import importlib.util
import os
import re
import sys

LAYERS = ['core', 'render', 'register', 'cli', 'app']

# Files that count as one node.
UNITS = {
    'app': [['gw-application.c', 'gw-window.c', 'gw-window-actions.c'],
            ['gw-editor.c', 'gw-editor-tables.c']],
}

_spec = importlib.util.spec_from_file_location(
    'rules_layers', os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 'test-rules-layers.py'))
rules_layers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rules_layers)


def call_edges(folder, units=()):
    sources = sorted(f for f in os.listdir(folder) if f.endswith('.c'))
    node = {f: f for f in sources}
    for unit in units:
        for f in unit:
            node[f] = '+'.join(unit)
    code = {f: rules_layers.strip(open(os.path.join(folder, f), encoding='utf-8').read())
            for f in sources}
    defined = {}
    for f in sources:
        for name in rules_layers.definitions(code[f]):
            defined.setdefault(name, node[f])
    edges = {}
    for f in sources:
        for name in set(re.findall(r'\b[A-Za-z_]\w*\b', code[f])):
            target = defined.get(name)
            if target and target != node[f]:
                edges.setdefault(node[f], {}).setdefault(target, set()).add(name)
    return sorted(set(node.values())), defined, edges


def components(nodes, graph):
    """Tarjan's strongly connected components, each sorted."""
    index = {}
    low = {}
    stack = []
    on_stack = set()
    found = []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            scc = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                scc.append(top)
                if top == node:
                    break
            found.append(sorted(scc))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return found


def closed_path(start, members, graph):
    """A shortest way from @start back to itself inside the component."""
    came = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(came[path[-1]])
                return list(reversed(path)) + [start]
            if nxt not in came:
                came[nxt] = node
                queue.append(nxt)
    return [start]


def main():
    root = sys.argv[1]
    results = []
    for layer in LAYERS:
        sources, defined, edges = call_edges(os.path.join(root, 'src', layer), UNITS.get(layer, ()))
        graph = {f: set(t) for f, t in edges.items()}
        problems = []
        for scc in components(sources, graph):
            if len(scc) < 2:
                continue
            problems.append('cycle among %s:' % ', '.join(scc))
            # one closed path through each file not yet on one printed
            shown = set()
            for start in scc:
                if start in shown:
                    continue
                path = closed_path(start, set(scc), graph)
                shown.update(path)
                problems.append('  ' + '; '.join('%s -> %s (%s)' % (a, b, sorted(edges[a][b])[0])
                                                 for a, b in zip(path, path[1:])))
        # A reader that finds nothing would pass every layer.
        if len(sources) > 1 and not defined:
            problems.append('no functions found in src/%s (the reader is broken)' % layer)
        results.append(('no call cycle between the files of src/%s' % layer, problems))

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
