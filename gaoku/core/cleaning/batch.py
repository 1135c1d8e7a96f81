"""Learning a source's wrapper from a batch before the library has seen it.

A library learns a line as its source's wrapper once RECURRING_IN other documents hold it,
so alone it lets the first two documents of a new source keep every line that only
learning catches. An editor imports a source's documents together (a folder, one upload),
so an import reads the whole batch first: a line that the batch's other documents, not yet
imported, hold counts as if the library held it. Versions of one document in a batch count
as one holder, as the library counts a material once whatever its versions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from gaoku.core.cleaning import learnable_lines, line_shape
from gaoku.core.similarity import (
    SIMILAR_THRESHOLD,
    SKETCH_SIZE,
    content_hash,
    similarity,
    sketch,
)
from gaoku.core.text import normalize

# As the library's own search for a similar material: the few best sketch overlaps are
# compared in full, but only those that share a quarter of their sketch: two texts that
# similar share more (23 of 64 at the least, measured on generated documents with a tenth
# of their characters changed here and there), and unrelated documents of one source,
# which share its wrapper and stock phrases, share less.
_CANDIDATES = 5
_SHARED = SKETCH_SIZE // 4
# A sketch value more documents of a batch hold than this is a stock phrase's (or a
# wrapper's): it says nothing about which documents are versions of each other.
_STOCK = 200


class ImportBatch:
    """The documents of one import not yet imported, by the shapes of their learnable
    lines (gaoku.core.cleaning.line_shape)."""

    def __init__(self, texts: Iterable[str]) -> None:
        """``texts``: the batch's documents as read from their files. The methods take a
        document's text normalised (gaoku.core.text.normalize), as an import has it."""
        texts = list(dict.fromkeys(normalize(text) for text in texts))
        shapes = [{line_shape(line) for line in learnable_lines(text)} for text in texts]
        holders = Counter(shape for held in shapes for shape in held)
        # Only a text sharing a line with another may be counted twice for it.
        counted = [i for i, held in enumerate(shapes) if any(holders[s] > 1 for s in held)]
        groups = list(range(len(texts)))
        for i, group in zip(counted, _version_groups([texts[i] for i in counted]), strict=True):
            groups[i] = counted[group]
        self._group = {content_hash(text): group for text, group in zip(texts, groups, strict=True)}
        self._shapes: dict[int, set[str]] = defaultdict(set)
        self._holders: dict[str, set[int]] = defaultdict(set)
        for held, group in zip(shapes, groups, strict=True):
            self._shapes[group] |= held
            for shape in held:
                self._holders[shape].add(group)

    def held_elsewhere(self, text: str, shapes: Iterable[str]) -> dict[str, int]:
        """How many of the batch's documents not yet imported, other than ``text`` and its
        versions, hold each shape."""
        own = self._group.get(content_hash(text))
        return {shape: len(self._holders.get(shape, set()) - {own}) for shape in shapes}

    def imported(self, text: str) -> None:
        """``text`` is in the library now (or was already), and its versions with it: the
        library's own sightings count it from here on."""
        group = self._group.get(content_hash(text))
        for shape in self._shapes.pop(group, ()):
            self._holders[shape].discard(group)


def _version_groups(texts: list[str]) -> list[int]:
    """A group number for each text: texts that are versions of one document (similar as
    an import decides it, gaoku.core.similarity) share one."""
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[int, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        shared: Counter[int] = Counter()
        for value in sketch(text, stored=False):
            posting = postings[value]
            if len(posting) <= _STOCK:
                shared.update(posting)
            posting.append(i)
        for j, count in shared.most_common(_CANDIDATES):
            if (
                count >= _SHARED
                and root(i) != root(j)
                and similarity(text, texts[j], SIMILAR_THRESHOLD) >= SIMILAR_THRESHOLD
            ):
                parent[root(i)] = root(j)
    return [root(i) for i in range(len(texts))]
