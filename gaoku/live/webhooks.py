"""Webhooks: registering receivers, queueing each event for the ones that want it, and
sending (gaoku.core.webhooks builds and signs each request).

Publishing never waits on a receiver: an event's deliveries are written in the transaction
that publishes it, with a task that sends them in the worker. A receiver that fails is
tried again with backoff (30 s, 1 min, 2 min… up to an hour, 8 tries), one that is
rate-limited gets what piled up as one digest, and every try is kept with its HTTP status
and answer; the admin can send any delivery again.
"""

from __future__ import annotations

import base64
import binascii
import logging
from datetime import datetime, timedelta

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gaoku.core import webhooks as core
from gaoku.errors import InvalidInput, NotFound
from gaoku.library.models import DocType, Material
from gaoku.live.models import Delivery, Event, Webhook
from gaoku.members.models import Announcement
from gaoku.members.selectors import outline_preview

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 10
DIGEST_FROM = 4  # pending notices from which a robot gets one digest instead
DIGEST_SIZE = 20
BAD_KIND = "类型应为 {kinds} 之一。"
BAD_URL = "地址应以 http:// 或 https:// 开头：{url}"
BAD_SECRET = "Standard Webhooks 的密钥应为 whsec_ 开头的 base64。"
NEEDS_GROUP = "QQ 群机器人需要群号（--target）。"
NOT_ROTATABLE = (
    "只有 Standard Webhooks 的密钥由稿库生成和轮换；机器人的密钥请在群设置里更换后填入。"
)


def webhook_add(
    *,
    url: str,
    kind: str,
    secret: str = "",
    target: str = "",
    topics: tuple[str, ...] = (),
    types: tuple[str, ...] = (),
    tier: str = Announcement.Tier.FREE,
    name: str = "",
) -> Webhook:
    """Register a receiver. A Standard Webhooks endpoint gets a new secret unless given."""
    if kind not in core.KINDS:
        raise InvalidInput(BAD_KIND.format(kinds=", ".join(core.KINDS)))
    if not url.startswith(("http://", "https://")):
        raise InvalidInput(BAD_URL.format(url=url))
    if kind == "standard":
        secret = secret or core.new_standard_secret()
        _check_standard_secret(secret)
    if kind == "onebot" and not target:
        raise InvalidInput(NEEDS_GROUP)
    unknown = [t for t in types if t not in DocType.values]
    if unknown:
        raise InvalidInput(f"未知的类型：{'、'.join(unknown)}")
    if tier not in Announcement.Tier.values:
        raise InvalidInput(f"tier must be one of {Announcement.Tier.values}")
    return Webhook.objects.create(
        name=name,
        kind=kind,
        url=url,
        secret=secret,
        target=target,
        topics=sorted(set(topics)),
        types=sorted(set(types)),
        tier=tier,
    )


