"""Locating and aligning excerpts that were re-typed, re-punctuated or read by OCR."""

from __future__ import annotations

import unicodedata

from gaoku.core.excerpt import align, diff_pieces, fold, locator_keys
from gaoku.core.generator import generate_document

MASTER = generate_document(3, doc_type="讲话稿").text


def test_folding_keeps_han_letters_and_digits_with_their_positions():
    folded = fold("一、提高\u200b认识，ABC 2024年！")
    assert folded.text == "一提高认识abc2024年"
    assert folded.positions[:3] == (0, 2, 3)
    assert folded.text == fold(unicodedata.normalize("NFKC", "一、提高认识, ABC 2024年!")).text


def test_an_excerpt_keeps_the_keys_of_the_stretch_it_comes_from():
    excerpt = MASTER[400:900]
    keys, master_keys = set(locator_keys(excerpt)), set(locator_keys(MASTER))
    assert len(keys) >= 20
    assert keys <= master_keys
    rewrapped = unicodedata.normalize("NFKC", excerpt).replace("\n", " ").replace("，", " ")
    assert set(locator_keys(rewrapped)) == keys


def test_alignment_finds_the_covered_span_through_edits():
    excerpt = MASTER[1000:1400].replace("的", "得", 3).replace("。", ". ")
    alignment = align(MASTER, excerpt)
    span = fold(MASTER[:1000]).text, fold(MASTER[1000:1400]).text
    assert abs(alignment.start - len(span[0])) <= 10
    assert abs(alignment.end - (len(span[0]) + len(span[1]))) <= 10
    assert alignment.matched >= len(span[1]) - 20


def test_an_unrelated_text_aligns_poorly():
    other = generate_document(77, doc_type="工作报告").text[:500]
    assert align(MASTER, other).matched < 0.5 * len(fold(other).text)


def test_diff_pieces_rebuild_both_texts():
    a, b = "加强作风建设，推进工作。", "强化作风建设，推动工作！"
    pieces = diff_pieces(a, b)
    assert "".join(p[1] for p in pieces) == a and "".join(p[2] for p in pieces) == b
    assert {tag for tag, *_ in pieces} >= {"equal", "replace"}


def test_traditional_script_and_full_width_forms_fold_as_simplified_text() -> None:
    simplified = "坚持以习近平新时代中国特色社会主义思想为指导，发展ABC123"
    converted = "堅持以習近平新時代中國特色社會主義思想為指導，發展ＡＢＣ１２３"
    assert fold(converted).text == fold(simplified).text
    assert locator_keys(converted) == locator_keys(simplified)
