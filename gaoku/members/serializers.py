"""JSON shapes of members, shared by `gaoku member … --json` and the JSON API."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser

from gaoku.members.models import Subscription
from gaoku.members.selectors import Entitlement, subscription_history
from gaoku.members.services import profile_ensure


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def subscription_to_dict(s: Subscription) -> dict:
    return {
        "id": s.pk,
        "plan": s.plan.slug if s.plan else None,
        "kind": s.kind,
        "start": _day(s.start),
        "last_day": _day(s.last_day),
        "window_months": s.window_months,
        "reason": s.reason,
        "granted_by": s.granted_by.get_username() if s.granted_by else None,
        "cancelled": s.cancelled_at is not None,
    }


def member_to_dict(user: AbstractBaseUser, entitlement: Entitlement) -> dict:
    """The member, what they may read now and their whole subscription history."""
    access = entitlement.access
    return {
        "member": user.get_username(),
        "display_code": profile_ensure(user).display_code,
        "active": access.active,
        "suspended": access.suspended,
        "reads_everything": entitlement.everything,
        "plan": entitlement.plan.slug if entitlement.plan else None,
        "member_since": _day(access.run_start),
        "valid_until": _day(access.run_last_day),
        "window_opens": _day(access.opens_from),
        "subscriptions": [subscription_to_dict(s) for s in subscription_history(user)],
        "suspensions": [
            {
                "reason": s.reason,
                "started_at": s.started_at.isoformat(),
                "lifted_at": s.lifted_at.isoformat() if s.lifted_at else None,
            }
            for s in user.suspensions.order_by("started_at")
        ],
    }
