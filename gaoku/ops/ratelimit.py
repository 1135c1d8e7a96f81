"""Per-account limits on the actions that cost the server most: uploads (imports, traces,
originality checks of files) and originality checks. Counted in the database, so that
every server process and worker sees the same count.

Limits per hour, from settings: GAOKU_RATE_UPLOADS_PER_HOUR (default 300 files),
GAOKU_RATE_CHECKS_PER_HOUR (default 120). Admins are not limited.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from gaoku.errors import GaokuError
from gaoku.ops.models import RateEvent

logger = logging.getLogger(__name__)
WINDOW = timedelta(hours=1)
LIMITS = {"upload": "GAOKU_RATE_UPLOADS_PER_HOUR", "check": "GAOKU_RATE_CHECKS_PER_HOUR"}
TOO_MANY = "操作太频繁：每小时最多 {limit} 次{what}，请在 {at} 之后再试。"
AT_ONCE = "一次最多 {limit} 次{what}。"
WHAT = {"upload": "上传文件", "check": "查重"}


class RateLimited(GaokuError):
    code = "rate_limited"
    status = 429


def rate_used(user: AbstractBaseUser, action: str) -> int:
    """How many times ``user`` did ``action`` in the last hour (actions counted but not
    limited here: wrong redeem codes)."""
    since = timezone.now() - WINDOW
    return RateEvent.objects.filter(user=user, action=action, at__gte=since).count()


def rate_spend(user: AbstractBaseUser, action: str, count: int = 1) -> None:
    """Count ``count`` uses of ``action``, or refuse them all when they would pass the
    limit (RateLimited names the time the oldest use leaves the window)."""
    if count <= 0:
        return
    if action not in LIMITS:  # counted only (rate_used)
        RateEvent.objects.create(user=user, action=action)
        return
    if user.is_superuser:
        return
    limit = getattr(settings, LIMITS[action])
    now = timezone.now()
    with transaction.atomic():
        RateEvent.objects.filter(at__lt=now - WINDOW).delete()
        recent = list(
            RateEvent.objects.filter(user=user, action=action, at__gte=now - WINDOW)
            .order_by("at")
            .values_list("at", flat=True)
        )
        leave = len(recent) + count - limit  # uses that must leave the window first
        if leave > 0:
            logger.warning("rate limit: %s refused %d %s", user.get_username(), count, action)
        if leave > len(recent):
            raise RateLimited(AT_ONCE.format(limit=limit, what=WHAT[action]))
        if leave > 0:
            at = timezone.localtime(recent[leave - 1] + WINDOW).strftime("%H:%M")
            raise RateLimited(TOO_MANY.format(limit=limit, what=WHAT[action], at=at))
        RateEvent.objects.bulk_create([RateEvent(user=user, action=action, at=now)] * count)
