"""Which of a text's dated references are stale on a given day, why, and what to say now.

A template from 2020 that says 党的十九大, “十三五”, 2020年 and 今年是脱贫攻坚决胜之年 embarrasses
the cadre who reads it out in 2026. Each reference is judged against the political
calendar (gaoku.core.calendar):

- a congress is stale once a later one has met (十九大 → 二十大), except as the start of
  a span (党的十八大以来 is still said);
- a plenum of an earlier congress is stale (its suggested wording is the latest plenum);
- a five-year plan whose years are over is stale (十四五 → 十五五 in 2026);
- a named campaign, programme, epidemic, crisis or disaster whose period has ended is
  stale, with the calendar's current wording where it has one (过渡期 → 常态化帮扶);
- years are read against the year the text was written for (the year it names most): a
  text written for 2020 read in 2026 moves every year by six (2019年 → 2025年, the
  target 2025年 → 2031年);
- 今年是…之年 in such a text is flagged for rewriting, never replaced.

Nothing here changes a text: the member or the editor chooses what to update.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from gaoku.core.calendar import Calendar, Entry, calendar

_CN_DIGITS = "〇零一二三四五六七八九"
_ORD = "一二三四五六七八九"
_CONGRESS = rf"(?:十[{_ORD}]?|二十[{_ORD}]?)大"
_PATTERNS = (
    ("year", re.compile(r"(?<![\d.])((?:19|20)\d{2})年(?!代)")),
    ("year_cn", re.compile(rf"([{_CN_DIGITS}]{{4}})年")),
    ("this_year", re.compile(r"今年是[^。！？\n]{1,40}?之年")),
    ("plenum", re.compile(rf"((?:十[{_ORD}]|二十[{_ORD}]?))届[{_ORD}]中全会")),
    ("congress", re.compile(rf"(?<!届)({_CONGRESS})(?!以来)(?=[^以]|$)")),
    ("plan", re.compile(rf"(?<![十二])((?:十[{_ORD}]?|九)五)(?=[”\"]|规划|时期|期间|计划)")),
)


@dataclass(frozen=True)
class StaleReference:
    text: str
    start: int
    end: int
    why: str
    suggestion: str | None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "why": self.why,
            "suggestion": self.suggestion,
        }


def _cn_year(digits: str) -> int:
    return int("".join(str(_CN_DIGITS.index(c) % 10) for c in digits))


def written_for(text: str, today: date) -> int | None:
    """The year a text was written for: the latest year it names more than once, targets
    left out (a date in its history is usually named once), else the latest it names;
    never after ``today``'s."""
    years = [int(m[1]) for m in _PATTERNS[0][1].finditer(text) if not _target(text, m)]
    years += [_cn_year(m[1]) for m in _PATTERNS[1][1].finditer(text) if not _target(text, m)]
    years = [y for y in years if 1949 <= y <= today.year]
    if not years:
        return None
    repeated = [y for y in years if years.count(y) > 1]
    return max(repeated or years)


def _target(text: str, match: re.Match) -> bool:
    """A year set as a target or a span's end (到2020年, 至2010年, 2020年前, 2011-2020年)."""
    before = text[max(0, match.start() - 1) : match.start()]
    after = text[match.end() : match.end() + 2]
    return before in ("到", "至", "-", "—", "–", "~") or after.startswith(("前", "以前", "底前"))


def stale_references(
    text: str, today: date, *, cal: Calendar | None = None
) -> list[StaleReference]:
    """The stale references of ``text`` on ``today``, in order, without overlaps."""
    cal = cal or calendar()
    base = written_for(text, today)
    found: list[StaleReference] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            judged = _judge(kind, match, base, today, cal)
            if judged is not None:
                found.append(StaleReference(match[0], match.start(), match.end(), *judged))
    found += _named(text, today, cal)
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[StaleReference] = []
    for ref in found:
        if not kept or ref.start >= kept[-1].end:
            kept.append(ref)
    return kept


def _judge(kind: str, match: re.Match, base: int | None, today: date, cal: Calendar):
    if kind in ("year", "year_cn"):
        year = int(match[1]) if kind == "year" else _cn_year(match[1])
        if base is None or base >= today.year or year < 1949:
            return None
        moved = year + today.year - base
        why = f"全文是为{base}年写的，按{today.year}年使用时相应后移"
        return why, f"{moved}年"
    if kind == "this_year":
        if base is not None and base < today.year:
            return f"这是对{base}年的定位，{today.year}年需要重新概括", None
        ended = [n for n in cal.names() if n in match[0] and cal.named(n).ended_by(today)]
        if ended:
            return f"其中的“{max(ended, key=len)}”已经过去，这一年的定位需要重新概括", None
        return None
    if kind == "congress":
        return _superseded(match[1], cal.of_kind("congress"), today, "召开")
    if kind == "plenum":
        congress = f"{match[1]}大"
        current = _current(cal.of_kind("congress"), today)
        if current is None or congress == current.name or not _known(congress, cal):
            return None
        latest = [p for p in cal.of_kind("plenum") if p.start <= today]
        why = f"这是党的{congress}的全会，党的{current.name}已于{current.start:%Y年%-m月}召开"
        return why, latest[-1].name if latest else None
    if kind == "plan":
        plans = cal.of_kind("plan")
        plan = next((p for p in plans if p.name == match[1]), None)
        if plan is None or not plan.ended_by(today):
            return None
        now = next((p for p in plans if p.start <= today <= p.end), None)
        why = f"“{plan.name}”时期为{plan.start.year}–{plan.end.year}年"
        return why, now.name if now else None
    return None


def _known(name: str, cal: Calendar) -> bool:
    return any(c.name == name for c in cal.of_kind("congress"))


def _current(congresses: list[Entry], today: date) -> Entry | None:
    held = [c for c in congresses if c.start <= today]
    return held[-1] if held else None


def _superseded(name: str, congresses: list[Entry], today: date, verb: str):
    current = _current(congresses, today)
    if current is None or name == current.name or not any(c.name == name for c in congresses):
        return None
    return f"党的{current.name}已于{current.start:%Y年%-m月}{verb}", current.name


@cache
def _names_pattern(cal: Calendar) -> re.Pattern | None:
    alternation = cal.alternation()
    return re.compile(alternation) if alternation else None


def _named(text: str, today: date, cal: Calendar) -> list[StaleReference]:
    pattern = _names_pattern(cal)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        entry = cal.named(match[0])
        if entry is None or not entry.ended_by(today):
            continue
        why = entry.why or f"已于{entry.end:%Y年%-m月}结束"
        found.append(
            StaleReference(match[0], match.start(), match.end(), why, entry.suggestion or None)
        )
    return found
