"""Who may read what. Every path that returns a material's text asks ``reader_text``
(through ``gaoku.copies.services.reading_text``, which shows a full text only as the
reader's own fingerprinted copy); every path that lists announcements asks
``announcement_list``.

Editors and admins (anyone allowed to view material versions) read everything, since
they curate it. Everyone else reads in full only what ``gaoku.core.entitlement`` opens
for them today, and otherwise gets the preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from gaoku.core.entitlement import Access, Term, access_on
from gaoku.errors import NotFound
from gaoku.library.models import Material, MaterialVersion
from gaoku.members.models import Announcement, Favourite, Plan, Subscription, Suspension
from gaoku.site.memo import request_memo

MEMBER_NOT_FOUND = "用户 {username} 不存在。"
PLAN_NOT_FOUND = "没有方案“{plan}”。可用：{plans}。"
ANNOUNCEMENT_NOT_FOUND = "公告不存在。"
# Reading every text is the editors' permission (they curate) and the admins'.
READ_ALL_PERMISSION = "library.view_materialversion"
# The longest outline item the free tier sees; headings are far shorter.
OUTLINE_ITEM_CHARS = 40

User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Entitlement:
    """What one user may read at one moment."""

    signed_in: bool
    everything: bool
    access: Access
    plan: Plan | None = None
    current: Subscription | None = None

    @property
    def active(self) -> bool:
        return self.everything or self.access.active

    def covers(self, material: Material) -> bool:
        """Whether this user may read ``material`` in full."""
        return self.everything or self.access.covers(publication_day(material))


@dataclass(frozen=True)
class ReaderText:
    text: str
    full: bool
    outline: dict


def entitlement_get(user: User, *, at: datetime | None = None) -> Entitlement:
    """The user's entitlement at ``at`` (default now), judged on the Asia/Shanghai day."""
    if not user.is_authenticated or not user.is_active:
        day = timezone.localdate(at)
        return Entitlement(signed_in=False, everything=False, access=Access(day=day, active=False))
    if at is None:
        return request_memo(("entitlement", user.pk), lambda: _entitlement(user, None))
    return _entitlement(user, at)


def _entitlement(user: User, at: datetime | None) -> Entitlement:
    day = timezone.localdate(at)
    subscriptions = list(subscriptions_in_force(user).select_related("plan"))
    access = access_on(
        [subscription_term(s) for s in subscriptions],
        day,
        suspended=_suspended(user, at or timezone.now()),
    )
    current = next((s for s in subscriptions if s.start <= day <= s.last_day), None)
    return Entitlement(
        signed_in=True,
        everything=user.has_perm(READ_ALL_PERMISSION),
        access=access,
        plan=current.plan if current else None,
        current=current,
    )


def subscriptions_in_force(user: AbstractBaseUser) -> QuerySet[Subscription]:
    """The member's terms that count (all but cancelled ones), earliest first."""
    return Subscription.objects.filter(user=user, cancelled_at__isnull=True).order_by("start")


def subscription_term(subscription: Subscription) -> Term:
    return Term(
        start=subscription.start,
        last_day=subscription.last_day,
        window_months=subscription.window_months,
    )


def _suspended(user: AbstractBaseUser, at: datetime) -> bool:
    return Suspension.objects.filter(
        Q(lifted_at__isnull=True) | Q(lifted_at__gt=at), user=user, started_at__lte=at
    ).exists()


def suspension_open(user: AbstractBaseUser) -> Suspension | None:
    """The member's suspension in force, if any."""
    return Suspension.objects.filter(user=user, lifted_at__isnull=True).first()


def publication_day(material: Material) -> date:
    """The day the window is compared with: the publication date, or for an undated
    material the day it was added."""
    return material.published or timezone.localdate(material.created_at)


def reader_text(entitlement: Entitlement, version: MaterialVersion) -> ReaderText:
    """What of ``version`` this user may see: the whole text and outline, or the preview
    and an outline whose items are clipped to their leads."""
    if entitlement.covers(version.material):
        return ReaderText(text=version.text, full=True, outline=version.outline)
    return reader_preview(version)


def reader_preview(version: MaterialVersion) -> ReaderText:
    """The free tier's view of ``version``: the preview, and the outline clipped."""
    return ReaderText(
        text=preview_of(version.text), full=False, outline=outline_preview(version.outline)
    )


def outline_preview(outline: dict) -> dict:
    """The outline with every item cut to OUTLINE_ITEM_CHARS: a heading normally ends at
    its first full stop, but one written with no stop (a sub-heading ending in ；) would
    otherwise be a whole body paragraph handed to the free tier."""
    return {
        "title": outline.get("title", ""),
        "salutation": _clip(outline.get("salutation", "")),
        "parts": [
            {"heading": _clip(p["heading"]), "points": [_clip(x) for x in p["points"]]}
            for p in outline.get("parts", [])
        ],
        "closing": _clip(outline.get("closing", "")),
    }


