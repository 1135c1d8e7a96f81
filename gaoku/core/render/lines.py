"""Line breaking for the PDF writer: CJK text with kinsoku, and marks that never lead.

A paragraph is cut into tokens, the units a line may break between: one CJK character or
punctuation mark, a run of Latin letters and digits (kept whole when it fits on a line),
``——`` and ``……`` (never split). The invisible characters that follow a visible one belong
to its token, so a mark run stays with the punctuation before it; marks that open a
paragraph join its first token.

Lines are filled greedily, then the usual rules are applied by pushing tokens out to the
next line: a line never starts with ``NO_START`` (closing punctuation) nor ends with
``NO_END`` (opening brackets and quotes). A line that cannot be fixed that way (a single
token) is kept as it is rather than overflowing the text block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.pdfbase.ttfonts import TTFont

from gaoku.core.render.fonts import INVISIBLE, FontSet

NO_START = frozenset("，。、；：！？）》”’〉」』】〕…·%,.;:!?)]}")
NO_END = frozenset("（《“‘〈「『【〔([{")

_M = re.escape(INVISIBLE)
_TOKEN = re.compile(
    rf"(?:——|……|[0-9A-Za-z](?:[{_M}]*[0-9A-Za-z.,%/:_+\-])*|[^{_M}])[{_M}]*", re.DOTALL
)
_CHAR_TOKEN = re.compile(rf"[^{_M}][{_M}]*", re.DOTALL)
_LEAD = re.compile(rf"[{_M}]*")
_INVISIBLE = re.compile(rf"[{_M}]")
# Distinct mark-free pieces (characters, Latin words) remembered across copies.
_MEMO_LIMIT = 100_000
# Widths are sums of floats; a full line of 28 characters must still fit.
_EPS = 0.01


@dataclass(frozen=True)
class Style:
    """How a stretch of text is set: face (see ``fonts``), size and tracking in points.

    ``tracking`` is added after every visible glyph (the PDF ``Tc``), so that a line of the
    text block holds the standard's 28 characters at 16 pt.
    """

    face: str
    size: float
    tracking: float = 0.0
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Run:
    """Characters drawn from one font; ``invisible`` runs have zero advance and no ``Tc``."""

    font: TTFont
    text: str
    invisible: bool


@dataclass(frozen=True, slots=True)
class Token:
    """An unbreakable unit: its characters and runs, its width in points, its visible
    glyph count, whether it holds marks, and its first and last visible characters."""

    text: str
    runs: tuple[Run, ...]
    width: float
    glyphs: int
    style: Style
    has_marks: bool
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class Line:
    """The tokens of one line, their natural width, ``last`` for a paragraph's last line,
    and the number of visible glyphs (over which justification spreads the spare width)."""

    tokens: tuple[Token, ...]
    width: float
    last: bool
    glyphs: int


def tokenize(text: str, style: Style, fonts: FontSet, max_width: float) -> list[Token]:
    """The tokens of ``text`` set in ``style``; words wider than ``max_width`` are split."""
    lead = _LEAD.match(text).end()
    pieces = _TOKEN.findall(text, lead)
    if lead:
        pieces = [text[:lead] + (pieces[0] if pieces else ""), *pieces[1:]]
    memo = fonts.tokens.setdefault(style, {})
    tokens = []
    for piece in pieces:
        token = memo.get(piece) or _new_token(piece, style, fonts, memo)
        if token.width > max_width and token.glyphs > 1:
            tokens.extend(_token(p, style, fonts) for p in _CHAR_TOKEN.findall(piece))
        else:
            tokens.append(token)
    return tokens


def _new_token(piece: str, style: Style, fonts: FontSet, memo: dict[str, Token]) -> Token:
    visible = piece.rstrip(INVISIBLE)
    if visible and visible != piece and not _INVISIBLE.search(visible):
        # The usual token with marks: a character the memo knows, then a run of marks.
        base = memo.get(visible) or _new_token(visible, style, fonts, memo)
        marks = Run(fonts.blank, piece[len(visible) :], invisible=True)
        return Token(
            piece, (*base.runs, marks), base.width, base.glyphs, style, True, base.first, base.last
        )
    token = _token(piece, style, fonts)
    if not token.has_marks and len(memo) < _MEMO_LIMIT:
        memo[piece] = token
    return token


def _token(piece: str, style: Style, fonts: FontSet) -> Token:
    runs: list[Run] = []
    advance = 0.0
    glyphs = 0
    font = None
    invisible = False
    start = 0
    for i, char in enumerate(piece):
        glyph = fonts.glyph(char, style.face)
        hidden = char in INVISIBLE
        if not hidden:
            glyphs += 1
            advance += glyph.advance
        if glyph.font is not font or hidden is not invisible:
            if i:
                runs.append(Run(font, piece[start:i], invisible))
            font, invisible, start = glyph.font, hidden, i
    if piece:
        runs.append(Run(font, piece[start:], invisible))
    width = advance * style.size / 1000 + glyphs * style.tracking
    visible = [run.text for run in runs if not run.invisible]
    return Token(
        piece,
        tuple(runs),
        width,
        glyphs,
        style,
        has_marks=len(visible) < len(runs),
        first=visible[0][0] if visible else "",
        last=visible[-1][-1] if visible else "",
    )


def break_lines(tokens: list[Token], first_width: float, width: float) -> list[Line]:
    """Break a paragraph's tokens into lines (the first line ``first_width`` wide)."""
    lines: list[Line] = []
    widths = [token.width for token in tokens]
    count = len(tokens)
    start = 0
    while start < count:
        limit = (width if lines else first_width) + _EPS
        end, used = start, 0.0
        while end < count and used + widths[end] <= limit:
            used += widths[end]
            end += 1
        if end < count:
            end = max(end, start + 1)
            fixed = end
            while fixed > start + 1 and (
                tokens[fixed].first in NO_START or tokens[fixed - 1].last in NO_END
            ):
                fixed -= 1
            if tokens[fixed].first not in NO_START and tokens[fixed - 1].last not in NO_END:
                end = fixed
            used = sum(widths[start:end])
        line = tuple(tokens[start:end])
        lines.append(Line(line, used, end == count, sum(token.glyphs for token in line)))
        start = end
    return lines
