"""Per-account limits on uploads and originality checks: a clear message with the time the
limit resets, never an error page; admins are not limited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gaoku.ops.models import Job, RateEvent
from gaoku.ops.ratelimit import RateLimited, rate_spend
from tests.conftest import account

pytestmark = pytest.mark.django_db


def test_the_limit_counts_per_account_and_says_when_it_resets(settings):
    settings.GAOKU_RATE_CHECKS_PER_HOUR = 3
    member, other = account("member"), account("member", "other")
    for _ in range(3):
        rate_spend(member, "check")
    said = r"每小时最多 3 次查重，已经用完，请在 .* 之后再试"
    with pytest.raises(RateLimited, match=said) as refused:
        rate_spend(member, "check")
    # The time said is when the oldest use leaves the hour.
    oldest = RateEvent.objects.filter(user=member).order_by("at").first().at
    assert timezone.localtime(oldest + timedelta(hours=1)).strftime("%m-%d %H:%M") in str(
        refused.value
    )
    rate_spend(other, "check")  # another account has its own count
    rate_spend(account("admin"), "check", 50)  # admins are not limited
    with pytest.raises(RateLimited, match="一次最多 3 次"):
        rate_spend(other, "check", 4)
    assert RateEvent.objects.filter(user=member).count() == 3


def test_an_editor_over_the_upload_limit_gets_a_message_and_nothing_is_queued(client, settings):
    settings.GAOKU_RATE_UPLOADS_PER_HOUR = 2
    client.force_login(account("editor"))
    files = [
        SimpleUploadedFile(f"{n}.txt", "关于加强作风建设的通知\n正文。".encode()) for n in range(3)
    ]
    response = client.post(reverse("library:import"), {"files": files})
    assert response.status_code == 200
    assert "最多 2 次上传文件" in response.content.decode()
    assert not Job.objects.exists()


def test_the_check_api_answers_429_with_the_envelope(client, settings):
    settings.GAOKU_RATE_CHECKS_PER_HOUR = 1
    client.force_login(account("member"))
    assert client.post("/api/search/check", {"text": "一段草稿文字。"}).status_code == 200
    refused = client.post("/api/search/check", {"text": "一段草稿文字。"})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"


def test_a_members_downloads_have_an_hourly_and_a_daily_quota(settings):
    from gaoku.copies.services import copy_issue
    from tests.conftest import material_published

    settings.GAOKU_QUOTA_DOWNLOADS_PER_HOUR = 2
    settings.GAOKU_QUOTA_DOWNLOADS_PER_DAY = 3
    material = material_published(timezone.localdate())
    member = account("member")
    for _ in range(2):
        copy_issue(user=member, material=material, fmt="txt", address=None)
    with pytest.raises(RateLimited, match="每小时最多 2 次下载") as refused:
        copy_issue(user=member, material=material, fmt="txt", address=None)
    assert refused.value.status == 429
    RateEvent.objects.filter(user=member).update(at=timezone.now() - timezone.timedelta(hours=2))
    copy_issue(user=member, material=material, fmt="txt", address=None)
    with pytest.raises(RateLimited, match="每天最多 3 次下载"):
        copy_issue(user=member, material=material, fmt="txt", address=None)
    # The operator's command and an editor are not a member taking copies in bulk.
    copy_issue(user=member, material=material, fmt="txt", address=None, channel="cli")
    editor = account("editor")
    for _ in range(4):
        copy_issue(user=editor, material=material, fmt="txt", address=None)


def test_a_plans_reading_quota_shows_the_preview_and_when_it_resets(client):
    from gaoku.members.models import Plan
    from tests.conftest import material_published

    Plan.objects.filter(slug="annual").update(views_per_day=2)
    material = material_published(timezone.localdate(), seed=61)
    client.force_login(account("member", "li"))
    page = reverse("library:reader", args=[material.pk])
    for _ in range(2):
        assert 'data-testid="paywall"' not in client.get(page).content.decode()
    third = client.get(page).content.decode()
    assert 'data-testid="paywall"' in third and "每天最多 2 次阅读全文" in third
    assert "之后再试" in third
    api = client.get(f"/api/materials/{material.pk}")
    assert api.status_code == 429 and api.json()["error"]["code"] == "rate_limited"
    client.force_login(account("editor", "bian"))  # editors read for their work
    for _ in range(3):
        assert 'data-testid="paywall"' not in client.get(page).content.decode()


def test_a_plans_download_quota_overrides_the_sites(client, settings):
    from gaoku.members.models import Plan
    from tests.conftest import material_published

    settings.GAOKU_QUOTA_DOWNLOADS_PER_HOUR = 30
    Plan.objects.filter(slug="annual").update(downloads_per_hour=1)
    material = material_published(timezone.localdate(), seed=62)
    client.force_login(account("member", "li"))
    url = reverse("copies:download", args=[material.pk])
    assert client.post(url, {"format": "txt"}).status_code == 200
    refused = client.post(url, {"format": "txt"})
    assert refused.status_code == 429 and "每小时最多 1 次下载" in refused.content.decode()


def test_a_member_far_from_every_limit_costs_one_count(settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.GAOKU_QUOTA_DOWNLOADS_PER_HOUR = 3
    settings.GAOKU_QUOTA_DOWNLOADS_PER_DAY = 10
    member = account("member")

    def counts() -> int:
        with CaptureQueriesContext(connection) as queries:
            rate_spend(member, "download")
        return sum("COUNT(" in q["sql"] for q in queries.captured_queries)

    # The day's count is read first; under the hour's limit it answers for the hour too.
    assert [counts(), counts(), counts()] == [1, 1, 1]
    RateEvent.objects.filter(user=member).update(at=timezone.now() - timedelta(hours=2))
    # Three used today could pass the hour's limit: the hour is counted as well.
    assert [counts(), counts(), counts()] == [2, 2, 2]
    with pytest.raises(RateLimited, match="每小时最多 3 次下载"):
        rate_spend(member, "download")
