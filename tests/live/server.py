"""`gaoku serve` run as an operator runs it, for the tests that need the real ASGI server
(SSE does not work under the test client's WSGI live server)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(data: Path, *, workers: int = 1, env: dict | None = None) -> Iterator[str]:
    """The base URL of `gaoku serve` on ``data`` (``env`` added to its environment) until
    the block ends."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gaoku",
            "serve",
            "--data",
            str(data),
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-worker",
        ],
        env={"PATH": "/usr/bin:/bin", "HOME": str(data.parent), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(f"{base}/feed/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
