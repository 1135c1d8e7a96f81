"""The backup archive: one gzip-compressed tar file, checked member by member.

Format 1::

    database/gaoku.sqlite3   SQLite: a snapshot taken with the online backup API
    database/gaoku.pgdump    or PostgreSQL: pg_dump's custom format
    keys/secret_key          the web secret key in use
    keys/fingerprint_key     the fingerprint key in use: without it no copy can be traced
    uploads/…                stored uploads
    manifest.json            last: format, version, created, engine, Gaoku version,
                             counts, and every other member's size and sha256

:class:`ArchiveWriter` writes it to a private temporary file beside the target and
renames it into place, mode 0600; each member's checksum is taken from the very bytes
that go into the archive. :func:`archive_read` checks every member's name and type (a
regular file under a known folder: no absolute path, no ``..``, no link or device) and
its size and checksum against the manifest; only with ``into`` does it write anything,
and then only below that folder. A reader checks the whole archive once without writing
before it extracts: a corrupt, truncated, tampered or hostile archive then leaves no trace.

The checksums detect damage, not a forger: whoever can rewrite the archive can rewrite
its manifest too. Keep backups where only the operator can write.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, Any

from gaoku.errors import GaokuError

FORMAT = "gaoku-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database/gaoku.sqlite3", "postgresql": "database/gaoku.pgdump"}
SECRET_KEY_MEMBER = "keys/secret_key"
FINGERPRINT_KEY_MEMBER = "keys/fingerprint_key"
UPLOADS = "uploads"
_KNOWN = {MANIFEST, SECRET_KEY_MEMBER, FINGERPRINT_KEY_MEMBER, *DATABASE_MEMBERS.values()}
_MANIFEST_LIMIT = 16 * 1024 * 1024
_CHUNK = 1024 * 1024

ARCHIVE_UNWRITABLE = "无法写入备份文件 {path}：{reason}"
ARCHIVE_UNREADABLE = "无法读取备份文件 {path}：{reason}"
ARCHIVE_CORRUPT = (
    "{path} 不是完好的稿库备份：文件损坏、不完整或格式不对（{reason}）。未写入任何数据。"
)
NOT_A_BACKUP = "{path} 不是稿库备份：缺少有效的 manifest.json。未写入任何数据。"
FORMAT_NEWER = "备份格式版本 {version} 不受支持：它来自更新的稿库，请先升级。未写入任何数据。"
MEMBER_UNSAFE = (
    "备份文件含有不安全的条目 {member}（绝对路径、“..”、链接或特殊文件），拒绝恢复。"
    "未写入任何数据。"
)
MEMBER_UNEXPECTED = "备份文件含有清单之外的条目 {member}，拒绝恢复。未写入任何数据。"
MEMBER_MISSING = "备份文件缺少清单记录的 {member}：文件不完整。未写入任何数据。"
MEMBER_TAMPERED = "备份文件中 {member} 的校验和与清单不符：文件已损坏或被改动。未写入任何数据。"
EXTRACT_FAILED = "无法写入 {path}：{reason}"


class BackupError(GaokuError):
    """A backup cannot be made, or an archive cannot be restored."""

    code = "backup"


class ArchiveInvalid(BackupError):
    """The archive is corrupt, truncated, not a Gaoku backup, altered or hostile."""

    code = "backup_invalid"


class ArchiveWriter:
    """Writes an archive to ``target`` atomically: nothing is there until :meth:`close`
    succeeds, and a failure leaves nothing behind.

    Usage::

        with ArchiveWriter(target, mtime=...) as archive:
            archive.add("keys/secret_key", b"...")
            archive.add("database/gaoku.sqlite3", open(snapshot, "rb"))
            archive.close({"format": FORMAT, ...})   # writes manifest.json, renames
    """

    def __init__(self, target: Path, *, mtime: int) -> None:
        self.target = target
        self.mtime = mtime
        self.files: list[dict] = []
        self.bytes = 0
        self.sha256 = ""
        try:
            fd, draft = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        except OSError as exc:
            raise BackupError(ARCHIVE_UNWRITABLE.format(path=target, reason=exc.strerror)) from exc
        self._draft = Path(draft)
        self._raw = os.fdopen(fd, "wb")
        self._out = _Hashed(self._raw)
        self._gzip = gzip.GzipFile(fileobj=self._out, mode="wb", compresslevel=6, mtime=0)
        self._tar = tarfile.open(  # noqa: SIM115 (closed by close or __exit__)
            fileobj=self._gzip, mode="w|", format=tarfile.PAX_FORMAT
        )

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, tb: TracebackType) -> None:
        if not self._raw.closed:  # not closed: a failed or abandoned archive
            for part in (self._tar, self._gzip, self._raw):
                with contextlib.suppress(OSError, ValueError):
                    part.close()
        self._draft.unlink(missing_ok=True)

    def add(self, name: str, content: bytes | IO[bytes]) -> None:
        """Add one member, recording the size and sha256 of what went into the archive.

        A file that shrinks while it is read fails the backup ("unexpected end of data").
        """
        info = tarfile.TarInfo(name)
        info.mode, info.mtime = 0o600, self.mtime
        if isinstance(content, bytes):
            content = io.BytesIO(content)
            info.size = len(content.getbuffer())
        else:
            info.size = os.fstat(content.fileno()).st_size
        reader = _Hashed(content)
        self._guard(self._tar.addfile, info, reader)
        self.files.append({"path": name, "bytes": info.size, "sha256": reader.hexdigest()})

    def close(self, manifest: dict) -> None:
        """Write ``manifest`` with the members' checksums, and put the archive in place."""
        document = {**manifest, "files": self.files}
        data = json.dumps(document, ensure_ascii=False, indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.mode, info.mtime, info.size = 0o600, self.mtime, len(data)
        self._guard(self._tar.addfile, info, io.BytesIO(data))
        self._guard(self._finish)

    def _finish(self) -> None:
        self._tar.close()
        self._gzip.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self._draft, self.target)
        folder = os.open(self.target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        self.bytes, self.sha256 = self._out.size, self._out.hexdigest()

    def _guard(self, step: Any, *args: Any) -> None:
        try:
            step(*args)
        except OSError as exc:
            raise BackupError(ARCHIVE_UNWRITABLE.format(path=self.target, reason=exc)) from exc


def archive_read(archive: Path, *, into: Path | None = None) -> dict:
    """Check every member of ``archive`` against its manifest and return the manifest.

    With ``into``, also write each member below that folder (as new files: never through
    one that is there), checking it the same way; the caller removes the folder if this
    raises.

    Raises:
        BackupError: the archive is unreadable, corrupt, truncated, not a Gaoku backup,
            of a newer format, or has an unsafe, unlisted, missing or altered member.
    """
    seen: dict[str, dict] = {}
    manifest = None
    try:
        with open(archive, "rb") as handle, tarfile.open(fileobj=handle, mode="r|*") as tar:
            for member in tar:
                name = _member_name(member)
                if name in seen or (name == MANIFEST and manifest is not None):
                    raise ArchiveInvalid(MEMBER_UNEXPECTED.format(member=name))
                source = tar.extractfile(member)
                if name == MANIFEST:
                    if member.size > _MANIFEST_LIMIT:
                        raise ArchiveInvalid(NOT_A_BACKUP.format(path=archive))
                    manifest = source.read()
                else:
                    seen[name] = _copy(source, name, into)
    except (tarfile.TarError, EOFError, zlib.error) as exc:
        raise ArchiveInvalid(ARCHIVE_CORRUPT.format(path=archive, reason=exc)) from exc
    except OSError as exc:
        # Writing errors are BackupErrors already (_copy): this is the archive's reading.
        raise BackupError(ARCHIVE_UNREADABLE.format(path=archive, reason=exc.strerror)) from exc
    return _manifest_check(archive, manifest, seen)


def _member_name(member: tarfile.TarInfo) -> str:
    name = member.name
    parts = name.split("/")
    if not member.isreg() or name.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ArchiveInvalid(MEMBER_UNSAFE.format(member=name))
    if name not in _KNOWN and not (parts[0] == UPLOADS and len(parts) > 1):
        raise ArchiveInvalid(MEMBER_UNEXPECTED.format(member=name))
    return name


def _copy(source: IO[bytes], name: str, into: Path | None) -> dict:
    """The size and sha256 of ``source``, written to ``into/name`` if ``into`` is given."""
    digest, size, out = hashlib.sha256(), 0, None
    target = into / name if into is not None else None
    try:
        if target is not None:
            if not target.resolve().is_relative_to(into.resolve()):
                raise ArchiveInvalid(MEMBER_UNSAFE.format(member=name))
            target.parent.mkdir(parents=True, exist_ok=True)
            out = open(target, "xb")  # noqa: SIM115 (closed below)
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if out is not None:
                out.write(chunk)
    except OSError as exc:
        raise BackupError(EXTRACT_FAILED.format(path=target, reason=exc.strerror)) from exc
    finally:
        if out is not None:
            out.close()
    return {"bytes": size, "sha256": digest.hexdigest()}


def _manifest_check(archive: Path, raw: bytes | None, seen: dict[str, dict]) -> dict:
    if raw is None:
        raise ArchiveInvalid(NOT_A_BACKUP.format(path=archive))
    try:
        manifest = json.loads(raw)
        if manifest.get("format") != FORMAT or manifest.get("engine") not in DATABASE_MEMBERS:
            raise ValueError(manifest.get("format"))
        listed = {
            f["path"]: {"bytes": f["bytes"], "sha256": f["sha256"]} for f in manifest["files"]
        }
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ArchiveInvalid(NOT_A_BACKUP.format(path=archive)) from exc
    version = manifest.get("version")
    if not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
        raise ArchiveInvalid(FORMAT_NEWER.format(version=version))
    if extra := sorted(seen.keys() - listed.keys()):
        raise ArchiveInvalid(MEMBER_UNEXPECTED.format(member=extra[0]))
    for name in sorted({DATABASE_MEMBERS[manifest["engine"]], *listed}):
        if name not in seen:
            raise ArchiveInvalid(MEMBER_MISSING.format(member=name))
        if seen[name] != listed[name]:
            raise ArchiveInvalid(MEMBER_TAMPERED.format(member=name))
    # A member that is also another's folder ("uploads/a" and "uploads/a/b").
    folders = {str(p) for name in seen for p in PurePosixPath(name).parents}
    if clash := sorted(folders & seen.keys()):
        raise ArchiveInvalid(MEMBER_UNSAFE.format(member=clash[0]))
    return manifest


class _Hashed:
    """A file wrapper hashing and counting what is read from it or written to it."""

    def __init__(self, file: Any) -> None:
        self.file = file
        self.size = 0
        self._sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.file.read(size)
        self._sha256.update(chunk)
        self.size += len(chunk)
        return chunk

    def write(self, chunk: bytes) -> int:
        self._sha256.update(chunk)
        self.size += len(chunk)
        return self.file.write(chunk)

    def flush(self) -> None:
        self.file.flush()

    def hexdigest(self) -> str:
        return self._sha256.hexdigest()
