from datetime import date

from gaoku.core.numbers import MemberTerm, active_per_day, month_changes

D = date.fromisoformat


def test_active_members_are_counted_per_day_once_each():
    terms = [
        MemberTerm(1, D("2026-11-01"), D("2026-11-30")),
        MemberTerm(1, D("2026-12-01"), D("2027-11-30")),  # renewed without a gap
        MemberTerm(2, D("2026-11-20"), D("2026-12-02")),
        MemberTerm(3, D("2026-12-04"), D("2027-12-03")),
    ]
    counts = active_per_day(terms, D("2026-11-29"), D("2026-12-05"))
    assert counts == [2, 2, 2, 2, 1, 2, 2]


def test_this_months_joins_renewals_and_lapses():
    terms = [
        MemberTerm(1, D("2026-11-01"), D("2026-11-30")),
        MemberTerm(1, D("2026-12-01"), D("2027-11-30")),  # renewed this month
        MemberTerm(2, D("2026-11-20"), D("2026-12-02")),  # lapsed this month
        MemberTerm(3, D("2026-12-04"), D("2027-12-03")),  # joined this month
        MemberTerm(4, D("2026-01-01"), D("2026-06-30")),  # lapsed long ago
    ]
    assert month_changes(terms, D("2026-12-05")) == {"joined": 1, "renewed": 1, "lapsed": 1}
