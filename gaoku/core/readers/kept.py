"""What was read of each file of an import, kept until the import is done.

Reading a scan takes OCR, seconds a page, and an import reads all its files before it
imports any (gaoku.core.cleaning.batch): an import stopped midway and run again finds
what it read kept here, under the digest of each file's bytes and name, and reads
nothing twice.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from pathlib import Path

from gaoku.core.readers import DEFAULT_MAX_BYTES, file_bytes, read_bytes
from gaoku.core.readers.base import ReadResult, extension


class KeptReads:
    """Reads kept in ``folder``, one JSON file each, written whole or not at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read_bytes(
        self, data: bytes, *, name: str = "", max_bytes: int = DEFAULT_MAX_BYTES
    ) -> ReadResult:
        """gaoku.core.readers.read_bytes, or what it gave for these bytes before."""
        # The name's extension breaks a tie between readers (Markdown or plain text).
        key = hashlib.sha256(data + b"\0" + extension(name).encode()).hexdigest()
        kept = self.folder / f"{key}.json"
        try:
            return ReadResult(**json.loads(kept.read_text("utf-8")))
        except (OSError, ValueError, TypeError):  # none yet, or cut short by a crash
            pass
        read = read_bytes(data, name=name, max_bytes=max_bytes)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.part")
        partial.write_text(json.dumps(dataclasses.asdict(read), ensure_ascii=False), "utf-8")
        partial.replace(kept)
        return read

    def read_path(self, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
        """gaoku.core.readers.read_path, or what it gave for this file's bytes before."""
        return self.read_bytes(file_bytes(path, max_bytes), name=path.name, max_bytes=max_bytes)

    def clear(self) -> None:
        """Forget every read kept: the import is done."""
        shutil.rmtree(self.folder, ignore_errors=True)
