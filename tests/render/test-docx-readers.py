#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Gongwen's .docx read by readers that are not ours.

  test-docx-readers.py GONGWEN SRCDIR

1. LibreOffice (headless, one soffice call for every fixture, a throwaway
   profile) converts the .docx files `gongwen --export-docx` wrote to PDF;
   poppler (pdftotext -bbox, pdftoppm) reads those PDFs back and they are
   compared with the PDF `gongwen --export-pdf` makes of the same document:
   A4; the first body glyph's em-top and the left text edge within 3 mm of
   ours; 22 body lines on a full page (±1); the organ mark red with its top
   at 72 mm (±1.5 mm) and the red rule 4 mm under the number; — N — right on
   odd pages and left on even ones, about 7 mm under the type area; the 版记
   on the last page, its last rule within 2 mm of the type area's bottom.
2. python3-docx (Debian's, a second reader) sees the document's paragraphs
   and tables: every body paragraph and heading of the .gwdoc as a
   paragraph of its own, every table with the same cells.

Glyphs are measured as GB/T 9704-2012 sizes type: the em box, +880/−120
per 1000 units. pdftotext gives a box from the font's ascent and descent as
the PDF declares them (FandolFang: 0.88/0.12, the em box itself; LibreOffice
writes 0/0, for which poppler takes 0.95/0.35), so the em-top is
yMin + (ascent − 0.88) × size, the ascent told by the box's height.

Plain build only (tests/render/meson.build registers it when b_sanitize is
none): LibreOffice under a sanitized gongwen adds nothing but minutes.
Skipped (TAP "1..0 # SKIP") when soffice or python3-docx is missing.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MM = 72 / 25.4
TA_LEFT, TA_TOP, TA_W, TA_BOTTOM = 28 * MM, 37 * MM, 156 * MM, 262 * MM
GWDOC_NS = ""

results = []


def ok(cond, name, detail=""):
    results.append((bool(cond), name, detail))


def skip_all(why):
    print("1..0 # SKIP " + why)
    sys.exit(0)


def words(pdf):
    """Pages of words: [[(text, xmin, ymin, xmax, ymax)]]."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                         capture_output=True).stdout.decode()
    pages = []
    for page in re.findall(r"<page .*?</page>", out, re.S):
        ws = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">(.*?)</word>', page):
            ws.append((m.group(5), float(m.group(1)), float(m.group(2)),
                       float(m.group(3)), float(m.group(4))))
        pages.append(ws)
    return pages


def em_top(w, size):
    """The em box's top of a word of @size points (see the docstring)."""
    ratio = (w[4] - w[2]) / size
    ascent = min([(1.0, 0.88), (1.3, 0.95), (1.437, 1.151)],
                 key=lambda p: abs(p[0] - ratio))[1]
    return w[2] + (ascent - 0.88) * size


def page_size(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True).stdout.decode()
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out)
    return float(m.group(1)), float(m.group(2))


def n_pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def raster(pdf, page, dpi=100):
    """Page @page (1-based) as (width, height, rgb bytes) through a PPM."""
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page),
                        pdf, os.path.join(d, "p")], check=True)
        name = [f for f in os.listdir(d) if f.endswith(".ppm")][0]
        data = open(os.path.join(d, name), "rb").read()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():]


def rows_where(img, dpi, test, min_fraction):
    """y (pt) of pixel rows where at least @min_fraction of the type
    area's width passes @test(r, g, b)."""
    w, h, px = img
    scale = dpi / 72
    x0, x1 = int(TA_LEFT * scale), int((TA_LEFT + TA_W) * scale)
    ys = []
    for y in range(h):
        row = px[y * w * 3:(y + 1) * w * 3]
        n = sum(1 for x in range(x0, x1, 2) if test(row[3 * x], row[3 * x + 1], row[3 * x + 2]))
        if n >= min_fraction * (x1 - x0) / 2:
            ys.append(y / scale)
    return ys


def red(r, g, b):
    return r > 180 and g < 90 and b < 90


def dark(r, g, b):
    return r < 100 and g < 100 and b < 100


def find_word(page, prefix):
    for w in page:
        if w[0].startswith(prefix):
            return w
    return None


