"""`gaoku backup | restore | audit`: the whole library in one archive, and back; the
audit log."""

from __future__ import annotations

from pathlib import Path

import click

from gaoku.cli.base import data_option, emit, json_option, main, parse_date, setup


@main.command()
@data_option
@click.argument("file", type=click.Path(path_type=Path))
@json_option
def backup(data: Path, file: Path, as_json: bool) -> None:
    """Back up the database, the keys and the stored uploads into FILE, while the site
    runs. The search index is rebuilt on restore."""
    setup(data)
    from gaoku.ops.backup import backup_create

    made = backup_create(path=file)
    _warn(made.warnings)
    document = {
        "path": str(made.path),
        "bytes": made.bytes,
        "sha256": made.sha256,
        "created": made.created,
    }
    if as_json:
        emit(document)
    else:
        click.echo(f"备份 backup: {made.path} ({made.bytes} bytes, sha256 {made.sha256})")


@main.command()
@data_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite a data directory (and database) in use.")
@json_option
def restore(data: Path, file: Path, force: bool, as_json: bool) -> None:
    """Restore a backup into an empty data directory (and, with DATABASE_URL, an empty
    PostgreSQL database), checking every file first; then migrate and reindex. Stop the
    server before restoring over a library with --force."""
    setup(data)
    from gaoku.ops.backup import backup_restore

    restored = backup_restore(path=file, force=force)
    _warn(restored.warnings)
    counts = restored.counts
    document = {
        "restored": str(restored.data),
        "materials": counts.materials,
        "members": counts.members,
        "copies": counts.copies,
    }
    if as_json:
        emit(document)
    else:
        click.echo(
            f"已恢复到 restored into {restored.data}：资料 {counts.materials} 份，"
            f"会员 {counts.members} 人，副本 {counts.copies} 份"
        )


@main.command()
@data_option
@click.option("--since", default=None, help="From this day on (YYYY-MM-DD, Beijing time).")
@json_option
def audit(data: Path, since: str | None, as_json: bool) -> None:
    """The audit log, oldest first: who granted, suspended, imported, traced… what."""
    setup(data)
    from gaoku.ops.audit import audit_entry_to_dict, audit_list

    entries = [audit_entry_to_dict(e) for e in audit_list(since=parse_date(since))]
    if as_json:
        emit({"entries": entries})
        return
    for e in entries:
        detail = " ".join(f"{k}={v}" for k, v in e["detail"].items() if v not in ("", None, []))
        click.echo(f"{e['at'][:19]} {e['actor'] or '-'} {e['action']} {e['object']} {detail}")


def _warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        click.echo(f"警告 warning: {warning}", err=True)
