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


NOTICE = "请值班人员注意：今日午后有雷阵雨，请做好防雷准备。"


def _with_notice(seed: int) -> int:
    """A material whose import kept a screen's notice between its paragraphs."""
    doc = generate_document(seed, doc_type="讲话稿")
    lines = doc.wrapped.split("\n")
    after = lines.index(doc.text.split("\n")[3]) + 1
    text = "\n".join([*lines[:after], NOTICE, *lines[after:]])
    version = material_import(data=text.encode(), name=f"{seed}.txt").version
    assert NOTICE in version.text
    return version.material_id


def test_editor_removes_a_kept_notice_and_makes_it_a_rule_for_the_library(
    page, live_server, monkeypatch
):
    # The judge has no opinion: the notice is kept, as a sentence between paragraphs is.
    monkeypatch.setattr("gaoku.core.cleaning._scores", lambda lines: [0.0] * len(lines))
    first, second, third = (_with_notice(seed) for seed in (111, 112, 113))
    account_ensure(username="editor", password="editor-pass-2026", role="editor")
    page.goto(f"{live_server.url}/accounts/login/?next=/m/{first}/changes/")
    page.get_by_label("用户名").fill("editor")
    page.get_by_label("密码").fill("editor-pass-2026")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"**/m/{first}/changes/")

    # One material: the notice goes as its next version, listed with why among the
    # removed lines, where it can be put back.
    kept = page.get_by_test_id("kept-lines")
    kept.locator("summary").click()
    kept.locator("li", has_text=NOTICE).get_by_role("button", name="删去").click()
    page.wait_for_url(f"**/m/{first}/changes/")
    assert "已删去这一行" in page.content()
    removed = page.get_by_test_id("removed-lines").locator("li", has_text=NOTICE)
    assert "编辑删去" in removed.inner_text()
    assert removed.get_by_role("button", name="放回").is_visible()

    # Every other material: a rule made from the line, applied to the library.
    page.goto(f"{live_server.url}/m/{second}/changes/")
    kept = page.get_by_test_id("kept-lines")
    kept.locator("summary").click()
    kept.locator("li", has_text=NOTICE).get_by_role("link", name="设为清理规则…").click()
    page.get_by_test_id("rule-apply").click()
    page.wait_for_url("**/jobs/*/")
    jobs_run_pending()
    page.wait_for_selector('[data-testid="job"][data-state="done"]', timeout=15000)
    results = page.get_by_test_id("clean-results").inner_text()
    assert f"#{second}" in results and f"#{third}" in results and f"#{first}" not in results
    assert NOTICE in results
    page.goto(f"{live_server.url}/m/{third}/changes/")
    assert "清理规则" in page.get_by_test_id("removed-lines").inner_text()
