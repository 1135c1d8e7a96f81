import random
import re

import pytest

from gaoku.core.fingerprint.invisible import (
    GROUP_LENGTH,
    embed_marks,
    mark_groups,
    read_marks,
    strip_marks,
)
from gaoku.core.text import MARK_ALPHABET

SECRET = b"test-secret-0123456789abcdef0123"
RUN = re.compile(f"[{MARK_ALPHABET}]+")


@pytest.fixture
def marked(speech):
    return embed_marks(speech.text, mark_groups(SECRET, 123456))


def test_marks_carry_the_copy_id_and_strip_back_to_the_text(speech, marked):
    assert strip_marks(marked) == speech.text
    (reading,) = read_marks(SECRET, marked)
    assert reading.copy == 123456
    assert reading.support > 10
    assert reading.false_bound < 1e-6


def test_marks_sit_only_after_punctuation_or_at_paragraph_ends(marked):
    for run in RUN.finditer(marked):
        assert len(run.group()) == GROUP_LENGTH
        before = marked[run.start() - 1]
        after = marked[run.end() : run.end() + 1]
        assert before in "，。；：、！？”’）》」』" or after in ("\n", "")


def _window(marked: str, start: int, length: int) -> str:
    """``length`` visible characters of ``marked`` from visible offset ``start``."""
    visible = [i for i, c in enumerate(marked) if c not in MARK_ALPHABET]
    end = visible[start + length] if start + length < len(visible) else len(marked)
    return marked[visible[start] : end]


def test_marks_are_under_fifteen_percent_of_a_copy(marked):
    assert len(RUN.findall(marked)) > 10
    assert sum(len(run) for run in RUN.findall(marked)) < 0.15 * len(marked)


def test_every_excerpt_with_two_whole_groups_names_the_copy_and_no_other(marked):
    decoded = 0
    for start in range(0, 2000, 7):
        excerpt = _window(marked, start, 170)
        whole = [r for r in RUN.findall(excerpt) if len(r) == GROUP_LENGTH]
        readings = read_marks(SECRET, excerpt)
        assert [r.copy for r in readings] in ([], [123456])
        if len(whole) >= 3:
            assert [r.copy for r in readings] == [123456]
        decoded += bool(readings)
    assert decoded > 0.8 * len(range(0, 2000, 7))


def test_another_key_reads_nothing(marked):
    assert read_marks(b"another-secret", marked) == []


def test_damaged_marks_never_name_another_copy(marked):
    rng = random.Random(5)
    chars = list(marked)
    positions = [i for i, c in enumerate(chars) if c in MARK_ALPHABET]
    for _ in range(300):
        damaged = chars[:]
        for i in rng.sample(positions, 40):
            damaged[i] = rng.choice(MARK_ALPHABET)
        assert {r.copy for r in read_marks(SECRET, "".join(damaged))} <= {123456}


def test_two_copies_interleaved_read_as_both(speech):
    first = embed_marks(speech.text, mark_groups(SECRET, 7)).split("\n")
    second = embed_marks(speech.text, mark_groups(SECRET, 8)).split("\n")
    mixed = "\n".join(
        a if i % 2 else b for i, (a, b) in enumerate(zip(first, second, strict=False))
    )
    assert {r.copy for r in read_marks(SECRET, mixed)} == {7, 8}


def test_copy_ids_out_of_range_are_refused():
    with pytest.raises(ValueError):
        mark_groups(SECRET, 2**32)
    with pytest.raises(ValueError):
        mark_groups(SECRET, -1)
