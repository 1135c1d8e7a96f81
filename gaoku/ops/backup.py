"""Backup and restore of a running library: the database, the keys and the stored uploads
in one archive (its format: gaoku.core.archive).

The backup runs beside a live server. SQLite's online backup API copies the database in
one step, inside one read transaction, while WAL lets the writers go on; pg_dump reads
the snapshot that the transaction counting the rows exports, so the manifest's counts are
those of the dump. The uploads (job inputs, gaoku.ops.jobs: written before their job's
row, removed after the job is done) are read right after the snapshot: one stored
meanwhile is saved with no job to use it, which is harmless; one whose job finishes in
that moment is missed, and the restored job, not done in the snapshot, fails for want of
its input and says so. The search index is a cache: it is not saved (on PostgreSQL its
tables are dumped empty) and restore rebuilds it. The keys saved are the ones in use,
from the environment or the data directory.

Restore checks the whole archive before it writes anything, then writes the members into
a private folder inside the data directory, checking them again, and moves them into
place: the database first (on PostgreSQL, pg_restore in one transaction), then the keys
and the uploads. It then migrates, rebuilds the search index, and checks that the
fingerprint key in use is the one the restored database records.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

import gaoku
from gaoku.copies.keys import FingerprintKeyError, fingerprint_secret, key_digest, key_read
from gaoku.copies.models import Copy
from gaoku.core.archive import (
    DATABASE_MEMBERS,
    FINGERPRINT_KEY_MEMBER,
    FORMAT,
    FORMAT_VERSION,
    SECRET_KEY_MEMBER,
    UPLOADS,
    ArchiveInvalid,
    ArchiveWriter,
    BackupError,
    archive_read,
)
from gaoku.library.models import Material
from gaoku.members.models import Subscription
from gaoku.ops.audit import audit_record
from gaoku.search.models import SearchDocument, SearchSentence
from gaoku.search.services import search_reindex
from gaoku.site.datadir import datadir_ensure

ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

NO_DATABASE = "没有找到数据库 {path}：请先运行 gaoku init，或用 --data 指明数据目录。"
DATABASE_UNREADABLE = "无法读取数据库：{reason}"
ENGINE_UNSUPPORTED = "不支持备份 {vendor} 数据库：稿库只支持 SQLite 和 PostgreSQL。"
TOOL_MISSING = "找不到 {tool}：PostgreSQL 的备份和恢复需要它（Debian 上安装 postgresql-client）。"
TOOL_FAILED = "{tool} 失败：{detail}"
ARCHIVE_IS_FOLDER = "无法写入备份文件 {path}：这是一个目录。"
DATA_NOT_EMPTY = (
    "数据目录 {path} 不是空的：恢复会覆盖其中的数据库、密钥和上传文件。"
    "请恢复到一个空目录，或确认覆盖后加 --force。"
)
DATABASE_NOT_EMPTY = (
    "数据库 {name} 不是空的：恢复会覆盖其中的数据。请恢复到一个空数据库，或确认覆盖后加 --force。"
)
ENGINE_MISMATCH = (
    "这份备份来自 {archived} 数据库，当前配置的是 {current}（DATABASE_URL）："
    "请按备份的数据库类型配置后再恢复。未写入任何数据。"
)
DATA_UNWRITABLE = "无法写入数据目录 {path}：{reason}"
ARCHIVE_CHANGED = "备份文件在恢复过程中被改动，恢复已中止。"
KEY_OVERRIDDEN = "（GAOKU_FINGERPRINT_KEY 已设置，它优先于数据目录里的 fingerprint_key 文件。）"
AUDIT_FAILED = "备份已写好，但没能记入审计日志：{reason}"
COUNTS_DIFFER = "恢复后的数量 {restored} 与备份清单记录的 {archived} 不一致。"


class RestoreRefused(BackupError):
    """The data directory or the database is in use, or of another engine."""

    code = "restore_refused"


@dataclass(frozen=True)
class Counts:
    materials: int
    members: int
    copies: int


@dataclass(frozen=True)
class BackupMade:
    path: Path
    bytes: int
    sha256: str
    created: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Restored:
    data: Path
    counts: Counts
    warnings: tuple[str, ...] = ()


def backup_create(*, path: Path) -> BackupMade:
    """Write a consistent backup of the running library to ``path``, atomically, mode 0600.

    Its warnings say when the fingerprint key in use is missing or not the recorded one.

    Raises:
        BackupError: no database, the database cannot be read or dumped, or the archive
            cannot be written.
    """
    target = path.resolve()
    if target.is_dir():
        raise BackupError(ARCHIVE_IS_FOLDER.format(path=target))
    engine = _engine()
    now = timezone.now()
    created = timezone.localtime(now).isoformat(timespec="seconds")
    fingerprint_key = key_read()
    with ArchiveWriter(target, mtime=int(now.timestamp())) as archive:
        keys = {SECRET_KEY_MEMBER: _secret_key_in_use(), FINGERPRINT_KEY_MEMBER: fingerprint_key}
        for name, key in keys.items():
            if key:
                archive.add(name, key.encode())
        # The snapshot goes next to the archive: where the operator has made room for it.
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{target.name}.") as tmp:
            snapshot = Path(tmp) / "database"
            counts = _sqlite_copy(snapshot) if engine == "sqlite" else _postgres_dump(snapshot)
            # The uploads right after the snapshot, while it is closest to them.
            for name, upload in _uploads():
                try:
                    with open(upload, "rb") as handle:
                        archive.add(name, handle)
                except FileNotFoundError:
                    continue  # its job has finished with it meanwhile
            with open(snapshot, "rb") as handle:
                archive.add(DATABASE_MEMBERS[engine], handle)
        archive.close(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created": created,
                "gaoku": gaoku.__version__,
                "engine": engine,
                "counts": asdict(counts),
                "fingerprint_key_digest": key_digest(fingerprint_key) if fingerprint_key else None,
            }
        )
    warnings = _key_warnings()
    try:
        audit_record(
            "backup.create",
            actor=None,
            object=str(target),
            detail={"sha256": archive.sha256, "engine": engine, "counts": asdict(counts)},
        )
    except DatabaseError as exc:
        # The backup is made: a library not yet migrated, or locked, does not undo it.
        warnings.append(AUDIT_FAILED.format(reason=str(exc).splitlines()[0]))
    return BackupMade(
        path=target,
        bytes=archive.bytes,
        sha256=archive.sha256,
        created=created,
        warnings=tuple(warnings),
    )


def backup_restore(*, path: Path, force: bool = False) -> Restored:
    """Restore the archive at ``path`` into the data directory (and, on PostgreSQL, the
    DATABASE_URL database), migrate, and rebuild the search index.

    The data directory (and the database) must be empty unless ``force``. Nothing is
    written before every member has been checked against the manifest. Its warnings say
    when the fingerprint key in use is not the one the restored database records.

    Raises:
        BackupError: the target is not empty, or the archive is unreadable, corrupt,
            truncated, altered, unsafe, or from another database engine.
    """
    archive = path.resolve()
    data = Path(settings.DATA_DIR)
    if data.exists() and (not data.is_dir() or any(data.iterdir())) and not force:
        raise RestoreRefused(DATA_NOT_EMPTY.format(path=data))
    manifest = archive_read(archive)
    engine = _engine()
    if manifest["engine"] != engine:
        archived, current = ENGINE_NAMES[manifest["engine"]], ENGINE_NAMES[engine]
        raise RestoreRefused(ENGINE_MISMATCH.format(archived=archived, current=current))
    if engine == "postgresql" and not force and _tables():
        raise RestoreRefused(DATABASE_NOT_EMPTY.format(name=settings.DATABASES["default"]["NAME"]))

    os.umask(0o077)
    made = [folder for folder in (data, *data.parents) if not folder.exists()]
    try:
        data.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=data, prefix=".restore-"))
    except OSError as exc:
        raise BackupError(DATA_UNWRITABLE.format(path=data, reason=exc.strerror)) from exc
    try:
        if archive_read(archive, into=staging) != manifest:
            raise ArchiveInvalid(ARCHIVE_CHANGED)
        _put_in_place(staging, engine, force=force)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in made:  # the folders this restore made, if it left them empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    shutil.rmtree(staging, ignore_errors=True)

    datadir_ensure(data)
    call_command("migrate", interactive=False, verbosity=0)
    search_reindex()
    with connection.cursor() as cursor:
        counts = _counts(cursor)
    audit_record(
        "backup.restore",
        actor=None,
        object=str(archive),
        detail={"created": manifest["created"], "engine": engine, "counts": asdict(counts)},
    )
    warnings = _key_warnings()
    archived = Counts(**manifest["counts"])
    if counts != archived:
        warnings.append(COUNTS_DIFFER.format(restored=asdict(counts), archived=asdict(archived)))
    return Restored(data=data, counts=counts, warnings=tuple(warnings))


def _counts(cursor: Any) -> Counts:
    """Materials, members (accounts that ever had a subscription: a member is a visitor
    with a subscription, gaoku.accounts.services) and issued copies.

    Plain SQL on a DB-API cursor, so that one count runs on a SQLite snapshot file, inside
    the transaction whose snapshot pg_dump reads, and on the restored database.
    """
    user = Subscription._meta.get_field("user").column
    cursor.execute(
        f'SELECT (SELECT COUNT(*) FROM "{Material._meta.db_table}"),'
        f' (SELECT COUNT(DISTINCT "{user}") FROM "{Subscription._meta.db_table}"),'
        f' (SELECT COUNT(*) FROM "{Copy._meta.db_table}")'
    )
    return Counts(*cursor.fetchone())


def _engine() -> str:
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(ENGINE_UNSUPPORTED.format(vendor=connection.vendor))
    return connection.vendor


def _tables() -> list[str]:
    try:
        return connection.introspection.table_names()
    except DatabaseError as exc:
        reason = str(exc).splitlines()[0]
        raise BackupError(DATABASE_UNREADABLE.format(reason=reason)) from exc


def _sqlite_copy(snapshot: Path) -> Counts:
    source = Path(settings.DATABASES["default"]["NAME"])
    if not source.is_file():
        raise BackupError(NO_DATABASE.format(path=source))
    try:
        with (
            closing(sqlite3.connect(source, timeout=20)) as live,
            closing(sqlite3.connect(snapshot)) as copy,
        ):
            # In one step (pages=-1): one read transaction, so one consistent state.
            live.backup(copy)
            # The copy stands alone, with no -wal file beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
            (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise BackupError(DATABASE_UNREADABLE.format(reason=verdict))
            return _counts(copy.cursor())
    except sqlite3.Error as exc:
        raise BackupError(DATABASE_UNREADABLE.format(reason=exc)) from exc


def _postgres_dump(snapshot: Path) -> Counts:
    tool = _pg_tool("pg_dump")
    cache = [SearchDocument._meta.db_table, SearchSentence._meta.db_table]
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # The counts and the dump read one snapshot: this transaction's, given to pg_dump.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (exported,) = cursor.fetchone()
            counts = _counts(cursor)
            _pg_run(
                tool,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={exported}",
                *(f"--exclude-table-data={table}" for table in cache),
                f"--file={snapshot}",
            )
    except DatabaseError as exc:
        reason = str(exc).splitlines()[0]
        raise BackupError(DATABASE_UNREADABLE.format(reason=reason)) from exc
    return counts


def _pg_restore(dump: Path, *, force: bool) -> None:
    tool = _pg_tool("pg_restore")
    connection.close()
    clean = ["--clean", "--if-exists"] if force else []
    name = settings.DATABASES["default"]["NAME"]
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    _pg_run(tool, *options, *clean, f"--dbname={name}", str(dump))


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(TOOL_MISSING.format(tool=name))
    return found


def _pg_run(*args: str) -> None:
    """Run a PostgreSQL client tool on the configured database, the password passed in
    the environment, never on the command line."""
    db = settings.DATABASES["default"]
    given = {
        "PGDATABASE": db.get("NAME"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGSSLMODE": db.get("OPTIONS", {}).get("sslmode"),
    }
    env = {**os.environ, **{k: str(v) for k, v in given.items() if v}}
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        detail = lines[-1] if lines else f"exit {done.returncode}"
        raise BackupError(TOOL_FAILED.format(tool=Path(args[0]).name, detail=detail))


def _secret_key_in_use() -> str:
    """The web secret key, unless this process made up one of its own (no key yet)."""
    if os.environ.get("GAOKU_SECRET_KEY") or Path(settings.SECRET_KEY_FILE).is_file():
        return settings.SECRET_KEY
    return ""


def _uploads() -> list[tuple[str, Path]]:
    """The stored uploads as (member name, file): regular files only, links not followed."""
    root = Path(settings.DATA_DIR) / UPLOADS
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                found.append((f"{UPLOADS}/{path.relative_to(root).as_posix()}", path))
    return found


def _key_warnings() -> list[str]:
    """Whether the fingerprint key in use is the one the database records."""
    try:
        fingerprint_secret()
    except FingerprintKeyError as exc:
        return [exc.message + (KEY_OVERRIDDEN if settings.GAOKU_FINGERPRINT_KEY else "")]
    return []


def _put_in_place(staging: Path, engine: str, *, force: bool) -> None:
    """Move the checked members from ``staging`` into the data directory: the database
    first (the step that may still fail), then the keys and the uploads."""
    dump = staging / DATABASE_MEMBERS[engine]
    if engine == "sqlite":
        database = Path(settings.DATABASES["default"]["NAME"])
        # A journal left beside an older database would be replayed into this one.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.replace(dump, database)
    else:
        _pg_restore(dump, force=force)
    keys = {
        SECRET_KEY_MEMBER: settings.SECRET_KEY_FILE,
        FINGERPRINT_KEY_MEMBER: settings.GAOKU_FINGERPRINT_KEY_FILE,
    }
    for member, place in keys.items():
        if (staging / member).is_file():
            os.replace(staging / member, place)
    uploads = Path(settings.DATA_DIR) / UPLOADS
    if uploads.exists():
        shutil.rmtree(uploads)
    if (staging / UPLOADS).is_dir():
        os.replace(staging / UPLOADS, uploads)
