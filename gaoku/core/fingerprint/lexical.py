"""The lexical layer: wording choices at slots that keep what the text says.

A *slot* is a span of the master text with its interchangeable wordings; a copy takes one
wording per slot, chosen by the fingerprinting code (:mod:`.tardos`). Slots come from the
variant lexicon (:mod:`gaoku.core.lexicon`) and are found on word boundaries: the text is
segmented by jieba (posseg, with every lexicon wording and protected phrase in its
dictionary), and a slot is always a whole token, so a copy never alters part of a word.

Kinds of slot:

* ``synonym`` — a token that a lexicon group lists as a source, its conditions holding
  (推进 → 推动; one-way groups such as 为了 → 为 never run backwards);
* ``optional`` — a droppable word (了 after 取得…), never at a sentence's end;
* ``order`` — two coordinate nouns joined by 、, 和 or 与, neither naming a rank
  (思想和作风 → 作风和思想), both orders with each conjunction of the lexicon;
* ``editor`` — a group an editor wrote in.

Nothing inside a protected span is ever a slot: the title, quotations (“…”, 「…」),
names in 《…》, placeholders (X书记, XX县, ××…), dated references, protected phrases
(fixed formulations such as 两个维护), and numbers (numerals are never lexicon words, and
an ``order`` item holds no numeral). A word next to another wording of its own group is
left alone (健全完善 stays).

The slots are found once per version and frozen in its plan: later changes to the
lexicon or the segmenter never move the slots of copies already issued.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Levenshtein

from gaoku.core.lexicon import Lexicon, Rule
from gaoku.core.structure import find_dated_references, find_placeholders

# Share of the master's characters that a copy may change on average. The 6% promised is
# a hard cap (VersionCode.copy_wordings); at 5% on average fewer than one copy in thirty
# has a slot reverted to meet it, and a 400-character excerpt carries ~10% more evidence
# than at 4.5%.
DISTORTION_BUDGET = 0.05

_PUNCT = frozenset("，。、；：！？（）《》“”‘’…—·「」『』【】,.;:!?()\"' \u3000")
_QUOTED = re.compile(r"“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|『[^』\n]*』|《[^》\n]*》|\"[^\"\n]*\"")
_NUMERAL = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万亿两]")
_ORDER_ITEM_TAGS = ("n", "vn")
_ORDER_ITEM_EXCLUDED = ("nr", "ns", "nt")
_LIST_WORDS = frozenset({"、", "和", "与", "及", "以及", "或", "或者"})


@dataclass(frozen=True)
class Slot:
    """A span ``[start, end)`` of the master and its wordings; ``variants[0]`` is the master's."""

    start: int
    end: int
    variants: tuple[str, ...]
    kind: str

    @property
    def key(self) -> str:
        """Identity of the slot within its version, stable across plan revisions."""
        return f"{self.start}:{'/'.join(self.variants)}"

    @property
    def bits(self) -> float:
        """Binary-equivalent capacity: log2 of the number of wordings."""
        return math.log2(len(self.variants))

    @property
    def cost(self) -> float:
        """Characters a copy is expected to change here, wordings drawn evenly."""
        master = self.variants[0]
        return sum(Levenshtein.distance(master, v) for v in self.variants[1:]) / len(self.variants)

    def change_cost(self, choice: int) -> int:
        """Characters that wording ``choice`` changes from the master's."""
        return Levenshtein.distance(self.variants[0], self.variants[choice]) if choice else 0

    def to_json(self) -> list:
        return [self.start, self.end, list(self.variants), self.kind]

    @classmethod
    def from_json(cls, data: Sequence) -> Slot:
        start, end, variants, kind = data
        return cls(int(start), int(end), tuple(variants), str(kind))


@dataclass(frozen=True)
class _Token:
    word: str
    flag: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.word)


_EDGE = _Token("", "", -1)


def find_slots(text: str, lexicon: Lexicon) -> list[Slot]:
    """Every candidate slot of ``text`` in order; see the module docstring for the rules."""
    guarded = _protected_mask(text, lexicon)
    slots: list[Slot] = []
    for tokens in _paragraph_tokens(text, lexicon):
        slots.extend(_paragraph_slots(tokens, lexicon, guarded))
    return slots


def select_slots(
    slots: Iterable[Slot],
    length: int,
    *,
    rejected: Iterable[str] = (),
    budget: float = DISTORTION_BUDGET,
) -> list[Slot]:
    """The slots a copy uses: not rejected by an editor, within the distortion budget.

    When the candidates would change more than ``budget × length`` characters on average,
    the ones carrying the most bits per changed character are kept.
    """
    refused = set(rejected)
    usable = [s for s in slots if s.key not in refused and s.cost > 0]
    allowance = budget * length
    if sum(s.cost for s in usable) > allowance:
        kept: list[Slot] = []
        spent = 0.0
        for slot in sorted(usable, key=lambda s: (-s.bits / s.cost, s.start)):
            if spent + slot.cost <= allowance:
                kept.append(slot)
                spent += slot.cost
        usable = kept
    return sorted(usable, key=lambda s: s.start)


def apply_choices(text: str, slots: Sequence[Slot], choices: Sequence[int]) -> str:
    """The master with wording ``choices[i]`` at ``slots[i]`` (slots in order, disjoint)."""
    pieces: list[str] = []
    position = 0
    for slot, choice in zip(slots, choices, strict=True):
        pieces.append(text[position : slot.start])
        pieces.append(slot.variants[choice])
        position = slot.end
    pieces.append(text[position:])
    return "".join(pieces)


