"""Load: concurrent members against a running `gaoku serve`, on SQLite and PostgreSQL.

For each configuration (database × uvicorn workers) a fresh copy of one prepared library
is served by `gaoku serve --workers N` (with its background worker) on a free port, and
``--clients`` closed-loop clients (asyncio + httpx, one connection each) hit it for
``--seconds`` after ``--warmup`` seconds that are not counted. Each client is signed in
as one of ``MEMBERS`` annual members (a session shared by two or three clients; one
sign-in per account, so the sign-in lockout never counts) and picks, per request:

* ``reader``    30%  ``GET /m/<id>/`` — the member's fingerprinted reading copy;
* ``search``    30%  ``GET /api/search?q=…`` — words of the generated library;
* ``catalogue`` 20%  ``GET /``;
* ``txt``       12%  ``POST /m/<id>/download/`` format=txt — a new marked copy (a write);
* ``pdf``        8%  the same as PDF.

Materials are those the member may read in full. The library is ``gaoku demo --count``'s
generated one with ``MEMBERS`` accounts from ``gaoku member add --plan annual``, made once
per database: SQLite's data directory is copied for each configuration, PostgreSQL's
database is cloned from a template (a database made and dropped here).

Reported per configuration and endpoint: requests per second, p50/p95/p99 latency of
every timed request (failed ones included; nearest rank), and errors by kind: an HTTP
status other than 200, a client exception (connection refused or reset, timeout), and
the server's log records on stderr — "database is locked", "too many clients", other
errors — each attributed to its endpoint through the X-Request-ID the client sends (the
warm-up's errors on a row of their own); and the CPU seconds the server's processes and
the load generator took while counted. The load generator runs on the same machine as
the server and takes its share of the CPU. The clients do not pause between requests, so
the mean latency is about clients / throughput (Little's law): a p95 under 300 ms for 50
clients takes some 170 requests per second. With ``--think S`` each client pauses between
its requests for a random time of mean S seconds (exponential), as a member reading a page
or typing a search does: 50 clients then offer about 50 / (S + latency) requests a second,
and the latency is what a member waits at that rate.

    .venv/bin/python bench/load.py [--seconds 60] [--clients 50] [--think 0]
        [--configs sqlite-1,sqlite-2,pg-1,pg-2] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import datetime
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
from common import nearest_rank

GAOKU = Path(sys.executable).with_name("gaoku")
MEMBERS = 20
MATERIALS = 200
MIX = {"reader": 30, "search": 30, "catalogue": 20, "txt": 12, "pdf": 8}
QUERIES = (  # noqa: SIM905 - words, as a member types them
    "党建 作风 纪律 廉洁 整改 督查 基层 群众 监督 考核 调研 产业 农田 "
    "人才 扶贫 党 廉 农 汛 粮 主体责任 三会一课 乡村振兴 疫情防控 八项规定 "
    "主题教育 民主生活会 全面从严治党 形式主义 营商环境 安全生产 意识形态 "
    "网格化管理 高标准农田 廉政风险防控 矛盾纠纷 化解 落实全面从严治党主体责任 "
    "加强廉洁文化建设 河湖长制 信访积案 防汛 检视整改"
).split()
REQUEST_TIMEOUT = 30.0
READY_TIMEOUT = 120.0
STOP_TIMEOUT = 30.0
GOAL_P95_MS = 300.0
SERVER_RECORD = re.compile(
    r"^(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (?P<level>WARNING|ERROR|CRITICAL) "
    r"(?P<logger>\S+) \[(?P<rid>[^\]]*)\]|(?P<uvlevel>INFO|WARNING|ERROR|CRITICAL):\s)"
)
MARKERS = {"database is locked": "locked", "too many clients": "too-many-clients"}


@dataclass(frozen=True)
class Config:
    name: str
    database: str  # "sqlite" or "pg"
    workers: int


@dataclass
class Library:
    """A prepared library: its data directory and, on PostgreSQL, its template database."""

    data: Path
    template_db: str | None


@dataclass
class Sample:
    endpoint: str
    seconds: float
    error: str | None  # None, "HTTP 500", "ConnectError", …


@dataclass
class Measured:
    """The counted part of a run: its samples, and the CPU the server and the clients took
    meanwhile (the server's processes, PostgreSQL's aside)."""

    seconds: float
    samples: list[Sample]
    server_cpu: float
    client_cpu: float
    warmup_errors: Counter


@dataclass
class Run:
    config: Config
    seconds: float
    samples: list[Sample]
    server_cpu: float
    client_cpu: float
    warmup_errors: Counter  # kinds, from the clients
    server_errors: dict[str, Counter]  # endpoint -> kinds
    first_records: list[str]
    load: str = ""  # the machine's load average at the end
    stop: str = ""


# -- the library --------------------------------------------------------------------------


def gaoku(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([str(GAOKU), *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"gaoku {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def server_env(database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GAOKU_DATA", "DATABASE_URL")}
    # Twenty members reading and taking a copy every few seconds are far over a member's
    # quotas: the benchmark measures the server, not the quotas' refusals.
    for quota in ("DOWNLOADS_PER_HOUR", "DOWNLOADS_PER_DAY", "VIEWS_PER_HOUR", "VIEWS_PER_DAY"):
        env[f"GAOKU_QUOTA_{quota}"] = "1000000"
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def library_prepare(data: Path, database_url: str | None, password: str) -> None:
    """``gaoku demo`` with ``MATERIALS`` materials, then ``MEMBERS`` annual members; then
    the background worker runs what the imports queued (each new version's slot plan), as
    it does beside a server that has been up for a minute."""
    env = server_env(database_url)
    gaoku("demo", "--no-serve", "--count", str(MATERIALS), "--data", str(data), env=env)
    env["GAOKU_MEMBER_PASSWORD"] = password
    add = ("member", "add", "--plan", "annual", "--data", str(data))
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for future in [pool.submit(gaoku, *add, name, env=env) for name in member_names()]:
            future.result()
    gaoku("worker", "--once", "--data", str(data), env=env)


def member_names() -> list[str]:
    return [f"load{n:02d}" for n in range(1, MEMBERS + 1)]


def pg_url(admin_url: str, database: str) -> str:
    return admin_url.rsplit("/", 1)[0] + "/" + database


def pg_execute(admin_url: str, *statements: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


# -- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`gaoku serve` in a session of its own, its stdout and stderr in files."""

    def __init__(self, data: Path, env: dict[str, str], workers: int, logs: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.stderr_path = logs / "stderr.log"
        self._out = open(logs / "stdout.log", "wb")  # noqa: SIM115 - closed in stop()
        self._err = open(self.stderr_path, "wb")  # noqa: SIM115
        command = [str(GAOKU), "serve", "--data", str(data), "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--workers", str(workers)],
            env=env,
            stdout=self._out,
            stderr=self._err,
            start_new_session=True,
        )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gaoku serve exited:\n{self.stderr_path.read_text()}")
            try:
                if httpx.get(self.base + "/", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"gaoku serve not ready in {READY_TIMEOUT:.0f} s")

    def stop(self) -> str:
        """SIGINT to `gaoku serve` (it stops uvicorn, then its worker); how it went."""
        outcome = "clean"
        self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=STOP_TIMEOUT)
            if code != 0:
                outcome = f"exit {code}"
        except subprocess.TimeoutExpired:
            outcome = f"killed after {STOP_TIMEOUT:.0f} s"
        # What is left of the session it started (its worker, uvicorn's processes) gets a
        # few seconds to go by itself: multiprocessing's helpers leave just after it.
        deadline = time.monotonic() + 5
        while (left := group_members(self.process.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        if left:
            os.killpg(self.process.pid, signal.SIGKILL)
            outcome += f" (killed what was left: {', '.join(left)})"
        self.process.wait()
        self._out.close()
        self._err.close()
        return outcome


def group_processes(pgid: int) -> dict[str, float]:
    """The live processes of a process group: "pid name" -> CPU seconds (user + system)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(" ", 1)
        except OSError:
            continue
        name, fields = rest.rsplit(") ", 1)
        values = fields.split()
        # proc(5): state, ppid, pgrp, … utime and stime are fields 14 and 15 of the line.
        if int(values[2]) == pgid and values[0] != "Z":
            ticks = int(values[11]) + int(values[12])
            found[f"{pid} {name.lstrip('(')}"] = ticks / os.sysconf("SC_CLK_TCK")
    return found


def group_members(pgid: int) -> list[str]:
    return list(group_processes(pgid))


def group_cpu(pgid: int) -> float:
    return sum(group_processes(pgid).values())


def server_log_read(path: Path) -> list[tuple[str, str, str]]:
    """The server's log records on stderr, as (level, request id, whole text)."""
    records: list[list[str]] = []
    for line in path.read_text(errors="replace").splitlines():
        if SERVER_RECORD.match(line) or not records:
            records.append([line])
        else:
            records[-1].append(line)
    out = []
    for lines in records:
        match = SERVER_RECORD.match(lines[0])
        level = (match and (match["level"] or match["uvlevel"])) or "OTHER"
        rid = (match and match["rid"]) or "-"
        out.append((level, rid, "\n".join(lines)))
    return out


# -- the clients --------------------------------------------------------------------------


async def sign_in(base: str, username: str, password: str) -> dict[str, str]:
    """Django's sign-in page: the CSRF cookie, then the credentials; the cookies after."""
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        await client.get("/accounts/login/")
        response = await client.post(
            "/accounts/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": client.cookies["csrftoken"],
            },
        )
        if response.status_code != 302 or "sessionid" not in client.cookies:
            raise SystemExit(f"sign-in of {username} failed: HTTP {response.status_code}")
        return dict(client.cookies)


async def readable_ids(base: str, cookies: dict[str, str]) -> list[int]:
    ids: list[int] = []
    async with httpx.AsyncClient(base_url=base, cookies=cookies) as client:
        for offset in range(0, MATERIALS, 100):
            page = (await client.get(f"/api/materials/?limit=100&offset={offset}")).json()
            ids += [m["material"] for m in page["materials"] if m["readable"]]
    if not ids:
        raise SystemExit("the members can read no material in full")
    return ids


async def smoke_check(base: str, cookies: dict[str, str], material: int) -> None:
    """One of each before the load: a full text, search hits, a TXT and a PDF copy."""
    async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=REQUEST_TIMEOUT) as http:
        problems = []
        if not (await http.get(f"/api/materials/{material}")).json().get("full"):
            problems.append(f"material {material} is not shown in full")
        if not (await http.get("/api/search", params={"q": QUERIES[0]})).json().get("total"):
            problems.append(f"no search hit for {QUERIES[0]}")
        for fmt, opening in (("txt", b""), ("pdf", b"%PDF")):
            response = await http.post(
                f"/m/{material}/download/",
                data={"format": fmt},
                headers={"X-CSRFToken": cookies["csrftoken"]},
            )
            body = response.content
            if response.status_code != 200 or not body or not body.startswith(opening):
                problems.append(f"{fmt} download: HTTP {response.status_code}")
    if problems:
        raise SystemExit("smoke check failed: " + "; ".join(problems))


