"""The `gaoku` command's shared parts: the group, the options, the JSON writer, the error
boundary. Each subcommand calls one service and prints through `emit`.

Every command takes ``--data DIR`` (or ``GAOKU_DATA``); with ``--json`` it prints exactly
one JSON document on stdout. A ``GaokuError`` becomes exit code 1 with its one-line
message on stderr, at one place: ``GaokuCommand.invoke``.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from gaoku.errors import GaokuError, InvalidInput

T = TypeVar("T")
stderr = Console(stderr=True)


class CliError(click.ClickException):
    """A one-line error on stderr and exit code 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"gaoku: {self.format_message()}", err=True)


class GaokuCommand(click.Command):
    """Turns the library's own errors into CLI errors, at one place. With ``--json`` the
    error is also the one document on stdout, as the API answers it:
    ``{"error": {"code": S, "message": S}}``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GaokuError as exc:
            if ctx.params.get("as_json"):
                emit({"error": {"code": exc.code, "message": exc.message}})
            raise CliError(exc.message) from exc


class GaokuGroup(click.Group):
    command_class = GaokuCommand
    group_class = type


def data_option(f: Callable) -> Callable:
    return click.option(
        "--data",
        envvar="GAOKU_DATA",
        default="gaoku-data",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Data directory (database, secret key).",
    )(f)


def json_option(f: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")(f)


def emit(document: Any) -> None:
    """The one JSON writer."""
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


def setup(data: Path, *, quiet: bool = True) -> Path:
    """Point Django at the data directory and start it; ``quiet`` (every command but
    ``serve``) keeps the log off stderr."""
    data = data.resolve()
    os.environ["GAOKU_DATA"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gaoku.site.settings")
    import django

    django.setup()
    from gaoku.ops.audit import audit_source_cli

    audit_source_cli()
    if quiet:
        # The services' own warnings (a refused copy…) are recorded in the database; a
        # command reports its error itself, on one line of stderr.
        root = logging.getLogger()
        for handler in [h for h in root.handlers if h.name == "stderr"]:
            root.removeHandler(handler)
        root.addHandler(logging.NullHandler())  # not Python's last-resort stderr either
    return data


def progress_bar(label: str) -> Callable[[Iterable[T]], Iterable[T]]:
    """An iteration wrapper drawing a progress bar on stderr (only on a terminal)."""

    def wrap(items: Iterable[T]) -> Iterable[T]:
        items = list(items)
        columns = (
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=stderr, disable=not stderr.is_terminal) as bar:
            yield from bar.track(items)

    return wrap


@click.group(cls=GaokuGroup)
@click.version_option(package_name="gaoku")
def main() -> None:
    """稿库 Gaoku: a members' library of Chinese official-writing materials."""


def read_source(source: str, limit: int) -> tuple[bytes, str]:
    """The bytes (at most ``limit + 1``, so that the reader can tell "too large") and the
    name of a file argument, ``-`` being stdin."""
    try:
        if source == "-":
            return sys.stdin.buffer.read(limit + 1), "stdin.txt"
        with open(source, "rb") as handle:
            return handle.read(limit + 1), Path(source).name
    except OSError as exc:
        raise InvalidInput(f"无法读取 {source}：{exc.strerror}", code="unreadable") from exc


def parse_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"日期格式应为 YYYY-MM-DD：{value}") from exc
