"""The site on a phone (390 px wide): nothing wider than the screen, the menu behind a
button, the reader's text before its outline, tables as lists."""

import pytest

from gaoku.accounts.services import account_ensure
from gaoku.core.generator import generate_document
from gaoku.library.services import material_import

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_phone_gets_a_folded_menu_and_the_text_first(page, live_server):
    account_ensure(username="editor", password="editor-pass-2026", role="editor")
    doc = generate_document(131)
    material = material_import(data=doc.text.encode(), name="a.txt").version.material
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("用户名").fill("editor")
    page.get_by_label("密码").fill("editor-pass-2026")
    page.get_by_role("button", name="登录").click()
    page.goto(live_server.url)
    assert _fits(page)
    search = page.get_by_role("link", name="搜索")
    assert not search.is_visible()
    page.get_by_test_id("menu-button").click()
    assert search.is_visible()
    box = search.bounding_box()
    assert box["height"] >= 44  # a tap target
    page.goto(f"{live_server.url}/m/{material.pk}/")
    assert _fits(page)
    text = page.locator("article.text").bounding_box()
    outline = page.locator("aside.outline").bounding_box()
    assert text["y"] < outline["y"]
    page.goto(f"{live_server.url}/import/")
    assert _fits(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url)
    assert page.get_by_role("link", name="搜索").is_visible()  # the desktop keeps its menu
