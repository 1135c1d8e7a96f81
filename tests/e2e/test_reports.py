"""The whole story of a report of resale, in a browser: a member's copy leaks; another
member reports it with a screenshot; the trace names the first; the admin confirms; the
reporter's account shows the added year; the leaker is suspended and sees why."""

import pytest

from gaoku.library.models import Material
from gaoku.ops.worker import jobs_run_pending
from gaoku.reports.models import Report
from tests.conftest import account
from tests.core.readers.reader_files import _has_ocr, text_image
from tests.e2e.test_downloads import sign_in
from tests.reports.conftest import leaked_copy

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
    pytest.mark.skipif(not _has_ocr(), reason="tesseract with Chinese is not installed"),
]


def test_a_screenshot_report_is_traced_confirmed_rewarded_and_the_leaker_told(
    page, live_server, attesting_reference, tmp_path
):
    leaked = leaked_copy("xiaoli")
    material = Material.objects.get()
    lines = [p[i : i + 30] for p in leaked.split("\n") if p.strip() for i in range(0, len(p), 30)]
    screenshot = tmp_path / "shop.png"
    screenshot.write_bytes(text_image(lines, font_size=32))

    account("member", "wang")
    sign_in(page, live_server, "wang")
    page.goto(f"{live_server.url}/report/")
    form = page.get_by_test_id("report-form")
    form.get_by_label("在哪里看到").fill("某宝“公文大全”店")
    form.get_by_label("文件、截图或照片").set_input_files(str(screenshot))
    form.get_by_role("button", name="提交举报").click()
    page.wait_for_load_state()
    assert "已提交，正在追查" in page.get_by_test_id("my-reports").inner_text()

    jobs_run_pending()  # the worker reads the screenshot (OCR) and traces it
    report = Report.objects.get()
    assert report.state == "traced" and report.accused.username == "xiaoli"

    page.context.clear_cookies()
    account("admin", "boss")
    sign_in(page, live_server, "boss")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    assert "xiaoli" in page.get_by_test_id("report-traces").inner_text()
    page.get_by_test_id("decision").get_by_role("button", name="确认属实").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("report-state").inner_text() == "举报属实"

    page.context.clear_cookies()
    sign_in(page, live_server, "wang")
    page.goto(f"{live_server.url}/account/")
    report.refresh_from_db()
    assert report.grant.last_day.strftime("%Y-%m-%d") in page.content()
    page.goto(f"{live_server.url}/report/mine/")
    assert "举报属实" in page.get_by_test_id("my-reports").inner_text()

    page.context.clear_cookies()
    sign_in(page, live_server, "xiaoli")
    page.goto(f"{live_server.url}/account/")
    reason = page.get_by_test_id("suspension-reason").inner_text()
    assert f"举报 #{report.pk}" in reason and material.title in reason
