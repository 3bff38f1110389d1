#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copies the fonts the Flatpak bundles, and their licences, from this
# machine's Debian packages into flatpak/fonts/ (or DIR), where the manifest's
# "file" sources expect them. Run it before flatpak-builder; see
# docs/flatpak.md. The GNOME runtime has no CJK fonts, and the PDF must come
# out the same on every machine, so the app carries the GB/T 9704 faces.
#
# Usage: flatpak/collect-fonts.sh [DIR]
#        flatpak/collect-fonts.sh --list    (the file names it produces)
#        flatpak/collect-fonts.sh --check   (are all its inputs installed?)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Debian package | file installed by it | name in DIR
fonts=(
  "texlive-lang-chinese|/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf|FandolFang-Regular.otf"
  "fonts-noto-cjk|/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc|NotoSerifCJK-Regular.ttc"
  "fonts-noto-cjk|/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc|NotoSerifCJK-Bold.ttc"
  "fonts-noto-cjk|/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc|NotoSansCJK-Regular.ttc"
  "fonts-arphic-gkai00mp|/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf|gkai00mp.ttf"
  "fonts-lxgw-wenkai|/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf|LXGWWenKai-Regular.ttf"
)
licences=(texlive-lang-chinese fonts-noto-cjk fonts-arphic-gkai00mp fonts-lxgw-wenkai)

if [[ ${1:-} == --list ]]; then
  for entry in "${fonts[@]}"; do echo "${entry##*|}"; done
  for pkg in "${licences[@]}"; do echo "$pkg.copyright"; done
  exit 0
fi

check_only=0
if [[ ${1:-} == --check ]]; then
  check_only=1
  shift
fi
dest=${1:-$here/fonts}
((check_only)) || mkdir -p "$dest"
missing=()
for entry in "${fonts[@]}"; do
  IFS='|' read -r pkg src name <<<"$entry"
  if [[ -f $src ]]; then
    ((check_only)) || cp -f "$src" "$dest/$name"
  else
    missing+=("$pkg ($src)")
  fi
done
for pkg in "${licences[@]}"; do
  if [[ -f /usr/share/doc/$pkg/copyright ]]; then
    ((check_only)) || cp -f "/usr/share/doc/$pkg/copyright" "$dest/$pkg.copyright"
  else
    missing+=("$pkg (/usr/share/doc/$pkg/copyright)")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "collect-fonts.sh: missing; install these Debian packages (they are in tools/debian-packages.txt):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
if ((check_only)); then
  echo "collect-fonts.sh: all ${#fonts[@]} fonts and ${#licences[@]} licences are installed"
else
  echo "collect-fonts.sh: $(ls "$dest" | wc -l) files in $dest"
fi
