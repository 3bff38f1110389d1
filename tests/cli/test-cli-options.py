#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line's contract for wrong calls: every one exits 2 with one
plain message on stderr and nothing on stdout, before any file is read and
without a display. Usage: test-cli-options.py PATH-TO-GONGWEN. Output: TAP.
"""

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "..", "data", "corpus", "opinion-compliant.txt")
BAD_SIGNS = re.compile(r"CRITICAL|WARNING \*\*|AddressSanitizer|runtime error:")

gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ["GONGWEN"]
out_dir = tempfile.mkdtemp()

# (arguments, what the message must say)
WRONG = [
    (["--check", "--bogus", GOOD], r"--bogus"),
    (["--bogus"], r"--bogus"),
    (["--export-pdf"], r"--export-pdf"),
    (["--export-pdf=" + out_dir, "--jobs=abc", GOOD], r"abc"),
    (["--export-pdf=" + out_dir, "--jobs=-1", GOOD], r"--jobs"),
    (["--check", "--format=xml", GOOD], r"xml"),
    (["--check", "--kind=letterx", GOOD], r"letterx"),
    (["--check", "--list-rules"], r"--check.*--list-rules"),
    (["--check", "--export-pdf=" + out_dir, GOOD], r"--export-pdf"),
    (["--strict", GOOD], r"--strict.*--export-pdf"),
    (["--jobs=2", GOOD], r"--jobs"),
    (["--format=json", GOOD], r"--format.*--check"),
    (["--check", "--jobs=2", GOOD], r"--jobs.*--check"),
    (["--list-rules", "--strict"], r"--strict"),
    (["--check"], r"no files"),
    (["--export-pdf=" + out_dir], r"no files"),
]

env = dict(os.environ)
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)
env["G_DEBUG"] = "fatal-criticals"

n = 0
failed = 0
print("1..%d" % (len(WRONG) + 2))
for args, pattern in WRONG:
    n += 1
    p = subprocess.run([gongwen] + args, capture_output=True, text=True, env=env, timeout=60)
    problems = []
    if p.returncode != 2:
        problems.append("exit status %d, expected 2" % p.returncode)
    if p.stdout:
        problems.append("stdout not empty: %r" % p.stdout[:200])
    if not re.search(pattern, p.stderr):
        problems.append("stderr does not match %r: %r" % (pattern, p.stderr[:300]))
    if BAD_SIGNS.search(p.stderr):
        problems.append("internal error on stderr: %r" % p.stderr[:300])
    if problems:
        failed += 1
        print("not ok %d - %s" % (n, " ".join(args)))
        for line in problems:
            print("#   " + line)
    else:
        print("ok %d - %s exits 2: %s" % (n, " ".join(args), p.stderr.strip().splitlines()[0]))

# Right calls still work: the options each verb takes.
n += 1
p = subprocess.run([gongwen, "--check", "--format=json", "--kind=opinion", GOOD],
                   capture_output=True, text=True, env=env, timeout=120)
ok = p.returncode == 0 and '"files"' in p.stdout
failed += not ok
print("%s %d - --check --format=json --kind=opinion runs (exit %d)"
      % ("ok" if ok else "not ok", n, p.returncode))

n += 1
p = subprocess.run([gongwen, "--help"], capture_output=True, text=True, env=env, timeout=60)
ok = p.returncode == 0 and all(o in p.stdout for o in ("--check", "--export-pdf", "--list-rules",
                                                        "--rules", "--jobs", "--version"))
failed += not ok
print("%s %d - --help lists every verb's options" % ("ok" if ok else "not ok", n))

os.rmdir(out_dir) if not os.listdir(out_dir) else None
sys.exit(1 if failed else 0)
