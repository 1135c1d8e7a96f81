"""A forgotten password: a one-time link an admin makes (admin action or command line),
or one mailed to the account's address where the operator set up a mail server."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth import authenticate

from gaoku.accounts.services import password_reset_link
from gaoku.ops.models import AuditEntry
from tests.conftest import account

pytestmark = pytest.mark.django_db

NEW = "a-new-passphrase-2026"


def _set_password(client, link: str) -> str:
    """Open ``link`` and choose NEW there; the page it ends on."""
    opened = client.get(urlparse(link).path, follow=True)
    assert opened.status_code == 200
    assert 'name="new_password1"' in opened.text
    set_url = opened.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)
    return done.text


def test_an_admins_link_sets_the_password_once(client, settings):
    settings.GAOKU_SITE_URL = "https://gaoku.example.cn/"
    member = account("member", "forgetful")
    link = password_reset_link(member, by=account("admin", "boss"))
    assert link.startswith("https://gaoku.example.cn/accounts/reset/")
    assert "新密码已设置" in _set_password(client, link)
    assert authenticate(username="forgetful", password=NEW) is not None
    again = client.get(urlparse(link).path, follow=True)
    assert 'data-testid="link-invalid"' in again.text
    assert 'name="new_password1"' not in again.text
    entry = AuditEntry.objects.get(action="account.reset_link")
    assert (entry.actor, entry.object) == ("boss", "account:forgetful")


def test_a_forged_link_is_refused_with_a_message(client):
    account("member", "forgetful")
    page = client.get("/accounts/reset/MQ/abc-0123456789abcdef/", follow=True)
    assert page.status_code == 200
    assert 'data-testid="link-invalid"' in page.text


def test_without_a_mail_server_the_page_says_whom_to_ask(client, settings):
    settings.GAOKU_MAIL = False
    settings.GAOKU_CONTACT = "QQ群 123456"
    login = client.get("/accounts/login/")
    assert 'href="/accounts/password/forgot/"' in login.text
    page = client.get("/accounts/password/forgot/")
    assert "QQ群 123456" in page.text and "用户名" in page.text
    assert 'name="email"' not in page.text
    assert "QQ群 123456" in client.get("/plans/").text  # and on the plans page, and footer


def test_with_a_mail_server_a_link_is_mailed_at_most_three_times_an_hour(
    client, settings, mailoutbox
):
    settings.GAOKU_MAIL = True
    settings.GAOKU_SITE_URL = "https://gaoku.example.cn"
    member = account("member", "forgetful")
    member.email = "forgetful@example.cn"
    member.save()
    for _ in range(4):
        sent = client.post("/accounts/password/forgot/", {"email": "forgetful@example.cn"})
        assert sent.status_code == 302 and sent.url == "/accounts/password/sent/"
    assert len(mailoutbox) == 3  # a fourth request in the hour sends nothing
    # An unknown address gets the same answer, and no mail.
    unknown = client.post("/accounts/password/forgot/", {"email": "nobody@example.cn"})
    assert unknown.url == "/accounts/password/sent/" and len(mailoutbox) == 3
    mail = mailoutbox[0]
    assert mail.to == ["forgetful@example.cn"] and "forgetful" in mail.body
    link = re.search(r"https://gaoku\.example\.cn/accounts/reset/\S+", mail.body).group()
    assert "新密码已设置" in _set_password(client, link)
    assert authenticate(username="forgetful", password=NEW) is not None


def test_the_member_admin_makes_a_link(client):
    member = account("member", "forgetful")
    client.force_login(account("admin", "boss"))
    page = client.post(
        "/admin/auth/user/",
        {"action": "reset_link", "_selected_action": [member.pk]},
        follow=True,
    )
    link = re.search(r"http[^\s<]+/accounts/reset/[^\s<]+/", page.text).group()
    client.logout()
    assert "新密码已设置" in _set_password(client, link)
