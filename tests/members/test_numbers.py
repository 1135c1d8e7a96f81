"""The operator's numbers page: members active, this month's changes, codes per batch, and
the chart of active members per day."""

import pytest
from django.test import Client
from django.urls import reverse

from gaoku.members.codes import code_redeem, codes_create
from gaoku.members.selectors import plan_get
from tests.conftest import account

pytestmark = pytest.mark.django_db


def test_the_numbers_page_counts_members_and_codes_for_admins_only():
    account("member", "a")
    account("member", "b")
    batch = codes_create(plan=plan_get("annual"), count=4, name="双十二", price_label="¥199")
    code_redeem(user=account("visitor", "c"), code=batch.codes[0])
    admin = Client()
    admin.force_login(account("admin"))
    page = admin.get(reverse("members:numbers")).content.decode()
    assert 'data-testid="active">3<' in page and 'data-testid="joined">3<' in page
    assert "双十二" in page and "¥199" in page and "<td>4</td><td>1 (25%)</td>" in page
    assert "<polyline" in page
    member = Client()
    member.force_login(account("member", "a"))
    assert member.get(reverse("members:numbers")).status_code == 302
