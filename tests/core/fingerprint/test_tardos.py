import random

import numpy as np
import pytest

from gaoku.core.fingerprint.tardos import (
    FLOOR,
    innocent_tail,
    likelihood_weights,
    member_wordings,
    slot_bias,
    tardos_weights,
)

SECRET = b"tardos-test-secret"


def test_bias_is_a_keyed_distribution_with_a_floor():
    bias = slot_bias(SECRET, 3, "17:不断/持续", 2)
    assert sum(bias) == pytest.approx(1)
    assert min(bias) >= FLOOR / (1 + 2 * FLOOR)
    assert bias == slot_bias(SECRET, 3, "17:不断/持续", 2)
    assert bias != slot_bias(SECRET, 4, "17:不断/持续", 2)
    assert bias != slot_bias(b"other", 3, "17:不断/持续", 2)
    with pytest.raises(ValueError):
        slot_bias(SECRET, 3, "k", 1)


def test_wordings_follow_the_bias_and_are_stable_per_member():
    keys = [f"{i}:a/b/c" for i in range(400)]
    biases = [slot_bias(SECRET, 1, k, 3) for k in keys]
    first = member_wordings(SECRET, 1, 42, keys, biases)
    assert first == member_wordings(SECRET, 1, 42, keys, biases)
    assert first != member_wordings(SECRET, 1, 43, keys, biases)
    # Over many members, each wording is taken about as often as its bias says.
    members = [member_wordings(SECRET, 1, m, keys[:5], biases[:5]) for m in range(3000)]
    for i in range(5):
        shares = np.bincount([w[i] for w in members], minlength=3) / 3000
        assert shares == pytest.approx(biases[i], abs=0.04)


@pytest.mark.parametrize("weights_of", [tardos_weights, likelihood_weights])
def test_the_bound_holds_for_simulated_innocents(weights_of):
    """The Chernoff bound is above the empirical tail of innocent scores at every level."""
    rng = np.random.default_rng(11)
    p = rng.uniform(0.1, 0.9, size=60)
    weights = weights_of(p)
    hits = rng.random((100_000, 60)) < p
    scores = np.where(hits, weights.match, weights.miss).sum(axis=1)
    for level in np.quantile(scores, [0.5, 0.9, 0.99, 0.999, 0.9999]):
        empirical = (scores >= level).mean()
        assert innocent_tail(level, weights) >= empirical


def test_a_leakers_full_copy_is_overwhelming_evidence():
    rng = random.Random(3)
    p = [rng.uniform(0.1, 0.9) for _ in range(200)]
    weights = likelihood_weights(p)
    assert innocent_tail(weights.score([True] * 200), weights) < 1e-20
    assert innocent_tail(weights.score([False] * 200), weights) == 1.0
    assert innocent_tail(0.0, likelihood_weights([])) == 1.0
