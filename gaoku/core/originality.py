"""The originality check (查重): which sentences of a draft the library already holds.

A member's draft is cut into sentences; each is compared with the library sentences a
search engine proposes for it (:func:`draft_sentences_check`; the embedded engine indexes
every sentence of the library for this, gaoku.core.search.index). Two
sentences are near-duplicates when :func:`similarity` reaches :data:`NEAR`. The measure is
the larger of two views of the folded sentences (Han characters, letters and digits):

- the Indel similarity (rapidfuzz ``ratio``): light edits — a word added, dropped or
  changed — cost only the characters they touch;
- the Dice coefficient of their character-bigram multisets: it ignores the order of
  clauses, so a sentence whose clauses were swapped still scores near 1, and a swapped
  synonym (推进/推动) costs only the two or three bigrams around it.

Sentences shorter than :data:`MIN_CHARS` folded characters (同志们：, 一、…) are too
common to mean anything and are not checked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from gaoku.core.excerpt import fold_text

__all__ = [
    "CANDIDATES",
    "MIN_CHARS",
    "NEAR",
    "CheckedSentence",
    "Match",
    "Sentence",
    "checkable",
    "draft_sentences_check",
    "matched_share",
    "sentence_check",
    "sentences",
    "similarity",
]

NEAR = 0.7
MIN_CHARS = 10
# Library sentences a search engine proposes for each draft sentence.
CANDIDATES = 16
# Sentence ends, full- or half-width; a half-width full stop only where it is not a
# decimal point (3.5) — drafts typed on a Latin keyboard end sentences with "." too.
_END = re.compile(r"(?:[。！？；!?;]|(?<!\d)\.|\.(?!\d))+[”’」）)\"']*|\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text and its span ``[start, end)`` in that text."""

    text: str
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``: up to and including each 。！？；.!?; or line end."""
    out = []
    start = 0
    for end in [m.end() for m in _END.finditer(text)] + [len(text)]:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + len(piece) - len(piece.lstrip())
            out.append(Sentence(stripped, offset, offset + len(stripped)))
        start = end
    return out


def _bigrams(folded: str) -> Counter[str]:
    return Counter(folded[i : i + 2] for i in range(len(folded) - 1))


def similarity(a: str, b: str) -> float:
    """How near two sentences are, in [0, 1] (see the module docstring)."""
    fa, fb = fold_text(a), fold_text(b)
    return _folded_similarity(fa, fb, _bigrams(fa), _bigrams(fb))


def _folded_similarity(fa: str, fb: str, ba: Counter[str], bb: Counter[str]) -> float:
    total = sum(ba.values()) + sum(bb.values())
    dice = 2 * sum((ba & bb).values()) / total if total else 0.0
    return max(fuzz.ratio(fa, fb) / 100.0, dice)


@dataclass(frozen=True)
class Match:
    """A source holding a near-duplicate: its key, the similarity and its sentence."""

    key: Hashable
    similarity: float
    text: str


@dataclass(frozen=True)
class CheckedSentence:
    sentence: Sentence
    matches: list[Match]


def sentence_check(
    sentence: Sentence, candidates: Iterable[tuple[Hashable, str]]
) -> CheckedSentence:
    """The sources holding a near-duplicate of ``sentence`` among ``candidates`` (source
    key, one of its sentences): each source once, with its nearest sentence, most similar
    first."""
    folded = fold_text(sentence.text)
    grams = _bigrams(folded)
    best: dict[Hashable, Match] = {}
    for key, text in candidates:
        other = fold_text(text)
        score = _folded_similarity(folded, other, grams, _bigrams(other))
        if score >= NEAR and (key not in best or score > best[key].similarity):
            best[key] = Match(key, score, text)
    return CheckedSentence(sentence, sorted(best.values(), key=lambda m: -m.similarity))


def checkable(sentence: Sentence) -> bool:
    return len(fold_text(sentence.text)) >= MIN_CHARS


def draft_sentences_check(
    draft: str, *, propose: Callable[[str], list[tuple[Hashable, str]]]
) -> list[CheckedSentence]:
    """Check every sentence of ``draft`` worth checking against the library sentences
    ``propose`` offers for it (source key, sentence): a search engine's candidates."""
    return [sentence_check(s, propose(s.text)) for s in sentences(draft) if checkable(s)]


def matched_share(text: str, checked: Iterable[CheckedSentence]) -> float:
    """The share of the draft's folded characters that lie in matched sentences."""
    total = len(fold_text(text))
    matched = sum(len(fold_text(c.sentence.text)) for c in checked if c.matches)
    return matched / total if total else 0.0
