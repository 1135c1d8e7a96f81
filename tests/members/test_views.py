"""Every page that returns text applies the entitlement, whatever URL or id is tried."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from gaoku.core.entitlement import add_months
from gaoku.library.models import Material
from gaoku.library.services import material_import
from gaoku.members.models import Subscription
from gaoku.members.selectors import plan_get
from gaoku.members.services import announcement_post, member_suspend, subscription_add
from tests.conftest import account, material_published, shows_text_of

pytestmark = pytest.mark.django_db


def reader(client, material, **params) -> str:
    response = client.get(reverse("library:reader", args=[material.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_member_outside_window_gets_preview_and_reason(client):
    member = account("member")
    client.force_login(member)
    old = material_published(date(2015, 1, 1))
    page = reader(client, old)
    assert not shows_text_of(page, old)
    assert "窗口" in page and 'data-testid="paywall"' in page
    new = material_published(timezone.localdate(), seed=8)
    assert shows_text_of(reader(client, new), new)


def test_old_versions_follow_the_same_rule(client):
    old = material_published(date(2015, 1, 1))
    revised = old.current.text + "\n请各单位结合实际认真抓好贯彻落实。"
    material_import(data=revised.encode(), name="v2.txt")
    old.refresh_from_db()
    assert old.current.number == 2
    client.force_login(account("member"))
    for v in ("1", "2", "x", "-1", "1.0"):
        response = client.get(reverse("library:reader", args=[old.pk]), {"v": v})
        assert response.status_code in (200, 404)
        assert "请各单位结合实际认真抓好贯彻落实" not in response.content.decode()
        assert not shows_text_of(response.content.decode(), Material.objects.get(pk=old.pk))


def test_expiry_at_midnight_beijing_time_on_the_reader_page(client, monkeypatch):
    # A year that ends today (Beijing time); the clock is then set to the last second of
    # today and to the midnight after it (close to now, so the session stays valid).
    today = timezone.localdate()
    member = account("visitor", "zhou")
    sub = subscription_add(
        user=member, plan=plan_get("annual"), start=add_months(today, -12) + timedelta(days=1)
    )
    assert sub.last_day == today
    material = material_published(sub.start)
    client.force_login(member)
    shanghai = ZoneInfo("Asia/Shanghai")
    last_second = datetime.combine(today, time(23, 59, 59), tzinfo=shanghai)
    monkeypatch.setattr(timezone, "now", lambda: last_second)
    assert shows_text_of(reader(client, material), material)
    monkeypatch.setattr(timezone, "now", lambda: last_second + timedelta(seconds=1))
    assert not shows_text_of(reader(client, material), material)


def test_suspended_member_is_closed_at_once(client):
    member = account("member")
    material = material_published(timezone.localdate())
    client.force_login(member)
    assert shows_text_of(reader(client, material), material)
    member_suspend(user=member, reason="转卖")
    page = reader(client, material)
    assert not shows_text_of(page, material)
    assert "暂停" in page
    assert Subscription.objects.filter(user=member).exists()


def test_catalogue_marks_what_the_user_reads(client):
    material_published(date(2015, 1, 1))
    material_published(timezone.localdate(), seed=8)
    page = client.get(reverse("library:catalogue")).content.decode()
    assert page.count('class="badge locked"') == 2
    client.force_login(account("member"))
    page = client.get(reverse("library:catalogue")).content.decode()
    assert page.count('class="badge locked"') == 1
    assert page.count('class="badge"') == 1


def test_account_page_shows_plan_dates_and_window(client):
    member = account("visitor", "sun")
    subscription_add(user=member, plan=plan_get("annual"), start=date(2026, 11, 1))
    client.force_login(member)
    page = client.get(reverse("members:account")).content.decode()
    assert "年度会员" in page
    assert "2026-11-01" in page and "2027-10-31" in page
    assert "2023-11-01" in page  # the window opens three years before the start
    assert member.profile.display_code in page


def test_account_page_needs_sign_in(client):
    response = client.get(reverse("members:account"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_plans_page_lists_the_plans(client):
    page = client.get(reverse("members:plans")).content.decode()
    for name in ("免费", "年度会员", "三年会员", "¥298 / 年"):
        assert name in page


def test_members_announcements_never_reach_visitors(client):
    announcement_post(tier="free", title="免费群公告", body="欢迎")
    secret = announcement_post(tier="members", title="十一月会员通报", body="内部资料清单")
    client.force_login(account("visitor"))
    page = client.get(reverse("members:announcements")).content.decode()
    assert "免费群公告" in page and "十一月会员通报" not in page
    page = client.get(reverse("members:announcements_tier", args=["members"])).content.decode()
    assert "内部资料清单" not in page and "十一月会员通报" not in page
    assert client.get(reverse("members:announcement", args=[secret.pk])).status_code == 404
    assert client.get(reverse("members:announcements_tier", args=["vip"])).status_code == 404
    client.force_login(account("member"))
    page = client.get(reverse("members:announcements_tier", args=["members"])).content.decode()
    assert "十一月会员通报" in page
    page = client.get(reverse("members:announcement", args=[secret.pk])).content.decode()
    assert "内部资料清单" in page


def test_admin_grants_a_plan_in_the_admin(client):
    visitor = account("visitor", "qian")
    admin = account("admin")
    client.force_login(admin)
    response = client.post(
        reverse("admin:members_subscription_add"),
        {"user": visitor.pk, "plan": plan_get("annual").pk, "kind": "gift", "reason": "活动赠送"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    sub = Subscription.objects.get(user=visitor)
    assert (sub.granted_by, sub.kind, sub.start) == (admin, "gift", timezone.localdate())
    # A grant without a reason is refused with the service's message, and writes nothing.
    response = client.post(
        reverse("admin:members_subscription_add"),
        {"user": visitor.pk, "plan": plan_get("annual").pk, "kind": "gift", "reason": ""},
    )
    assert response.status_code == 200 and "必须写明原因" in response.content.decode()
    assert Subscription.objects.filter(user=visitor).count() == 1


def test_admin_suspends_and_lifts(client):
    visitor = account("member", "wu")
    client.force_login(account("admin"))
    response = client.post(
        reverse("admin:members_suspension_add"), {"user": visitor.pk, "reason": "倒卖"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("admin:members_suspension_add"), {"user": visitor.pk, "reason": "again"}
    )
    assert response.status_code == 200 and "已处于暂停" in response.content.decode()
    changelist = reverse("admin:auth_user_changelist")
    assert (
        "suspended" in client.get(changelist).content.decode()
        or "暂停" in client.get(changelist).content.decode()
    )
    response = client.post(changelist, {"action": "unsuspend", "_selected_action": [visitor.pk]})
    assert response.status_code == 302
    assert not visitor.suspensions.filter(lifted_at__isnull=True).exists()


def test_editors_cannot_manage_members(client):
    client.force_login(account("editor"))
    assert client.get(reverse("admin:members_subscription_add")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_staff_who_may_only_view_cannot_suspend(client):
    from django.contrib.auth.models import Permission

    member = account("member", "zheng")
    viewer = account("editor", "viewer")
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "view_suspension"])
    )
    client.force_login(viewer)
    changelist = reverse("admin:auth_user_changelist")
    client.post(changelist, {"action": "suspend", "_selected_action": [member.pk]})
    assert not member.suspensions.exists()


def test_subscriptions_are_cancelled_not_deleted_in_the_admin(client):
    member = account("member", "feng")
    sub = member.subscriptions.get()
    client.force_login(account("admin"))
    assert (
        client.get(reverse("admin:members_subscription_delete", args=[sub.pk])).status_code == 403
    )
    response = client.post(
        reverse("admin:members_subscription_changelist"),
        {"action": "cancel", "_selected_action": [sub.pk]},
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.cancelled_at is not None
    page = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "feng" in page


def test_odd_version_numbers_are_404_not_500(client):
    material = material_published(date(2015, 1, 1))
    for v in ("²", "١", "9" * 40, "1e3"):
        assert (
            client.get(reverse("library:reader", args=[material.pk]), {"v": v}).status_code == 404
        )
