"""Readers: the text of an imported file, whatever its format.

One reader per format behind one protocol (``Reader``), and a registry that asks each
reader to score the bytes and gives them to the highest (paperless-ngx's parser
registry is the model). Every failure is an ``ImportRejected`` with a one-line Chinese
message and a stable code; no other exception escapes for bad input.

Codes: ``empty``, ``too_large``, ``unreadable``, ``unsupported_format``,
``undecodable``, ``corrupt``, ``encrypted``, ``zip_bomb``, ``ocr_unavailable``,
``ocr_failed``.
"""

from __future__ import annotations

import os
from pathlib import Path

from gaoku.core.readers import messages
from gaoku.core.readers.base import Reader, ReadResult
from gaoku.core.readers.docx import DocxReader
from gaoku.core.readers.image import ImageReader
from gaoku.core.readers.markdown import MarkdownReader
from gaoku.core.readers.pdf import PdfReader
from gaoku.core.readers.txt import TxtReader, decode_text
from gaoku.errors import ImportRejected

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "ReadResult",
    "Reader",
    "decode_text",
    "file_bytes",
    "may_need_ocr",
    "pick_reader",
    "read_bytes",
    "read_path",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

READERS: tuple[Reader, ...] = (
    TxtReader(),
    MarkdownReader(),
    DocxReader(),
    PdfReader(),
    ImageReader(),
)


def _too_large(max_bytes: int) -> ImportRejected:
    return ImportRejected(
        messages.TOO_LARGE.format(limit_mb=max_bytes / (1024 * 1024)), code="too_large"
    )


def pick_reader(data: bytes, name: str = "") -> Reader:
    """The reader that scores ``data`` highest.

    Raises:
        ImportRejected: ``unsupported_format`` when no reader scores above 0.
    """
    best = max(READERS, key=lambda reader: reader.score(data, name))
    if best.score(data, name) <= 0:
        raise ImportRejected(messages.UNSUPPORTED_FORMAT, code="unsupported_format")
    return best


def may_need_ocr(data: bytes, name: str = "") -> bool:
    """Whether reading ``data`` may take OCR, seconds a page (a PDF may be a scan, an
    image always is): such files are read in the background."""
    try:
        return isinstance(pick_reader(data, name), PdfReader | ImageReader)
    except ImportRejected:
        return False


def read_bytes(data: bytes, *, name: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read the text of a file's bytes.

    Args:
        data: The file's content.
        name: The file's name; its extension only breaks ties (Markdown or plain text).
        max_bytes: Files larger than this are refused.

    Returns:
        The text, its format, the detected encoding (text formats) and whether OCR was
        used.

    Raises:
        ImportRejected: see the module's list of codes.
    """
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    if not data:
        raise ImportRejected(messages.EMPTY, code="empty")
    result = pick_reader(data, name).read(data, name)
    if not result.text.strip():
        raise ImportRejected(messages.EMPTY, code="empty")
    return result


def read_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read the text of a file, checking its size before reading it.

    Args:
        path: The file.
        max_bytes: Files larger than this are refused without being read.

    Raises:
        ImportRejected: ``unreadable`` when the file cannot be opened, and the codes
            of :func:`read_bytes`.
    """
    return read_bytes(file_bytes(path, max_bytes), name=Path(path).name, max_bytes=max_bytes)


def file_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, its size checked before they are read.

    Raises:
        ImportRejected: ``unreadable`` when the file cannot be opened, ``too_large``.
    """
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes:
            raise _too_large(max_bytes)
        with path.open("rb") as handle:
            # The file may have grown since stat(): never read more than the limit.
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise ImportRejected(messages.UNREADABLE.format(path=path), code="unreadable") from exc
