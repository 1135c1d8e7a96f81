"""Publishing events, following, reading: the writes of live sharing.

Events are written in the transaction that publishes what they announce (an import, a new
version), so that an event exists exactly when its material does. Every process reads
them from the database, so an event written by the server, a worker or `gaoku import`
reaches the streams of every server process (gaoku.live.views polls; see there).
"""

from __future__ import annotations

import datetime
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from gaoku.errors import InvalidInput
from gaoku.library.models import DocType, MaterialVersion
from gaoku.live.models import Event, Follow, Inbox
from gaoku.live.selectors import latest_event_id
from gaoku.live.webhooks import deliveries_queue
from gaoku.members.models import Announcement, Subscription
from gaoku.members.selectors import RENEWAL_DAYS, renewal_notice

FOLLOW_UNKNOWN = "无法关注：{value}"
RENEWAL_ENDS = "您的会员将于 {day} 到期。"
RENEWAL_ENDED = "您的会员已于 {day} 到期。"


def material_event_publish(version: MaterialVersion) -> Event:
    """The event of a new material (its first version) or of a new version."""
    material = version.material
    event = Event.objects.create(
        kind=Event.Kind.MATERIAL if version.number == 1 else Event.Kind.VERSION,
        material=material,
        version=version.number,
        title=material.title,
        doc_type=material.doc_type,
        level=material.level,
        topics=sorted(t.name for t in material.topics.all()),
        url=reverse("library:reader", args=[material.pk]),
    )
    deliveries_queue(event)
    return event


def announcements_announce() -> int:
    """Write the event of every announcement whose time has come and has none yet (one
    posted for later is announced by the worker when its time comes)."""
    due = Announcement.objects.filter(published_at__lte=timezone.now()).exclude(
        pk__in=Event.objects.filter(announcement__isnull=False).values("announcement_id")
    )
    made = 0
    for item in due:
        try:
            with transaction.atomic():
                event = Event.objects.create(
                    kind=Event.Kind.ANNOUNCEMENT,
                    announcement=item,
                    tier=item.tier,
                    title=item.title[:200],
                    url=reverse("members:announcement", args=[item.pk]),
                )
                deliveries_queue(event)
            made += 1
        except IntegrityError:  # another process announced it first
            continue
    return made


def renewal_reminders_send(*, today: datetime.date | None = None) -> int:
    """Tell each member in their live channel (the bell, the feed, the stream) that their
    membership ends within a week, and again once it has ended, each once; the same words
    as the reminder at the top of every page, with the operator's renewal line."""
    today = today or timezone.localdate()
    users = get_user_model().objects.filter(
        pk__in=Subscription.objects.filter(
            cancelled_at__isnull=True,
            last_day__range=(
                today - timedelta(days=RENEWAL_DAYS),
                today + timedelta(days=RENEWAL_DAYS),
            ),
        ).values("user_id")
    )
    sent = 0
    for user in users:
        notice = renewal_notice(user, today=today)
        if notice is None:
            continue
        ends = notice["ends"].isoformat()
        key = f"renewal:{user.pk}:{ends}:{'ended' if notice['ended'] else 'soon'}"
        # Looked up first: the worker asks every half minute, and a refused insert would
        # take the write lock each time.
        if Event.objects.filter(key=key).exists():
            continue
        title = (RENEWAL_ENDED if notice["ended"] else RENEWAL_ENDS).format(day=ends)
        sent += member_notice(user=user, key=key, title=title + settings.GAOKU_RENEWAL_NOTE)
    return sent


def member_notice(*, user: AbstractBaseUser, key: str, title: str, url: str = "") -> bool:
    """Tell one member something in their own live channel (the bell, the notifications
    page, their feed and event stream; never a group robot), linking to ``url`` (their
    account page by default); ``key`` makes it once: False where a notice of that key was
    made before."""
    try:
        with transaction.atomic():
            Event.objects.create(
                kind=Event.Kind.ANNOUNCEMENT,
                user=user,
                key=key,
                title=title[:200],
                url=url or reverse("members:account"),
            )
    except IntegrityError:  # another process told them first
        return False
    return True


def follow_add(*, user: AbstractBaseUser, kind: str, value: str) -> Follow:
    """Follow a topic, a type or a level (values as the catalogue shows them)."""
    value = value.strip()
    if kind not in Follow.Kind.values or not value or len(value) > 100:
        raise InvalidInput(FOLLOW_UNKNOWN.format(value=value or kind))
    if kind == Follow.Kind.TYPE and value not in DocType.values:
        raise InvalidInput(FOLLOW_UNKNOWN.format(value=value))
    follow, _ = Follow.objects.get_or_create(user=user, kind=kind, value=value)
    return follow


def follow_remove(*, user: AbstractBaseUser, kind: str, value: str) -> None:
    Follow.objects.filter(user=user, kind=kind, value=value.strip()).delete()


def inbox_ensure(user: AbstractBaseUser) -> Inbox:
    """The user's inbox; a new one starts with everything so far read."""
    inbox, _ = Inbox.objects.get_or_create(user=user, defaults={"read_up_to": latest_event_id()})
    return inbox


def inbox_read(*, user: AbstractBaseUser, up_to: int) -> None:
    """Mark every event up to ``up_to`` as read (the bell goes quiet)."""
    inbox = inbox_ensure(user)
    if up_to > inbox.read_up_to:
        Inbox.objects.filter(pk=inbox.pk, read_up_to__lt=up_to).update(read_up_to=up_to)


def feed_token_reset(*, user: AbstractBaseUser) -> str:
    """A new secret for the member's Atom feed; the old address stops working."""
    inbox = inbox_ensure(user)
    inbox.feed_token = secrets.token_urlsafe()
    inbox.save(update_fields=["feed_token"])
    return inbox.feed_token
