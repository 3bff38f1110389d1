#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Import speed of a 100-page .docx (target: under 100 ms) beside the time
# LibreOffice takes to open the same file (headless, converting it to
# text, a fresh profile made beforehand so its creation is not counted).
#   bench/docx-import-bench.sh BENCH-DOCX-IMPORT-BINARY [PAGES]
# or: ninja -C BUILD docx-import-bench
set -eu
BIN=${1:?usage: docx-import-bench.sh PATH-TO-bench-docx-import [PAGES]}
PAGES=${2:-100}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# A draft of PAGES pages at GB/T 9704's 22 lines of 28 characters: head,
# headings of four levels and body paragraphs, the closing block.
python3 - "$TMP/draft.txt" "$PAGES" <<'PY'
import sys
path, pages = sys.argv[1], int(sys.argv[2])
cn = '一二三四五六七八九十'
out = ['临川市民政局文件', '', '临民发〔2024〕7号', '', '关于做好社会工作服务站建设的通知', '',
       '各乡镇人民政府，市直有关部门：']
body = ('为深入贯彻落实社会工作服务站建设要求，进一步健全基层社会工作服务体系，'
        '推动社会工作服务站规范运行，切实提升为民服务能力，结合本市实际，现就有关事项通知如下。')
lines = 7
i = 0
while lines < pages * 22:
    i += 1
    out.append('%s、第%d部分工作要求' % (cn[(i - 1) % 10], i)); lines += 1
    for j in range(1, 4):
        out.append('（%s）具体任务%d' % (cn[j - 1], j)); lines += 1
        out.append(body * 2); lines += 9
print('', file=open(path, 'w'), end='')
with open(path, 'w') as f:
    f.write('\n'.join(out + ['', '临川市民政局', '2024年3月1日']) + '\n')
PY

PROFILE="file://$TMP/profile"
soffice -env:UserInstallation="$PROFILE" --headless --convert-to docx --outdir "$TMP" "$TMP/draft.txt" >/dev/null 2>&1
ls -l "$TMP/draft.docx" | awk '{ printf "file: %s bytes, %s pages of text\n", $5, "'"$PAGES"'" }'

"$BIN" "$TMP/draft.docx" 21

mkdir -p "$TMP/lo"
START=$(date +%s%N)
soffice -env:UserInstallation="$PROFILE" --headless --convert-to txt:Text --outdir "$TMP/lo" "$TMP/draft.docx" >/dev/null 2>&1
END=$(date +%s%N)
echo "LibreOffice open (convert to text): $(( (END - START) / 1000000 )) ms"
