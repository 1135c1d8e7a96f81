"""Requests (需求), from posting to answer.

A signed-in user posts what they need: the occasion, type and level, a deadline and a few
lines (GAOKU_RATE_NEEDS_PER_DAY a day). Others add their vote ("I need this too"), or take
it back. An editor answers an open request by linking a material of the library (its
current version is recorded), or declines it with a reason; the requester and every voter
are told in their own live channel. Answers and refusals are in the audit log.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gaoku.errors import InvalidInput
from gaoku.library.models import DocType, Material
from gaoku.live.services import member_notice
from gaoku.needs.models import Need, Vote
from gaoku.ops.audit import audit_record
from gaoku.ops.ratelimit import rate_spend

NO_TITLE = "请写明需要什么材料（不超过 100 字）。"
PAST_DEADLINE = "截止日期不能早于今天。"
BAD_TYPE = "没有“{doc_type}”这种文稿类型。"
NOT_OPEN = "需求 #{id} 已经处理过了。"
OWN_NEED = "不能给自己发布的需求投票。"
NO_REASON = "婉拒需求请写明理由。"
ANSWERED = "您关注的需求“{title}”有了答复：{material}。"
DECLINED = "您关注的需求“{title}”暂不安排：{reason}"


def need_post(
    *,
    author: AbstractBaseUser,
    title: str,
    occasion: str = "",
    doc_type: str = "",
    level: str = "",
    deadline: datetime.date | None = None,
    details: str = "",
    address: str | None = None,
) -> Need:
    """Post a request.

    Raises:
        InvalidInput: no title, a deadline already past, an unknown type.
        RateLimited: the author posted GAOKU_RATE_NEEDS_PER_DAY today.
    """
    title = title.strip()
    if not title or len(title) > 100:
        raise InvalidInput(NO_TITLE)
    if deadline is not None and deadline < timezone.localdate():
        raise InvalidInput(PAST_DEADLINE)
    if doc_type and doc_type not in DocType.values:
        raise InvalidInput(BAD_TYPE.format(doc_type=doc_type))
    with transaction.atomic():
        rate_spend(author, "need", address=address)
        return Need.objects.create(
            author=author,
            title=title,
            occasion=occasion.strip()[:100],
            doc_type=doc_type,
            level=level.strip()[:20],
            deadline=deadline,
            details=details.strip()[:1000],
        )


def need_vote(*, need: Need, user: AbstractBaseUser) -> bool:
    """Add the user's vote to an open request, or take it back; whether they now vote.

    Raises:
        InvalidInput: the request is not open, or is the user's own.
    """
    if need.state != Need.State.OPEN:
        raise InvalidInput(NOT_OPEN.format(id=need.pk))
    if need.author_id == user.pk:
        raise InvalidInput(OWN_NEED)
    deleted, _ = Vote.objects.filter(need=need, user=user).delete()
    if deleted:
        return False
    Vote.objects.get_or_create(need=need, user=user)
    return True


@transaction.atomic
def need_answer(*, need: Need, material: Material, by: AbstractBaseUser, note: str = "") -> Need:
    """Answer an open request with a material of the library, and tell whoever asked.

    Raises:
        InvalidInput: the request is not open.
    """
    need = _open(need)
    need.state = Need.State.ANSWERED
    need.answer = material
    need.answer_version = material.current.number if material.current else None
    need.answer_note = note.strip()[:300]
    _decided(need, by)
    title = ANSWERED.format(title=need.title, material=material.title)
    _tell(need, title, "answered")
    audit_record(
        "need.answer",
        actor=by,
        object=f"need:{need.pk}",
        detail={"material": material.pk, "version": need.answer_version},
    )
    return need


@transaction.atomic
def need_decline(*, need: Need, by: AbstractBaseUser, reason: str) -> Need:
    """Decline an open request with a reason, and tell whoever asked.

    Raises:
        InvalidInput: no reason, or the request is not open.
    """
    if not reason.strip():
        raise InvalidInput(NO_REASON)
    need = _open(need)
    need.state = Need.State.DECLINED
    need.answer_note = reason.strip()[:300]
    _decided(need, by)
    _tell(need, DECLINED.format(title=need.title, reason=need.answer_note), "declined")
    audit_record(
        "need.decline", actor=by, object=f"need:{need.pk}", detail={"reason": need.answer_note}
    )
    return need


def _open(need: Need) -> Need:
    """The request locked for its decision; InvalidInput when it is not open any more."""
    need = Need.objects.select_for_update().get(pk=need.pk)
    if need.state != Need.State.OPEN:
        raise InvalidInput(NOT_OPEN.format(id=need.pk))
    return need


def _decided(need: Need, by: AbstractBaseUser) -> None:
    need.answered_by = by
    need.answered_at = timezone.now()
    need.save()


def _tell(need: Need, title: str, state: str) -> None:
    """The requester and every voter, in their own live channel, once each."""
    url = reverse("needs:detail", args=[need.pk])
    people = [need.author, *(vote.user for vote in need.votes.select_related("user"))]
    for person in people:
        member_notice(user=person, key=f"need:{need.pk}:{person.pk}:{state}", title=title, url=url)
