"""Near-duplicate detection between whole documents.

An import must recognise a text that is a light edit of a material already in the
library (the distributor's re-typed copy, next year's revision) and offer it as that
material's next version. Two steps keep this fast on a large library:

1. **Candidates** — a bottom-k sketch (Broder, "On the resemblance and containment of
   documents", 1997): the k smallest 64-bit hashes of a text's character shingles. Two
   texts share, among their sketch values, roughly their Jaccard resemblance times k, so
   a database lookup of sketch values finds the few materials worth comparing.
2. **Decision** — the normalised Indel similarity of the two texts (``rapidfuzz``'s
   ``fuzz.ratio``): 1.0 for identical texts, 0.9 when about a tenth of the characters
   changed. ``SIMILAR_THRESHOLD`` is where an import becomes a new version.
"""

from __future__ import annotations

import hashlib
import re

from rapidfuzz import fuzz

SIMILAR_THRESHOLD = 0.9
SKETCH_SIZE = 64
SHINGLE = 5
# Shared sketch values below which a pair cannot plausibly reach the threshold.
MIN_SHARED = 4

_IGNORED = re.compile(r"[\s，。、；：！？“”‘’（）《》—…,.;:!?()\"']")


def content_hash(text: str) -> str:
    """SHA-256 of a normalised text: equal hashes mean the same text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sketch(text: str, *, size: int = SKETCH_SIZE, stored: bool = True) -> list[int]:
    """The ``size`` smallest signed 64-bit hashes of the text's character shingles.

    Punctuation and spaces are ignored so that re-punctuated copies still collide.
    Values are signed so that they fit a database ``BIGINT``. A sketch never ``stored``,
    compared only with others made by the same process, uses Python's own string hash
    (salted per process), three times faster.
    """
    core = _IGNORED.sub("", text)
    shingles = {core[i : i + SHINGLE] for i in range(max(1, len(core) - SHINGLE + 1))}
    return sorted({_hash64(s) if stored else hash(s) for s in shingles if s})[:size]


def _hash64(shingle: str) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """Indel similarity of two texts in [0, 1]; 0.0 for any below ``at_least``, which is
    found faster."""
    return fuzz.ratio(a, b, score_cutoff=at_least * 100) / 100.0
