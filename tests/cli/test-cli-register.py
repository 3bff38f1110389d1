#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The register's command line, run as a script runs it: every verb, every
bad input, and the exit status of the contract (0 done; 1 refused by the
register's state, nothing written; 2 a wrong call or an unreadable file).
Usage: test-cli-register.py PATH-TO-GONGWEN. Output: TAP."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

gongwen = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="gw-cli-register-")
reg = os.path.join(tmp, "register.sqlite")
R = "--register=" + reg
BAD_SIGNS = re.compile(r"CRITICAL|WARNING \*\*|AddressSanitizer|runtime error:")

env = dict(os.environ)
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)
env["G_DEBUG"] = "fatal-criticals"

GWDOC = """<?xml version="1.0" encoding="UTF-8"?>
<gwdoc version="1" kind="opinion">
  <meta>
    <organ-mark>神木市民政局文件</organ-mark>
    <title>关于开展社工站建设的通知</title>
    <recipients>各乡镇人民政府：</recipients>
    <signature>神木市民政局</signature>
    <date>2024年3月5日</date>
  </meta>
  <body>
    <paragraph>现将方案印发给你们，请认真贯彻执行。</paragraph>
  </body>
</gwdoc>
"""

results = []


def run(*args):
    p = subprocess.run([gongwen] + list(args), capture_output=True, env=env, timeout=120)
    p.out = p.stdout.decode("utf-8", "replace")
    p.err = p.stderr.decode("utf-8", "replace")
    return p


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def expect(name, p, status, out=None, err=None):
    problems = []
    if p.returncode != status:
        problems.append("exit %d, expected %d" % (p.returncode, status))
    if out is not None and not re.search(out, p.out):
        problems.append("stdout %r does not match %r" % (p.out[:300], out))
    if err is not None and not re.search(err, p.err):
        problems.append("stderr %r does not match %r" % (p.err[:300], err))
    if BAD_SIGNS.search(p.err):
        problems.append("internal error: %r" % p.err[:300])
    check(name, not problems, "; ".join(problems))


def write(name, text, encoding="utf-8"):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))
    return path


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


doc = write("a.gwdoc", GWDOC)
doc2 = write("b.gwdoc", GWDOC.replace("关于开展社工站建设的通知", "关于社工站年度评估的通知"))
txt = write("draft.txt", "神木市民政局文件\n\n关于开展社工站建设的通知\n")
docx = write("draft.docx", "PK not really")

# organs
expect("add-organ", run(R, "--add-organ=神木市民政局", "--codes=神民发,神民函"), 0)
expect("add-organ without --codes", run(R, "--add-organ=神木市财政局"), 2, err="--codes")
expect("add-organ with a 代字 of another organ", run(R, "--add-organ=神木市财政局", "--codes=神民发"),
       1, err="神民发")

# take
p = run(R, "--take=神木市民政局/神民发", "--year=2024", doc)
expect("take", p, 0, out=r"^神民发〔2024〕1号\n$")
check("take writes the number into the .gwdoc", "神民发〔2024〕1号" in open(doc, encoding="utf-8").read())
expect("take again into a numbered document", run(R, "--take=神木市民政局/神民发", "--year=2024", doc),
       1, err="void it first")
p = run(R, "--take=神木市民政局/神民发", "--year=2024", "--title=评估通知", doc2)
expect("take a second number", p, 0, out="神民发〔2024〕2号")
for path, label in ((txt, ".txt"), (docx, ".docx")):
    before = digest(path)
    expect("take refuses a " + label, run(R, "--take=神木市民政局/神民发", path), 2, err=r"\.gwdoc")
    check("take leaves the " + label + " unchanged", digest(path) == before)
expect("take without ORGAN/代字", run(R, "--take=神民发", doc2), 2, err="ORGAN")
expect("take of an unknown 代字", run(R, "--take=神木市民政局/神民字", write("c.gwdoc", GWDOC)), 1,
       err="神民字")
expect("take of another organ's 代字", run(R, "--take=别的局/神民发", write("d.gwdoc", GWDOC)), 1,
       err="别的局")
expect("take without a file", run(R, "--take=神木市民政局/神民发"), 2, err=r"\.gwdoc")
expect("take of a missing file", run(R, "--take=神木市民政局/神民发", os.path.join(tmp, "no.gwdoc")), 2,
       err="no.gwdoc")
