"""Devices signed in to one account, at most as many as its plan allows.

A login shared among a reseller's customers signs in from many devices. Each sign-in is
recorded; when an account has more devices signed in than its plan's ``devices`` (2 by
default; editors and admins are not limited), the newest sign-in wins and the oldest are
signed out: their sessions are deleted, and the next page they open says why.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from gaoku.accounts.lockout import client_address
from gaoku.accounts.models import SignIn

DEFAULT_DEVICES = 2
REPLACED = (
    "您的账号已在其他设备登录，超过了会员方案允许同时登录的设备数，本设备已退出。"
    "如果不是您本人登录，请尽快修改密码。"
)


def sign_in_record(*, user: AbstractBaseUser, request: HttpRequest) -> list[SignIn]:
    """Record this device's sign-in; sign out the oldest beyond the allowance. Returns the
    sign-ins it ended."""
    SignIn.objects.create(
        user=user,
        session_key=request.session.session_key or "",
        address=client_address(request),
        user_agent=request.headers.get("User-Agent", "")[:200],
    )
    allowed = devices_allowed(user)
    if allowed is None:
        return []
    live = SignIn.objects.filter(user=user, ended_at__isnull=True).order_by("-at", "-pk")
    replaced = list(live[allowed:])
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for sign_in in replaced:
        store(session_key=sign_in.session_key).delete()
        sign_in.ended_at, sign_in.ended = timezone.now(), SignIn.Ended.REPLACED
        sign_in.save(update_fields=["ended_at", "ended"])
    return replaced


def sign_out_record(*, request: HttpRequest) -> None:
    SignIn.objects.filter(
        session_key=request.session.session_key or "", ended_at__isnull=True
    ).update(ended_at=timezone.now(), ended=SignIn.Ended.SIGNED_OUT)


def devices_allowed(user: AbstractBaseUser) -> int | None:
    """How many devices may be signed in at once: the current plan's, the default for a
    member without one, no limit for editors and admins."""
    from gaoku.members.selectors import entitlement_get

    entitlement = entitlement_get(user)
    if entitlement.everything:
        return None
    return entitlement.plan.devices if entitlement.plan else DEFAULT_DEVICES


class ReplacedDeviceMiddleware:
    """Tells a device signed out by a newer sign-in why, once, on its next page."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if key and not request.user.is_authenticated:
            told = SignIn.objects.filter(
                session_key=key, ended=SignIn.Ended.REPLACED, told=False
            ).update(told=True)
            if told:
                messages.warning(request, REPLACED)
        return self.get_response(request)