def _clip(item: str) -> str:
    return item if len(item) <= OUTLINE_ITEM_CHARS else item[:OUTLINE_ITEM_CHARS] + "…"


def preview_of(text: str) -> str:
    """The free preview: the first GAOKU_PREVIEW_CHARS characters, ending at a paragraph
    end if one is near, and never more than half of a short text."""
    limit = min(settings.GAOKU_PREVIEW_CHARS, len(text) // 2)
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def announcement_tiers(entitlement: Entitlement) -> list[str]:
    """The tiers whose announcements this user reads: the free group's for everyone, the
    members' group's only for active members, editors and admins."""
    tiers = [Announcement.Tier.FREE]
    if entitlement.active:
        tiers.append(Announcement.Tier.MEMBERS)
    return tiers


def announcement_list(entitlement: Entitlement, *, tier: str | None = None) -> QuerySet:
    """Announcements this user may read, optionally of one tier."""
    qs = Announcement.objects.filter(
        tier__in=announcement_tiers(entitlement), published_at__lte=timezone.now()
    )
    return qs.filter(tier=tier) if tier else qs


def announcement_get(entitlement: Entitlement, announcement_id: int) -> Announcement:
    """One announcement the user may read.

    Raises:
        NotFound: no such announcement, or not for this user's tier (the same answer, so
            that ids reveal nothing).
    """
    found = announcement_list(entitlement).filter(pk=announcement_id).first()
    if found is None:
        raise NotFound(ANNOUNCEMENT_NOT_FOUND)
    return found


def member_get(username: str) -> AbstractBaseUser:
    """Raises NotFound when there is no such user."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(MEMBER_NOT_FOUND.format(username=username))
    return user


def plan_list(*, public_only: bool = True) -> QuerySet[Plan]:
    qs = Plan.objects.all()
    return qs.filter(public=True) if public_only else qs


def plan_get(code: str) -> Plan:
    """A plan by its code or its name (free / 免费, annual / 年度会员 …).

    Raises:
        NotFound: no such plan; the message lists the plans there are.
    """
    plan = Plan.objects.filter(Q(slug=code) | Q(name=code)).first()
    if plan is None:
        names = "、".join(f"{p.slug}（{p.name}）" for p in Plan.objects.all())
        raise NotFound(PLAN_NOT_FOUND.format(plan=code, plans=names))
    return plan


def subscription_history(user: AbstractBaseUser) -> QuerySet[Subscription]:
    return Subscription.objects.filter(user=user).select_related("plan", "granted_by")


def is_favourite(user, material) -> bool:
    return user.is_authenticated and Favourite.objects.filter(user=user, material=material).exists()


def favourites_of(user) -> list:
    """The user's favourite materials that still have a version, latest kept first."""
    if not user.is_authenticated:
        return []
    rows = Favourite.objects.filter(user=user, material__current__isnull=False)
    return [f.material for f in rows.select_related("material__current")]


def newer_than_taken(user, material) -> int | None:
    """The latest version a member downloaded of ``material`` when a newer one exists now
    (reading on the page is not taking a copy away)."""
    if not user.is_authenticated or material.current is None:
        return None
    from gaoku.copies.models import Channel, Copy  # copies' selectors import this module

    taken = (
        Copy.objects.filter(member=user, version__material=material)
        .exclude(channel=Channel.VIEW)
        .order_by("-version__number")
        .values_list("version__number", flat=True)
        .first()
    )
    return taken if taken is not None and taken < material.current.number else None


# From how many days before its end a membership's renewal is offered, and for how many
# days after it ended the reminder stays.
RENEWAL_DAYS = 7


def renewal_notice(user, *, today: date | None = None) -> dict | None:
    """What to tell a member about renewing: their membership ends within a week, or
    ended within the last week; None otherwise (editors, suspended members, visitors)."""
    if not user.is_authenticated:
        return None
    at = None if today is None else timezone.make_aware(datetime.combine(today, time(12)))
    today = today or timezone.localdate()
    entitlement = entitlement_get(user, at=at)
    access = entitlement.access
    if entitlement.everything or access.suspended:
        return None
    if access.active and access.run_last_day is not None:
        left = (access.run_last_day - today).days
        return (
            {"ends": access.run_last_day, "days": left, "ended": False}
            if left < RENEWAL_DAYS
            else None
        )
    ended = (
        subscriptions_in_force(user)
        .filter(last_day__lt=today)
        .order_by("-last_day")
        .values_list("last_day", flat=True)
        .first()
    )
    if ended is not None and (today - ended).days <= RENEWAL_DAYS:
        return {"ends": ended, "days": 0, "ended": True}
    return None
