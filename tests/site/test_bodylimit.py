"""Request bodies over the cap are refused before anything reads them."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from gaoku.site.bodylimit import BodyLimit


def call(app, headers, chunks):
    sent, read = [], []

    async def receive():
        body = chunks.pop(0) if chunks else b""
        return {"type": "http.request", "body": body, "more_body": bool(chunks)}

    async def send(message):
        sent.append(message)

    async def inner(scope, receive, send):
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                read.append("disconnect")
                return
            read.append(message["body"])
            if not message["more_body"]:
                return

    scope = {"type": "http", "headers": headers}
    # In a thread of its own: the browser tests leave an event loop running in this one.
    limited = BodyLimit(app or inner, max_bytes=10)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, limited(scope, receive, send)).result()
    return sent, read


def test_a_declared_length_over_the_cap_gets_413_and_nothing_is_read():
    sent, read = call(None, [(b"content-length", b"11")], [b"x" * 11])
    assert sent[0]["status"] == 413 and read == []
    assert "请求太大".encode() in sent[1]["body"]


def test_a_body_that_runs_past_the_cap_without_a_length_is_cut_off():
    _, read = call(None, [], [b"x" * 6, b"x" * 6, b"x" * 6])
    assert read == [b"x" * 6, "disconnect"]


def test_a_body_within_the_cap_passes_untouched():
    sent, read = call(None, [(b"content-length", b"10")], [b"x" * 10])
    assert sent == [] and read == [b"x" * 10]
