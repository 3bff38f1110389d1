#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Feeds `gongwen --check` the files users really hand it by mistake: a
name that does not exist, an empty file, a program, text in neither UTF-8
nor GB18030, a .gwdoc cut short, one that breaks the schema, a file over
the 16 MiB limit, a folder.

For each, with a good draft beside it in the same call:
  - exit status 2;
  - exactly one message on stderr for the bad file, naming it, and naming
    the line where the file has one;
  - no crash, no GLib warning or critical, no sanitizer report;
  - the good draft is still checked (it appears in the JSON with a kind).

Usage: test-cli-bad-input.py PATH-TO-GONGWEN (or $GONGWEN). Output is TAP.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
GOOD = os.path.join(DATA, "corpus", "opinion-compliant.txt")
TIMEOUT = 120
LIMIT = 16 * 1024 * 1024

# Output that means something went wrong inside, whatever the exit status.
BAD_SIGNS = re.compile(r"CRITICAL|WARNING \*\*|-WARNING|ERROR: AddressSanitizer|"
                       r"runtime error:|LeakSanitizer|Segmentation fault|Aborted")


def make_cases(tmp):
    """Returns (name, path, place regex or None)."""
    cases = []

    def write(name, data):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    cases.append(("nonexistent file", os.path.join(tmp, "no-such-draft.txt"), None))
    cases.append(("empty file", write("empty.txt", b""), None))

    program = "/bin/ls" if os.path.exists("/bin/ls") else sys.executable
    path = os.path.join(tmp, "program.txt")
    shutil.copyfile(program, path)
    cases.append(("binary file (a program)", path, r"\b\d+\b"))

    # Line 2 holds bytes that are neither UTF-8 nor GB18030.
    cases.append(("invalid UTF-8 and GB18030", write(
        "invalid.txt", "一、总体要求\n".encode() + b"\xff\xfe\xfd\x80\n"), r"\b2\b"))

    with open(os.path.join(DATA, "gwdoc", "shenmu-opinion.gwdoc"), "rb") as f:
        whole = f.read()
    # Cut right after a tag, so only the XML, not the UTF-8, is broken.
    cut = whole.index(b">", len(whole) // 2) + 1
    cases.append(("truncated XML", write("truncated.gwdoc", whole[:cut]), r":\d+:|\b\d+\b"))
    # Cut inside a Chinese character.
    mid = whole.index("。".encode()) + 1
    cases.append(("truncated inside a character", write("cut-char.gwdoc", whole[:mid]),
                  r":\d+:|\b\d+\b"))

    # UTF-8 bytes declared as GBK: libxml2 must not get to decode them (it
    # printed its own errors and a made-up syntax error).
    gbk = whole.replace(b'encoding="UTF-8"', b'encoding="GBK"', 1)
    cases.append(("UTF-8 .gwdoc declared GBK", write("declared-gbk.gwdoc", gbk),
                  r":\d+:|\b\d+\b"))

    cases.append(("schema-breaking .gwdoc",
                  os.path.join(DATA, "gwdoc", "schema-violation.gwdoc"), r":\d+:|\b\d+\b"))

    line = "一、总体要求：坚持以人民为中心，推进社会工作站建设。\n".encode()
    big = line * (LIMIT // len(line) + 1024)
    big = big[: 17 * 1024 * 1024]
    cases.append(("17 MiB file", write("huge.txt", big), None))

    folder = os.path.join(tmp, "a-folder.txt")
    os.mkdir(folder)
    cases.append(("folder", folder, None))
    return cases


def run(gongwen, args):
    return subprocess.run([gongwen, "--check"] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=TIMEOUT)


def check_one(gongwen, name, path, place):
    problems = []
    base = os.path.basename(path)

    # JSON: the bad file carries an error, the good one is checked.
    proc = run(gongwen, ["--format=json", path, GOOD])
    err = proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 2:
        problems.append("exit status %d, expected 2" % proc.returncode)
    if BAD_SIGNS.search(err) or BAD_SIGNS.search(out):
        problems.append("internal error reported: %s" % err.strip()[:500])
    lines = [l for l in err.splitlines() if l.strip()]
    if len(lines) != 1:
        problems.append("%d lines on stderr, expected one: %r" % (len(lines), err[:500]))
    elif base not in lines[0]:
        problems.append("message does not name %s: %r" % (base, lines[0]))
    elif place and not re.search(place, lines[0].split(base, 1)[1]):
        problems.append("message does not say where: %r" % lines[0])
    try:
        files = json.loads(out)["files"]
        by_path = {f["path"]: f for f in files}
        if not by_path.get(path, {}).get("error"):
            problems.append("no error entry for the bad file in the JSON")
        if "kind" not in by_path.get(GOOD, {}):
            problems.append("the good draft beside it was not checked")
    except (ValueError, KeyError, TypeError) as e:
        problems.append("stdout is not the JSON report (%s): %r" % (e, out[:300]))

    # Text, bad file after the good one: same status, same single message.
    proc = run(gongwen, [GOOD, path])
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 2:
        problems.append("text format, bad file last: exit status %d" % proc.returncode)
    if BAD_SIGNS.search(err):
        problems.append("text format: internal error reported: %s" % err.strip()[:500])
    if len([l for l in err.splitlines() if base in l]) != 1:
        problems.append("text format: expected one message naming %s: %r" % (base, err[:500]))
    return problems


def check_all_at_once(gongwen, cases):
    """Every bad file in one call: one message each, all of them named."""
    paths = [c[1] for c in cases]
    proc = run(gongwen, ["--format=json"] + paths + [GOOD])
    err = proc.stderr.decode("utf-8", "replace")
    problems = []
    if proc.returncode != 2:
        problems.append("exit status %d, expected 2" % proc.returncode)
    lines = [l for l in err.splitlines() if l.strip()]
    if len(lines) != len(paths):
        problems.append("%d messages for %d bad files" % (len(lines), len(paths)))
    for p in paths:
        if not any(os.path.basename(p) in l for l in lines):
            problems.append("no message names %s" % os.path.basename(p))
    try:
        files = json.loads(proc.stdout)["files"]
        if len(files) != len(paths) + 1 or "kind" not in files[-1]:
            problems.append("the JSON does not list every file with the good one checked")
    except (ValueError, KeyError, TypeError) as e:
        problems.append("stdout is not the JSON report: %s" % e)
    return problems


def check_undecodable_name(gongwen, tmp):
    """A file name that is not UTF-8 must still give valid JSON."""
    path = os.path.join(os.fsencode(tmp), b"bad\xffname.txt")
    shutil.copyfile(GOOD, path)
    proc = subprocess.run([gongwen, "--check", "--format=json", path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    problems = []
    if proc.returncode not in (0, 1):
        problems.append("exit status %d, expected 0 or 1" % proc.returncode)
    try:
        files = json.loads(proc.stdout.decode("utf-8"))["files"]
        if len(files) != 1 or "name.txt" not in files[0]["path"]:
            problems.append("the JSON does not name the file: %r" % files)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as e:
        problems.append("stdout is not valid UTF-8 JSON (%s): %r" % (e, proc.stdout[:200]))
    return problems


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN")
    if not gongwen:
        print("Bail out! no gongwen binary given")
        return 1
    tmp = tempfile.mkdtemp(prefix="gw-bad-input-")
    try:
        cases = make_cases(tmp)
        print("1..%d" % (len(cases) + 2))
        failed = 0
        for n, (name, path, place) in enumerate(cases, 1):
            problems = check_one(gongwen, name, path, place)
            print("%s %d - %s" % ("not ok" if problems else "ok", n, name))
            for p in problems:
                print("# " + p)
            failed += bool(problems)
        problems = check_all_at_once(gongwen, cases)
        print("%s %d - every bad file in one call" % ("not ok" if problems else "ok",
                                                      len(cases) + 1))
        for p in problems:
            print("# " + p)
        failed += bool(problems)
        problems = check_undecodable_name(gongwen, tmp)
        print("%s %d - a file name that is not UTF-8" % ("not ok" if problems else "ok",
                                                         len(cases) + 2))
        for p in problems:
            print("# " + p)
        failed += bool(problems)
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
