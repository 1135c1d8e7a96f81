"""Member services: accounts, subscriptions, grants, suspensions, announcements.

Every write that changes what a member may read goes through here, in one transaction,
with the member's row locked so that two renewals at once still stack.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from gaoku.core.entitlement import Term, term_last_day, term_start, terms_shifted
from gaoku.core.localize import Localisation
from gaoku.errors import InvalidInput
from gaoku.live.services import announcements_announce, member_notice
from gaoku.members.models import (
    DEFAULT_WINDOW_MONTHS,
    Announcement,
    Favourite,
    MemberProfile,
    Plan,
    Subscription,
    Suspension,
)
from gaoku.members.selectors import subscription_term, subscriptions_in_force, suspension_open
from gaoku.ops.audit import audit_record
from gaoku.site.memo import request_memo

FREE_PLAN_NOT_SUBSCRIBABLE = "“{plan}”是免费方案，无需订阅。"
NO_DURATION = "订阅需要一个付费方案或赠送天数。"
GRANT_NEEDS_REASON = "赠送、活动和奖励必须写明原因。"
GRANT_DAYS_RANGE = "赠送天数必须在 1 到 3650 之间。"
MEMBER_EXISTS = "用户 {username} 已存在。"
USERNAME_INVALID = "用户名只能包含字母、数字和 @ . + - _，且不超过 150 个字符。"
ALREADY_SUSPENDED = "{username} 已处于暂停状态。"
NOT_SUSPENDED = "{username} 没有被暂停。"
BAD_LIMIT = "限制天数须在 1 到 {days} 之间，每天的份数不能为负。"
UNSUSPENDED = "您的账号已恢复正常使用，可以继续阅读和下载会员资料。"
WARNING = (
    "管理员提醒：您的账号近期的使用方式像是多人共用或批量下载（{reason}）。"
    "会员账号仅限本人使用，请勿共享账号或转售资料，否则账号将被暂停。"
)
LIMITED = (
    "您的账号已被限制：每天最多下载 {downloads} 份、阅读全文 {views} 篇，"
    "至 {until} 止。原因：{reason}。如有疑问请联系管理员。"
)

START_RANGE = "开始日期必须在 2000 年到 2199 年之间。"

MAX_GRANT_DAYS = 3650
MAX_LIMIT_DAYS = 365
FIRST_YEAR, LAST_YEAR = 2000, 2199
# Display codes avoid 0/O and 1/I/L so that a code read off a photo is unambiguous.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class MemberAdded:
    user: AbstractUser
    subscription: Subscription | None
    # Set only when the service made the password up; shown once, never stored in clear.
    password: str | None


@transaction.atomic
def subscription_add(
    *,
    user: AbstractUser,
    plan: Plan | None,
    start: date | None = None,
    days: int | None = None,
    kind: str = Subscription.Kind.PURCHASE,
    reason: str = "",
    by: AbstractUser | None = None,
) -> Subscription:
    """Add a term: ``days`` long when given, else the plan's duration.

    It starts on ``start`` (default: today in Asia/Shanghai) or, when that day is covered,
    the day after that run of terms ends; terms scheduled later move back to follow it
    (see ``gaoku.core.entitlement.terms_shifted``). Its window is the plan's; a grant
    without a plan takes the window of the member's latest term, or the default one.

    Raises:
        InvalidInput: see ``subscription_validate``.
    """
    subscription_validate(plan=plan, days=days, kind=kind, reason=reason, start=start)
    _member_lock(user)
    existing = list(subscriptions_in_force(user))
    terms = [subscription_term(s) for s in existing]
    first_day = term_start(terms, start or timezone.localdate())
    if days is not None:
        last_day = term_last_day(first_day, days=days)
    else:
        last_day = term_last_day(first_day, months=plan.duration_months)
    if plan is not None:
        window = plan.window_months
    else:
        window = existing[-1].window_months if existing else DEFAULT_WINDOW_MONTHS
    new = Term(start=first_day, last_day=last_day, window_months=window)
    for index, moved in terms_shifted(terms, new).items():
        row = existing[index]
        row.start, row.last_day = moved.start, moved.last_day
        row.save(update_fields=["start", "last_day"])
    profile_ensure(user)
    subscription = Subscription.objects.create(
        user=user,
        plan=plan,
        kind=kind,
        start=first_day,
        last_day=last_day,
        window_months=window,
        reason=reason.strip(),
        granted_by=by,
    )
    audit_record(
        "subscription.add",
        actor=by,
        object=f"member:{user.get_username()}",
        detail={
            "subscription": subscription.pk,
            "plan": plan.slug if plan else None,
            "kind": kind,
            "start": first_day.isoformat(),
            "last_day": last_day.isoformat(),
            "reason": subscription.reason,
        },
    )
    return subscription


@transaction.atomic
def subscription_cancel(*, subscription: Subscription, by: AbstractUser | None = None) -> None:
    """Take back a term entered by mistake; the row stays, marked cancelled."""
    if subscription.cancelled_at is None:
        subscription.cancelled_at = timezone.now()
        subscription.cancelled_by = by
        subscription.save(update_fields=["cancelled_at", "cancelled_by"])
        audit_record(
            "subscription.cancel",
            actor=by,
            object=f"member:{subscription.user.get_username()}",
            detail={"subscription": subscription.pk},
        )


def subscription_validate(
    *, plan: Plan | None, days: int | None, kind: str, reason: str, start: date | None = None
) -> None:
    """The checks ``subscription_add`` makes, for forms to show before saving.

    Raises:
        InvalidInput: a free plan without days, no duration at all, a grant without a
            reason, days outside 1..3650, or a first day outside 2000..2199.
    """
    if start is not None and not FIRST_YEAR <= start.year <= LAST_YEAR:
        raise InvalidInput(START_RANGE)
    if days is not None and not 1 <= days <= MAX_GRANT_DAYS:
        raise InvalidInput(GRANT_DAYS_RANGE)
    if days is None:
        if plan is None:
            raise InvalidInput(NO_DURATION)
        if plan.is_free:
            raise InvalidInput(FREE_PLAN_NOT_SUBSCRIBABLE.format(plan=plan.name))
    if kind not in Subscription.Kind.values:
        raise InvalidInput(f"kind must be one of {Subscription.Kind.values}")
    if kind != Subscription.Kind.PURCHASE and not reason.strip():
        raise InvalidInput(GRANT_NEEDS_REASON)


@transaction.atomic
def member_add(
    *,
    username: str,
    plan: Plan | None = None,
    start: date | None = None,
    password: str | None = None,
    email: str = "",
    by: AbstractUser | None = None,
) -> MemberAdded:
    """Create a member account, subscribed to ``plan`` unless it is free or None.

    Without a password one is made up and returned once.

    Raises:
        InvalidInput: the username is taken or not a valid username.
    """
    model = get_user_model()
    try:
        model.username_validator(username)
    except ValidationError as exc:
        raise InvalidInput(USERNAME_INVALID) from exc
    if model.objects.filter(username=username).exists():
        raise InvalidInput(MEMBER_EXISTS.format(username=username))
    made_up = None if password else secrets.token_urlsafe(12)
    try:
        with transaction.atomic():
            user = model.objects.create_user(
                username=username, email=email, password=password or made_up
            )
    except IntegrityError as exc:  # the same name added at the same moment
        raise InvalidInput(MEMBER_EXISTS.format(username=username)) from exc
    profile_ensure(user)
    audit_record("member.add", actor=by, object=f"member:{username}")
    subscription = None
    if plan is not None and not plan.is_free:
        subscription = subscription_add(user=user, plan=plan, start=start, by=by)
    return MemberAdded(user=user, subscription=subscription, password=made_up)


def member_grant(
    *,
    user: AbstractUser,
    days: int,
    reason: str,
    plan: Plan | None = None,
    kind: str = Subscription.Kind.GIFT,
    by: AbstractUser | None = None,
) -> Subscription:
    """Grant ``days`` of access (gift, promotion or reward), stacked like a renewal.

    A grant made during a suspension is kept and takes effect when the suspension is
    lifted (if its days have not run out by then).
    """
    return subscription_add(user=user, plan=plan, days=days, kind=kind, reason=reason, by=by)


@transaction.atomic
def member_suspend(
    *, user: AbstractUser, reason: str = "", by: AbstractUser | None = None
) -> Suspension:
    """Close the member's access now. Subscriptions keep running and nothing is deleted.

    Raises:
        InvalidInput: the member is already suspended.
    """
    _member_lock(user)
    if suspension_open(user) is not None:
        raise InvalidInput(ALREADY_SUSPENDED.format(username=user.get_username()))
    suspension = Suspension.objects.create(user=user, reason=reason.strip(), suspended_by=by)
    audit_record(
        "member.suspend",
        actor=by,
        object=f"member:{user.get_username()}",
        detail={"reason": suspension.reason},
    )
    return suspension


@transaction.atomic
def member_unsuspend(*, user: AbstractUser, by: AbstractUser | None = None) -> Suspension:
    """Lift the member's suspension, and tell them in their own live channel.

    Raises:
        InvalidInput: the member is not suspended.
    """
    _member_lock(user)
    suspension = suspension_open(user)
    if suspension is None:
        raise InvalidInput(NOT_SUSPENDED.format(username=user.get_username()))
    suspension.lifted_at = timezone.now()
    suspension.lifted_by = by
    suspension.save(update_fields=["lifted_at", "lifted_by"])
    audit_record("member.unsuspend", actor=by, object=f"member:{user.get_username()}")
    member_notice(user=user, key=f"unsuspended:{suspension.pk}", title=UNSUSPENDED)
    return suspension


def member_warn(*, user: AbstractUser, reason: str, by: AbstractUser | None = None) -> None:
    """Warn a member, short of limiting or suspending them: the warning reaches them in
    their own live channel, and is in the audit log."""
    reason = reason.strip() or "使用异常"
    member_notice(
        user=user,
        key=f"warning:{user.pk}:{timezone.now().isoformat()}",
        title=WARNING.format(reason=reason),
    )
    audit_record(
        "member.warn", actor=by, object=f"member:{user.get_username()}", detail={"reason": reason}
    )


@transaction.atomic
def member_limit(
    *,
    user: AbstractUser,
    days: int,
    downloads_per_day: int,
    views_per_day: int,
    reason: str = "",
    by: AbstractUser | None = None,
) -> MemberProfile:
    """Hold a member to ``downloads_per_day`` downloads and ``views_per_day`` full-text
    readings a day (an hour's quota no higher) for ``days`` days, below their plan's
    quotas (gaoku.ops.ratelimit), and tell them so. A new limit replaces the last.

    Raises:
        InvalidInput: a number out of range.
    """
    if not (1 <= days <= MAX_LIMIT_DAYS) or downloads_per_day < 0 or views_per_day < 0:
        raise InvalidInput(BAD_LIMIT.format(days=MAX_LIMIT_DAYS))
    profile = profile_ensure(user)
    profile.limited_until = timezone.now() + timedelta(days=days)
    profile.limited_downloads_per_day = downloads_per_day
    profile.limited_views_per_day = views_per_day
    profile.limited_reason = reason.strip()[:200]
    profile.save(
        update_fields=[
            "limited_until",
            "limited_downloads_per_day",
            "limited_views_per_day",
            "limited_reason",
        ]
    )
    until = timezone.localtime(profile.limited_until).strftime("%Y-%m-%d %H:%M")
    member_notice(
        user=user,
        key=f"limit:{user.pk}:{timezone.now().isoformat()}",
        title=LIMITED.format(
            downloads=downloads_per_day,
            views=views_per_day,
            until=until,
            reason=profile.limited_reason or "使用异常",
        ),
    )
    audit_record(
        "member.limit",
        actor=by,
        object=f"member:{user.get_username()}",
        detail={
            "days": days,
            "downloads_per_day": downloads_per_day,
            "views_per_day": views_per_day,
            "reason": profile.limited_reason,
        },
    )
    return profile


def _member_lock(user: AbstractUser) -> None:
    """Serialise writes to one member's access within the caller's transaction (row lock
    on PostgreSQL; SQLite serialises all writers anyway)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def profile_ensure(user: AbstractUser) -> MemberProfile:
    """The member's profile, created with a fresh random display code if missing (read
    once per request: a reader page's notice and its localisation form both ask)."""
    return request_memo(("profile", user.pk), lambda: _profile_ensure(user))


def _profile_ensure(user: AbstractUser) -> MemberProfile:
    existing = MemberProfile.objects.filter(user=user).first()
    if existing:
        return existing
    for _attempt in range(10):
        code = "GK" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
        try:
            with transaction.atomic():
                return MemberProfile.objects.create(user=user, display_code=code)
        except IntegrityError:
            # A code collision (or a concurrent create for this user): look again.
            existing = MemberProfile.objects.filter(user=user).first()
            if existing:
                return existing
    raise RuntimeError("could not find a free display code")


def announcement_post(
    *,
    tier: str,
    title: str,
    body: str,
    author: AbstractUser | None = None,
    published_at: datetime | None = None,
) -> Announcement:
    """Post to one tier's announcements page (now, or at ``published_at``); it reaches no
    other tier."""
    if tier not in Announcement.Tier.values:
        raise InvalidInput(f"tier must be one of {Announcement.Tier.values}")
    announcement = Announcement.objects.create(
        tier=tier,
        title=title,
        body=body,
        author=author,
        published_at=published_at or timezone.now(),
    )
    announcements_announce()  # its live event: now, or from the worker when its time comes
    return announcement


def localise_answers_remember(user: AbstractUser, localisation: Localisation) -> None:
    """Keep the member's answers for the next template's form (gaoku.core.localize)."""
    profile = profile_ensure(user)
    answers = {**profile.localise_answers, **localisation.fills}
    if localisation.year:
        answers["year"] = localisation.year
    profile.localise_answers = answers
    profile.save(update_fields=["localise_answers"])


def favourite_toggle(*, user: AbstractUser, material_id: int) -> bool:
    """Keep a material in the user's favourites, or drop it; whether it is kept now."""
    deleted, _ = Favourite.objects.filter(user=user, material_id=material_id).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Favourite.objects.create(user=user, material_id=material_id)
    except IntegrityError:
        pass  # kept by a second click at the same moment
    return True
