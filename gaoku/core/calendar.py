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
    if match is None:
        raise ValueError(f"calendar: not a year or a month: {text!r}")
    year, month = int(match[1]), int(match[2]) if match[2] else None
    if not last:
        return date(year, month or 1, 1)
    if month is None or month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def parse_calendar(text: str) -> Calendar:
    """The calendar in ``text`` (the format is described at the top of the data file)."""
    entries = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind = "name"
        if line.startswith("@"):
            kind, line = line[1:].split(None, 1)
        fields = [f.strip() for f in line.split("|")] + ["", "", ""]
        name, period, suggestion, why = fields[:4]
        start_text, _, end_text = period.partition("–") if "–" in period else (period, "", period)
        entries.append(
            Entry(
                name=name,
                kind=kind,
                start=_day(start_text, last=False),
                end=_day(end_text, last=True),
                suggestion=suggestion,
                why=why,
            )
        )
    return Calendar(tuple(entries))


@cache
def calendar() -> Calendar:
    """The calendar this installation ships (``gaoku/core/data/calendar.txt``)."""
    text = resources.files("gaoku.core").joinpath("data/calendar.txt").read_text("utf-8")
    return parse_calendar(text)
