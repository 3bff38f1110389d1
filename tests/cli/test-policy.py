#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs `gongwen --check --format=json` over tests/data/policy/*.txt and
compares each opinion's "policy" object with NAME.expected.json: the same
keys (a parameter the opinion does not state must be absent), and for each
the same value, line and sentence. An evaluation form has no "policy".

Then `--check --against=OPINION FORM`: a form that contradicts its
opinion draws the form.against-opinion.* findings with the opinion's title,
number and sentence as basis; one that agrees draws none; an opinion that
states nothing, or cannot be read, is a wrong call (exit 2).

Usage: test-policy.py [PATH-TO-GONGWEN] (or $GONGWEN). Output is TAP."""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "policy")


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN", "gongwen")
    names = sorted(n[:-len(".expected.json")] for n in os.listdir(DATA)
                   if n.endswith(".expected.json"))
    paths = [os.path.join(DATA, n + ".txt") for n in names]
    print("1..%d" % (len(names) + 8))
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
    root = os.path.join(HERE, "..", "..")
    form = os.path.join(root, "data", "rules", "examples", "evaluation-good.gwdoc")
    proc = subprocess.run([gongwen, "--check", "--format=json", form],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    entry = json.loads(proc.stdout.decode("utf-8"))["files"][0]
    checks = [("an evaluation form has no policy", "policy" not in entry),
              ("no against-opinion finding without --against",
               not any(f["rule"].startswith("form.against-opinion.") for f in entry["findings"]))]

    def against(opinion, form_path, want_rules, want_status, why):
        argv = [gongwen, "--check", "--format=json", "--against=" + opinion, form_path]
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        if want_status == 2:
            checks.append((why, p.returncode == 2 and p.stderr.strip() != b""))
            return
        try:
            e = json.loads(p.stdout.decode("utf-8"))["files"][0]
        except (ValueError, KeyError, IndexError):
            checks.append((why + " (no JSON)", False))
            return
        got = sorted(set(f["rule"] for f in e["findings"] if f["rule"].startswith("form.against-opinion.")))
        ok = got == sorted(want_rules) and p.returncode == want_status
        for f in e["findings"]:
            if f["rule"].startswith("form.against-opinion."):
                # basis: the opinion's title, number and the sentence
                ok = ok and "《" in f["basis"] and "〔" in f["basis"] and "“" in f["basis"]
        checks.append(("%s (got %s, exit %d)" % (why, got, p.returncode), ok))

    policy_dir = os.path.join(root, "tests", "data", "policy")
    examples = os.path.join(root, "data", "rules", "examples")
    against(os.path.join(policy_dir, "yuyang-two-year.txt"), form,
            ["form.against-opinion.cycle-year", "form.against-opinion.renewal",
             "form.against-opinion.thresholds"], 1,
            "a three-year form with 合格 renewing and 良好 at 80 against a two-year opinion")
    against(os.path.join(policy_dir, "shenmu-corpus.txt"), form, [], 0,
            "the form agrees with the Shenmu opinion")
    against(os.path.join(examples, "opinion-rectify.txt"), form,
            ["form.against-opinion.reprocure"], 1,
            "re-procurement on 不合格 against an opinion that orders rectification")
    with tempfile.TemporaryDirectory() as tmp:
        with open(form, encoding="utf-8") as f:
            text = f.read()
        bad = os.path.join(tmp, "self-evaluated.gwdoc")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text.replace("<field name=\"evaluator\">榆林市社会工作协会</field>",
                                 "<field name=\"evaluator\">神木市益民社会工作服务中心</field>"))
        against(os.path.join(policy_dir, "shenmu-corpus.txt"), bad,
                ["form.against-opinion.evaluator"], 1,
                "the operator evaluates itself against an opinion that has a third party evaluate")
        empty = os.path.join(tmp, "empty.txt")
        with open(empty, "w", encoding="utf-8") as f:
            f.write("某县民政局\n关于开会的通知\n\n各乡镇：\n\n定于下周一开会。\n\n某县民政局\n2024年3月5日\n")
        against(empty, form, [], 2, "an opinion that states nothing is refused")
        against(os.path.join(tmp, "missing.txt"), form, [], 2, "a missing opinion is refused")

    n = len(names)
    for why, ok in checks:
        n += 1
        if ok:
            print("ok %d - %s" % (n, why))
        else:
            failed += 1
            print("not ok %d - %s" % (n, why))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
