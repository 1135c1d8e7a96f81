"""The lexical layer: wording choices at slots that keep what the text says.

A *slot* is a span of the master text with its interchangeable wordings; a copy takes one
wording per slot, chosen by the fingerprinting code (:mod:`.tardos`). Slots come from the
variant lexicon (:mod:`gaoku.core.lexicon`) and are found on word boundaries: the text is
segmented by jieba (posseg, with every lexicon wording and protected phrase in its
dictionary, :mod:`.segment`), and a slot is always a whole token, so a copy never alters
part of a word.

Kinds of slot:

* ``synonym`` — a token that a lexicon group lists as a source, its conditions holding
  (特别是 → 尤其是; one-way groups such as 不断 → 持续 never run backwards);
* ``optional`` — a droppable word (地 after an adverb), never at a sentence's end;
* ``editor`` — a group an editor wrote in.

(Plans made before 2026-12-05 may also hold ``order`` slots, two coordinate items in
either order; no new plan does: in official prose most pairs have a fixed order.)

Nothing inside a protected span is ever a slot: the title, headings (numbered ones, lines
of a heading's length, and a paragraph's short first sentence that heads it), quotations
(“…”, 「…」), names in 《…》, placeholders (X书记, XX县, ××…), dated references,
protected phrases (fixed formulations such as 两个维护), and numbers (numerals are never
lexicon words). A word next to another wording of its own group is left alone (健全完善
stays), and so is a wording that recurs in its paragraph (坚定不移地…，坚定不移地… and
着力…，着力… are parallel clauses whose words change all together or not at all) or
stands in an item of a 、-list (an enumeration of principles or names).

Given reference prose (:mod:`.attestation`), a slot inside a phrase that recurs in it
is dropped, and so is every wording not attested there in its context (editors' groups
excepted: the editor vouches for them, and reviews their slots).

The slots are found once per version and frozen in its plan: later changes to the
lexicon or the segmenter never move the slots of copies already issued.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from gaoku.core.fingerprint.attestation import (
    AnyOf,
    Reference,
    TextCorpus,
    attested,
    in_formulation,
)
from gaoku.core.fingerprint.segment import EDGE, PUNCTUATION, Token, paragraph_tokens
from gaoku.core.lexicon import Lexicon
from gaoku.core.structure import find_dated_references, find_placeholders, heading_level

# Share of the master's characters that a copy may change on average. The 6% promised is
# a hard cap (VersionCode.copy_wordings); at 5% on average fewer than one copy in thirty
# has a slot reverted to meet it, and a 400-character excerpt carries ~10% more evidence
# than at 4.5%.
DISTORTION_BUDGET = 0.05

# A line this short with no sentence inside is a heading; a first sentence this short, and
# with no comma, heads its paragraph.
HEADING_CHARS = 40
RUN_IN_HEADING_CHARS = 25
_SENTENCE_END = re.compile(r"[。！？](?=[^”’」』]|$)")
_QUOTED = re.compile(r"“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|『[^』\n]*』|《[^》\n]*》|\"[^\"\n]*\"")


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


def find_slots(text: str, lexicon: Lexicon, reference: Reference | None = None) -> list[Slot]:
    """Every candidate slot of ``text`` in order; see the module docstring for the rules.

    With ``reference`` (prose other than ``text``), slots inside its recurring phrases are
    left out, and so are the wordings it does not attest; a slot keeps at least one other
    wording than the master's or is left out.
    """
    guarded = _protected_mask(text, lexicon)
    slots: list[Slot] = []
    for tokens in paragraph_tokens(text, lexicon):
        slots.extend(_paragraph_slots(tokens, lexicon, guarded))
    if reference is None:
        return slots
    # A wording is attested by the document itself too, elsewhere in its text.
    prose = AnyOf(reference, TextCorpus([text]))
    return [safe for slot in slots if (safe := _checked(text, slot, reference, prose))]


def _checked(text: str, slot: Slot, reference: Reference, prose: Reference) -> Slot | None:
    if in_formulation(text, slot.start, slot.end, reference):
        return None
    if slot.kind == "editor":
        return slot  # an editor vouched for the group, and reviews its slots
    master, *others = slot.variants
    kept = [v for v in others if attested(text, slot.start, slot.end, v, prose)]
    if not kept:
        return None
    return Slot(slot.start, slot.end, (master, *kept), slot.kind)


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


# -- protected spans ---------------------------------------------------------------------


def _protected_mask(text: str, lexicon: Lexicon) -> bytearray:
    mask = bytearray(len(text))

    def guard(start: int, end: int) -> None:
        mask[start:end] = b"\1" * (end - start)

    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        heading = _heading_length(paragraph)
        if number == 0 or heading:
            guard(offset, offset + (heading or len(paragraph)))
        offset += len(paragraph) + 1
    for match in _QUOTED.finditer(text):
        guard(*match.span())
    fixed = [*lexicon.protected, *find_placeholders(text), *find_dated_references(text)]
    for phrase in fixed:
        start = text.find(phrase)
        while start >= 0:
            guard(start, start + len(phrase))
            start = text.find(phrase, start + 1)
    return mask


def _heading_length(paragraph: str) -> int:
    """How much of ``paragraph`` heads it: its first sentence when it opens with a heading
    marker (一、 （一） …), the whole line when it is a line of a heading's length, the
    first sentence when it is as short as a heading run into its text (the 推进节能减排。
    that opens a paragraph of a government work report); else 0."""
    stop = _SENTENCE_END.search(paragraph)
    first = stop.end() if stop else len(paragraph)
    if heading_level(paragraph) is not None:
        return first
    if len(paragraph) <= HEADING_CHARS and first == len(paragraph):
        return first
    run_in = first <= RUN_IN_HEADING_CHARS and "，" not in paragraph[:first]
    return first if run_in else 0


# -- slot rules --------------------------------------------------------------------------


def _paragraph_slots(tokens: list[Token], lexicon: Lexicon, guarded: bytearray) -> list[Slot]:
    slots = []
    counts = Counter(token.word for token in tokens)
    listed = _list_items(tokens)
    for i in range(len(tokens)):
        slot = _word_slot(tokens, i, lexicon)
        if slot is None or any(guarded[slot.start : slot.end]):
            continue
        if listed[i] or _parallel(slot, counts):
            continue
        slots.append(slot)
    return slots


def _list_items(tokens: list[Token]) -> list[bool]:
    """Per token, whether it stands in an item of a 、-list. An enumeration (科学规划、合理
    布局、…、提高质量; 主观主义、形式主义和官僚主义) is usually a formulation of principles,
    tasks or names, and every item keeps its words."""
    flags = [False] * len(tokens)
    start = 0
    for end in [*(k for k, t in enumerate(tokens) if t.word in PUNCTUATION), len(tokens)]:
        before = tokens[start - 1].word if start > 0 else ""
        after = tokens[end].word if end < len(tokens) else ""
        if "、" in (before, after):
            flags[start:end] = [True] * (end - start)
        start = end + 1
    return flags


def _parallel(slot: Slot, counts: Counter[str]) -> bool:
    """Whether the slot's wording, or another of its group's, recurs in its paragraph:
    then it belongs to parallel clauses. Words of one character recur for no such
    reason (和, 还) and are not counted; a dropped word (地) is always."""
    master = slot.variants[0]
    if len(master) < 2 and slot.kind != "optional":
        return False
    return counts[master] > 1 or any(counts[v] for v in slot.variants[1:] if v)


def _neighbours(tokens: list[Token], i: int, before: int = 1, after: int = 1):
    prev = tokens[i - before] if i - before >= 0 else EDGE
    nxt = tokens[i + after] if i + after < len(tokens) else EDGE
    return prev, nxt


def _word_slot(tokens: list[Token], i: int, lexicon: Lexicon) -> Slot | None:
    token = tokens[i]
    rule = lexicon.rule_for(token.word)
    if rule is None:
        return None
    prev, nxt = _neighbours(tokens, i)
    if not rule.applies(token.word, token.flag, (prev.word, prev.flag), (nxt.word, nxt.flag)):
        return None
    if prev.word in rule.variants or nxt.word in rule.variants:
        return None  # 健全完善, 不断持续: a doubled wording stays as written
    if rule.optional and (nxt is EDGE or nxt.word in PUNCTUATION or prev is EDGE):
        return None
    kind = "editor" if rule.origin == "editor" else "optional" if rule.optional else "synonym"
    return Slot(token.start, token.end, rule.alternatives(token.word), kind)
