import re

import pytest
from rapidfuzz.distance import Levenshtein

from gaoku.core.fingerprint import (
    MAX_DISTORTION,
    VersionCode,
    apply_choices,
    find_slots,
    select_slots,
    strip_marks,
)
from gaoku.core.generator import generate_corpus
from gaoku.core.lexicon import load_lexicon, parse_rule
from gaoku.core.structure import find_dated_references, find_placeholders

LEXICON = load_lexicon()


def slots_of(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    text = "标题\n" + sentence
    return [(s.kind, s.variants) for s in find_slots(text, LEXICON)]


def test_slots_come_from_the_lexicon_on_word_boundaries():
    assert slots_of("要不断提高工作水平，特别是要推进改革。")[:3] == [
        ("synonym", ("不断", "持续")),
        ("synonym", ("提高", "提升")),
        ("synonym", ("特别是", "尤其是")),
    ]
    assert ("optional", ("始终", "")) in slots_of("要始终坚持问题导向。")
    assert ("optional", ("了", "")) in slots_of("今年我们取得了显著成效。")
    assert ("order", ("思想和作风", "思想与作风", "作风和思想", "作风与思想")) in slots_of(
        "加强思想和作风建设。"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "他强调“要不断推进改革”。",
        "认真学习《关于不断提高工作水平的意见》。",
        "坚决做到两个维护。",
        "2023年和2024年。",
        "党和国家。",
    ],
)
def test_quotations_names_protected_phrases_numbers_and_rank_are_never_slots(sentence):
    assert slots_of(sentence) == []


def test_the_title_is_never_changed():
    assert find_slots("要不断提高工作水平\n正文。", LEXICON) == []


def test_no_slot_touches_a_protected_span_in_a_corpus():
    for doc in generate_corpus(30, seed=5):
        text = doc.text
        title_end = text.index("\n")
        guarded = [(0, title_end)]
        guarded += [m.span() for m in re.finditer(r"“[^”]*”|《[^》]*》", text)]
        for phrase in [*find_placeholders(text), *find_dated_references(text), *LEXICON.protected]:
            guarded += [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
        for slot in find_slots(text, LEXICON):
            assert text[slot.start : slot.end] == slot.variants[0]
            assert not any(a < slot.end and slot.start < b for a, b in guarded), slot


def test_a_copy_changes_only_inside_its_slots(speech):
    text = speech.text
    slots = find_slots(text, LEXICON)
    assert apply_choices(text, slots, [0] * len(slots)) == text
    for i, slot in enumerate(slots):
        choices = [0] * len(slots)
        choices[i] = len(slot.variants) - 1
        copy = apply_choices(text, slots, choices)
        wording = slot.variants[-1]
        assert copy[: slot.start] == text[: slot.start]
        assert copy[slot.start : slot.start + len(wording)] == wording
        assert copy[slot.start + len(wording) :] == text[slot.end :]


def test_rejected_slots_are_left_out_and_the_budget_holds(speech):
    slots = find_slots(speech.text, LEXICON)
    rejected = {slots[0].key, slots[5].key}
    chosen = select_slots(slots, len(speech.text), rejected=rejected)
    assert not rejected & {s.key for s in chosen}
    tight = select_slots(slots, len(speech.text), budget=0.01)
    assert sum(s.cost for s in tight) <= 0.01 * len(speech.text)
    assert 0 < len(tight) < len(chosen)


def test_no_copy_differs_from_its_master_in_more_than_six_percent(speech):
    # Every candidate, without the budget: only the per-copy cap keeps them in bounds.
    code = VersionCode.build(b"key", 1, find_slots(speech.text, LEXICON))
    for member in range(200):
        copy = strip_marks(code.copy_text(speech.text, member, copy_id=member))
        assert Levenshtein.distance(speech.text, copy) <= MAX_DISTORTION * len(speech.text)


def test_editors_groups_are_slots_of_their_own():
    editor = parse_rule("水平 水准", origin="editor")
    lexicon = load_lexicon([editor])
    kinds = {s.kind for s in find_slots("标题\n要提高工作水平。", lexicon)}
    assert "editor" in kinds
    assert lexicon.digest != LEXICON.digest


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("孤", "at least two"),
        ("推进 推进", "twice"),
        ("推进 推动 | near=v", "unknown condition"),
        ("推进 推动 > 促进", "one-way"),
    ],
)
def test_malformed_groups_are_refused(line, reason):
    with pytest.raises(ValueError, match=reason):
        parse_rule(line)
