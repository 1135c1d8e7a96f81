"""The signals dashboard: a script that takes every new material at fixed intervals with a
member's session cookie is flagged within the day's quota; a member reading at a human pace
is not; the admin suspends from the dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gaoku.copies.models import Copy, Reading
from gaoku.members.selectors import suspension_open
from gaoku.ops.models import AuditEntry
from tests.conftest import account, material_published

pytestmark = pytest.mark.django_db
NEW = 12  # materials published today: under a member's hourly and daily download quotas


def test_a_daily_scraper_is_flagged_and_suspended_and_a_reader_is_not(settings):
    materials = [material_published(timezone.localdate(), seed=400 + i) for i in range(NEW)]
    scraper = Client(REMOTE_ADDR="10.9.8.7")
    scraper.force_login(account("member", "bot"))
    for material in materials:  # what the public scrapers do: every new one, once
        response = scraper.post(reverse("copies:download", args=[material.pk]), {"format": "txt"})
        assert response.status_code == 200
    start = timezone.now() - timedelta(hours=3)
    for i, copy in enumerate(Copy.objects.filter(member__username="bot").order_by("pk")):
        Copy.objects.filter(pk=copy.pk).update(created_at=start + timedelta(seconds=90 * i))

    reader = Client()
    reader.force_login(account("member", "reader"))
    for material in materials[:3]:
        assert reader.get(reverse("library:reader", args=[material.pk])).status_code == 200
    for minutes, reading in zip((7, 52, 139), Reading.objects.order_by("pk"), strict=True):
        Reading.objects.filter(pk=reading.pk).update(at=start + timedelta(minutes=minutes))

    admin = Client()
    admin.force_login(account("admin"))
    page = admin.get(reverse("reports:signals")).content.decode()
    assert page.count('data-testid="signal-account"') == 1
    assert "bot" in page and ">reader " not in page
    assert 'data-rule="regular"' in page and 'data-rule="every_new"' in page
    assert "10.9.8.7" in page  # the evidence: times, materials and addresses
    admin.post(reverse("reports:signals"), {"member": "bot", "reason": "每 90 秒取一份新资料"})
    assert suspension_open(account("member", "bot")).reason == "每 90 秒取一份新资料"
    assert admin.get(reverse("reports:signals")).status_code == 200
    member = Client()
    member.force_login(account("member", "reader"))
    assert member.get(reverse("reports:signals")).status_code == 302


def test_the_admin_warns_from_the_dashboard_and_the_member_reads_it(settings):
    member = account("member", "sharer")
    admin = Client()
    admin.force_login(account("admin", "boss"))
    answer = admin.post(
        reverse("reports:signals"),
        {"member": "sharer", "reason": "一天内 6 个地址", "action": "warn"},
        follow=True,
    )
    assert "已提醒" in answer.content.decode()
    assert suspension_open(member) is None  # a warning suspends nobody
    entry = AuditEntry.objects.get(action="member.warn")
    assert (entry.actor, entry.object) == ("boss", "member:sharer")
    own = Client()
    own.force_login(member)
    notes = own.get(reverse("live:notifications")).content.decode()
    assert "管理员提醒" in notes and "一天内 6 个地址" in notes
    other = Client()
    other.force_login(account("member", "someone"))
    assert "管理员提醒" not in other.get(reverse("live:notifications")).content.decode()


def test_the_admin_limits_from_the_dashboard_and_the_quota_tightens(settings):
    materials = [material_published(timezone.localdate(), seed=500 + i) for i in range(3)]
    member = account("member", "sharer")
    admin = Client()
    admin.force_login(account("admin", "boss"))
    answer = admin.post(
        reverse("reports:signals"),
        {
            "member": "sharer",
            "reason": "一天内 6 个地址",
            "action": "limit",
            "days": "7",
            "downloads_per_day": "2",
            "views_per_day": "20",
        },
        follow=True,
    )
    assert "已限制" in answer.content.decode()
    entry = AuditEntry.objects.get(action="member.limit")
    assert entry.detail["downloads_per_day"] == 2 and entry.object == "member:sharer"
    own = Client()
    own.force_login(member)
    assert "每天最多下载 2 份" in own.get(reverse("live:notifications")).content.decode()
    for material in materials[:2]:
        response = own.post(reverse("copies:download", args=[material.pk]), {"format": "txt"})
        assert response.status_code == 200
    refused = own.post(
        reverse("copies:download", args=[materials[2].pk]), {"format": "txt"}, follow=True
    )
    assert "管理员对您的账号设了限制" in refused.content.decode()
    # A limit with numbers out of range is refused, and nothing changes.
    bad = admin.post(
        reverse("reports:signals"),
        {"member": "sharer", "action": "limit", "days": "0", "downloads_per_day": "1"},
        follow=True,
    )
    assert 'class="message error"' in bad.content.decode()
    assert AuditEntry.objects.filter(action="member.limit").count() == 1


def test_a_topic_walked_in_the_catalogues_order_is_flagged():
    from gaoku.core.generator import generate_document
    from gaoku.library.services import ImportMetadata, material_import

    today = timezone.localdate()
    topic = [
        material_import(
            data=generate_document(600 + i).text.encode(),
            name=f"{i}.txt",
            metadata=ImportMetadata(topics=("机关党建",), published=today - timedelta(days=40 + i)),
        ).version.material
        for i in range(10)
    ]  # published over the last weeks: not "new", so only the topic rule can see it
    walker = Client()
    walker.force_login(account("member", "walker"))
    for material in topic:  # the catalogue's order: newest first
        response = walker.post(reverse("copies:download", args=[material.pk]), {"format": "txt"})
        assert response.status_code == 200
    start = timezone.now() - timedelta(hours=5)
    gaps = [0, 40, 340, 435, 1045, 1075, 2275, 2535, 2610, 3510]  # a human's pace
    for gap, copy in zip(gaps, Copy.objects.order_by("pk"), strict=True):
        Copy.objects.filter(pk=copy.pk).update(created_at=start + timedelta(seconds=gap))
    admin = Client()
    admin.force_login(account("admin"))
    page = admin.get(reverse("reports:signals")).content.decode()
    assert 'data-rule="topic"' in page and "机关党建" in page and "10/10" in page
