#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills `gongwen --export-pdf` halfway, as a user or a scheduler does, and
checks what is left:

  - no process of the batch remains, and nothing is written after it died
    (SIGINT, SIGTERM and SIGKILL alike: the workers die with their parent);
  - after SIGINT or SIGTERM, no temporary PDF in the output folder and no
    batch-font folder in $TMPDIR;
  - after SIGKILL, the next run into the folder removes what the killed
    run left (and leaves another live batch's temporary files alone);
  - every PDF in the folder is whole (pdfinfo reads it).

The moments to kill are drawn from a seed it prints (GW_STOP_SEED=N
repeats a run). Usage: test-cli-export-stop.py PATH-TO-GONGWEN. TAP.
"""

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DRAFT = os.path.join(HERE, "..", "data", "corpus", "opinion-compliant.txt")
N_DOCS = 24
MARK = ".gongwen-"


def batch_processes(out):
    """Pids of processes whose command line names the output folder."""
    pids = []
    needle = ("--export-pdf=" + out).encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                cmd = f.read()
            with open("/proc/%s/stat" % entry) as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if needle in cmd and state != "Z":
            pids.append(int(entry))
    return pids


def wait_gone(out, seconds=2.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = batch_processes(out)
        if not left:
            return []
        time.sleep(0.05)
    return batch_processes(out)


def temps(out):
    return sorted(n for n in os.listdir(out) if MARK in n) if os.path.isdir(out) else []


def broken_pdfs(out):
    bad = []
    for name in sorted(os.listdir(out)) if os.path.isdir(out) else []:
        if not name.endswith(".pdf"):
            continue
        r = subprocess.run(["pdfinfo", os.path.join(out, name)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            bad.append(name)
    return bad


def dead_pid():
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def main():
    gongwen = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GONGWEN", "gongwen")
    if shutil.which("pdfinfo") is None:
        print("1..0 # SKIP pdfinfo (poppler-utils) is not installed")
        return 0
    seed = int(os.environ.get("GW_STOP_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    print("# seed %d (GW_STOP_SEED=%d repeats this run)" % (seed, seed))

    root = tempfile.mkdtemp(prefix="gw-stop-")
    inputs = []
    os.mkdir(os.path.join(root, "in"))
    for i in range(N_DOCS):
        path = os.path.join(root, "in", "doc%02d.txt" % i)
        shutil.copy(DRAFT, path)
        inputs.append(path)
    tmpdir = os.path.join(root, "tmp")
    os.mkdir(tmpdir)
    env = dict(os.environ, TMPDIR=tmpdir)

    def run(out, wait=True):
        args = [gongwen, "--export-pdf=" + out, "--jobs=2"] + inputs
        p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if wait:
            p.communicate(timeout=300)
        return p

    # A whole run, to know how long the batch takes here.
    start = time.monotonic()
    full = run(os.path.join(root, "full"))
    whole = time.monotonic() - start
    print("# a whole batch of %d takes %.2f s" % (N_DOCS, whole))

    tests = []
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        name = signal.Signals(sig).name
        out = os.path.join(root, "out-" + name)
        os.mkdir(out)
        # a killed run's leftover, and a live batch's file, from before
        stale = os.path.join(out, ".doc00.pdf%s%d-AbC123" % (MARK, dead_pid()))
        live = os.path.join(out, ".doc01.pdf%s%d-XyZ789" % (MARK, os.getpid()))
        for path in (stale, live):
            with open(path, "wb") as f:
                f.write(b"%PDF-1.5 half")
        delay = rng.uniform(0.05, 0.95) * whole
        p = run(out, wait=False)
        time.sleep(delay)
        p.send_signal(sig)
        try:
            p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            tests.append(("%s: the batch stops" % name, False, "still running 60 s after %s" % name))
            continue
        pdfs = sorted(n for n in os.listdir(out) if n.endswith(".pdf"))
        print("# %s after %.2f s: exit %d, %d PDFs" % (name, delay, p.returncode, len(pdfs)))
        left = wait_gone(out)
        # workers that outlived their parent would go on writing
        time.sleep(1.0)
        later = sorted(n for n in os.listdir(out) if n.endswith(".pdf"))
        tests.append(("%s: nothing is written after the batch is gone" % name, later == pdfs,
                      "%d PDFs when it died, %d a second later" % (len(pdfs), len(later))))
        tests.append(("%s: no process of the batch remains" % name, not left, "left: %r" % left))
        if sig != signal.SIGKILL:
            t = [n for n in temps(out) if n != os.path.basename(live)]
            tests.append(("%s: no temporary PDF remains" % name, not t, "left: %r" % t))
            fonts = os.listdir(tmpdir)
            tests.append(("%s: no batch-font folder remains" % name, not fonts, "left: %r" % fonts))
        else:
            # the next run clears what the killed one left
            again = run(out)
            t = [n for n in temps(out) if n != os.path.basename(live)]
            tests.append(("SIGKILL: the next run removes the killed run's temporary files",
                          again.returncode == 0 and not t,
                          "exit %d, left: %r" % (again.returncode, t)))
            for n in os.listdir(tmpdir):   # SIGKILL gives no chance to tidy $TMPDIR
                shutil.rmtree(os.path.join(tmpdir, n), ignore_errors=True)
        tests.append(("%s: another live batch's temporary file is left alone" % name,
                      os.path.exists(live), ""))
        os.unlink(live)
        bad = broken_pdfs(out)
        tests.append(("%s: every PDF is whole" % name, not bad, "broken: %r" % bad))

    print("1..%d" % len(tests))
    failed = 0
    for i, (name, ok, why) in enumerate(tests, 1):
        if ok:
            print("ok %d - %s" % (i, name))
        else:
            failed += 1
            print("not ok %d - %s: %s (seed %d)" % (i, name, why, seed))
    if failed == 0:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
