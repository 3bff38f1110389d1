#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/large-export-bench.sh [SIZES…]     (default: 1 4 16; not a test: numbers)
#
# Export time must grow linearly with the input (issue 13): generates one
# ordinary opinion draft of each size in MiB (title, 主送, headings and
# paragraphs as bench/gen-corpus.sh writes them, repeated, a signature and a
# date; the 16 MiB one stays just under the importer's 16 MiB limit), exports
# each with `gongwen --export-pdf --jobs=1` under /usr/bin/time -v and prints
# wall time, peak RSS, pages and PDF size. Target: 16 MiB in under 30 s and
# 500 MiB. Environment: GONGWEN (binary, default _build/dev/src/gongwen).
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(dirname "$HERE")
GONGWEN=${GONGWEN:-$ROOT/_build/dev/src/gongwen}
[ -x "$GONGWEN" ] || { echo "no gongwen binary at $GONGWEN (set GONGWEN=…)" >&2; exit 2; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1 4 16)
W=$(mktemp -d /tmp/gw-large-XXXXXX)
trap 'rm -rf "$W"' EXIT
"$HERE/gen-corpus.sh" 8 "$W/corpus" >/dev/null

# CPU time (user + sys) beside wall time: on a loaded machine wall time
# measures the neighbours.
printf '%-8s %8s %8s %12s %8s %10s\n' "input" "wall s" "CPU s" "peak RSS MiB" "pages" "PDF MiB"
for mib in "${SIZES[@]}"; do
  src=$W/draft-${mib}m.txt
  python3 - "$W/corpus" "$mib" "$src" <<'PY'
import glob, sys
corpus, mib, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
limit = mib * 1024 * 1024 - (4096 if mib >= 16 else 0)
bodies = []
for path in sorted(glob.glob(corpus + "/doc*.txt")):
    lines = open(path, encoding="utf-8").read().split("\n")
    # between the 主送 line and the blank line before the signature
    bodies.extend(l for l in lines[3:-4] if l.strip())
head = ("临川市民政局关于加快推进乡镇（街道）社会工作服务站建设的实施意见\n\n"
        "各区（县）民政局，市级有关部门：\n")
tail = "\n临川市民政局\n2025年9月19日\n"
parts, size, i = [head], len(head.encode()) + len(tail.encode()), 0
while True:
    line = bodies[i % len(bodies)] + "\n"
    n = len(line.encode())
    if size + n > limit:
        break
    parts.append(line)
    size += n
    i += 1
parts.append(tail)
open(out, "w", encoding="utf-8").write("".join(parts))
PY
  rm -rf "$W/out"; mkdir -p "$W/out"
  start=$(date +%s%N)
  /usr/bin/time -v -o "$W/time.log" "$GONGWEN" --export-pdf="$W/out" --jobs=1 "$src" \
    >"$W/run.log" 2>&1 || { echo "export of ${mib} MiB failed:" >&2; cat "$W/run.log" >&2; exit 1; }
  end=$(date +%s%N)
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$W/time.log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$W/time.log")
  pdf=$W/out/draft-${mib}m.pdf
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  printf '%-8s %8.1f %8.1f %12.0f %8s %10.1f\n' "${mib} MiB" "$(echo "($end - $start) / 1000000000" | bc -l)" "$cpu" \
    "$(echo "$rss / 1024" | bc -l)" "${pages:-?}" "$(echo "$(stat -c %s "$pdf") / 1048576" | bc -l)"
done
