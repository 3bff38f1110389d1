#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gongwen --export-docx=DIR [--strict] [--jobs=N] FILE… keeps the whole
--export-pdf contract: one DIR/NAME.docx per input, in parallel, written
under a temporary name and renamed (no stray file in DIR), never over an
input, a failing file reported by name while the others go on; exit 0 all
written, 1 some not, 2 a wrong call.

  test-cli-export-docx.py GONGWEN SRCDIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

results = []


def ok(cond, name, detail=""):
    results.append((bool(cond), name, detail))


def run(gongwen, *args):
    r = subprocess.run([gongwen] + list(args), capture_output=True, timeout=300)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


def is_docx(path):
    try:
        with zipfile.ZipFile(path) as z:
            return "word/document.xml" in z.namelist() and z.testzip() is None
    except (zipfile.BadZipFile, OSError):
        return False


def main():
    gongwen, src = sys.argv[1], sys.argv[2]
    gw = os.path.join(src, "data", "gwdoc")
    good = [os.path.join(gw, n) for n in ("shenmu-opinion.gwdoc", "linchuan-letter.gwdoc",
                                          "sample-evaluation.gwdoc")]
    good.append(os.path.join(src, "data", "render", "opinion.txt"))
    bad = os.path.join(gw, "truncated.gwdoc")

    with tempfile.TemporaryDirectory(prefix="gw-cli-docx-") as tmp:
        # a batch with one bad file, in parallel and with one job
        for jobs in ("2", "1"):
            out = os.path.join(tmp, "out" + jobs)
            rc, _, err = run(gongwen, "--export-docx=" + out, "--jobs=" + jobs, *good[:2], bad, *good[2:])
            names = sorted(os.listdir(out))
            ok(rc == 1, f"--jobs={jobs}: a failed file makes exit 1", f"exit {rc}")
            ok(names == sorted(["shenmu-opinion.docx", "linchuan-letter.docx",
                                "sample-evaluation.docx", "opinion.docx"]),
               f"--jobs={jobs}: the other files are written, nothing else in DIR", " ".join(names))
            ok(all(is_docx(os.path.join(out, n)) for n in names), f"--jobs={jobs}: each is a whole .docx")
            ok("truncated.gwdoc:9:" in err,
               f"--jobs={jobs}: the failure names the file and the place", err.strip()[-200:])
            ok("1 of 5 files were not exported" in err, f"--jobs={jobs}: the count is reported")

        # all good: exit 0
        out = os.path.join(tmp, "all")
        rc, _, err = run(gongwen, "--export-docx=" + out, *good)
        ok(rc == 0 and len(os.listdir(out)) == 4, "every file written: exit 0", err.strip()[-200:])

        # never overwrite an input: an input where an output would go
        out = os.path.join(tmp, "same")
        os.makedirs(out)
        victim = os.path.join(out, "shenmu-opinion.docx")
        shutil.copy(good[0], victim)
        before = open(victim, "rb").read()
        rc, _, err = run(gongwen, "--export-docx=" + out, good[0], victim)
        ok(rc == 1, "an output that is an input: exit 1", f"exit {rc}")
        ok(open(victim, "rb").read() == before, "the input is left as it was")
        ok("never overwritten" in err, "and the refusal is said", err.strip()[-200:])

        # two inputs writing one output: the second is refused
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        os.makedirs(a)
        os.makedirs(b)
        shutil.copy(good[0], os.path.join(a, "x.gwdoc"))
        shutil.copy(good[3], os.path.join(b, "x.txt"))
        out = os.path.join(tmp, "clash")
        rc, _, err = run(gongwen, "--export-docx=" + out, os.path.join(a, "x.gwdoc"), os.path.join(b, "x.txt"))
        ok(rc == 1 and os.listdir(out) == ["x.docx"] and "rename one of them" in err,
           "two inputs named alike: one written, the other refused", err.strip()[-200:])

        # --strict skips a draft with error findings
        out = os.path.join(tmp, "strict")
        viol = os.path.join(src, "data", "render", "violations.txt")
        rc, _, err = run(gongwen, "--export-docx=" + out, "--strict", good[0], viol)
        ok(rc == 1 and os.listdir(out) == ["shenmu-opinion.docx"] and "--strict" in err,
           "--strict: a draft with error findings is not exported", err.strip()[-200:])

        # a rewrite over an earlier output replaces it whole
        out = os.path.join(tmp, "again")
        run(gongwen, "--export-docx=" + out, good[0])
        rc, _, _ = run(gongwen, "--export-docx=" + out, good[0])
        ok(rc == 0 and os.listdir(out) == ["shenmu-opinion.docx"] and
           is_docx(os.path.join(out, "shenmu-opinion.docx")), "exporting again replaces the file")

        # wrong calls: exit 2
        rc, _, err = run(gongwen, "--export-docx=" + os.path.join(tmp, "none"))
        ok(rc == 2 and "no files" in err, "no files: exit 2", err.strip())
        afile = os.path.join(tmp, "afile")
        open(afile, "w").write("x")
        rc, _, err = run(gongwen, "--export-docx=" + afile, good[0])
        ok(rc == 2 and "afile" in err, "DIR is a file: exit 2", err.strip())
        rc, _, err = run(gongwen, "--export-docx=" + os.path.join(tmp, "f"), "--format=json", good[0])
        ok(rc == 2, "--format does not go with --export-docx: exit 2", err.strip())
        rc, _, err = run(gongwen, "--export-docx=" + os.path.join(tmp, "g"),
                         "--export-pdf=" + os.path.join(tmp, "h"), good[0])
        ok(rc == 2, "two verbs at once: exit 2", err.strip())
        rc, _, err = run(gongwen, "--export-docx=" + os.path.join(tmp, "i"), "--jobs=x", good[0])
        ok(rc == 2, "a malformed --jobs: exit 2", err.strip())
        rc, out_text, _ = run(gongwen, "--help-all")
        ok("--export-docx" in out_text, "--help-all lists --export-docx")

    print(f"1..{len(results)}")
    failed = 0
    for i, (good_, name, detail) in enumerate(results, 1):
        print(f"{'ok' if good_ else 'not ok'} {i} {name}")
        if detail and not good_:
            print("# " + detail.replace("\n", "\n# "))
        failed += not good_
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
