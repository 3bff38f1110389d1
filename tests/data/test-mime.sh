#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The .gwdoc MIME type: the package file is well-formed, update-mime-database
# accepts it, and GIO then recognises a .gwdoc by its name and, without the
# extension, by its <gwdoc> root element (what the file chooser and the
# desktop's "Open with" rely on).
# Usage: test-mime.sh MIME_XML SAMPLE_GWDOC   (TAP output)
set -u
mime_xml=$1
sample=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-mime.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "1..4"

if xmllint --noout "$mime_xml"; then
  echo "ok 1 - xmllint: $mime_xml is well-formed"
else
  echo "not ok 1 - xmllint: $mime_xml is well-formed"
fi

mkdir -p "$tmp/share/mime/packages"
cp "$mime_xml" "$tmp/share/mime/packages/io.github.gongwen.Gongwen.xml"
# update-mime-database also needs the freedesktop base types it builds on.
if [ -f /usr/share/mime/packages/freedesktop.org.xml ]; then
  cp /usr/share/mime/packages/freedesktop.org.xml "$tmp/share/mime/packages/"
fi
if out=$(XDG_DATA_DIRS="$tmp/share" update-mime-database "$tmp/share/mime" 2>&1) && [ -z "$out" ] &&
   grep -q ':application/x-gongwen-document:\*\.gwdoc' "$tmp/share/mime/globs2"; then
  echo "ok 2 - update-mime-database accepts it and registers *.gwdoc"
else
  echo "not ok 2 - update-mime-database accepts it and registers *.gwdoc"
  printf '%s\n' "$out" | sed 's/^/# /'
fi

content_type () {
  XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$tmp/share" \
    gio info -a standard::content-type "$1" 2>&1 | sed -n 's/^ *standard::content-type: //p'
}

cp "$sample" "$tmp/document.gwdoc"
got=$(content_type "$tmp/document.gwdoc")
if [ "$got" = "application/x-gongwen-document" ]; then
  echo "ok 3 - GIO: document.gwdoc is $got"
else
  echo "not ok 3 - GIO: document.gwdoc is application/x-gongwen-document (got '$got')"
fi

cp "$sample" "$tmp/document-without-extension"
got=$(content_type "$tmp/document-without-extension")
if [ "$got" = "application/x-gongwen-document" ]; then
  echo "ok 4 - GIO: a file without extension with a <gwdoc> root is $got"
else
  echo "not ok 4 - GIO: a file without extension with a <gwdoc> root is application/x-gongwen-document (got '$got')"
fi
