#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`gongwen --check` on .docx made by real producers, and on hostile ones.

1. LibreOffice converts the corpus drafts and the check-extra drafts to
   .docx in ONE `soffice --headless --convert-to docx` call; python-docx
   writes the corpus drafts as an office template would. Each .docx gives
   the same findings (rule ids, lines and columns) as its .txt, and its
   JSON says "source": {"format": "docx", …}.
2. Every hostile package of tests/data/docx/make-packages.py (and the
   encrypted one) exits 2 with one message naming the file, within the
   time limit and a bounded memory.
3. .rtf goes through LibreOffice; without soffice on PATH the message asks
   for 另存为 .docx.

Skips (with a message) only what needs soffice when soffice is absent.
Usage: test-docx.py PATH-TO-GONGWEN. Output is TAP."""

import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data')
TIMEOUT = 60
n = 0
failed = 0


def ok(cond, name, detail=''):
    global n, failed
    n += 1
    if cond:
        print('ok %d - %s' % (n, name))
    else:
        failed += 1
        print('not ok %d - %s' % (n, name))
        for line in str(detail).splitlines()[:20]:
            print('# ' + line)


def skip(name, why):
    global n
    n += 1
    print('ok %d - %s # SKIP %s' % (n, name, why))


def check_json(gongwen, paths, env=None):
    r = subprocess.run([gongwen, '--check', '--format=json'] + paths, capture_output=True,
                       timeout=TIMEOUT * 4, env=env)
    return r, json.loads(r.stdout.decode() or '{"files": []}')


def findings(entry):
    return sorted((f['rule'], f['line'], f['column']) for f in entry['findings'])


def same_as_text(gongwen, texts, docx_dir, producer):
    pairs = []
    for t in texts:
        d = os.path.join(docx_dir, os.path.splitext(os.path.basename(t))[0] + '.docx')
        pairs.append((t, d))
    missing = [d for _, d in pairs if not os.path.exists(d)]
    ok(not missing, '%s wrote every .docx' % producer, missing)
    pairs = [(t, d) for t, d in pairs if os.path.exists(d)]
    _, jt = check_json(gongwen, [t for t, _ in pairs])
    _, jd = check_json(gongwen, [d for _, d in pairs])
    diffs = []
    for et, ed in zip(jt['files'], jd['files']):
        if 'error' in ed:
            diffs.append('%s: %s' % (ed['path'], ed['error']))
            continue
        if ed.get('source', {}).get('format') != 'docx':
            diffs.append('%s: source %s' % (ed['path'], ed.get('source')))
        if findings(et) != findings(ed):
            a, b = set(findings(et)), set(findings(ed))
            diffs.append('%s: only in .txt %s; only in .docx %s' %
                         (os.path.basename(ed['path']), sorted(a - b)[:5], sorted(b - a)[:5]))
    ok(not diffs, '%s: %d drafts give the same findings through .docx as through .txt'
       % (producer, len(pairs)), '\n'.join(diffs))
    return jd


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('GONGWEN', 'gongwen')
    soffice = shutil.which('soffice')
    tmp = tempfile.mkdtemp(prefix='gw-docx-test-')
    try:
        texts = sorted(glob.glob(os.path.join(DATA, 'corpus', '*.txt')) +
                       glob.glob(os.path.join(DATA, 'check-extra', '*.txt')))
        corpus = sorted(glob.glob(os.path.join(DATA, 'corpus', '*.txt')))

        # 1. LibreOffice, one call over all inputs
        if soffice:
            lo = os.path.join(tmp, 'lo')
            t0 = time.monotonic()
            subprocess.run([soffice, '-env:UserInstallation=file://' + os.path.join(tmp, 'profile'),
                            '--headless', '--convert-to', 'docx', '--outdir', lo] + texts,
                           capture_output=True, timeout=600)
            print('# LibreOffice converted %d drafts in %.1f s' % (len(texts), time.monotonic() - t0))
            jd = same_as_text(gongwen, texts, lo, 'LibreOffice')
            first = jd['files'][0] if jd['files'] else {}
            rec = first.get('source', {}).get('recognised', [])
            ok('doc-number' in rec and 'title' in rec and 'date' in rec,
               'the import report lists the header elements found', first.get('source'))
        else:
            skip('LibreOffice .docx', 'soffice is not installed')

        # python-docx: Debian's python3-docx lives with Debian's python3,
        # which need not be the python3 running this
        pd = os.path.join(tmp, 'pd')
        python = sys.executable
        for candidate in (sys.executable, '/usr/bin/python3'):
            if os.path.exists(candidate) and subprocess.run(
                    [candidate, '-c', 'import docx'], capture_output=True).returncode == 0:
                python = candidate
                break
        r = subprocess.run([python, os.path.join(DATA, 'docx', 'make-python-docx.py'), pd] + corpus,
                           capture_output=True)
        ok(r.returncode == 0, 'python-docx wrote the corpus drafts', r.stderr.decode())
        if r.returncode == 0:
            jd = same_as_text(gongwen, corpus, pd, 'python-docx')

        # --export-pdf takes a .docx like any other input
        pdfdir = os.path.join(tmp, 'pdf')
        os.makedirs(pdfdir)
        src = os.path.join(pd, 'opinion-compliant.docx')
        if os.path.exists(src):
            r = subprocess.run([gongwen, '--export-pdf=' + pdfdir, src], capture_output=True, timeout=TIMEOUT * 2)
            out = os.path.join(pdfdir, 'opinion-compliant.pdf')
            ok(r.returncode == 0 and os.path.exists(out) and open(out, 'rb').read(5) == b'%PDF-',
               '--export-pdf lays out a .docx', r.stderr.decode())

        # 2. hostile packages
        bad = os.path.join(tmp, 'bad')
        subprocess.run([sys.executable, os.path.join(DATA, 'docx', 'make-packages.py'), bad, 'bad'],
                       check=True)
        cases = sorted(glob.glob(os.path.join(bad, '*.docx'))) + [os.path.join(DATA, 'docx', 'encrypted.docx')]
        for path in cases:
            name = os.path.basename(path)
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t0 = time.monotonic()
            r = subprocess.run([gongwen, '--check', path], capture_output=True, timeout=TIMEOUT)
            took = time.monotonic() - t0
            rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            err = r.stderr.decode()
            lines = [l for l in err.splitlines() if l.strip()]
            ok(r.returncode == 2 and len(lines) == 1 and name in lines[0] and
               'CRITICAL' not in err and 'WARNING' not in err,
               '%s: exit 2, one message naming the file (%.2f s)' % (name, took),
               'exit %d\n%s' % (r.returncode, err))
            ok(took < 20 and max(rss, before) < 600 * 1024,
               '%s: bounded time and memory' % name, '%.1f s, %d KiB' % (took, rss))

        # 3. formats LibreOffice converts
        rtf = os.path.join(tmp, 'draft.rtf')
        with open(rtf, 'w', encoding='ascii') as f:
            f.write(r'{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0 SimSun;}}\uc1 '
                    r'\u26576?\u24066?\u27665?\u25919?\u23616?\u25991?\u20214?\par '
                    r'\u26576?\u27665?\u21457?[2024]007\u21495?\par }')
        if soffice:
            r, j = check_json(gongwen, [rtf])
            src = j['files'][0].get('source', {}) if j['files'] else {}
            ok(r.returncode in (0, 1) and src.get('converted-from') == 'rtf' and src.get('format') == 'docx',
               '.rtf is converted through LibreOffice', r.stderr.decode() + str(src))
            rules = [f['rule'] for f in j['files'][0]['findings']] if j['files'] else []
            ok('format.doc-number' in rules, 'the converted draft is checked (its [] number is flagged)', rules)
        else:
            skip('.rtf through LibreOffice', 'soffice is not installed')
        env = dict(os.environ, PATH='/nonexistent')
        r = subprocess.run([os.path.abspath(gongwen), '--check', rtf], capture_output=True, env=env,
                           timeout=TIMEOUT)
        err = r.stderr.decode()
        ok(r.returncode == 2 and 'draft.rtf' in err and '.docx' in err,
           'without LibreOffice an .rtf asks to be saved as .docx', err)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
