"""Reading wordings from excerpts, and accusing only below the bound."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from gaoku.core.excerpt import align
from gaoku.core.fingerprint import Slot, VersionCode, find_slots, select_slots, strip_marks
from gaoku.core.fingerprint.accusation import STAGE_1, accuse
from gaoku.core.fingerprint.reading import Observation, read_wordings
from gaoku.core.lexicon import load_lexicon

SECRET = b"accusation-tests"
# A hand-written speech whose wordings hold enough slots to name one of 200 members from
# a full copy: generated text, and most real prose, hold too few since the lexicon keeps
# only the wordings that never damage a document.
DENSE_SPEECH = Path(__file__).parents[2] / "data" / "speech_dense.txt"
MEMBERS = list(range(200))


@pytest.fixture(scope="module")
def speech():
    text = DENSE_SPEECH.read_text()
    slots = select_slots(find_slots(text, load_lexicon()), len(text))
    return text, VersionCode.build(SECRET, 5, slots)


def copy_of(text, code, member):
    return strip_marks(code.copy_text(text, member, copy_id=member))


def trace(text, code, excerpt, members=MEMBERS, level=1e-6):
    observed = read_wordings(align(text, excerpt), code.slots)
    return observed, accuse(code, observed, members, level=level)


def test_wordings_read_from_a_reworked_excerpt_are_the_copys(speech):
    text, code = speech
    worded = code.copy_wordings(31, len(text))
    leaked = unicodedata.normalize("NFKC", copy_of(text, code, 31)).replace("\n", "  ")
    observed, _ = trace(text, code, leaked)
    assert len(observed) >= 0.9 * len(code.slots)
    assert all(o.wording == worded[o.index] for o in observed)


def test_the_leaker_of_a_full_copy_is_accused_and_nobody_else(speech):
    text, code = speech
    _, accusation = trace(text, code, copy_of(text, code, 77))
    assert [s.member for s in accusation.accused] == [77]
    assert accusation.accused[0].bound <= 1e-6
    assert accusation.suspects[0].member == 77


def test_a_member_outside_the_candidates_gets_nobody_accused(speech):
    text, code = speech
    _, accusation = trace(text, code, copy_of(text, code, 5000))
    assert accusation.accused == ()


def test_the_master_accuses_nobody(speech):
    text, code = speech
    _, accusation = trace(text, code, text)
    assert accusation.accused == ()


def test_the_bound_is_at_least_the_union_over_candidates(speech):
    text, code = speech
    _, accusation = trace(text, code, copy_of(text, code, 3))
    top = accusation.accused[0]
    assert top.bound >= len(MEMBERS) * 2.0**-top.bits / STAGE_1 * 0.999


def test_innocents_are_never_accused_over_many_leaks(speech):
    text, code = speech
    rng = random.Random(4)
    for _ in range(25):
        leaker = rng.choice(MEMBERS)
        start = rng.randrange(len(text) - 900)
        excerpt = copy_of(text, code, leaker)[start : start + 900]
        _, accusation = trace(text, code, excerpt, level=1e-2)
        assert {s.member for s in accusation.accused} <= {leaker}


def test_two_colluders_mixing_their_wordings_are_caught_and_nobody_else():
    # The fixture speech holds too few slots for collusion at 1e-6, so the accusation is
    # tested alone here, on a code of 300 two-wording slots, each colluder showing half.
    slots = [Slot(10 * i, 10 * i + 2, ("不断", "持续"), "synonym") for i in range(300)]
    code = VersionCode.build(SECRET, 9, slots)
    first, second = code.wordings(10), code.wordings(20)
    observed = [Observation(i, (first if i % 2 else second)[i], 0, 1) for i in range(len(slots))]
    accusation = accuse(code, observed, MEMBERS)
    assert accusation.accused
    assert {s.member for s in accusation.accused} <= {10, 20}


def test_excerpts_cut_anywhere_are_never_misread(speech):
    """Cuts through words and slots, at any length: a slot is read right or left unread."""
    text, code = speech
    rng = random.Random(8)
    read = 0
    for member in range(60):
        copy = copy_of(text, code, member)
        worded = code.copy_wordings(member, len(text))
        start = rng.randrange(len(copy) - 60)
        excerpt = copy[start : start + rng.randrange(30, 400)]
        observed, _ = trace(text, code, unicodedata.normalize("NFKC", excerpt))
        read += len(observed)
        assert all(o.wording == worded[o.index] for o in observed)
    assert read > 200
