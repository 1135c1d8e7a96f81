"""The `gaoku` command: each subcommand calls one service and prints through `emit`.

Every command takes ``--data DIR`` (or ``GAOKU_DATA``); with ``--json`` it prints exactly
one JSON document on stdout. A ``GaokuError`` becomes exit code 1 with its one-line
message on stderr, at one place: ``GaokuCommand.invoke``.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from gaoku.errors import GaokuError, InvalidInput

T = TypeVar("T")
DOC_TYPES = ("讲话稿", "工作报告", "心得体会", "述职报告", "发言材料", "方案", "总结", "其他")
stderr = Console(stderr=True)


class CliError(click.ClickException):
    """A one-line error on stderr and exit code 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"gaoku: {self.format_message()}", err=True)


class GaokuCommand(click.Command):
    """Turns the library's own errors into CLI errors, at one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GaokuError as exc:
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


def setup(data: Path) -> Path:
    """Point Django at the data directory and start it."""
    data = data.resolve()
    # pypdf logs every oddity of a damaged PDF; the reader already turns what matters into
    # one clear error, and stderr must stay one line.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    os.environ["GAOKU_DATA"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gaoku.site.settings")
    import django

    django.setup()
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

    call_command("migrate", interactive=False, verbosity=0)
    roles_sync()
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
    _init(data)
    from gaoku.accounts.services import demo_accounts_ensure
    from gaoku.library.demo import demo_library_populate

    accounts = demo_accounts_ensure()
    created = demo_library_populate(count=count, progress=progress_bar("生成演示资料"))
    click.echo(f"演示资料库 demo library: {created} new materials in {data.resolve()}")
    click.echo("演示账号 demo logins (username / password):")
    for username, password, role in accounts:
        click.echo(f"  {role:<8} {username} / {password}")
    if not no_serve:
        _serve(host, port, workers=1)


@main.command()
@data_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
def serve(data: Path, host: str, port: int, workers: int) -> None:
    """Serve the web site (ASGI, uvicorn)."""
    from gaoku.site.datadir import datadir_ensure

    setup(datadir_ensure(data.resolve()))
    _serve(host, port, workers)


def _serve(host: str, port: int, workers: int) -> None:
    import uvicorn

    click.echo(f"稿库 Gaoku: http://{host}:{port}/")
    uvicorn.run("gaoku.site.asgi:application", host=host, port=port, workers=workers)


@main.command(name="import")
@data_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES), help="Document type.")
@click.option("--topic", "topics", multiple=True, help="Topic tag (repeatable).")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.option("--level", default="", help="Level, e.g. 县级.")
@click.option("--occasion", default="", help="Occasion, e.g. 全县工作会议.")
@click.option(
    "--on-similar",
    type=click.Choice(["version", "new"]),
    default="version",
    show_default=True,
    help="A text >= 90% similar to a material becomes its next version, or a new material.",
)
@json_option
def import_(
    data: Path,
    paths: tuple[Path, ...],
    doc_type: str | None,
    topics: tuple[str, ...],
    published: str | None,
    level: str,
    occasion: str,
    on_similar: str,
    as_json: bool,
) -> None:
    """Import files or folders (txt in any Chinese encoding, md, docx, pdf)."""
    setup(data)
    from gaoku.library.selectors import cleaning_patterns_enabled
    from gaoku.library.serializers import import_outcome_to_dict
    from gaoku.library.services import ImportMetadata, material_import_file

    metadata = ImportMetadata(
        doc_type=doc_type,
        topics=topics,
        published=_parse_date(published),
        level=level,
        occasion=occasion,
    )
    files, errors = _collect(paths)
    patterns = cleaning_patterns_enabled()
    imported = []
    for path in progress_bar("导入 importing")(files):
        try:
            outcome = material_import_file(
                path=path, metadata=metadata, on_similar=on_similar, patterns=patterns
            )
        except GaokuError as exc:
            errors.append({"path": str(path), "error": exc.message})
            continue
        imported.append(import_outcome_to_dict(outcome) | {"_status": outcome.status})
    if as_json:
        emit(
            {
                "imported": [{k: v for k, v in e.items() if k != "_status"} for e in imported],
                "errors": errors,
            }
        )
    else:
        _print_imported(imported, errors)
    if errors:
        raise CliError(f"{len(errors)} 个文件未能导入 ({len(errors)} file(s) not imported)")


_STATUS = {"created": "新资料", "new_version": "新版本", "unchanged": "未改变"}


def _print_imported(imported: list[dict], errors: list[dict]) -> None:
    for entry in imported:
        click.echo(
            f"{_STATUS[entry['_status']]}  #{entry['material']} v{entry['version']}  "
            f"{entry['title']}  ({entry['chars']} 字，删除 {len(entry['removed_lines'])} 行)"
        )
    for error in errors:
        click.echo(f"失败  {error['path']}: {error['error']}", err=True)


def _collect(paths: tuple[Path, ...]) -> tuple[list[Path], list[dict]]:
    """Files named or found under folders (hidden ones skipped), and missing paths."""
    files: list[Path] = []
    errors: list[dict] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            errors.append({"path": str(path), "error": "文件不存在 (no such file)"})
    return files, errors


def _parse_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"日期格式应为 YYYY-MM-DD：{value}") from exc


@main.group(cls=GaokuGroup)
def materials() -> None:
    """List and show materials."""


@materials.command(name="list")
@data_option
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES))
@click.option("--topic")
@json_option
def materials_list(data: Path, doc_type: str | None, topic: str | None, as_json: bool) -> None:
    """List the materials, newest first."""
    setup(data)
    from gaoku.library.selectors import material_list
    from gaoku.library.serializers import material_summary_to_dict

    rows = [material_summary_to_dict(m) for m in material_list(doc_type=doc_type, topic=topic)]
    if as_json:
        emit({"materials": rows, "total": len(rows)})
        return
    for row in rows:
        click.echo(
            f"#{row['material']:<5} v{row['version']:<2} {row['published'] or '':<10} "
            f"{row['type']:<5} {row['title']}"
        )


@materials.command(name="show")
@data_option
@click.argument("material_id", type=int)
@json_option
def materials_show(data: Path, material_id: int, as_json: bool) -> None:
    """Show one material: metadata, outline and text."""
    setup(data)
    from gaoku.library.selectors import material_get
    from gaoku.library.serializers import material_to_dict

    doc = material_to_dict(material_get(material_id), text=True)
    if as_json:
        emit(doc)
        return
    click.echo(f"#{doc['material']} v{doc['version']}  {doc['title']}")
    click.echo(f"{doc['type']} · {' '.join(doc['topics'])} · {doc['published']}")
    outline = doc["outline"]
    for part in outline["parts"]:
        click.echo(f"  {part['heading']}")
        for point in part["points"]:
            click.echo(f"    · {point}")
    click.echo("")
    click.echo(doc["text"])
