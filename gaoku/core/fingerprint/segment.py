"""Words and their parts of speech, for finding slots: jieba's posseg, with the lexicon.

jieba ships its model (a dictionary with each word's most frequent tag, and an HMM for
unknown words) in its package. Other taggers that ship theirs were tried on the sentences
where a slot had gone wrong: THULAC tags 需要 in 兼顾了需要和可能 as a noun, as it is, but
holds 1.3 GB in memory and tags about 4,000 characters a second in Python; Jiagu tags it a
verb, as jieba does. jieba's tags are those of the word, seldom of its use, so the rules
that rely on them read the neighbours' tags too, and every wording is then checked
against real prose (:mod:`.attestation`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from gaoku.core.lexicon import Lexicon

PUNCTUATION = frozenset("，。、；：！？（）《》“”‘’…—·「」『』【】,.;:!?()\"' \u3000")


@dataclass(frozen=True)
class Token:
    """A word of the text, its posseg tag, and where it starts in the whole text."""

    word: str
    flag: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.word)


# Stands for the missing neighbour at a paragraph's edges.
EDGE = Token("", "", -1)


@cache
def _segmenter(words: frozenset[str], phrases: tuple[str, ...]):
    import jieba
    import jieba.posseg

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(words):
        if not tokenizer.FREQ.get(word):
            tokenizer.add_word(word, tag="x")
    # A protected phrase is one proper noun: never split, never taken for punctuation.
    for phrase in phrases:
        if not PUNCTUATION.intersection(phrase):
            tokenizer.add_word(phrase, tag="nz")
    # jieba's dictionary holds compounds that begin or end with a lexicon word (不断完善,
    # 仍然是, 进一步加强); split them so that the lexicon word is a token of its own.
    for compound, count in list(tokenizer.FREQ.items()):
        if count and len(compound) >= 3 and compound not in words and compound not in phrases:
            split = _split(compound, words, tokenizer.FREQ)
            if split:
                tokenizer.suggest_freq(split, tune=True)
    return jieba.posseg.POSTokenizer(tokenizer)


def _split(compound: str, words: frozenset[str], known: dict[str, int]) -> tuple[str, str] | None:
    """``compound`` as a lexicon word of two characters or more and a dictionary word,
    if it is one (one character, as in 还/仍/地, begins too many words to split at)."""
    for cut in range(2, len(compound) - 1):
        head, tail = compound[:cut], compound[cut:]
        if (head in words and known.get(tail)) or (tail in words and known.get(head)):
            return head, tail
    return None


def paragraph_tokens(text: str, lexicon: Lexicon) -> Iterable[list[Token]]:
    """The tokens of each paragraph of ``text``, with offsets into the whole text."""
    segmenter = _segmenter(frozenset(lexicon.words), lexicon.protected)
    offset = 0
    for paragraph in text.split("\n"):
        tokens = []
        position = offset
        for pair in segmenter.cut(paragraph):
            tokens.append(Token(pair.word, pair.flag, position))
            position += len(pair.word)
        if position != offset + len(paragraph):
            raise ValueError("segmentation lost characters")
        yield tokens
        offset += len(paragraph) + 1
