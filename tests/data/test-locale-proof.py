#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every number Gongwen writes goes through the one formatter.

printf's %f, %g and %e (and %.2f, %10.3g, %Lf…) write the locale's
decimal point: a comma under de_DE.UTF-8, which broke every PDF with an
outline and put commas into JSON. Numbers for files, PDFs, JSON, the
document and messages are written by gw_number_format() and
gw_number_format_fixed() (src/core/gw-numeral.c), the one place allowed
to hold such a conversion. This test fails on any other string literal in
src/ that holds one.

Usage: test-locale-proof.py SOURCE_ROOT   (TAP on stdout)
"""
import pathlib
import re
import sys

ALLOWED = {'src/core/gw-numeral.c'}

# a printf conversion: flags, width, precision, length, then the letter
CONVERSION = re.compile(r"%[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])")
FLOAT_LETTERS = set('fFgGeEaA')
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def strip_comments(text):
    """Blanks out comments (keeping line numbers), leaving strings alone."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def float_conversions(literal):
    body = literal[1:-1]
    found = []
    for m in CONVERSION.finditer(body):
        if m.group(1) in FLOAT_LETTERS:
            found.append(m.group(0))
    return found


def self_test():
    """The pattern finds what it must and nothing else."""
    bad = ['"%f"', '"%.2f"', '"%g%%"', '"%10.3e"', '"x=%Lf"', '"%.*f"', '"%-8.1f MiB"', '"%G"']
    good = ['"%d"', '"%s"', '"%%f"', '"%u年%u月"', '"%" G_GINT64_FORMAT', '"100%%"', '"%zu"']
    ok = all(float_conversions(s) for s in bad) and not any(float_conversions(s) for s in good)
    stripped = strip_comments('a /* "%f" */ b // "%g"\n"%s"')
    ok = ok and '"%f"' not in stripped and '"%g"' not in stripped and '"%s"' in stripped
    return ok


def main():
    root = pathlib.Path(sys.argv[1])
    files = sorted(p for p in (root / 'src').rglob('*.c'))
    print('1..2')
    print('ok 1 - the pattern finds %f, %.2f, %g, %e and passes %d, %s, %%' if self_test()
          else 'not ok 1 - the pattern is broken')
    problems = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel in ALLOWED:
            continue
        text = strip_comments(path.read_text(encoding='utf-8'))
        for m in STRING.finditer(text):
            conv = float_conversions(m.group(0))
            if conv:
                line = text.count('\n', 0, m.start()) + 1
                problems.append(f'{rel}:{line}: {m.group(0)} uses {", ".join(conv)}')
    if not files:
        print('not ok 2 - no source files under', root / 'src')
        return 1
    if problems:
        print(f'not ok 2 - {len(problems)} locale-dependent number conversions; '
              'use gw_number_format () or gw_number_format_fixed ()')
        for p in problems:
            print('#', p)
        return 1
    print(f'ok 2 - no %f, %g or %e outside the formatter ({len(files)} files)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