class Client:
    """One member's browser: its own connection, the member's session."""

    def __init__(
        self, base: str, cookies: dict[str, str], ids: list[int], seed: int, think: float
    ) -> None:
        self.http = httpx.AsyncClient(base_url=base, cookies=cookies, timeout=REQUEST_TIMEOUT)
        self.think = think
        self.csrf = cookies["csrftoken"]
        self.ids = ids
        self.rng = random.Random(seed)
        self.serial = seed * 1_000_000
        self.tag = "warm"  # of the request ids: "warm" during the warm-up, then "load"

    async def request(self, endpoint: str) -> httpx.Response:
        self.serial += 1
        headers = {"X-Request-ID": f"{self.tag}-{endpoint}-{self.serial}"}
        material = self.rng.choice(self.ids)
        if endpoint == "reader":
            return await self.http.get(f"/m/{material}/", headers=headers)
        if endpoint == "search":
            query = " ".join(self.rng.sample(QUERIES, self.rng.choice((1, 1, 2))))
            return await self.http.get("/api/search", params={"q": query}, headers=headers)
        if endpoint == "catalogue":
            return await self.http.get("/", headers=headers)
        return await self.http.post(
            f"/m/{material}/download/",
            data={"format": endpoint, "csrfmiddlewaretoken": self.csrf},
            headers=headers | {"X-CSRFToken": self.csrf},
        )

    async def loop(self, until: float, samples: list[Sample]) -> None:
        endpoints, weights = list(MIX), list(MIX.values())
        while time.perf_counter() < until:
            endpoint = self.rng.choices(endpoints, weights)[0]
            start = time.perf_counter()
            try:
                response = await self.request(endpoint)
                error = None if response.status_code == 200 else f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                error = type(exc).__name__
            samples.append(Sample(endpoint, time.perf_counter() - start, error))
            if self.think:
                pause = self.rng.expovariate(1 / self.think)
                await asyncio.sleep(min(pause, max(0.0, until - time.perf_counter())))


