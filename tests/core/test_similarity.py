from gaoku.core.generator import generate_document
from gaoku.core.similarity import MIN_SHARED, SIMILAR_THRESHOLD, content_hash, similarity, sketch


def _edit(text: str, every: int) -> str:
    """Replace one character in every `every` with a different Han character."""
    chars = list(text)
    for i in range(0, len(chars), every):
        chars[i] = "甲" if chars[i] != "甲" else "乙"
    return "".join(chars)


def test_light_edit_is_similar_and_shares_sketch_values():
    text = generate_document(1).text
    edited = _edit(text, 40)
    assert similarity(text, edited) >= SIMILAR_THRESHOLD
    assert len(set(sketch(text)) & set(sketch(edited))) >= MIN_SHARED
    assert content_hash(text) != content_hash(edited)


def test_heavy_edit_and_other_documents_are_not_similar():
    text = generate_document(1).text
    assert similarity(text, _edit(text, 4)) < SIMILAR_THRESHOLD
    assert similarity(text, generate_document(2).text) < SIMILAR_THRESHOLD


def test_sketch_ignores_punctuation_and_fits_bigint():
    text = generate_document(3).text
    repunctuated = text.replace("，", ",").replace("。", ".")
    assert sketch(text) == sketch(repunctuated)
    assert all(-(2**63) <= v < 2**63 for v in sketch(text))
    assert len(sketch(text)) == 64
