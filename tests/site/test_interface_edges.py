"""The interface's edges, in Chinese: nothing falls back to Django's defaults, and the user
is never left guessing why."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.accounts.test_signin import GOOD, sign_in
from tests.conftest import account, material_published

pytestmark = pytest.mark.django_db


def test_a_failed_sign_in_keeps_the_username():
    account("visitor", "li")
    page = sign_in(Client(), "li", "wrong").content.decode()
    assert 'value="li"' in page


def test_a_signed_in_user_sent_to_sign_in_is_told_why(client):
    client.force_login(account("member", "li"))
    page = client.get(reverse("traces:new"), follow=True).content.decode()
    assert 'data-testid="not-allowed"' in page and "li" in page


def test_the_password_pages_are_the_sites_not_the_admins(client):
    client.force_login(account("member", "li"))
    page = client.get(reverse("password_change")).content.decode()
    assert 'data-testid="password-change"' in page and "Django" not in page
    done = client.post(
        reverse("password_change"),
        {
            "old_password": GOOD,
            "new_password1": "another-good-passphrase-9",
            "new_password2": "another-good-passphrase-9",
        },
        follow=True,
    ).content.decode()
    assert 'data-testid="password-changed"' in done


def test_registering_is_confirmed():
    client = Client()
    form = {"username": "newbie", "password1": "a-good-passphrase-2026"}
    form["password2"] = form["password1"]
    page = client.post(reverse("register"), form, follow=True).content.decode()
    assert "newbie" in page and "账号已创建" in page


def test_an_empty_search_says_so_without_a_number(client):
    page = client.get(reverse("search:search"), {"q": "不存在的词语组合"}).content.decode()
    assert 'data-testid="no-results"' in page and 'class="results"' not in page


def test_suspended_members_are_not_offered_a_subscription(client):
    from gaoku.members.services import member_suspend

    material = material_published(timezone.localdate(), seed=71)
    member = account("member", "li")
    member_suspend(user=member, reason="test")
    client.force_login(member)
    page = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    paywall = page.split('data-testid="paywall"')[1].split("</div>")[0]
    assert "暂停" in paywall and reverse("members:plans") not in paywall


def test_the_plans_page_says_how_to_buy(client, settings):
    settings.GAOKU_RENEWAL_NOTE = "在稿库小店下单，客服微信 gaoku-shop。"
    settings.GAOKU_RENEWAL_URL = "https://shop.example.com/gaoku"
    page = client.get(reverse("members:plans")).content.decode()
    assert "客服微信 gaoku-shop" in page and 'href="https://shop.example.com/gaoku"' in page
