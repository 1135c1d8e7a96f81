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
from gaoku.core.fingerprint.attestation import TextCorpus
from gaoku.core.generator import generate_corpus
from gaoku.core.lexicon import load_lexicon, parse_rule
from gaoku.core.structure import find_dated_references, find_placeholders

LEXICON = load_lexicon()


def slots_of(paragraph: str, reference=None) -> list[tuple[str, tuple[str, ...]]]:
    text = "标题\n" + paragraph
    return [(s.kind, s.variants) for s in find_slots(text, LEXICON, reference)]


# A paragraph long enough not to be taken for a heading.
PARAGRAPH = (
    "今年以来，全县各级各部门认真落实各项部署，不断完善工作机制，特别是在基层治理方面"
    "取得了新的进展。但是，我们也要看到，有些单位仍然存在落实不到位的问题。"
)


def test_slots_come_from_the_lexicon_on_word_boundaries():
    assert slots_of(PARAGRAPH) == [
        ("synonym", ("不断", "持续")),
        ("synonym", ("特别是", "尤其是")),
        ("synonym", ("仍然", "依然", "依旧")),
    ]
    assert ("optional", ("地", "")) in slots_of(
        "我们要认真总结经验，积极稳妥地推进改革。这是今年工作的重点，大家要高度重视。"
    )


def test_coordinate_pairs_are_never_reordered():
    paragraph = (
        "我们要加强思想和作风建设，统筹经济和社会发展，加强监管、规范秩序，确保各项工作落到实处。"
    )
    assert [kind for kind, _ in slots_of(paragraph)] == []


@pytest.mark.parametrize(
    "heading",
    [
        "一、不断完善基层治理体系，特别是要抓好队伍建设",
        "（二）仍然要把安全生产放在首位",
        "不断完善基层治理体系",
        "不断完善基层治理体系。这是我们今年工作的重点，大家要认真抓好。",
    ],
)
def test_headings_are_never_changed(heading):
    text = "标题\n" + heading
    first = heading.split("。")[0]
    assert all(s.start >= 3 + len(first) for s in find_slots(text, LEXICON))


def test_parallel_clauses_keep_their_wording():
    paragraph = (
        "我们要坚定不移地推进改革，坚定不移地扩大开放，坚定不移地保障民生。"
        "特别是要抓好农村工作，特别是要抓好基层党建，这是大家的共同责任。"
    )
    assert slots_of(paragraph) == []


def test_the_items_of_a_list_keep_their_words():
    lexicon = load_lexicon([parse_rule("和 与 | pos=c", origin="editor")])
    closing = "标题\n各乡镇要统筹安排人员、资金和物资，确保救灾工作有序开展。不能出现任何差错。"
    pair = "标题\n各乡镇要统筹安排资金和物资，确保救灾工作有序开展。不能出现任何差错。"
    assert [s.variants for s in find_slots(closing, lexicon)] == []
    assert [s.variants for s in find_slots(pair, lexicon)] == [("和", "与")]


def test_a_slot_inside_a_phrase_that_recurs_elsewhere_keeps_its_wording():
    # Both references attest 持续 where it would stand; one also holds the master's phrase.
    attesting = "要持续完善考核办法。"
    recurring = TextCorpus([attesting, "各地要不断完善工作机制，推动责任落实。"])
    free = TextCorpus([attesting, "各地要落实责任。"])
    assert ("synonym", ("不断", "持续")) in slots_of(PARAGRAPH, free)
    assert ("synonym", ("不断", "持续")) not in slots_of(PARAGRAPH, recurring)


def test_a_wording_is_offered_only_where_real_prose_attests_it():
    # In ，不断完善… 持续 needs to be found before 完 (持续完…); a comma needs nothing.
    attesting = TextCorpus(["要持续完善考核办法。"])
    elsewhere = TextCorpus(["有关部门持续发力。"])
    assert ("synonym", ("不断", "持续")) in slots_of(PARAGRAPH, attesting)
    assert all(variants[0] != "不断" for _, variants in slots_of(PARAGRAPH, elsewhere))


def test_the_text_itself_attests_a_wording_it_uses_elsewhere():
    text = PARAGRAPH + "\n有关部门要持续完善考核办法，推动工作落实。不能走过场，搞形式主义。"
    assert ("synonym", ("不断", "持续")) in slots_of(text, TextCorpus([]))


@pytest.mark.parametrize(
    "quoted",
    [
        "会上，他强调“要不断完善工作机制，特别是要压实责任”，大家要认真学习领会。",
        "各单位要认真学习《关于不断完善基层治理机制特别是网格化管理的意见》，抓好贯彻。",
    ],
)
def test_quotations_and_titles_of_documents_are_never_slots(quoted):
    assert slots_of(quoted + "这是一项长期的任务，各级各部门要高度重视。") == []


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
    tight = select_slots(slots, len(speech.text), budget=0.002)
    assert sum(s.cost for s in tight) <= 0.002 * len(speech.text)
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
    kinds = {s.kind for s in find_slots("标题\n" + PARAGRAPH + "要提高工作水平。", lexicon)}
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
