"""Highlighted snippets: the stretch of a text where the query's words cluster."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from gaoku.core.excerpt import Folded, fold

__all__ = ["Snippet", "snippet"]

WIDTH = 120
ELLIPSIS = "…"
# Occurrences considered for the window: the first few hundred are plenty to choose from.
_MAX_SPANS = 400


@dataclass(frozen=True)
class Snippet:
    """``text`` with ``marks``: the [start, end) spans of query words in it."""

    text: str
    marks: tuple[tuple[int, int], ...]

    def pieces(self) -> list[tuple[str, bool]]:
        """The text cut at the marks: (piece, whether it is a query word)."""
        out: list[tuple[str, bool]] = []
        position = 0
        for start, end in self.marks:
            if start > position:
                out.append((self.text[position:start], False))
            out.append((self.text[start:end], True))
            position = end
        if position < len(self.text):
            out.append((self.text[position:], False))
        return out


def snippet(text: str, words: list[str], *, width: int = WIDTH) -> Snippet:
    """About ``width`` characters of ``text`` around the most distinct query words.

    Words are matched folded (full-width and case ignored, punctuation skipped), like the
    search itself; the snippet starts at a sentence or line start near the best window
    when one is close. With no word found, it is the text's beginning.
    """
    folded = _folded(text)
    spans: list[tuple[int, int, str]] = []
    for word in {w for w in (fold(w).text for w in words) if w}:
        start = folded.text.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((folded.positions[start], folded.positions[end - 1] + 1, word))
            start = folded.text.find(word, start + 1)
    spans = sorted(spans)[:_MAX_SPANS]
    lo = _best_start(spans, width) if spans else 0
    lo = _sentence_start(text, lo, width)
    hi = min(len(text), lo + width)
    marks = _merged([(max(s, lo) - lo, min(e, hi) - lo) for s, e, _ in spans if s < hi and e > lo])
    body = text[lo:hi].replace("\n", " ")
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(text) else ""
    shift = len(prefix)
    return Snippet(prefix + body + suffix, tuple((s + shift, e + shift) for s, e in marks))


# A page of results shows a snippet of each hit, and the same materials come up query
# after query: their folded texts are kept, those of common length at least.
_CACHED_CHARS = 50_000


@lru_cache(maxsize=256)
def _folded_cached(text: str) -> Folded:
    return fold(text)


def _folded(text: str) -> Folded:
    return _folded_cached(text) if len(text) <= _CACHED_CHARS else fold(text)


def _best_start(spans: list[tuple[int, int, str]], width: int) -> int:
    """Start of the window of ``width`` holding the most distinct words, then most hits."""
    best, best_key = spans[0][0], (0, 0)
    for i, (start, _, _) in enumerate(spans):
        inside = [s for s in spans[i:] if s[1] <= start + width]
        key = (len({s[2] for s in inside}), len(inside))
        if key > best_key:
            best, best_key = start, key
    return best


def _sentence_start(text: str, lo: int, width: int) -> int:
    """Move ``lo`` back to the start of its sentence or line, if that is within a third
    of the width; otherwise show a little context before it."""
    reach = max(0, lo - width // 3)
    cut = max(text.rfind(c, reach, lo) for c in "。！？；\n")
    if cut != -1:
        return cut + 1
    return max(0, lo - 10) if lo > 0 else 0


def _merged(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(marks):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
