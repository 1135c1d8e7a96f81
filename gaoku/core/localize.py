"""Localising a template: its placeholders filled, its stale references brought up to date.

A member's copy of a template should arrive in their unit's names and this year's terms.
Each placeholder token the member fills (X部长, XX县, ××同志, 某某, 20XX年, ＿＿＿: as
gaoku.core.structure finds them) is replaced wherever it stands; 20XX年 becomes the year
asked for; the stale references the member chose (gaoku.core.staleness) take their
suggested wording. What the member leaves empty stays, to be filled by hand, and
references flagged for rewriting (今年是…之年) are never replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gaoku.core.calendar import Calendar
from gaoku.core.staleness import stale_references
from gaoku.core.structure import placeholder_matches

# A filling is a name, a title or a place, never a paragraph.
MAX_FILL = 40
YEARS = range(2000, 2101)
FILL_TOO_LONG = "“{token}”的填写太长（最多 {n} 个字）。"
FILL_NEWLINE = "“{token}”的填写不能换行。"
YEAR_OUT_OF_RANGE = "年份应在 {first}—{last} 之间。"


@dataclass(frozen=True)
class Localisation:
    """What a member asked for: fillings by placeholder token, the year for 20XX年, and
    the stale references (as written) to bring up to date."""

    fills: dict[str, str] = field(default_factory=dict)
    year: int | None = None
    updates: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.fills or self.year or self.updates)

    def to_dict(self) -> dict:
        return {"fills": self.fills, "year": self.year, "updates": sorted(self.updates)}

    @classmethod
    def from_dict(cls, data: dict) -> Localisation:
        return cls(
            fills=dict(data.get("fills") or {}),
            year=data.get("year"),
            updates=frozenset(data.get("updates") or ()),
        )


def localisation_problems(localisation: Localisation) -> list[str]:
    """Why a member's answers cannot be used (empty when they can)."""
    problems = [
        FILL_TOO_LONG.format(token=token, n=MAX_FILL)
        for token, filling in localisation.fills.items()
        if len(filling) > MAX_FILL
    ]
    problems += [
        FILL_NEWLINE.format(token=token)
        for token, filling in localisation.fills.items()
        if "\n" in filling or "\r" in filling
    ]
    if localisation.year is not None and localisation.year not in YEARS:
        problems.append(YEAR_OUT_OF_RANGE.format(first=YEARS[0], last=YEARS[-1]))
    return problems


def localize(
    text: str, localisation: Localisation, today: date, cal: Calendar | None = None
) -> str:
    """``text`` with the chosen stale references updated (judged with ``cal``, by default
    the shipped calendar), then its placeholders filled."""
    for ref in reversed(stale_references(text, today, cal=cal)):
        if ref.suggestion and ref.text in localisation.updates:
            text = text[: ref.start] + ref.suggestion + text[ref.end :]
    fills = {token: filling.strip() for token, filling in localisation.fills.items()}
    pieces, position = [], 0
    for match in placeholder_matches(text):
        filling = fills.get(match.group()) or _year_filling(match.group(), localisation.year)
        if filling:
            pieces += [text[position : match.start()], filling]
            position = match.end()
    return "".join([*pieces, text[position:]])


def _year_filling(token: str, year: int | None) -> str:
    return f"{year}年" if year and token[:2] in ("19", "20") and token.endswith("年") else ""
