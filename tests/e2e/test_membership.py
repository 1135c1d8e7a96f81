import pytest
from django.utils import timezone

from gaoku.core.fingerprint import strip_marks
from gaoku.core.generator import generate_document
from gaoku.library.services import ImportMetadata, material_import
from gaoku.members.models import Subscription
from tests.conftest import account

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def test_visitor_sees_the_preview_until_an_admin_grants_a_plan(browser, page, live_server):
    doc = generate_document(205, doc_type="讲话稿")
    material = material_import(
        data=doc.text.encode(),
        name="speech.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    ).version.material
    last_paragraph = doc.text.split("\n")[-1]
    reader_url = f"{live_server.url}/m/{material.pk}/"

    # A visitor registers and opens the material: preview and an invitation only.
    page.goto(f"{live_server.url}/accounts/register/")
    page.get_by_label("用户名").fill("xiaowang")
    page.get_by_label("密码", exact=True).fill("a-good-passphrase-2026")
    page.get_by_label("密码确认").fill("a-good-passphrase-2026")
    page.get_by_role("button", name="注册").click()
    page.wait_for_url("**/account/")
    assert "免费用户" in page.locator(".status").inner_text()
    page.goto(reader_url)
    paywall = page.get_by_test_id("paywall")
    assert "预览" in paywall.inner_text()
    assert paywall.get_by_role("link", name="订阅").is_visible()
    assert last_paragraph not in page.locator("article").inner_text()

    # An admin, in another browser, grants the annual plan in the admin.
    account("admin", "boss")
    admin_context = browser.new_context(locale="zh-CN")
    admin = admin_context.new_page()
    admin.set_default_timeout(15_000)
    admin.goto(f"{live_server.url}/admin/members/subscription/add/")
    admin.get_by_label("用户名").fill("boss")
    admin.get_by_label("密码").fill("pw-for-tests-1")
    admin.get_by_role("button", name="登录").click()
    admin.wait_for_url("**/admin/members/subscription/add/")
    admin.locator(".field-user .select2-selection").click()
    admin.locator(".select2-search__field").fill("xiaowang")
    admin.locator(".select2-results__option", has_text="xiaowang").click()
    admin.get_by_label("方案").select_option(label="年度会员")
    admin.get_by_label("类型").select_option(label="赠送")
    admin.get_by_label("原因").fill("新用户活动赠送")
    admin.get_by_role("button", name="保存", exact=True).click()
    assert "成功" in admin.locator(".messagelist").inner_text()
    admin_context.close()
    grant = Subscription.objects.get(user__username="xiaowang")
    assert (grant.kind, grant.granted_by.username) == ("gift", "boss")

    # The same visitor, same session, now reads the whole text.
    page.goto(reader_url)
    assert last_paragraph in strip_marks(page.locator("article").inner_text())
    assert page.get_by_test_id("paywall").count() == 0
    page.goto(f"{live_server.url}/account/")
    assert "年度会员" in page.locator(".status").inner_text()
