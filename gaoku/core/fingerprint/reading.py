"""Reading the lexical layer: which wording an excerpt shows at each slot it covers.

The excerpt is aligned with the master (:func:`gaoku.core.excerpt.align`). For a slot,
the master's folded text around it — :data:`CONTEXT` characters either side, or as many
as the excerpt holds at its edges (at least :data:`EDGE`) — is mapped to the stretch of
the excerpt it became (unless that stretch of the master occurs twice, when the excerpt
might hold the other occurrence), and each wording of the slot, put between the
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

CONTEXT = 10
# Master characters around a slot, both sides together twice this, that must be found
# unchanged in the excerpt: anchors that show the excerpt really holds this passage there.
# A wide context tolerates the other slots and OCR errors it contains: on laundered
# 400-character excerpts, 10/4 read a slot more per excerpt than 6/3, with no misreads.
ANCHOR = 4
# Context characters needed on each side even at an excerpt's edge.
EDGE = 2
# Most edits between a wording in its context and the excerpt's stretch for a reading:
# room for a neighbouring slot's other wording and an OCR error or two.
MAX_EDITS = 5


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
        # At an excerpt's edge the context is what the excerpt holds on that side; the
        # anchors on both sides together must still be found.
        left = max(start - CONTEXT, alignment.start)
        right = min(end + CONTEXT, alignment.end)
        if start - left < EDGE or right - end < EDGE:
            continue
        # A passage the master holds twice (templates repeat sentences) may have been
        # aligned with its other occurrence: its slots cannot be read with confidence.
        around = master[max(start - CONTEXT, 0) : end + CONTEXT]
        if master.count(around) > 1:
            continue
        if sum(alignment.equal[left:start]) + sum(alignment.equal[end:right]) < 2 * ANCHOR:
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
        if margin >= 1 and distances[best] <= MAX_EDITS:
            observed.append(Observation(index, best, distances[best], margin))
    return observed
