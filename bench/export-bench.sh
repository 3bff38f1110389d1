#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/export-bench.sh [N]     (default N=200; not a test: numbers, not pass/fail)
#
# Puts `gongwen --export-pdf` beside the anchors of ../shared/bench/ANCHORS.md
# in ONE run on this machine: N seeded four-page drafts (gen-corpus.sh), then
#   libreoffice   soffice --headless --convert-to pdf  (cold profile; if installed)
#   limit-cairo   the bare Pango/cairo baseline, 1 and 2 processes (if its source is found)
#   gongwen -j1   gongwen --export-pdf --jobs=1
#   gongwen       gongwen --export-pdf (default --jobs = number of cores)
#   gongwen N=20  the same on 20 drafts: peak memory must not grow with N
# Each row: REPS runs (default 3), wall time by date +%s%N around the process,
# peak RSS from /usr/bin/time -v (largest process), KiB per PDF; median shown.
# Environment: GONGWEN (binary, default build/src/gongwen), SHARED (default
# ../shared/bench), REPS. Corpus in /tmp/gw-corpus-N, output in /tmp/gw-out.
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(dirname "$HERE")
N=${1:-200}
REPS=${REPS:-3}
GONGWEN=${GONGWEN:-$ROOT/build/src/gongwen}
SHARED=${SHARED:-$ROOT/../shared/bench}
O=/tmp/gw-out
BIN=/tmp/gw-bench-bin
[ -x "$GONGWEN" ] || { echo "no gongwen binary at $GONGWEN (set GONGWEN=…)" >&2; exit 2; }
GEN=$SHARED/gen-corpus.sh
[ -x "$GEN" ] || GEN=$HERE/gen-corpus.sh   # a copy, so this runs without ../shared

corpus () {
  local n=$1 c=/tmp/gw-corpus-$1
  [ -f "$c/doc$(printf %04d "$n").txt" ] || "$GEN" "$n" "$c" >/dev/null
  echo "$c"
}

# measure LABEL N OUTDIR PREP -- COMMAND...
measure () {
  local label=$1 n=$2 out=$3 prep=$4; shift 5
  local log; log=$(mktemp)
  local times=() rss=() kib=0 got=0 rc
  for _ in $(seq 1 "$REPS"); do
    rm -rf "$out"; mkdir -p "$out"
    [ -n "$prep" ] && eval "$prep"
    sync
    local t0 t1
    t0=$(date +%s%N)
    rc=0; /usr/bin/time -v -o "$log" "$@" >"$log.out" 2>&1 || rc=$?
    t1=$(date +%s%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')")
    rss+=("$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")")
    got=$(find "$out" -maxdepth 1 -name '*.pdf' | wc -l)
    if [ "$rc" -ne 0 ] || [ "$got" -ne "$n" ]; then
      echo "# $label: exit $rc, $got/$n PDFs: $(tail -2 "$log.out" | tr '\n' ' ')" >&2
    fi
  done
  kib=$(find "$out" -maxdepth 1 -name '*.pdf' -printf '%s\n' | awk -v n="$got" '{s+=$1} END{printf "%.0f", n ? s/n/1024 : 0}')
  rm -f "$log" "$log.out"
  printf '%s\n' "${times[@]}" | sort -g | awk -v l="$label" -v n="$n" -v k="$kib" \
      -v r="$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" '
    {t[NR]=$1} END {m=t[int((NR+1)/2)];
      printf "%-16s %5d %8.2f %9.1f %9.0f %8s\n", l, n, m, n/m, r/1024, k}'
}

C=$(corpus "$N")
echo "# $(date -Is) $(nproc) CPUs,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), REPS=$REPS, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# cairo $(pkg-config --modversion cairo 2>/dev/null || echo ?), pango $(pkg-config --modversion pango 2>/dev/null || echo ?), $("$GONGWEN" --version)"
printf '%-16s %5s %8s %9s %9s %8s\n' tool N median_s docs_per_s rss_MiB KiB_per_pdf

if command -v soffice >/dev/null && [ -f "$C/doc0001.fodt" ]; then
  PROF=$(mktemp -d /tmp/gw-lo-profile.XXXXXX)
  measure libreoffice "$N" "$O/libreoffice-$N" "rm -rf '$PROF'" -- \
    soffice -env:UserInstallation="file://$PROF" --headless --convert-to pdf \
    --outdir "$O/libreoffice-$N" "$C"/*.fodt
  rm -rf "$PROF"
else
  echo "# libreoffice: soffice not installed (apt-get install libreoffice-writer-nogui), skipped"
fi

if [ -f "$SHARED/limit-cairo.c" ] && command -v gcc >/dev/null; then
  mkdir -p "$BIN"
  # shellcheck disable=SC2046
  gcc -O2 -o "$BIN/limit-cairo" "$SHARED/limit-cairo.c" $(pkg-config --cflags --libs pangocairo cairo-pdf)
  measure limit-cairo "$N" "$O/limit-cairo-$N" "" -- "$BIN/limit-cairo" "$O/limit-cairo-$N" "$C"/*.txt
  measure limit-cairo-j2 "$N" "$O/limit-cairo-j2-$N" "" -- sh -c \
    'out=$0; printf "%s\0" "$@" | xargs -0 -P 2 -n $(( ($# + 1) / 2 )) '"$BIN"'/limit-cairo "$out"' \
    "$O/limit-cairo-j2-$N" "$C"/*.txt
else
  echo "# limit-cairo: $SHARED/limit-cairo.c not found, skipped"
fi

# Prepare gongwen's font copies once (first run on a machine), untimed.
"$GONGWEN" --export-pdf="$O/gongwen-warmup" "$C/doc0001.txt" >/dev/null
measure gongwen-j1 "$N" "$O/gongwen-j1-$N" "" -- "$GONGWEN" --jobs=1 --export-pdf="$O/gongwen-j1-$N" "$C"/*.txt
measure gongwen "$N" "$O/gongwen-$N" "" -- "$GONGWEN" --export-pdf="$O/gongwen-$N" "$C"/*.txt
C20=$(corpus 20)
measure gongwen "20" "$O/gongwen-20" "" -- "$GONGWEN" --export-pdf="$O/gongwen-20" "$C20"/*.txt

if [ -x "$SHARED/verify-pdfs.sh" ]; then
  "$SHARED/verify-pdfs.sh" "$C" "$O/gongwen-$N" || true
fi
