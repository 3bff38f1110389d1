#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`gongwen --export-pdf` under text conservation (issue 13), run as a user
runs it, on drafts pasted out of Word:

  - a line left out while drawing (the test hook GONGWEN_TEST_DROP_LINE)
    fails the file: exit 1, a message naming the file and the block, no PDF
    and no temporary file left in the folder;
  - a table row with a 1,000-character cell keeps every character;
  - a table of 5,000 columns is refused with a message saying how many fit.

Usage: test-cli-conservation.py PATH-TO-GONGWEN (or $GONGWEN). Output is TAP.
"""

import os
import shutil
import subprocess
import sys
import tempfile

TIMEOUT = 300
DRAFT = ("临川市民政局关于加强社工站建设的实施意见\n\n"
         "各区（县）民政局：\n"
         + "　　承接主体应当通过公开招标、竞争性磋商等方式择优确定，不得仅以“价低者得”为原则。\n" * 6
         + "\n临川市民政局\n2024年5月8日\n")

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def export(gongwen, path, out, env=None):
    e = dict(os.environ)
    e.pop("GONGWEN_TEST_DROP_LINE", None)
    e.update(env or {})
    return subprocess.run([gongwen, "--export-pdf=" + out, "--jobs=1", path],
                          capture_output=True, text=True, timeout=TIMEOUT, env=e)


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN")
    tmp = tempfile.mkdtemp(prefix="gw-cli-conservation-")
    try:
        draft = os.path.join(tmp, "draft.txt")
        with open(draft, "w", encoding="utf-8") as f:
            f.write(DRAFT)

        out = os.path.join(tmp, "out-drop")
        os.mkdir(out)
        r = export(gongwen, draft, out, {"GONGWEN_TEST_DROP_LINE": "3"})
        check("a dropped line fails the export (exit 1)", r.returncode == 1,
              f"exit {r.returncode}: {r.stderr}")
        check("the message names the file and the place",
              "draft.txt" in r.stderr and "line " in r.stderr and "missing" in r.stderr,
              r.stderr)
        check("no PDF and no temporary file is left", os.listdir(out) == [], str(os.listdir(out)))

        out = os.path.join(tmp, "out-ok")
        os.mkdir(out)
        r = export(gongwen, draft, out)
        check("without the hook the draft exports", r.returncode == 0 and
              os.listdir(out) == ["draft.pdf"], f"exit {r.returncode}: {r.stderr}")

        cell = "社" * 1000
        table = os.path.join(tmp, "table.txt")
        with open(table, "w", encoding="utf-8") as f:
            f.write("关于社工站的表格\n\n项目\t内容\t备注\n长文\t" + cell + "\t无\n短文\t值\t无\n")
        out = os.path.join(tmp, "out-table")
        os.mkdir(out)
        r = export(gongwen, table, out)
        pdf = os.path.join(out, "table.pdf")
        check("a table with a 1,000-character cell exports", r.returncode == 0 and
              os.path.exists(pdf), f"exit {r.returncode}: {r.stderr}")
        if os.path.exists(pdf) and shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                  text=True).stdout
            check("all 1,000 characters of the cell are in the PDF",
                  text.count("社") == 1000 + 1, f"{text.count('社')} of 1001 (the title has one)")
            check("the header row repeats on the next page",
                  text.count("项目") >= 2, f"{text.count('项目')} header rows")

        wide = os.path.join(tmp, "wide.txt")
        with open(wide, "w", encoding="utf-8") as f:
            f.write("宽表\n\n" + "\t".join(f"栏{c}" for c in range(5000)) + "\n"
                    + "\t".join("1" for c in range(5000)) + "\n")
        out = os.path.join(tmp, "out-wide")
        os.mkdir(out)
        r = export(gongwen, wide, out)
        check("a 5,000-column table is refused (exit 1)", r.returncode == 1,
              f"exit {r.returncode}: {r.stderr}")
        check("the message names the file and says what fits",
              "wide.txt" in r.stderr and "5000 columns" in r.stderr and "31" in r.stderr,
              r.stderr)
        check("no PDF is written for it", os.listdir(out) == [], str(os.listdir(out)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{len(results)}")
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
        if not ok:
            failed += 1
            for line in detail.splitlines():
                print(f"# {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
