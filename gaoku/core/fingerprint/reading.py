"""Reading the lexical layer: which wording an excerpt shows at each slot it covers.

The excerpt is aligned with the master (:func:`gaoku.core.excerpt.align`). For a slot,
the master's folded text around it — :data:`CONTEXT` characters either side — is mapped
to the stretch of the excerpt it became, and each wording of the slot, put between the
same context, is compared with that stretch by edit distance. The slot reads as the
closest wording when it is closer than every other by at least one edit and close
enough to be the same passage; otherwise (a gap in the excerpt, OCR noise, a rewrite) the
slot is left unread.

Only the excerpt and the slot's wordings decide what is read — never a member's
wordings — which is what keeps the accusation bound of :mod:`.tardos` sound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from gaoku.core.excerpt import Alignment, fold_text
from gaoku.core.fingerprint.lexical import Slot

CONTEXT = 6
# Master characters either side of a slot that must be found unchanged in the excerpt:
# anchors that show the excerpt really holds this passage there.
ANCHOR = 3


@dataclass(frozen=True)
class Observation:
    """Slot ``index`` reads as wording ``wording``, at ``distance`` edits, by ``margin``."""

    index: int
    wording: int
    distance: int
    margin: int


def read_wordings(alignment: Alignment, slots: Sequence[Slot]) -> list[Observation]:
    """The wordings an aligned excerpt shows, for each slot it lets us read."""
    master, excerpt = alignment.master.text, alignment.excerpt.text
    observed = []
    for index, slot in enumerate(slots):
        start = alignment.folded_index(slot.start)
        end = alignment.folded_index(slot.end)
        left, right = start - CONTEXT, end + CONTEXT
        if left < 0 or right > len(master) or not alignment.covers(left, right):
            continue
        if sum(alignment.equal[left:start]) < ANCHOR or sum(alignment.equal[end:right]) < ANCHOR:
            continue
        forms = [fold_text(v) for v in slot.variants]
        if len(set(forms)) < len(forms):
            continue  # two wordings differ only in punctuation: unreadable once folded
        a, b = alignment.excerpt_span(left, right)
        stretch = excerpt[a:b]
        distances = [
            Levenshtein.distance(master[left:start] + form + master[end:right], stretch)
            for form in forms
        ]
        best = min(range(len(forms)), key=distances.__getitem__)
        runner_up = min(d for i, d in enumerate(distances) if i != best)
        margin = runner_up - distances[best]
        if margin >= 1 and distances[best] <= max(2, (2 * CONTEXT + len(forms[best])) // 4):
            observed.append(Observation(index, best, distances[best], margin))
    return observed
