"""A member following 机关党建 has the live feed open; an editor imports a material on that
topic, and it appears without a reload; one on another topic does not."""

from __future__ import annotations

import json

from gaoku.core.generator import generate_document
from tests.cli.conftest import gaoku
from tests.live.server import served


def _import(data, tmp_path, seed: int, topic: str) -> str:
    path = tmp_path / f"{seed}.txt"
    path.write_text(generate_document(seed).text, encoding="utf-8")
    result = gaoku(data, "import", str(path), "--topic", topic, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["imported"][0]["title"]


def test_a_followed_topic_appears_in_the_open_feed_without_a_reload(page, tmp_path):
    data = tmp_path / "data"
    assert gaoku(data, "init").returncode == 0
    added = gaoku(data, "member", "add", "li", "--plan", "annual", "--json")
    password = json.loads(added.stdout)["password"]
    first = _import(data, tmp_path, 21, "机关党建")
    with served(data) as base:
        page.goto(f"{base}/accounts/login/?next=/?topic=机关党建")
        page.get_by_label("用户名").fill("li")
        page.get_by_label("密码").fill(password)
        page.get_by_role("button", name="登录").click()
        page.get_by_test_id("follow").click()
        # The follow is a form post and a redirect: wait for the page it lands on.
        page.get_by_test_id("unfollow").wait_for()
        page.goto(f"{base}/feed/")
        events = page.get_by_test_id("events")
        assert first in events.inner_text()
        page.wait_for_selector("[data-live-status]:not([hidden])")
        other = _import(data, tmp_path, 22, "乡村振兴")
        followed = _import(data, tmp_path, 23, "机关党建")
        page.wait_for_function(
            "title => document.querySelector('[data-testid=events]').innerText.includes(title)",
            arg=followed,
            timeout=15000,
        )
        assert other not in events.inner_text()
        assert events.locator("li").first.inner_text().startswith("新资料")
