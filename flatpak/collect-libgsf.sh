#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Puts the libgsf source the Flatpak builds into flatpak/sources/libgsf/
# (or DIR). The GNOME runtime has no libgsf; Gongwen reads .docx packages
# with it (GsfInfileZip). The source is Debian 12's own package (1.14.50
# with Debian's fixes applied), fetched with apt from the mirrors this
# machine already uses, so no other download site is involved.
#
# apt needs source indices for that. Rather than edit the system's apt
# configuration, this script writes a private copy of the configured "deb"
# entries as "deb-src" entries and points apt at it for this one call.
# Needs dpkg-dev (dpkg-source). See docs/flatpak.md.
#
# Usage: flatpak/collect-libgsf.sh [DIR]
#        flatpak/collect-libgsf.sh --dry-run   (show the apt sources it would use)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
package=libgsf
upstream_version=1.14.50

dry_run=0
if [[ ${1:-} == --dry-run ]]; then
  dry_run=1
  shift
fi
dest=${1:-$here/sources/libgsf}

work=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-libgsf.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/src"

# deb822 files: "Types: deb" → "Types: deb-src"; one-line lists: "deb " → "deb-src ".
sources=$work/sources.list.d
mkdir -p "$sources"
shopt -s nullglob
for f in /etc/apt/sources.list.d/*.sources; do
  sed -E 's/^Types:.*/Types: deb-src/' "$f" >"$sources/$(basename "$f")"
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [[ -f $f ]] || continue
  sed -nE 's/^[[:space:]]*deb[[:space:]]+/deb-src /p' "$f" >"$sources/$(basename "$f" .list)-src.list"
done
shopt -u nullglob

apt_opts=(
  -o "Dir::Etc::SourceList=/dev/null"
  -o "Dir::Etc::SourceParts=$sources"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache::Archives=$work/archives"
  -o "APT::Sandbox::User=root"
)

if ((dry_run)); then
  echo "collect-libgsf.sh: apt would read these source entries:"
  cat "$sources"/*
  exit 0
fi

apt-get "${apt_opts[@]}" update -q
(cd "$work/src" && apt-get "${apt_opts[@]}" source --download-only "$package")
dsc=$(ls "$work/src/${package}_${upstream_version}"-*.dsc 2>/dev/null | head -n1 || true)
if [[ -z $dsc ]]; then
  echo "collect-libgsf.sh: apt did not fetch ${package} ${upstream_version}; got:" >&2
  ls "$work/src" >&2
  exit 1
fi
# dpkg-source applies Debian's patches (security fixes) to the upstream tree.
dpkg-source --no-check -x "$dsc" "$work/src/tree" >/dev/null
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$work/src/tree" "$dest"
echo "collect-libgsf.sh: $(basename "$dsc" .dsc) unpacked into $dest"
