import random
from datetime import date

import pytest

from gaoku.core.generator import generate_document
from gaoku.core.originality import sentences
from gaoku.core.search import Filters, IndexedDoc, Scope, SearchIndex, parse, search_fold

EVERYTHING = Scope(everything=True)


def _doc(i: int) -> IndexedDoc:
    generated = generate_document(1000 + i)
    body = generated.text
    return IndexedDoc(
        id=i,
        stamp=100 + i,
        day=generated.published,
        title=body.split("\n", 1)[0],
        public="",
        body=body,
        doc_type=generated.doc_type,
        level=generated.level,
        topics=generated.topics,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    docs = [_doc(i) for i in range(40)]
    index = SearchIndex(tmp_path_factory.mktemp("index"))
    index.put(docs)
    return index, docs


def _ids(index, query, scope=EVERYTHING, **options):
    found = index.search(parse(query), scope=scope, limit=100, **options)
    assert found.total == len(found.hits)
    return {h.id for h in found.hits}


def _holding(docs, term):
    return {d.id for d in docs if search_fold(term) in search_fold(d.title + "\n" + d.body)}


def _is_han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def _terms(docs, make, count: int, seed: int):
    """``count`` Han terms that ``make`` cuts from random bodies (it may return None)."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        term = make(rng, rng.choice(docs).body)
        if term and _is_han(term):
            made += 1
            yield term


def _substring(rng, text):
    length = rng.randint(1, 14)
    start = rng.randrange(len(text) - length)
    return text[start : start + length]


def _across_a_mark(rng, text):
    """The characters before a punctuation mark or line break joined to those after it,
    the first few of those skipped: where too few gaps followed a run, it would match."""
    cut = rng.randrange(8, len(text) - 12)
    if _is_han(text[cut]):
        return None
    after = cut + 1 + rng.randint(0, 3)
    return text[cut - rng.randint(1, 6) : cut] + text[after : after + rng.randint(1, 6)]


def test_every_substring_of_one_to_fourteen_characters_is_found_exactly_where_it_occurs(corpus):
    index, docs = corpus
    for term in _terms(docs, _substring, 400, seed=5):
        assert _ids(index, f'"{term}"') == _holding(docs, term), term


def test_a_term_never_matches_across_punctuation_or_a_line_break(corpus):
    index, docs = corpus
    for term in _terms(docs, _across_a_mark, 300, seed=7):
        assert _ids(index, f'"{term}"') == _holding(docs, term), term


def test_two_character_words_inside_longer_words_are_found(corpus):
    index, docs = corpus
    for term in ("党建", "作风", "表率", "责任", "党"):
        holding = _holding(docs, term)
        assert holding, term
        assert _ids(index, term) == holding


def test_boolean_logic_is_set_logic(corpus):
    index, docs = corpus
    a, b = _holding(docs, "乡村振兴"), _holding(docs, "党建")
    assert a and b and a != b
    assert _ids(index, "乡村振兴 党建") == a & b
    assert _ids(index, "乡村振兴 OR 党建") == a | b
    assert _ids(index, "乡村振兴 -党建") == a - b
    assert _ids(index, "乡村振兴 NOT 党建") == a - b


def test_a_run_without_spaces_needs_each_of_its_words_and_ranks_the_exact_run_first(corpus):
    index, docs = corpus
    words = _holding(docs, "推动") & _holding(docs, "高质量发展")
    exact = _holding(docs, "推动高质量发展")
    assert len(words) > len(exact) > 0
    assert _ids(index, "推动高质量发展") == words
    ranked = index.search(parse("推动高质量发展"), scope=EVERYTHING, limit=len(exact)).hits
    assert {h.id for h in ranked} == exact


def test_a_term_in_the_title_ranks_the_material_first(tmp_path):
    index = SearchIndex(tmp_path)
    body = "会议要求，持续加强作风建设，推动各项工作落实。"
    index.put(
        [
            IndexedDoc(1, 1, date(2024, 1, 1), "乡村振兴工作讲话", "", body),
            IndexedDoc(2, 2, date(2024, 1, 1), "作风建设工作讲话", "", body),
            IndexedDoc(3, 3, date(2024, 1, 1), "产业发展工作讲话", "", body),
        ]
    )
    found = index.search(parse("作风建设"), scope=EVERYTHING)
    assert found.hits[0].id == 2


def test_public_scope_searches_titles_and_public_outlines_only(tmp_path):
    index = SearchIndex(tmp_path)
    index.put(
        [
            IndexedDoc(1, 1, date(2024, 1, 1), "机关党建讲话", "一、压实责任", "谈到作风建设。"),
            IndexedDoc(2, 2, date(2019, 1, 1), "乡村讲话", "一、产业", "谈到作风建设。"),
        ]
    )
    assert _ids(index, "作风建设", Scope()) == set()
    assert _ids(index, "压实责任", Scope()) == {1}
    assert _ids(index, "作风建设", Scope(full_from=date(2020, 1, 1))) == {1}
    assert _ids(index, "作风建设", EVERYTHING) == {1, 2}
    hits = index.search(parse("讲话"), scope=Scope(full_from=date(2020, 1, 1))).hits
    assert {(h.id, h.full) for h in hits} == {(1, True), (2, False)}


def test_filters_sorting_and_pages(corpus):
    index, docs = corpus
    speeches = {d.id for d in docs if d.doc_type == "讲话稿"}
    assert _ids(index, "同志们 OR 我们", filters=Filters(doc_type="讲话稿")) <= speeches
    year = docs[0].day.year
    assert _ids(index, "工作", filters=Filters(year=year)) == {
        d.id for d in docs if d.day.year == year and "工作" in d.body
    }
    topic = docs[0].topics[0]
    assert _ids(index, "工作", filters=Filters(topic=topic)) == {
        d.id for d in docs if topic in d.topics and "工作" in d.body
    }
    by_date = index.search(parse("工作"), scope=EVERYTHING, sort="date", limit=100).hits
    days = {d.id: d.day for d in docs}
    assert [days[h.id] for h in by_date] == sorted((days[h.id] for h in by_date), reverse=True)
    first = index.search(parse("工作"), scope=EVERYTHING, limit=5)
    second = index.search(parse("工作"), scope=EVERYTHING, limit=5, offset=5)
    assert first.total == second.total > 10
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}


def test_put_replaces_remove_deletes_and_stamps_tell_what_is_indexed(tmp_path):
    index = SearchIndex(tmp_path)
    index.put([IndexedDoc(7, 1, date(2024, 1, 1), "旧标题", "", "旧的正文")])
    index.put([IndexedDoc(7, 2, date(2024, 1, 1), "新标题", "", "新的正文")])
    assert index.stamps() == {7: 2}
    assert _ids(index, "旧的") == set() and _ids(index, "新的") == {7}
    index.remove([7])
    assert index.stamps() == {} and _ids(index, "新的") == set()


def test_similar_proposes_the_sentences_a_draft_sentence_was_copied_from(corpus):
    index, docs = corpus
    source = docs[3]
    copied = [s.text for s in sentences(source.body) if len(s.text) > 25][2]
    edited = copied[:6] + "要" + copied[6:]
    assert (source.id, copied) in index.similar(edited, limit=5)


def test_an_index_of_an_earlier_schema_is_dropped(tmp_path):
    from gaoku.core.search.index import SCHEMA_VERSION

    (tmp_path / "v1" / "old").mkdir(parents=True)
    SearchIndex(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"v{SCHEMA_VERSION}"]
