#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/docx-export-bench.sh [N]    (default N=200; numbers, not pass/fail)
#
# `gongwen --export-docx` of N seeded four-page drafts (gen-corpus.sh) beside
# LibreOffice's own conversion of the same drafts (.fodt → .docx, one
# headless soffice call, a cold throwaway profile), in ONE run on this
# machine. Target (issue 9): gongwen at least 20× LibreOffice's docs/s.
# Each row: REPS runs (default 3), wall time by date +%s%N around the
# process, peak RSS from /usr/bin/time -v, KiB per .docx; median shown.
# Environment: GONGWEN (default build/src/gongwen), SHARED (../shared/bench),
# REPS. Corpus in /tmp/gw-corpus-N, output in /tmp/gw-docx-out.
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(dirname "$HERE")
N=${1:-200}
REPS=${REPS:-3}
GONGWEN=${GONGWEN:-$ROOT/build/src/gongwen}
SHARED=${SHARED:-$ROOT/../shared/bench}
O=/tmp/gw-docx-out
[ -x "$GONGWEN" ] || { echo "no gongwen binary at $GONGWEN (set GONGWEN=…)" >&2; exit 2; }
GEN=$SHARED/gen-corpus.sh
[ -x "$GEN" ] || GEN=$HERE/gen-corpus.sh
C=/tmp/gw-corpus-$N
[ -f "$C/doc$(printf %04d "$N").fodt" ] || "$GEN" "$N" "$C" >/dev/null

# measure LABEL OUTDIR PREP -- COMMAND...   prints "label n median docs/s rss KiB"
measure () {
  local label=$1 out=$2 prep=$3; shift 4
  local log; log=$(mktemp)
  local times=() rss=() cpus=() got=0 rc
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
    cpus+=("$(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.2f", s}' "$log")")
    got=$(find "$out" -maxdepth 1 -name '*.docx' | wc -l)
    if [ "$rc" -ne 0 ] || [ "$got" -ne "$N" ]; then
      echo "# $label: exit $rc, $got/$N files: $(tail -2 "$log.out" | tr '\n' ' ')" >&2
    fi
  done
  local kib
  kib=$(find "$out" -maxdepth 1 -name '*.docx' -printf '%s\n' | awk -v n="$got" '{s+=$1} END{printf "%.0f", n ? s/n/1024 : 0}')
  rm -f "$log" "$log.out"
  printf '%s\n' "${times[@]}" | sort -g | awk -v l="$label" -v n="$N" -v k="$kib" \
      -v r="$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" \
      -v c="$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" '
    {t[NR]=$1} END {m=t[int((NR+1)/2)];
      printf "%-16s %5d %8.2f %9.1f %8.2f %9.0f %8s\n", l, n, m, n/m, c, r/1024, k}'
}

echo "# $(date -Is) $(nproc) CPUs,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), REPS=$REPS, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $("$GONGWEN" --version); $(soffice --version 2>/dev/null | head -1 || echo 'no LibreOffice')"
printf '%-16s %5s %8s %9s %8s %9s %8s\n' tool N median_s docs_per_s cpu_s rss_MiB KiB_per_docx
rows=$(mktemp)
if command -v soffice >/dev/null; then
  PROF=$(mktemp -d /tmp/gw-lo-profile.XXXXXX)
  measure libreoffice "$O/libreoffice" "rm -rf '$PROF'" -- \
    soffice -env:UserInstallation="file://$PROF" --headless \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$O/libreoffice" "$C"/*.fodt | tee -a "$rows"
  rm -rf "$PROF"
else
  echo "# libreoffice: soffice not installed (apt-get install libreoffice-writer-nogui), skipped"
fi
measure gongwen-j1 "$O/gongwen-j1" "" -- "$GONGWEN" --jobs=1 --export-docx="$O/gongwen-j1" "$C"/*.txt | tee -a "$rows"
measure gongwen "$O/gongwen" "" -- "$GONGWEN" --export-docx="$O/gongwen" "$C"/*.txt | tee -a "$rows"
# wall time is what a user waits for; CPU time (user + system, all
# processes) is what the work costs, and holds when the machine is shared
awk '$1=="libreoffice"{lo=$4; loc=$5} $1=="gongwen"{gw=$4; gc=$5} $1=="gongwen-j1"{g1=$4; g1c=$5}
     END { if (lo > 0) printf "# gongwen / libreoffice, wall: %.1fx (one job: %.1fx); CPU: %.1fx (one job: %.1fx); target >= 20x\n",
                               gw/lo, g1/lo, loc/gc, loc/g1c }' "$rows"
rm -f "$rows"
