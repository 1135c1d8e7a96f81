"""Registration, sign-in and the lockout against password guessing."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gaoku.accounts.models import SignInFailure
from tests.conftest import account

pytestmark = pytest.mark.django_db

GOOD = "pw-for-tests-1"


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_passwords_are_hashed_with_argon2():
    user = account("visitor")
    assert user.password.startswith("argon2")


def test_sign_in_and_out():
    account("visitor", "li")
    client = Client()
    response = sign_in(client, "li", GOOD)
    assert response.status_code == 302
    assert client.get(reverse("members:account")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("members:account")).status_code == 302


def test_account_locks_after_five_failures_even_for_the_right_password(settings):
    account("visitor", "li")
    client = Client()
    for _ in range(settings.GAOKU_SIGNIN_MAX_FAILURES):
        page = sign_in(client, "li", "wrong").content.decode()
    assert "登录失败次数过多" in page
    page = sign_in(client, "li", GOOD, address="10.0.0.2").content.decode()
    assert "登录失败次数过多" in page
    assert client.get(reverse("members:account")).status_code == 302
    # Once the failures age out, the right password works again.
    SignInFailure.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "li", GOOD).status_code == 302


def test_success_clears_the_count():
    account("visitor", "li")
    client = Client()
    for _ in range(4):
        sign_in(client, "li", "wrong")
    assert sign_in(client, "li", GOOD).status_code == 302
    assert not SignInFailure.objects.filter(username="li").exists()


def test_one_address_guessing_many_accounts_is_locked(settings):
    account("visitor", "li")
    client = Client()
    for i in range(settings.GAOKU_SIGNIN_MAX_SOURCE_FAILURES):
        sign_in(client, f"user{i}", "wrong", address="10.9.9.9")
    page = sign_in(client, "li", GOOD, address="10.9.9.9").content.decode()
    assert "登录失败次数过多" in page
    # The same account from another address is not locked.
    assert sign_in(client, "li", GOOD, address="10.1.1.1").status_code == 302


def test_username_case_does_not_dodge_the_lock(settings):
    account("visitor", "li")
    client = Client()
    for i in range(settings.GAOKU_SIGNIN_MAX_FAILURES):
        sign_in(client, "LI" if i % 2 else "li", "wrong", address=f"10.0.0.{i}")
    assert "登录失败次数过多" in sign_in(client, "li", GOOD, address="10.0.1.1").content.decode()


def test_admin_sign_in_shares_the_lock(settings):
    account("admin")
    client = Client()
    for _ in range(settings.GAOKU_SIGNIN_MAX_FAILURES):
        client.post(reverse("admin:login"), {"username": "admin", "password": "x"})
    page = client.post(reverse("admin:login"), {"username": "admin", "password": GOOD})
    assert "登录失败次数过多" in page.content.decode()


def test_register_creates_a_free_account_and_signs_in():
    client = Client()
    response = client.post(
        reverse("register"),
        {
            "username": "newcomer",
            "email": "",
            "password1": "a-good-passphrase-2026",
            "password2": "a-good-passphrase-2026",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("members:account")
    user = get_user_model().objects.get(username="newcomer")
    assert user.profile.display_code.startswith("GK")
    assert not user.is_staff and not user.subscriptions.exists()
    page = client.get(reverse("members:account")).content.decode()
    assert "免费用户" in page


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"username": "li", "password1": "a-good-passphrase-2026"}, "已存在"),
        ({"username": "new", "password1": "12345678"}, "密码"),
        ({"username": "bad name!", "password1": "a-good-passphrase-2026"}, "用户名"),
    ],
)
def test_register_refuses_bad_input(form, message):
    account("visitor", "li")
    client = Client()
    form = form | {"password2": form["password1"], "email": ""}
    response = client.post(reverse("register"), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert get_user_model().objects.count() == 1


def test_register_needs_csrf():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("register"),
        {
            "username": "x",
            "password1": "a-good-passphrase-2026",
            "password2": "a-good-passphrase-2026",
        },
    )
    assert response.status_code == 403
    assert not get_user_model().objects.exists()


def test_attempts_in_flight_count_against_the_limit(settings):
    # Parallel guesses each write their failure before checking: with the limit's worth
    # already in flight, the next attempt is refused even with the right password.
    account("visitor", "li")
    for _ in range(settings.GAOKU_SIGNIN_MAX_FAILURES):
        SignInFailure.objects.create(username="li", address="10.0.0.1")
    assert "登录失败次数过多" in sign_in(Client(), "li", GOOD).content.decode()


def test_ipv6_clients_count_by_their_64_network(settings):
    account("visitor", "li")
    client = Client()
    for i in range(settings.GAOKU_SIGNIN_MAX_SOURCE_FAILURES):
        sign_in(client, f"user{i}", "wrong", address=f"2001:db8:1:2::{i + 1:x}")
    page = sign_in(client, "li", GOOD, address="2001:db8:1:2:ffff::9").content.decode()
    assert "登录失败次数过多" in page
    assert sign_in(client, "li", GOOD, address="2001:db8:1:3::1").status_code == 302


@pytest.mark.parametrize("good", [True, False])
def test_register_and_redeem_in_one_step(good):
    from gaoku.members.codes import codes_create
    from gaoku.members.selectors import entitlement_get, plan_get

    code = codes_create(plan=plan_get("annual"), count=1).codes[0] if good else "ABCDE-FGHJK"
    client = Client()
    form = {
        "username": "buyer",
        "password1": "a-good-passphrase-2026",
        "password2": "a-good-passphrase-2026",
        "code": code,
    }
    response = client.post(reverse("register"), form, follow=True)
    page = response.content.decode()
    user = get_user_model().objects.get(username="buyer")  # made either way
    assert entitlement_get(user).active is good
    assert ("已兑换" in page) is good and ("无效" in page) is not good
