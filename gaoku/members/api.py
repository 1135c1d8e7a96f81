"""JSON API for members: who am I, the plans, the tiers' announcements."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from gaoku.members.selectors import (
    announcement_get,
    announcement_list,
    entitlement_get,
    plan_list,
)
from gaoku.members.serializers import member_to_dict

router = Router(tags=["members"])


class SubscriptionOut(Schema):
    id: int
    plan: str | None
    kind: str
    start: date
    last_day: date
    window_months: int
    reason: str
    cancelled: bool


class SuspensionOut(Schema):
    reason: str
    started_at: datetime
    lifted_at: datetime | None


class MemberOut(Schema):
    member: str
    display_code: str
    active: bool
    suspended: bool
    reads_everything: bool
    plan: str | None
    member_since: date | None
    valid_until: date | None
    window_opens: date | None
    subscriptions: list[SubscriptionOut]
    suspensions: list[SuspensionOut]


class PlanOut(Schema):
    code: str
    name: str
    price: str
    duration_months: int
    window_months: int
    description: str


class AnnouncementOut(Schema):
    id: int
    tier: str
    title: str
    body: str
    published_at: datetime


@router.get("/me", response=MemberOut, auth=django_auth, summary="The signed-in user's access")
def me(request: HttpRequest) -> dict:
    return member_to_dict(request.user, entitlement_get(request.user))


@router.get("/plans", response=list[PlanOut], summary="The plans on sale")
def plans(request: HttpRequest) -> list[dict]:
    return [
        {
            "code": p.slug,
            "name": p.name,
            "price": p.price_label,
            "duration_months": p.duration_months,
            "window_months": p.window_months,
            "description": p.description,
        }
        for p in plan_list()
    ]


@router.get(
    "/announcements",
    response=list[AnnouncementOut],
    summary="Announcements of the tiers the caller belongs to",
)
def announcements(request: HttpRequest, tier: str | None = None) -> list:
    return list(announcement_list(entitlement_get(request.user), tier=tier)[:100])


@router.get("/announcements/{announcement_id}", response=AnnouncementOut)
def announcement(request: HttpRequest, announcement_id: int):
    return announcement_get(entitlement_get(request.user), announcement_id)
