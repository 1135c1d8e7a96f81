"""Every stretch of a trace input that comes from the library.

Resellers post compilations (合集): many documents in one file, in any order, with their
own text around them. A trace therefore does not ask "which material is this input?"
but "which stretches of it come from which materials?".

1. **Hits.** The input's sampled 5-gram keys (:func:`gaoku.core.excerpt.keys_at`) are
   looked up in the library's key index; each version gets the folded input positions
   where its keys occur.
2. **Stretches.** A version's hits are cut into stretches wherever two neighbours lie
   more than :data:`GAP` characters apart (keys fall about every eight characters of a
   copied passage; a gap that wide is text of another origin). A stretch with fewer than
   two hits is chance.
3. **Alignment.** Each stretch, widened by :data:`PAD` on both sides, is aligned with
   its version (:func:`gaoku.core.excerpt.align`). Stock sentences shared with the
   neighbouring text make a stretch run on too far, so the alignment is cut down to its
   densest part: the chain of matched runs, no two more than :data:`RUN_GAP` characters
   apart in the input, that matches the most, aligned again on its own. The stretch is a
   *match* when that is significant (:func:`significant`); hits left outside it (the same
   passage posted twice, by two leakers) go back to step 2.
4. **Segments.** Matches are taken best first; a match that lies mostly inside a segment
   already taken joins it when it matches nearly as well as that segment's best (versions
   of one material share most of their text, and the leaker may hold any of them), and is
   dropped otherwise.
5. **Joins.** Two neighbouring segments of the same version whose passages follow each
   other in the master are one copy interrupted (a page's header and folio read back by
   OCR, a reseller's line in between): they are aligned again as one segment, so that the
   copy's evidence is read together.

Only the input and the library decide the segments — never a member's wordings — so the
accusation bound of each segment holds as it does for a single excerpt, and splitting the
level over the segments (``level / len(segments)`` each) keeps the guarantee for the whole
input (:mod:`gaoku.core.fingerprint.accusation`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gaoku.core.excerpt import MIN_MATCHED, MIN_SHARE, SHINGLE, Alignment, Folded, align

# Characters between two hits of one version beyond which they belong to two stretches.
GAP = 120
# Characters an aligned window reaches beyond its stretch's first and last hit.
PAD = 40
# A segment that is not most of the input must match at least this many characters, and
# this share of the input span it covers: shorter or looser agreements are the stock
# sentences official texts share.
MIN_SEGMENT = 150
SEGMENT_SHARE = 0.5
# Input characters between two matched runs beyond which they belong to different chains.
RUN_GAP = 40
# Matches within this share of a segment's best join it as versions it may come from.
NEAR_TIE = 0.95
# Stretches aligned at most: the best supported, so that a huge input stays bounded.
MAX_STRETCHES = 200


@dataclass(frozen=True)
class Match:
    """Version ``source`` accounts for the folded input span ``[start, end)``."""

    source: int
    alignment: Alignment
    start: int
    end: int

    @property
    def matched(self) -> int:
        return self.alignment.matched


@dataclass(frozen=True)
class Segment:
    """A stretch of the input and the versions it may come from, best first."""

    matches: tuple[Match, ...]

    @property
    def start(self) -> int:
        return self.matches[0].start

    @property
    def end(self) -> int:
        return self.matches[0].end

    @property
    def best(self) -> Match:
        return self.matches[0]


def stretches(positions: Iterable[int], *, gap: int = GAP) -> list[tuple[int, int, int]]:
    """Hit positions cut where neighbours lie more than ``gap`` apart: ``(start, end,
    hits)`` per stretch of at least two hits, ``end`` past its last 5-gram."""
    found = []
    run: list[int] = []
    for position in sorted(set(positions)):
        if run and position - run[-1] > gap:
            found.append(run)
            run = []
        run.append(position)
    found.append(run)
    return [(run[0], run[-1] + SHINGLE, len(run)) for run in found if len(run) >= 2]


def significant(alignment: Alignment, input_length: int) -> bool:
    """Whether an alignment is a match: most of the whole input (as a single excerpt
    always was), or at least :data:`MIN_SEGMENT` characters making up at least
    :data:`SEGMENT_SHARE` of the input span it covers."""
    matched = alignment.matched
    if matched >= max(MIN_MATCHED, MIN_SHARE * input_length):
        return True
    first, last = alignment.covered
    return matched >= MIN_SEGMENT and matched >= SEGMENT_SHARE * (last - first)


def find_segments(
    excerpt: Folded,
    hits: dict[int, list[int]],
    master: Callable[[int], Folded],
    *,
    whole: Iterable[int] = (),
) -> list[Segment]:
    """The segments of ``excerpt`` (see the module docstring), in input order.

    ``hits`` maps a version to the folded input positions of its keys; ``master`` gives a
    version's folded text; ``whole`` names versions to align with the whole input as well
    (those its invisible marks name: a short excerpt may hold too few keys).
    """
    queue = [
        (version, start, end, count)
        for version, positions in hits.items()
        for start, end, count in stretches(positions)
    ]
    queue.sort(key=lambda item: (-item[3], item[0], item[1]))
    queue = queue[:MAX_STRETCHES]
    queue += [(version, 0, len(excerpt.text), 0) for version in whole]
    matches: list[Match] = []
    seen: set[tuple[int, int, int]] = set()
    while queue:
        version, start, end, _ = queue.pop(0)
        if (version, start, end) in seen:
            continue
        seen.add((version, start, end))
        low, high = max(0, start - PAD), min(len(excerpt.text), end + PAD)
        alignment = align(master(version), excerpt.slice(low, high))
        first, last = _densest(alignment)
        if (first, last) != alignment.covered:
            low, high = low + first, low + last
            alignment = align(master(version), excerpt.slice(low, high))
        if not significant(alignment, len(excerpt.text)):
            continue
        match = _match(version, alignment, low)
        matches.append(match)
        # Hits the alignment did not take in: the same passage posted again, elsewhere.
        rest = [p for p in hits.get(version, ()) if start <= p < end]
        rest = [p for p in rest if not match.start <= p < match.end]
        queue += [(version, a, b, n) for a, b, n in stretches(rest)]
    return _joined(_grouped(matches), excerpt, master)


def _densest(alignment: Alignment) -> tuple[int, int]:
    """The excerpt span of the chain of matched runs that matches the most."""
    best, best_matched = (0, 0), 0
    chain, chain_matched = None, 0
    equal, to_excerpt = alignment.equal, alignment.to_excerpt
    i = alignment.start
    while i < alignment.end:
        if not equal[i]:
            i += 1
            continue
        j = i
        while j < alignment.end and equal[j]:
            j += 1
        first, last = to_excerpt[i], to_excerpt[j - 1] + 1
        if chain is None or first - chain[1] > RUN_GAP:
            chain, chain_matched = (first, last), 0
        chain = (chain[0], last)
        chain_matched += j - i
        if chain_matched > best_matched:
            best, best_matched = chain, chain_matched
        i = j
    return best


def _grouped(matches: list[Match]) -> list[Segment]:
    segments: list[list[Match]] = []
    for match in sorted(matches, key=lambda m: (-m.matched, m.source, m.start)):
        for segment in segments:
            best = segment[0]
            overlap = min(match.end, best.end) - max(match.start, best.start)
            if overlap > (match.end - match.start) / 2:
                if match.matched >= NEAR_TIE * best.matched and all(
                    m.source != match.source for m in segment
                ):
                    segment.append(match)
                break
        else:
            segments.append([match])
    return sorted((Segment(tuple(s)) for s in segments), key=lambda s: s.start)


def _joined(
    segments: list[Segment], excerpt: Folded, master: Callable[[int], Folded]
) -> list[Segment]:
    joined: list[Segment] = []
    for segment in segments:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and [m.source for m in previous.matches] == [m.source for m in segment.matches]
            and previous.best.alignment.end <= segment.best.alignment.start
        ):
            both = _realigned(previous, segment.end, excerpt, master)
            if both is not None:
                joined[-1] = both
                continue
        joined.append(segment)
    return joined


def _realigned(
    segment: Segment, end: int, excerpt: Folded, master: Callable[[int], Folded]
) -> Segment | None:
    """``segment`` stretched to the input position ``end``, each version aligned again."""
    matches = []
    for match in segment.matches:
        alignment = align(master(match.source), excerpt.slice(segment.start, end))
        if not significant(alignment, len(excerpt.text)):
            return None
        matches.append(_match(match.source, alignment, segment.start))
    return Segment(tuple(matches))


def _match(source: int, alignment: Alignment, offset: int) -> Match:
    """A match of an alignment made on the input slice that starts at ``offset``."""
    first, last = alignment.covered
    return Match(source, alignment, offset + first, offset + last)
