#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The evaluation round from the command line, checked against figures
computed here from spec/evaluation.md alone (not from Gongwen's code):

  - a generated contract list → `--new-round`: one form per station and a
    manifest; a bad list → exit 2 and nothing written;
  - the forms scored here (random scores on the step, veto items ticked,
    every cycle year, one form left unscored, one with a score over its
    maximum, one broken file) → `--summary=OUT.csv`: every subtotal, total,
    grade and decision equal to this script's; exit 1 (errors, unreadable);
  - `--summary=OUT.pdf`: one table row per station, the chart, numbered
    pages (read back with pdftotext);
  - wrong calls → exit 2.

Usage: test-round.py PATH-TO-GONGWEN. Output is TAP.
"""

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

GONGWEN = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN", "gongwen")
TIMEOUT = 120

# spec/evaluation.md: the indicators and their maxima, the grade scale and
# the decision table, written out here independently of the template.
SECTIONS = {
    "A": [("A1", 5), ("A2", 4), ("A3", 3), ("A4", 3)],
    "B": [("B1", 5), ("B2", 2), ("B3", 3)],
    "C": [("C1", 15), ("C2", 10), ("C3", 10)],
    "D": [("D1", 8), ("D2", 4), ("D3", 3)],
    "E": [("E1", 5), ("E2", 5)],
    "F": [("F1", 5), ("F2", 5), ("F3", 5)],
}
RENEW = "续签下一年度合同"
DROP = "不予续签，按政府采购程序重新确定承接机构"
EXPIRED = "周期届满，按政府采购程序重新确定承接机构"


def grade_of(total, vetoed):
    if vetoed:
        return "不合格"
    if total >= 90:
        return "优秀"
    if total >= 80:
        return "良好"
    if total >= 60:
        return "合格"
    return "不合格"


def decision_of(grade, year):
    if year == 3:
        return EXPIRED
    return DROP if grade == "不合格" else RENEW


CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(n):
    """A GB 32100-2015 code with its check digit."""
    body = "52610821MJ%07d" % (1000000 + n)
    s = sum(CHARSET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + CHARSET[(31 - s % 31) % 31]


results = []


def ok(cond, name, detail=""):
    results.append(bool(cond))
    print(("ok" if cond else "not ok") + " %d - %s" % (len(results), name))
    if not cond and detail:
        for line in str(detail).splitlines():
            print("# " + line)


def run(*args, cwd=None):
    p = subprocess.run([GONGWEN, *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def score_form(path, rng, year, veto, mode):
    """Scores the form in place; returns the expected figures."""
    tree = ET.parse(path)
    ev = tree.getroot().find("evaluation")
    scores = {}
    for sec in ev.find("sections"):
        for ind in sec:
            iid, mx = ind.get("id"), float(ind.get("max"))
            if mode == "unscored":
                continue
            v = rng.randint(int(mx * 1.2), int(mx * 2)) / 2   # 60 %–100 %, steps of 0.5
            if mode == "error" and iid == "C1":
                v = mx + 1                                     # over its maximum
            ind.set("score", "%g" % v)
            scores[iid] = v
    if veto is not None:
        ev.find("veto-items")[veto].set("ticked", "true")
    fields = ev.find("fields")
    signoff = {
        "contract-number": "SM-2024-%03d" % rng.randint(1, 999), "contract-amount": "300000",
        "evaluator": "榆林市社会工作协会", "date": "2025-01-10", "team-leader": "刘建华",
        "evaluators-date": "2025-01-10", "operator-ack": "高志强", "operator-ack-date": "2025-01-12",
        "purchaser-opinion": "同意。", "purchaser-date": "2025-01-13",
        "bureau-review": "同意。", "bureau-date": "2025-01-15",
    }
    if mode != "unscored":
        have = {e.get("name"): e for e in fields}
        for k, v in signoff.items():
            e = have.get(k)
            if e is None:
                e = ET.SubElement(fields, "field", name=k)
            if not (e.text or "").strip():
                e.text = v
        evs = ET.Element("evaluators")
        for n in ("刘建华", "张丽", "王晓东"):
            ET.SubElement(evs, "evaluator").text = n
        ev.insert(list(ev).index(fields) + 1, evs)
    tree.write(path, encoding="UTF-8", xml_declaration=True)
    subtotals = {s: sum(scores.get(i, 0) for i, _ in inds) for s, inds in SECTIONS.items()}
    total = sum(subtotals.values())
    grade = grade_of(total, veto is not None)
    return {"subtotals": subtotals, "total": total, "grade": grade,
            "decision": decision_of(grade, year), "mode": mode}


def num(s):
    return float(s) if s != "" else None


def main():
    tmp = tempfile.mkdtemp(prefix="gw-round-test-")
    try:
        rng = random.Random(20241207)
        n = 14
        stations = ["%s镇社工站" % name for name in
                    "高家堡 店塔 孙家岔 大柳塔 中鸡 锦界 瑶镇 栏杆堡 沙峁 万镇 贺家川 马镇 花石崖 太和寨".split()]
        years = [1 + i % 3 for i in range(n)]
        # columns in an unusual order, English and Chinese synonyms mixed
        header = ["Cycle year", "统一社会信用代码", "站点名称", "Operator", "采购单位", "服务期限", "合同金额(元)"]
        lines = [",".join(header)]
        for i in range(n):
            lines.append(",".join([
                str(years[i]), uscc(i), stations[i], "神木市第%d社会工作服务中心" % (i + 1),
                "神木市%s人民政府" % stations[i][:-3], "2024/1/1至2024/12/31", '"300,000.00"']))
        src = os.path.join(tmp, "contracts.csv")
        with open(src, "w", encoding="utf-8") as f:
            f.write("\r\n".join(lines) + "\r\n")

        out = os.path.join(tmp, "round")
        rc, so, se = run("--new-round=" + src, "--out=" + out)
        ok(rc == 0, "--new-round exits 0", se)
        forms = sorted(f for f in os.listdir(out) if f.endswith(".gwdoc")) if os.path.isdir(out) else []
        ok(len(forms) == n, "one form per station", forms)
        ok(os.path.exists(os.path.join(out, "round.ini")), "the round has a manifest")
        ok(sorted(stations) == sorted(f[:-6] for f in forms), "forms are named after the stations")

        # a second call into the same folder writes nothing and says why
        rc, so, se = run("--new-round=" + src, "--out=" + out)
        ok(rc == 2 and "never overwrites" in se, "a round is never overwritten", se)

        # a bad list: nothing written, every bad row named
        bad = os.path.join(tmp, "bad.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("站点,承接机构,统一社会信用代码,采购人,周期第几年\n"
                    "甲站,机构甲,%s,政府甲,1\n乙站,机构乙,%s,政府乙,9\n" % (uscc(1), uscc(2)[:-1] + "0"))
        bad_out = os.path.join(tmp, "bad-round")
        rc, so, se = run("--new-round=" + bad, "--out=" + bad_out)
        ok(rc == 2 and not os.path.exists(bad_out), "a bad list creates nothing", se)
        ok("line 3, column 5" in se, "the bad cycle year is named by line and column", se)

        # the same list and the bad one saved by LibreOffice as .xlsx (one soffice call)
        soffice = shutil.which("soffice")
        if soffice:
            xdir = os.path.join(tmp, "xlsx")
            os.mkdir(xdir)
            subprocess.run([soffice, "-env:UserInstallation=file://" + os.path.join(tmp, "lo-profile"),
                            "--headless", "--infilter=Text - txt - csv (StarCalc):44,34,76,1",
                            "--convert-to", "xlsx", "--outdir", xdir, src, bad],
                           capture_output=True, timeout=180,
                           # LibreOffice reads the CSV's 150000.00 by the
                           # locale; the comma-locale run is about Gongwen's
                           # numbers, not LibreOffice's
                           env=dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8"))
            xsrc, xbad = os.path.join(xdir, "contracts.xlsx"), os.path.join(xdir, "bad.xlsx")
            ok(os.path.exists(xsrc) and os.path.exists(xbad), "LibreOffice saved the lists as .xlsx")
            xout = os.path.join(tmp, "round-xlsx")
            rc, so, se = run("--new-round=" + xsrc, "--out=" + xout)
            ok(rc == 0, "--new-round reads the .xlsx list", se)
            same = True
            for st in stations:
                a = open(os.path.join(out, st + ".gwdoc"), encoding="utf-8").read()
                b = open(os.path.join(xout, st + ".gwdoc"), encoding="utf-8").read() \
                    if os.path.exists(os.path.join(xout, st + ".gwdoc")) else ""
                # a spreadsheet keeps the amount as the number 300000, the CSV wrote 300,000.00
                a = a.replace(">300000.00<", ">300000<")
                same = same and a == b
            ok(same, "the .xlsx list gives the very forms the CSV gives (the amount as a number)")
            rc, so, se = run("--new-round=" + xbad, "--out=" + os.path.join(tmp, "bad-xlsx"))
            ok(rc == 2 and "row 3, column E" in se and not os.path.exists(os.path.join(tmp, "bad-xlsx")),
               "a bad .xlsx row is named by row and column letter", se)
        else:
            print("# skip: no soffice for the .xlsx lists")

        # a governing opinion: a two-year cycle, its own grade thresholds
        opinion = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "policy",
                               "yuyang-two-year.txt")
        rc, so, se = run("--new-round=" + src, "--out=" + os.path.join(tmp, "two"), "--against=" + opinion)
        ok(rc == 2 and "past the last, year 2" in se and not os.path.exists(os.path.join(tmp, "two")),
           "--against: the opinion's two-year cycle refuses year 3", se)
        two = os.path.join(tmp, "two-year.csv")
        with open(two, "w", encoding="utf-8") as f:
            f.write("\n".join(l for i, l in enumerate(lines) if i == 0 or years[i - 1] < 3) + "\n")
        rc, so, se = run("--new-round=" + two, "--out=" + os.path.join(tmp, "two"), "--against=" + opinion)
        first = sorted(f for f in os.listdir(os.path.join(tmp, "two")) if f.endswith(".gwdoc")) if rc == 0 else []
        text = open(os.path.join(tmp, "two", first[0]), encoding="utf-8").read() if first else ""
        ok(rc == 0 and 'name="良好" min="75"' in text and "policy parameters" in se,
           "--against: the forms take the opinion's grade scale", se)
        ok('name="opinion">' in text and "yuyang-two-year.txt</field>" in text,
           "--against: each form's header names the opinion", text[:2000])
        if first:
            # the form names its opinion: --check compares them with no --against
            rc, so, se = run("--check", "--format=json", os.path.join(tmp, "two", first[0]))
            entry = json.loads(so)["files"][0] if so.strip() else {"findings": []}
            ok(rc != 2 and not any(f["rule"] == "check.incomplete" for f in entry["findings"]),
               "a round's form finds the opinion its header names", se)

        # score the forms; expected figures from the spec's rules
        expected = {}
        for i, st in enumerate(stations):
            veto = rng.randrange(5) if i % 5 == 2 else None
            mode = "unscored" if i == 4 else "error" if i == 7 else "scored"
            expected[st] = score_form(os.path.join(out, st + ".gwdoc"), rng, years[i], veto, mode)
        ok(any(e["grade"] == "不合格" and e["mode"] == "scored" for e in expected.values()),
           "the generated round has a 不合格 form")
        ok(sum(1 for i in range(n) if years[i] == 3 and expected[stations[i]]["mode"] == "scored") >= 3,
           "the generated round has cycle-year-3 forms")
        with open(os.path.join(out, "破损.gwdoc"), "w") as f:
            f.write("<gwdoc")

        csv_out = os.path.join(tmp, "summary.csv")
        rc, so, se = run("--summary=" + csv_out, out)
        ok(rc == 1, "--summary exits 1 with an unreadable form and one with errors", se)
        ok("破损.gwdoc" in se, "the unreadable form is named", se)
        ok("covers 15 forms" in so, "the summary says how many forms it covers", so)
        raw = open(csv_out, "rb").read()
        ok(raw.startswith(b"\xef\xbb\xbf"), "CSV is UTF-8 with BOM")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        head = rows[0]
        by_station = {r[0]: dict(zip(head, r)) for r in rows[1:]}
        ok(len(rows) == n + 2, "one CSV row per form", len(rows))
        mismatches = []
        for st, e in expected.items():
            r = by_station.get(st)
            if r is None:
                mismatches.append("%s: missing" % st)
                continue
            got_subs = [num(r[h]) for h in head if re.match(r"^[A-F] ", h)]
            want_subs = [e["subtotals"][s] for s in "ABCDEF"]
            if got_subs != want_subs:
                mismatches.append("%s: subtotals %s != %s" % (st, got_subs, want_subs))
            if num(r[head[head.index("Veto") - 1]]) != e["total"]:
                mismatches.append("%s: total %s != %s" % (st, r[head[head.index("Veto") - 1]], e["total"]))
            if e["mode"] == "unscored":
                if r[head[head.index("Veto") + 1]] != "" or "not started" not in r[head[-2]]:
                    mismatches.append("%s: an unscored form has a grade or the wrong status" % st)
                continue
            grade, decision = r[head[head.index("Veto") + 1]], r[head[head.index("Veto") + 2]]
            if grade != e["grade"] or decision != e["decision"]:
                mismatches.append("%s: %s/%s != %s/%s" % (st, grade, decision, e["grade"], e["decision"]))
            errors = int(r[head[head.index("Veto") + 4]])
            if (errors > 0) != (e["mode"] == "error"):
                mismatches.append("%s: %d errors in mode %s" % (st, errors, e["mode"]))
        ok(not mismatches, "subtotals, totals, grades and decisions equal the spec's", "\n".join(mismatches))

        pdf_out = os.path.join(tmp, "summary.pdf")
        rc, so, se = run("--summary=" + pdf_out, *[os.path.join(out, f) for f in forms])
        ok(rc == 1 and os.path.exists(pdf_out), "--summary=OUT.pdf written (exit 1: one form has errors)", se)
        if shutil.which("pdftotext") and os.path.exists(pdf_out):
            text = subprocess.run(["pdftotext", pdf_out, "-"], capture_output=True, text=True).stdout
            squeezed = re.sub(r"\s+", "", text)
            ok(all(st in squeezed for st in stations), "every station is in the PDF")
            ok("总分" in squeezed and "等次" in squeezed and "结果运用" in squeezed, "table headers")
            ok("附图" in squeezed and "各站点总分及分项得分" in squeezed, "the chart is there")
            pages = text.count("\f")
            ok(all("—%d—" % (i + 1) in squeezed for i in range(pages)), "every page numbered", pages)
            ok("须重新采购的站点" in squeezed and "等次分布" in squeezed, "distribution and re-procure list")

        # the same report's tables as Word, read back with python-docx
        docx_out = os.path.join(tmp, "summary.docx")
        rc, so, se = run("--summary=" + docx_out, out)
        ok(rc == 1 and os.path.exists(docx_out), "--summary=OUT.docx written", se)
        try:
            import docx
        except ImportError:
            # Debian's python3-docx, when python3 is another interpreter
            sys.path.append("/usr/lib/python3/dist-packages")
            try:
                import docx
            except ImportError:
                docx = None
                print("# skip: no python-docx to read the .docx back")
        if docx is not None and os.path.exists(docx_out):
            d = docx.Document(docx_out)
            table = d.tables[0] if d.tables else None
            cells = [[c.text for c in r.cells] for r in table.rows] if table else []
            ok(cells and "总分" in cells[0] and len(cells) == n + 1,
               "the .docx table: headers and one row per station", cells[:2])
            stations_in = {r[1] for r in cells[1:]}
            ok(stations_in == set(stations), "every station in the .docx table")

        # wrong calls
        rc, so, se = run("--summary=" + os.path.join(tmp, "x.txt"), out)
        ok(rc == 2, "--summary=OUT.txt is a wrong call", se)
        rc, so, se = run("--summary=" + os.path.join(tmp, "y.pdf"), os.path.join(out, "破损.gwdoc"))
        ok(rc == 2 and not os.path.exists(os.path.join(tmp, "y.pdf")), "no readable form: exit 2, nothing written", se)
        rc, so, se = run("--new-round=" + src)
        ok(rc == 2, "--new-round without --out is a wrong call", se)
    finally:
        if not os.environ.get("GW_KEEP"): shutil.rmtree(tmp, ignore_errors=True)
        else: print("# kept " + tmp)
    print("1..%d" % len(results))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
