from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gaoku.core.entitlement import (
    Access,
    Term,
    access_on,
    add_months,
    term_last_day,
    term_start,
    terms_shifted,
)

D = date.fromisoformat


def year_term(start: str, window: int = 36) -> Term:
    s = D(start)
    return Term(start=s, last_day=term_last_day(s, months=12), window_months=window)


def test_a_year_from_the_first_covers_exactly_one_year():
    term = year_term("2026-03-01")
    assert term.last_day == D("2027-02-28")
    assert access_on([term], D("2026-03-01")).active
    assert access_on([term], D("2027-02-28")).active
    assert not access_on([term], D("2027-03-01")).active
    assert not access_on([term], D("2026-02-28")).active


@pytest.mark.parametrize(
    ("start", "months", "days", "last"),
    [
        ("2024-02-29", 12, 0, "2025-02-28"),
        ("2026-01-31", 1, 0, "2026-02-28"),
        ("2026-03-31", 1, 0, "2026-04-30"),
        ("2026-03-01", 1, 0, "2026-03-31"),
        ("2023-03-01", 12, 0, "2024-02-29"),
        ("2026-01-30", 1, 0, "2026-02-28"),
        ("2026-02-28", 1, 0, "2026-03-27"),
        ("2026-11-25", 12, 10, "2027-12-04"),
        ("2026-11-25", 36, 0, "2029-11-24"),
        ("2026-11-25", 0, 1, "2026-11-25"),
        ("2026-11-25", 0, 365, "2027-11-24"),
    ],
)
def test_term_last_day(start, months, days, last):
    assert term_last_day(D(start), months=months, days=days) == D(last)


def test_a_term_lasts_at_least_a_day():
    with pytest.raises(ValueError, match="at least one day"):
        term_last_day(D("2026-01-01"))
    with pytest.raises(ValueError, match="last_day"):
        Term(start=D("2026-01-02"), last_day=D("2026-01-01"), window_months=0)


def test_window_opens_three_years_back_from_the_start_first_day_included():
    access = access_on([year_term("2026-11-25")], D("2026-12-01"))
    assert access.opens_from == D("2023-11-25")
    assert access.covers(D("2023-11-25"))
    assert not access.covers(D("2023-11-24"))
    # Published after the start, even on the last day of the term: open.
    assert access.covers(D("2027-11-24"))


def test_nothing_is_covered_outside_a_term():
    term = year_term("2026-01-01")
    for day in (D("2025-12-31"), D("2027-01-01")):
        access = access_on([term], day)
        assert access == Access(day=day, active=False)
        assert not access.covers(D("2026-06-01"))


def test_renewals_stack_without_gap_or_double_count():
    first = year_term("2026-01-01")
    start = term_start([first], D("2026-10-01"))
    assert start == D("2027-01-01")
    second = year_term(start.isoformat())
    third = year_term(term_start([first, second], D("2026-10-02")).isoformat())
    assert third.start == D("2028-01-01")
    terms = [first, second, third]
    # Seamless: every day from the first start to the last day is covered.
    day = first.start
    while day <= third.last_day:
        assert access_on(terms, day).active, day
        day += timedelta(days=1)
    assert not access_on(terms, third.last_day + timedelta(days=1)).active
    # The window stays anchored at the first term of the run: renewing never narrows it.
    assert access_on(terms, D("2028-06-01")).opens_from == D("2023-01-01")
    assert access_on(terms, D("2026-06-01")).run_last_day == D("2028-12-31")


def test_a_purchase_before_a_scheduled_grant_moves_the_grant_back():
    current = Term(start=D("2026-01-01"), last_day=D("2026-01-31"), window_months=36)
    grant = Term(start=D("2026-03-01"), last_day=D("2026-03-31"), window_months=36)
    start = term_start([current, grant], D("2026-01-15"))
    assert start == D("2026-02-01")  # no gap after the current term
    new = Term(start=start, last_day=term_last_day(start, months=12), window_months=36)
    moved = terms_shifted([current, grant], new)
    assert moved == {1: Term(start=D("2027-02-01"), last_day=D("2027-03-03"), window_months=36)}
    # A term that does not touch the new one stays where it is.
    far = Term(start=D("2030-01-01"), last_day=D("2030-01-31"), window_months=36)
    assert terms_shifted([current, far], new) == {}


def test_a_lapsed_member_starts_a_new_run_with_a_new_window():
    old = year_term("2020-01-01")
    new = year_term(term_start([old], D("2026-05-10")).isoformat())
    assert new.start == D("2026-05-10")
    access = access_on([old, new], D("2026-06-01"))
    assert access.opens_from == D("2023-05-10")
    assert access.run_start == D("2026-05-10")


def test_a_future_term_gives_nothing_early():
    now = year_term("2026-01-01", window=12)
    later = Term(start=D("2027-01-01"), last_day=D("2027-12-31"), window_months=120)
    assert access_on([now, later], D("2026-06-01")).opens_from == D("2025-01-01")
    # Once it has begun, its longer window counts for the whole run.
    assert access_on([now, later], D("2027-01-01")).opens_from == D("2017-01-01")


def test_plan_window_is_the_terms_own():
    short = year_term("2026-01-01", window=0)
    access = access_on([short], D("2026-02-01"))
    assert not access.covers(D("2025-12-31"))
    assert access.covers(D("2026-01-01"))


def test_suspension_closes_everything_but_keeps_the_run():
    term = year_term("2026-01-01")
    access = access_on([term], D("2026-06-01"), suspended=True)
    assert not access.active and access.suspended
    assert not access.covers(D("2026-05-01"))
    assert access.run_last_day == D("2026-12-31")


def test_add_months_clamps_to_month_end():
    assert add_months(D("2026-01-31"), 1) == D("2026-02-28")
    assert add_months(D("2024-02-29"), -36) == D("2021-02-28")
    assert add_months(D("2026-11-25"), -36) == D("2023-11-25")
    assert add_months(D("2026-12-15"), 1) == D("2027-01-15")


days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@given(
    starts=st.lists(days, min_size=1, max_size=6),
    months=st.lists(st.integers(1, 36), min_size=6, max_size=6),
    day=days,
)
def test_stacked_terms_never_overlap_and_renewals_never_narrow(starts, months, day):
    terms: list[Term] = []
    for wanted, m in zip(starts, months, strict=False):
        start = term_start(terms, wanted)
        assert all(not t.covers(start) for t in terms)
        new = Term(start=start, last_day=term_last_day(start, months=m), window_months=36)
        covered_before = {d for t in terms for d in _days(t)}
        for i, moved in terms_shifted(terms, new).items():
            assert moved.last_day - moved.start == terms[i].last_day - terms[i].start
            terms[i] = moved
        terms.append(new)
        assert covered_before <= {d for t in terms for d in _days(t)}  # nothing lost
    total = sum((t.last_day - t.start).days + 1 for t in terms)
    assert len({d for t in terms for d in _days(t)}) == total  # no day counted twice
    access = access_on(terms, day)
    assert access.active == any(t.covers(day) for t in terms)
    if access.active:
        begun = [t for t in terms if access.run_start <= t.start <= day]
        assert all(access.covers(t.opens_from) for t in begun)


def _days(term: Term) -> set[date]:
    return {term.start + timedelta(days=i) for i in range((term.last_day - term.start).days + 1)}
