#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app icons the desktop file and the window name exist where the icon
theme looks for them, and are usable SVG: a square viewBox (GNOME scales
the icon, a non-square one is distorted), the symbolic one 16×16 and drawn
in a single colour that GTK can recolour.

Usage: test-icons.py SOURCE_ROOT APP_ID (TAP output)."""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
results = []


def check(ok, name, details=()):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    if not ok:
        for d in details:
            print('# ' + d)
            sys.stderr.write(d + '\n')


def load(path):
    try:
        return ET.parse(path).getroot(), None
    except (OSError, ET.ParseError) as e:
        return None, str(e)


def square(root):
    box = (root.get('viewBox') or '').split()
    return len(box) == 4 and float(box[2]) == float(box[3]) > 0, box


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    app_id = sys.argv[2]
    icons = root / 'data' / 'icons' / 'hicolor'
    print('1..5')

    desktop = (root / 'data' / (app_id + '.desktop.in')).read_text(encoding='utf-8')
    m = re.search(r'^Icon=(.*)$', desktop, re.M)
    check(m is not None and m.group(1).strip() == app_id, 'the desktop file names the icon ' + app_id,
          ['Icon=%s' % (m.group(1) if m else None)])

    app, err = load(icons / 'scalable' / 'apps' / (app_id + '.svg'))
    check(app is not None and app.tag == SVG + 'svg', 'scalable/apps/%s.svg is SVG' % app_id,
          [err or 'root element %s' % (app.tag if app is not None else None)])
    ok, box = square(app) if app is not None else (False, None)
    check(ok, 'the app icon has a square viewBox', ['viewBox %r' % (box,)])

    sym, err = load(icons / 'symbolic' / 'apps' / (app_id + '-symbolic.svg'))
    ok = (sym is not None and sym.tag == SVG + 'svg' and
          (sym.get('viewBox') or '').split() == ['0', '0', '16', '16'])
    check(ok, 'symbolic/apps/%s-symbolic.svg is a 16×16 SVG' % app_id,
          [err or 'viewBox %r' % (sym.get('viewBox') if sym is not None else None)])

    colours = set()
    if sym is not None:
        for el in sym.iter():
            for attr in ('fill', 'stroke'):
                v = el.get(attr)
                if v and v not in ('none', 'currentColor'):
                    colours.add(v.lower())
            style = el.get('style') or ''
            colours.update(c.lower() for c in re.findall(r'(?:fill|stroke)\s*:\s*(#[0-9a-fA-F]+)', style))
    check(sym is not None and len(colours) <= 1, 'the symbolic icon uses one colour',
          ['colours: %s' % ', '.join(sorted(colours))])
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
