"""Report pages: a member files and follows a report without ever seeing whom it accuses;
an admin reviews the evidence beside its traces and decides."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gaoku.ops.worker import jobs_run_pending
from gaoku.reports.models import Report
from tests.conftest import account
from tests.reports.conftest import leaked_copy

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaked(attesting_reference):
    return leaked_copy("xiaoli")


def test_a_member_reports_and_an_admin_confirms(client, leaked):
    client.force_login(account("member", "wang"))
    response = client.post(
        reverse("reports:new"),
        {"where": "某宝“公文大全”店", "seller_contact": "QQ 123456", "text": leaked},
    )
    assert response.status_code == 302 and response.url == reverse("reports:mine")
    jobs_run_pending()
    mine = client.get(reverse("reports:mine")).content.decode()
    assert "某宝“公文大全”店" in mine and "xiaoli" not in mine
    report = Report.objects.get()
    assert client.get(reverse("reports:review", args=[report.pk])).status_code == 302
    admin = Client()
    admin.force_login(account("admin"))
    page = admin.get(reverse("reports:review", args=[report.pk])).content.decode()
    assert "xiaoli" in page and f"/traces/{report.traces.get().pk}/" in page
    queue = admin.get(reverse("reports:queue") + "?state=traced").content.decode()
    assert f'href="{reverse("reports:review", args=[report.pk])}"' in queue
    admin.post(
        reverse("reports:review", args=[report.pk]), {"decision": "confirm", "reason": "属实"}
    )
    report.refresh_from_db()
    assert report.state == "confirmed"
    mine = client.get(reverse("reports:mine")).content.decode()
    assert report.grant.last_day.strftime("%Y-%m-%d") in mine and "xiaoli" not in mine
    leaker = Client()
    leaker.force_login(report.accused)
    account_page = leaker.get(reverse("members:account")).content.decode()
    assert (
        'data-testid="suspension-reason"' in account_page and f"举报 #{report.pk}" in account_page
    )


def test_filing_needs_evidence_and_a_csrf_token(leaked):
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(account("member", "wang"))
    assert forged.post(reverse("reports:new"), {"where": "某群", "text": leaked}).status_code == 403
    client = Client()
    client.force_login(account("member", "wang"))
    page = client.post(reverse("reports:new"), {"where": "某群"}).content.decode()
    assert 'class="errorlist' in page
    assert not Report.objects.exists()
    anonymous = Client()
    assert anonymous.get(reverse("reports:new")).status_code == 302
