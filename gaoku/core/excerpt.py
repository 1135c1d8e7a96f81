"""Finding where an excerpt comes from, and lining it up with its source.

A leaked excerpt arrives re-typed, re-wrapped, re-punctuated, normalised (NFKC turns
``，`` into ``,``), converted to traditional script, stripped of its invisible marks or
read back by OCR. Both location and alignment therefore work on the *folded* text: Han
characters, letters and digits only, after NFKC, letters in lower case and Han characters
in simplified script (OpenCC's character table, ``t2s``: one character at a time, so that
a master and any excerpt of it fold alike whatever surrounds them). Everything else —
spaces, line breaks, punctuation, zero-width characters — is dropped, with a map back to
the original positions.

**Location** (:func:`locator_keys`). A text's keys are the 64-bit hashes of its folded
character 5-grams, keeping only those whose hash is 0 modulo :data:`SAMPLING`. The choice
depends on the 5-gram alone, so an excerpt keeps the same keys as the stretch of the
master it comes from (winnowing by value, after Schleimer, Wilkerson and Aiken, SIGMOD
2003): a 100-character excerpt holds about 12 of them, and an OCR error loses only the
keys whose 5-grams it touches. A database index from key to version finds the versions
that share the most keys with an excerpt among tens of thousands of materials.

**Alignment** (:func:`align`). The folded excerpt is aligned with the folded master by
Levenshtein edit operations (rapidfuzz, bit-parallel), which gives, for every master
position, the excerpt position it corresponds to. The covered span runs from the first to
the last stretch of equal characters; ``matched`` counts the master characters found
equal in the excerpt.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from gaoku.core.text import HAN_RANGES, simplified

SHINGLE = 5
SAMPLING = 8
# Stretches of equal characters shorter than this are chance agreement, not a match.
MIN_RUN = 4
# An excerpt comes from a master when they match in at least this many characters and in
# at least this share of the excerpt's own: a passage of stock phrases shared with some
# material is not that material.
MIN_MATCHED = 20
MIN_SHARE = 0.5
# The windowed alignment is kept when it matches at least this share of what aligning
# with the whole master matches.
WINDOW_SHARE = 0.9

_KEPT = re.compile(f"[0-9a-z{HAN_RANGES}]")


@dataclass(frozen=True)
class Folded:
    """Folded text, and the position in the original of each of its characters."""

    text: str
    positions: tuple[int, ...]

    def slice(self, start: int, end: int) -> Folded:
        """Folded characters ``[start, end)``, still mapped to the original positions."""
        return Folded(self.text[start:end], self.positions[start:end])

    def original(self, index: int, end: int) -> int:
        """Original position of folded ``index``; ``end`` (original length) past the end."""
        return self.positions[index] if index < len(self.positions) else end


def fold(text: str) -> Folded:
    """The characters that survive re-typing, with their original positions."""
    kept: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(text):
        for c in _folded_char(char):
            kept.append(c)
            positions.append(position)
    return Folded("".join(kept), tuple(positions))


@cache
def _folded_char(char: str) -> str:
    # Texts repeat a few thousand distinct characters; folding each once is most of the
    # speed of fold().
    kept = "".join(c for c in unicodedata.normalize("NFKC", char).lower() if _KEPT.fullmatch(c))
    return simplified(kept) if kept else kept


def nfkc(text: str) -> str:
    """``text`` in Unicode's compatibility composition: full-width forms made plain."""
    return unicodedata.normalize("NFKC", text)


def fold_text(text: str) -> str:
    """Just the folded characters of ``text``."""
    return fold(text).text


def locator_keys(text: str) -> list[int]:
    """The sampled 5-gram keys of ``text``, signed 64-bit (a database BIGINT), distinct."""
    return sorted({key for key, _ in keys_at(fold(text))})


def keys_at(folded: Folded) -> list[tuple[int, int]]:
    """Each sampled 5-gram key of a folded text with the folded position of its 5-gram."""
    text = folded.text
    found = []
    for i in range(len(text) - SHINGLE + 1):
        digest = hashlib.blake2b(text[i : i + SHINGLE].encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "big", signed=True)
        if value % SAMPLING == 0:
            found.append((value, i))
    return found


