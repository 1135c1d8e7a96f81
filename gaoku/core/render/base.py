"""The input of every writer and the description of a format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class CopyDocument:
    """A member's copy, ready to lay out.

    Attributes:
        text: Paragraphs separated by ``"\\n"``, the first one the title; already altered by
            the fingerprinting code, so it may hold invisible mark characters
            (``gaoku.core.text.MARK_ALPHABET``) anywhere. Every character must reach the
            file, in order.
        notice: The visible notice, such as ``仅供学习 禁止外传 · 会员 GK7Q2M9X``.
    """

    text: str
    notice: str


@dataclass(frozen=True)
class Format:
    """One output format: its file extension, its MIME type and its writer."""

    extension: str
    content_type: str
    write: Callable[[CopyDocument], bytes]
