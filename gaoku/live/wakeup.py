"""Waking the open event streams of a server process the moment an event is written.

The events table stays the one source of truth: a stream reads it after the id it last
sent, so a client that reconnects (Last-Event-ID) or a wake-up that went missing loses
nothing. What this module adds is *when* a stream reads it:

* with Redis (``GAOKU_REDIS_URL``), every event is published on the ``gaoku_events``
  channel once its transaction commits, and each server process holds one subscription;
* on PostgreSQL, every event sends ``NOTIFY gaoku_events`` in its own transaction (the
  database delivers it on commit, and never for a rolled-back one), and each server
  process holds one connection that LISTENs;
* on the embedded SQLite default there is no channel between processes: streams read the
  table twice a second, and an event written in the stream's own process (an editor's
  import through the web) wakes them at once.

With a channel, a stream still reads the table every SAFETY_SECONDS, and falls back to
twice a second while its process's listener is reconnecting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from functools import cache

from django.conf import settings
from django.db import connection, transaction

logger = logging.getLogger(__name__)

CHANNEL = "gaoku_events"
POLL_SECONDS = 0.5
SAFETY_SECONDS = 5.0
RECONNECT_SECONDS = 2.0


class Bell:
    """One per server process: rung by the listener (or by this process's own writes),
    heard by every stream of the process."""

    def __init__(self) -> None:
        self.changed = asyncio.Event()
        self.listening = False
        self.via = ""  # the channel listened to: "redis", "postgres" or "" (none)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task | None = None

    def ring(self) -> None:
        """Wake every stream waiting on the current round (call in the event loop)."""
        rung, self.changed = self.changed, asyncio.Event()
        rung.set()

    def ring_from_thread(self) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.ring)

    async def wait(self, round_: asyncio.Event) -> None:
        """Until ``round_`` (the ``changed`` a stream saw before it read the table) is rung,
        or the time to read the table anyway has come."""
        timeout = SAFETY_SECONDS if self.listening else POLL_SECONDS
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(round_.wait(), timeout)


_bell: Bell | None = None


def bell() -> Bell:
    """This process's bell, its listener started on first use (in the event loop)."""
    global _bell
    loop = asyncio.get_running_loop()
    if _bell is None or _bell.loop is not loop:
        _bell = Bell()
        _bell.loop = loop
        if settings.GAOKU_REDIS_URL:
            _bell.via, listen = "redis", _listen_redis
        elif connection.vendor == "postgresql":
            _bell.via, listen = "postgres", _listen_postgres
        if _bell.via:
            _bell.task = loop.create_task(_forever(_bell, listen))
    return _bell


async def _forever(bell: Bell, listen) -> None:
    while True:
        try:
            await listen(bell)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the broker is down: poll until it is back
            logger.warning("event listener lost its channel (%s); polling meanwhile", exc)
        bell.listening = False
        await asyncio.sleep(RECONNECT_SECONDS)


async def _listen_postgres(bell: Bell) -> None:
    import psycopg

    db = settings.DATABASES["default"]
    conninfo = psycopg.conninfo.make_conninfo(
        dbname=db["NAME"],
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
    )
    async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as conn:
        await conn.execute(f"LISTEN {CHANNEL}")
        _heard(bell)
        async for _ in conn.notifies():
            bell.ring()


async def _listen_redis(bell: Bell) -> None:
    from redis import asyncio as aioredis

    client = aioredis.from_url(settings.GAOKU_REDIS_URL)
    try:
        async with client.pubsub() as pubsub:
            await pubsub.subscribe(CHANNEL)
            _heard(bell)
            async for message in pubsub.listen():
                if message.get("type") == "message":
                    bell.ring()
    finally:
        await client.aclose()


def _heard(bell: Bell) -> None:
    """The channel is open: streams may wait longer, and read now what came meanwhile."""
    bell.listening = True
    bell.ring()


def event_written(event_id: int) -> None:
    """Announce an event written in the current transaction (a post_save receiver calls
    this): on the broker's channel, and to this process's own streams, on commit."""
    if settings.GAOKU_REDIS_URL:
        transaction.on_commit(lambda: _publish_redis(event_id))
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(event_id)])
    if _bell is not None:
        transaction.on_commit(_bell.ring_from_thread)


def _publish_redis(event_id: int) -> None:
    try:
        _redis().publish(CHANNEL, str(event_id))
    except Exception as exc:  # streams still read the table every few seconds
        logger.warning("event %s not published to Redis: %s", event_id, exc)


@cache
def _redis():
    import redis

    return redis.Redis.from_url(settings.GAOKU_REDIS_URL, socket_timeout=2)
