"""Accusation: who, among the members issued a version, leaked the wordings an excerpt shows.

**The test.** Each candidate's wordings at the read slots are recomputed from the key
(:meth:`VersionCode.wordings`: the code's own symbols, not the copy's — a copy reverts
some slots to the master's wording to cap its distortion, and scoring those would break
the bound below) and scored with :func:`.tardos.likelihood_weights`. Two stages:

1. every candidate *j* is scored on all read slots: ``t_j = innocent_tail(S_j)``;
2. for each member *A* named in stage 1, every other candidate *B* is scored on the
   read slots where the excerpt does *not* show *A*'s wording — the slots *A* cannot
   explain, where a second colluder's wordings show (joint decoding): ``t_{B|A}``.

**The bound, derived.** Fix the excerpt. An innocent candidate's wordings are PRF outputs
that nobody without the key could see, so they are independent of the excerpt and of
every other member's wordings, and at each slot equal the observed wording with
probability ``p_i`` exactly. The read slots depend on the excerpt only
(:mod:`.reading`), so for one innocent *j*, ``P(t_j ≤ τ) ≤ τ`` — Chernoff's bound in
:mod:`.tardos` is a bound on ``P(S_j ≥ s)`` under exactly this distribution. In stage 2,
the slot set depends on the excerpt and on *A*'s wordings, both independent of an
innocent *B* ≠ *A*, so the same holds for ``t_{B|A}`` for each fixed pair. With ``N``
candidates, the union bound over the ``N`` single tests and the ``N(N−1)`` ordered pairs
gives

    P(some innocent is accused) ≤ N·τ₁ + N(N−1)·τ₂ + (invisible layer's share)

when stage 1 accuses below ``τ₁`` and stage 2 below ``τ₂``. The configured level is split
in fixed shares: :data:`STAGE_1` (0.8) for stage 1, where nearly all the evidence is, and
0.1 each for stage 2 and for the invisible layer
(:func:`gaoku.core.fingerprint.invisible.read_marks`, whose bound ``D·2⁻²⁷`` is far below
it). Each accused member's *false-accusation bound* is ``N·t_j / 0.8`` (or
``N(N−1)·t_{B|A} / 0.1``, or ``D·2⁻²⁷ / 0.1``): the smallest level at which this whole
procedure would still accuse them, covering all candidates together.
Nothing here is estimated from trials; the bound holds whatever the leakers did, as long
as the key is secret and ``N`` counts every member issued the version.

**Several segments.** An input holding ``k`` stretches from the library
(:mod:`gaoku.core.segments`) is traced stretch by stretch, each with its own candidates
and at level ``L/k`` (each bound reported times ``k``). The stretches are found from the
input and the library alone, so for a fixed input each segment's test keeps the bound
above, and the union over the ``k`` segments keeps ``P(some innocent is accused) ≤ L``
for the whole trace.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gaoku.core.fingerprint import VersionCode
from gaoku.core.fingerprint.invisible import MarkReading
from gaoku.core.fingerprint.reading import Observation
from gaoku.core.fingerprint.tardos import (
    Weights,
    innocent_tails,
    likelihood_weights,
    member_wordings,
)

DEFAULT_LEVEL = 1e-6
# The level's shares; they add up to 1 (see the module docstring).
STAGE_1 = 0.8
STAGE_2 = 0.1
INVISIBLE = 0.1
SUSPECTS_SHOWN = 10


@dataclass(frozen=True)
class Suspect:
    """A candidate's standing: bits of evidence and false-accusation bound."""

    member: int
    bits: float
    bound: float
    stage: int = 1


@dataclass(frozen=True)
class Accusation:
    suspects: tuple[Suspect, ...]
    accused: tuple[Suspect, ...]


def marks_bound(reading: MarkReading) -> float:
    """The false-accusation bound of a member named by the invisible layer."""
    return min(1.0, reading.false_bound / INVISIBLE)


def _weights(code_biases: Sequence[Sequence[float]], observed: Sequence[Observation]) -> Weights:
    return likelihood_weights([code_biases[o.index][o.wording] for o in observed])


def _tails(matrix: np.ndarray, seen: np.ndarray, weights: Weights) -> np.ndarray:
    """Per member (a row of wordings): the tail bound of their score."""
    hits = matrix == seen[None, :]
    scores = np.where(hits, weights.match[None, :], weights.miss[None, :]).sum(axis=1)
    return innocent_tails(scores, weights)


def accuse(
    code: VersionCode,
    observed: Sequence[Observation],
    members: Sequence[int],
    *,
    candidates: int | None = None,
    level: float = DEFAULT_LEVEL,
) -> Accusation:
    """Score ``members`` (those issued the version with ``code``'s slots) against ``observed``.

    ``candidates`` is the number of members issued the version in all (defaults to
    ``len(members)``): when the members of one version are scored in groups (copies made
    with different slot plans), each group is scored with the total, so the union bound
    still covers every candidate.
    """
    total = max(candidates if candidates is not None else len(members), 1)
    if not observed or not members:
        return Accusation((), ())
    keys = [code.slots[o.index].key for o in observed]
    biases = [code.biases[o.index] for o in observed]
    matrix = np.array(
        [member_wordings(code.secret, code.version, m, keys, biases) for m in members],
        dtype=np.int8,
    )
    seen = np.array([o.wording for o in observed], dtype=np.int8)
    weights = _weights(code.biases, observed)
    first = [
        Suspect(m, _bits(t), min(1.0, total * t / STAGE_1))
        for m, t in zip(members, _tails(matrix, seen, weights), strict=True)
    ]
    ranked = sorted(first, key=lambda s: (-s.bits, s.member))
    accused = [s for s in ranked if s.bound <= level]
    for named in list(accused):
        accused.extend(
            _second_stage(named, members, matrix, seen, observed, code, total, level, accused)
        )
    return Accusation(tuple(ranked[:SUSPECTS_SHOWN]), tuple(accused))


def _second_stage(named, members, matrix, seen, observed, code, total, level, accused):
    row = list(members).index(named.member)
    rest = np.flatnonzero(matrix[row] != seen)
    if len(rest) == 0:
        return []
    weights = _weights(code.biases, [observed[i] for i in rest])
    tails = _tails(matrix[:, rest], seen[rest], weights)
    pairs = total * max(total - 1, 1)
    already = {s.member for s in accused}
    found = []
    for member, t in zip(members, tails, strict=True):
        bound = min(1.0, pairs * t / STAGE_2)
        if member not in already and bound <= level:
            found.append(Suspect(member, _bits(t), bound, stage=2))
    return found


def _bits(tail: float) -> float:
    return -math.log2(max(float(tail), 1e-300))
