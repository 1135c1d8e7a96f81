"""Content-stream operators for laid-out lines: font subsets, spacing, ActualText spans.

Text is written as raw operators rather than through reportlab's text objects, because
each token that holds marks must be wrapped in a marked-content span whose ``/ActualText``
is the token's whole text (why: see ``gaoku.core.render.pdf``), and because the marks
must be drawn without the line's character spacing (``Tc``), which would otherwise open a
gap after every mark run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reportlab.pdfbase.ttfonts import TTFont

from gaoku.core.render.lines import Line

# The title's glyphs are stroked as well as filled, this share of the size wide, to stand
# in for the heavier 小标宋 of the standard.
_BOLD_STROKE = 0.027


class Codes:
    """The byte each character is drawn with, per font, for one document.

    reportlab numbers the characters of a TrueType font per document, in subsets of 256
    codes; asking it once per new character, rather than for every run, halves the time
    spent writing the page streams.
    """

    def __init__(self, doc) -> None:
        self._doc = doc
        self._tables: dict[TTFont, dict[str, tuple[str, int]]] = {}

    def number_by_frequency(self, text: str, lines: Iterable[Line]) -> None:
        """Number each font's characters, most frequent first, before any is drawn.

        Most of the text then falls in the first subset of each font, so that lines switch
        subsets (a ``Tf`` each time) far less than in order of first appearance.
        """
        frequency = Counter(text)
        chars: dict[TTFont, set[str]] = {}
        seen: set[int] = set()
        for line in lines:
            for token in line.tokens:
                if id(token) in seen:
                    continue
                seen.add(id(token))
                for run in token.runs:
                    if not run.invisible:
                        chars.setdefault(run.font, set()).update(run.text)
        for font, used in chars.items():
            self.table(font, "".join(sorted(used, key=frequency.__getitem__, reverse=True)))

    def table(self, font: TTFont, text: str) -> dict[str, tuple[str, int]]:
        table = self._tables.setdefault(font, {})
        new = [char for char in dict.fromkeys(text) if char not in table]
        if new:
            chars = iter(new)
            for subset, data in font.splitString("".join(new), self._doc):
                name = font.getSubsetInternalName(subset, self._doc)
                for code in data:
                    table[next(chars)] = (name, code)
        return table


class TextObject:
    """The operators of one page's text object (``BT`` … ``ET``)."""

    def __init__(self, codes: Codes) -> None:
        self._codes = codes
        self._ops: list[str] = []
        self._font = ""
        self._size = 0.0
        self._tc = 0.0

    def raw(self, op: str) -> None:
        """Append an operator as it is (colour, rendering mode…)."""
        self._ops.append(op)

    def code(self) -> str:
        """The operators so far, one a line."""
        return "\n".join(self._ops)

    def line(self, line: Line, x: float, y: float, tc: float) -> None:
        """Draw ``line`` from (``x``, ``y``) with character spacing ``tc`` between glyphs.

        The size is the first token's; the fake-bold title strokes its glyphs too.
        """
        if not line.tokens:
            return
        style = line.tokens[0].style
        size = style.size
        self.raw(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        if style.bold:
            self.raw(f"2 Tr {_BOLD_STROKE * size:.2f} w")
        pending_font, pending = None, []
        for token in line.tokens:
            if not token.has_marks:
                for run in token.runs:
                    if run.font is not pending_font:
                        self._show(pending_font, "".join(pending), size, tc)
                        pending_font, pending = run.font, []
                    pending.append(run.text)
                continue
            self._show(pending_font, "".join(pending), size, tc)
            pending_font, pending = None, []
            actual = token.text.encode("utf-16-be").hex().upper()
            self.raw(f"/Span <</ActualText <FEFF{actual}>>> BDC")
            for run in token.runs:
                self._show(run.font, run.text, size, 0.0 if run.invisible else tc)
            self.raw("EMC")
        self._show(pending_font, "".join(pending), size, tc)
        if style.bold:
            self.raw("0 Tr")

    def _show(self, font: TTFont | None, text: str, size: float, tc: float) -> None:
        if not text:
            return
        if tc != self._tc:
            self.raw(f"{tc:.3f} Tc")
            self._tc = tc
        table = self._codes.table(font, text)
        ops = self._ops
        current, data = self._font, bytearray()
        if size != self._size:
            current, self._size = "", size
        for char in text:
            name, code = table[char]
            if name != current:
                if data:
                    ops.append(f"<{data.hex()}>Tj")
                    data.clear()
                ops.append(f"{name} {size:g} Tf")
                current = name
            data.append(code)
        ops.append(f"<{data.hex()}>Tj")
        self._font = current
