from gaoku.core.originality import (
    NEAR,
    CheckedSentence,
    Sentence,
    SourceText,
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


def test_a_source_text_finds_its_best_sentence_and_nothing_for_an_original_one():
    source = SourceText("m1", LIBRARY)
    found = source.best("各级党组织要坚持把纪律挺在前面，切实强化对党员干部的日常监督。")
    assert found is not None and found[1].text.startswith("各级党组织")
    assert source.best("我们村今年新修了三条水泥路，方便群众出行。") is None


def test_short_sentences_are_not_checked_and_the_share_counts_matched_characters():
    source = SourceText("m1", LIBRARY)
    assert "同志们：" not in [s.text for s in source.sentences]
    draft = "各级党组织要坚持把纪律挺在前面，切实加强对党员干部的日常监督。我们村新修了水泥路。"
    checked = [sentence_check(s, [source]) for s in sentences(draft)]
    assert [bool(c.matches) for c in checked] == [True, False]
    assert checked[0].matches[0].key == "m1"
    share = matched_share(draft, checked)
    assert 0.7 < share < 0.8


def test_nothing_matched_is_a_share_of_zero():
    assert matched_share("", []) == 0.0
    lone = CheckedSentence(Sentence("独立成文。", 0, 5), [])
    assert matched_share("独立成文。", [lone]) == 0.0
