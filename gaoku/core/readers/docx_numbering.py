"""Word's automatic numbering, rendered as the reader of the document sees it.

A paragraph in a Word numbered list does not hold its number ("一、", "（二）", "3.")
in its text: Word computes it from ``numbering.xml``. This module replays that
computation in document order (ECMA-376 Part 1, §17.9): counters per abstract
numbering definition and level, a level restarting every deeper one, ``startOverride``
restarting a list instance, and the level's ``lvlText`` (``"%1、"``, ``"（%1）"``,
``"%1.%2"``) filled with each level's number in its ``numFmt``. Bullets yield no
label. Numbering can come from the paragraph or from its style (followed through
``basedOn``), as it does for headings that use a numbered heading style.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from lxml.etree import _Element as Element

_LEVELS = 9
_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese(number: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    if number == 0:
        return digits[0]
    if number >= 10_000:
        high, low = divmod(number, 10_000)
        rest = _chinese(low, digits, units) if low else ""
        zero = digits[0] if 0 < low < 1000 else ""
        return f"{_chinese(high, digits, units)}万{zero}{rest}"
    out, pending_zero = "", False
    for power in (3, 2, 1, 0):
        digit = number // 10**power % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += digits[0]
            pending_zero = False
        unit = units[power - 1] if power else ""
        # 十一, not 一十一, when ten is the leading unit.
        out += (
            unit
            if power == 1 and digit == 1 and not out and digits == _DIGITS
            else digits[digit] + unit
        )
    return out


def format_number(number: int, fmt: str) -> str | None:
    """One number in a Word ``numFmt``; ``None`` for a bullet, which shows no number."""
    if fmt == "bullet":
        return None
    if fmt == "none":
        return ""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
    ):
        return _chinese(number).replace("〇", "零")
    if fmt == "ideographDigital":
        return "".join(_DIGITS[int(digit)] for digit in str(number))
    if fmt == "chineseLegalSimplified":
        return _chinese(number, _LEGAL_DIGITS, "拾佰仟")
    if fmt == "ideographTraditional" and 1 <= number <= len(_STEMS):
        return _STEMS[number - 1]
    if fmt == "ideographZodiac" and 1 <= number <= len(_BRANCHES):
        return _BRANCHES[number - 1]
    if fmt.startswith("decimalEnclosedCircle") and 1 <= number <= len(_CIRCLED):
        return _CIRCLED[number - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("upperLetter", "lowerLetter") and number >= 1:
        letter = chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and number >= 1:
        roman, rest = "", number
        for value, symbol in _ROMAN:
            count, rest = divmod(rest, value)
            roman += symbol * count
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


def _val(element: Element | None, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return None if child is None else child.get(qn("w:val"))


class Numbering:
    """Labels for numbered paragraphs; call :meth:`label` on every paragraph in order."""

    def __init__(self, numbering_element: Element | None, styles_element: Element) -> None:
        self._abstracts = {
            a.get(qn("w:abstractNumId")): a for a in _children(numbering_element, "w:abstractNum")
        }
        self._nums = {n.get(qn("w:numId")): n for n in _children(numbering_element, "w:num")}
        self._styles = {s.get(qn("w:styleId")): s for s in _children(styles_element, "w:style")}
        self._counters: dict[str, list[int | None]] = {}
        self._seen_nums: set[str] = set()

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None, str | None]:
        for _ in range(10):
            style = self._styles.get(style_id)
            if style is None:
                return None, None, None
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                return _val(num_pr, "w:numId"), _val(num_pr, "w:ilvl"), style_id
            style_id = _val(style, "w:basedOn")
        return None, None, None

    def _abstract(self, num: Element) -> Element | None:
        abstract = self._abstracts.get(_val(num, "w:abstractNumId"))
        link = _val(abstract, "w:numStyleLink")
        if link is not None:
            linked_num = self._nums.get(self._style_numbering(link)[0])
            abstract = self._abstracts.get(_val(linked_num, "w:abstractNumId"))
        return abstract

    def _level(self, num: Element, abstract: Element, ilvl: int) -> Element | None:
        for override in _children(num, "w:lvlOverride"):
            if override.get(qn("w:ilvl")) == str(ilvl) and override.find(qn("w:lvl")) is not None:
                return override.find(qn("w:lvl"))
        for lvl in _children(abstract, "w:lvl"):
            if lvl.get(qn("w:ilvl")) == str(ilvl):
                return lvl
        return None

    def _start(self, num: Element, lvl: Element, ilvl: int) -> int:
        for override in _children(num, "w:lvlOverride"):
            if override.get(qn("w:ilvl")) == str(ilvl) and _val(override, "w:startOverride"):
                return int(_val(override, "w:startOverride"))
        return int(_val(lvl, "w:start") or 1)

    def label(self, paragraph: Element) -> str:
        """The number Word shows before ``paragraph`` (a ``w:p`` element), or ``""``."""
        p_pr = paragraph.find(qn("w:pPr"))
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        num_id, ilvl_text = _val(num_pr, "w:numId"), _val(num_pr, "w:ilvl")
        style_num_id, style_ilvl, style_id = self._style_numbering(_val(p_pr, "w:pStyle"))
        num_id = num_id or style_num_id
        num = self._nums.get(num_id)
        if num is None or num_id == "0":
            return ""
        abstract = self._abstract(num)
        if abstract is None:
            return ""
        ilvl_text = ilvl_text or style_ilvl or self._style_level(abstract, style_id)
        ilvl = int(ilvl_text) if ilvl_text and ilvl_text.isdigit() else 0
        key = abstract.get(qn("w:abstractNumId"))
        counters = self._counters.setdefault(key, [None] * _LEVELS)
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for override in _children(num, "w:lvlOverride"):
                if _val(override, "w:startOverride") is not None:
                    counters[int(override.get(qn("w:ilvl"), "0")) % _LEVELS] = None
        lvl = self._level(num, abstract, ilvl)
        if lvl is None or ilvl >= _LEVELS:
            return ""
        current = counters[ilvl]
        counters[ilvl] = self._start(num, lvl, ilvl) if current is None else current + 1
        counters[ilvl + 1 :] = [None] * (_LEVELS - ilvl - 1)
        return self._render(num, abstract, lvl, counters)

    def _style_level(self, abstract: Element, style_id: str | None) -> str | None:
        for lvl in _children(abstract, "w:lvl"):
            if style_id is not None and _val(lvl, "w:pStyle") == style_id:
                return lvl.get(qn("w:ilvl"))
        return None

    def _render(
        self, num: Element, abstract: Element, lvl: Element, counters: list[int | None]
    ) -> str:
        own_format = _val(lvl, "w:numFmt") or "decimal"
        if format_number(1, own_format) is None:
            return ""
        legal = lvl.find(qn("w:isLgl")) is not None

        def fill(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            level = self._level(num, abstract, index)
            value = counters[index]
            if value is None:
                value = self._start(num, level, index) if level is not None else 1
            fmt = "decimal" if legal else (_val(level, "w:numFmt") or "decimal")
            return format_number(value, fmt) or ""

        return _PLACEHOLDER.sub(fill, _val(lvl, "w:lvlText") or "")


def _children(element: Element | None, tag: str) -> list[Element]:
    return [] if element is None else element.findall(qn(tag))
