"""Sign-in lockout: too many failures for one account, or from one address, within
GAOKU_SIGNIN_LOCK_MINUTES lock further attempts until the oldest failure ages out.

Enforced in the authentication backend, so the sign-in page, the admin's sign-in page
and anything else that calls ``authenticate`` share it. A locked account also refuses
the right password: otherwise guessing could go on and simply ignore the lock.

Each attempt is written down as a failure before the password is checked, and struck
off if it succeeds: attempts sent in parallel all see each other, so no more than the
limit get through (a check-then-record order would let a burst slip past the count).
IPv6 clients count by their /64 network, the block one subscriber usually holds.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from gaoku.accounts.models import SignInFailure

LOCKED_OUT = "登录失败次数过多，请 {minutes} 分钟后再试。"


def signin_locked(*, username: str, address: str | None, slack: int = 0) -> bool:
    """Whether sign-ins for ``username`` or from ``address`` are locked now: the limit
    of recent failures is reached (``slack`` of them being the attempt in progress)."""
    since = timezone.now() - timedelta(minutes=settings.GAOKU_SIGNIN_LOCK_MINUTES)
    recent = SignInFailure.objects.filter(at__gte=since)
    per_account = recent.filter(username=_name(username)).count() - slack
    if per_account >= settings.GAOKU_SIGNIN_MAX_FAILURES:
        return True
    source = _source(address)
    if source is None:
        return False
    return (
        recent.filter(address=source).count() - slack >= settings.GAOKU_SIGNIN_MAX_SOURCE_FAILURES
    )


def signin_failure_record(*, username: str, address: str | None) -> SignInFailure:
    failure = SignInFailure.objects.create(username=_name(username), address=_source(address))
    # Keep the table small: nothing older than a day matters.
    SignInFailure.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()
    return failure


def signin_failures_clear(*, username: str) -> None:
    SignInFailure.objects.filter(username=_name(username)).delete()


def _name(username: str) -> str:
    return username.strip().lower()[:150]


def _source(address: str | None) -> str | None:
    """The address as counted: itself for IPv4, its /64 network for IPv6."""
    if not address:
        return None
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


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
        if _is_address(forwarded):
            return forwarded
    return request.META.get("REMOTE_ADDR") or None


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


class LockoutBackend(ModelBackend):
    """Django's password check behind the lockout."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        address = client_address(request)
        attempt = signin_failure_record(username=username, address=address)
        if signin_locked(username=username, address=address, slack=1):
            # Stops authenticate() at once: no other backend is tried.
            raise PermissionDenied(LOCKED_OUT.format(minutes=settings.GAOKU_SIGNIN_LOCK_MINUTES))
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            attempt.delete()
            signin_failures_clear(username=username)
        return user

    def get_all_permissions(self, user_obj, obj=None):
        # Every page's menu asks for the user's permissions: one query for the user's own
        # and their groups' together, where Django's backend makes two.
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            pairs = ("content_type__app_label", "codename")
            every = Permission.objects.order_by().values_list(*pairs)
            found = (
                every
                if user_obj.is_superuser
                else every.filter(user=user_obj).union(every.filter(group__user=user_obj))
            )
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in found}
        return user_obj._perm_cache
