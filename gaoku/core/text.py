"""Text normalisation shared by every import path.

Readers hand over text as the file held it; ``normalize`` makes one canonical form of it
so that cleaning, structure parsing, hashing and comparison all see the same paragraphs.
It never rewrites characters: full-width punctuation stays full-width (NFKC would turn
``，`` into ``,``), and so does every Han character.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

# The characters of Gaoku's invisible layer (gaoku.core.fingerprint.invisible): eight
# zero-width format characters, each Default_Ignorable in Unicode, so text renderers draw
# nothing for them whether or not a font has a glyph.
MARK_ALPHABET = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064"

# Zero-width and bidi control characters carry no text; distributors' copies and our own
# invisible marks use them, so an import drops them before anything else looks at the text.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Line edges: ASCII whitespace, the ideographic space used for indentation, no-break spaces.
_EDGE = " \t\u3000\u00a0\u2002\u2003"


def normalize(text: str) -> str:
    """Return the canonical form of an imported text.

    Newlines become ``\\n``; invisible and control characters are removed; each line loses
    its indentation and trailing spaces; blank lines are dropped, so that paragraphs are
    separated by exactly one ``\\n``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    lines = (line.strip(_EDGE) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def paragraphs(text: str) -> list[str]:
    """Split a normalised text into its paragraphs."""
    return [p for p in text.split("\n") if p]


# The Han characters (CJK unified ideographs, extension A, and the supplementary planes),
# as a character-class body: every module that tells Han text apart uses this one.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ebef"
_HAN = re.compile(f"[{HAN_RANGES}]")


def han_count(text: str) -> int:
    """Number of Han characters, the unit in which Chinese documents are measured."""
    return len(_HAN.findall(text))


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def simplified_char(char: str) -> str:
    """One character in simplified script (OpenCC's ``t2s`` table; texts repeat a few
    thousand distinct characters, so each is converted once)."""
    return _t2s().convert(char)


def simplified(text: str) -> str:
    """``text`` in simplified script, character by character (positions are kept)."""
    return "".join(map(simplified_char, text))
