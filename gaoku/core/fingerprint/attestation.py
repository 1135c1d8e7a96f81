"""What real official prose says: the test every wording of a slot must pass.

The lexicon proposes wordings; a real document decides whether they are safe where they
stand. Two questions are asked of *reference prose* — documents other than the one being
fingerprinted: the operator's library, and any corpus of published official writing the
operator points Gaoku at (``GAOKU_REFERENCE_CORPUS``):

* **Is the slot inside a formulation?** A stretch of :data:`FORMULATION` characters around
  the slot that recurs verbatim in another document is a set phrase of the field (实施更加
  积极的就业政策, 坚定不移地贯彻, 工业化、城镇化和农业现代化): its wording stays.
* **Is each other wording attested in its context?** Each seam of the wording with its
  context — the wording after the character before it, and before the character after
  it — must occur somewhere in the reference, the document's own text included (在农村
  土地征用[中]，→ 用当中 occurs nowhere). A wording that no real writer put there is never
  offered, whatever the lexicon says.

Phrases are runs of Han characters: punctuation, quotation marks, digits and spaces end
them, in the reference as in the document (the search index matches the same way), so a
context never reaches across a clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from gaoku.core.text import HAN_RANGES

# Characters around a slot that make a phrase: with 8, 实施[更加]积极的就业 and 将[坚定不移]
# 地贯彻 are found in other government work reports, while stock pairs of two words
# (进一步加强) are not yet formulations.
FORMULATION = 8
# Context characters on each side of a wording for it to count as attested.
CONTEXT = 1
# A run shorter than this around a slot is too short to say anything about formulations.
SHORTEST_RUN = 6

_HAN_RUN = re.compile(f"[{HAN_RANGES}]+")


class Reference(Protocol):
    """Reference prose: documents other than the one being fingerprinted."""

    def holds(self, phrase: str) -> bool:
        """Whether some reference document contains ``phrase`` (a run of Han characters)."""
        ...


class TextCorpus:
    """Reference prose held in memory: the Han runs of some documents, searched directly.

    A few hundred thousand characters answer a phrase in about 0.1 ms, enough for the
    reference corpus of an operator; the library itself is asked through its search index.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._runs = "|".join("|".join(_HAN_RUN.findall(text)) for text in texts)

    def holds(self, phrase: str) -> bool:
        return phrase in self._runs


class AnyOf:
    """Several references read as one: a phrase is held when any of them holds it."""

    def __init__(self, *references: Reference) -> None:
        self.references = references

    def holds(self, phrase: str) -> bool:
        return any(reference.holds(phrase) for reference in self.references)


def han_run_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The run of Han characters of ``text`` holding ``[start, end)``, or None."""
    if start == end or not _HAN_RUN.fullmatch(text, start, end):
        return None
    return _widened(text, start, end, 0, len(text))


def _widened(text: str, start: int, end: int, lowest: int, highest: int) -> tuple[int, int]:
    """``[start, end)`` grown over the Han characters on each side, no further than
    ``[lowest, highest)``."""
    left = start
    while left > lowest and _HAN_RUN.fullmatch(text, left - 1, left):
        left -= 1
    right = end
    while right < highest and _HAN_RUN.fullmatch(text, right, right + 1):
        right += 1
    return left, right


def in_formulation(text: str, start: int, end: int, reference: Reference) -> bool:
    """Whether ``text[start:end]`` lies inside a phrase that recurs in the reference.

    Each window of :data:`FORMULATION` characters of the slot's Han run that covers the
    whole slot is looked up; a run shorter than that is looked up whole, if it has at
    least :data:`SHORTEST_RUN` characters.
    """
    run = han_run_at(text, start, end)
    if run is None:
        return False
    left, right = run
    size = max(FORMULATION, end - start)
    if right - left <= size:
        return right - left >= SHORTEST_RUN and reference.holds(text[left:right])
    first = max(left, end - size)
    last = min(start, right - size)
    return any(reference.holds(text[a : a + size]) for a in range(first, last + 1))


def attested(text: str, start: int, end: int, wording: str, reference: Reference) -> bool:
    """Whether ``wording`` in place of ``text[start:end]`` is attested at both its seams:
    the wording after the :data:`CONTEXT` characters before it, and before the ones after
    it, each found in the reference (a seam at punctuation needs nothing). A dropped word
    (an empty wording) is attested when its two neighbours are found side by side.
    """
    left, right = _widened(text, start, end, max(start - CONTEXT, 0), end + CONTEXT)
    before, after = text[left:start], text[end:right]
    if not wording:
        return not (before and after) or reference.holds(before + after)
    seams = [before + wording if before else "", wording + after if after else ""]
    return all(reference.holds(seam) for seam in seams if seam)
