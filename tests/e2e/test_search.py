"""A member searches from the navigation and checks a draft, in a real browser."""

import pytest
from django.utils import timezone

from gaoku.core.generator import generate_document
from gaoku.core.originality import sentences
from gaoku.library.services import ImportMetadata, material_import
from tests.conftest import account
from tests.e2e.test_downloads import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


@pytest.fixture
def material():
    # A live-server test commits for real, so the embedded index is written as in use.
    doc = generate_document(212, doc_type="讲话稿", topic="机关党建")
    return material_import(
        data=doc.text.encode(),
        name="speech.txt",
        metadata=ImportMetadata(published=timezone.localdate(), topics=("机关党建",)),
    ).version.material


def test_a_member_finds_a_material_and_checks_a_draft(page, live_server, material):
    account("member", "kaixin")
    sign_in(page, live_server, "kaixin")
    page.get_by_role("link", name="搜索").click()
    page.get_by_role("searchbox", name="搜索").fill("党建")
    page.get_by_role("button", name="搜索").click()
    assert "共找到 1 份资料" in page.locator(".count").inner_text()
    assert page.locator(".snippet mark").first.inner_text() == "党建"
    page.get_by_role("link", name=material.title).click()
    assert page.locator("h1").first.inner_text() == material.title

    copied = next(s.text for s in sentences(material.current.text) if len(s.text) > 25)
    page.get_by_role("link", name="查重").click()
    page.get_by_label("草稿", exact=True).fill("我们村今年新修了三条水泥路，群众很满意。" + copied)
    page.get_by_role("button", name="查重").click()
    assert page.locator(".draft mark").inner_text() == copied
    assert material.title in page.locator("ol.matches").inner_text()