def _check_standard_secret(secret: str) -> None:
    try:
        base64.b64decode(secret.removeprefix("whsec_") + "==", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput(BAD_SECRET) from exc


def webhook_rotate(webhook: Webhook) -> str:
    """A new Standard Webhooks secret; the old one keeps signing beside it for a day, so
    that the receiver can switch without losing a message."""
    if webhook.kind != "standard":
        raise InvalidInput(NOT_ROTATABLE)
    webhook.previous_secret, webhook.secret = webhook.secret, core.new_standard_secret()
    webhook.rotated_at = timezone.now()
    webhook.save(update_fields=["previous_secret", "secret", "rotated_at"])
    return webhook.secret


def webhook_wants(webhook: Webhook, event: Event) -> bool:
    if event.kind == Event.Kind.ANNOUNCEMENT:
        # A members' group reads both tiers' announcements; a free group only the free one.
        return webhook.tier == Announcement.Tier.MEMBERS or event.tier == webhook.tier
    if webhook.types and event.doc_type not in webhook.types:
        return False
    return not webhook.topics or bool(set(webhook.topics).intersection(event.topics))


def deliveries_queue(event: Event) -> int:
    """Queue ``event`` for every receiver that wants it (in the publishing transaction)."""
    wanting = [w for w in Webhook.objects.filter(enabled=True) if webhook_wants(w, event)]
    Delivery.objects.bulk_create([Delivery(webhook=w, event=event) for w in wanting])
    for webhook in wanting:
        _flush_later(webhook.pk)
    return len(wanting)


def _flush_later(webhook_id: int, at: datetime | None = None) -> None:
    from gaoku.live.tasks import webhook_flush_task
    from gaoku.ops.tasks import task_enqueue

    task_enqueue(webhook_flush_task.using(run_after=at) if at else webhook_flush_task, webhook_id)


def _post(request: core.Request) -> tuple[int | None, bytes]:
    response = httpx.post(
        request.url, content=request.body, headers=request.headers, timeout=TIMEOUT_SECONDS
    )
    return response.status_code, response.content


def webhook_flush(webhook_id: int, *, send=_post) -> int:
    """Send what is due for one receiver, within its rate limit; the messages sent."""
    webhook = Webhook.objects.filter(pk=webhook_id, enabled=True).first()
    if webhook is None:
        return 0
    _rotation_end(webhook)
    now = timezone.now()
    due = list(
        Delivery.objects.filter(webhook=webhook, state=Delivery.State.PENDING, next_at__lte=now)
        .select_related("event")
        .order_by("pk")
    )
    recent = (
        Delivery.objects.filter(webhook=webhook, sent_at__gte=now - timedelta(minutes=1))
        .values("sent_at")
        .distinct()
    )
    budget = core.PER_MINUTE[webhook.kind] - recent.count()
    batches = _batches(webhook.kind, due)
    sent = 0
    for batch in batches[: max(budget, 0)]:
        _send(webhook, batch, now, send)
        sent += 1
    waiting = Delivery.objects.filter(webhook=webhook, state=Delivery.State.PENDING)
    next_at = waiting.order_by("next_at").values_list("next_at", flat=True).first()
    if next_at is not None:
        # Over the limit: when the oldest message of the last minute leaves it.
        _flush_later(webhook.pk, max(next_at, now + timedelta(seconds=1 if budget > 0 else 60)))
    return sent


def _batches(kind: str, due: list[Delivery]) -> list[list[Delivery]]:
    if kind == "standard" or len(due) < DIGEST_FROM:
        return [[d] for d in due]
    return [due[i : i + DIGEST_SIZE] for i in range(0, len(due), DIGEST_SIZE)]


def _send(webhook: Webhook, batch: list[Delivery], now: datetime, send) -> None:
    endpoint = core.Endpoint(
        webhook.kind, webhook.url, webhook.secret, webhook.previous_secret, webhook.target
    )
    request = core.build_request(endpoint, [notice_of(d.event) for d in batch], now=now)
    try:
        status, body = send(request)
    except httpx.HTTPError as exc:
        status, body = None, str(exc).encode()
    ok = core.accepted(webhook.kind, status or 0, body)
    answer = body.decode("utf-8", errors="replace")[:2000]
    with transaction.atomic():
        for delivery in batch:
            delivery.attempts += 1
            delivery.status, delivery.response = status, answer
            if ok:
                delivery.state, delivery.sent_at = Delivery.State.SENT, now
            elif delivery.attempts >= MAX_ATTEMPTS:
                delivery.state = Delivery.State.FAILED
            else:
                delivery.next_at = now + _backoff(delivery.attempts)
            delivery.save(
                update_fields=["attempts", "status", "response", "state", "sent_at", "next_at"]
            )
    if not ok:
        logger.warning(
            "webhook %s (%s) refused %d event(s): %s %s",
            webhook.pk,
            webhook.kind,
            len(batch),
            status,
            answer[:200],
        )


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


def _rotation_end(webhook: Webhook) -> None:
    if webhook.previous_secret and webhook.rotated_at < timezone.now() - timedelta(days=1):
        webhook.previous_secret = ""
        webhook.save(update_fields=["previous_secret"])


def notice_of(event: Event) -> core.Notice:
    headings: tuple[str, ...] = ()
    if event.material_id:
        material = Material.objects.select_related("current").filter(pk=event.material_id).first()
        if material and material.current:
            parts = outline_preview(material.current.outline)["parts"]
            headings = tuple(p["heading"] for p in parts)
    return core.Notice(
        id=f"gaoku-event-{event.pk}",
        kind=event.kind,
        title=event.title,
        doc_type=event.doc_type,
        topics=tuple(event.topics),
        url=settings.GAOKU_SITE_URL.rstrip("/") + event.url,
        version=event.version,
        material=event.material_id,
        headings=headings,
        at=event.at,
    )


def deliveries_resend(delivery_ids: list[int]) -> int:
    """Send these deliveries again (from the admin), whatever became of them."""
    deliveries = list(Delivery.objects.filter(pk__in=delivery_ids))
    if not deliveries:
        raise NotFound("没有这些投递记录。")
    with transaction.atomic():
        Delivery.objects.filter(pk__in=delivery_ids).update(
            state=Delivery.State.PENDING, attempts=0, next_at=timezone.now()
        )
        for webhook_id in {d.webhook_id for d in deliveries}:
            _flush_later(webhook_id)
    return len(deliveries)


def deliveries_rescue() -> int:
    """Queue a send for every receiver whose due deliveries wait too long (a worker killed
    while sending): the worker runs this now and then."""
    late = timezone.now() - timedelta(minutes=2)
    ids = set(
        Delivery.objects.filter(state=Delivery.State.PENDING, next_at__lt=late).values_list(
            "webhook_id", flat=True
        )
    )
    for webhook_id in ids:
        _flush_later(webhook_id)
    return len(ids)
