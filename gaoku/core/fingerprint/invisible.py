"""The invisible layer: the copy's id, written in zero-width characters after punctuation.

**Payload.** A copy's id (up to 32 bits) and a 27-bit tag — a keyed PRF of the id, so
that nobody without the server secret can write a valid mark for another copy, and so
that a damaged mark is recognised (the checksum). Together they form a number below
``MODULUS²`` (``MODULUS = 2³⁰ − 35`` is prime).

**Error correction.** The payload is the line ``f(x) = b + a·x`` over GF(MODULUS), with
``(a, b) = divmod(payload, MODULUS)``; the copy carries its three values ``f(0), f(1),
f(2)``. Any two of them give back the line (a Reed–Solomon code of length 3 and dimension
2), so a mark survives the loss of any one chunk in three.

**Placement.** Chunk *k* is a *group* of 11 characters — its index *k*, then ``f(k)`` in
ten octal digits — in the alphabet :data:`gaoku.core.text.MARK_ALPHABET`. A group goes at
the first boundary — right after one of ``，。；：、！？`` (or the closing quote or bracket
that follows it), or at the end of a paragraph that ends without one — that comes at
least :data:`SPACING` characters after the previous group, cycling through the three
chunks. Groups never stand inside a word or phrase, so find-and-replace of a phrase still
works, and they make up about 11 of every 80 characters of a copy (under 15%). Any two
neighbouring groups differ in their chunk, so an excerpt that holds two whole groups
decodes: about 160 characters always do (the spacing twice, plus a clause).

**Characters.** U+200B, U+200C, U+200D, U+2060, U+2061, U+2062, U+2063, U+2064: format
characters with the Default_Ignorable_Code_Point property, which text engines (HarfBuzz,
DirectWrite, Core Text) are required to draw as nothing even when the font lacks them.
Tested here: Chromium draws them with zero width in Noto Sans CJK SC, AR PL UMing and
WenQuanYi Zen Hei (``tests/e2e/test_marks_render.py``); LibreOffice keeps them through
a DOCX open-and-save; the PDF writer maps them to empty glyphs that ``pdftotext`` returns
(``tests/core/render``). Word and WPS do not run here; they rely on the same property.

**Reading.** A read collects every whole group, decodes each pair of neighbouring groups
with different indices and keeps the ids whose tag is right. A decoded payload that is not
a real copy's passes the tag with probability 2⁻²⁷ (the tag is a PRF of the id), so the
chance that a read names a copy that was not there is at most ``D · 2⁻²⁷`` for the ``D``
distinct payloads decoded, reported as ``false_bound``. A clean excerpt decodes to one
payload, however long it is.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from gaoku.core.fingerprint.prf import prf
from gaoku.core.text import MARK_ALPHABET

MODULUS = 2**30 - 35
ID_BITS = 32
TAG_BITS = 27
CHUNKS = 3
GROUP_LENGTH = 11
# Characters of text between two groups, at least: 11 marks in 75 characters are under 15%.
SPACING = 64
_DIGITS = 10

# After a punctuation mark, or after the closing quote or bracket that follows it; and at
# the end of a paragraph that ends without either.
_P, _C = "，。；：、！？", "”’）》」』"
_BOUNDARY = re.compile(
    rf"(?<=[{_P}])(?![{_C}])|(?<=[{_P}][{_C}])|(?<![{_P}\n])(?<![{_P}][{_C}])(?=\n|\Z)"
)
_RUN = re.compile(f"[{MARK_ALPHABET}]+")
_STRIP = str.maketrans("", "", MARK_ALPHABET)


def mark_groups(secret: bytes, copy_id: int) -> tuple[str, ...]:
    """The three groups of characters that carry ``copy_id``."""
    if not 0 <= copy_id < 2**ID_BITS:
        raise ValueError(f"copy id out of range: {copy_id}")
    payload = copy_id << TAG_BITS | _tag(secret, copy_id)
    a, b = divmod(payload, MODULUS)
    return tuple(_group(k, (b + a * k) % MODULUS) for k in range(CHUNKS))


def embed_marks(text: str, groups: tuple[str, ...], *, spacing: int = SPACING) -> str:
    """``text`` with the groups placed in turn at boundaries at least ``spacing``
    characters apart (see the module docstring)."""
    pieces: list[str] = []
    position = 0
    placed = 0
    for match in _BOUNDARY.finditer(text):
        if match.start() - position < spacing:
            continue
        pieces.append(text[position : match.start()])
        pieces.append(groups[placed % len(groups)])
        position = match.start()
        placed += 1
    pieces.append(text[position:])
    return "".join(pieces)


def strip_marks(text: str) -> str:
    """``text`` without any character of the mark alphabet."""
    return text.translate(_STRIP)


@dataclass(frozen=True)
class MarkReading:
    """A copy id read from the marks: how many group pairs agreed, and the error bound."""

    copy: int
    support: int
    false_bound: float


def read_marks(secret: bytes, text: str) -> list[MarkReading]:
    """Every copy id whose marks are in ``text``, best supported first."""
    groups = [g for run in _RUN.finditer(text) for g in _split_run(run.group())]
    found: Counter[int] = Counter()
    payloads: set[int] = set()
    for first, second in itertools.pairwise(groups):
        if first[0] == second[0]:
            continue
        payload = _payload(first, second)
        payloads.add(payload)
        copy_id = _verified(secret, payload)
        if copy_id is not None:
            found[copy_id] += 1
    # Each distinct payload that is not a real copy's passes the tag with chance 2^-27.
    bound = min(1.0, len(payloads) * 2.0**-TAG_BITS)
    return [MarkReading(copy, support, bound) for copy, support in found.most_common()]


def _tag(secret: bytes, copy_id: int) -> int:
    return int.from_bytes(prf(secret, "mark", copy_id), "big") % 2**TAG_BITS


def _group(index: int, value: int) -> str:
    digits = [(value >> (3 * k)) & 7 for k in reversed(range(_DIGITS))]
    return MARK_ALPHABET[index] + "".join(MARK_ALPHABET[d] for d in digits)


def _split_run(run: str) -> list[tuple[int, int]]:
    # A run of whole groups only: a cut group at an excerpt's edge has the wrong length.
    if len(run) % GROUP_LENGTH:
        return []
    parsed = []
    for start in range(0, len(run), GROUP_LENGTH):
        digits = [MARK_ALPHABET.index(c) for c in run[start : start + GROUP_LENGTH]]
        value = 0
        for digit in digits[1:]:
            value = value << 3 | digit
        if digits[0] < CHUNKS and value < MODULUS:
            parsed.append((digits[0], value))
    return parsed


def _payload(first: tuple[int, int], second: tuple[int, int]) -> int:
    (x1, y1), (x2, y2) = first, second
    a = (y2 - y1) * pow(x2 - x1, -1, MODULUS) % MODULUS
    b = (y1 - a * x1) % MODULUS
    return a * MODULUS + b


def _verified(secret: bytes, payload: int) -> int | None:
    if payload >= 2 ** (ID_BITS + TAG_BITS):
        return None
    copy_id, tag = payload >> TAG_BITS, payload & (2**TAG_BITS - 1)
    return copy_id if tag == _tag(secret, copy_id) else None
