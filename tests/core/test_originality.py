from gaoku.core.originality import (
    NEAR,
    CheckedSentence,
    Sentence,
    draft_sentences_check,
    matched_share,
    sentence_check,
    sentences,
    similarity,
)

LIBRARY = (
    "同志们：\n今年以来，全县上下认真落实党风廉政建设主体责任，推动基层治理水平不断提高。"
    "各级党组织要坚持把纪律挺在前面，切实加强对党员干部的日常监督。\n谢谢大家！"
)


def test_sentences_carry_their_spans():
    text = "一、总体要求\n要压实责任。要加强监督！  最后一句"
    found = sentences(text)
    assert [s.text for s in found] == ["一、总体要求", "要压实责任。", "要加强监督！", "最后一句"]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_light_edits_reordered_clauses_and_swapped_synonyms_stay_near():
    source = "全县上下认真落实党风廉政建设主体责任，推动基层治理水平不断提高。"
    edited = "全县上下要认真落实党风廉政建设主体责任，推动基层治理水平持续提高。"
    reordered = "推动基层治理水平不断提高，全县上下认真落实党风廉政建设主体责任。"
    synonyms = "全县上下认真落实党风廉政建设主体责任，推进基层治理水平不断提升。"
    for draft in (edited, reordered, synonyms):
        assert similarity(source, draft) >= NEAR, draft


def test_sentences_sharing_only_stock_phrases_are_not_near():
    a = "全县上下认真落实党风廉政建设主体责任，推动基层治理水平不断提高。"
    b = "今年要认真落实安全生产责任制，确保全年不发生重大事故。"
    assert similarity(a, b) < NEAR


def _library_sentences():
    return [("m1", s.text) for s in sentences(LIBRARY)]


def test_each_source_counts_once_with_its_nearest_sentence():
    candidates = [*_library_sentences(), ("m2", "各级党组织要坚持把纪律挺在前面。")]
    draft = Sentence("各级党组织要坚持把纪律挺在前面，切实强化对党员干部的日常监督。", 0, 31)
    checked = sentence_check(draft, candidates)
    assert [m.key for m in checked.matches] == ["m1"]
    assert checked.matches[0].text.startswith("各级党组织要坚持把纪律挺在前面，切实加强")
    original = Sentence("我们村今年新修了三条水泥路，方便群众出行。", 0, 21)
    assert sentence_check(original, candidates).matches == []


def test_a_draft_is_checked_sentence_by_sentence_and_short_ones_are_skipped():
    copied = "各级党组织要坚持把纪律挺在前面，切实加强对党员干部的日常监督。"
    draft = f"同志们：\n{copied}\n我们村今年新修了水泥路。"
    asked = []

    def propose(text):
        asked.append(text)
        return _library_sentences()

    checked = draft_sentences_check(draft, propose=propose)
    assert "同志们：" not in asked
    assert [bool(c.matches) for c in checked] == [True, False]
    share = matched_share(draft, checked)
    # 29 of the draft's 43 characters, punctuation aside.
    assert share == 29 / 43


def test_nothing_matched_is_a_share_of_zero():
    assert matched_share("", []) == 0.0
    lone = CheckedSentence(Sentence("独立成文。", 0, 5), [])
    assert matched_share("独立成文。", [lone]) == 0.0


def test_half_width_full_stops_end_sentences_but_decimal_points_do_not():
    text = "增长3.5个百分点.全年完成投资12亿元.下一步要抓好落实。"
    assert [s.text for s in sentences(text)] == [
        "增长3.5个百分点.",
        "全年完成投资12亿元.",
        "下一步要抓好落实。",
    ]
