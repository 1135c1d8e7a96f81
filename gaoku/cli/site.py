"""`gaoku init | demo | serve`: the data directory and the web site."""

from __future__ import annotations

import secrets
import subprocess
import sys
import threading
from pathlib import Path

import click

from gaoku.cli.base import data_option, emit, json_option, main, progress_bar, setup


@main.command()
@data_option
@json_option
def init(data: Path, as_json: bool) -> None:
    """Create the data directory, migrate the database, create the admin account."""
    result = _init(data)
    if as_json:
        emit(result)
        return
    click.echo(f"数据目录 data directory: {result['data']}")
    if result["admin"]["password"]:
        click.echo(f"管理员 admin: {result['admin']['username']} / {result['admin']['password']}")


def _init(data: Path) -> dict:
    from gaoku.site.datadir import datadir_ensure

    data = datadir_ensure(data.resolve())
    setup(data)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from gaoku.accounts.services import account_ensure, roles_sync
    from gaoku.copies.keys import fingerprint_key_ensure
    from gaoku.search.services import search_index_sync

    call_command("migrate", interactive=False, verbosity=0)
    fingerprint_key_ensure()
    roles_sync()
    # A library upgraded from before search, or an index that missed a write.
    search_index_sync()
    password = None
    if not get_user_model().objects.filter(is_superuser=True).exists():
        password = secrets.token_urlsafe(12)
        account_ensure(username="admin", password=password, role="admin")
    return {"data": str(data), "admin": {"username": "admin", "password": password}}


@main.command()
@data_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--count", default=36, show_default=True, help="Demo materials to generate.")
@click.option("--no-serve", is_flag=True, help="Set up the demo without serving it.")
def demo(data: Path, host: str, port: int, count: int, no_serve: bool) -> None:
    """Set up a demo library with accounts, then serve it."""
    made = _init(data)
    from gaoku.library.demo import demo_library_populate
    from gaoku.members.demo import demo_accounts_ensure, demo_announcements_ensure

    fresh = frozenset({"admin"} if made["admin"]["password"] else ())
    accounts = demo_accounts_ensure(fresh=fresh)
    demo_announcements_ensure()
    created = demo_library_populate(count=count, progress=progress_bar("生成演示资料"))
    click.echo(f"演示资料库 demo library: {created} new materials in {data.resolve()}")
    click.echo("演示账号 demo logins (username / password):")
    for username, password, role in accounts:
        shown = password or "（已有账号，密码未改 existing account, password kept）"
        click.echo(f"  {role:<8} {username} / {shown}")
    if not no_serve:
        _serve(host, port, workers=1)


@main.command()
@data_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
@click.option(
    "--no-worker",
    is_flag=True,
    help="Do not start a background worker beside the server (run `gaoku worker` yourself).",
)
def serve(data: Path, host: str, port: int, workers: int, no_worker: bool) -> None:
    """Serve the web site (ASGI, uvicorn) and, beside it, a background worker."""
    from gaoku.site.datadir import datadir_ensure

    setup(datadir_ensure(data.resolve()), quiet=False)
    from gaoku.copies.keys import FingerprintKeyError, fingerprint_secret
    from gaoku.search.services import search_index_sync

    search_index_sync()
    try:
        fingerprint_secret()
    except FingerprintKeyError as exc:
        # The site still serves the catalogue and previews; copies and full texts refuse.
        click.echo(f"警告 warning: {exc.message}", err=True)
    _serve(host, port, workers, background=not no_worker)


@main.command()
@data_option
@click.option("--once", is_flag=True, help="Run the tasks waiting now, then exit.")
def worker(data: Path, once: bool) -> None:
    """Run background tasks (imports of scans, traces of files, reindexing)."""
    from gaoku.site.datadir import datadir_ensure

    # A failed job is logged on stderr, with its reason (the job's page shows it too).
    setup(datadir_ensure(data.resolve()), quiet=False)
    from gaoku.ops.worker import worker_run

    worker_run(once=once)


def _serve(host: str, port: int, workers: int, *, background: bool = True) -> None:
    import logging.config

    import uvicorn
    from django.conf import settings
    from django.db import connections

    # The set-up's own connection; requests use their threads' (gaoku.site.handler).
    connections.close_all()
    # A server logs to stderr, whatever command set it up (gaoku demo does it quietly).
    logging.config.dictConfig(settings.LOGGING)

    click.echo(f"稿库 Gaoku: http://{host}:{port}/")
    # The worker is a process of its own, so that an OCR job never slows a request; it
    # is started again if it dies, and goes when the server goes.
    helper = _WorkerProcess() if background else None
    # proxy_headers off: uvicorn would otherwise take X-Forwarded-For from any loopback
    # client as the address; the site believes it only from GAOKU_TRUSTED_PROXY
    # (gaoku.accounts.lockout.client_address).
    uvicorn.run(
        "gaoku.site.asgi:application",
        host=host,
        port=port,
        workers=workers,
        proxy_headers=False,
        # Open event streams never end by themselves: on shutdown they are cut after this.
        timeout_graceful_shutdown=5,
    )
    if helper is not None:
        helper.stop()


class _WorkerProcess:
    """`gaoku worker` beside the server, watched: started again when it exits."""

    CHECK_SECONDS = 5

    def __init__(self) -> None:
        from django.conf import settings

        self.command = [sys.executable, "-m", "gaoku", "worker", "--data", str(settings.DATA_DIR)]
        self.process = subprocess.Popen(self.command)
        self.stopping = threading.Event()
        threading.Thread(target=self._watch, daemon=True, name="gaoku-worker-watch").start()

    def _watch(self) -> None:
        while not self.stopping.wait(self.CHECK_SECONDS):
            if self.process.poll() is not None and not self.stopping.is_set():
                click.echo(f"后台任务进程已退出（{self.process.returncode}），重新启动。", err=True)
                self.process = subprocess.Popen(self.command)

    def stop(self) -> None:
        self.stopping.set()
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
