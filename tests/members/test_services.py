"""The entitlement rule through the database: services write, selectors judge."""

from datetime import UTC, date, datetime, timedelta

import pytest

from gaoku.core.entitlement import add_months
from gaoku.errors import InvalidInput
from gaoku.library.models import Material
from gaoku.library.services import material_import
from gaoku.live.models import Event
from gaoku.members.models import Announcement, Plan, Subscription
from gaoku.members.selectors import (
    announcement_list,
    entitlement_get,
    plan_get,
    reader_text,
)
from gaoku.members.services import (
    announcement_post,
    member_add,
    member_grant,
    member_suspend,
    member_unsuspend,
    subscription_add,
    subscription_cancel,
)
from tests.conftest import account, material_published

pytestmark = pytest.mark.django_db

D = date.fromisoformat


def shanghai_noon(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T04:00:00+00:00")


@pytest.fixture
def annual():
    return plan_get("annual")


@pytest.fixture
def visitor():
    return account("visitor", "li")


def test_default_plans_exist():
    plans = {p.slug: p for p in Plan.objects.all()}
    assert plans["free"].is_free and plans["free"].name == "免费"
    assert (plans["annual"].name, plans["annual"].duration_months) == ("年度会员", 12)
    assert (plans["triennial"].name, plans["triennial"].duration_months) == ("三年会员", 36)
    assert {p.window_months for p in plans.values() if not p.is_free} == {36}


def test_window_first_and_last_day(visitor, annual):
    subscription_add(user=visitor, plan=annual, start=D("2026-03-10"))
    at = shanghai_noon("2026-06-01")
    e = entitlement_get(visitor, at=at)
    on_first_day = material_published(D("2023-03-10"), seed=1)
    day_before = material_published(D("2023-03-09"), seed=2)
    assert e.covers(on_first_day)
    assert not e.covers(day_before)
    # The member's last day, at noon and one second before midnight Beijing time.
    assert entitlement_get(visitor, at=shanghai_noon("2027-03-09")).covers(on_first_day)
    last_second = datetime(2027, 3, 9, 15, 59, 59, tzinfo=UTC)  # 23:59:59 in Shanghai
    midnight = datetime(2027, 3, 9, 16, 0, 0, tzinfo=UTC)  # 00:00 on 2027-03-10
    assert entitlement_get(visitor, at=last_second).covers(on_first_day)
    assert not entitlement_get(visitor, at=midnight).covers(on_first_day)
    assert not entitlement_get(visitor, at=midnight).active


def test_preview_only_outside_the_window(visitor, annual):
    subscription_add(user=visitor, plan=annual, start=D("2026-03-10"))
    old = material_published(D("2020-01-01"))
    shown = reader_text(entitlement_get(visitor, at=shanghai_noon("2026-06-01")), old.current)
    assert not shown.full
    assert len(shown.text) <= 300 and old.current.text.startswith(shown.text)


def test_undated_material_counts_from_the_day_it_was_added(visitor, annual, speech):
    material = material_import(data=speech.text.encode(), name="x.txt").version.material
    Material.objects.filter(pk=material.pk).update(published=None)
    material.refresh_from_db()
    subscription_add(user=visitor, plan=annual)
    assert entitlement_get(visitor).covers(material)


def test_renewals_stack(visitor, annual):
    first = subscription_add(user=visitor, plan=annual, start=D("2026-01-01"))
    second = subscription_add(user=visitor, plan=annual, start=D("2026-11-01"))
    third = subscription_add(user=visitor, plan=annual, start=D("2026-11-01"))
    assert (first.last_day, second.start, second.last_day) == (
        D("2026-12-31"),
        D("2027-01-01"),
        D("2027-12-31"),
    )
    assert third.start == D("2028-01-01")
    e = entitlement_get(visitor, at=shanghai_noon("2028-06-01"))
    assert e.active and e.access.opens_from == D("2023-01-01")
    assert e.access.run_start == D("2026-01-01") and e.access.run_last_day == D("2028-12-31")


def test_plan_edits_do_not_change_what_was_sold(visitor, annual):
    subscription_add(user=visitor, plan=annual, start=D("2026-01-01"))
    annual.window_months = 6
    annual.duration_months = 1
    annual.save()
    sub = Subscription.objects.get(user=visitor)
    assert (sub.window_months, sub.last_day) == (36, D("2026-12-31"))
    assert entitlement_get(visitor, at=shanghai_noon("2026-12-31")).access.opens_from == D(
        "2023-01-01"
    )


def test_changing_plan_stacks_and_keeps_the_window(visitor, annual):
    subscription_add(user=visitor, plan=annual, start=D("2026-01-01"))
    triennial = plan_get("三年会员")
    later = subscription_add(user=visitor, plan=triennial, start=D("2026-06-01"))
    assert (later.start, later.last_day) == (D("2027-01-01"), D("2029-12-31"))
    e = entitlement_get(visitor, at=shanghai_noon("2029-06-01"))
    assert e.plan == triennial
    assert e.access.opens_from == D("2023-01-01")


def test_upgrade_to_a_longer_window_counts_once_it_begins(visitor, annual):
    subscription_add(user=visitor, plan=annual, start=D("2026-01-01"))
    wide = Plan.objects.create(
        slug="archive", name="典藏会员", duration_months=12, window_months=120
    )
    subscription_add(user=visitor, plan=wide)
    before = entitlement_get(visitor, at=shanghai_noon("2026-12-31")).access.opens_from
    after = entitlement_get(visitor, at=shanghai_noon("2027-01-01")).access.opens_from
    assert (before, after) == (D("2023-01-01"), D("2017-01-01"))


def test_suspension_closes_at_once_and_grant_waits_for_the_lift(visitor, annual):
    subscription_add(user=visitor, plan=annual)
    admin = account("admin")
    material = material_published(add_months(date.today(), -1))
    assert entitlement_get(visitor).covers(material)
    member_suspend(user=visitor, reason="转卖资料", by=admin)
    assert not entitlement_get(visitor).covers(material)
    grant = member_grant(user=visitor, days=30, reason="活动赠送", by=admin)
    assert grant.granted_by == admin and grant.kind == "gift"
    e = entitlement_get(visitor)
    assert e.access.suspended and not e.active
    assert Subscription.objects.filter(user=visitor).count() == 2  # nothing deleted
    member_unsuspend(user=visitor, by=admin)
    e = entitlement_get(visitor)
    assert e.covers(material)
    assert e.access.run_last_day == grant.last_day
    # The member is told in their own live channel that they may read again.
    told = Event.objects.get(user=visitor, key__startswith="unsuspended:")
    assert "恢复正常使用" in told.title


def test_suspension_history_is_judged_at_its_time(visitor, annual):
    subscription_add(user=visitor, plan=annual)
    member_suspend(user=visitor)
    member_unsuspend(user=visitor)
    assert entitlement_get(visitor).active
    with pytest.raises(InvalidInput, match="没有被暂停"):
        member_unsuspend(user=visitor)
    member_suspend(user=visitor)
    with pytest.raises(InvalidInput, match="已处于暂停"):
        member_suspend(user=visitor)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"plan": "free"}, "免费方案"),
        ({"plan": None}, "付费方案或赠送天数"),
        ({"plan": "annual", "kind": "gift"}, "原因"),
        ({"plan": None, "days": 0, "kind": "gift", "reason": "x"}, "1 到 3650"),
        ({"plan": None, "days": 4000, "kind": "gift", "reason": "x"}, "1 到 3650"),
    ],
)
def test_bad_subscriptions_are_refused_and_write_nothing(visitor, kwargs, message):
    if kwargs.get("plan"):
        kwargs["plan"] = plan_get(kwargs["plan"])
    with pytest.raises(InvalidInput, match=message):
        subscription_add(user=visitor, **kwargs)
    assert not Subscription.objects.exists()


