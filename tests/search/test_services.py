"""Search through the library's own services, on whichever database the suite runs on."""

import datetime

import pytest

from gaoku.core.generator import generate_document
from gaoku.core.search import Filters
from gaoku.errors import InvalidInput
from gaoku.library.services import ImportMetadata, material_import
from gaoku.members.selectors import entitlement_get, outline_preview
from gaoku.search.engines import search_engine
from gaoku.search.selectors import search_document, search_run
from gaoku.search.services import public_outline_text, search_index_sync, search_reindex
from tests.conftest import account


def _ids(query, entitlement=None, **options):
    page = search_run(query=query, entitlement=entitlement, limit=100, **options)
    assert page.total == len(page.results)
    return {r.material.pk for r in page.results}


def _body_only_word(material) -> str:
    """A two-character word of the text that neither the title nor the public outline holds."""
    public = material.title + public_outline_text(material.current.outline)
    text = material.current.text
    for i in range(len(text) - 1):
        word = text[i : i + 2]
        if all("\u4e00" <= c <= "\u9fff" for c in word) and word not in public:
            return word
    raise AssertionError("no body-only word")


def test_imports_are_found_by_words_of_their_text(library):
    党建 = library["机关党建"]
    word = _body_only_word(党建)
    assert 党建.pk in _ids(word)
    assert _ids(f'"{党建.title}"') == {党建.pk}


def test_one_and_two_character_terms_match_wherever_they_occur(library):
    for term in ("党", "党建", "作风", "责任"):
        holding = {m.pk for m in library.values() if term in m.title + m.current.text}
        assert _ids(term) == holding, term


def test_a_quoted_phrase_with_punctuation_or_figures_matches_only_as_written(library):
    import re

    material = library["机关党建"]
    text = material.current.text
    # Two neighbouring clauses of the text, and the same two words with a clause between.
    first, second = re.findall("[\u4e00-\u9fff]{4,}", text.split("。")[2])[:2]
    joined = f'"{first}，{second}"'
    assert material.pk in _ids(joined)
    assert _ids(f'"{second}，{first}"') == set()  # both runs occur, but not so
    # Figures: a run of digits, a point, more digits and a character.
    assert _ids('"3.5个百分点"') == set()
    page = search_run(query=joined, entitlement=None, limit=1)
    assert page.total == len(_ids(joined)) >= 1 and len(page.results) == 1


def test_visitors_search_titles_and_public_outlines_and_snippets_never_leak(library):
    visitor = entitlement_get(account("visitor"))
    for material in library.values():
        assert material.pk not in _ids(_body_only_word(material), visitor)
    page = search_run(query="讲话 OR 报告", entitlement=visitor, limit=100)
    assert page.results
    for result in page.results:
        assert not result.full
        public = public_outline_text(result.material.current.outline)
        assert result.snippet.text.strip("…") in public.replace("\n", " ")


def test_members_search_the_full_text_of_what_their_plan_opens(library):
    member = entitlement_get(account("member"))
    recent, old = library["机关党建"], library["乡村振兴"]
    assert recent.pk in _ids(_body_only_word(recent), member)
    assert old.pk not in _ids(_body_only_word(old), member)
    page = search_run(query=_body_only_word(recent), entitlement=member)
    assert [r.full for r in page.results if r.material == recent] == [True]


def test_a_new_version_replaces_the_old_text_in_the_index(library, committed):
    material = library["营商环境"]
    text = material.current.text + "\n另外，要抓好绿色低碳试点示范区申报工作。"
    with committed():
        outcome = material_import(data=text.encode(), name="v2.txt")
    assert outcome.status == "new_version"
    page = search_run(query="低碳试点示范区", entitlement=None)
    assert [(r.material.pk, r.version.number) for r in page.results] == [(material.pk, 2)]


def test_metadata_filters_and_date_sort(library):
    everyone = {m.pk for m in library.values()}
    assert _ids("同志们 OR 工作", filters=Filters(doc_type="讲话稿")) == {
        library["机关党建"].pk,
        library["乡村振兴"].pk,
    }
    assert _ids("工作", filters=Filters(level="县级")) == {library["乡村振兴"].pk}
    assert _ids("工作", filters=Filters(topic="营商环境")) == {library["营商环境"].pk}
    assert _ids("工作", filters=Filters(year=2019)) == {library["乡村振兴"].pk}
    page = search_run(query="工作", entitlement=None, sort="date")
    assert [r.material.pk for r in page.results] == [
        library["营商环境"].pk,
        library["机关党建"].pk,
        library["乡村振兴"].pk,
    ]
    assert _ids("工作") == everyone


def test_total_counts_every_match_not_just_the_page(library):
    page = search_run(query="工作", entitlement=None, limit=1, offset=1)
    assert page.total == 3 and len(page.results) == 1


def test_deleting_a_material_removes_it_from_results(library, committed):
    from gaoku.search.services import search_index_remove

    material = library["乡村振兴"]
    word = _body_only_word(material)
    with committed():
        pk = material.pk
        material.delete()
        search_index_remove(material_ids=[pk])
    assert pk not in _ids(word)


def test_reindex_rebuilds_and_sync_repairs_what_an_update_missed(library, committed):
    with committed():
        assert search_reindex() == 3
    assert len(_ids("工作")) == 3
    doc = generate_document(99, doc_type="方案")
    with committed():
        outcome = material_import(
            data=doc.text.encode(),
            name="99.txt",
            metadata=ImportMetadata(published=datetime.date(2026, 1, 5)),
        )
    # The entry lost, as in an index older than the database (restored from elsewhere).
    search_engine().remove([outcome.version.material.pk])
    with committed():
        assert search_index_sync() == 1
    title = outcome.version.material.title
    assert outcome.version.material.pk in _ids(f'"{title}"')