def slot_density(slots: Iterable[Slot], text: str) -> float:
    """Bits per 100 characters of ``text``."""
    return 100 * sum(s.bits for s in slots) / max(len(text), 1)


# -- segmentation ------------------------------------------------------------------------


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
        if not _PUNCT.intersection(phrase):
            tokenizer.add_word(phrase, tag="nz")
    # jieba's dictionary holds compounds of two lexicon words (切实加强, 不断完善); split
    # them so that each word is a slot of its own.
    for first in words:
        for second in words:
            if tokenizer.FREQ.get(first + second) and first + second not in phrases:
                tokenizer.suggest_freq((first, second), tune=True)
    return jieba.posseg.POSTokenizer(tokenizer)


def _paragraph_tokens(text: str, lexicon: Lexicon) -> Iterable[list[_Token]]:
    segmenter = _segmenter(frozenset(lexicon.words), lexicon.protected)
    offset = 0
    for paragraph in text.split("\n"):
        tokens = []
        position = offset
        for pair in segmenter.cut(paragraph):
            tokens.append(_Token(pair.word, pair.flag, position))
            position += len(pair.word)
        if position != offset + len(paragraph):
            raise ValueError("segmentation lost characters")
        yield tokens
        offset += len(paragraph) + 1


def _protected_mask(text: str, lexicon: Lexicon) -> bytearray:
    mask = bytearray(len(text))

    def guard(start: int, end: int) -> None:
        mask[start:end] = b"\1" * (end - start)

    guard(0, text.find("\n") if "\n" in text else len(text))  # the title
    for match in _QUOTED.finditer(text):
        guard(*match.span())
    fixed = [*lexicon.protected, *find_placeholders(text), *find_dated_references(text)]
    for phrase in fixed:
        start = text.find(phrase)
        while start >= 0:
            guard(start, start + len(phrase))
            start = text.find(phrase, start + 1)
    return mask


# -- slot rules --------------------------------------------------------------------------


def _paragraph_slots(tokens: list[_Token], lexicon: Lexicon, guarded: bytearray) -> list[Slot]:
    slots: list[Slot] = []
    i = 0
    while i < len(tokens):
        order = _order_slot(tokens, i, lexicon)
        if order and not any(guarded[order.start : order.end]):
            slots.append(order)
            i += 3
            continue
        word = _word_slot(tokens, i, lexicon)
        if word and not any(guarded[word.start : word.end]):
            slots.append(word)
        i += 1
    return slots


def _neighbours(tokens: list[_Token], i: int, before: int = 1, after: int = 1):
    prev = tokens[i - before] if i - before >= 0 else _EDGE
    nxt = tokens[i + after] if i + after < len(tokens) else _EDGE
    return prev, nxt


def _word_slot(tokens: list[_Token], i: int, lexicon: Lexicon) -> Slot | None:
    token = tokens[i]
    rule = lexicon.rule_for(token.word)
    if rule is None:
        return None
    prev, nxt = _neighbours(tokens, i)
    if not rule.applies(token.word, token.flag, (prev.word, prev.flag), (nxt.word, nxt.flag)):
        return None
    if prev.word in rule.variants or nxt.word in rule.variants:
        return None  # 健全完善, 不断持续: a doubled wording stays as written
    if rule.optional and (nxt is _EDGE or nxt.word in _PUNCT or prev is _EDGE):
        return None
    kind = "editor" if rule.origin == "editor" else "optional" if rule.optional else "synonym"
    return Slot(token.start, token.end, rule.alternatives(token.word), kind)


def _order_slot(tokens: list[_Token], i: int, lexicon: Lexicon) -> Slot | None:
    if i + 2 >= len(tokens):
        return None
    first, sep, second = tokens[i], tokens[i + 1], tokens[i + 2]
    if sep.word not in ("、", "和", "与") or (sep.word != "、" and not sep.flag.startswith("c")):
        return None
    if not (_order_item(first, lexicon) and _order_item(second, lexicon)):
        return None
    if first.word == second.word or abs(len(first.word) - len(second.word)) > 1:
        return None
    prev, _ = _neighbours(tokens, i)
    _, nxt = _neighbours(tokens, i + 2)
    if prev.word in _LIST_WORDS or prev.flag.startswith(("n", "a", "m", "r")):
        return None  # the first item may be the tail of a longer phrase or list (各科室)
    if nxt.word in _LIST_WORDS:
        return None  # a list of three or more
    joins = _conjunctions(sep, tokens, i + 1, lexicon)
    pairs = [(first.word, second.word), (second.word, first.word)]
    variants = tuple(a + j + b for a, b in pairs for j in joins)
    return Slot(first.start, second.end, variants, "order")


def _order_item(token: _Token, lexicon: Lexicon) -> bool:
    return (
        2 <= len(token.word) <= 4
        and token.flag.startswith(_ORDER_ITEM_TAGS)
        and not token.flag.startswith(_ORDER_ITEM_EXCLUDED)
        and not _NUMERAL.search(token.word)
        and lexicon.rule_for(token.word) is None
        and not any(rank in token.word for rank in lexicon.ranked)
    )


def _conjunctions(sep: _Token, tokens: list[_Token], i: int, lexicon: Lexicon) -> tuple[str, ...]:
    rule: Rule | None = lexicon.rule_for(sep.word)
    prev, nxt = _neighbours(tokens, i)
    if rule and rule.applies(sep.word, sep.flag, (prev.word, prev.flag), (nxt.word, nxt.flag)):
        return rule.alternatives(sep.word)
    return (sep.word,)
