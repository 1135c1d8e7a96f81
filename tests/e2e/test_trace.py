"""An admin traces a leaked Word copy through the page and reads who leaked it and why."""

import pytest
from django.utils import timezone

from gaoku.copies.services import copy_issue
from gaoku.core.generator import generate_document
from gaoku.library.services import ImportMetadata, material_import
from tests.conftest import account
from tests.e2e.test_downloads import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def test_an_admin_uploads_a_leaked_copy_and_sees_the_leaker(page, live_server, tmp_path):
    doc = generate_document(212, doc_type="讲话稿")
    material = material_import(
        data=doc.text.encode(),
        name="speech.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    ).version.material
    leaked = None
    for name in ("zhou", "wu", "zheng"):
        issued = copy_issue(
            user=account("member", name), material=material, fmt="docx", address=None
        )
        if name == "wu":
            leaked = tmp_path / "转卖的稿子.docx"
            leaked.write_bytes(issued.content)
    account("admin")
    sign_in(page, live_server, "admin")
    page.get_by_role("link", name="泄露追查").click()
    page.get_by_label("或上传文件").set_input_files(str(leaked))
    page.get_by_role("button", name="追查").click()
    page.wait_for_load_state()
    found = page.get_by_test_id("trace-found").inner_text()
    assert material.title in found
    accused = page.get_by_test_id("trace-accused")
    assert accused.get_by_role("heading", name="wu").is_visible()
    assert "zhou" not in accused.inner_text() and "zheng" not in accused.inner_text()
    assert accused.get_by_test_id("beside").is_visible()

    page.get_by_role("link", name="新的追查").click()
    page.get_by_label("可疑文字").fill(generate_document(4040, doc_type="工作报告").text)
    page.get_by_role("button", name="追查").click()
    page.wait_for_load_state()
    assert "库中没有与这段文字相符的资料" in page.get_by_test_id("trace-found").inner_text()
    assert "未指认任何人" in page.get_by_test_id("trace-accused").inner_text()
