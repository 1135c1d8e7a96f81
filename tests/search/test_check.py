"""The originality check through its selector, its page, the API and the CLI."""

import pytest
from django.urls import reverse

from gaoku.core.originality import sentences
from gaoku.errors import Forbidden, InvalidInput
from gaoku.members.selectors import entitlement_get
from gaoku.search.selectors import check_document, draft_check, draft_read
from tests.conftest import account, docx_bytes

ORIGINAL = "我们村今年新修了三条水泥路，群众出行方便了许多，大家都很满意。"


def _long_sentences(material, count=3):
    return [s.text for s in sentences(material.current.text) if len(s.text) > 25][:count]


def _draft(material) -> tuple[str, list[str]]:
    """A draft: one original sentence, and three of ``material``'s sentences — one as
    written, one with its clauses swapped, one lightly edited."""
    first, second, third = _long_sentences(material)
    clauses = second.rstrip("。；").split("，")
    swapped = "，".join(clauses[1:] + clauses[:1]) + "。"
    edited = third[:4] + "要" + third[4:-3] + third[-2:]
    return f"{ORIGINAL}\n{first}{swapped}\n{edited}", [first, swapped, edited]


def test_copied_sentences_are_found_with_their_source_and_share(library):
    material = library["机关党建"]
    draft, copied = _draft(material)
    report = draft_check(text=draft, entitlement=None)
    assert [s.text for s in report.matched] == copied
    for sentence in report.matched:
        assert sentence.sources[0].material == material
        assert draft[sentence.start : sentence.end] == sentence.text
    document = check_document(report)
    assert set(document) == {"chars", "matched_share", "sentences"}
    assert document["chars"] == len(draft)
    assert 0.6 < document["matched_share"] < 0.95
    assert document["sentences"][0]["sources"][0] == {
        "material": material.pk,
        "version": 1,
        "similarity": 1.0,
    }


def test_an_original_draft_matches_nothing(library):
    report = draft_check(text=ORIGINAL * 3, entitlement=None)
    assert report.matched == [] and report.matched_share == 0.0


def test_sources_outside_the_plan_are_named_but_not_shown_or_linked(library):
    old = library["乡村振兴"]
    draft, _ = _draft(old)
    report = draft_check(text=draft, entitlement=entitlement_get(account("member")))
    sources = [src for s in report.matched for src in s.sources]
    assert sources and all(src.material == old for src in sources)
    assert all(not src.readable and src.sentence == "" for src in sources)


def test_visitors_are_sent_to_the_plans(library):
    with pytest.raises(Forbidden):
        draft_check(text=ORIGINAL, entitlement=entitlement_get(account("visitor")))


def test_drafts_are_read_from_files_and_bad_ones_refused(library):
    assert draft_read(data=docx_bytes(ORIGINAL), filename="草稿.docx") == ORIGINAL
    with pytest.raises(InvalidInput) as caught:
        draft_read(text=" \n ")
    assert caught.value.code == "no_text"
    with pytest.raises(InvalidInput):
        draft_read(text="字" * 50_001)


def test_the_page_marks_copied_sentences_and_links_readable_sources(client, library):
    material = library["机关党建"]
    draft, copied = _draft(material)
    client.force_login(account("member"))
    page = client.post(reverse("search:check"), {"text": draft}).content.decode()
    assert "<mark title=" in page and copied[0] in page
    assert reverse("library:reader", args=[material.pk]) in page
    assert "%" in page


def test_the_page_asks_visitors_to_sign_in_and_reports_bad_files(client, library):
    response = client.get(reverse("search:check"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(account("member"))
    page = client.post(
        reverse("search:check"), {"file": _upload("坏.docx", b"PK\x03\x04 not a zip")}
    )
    assert page.status_code == 200 and 'role="alert"' in page.content.decode()


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_the_api_answers_the_contract_and_refuses_visitors(client, library):
    draft, copied = _draft(library["机关党建"])
    assert client.post("/api/search/check", {"text": draft}).status_code == 401
    client.force_login(account("visitor"))
    refused = client.post("/api/search/check", {"text": draft})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    client.force_login(account("member"))
    answer = client.post("/api/search/check", {"text": draft}).json()
    assert [s["text"] for s in answer["sentences"]] == copied


def test_copied_sentences_ending_in_half_width_stops_are_found(library):
    material = library["机关党建"]
    copied = _long_sentences(material, 2)
    half_width = "".join(s.replace("。", ".").replace("，", ",") for s in copied)
    report = draft_check(text=f"{ORIGINAL}\n{half_width}", entitlement=None)
    assert len(report.matched) == 2
    assert all(s.sources[0].similarity == 1.0 for s in report.matched)
