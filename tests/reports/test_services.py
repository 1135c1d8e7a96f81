"""Reports of resale: filed with evidence, traced in the background, confirmed (the
reporter rewarded, the leaker suspended, the same leak's other reports handled) or
rejected with a reason."""

from __future__ import annotations

import io

import pytest

from gaoku.errors import InvalidInput
from gaoku.members.models import Subscription
from gaoku.members.selectors import entitlement_get, suspension_open
from gaoku.ops.models import AuditEntry
from gaoku.ops.ratelimit import RateLimited
from gaoku.ops.worker import jobs_run_pending
from gaoku.reports.models import Report
from gaoku.reports.services import report_confirm, report_file, report_reject
from tests.conftest import account
from tests.reports.conftest import leaked_copy

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaked(attesting_reference):
    """Member li's copy as a reseller posts it, among five members' copies."""
    return leaked_copy("li", ("m1", "m2", "m3", "m4", "m5"))


def _filed(name: str, text: str) -> Report:
    return report_file(reporter=account("member", name), where="某宝店铺“公文大全”", text=text)


def test_a_report_is_traced_in_the_background_and_names_the_leak(leaked):
    report = _filed("wang", leaked)
    assert report.state == "submitted" and report.accused is None
    jobs_run_pending()
    report.refresh_from_db()
    assert report.state == "traced"
    assert report.accused.username == "li" and report.version is not None
    assert report.traces.count() == 1


def test_confirming_rewards_the_reporter_suspends_the_leaker_and_closes_the_same_leak(leaked):
    first, second = _filed("wang", leaked), _filed("zhao", leaked[: len(leaked) // 2 + 400])
    jobs_run_pending()
    admin = account("admin")
    grant = report_confirm(report=first, by=admin, reason="证据清楚")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == "confirmed" and second.state == "duplicate"
    assert grant.user.username == "wang" and grant.kind == Subscription.Kind.REWARD
    assert (grant.last_day - grant.start).days + 1 == 365 and f"#{first.pk}" in grant.reason
    leaker = first.accused
    suspension = suspension_open(leaker)
    assert suspension == first.suspension and f"举报 #{first.pk}" in suspension.reason
    assert not entitlement_get(leaker).active
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert {"report.file", "report.traced", "report.confirm", "member.suspend"} <= set(actions)
    # A later report of the same leak is thanked and told it was handled.
    third = _filed("qian", leaked)
    jobs_run_pending()
    third.refresh_from_db()
    assert third.state == "duplicate" and "已由更早的举报处理" in third.reason
    with pytest.raises(InvalidInput):
        report_confirm(report=first, by=admin)


def test_a_report_that_traces_to_nobody_or_to_its_own_reporter_cannot_be_confirmed(leaked):
    nobody = _filed("wang", "这是一段与资料库无关的文字。" * 30)
    own = _filed("li", leaked)
    jobs_run_pending()
    admin = account("admin")
    with pytest.raises(InvalidInput, match="没有追查到"):
        report_confirm(report=nobody, by=admin)
    with pytest.raises(InvalidInput, match="举报人就是"):
        report_confirm(report=own, by=admin)
    with pytest.raises(InvalidInput, match="理由"):
        report_reject(report=nobody, by=admin, reason=" ")
    report_reject(report=nobody, by=admin, reason="证据与资料库无关")
    nobody.refresh_from_db()
    assert nobody.state == "rejected" and nobody.reason == "证据与资料库无关"
    assert not Subscription.objects.filter(kind=Subscription.Kind.REWARD).exists()


def test_unreadable_evidence_is_noted_and_the_rest_still_traced(leaked):
    report = report_file(
        reporter=account("member", "wang"),
        where="某群",
        text=leaked,
        files=[("empty.txt", io.BytesIO(b""))],
    )
    jobs_run_pending()
    report.refresh_from_db()
    assert report.state == "traced" and report.accused.username == "li"


def test_filing_needs_where_and_evidence_and_is_rate_limited(settings, leaked):
    member = account("member", "wang")
    with pytest.raises(InvalidInput, match="哪里"):
        report_file(reporter=member, where=" ", text=leaked)
    with pytest.raises(InvalidInput, match="证据"):
        report_file(reporter=member, where="某群", text="  ")
    settings.GAOKU_RATE_REPORTS_PER_DAY = 2
    _filed("wang", "一")
    _filed("wang", "二")
    with pytest.raises(RateLimited):
        _filed("wang", "三")


def test_filing_is_limited_per_address_whatever_the_account(settings):
    settings.GAOKU_RATE_REPORTS_PER_ADDRESS_PER_DAY = 3
    for i in range(3):
        report_file(
            reporter=account("member", f"r{i}"), where="某群", text="一", address="10.3.3.3"
        )
    with pytest.raises(RateLimited, match="这个网络"):
        report_file(reporter=account("member", "r9"), where="某群", text="一", address="10.3.3.3")
    report_file(reporter=account("member", "r9"), where="某群", text="一", address="10.4.4.4")
