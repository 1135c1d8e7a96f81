"""The SSE stream on the real server: two server processes, an event published by a third
(`gaoku import` from a shell) reaches every open stream within a second — through
PostgreSQL NOTIFY or Redis where they are, by reading the table twice a second on SQLite
— and a reconnecting client gets what it missed."""

from __future__ import annotations

import json
import os
import queue
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from gaoku.core.generator import generate_document
from tests.cli.conftest import gaoku
from tests.live.server import served

WAIT = 20  # seconds; this only bounds a hung test


def _listen(url: str, headers: dict, into: queue.Queue, stop: threading.Event) -> None:
    try:
        _read_stream(url, headers, into, stop)
    except httpx.TransportError:
        into.put(("closed",))  # the server went away at the end of the test


def _read_stream(url: str, headers: dict, into: queue.Queue, stop: threading.Event) -> None:
    with (
        httpx.Client(timeout=httpx.Timeout(5, read=WAIT)) as client,
        client.stream("GET", url, headers=headers) as response,
    ):
        into.put(("status", response.status_code, response.headers["content-type"]))
        event: dict = {}
        for line in response.iter_lines():
            if stop.is_set():
                return
            if line.startswith("id: "):
                event["id"] = int(line[4:])
            elif line.startswith("event: "):
                event["event"] = line[7:]
            elif line.startswith("data: "):
                event["data"] = json.loads(line[6:])
            elif line.startswith(": channel "):
                into.put(("channel", line[10:]))
            elif not line and "data" in event:
                into.put(("event", event))
                event = {}


def _next_event(events: queue.Queue) -> dict:
    while True:
        kind, *rest = events.get(timeout=WAIT)
        if kind == "event":
            return rest[0]


def _open_streams(base: str, count: int, stop: threading.Event) -> list[queue.Queue]:
    """``count`` streams, each read in a thread of its own, once the server answered
    each of them. Several, so that both server processes hold some (the kernel spreads
    the connections over the processes listening on the socket)."""
    streams = [queue.Queue() for _ in range(count)]
    for q in streams:
        threading.Thread(
            target=_listen, args=(f"{base}/api/events", {}, q, stop), daemon=True
        ).start()
    for q in streams:
        assert q.get(timeout=WAIT)[1:] == (200, "text/event-stream")
    return streams


def test_an_import_from_a_shell_reaches_streams_on_both_server_processes(tmp_path):
    data = tmp_path / "data"
    assert gaoku(data, "init").returncode == 0
    stop = threading.Event()
    with served(data, workers=2) as base:
        streams = _open_streams(base, 6, stop)
        time.sleep(1)  # each stream has read where the events stand
        doc = tmp_path / "讲话.txt"
        doc.write_text(generate_document(5, doc_type="讲话稿").text, encoding="utf-8")
        result = gaoku(data, "import", str(doc), "--topic", "机关党建", "--json")
        done = time.monotonic()
        assert result.returncode == 0, result.stderr
        material = json.loads(result.stdout)["imported"][0]["material"]
        for q in streams:
            event = _next_event(q)
            assert time.monotonic() - done < 1.0  # read twice a second: no channel here
            assert event["event"] == "material.published"
            assert event["data"]["material"] == material
            assert event["data"]["topics"] == ["机关党建"]
            assert set(event["data"]) == {"material", "version", "title", "type", "topics", "url"}
        first_id = event["id"]
        # A client that reconnects with the last id it saw receives what it missed.
        doc.write_text(generate_document(6).text, encoding="utf-8")
        assert gaoku(data, "import", str(doc)).returncode == 0
        missed = queue.Queue()
        threading.Thread(
            target=_listen,
            args=(f"{base}/api/events", {"Last-Event-ID": str(first_id)}, missed, stop),
            daemon=True,
        ).start()
        caught_up = _next_event(missed)
        assert caught_up["id"] > first_id and caught_up["data"]["material"] != material
        stop.set()


def _fresh_postgres() -> Iterator[str]:
    """A database of its own on the PostgreSQL server DATABASE_URL names, dropped after."""
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = f"gaoku_stream_{os.getpid()}"
    admin = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield urlsplit(url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS, socket_timeout=1).ping())
    except redis.RedisError:
        return False


REDIS = "redis://127.0.0.1:6379/15"


def _channels() -> Iterator[tuple[str, dict]]:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        for url in _fresh_postgres():
            yield "postgres", {"DATABASE_URL": url}
    if _redis_up():
        yield "redis", {"GAOKU_REDIS_URL": REDIS}


def test_a_channel_wakes_streams_on_both_processes_within_a_second(tmp_path):
    """PostgreSQL NOTIFY (in CI's PostgreSQL run) and Redis (where one runs): a stream
    whose process listens on the channel reads the table every 5 s otherwise, so events
    reaching four streams within a second of their import were carried by the channel."""
    tried = []
    for name, env in _channels():
        tried.append(name)
        data = tmp_path / name
        assert gaoku(data, "init", env=env).returncode == 0
        stop = threading.Event()
        with served(data, workers=2, env=env) as base:
            streams = _open_streams(base, 4, stop)
            for q in streams:
                assert q.get(timeout=WAIT) == ("channel", name)  # read every 5 s from now
            doc = tmp_path / f"{name}.txt"
            doc.write_text(generate_document(7, doc_type="讲话稿").text, encoding="utf-8")
            result = gaoku(data, "import", str(doc), "--json", env=env)
            done = time.monotonic()
            assert result.returncode == 0, result.stderr
            for q in streams:
                _next_event(q)
                assert time.monotonic() - done < 1.0, name
            stop.set()
    if not tried:
        pytest.skip("neither PostgreSQL (DATABASE_URL) nor Redis is at hand")
