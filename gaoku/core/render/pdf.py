"""The PDF copy: A4, laid out after GB/T 9704-2012, every mark kept in the text layer.

Geometry (GB/T 9704 §5.2): top margin 37 mm, left 28 mm, a text block 156 × 225 mm of 22
lines of 28 characters at 16 pt (三号). The title is 22 pt (二号), centred, in 宋 drawn
heavier (fill and stroke) to stand in for 小标宋; subtitle lines centred in 楷; ``一、`` and
``第一，`` headings in 黑, ``（一）`` headings in 楷, each for its first sentence; body in 宋
with a two-character indent, lines justified. The member's notice is set small and grey at
the head of every page, and the folio ``— N —`` centred below the text block.

The invisible marks are drawn with zero-advance empty glyphs (see ``fonts``), so they have
ToUnicode entries and a reader that walks the content stream (pypdf) gets them in order.
Poppler alone would not: it keeps a zero-width glyph as a word of its own and drops a word
equal to one at the same position (its guard against fake-bold duplicates), so a run of
eleven marks lost about a third of them in our trials. Each token that holds marks is
therefore also wrapped in a marked-content span whose ``/ActualText`` is the token's whole
text (ISO 32000-1 §14.9.4), which Poppler reads in place of the span's glyphs; readers
that ignore ``/ActualText`` still see the glyphs.

Tested here (``tests/core/render``, and by hand while writing this): ``pdftotext -enc
UTF-8`` of Poppler 22.12, plain, ``-layout`` and ``-raw``, and pypdf 7 in plain and layout
mode (the project's own PDF reader), give back every character and mark in order once the
line breaks and the notice and folio lines are removed, and a real invisible-layer mark
decodes from ``pdftotext``'s output; ``pdftoppm -png -r 60`` and ``-r 110`` renderings,
looked at by eye, show no boxes and no gaps where the marks are; ``pdffonts`` lists the
three faces and the blank font, all embedded as subsets with ToUnicode maps.
"""

from __future__ import annotations

import threading
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFStream
from reportlab.pdfgen.canvas import Canvas

from gaoku.core.render.base import CopyDocument
from gaoku.core.render.blocks import Block, Role, blocks
from gaoku.core.render.content import Codes, TextObject
from gaoku.core.render.fonts import FAST_FLATE, FontSet, load_fonts
from gaoku.core.render.lines import Line, Style, break_lines, tokenize
from gaoku.core.text import MARK_ALPHABET

PAGE_HEIGHT = A4[1]
LEFT = 28 * mm
TOP = 37 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
PITCH = BLOCK_HEIGHT / LINES_PER_PAGE
BODY_SIZE = 16.0
# Negative tracking narrows the 16 pt cell to 156 mm / 28 (about 15.8 pt).
TRACKING = BLOCK_WIDTH / CHARS_PER_LINE - BODY_SIZE
INDENT = 2 * (BODY_SIZE + TRACKING)
NOTICE_BASELINE = PAGE_HEIGHT - 22 * mm
FOLIO_BASELINE = 24 * mm
# A justified line opens its glyphs by at most this share of the size; a line that would
# need more (a long Latin word pushed to the next line) stays ragged.
_MAX_STRETCH = 0.3
# The middle of a CJK glyph sits this many ems above the baseline.
_CENTRE_RISE = 0.38

STYLES = {
    Role.TITLE: Style("song", 22.0, 0.0, bold=True),
    Role.SUBTITLE: Style("kai", BODY_SIZE, TRACKING),
    Role.HEADING1: Style("hei", BODY_SIZE, TRACKING),
    Role.HEADING2: Style("kai", BODY_SIZE, TRACKING),
    Role.BODY: Style("song", BODY_SIZE, TRACKING),
}
_NOTICE = Style("song", 9.0)
_FOLIO = Style("song", 14.0)
_CENTRED = (Role.TITLE, Role.SUBTITLE)
_NOTICE_GREY = 0.45

# reportlab's font objects keep per-document state in shared structures, and the blank
# font's character map grows; one copy at a time per process keeps both consistent.
_LOCK = threading.Lock()


