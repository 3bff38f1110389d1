#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one test under a comma-decimal locale (de_DE.UTF-8), compiled with
# localedef into a private folder (no root needed):
#
#   meson test -C BUILDDIR --setup comma --suite core --suite render --suite cli
#
# The folder is made once per build directory; several tests starting at
# once each compile into their own folder and the first rename wins. The
# test 'comma-locale' (tests/core/test-locale.c) fails unless the decimal
# point really is a comma, so a locale that cannot be made cannot pass.
set -eu

dir=${GW_COMMA_LOCPATH:?GW_COMMA_LOCPATH names the folder for the locale}
if [ ! -d "$dir/de_DE.UTF-8" ]; then
  mkdir -p "$dir"
  tmp=$(mktemp -d "$dir/.make.XXXXXX")
  if ! localedef -i de_DE -f UTF-8 "$tmp/de_DE.UTF-8" >"$tmp/log" 2>&1; then
    echo "comma-locale: localedef failed (package locales?):" >&2
    cat "$tmp/log" >&2
    rm -rf "$tmp"
    exit 1
  fi
  mv -T "$tmp/de_DE.UTF-8" "$dir/de_DE.UTF-8" 2>/dev/null || true
  rm -rf "$tmp"
fi

# the test's own environment forces C.UTF-8; the wrapper has the last word
export LOCPATH="$dir" LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 GW_TEST_COMMA_LOCALE=1
exec "$@"
