#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every committed translation is complete.

1. msgfmt --check accepts each po/LANG.po (format strings agree with their
   msgid, the header is valid) and counts 0 fuzzy and 0 untranslated messages.
2. Merged with a template extracted right now from po/POTFILES.in (the same
   xgettext arguments as meson's glib preset), it still has 0 untranslated
   and 0 fuzzy messages: a string added to the code without a translation
   fails here, instead of showing up in English in the Chinese interface.

Usage: test-po-complete.py SOURCE_ROOT (TAP output). Fix with tools/update-po
and then translate what it lists."""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

STAT_RE = {
    'translated': re.compile(r'(\d+) translated message'),
    'fuzzy': re.compile(r'(\d+) fuzzy translation'),
    'untranslated': re.compile(r'(\d+) untranslated message'),
}


def statistics(po, check):
    args = ['msgfmt', '--statistics', '-o', os.devnull, str(po)]
    if check:
        args.insert(1, '--check')
    proc = subprocess.run(args, capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL='C'))
    counts = {}
    for key, rx in STAT_RE.items():
        m = rx.search(proc.stderr)
        counts[key] = int(m.group(1)) if m else 0
    return proc.returncode, proc.stderr.strip(), counts


def diag(text):
    # TAP comment for the log, and stderr, which meson --print-errorlogs shows.
    print('# ' + text)
    sys.stderr.write(text + '\n')


def list_incomplete(po):
    """The msgids that are untranslated or fuzzy, as TAP comments."""
    proc = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', '--no-wrap', str(po)],
                          capture_output=True, text=True)
    fuzzy = re.findall(r'^msgid "(.+)"$', proc.stdout, re.M)
    proc = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', '--no-wrap', str(po)],
                          capture_output=True, text=True)
    untranslated = re.findall(r'^msgid "(.+)"$', proc.stdout, re.M)
    for s in fuzzy[:40]:
        diag('fuzzy: ' + s)
    for s in untranslated[:40]:
        diag('untranslated: ' + s)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
    podir = root / 'po'
    langs = []
    for line in (podir / 'LINGUAS').read_text(encoding='utf-8').splitlines():
        if not line.strip().startswith('#'):
            langs += line.split()
    if not langs:
        print('1..1\nnot ok 1 - po/LINGUAS names at least one language')
        return 1

    print('1..%d' % (1 + 2 * len(langs)))
    status = 0
    n = 1
    with tempfile.TemporaryDirectory(prefix='gongwen-po-') as tmp:
        pot = pathlib.Path(tmp) / 'gongwen.pot'
        proc = subprocess.run(['xgettext', '--package-name=gongwen', '-f', str(podir / 'POTFILES.in'),
                               '-D', str(root), '-k_', '-o', str(pot)] + GLIB_PRESET,
                              capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        # A warning means a string xgettext cannot extract whole, typically
        # _("… %" G_GSIZE_FORMAT " …"): the msgid stops at the macro, so the
        # message can never be translated. Use a plain conversion and a cast.
        if proc.returncode == 0 and 'warning' not in proc.stderr:
            print('ok 1 - xgettext extracts every translatable string whole')
        else:
            status = 1
            print('not ok 1 - xgettext extracts every translatable string whole')
            for line in proc.stderr.splitlines():
                diag(line)
        for lang in langs:
            po = podir / (lang + '.po')
            n += 1
            if not po.is_file():
                print('not ok %d - po/%s.po exists' % (n, lang))
                status = 1
            else:
                rc, text, c = statistics(po, check=True)
                if rc == 0 and c['fuzzy'] == 0 and c['untranslated'] == 0 and c['translated'] > 0:
                    print('ok %d - po/%s.po: %s' % (n, lang, text))
                else:
                    status = 1
                    print('not ok %d - po/%s.po is valid and complete' % (n, lang))
                    for line in text.splitlines():
                        diag(line)
                    list_incomplete(po)

            n += 1
            if proc.returncode != 0 or not po.is_file():
                print('not ok %d - po/%s.po covers the current sources '
                      '(xgettext failed or no .po)' % (n, lang))
                status = 1
                continue
            merged = pathlib.Path(tmp) / (lang + '.po')
            subprocess.run(['msgmerge', '-q', '-o', str(merged), str(po), str(pot)], check=True)
            rc, text, c = statistics(merged, check=False)
            if rc == 0 and c['fuzzy'] == 0 and c['untranslated'] == 0:
                print('ok %d - po/%s.po covers the current sources: %s' % (n, lang, text))
            else:
                status = 1
                print('not ok %d - po/%s.po covers the current sources' % (n, lang))
                for line in text.splitlines():
                    diag(line)
                list_incomplete(merged)
                diag('run tools/update-po, then translate the strings above in po/%s.po' % lang)
    return status


if __name__ == '__main__':
    sys.exit(main())
