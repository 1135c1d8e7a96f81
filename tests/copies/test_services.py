"""Issuing copies: entitlement, records, fingerprints, plans."""

from datetime import date

import pytest
from django.utils import timezone

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import Copy, CopyRefusal, SlotPlan
from gaoku.copies.selectors import slot_review
from gaoku.copies.services import (
    CopyRefused,
    copy_issue,
    plan_current,
    plan_slots,
    slot_reject,
    variant_add,
)
from gaoku.core.fingerprint import VersionCode, read_marks, strip_marks
from gaoku.errors import InvalidInput, NotFound
from gaoku.members.services import member_suspend, profile_ensure
from tests.conftest import account, material_published
from tests.copies.conftest import copy_text

pytestmark = pytest.mark.django_db


def issue(user, material, fmt="txt", **kwargs):
    return copy_issue(user=user, material=material, fmt=fmt, address="203.0.113.9", **kwargs)


@pytest.fixture
def material():
    return material_published(timezone.localdate(), seed=21)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_a_member_takes_a_recorded_copy_that_names_them(material, fmt):
    member = account("member")
    issued = issue(member, material, fmt)
    copy = Copy.objects.get()
    assert (copy.member, copy.version, copy.format) == (member, material.current, fmt)
    assert copy.client_address == "203.0.113.9" and copy.channel == "web"
    assert issued.copy == copy
    text = copy_text(issued.content, fmt)
    code = profile_ensure(member).display_code
    assert f"仅供学习 禁止外传 · {code}" in text
    assert code in issued.filename
    assert [r.copy for r in read_marks(fingerprint_secret(), text)] == [copy.pk]


def test_two_members_copies_differ_and_each_member_keeps_their_wordings(material):
    first, second = account("member", "first"), account("member", "second")
    a1, a2 = issue(first, material), issue(first, material)
    b = issue(second, material)
    texts = [copy_text(i.content, "txt") for i in (a1, a2, b)]
    assert len(set(texts)) == 3
    worded = [strip_marks(t) for t in texts]
    assert worded[0] == worded[1] != worded[2]
    secret = fingerprint_secret()
    assert [r.copy for r in read_marks(secret, texts[0])] == [a1.copy.pk]
    assert [r.copy for r in read_marks(secret, texts[1])] == [a2.copy.pk]


def test_a_copy_changes_wording_only_at_its_plan_slots(material):
    member = account("member")
    issued = issue(member, material)
    version = material.current
    slots = plan_slots(issued.copy.plan)
    assert slots, "a speech has slots"
    code = VersionCode.build(fingerprint_secret(), version.pk, slots)
    expected = code.copy_text(version.text, member=member.pk, copy_id=issued.copy.pk)
    assert expected in copy_text(issued.content, "txt")


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("anonymous", "signin"),
        ("visitor", "inactive"),
        ("old", "window"),
        ("suspended", "suspended"),
    ],
)
def test_no_entitlement_no_copy_and_the_refusal_is_logged(who, reason, caplog):
    from django.contrib.auth.models import AnonymousUser

    material = material_published(timezone.localdate(), seed=22)
    if who == "anonymous":
        user = AnonymousUser()
    elif who == "visitor":
        user = account("visitor")
    elif who == "old":
        user = account("member")
        material = material_published(date(2015, 3, 1), seed=23)
    else:
        user = account("member")
        member_suspend(user=user, reason="转卖")
    with pytest.raises(CopyRefused) as refused:
        issue(user, material, "pdf")
    assert refused.value.code == f"copy_refused_{reason}"
    assert not Copy.objects.exists()
    refusal = CopyRefusal.objects.get()
    assert (refusal.reason, refusal.material, refusal.format) == (reason, material, "pdf")
    assert refusal.client_address == "203.0.113.9"
    assert refusal.user == (None if who == "anonymous" else user)
    assert f"copy refused ({reason})" in caplog.text


def test_editors_take_copies_of_everything():
    editor = account("editor")
    old = material_published(date(2012, 1, 1), seed=24)
    assert issue(editor, old).copy.member == editor


def test_bad_format_and_version_are_clear_errors(material):
    member = account("member")
    with pytest.raises(InvalidInput):
        issue(member, material, "exe")
    with pytest.raises(NotFound):
        issue(member, material, version_number="9")
    assert not Copy.objects.exists()


def test_a_failed_render_leaves_no_record(material, monkeypatch):
    import gaoku.copies.services as services

    def broken(document, fmt):
        raise OSError("disk full")

    monkeypatch.setattr(services, "render", broken)
    with pytest.raises(OSError):
        issue(account("member"), material)
    assert not Copy.objects.exists()


def test_a_rejected_slot_is_never_used_again_and_old_copies_keep_their_plan(material):
    member, editor = account("member"), account("editor")
    before = issue(member, material)
    first_plan = before.copy.plan
    rejected = plan_slots(first_plan)[0]
    slot_reject(version=material.current, key=rejected.key, by=editor)
    after = issue(member, material)
    assert after.copy.plan.revision == first_plan.revision + 1
    assert rejected.key not in {s.key for s in plan_slots(after.copy.plan)}
    code = VersionCode.build(fingerprint_secret(), material.current.pk, plan_slots(after.copy.plan))
    expected = code.copy_text(material.current.text, member=member.pk, copy_id=after.copy.pk)
    assert expected in copy_text(after.content, "txt")
    before.copy.refresh_from_db()
    assert before.copy.plan == first_plan
    assert plan_current(material.current) == after.copy.plan
    assert SlotPlan.objects.count() == 2


def test_an_editors_group_makes_new_slots(material):
    editor = account("editor")
    with pytest.raises(InvalidInput):
        variant_add(line="孤字", by=editor)
    text = material.current.text
    word = "工作" if "工作" in text else text[2:4]
    variant_add(line=f"{word} 事务", by=editor)
    kinds = {s.kind for s in plan_slots(plan_current(material.current))}
    assert "editor" in kinds


def test_the_slot_review_shows_the_slots_copies_use(material, settings, tmp_path):
    # A reference corpus holding the material's own text: every phrase of it recurs in
    # official prose, so no slot is safe, and the review must not offer one as used.
    review = slot_review(material.current)
    assert review.used == len(plan_slots(plan_current(material.current))) > 0
    (tmp_path / "reference.txt").write_text(material.current.text, encoding="utf-8")
    settings.GAOKU_REFERENCE_CORPUS = str(tmp_path)
    review = slot_review(material.current)
    assert review.used == len(plan_slots(plan_current(material.current))) == 0


def test_a_new_versions_slot_plan_is_made_in_the_background_before_its_first_reader(
    django_capture_on_commit_callbacks,
):
    from gaoku.ops.worker import jobs_run_pending

    with django_capture_on_commit_callbacks(execute=True):
        material = material_published(date(2026, 1, 5), seed=31)
    assert not SlotPlan.objects.filter(version=material.current).exists()
    jobs_run_pending()
    plans = SlotPlan.objects.filter(version=material.current)
    assert plans.count() == 1
    assert plan_current(material.current) == plans.get()  # readers use it as it is


def test_readings_are_kept_ninety_days():
    from datetime import timedelta

    from gaoku.copies.models import Reading
    from gaoku.copies.services import readings_prune

    member = account("member", "li")
    material = material_published(timezone.localdate(), seed=33)
    for days in (0, 89, 91):
        Reading.objects.create(
            member=member, version=material.current, at=timezone.now() - timedelta(days=days)
        )
    assert readings_prune() == 1
    assert Reading.objects.count() == 2
