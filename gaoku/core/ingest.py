"""From raw text to what the library stores: the import pipeline's pure steps, in order.

normalise → strip distributor boilerplate → parse the outline → find placeholders and
dated references → hash and sketch for duplicate detection → keys that locate excerpts.
Each step is a plain function of its own module; this one only calls them in order so
the order is visible.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from gaoku.core.calendar import Calendar
from gaoku.core.cleaning import CleanResult, Rule, learnable_lines, strip_boilerplate
from gaoku.core.cleaning.reasons import EDITOR
from gaoku.core.excerpt import locator_keys
from gaoku.core.similarity import content_hash, sketch
from gaoku.core.structure import (
    Outline,
    find_dated_references,
    find_placeholders,
    parse_outline,
)
from gaoku.core.text import normalize
from gaoku.errors import ImportRejected

EMPTY_AFTER_CLEANING = "清理后没有剩下正文：文件只有空白或分发者的广告、声明。"
TOO_LONG = "正文太长（{chars} 字）：一份资料最多 {limit} 字，请拆分后再导入。"
# The longest official document this library expects is a government work report of
# some 20,000 characters; a text fifteen times that is a compilation or a broken file.
MAX_CHARS = 300_000


@dataclass(frozen=True)
class PreparedText:
    """A cleaned text with everything the library derives from it."""

    text: str
    removed_lines: tuple[str, ...]
    outline: Outline
    placeholders: tuple[str, ...]
    dated_references: tuple[str, ...]
    content_hash: str
    sketch: tuple[int, ...]
    locator_keys: tuple[int, ...]
    removal_reasons: tuple[str, ...] = ()
    # Where each removed line stood among the read text's non-empty lines: what lets an
    # editor put one back where it was (see restore_line).
    removed_positions: tuple[int, ...] = ()

    @property
    def removals(self) -> list[tuple[str, str]]:
        """Each removed line with why it was removed (gaoku.core.cleaning)."""
        return list(zip(self.removed_lines, self.removal_reasons, strict=False))

    @property
    def chars(self) -> int:
        """Length in characters, paragraph breaks excluded."""
        return len(self.text) - self.text.count("\n")


def prepare_text(
    raw: str,
    patterns: Sequence[Rule],
    known: frozenset[str] = frozenset(),
    cal: Calendar | None = None,
) -> PreparedText:
    """Run the import pipeline on a text read from a file; ``known`` are wrapper lines
    learned from other documents (gaoku.core.cleaning.learnable_lines), ``cal`` the
    political calendar whose names are dated references (default: the shipped one).

    Raises:
        ImportRejected: nothing but boilerplate or blank lines is left, or a text longer
            than MAX_CHARS.
    """
    cleaned = strip_boilerplate(normalize(raw), patterns, known)
    if not cleaned.text:
        raise ImportRejected(EMPTY_AFTER_CLEANING, code="empty")
    return _prepared(cleaned, cal)


def restore_line(
    text: str,
    removed_lines: Sequence[str],
    positions: Sequence[int],
    index: int,
    cal: Calendar | None = None,
    reasons: Sequence[str] = (),
) -> PreparedText:
    """A cleaned text with its removed line ``index`` put back where it stood, and all
    that derives from it again: an editor's correction of the cleaner. ``positions``
    are the removed lines' (PreparedText.removed_positions), ``reasons`` why each was
    removed (PreparedText.removal_reasons; empty where a version kept none)."""
    read = _as_read(text, removed_lines, positions, reasons)
    if 0 <= index < len(positions):
        read[positions[index]] = _ReadLine(removed_lines[index])
    return _cleaned(read, cal)


def remove_lines(
    text: str,
    removed_lines: Sequence[str],
    positions: Sequence[int],
    indexes: Collection[int],
    cal: Calendar | None = None,
    reasons: Sequence[str] = (),
    why: str = EDITOR,
) -> PreparedText:
    """A cleaned text without its lines ``indexes`` (into ``text.split("\n")``), which
    join the removed lines where they stood (each removed for ``why``), and all that
    derives from it again: an editor's correction of a cleaner that kept a page's line.
    The inverse of ``restore_line``, so a line removed so can be put back.

    Raises:
        ImportRejected: nothing of the text would be left.
    """
    read = _as_read(text, removed_lines, positions, reasons)
    kept = [place for place, line in enumerate(read) if not line.removed]
    for index in indexes:
        if 0 <= index < len(kept):
            read[kept[index]] = _ReadLine(read[kept[index]].text, removed=True, reason=why)
    return _cleaned(read, cal)


@dataclass(frozen=True)
class _ReadLine:
    """A line of a text as read from its file, kept or removed (and why)."""

    text: str
    removed: bool = False
    reason: str = ""


def _as_read(
    text: str, removed_lines: Sequence[str], positions: Sequence[int], reasons: Sequence[str]
) -> list[_ReadLine]:
    """A cleaned text's lines as its file had them: the kept ones, and the removed ones
    where they stood (``positions``), each with its reason where every one has one."""
    whole = len(reasons) == len(removed_lines)
    at = dict(zip(positions, range(len(removed_lines)), strict=True))
    kept = iter(text.split("\n"))
    return [
        _ReadLine(removed_lines[at[place]], True, reasons[at[place]] if whole else "")
        if place in at
        else _ReadLine(next(kept))
        for place in range(len(removed_lines) + text.count("\n") + 1)
    ]


def _cleaned(read: list[_ReadLine], cal: Calendar | None) -> PreparedText:
    """What the library derives from a text whose lines, as read, are kept or removed."""
    kept = [line.text for line in read if not line.removed]
    if not kept:
        raise ImportRejected(EMPTY_AFTER_CLEANING, code="empty")
    places = [place for place, line in enumerate(read) if line.removed]
    return _prepared(
        CleanResult(
            "\n".join(kept),
            tuple(read[place].text for place in places),
            tuple(read[place].reason for place in places),
            positions=tuple(places),
        ),
        cal,
    )


def _prepared(cleaned: CleanResult, cal: Calendar | None) -> PreparedText:
    if len(cleaned.text) > MAX_CHARS:
        raise ImportRejected(
            TOO_LONG.format(chars=len(cleaned.text), limit=MAX_CHARS), code="too_long"
        )
    return PreparedText(
        text=cleaned.text,
        removed_lines=cleaned.removed_lines,
        outline=parse_outline(cleaned.text),
        placeholders=tuple(find_placeholders(cleaned.text)),
        dated_references=tuple(find_dated_references(cleaned.text, cal)),
        content_hash=content_hash(cleaned.text),
        sketch=tuple(sketch(cleaned.text)),
        locator_keys=tuple(locator_keys(cleaned.text)),
        removal_reasons=cleaned.reasons,
        removed_positions=cleaned.positions,
    )


def sighted_lines(prepared: PreparedText) -> list[str]:
    """The lines of an imported text, kept or removed, that a library remembers seeing
    (gaoku.core.cleaning.learnable_lines): once RECURRING_IN documents hold one, it is
    their source's wrapper."""
    return learnable_lines("\n".join([*prepared.removed_lines, *prepared.text.split("\n")]))
