"""The stale dashboard in the browser: an editor refreshes a template of 2020 into a new
version in this year's terms, and members are shown what changed."""

import pytest

from gaoku.library.services import material_import
from tests.conftest import account
from tests.core.test_staleness import TEMPLATE_2020

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def test_an_editor_refreshes_a_stale_material_from_the_dashboard(page, live_server):
    text = "关于做好2020年重点工作的讲话\n同志们：\n" + TEMPLATE_2020
    material = material_import(data=text.encode(), name="2020.txt").version.material
    account("editor")
    page.goto(f"{live_server.url}/accounts/login/?next=/stale/")
    page.get_by_label("用户名").fill("editor")
    page.get_by_label("密码").fill("pw-for-tests-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/stale/")
    row = page.get_by_test_id("stale-dashboard").locator("tr", has_text=material.title)
    assert "十九大 → 二十大" in row.inner_text()
    row.get_by_test_id("refresh").click()
    page.wait_for_url(f"**/m/{material.pk}/?v=2")
    body = page.locator("article").inner_text()
    assert "党的二十大" in body and "十九大" not in body.replace("二十大", "")
    assert "今年是脱贫攻坚决胜之年" in body  # flagged for rewriting, not replaced blindly
    versions = page.get_by_test_id("versions")
    versions.locator("summary").click()
    assert "更新过时提法" in versions.inner_text()
    versions.get_by_role("link", name="改了什么").click()
    page.wait_for_url(f"**/m/{material.pk}/changes/?from=1&to=2")
    changed = page.locator('.change[data-kind="changed"]')
    assert "关于做好2026年重点工作的讲话" in changed.locator(".new").first.inner_text()
    assert "党的二十大" in changed.locator(".new").last.inner_text()
    assert "党的十九大" in changed.locator(".old").last.inner_text()
    assert changed.locator("ins").count() > 0 and changed.locator("del").count() > 0
