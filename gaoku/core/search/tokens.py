"""Index tokens under which every substring of a Chinese text can be found.

Word segmentation alone loses matches: jieba writes 机关党建 as one word, so an index of
its words cannot find 党建 there, and a whole run of Han characters indexed as one token
finds nothing shorter than the run. A plain trigram index misses every one- and
two-character term. Gaoku indexes each text twice, on the characters themselves:

- **grams**: each run of Han characters as its overlapping character bigrams, in order;
  each run of letters and digits as one word; two :data:`GAP` tokens after every run, so
  that a phrase never matches across punctuation or a line break.
- **chars**: every Han character.

A Han term of two or more characters then occurs in a text exactly where the phrase of
its bigrams occurs in the grams (consecutive bigrams overlap by one character, and a run
never crosses a gap), and a one-character term exactly where the character occurs in
the chars. Every other bigram is enough (:func:`phrase_offsets`): two bigrams two
positions apart can only have a bigram of their own run between them, since gaps come in
pairs, so 主体 at p and 责任 at p + 2 is 主体责任. No segmentation is involved on the
indexed side, so the index does not depend on a dictionary, and a term is found wherever
it occurs, however the text around it would be segmented. (Lucene's CJK analyser indexes
bigrams for the same reason.)

Both sides are folded first: NFKC (full-width letters and digits made plain), lower case.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Private-use character: never in folded query terms, kept as a token by a whitespace
# tokenizer.
GAP = "\ue000"

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ebef"
_RUN = re.compile(f"[{_HAN}]+|[0-9a-z]+")


def search_fold(text: str) -> str:
    """The form in which texts are indexed and terms looked up: NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def runs(text: str) -> list[str]:
    """The runs of Han characters and of letters and digits in folded ``text``."""
    return _RUN.findall(text)


def is_han(run: str) -> bool:
    return not run[0].isascii()


@dataclass(frozen=True)
class IndexTokens:
    """A text's tokens, each field as one space-separated string."""

    grams: str
    chars: str


def index_tokens(text: str) -> IndexTokens:
    """The tokens of ``text`` (folded here) for the grams and chars fields."""
    grams: list[str] = []
    chars: list[str] = []
    for run in runs(search_fold(text)):
        if is_han(run):
            grams.extend(_pairs(run))
            chars.extend(run)
        else:
            grams.append(run)
        grams += [GAP, GAP]
    return IndexTokens(" ".join(grams), " ".join(chars))


def bigrams_of(text: str) -> list[str]:
    """The Han bigrams of ``text`` (folded here), in order."""
    return [g for run in runs(search_fold(text)) if is_han(run) for g in _pairs(run)]


def sentence_keys(text: str) -> list[str]:
    """What two sentences are compared by when looking for near-duplicates: their Han
    bigrams and their words of letters and digits (a figure such as 49055 is as telling
    as a rare bigram), in order."""
    return [g for run in runs(search_fold(text)) for g in (_pairs(run) if is_han(run) else [run])]


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


@dataclass(frozen=True)
class Part:
    """What one piece of a term looks up: a phrase in the grams, or one char in the chars;
    ``run`` is the piece as written."""

    grams: tuple[str, ...] = ()
    char: str = ""
    run: str = ""

    @property
    def lexemes(self) -> list[str]:
        """The tokens this piece looks up."""
        return [self.char] if self.char else list(self.grams)


def phrase_offsets(count: int) -> list[int]:
    """The positions, among ``count`` consecutive bigrams, that a phrase query needs:
    every other one, and the last (see the module docstring)."""
    offsets = list(range(0, count, 2))
    if offsets[-1] != count - 1:
        offsets.append(count - 1)
    return offsets


def term_parts(term: str) -> list[Part]:
    """The lookups a folded term needs, all of which must match.

    A pure Han term, or a word of letters and digits, is one exact lookup. A term that
    mixes them (2023年) needs one lookup per run; each run must occur, which a text that
    holds the term always satisfies.
    """
    parts = []
    for run in runs(term):
        if not is_han(run):
            parts.append(Part(grams=(run,), run=run))
        elif len(run) == 1:
            parts.append(Part(char=run, run=run))
        else:
            parts.append(Part(grams=tuple(_pairs(run)), run=run))
    return parts
