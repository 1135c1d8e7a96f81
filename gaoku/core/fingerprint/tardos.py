"""The keyed fingerprinting code of the lexical layer: a symmetric q-ary Tardos code.

Construction (after Tardos, "Optimal probabilistic fingerprint codes", STOC 2003, in the
symmetric q-ary form of Škorić, Katzenbeisser and Celik, Designs, Codes and Cryptography
46, 2008). For slot *i* of a version, with *q* wordings:

* its **bias** ``p_i`` — a probability vector over the wordings — is drawn from the
  symmetric Dirichlet distribution of concentration ``CONCENTRATION``, each component
  floored at ``FLOOR`` and renormalised; the randomness is a keyed PRF (BLAKE2b in keyed
  mode) of the server secret, the version and the slot's key;
* member *j*'s **wording** ``x_ji`` is drawn from ``p_i`` with one uniform number from the
  PRF of the secret, the version, the member and the slot's key.

Nothing per member is stored: a member's wordings are recomputed from the key. The same
member gets the same wordings in every copy of a version; different members get
independent ones.

Scoring a leaked copy that shows wording ``y_i`` at the slots it covers, member *j* gets
``S_j = Σ w⁺_i [x_ji = y_i] + w⁻_i [x_ji ≠ y_i]``. Two weightings are offered:

* :func:`tardos_weights` — Škorić's symmetric score ``w⁺ = √((1−p)/p)``,
  ``w⁻ = −√(p/(1−p))`` with ``p = p_i[y_i]``: the one with proven collusion resistance;
* :func:`likelihood_weights` — the log-likelihood ratio of "this member leaked it alone"
  against "an innocent", allowing a reading error rate ε: ``w⁺ = ln((1−ε)/p)``,
  ``w⁻ = ln(ε/(1−p))``. For a single leaker it gathers close to the code's full entropy.

**What is guaranteed — the false-accusation bound.** An innocent member's wordings come
from a PRF that the leakers cannot evaluate, so they are independent of the leaked copy.
Given the copy, an innocent's score is a sum of independent two-point variables: ``w⁺_i``
with probability ``p_i`` and ``w⁻_i`` otherwise. Chernoff's bound then holds for every
λ ≥ 0::

    P(S_j ≥ s) ≤ exp(−λ s) · Π_i (p_i e^{λ w⁺_i} + (1 − p_i) e^{λ w⁻_i})

:func:`innocent_tail` minimises it over λ on a grid — any λ gives a valid bound, so the
grid only makes it looser, never unsound. Multiplying by the number of candidates (the
members issued the version) bounds the probability that *any* innocent reaches ``s``
(union bound). This holds whatever the leakers did — any edit, any number of colluders —
as long as the slots scored are chosen from the excerpt alone, without looking at any
member's wordings, and the key stays secret.

**Why biases near uniform.** Tardos draws biases from a wide distribution (the flat
Dirichlet or the arcsine law), which helps against colluders who mix their wordings slot
by slot, but a slot of uneven bias carries less than its log2 q bits for a single leaker:
on a 2,500-character speech, the flat Dirichlet named the leaker of an 800-character
excerpt in 37% of trials, concentration 8 in 97%. Gaoku is sized for single leakers first
and for two colluders who interleave whole sentences, where each colluder's evidence is
their own share of the slots; both gain from biases close to uniform, so the
concentration is 8 (an integer, so that each Gamma draw is a sum of 8 exponentials of the
PRF's uniforms — reproducible on any platform, forever, which recomputing members'
wordings from the key requires).

**What is not guaranteed — catching.** A speech holds a few hundred slots, far fewer than
worst-case collusion-secure codes need (Tardos: about 100·c²·ln(n/ε) for c colluders).
The code is sized for a single leaker first: a full copy of a 2,500-character speech
carries well over the ~30 bits of evidence that naming one of 1,000 recipients at 1e-6
needs. Against two colluders, interleaving sentences leaves each colluder about half the
evidence, so one of them is named when the excerpt is long enough; colluders who mix
wording by wording at every slot where their copies differ, or who rewrite the text
beyond the lexicon, can escape — but they can never make an innocent member's bound
false.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import numpy as np

from gaoku.core.fingerprint.prf import prf

# Smallest share any wording gets before renormalising: it keeps every weight bounded
# (|w| ≤ √((1−p)/p)) and every wording in use.
FLOOR = 0.1
CONCENTRATION = 8
MAX_WORDINGS = 8
_LAMBDAS = np.geomspace(1e-4, 50.0, 400)


def _uniforms(digest: bytes) -> list[float]:
    # 53 bits per number: the mantissa of a double, never exactly 0.
    return [
        ((int.from_bytes(digest[k : k + 8], "big") >> 11) + 0.5) / 2**53
        for k in range(0, len(digest), 8)
    ]


def slot_bias(secret: bytes, version: object, slot_key: str, wordings: int) -> tuple[float, ...]:
    """The bias of one slot: a probability for each of its ``wordings``."""
    if not 2 <= wordings <= MAX_WORDINGS:
        raise ValueError(f"a slot has 2 to {MAX_WORDINGS} wordings, not {wordings}")
    uniforms = [
        u
        for block in range(math.ceil(CONCENTRATION * wordings / 8))
        for u in _uniforms(prf(secret, "bias", version, slot_key, block, size=64))
    ]
    gammas = [
        -sum(math.log(u) for u in uniforms[k * CONCENTRATION : (k + 1) * CONCENTRATION])
        for k in range(wordings)
    ]
    raw = [g / sum(gammas) for g in gammas]
    floored = [max(p, FLOOR) for p in raw]
    return tuple(p / sum(floored) for p in floored)


def member_wordings(
    secret: bytes,
    version: object,
    member: object,
    slot_keys: Sequence[str],
    biases: Sequence[Sequence[float]],
) -> list[int]:
    """Member's wording index at each slot (0 is the master's wording)."""
    chosen = []
    for key, bias in zip(slot_keys, biases, strict=True):
        (u,) = _uniforms(prf(secret, "member", version, member, key))
        cumulative = list(accumulate(bias))
        chosen.append(min(bisect_right(cumulative, u), len(bias) - 1))
    return chosen


@dataclass(frozen=True)
class Weights:
    """Per observed slot: an innocent's match probability and the two score weights."""

    p: np.ndarray
    match: np.ndarray
    miss: np.ndarray

    def score(self, matches: Sequence[bool]) -> float:
        hit = np.asarray(matches, dtype=bool)
        return float(np.where(hit, self.match, self.miss).sum())