def write_pdf(document: CopyDocument) -> bytes:
    """The bytes of the PDF copy.

    Raises:
        FontMissing: When a font package is not installed.
    """
    text, notice = document.text, document.notice
    fonts = load_fonts()
    with _LOCK:
        out = BytesIO()
        # The initial font is the body face, so that the PDF names no unembedded Helvetica.
        canvas = Canvas(
            out,
            pagesize=A4,
            pageCompression=1,
            invariant=1,
            initialFontName=fonts.faces["song"].fontName,
        )
        canvas.setTitle(_plain(text.split("\n", 1)[0]))
        canvas.setAuthor("")
        canvas.setSubject("")
        canvas.setCreator("Gaoku")
        # Text is emitted as raw operators; reportlab's font objects need the document
        # object to number their subsets, and the canvas only reaches it privately.
        codes = Codes(canvas._doc)
        notice_line = _single_line(notice, _NOTICE, fonts)
        flow = _flow(blocks(text), fonts)
        codes.number_by_frequency(text, (placed[0] for placed in flow if placed is not None))
        for number, page in enumerate(_paginate(flow), 1):
            ops = TextObject(codes)
            ops.raw(f"BT {_NOTICE_GREY} g")
            _centred(ops, notice_line, NOTICE_BASELINE)
            ops.raw("0 g")
            for slot, placed in enumerate(page):
                if placed is not None:
                    line, offset, tc = placed
                    ops.line(line, LEFT + offset, _baseline(slot, line.tokens[0].style.size), tc)
            _centred(ops, _single_line(f"— {number} —", _FOLIO, fonts), FOLIO_BASELINE)
            ops.raw("ET")
            canvas.addLiteral(ops.code())
            canvas.showPage()
        _compress_pages(canvas._doc)
        canvas.save()
        return out.getvalue()


def _compress_pages(doc) -> None:
    """Give each page its content stream, Flate at level 1 and without ASCII85.

    reportlab would wrap the streams in ASCII85 on top of Flate at level 6 (its global
    defaults), which made them bigger and took a tenth of the time of a copy; it only
    builds a page's stream itself when the page has none.
    """
    for page in doc.Pages.pages:
        page.Contents = PDFStream(content=page.stream, filters=[FAST_FLATE])


def _centred(ops: TextObject, line: Line, y: float) -> None:
    ops.line(line, LEFT + (BLOCK_WIDTH - line.width) / 2, y, 0.0)


def _plain(text: str) -> str:
    return text.translate(str.maketrans("", "", MARK_ALPHABET)).strip()


def _single_line(text: str, style: Style, fonts: FontSet) -> Line:
    tokens = tuple(tokenize(text, style, fonts, BLOCK_WIDTH))
    return Line(tokens, sum(t.width for t in tokens), True, sum(t.glyphs for t in tokens))


# A placed line: the line, its x offset in the text block, and its Tc.
_Placed = tuple[Line, float, float]


def _flow(paras: list[Block], fonts: FontSet) -> list[_Placed | None]:
    """The lines of the copy in order; None for a blank line on the grid."""
    flow: list[_Placed | None] = []
    for block in paras:
        if block.role not in _CENTRED:
            flow.extend(_paragraph(block, fonts))
            continue
        if block.role is Role.SUBTITLE and flow and flow[-1] is None:
            flow.pop()  # subtitles follow the title without a blank line
        style = STYLES[block.role]
        tokens = tokenize(block.text, style, fonts, BLOCK_WIDTH)
        for line in break_lines(tokens, BLOCK_WIDTH, BLOCK_WIDTH):
            flow.append((line, max(0.0, (BLOCK_WIDTH - line.width) / 2), style.tracking))
        flow.append(None)
    return flow


def _paragraph(block: Block, fonts: FontSet) -> list[_Placed]:
    tokens = tokenize(block.head, STYLES[block.role], fonts, BLOCK_WIDTH)
    tokens += tokenize(block.rest, STYLES[Role.BODY], fonts, BLOCK_WIDTH)
    placed = []
    for n, line in enumerate(break_lines(tokens, BLOCK_WIDTH - INDENT, BLOCK_WIDTH)):
        available = BLOCK_WIDTH - INDENT if n == 0 else BLOCK_WIDTH
        tracking = line.tokens[0].style.tracking
        stretch = 0.0
        if not line.last and line.glyphs > 1 and line.width < available:
            stretch = (available - line.width) / (line.glyphs - 1)
            if stretch > _MAX_STRETCH * BODY_SIZE:
                stretch = 0.0
        placed.append((line, INDENT if n == 0 else 0.0, tracking + stretch))
    return placed


def _paginate(flow: list[_Placed | None]) -> list[list[_Placed | None]]:
    pages: list[list[_Placed | None]] = [[]]
    for item in flow:
        if len(pages[-1]) == LINES_PER_PAGE:
            pages.append([])
        if item is None and not pages[-1]:
            continue
        pages[-1].append(item)
    return pages


def _baseline(slot: int, size: float) -> float:
    return PAGE_HEIGHT - TOP - slot * PITCH - PITCH / 2 - _CENTRE_RISE * size
