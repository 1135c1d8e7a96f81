"""Text copied from the reader page names the member who copied it, even with its marks
stripped: the page shows each member their own fingerprinted text."""

import unicodedata

import pytest
from django.utils import timezone

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import Copy
from gaoku.copies.services import reading_text
from gaoku.core.fingerprint import read_marks, strip_marks
from gaoku.members.selectors import entitlement_get
from gaoku.traces.services import trace_document, trace_run
from tests.conftest import account, dense_material_published
from tests.e2e.test_downloads import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]

SELECT_ARTICLE = """() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector("article.text"));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def test_text_copied_from_the_reader_traces_to_its_reader(
    browser, live_server, attesting_reference
):
    material = dense_material_published(timezone.localdate())
    reader = account("member", "wenjing")
    for name in ("other1", "other2"):  # two more members read it: candidates of the trace
        other = account("member", name)
        reading_text(user=other, entitlement=entitlement_get(other), version=material.current)
    context = browser.new_context(locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    sign_in(page, live_server, "wenjing")
    page.goto(f"{live_server.url}/m/{material.pk}/")
    assert reader.profile.display_code in page.get_by_test_id("notice").inner_text()
    page.evaluate(SELECT_ARTICLE)
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()

    view = Copy.objects.get(member=reader, channel="view")
    assert [r.copy for r in read_marks(fingerprint_secret(), copied)] == [view.pk]
    laundered = unicodedata.normalize("NFKC", strip_marks(copied))
    result = trace_document(trace_run(by=account("admin"), channel="web", text=laundered))
    assert result["layers"]["invisible"]["copies"] == []
    assert result["candidates"] == 3
    assert [a["member"] for a in result["accused"]] == ["wenjing"]
