"""Index tokens under which every substring of a Chinese text can be found.

Word segmentation alone loses matches: jieba writes 机关党建 as one word, so an index of
its words cannot find 党建 there, and a whole run of Han characters indexed as one token
finds nothing shorter than the run. A plain trigram index misses every one- and
two-character term. Gaoku indexes the characters themselves, not words, so a term is
found wherever it occurs, however the text around it would be segmented, and the index
does not depend on a dictionary. Both sides are folded first: NFKC (full-width letters
and digits made plain), lower case.

The embedded engine (tantivy) indexes each text as two fields (:func:`gram_tokens`):

- **short**: every substring of each Han run of 1, 2, 3, 5 or 6 characters, and each run
  of letters and digits as one word; frequencies only;
- **long**: the 4-character substrings (4-grams) of each Han run, in order, with
  :data:`LONG` :data:`GAP` tokens after each run; with positions.

Most terms members type (党, 党建, 主体责任, 全面从严治党) are then one term of one field,
looked up without reading positions (:func:`lookups`). A longer term is a phrase of
4-grams, every fourth one and the last: two 4-grams at most four positions apart in the
long field belong to one run (a run's 4-grams lie wholly inside it, and four gaps follow
each run), so 党支部标 at p, 准化规范 at p + 4 and 范化建设 at p + 7 is 党支部标准化规范化建设.
Lucene's CJK analyser indexes bigrams for the same reason; longer grams make common
terms single lookups.

PostgreSQL's tsvector keeps a text's bigrams and characters instead
(:func:`index_tokens`, :func:`term_parts`): its GIN index narrows the rows, and the engine
checks each term on the text itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from gaoku.core.text import HAN_RANGES

# Private-use character: never in folded query terms, kept as a token by a whitespace
# tokenizer.
GAP = "\ue000"

_RUN = re.compile(f"[{HAN_RANGES}]+|[0-9a-z]+")
_HAN_RUN = re.compile(f"[{HAN_RANGES}]+")


def search_fold(text: str) -> str:
    """The form in which texts are indexed and terms looked up: NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def runs(text: str) -> list[str]:
    """The runs of Han characters and of letters and digits in folded ``text``."""
    return _RUN.findall(text)


def is_han(run: str) -> bool:
    return not run[0].isascii()


def is_han_run(text: str) -> bool:
    """Whether ``text`` is one run of Han characters."""
    return _HAN_RUN.fullmatch(text) is not None


# Han substrings of these lengths are terms of the short field; 4-grams are the long one's.
SHORT_SIZES = (1, 2, 3, 5, 6)
LONG = 4
# A Han term up to this long is one term of one of the two fields.
ONE_TERM = max(*SHORT_SIZES, LONG)


@dataclass(frozen=True)
class GramTokens:
    """A text's tokens for the embedded index, each field as one space-separated string."""

    short: str
    long: str


def gram_tokens(text: str) -> GramTokens:
    """The tokens of ``text`` (folded here) for the short and long fields."""
    short: list[str] = []
    long: list[str] = []
    for run in runs(search_fold(text)):
        if not is_han(run):
            short.append(run)
            continue
        for size in SHORT_SIZES:
            short.extend(_grams(run, size))
        fours = _grams(run, LONG)
        if fours:
            long += fours
            long += [GAP] * LONG
    return GramTokens(" ".join(short), " ".join(long))


class Lookup(NamedTuple):
    """One exact lookup in the embedded index: a term of the ``short`` or ``long`` field,
    or, with several grams, a phrase of the long field's 4-grams at their offsets. (A
    named tuple: queries build many, and it is the quickest to build.)"""

    field: str
    grams: tuple[tuple[int, str], ...]


@lru_cache(maxsize=8192)
def lookups(term: str) -> tuple[Lookup, ...]:
    """The lookups a folded term needs, all of which must match: one per run of Han
    characters or of letters and digits (2023年 needs 2023 and 年, which a text holding
    the term always has). Remembered: members search the same words again and again."""
    return tuple(_lookup(run) for run in ([term] if is_han_run(term) else runs(term)))


def _lookup(run: str) -> Lookup:
    if len(run) <= ONE_TERM or not is_han(run):
        return Lookup(_gram_field(run), ((0, run),))
    last = len(run) - LONG
    return Lookup("long", tuple((i, run[i : i + LONG]) for i in [*range(0, last, LONG), last]))


def _gram_field(gram: str) -> str:
    """The field that holds a run of letters and digits, or a Han run of up to
    :data:`ONE_TERM` characters, as one term."""
    return "long" if len(gram) == LONG and is_han(gram) else "short"


@dataclass(frozen=True)
class IndexTokens:
    """A text's tokens, each field as one space-separated string."""

    grams: str
    chars: str


def index_tokens(text: str) -> IndexTokens:
    """The tokens of ``text`` (folded here) for PostgreSQL: each Han run as its
    overlapping bigrams, each run of letters and digits as one word, two :data:`GAP`
    tokens after every run (grams); every Han character (chars)."""
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


def sentence_keys(text: str) -> list[str]:
    """What two sentences are compared by when looking for near-duplicates: their Han
    bigrams and their words of letters and digits (a figure such as 49055 is as telling
    as a rare bigram), in order."""
    return [g for run in runs(search_fold(text)) for g in (_pairs(run) if is_han(run) else [run])]


def _pairs(run: str) -> list[str]:
    return _grams(run, 2)


def _grams(run: str, size: int) -> list[str]:
    return [run[i : i + size] for i in range(len(run) - size + 1)]


@dataclass(frozen=True)
class Part:
    """What one piece of a term looks up in PostgreSQL's tsvector: its bigrams, or one
    char; ``run`` is the piece as written."""

    grams: tuple[str, ...] = ()
    char: str = ""
    run: str = ""

    @property
    def lexemes(self) -> list[str]:
        """The tokens this piece looks up."""
        return [self.char] if self.char else list(self.grams)


def term_parts(term: str) -> list[Part]:
    """The pieces of a folded term in PostgreSQL's tsvector, all of which must occur: one
    per run of Han characters or of letters and digits, as :func:`lookups`."""
    parts = []
    for run in runs(term):
        if not is_han(run):
            parts.append(Part(grams=(run,), run=run))
        elif len(run) == 1:
            parts.append(Part(char=run, run=run))
        else:
            parts.append(Part(grams=tuple(_pairs(run)), run=run))
    return parts
