"""Rebuild paragraphs from the visual lines of a PDF's text layer or of an OCR.

A PDF or a scan knows lines, not paragraphs: a Chinese paragraph is cut wherever the
line is full, often in the middle of a word. Lines are joined back, without a space
between CJK characters, except where a paragraph evidently ends:

* the line ends a sentence or a clause: ``。！？：；``, possibly followed by closing
  quotes or brackets (``。”``); a lone ``”`` does not count, since quoted terms such as
  “两个确立” end lines in mid-sentence all the time;
* the line is much shorter than the page's typical (80th-percentile) line;
* the next line opens with a heading marker (``一、`` ``（一）`` ``第一，`` ``1.`` ``（1）``);
* the next line is indented (official documents indent every paragraph by two
  characters), when the source tells indentation.

Lines holding only a page number (``- 3 -``, ``第3页 共10页``…) among the first or last
two lines of a page are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_SHORT_LINE_RATIO = 0.8
_MIN_LINES_FOR_PAGE_TYPICAL = 4
_PAGE_EDGE_LINES = 2
_PARAGRAPH_END = re.compile(r"[。！？：；!?][”’」』）)]*$")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十百]+、"
    r"|[（(][一二三四五六七八九十百]+[）)]"
    r"|第[一二三四五六七八九十百]+(?:[，、,]|部分|章|节|条)"
    r"|\d{1,3}[.．、](?!\d)"
    r"|[（(]\d{1,3}[）)])"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
CJK_CHARS = (  # a regex class body: Han, kana, CJK and full-width punctuation, quotes
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\u2018-\u201d\u2026\u2014\U00020000-\U0003134f"
)
# Spaces a PDF's layout or an OCR engine puts next to CJK characters are artefacts:
# Chinese running text has none, not even before or after digits and Latin letters.
_SPACE_NEXT_TO_CJK = re.compile(
    rf"(?<=[{CJK_CHARS}])[ \t\u3000]+(?=[{CJK_CHARS}A-Za-z0-9])"
    rf"|(?<=[A-Za-z0-9])[ \t\u3000]+(?=[{CJK_CHARS}])"
)
_SPACE_RUN = re.compile(r"[ \t\u3000]{2,}")


def _closes_paragraph(text: str) -> bool:
    """Whether a line ending like ``text`` ends its paragraph (``。！？：；``, ``。”``…)."""
    return _PARAGRAPH_END.search(text) is not None


def _opens_heading(text: str) -> bool:
    """Whether ``text`` opens with a heading marker (``一、`` ``（一）`` ``第一，`` ``1.``…)."""
    return _HEADING.match(text) is not None


@dataclass(frozen=True)
class Line:
    """One visual line: its text, and whether it starts further right than the margin."""

    text: str
    indented: bool = False


def squeeze_spaces(text: str) -> str:
    """Drop the spaces next to CJK characters and collapse other runs of spaces to one."""
    return _SPACE_RUN.sub(" ", _SPACE_NEXT_TO_CJK.sub("", text)).strip()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _typical_width(widths: Sequence[int]) -> int:
    ordered = sorted(widths)
    return ordered[int(0.8 * (len(ordered) - 1))] if ordered else 0


def _drop_page_numbers(lines: Sequence[Line]) -> list[Line]:
    edges = set(range(_PAGE_EDGE_LINES)) | set(range(len(lines) - _PAGE_EDGE_LINES, len(lines)))
    return [
        line
        for index, line in enumerate(lines)
        if not (index in edges and _PAGE_NUMBER.match(line.text))
    ]


def join_lines(left: str, right: str) -> str:
    """Join two pieces of one paragraph: a space between Latin text, none beside CJK."""
    if left[-1:].isascii() and not left[-1:].isspace() and right[:1].isascii():
        return f"{left} {right}"
    return left + right


def reflow(pages: Sequence[Sequence[Line]], *, drop_page_numbers: bool = True) -> list[str]:
    """Join the lines of consecutive pages into paragraphs.

    Args:
        pages: For each page, its lines top to bottom; blank lines are ignored.
        drop_page_numbers: Drop the page-number lines at the edges of each page.

    Returns:
        The paragraphs, in order; a paragraph may run across a page break.
    """
    kept: list[list[tuple[Line, int]]] = []
    for page in pages:
        lines = [Line(line.text.strip(), line.indented) for line in page if line.text.strip()]
        if drop_page_numbers:
            lines = _drop_page_numbers(lines)
        kept.append([(line, _width(line.text)) for line in lines])
    document_typical = _typical_width([width for page in kept for _, width in page])
    paragraphs: list[str] = []
    current = ""
    current_short = True
    for page in kept:
        typical = document_typical
        if len(page) >= _MIN_LINES_FOR_PAGE_TYPICAL:
            typical = _typical_width([width for _, width in page])
        for line, width in page:
            starts_paragraph = (
                not current
                or current_short
                or line.indented
                or _closes_paragraph(current)
                or _opens_heading(line.text)
            )
            if starts_paragraph:
                if current:
                    paragraphs.append(current)
                current = line.text
            else:
                current = join_lines(current, line.text)
            current_short = width < _SHORT_LINE_RATIO * typical
    if current:
        paragraphs.append(current)
    return paragraphs
