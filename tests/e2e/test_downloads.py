"""A member downloads a copy from the reader; it names them and shows in their account.
An editor rejects a slot on the review page."""

import subprocess

import pytest
from django.utils import timezone

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import Copy, SlotRejection
from gaoku.core.fingerprint import read_marks
from gaoku.core.generator import generate_document
from gaoku.library.services import ImportMetadata, material_import
from tests.conftest import account

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill("pw-for-tests-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


@pytest.fixture
def material():
    doc = generate_document(211, doc_type="讲话稿")
    return material_import(
        data=doc.text.encode(),
        name="speech.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    ).version.material


def test_a_member_downloads_a_pdf_that_names_them(page, live_server, material, tmp_path):
    member = account("member", "kaixin")
    sign_in(page, live_server, "kaixin")
    page.goto(f"{live_server.url}/m/{material.pk}/")
    with page.expect_download() as info:
        page.get_by_test_id("downloads").get_by_role("button", name="PDF").click()
    path = tmp_path / "copy.pdf"
    info.value.save_as(path)
    copy = Copy.objects.get(channel="web")
    assert copy.member == member and copy.format == "pdf"
    assert info.value.suggested_filename.endswith(".pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert [r.copy for r in read_marks(fingerprint_secret(), text)] == [copy.pk]
    page.goto(f"{live_server.url}/account/")
    assert material.title in page.get_by_test_id("downloads").inner_text()


def test_an_editor_rejects_a_slot(page, live_server, material):
    account("editor", "bianji")
    sign_in(page, live_server, "bianji")
    page.goto(f"{live_server.url}/m/{material.pk}/")
    page.get_by_role("link", name="指纹槽位").click()
    first = page.get_by_test_id("slot-text").locator(".slot.used").first
    key = first.get_attribute("data-key")
    first.get_by_role("button").click()
    page.wait_for_load_state()
    assert page.locator(f'.slot.rejected[data-key="{key}"]').count() == 1
    assert SlotRejection.objects.get().key == key
