"""What changed between two versions of a material, paragraph by paragraph, for members.

Which paragraphs changed is decided on the two masters, so that a member's own wordings
(which differ between versions: each version has its own slots) never show as changes.
What is shown is the member's copies — their wordings and invisible marks kept, so that
a screenshot or a copied stretch of the comparison is as traceable as the reader page.
Within a changed pair of paragraphs, the copies' visible characters are compared, and the
marks ride along with the characters they follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from gaoku.core.text import MARK_ALPHABET

# Paragraphs in the same place sharing this share of their characters are shown as one
# paragraph edited; less alike, as one removed and another added.
ALIKE = 0.5


@dataclass(frozen=True)
class Piece:
    """A run of shown text; ``changed`` marks what the other side does not have."""

    text: str
    changed: bool = False


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: ``kind`` is "same", "changed", "added" or
    "removed"; ``old`` and ``new`` the pieces of each side (empty where it has none)."""

    kind: str
    old: tuple[Piece, ...]
    new: tuple[Piece, ...]


def version_changes(old_master: str, new_master: str, old_shown: str, new_shown: str) -> list[Row]:
    """Rows comparing two versions: the masters decide what changed, and the shown texts
    (the member's copies of each, one paragraph per master paragraph) are what the rows
    hold.

    Raises:
        ValueError: a shown text does not have its master's paragraphs.
    """
    old_paras, new_paras = old_master.split("\n"), new_master.split("\n")
    old_rows, new_rows = old_shown.split("\n"), new_shown.split("\n")
    if len(old_rows) != len(old_paras) or len(new_rows) != len(new_paras):
        raise ValueError("a shown text must keep its master's paragraphs")
    rows: list[Row] = []
    matcher = SequenceMatcher(None, old_paras, new_paras, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(Row("same", (), (Piece(p),)) for p in new_rows[j1:j2])
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            i, j = i1 + k, j1 + k
            if _alike(old_paras[i], new_paras[j]):
                rows.append(Row("changed", *_marked_diff(old_rows[i], new_rows[j])))
            else:
                rows.append(Row("removed", (Piece(old_rows[i], True),), ()))
                rows.append(Row("added", (), (Piece(new_rows[j], True),)))
        rows.extend(Row("removed", (Piece(p, True),), ()) for p in old_rows[i1 + paired : i2])
        rows.extend(Row("added", (), (Piece(p, True),)) for p in new_rows[j1 + paired : j2])
    return rows


def _alike(old: str, new: str) -> bool:
    """Whether two paragraphs are one paragraph edited, not one replaced by another."""
    return SequenceMatcher(None, old, new, autojunk=False).ratio() >= ALIKE


def _marked_diff(old: str, new: str) -> tuple[tuple[Piece, ...], tuple[Piece, ...]]:
    """Both paragraphs cut into pieces, the ones the other lacks marked; compared on their
    visible characters, each piece keeping the marks that follow its characters."""
    old_index, new_index = _visible(old), _visible(new)
    old_visible = "".join(old[i] for i in old_index)
    new_visible = "".join(new[i] for i in new_index)
    matcher = SequenceMatcher(None, old_visible, new_visible, autojunk=False)
    old_pieces: list[Piece] = []
    new_pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = op != "equal"
        if i2 > i1:
            old_pieces.append(Piece(_slice(old, old_index, i1, i2), changed))
        if j2 > j1:
            new_pieces.append(Piece(_slice(new, new_index, j1, j2), changed))
    return tuple(old_pieces), tuple(new_pieces)


def _visible(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c not in MARK_ALPHABET]


def _slice(text: str, index: list[int], start: int, end: int) -> str:
    """The stretch of ``text`` holding visible characters ``start`` to ``end``, with the
    marks after the last of them (the first stretch also takes the marks before it)."""
    first = 0 if start == 0 else index[start]
    last = index[end] if end < len(index) else len(text)
    return text[first:last]
