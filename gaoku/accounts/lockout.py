"""Sign-in lockout: too many failures for one account, or from one address, within
GAOKU_SIGNIN_LOCK_MINUTES lock further attempts until the oldest failure ages out.

Enforced in the authentication backend, so the sign-in page, the admin's sign-in page
and anything else that calls ``authenticate`` share it. A locked account also refuses
the right password: otherwise guessing could go on and simply ignore the lock.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from gaoku.accounts.models import SignInFailure

LOCKED_OUT = "登录失败次数过多，请 {minutes} 分钟后再试。"


def signin_locked(*, username: str, address: str | None) -> bool:
    """Whether sign-ins for ``username`` or from ``address`` are locked now."""
    since = timezone.now() - timedelta(minutes=settings.GAOKU_SIGNIN_LOCK_MINUTES)
    recent = SignInFailure.objects.filter(at__gte=since)
    if recent.filter(username=username.lower()).count() >= settings.GAOKU_SIGNIN_MAX_FAILURES:
        return True
    return bool(
        address
        and recent.filter(address=address).count() >= settings.GAOKU_SIGNIN_MAX_SOURCE_FAILURES
    )


def signin_failure_record(*, username: str, address: str | None) -> None:
    SignInFailure.objects.create(username=username.lower()[:150], address=address)
    # Keep the table small: nothing older than a day matters.
    SignInFailure.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()


def signin_failures_clear(*, username: str) -> None:
    SignInFailure.objects.filter(username=username.lower()).delete()


def client_address(request: HttpRequest | None) -> str | None:
    """The client's address as the server saw it (set GAOKU_TRUSTED_PROXY behind a
    reverse proxy, so that X-Forwarded-For's last hop is believed)."""
    if request is None:
        return None
    if (
        settings.GAOKU_TRUSTED_PROXY
        and request.META.get("REMOTE_ADDR") == settings.GAOKU_TRUSTED_PROXY
    ):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or None


class LockoutBackend(ModelBackend):
    """Django's password check behind the lockout."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        address = client_address(request)
        if signin_locked(username=username, address=address):
            # Stops authenticate() at once: no other backend is tried.
            raise PermissionDenied(LOCKED_OUT.format(minutes=settings.GAOKU_SIGNIN_LOCK_MINUTES))
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            signin_failure_record(username=username, address=address)
        else:
            signin_failures_clear(username=username)
        return user
