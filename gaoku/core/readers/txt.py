"""Plain-text files, and the encoding detection that Markdown shares.

The encoding is judged from the bytes alone, never from the file name. Steps, first
success wins:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. strict UTF-8 without control characters (binary data and UTF-16 have them);
   a few GB18030 characters can happen to be valid UTF-8 too, reading as Latin,
   Greek or Cyrillic letters: when the UTF-8 reading has no Han character and the
   GB18030 one is plausible Chinese, GB18030 wins;
3. strict GB18030 (a superset of GB2312 and GBK), if the result is plausible Chinese;
4. strict Big5, if plausible;
5. UTF-16 without a mark (either byte order), if plausible;
6. charset_normalizer's best guess, if plausible.

"Plausible Chinese" is what a wrong guess almost never produces: no control characters
but tab, newline, carriage return and form feed; no private-use or unassigned code
points; at least one Han character, and at least 80% of the Han characters among the
frequent ones of the guessed script (GB2312's 3,755 level-1 characters for GB18030,
Big5's 5,401 frequent ones for Big5, either for the later steps). Running text in
simplified Chinese has about 99% of its characters in GB2312 level 1, whereas bytes of
another encoding read as GB18030 land mostly outside it, or in private-use rows.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

from charset_normalizer import from_bytes

from gaoku.core.readers import messages
from gaoku.core.readers.base import ReadResult, normalise_newlines
from gaoku.errors import ImportRejected

_MIN_COMMON_SHARE = 0.8
# Kana, Hangul, Greek or Cyrillic outnumbering Han characters betray a wrong guess.
_MIN_HAN_AMONG_LETTERS = 0.7
_SAMPLE_CHARS = 200_000
# Text files hold no control characters but these; binary data and UTF-16 read as
# UTF-8 (NUL) do.
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Formats whose bytes may well decode as text but are not text.
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"II*\x00",
    b"MM\x00*",
    b"{\\rtf",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
)


def is_han(char: str) -> bool:
    """Whether ``char`` is a CJK unified or compatibility ideograph."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def _decode_block(encoding: str, leads: range, trails: tuple[range, ...]) -> frozenset[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            for byte in trail:
                chars.update(bytes((lead, byte)).decode(encoding, errors="ignore"))
    return frozenset(char for char in chars if is_han(char))


@cache
def _gb2312_level1() -> frozenset[str]:
    # Level 1 is rows 16-55 of GB2312: lead bytes 0xB0-0xD7.
    return _decode_block("gb2312", range(0xB0, 0xD8), (range(0xA1, 0xFF),))


@cache
def _big5_frequent() -> frozenset[str]:
    # Big5's frequent characters run from 0xA440 to 0xC67E.
    chars = _decode_block("big5", range(0xA4, 0xC7), (range(0x40, 0x7F), range(0xA1, 0xFF)))
    return chars - _decode_block("big5", range(0xC6, 0xC7), (range(0xA1, 0xFF),))


@cache
def _any_frequent() -> frozenset[str]:
    return _gb2312_level1() | _big5_frequent()


def _has_bad_controls(text: str) -> bool:
    return _BAD_CONTROL.search(text) is not None


def _is_plausible(text: str, frequent: frozenset[str]) -> bool:
    if _has_bad_controls(text):
        return False
    han = frequent_han = letters = 0
    # A sample decides as well as the whole, and keeps a 20 MB file fast.
    for char in text[:_SAMPLE_CHARS]:
        if char.isascii():
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Co", "Cn", "Cs"):
            return False
        if is_han(char):
            han += 1
            frequent_han += char in frequent
        if category.startswith("L"):
            letters += 1
    if han == 0:
        return False
    return frequent_han >= _MIN_COMMON_SHARE * han and han >= _MIN_HAN_AMONG_LETTERS * letters


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            return None if text is None else (text, encoding)
    text = _strict(data, "utf-8")
    if text is not None and not _has_bad_controls(text):
        # A short GB18030 text may happen to be valid UTF-8, but then it reads as
        # accented Latin, Greek or Cyrillic letters and never as Han characters.
        if any(is_han(char) for char in text) or text.isascii():
            return text, "utf-8"
        gb_text = _strict(data, "gb18030")
        if gb_text is not None and _is_plausible(gb_text, _gb2312_level1()):
            return gb_text, "gb18030"
        return text, "utf-8"
    for encoding, frequent in (("gb18030", _gb2312_level1()), ("big5", _big5_frequent())):
        text = _strict(data, encoding)
        if text is not None and _is_plausible(text, frequent):
            return text, encoding
    if len(data) % 2 == 0:
        for encoding in ("utf-16-le", "utf-16-be"):
            text = _strict(data, encoding)
            if text is not None and _is_plausible(text, _any_frequent()):
                return text, encoding
    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _is_plausible(text, _any_frequent()):
            return text, best.encoding
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file, detecting the encoding from the content.

    Args:
        data: The file's bytes.

    Returns:
        ``(text, encoding)``: the text with newlines normalised to ``"\\n"`` and the
        codec's name (``"utf-8"``, ``"utf-8-sig"``, ``"gb18030"``, ``"big5"``,
        ``"utf-16"``, ``"utf-16-le"``…).

    Raises:
        ImportRejected: ``undecodable`` when no step gives a plausible text.
    """
    if not data:
        return "", "utf-8"
    detected = _detect(data)
    if detected is None:
        raise ImportRejected(messages.UNDECODABLE, code="undecodable")
    text, encoding = detected
    return normalise_newlines(text), encoding


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` starts with the signature of a known binary format."""
    return data.startswith(_BINARY_MAGIC)


class TxtReader:
    """Plain text in any common Chinese encoding: the fallback for non-binary content."""

    format = "txt"

    def score(self, data: bytes, name: str) -> int:
        """Low but non-zero for anything that is not a known binary format."""
        return 0 if looks_binary(data) else 10

    def read(self, data: bytes, name: str) -> ReadResult:
        """Decode the file; see :func:`decode_text`."""
        text, encoding = decode_text(data)
        return ReadResult(text=text, format=self.format, encoding=encoding, ocr=False)
