#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# startup-bench.sh [BUILDDIR] [GWDOC] [TXT]
#
# Time from exec to a window on screen, for Gongwen opening a document and for
# gnome-text-editor opening a text file of similar size, in the same X server.
# Two measures for Gongwen:
#   first-frame: GONGWEN_BENCH_STARTUP=1 makes the app print the wall-clock
#                time of its first painted frame and quit;
#   mapped:      polling the X server (xwininfo) until a window titled
#                “… — Gongwen” is viewable, the same way gnome-text-editor is
#                measured, so the two numbers compare like for like.
# Runs under the current $DISPLAY, or starts Xvfb when there is none. Needs
# x11-utils (xwininfo) and, for the comparison, gnome-text-editor.
# Environment: RUNS (default 7). Prints medians in milliseconds.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
BUILDDIR=${1:-$here/build}
GWDOC=${2:-$here/tests/data/gwdoc/shenmu-opinion.gwdoc}
TXT=${3:-}
RUNS=${RUNS:-7}
gongwen=$BUILDDIR/src/gongwen

[ -x "$gongwen" ] || { echo "no $gongwen: build first" >&2; exit 2; }
command -v xwininfo >/dev/null || { echo "xwininfo (x11-utils) is needed" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$@"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME=$tmp/state XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
export GSETTINGS_SCHEMA_DIR=$BUILDDIR/data GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1 GTK_A11Y=none

if [ -z "$TXT" ]; then
  # The same document as plain text, so both programs show the same words.
  TXT=$tmp/document.txt
  python3 - "$GWDOC" "$TXT" <<'PY'
import re, sys
xml = open(sys.argv[1], encoding="utf-8").read()
text = "\n".join(t for t in re.findall(r">([^<>]+)<", xml) if t.strip())
open(sys.argv[2], "w", encoding="utf-8").write(text + "\n")
PY
fi

now_ns () { date +%s%N; }

median () { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Polls until a viewable top-level window whose name contains $1 exists.
wait_mapped () {
  local pattern=$1 deadline=$(( $(now_ns) + 20000000000 ))
  while ! xwininfo -root -tree 2>/dev/null | grep -F -- "$pattern" >/dev/null; do
    [ "$(now_ns)" -lt "$deadline" ] || return 1
  done
}

first_frame=() gw_mapped=() gte_mapped=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now_ns)
  out=$(GONGWEN_BENCH_STARTUP=1 "$gongwen" "$GWDOC" 2>/dev/null | grep GONGWEN_FIRST_FRAME || true)
  [ -n "$out" ] || { echo "gongwen printed no first frame" >&2; exit 1; }
  us=${out##* }
  first_frame+=("$(awk -v a="$t0" -v b="$us" 'BEGIN{printf "%.1f", (b*1000-a)/1e6}')")

  t0=$(now_ns)
  "$gongwen" "$GWDOC" >/dev/null 2>&1 &
  pid=$!
  wait_mapped "— Gongwen" && t1=$(now_ns) || t1=0
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  [ "$t1" -gt 0 ] && gw_mapped+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", (b-a)/1e6}')")

  if command -v gnome-text-editor >/dev/null; then
    t0=$(now_ns)
    gnome-text-editor --standalone "$TXT" >/dev/null 2>&1 &
    pid=$!
    wait_mapped "$(basename "$TXT" .txt)" && t1=$(now_ns) || t1=0
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    [ "$t1" -gt 0 ] && gte_mapped+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", (b-a)/1e6}')")
  fi
done

printf 'document: %s (%s bytes); text: %s (%s bytes); runs: %s\n' \
  "$GWDOC" "$(stat -c %s "$GWDOC")" "$TXT" "$(stat -c %s "$TXT")" "$RUNS"
printf 'gongwen first frame (ms, median): %s\n' "$(printf '%s\n' "${first_frame[@]}" | median)"
[ ${#gw_mapped[@]} -gt 0 ] &&
  printf 'gongwen window mapped (ms, median): %s\n' "$(printf '%s\n' "${gw_mapped[@]}" | median)"
[ ${#gte_mapped[@]} -gt 0 ] &&
  printf 'gnome-text-editor window mapped (ms, median): %s\n' "$(printf '%s\n' "${gte_mapped[@]}" | median)"
exit 0
