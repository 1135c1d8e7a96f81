"""Selling through a shop, end to end: an admin makes a batch and downloads its CSV; a
buyer registers on a phone with a code from it and reads what the plan opens; the same
code then fails for somebody else with a clear message."""

import csv
import io
from pathlib import Path

import pytest
from django.utils import timezone

from gaoku.core.fingerprint import strip_marks
from gaoku.members.codes import USED
from gaoku.members.models import RedeemCode
from gaoku.ops.models import AuditEntry
from tests.conftest import account, material_published

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]

PHONE = {"width": 390, "height": 844}


def _sign_in(page, url: str, username: str, password: str) -> None:
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(url)


def _batch_csv(browser, live_server) -> list[dict]:
    """An admin makes a batch of two annual codes in the admin; the CSV comes down."""
    account("admin", "boss")
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    admin = context.new_page()
    admin.set_default_timeout(15_000)
    add_url = f"{live_server.url}/admin/members/codebatch/add/"
    admin.goto(add_url)
    _sign_in(admin, add_url, "boss", "pw-for-tests-1")
    admin.get_by_label("批次").fill("淘宝店 12月")
    admin.get_by_label("方案").select_option(label="年度会员")
    admin.get_by_label("价格").fill("¥298")
    admin.get_by_label("数量").fill("2")
    with admin.expect_download() as download:
        admin.get_by_role("button", name="保存", exact=True).click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    context.close()
    return list(csv.DictReader(io.StringIO(text)))


def test_a_buyer_redeems_a_shop_code_on_a_phone_and_reads(browser, page, live_server):
    material = material_published(timezone.localdate(), seed=207)
    last_paragraph = material.current.text.split("\n")[-1]

    rows = _batch_csv(browser, live_server)
    assert len(rows) == 2
    assert {(r["plan"], r["price"], r["batch"]) for r in rows} == {
        ("年度会员", "¥298", "淘宝店 12月")
    }
    code = rows[0]["code"]
    assert AuditEntry.objects.filter(action="codes.export").count() == 1

    # The buyer, on a phone, registers and redeems in one step, typing the code in lower case.
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/accounts/register/")
    page.get_by_label("用户名").fill("buyer")
    page.get_by_label("密码", exact=True).fill("a-good-passphrase-2026")
    page.get_by_label("密码确认").fill("a-good-passphrase-2026")
    page.get_by_label("兑换码（选填）").fill(code.lower())
    page.get_by_role("button", name="注册").click()
    page.wait_for_url("**/account/")
    assert "已兑换：年度会员" in page.locator(".message.success").all_inner_texts()[-1]
    assert "年度会员" in page.locator(".status").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.goto(f"{live_server.url}/m/{material.pk}/")
    assert last_paragraph in strip_marks(page.locator("article").inner_text())
    assert page.get_by_test_id("paywall").count() == 0
    assert RedeemCode.objects.get(redeemed_by__username="buyer").redeemed_at is not None

    # Somebody else tries the same code on their account page: refused, and told why.
    account("visitor", "second")
    other = browser.new_context(locale="zh-CN").new_page()
    other.set_default_timeout(15_000)
    other.set_viewport_size(PHONE)
    other.goto(f"{live_server.url}/accounts/login/?next=/account/")
    _sign_in(other, "**/account/", "second", "pw-for-tests-1")
    other.get_by_test_id("code").fill(code)
    other.get_by_role("button", name="兑换", exact=True).click()
    other.wait_for_url("**/account/")
    assert USED in other.locator(".message.error").inner_text()
    assert "年度会员" not in other.locator(".status").inner_text()
    other.context.close()
