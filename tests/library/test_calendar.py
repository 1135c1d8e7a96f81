"""The political calendar, edited by admins: checked line by line before it is saved, in
force for import and the staleness check at once, and never changing a copy already
localised."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.services import copy_issue, copy_worded
from gaoku.core.calendar import shipped_text
from gaoku.core.localize import Localisation
from gaoku.library.models import CalendarVersion
from gaoku.library.services import material_import
from gaoku.ops.models import AuditEntry
from tests.conftest import account

pytestmark = pytest.mark.django_db
OWN = "清溪县“项目攻坚年”活动 | 2021 | 清溪县“项目提质年”活动 | 该活动是2021年的\n"
SPEECH = (
    "在全县项目建设推进会上的讲话\n同志们：\n"
    "今年我们继续开展清溪县“项目攻坚年”活动，抓项目、促投资，确保各项目标任务落到实处。"
)


def _admin() -> Client:
    client = Client()
    client.force_login(account("admin", "boss"))
    return client


def test_an_admin_adds_a_campaign_and_import_and_staleness_use_it_at_once():
    admin = _admin()
    page = admin.get(reverse("library:calendar")).content.decode()
    assert "扫黑除恶专项斗争" in page  # the shipped calendar to start from
    saved = admin.post(
        reverse("library:calendar"), {"text": shipped_text() + OWN, "action": "save"}
    )
    assert saved.status_code == 302
    assert AuditEntry.objects.get(action="calendar.edit").actor == "boss"
    version = material_import(data=SPEECH.encode(), name="s.txt").version
    assert "清溪县“项目攻坚年”活动" in version.dated_references
    reader = admin.get(reverse("library:reader", args=[version.material_id])).content.decode()
    panel = reader.split('data-testid="stale"')[1].split("</ul>")[0]
    assert "该活动是2021年的" in panel and "清溪县“项目提质年”活动" in panel


def test_a_wrong_line_is_named_and_nothing_is_saved():
    admin = _admin()
    page = admin.post(
        reverse("library:calendar"),
        {"text": shipped_text() + "某某行动 | 2024–2023\n", "action": "save"},
        follow=True,
    ).content.decode()
    assert "结束早于开始" in page and "第 " in page
    assert "某某行动 | 2024–2023" in page  # the admin's text, to correct
    assert not CalendarVersion.objects.exists()


def test_only_admins_edit_the_calendar():
    editor = Client()
    editor.force_login(account("editor"))
    assert editor.get(reverse("library:calendar")).status_code == 302
    editor.post(reverse("library:calendar"), {"text": OWN, "action": "save"})
    assert not CalendarVersion.objects.exists()


def test_a_copy_localised_before_an_edit_reads_as_it_was_issued(attesting_reference):
    material = material_import(data=SPEECH.encode(), name="s.txt").version.material
    _admin().post(reverse("library:calendar"), {"text": shipped_text() + OWN, "action": "save"})
    member = account("member", "li")
    asked = Localisation(updates=frozenset({"清溪县“项目攻坚年”活动"}))
    issued = copy_issue(user=member, material=material, fmt="txt", address=None, localisation=asked)
    before = copy_worded(fingerprint_secret(), issued.copy)
    assert "清溪县“项目提质年”活动" in before
    changed = OWN.replace("项目提质年", "项目提效年")
    _admin().post(reverse("library:calendar"), {"text": shipped_text() + changed, "action": "save"})
    assert copy_worded(fingerprint_secret(), issued.copy) == before
    assert timezone.localdate().isoformat() == issued.copy.localisation["day"]
