"""Requests in the browser: a member posts one, another votes, an editor answers it with
a material, and the requester is told and finds the answer."""

import pytest
from django.utils import timezone

from tests.conftest import account, material_published

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def _signed_in(browser, live_server, username: str):
    account("editor" if username == "editor" else "member", username)
    page = browser.new_context(locale="zh-CN").new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/needs/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill("pw-for-tests-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/needs/")
    return page


def test_a_request_is_posted_voted_for_answered_and_the_requester_told(browser, live_server):
    material = material_published(timezone.localdate(), seed=43)
    asker = _signed_in(browser, live_server, "asker")
    asker.get_by_test_id("need-new").click()
    asker.get_by_label("需要什么材料").fill("全县安全生产工作会议讲话")
    asker.get_by_label("类型").select_option(label="讲话稿")
    asker.get_by_label("层级").fill("县级")
    asker.get_by_role("button", name="发布", exact=True).click()
    assert "已发布" in asker.locator(".message.success").inner_text()
    need_url = asker.url

    voter = _signed_in(browser, live_server, "voter")
    need = voter.get_by_test_id("need").filter(has_text="全县安全生产工作会议讲话")
    need.get_by_role("button", name="我也需要").click()
    assert "1 人需要" in voter.get_by_test_id("need").first.inner_text()

    editor = _signed_in(browser, live_server, "editor")
    editor.goto(need_url)
    editor.get_by_label("资料编号或地址").fill(f"{live_server.url}/m/{material.pk}/")
    editor.get_by_label("给需求人的说明").fill("第二部分可按本县情况增删")
    editor.get_by_role("button", name="用这份资料答复").click()
    assert "已答复" in editor.locator("p.message.success").inner_text()

    asker.goto(f"{live_server.url}/notifications/")
    assert "全县安全生产工作会议讲话" in asker.locator("main").inner_text()
    asker.goto(need_url)
    answer = asker.get_by_test_id("answer")
    assert material.title in answer.inner_text() and "按本县情况增删" in answer.inner_text()
    answer.get_by_role("link").click()
    asker.wait_for_url(f"**/m/{material.pk}/")
    for page in (asker, voter, editor):
        page.context.close()
