#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes, with python-docx (Debian's python3-docx), a .docx of each given
plain-text draft the way an office template does it: every line of the
text one paragraph, the first line (the organ's mark) red, 2号 and
centred, the title centred at 2号, the date right-aligned.

Usage: make-python-docx.py OUTDIR DRAFT.txt…"""

import os
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor


def convert(path, out):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    d = docx.Document()
    first = True
    for line in lines:
        para = d.add_paragraph()
        run = para.add_run(line)
        text = line.strip()
        if first and text:
            run.font.color.rgb = RGBColor(0xFF, 0, 0)
            run.font.size = Pt(22)
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            first = False
        elif text.startswith('关于') and len(text) < 40:
            run.font.size = Pt(22)
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif text.endswith('日') and len(text) <= 12:
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            run.font.size = Pt(16)
    name = os.path.splitext(os.path.basename(path))[0] + '.docx'
    d.save(os.path.join(out, name))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        convert(path, out)


if __name__ == '__main__':
    main()
