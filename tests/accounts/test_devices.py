"""Devices signed in at once: a member's plan allows two; a third sign-in signs the oldest
out, which is told why on its next page; editors are not limited; signing out frees one."""

import pytest
from django.test import Client
from django.urls import reverse

from gaoku.accounts.models import SignIn
from tests.accounts.test_signin import GOOD, sign_in
from tests.conftest import account

pytestmark = pytest.mark.django_db


def _devices(username, n):
    clients = []
    for i in range(n):
        client = Client()
        assert sign_in(client, username, GOOD, address=f"10.0.0.{i + 1}").status_code == 302
        clients.append(client)
    return clients


def _signed_in(client) -> bool:
    return client.get(reverse("members:account")).status_code == 200


def test_a_third_device_signs_the_oldest_out_and_it_is_told_why_once():
    account("member", "li")
    first, second, third = _devices("li", 3)
    assert [_signed_in(c) for c in (second, third)] == [True, True]
    page = first.get(reverse("library:catalogue")).content.decode()
    assert "超过了会员方案允许同时登录的设备数" in page
    assert not _signed_in(first)
    assert "超过了会员方案" not in first.get(reverse("library:catalogue")).content.decode()
    replaced = SignIn.objects.get(ended="replaced")
    assert replaced.address == "10.0.0.1"


def test_signing_out_frees_a_device_and_editors_are_not_limited():
    account("member", "li")
    first, second = _devices("li", 2)
    second.post(reverse("logout"))
    (third,) = _devices("li", 1)
    assert _signed_in(first) and _signed_in(third)
    account("editor", "bian")
    editors = _devices("bian", 4)
    assert all(_signed_in(c) for c in editors)


def test_the_plan_sets_how_many_devices(settings):
    from gaoku.members.models import Plan

    Plan.objects.filter(slug="annual").update(devices=1)
    account("member", "li")
    first, second = _devices("li", 2)
    assert not _signed_in(first) and _signed_in(second)


def test_an_account_signed_in_from_too_many_devices_shows_on_the_signals_dashboard():
    account("member", "li")
    _devices("li", 5)  # three of them signed out by newer ones
    admin = Client()
    admin.force_login(account("admin"))
    page = admin.get(reverse("reports:signals")).content.decode()
    assert 'data-rule="devices"' in page and "3 台设备" in page