def test_grant_without_plan_gets_the_default_window(visitor):
    grant = member_grant(user=visitor, days=365, reason="举报倒卖奖励", kind="reward")
    assert (grant.window_months, grant.plan) == (36, None)
    assert (grant.last_day - grant.start).days == 364


def test_member_add(annual):
    added = member_add(username="wang", plan=annual, start=D("2026-02-01"))
    assert added.password and added.user.check_password(added.password)
    assert added.subscription.start == D("2026-02-01")
    assert added.user.profile.display_code.startswith("GK")
    with pytest.raises(InvalidInput, match="已存在"):
        member_add(username="wang")
    with pytest.raises(InvalidInput, match="用户名"):
        member_add(username="bad name!")
    free = member_add(username="zhao", plan=plan_get("free"), password="a-long-pass-2026")
    assert free.subscription is None and free.password is None


def test_display_codes_are_unique_and_readable():
    codes = {member_add(username=f"user{i}").user.profile.display_code for i in range(30)}
    assert len(codes) == 30
    assert all(len(c) == 8 and not set(c[2:]) & set("01IOL") for c in codes)


def test_members_group_announcements_reach_only_members(visitor, annual):
    announcement_post(tier="free", title="免费群通知", body="目录已更新")
    announcement_post(tier="members", title="会员群通知", body="会员专享资料")
    visible = {a.title for a in announcement_list(entitlement_get(visitor))}
    assert visible == {"免费群通知"}
    subscription_add(user=visitor, plan=annual)
    visible = {a.title for a in announcement_list(entitlement_get(visitor))}
    assert visible == {"免费群通知", "会员群通知"}
    member_suspend(user=visitor)
    visible = {a.title for a in announcement_list(entitlement_get(visitor))}
    assert visible == {"免费群通知"}
    with pytest.raises(InvalidInput):
        announcement_post(tier="everyone", title="x", body="y")
    assert Announcement.objects.count() == 2


