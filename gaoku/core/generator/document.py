"""The public entry points: one document from a seed, or a corpus of varied ones."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gaoku.core.generator import labels
from gaoku.core.generator.compose import Draft, fit
from gaoku.core.generator.context import LEVEL_WORDS, OFF_TOPICS, TOPIC_BANKS, Context
from gaoku.core.generator.reports import duty_report, plan, summary, work_report
from gaoku.core.generator.speech import reflection, speech, statement
from gaoku.core.generator.wrappers import wrap

DOC_TYPES: tuple[str, ...] = (
    "讲话稿",
    "工作报告",
    "心得体会",
    "述职报告",
    "发言材料",
    "方案",
    "总结",
)
TOPICS: tuple[str, ...] = tuple(TOPIC_BANKS)
LEVELS: tuple[str, ...] = tuple(LEVEL_WORDS)

# Length range of ``text`` per type (characters), and the builder of each type.
LENGTHS: dict[str, tuple[int, int]] = {
    "讲话稿": (1500, 6000),
    "工作报告": (1800, 6000),
    "心得体会": (1000, 2500),
    "述职报告": (1500, 4500),
    "发言材料": (1200, 4000),
    "方案": (1500, 5000),
    "总结": (1500, 5000),
}
_BUILDERS: dict[str, Callable[[Context, int], Draft]] = {
    "讲话稿": speech,
    "工作报告": work_report,
    "心得体会": reflection,
    "述职报告": duty_report,
    "发言材料": statement,
    "方案": plan,
    "总结": summary,
}

FIRST_DAY = datetime.date(2016, 1, 1)
LAST_DAY = datetime.date(2026, 10, 31)
# The epidemic vocabulary of 2020 belongs after its outbreak.
_YEAR_STARTS = {2020: datetime.date(2020, 2, 1)}


@dataclass(frozen=True)
class GeneratedDocument:
    """A generated material with what a correct import must find in it.

    Attributes:
        text: The clean document: paragraphs separated by one ``\\n``, no blank lines.
        wrapped: The same document as distributors pass it on, with wrapper lines at
            the top, the bottom and between paragraphs, and some blank lines.
        wrapper_lines: Every non-blank line of ``wrapped`` not in ``text``, in order.
        doc_type: One of ``DOC_TYPES``.
        topics: One to three of ``TOPICS``, the primary topic first.
        level: One of ``LEVELS``.
        occasion: Where the material was delivered or what it was written for.
        published: The publication date.
        outline: The outline a correct parser returns, in the contract's shape.
        placeholders: Unique placeholder tokens in order of first appearance.
        dated_references: Unique dated-reference tokens in order of first appearance.
    """

    text: str
    wrapped: str
    wrapper_lines: tuple[str, ...]
    doc_type: str
    topics: tuple[str, ...]
    level: str
    occasion: str
    published: datetime.date
    outline: dict
    placeholders: tuple[str, ...]
    dated_references: tuple[str, ...]


def generate_document(
    seed: int, *, doc_type: str | None = None, topic: str | None = None
) -> GeneratedDocument:
    """Generate one document; the same arguments always give the same document.

    Args:
        seed: Seed of the document's own random stream.
        doc_type: One of ``DOC_TYPES``; drawn from the seed when None.
        topic: The primary topic, one of ``TOPICS``; drawn from the seed when None.
            The publication year is drawn among the years the topic is current.

    Raises:
        ValueError: On an unknown ``doc_type`` or ``topic``.
    """
    if doc_type is not None and doc_type not in _BUILDERS:
        raise ValueError(f"unknown doc_type {doc_type!r}; expected one of {DOC_TYPES}")
    if topic is not None and topic not in TOPIC_BANKS:
        raise ValueError(f"unknown topic {topic!r}; expected one of {TOPICS}")
    rng = random.Random(seed)
    doc_type = doc_type or rng.choice(DOC_TYPES)
    primary = topic or rng.choice(TOPICS)
    published = _date(rng, rng.choice(TOPIC_BANKS[primary]["years"]))
    level = rng.choice([lv for lv in LEVELS if primary not in OFF_TOPICS.get(lv, ())])
    others = [
        t
        for t in TOPICS
        if t != primary
        and published.year in TOPIC_BANKS[t]["years"]
        and t not in OFF_TOPICS.get(level, ())
    ]
    topics = (primary, *rng.sample(others, rng.choice((0, 0, 1, 1, 2))))
    ctx = Context(
        rng, level=level, topics=topics, published=published, placeholders=rng.random() < 0.6
    )
    low, high = LENGTHS[doc_type]
    # Aim inside the range so that the final fit rarely has to cut or pad.
    target = rng.randint(low + (high - low) // 10, high - (high - low) // 8)
    draft = _BUILDERS[doc_type](ctx, target)
    fit(draft, low, high, ctx)
    paragraphs = draft.paragraphs()
    text = "\n".join(paragraphs)
    wrapped, wrapper_lines = wrap(rng, paragraphs)
    return GeneratedDocument(
        text=text,
        wrapped=wrapped,
        wrapper_lines=wrapper_lines,
        doc_type=doc_type,
        topics=topics,
        level=level,
        occasion=draft.occasion,
        published=published,
        outline=draft.outline(),
        placeholders=labels.placeholders(text),
        dated_references=labels.dated_references(text),
    )


def generate_corpus(count: int, *, seed: int = 0) -> Iterator[GeneratedDocument]:
    """Yield ``count`` documents that cycle through the types and shuffle the topics.

    Args:
        count: How many documents.
        seed: Seed of the corpus; each document gets its own seed drawn from it.

    Raises:
        ValueError: When ``count`` is negative.
    """
    if count < 0:
        raise ValueError("count must be >= 0")
    rng = random.Random(seed)
    deck: list[str] = []
    for i in range(count):
        if not deck:
            deck = list(TOPICS)
            rng.shuffle(deck)
        yield generate_document(
            rng.getrandbits(63), doc_type=DOC_TYPES[i % len(DOC_TYPES)], topic=deck.pop()
        )


def _date(rng: random.Random, year: int) -> datetime.date:
    start = max(_YEAR_STARTS.get(year, datetime.date(year, 1, 1)), FIRST_DAY)
    end = min(datetime.date(year, 12, 31), LAST_DAY)
    return datetime.date.fromordinal(rng.randint(start.toordinal(), end.toordinal()))
