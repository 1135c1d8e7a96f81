"""The variant lexicon: interchangeable official wordings, and what must never change.

The lexical fingerprint layer (:mod:`gaoku.core.fingerprint.lexical`) finds its slots
with this lexicon. Its data are plain text files beside this module, so that an editor
can read and extend them without reading code:

* ``variants.txt`` — ``[synonyms]``: one group of interchangeable words per line
  (``不断 持续 | next=v``); ``A > B C`` is one-way (A may become B or C, never back);
  ``[optional]``: words that may be dropped, never inserted (``了 | prevword=取得``).
  Conditions after `` | `` must all hold: ``pos=``, ``next=``, ``prev=`` (jieba posseg
  tag prefixes of the word, the next token, the previous token), ``nextword=`` and
  ``prevword=`` (exact neighbouring words), each also negated with a ``not`` prefix.
* ``protected.txt`` — fixed formulations never changed nor split.

Editors add groups of their own in the same one-line syntax (:func:`parse_rule`); they are
passed to :func:`load_lexicon` as ``extra`` and override a built-in group of the same word.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

_CONDITION_KEYS = ("pos", "next", "prev", "nextword", "prevword")


@dataclass(frozen=True)
class Condition:
    """One test on a token or its neighbours; see the module docstring."""

    key: str
    values: tuple[str, ...]
    negated: bool = False

    def holds(self, word: str, flag: str, prev: tuple[str, str], nxt: tuple[str, str]) -> bool:
        match self.key:
            case "pos":
                found = flag.startswith(self.values)
            case "next":
                found = bool(nxt[1]) and nxt[1].startswith(self.values)
            case "prev":
                found = bool(prev[1]) and prev[1].startswith(self.values)
            case "nextword":
                found = nxt[0] in self.values
            case _:
                found = prev[0] in self.values
        return found != self.negated


@dataclass(frozen=True)
class Rule:
    """A group of wordings; ``sources`` are the words a copy may change into the others.

    ``variants`` holds every wording of the group; an optional word's group is
    ``(word, "")``. ``origin`` is ``"lexicon"`` for the built-in file and ``"editor"``
    for a group an editor wrote in.
    """

    variants: tuple[str, ...]
    sources: frozenset[str]
    conditions: tuple[Condition, ...] = ()
    optional: bool = False
    origin: str = "lexicon"

    def applies(self, word: str, flag: str, prev: tuple[str, str], nxt: tuple[str, str]) -> bool:
        return word in self.sources and all(c.holds(word, flag, prev, nxt) for c in self.conditions)

    def alternatives(self, word: str) -> tuple[str, ...]:
        """The group's wordings with ``word`` first: slot variant 0 is the master's."""
        return (word, *(v for v in self.variants if v != word))


@dataclass(frozen=True)
class Lexicon:
    """Rules by source word, protected phrases, and a digest of all of it."""

    rules: dict[str, Rule]
    protected: tuple[str, ...]
    digest: str

    def rule_for(self, word: str) -> Rule | None:
        return self.rules.get(word)

    @property
    def words(self) -> set[str]:
        """Every wording any rule may produce or change (for the segmenter's dictionary)."""
        return {v for rule in self.rules.values() for v in rule.variants if v}


def parse_rule(line: str, *, optional: bool = False, origin: str = "lexicon") -> Rule:
    """Parse one group line (``推进 推动 | pos=v``); ValueError with the reason when malformed."""
    body, _, tail = line.partition("|")
    if ">" in body:
        left, _, right = body.partition(">")
        sources, others = left.split(), right.split()
        if len(sources) != 1 or not others:
            raise ValueError(f"one-way group needs one word before '>' and some after: {line}")
        variants = (sources[0], *others)
    else:
        variants = tuple(body.split())
        sources = list(variants)
    if optional:
        if len(variants) != 1:
            raise ValueError(f"an optional line names one word: {line}")
        variants = (variants[0], "")
    elif len(variants) < 2:
        raise ValueError(f"a group needs at least two words: {line}")
    if len(set(variants)) != len(variants):
        raise ValueError(f"a word is listed twice: {line}")
    return Rule(
        variants=variants,
        sources=frozenset(sources),
        conditions=tuple(_condition(item, line) for item in tail.split()),
        optional=optional,
        origin=origin,
    )


def _condition(item: str, line: str) -> Condition:
    key, _, values = item.partition("=")
    negated = key.startswith("not")
    key = key.removeprefix("not")
    if key not in _CONDITION_KEYS or not values:
        raise ValueError(f"unknown condition {item!r} in: {line}")
    return Condition(key, tuple(v for v in values.split(",") if v), negated)


def _data(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def _sections(text: str) -> Iterable[tuple[str, str]]:
    section = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        else:
            yield section, line


@cache
def _builtin() -> tuple[tuple[Rule, ...], tuple[str, ...], str]:
    variants, protected = _data("variants.txt"), _data("protected.txt")
    rules: list[Rule] = []
    seen: set[str] = set()
    for section, line in _sections(variants):
        rule = parse_rule(line, optional=section == "optional")
        if clash := seen & rule.sources:
            raise ValueError(f"variants.txt: {sorted(clash)} in two groups")
        seen |= rule.sources
        rules.append(rule)
    phrases = [line for _, line in _sections(protected)]
    digest = hashlib.sha256((variants + "\0" + protected).encode()).hexdigest()
    return tuple(rules), tuple(phrases), digest


def load_lexicon(extra: Iterable[Rule] = ()) -> Lexicon:
    """The built-in lexicon with ``extra`` (editors' groups) laid over it."""
    rules, protected, digest = _builtin()
    by_word = {word: rule for rule in rules for word in rule.sources}
    extra_lines = []
    for rule in extra:
        by_word.update(dict.fromkeys(rule.sources, rule))
        extra_lines.append(repr(rule))
    if extra_lines:
        digest = hashlib.sha256("\n".join([digest, *extra_lines]).encode()).hexdigest()
    return Lexicon(rules=by_word, protected=protected, digest=digest)
