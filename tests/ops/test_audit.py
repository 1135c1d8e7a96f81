"""The audit log: every action on access or evidence is recorded, and nothing recorded can
be changed or deleted, neither through the ORM nor in the admin."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from gaoku.members.selectors import plan_get
from gaoku.members.services import member_add, member_grant, member_suspend, member_unsuspend
from gaoku.ops.audit import audit_entry_to_dict, audit_list, audit_record
from gaoku.ops.models import AppendOnly, AuditEntry
from tests.conftest import account, material_published

pytestmark = pytest.mark.django_db


def _actions() -> list[tuple[str | None, str, str]]:
    return [(e.actor, e.action, e.object) for e in audit_list()]


def test_membership_actions_are_recorded_with_who_did_them():
    admin = account("admin")
    added = member_add(username="li", plan=plan_get("annual"), by=admin)
    member_grant(user=added.user, days=30, reason="举报奖励", by=admin)
    member_suspend(user=added.user, reason="倒卖资料", by=admin)
    member_unsuspend(user=added.user, by=admin)
    assert _actions()[-5:] == [
        ("admin", "member.add", "member:li"),
        ("admin", "subscription.add", "member:li"),
        ("admin", "subscription.add", "member:li"),
        ("admin", "member.suspend", "member:li"),
        ("admin", "member.unsuspend", "member:li"),
    ]
    grant = audit_list()[-3]
    assert grant.detail["kind"] == "gift" and grant.detail["reason"] == "举报奖励"
    assert audit_list()[-2].detail == {"reason": "倒卖资料"}


def test_imports_and_deletions_are_recorded(client, day=None):
    from django.utils import timezone

    material = material_published(timezone.localdate())
    assert ("material.import", f"material:{material.pk}") in [(a, o) for _, a, o in _actions()]
    client.force_login(account("admin"))
    url = reverse("admin:library_material_delete", args=[material.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    entry = audit_list()[-1]
    assert (entry.actor, entry.action, entry.object) == (
        "admin",
        "material.delete",
        f"material:{material.pk}",
    )
    assert entry.detail["title"] == material.title
    assert entry.source == "127.0.0.1"  # the client address of the request


def test_an_entry_cannot_be_changed_or_deleted_through_the_orm():
    entry = audit_record("trace.run", actor="admin", object="trace:1")
    entry.action = "nothing.happened"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "trace.run"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_raw_updates_and_deletes():
    entry = audit_record("trace.run", actor="admin", object="trace:1")
    for sql in ("UPDATE ops_auditentry SET action = 'x'", "DELETE FROM ops_auditentry"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).action == "trace.run"


def test_the_admin_shows_the_log_read_only(client):
    entry = audit_record("member.suspend", actor="admin", object="member:li")
    client.force_login(account("admin"))
    assert client.get(reverse("admin:ops_auditentry_changelist")).status_code == 200
    change = reverse("admin:ops_auditentry_change", args=[entry.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="action"' not in page.content.decode()
    client.post(change, {"action": "x", "object": "y", "actor": "z"})
    assert client.get(reverse("admin:ops_auditentry_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:ops_auditentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    bulk = client.post(
        reverse("admin:ops_auditentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert audit_entry_to_dict(AuditEntry.objects.get(pk=entry.pk))["action"] == "member.suspend"


def test_traces_and_slot_rejections_are_recorded():
    from django.utils import timezone

    from gaoku.copies.services import slot_reject, slot_restore
    from gaoku.traces.services import trace_run

    material = material_published(timezone.localdate())
    admin = account("admin")
    trace = trace_run(by=admin, channel="web", text=material.current.text[:400])
    slot_reject(version=material.current, key="k1", by=admin)
    slot_restore(version=material.current, key="k1", by=admin)
    assert _actions()[-3:] == [
        ("admin", "trace.run", f"trace:{trace.pk}"),
        ("admin", "slot.reject", f"material:{material.pk} v1"),
        ("admin", "slot.restore", f"material:{material.pk} v1"),
    ]
    assert audit_list()[-3].detail["material"] == material.pk
