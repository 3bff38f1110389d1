#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every GSettings key the code names exists in the schema, with the type the
accessor expects. GSettings aborts the program on an unknown key, so a typo
would only show when a user opens that part of the window.

Usage: test-gsettings-keys.py SOURCE_ROOT SCHEMA_XML (TAP output)."""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

ACCESSOR = re.compile(
    r'g_settings_(get|set)_(boolean|int|uint|int64|uint64|double|string|strv|enum|flags|value)'
    r'\s*\(\s*[^,;]+?,\s*"([A-Za-z0-9-]+)"')
BY_NAME = re.compile(
    r'g_settings_(?:bind|bind_with_mapping|create_action|get_user_value|get_default_value|'
    r'reset|is_writable|get_range|get_child)\s*\(\s*[^,;]+?,\s*"([A-Za-z0-9-]+)"')
SIGNAL = re.compile(r'"changed::([A-Za-z0-9-]+)"')
UI_BIND = re.compile(r'<binding[^>]*settings[^>]*key="([A-Za-z0-9-]+)"')

TYPES = {'boolean': 'b', 'int': 'i', 'uint': 'u', 'int64': 'x', 'uint64': 't',
         'double': 'd', 'string': 's', 'strv': 'as'}


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    schema = ET.parse(sys.argv[2]).getroot()
    keys = {}
    for key in schema.iter('key'):
        keys[key.get('name')] = key.get('type') or ('s' if key.get('enum') else None)

    uses = []   # (file, line, key, expected type or None)
    for path in sorted(list(root.glob('src/**/*.c')) + list(root.glob('ui/**/*.ui'))):
        text = path.read_text(encoding='utf-8', errors='replace')
        rel = path.relative_to(root).as_posix()
        for rx, typed in ((ACCESSOR, True), (BY_NAME, False), (SIGNAL, False)):
            for m in rx.finditer(text):
                line = text.count('\n', 0, m.start()) + 1
                if typed:
                    uses.append((rel, line, m.group(3), TYPES.get(m.group(2))))
                else:
                    uses.append((rel, line, m.group(1), None))
    print('1..2')
    unknown = [u for u in uses if u[2] not in keys]
    if unknown:
        print('not ok 1 - every key the code names is in the schema')
        for f, line, key, _ in unknown:
            print('# %s:%d: unknown key "%s"' % (f, line, key))
    else:
        print('ok 1 - every key the code names is in the schema (%d uses, %d keys)'
              % (len(uses), len(keys)))
    wrong = [u for u in uses if u[2] in keys and u[3] and keys[u[2]] != u[3]]
    if wrong:
        print('not ok 2 - accessors match the key types')
        for f, line, key, t in wrong:
            print('# %s:%d: key "%s" is "%s", the accessor reads "%s"' % (f, line, key, keys[key], t))
    else:
        print('ok 2 - accessors match the key types')
    return 1 if unknown or wrong else 0


if __name__ == '__main__':
    sys.exit(main())