def tardos_weights(p_observed: Sequence[float]) -> Weights:
    """Škorić's symmetric Tardos weights for the observed wordings' biases."""
    p = np.asarray(p_observed, dtype=float)
    return Weights(p, np.sqrt((1 - p) / p), -np.sqrt(p / (1 - p)))


def likelihood_weights(p_observed: Sequence[float], error_rate: float = 0.05) -> Weights:
    """Log-likelihood-ratio weights of a lone leaker whose wordings read with ``error_rate``."""
    if not 0 < error_rate < 1:
        raise ValueError("error_rate must be in (0, 1)")
    p = np.asarray(p_observed, dtype=float)
    return Weights(p, np.log((1 - error_rate) / p), np.log(error_rate / (1 - p)))


def innocent_tail(score: float, weights: Weights) -> float:
    """Upper bound on P(an innocent member scores ≥ ``score``); see the module docstring."""
    return float(innocent_tails([score], weights)[0])


def innocent_tails(scores: Sequence[float], weights: Weights) -> np.ndarray:
    """:func:`innocent_tail` of many scores on the same observed slots."""
    if len(weights.p) == 0:
        return np.ones(len(scores))
    lam = _LAMBDAS[:, None]
    # log Π (p e^{λw⁺} + (1−p) e^{λw⁻}), summed stably in log space, once per λ.
    log_mgf = np.logaddexp(
        np.log(weights.p) + lam * weights.match, np.log1p(-weights.p) + lam * weights.miss
    ).sum(axis=1)
    exponents = log_mgf[:, None] - _LAMBDAS[:, None] * np.asarray(scores, dtype=float)[None, :]
    return np.exp(np.minimum(0.0, exponents.min(axis=0)))


def evidence_bits(score: float, weights: Weights) -> float:
    """−log2 of :func:`innocent_tail`: the bits of evidence a score carries."""
    return -math.log2(max(innocent_tail(score, weights), 1e-300))
