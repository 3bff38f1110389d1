#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes small hand-written .docx packages into OUTDIR: the WordprocessingML
constructs real 公文 drafts use (automatic numbering, tracked changes, text
boxes, frames, merged cells, a VML red rule, a DrawingML rule inside
mc:AlternateContent, a bottom floating 版记 table, theme fonts), and hostile
packages (zip bombs, entity bombs, DTDs, nesting). The XML is written here
by hand, never by Gongwen's own writer.

Usage: make-packages.py OUTDIR [good|bad|all]"""

import os
import struct
import sys
import zipfile
import zlib

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (W + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
      ' xmlns:v="urn:schemas-microsoft-com:vml"'
      ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
      ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
      ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
      ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<w:styles ' + W + '>'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
          '<w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Mark"><w:name w:val="Organ Mark"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="FF0000"/><w:sz w:val="88"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '</w:styles>')
NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:numbering ' + W + '>'
             '<w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
             '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
             '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '</w:numbering>')


def p(text, ppr='', rpr=''):
    return ('<w:p>' + (('<w:pPr>' + ppr + '</w:pPr>') if ppr else '') +
            '<w:r>' + (('<w:rPr>' + rpr + '</w:rPr>') if rpr else '') +
            '<w:t xml:space="preserve">' + text + '</w:t></w:r></w:p>')


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document ' + NS + '><w:body>' + body + '</w:body></w:document>')


def package(path, body=None, parts=None, doc_xml=None):
    parts = dict(parts or {})
    parts.setdefault('[Content_Types].xml', CT)
    parts.setdefault('_rels/.rels', RELS)
    parts.setdefault('word/_rels/document.xml.rels', DOC_RELS)
    parts.setdefault('word/styles.xml', STYLES)
    parts.setdefault('word/numbering.xml', NUMBERING)
    if doc_xml is not None:
        parts['word/document.xml'] = doc_xml
    elif body is not None:
        parts['word/document.xml'] = document(body)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if data is None:
                continue
            z.writestr(name, data.encode() if isinstance(data, str) else data)


HEAD = (p('某市民政局文件', 'w:pStyle w:val="Mark"'.join(['<', '/>'])) +
        p('某民发〔2024〕7号', '<w:jc w:val="center"/>'))
TAIL = (p('某市民政局', '<w:jc w:val="right"/>') +
        p('2024年3月1日', '<w:jc w:val="right"/>'))
TITLE = p('关于做好社会工作服务的通知', '<w:jc w:val="center"/>', '<w:sz w:val="44"/>')
RECIPIENTS = p('各乡镇人民政府：')


def numbered(text, ilvl):
    return ('<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            '<w:r><w:t>%s</w:t></w:r></w:p>' % (ilvl, text))


def good(out):
    # automatic numbering: the markers come from numbering.xml
    package(os.path.join(out, 'numbering.docx'), HEAD + TITLE + RECIPIENTS +
            numbered('总体要求', 0) + p('为了做好工作，现通知如下。') +
            numbered('工作目标', 1) + numbered('具体任务', 2) +
            numbered('保障措施', 0) + p('各地要加强领导。') + TAIL)

    # tracked changes: insertions kept, deletions dropped, a paragraph
    # deleted whole not counted
    tracked = (HEAD + TITLE + RECIPIENTS +
               '<w:p><w:r><w:t>一、总体</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>要求</w:t></w:r></w:ins>'
               '<w:del w:id="2" w:author="a"><w:r><w:delText>删掉的话</w:delText></w:r></w:del></w:p>'
               '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>'
               '<w:del w:id="4" w:author="a"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>'
               '<w:p><w:r><w:t>正文内容。</w:t></w:r><w:commentRangeStart w:id="0"/>'
               '<w:r><w:commentReference w:id="0"/></w:r>'
               '<w:r><w:t>二、</w:t></w:r></w:p>' + TAIL)
    package(os.path.join(out, 'tracked.docx'), tracked)

    # text box holding the organ mark (DrawingML with a VML fallback: the
    # text must come once), a VML red rule, a frame, merged cells
    textbox = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
               '<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>' +
               p('某市民政局文件', '<w:jc w:val="center"/>', '<w:color w:val="FF0000"/><w:sz w:val="88"/>') +
               '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
               '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' +
               p('某市民政局文件', '<w:jc w:val="center"/>', '<w:color w:val="FF0000"/><w:sz w:val="88"/>') +
               '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    vml_rule = ('<w:p><w:r><w:pict><v:line from="0,0" to="442pt,0" strokecolor="#FF0000" strokeweight="2pt"/>'
                '</w:pict></w:r></w:p>')
    frame = p('某民发〔2024〕7号', '<w:framePr w:w="8845" w:hAnchor="margin" w:vAnchor="margin" w:y="1985"/><w:jc w:val="center"/>')
    merged = ('<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
              '<w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>'
              '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:tr>'
              '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>社工站</w:t></w:r></w:p></w:tc>'
              '<w:tc><w:p><w:r><w:t>10</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>万元</w:t></w:r></w:p></w:tc></w:tr>'
              '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
              '<w:tc><w:p><w:r><w:t>20</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>万元</w:t></w:r></w:p></w:tc></w:tr>'
              '</w:tbl>')
    package(os.path.join(out, 'textbox.docx'),
            textbox + frame + vml_rule + TITLE + RECIPIENTS +
            p('一、总体要求') + p('经费如下表。') + merged + p('请遵照执行。') + TAIL)

    # DrawingML rule inside mc:AlternateContent, theme fonts, a bottom
    # floating 版记 table, a joint organ mark in a floating table
    dml_rule = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
                '<a:graphic><a:graphicData><wps:wsp><wps:spPr><a:prstGeom prst="line"/>'
                '<a:ln w="25400"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr>'
                '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
                '<mc:Fallback><w:pict><v:line strokecolor="red"/></w:pict></mc:Fallback>'
                '</mc:AlternateContent></w:r></w:p>')
    joint = ('<w:tbl><w:tblPr><w:tblpPr w:vertAnchor="margin" w:tblpY="1985"/></w:tblPr>'
             '<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>'
             '<w:tc>' + p('某市民政局', '', '<w:color w:val="FF0000"/><w:sz w:val="72"/>') +
             p('某市财政局', '', '<w:color w:val="FF0000"/><w:sz w:val="72"/>') + '</w:tc>'
             '<w:tc>' + p('文件', '', '<w:color w:val="FF0000"/><w:sz w:val="72"/>') + '</w:tc>'
             '</w:tr></w:tbl>')
    colophon = ('<w:tbl><w:tblPr><w:tblpPr w:vertAnchor="margin" w:tblpYSpec="bottom"/></w:tblPr>'
                '<w:tblGrid><w:gridCol/></w:tblGrid>'
                '<w:tr><w:tc>' + p('抄送：市委办公室，市人大常委会办公室。') + '</w:tc></w:tr>'
                '<w:tr><w:tc><w:p><w:r><w:t>某市民政局办公室</w:t></w:r><w:r><w:tab/></w:r>'
                '<w:r><w:t>2024年3月1日印发</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    package(os.path.join(out, 'joint.docx'),
            joint + p('某民发〔2024〕7号', '<w:jc w:val="center"/>') + dml_rule + TITLE + RECIPIENTS +
            p('一、总体要求') + p('请遵照执行。') + TAIL + colophon)

    # heading styles without typed markers, breaks in the title, fields,
    # symbols, no-break hyphens, hyperlinks, content controls
    misc = (HEAD +
            '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>关于做好社会工作</w:t><w:br/>'
            '<w:t>服务的通知</w:t></w:r></w:p>' + RECIPIENTS +
            '<w:sdt><w:sdtContent>' + p('一、总体要求') + '</w:sdtContent></w:sdt>'
            '<w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>网站</w:t></w:r></w:hyperlink>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:fldSimple w:instr=" DATE "><w:r><w:t>（日期）</w:t></w:r></w:fldSimple>'
            '<w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:sym w:font="Symbol" w:char="F0B4"/><w:t>。</w:t></w:r></w:p>' +
            p('组织保障', '<w:pStyle w:val="Heading1"/>') + p('各地要加强领导。') + TAIL)
    package(os.path.join(out, 'misc.docx'), misc)

    # a title over two paragraphs, 附件说明 with its items split by w:br
    # under a hanging indent, 附注, an attachment page
    package(os.path.join(out, 'attachments.docx'),
            HEAD + p('关于做好社会工作', '<w:jc w:val="center"/>', '<w:sz w:val="44"/>') +
            p('服务站建设的通知', '<w:jc w:val="center"/>', '<w:sz w:val="44"/>') + RECIPIENTS +
            p('一、总体要求') + p('请遵照执行。') +
            '<w:p><w:pPr><w:ind w:left="1580" w:hanging="948"/></w:pPr><w:r><w:t>附件：1．社工站建设标准</w:t>'
            '<w:br/><w:t>2．社工站考核办法</w:t></w:r></w:p>' +
            TAIL + p('（此件公开发布）') +
            p('附件1') + p('社工站建设标准', '<w:jc w:val="center"/>') + p('一、场地要求') + p('不少于50平方米。'))

    # a red mark without 文件 and without a number (a Party committee's
    # notice), and a draft for pre-printed letterhead (套打): spacer
    # paragraphs, one holding a no-break space, then the number
    package(os.path.join(out, 'red-mark.docx'),
            p('中共某市委员会', '<w:jc w:val="center"/>', '<w:color w:val="E60012"/><w:sz w:val="88"/>') +
            TITLE + RECIPIENTS + p('一、总体要求') + p('请遵照执行。') + TAIL)
    package(os.path.join(out, 'letterhead.docx'),
            '<w:p/><w:p/>' + p('\u00a0', '', '<w:sz w:val="2"/>') + '<w:p/>' +
            p('某民发〔2024〕7号', '<w:jc w:val="center"/>') + TITLE + RECIPIENTS +
            p('一、总体要求') + p('请遵照执行。') + TAIL)


def bomb_entries(path, n):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', document(p('正文')))
        for i in range(n):
            z.writestr('x/%d' % i, b'')


def lying_size(path):
    """document.xml deflates to 20 MiB but declares 100 bytes."""
    big = document(p('正' * 1000) * 7000).encode()
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(big) + comp.flush()
    package(path, p('x'))
    with zipfile.ZipFile(path) as z:
        others = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename != 'word/document.xml']
    with open(path, 'wb') as f:
        central = b''
        entries = others + [('word/document.xml', None)]
        for name, content in entries:
            nb = name.encode()
            if content is None:
                payload, crc, usize = data, zlib.crc32(big), 100
            else:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                payload = c.compress(content) + c.flush()
                crc, usize = zlib.crc32(content), len(content)
            off = f.tell()
            f.write(struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0, crc, len(payload), usize, len(nb), 0) + nb)
            f.write(payload)
            central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0, crc, len(payload), usize,
                                   len(nb), 0, 0, 0, 0, 0, off) + nb
        cd = f.tell()
        f.write(central)
        f.write(struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(entries), len(entries), len(central), cd, 0))


def semi_random_xml(size):
    """XML that deflates about 20:1: under the ratio cap, over the part cap."""
    import random
    rnd = random.Random(9704)
    words = ['社工站%d' % rnd.randrange(100000) for _ in range(4000)]
    out = []
    n = 0
    while n < size:
        s = '<w:p><w:r><w:t>' + ''.join(rnd.choice(words) for _ in range(20)) + '</w:t></w:r></w:p>'
        out.append(s)
        n += len(s.encode())
    return ''.join(out)


def bad(out):
    # bombs
    bomb_entries(os.path.join(out, 'bomb-entries.docx'), 10001)
    package(os.path.join(out, 'bomb-ratio.docx'), doc_xml=document(p('x')) + ' ' * (40 * 1024 * 1024))
    big = semi_random_xml(17 * 1024 * 1024)
    package(os.path.join(out, 'part-cap.docx'), doc_xml=document(big))
    # total: two parts of 15 MiB and a document of 15 MiB, each under the part cap
    chunk = semi_random_xml(15 * 1024 * 1024)
    package(os.path.join(out, 'bomb-total.docx'), doc_xml=document(chunk),
            parts={'word/styles.xml': '<w:styles ' + W + '>' + chunk + '</w:styles>',
                   'word/numbering.xml': '<w:numbering ' + W + '>' + chunk + '</w:numbering>'})
    lying_size(os.path.join(out, 'lying-size.docx'))
    # truncated, missing document
    package(os.path.join(out, 'whole.docx'), HEAD + TITLE)
    with open(os.path.join(out, 'whole.docx'), 'rb') as f:
        whole = f.read()
    with open(os.path.join(out, 'truncated.docx'), 'wb') as f:
        f.write(whole[:len(whole) // 2])
    os.unlink(os.path.join(out, 'whole.docx'))
    d = bytearray(whole)
    d[d.find(b'PK\x03\x04', 10) + 3] = 0x41
    with open(os.path.join(out, 'bad-local-header.docx'), 'wb') as f:
        f.write(d)
    package(os.path.join(out, 'no-document.docx'), parts={'word/other.xml': document(p('x'))})
    # XML attacks, in the document, in styles and in the .rels
    xxe = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document ' + W + '><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    package(os.path.join(out, 'xxe.docx'), doc_xml=xxe)
    package(os.path.join(out, 'dtd.docx'), p('正文'),
            parts={'word/styles.xml': '<?xml version="1.0"?><!DOCTYPE w:styles SYSTEM "http://example.org/x.dtd">'
                                      '<w:styles ' + W + '/>'})
    lol = ('<?xml version="1.0"?><!DOCTYPE Relationships [<!ENTITY a "aaaaaaaaaa">'
           + ''.join('<!ENTITY %s "%s">' % (chr(98 + i), ('&%s;' % chr(97 + i)) * 10) for i in range(9)) +
           ']><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">&j;</Relationships>')
    package(os.path.join(out, 'entity-bomb-rels.docx'), p('正文'), parts={'_rels/.rels': lol})
    # a part that is not UTF-8
    package(os.path.join(out, 'not-utf8.docx'),
            doc_xml=document(p('x')).encode().replace(b'x</w:t>', b'\x85\x85</w:t>'))
    # tables nested ten deep
    inner = p('最里面')
    for _ in range(10):
        inner = '<w:tbl><w:tr><w:tc>' + inner + '</w:tc></w:tr></w:tbl><w:p/>'
    package(os.path.join(out, 'nested.docx'), p('正文') + inner)
    # past the package limit: a 65 MiB stored image
    path = os.path.join(out, 'huge.docx')
    package(path, p('正文'))
    with zipfile.ZipFile(path, 'a', zipfile.ZIP_STORED) as z:
        z.writestr('word/media/scan.png', b'\0' * (65 * 1024 * 1024))
    # a .doc renamed: an OLE compound file
    with open(os.path.join(out, 'renamed-doc.docx'), 'wb') as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b'\0' * 504)


def main():
    out = sys.argv[1]
    what = sys.argv[2] if len(sys.argv) > 2 else 'all'
    os.makedirs(out, exist_ok=True)
    if what in ('good', 'all'):
        good(out)
    if what in ('bad', 'all'):
        bad(out)


if __name__ == '__main__':
    main()
