"""Query segmentation: a run of Chinese typed without spaces becomes its words.

Members type 乡村振兴产业发展, not 乡村振兴 产业 发展. The run is cut into words with a
jieba-compatible segmenter that also knows the official terms of
``gaoku/core/data/search_terms.txt`` (主体责任, 三会一课, 一岗双责 …), so that such a term
stays one phrase instead of two words that could match anywhere. Only queries are
segmented: indexed texts are not (see :mod:`gaoku.core.search.tokens`).

Two segmenters give the same words: jieba, and rjieba (jieba-rs, the same dictionary and
algorithm in Rust, many times faster to load and to cut). ``bench/search.py`` measures
both and checks that they agree; rjieba is used where it is installed.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

__all__ = ["SEGMENTERS", "official_terms", "segment"]

SEGMENTERS = ("rjieba", "jieba")


@cache
def official_terms() -> tuple[str, ...]:
    """The user dictionary: one term per line, ``#`` comments."""
    data = resources.files("gaoku.core").joinpath("data/search_terms.txt").read_text("utf-8")
    lines = (line.strip() for line in data.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def segment(text: str, *, segmenter: str = "rjieba") -> list[str]:
    """The words of ``text``, in order, punctuation and spaces included as they come."""
    return _segmenter(segmenter)(text)


@cache
def _segmenter(name: str):
    if name == "rjieba":
        try:
            import rjieba
        except ImportError:
            return _segmenter("jieba")
        tokenizer = rjieba.Jieba()
        for term in official_terms():
            tokenizer.add_word(term, None, None)
        return lambda text: tokenizer.cut(text, True)
    if name == "jieba":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        for term in official_terms():
            tokenizer.add_word(term)
        return lambda text: list(tokenizer.cut(text, HMM=True))
    raise ValueError(f"segmenter must be one of {SEGMENTERS}")