def gwdoc_blocks(path):
    """(kind, text or rows) of a .gwdoc's body, up to the first attachment."""
    root = ET.parse(path).getroot()
    blocks = []
    for el in root.find("body"):
        if el.tag == "attachment":
            blocks.append(("attachment", el.text or ""))
        elif el.tag == "table":
            blocks.append(("table", [[c.text or "" for c in r] for r in el]))
        else:
            blocks.append((el.tag, (el.text or "").strip()))
    return blocks


def check_python_docx(docx_path, gwdoc_path, name):
    code = r'''
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs],
                  "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}))
'''
    out = subprocess.run([SYSPY, "-c", code, docx_path], check=True,
                         capture_output=True).stdout.decode()
    import json
    seen = json.loads(out)
    paragraphs = [p.strip() for p in seen["paragraphs"]]
    blocks = gwdoc_blocks(gwdoc_path)
    texts = [t for k, t in blocks if k in ("paragraph", "heading") and t]
    missing = [t for t in texts if t not in paragraphs]
    ok(not missing, f"python-docx: {name}: every paragraph and heading is a paragraph",
       "; ".join(m[:20] for m in missing[:3]))
    order = [paragraphs.index(t) for t in texts if t in paragraphs]
    ok(order == sorted(order), f"python-docx: {name}: in the document's order")
    tables = [rows for k, rows in blocks if k == "table"]
    body_tables = [t for t in seen["tables"]]
    ok(len(body_tables) == len(tables) and
       all([[c.strip() for c in r] for r in a] == b for a, b in zip(body_tables, tables)),
       f"python-docx: {name}: {len(tables)} table(s) with the same cells",
       f"{len(body_tables)} seen")
    ok("神木市人民政府办公室文件" in paragraphs or not name.startswith("shenmu"),
       f"python-docx: {name}: the organ mark is a paragraph")


