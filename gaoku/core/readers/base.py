"""The result type and the protocol that every format reader implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ReadResult:
    """The text read from one file.

    Attributes:
        text: Plain text, paragraphs separated by ``"\\n"`` (never ``"\\r"``); not
            otherwise cleaned (boilerplate stripping is ``gaoku.core.cleaning``'s job).
        format: ``"txt"``, ``"markdown"``, ``"docx"``, ``"pdf"`` or ``"image"``.
        encoding: The detected encoding for txt and markdown, else ``None``.
        ocr: ``True`` when (some of) the text came from OCR.
    """

    text: str
    format: str
    encoding: str | None
    ocr: bool


class Reader(Protocol):
    """One file format: how sure it is that some bytes are its format, and how to read them.

    Modelled on paperless-ngx's parser registry: every reader scores the input and the
    registry picks the highest score; 0 means "not mine".
    """

    format: str

    def score(self, data: bytes, name: str) -> int:
        """How strongly ``data`` looks like this format, judged from its content.

        The file name's extension only breaks ties (markdown against plain text).
        """
        ...

    def read(self, data: bytes, name: str) -> ReadResult:
        """Extract the text of ``data``.

        Raises:
            ImportRejected: the file cannot be read; no other exception escapes.
        """
        ...


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def extension(name: str) -> str:
    """The lower-cased extension of a file name, without the dot (``""`` when none)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""
