"""Redeem codes (兑换码 / 卡密): memberships sold through a shop.

A code is 20 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), about 98
bits of randomness, written in groups of five to be typed on a phone. Only its SHA-256
is stored: the codes are shown once, when the batch is made, for the shop. A redemption
adds the batch's plan exactly as a purchase does (stacked after the current term) and
wins once, however many try at the same moment: the code is claimed by a conditional
update that only one transaction can make.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from gaoku.errors import GaokuError, InvalidInput
from gaoku.members.models import CodeBatch, Plan, RedeemCode, Subscription
from gaoku.members.services import subscription_add
from gaoku.ops.audit import audit_record
from gaoku.ops.ratelimit import RateLimited, rate_spend, rate_used, rate_used_from

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 20
GROUP = 5
MAX_COUNT = 10_000
# Wrong codes an account may try in an hour.
MAX_WRONG = 10
MAX_WRONG_PER_ADDRESS = 30
UNKNOWN = "兑换码无效，请核对后重新输入（字母不区分大小写，不含 0、O、1、I、L、U）。"
USED = "这个兑换码已经用过了。"
REVOKED = "这个兑换码已作废，请联系卖家。"
EXPIRED = "这个兑换码已过期（截止 {day}），请联系卖家。"
TOO_MANY_WRONG = "输错的次数太多，请一小时后再试。"
BAD_COUNT = f"数量应在 1 到 {MAX_COUNT} 之间。"
FREE_PLAN = "免费方案不能做成兑换码。"
BATCH_EXISTS = "批次“{name}”已经存在。"


class CodeRefused(GaokuError):
    code = "code_refused"


@dataclass(frozen=True)
class Batch:
    batch: CodeBatch
    codes: list[str]  # shown this once


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def normalize_code(text: str) -> str:
    """A code as typed (any case, spaces, dashes) in its stored form."""
    return "".join(c for c in text.upper() if c.isalnum())


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    return "-".join(code[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def codes_create(
    *,
    plan: Plan,
    count: int,
    days: int | None = None,
    name: str = "",
    price_label: str = "",
    expires_on: date | None = None,
    by: AbstractUser | None = None,
) -> Batch:
    """Make ``count`` codes for ``plan``; the codes are returned once and never kept."""
    if not 1 <= count <= MAX_COUNT:
        raise InvalidInput(BAD_COUNT)
    if plan.is_free and days is None:
        raise InvalidInput(FREE_PLAN)
    name = name or f"{plan.slug}-{timezone.localtime():%Y%m%d-%H%M%S}"
    codes = [_new_code() for _ in range(count)]
    try:
        with transaction.atomic():
            batch = CodeBatch.objects.create(
                name=name,
                plan=plan,
                days=days,
                price_label=price_label or plan.price_label,
                expires_on=expires_on,
                created_by=by,
            )
            RedeemCode.objects.bulk_create(
                [RedeemCode(batch=batch, digest=_digest(c), hint=c[-4:]) for c in codes]
            )
            audit_record(
                "codes.create",
                actor=by,
                object=f"batch:{batch.name}",
                detail={"plan": plan.slug, "count": count, "days": days},
            )
    except IntegrityError as exc:
        raise InvalidInput(BATCH_EXISTS.format(name=name)) from exc
    return Batch(batch, [display(c) for c in codes])


def code_redeem(
    *,
    user: AbstractUser,
    code: str,
    by: AbstractUser | None = None,
    address: str | None = None,
) -> Subscription:
    """Redeem ``code`` for ``user`` (from ``address``, on the web): the membership it
    stands for, added as a purchase.

    Raises:
        CodeRefused: unknown, used, revoked or expired (each with its own message);
        RateLimited: too many wrong codes in the last hour from this account, or from this
            address whatever the account (one guesser with many accounts).
    """
    if (
        rate_used(user, "redeem_wrong") >= MAX_WRONG
        or rate_used_from(address, "redeem_wrong") >= MAX_WRONG_PER_ADDRESS
    ):
        raise RateLimited(TOO_MANY_WRONG)
    found = RedeemCode.objects.select_related("batch__plan").filter(
        digest=_digest(normalize_code(code))
    )
    item = found.first()
    if item is None:
        rate_spend(user, "redeem_wrong", address=address)
        raise CodeRefused(UNKNOWN, code="code_unknown")
    batch = item.batch
    if item.revoked_at or batch.revoked_at:
        raise CodeRefused(REVOKED, code="code_revoked")
    if batch.expires_on and batch.expires_on < timezone.localdate():
        raise CodeRefused(EXPIRED.format(day=batch.expires_on), code="code_expired")
    with transaction.atomic():
        now = timezone.now()
        # The claim: one transaction sets redeemed_at where it is still empty.
        claimed = RedeemCode.objects.filter(pk=item.pk, redeemed_at__isnull=True).update(
            redeemed_at=now, redeemed_by=user
        )
        if not claimed:
            raise CodeRefused(USED, code="code_used")
        subscription = subscription_add(
            user=user,
            plan=batch.plan,
            days=batch.days,
            kind=Subscription.Kind.PURCHASE,
            reason=f"兑换码（{batch.name}，…{item.hint}）",
            by=by,
        )
        RedeemCode.objects.filter(pk=item.pk).update(subscription=subscription)
        audit_record(
            "code.redeem",
            actor=by or user,
            object=f"member:{user.get_username()}",
            detail={"batch": batch.name, "hint": item.hint, "subscription": subscription.pk},
        )
    return subscription


def batch_revoke(*, batch: CodeBatch, by: AbstractUser | None = None) -> int:
    """Revoke a batch: its unused codes stop working (used ones keep what they gave)."""
    with transaction.atomic():
        batch.revoked_at = timezone.now()
        batch.save(update_fields=["revoked_at"])
        unused = batch.codes.filter(redeemed_at__isnull=True).count()
        audit_record(
            "codes.revoke", actor=by, object=f"batch:{batch.name}", detail={"unused": unused}
        )
    return unused
