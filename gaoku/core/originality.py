"""The originality check (查重): which sentences of a draft the library already holds.

A member's draft is cut into sentences; each is compared with the sentences of the
library texts a search engine proposes for it (:func:`draft_sentences_check`). Two
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
    "MIN_CHARS",
    "NEAR",
    "CheckedSentence",
    "Match",
    "Sentence",
    "SourceText",
    "checkable",
    "draft_sentences_check",
    "matched_share",
    "sentence_check",
    "sentences",
    "similarity",
]

NEAR = 0.7
MIN_CHARS = 10
# A library sentence is compared in full only if it shares this share of the draft
# sentence's bigrams: below it, the Dice coefficient cannot reach NEAR either way.
_PREFILTER = NEAR / 2
_END = re.compile(r"[。！？；!?;]+[”’」）)]*|\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text and its span ``[start, end)`` in that text."""

    text: str
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``: up to and including each 。！？； or line end."""
    out = []
    start = 0
    for end_mark in _END.finditer(text):
        end = end_mark.end()
        piece = text[start:end].strip()
        if piece:
            offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            out.append(Sentence(piece, offset, offset + len(piece)))
        start = end
    tail = text[start:].strip()
    if tail:
        offset = start + (len(text[start:]) - len(text[start:].lstrip()))
        out.append(Sentence(tail, offset, offset + len(tail)))
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


class SourceText:
    """One library text cut into sentences, with an index from bigram to sentence."""

    def __init__(self, key: Hashable, text: str) -> None:
        self.key = key
        self.sentences = [s for s in sentences(text) if len(fold_text(s.text)) >= MIN_CHARS]
        self._folded = [fold_text(s.text) for s in self.sentences]
        self._grams = [_bigrams(f) for f in self._folded]
        self._index: dict[str, list[int]] = {}
        for i, grams in enumerate(self._grams):
            for gram in grams:
                self._index.setdefault(gram, []).append(i)

    def best(self, sentence: str) -> tuple[float, Sentence] | None:
        """The most similar sentence of this text to ``sentence``, if at least NEAR."""
        folded = fold_text(sentence)
        grams = _bigrams(folded)
        shared: Counter[int] = Counter()
        for gram in grams:
            shared.update(self._index.get(gram, ()))
        floor = _PREFILTER * len(grams)
        best: tuple[float, Sentence] | None = None
        for i, count in shared.items():
            if count < floor:
                continue
            score = _folded_similarity(folded, self._folded[i], grams, self._grams[i])
            if score >= NEAR and (best is None or score > best[0]):
                best = (score, self.sentences[i])
        return best


@dataclass(frozen=True)
class Match:
    key: Hashable
    similarity: float
    source: Sentence


@dataclass(frozen=True)
class CheckedSentence:
    sentence: Sentence
    matches: list[Match]


def sentence_check(sentence: Sentence, sources: Iterable[SourceText]) -> CheckedSentence:
    """The sources holding a near-duplicate of ``sentence``, most similar first."""
    matches = []
    for source in sources:
        found = source.best(sentence.text)
        if found is not None:
            matches.append(Match(source.key, found[0], found[1]))
    matches.sort(key=lambda m: -m.similarity)
    return CheckedSentence(sentence, matches)


def checkable(sentence: Sentence) -> bool:
    return len(fold_text(sentence.text)) >= MIN_CHARS


def draft_sentences_check(
    draft: str,
    *,
    propose: Callable[[str], list[Hashable]],
    texts: Callable[[set[Hashable]], dict[Hashable, str]],
) -> list[CheckedSentence]:
    """Check every sentence of ``draft`` worth checking.

    Args:
        propose: The library texts (keys) worth comparing with one sentence, best first:
            a search engine's candidates.
        texts: The texts of a set of keys; keys it leaves out are skipped.
    """
    drafted = [s for s in sentences(draft) if checkable(s)]
    proposed = [propose(s.text) for s in drafted]
    found = texts({key for keys in proposed for key in keys})
    sources = {key: SourceText(key, text) for key, text in found.items()}
    return [
        sentence_check(s, [sources[k] for k in keys if k in sources])
        for s, keys in zip(drafted, proposed, strict=True)
    ]


def matched_share(text: str, checked: Iterable[CheckedSentence]) -> float:
    """The share of the draft's folded characters that lie in matched sentences."""
    total = len(fold_text(text))
    matched = sum(len(fold_text(c.sentence.text)) for c in checked if c.matches)
    return matched / total if total else 0.0
