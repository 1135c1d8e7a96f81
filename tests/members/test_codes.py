"""Redeem codes: unguessable and typeable, stored hashed, redeemed once as a purchase,
refused with a clear message when used, revoked, expired or mistyped."""

from __future__ import annotations

import datetime
import math

import pytest
from django.urls import reverse
from django.utils import timezone

from gaoku.members.codes import (
    ALPHABET,
    LENGTH,
    MAX_WRONG,
    CodeRefused,
    batch_revoke,
    code_redeem,
    codes_create,
)
from gaoku.members.models import RedeemCode
from gaoku.members.selectors import entitlement_get, plan_get
from gaoku.ops.audit import audit_list
from gaoku.ops.ratelimit import RateLimited
from tests.conftest import account

pytestmark = pytest.mark.django_db


def test_codes_are_unguessable_typeable_and_kept_only_as_hashes():
    made = codes_create(plan=plan_get("annual"), count=50, name="淘宝-2026-12")
    assert LENGTH * math.log2(len(ALPHABET)) >= 80
    assert not set(ALPHABET) & set("0O1IL")
    assert len(set(made.codes)) == 50
    for code in made.codes:
        assert len(code) == 23 and code.count("-") == 3
        assert not RedeemCode.objects.filter(digest__contains=code.replace("-", "")).exists()
    assert RedeemCode.objects.filter(batch=made.batch).count() == 50
    assert audit_list()[-1].action == "codes.create"


def test_a_code_adds_the_plan_after_the_current_term_like_a_purchase(client):
    member = account("member")  # a year of the annual plan from today
    before = entitlement_get(member).access.run_last_day
    code = codes_create(plan=plan_get("annual"), count=1).codes[0]
    subscription = code_redeem(user=member, code=code.lower().replace("-", " "))
    assert subscription.kind == "purchase" and subscription.start == before + datetime.timedelta(1)
    assert entitlement_get(member).access.run_last_day == subscription.last_day
    with pytest.raises(CodeRefused, match="已经用过"):
        code_redeem(user=account("visitor"), code=code)


def test_used_revoked_expired_and_mistyped_codes_are_refused_each_with_its_reason():
    visitor = account("visitor")
    revoked = codes_create(plan=plan_get("annual"), count=2, name="revoked")
    batch_revoke(batch=revoked.batch)
    with pytest.raises(CodeRefused, match="作废"):
        code_redeem(user=visitor, code=revoked.codes[0])
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    expired = codes_create(plan=plan_get("annual"), count=1, name="old", expires_on=yesterday)
    with pytest.raises(CodeRefused, match="过期"):
        code_redeem(user=visitor, code=expired.codes[0])
    with pytest.raises(CodeRefused, match="无效") as wrong:
        code_redeem(user=visitor, code="ABCDE-FGHJK-MNPQR-STVWX")
    assert wrong.value.code == "code_unknown"
    for _ in range(MAX_WRONG - 1):
        with pytest.raises(CodeRefused):
            code_redeem(user=visitor, code="ABCDE-FGHJK-MNPQR-STVWX")
    good = codes_create(plan=plan_get("annual"), count=1, name="good").codes[0]
    with pytest.raises(RateLimited, match="一小时后"):
        code_redeem(user=visitor, code=good)  # even a right code waits: guessing stops
    assert not entitlement_get(visitor).active


def test_a_trial_card_gives_its_days(client):
    visitor = account("visitor")
    code = codes_create(plan=plan_get("annual"), count=1, days=30).codes[0]
    subscription = code_redeem(user=visitor, code=code)
    assert (subscription.last_day - subscription.start).days == 29


def test_the_account_page_redeems_and_says_what_the_code_gave(client):
    visitor = account("visitor")
    client.force_login(visitor)
    code = codes_create(plan=plan_get("annual"), count=1).codes[0]
    page = client.post(reverse("members:redeem"), {"code": code}, follow=True).content.decode()
    assert "已兑换" in page or "Code redeemed" in page
    assert entitlement_get(visitor).active
    again = client.post(reverse("members:redeem"), {"code": code}, follow=True)
    assert "已经用过" in again.content.decode()


def test_an_admin_makes_a_batch_downloads_its_csv_and_revokes_it(client):
    import csv
    import io

    client.force_login(account("admin"))
    plan = plan_get("annual")
    response = client.post(
        reverse("admin:members_codebatch_add"),
        {
            "name": "闲鱼-12月",
            "plan": plan.pk,
            "days": "",
            "price_label": "¥199",
            "expires_on": "2099-12-31",
            "count": "5",
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["code", "plan", "days", "price", "redeem_by", "batch"]
    assert len(rows) == 6 and rows[1][3] == "¥199"
    code_redeem(user=account("visitor"), code=rows[1][0])
    changelist = client.get(reverse("admin:members_codebatch_changelist")).content.decode()
    assert "闲鱼-12月" in changelist
    from gaoku.members.models import CodeBatch

    batch = CodeBatch.objects.get(name="闲鱼-12月")
    client.post(
        reverse("admin:members_codebatch_changelist"),
        {"action": "revoke", "_selected_action": [batch.pk]},
    )
    with pytest.raises(CodeRefused, match="作废"):
        code_redeem(user=account("visitor", "second"), code=rows[2][0])
    actions = [e.action for e in audit_list()]
    assert {"codes.create", "codes.export", "code.redeem", "codes.revoke"} <= set(actions)


def test_members_are_reminded_a_week_before_the_end_and_when_it_ended(client, settings):
    from gaoku.members.services import member_grant

    settings.GAOKU_RENEWAL_URL = "https://shop.example.com/gaoku"
    visitor = account("visitor")
    member_grant(user=visitor, days=5, reason="试用", plan=plan_get("annual"))
    client.force_login(visitor)
    page = client.get("/").content.decode()
    notice = page.split('data-testid="renewal"')[1].split("</p>")[0]
    assert "https://shop.example.com/gaoku" in notice and "#redeem" in notice
    from gaoku.members.selectors import renewal_notice

    today = timezone.localdate()
    assert renewal_notice(visitor)["days"] == 4
    assert renewal_notice(visitor, today=today + datetime.timedelta(days=6))["ended"] is True
    assert renewal_notice(visitor, today=today + datetime.timedelta(days=20)) is None
    assert renewal_notice(account("member")) is None  # a year left
    client.force_login(account("member", "long"))
    assert 'data-testid="renewal"' not in client.get("/").content.decode()


def test_wrong_codes_from_one_address_are_limited_whatever_the_account():
    from gaoku.members.codes import MAX_WRONG_PER_ADDRESS

    good = codes_create(plan=plan_get("annual"), count=1, name="addr").codes[0]
    accounts = [account("visitor", f"guesser{i}") for i in range(MAX_WRONG_PER_ADDRESS // 5)]
    for guesser in accounts:  # five wrong guesses each: under the per-account limit
        for _ in range(5):
            with pytest.raises(CodeRefused):
                code_redeem(user=guesser, code="ABCDE-FGHJK-MNPQR-STVWX", address="10.1.1.1")
    fresh = account("visitor", "fresh")
    with pytest.raises(RateLimited):
        code_redeem(user=fresh, code=good, address="10.1.1.1")
    assert code_redeem(user=fresh, code=good, address="10.2.2.2").user == fresh
