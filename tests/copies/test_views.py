"""Downloads on the web and the API, the account's history, the editors' slot review."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import Copy, CopyRefusal, EditorVariant, SlotRejection
from gaoku.core.fingerprint import read_marks
from tests.conftest import account, material_published
from tests.copies.conftest import copy_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def material():
    return material_published(timezone.localdate(), seed=31)


def download(client, material, **data):
    return client.post(reverse("copies:download", args=[material.pk]), data)


def test_a_member_downloads_from_the_reader_and_sees_it_in_the_account(client, material):
    member = account("member")
    client.force_login(member)
    page = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    assert 'data-testid="downloads"' in page
    response = download(client, material, format="docx", v=material.current.number)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    reading, copy = Copy.objects.order_by("pk")
    assert (reading.channel, reading.format) == ("view", "view")
    assert (copy.member, copy.format, copy.client_address) == (member, "docx", "127.0.0.1")
    marks = read_marks(fingerprint_secret(), copy_text(response.content, "docx"))
    assert [m.copy for m in marks] == [copy.pk]
    account_page = client.get(reverse("members:account")).content.decode()
    assert material.title in account_page and "DOCX" in account_page


def test_a_visitor_sees_no_buttons_and_a_forged_post_is_refused_and_logged(client, material):
    client.force_login(account("visitor"))
    page = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    assert 'data-testid="downloads"' not in page
    response = download(client, material, format="pdf")
    assert response.status_code == 403
    assert "会员资格" in response.content.decode()
    assert not Copy.objects.exists()
    assert CopyRefusal.objects.get().reason == "inactive"


def test_anonymous_downloads_are_refused(client, material):
    assert download(client, material, format="txt").status_code == 403
    assert CopyRefusal.objects.get().reason == "signin"


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"format": "exe"}, 400),
        ({"format": ""}, 400),
        ({"format": "txt", "v": "abc"}, 404),
        ({"format": "txt", "v": "999"}, 404),
        ({"format": "txt", "v": "-1"}, 404),
    ],
)
def test_forged_download_forms_are_clear_errors(client, material, data, status):
    client.force_login(account("member"))
    assert download(client, material, **data).status_code == status
    assert not Copy.objects.exists()


def test_downloads_are_posts_only_and_unknown_materials_are_404(client, material):
    client.force_login(account("member"))
    assert client.get(reverse("copies:download", args=[material.pk])).status_code == 405
    assert (
        client.post(reverse("copies:download", args=[999999]), {"format": "txt"}).status_code == 404
    )


def test_editors_review_slots_reject_and_restore_them(client, material):
    editor = account("editor")
    client.force_login(editor)
    url = reverse("copies:slots", args=[material.pk])
    page = client.get(url).content.decode()
    assert 'class="slot used"' in page
    key = page.split('data-key="', 1)[1].split('"', 1)[0]
    response = client.post(url, {"reject": key, "v": 1})
    assert response.status_code == 302
    assert SlotRejection.objects.get().key == key
    assert 'class="slot rejected"' in client.get(url).content.decode()
    client.post(url, {"restore": key, "v": 1})
    assert not SlotRejection.objects.exists()
    client.post(url, {"action": "add-variant", "line": "落实 贯彻 | next=n", "v": 1})
    assert EditorVariant.objects.get().author == editor
    response = client.post(url, {"action": "add-variant", "line": "孤", "v": 1}, follow=True)
    assert "写法有误" in response.content.decode()


def test_members_cannot_review_slots(client, material):
    client.force_login(account("member"))
    url = reverse("copies:slots", args=[material.pk])
    assert client.get(url).status_code == 302
    client.post(url, {"reject": "1:a/b", "v": 1})
    assert not SlotRejection.objects.exists()


def test_the_api_issues_copies_under_the_same_rule(client, material):
    url = f"/api/materials/{material.pk}/copies"
    body = json.dumps({"format": "txt"})
    assert client.post(url, body, content_type="application/json").status_code == 401
    client.force_login(account("visitor"))
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "copy_refused_inactive"
    client.force_login(account("member"))
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200
    copy = Copy.objects.get()
    assert response["X-Gaoku-Copy"] == str(copy.pk) and copy.channel == "api"
    bad = client.post(url, json.dumps({"format": "exe"}), content_type="application/json")
    assert bad.status_code == 422
    mine = client.get("/api/me/copies").json()
    assert [c["id"] for c in mine] == [copy.pk]
    assert mine[0]["title"] == material.title


def test_a_member_over_the_download_quota_reads_when_it_resets(client, material, settings):
    settings.GAOKU_QUOTA_DOWNLOADS_PER_HOUR = 1
    client.force_login(account("member"))
    url = reverse("copies:download", args=[material.pk])
    assert client.post(url, {"format": "txt"}).status_code == 200
    refused = client.post(url, {"format": "txt"})
    assert refused.status_code == 429
    page = refused.content.decode()
    assert 'data-testid="refused"' in page and "每小时最多 1 次下载" in page and "之后再试" in page


def test_the_localise_form_is_a_readers_and_refuses_unusable_answers_with_reasons(client):
    from gaoku.library.services import ImportMetadata, material_import

    template = material_import(
        data="在XX县工作会议上的讲话\n同志们：\n请X部长牵头，各单位配合落实。\n谢谢大家！".encode(),
        name="t.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    ).version.material
    page = client.get(reverse("library:reader", args=[template.pk])).content.decode()
    assert 'data-testid="localise"' not in page  # a visitor reads the preview only
    client.force_login(account("member", "zhou"))
    page = client.get(reverse("library:reader", args=[template.pk])).content.decode()
    assert 'data-testid="localise"' in page and 'value="XX县"' in page
    response = download(
        client, template, format="txt", fill_token=["XX县", "X部长"], fill=["县" * 41, "王部长"]
    )
    assert response.status_code == 400 and "太长" in response.content.decode()
    assert not Copy.objects.filter(channel="web").exists()
    plain = material_import(
        data="在全县工作会议上的讲话\n同志们：\n各单位要压实责任，抓好落实。\n谢谢大家！".encode(),
        name="plain.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    ).version.material  # no blanks, nothing stale
    page = client.get(reverse("library:reader", args=[plain.pk])).content.decode()
    assert 'data-testid="localise"' not in page