async def load_run(
    server: Server, password: str, clients: int, warmup: float, seconds: float, think: float
) -> Measured:
    base = server.base
    sessions = [await sign_in(base, name, password) for name in member_names()]
    ids = await readable_ids(base, sessions[0])
    await smoke_check(base, sessions[0], ids[0])
    print(f"  {len(sessions)} members signed in, {len(ids)} materials readable in full")
    pool = [
        Client(base, sessions[n % len(sessions)], ids, seed=n + 1, think=think)
        for n in range(clients)
    ]
    try:
        discarded: list[Sample] = []
        until = time.perf_counter() + warmup
        await asyncio.gather(*(c.loop(until, discarded) for c in pool))
        samples: list[Sample] = []
        for client in pool:
            client.tag = "load"
        server_cpu, client_cpu = group_cpu(server.process.pid), time.process_time()
        start = time.perf_counter()
        await asyncio.gather(*(c.loop(start + seconds, samples) for c in pool))
        return Measured(
            time.perf_counter() - start,
            samples,
            group_cpu(server.process.pid) - server_cpu,
            time.process_time() - client_cpu,
            Counter(s.error for s in discarded if s.error),
        )
    finally:
        await asyncio.gather(*(c.http.aclose() for c in pool))


def config_run(
    config: Config, library: Library, args: argparse.Namespace, password: str, work: Path
) -> Run:
    logs = work / "logs" / config.name
    logs.mkdir(parents=True)
    data = work / "run" / config.name
    shutil.copytree(library.data, data)
    database_url = None
    if library.template_db:
        database = f"{library.template_db}_{config.name.replace('-', '_')}"
        pg_execute(
            args.pg_admin,
            f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)',
            f'CREATE DATABASE "{database}" TEMPLATE "{library.template_db}"',
        )
        database_url = pg_url(args.pg_admin, database)
    server = Server(data, server_env(database_url), config.workers, logs)
    try:
        server.wait_ready()
        measured = asyncio.run(
            load_run(server, password, args.clients, args.warmup, args.seconds, args.think)
        )
    finally:
        stop = server.stop()
        if database_url:
            pg_execute(args.pg_admin, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    errors, records = server_errors_read(server.stderr_path, args.show_records)
    return Run(
        config,
        measured.seconds,
        measured.samples,
        measured.server_cpu,
        measured.client_cpu,
        measured.warmup_errors,
        errors,
        records,
        load=" ".join(f"{x:.1f}" for x in os.getloadavg()),
        stop=stop,
    )


def server_errors_read(path: Path, show: int) -> tuple[dict[str, Counter], list[str]]:
    """The server's errors by endpoint and kind, each request's once; the first ``show``.

    Kinds: "locked" and "too-many-clients" wherever they appear, else the record's level
    (ERROR, CRITICAL; WARNING only within one of our requests: outside one, warnings are
    the server's own, such as its worker's "shutting down").
    """
    errors: dict[str, Counter] = {}
    records: list[str] = []
    seen: set[tuple[str, str]] = set()  # (request id, kind)
    for level, rid, text in server_log_read(path):
        tag, _, rest = rid.partition("-")
        ours = tag in ("warm", "load")
        counted = level in ("ERROR", "CRITICAL") or (level == "WARNING" and ours)
        if not counted and not any(marker in text for marker in MARKERS):
            continue
        endpoint = {"load": rest.split("-")[0], "warm": "warm-up"}.get(tag, "server")
        kinds = [label for marker, label in MARKERS.items() if marker in text] or [level]
        new = [k for k in kinds if not ours or (rid, k) not in seen]
        seen.update((rid, k) for k in kinds)
        errors.setdefault(endpoint, Counter()).update(new)
        if new and len(records) < show and level in ("ERROR", "CRITICAL"):
            records.append(text)
    return errors, records


# -- the report ---------------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs ({model}), load average {load}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def kinds_text(kinds: Counter) -> str:
    return ", ".join(f"{kind}×{n}" for kind, n in sorted(kinds.items())) or "-"


def run_rows(run: Run) -> list[str]:
    """One row per endpoint, one for all; then server records of the warm-up and of no
    request (the server's own), which "all" leaves out and in."""
    rows = []
    for endpoint in [*MIX, "all"]:
        picked = [s for s in run.samples if endpoint in (s.endpoint, "all")]
        if not picked:
            continue
        millis = [s.seconds * 1000 for s in picked]
        client = Counter(s.error for s in picked if s.error)
        server = Counter()
        for name, kinds in run.server_errors.items():
            if name == endpoint or (endpoint == "all" and name != "warm-up"):
                server.update(kinds)
        rows.append(
            f"{run.config.name:<9} {endpoint:<10} {len(picked):>7} "
            f"{len(picked) / run.seconds:>7.1f} {nearest_rank(millis, 0.50):>8.0f} "
            f"{nearest_rank(millis, 0.95):>8.0f} {nearest_rank(millis, 0.99):>8.0f} "
            f"{sum(client.values()):>6}  {kinds_text(client)}  |  {kinds_text(server)}"
        )
    extra = {"warm-up": run.warmup_errors, "server": Counter()}
    for name, client in extra.items():
        if client or name in run.server_errors:
            server = kinds_text(run.server_errors.get(name, Counter()))
            errors = sum(client.values())
            rows.append(
                f"{run.config.name:<9} {name:<10} {'':>43} {errors:>6}  "
                f"{kinds_text(client)}  |  {server}"
            )
    return rows


def goals(run: Run) -> str:
    failed = sum(1 for s in run.samples if s.error)
    warm = sum(run.warmup_errors.values())
    locked = sum(k["locked"] for k in run.server_errors.values())
    p95 = {
        e: nearest_rank([s.seconds * 1000 for s in run.samples if s.endpoint == e], 0.95)
        for e in ("reader", "search")
        if any(s.endpoint == e for s in run.samples)
    }
    verdicts = [
        f"errors {failed}, {warm} in the warm-up ({'ok' if not failed + warm else 'FAIL'})",
        f"database is locked {locked} ({'ok' if not locked else 'FAIL'})",
        *(f"{e} p95 {ms:.0f} ms ({'ok' if ms < GOAL_P95_MS else 'FAIL'})" for e, ms in p95.items()),
        f"server stop: {run.stop}",
    ]
    return f"{run.config.name}: " + "; ".join(verdicts)


def report(runs: list[Run], args: argparse.Namespace, started: float) -> None:
    print()
    print(
        f"{'config':<9} {'endpoint':<10} {'requests':>7} {'req/s':>7} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p99 ms':>8} {'errors':>6}  client errors  |  server stderr"
    )
    for run in runs:
        print("\n".join(run_rows(run)))
    print()
    print("CPU while counted (2 CPUs give 2 s per second; PostgreSQL's own not included):")
    for run in runs:
        per_request = 1000 * run.server_cpu / max(1, len(run.samples))
        print(
            f"  {run.config.name:<9} server {run.server_cpu:6.1f} s "
            f"({per_request:.1f} ms/request), load generator {run.client_cpu:5.1f} s, "
            f"over {run.seconds:.1f} s; load average after {run.load}"
        )
    print()
    print(
        f"goals: no errors, no 'database is locked', reader and search p95 < {GOAL_P95_MS:.0f} ms"
    )
    for run in runs:
        print("  " + goals(run))
    for run in runs:
        for text in run.first_records:
            lines = text.splitlines()
            if len(lines) > 24:
                lines = [*lines[:12], "  …", *lines[-12:]]
            print(f"\n-- {run.config.name}: server stderr record --\n" + "\n".join(lines))
    print(f"\nmachine after: {machine()}")
    print(f"whole run: {time.perf_counter() - started:.0f} s")


# -- main ---------------------------------------------------------------------------------


def configs_parse(text: str) -> list[Config]:
    configs = []
    for name in text.split(","):
        database, _, workers = name.strip().partition("-")
        if database not in ("sqlite", "pg") or not workers.isdigit():
            raise SystemExit(f"unknown configuration {name!r}: sqlite-N or pg-N")
        configs.append(Config(name.strip(), database, int(workers)))
    return configs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--think", type=float, default=0, help="Mean pause of a client between requests (s)."
    )
    parser.add_argument("--configs", default="sqlite-1,sqlite-2,pg-1,pg-2")
    parser.add_argument(
        "--pg-admin",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="A PostgreSQL server's maintenance database, to create and drop databases.",
    )
    parser.add_argument(
        "--pg-database", default="gaoku_load", help="Name of the template made here."
    )
    parser.add_argument(
        "--show-records", type=int, default=3, help="Server errors shown per config."
    )
    parser.add_argument("--keep", action="store_true", help="Keep the data and server logs.")
    args = parser.parse_args()
    configs = configs_parse(args.configs)
    started = time.perf_counter()
    print(f"date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine: {machine()}")
    print(
        f"load: {args.clients} clients × {args.seconds:.0f} s (after {args.warmup:.0f} s warm-up), "
        f"think {args.think:g} s, "
        f"{MEMBERS} members, {MATERIALS} materials, mix {MIX}"
    )
    password = "load-" + secrets.token_urlsafe(12)
    work = Path(tempfile.mkdtemp(prefix="gaoku-load-"))
    libraries: dict[str, Library] = {}
    runs: list[Run] = []
    try:
        for config in configs:
            if config.database not in libraries:
                prep = time.perf_counter()
                data = work / "library" / config.database
                template = args.pg_database if config.database == "pg" else None
                if template:
                    pg_execute(args.pg_admin, f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
                    pg_execute(args.pg_admin, f'CREATE DATABASE "{template}"')
                    with psycopg.connect(pg_url(args.pg_admin, template)) as conn:
                        print(f"PostgreSQL: {conn.execute('SELECT version()').fetchone()[0]}")
                library_prepare(data, template and pg_url(args.pg_admin, template), password)
                libraries[config.database] = Library(data, template)
                print(f"{config.database} library ready in {time.perf_counter() - prep:.0f} s")
            run = config_run(config, libraries[config.database], args, password, work)
            runs.append(run)
            print(f"{config.name}: {len(run.samples)} requests in {run.seconds:.1f} s")
            print("  " + goals(run), flush=True)
    finally:
        for library in libraries.values():
            if library.template_db:
                pg_execute(
                    args.pg_admin, f'DROP DATABASE IF EXISTS "{library.template_db}" WITH (FORCE)'
                )
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    report(runs, args, started)


if __name__ == "__main__":
    main()
