"""The live channels: the SSE stream, the feed page, notifications, following, Atom.

The stream reads the events table after the last id it sent whenever its process's bell
rings (gaoku.live.wakeup: Redis or PostgreSQL NOTIFY carry every event written by any
process — a server worker, the background worker, `gaoku import` in a shell), and twice a
second on the embedded SQLite default, which has no channel between processes. Each read
borrows a database connection and gives it back, so an open stream holds no connection
while it waits.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.syndication.views import Feed
from django.core.handlers.asgi import ASGIRequest
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gaoku.errors import GaokuError
from gaoku.library.models import Material
from gaoku.live.models import Delivery, Event, Inbox
from gaoku.live.selectors import (
    Interests,
    delivery_log,
    event_payload,
    events_after,
    events_recent,
    follows_of,
    interests_of,
    latest_event_id,
)
from gaoku.live.services import (
    feed_token_reset,
    follow_add,
    follow_remove,
    inbox_ensure,
    inbox_read,
)
from gaoku.live.wakeup import bell
from gaoku.members.selectors import entitlement_get
from gaoku.site.redirects import posted_next

KEEPALIVE_SECONDS = 15.0
# How soon a client served whole (under WSGI, below) asks again.
WSGI_RETRY_MS = 1000
# What the user may see and follows is read again this often during a stream (a
# suspension or a new follow takes effect without reconnecting).
INTERESTS_SECONDS = 60.0


def _poll(interests: Interests, after: int) -> tuple[list[dict], int]:
    events, after = events_after(interests, after=after)
    found = [{"id": e.pk, "kind": e.kind, "data": event_payload(e)} for e in events]
    if not connection.in_atomic_block:
        connection.close()  # back to the pool (PostgreSQL) until the next poll
    return found, after


def _frame(event: dict) -> str:
    data = json.dumps(event["data"], ensure_ascii=False)
    return f"id: {event['id']}\nevent: {event['kind']}\ndata: {data}\n\n"


def _start(user, last_id: str) -> tuple[Interests, int]:
    interests = interests_of(user)
    after = int(last_id) if last_id.isdigit() else latest_event_id()
    if not connection.in_atomic_block:
        connection.close()
    return interests, after


async def events_stream(request: HttpRequest) -> HttpResponseBase:
    """GET /api/events: Server-Sent Events (DESIGN.md: live events)."""
    user = await request.auser()
    last_id = request.headers.get("Last-Event-ID") or request.GET.get("last_id", "")
    interests, after = await sync_to_async(_start)(user, last_id)
    if not isinstance(request, ASGIRequest):
        return await _answered_whole(interests, after)

    async def stream() -> AsyncIterator[str]:
        nonlocal interests, after
        yield "retry: 3000\n\n"
        rings = bell()
        clock = asyncio.get_running_loop().time
        last_sent = interests_read = clock()
        told = False
        while True:
            round_ = rings.changed  # a ring while the table is read is not missed
            found, after = await sync_to_async(_poll)(interests, after)
            for event in found:
                yield _frame(event)
            if found:
                last_sent = clock()
            elif clock() - last_sent >= KEEPALIVE_SECONDS:
                yield ": keepalive\n\n"
                last_sent = clock()
            if clock() - interests_read >= INTERESTS_SECONDS:
                interests, _ = await sync_to_async(_start)(user, str(after))
                interests_read = clock()
            await rings.wait(round_)
            if rings.listening and not told:  # a comment clients ignore; tests read it
                yield f": channel {rings.via}\n\n"
                told = True

    response = StreamingHttpResponse(stream(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # a proxy must not hold events back
    return response


async def _answered_whole(interests: Interests, after: int) -> HttpResponse:
    """Under a WSGI server (Django's own runserver and test server, or a WSGI deployment)
    a response is sent only once it ends, so an endless stream would never reach the client
    and would hold a server thread for good. There the stream answers what is waiting now
    and tells the client to come back within a second; EventSource does so with the last id
    it saw, which is long polling with the same contract."""
    found, _ = await sync_to_async(_poll)(interests, after)
    body = f"retry: {WSGI_RETRY_MS}\n\n" + "".join(_frame(event) for event in found)
    response = HttpResponse(body, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    return response


def feed_page(request: HttpRequest) -> HttpResponse:
    """The live feed: recent events the user wants, and new ones as they come."""
    interests = interests_of(request.user)
    events = events_recent(interests, limit=50)
    return render(
        request,
        "live/feed.html",
        {
            "events": events,
            "last_id": latest_event_id(),
            "follows": follows_of(request.user) if request.user.is_authenticated else [],
        },
    )


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """Events since the user last looked, the unread ones marked; looking reads them."""
    inbox = inbox_ensure(request.user)
    events = events_recent(interests_of(request.user), limit=100)
    items = [(event, event.pk > inbox.read_up_to) for event in events]
    if events:
        inbox_read(user=request.user, up_to=events[0].pk)
    return render(request, "live/notifications.html", {"items": items})


@require_POST
@login_required
def follow(request: HttpRequest) -> HttpResponse:
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    try:
        if request.POST.get("action") == "unfollow":
            follow_remove(user=request.user, kind=kind, value=value)
            messages.success(request, _("No longer following %(value)s.") % {"value": value})
        else:
            follow_add(user=request.user, kind=kind, value=value)
            messages.success(request, _("Following %(value)s.") % {"value": value})
    except GaokuError as exc:
        messages.error(request, exc.message)
    return redirect(posted_next(request, "/feed/"))


@require_POST
@login_required
def feed_token_new(request: HttpRequest) -> HttpResponse:
    feed_token_reset(user=request.user)
    messages.success(request, _("Your feed has a new address; the old one no longer works."))
    return redirect("members:account")


class MemberFeed(Feed):
    """A member's private Atom feed: titles, outlines and links, never full text. The
    address holds a secret the member can reset; it answers only while the membership is
    in force (not suspended, not ended)."""

    feed_type = Atom1Feed
    description_template = "live/feed_item.html"

    def get_object(self, request: HttpRequest, token: str):
        inbox = Inbox.objects.select_related("user").filter(feed_token=token).first()
        if inbox is None or not inbox.user.is_active:
            raise Http404
        if not entitlement_get(inbox.user).active:
            raise Http404
        return inbox.user

    def title(self, user) -> str:
        return _("Gaoku: new for %(user)s") % {"user": user.get_username()}

    def link(self, user) -> str:
        return "/feed/"

    def subtitle(self, user) -> str:
        return _("New materials, versions and announcements you follow.")

    def items(self, user) -> list[Event]:
        return events_recent(interests_of(user), limit=50)

    def item_title(self, event: Event) -> str:
        return f"{event.get_kind_display()}：{event.title}"

    def item_link(self, event: Event) -> str:
        return event.url

    def item_guid(self, event: Event) -> str:
        return f"gaoku-event-{event.pk}"

    def item_pubdate(self, event: Event):
        return event.at

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = kwargs["item"]
        material = Material.objects.select_related("current").filter(pk=event.material_id).first()
        context["outline"] = material.current.outline if material and material.current else None
        return context


@permission_required("live.view_delivery")
def deliveries(request: HttpRequest) -> HttpResponse:
    """The webhook delivery log for admins: each delivery's receiver, event, state,
    attempts, HTTP status and the receiver's answer."""
    state = request.GET.get("state") or None
    if state not in Delivery.State.values:
        state = None
    return render(
        request,
        "live/deliveries.html",
        {"deliveries": delivery_log(state=state), "states": Delivery.State.choices, "state": state},
    )