expect("take with a wrong year", run(R, "--take=神木市民政局/神民发", "--year=24", doc2), 2, err="24")
p = run(R, "--list", "--year=2024", "--format=json")
nums = [n["number"] for n in json.loads(p.out)["numbers"]] if p.returncode == 0 else []
check("refused takes left no numbers", nums == ["神民发〔2024〕1号", "神民发〔2024〕2号"], repr(nums))

# list
expect("list text", run(R, "--list"), 0, out=r"神民发〔2024〕1号\treserved\t.*关于开展社工站建设的通知")
p = run(R, "--list", "--format=json", "--year=2024")
expect("list json", p, 0)
try:
    data = json.loads(p.out)
    check("list json shape", data["numbers"][1]["title"] == "评估通知"
          and data["numbers"][0]["status"] == "reserved" and data["numbers"][0]["seq"] == 1)
except (ValueError, KeyError, IndexError) as e:
    check("list json shape", False, str(e))
p = run(R, "--list", "--format=csv")
expect("list csv", p, 0)
check("list csv starts with a BOM and the header", p.stdout.startswith(b"\xef\xbb\xbf\xe5\x8f\x91\xe6\x96\x87\xe5\xad\x97\xe5\x8f\xb7"))
expect("list of another year", run(R, "--list", "--year=2023"), 0, out=r"^$")
expect("list --format=xml", run(R, "--list", "--format=xml"), 2, err="xml")
expect("list with files", run(R, "--list", doc), 2, err="a.gwdoc")
expect("list of a missing register", run("--register=" + os.path.join(tmp, "none.sqlite"), "--list"),
       2, err="does not exist")
check("list does not create a missing register", not os.path.exists(os.path.join(tmp, "none.sqlite")))

# issue and void
pdf = write("a.pdf", "%PDF-1.4 stand-in")
expect("issue", run(R, "--issue=神民发〔2024〕1号", "--file=" + pdf), 0)
expect("issue again", run(R, "--issue=神民发〔2024〕1号", "--file=" + pdf), 1, err="already issued")
expect("issue without --file", run(R, "--issue=神民发〔2024〕2号"), 2, err="--file")
expect("issue of a missing PDF", run(R, "--issue=神民发〔2024〕2号", "--file=" + tmp + "/no.pdf"), 2,
       err="no.pdf")
expect("issue of a malformed number", run(R, "--issue=神民发[2024]2号", "--file=" + pdf), 2, err="代字")
expect("issue of an unknown number", run(R, "--issue=神民发〔2024〕9号", "--file=" + pdf), 1,
       err="not in the register")
expect("void without a reason", run(R, "--void=神民发〔2024〕2号"), 2, err="reason")
expect("void", run(R, "--void=神民发〔2024〕2号", "--reason=标题有误"), 0)
expect("void again", run(R, "--void=神民发〔2024〕2号", "--reason=again"), 1, err="already void")
expect("issue of a void number", run(R, "--issue=神民发〔2024〕2号", "--file=" + pdf), 1, err="void")
p = run(R, "--list", "--format=json")
data = json.loads(p.out) if p.returncode == 0 else {"numbers": []}
check("list shows issue and void", [(n["status"], n["reason"]) for n in data["numbers"]]
      == [("issued", ""), ("void", "标题有误")], repr(data["numbers"]))
p = run(R, "--take=神木市民政局/神民发", "--year=2024", write("e.gwdoc", GWDOC))
expect("a void number is never handed out again", p, 0, out="神民发〔2024〕3号")

# check
p = run("--check", R, doc2)
# exit 1: the short draft has error findings of its own (missing elements)
expect("check --register finds the void number", p, 1,
       out=r"format\.doc-number-register")
p = run("--check", doc2)
check("check without --register has no register finding", "doc-number-register" not in p.out)
expect("check --register of a missing register", run("--check", "--register=" + tmp + "/none.sqlite", doc),
       2, err="nothing checked")

# the audit log names every void with its reason
p = run(R, "--audit")
expect("audit", p, 0, out=r"void 神民发〔2024〕2号 标题有误")
check("audit logs takes and issues", " take 神民发〔2024〕1号" in p.out and " issue 神民发〔2024〕1号" in p.out,
      p.out[:300])

