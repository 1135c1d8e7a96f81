"""`gaoku copy` and `gaoku localize`: a member's fingerprinted copy of a material, plain or
localised, from the command line."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from gaoku.cli.base import data_option, emit, json_option, main, setup
from gaoku.errors import InvalidInput

FORMATS = ("txt", "docx", "pdf")


def _copy_options(command):
    """The options `copy` and `localize` share."""
    for option in reversed(
        [
            data_option,
            click.argument("material", type=int),
            click.option("--member", "username", required=True, help="The member the copy is for."),
            click.option("--format", "fmt", type=click.Choice(FORMATS), required=True),
            click.option(
                "-o",
                "--output",
                type=click.Path(dir_okay=False, path_type=Path),
                required=True,
                help="File to write.",
            ),
            click.option(
                "--version", "version_number", type=click.IntRange(1), help="Default: current."
            ),
            json_option,
        ]
    ):
        command = option(command)
    return command


@main.command(name="copy")
@_copy_options
def copy(
    data: Path,
    material: int,
    username: str,
    fmt: str,
    output: Path,
    version_number: int | None,
    as_json: bool,
) -> None:
    """Issue a fresh copy for a member, under the member's entitlement, and record it."""
    _issue(data, material, username, fmt, output, version_number, as_json, None)


@main.command()
@_copy_options
@click.option(
    "--fill",
    "fills",
    multiple=True,
    metavar="TOKEN=TEXT",
    help="A placeholder and what fills it, e.g. 'X部长=王部长' (repeatable).",
)
@click.option("--year", type=int, help="The year for 20XX年.")
@click.option(
    "--update",
    "updates",
    multiple=True,
    metavar="REFERENCE",
    help="A stale reference to bring up to date, as written (十九大); see `gaoku stale`.",
)
def localize(
    data: Path,
    material: int,
    username: str,
    fmt: str,
    output: Path,
    version_number: int | None,
    as_json: bool,
    fills: tuple[str, ...],
    year: int | None,
    updates: tuple[str, ...],
) -> None:
    """Issue a member's copy with the placeholders filled and chosen stale references
    updated: still the member's traceable copy, recorded like any other."""
    from gaoku.core.localize import Localisation

    pairs = {}
    for fill in fills:
        token, sep, text = fill.partition("=")
        if not sep or not token.strip():
            raise InvalidInput(
                f"--fill 应写成 待填项=内容，例如 'X部长=王部长'：{fill}", code="bad_fill"
            )
        pairs[token.strip()] = text
    asked = Localisation(fills=pairs, year=year, updates=frozenset(updates))
    _issue(data, material, username, fmt, output, version_number, as_json, asked)


def _issue(data, material, username, fmt, output, version_number, as_json, localisation) -> None:
    setup(data)
    from gaoku.copies.models import Channel
    from gaoku.copies.services import copy_issue
    from gaoku.library.selectors import material_get
    from gaoku.members.selectors import member_get

    target = output.resolve()
    # Fail on an unwritable destination before a copy is recorded.
    try:
        fd, draft = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        os.close(fd)
    except OSError as exc:
        raise InvalidInput(f"无法写入 {target}：{exc.strerror}", code="unwritable") from exc
    try:
        issued = copy_issue(
            user=member_get(username),
            material=material_get(material),
            version_number=version_number,
            fmt=fmt,
            address=None,
            channel=Channel.CLI,
            localisation=localisation,
        )
        Path(draft).write_bytes(issued.content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(draft, 0o666 & ~umask)
        os.replace(draft, target)
    finally:
        if os.path.exists(draft):
            os.unlink(draft)
    document = {
        "copy": issued.copy.pk,
        "material": material,
        "version": issued.copy.version.number,
        "member": username,
        "format": fmt,
        "path": str(target),
    }
    if as_json:
        emit(document)
    else:
        click.echo(f"副本 #{issued.copy.pk} → {target}")
