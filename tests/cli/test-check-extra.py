#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs `gongwen --check --format=json` over the sample drafts and compares
the findings with each draft's NAME.expected.json.

The drafts in tests/data/check-extra/ were written from the rule catalogue
alone, without looking at the rule packs, so that a checker that misses a
violation or raises a false alarm fails here rather than on a user's desk.
tests/data/corpus/ (the shared samples) is run too when present.

Expected-file format (see tests/data/check-extra/README.md):
  {"kind": "opinion",
   "must_report": [{"rule": "procurement.not-lowest-price", "line": 17}, ...],
   "must_not_report": ["format.doc-number", "contract.*", ...],
   "exit_status": 0}
A must_report entry without "line" matches a finding anywhere; a trailing
"*" in must_not_report matches a rule-id prefix.

A case named in KNOWN-FAILURES beside the drafts (one name a line, then
"#" and why) is a known checker bug: it is reported as "not ok … # TODO"
so the suite stays usable, and a note asks to remove it once it passes.

Usage: test-check-extra.py [--dir=FOLDER]... [PATH-TO-GONGWEN] [CASE-NAME...]
(the binary may also come from $GONGWEN). --dir runs the cases of FOLDER
instead of the default folders (e.g. tests/data/check-heldout). Output is TAP.
"""

import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIRS = [
    os.path.join(HERE, "..", "data", "check-extra"),
    os.path.join(HERE, "..", "data", "corpus"),
]
TIMEOUT = 60  # seconds per file; a checker that takes longer is broken


def read_known_failures(d, label):
    known = {}
    path = os.path.join(d, "KNOWN-FAILURES")
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, _, why = line.partition("#")
            name = name.strip()
            if name:
                known[label + "/" + name] = why.strip() or "known failure"
    return known


def collect_cases(only, known):
    cases = []
    for d in DATA_DIRS:
        if not os.path.isdir(d):
            continue
        label = os.path.basename(os.path.normpath(d))
        known.update(read_known_failures(d, label))
        for entry in sorted(os.listdir(d)):
            if not entry.endswith(".expected.json"):
                continue
            name = entry[: -len(".expected.json")]
            txt = os.path.join(d, name + ".txt")
            if not os.path.exists(txt):
                # an expectation without its draft is a broken corpus
                cases.append((label + "/" + name, None, os.path.join(d, entry)))
                continue
            if only and name not in only and label + "/" + name not in only:
                continue
            cases.append((label + "/" + name, txt, os.path.join(d, entry)))
    return cases


def rule_matches(pattern, rule):
    if pattern.endswith("*"):
        return rule.startswith(pattern[:-1])
    return rule == pattern


def check_case(gongwen, txt, expected_path):
    """Returns (problems, notes): lists of strings."""
    problems = []
    notes = []
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)

    argv = [gongwen, "--check", "--format=json", txt]
    start = time.monotonic()
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ["timed out after %d s" % TIMEOUT], notes
    elapsed = time.monotonic() - start
    notes.append("%.3f s" % elapsed)

    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode not in (0, 1):
        problems.append("exit status %d (stderr: %s)"
                        % (proc.returncode, stderr[:300] or "empty"))
        return problems, notes

    try:
        doc = json.loads(proc.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        problems.append("stdout is not JSON: %s" % e)
        return problems, notes

    files = doc.get("files") if isinstance(doc, dict) else None
    if not isinstance(files, list) or len(files) != 1:
        problems.append("expected one entry in \"files\", got %r" % (files,))
        return problems, notes
    result = files[0]
    findings = result.get("findings")
    if not isinstance(findings, list):
        problems.append("\"findings\" is not a list")
        return problems, notes

    if "kind" in expected and result.get("kind") != expected["kind"]:
        problems.append("kind %r, expected %r"
                        % (result.get("kind"), expected["kind"]))

    def where(f):
        return "%s@%s" % (f.get("rule"), f.get("line", "?"))

    for want in expected.get("must_report", []):
        rule = want["rule"]
        line = want.get("line")
        same_rule = [f for f in findings if f.get("rule") == rule]
        if line is None:
            ok = bool(same_rule)
        else:
            ok = any(f.get("line") == line for f in same_rule)
        if not ok:
            if same_rule:
                problems.append("missing %s@%s (reported at lines %s)"
                                % (rule, line,
                                   [f.get("line") for f in same_rule]))
            else:
                problems.append("missing %s%s"
                                % (rule, "" if line is None else "@%d" % line))

    for pattern in expected.get("must_not_report", []):
        for f in findings:
            rule = f.get("rule", "")
            if rule_matches(pattern, rule):
                # a rule named in must_report is wanted even if a family
                # pattern would exclude it
                if any(w["rule"] == rule for w in expected.get("must_report", [])):
                    continue
                problems.append("unexpected %s (%s) %r"
                                % (where(f), f.get("severity", "?"),
                                   (f.get("excerpt") or "")[:40]))

    if "exit_status" in expected and proc.returncode != expected["exit_status"]:
        errors = [where(f) for f in findings if f.get("severity") == "error"]
        problems.append("exit status %d, expected %d (errors: %s)"
                        % (proc.returncode, expected["exit_status"],
                           ", ".join(errors) or "none"))

    return problems, notes


def main():
    global DATA_DIRS
    args = sys.argv[1:]
    dirs = [a[len("--dir="):] for a in args if a.startswith("--dir=")]
    args = [a for a in args if not a.startswith("--dir=")]
    if dirs:
        DATA_DIRS = dirs
    gongwen = args.pop(0) if args else os.environ.get("GONGWEN")
    if not gongwen:
        print("Bail out! no gongwen binary: pass its path or set GONGWEN")
        return 99
    if not os.access(gongwen, os.X_OK):
        print("Bail out! %s is not executable" % gongwen)
        return 99
    only = set(args)

    known = {}
    cases = collect_cases(only, known)
    if not cases:
        print("Bail out! no cases found under %s" % ", ".join(DATA_DIRS))
        return 99

    print("1..%d" % len(cases))
    failed = 0
    for n, (name, txt, expected_path) in enumerate(cases, 1):
        if txt is None:
            problems, notes = ["%s has no .txt beside it" % expected_path], []
        else:
            try:
                problems, notes = check_case(gongwen, txt, expected_path)
            except (OSError, ValueError, KeyError) as e:
                problems, notes = ["%s: %s" % (type(e).__name__, e)], []
        if problems and name in known:
            print("not ok %d - %s # TODO %s" % (n, name, known[name]))
            print("# %s: %s" % (name, "; ".join(problems)))
        elif problems:
            failed += 1
            print("not ok %d - %s # %s" % (n, name, "; ".join(problems)))
        else:
            print("ok %d - %s" % (n, name))
            if name in known:
                print("# %s passes now: remove it from KNOWN-FAILURES" % name)
        for note in notes:
            print("# %s: %s" % (name, note))
        sys.stdout.flush()

    if failed:
        print("# %d of %d cases failed" % (failed, len(cases)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
