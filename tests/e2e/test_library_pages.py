import pytest

from gaoku.accounts.services import account_ensure
from gaoku.core.generator import generate_document
from gaoku.library.services import ImportMetadata, material_import
from gaoku.ops.worker import jobs_run_pending
from tests.conftest import docx_bytes

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def test_visitor_browses_the_catalogue_and_opens_a_reader_page(page, live_server):
    docs = [generate_document(seed) for seed in (101, 102, 103)]
    for n, doc in enumerate(docs):
        material_import(
            data=doc.wrapped.encode(),
            name=f"{n}.txt",
            metadata=ImportMetadata(topics=("机关党建",)),
        )
    page.goto(live_server.url)
    assert page.locator("h1").inner_text() == "资料库"
    for doc in docs:
        assert page.get_by_role("link", name=doc.outline["title"]).is_visible()
    page.get_by_role("link", name=docs[0].outline["title"]).click()
    outline = page.get_by_role("complementary", name="提纲")
    first_heading = docs[0].outline["parts"][0]["heading"]
    assert outline.get_by_role("link", name=first_heading).is_visible()
    assert page.locator(".doc-title").inner_text() == docs[0].outline["title"]
    assert "预览" in page.locator(".paywall").inner_text()
    assert docs[0].text.split("\n")[-1] not in page.content()


def test_editor_imports_a_docx_through_the_page_and_sees_its_outline(page, live_server, tmp_path):
    account_ensure(username="editor", password="editor-pass-2026", role="editor")
    doc = generate_document(104, doc_type="讲话稿")
    upload = tmp_path / "讲话稿.docx"
    upload.write_bytes(docx_bytes(doc.wrapped))

    page.goto(f"{live_server.url}/accounts/login/?next=/import/")
    page.get_by_label("用户名").fill("editor")
    page.get_by_label("密码").fill("editor-pass-2026")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/import/")
    page.get_by_label("文件", exact=True).set_input_files(str(upload))
    page.get_by_label("专题").fill("机关党建 作风建设")
    page.get_by_role("button", name="导入").click()

    # The file waits for the background worker; the job's page follows it and shows
    # the outcome by itself once the worker is done.
    page.wait_for_url("**/jobs/*/")
    assert page.get_by_test_id("job").get_attribute("data-state") == "queued"
    jobs_run_pending()
    page.wait_for_selector('[data-testid="job"][data-state="done"]', timeout=15000)
    result = page.locator("ul.results > li")
    assert "新资料" in result.inner_text()
    for part in doc.outline["parts"]:
        assert part["heading"] in result.inner_text()
    for line in doc.wrapper_lines[:2]:
        assert line.strip() in result.locator(".removed").inner_text()
    result.get_by_role("link").first.click()
    assert page.locator(".doc-title").inner_text() == doc.outline["title"]
