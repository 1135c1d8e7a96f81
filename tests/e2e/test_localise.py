"""A member localises a template on its reader page and opens the Word copy: the blanks
hold their answers, the stale reference its current wording, and the copy is theirs."""

import io

import pytest
from django.utils import timezone
from docx import Document

from gaoku.copies.models import Copy
from gaoku.library.services import ImportMetadata, material_import
from gaoku.members.services import profile_ensure
from tests.conftest import account
from tests.e2e.test_downloads import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]
TEMPLATE = (
    "在XX县20XX年安全生产工作会议上的讲话\n同志们：\n"
    "今年，在X书记的带领下，全县深入学习党的十九大精神，安全形势总体平稳。\n"
    "各乡镇要压实责任，抓好隐患排查，确保不发生重大事故。\n谢谢大家！"
)


def test_a_member_localises_a_template_and_opens_the_word_copy(page, live_server, tmp_path):
    material = material_import(
        data=TEMPLATE.encode(),
        name="template.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    ).version.material
    member = account("member", "lanlan")
    sign_in(page, live_server, "lanlan")
    page.goto(f"{live_server.url}/m/{material.pk}/")
    form = page.get_by_test_id("localise")
    form.locator("summary").click()
    form.get_by_placeholder("XX县").fill("清溪县")
    form.get_by_placeholder("X书记").fill("李书记")
    form.get_by_test_id("year").fill("2026")
    with page.expect_download() as info:
        form.get_by_test_id("localise-docx").click()
    path = tmp_path / "copy.docx"
    info.value.save_as(path)
    text = "\n".join(p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "在清溪县2026年安全生产工作会议上的讲话" in text.replace("\u2060", "")
    assert "李书记" in text and "二十大" in text and "XX县" not in text
    copy = Copy.objects.get(channel="web")
    assert copy.member == member and copy.format == "docx" and copy.localisation
    assert profile_ensure(member).display_code in text  # the member's copy, as every copy
    # The form remembers the answers for the next template.
    page.goto(f"{live_server.url}/m/{material.pk}/")
    assert page.get_by_placeholder("XX县").input_value() == "清溪县"
