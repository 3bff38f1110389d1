#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An evaluation form whose header names its governing opinion (the field
"opinion", 依据的实施意见) is checked against it by `gongwen --check FORM`,
without --against (docs/policy.md):

- named by a path relative to the form's folder: a contradicting opinion
  draws the form.against-opinion.* findings, basis = its title, number and
  sentence, exit 1; an agreeing one, none;
- an explicit --against wins over the header;
- named by a document number found among the recently used files;
- a number nothing answers to, or a file that cannot be read, is an
  unreadable input: exit 2, a message naming the form and the reference,
  a check.incomplete error among the findings, and never "0 errors".

Usage: test-governing.py [PATH-TO-GONGWEN] (or $GONGWEN). Output is TAP."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
POLICY = os.path.join(ROOT, "tests", "data", "policy")
FORM = os.path.join(ROOT, "data", "rules", "examples", "evaluation-good.gwdoc")
CONTRADICTING = ["form.against-opinion.cycle-year", "form.against-opinion.renewal",
                 "form.against-opinion.thresholds"]

results = []


def ok(cond, why, detail=""):
    results.append((bool(cond), why, detail))


def run(gongwen, env, *args):
    p = subprocess.run([gongwen] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def form_naming(folder, name, reference):
    with open(FORM, encoding="utf-8") as f:
        text = f.read()
    marker = "<field name=\"evaluator\">"
    assert marker in text
    text = text.replace(marker, "<field name=\"opinion\">%s</field>\n      %s" % (reference, marker), 1)
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def against_rules(entry):
    return sorted(set(f["rule"] for f in entry["findings"] if f["rule"].startswith("form.against-opinion.")))


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN", "gongwen")
    tmp = tempfile.mkdtemp(prefix="gw-governing-test-")
    try:
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), LANG="C.UTF-8",
                   LANGUAGE="", LC_ALL="C.UTF-8")
        os.makedirs(env["XDG_DATA_HOME"])
        forms = os.path.join(tmp, "forms")
        opinions = os.path.join(tmp, "opinions")
        os.makedirs(forms)
        os.makedirs(opinions)
        two_year = os.path.join(opinions, "yuyang.txt")
        shutil.copy(os.path.join(POLICY, "yuyang-two-year.txt"), two_year)
        shenmu = os.path.join(opinions, "shenmu.txt")
        shutil.copy(os.path.join(POLICY, "shenmu-corpus.txt"), shenmu)

        # by a path relative to the form's folder, checked from elsewhere
        bad = form_naming(forms, "bad.gwdoc", "../opinions/yuyang.txt")
        rc, so, se = run(gongwen, env, "--check", "--format=json", bad)
        entry = json.loads(so)["files"][0] if so.strip() else {"findings": []}
        ok(rc == 1 and against_rules(entry) == CONTRADICTING,
           "a form naming a contradicting opinion by path draws its findings, exit 1",
           "exit %d, %s %s" % (rc, against_rules(entry), se))
        bases = [f["basis"] for f in entry["findings"] if f["rule"].startswith("form.against-opinion.")]
        ok(bases and all("《" in b and "榆区政办发〔2024〕7号" in b and "“" in b for b in bases),
           "each finding's basis is the opinion's title, number and sentence", bases)

        good = form_naming(forms, "good.gwdoc", "../opinions/shenmu.txt")
        rc, so, se = run(gongwen, env, "--check", "--format=json", good)
        entry = json.loads(so)["files"][0] if so.strip() else {"findings": [{"rule": "?"}]}
        ok(rc == 0 and against_rules(entry) == [] and
           not any(f["rule"] == "check.incomplete" for f in entry["findings"]),
           "a form naming an agreeing opinion is clean, exit 0", "exit %d %s" % (rc, se))

        rc, so, se = run(gongwen, env, "--check", "--format=json", "--against=" + shenmu, bad)
        entry = json.loads(so)["files"][0] if so.strip() else {"findings": [{"rule": "?"}]}
        ok(rc == 0 and against_rules(entry) == [],
           "an explicit --against wins over the header", "exit %d %s" % (rc, se))

        # by document number, found among the recently used files
        uri = pathlib.Path(two_year).as_uri()
        with open(os.path.join(env["XDG_DATA_HOME"], "recently-used.xbel"), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<xbel version="1.0" '
                    'xmlns:bookmark="http://www.freedesktop.org/standards/desktop-bookmarks" '
                    'xmlns:mime="http://www.freedesktop.org/standards/shared-mime-info">\n'
                    '  <bookmark href="%s" added="2026-01-01T00:00:00Z" '
                    'modified="2026-01-01T00:00:00Z" visited="2026-01-01T00:00:00Z">\n'
                    '  </bookmark>\n</xbel>\n' % uri)
        by_number = form_naming(forms, "by-number.gwdoc", "榆区政办发[2024]7号")
        rc, so, se = run(gongwen, env, "--check", "--format=json", by_number)
        entry = json.loads(so)["files"][0] if so.strip() else {"findings": []}
        ok(rc == 1 and against_rules(entry) == CONTRADICTING,
           "a number is found among the recently used files (brackets as typed)",
           "exit %d, %s %s" % (rc, against_rules(entry), se))

        # a number nothing answers to
        unknown = form_naming(forms, "unknown.gwdoc", "神民发〔2099〕99号")
        rc, so, se = run(gongwen, env, "--check", unknown)
        ok(rc == 2, "an unknown number is an unreadable input: exit 2", "exit %d" % rc)
        ok("unknown.gwdoc" in se and "神民发〔2099〕99号" in se and "not found" in se,
           "the message names the form and the number", se)
        ok("0 errors" not in so and "1 error" in so,
           "the summary never says 0 errors", so)
        rc, so, se = run(gongwen, env, "--check", "--format=json", unknown)
        entry = json.loads(so)["files"][0] if so.strip() else {"findings": []}
        incomplete = [f for f in entry["findings"] if f["rule"] == "check.incomplete"]
        ok(rc == 2 and incomplete and incomplete[0]["severity"] == "error" and
           "神民发〔2099〕99号" in incomplete[0]["message"] and "error" in entry,
           "JSON: a check.incomplete error naming the number, and the file's error", so)

        # a file that is not there
        missing = form_naming(forms, "missing.gwdoc", "nowhere/opinion.docx")
        rc, so, se = run(gongwen, env, "--check", missing)
        ok(rc == 2 and "missing.gwdoc" in se and "nowhere/opinion.docx" in se and "0 errors" not in so,
           "a missing file is an unreadable input naming both", "exit %d %s %s" % (rc, se, so))

        # an opinion that states nothing: nothing to compare with
        empty = os.path.join(opinions, "empty.txt")
        with open(empty, "w", encoding="utf-8") as f:
            f.write("某县民政局\n关于开会的通知\n\n各乡镇：\n\n定于下周一开会。\n\n某县民政局\n2024年3月5日\n")
        says_nothing = form_naming(forms, "says-nothing.gwdoc", "../opinions/empty.txt")
        rc, so, se = run(gongwen, env, "--check", says_nothing)
        ok(rc == 2 and "states no policy parameter" in se, "an opinion stating nothing is refused",
           "exit %d %s" % (rc, se))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("1..%d" % len(results))
    failed = 0
    for i, (good, why, detail) in enumerate(results, 1):
        if good:
            print("ok %d - %s" % (i, why))
        else:
            failed += 1
            print("not ok %d - %s" % (i, why))
            for line in str(detail).splitlines()[:20]:
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
