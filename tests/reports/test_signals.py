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