@pytest.mark.parametrize(
    ("query", "options", "code"),
    [
        ("", {}, "invalid_query"),
        ("-党建", {}, "invalid_query"),
        ("党建", {"sort": "random"}, "invalid_input"),
        ("党建", {"limit": 0}, "invalid_input"),
        ("党建", {"offset": -1}, "invalid_input"),
    ],
)
def test_bad_searches_are_refused_with_a_stable_code(library, query, options, code):
    with pytest.raises(InvalidInput) as caught:
        search_run(query=query, entitlement=None, **options)
    assert caught.value.code == code


def test_the_json_document_has_exactly_the_contract_keys(library):
    document = search_document(search_run(query="党建 OR 工作", entitlement=None, limit=2))
    assert set(document) == {"query", "total", "results"}
    assert document["total"] == 3
    for result in document["results"]:
        assert set(result) == {"material", "version", "title", "score", "snippet"}


def test_the_public_outline_is_the_free_tiers_outline(library):
    outline = library["机关党建"].current.outline
    preview = outline_preview(outline)
    text = public_outline_text(outline)
    for part in preview["parts"]:
        assert part["heading"] in text


def test_a_failed_index_write_never_fails_the_import_and_stays_in_the_outbox(
    library, committed, monkeypatch, caplog
):
    from gaoku.search.engines import EmbeddedEngine, PostgresEngine
    from gaoku.search.models import IndexChange

    def broken(self, docs):
        raise OSError("disk full")

    monkeypatch.setattr(EmbeddedEngine, "put", broken)
    monkeypatch.setattr(PostgresEngine, "put", broken)
    doc = generate_document(98, doc_type="总结")
    with committed():
        outcome = material_import(data=doc.text.encode(), name="98.txt")
    assert outcome.status == "created"
    title = outcome.version.material.title
    assert _ids(f'"{title}"') == set()
    change = IndexChange.objects.get()
    assert change.material_id == outcome.version.material.pk
    assert change.attempts == 1 and "disk full" in change.last_error
    assert "search index write failed" in caplog.text
    monkeypatch.undo()
    # The worker applies the outbox every few seconds; the server when it starts.
    with committed():
        assert search_index_sync() == 1
    assert _ids(f'"{title}"') == {outcome.version.material.pk}
    assert not IndexChange.objects.exists()


def test_a_rolled_back_import_leaves_no_change_to_apply(library, committed):
    from django.db import transaction

    from gaoku.search.models import IndexChange

    doc = generate_document(97)
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        material_import(data=doc.text.encode(), name="97.txt")
        raise RuntimeError("the rest of the request failed")
    assert not IndexChange.objects.exists()
    assert _ids(f'"{doc.outline["title"]}"') == set()


def test_renaming_a_topic_reaches_the_index(library, committed, client):
    from django.urls import reverse

    from gaoku.library.models import Topic

    topic = Topic.objects.get(name="机关党建")
    client.force_login(account("admin"))
    with committed():
        response = client.post(
            reverse("admin:library_topic_change", args=[topic.pk]), {"name": "党的建设"}
        )
    assert response.status_code == 302
    assert _ids("工作", filters=Filters(topic="党的建设")) == {library["机关党建"].pk}


def test_a_stale_index_never_shows_a_member_more_than_the_reader_page_would(library, committed):
    """The index still holds a material as recent after its date moved back beyond the
    member's window (a write that missed the index): the database decides, not the index."""
    from gaoku.library.models import Material

    member = entitlement_get(account("member"))
    recent = library["机关党建"]
    word = _body_only_word(recent)
    assert recent.pk in _ids(word, member)
    Material.objects.filter(pk=recent.pk).update(published=datetime.date(2001, 1, 1))
    with committed():
        assert recent.pk not in _ids(word, member)
    # …and the stale entry was queued for repair on the way.
    assert recent.pk not in _ids(word, member)
    assert recent.pk in _ids(word)  # the operator's search still finds it


def test_a_batch_of_imports_writes_the_index_every_few_changes_and_at_its_end(
    library, committed, monkeypatch
):
    from gaoku.search import services
    from gaoku.search.engines import EmbeddedEngine, PostgresEngine
    from gaoku.search.models import IndexChange

    puts = []
    for engine in (EmbeddedEngine, PostgresEngine):
        monkeypatch.setattr(
            engine,
            "put",
            lambda self, docs, real=engine.put: puts.append(len(docs)) or real(self, docs),
        )
    monkeypatch.setattr(services, "_BATCH_EVERY", 2)
    monkeypatch.setattr(services, "_BATCH_SECONDS", 3600)
    docs = [generate_document(90 + n, doc_type="总结") for n in range(3)]
    titles = []
    with pytest.raises(RuntimeError), services.search_index_batched():
        for n, doc in enumerate(docs):
            with committed():
                outcome = material_import(data=doc.text.encode(), name=f"{n}.txt")
            titles.append(outcome.version.material.title)
            if n == 0:  # committed, waiting in the outbox, not yet searchable
                assert IndexChange.objects.count() == 1 and _ids(f'"{titles[0]}"') == set()
            if n == 1:  # the second change applies both
                assert puts == [2] and not IndexChange.objects.exists()
        raise RuntimeError("the folder's next file broke the run")
    # The batch's end applies the rest, whatever ended it.
    assert puts == [2, 1] and not IndexChange.objects.exists()
    assert all(_ids(f'"{title}"') for title in titles)