def test_editors_and_admins_read_everything():
    old = material_published(D("2001-01-01"))
    assert entitlement_get(account("editor")).covers(old)
    assert entitlement_get(account("admin")).covers(old)
    assert not entitlement_get(account("visitor")).covers(old)


def test_a_purchase_moves_a_scheduled_grant_back_instead_of_leaving_a_gap(visitor, annual):
    current = member_grant(user=visitor, days=31, reason="试用", plan=annual)
    scheduled = subscription_add(
        user=visitor,
        plan=None,
        days=31,
        kind="gift",
        reason="活动",
        start=current.last_day + timedelta(days=30),
    )
    bought = subscription_add(user=visitor, plan=annual, start=current.start)
    assert bought.start == current.last_day + timedelta(days=1)
    scheduled.refresh_from_db()
    assert scheduled.start == bought.last_day + timedelta(days=1)
    assert (scheduled.last_day - scheduled.start).days == 30


def test_a_grant_without_plan_keeps_the_members_window(visitor):
    short = Plan.objects.create(slug="brief", name="短期会员", duration_months=1, window_months=6)
    subscription_add(user=visitor, plan=short)
    grant = member_grant(user=visitor, days=10, reason="补偿")
    assert grant.window_months == 6


def test_cancelled_terms_give_nothing_and_stay_in_the_history(visitor, annual):
    sub = subscription_add(user=visitor, plan=annual)
    subscription_cancel(subscription=sub)
    assert not entitlement_get(visitor).active
    assert Subscription.objects.filter(user=visitor).count() == 1
    # A new term may start where the cancelled one did.
    assert subscription_add(user=visitor, plan=annual).start == sub.start


def test_dates_outside_the_calendar_are_refused(visitor, annual):
    for start in (D("1999-12-31"), D("2200-01-01"), D("9999-06-01")):
        with pytest.raises(InvalidInput, match="2000"):
            subscription_add(user=visitor, plan=annual, start=start)
    assert not Subscription.objects.exists()


def test_rerunning_the_demo_never_resets_an_existing_accounts_password():
    from django.contrib.auth import get_user_model

    from gaoku.members.demo import DEMO_ACCOUNTS, demo_accounts_ensure

    first = demo_accounts_ensure()
    assert [password for _, password, _ in first] == [p for _, p, _ in DEMO_ACCOUNTS]
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("the operator's own secret")
    admin.save()
    again = demo_accounts_ensure()
    assert all(password is None for _, password, _ in again)
    admin.refresh_from_db()
    assert admin.check_password("the operator's own secret")
    # An admin `gaoku init` made a moment ago with a random password gets the demo's.
    demo_accounts_ensure(fresh=frozenset({"admin"}))
    admin.refresh_from_db()
    assert admin.check_password(DEMO_ACCOUNTS[0][1])


def test_a_request_asks_the_entitlement_once_and_sees_a_grant_made_during_it(
    django_assert_num_queries,
):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from gaoku.site.memo import RequestMemoMiddleware

    user = account("visitor", "memo")
    seen = []

    def view(request):
        seen.append(entitlement_get(user).active)
        with django_assert_num_queries(0):
            seen.append(entitlement_get(user).active)
        member_grant(user=user, days=30, reason="test")
        seen.append(entitlement_get(user).active)
        member_suspend(user=user, reason="test")
        seen.append(entitlement_get(user).active)
        return HttpResponse()

    RequestMemoMiddleware(view)(RequestFactory().get("/"))
    assert seen == [False, False, True, False]


def test_a_request_reads_the_profile_once_and_again_after_it_changes(django_assert_num_queries):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from gaoku.members.services import profile_ensure
    from gaoku.site.memo import RequestMemoMiddleware

    member = account("member", "memo-profile")
    profile_ensure(member)
    seen = []

    def view(request):
        seen.append(profile_ensure(member).localise_answers)
        with django_assert_num_queries(0):
            profile_ensure(member)
        stored = type(profile_ensure(member)).objects.get(user=member)
        stored.localise_answers = {"XX县": "青川县"}
        stored.save()
        seen.append(profile_ensure(member).localise_answers)
        return HttpResponse()

    RequestMemoMiddleware(view)(RequestFactory().get("/"))
    assert seen == [{}, {"XX县": "青川县"}]
