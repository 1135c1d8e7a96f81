"""Zip packs: the archive a distributor ships its documents in, or an editor zips a folder
into, read entry by entry as files of one import.

A pack is a zip that is not itself an office file (a .docx, .xlsx or .odt is a zip too).
Nothing is extracted to disk: each entry's bytes are read, at most ``max_bytes`` of them,
and handed on as a file of the import. The central directory is checked first, as a
Word file's is (``check_zip``): too many entries, too many bytes in all, or an entry
inflated too many times refuses the whole pack before anything is read. An entry that
cannot be read (encrypted, too large, a pack inside the pack) is reported under its own
name beside the entries that can. Names written by Chinese Windows carry no UTF-8 flag
and are read as GB18030; folders, hidden files and the metadata that macOS and Windows
leave in archives are skipped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gaoku.core.readers import messages
from gaoku.core.readers.docx import zip_within
from gaoku.errors import ImportRejected

# A pack holds a distributor's whole collection: more entries and bytes than a Word file.
MAX_PACK_ENTRIES = 5000
MAX_PACK_BYTES = 2 * 1024**3
# Entries that are an office file's own parts: such a zip is a document, not a pack.
_OFFICE_PARTS = ("[Content_Types].xml", "mimetype")
_SYSTEM_FILES = {"__MACOSX", "Thumbs.db", "desktop.ini"}
_UTF8_NAME = 0x800


@dataclass(frozen=True)
class PackedFile:
    """One entry of a pack: its bytes, or why it cannot be imported."""

    name: str  # the pack's name, then the entry's path in it: 材料包.zip/讲话/一.docx
    data: bytes = b""
    error: ImportRejected | None = None


def is_pack(path: Path) -> bool:
    """Whether ``path`` is a zip of files to import, not an office document."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return path.suffix.lower() not in (".docx", ".docm") and not any(
        name in _OFFICE_PARTS or name.startswith("word/") for name in names
    )


def unpack(path: Path, *, max_bytes: int, name: str = "") -> Iterator[PackedFile]:
    """The files of a pack, in the order of their names, named after the pack's ``name``
    (by default its file's).

    Raises:
        ImportRejected: ``corrupt`` for a damaged pack; ``zip_bomb`` for one past the
            limits on entries, bytes in all or an entry's compression ratio.
    """
    try:
        archive = zipfile.ZipFile(path)
    except Exception as exc:  # BadZipFile, and ValueError or OSError on a damaged directory
        raise ImportRejected(messages.PACK_CORRUPT, code="corrupt") from exc
    with archive:
        infos = [info for info in archive.infolist() if _imported(info)]
        if not zip_within(infos, max_entries=MAX_PACK_ENTRIES, max_bytes=MAX_PACK_BYTES):
            raise ImportRejected(messages.PACK_ZIP_BOMB, code="zip_bomb")
        for info in sorted(infos, key=_entry_name):
            yield _entry(archive, info, f"{name or path.name}/{_entry_name(info)}", max_bytes)


def _imported(info: zipfile.ZipInfo) -> bool:
    parts = PurePosixPath(_entry_name(info)).parts
    return not info.is_dir() and not any(
        part.startswith(".") or part in _SYSTEM_FILES for part in parts
    )


def _entry_name(info: zipfile.ZipInfo) -> str:
    """The entry's path as its writer wrote it: without the UTF-8 flag, zipfile reads a
    name as CP437, where Chinese Windows wrote GB18030 (or a Mac, UTF-8)."""
    if info.flag_bits & _UTF8_NAME:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> PackedFile:
    if info.flag_bits & 0x1:
        return PackedFile(
            name, error=ImportRejected(messages.PACK_ENTRY_ENCRYPTED, code="encrypted")
        )
    if info.file_size > limit:
        too_large = messages.TOO_LARGE.format(limit_mb=limit / (1024 * 1024))
        return PackedFile(name, error=ImportRejected(too_large, code="too_large"))
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except Exception:  # a bad CRC, an unknown compression method, a damaged entry
        return PackedFile(name, error=ImportRejected(messages.PACK_CORRUPT, code="corrupt"))
    if data.startswith(b"PK\x03\x04") and name.lower().endswith(".zip"):
        return PackedFile(
            name, error=ImportRejected(messages.PACK_NESTED, code="unsupported_format")
        )
    return PackedFile(name, data)
