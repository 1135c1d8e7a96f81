"""The server's handler: requests run in a fixed pool of threads, and downloads, which
render a copy, in a pool of their own (gaoku.site.handler)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

import pytest
from asgiref.testing import ApplicationCommunicator

import gaoku.site.handler as handler_module

pytestmark = pytest.mark.django_db(transaction=True)


def _request(handler, method: str, path: str) -> int:
    """The response's status, the handler run in an event loop of its own thread (a
    browser test may hold this thread's)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _requested(handler, method, path)).result()


async def _requested(handler, method: str, path: str) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    communicator = ApplicationCommunicator(handler, scope)
    await communicator.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await communicator.receive_output(10)
    while (await communicator.receive_output(10)).get("more_body"):
        pass
    return start["status"]


@pytest.mark.parametrize("threads, expected", [(1, "gaoku-render"), (0, "gaoku-request")])
def test_a_download_runs_in_the_render_threads_and_a_page_in_the_request_threads(
    settings, monkeypatch, threads, expected
):
    settings.GAOKU_RENDER_THREADS = threads
    ran_in: list[str] = []

    def record() -> None:
        ran_in.append(threading.current_thread().name)

    monkeypatch.setattr(handler_module, "close_old_connections", record)
    handler = handler_module.ThreadPoolHandler()
    # A forged download (no CSRF token) is refused, in the thread it was routed to.
    assert _request(handler, "POST", "/m/1/download/") == 403
    assert _request(handler, "POST", "/api/materials/1/copies") in (401, 403)
    assert _request(handler, "GET", "/plans/") == 200
    assert [name.rsplit("_", 1)[0] for name in ran_in[::2]] == [
        expected,
        expected,
        "gaoku-request",
    ]


def test_a_request_starts_no_thread_of_its_own(monkeypatch):
    # Django's handler would start a thread per request for its thread-sensitive calls.
    import asgiref.sync

    def refused(self):
        raise AssertionError("a ThreadSensitiveContext was entered")

    monkeypatch.setattr(asgiref.sync.ThreadSensitiveContext, "__aenter__", refused)
    handler = handler_module.ThreadPoolHandler()
    assert _request(handler, "GET", "/") == 200
    assert _request(handler, "GET", "/no-such-page/") == 404


def test_only_http_is_served():
    call = handler_module.ThreadPoolHandler()({"type": "websocket"}, None, None)
    # As in _request, the call runs in an event loop of its own thread.
    with (
        concurrent.futures.ThreadPoolExecutor(1) as pool,
        pytest.raises(ValueError, match="only HTTP"),
    ):
        pool.submit(asyncio.run, call).result()
