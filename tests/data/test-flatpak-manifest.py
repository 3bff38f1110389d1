#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest (flatpak/io.github.gongwen.Gongwen.json) stays
buildable: it parses, builds this project with meson as the last module under
the app id and command the rest of the project uses, asks for no broad file
access, and every local source it names is in the tree or produced by one of
the flatpak/collect-*.sh scripts (whose inputs must be installed here).

flatpak-builder and the GNOME runtime are not available to the test suite,
so this is what can be checked without them.

Usage: test-flatpak-manifest.py SOURCE_ROOT APP_ID (TAP output)."""

import json
import pathlib
import re
import subprocess
import sys

RUNTIME = ('org.gnome.Platform', 'org.gnome.Sdk', '43')   # GTK 4.8, libadwaita 1.2
BROAD_FILESYSTEMS = ('host', 'host-os', 'host-etc', 'home')

results = []


def check(ok, name, details=()):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    if not ok:
        for d in details:
            print('# ' + d)
            sys.stderr.write(d + '\n')


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    app_id = sys.argv[2]
    flatpak = root / 'flatpak'
    path = flatpak / (app_id + '.json')
    print('1..8')

    try:
        manifest = json.loads(path.read_text(encoding='utf-8'))
        check(isinstance(manifest, dict), 'the manifest parses as a JSON object')
    except (OSError, ValueError) as e:
        check(False, 'the manifest parses as a JSON object', [str(e)])
        for _ in range(7):
            check(False, 'skipped: no manifest')
        return 1

    check(manifest.get('app-id') == app_id and manifest.get('command') == 'gongwen',
          'app-id is %s and command is gongwen' % app_id,
          ['app-id: %r, command: %r' % (manifest.get('app-id'), manifest.get('command'))])

    got = (manifest.get('runtime'), manifest.get('sdk'), str(manifest.get('runtime-version')))
    check(got == RUNTIME, 'runtime %s//%s, sdk %s' % (RUNTIME[0], RUNTIME[2], RUNTIME[1]),
          ['got %r' % (got,)])

    modules = manifest.get('modules', [])
    last = modules[-1] if modules else {}
    own = [s for s in last.get('sources', [])
           if s.get('type') == 'dir' and (flatpak / s.get('path', '')).resolve() == root]
    meson_build = (root / 'meson.build').read_text(encoding='utf-8')
    check(last.get('buildsystem') == 'meson' and own and
          re.search(r"project\(\s*'gongwen'", meson_build) is not None,
          'the last module builds this source tree with meson',
          ['last module: %r' % ({k: last.get(k) for k in ('name', 'buildsystem', 'sources')},)])

    # The desktop file's Exec must name the same command.
    desktop = (root / 'data' / (app_id + '.desktop.in')).read_text(encoding='utf-8')
    m = re.search(r'^Exec=(\S+)', desktop, re.M)
    check(m is not None and m.group(1) == manifest.get('command'),
          'the desktop file runs the manifest command',
          ['Exec: %r' % (m.group(1) if m else None,)])

    broad = [a for a in manifest.get('finish-args', [])
             if a.startswith('--filesystem=') and
             a.split('=', 1)[1].split(':')[0] in BROAD_FILESYSTEMS]
    check(not broad, 'finish-args grant no broad file access (the portals hand over files)',
          ['remove: ' + ' '.join(broad)])

    # Local sources: present, or produced by a collect script.
    fonts = subprocess.run(['bash', str(flatpak / 'collect-fonts.sh'), '--list'],
                           capture_output=True, text=True)
    produced = {'fonts/' + n for n in fonts.stdout.split()}
    for script in sorted(flatpak.glob('collect-*.sh')):
        m = re.search(r'^dest=\$\{1:-\$here/([^}]+)\}', script.read_text(encoding='utf-8'), re.M)
        if m:
            produced.add(m.group(1))
    unknown = []
    for module in modules:
        for source in module.get('sources', []):
            p = source.get('path')
            if p is None:
                unknown.append('%s: a remote source (%s); use a local path' %
                               (module.get('name'), source.get('url')))
            elif not (flatpak / p).exists() and p not in produced:
                unknown.append('%s: %s neither exists nor is made by flatpak/collect-*.sh' %
                               (module.get('name'), p))
    check(fonts.returncode == 0 and not unknown,
          'every source is local: in the tree or made by flatpak/collect-*.sh', unknown)

    proc = subprocess.run(['bash', str(flatpak / 'collect-fonts.sh'), '--check'],
                          capture_output=True, text=True)
    check(proc.returncode == 0, 'collect-fonts.sh finds every font it copies on this machine',
          proc.stderr.splitlines())
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
