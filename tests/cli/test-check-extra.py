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

The drafts are checked CHUNK at a time in one `gongwen --check` call (as a
user checks a folder): loading the packs runs every rule's examples, which
under AddressSanitizer takes seconds, so one process per draft made the
sanitizer run take most of an hour. A draft's exit status is then what a
call with it alone returns (1 with an error-severity finding, else 0; the
contract in the README). A chunk whose call fails as a whole
(exit 2, no JSON, a draft missing from it) is run again one draft a call,
so a crash still names its draft.

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
CHUNK = 40    # drafts per gongwen call


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


def run_check(gongwen, paths):
    """Runs one `gongwen --check --format=json` over @paths. Returns
    ({path: (file entry, exit status)}, problem or None, seconds)."""
    argv = [gongwen, "--check", "--format=json"] + paths
    start = time.monotonic()
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT * len(paths))
    except subprocess.TimeoutExpired:
        return {}, "timed out after %d s" % (TIMEOUT * len(paths)), 0
    elapsed = time.monotonic() - start
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode not in (0, 1):
        return {}, "exit status %d (stderr: %s)" % (proc.returncode, stderr[:300] or "empty"), elapsed
    try:
        doc = json.loads(proc.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        return {}, "stdout is not JSON: %s" % e, elapsed
    files = doc.get("files") if isinstance(doc, dict) else None
    if not isinstance(files, list) or len(files) != len(paths):
        return {}, "expected %d entries in \"files\", got %r" % (len(paths), files), elapsed
    results = {}
    for entry in files:
        findings = entry.get("findings") if isinstance(entry, dict) else None
        if not isinstance(findings, list):
            return {}, "\"findings\" is not a list", elapsed
        status = 1 if any(f.get("severity") == "error" for f in findings) else 0
        results[entry.get("path")] = (entry, status)
    if set(results) != set(paths):
        return {}, "paths in the output differ from the drafts given", elapsed
    if len(paths) == 1 and results[paths[0]][1] != proc.returncode:
        return {}, "exit status %d does not follow the findings" % proc.returncode, elapsed
    return results, None, elapsed


def check_case(result, status, expected_path):
    """Compares one draft's file entry with its expectations; returns the
    problems found (strings)."""
    problems = []
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    findings = result.get("findings")

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

    if "exit_status" in expected and status != expected["exit_status"]:
        errors = [where(f) for f in findings if f.get("severity") == "error"]
        problems.append("exit status %d, expected %d (errors: %s)"
                        % (status, expected["exit_status"],
                           ", ".join(errors) or "none"))

    return problems


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

    # every draft's entry, CHUNK drafts a call; a failing chunk one by one
    results, errors = {}, {}
    paths = [txt for _, txt, _ in cases if txt is not None]
    for i in range(0, len(paths), CHUNK):
        chunk = paths[i:i + CHUNK]
        got, problem, elapsed = run_check(gongwen, chunk)
        print("# drafts %d-%d checked in %.2f s" % (i + 1, i + len(chunk), elapsed))
        if problem is None:
            results.update(got)
            continue
        for path in chunk:
            got, problem, _ = run_check(gongwen, [path])
            if problem is None:
                results.update(got)
            else:
                errors[path] = problem

    print("1..%d" % len(cases))
    failed = 0
    for n, (name, txt, expected_path) in enumerate(cases, 1):
        if txt is None:
            problems = ["%s has no .txt beside it" % expected_path]
        elif txt in errors:
            problems = [errors[txt]]
        else:
            try:
                problems = check_case(*results[txt], expected_path)
            except (OSError, ValueError, KeyError) as e:
                problems = ["%s: %s" % (type(e).__name__, e)]
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
        sys.stdout.flush()

    if failed:
        print("# %d of %d cases failed" % (failed, len(cases)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
