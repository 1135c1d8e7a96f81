"""Database connections on the real server: requests run in a fixed set of threads, each
keeping one SQLite connection, so however many requests come, sequential or at once, the
open connections stay at most one per thread (gaoku.site.handler): the request threads,
and asgiref's one thread for Django's thread-sensitive calls (the request signals'
receivers), which may keep one too."""

from __future__ import annotations

import concurrent.futures
import os
from pathlib import Path

import httpx

from tests.cli.conftest import gaoku
from tests.live.server import served

THREADS = 8  # GAOKU_REQUEST_THREADS's default
# The request threads, and asgiref's thread for thread-sensitive calls.
MOST_CONNECTIONS = THREADS + 1


def _open_database_files(data: Path) -> int:
    """File descriptors of the server processes serving ``data`` open on its database."""
    database = str((data / "gaoku.sqlite3").resolve())
    count = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if str(data) not in Path(f"/proc/{pid}/cmdline").read_text():
                continue
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == database:
                    count += 1
        except OSError:  # a process that ended meanwhile
            continue
    return count


def test_connections_stay_one_per_request_thread_however_many_requests(tmp_path):
    data = tmp_path / "data"
    assert gaoku(data, "init").returncode == 0
    with served(data) as base:
        with httpx.Client(base_url=base) as client:
            for _ in range(60):
                assert client.get("/").status_code == 200
        counts = []
        for _ in range(2):
            with concurrent.futures.ThreadPoolExecutor(30) as pool:
                statuses = list(
                    pool.map(lambda _: httpx.get(f"{base}/", timeout=30).status_code, range(120))
                )
            assert set(statuses) == {200}
            counts.append(_open_database_files(data))
        # Bounded by the threads, after one burst and after another.
        assert min(counts) >= 1 and max(counts) <= MOST_CONNECTIONS
