"""The SSE stream on the real server: two server processes, an event published by a third
(`gaoku import` from a shell) reaches every open stream, and a reconnecting client gets
what it missed."""

from __future__ import annotations

import json
import queue
import threading
import time

import httpx

from gaoku.core.generator import generate_document
from tests.cli.conftest import gaoku
from tests.live.server import served

WAIT = 20  # seconds; the stream polls twice a second, this only bounds a hung test


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
            elif not line and "data" in event:
                into.put(("event", event))
                event = {}


def _next_event(events: queue.Queue) -> dict:
    while True:
        kind, *rest = events.get(timeout=WAIT)
        if kind == "event":
            return rest[0]


def test_an_import_from_a_shell_reaches_streams_on_both_server_processes(tmp_path):
    data = tmp_path / "data"
    assert gaoku(data, "init").returncode == 0
    stop = threading.Event()
    with served(data, workers=2) as base:
        # Several streams, so that both server processes hold some (the kernel spreads
        # the connections over the processes listening on the socket).
        streams = [queue.Queue() for _ in range(6)]
        for q in streams:
            threading.Thread(
                target=_listen, args=(f"{base}/api/events", {}, q, stop), daemon=True
            ).start()
        for q in streams:
            assert q.get(timeout=WAIT)[1:] == (200, "text/event-stream")
        time.sleep(1)  # each stream has read where the events stand
        doc = tmp_path / "讲话.txt"
        doc.write_text(generate_document(5, doc_type="讲话稿").text, encoding="utf-8")
        result = gaoku(data, "import", str(doc), "--topic", "机关党建", "--json")
        assert result.returncode == 0, result.stderr
        material = json.loads(result.stdout)["imported"][0]["material"]
        for q in streams:
            event = _next_event(q)
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
