"""What of the events each user receives: what they may see, then what they follow.

Materials' events carry what the catalogue shows anyone (title, type, topics, link), so
every user may see them; an announcement's event only reaches the tiers that may read
it. A user who follows nothing receives every event they may see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from gaoku.live.models import Delivery, Event, Follow, Inbox
from gaoku.members.selectors import announcement_tiers, entitlement_get
from gaoku.site.memo import request_memo

# Events looked at per query: a stream asks often, a page once.
SCAN = 500


@dataclass(frozen=True)
class Interests:
    """What a user may see and follows, worked out once per stream."""

    tiers: frozenset[str]
    topics: frozenset[str]
    types: frozenset[str]
    levels: frozenset[str]
    user: int | None = None

    @property
    def everything(self) -> bool:
        return not (self.topics or self.types or self.levels)

    def wants(self, event: Event) -> bool:
        if event.user_id is not None:  # a notice to one member
            return event.user_id == self.user
        if event.kind == Event.Kind.ANNOUNCEMENT:
            return event.tier in self.tiers
        return (
            self.everything
            or bool(self.topics.intersection(event.topics))
            or event.doc_type in self.types
            or event.level in self.levels
        )


def interests_of(user: AbstractBaseUser) -> Interests:
    follows: dict[str, set[str]] = {kind: set() for kind in Follow.Kind.values}
    for follow in follows_of(user):
        follows[follow.kind].add(follow.value)
    return Interests(
        tiers=frozenset(announcement_tiers(entitlement_get(user))),
        topics=frozenset(follows[Follow.Kind.TOPIC]),
        types=frozenset(follows[Follow.Kind.TYPE]),
        levels=frozenset(follows[Follow.Kind.LEVEL]),
        user=user.pk if user.is_authenticated else None,
    )


def events_after(
    interests: Interests, *, after: int = 0, limit: int = 50
) -> tuple[list[Event], int]:
    """Events after id ``after`` that the user wants, oldest first (at most ``limit``), and
    the id up to which the events were looked at (where the next call goes on)."""
    found: list[Event] = []
    while len(found) < limit:
        batch = list(Event.objects.filter(pk__gt=after).order_by("pk")[:SCAN])
        for event in batch:
            if interests.wants(event):
                found.append(event)
                if len(found) == limit:
                    return found, event.pk
            after = event.pk
        if len(batch) < SCAN:
            break
    return found, after


def events_recent(interests: Interests, *, limit: int = 50) -> list[Event]:
    """The latest events the user wants, newest first."""
    found: list[Event] = []
    before = None
    while len(found) < limit:
        batch = Event.objects.order_by("-pk")
        batch = list((batch.filter(pk__lt=before) if before else batch)[:SCAN])
        found += [e for e in batch if interests.wants(e)]
        if len(batch) < SCAN:
            break
        before = batch[-1].pk
    return found[:limit]


def latest_event_id() -> int:
    return Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def unread_count(user: AbstractBaseUser, *, cap: int = 99) -> int:
    """Events the user wants since they last read (at most ``cap``: the bell shows 99+)."""
    read = Inbox.objects.filter(user=user).values_list("read_up_to", flat=True).first()
    if read is None:
        return 0  # a new account starts with nothing unread (gaoku.live.services.inbox_ensure)
    return len(events_after(interests_of(user), after=read, limit=cap + 1)[0])


def follows_of(user: AbstractBaseUser) -> list[Follow]:
    if not user.is_authenticated:
        return []
    return request_memo(("follows", user.pk), lambda: list(Follow.objects.filter(user=user)))


def followed_values(user: AbstractBaseUser) -> set[str]:
    """What the user follows, for the follow buttons."""
    return {f.value for f in follows_of(user)}


def event_payload(event: Event) -> dict:
    """The event's JSON (DESIGN.md: live events)."""
    return {
        "material": event.material_id,
        "version": event.version,
        "title": event.title,
        "type": event.doc_type,
        "topics": event.topics,
        "url": event.url,
    }


def delivery_log(*, state: str | None = None, limit: int = 200) -> list[Delivery]:
    """The latest webhook deliveries, newest first, with their receiver and event: what
    went out to the group robots, what waits for a retry, what was given up and why."""
    deliveries = Delivery.objects.select_related("webhook", "event").order_by("-pk")
    if state:
        deliveries = deliveries.filter(state=state)
    return list(deliveries[:limit])