@dataclass(frozen=True)
class Alignment:
    """An excerpt lined up with a master, both folded.

    ``to_excerpt[i]`` is the folded excerpt position that folded master position ``i``
    corresponds to (for a deleted master character, the position where it would be).
    ``equal[i]`` says whether that master character appears unchanged in the excerpt.
    """

    master: Folded
    excerpt: Folded
    to_excerpt: tuple[int, ...]
    equal: bytes
    start: int
    end: int

    @property
    def matched(self) -> int:
        """Master characters found unchanged in the excerpt."""
        return sum(self.equal)

    @property
    def found(self) -> bool:
        """Whether the excerpt comes from this master (see MIN_MATCHED, MIN_SHARE)."""
        return self.matched >= max(MIN_MATCHED, MIN_SHARE * len(self.excerpt.text))

    @property
    def covered(self) -> tuple[int, int]:
        """The folded excerpt span from the first to the last master character matched."""
        if self.end <= self.start:
            return 0, 0
        return self.to_excerpt[self.start], self.to_excerpt[self.end - 1] + 1

    def excerpt_span(self, start: int, end: int) -> tuple[int, int]:
        """The folded excerpt span that master span ``[start, end)`` became."""
        last = len(self.to_excerpt)
        left = self.to_excerpt[start] if start < last else len(self.excerpt.text)
        right = self.to_excerpt[end] if end < last else len(self.excerpt.text)
        return left, right

    def folded_index(self, original: int) -> int:
        """The first folded master position at or after original master position ``original``."""
        return bisect.bisect_left(self.master.positions, original)


def align(master: str | Folded, excerpt: str | Folded) -> Alignment:
    """Line ``excerpt`` up with ``master`` (see the module docstring).

    Edit operations do not care where in the master a match comes from, so a passage the
    master holds twice could be matched half at one occurrence and half at the other. An
    excerpt shorter than the master is therefore first aligned within the stretch of the
    master it resembles most (rapidfuzz's partial alignment), and only when that finds
    much less than the whole master does (an excerpt of scattered pieces) with the whole.
    """
    m = master if isinstance(master, Folded) else fold(master)
    e = excerpt if isinstance(excerpt, Folded) else fold(excerpt)
    whole = _aligned(m, e, 0, len(m.text))
    if not 0 < len(e.text) < len(m.text):
        return whole
    hit = fuzz.partial_ratio_alignment(e.text, m.text)
    pad = len(e.text) // 4 + MIN_RUN
    window = _aligned(m, e, max(0, hit.dest_start - pad), min(len(m.text), hit.dest_end + pad))
    return window if window.matched >= WINDOW_SHARE * whole.matched else whole


def _aligned(m: Folded, e: Folded, lo: int, hi: int) -> Alignment:
    """The alignment of ``e`` with the stretch ``[lo, hi)`` of ``m``; the rest unmatched."""
    to_excerpt = [0] * hi + [len(e.text)] * (len(m.text) - hi + 1)
    equal = bytearray(len(m.text))
    runs: list[tuple[int, int]] = []
    for tag, m1, m2, e1, e2 in Levenshtein.opcodes(m.text[lo:hi], e.text):
        m1, m2 = m1 + lo, m2 + lo
        for i in range(m1, m2):
            # A replaced stretch keeps the positions in step; a deleted one collapses onto
            # the point where it would have stood.
            if tag == "delete":
                to_excerpt[i] = e1
            else:
                to_excerpt[i] = min(e1 + (i - m1), e2)
        if tag == "equal" and m2 - m1 >= MIN_RUN:
            runs.append((m1, m2))
            equal[m1:m2] = b"\x01" * (m2 - m1)
    start, end = (runs[0][0], runs[-1][1]) if runs else (0, 0)
    return Alignment(m, e, tuple(to_excerpt), bytes(equal), start, end)


def diff_pieces(source: str, excerpt: str) -> list[tuple[str, str, str]]:
    """``(tag, source piece, excerpt piece)`` for a side-by-side view of two texts.

    Tags are rapidfuzz's: ``equal``, ``replace``, ``delete`` (only in the source) and
    ``insert`` (only in the excerpt).
    """
    return [
        (tag, source[a1:a2], excerpt[b1:b2])
        for tag, a1, a2, b1, b2 in Levenshtein.opcodes(source, excerpt)
    ]
