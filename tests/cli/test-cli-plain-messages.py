#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Plain messages for what goes wrong with a file, as a user reads them:

  - XML nested too deep: says so, names no libxml2 option;
  - a file a few bytes over the size limit: both sizes, exactly, in bytes;
  - a loop of symbolic links: says it is a loop;
  - an invalid pattern in a rule pack: quotes a short excerpt only;
  - --check on a file that cannot be read (really unreadable, for root too:
    the capabilities that bypass permissions are dropped, and the test
    first checks that cat cannot read it): no "0 errors" line for it.

Usage: test-cli-plain-messages.py PATH-TO-GONGWEN. Output is TAP.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "..", "data", "corpus", "opinion-compliant.txt")
LIMIT = 16 * 1024 * 1024
DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]

results = []


def check(name, ok, why=""):
    results.append((name, ok, why))


def run(args, env=None, prefix=()):
    e = dict(os.environ, **(env or {}))
    return subprocess.run(list(prefix) + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=e, timeout=120)


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN", "gongwen")
    tmp = tempfile.mkdtemp(prefix="gw-plain-")

    # XML nested too deep
    deep = os.path.join(tmp, "deep.gwdoc")
    with open(deep, "w") as f:
        f.write('<gwdoc version="1" kind="opinion"><body>' + "<x>" * 300 + "</x>" * 300 +
                "</body></gwdoc>")
    p = run([gongwen, "--check", deep])
    err = p.stderr.decode()
    check("deep XML: names the file and says it is nested too deep",
          p.returncode == 2 and "deep.gwdoc" in err and "nested" in err, err)
    check("deep XML: no libxml2 option names", "XML_PARSE" not in err and "HUGE" not in err, err)

    # a few bytes over the size limit
    big = os.path.join(tmp, "big.txt")
    with open(big, "wb") as f:
        f.truncate(LIMIT + 3)
    p = run([gongwen, "--check", big])
    err = p.stderr.decode()
    check("3 bytes over the limit: both sizes exactly",
          p.returncode == 2 and str(LIMIT + 3) in err and str(LIMIT) in err, err)

    # a symlink loop
    a, b = os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")
    os.symlink(b, a)
    os.symlink(a, b)
    p = run([gongwen, "--check", a])
    err = p.stderr.decode()
    check("symlink loop: says it is a loop", p.returncode == 2 and "a.txt" in err and "loop" in err,
          err)

    # an invalid pattern, 1,000 characters long
    pattern = "社会工作站|" * 100 + "(未闭合"
    pack = {"name": "bad", "rules": [{
        "id": "bad.rule", "kinds": ["opinion"], "severity": "warning", "message": "x",
        "basis": "x", "suggestion": "x", "matcher": {"type": "trigger", "patterns": pattern},
        "examples": {"violating": ["x"], "compliant": ["y"]}}]}
    pack_path = os.path.join(tmp, "bad.json")
    with open(pack_path, "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False)
    p = run([gongwen, "--check", "--rules=" + pack_path, GOOD])
    err = p.stderr.decode()
    check("invalid pattern: names the pack and the rule",
          p.returncode == 2 and "bad.json" in err and "bad.rule" in err, err)
    check("invalid pattern: quotes a short excerpt only",
          len(err) < 400 and pattern not in err and "社会工作站|" * 20 not in err, err[:600])

    # --check on an unreadable file
    secret = os.path.join(tmp, "secret.txt")
    shutil.copy(GOOD, secret)
    os.chmod(secret, 0)
    prefix = []
    if os.geteuid() == 0:
        prefix = DROP
        if shutil.which("setpriv") is None:
            results.append(("unreadable: # SKIP running as root without setpriv", True, ""))
            prefix = None
    if prefix is not None:
        cat = run(["cat", secret], prefix=prefix)
        check("unreadable: the access really fails (cat cannot read it)", cat.returncode != 0,
              "cat read it")
        p = run([gongwen, "--check", secret], prefix=prefix)
        out, err = p.stdout.decode(), p.stderr.decode()
        check("unreadable alone: exit 2, named on stderr",
              p.returncode == 2 and "secret.txt" in err, err)
        check("unreadable alone: no \"0 errors\" line", "0 error" not in out and
              "nothing checked" in out, out)
        p = run([gongwen, "--check", secret, GOOD], prefix=prefix)
        out = p.stdout.decode()
        check("unreadable beside a good file: the count says what it covers",
              p.returncode == 2 and "in 1 of 2 files" in out, out)
        p = run([gongwen, "--check", secret], prefix=prefix,
                env={"LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8", "LC_ALL": ""})
        out = p.stdout.decode()
        check("unreadable alone, zh_CN: no \"0 个错误\" line",
              "0 个错误" not in out and "未检查任何文件" in out, out)

    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, why) in enumerate(results, 1):
        if ok:
            print("ok %d - %s" % (i, name))
        else:
            failed += 1
            print("not ok %d - %s" % (i, name))
            for line in str(why).splitlines()[:6]:
                print("#   " + line)
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
