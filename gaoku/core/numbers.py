"""An operator's numbers, counted from members' terms: who is a member on a day, who
renewed, who lapsed. Pure: terms in, counts out (gaoku.members.numbers reads the terms)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class MemberTerm:
    member: int
    start: date
    last_day: date


def active_per_day(terms: Sequence[MemberTerm], first: date, last: date) -> list[int]:
    """For each day from ``first`` to ``last``, how many members had a term covering it."""
    days = (last - first).days + 1
    members: list[set[int]] = [set() for _ in range(days)]
    for term in terms:
        lo = max(term.start, first)
        hi = min(term.last_day, last)
        for offset in range((lo - first).days, (hi - first).days + 1):
            members[offset].add(term.member)
    return [len(day) for day in members]


def month_changes(terms: Sequence[MemberTerm], today: date) -> dict[str, int]:
    """This month so far: members who joined (their first term began), renewed (a later
    term began), and lapsed (their last term ended, none covers today)."""
    month = today.replace(day=1)
    by_member: dict[int, list[MemberTerm]] = {}
    for term in terms:
        by_member.setdefault(term.member, []).append(term)
    joined = renewed = lapsed = 0
    for member_terms in by_member.values():
        member_terms.sort(key=lambda t: t.start)
        starts = [t.start for t in member_terms]
        joined += month <= starts[0] <= today
        renewed += any(month <= s <= today for s in starts[1:])
        ended = max(t.last_day for t in member_terms)
        lapsed += month - timedelta(days=1) <= ended < today and not any(
            t.start <= today <= t.last_day for t in member_terms
        )
    return {"joined": joined, "renewed": renewed, "lapsed": lapsed}
