"""The DOCX copy: one Word paragraph per paragraph of the text, styled after GB/T 9704.

Word and WPS pick fonts by the East Asian name of each run, so the styles name the fonts
of the standard (方正小标宋简体 for the title, 仿宋 for the body, 黑体 and 楷体 for the
headings); where one is missing, Word substitutes its own. Sizes are 二号 (22 pt) for the
title and 三号 (16 pt) otherwise, lines exactly 28 pt apart, the first line indented two
characters (``firstLineChars``, with the same indent in points for LibreOffice).

A paragraph's marks are gathered into one run of their own, just before the punctuation
that closes the paragraph (or at its end). Anywhere else LibreOffice, justifying a line,
spreads the line's slack over the zero-width marks as over any character and moves the
line by points; the last line of a paragraph is never justified, so there they move
nothing. The run names a face of its own (``MARK_FONT``), so that in a PDF exported from
the copy the marks take no glyphs from the body face's subset, which would move later
glyphs into another subset and shift them by a rounding. Both are tested pixel by pixel
in LibreOffice. Joining the paragraphs' texts gives back the text with every mark, in
order, each paragraph's marks at its end; LibreOffice keeps them when it opens and
re-saves the file (tested). Excerpts copied from a DOCX therefore carry marks only where
they take in a paragraph's end. The notice is the
first paragraph and is repeated in the page header and footer, beside the folio. The only
metadata is the title, without its marks; python-docx's default author and comment are
blanked.
"""

from __future__ import annotations

import functools
import re
from io import BytesIO

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from gaoku.core.render.base import CopyDocument
from gaoku.core.render.blocks import Role, blocks
from gaoku.core.text import MARK_ALPHABET

LATIN_FONT = "Times New Roman"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体"
NOTICE_FONT = "宋体"
# Any face but the body's (see the module docstring); the marks draw as nothing in any.
MARK_FONT = "DejaVu Sans"

_TITLE, _SUBTITLE, _BODY, _NOTICE = "公文标题", "公文副标题", "公文正文", "复制提示"
_HEADING_STYLES = {Role.HEADING1: "一级标题", Role.HEADING2: "二级标题"}
_GREY = RGBColor(0x80, 0x80, 0x80)
# XML 1.0 cannot hold these; a normalised text never has them, but a copy must not crash.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MARKS = re.compile(f"[{MARK_ALPHABET}]+")
# The punctuation that closes a paragraph, with the quotes and brackets after it.
_CLOSING = re.compile("[，。；：、！？”’）》」』…—]*$")


def write_docx(document: CopyDocument) -> bytes:
    """The bytes of the DOCX copy."""
    word = Document(BytesIO(_template()))
    styles = word.styles
    text, notice = _NOT_XML.sub("", document.text), _NOT_XML.sub("", document.notice)
    section = word.sections[0]
    section.header.paragraphs[0].add_run(notice)
    section.footer.paragraphs[0].add_run(notice)
    # Paragraphs are built at the XML level: python-docx's Paragraph.style setter scans
    # every style of the document for the default one each time, which took most of the
    # time of a copy.
    ids = {name: styles[name].style_id for name in (_TITLE, _SUBTITLE, _BODY, _NOTICE)}
    ids |= {role: styles[name].style_id for role, name in _HEADING_STYLES.items()}
    paragraph_ids = {Role.TITLE: ids[_TITLE], Role.SUBTITLE: ids[_SUBTITLE]}
    body = word.element.body
    _add_paragraph(body, ids[_NOTICE], notice)
    for block in blocks(text):
        p = _add_paragraph(body, paragraph_ids.get(block.role, ids[_BODY]), "")
        for piece, face in _pieces(block.head, block.rest):
            run = p.add_r()
            run.add_t(piece)
            if face == "head" and block.role in _HEADING_STYLES:
                run.style = ids[block.role]
            elif face == "marks":
                fonts = run.get_or_add_rPr().get_or_add_rFonts()
                for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                    fonts.set(qn(attribute), MARK_FONT)
    # Word's core properties hold at most 255 characters.
    word.core_properties.title = text.split("\n", 1)[0].translate(_NO_MARKS).strip()[:255]
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _add_paragraph(body, style_id: str, text: str):
    p = body.add_p()
    p.style = style_id
    if text:
        p.add_r().add_t(text)
    return p


_NO_MARKS = str.maketrans("", "", MARK_ALPHABET)


def _pieces(head: str, rest: str) -> list[tuple[str, str]]:
    """The runs of a paragraph, as (text, "head" | "rest" | "marks"): its marks taken out
    of the text and put in one run before the punctuation that closes the paragraph."""
    marks = "".join(_MARKS.findall(head + rest))
    pieces = [(head.translate(_NO_MARKS), "head"), (rest.translate(_NO_MARKS), "rest")]
    pieces = [(piece, face) for piece, face in pieces if piece]
    if marks:
        last, face = pieces.pop() if pieces else ("", "rest")
        cut = _CLOSING.search(last).start()
        pieces += [(last[:cut], face), (marks, "marks"), (last[cut:], face)]
    return [(piece, face) for piece, face in pieces if piece]


@functools.cache
def _template() -> bytes:
    """An empty document with the page set-up and styles; built once per process."""
    word = Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(15)

    normal = word.styles["Normal"]
    _fonts(normal, BODY_FONT, 16)
    # Chinese text, said so: LibreOffice, lacking 仿宋, then substitutes one simplified-
    # Chinese face for every line, instead of a face per line chosen by what the line
    # holds (a line with a mark got AR PL UKai, the only face here with U+200C/200D).
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    title = _paragraph_style(word, _TITLE, TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.space_after = Pt(28)
    _paragraph_style(word, _SUBTITLE, HEADING2_FONT, 16, WD_ALIGN_PARAGRAPH.CENTER)
    body = _paragraph_style(word, _BODY, BODY_FONT, 16, WD_ALIGN_PARAGRAPH.JUSTIFY)
    body.paragraph_format.first_line_indent = Pt(32)
    # Two characters whatever the font size, as Word's own "首行缩进 2 字符" writes it.
    body.element.pPr.ind.set(qn("w:firstLineChars"), "200")
    for role, name in _HEADING_STYLES.items():
        style = word.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        _fonts(style, HEADING1_FONT if role is Role.HEADING1 else HEADING2_FONT, 16)
    notice = _paragraph_style(word, _NOTICE, NOTICE_FONT, 9, WD_ALIGN_PARAGRAPH.CENTER)
    notice.font.color.rgb = _GREY
    notice.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    notice.paragraph_format.space_after = Pt(12)

    section.header.paragraphs[0].style = notice
    footer = section.footer
    footer.paragraphs[0].style = notice
    _folio(
        footer.add_paragraph(
            style=_paragraph_style(word, "页码", NOTICE_FONT, 14, WD_ALIGN_PARAGRAPH.CENTER)
        )
    )
    properties = word.core_properties
    properties.author = properties.comments = properties.last_modified_by = ""
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _paragraph_style(word: WordDocument, name: str, east_asian: str, size: float, align):
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = word.styles["Normal"]
    style.paragraph_format.alignment = align
    _fonts(style, east_asian, size)
    return style


def _fonts(style, east_asian: str, size: float) -> None:
    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def _folio(paragraph) -> None:
    """``— N —`` with N the PAGE field, as GB/T 9704 sets the folio."""
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(" —")