def main():
    global SYSPY
    if len(sys.argv) != 3:
        print("usage: test-docx-readers.py GONGWEN SRCDIR", file=sys.stderr)
        sys.exit(2)
    gongwen, src = sys.argv[1], sys.argv[2]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        skip_all("soffice not installed (libreoffice-writer-nogui)")
    SYSPY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    if subprocess.run([SYSPY, "-c", "import docx"], capture_output=True).returncode != 0:
        skip_all("python3-docx not installed")

    gw = os.path.join(src, "data", "gwdoc")
    fixtures = {
        "shenmu-opinion": os.path.join(gw, "shenmu-opinion.gwdoc"),
        "shenmu-opinion-attachments": os.path.join(gw, "shenmu-opinion-attachments.gwdoc"),
        "linchuan-letter": os.path.join(gw, "linchuan-letter.gwdoc"),
        "sample-evaluation": os.path.join(gw, "sample-evaluation.gwdoc"),
        "bench-doc0001": os.path.join(src, "data", "import", "bench-doc0001.txt"),
        "joint-header-stacked": os.path.join(src, "data", "import", "joint-header-stacked.txt"),
    }
    first_body = {"shenmu-opinion": "为加快推进", "shenmu-opinion-attachments": "为加快推进",
                  "linchuan-letter": "为推进全市"}
    with tempfile.TemporaryDirectory(prefix="gw-docx-lo-") as tmp:
        dx, pdf, lo = (os.path.join(tmp, d) for d in ("docx", "pdf", "lo"))
        # a table too wide for the portrait page (§8)
        wide = os.path.join(tmp, "wide-table.gwdoc")
        cells = lambda r: "".join(f"<cell>{'社工站名称' if r == 0 else 'GW-2024-000123'}</cell>"
                                  for _ in range(12))
        with open(wide, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gwdoc version="1" kind="opinion">'
                    "<meta><title>关于社工站名单的通知</title></meta><body>"
                    "<paragraph>名单如下。</paragraph><table>" +
                    "".join(f"<row>{cells(r)}</row>" for r in range(4)) +
                    "</table><paragraph>特此通知。</paragraph></body></gwdoc>\n")
        fixtures["wide-table"] = wide
        files = list(fixtures.values())
        subprocess.run([gongwen, "--export-docx=" + dx] + files, check=True)
        subprocess.run([gongwen, "--export-pdf=" + pdf] + files, check=True)
        # every fixture in ONE soffice call, a throwaway profile
        r = subprocess.run([soffice, "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
                            "--headless", "--convert-to", "pdf", "--outdir", lo] +
                           [os.path.join(dx, n + ".docx") for n in fixtures],
                           capture_output=True, timeout=600)
        ok(r.returncode == 0, "soffice converted every fixture in one call", r.stderr[-300:])

        for name in fixtures:
            lo_pdf = os.path.join(lo, name + ".pdf")
            our_pdf = os.path.join(pdf, name + ".pdf")
            if not os.path.exists(lo_pdf):
                ok(False, f"{name}: LibreOffice wrote a PDF")
                continue
            w, h = page_size(lo_pdf)
            ok(abs(w - 595.28) < 1 and abs(h - 841.89) < 1, f"{name}: A4", f"{w} x {h}")
            lp, op = words(lo_pdf), words(our_pdf)

            if name in first_body:
                a, b = find_word(lp[0], first_body[name]), find_word(op[0], first_body[name])
                ok(a and b, f"{name}: the first body line is on page 1 of both PDFs")
                if a and b:
                    dy = abs(em_top(a, 16) - em_top(b, 16)) / MM
                    dx_ = abs(a[1] - b[1]) / MM
                    ok(dy <= 3, f"{name}: first body glyph's em-top within 3 mm of ours",
                       f"{dy:.2f} mm")
                    ok(dx_ <= 3, f"{name}: first body glyph's left edge within 3 mm of ours",
                       f"{dx_:.2f} mm")
                body = [x for x in lp[0] if TA_TOP - 5 < x[2] < TA_BOTTOM and x[1] < TA_LEFT + 30]
                ours = [x for x in op[0] if TA_TOP - 5 < x[2] < TA_BOTTOM and x[1] < TA_LEFT + 30]
                if body and ours:
                    d = abs(min(x[1] for x in body) - min(x[1] for x in ours)) / MM
                    ok(d <= 3, f"{name}: left text edge within 3 mm of ours", f"{d:.2f} mm")

            # — N —: right on odd pages (居右空一字), left on even ones
            for i, page in enumerate(lp):
                foot = [x for x in page if x[2] > TA_BOTTOM + 2 * MM and re.fullmatch(r"—|\d+", x[0])]
                if not foot:
                    continue
                left, right = min(x[1] for x in foot), max(x[3] for x in foot)
                mid = (min(x[2] for x in foot) + max(x[4] for x in foot)) / 2
                if (i + 1) % 2 == 1:
                    ok(abs(right - (TA_LEFT + TA_W - 15.79)) < 3 * MM,
                       f"{name}: page {i + 1}: — N — right (odd)", f"right end {right / MM:.1f} mm")
                else:
                    ok(abs(left - (TA_LEFT + 15.79)) < 3 * MM,
                       f"{name}: page {i + 1}: — N — left (even)", f"left end {left / MM:.1f} mm")
                ok(abs(mid - (TA_BOTTOM + 7 * MM)) < 2 * MM,
                   f"{name}: page {i + 1}: — N — 7 mm under the type area", f"{mid / MM:.1f} mm")
                ok("".join(x[0] for x in foot if x[0].isdigit()) == str(i + 1),
                   f"{name}: page {i + 1}: the number is the page's")

        # the wide table on a landscape page of its own, then portrait again
        sizes = []
        out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9", os.path.join(lo, "wide-table.pdf")],
                             check=True, capture_output=True).stdout.decode()
        for m in re.finditer(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out):
            sizes.append("L" if float(m.group(1)) > float(m.group(2)) else "P")
        ok(sizes == ["P", "L", "P"], "wide table: a landscape page between portrait ones", "".join(sizes))
        lpage = words(os.path.join(lo, "wide-table.pdf"))
        ok(len(lpage) > 1 and find_word(lpage[1], "社工站") is not None,
           "wide table: its cells are on the landscape page")

        # the organ mark: red, its top at 72 mm; the red rule under the number
        name = "shenmu-opinion"
        lo_pdf = os.path.join(lo, name + ".pdf")
        mark = find_word(words(lo_pdf)[0], "神木市人民政府办公室文件")
        ok(mark is not None, "organ mark: on page 1")
        if mark:
            top = em_top(mark, 42) / MM
            ok(abs(top - 72) <= 1.5, "organ mark: em-top at 72 mm (±1.5)", f"{top:.2f} mm")
        img = raster(lo_pdf, 1)
        reds = rows_where(img, 100, red, 0.90)
        ok(reds, "red rule: a red line across the type area on page 1")
        wpx, hpx, px = img
        scale = 100 / 72
        red_text = [y / scale for y in range(int(70 * MM * scale), int(95 * MM * scale))
                    if any(red(*px[(y * wpx + x) * 3:(y * wpx + x) * 3 + 3])
                           for x in range(int(TA_LEFT * scale), int((TA_LEFT + TA_W) * scale), 3))]
        ok(red_text and abs(min(red_text) / MM - 72) < 2.5,
           "organ mark: red ink starts at about 72 mm",
           f"{min(red_text) / MM:.1f} mm" if red_text else "no red ink")
        number = find_word(words(lo_pdf)[0], "神政办发")
        if reds and number:
            gap = (reds[0] - (em_top(number, 16) + 16)) / MM
            ok(abs(gap - 4) <= 2, "red rule: 4 mm under the number's em box (±2)", f"{gap:.2f} mm")

        # a joint mark: the names stacked from 72 mm, 文件 beside them,
        # centred on the stack
        jp = words(os.path.join(lo, "joint-header-stacked.pdf"))[0]
        first, second, word = (find_word(jp, t) for t in ("临川市民政局", "临川市财政局", "文件"))
        ok(first and second and word, "joint mark: both organs and 文件 on page 1")
        if first and second and word:
            top = em_top(first, 42) / MM
            ok(abs(top - 72) <= 1.5, "joint mark: em-top at 72 mm (±1.5)", f"{top:.2f} mm")
            ok(second[2] > first[2] + 30 and abs(second[1] - first[1]) < 1,
               "joint mark: the second organ under the first")
            mid = (first[2] + second[4]) / 2 - (word[2] + word[4]) / 2
            ok(word[1] > first[3] and abs(mid) < 3, "joint mark: 文件 right of the names, centred",
               f"{mid:.1f} pt off")

        # 22 body lines on a full page: page 2 of the opinion
        page = words(lo_pdf)[1]
        lines = sorted({round(x[2]) for x in page if TA_TOP - 5 < x[2] < TA_BOTTOM})
        ok(21 <= len(lines) <= 23, "full page: 22 body lines (±1)", f"{len(lines)} lines")
        if len(lines) > 2:
            pitch = (lines[-1] - lines[0]) / (len(lines) - 1)
            ok(28.0 <= pitch <= 30.0, "full page: line pitch 28–30 pt", f"{pitch:.2f} pt")

        # 版记 on the last page: 抄送 and 印发 there, the last rule on the
        # type area's bottom edge
        for name in ("shenmu-opinion", "shenmu-opinion-attachments"):
            lo_pdf = os.path.join(lo, name + ".pdf")
            last = n_pages(lo_pdf)
            page = words(lo_pdf)[last - 1]
            ok(find_word(page, "抄送：") and any("印发" in x[0] for x in page),
               f"{name}: 版记 (抄送, 印发) on the last page ({last})")
            rules = rows_where(raster(lo_pdf, last, 150), 150, dark, 0.90)
            ok(rules, f"{name}: 版记 rules drawn on the last page")
            if rules:
                d = abs(max(rules) - TA_BOTTOM) / MM
                ok(d <= 2, f"{name}: 版记's last rule within 2 mm of the type area's bottom",
                   f"{max(rules) / MM:.2f} mm")

        # the second reader
        for name in ("shenmu-opinion", "shenmu-opinion-attachments", "linchuan-letter"):
            check_python_docx(os.path.join(dx, name + ".docx"), fixtures[name], name)
        # evaluation form: its tables, scores and ticks
        code = r'''
import docx, sys
d = docx.Document(sys.argv[1])
for t in d.tables:
    for r in t.rows:
        print("\t".join(c.text for c in r.cells))
'''
        out = subprocess.run([SYSPY, "-c", code, os.path.join(dx, "sample-evaluation.docx")],
                             check=True, capture_output=True).stdout.decode()
        ok(re.search(r"^A1\t[^\t]+\t5\t5\t4.5\t", out, re.M), "python-docx: form: A1 scored 4.5 of 5")
        ok(re.search(r"^\t合计\t100\t\t86.5\t", out, re.M), "python-docx: form: total 86.5 of 100")
        ok(len(re.findall(r"^(重大安全|虚报|截留|擅自|严重违反)[^\t]*\t$", out, re.M)) == 5,
           "python-docx: form: five veto items, none ticked")

    print(f"1..{len(results)}")
    failed = 0
    for i, (good, name, detail) in enumerate(results, 1):
        print(f"{'ok' if good else 'not ok'} {i} {name}" + (f" # {detail}" if detail else ""))
        failed += not good
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