# print
book = os.path.join(tmp, "book.pdf")
expect("print-register", run(R, "--print-register=" + book, "--year=2024"), 0)
check("print-register writes a PDF", os.path.exists(book) and open(book, "rb").read(5) == b"%PDF-")
expect("print-register of an empty year", run(R, "--print-register=" + book, "--year=2020"), 1,
       err="2020")
expect("print-register to a non-PDF", run(R, "--print-register=" + tmp + "/book.txt"), 2, err="pdf")

# backup and restore
p = run(R, "--backup=" + os.path.join(tmp, "backups"))
expect("backup", p, 0, out=r"register-\d{8}-\d{6}\.sqlite")
backup = p.out.strip()
check("backup file exists", os.path.isfile(backup))
expect("void after the backup", run(R, "--void=神民发〔2024〕3号", "--reason=x"), 0)
expect("restore", run(R, "--restore=" + backup), 0)
p = run(R, "--list", "--format=json")
check("restore brings back the backup's state",
      p.returncode == 0 and json.loads(p.out)["numbers"][2]["status"] == "reserved")
expect("restore of a non-register", run(R, "--restore=" + txt), 2, err="not a Gongwen register")

# close a year
expect("close-year with reserved numbers", run(R, "--close-year=2024"), 1, err="reserved")
expect("void the last reserved", run(R, "--void=神民发〔2024〕3号", "--reason=撤回"), 0)
expect("close-year", run(R, "--close-year=2024"), 0)
expect("take in a closed year", run(R, "--take=神木市民政局/神民发", "--year=2024", write("f.gwdoc", GWDOC)),
       1, err="closed")
expect("close-year of a non-year", run(R, "--close-year=12"), 2, err="12")

# import
good = write("book.csv", "机关,发文字号,标题,日期\n神木市民政局,神民发〔2023〕1号,旧文一,2023年3月10日\n"
             "神木市民政局,神民发〔2023〕2号,旧文二,2023-04-01\n", "gb18030")
expect("import-csv GB18030", run(R, "--import-csv=" + good), 0, out="2")
bad = write("bad.csv", "机关,发文字号,标题\n神木市民政局,神民发〔2022〕1号,好\n"
            "神木市民政局,神民发[2022]2号,坏\n,神民发〔2022〕3号,无机关\n")
before = digest(reg)
expect("import-csv with bad rows", run(R, "--import-csv=" + bad), 1, err=r"line 3:[\s\S]*line 4:")
p = run(R, "--list", "--year=2022")
check("nothing half imported", p.returncode == 0 and p.out == "", p.out)
expect("import-csv of a missing file", run(R, "--import-csv=" + tmp + "/none.csv"), 2, err="none.csv")
expect("import-csv of a folder", run(R, "--import-csv=" + tmp), 2)

# refused registers
junk = write("junk.sqlite", "this is not a database at all, but it is long enough to have a header " * 3)
before = digest(junk)
expect("a corrupt register is refused", run("--register=" + junk, "--list"), 2, err="not a Gongwen register")
expect("a corrupt register is refused for take",
       run("--register=" + junk, "--take=a/b", write("g.gwdoc", GWDOC)), 2)
check("a corrupt register is never written", digest(junk) == before)

# read-only medium (chattr +i on the file and its folder)
rodir = os.path.join(tmp, "ro")
os.mkdir(rodir)
roreg = os.path.join(rodir, "register.sqlite")
shutil.copy(reg, roreg)
immutable = subprocess.run(["chattr", "+i", roreg, rodir], capture_output=True).returncode == 0
if immutable:
    try:
        open(roreg, "ab").close()
        writable = True
    except OSError:
        writable = False
    check("the read-only medium refuses writes", not writable)
    p = run("--register=" + roreg, "--take=神木市民政局/神民发", "--year=2025", write("h.gwdoc", GWDOC))
    expect("take on a read-only register", p, 1, err="read-only")
    expect("list on a read-only register", run("--register=" + roreg, "--list"), 0,
           out="神民发〔2024〕1号", err="reading only")
    subprocess.run(["chattr", "-i", roreg, rodir])
    skip_ro = None
else:
    skip_ro = "chattr +i is not possible here"

subprocess.run(["chattr", "-R", "-i", tmp], capture_output=True)
shutil.rmtree(tmp)

total = len(results) + (1 if skip_ro else 0)
print("1..%d" % total)
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        failed += 1
        print("# " + detail)
if skip_ro:
    print("ok %d # SKIP read-only medium: %s" % (total, skip_ro))
sys.exit(1 if failed else 0)
