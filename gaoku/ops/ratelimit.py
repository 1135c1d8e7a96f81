"""Per-account limits and quotas on what costs the server most or what a reseller would
take in bulk: uploads (imports, traces, checks of files), originality checks, reports,
requests, and members' downloads and full-text readings. Counted in the database, so
that every server process and worker sees the same count.

Limits, from settings (per account): GAOKU_RATE_UPLOADS_PER_HOUR (300 files),
GAOKU_RATE_CHECKS_PER_HOUR (120), GAOKU_RATE_REPORTS_PER_DAY (10), GAOKU_RATE_NEEDS_PER_DAY
(5 requests); a member's quotas, from their plan where it sets them and otherwise from
settings: GAOKU_QUOTA_DOWNLOADS_PER_HOUR (30) and _PER_DAY (100),
GAOKU_QUOTA_VIEWS_PER_HOUR (60) and _PER_DAY (300). Readings are counted from the
readings themselves (quota_check, gaoku.copies.models.Reading), so that a page view
writes one row, not two. A refusal says when the limit resets. Admins are not limited,
nor editors' downloads and readings. A member an admin limited from the signals
dashboard (gaoku.members.services.member_limit) has, until the limit ends, at most its
daily numbers in any window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from gaoku.errors import GaokuError
from gaoku.members.selectors import READ_ALL_PERMISSION, entitlement_get
from gaoku.members.services import profile_ensure
from gaoku.ops.models import RateEvent

logger = logging.getLogger(__name__)
HOUR, DAY = timedelta(hours=1), timedelta(days=1)
# action -> (setting, window, what the window is called, the plan's field or "") for each
# limit on it.
LIMITS = {
    "upload": (("GAOKU_RATE_UPLOADS_PER_HOUR", HOUR, "每小时", ""),),
    "check": (("GAOKU_RATE_CHECKS_PER_HOUR", HOUR, "每小时", ""),),
    "report": (("GAOKU_RATE_REPORTS_PER_DAY", DAY, "每天", ""),),
    "need": (("GAOKU_RATE_NEEDS_PER_DAY", DAY, "每天", ""),),
    "download": (
        ("GAOKU_QUOTA_DOWNLOADS_PER_HOUR", HOUR, "每小时", "downloads_per_hour"),
        ("GAOKU_QUOTA_DOWNLOADS_PER_DAY", DAY, "每天", "downloads_per_day"),
    ),
    "view": (
        ("GAOKU_QUOTA_VIEWS_PER_HOUR", HOUR, "每小时", "views_per_hour"),
        ("GAOKU_QUOTA_VIEWS_PER_DAY", DAY, "每天", "views_per_day"),
    ),
}
KEPT = DAY  # the longest window: older events are dropped
TOO_MANY = "{per}最多 {limit} 次{what}，已经用完，请在 {at} 之后再试。"
AT_ONCE = "一次最多 {limit} 次{what}。"
BY_ADMIN = "（管理员对您的账号设了限制，至 {until} 止。）"
# The member's daily number while an admin's limit holds, per limited action.
LIMITED_FIELDS = {"download": "limited_downloads_per_day", "view": "limited_views_per_day"}
WHAT = {
    "upload": "上传文件",
    "check": "查重",
    "download": "下载",
    "report": "举报",
    "need": "发布需求",
    "view": "阅读全文",
}


class RateLimited(GaokuError):
    code = "rate_limited"
    status = 429


def rate_used(user: AbstractBaseUser, action: str, window: timedelta = HOUR) -> int:
    """How many times ``user`` did ``action`` within ``window`` (also for actions counted
    but not limited here: wrong redeem codes)."""
    since = timezone.now() - window
    return RateEvent.objects.filter(user=user, action=action, at__gte=since).count()


def rate_used_from(address: str | None, action: str, window: timedelta = HOUR) -> int:
    """How many times any account did ``action`` from ``address`` within ``window``."""
    if not address:
        return 0
    since = timezone.now() - window
    return RateEvent.objects.filter(address=address, action=action, at__gte=since).count()


def _exempt(user: AbstractBaseUser, action: str) -> bool:
    # Admins are never limited; editors read and take every text for their work, so the
    # download quota (meant for members' accounts) is not theirs.
    if user.is_superuser:
        return True
    return action in ("download", "view") and user.has_perm(READ_ALL_PERMISSION)


def rate_spend(
    user: AbstractBaseUser, action: str, count: int = 1, *, address: str | None = None
) -> None:
    """Count ``count`` uses of ``action`` (from ``address``, if known), or refuse them all
    when they would pass a limit (RateLimited names the time the oldest use leaves its
    window)."""
    if count <= 0:
        return
    if action not in LIMITS:  # counted only (rate_used, rate_used_from)
        RateEvent.objects.create(user=user, action=action, address=address)
        return
    if _exempt(user, action):
        return
    now = timezone.now()
    with transaction.atomic():
        RateEvent.objects.filter(at__lt=now - KEPT).delete()
        _refuse_past_limits(user, action, count, now, _events_since(user, action))
        RateEvent.objects.bulk_create(
            [RateEvent(user=user, action=action, at=now, address=address)] * count
        )


def quota_check(user: AbstractBaseUser, action: str, uses: Callable[[datetime], QuerySet]) -> None:
    """Refuse one more use of ``action`` past the user's quota, its past uses' times
    listed (in time order) by ``uses(since)`` from a table the action writes anyway
    (readings), so that nothing more is written to count it."""
    if not _exempt(user, action):
        _refuse_past_limits(user, action, 1, timezone.now(), uses)


def _events_since(user: AbstractBaseUser, action: str) -> Callable[[datetime], QuerySet]:
    def since(at: datetime) -> QuerySet:
        events = RateEvent.objects.filter(user=user, action=action, at__gte=at)
        return events.order_by("at").values_list("at", flat=True)

    return since


def _refuse_past_limits(
    user: AbstractBaseUser,
    action: str,
    count: int,
    now: datetime,
    uses: Callable[[datetime], QuerySet],
) -> None:
    plan = entitlement_get(user).plan
    capped = _admin_limit(user, action, now)
    # A window holds no more uses than a wider one: the widest window's count, read
    # first, spares counting any window whose limit it cannot reach (most requests).
    widest = max(window for _setting, window, _per, _field in LIMITS[action])
    widest_used = uses(now - widest).count()
    for setting, window, per, field in LIMITS[action]:
        own = getattr(plan, field, None) if plan and field else None
        limit = getattr(settings, setting) if own is None else own
        note = ""
        if capped is not None and capped[0] < limit:
            limit = capped[0]
            note = BY_ADMIN.format(until=timezone.localtime(capped[1]).strftime("%m-%d %H:%M"))
        # Counted, not read: a busy member's day holds hundreds of uses, and only a
        # refusal needs one of them (the use whose leaving makes room).
        if widest_used + count <= limit:
            continue
        recent = uses(now - window)
        used = widest_used if window == widest else recent.count()
        leave = used + count - limit  # uses that must leave the window first
        if leave <= 0:
            continue
        logger.warning("limit: %s refused %d %s", user.get_username(), count, action)
        if leave > used:
            raise RateLimited(AT_ONCE.format(limit=limit, what=WHAT[action]) + note)
        at = timezone.localtime(recent[leave - 1] + window).strftime("%m-%d %H:%M")
        raise RateLimited(TOO_MANY.format(per=per, limit=limit, what=WHAT[action], at=at) + note)


def _admin_limit(user: AbstractBaseUser, action: str, now: datetime) -> tuple[int, datetime] | None:
    """The daily number an admin's limit allows for ``action``, and when it ends; None
    where no limit holds."""
    field = LIMITED_FIELDS.get(action)
    if field is None:
        return None
    # The profile a page reads anyway (its copy notice), read once per request.
    profile = profile_ensure(user)
    limit, until = getattr(profile, field), profile.limited_until
    return (limit, until) if limit is not None and until is not None and until > now else None
