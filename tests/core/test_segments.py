"""Finding every stretch of a trace input that comes from a master."""

from __future__ import annotations

from gaoku.core.excerpt import Folded, fold, keys_at
from gaoku.core.generator import generate_document
from gaoku.core.segments import GAP, find_segments, stretches

MASTERS = {n: generate_document(500 + n, doc_type="讲话稿").text for n in range(1, 5)}
FOLDED = {n: fold(text) for n, text in MASTERS.items()}
INDEX: dict[int, set[int]] = {}
for number, folded in FOLDED.items():
    for key, _ in keys_at(folded):
        INDEX.setdefault(key, set()).add(number)


def segments_of(text: str):
    excerpt = fold(text)
    hits: dict[int, list[int]] = {}
    for key, position in keys_at(excerpt):
        for version in INDEX.get(key, ()):
            hits.setdefault(version, []).append(position)
    return excerpt, find_segments(excerpt, hits, FOLDED.__getitem__)


def original(excerpt: Folded, text: str, segment) -> str:
    return text[excerpt.positions[segment.start] : excerpt.positions[segment.end - 1] + 1]


def test_stretches_cut_at_wide_gaps_and_drop_lone_hits() -> None:
    assert stretches([5, 12, 20, 20 + GAP + 1, 500, 510]) == [(5, 25, 3), (500, 515, 2)]
    assert stretches([7]) == []


def test_pieces_of_several_masters_among_unrelated_text_are_found_in_input_order() -> None:
    pieces = [
        generate_document(91).text,
        MASTERS[3][200:900],
        generate_document(92).text[:300],
        MASTERS[1][1000:1400],
        MASTERS[2][:600],
        generate_document(93).text,
    ]
    text = "\n".join(pieces)
    excerpt, found = segments_of(text)
    assert [s.best.source for s in found] == [3, 1, 2]
    for segment, piece in zip(found, pieces[1:2] + pieces[3:5], strict=True):
        # The segment is the piece, give or take a stock phrase at its edges.
        start = text.index(piece)
        first = excerpt.positions[segment.start]
        last = excerpt.positions[segment.end - 1] + 1
        inside = min(last, start + len(piece)) - max(first, start)
        assert inside >= 0.95 * len(piece)
        assert last - first <= len(piece) + 30


def test_the_same_passage_posted_twice_is_two_segments() -> None:
    passage = MASTERS[4][300:800]
    text = passage + "\n" + generate_document(94).text[:200] + "\n" + passage
    _, found = segments_of(text)
    assert [s.best.source for s in found] == [4, 4]
    assert found[0].end <= found[1].start


def test_one_copy_broken_by_a_page_header_is_one_segment() -> None:
    master = MASTERS[2]
    junk = "仅供学习 禁止外传 会员编号 GK7Q2M9X 第3页 共9页 " * 6
    text = master[:1500] + junk + master[1500:3000]
    _, (segment,) = segments_of(text)
    assert segment.best.source == 2
    assert segment.best.matched >= 0.95 * len(fold(master[:3000]).text)


def test_text_sharing_only_stock_phrases_is_no_segment() -> None:
    text = generate_document(95).text + MASTERS[1][40:55] + generate_document(96).text
    assert segments_of(text)[1] == []
