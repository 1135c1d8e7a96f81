"""The entitlement rule: on a given day, which materials a subscriber may read.

Days are calendar days in the platform's time zone (Asia/Shanghai); the caller turns an
instant into a day, so that a subscription whose last day is 2027-01-14 ends at
00:00 on 2027-01-15 Beijing time, whatever the server's clock zone.

The rule, from the plans' promise "subscribe now and get the previous 3 years":

- A term (one subscription, bought, renewed or granted) covers ``start`` to ``last_day``
  inclusive and carries the back-catalogue window of its plan, in months, fixed when the
  term was created so that an operator editing a plan never changes what was sold.
- Terms that touch or overlap form a run. On day D the member is active when a term
  covers D and no suspension is in force.
- While active, the member reads every material published on or after the earliest
  ``start - window`` among the run's terms that have begun by D. A renewal therefore
  never narrows what a member reads, and a term that has not begun yet gives nothing
  early. Materials published after the run began stay open for as long as it lasts.
- A suspension closes everything at once; terms keep running underneath it (they are
  not paused), and lifting it restores whatever the terms then cover.
- New terms stack: one asked to start on a day already covered starts the day after
  that run of terms ends; terms scheduled later that it would run into move back to
  follow it. Nothing is counted twice, and no gap opens.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "Access",
    "Term",
    "access_on",
    "add_months",
    "term_last_day",
    "term_start",
    "terms_shifted",
]


@dataclass(frozen=True)
class Term:
    """One subscription as the rule sees it."""

    start: date
    last_day: date
    window_months: int

    def __post_init__(self) -> None:
        if self.last_day < self.start:
            raise ValueError("last_day must not be before start")
        if self.window_months < 0:
            raise ValueError("window_months must be >= 0")

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.last_day

    @property
    def opens_from(self) -> date:
        """The earliest publication date this term opens."""
        return add_months(self.start, -self.window_months)


@dataclass(frozen=True)
class Access:
    """What a member may read on ``day``.

    ``run_start`` and ``run_last_day`` describe the run of terms around ``day`` (the
    last day includes renewals already stacked after the current term); they are kept
    during a suspension so that the account page can say what will come back.
    """

    day: date
    active: bool
    suspended: bool = False
    opens_from: date | None = None
    run_start: date | None = None
    run_last_day: date | None = None

    def covers(self, published: date) -> bool:
        """Whether a material published on ``published`` may be read in full."""
        return self.active and self.opens_from is not None and published >= self.opens_from


def access_on(terms: Iterable[Term], day: date, *, suspended: bool = False) -> Access:
    """Apply the rule for ``day``."""
    run = _run_around(sorted(terms, key=lambda t: t.start), day)
    if not run:
        return Access(day=day, active=False, suspended=suspended)
    begun = [t for t in run if t.start <= day]
    return Access(
        day=day,
        active=not suspended,
        suspended=suspended,
        opens_from=min(t.opens_from for t in begun),
        run_start=run[0].start,
        run_last_day=max(t.last_day for t in run),
    )


def _run_around(terms: list[Term], day: date) -> list[Term]:
    """The terms of the run that covers ``day`` (empty when none does)."""
    run: list[Term] = []
    run_end: date | None = None
    for term in terms:
        if run_end is not None and term.start <= run_end + timedelta(days=1):
            run.append(term)
            run_end = max(run_end, term.last_day)
            continue
        if run and run[0].start <= day <= run_end:
            return run
        run, run_end = [term], term.last_day
    if run and run[0].start <= day <= run_end:
        return run
    return []


def term_start(terms: Iterable[Term], wanted: date) -> date:
    """The first day at or after ``wanted`` that no term covers: a renewal asked to start
    inside a membership starts the day after that run of terms ends."""
    day = wanted
    for term in sorted(terms, key=lambda t: t.start):
        if term.start <= day <= term.last_day:
            day = term.last_day + timedelta(days=1)
    return day


def terms_shifted(terms: Sequence[Term], new: Term) -> dict[int, Term]:
    """Terms (by index in ``terms``) that must move for ``new`` to fit without overlap.

    A term is only ever inserted where no term covers its first day, but it may run into
    terms scheduled later (a grant that starts next month). Those move back, each right
    after the one before it and keeping its length, so that no day is counted twice and
    no gap opens; the days they covered are covered by ``new`` instead.
    """
    moved: dict[int, Term] = {}
    cursor = new.last_day
    later = sorted(
        (i for i, t in enumerate(terms) if t.start > new.start), key=lambda i: terms[i].start
    )
    for i in later:
        term = terms[i]
        if term.start > cursor:
            break
        start = cursor + timedelta(days=1)
        moved[i] = Term(
            start=start,
            last_day=start + (term.last_day - term.start),
            window_months=term.window_months,
        )
        cursor = moved[i].last_day
    return moved


def term_last_day(start: date, *, months: int = 0, days: int = 0) -> date:
    """The last day of a term of ``months`` calendar months plus ``days`` days.

    A term of months ends the day before its anniversary: from 2026-03-01 a month lasts
    to 2026-03-31 and a year from 2023-03-01 to 2024-02-29. Where the anniversary falls in
    a shorter month it is clamped, in the member's favour, to that month's end: a month
    from 2026-01-31 lasts to 2026-02-28, a year from 2024-02-29 to 2025-02-28.
    """
    if months < 0 or days < 0 or months + days == 0:
        raise ValueError("a term lasts at least one day")
    if months == 0:
        return start + timedelta(days=days - 1)
    anniversary = add_months(start, months)
    clamped = anniversary.day < start.day
    last = anniversary if clamped else anniversary - timedelta(days=1)
    return last + timedelta(days=days)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
