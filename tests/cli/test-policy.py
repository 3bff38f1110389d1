#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs `gongwen --check --format=json` over tests/data/policy/*.txt and
compares each opinion's "policy" object with NAME.expected.json: the same
keys (a parameter the opinion does not state must be absent), and for each
the same value, line and sentence. An evaluation form has no "policy".

Usage: test-policy.py [PATH-TO-GONGWEN] (or $GONGWEN). Output is TAP."""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "policy")


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN", "gongwen")
    names = sorted(n[:-len(".expected.json")] for n in os.listdir(DATA)
                   if n.endswith(".expected.json"))
    paths = [os.path.join(DATA, n + ".txt") for n in names]
    print("1..%d" % (len(names) + 1))
    proc = subprocess.run([gongwen, "--check", "--format=json"] + paths,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    files = {f["path"]: f for f in json.loads(proc.stdout.decode("utf-8"))["files"]}
    failed = 0
    for i, (name, path) in enumerate(zip(names, paths), 1):
        with open(os.path.join(DATA, name + ".expected.json"), encoding="utf-8") as f:
            want = json.load(f)["policy"]
        got = files.get(path, {}).get("policy")
        problems = []
        if got is None:
            problems.append("no \"policy\" object")
            got = {}
        for key in sorted(set(want) | set(got)):
            if key not in got:
                problems.append("missing %s" % key)
            elif key not in want:
                problems.append("guessed %s = %r" % (key, got[key]))
            elif want[key] != got[key]:
                problems.append("%s: got %s, expected %s"
                                % (key, json.dumps(got[key], ensure_ascii=False),
                                   json.dumps(want[key], ensure_ascii=False)))
        if problems:
            failed += 1
            print("not ok %d - %s # %s" % (i, name, "; ".join(problems)))
        else:
            print("ok %d - %s" % (i, name))

    # A form is not an opinion: no policy is read from it.
    form = os.path.join(HERE, "..", "..", "data", "rules", "examples", "evaluation-good.gwdoc")
    proc = subprocess.run([gongwen, "--check", "--format=json", form],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    entry = json.loads(proc.stdout.decode("utf-8"))["files"][0]
    n = len(names) + 1
    if "policy" in entry:
        failed += 1
        print("not ok %d - an evaluation form has no policy" % n)
    else:
        print("ok %d - an evaluation form has no policy" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
