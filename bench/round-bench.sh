#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/round-bench.sh [N...]   (default: 100 500; numbers, not pass/fail)
#
# An evaluation round of N stations: a generated contract list becomes N
# forms (gongwen --new-round), each scored at random (seeded) and signed
# off; then `gongwen --summary` writes the roll-up as PDF and as CSV. For
# each N: wall time (median of REPS runs, default 3) and peak RSS from
# /usr/bin/time -v. The issue's target: 500 forms in under 2 s, and peak
# memory flat in N (forms are read one at a time; only their figures stay).
# CPU is user + system time of all threads: on a machine shared with other
# work, wall time waits for the processor and CPU time says what the
# summary itself costs.
# Environment: GONGWEN (default build/src/gongwen), REPS. Work in /tmp/gw-round-bench.
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(dirname "$HERE")
GONGWEN=${GONGWEN:-$ROOT/build/src/gongwen}
REPS=${REPS:-3}
W=/tmp/gw-round-bench
[ -x "$GONGWEN" ] || { echo "no gongwen binary at $GONGWEN (set GONGWEN=…)" >&2; exit 2; }
[ $# -gt 0 ] || set -- 100 500

generate () {   # generate N DIR: contract list → round → scored forms
  local n=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  python3 - "$n" "$dir/contracts.csv" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def code(i):
    b = "52610821MJ%07d" % (1000000 + i)
    return b + cs[(31 - sum(cs.index(c) * x for c, x in zip(b, w)) % 31) % 31]
with open(path, "w", encoding="utf-8") as f:
    f.write("站点,承接机构,统一社会信用代码,采购人,服务期,周期第几年,合同编号,合同金额,评估机构\n")
    for i in range(n):
        f.write("第%04d社工站,第%d社会工作服务中心,%s,第%d镇人民政府,2024-01-01至2024-12-31,%d,SM-%04d,300000,榆林市社会工作协会\n"
                % (i, i, code(i), i, 1 + i % 3, i))
PY
  "$GONGWEN" --new-round="$dir/contracts.csv" --out="$dir/round" >/dev/null
  python3 - "$dir/round" <<'PY'
import os, random, sys, xml.etree.ElementTree as ET
d = sys.argv[1]; rng = random.Random(7)
for name in sorted(os.listdir(d)):
    if not name.endswith(".gwdoc"):
        continue
    p = os.path.join(d, name); t = ET.parse(p); ev = t.getroot().find("evaluation")
    for sec in ev.find("sections"):
        for ind in sec:
            mx = float(ind.get("max")); ind.set("score", "%g" % (rng.randint(int(mx), int(mx * 2)) / 2))
    if rng.random() < 0.1:
        ev.find("veto-items")[0].set("ticked", "true")
    f = ev.find("fields")
    for k, v in (("date", "2025-01-10"), ("team-leader", "刘建华")):
        ET.SubElement(f, "field", name=k).text = v
    e = ET.Element("evaluators")
    for n in ("刘建华", "张丽", "王晓东"):
        ET.SubElement(e, "evaluator").text = n
    ev.insert(list(ev).index(f) + 1, e)
    t.write(p, encoding="UTF-8", xml_declaration=True)
PY
}

measure () {   # measure LABEL OUT DIR
  local label=$1 out=$2 dir=$3 log times=() rss=() cpus=()
  log=$(mktemp)
  for _ in $(seq 1 "$REPS"); do
    rm -f "$out"
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -v "$GONGWEN" --summary="$out" "$dir" >/dev/null 2>"$log" || true
    t1=$(date +%s%N)
    [ -s "$out" ] || { echo "no summary written" >&2; cat "$log" >&2; exit 1; }
    times+=($(( (t1 - t0) / 1000000 )))
    rss+=($(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$log"))
    cpus+=($(awk -F: '/User time|System time/ {s += $2} END {printf "%d", s * 1000}' "$log"))
  done
  rm -f "$log"
  local mt mr mc
  mt=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (REPS + 1) / 2 ))p")
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (REPS + 1) / 2 ))p")
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  printf '%-14s %5d forms %7d ms wall %7d ms CPU %7d KiB peak RSS\n' "$label" \
    "$(ls "$dir"/*.gwdoc | wc -l)" "$mt" "$mc" "$mr"
}

printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
for n in "$@"; do
  generate "$n" "$W/$n"
  measure "summary PDF" "$W/$n/summary.pdf" "$W/$n/round"
  measure "summary CSV" "$W/$n/summary.csv" "$W/$n/round"
done
