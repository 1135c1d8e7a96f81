"""The political calendar (``data/calendar.txt``): names that tie a text to a moment, and
when that moment was. Import's finder reads the names; the staleness check the periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


@dataclass(frozen=True)
class Entry:
    """A named campaign, programme, epidemic, crisis or disaster, a congress, a plenum or
    a five-year plan. ``start`` and ``end`` are first and last days (None: unbounded)."""

    name: str
    kind: str  # "name", "congress", "plenum", "plan"
    start: date | None = None
    end: date | None = None
    suggestion: str = ""
    why: str = ""

    def ended_by(self, day: date) -> bool:
        return self.end is not None and self.end < day


@dataclass(frozen=True)
class Calendar:
    entries: tuple[Entry, ...]

    def names(self) -> list[str]:
        return [e.name for e in self.entries if e.kind == "name"]

    def alternation(self) -> str:
        """The names as one regular-expression alternation, longest first, so that a name
        is never cut to a shorter one."""
        return "|".join(sorted(map(re.escape, self.names()), key=len, reverse=True))

    def named(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.kind == "name" and e.name == name), None)

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for e in self.entries if e.kind == kind), key=lambda e: e.start)


def _day(text: str, *, last: bool) -> date | None:
    text = text.strip()
    if not text:
        return None
    match = _MONTH.match(text)
    year, month = (int(match[1]), int(match[2]) if match[2] else None) if match else (0, None)
    if match is None or not 1900 <= year <= 2200 or (month is not None and not 1 <= month <= 12):
        raise ValueError(f"“{text}”不是年份（2020）或年月（2020-07）")
    if not last:
        return date(year, month or 1, 1)
    if month is None or month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


KINDS = ("congress", "plenum", "plan")
MAX_NAME = 40


def parse_calendar(text: str) -> Calendar:
    """The calendar in ``text`` (the format is described at the top of the data file).

    Raises:
        ValueError: a line that is not an entry, with its number, in Chinese (admins edit
            the calendar).
    """
    entries = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            entries.append(_entry(line))
        except ValueError as exc:
            raise ValueError(f"第 {number} 行：{exc}") from None
    return Calendar(tuple(entries))


def _entry(line: str) -> Entry:
    kind = "name"
    if line.startswith("@"):
        kind, _, line = line[1:].partition(" ")
        if kind not in KINDS:
            raise ValueError(f"“@{kind}”不是 @congress、@plenum 或 @plan")
    fields = [f.strip() for f in line.split("|")]
    if len(fields) > 4:
        raise ValueError("最多四栏：名称 | 时期 | 现行提法 | 原因")
    name, period, suggestion, why = [*fields, "", "", ""][:4]
    if not name or len(name) > MAX_NAME:
        raise ValueError(f"名称不能为空，也不能超过 {MAX_NAME} 个字")
    start_text, _, end_text = period.partition("–") if "–" in period else (period, "", period)
    start, end = _day(start_text, last=False), _day(end_text, last=True)
    if kind != "name" and start is None:
        raise ValueError(f"“{name}”需要时期（年份或年月）")
    if start and end and start > end:
        raise ValueError(f"“{name}”的时期结束早于开始")
    return Entry(name=name, kind=kind, start=start, end=end, suggestion=suggestion, why=why)


def shipped_text() -> str:
    """The calendar as this installation ships it (``gaoku/core/data/calendar.txt``)."""
    return resources.files("gaoku.core").joinpath("data/calendar.txt").read_text("utf-8")


@cache
def calendar() -> Calendar:
    """The calendar this installation ships; an operator's edited copy is passed to the
    functions that take a calendar (``cal``)."""
    return parse_calendar(shipped_text())
