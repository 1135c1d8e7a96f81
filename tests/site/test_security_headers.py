"""Security headers: a strict Content Security Policy on every page (nothing inline to
allow), and the HTTPS settings behind one switch."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import account

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/search/", "/accounts/login/", "/admin/"])
def test_pages_carry_a_strict_csp_and_nothing_inline(client, path):
    client.force_login(account("admin"))
    response = client.get(path, follow=True)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    page = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "an inline script"
    assert not re.search(r"\son[a-z]+=\"", page), "an inline event handler"
    assert ' style="' not in page
    assert response["X-Content-Type-Options"] == "nosniff"


def test_https_settings_follow_one_switch():
    probe = (
        "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='gaoku.site.settings';"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        " s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)"
    )

    def run(**env):
        return subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            env={"PATH": "/usr/bin:/bin", **env},
        ).stdout.split()

    assert run() == ["False", "False", "0", "False", "None"]
    on = run(GAOKU_HTTPS="1")
    assert on[:4] == ["True", "True", "31536000", "True"] and on[4] == "None"
    behind_proxy = run(GAOKU_HTTPS="1", GAOKU_TRUSTED_PROXY="10.0.0.2")
    assert behind_proxy[4:] == ["('HTTP_X_FORWARDED_PROTO',", "'https')"]
