"""The operator's numbers page: codes issued and redeemed per batch, members active, this
month's joins, renewals and lapses, and active members per day (gaoku.core.numbers)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from gaoku.core.numbers import MemberTerm, active_per_day, month_changes
from gaoku.members.models import CodeBatch, Subscription

CHART_DAYS = 90
CHART_WIDTH, CHART_HEIGHT = 720, 180


def operator_numbers(*, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    terms = [
        MemberTerm(user, start, last)
        for user, start, last in Subscription.objects.filter(cancelled_at__isnull=True).values_list(
            "user_id", "start", "last_day"
        )
    ]
    first = today - timedelta(days=CHART_DAYS - 1)
    series = active_per_day(terms, first, today)
    return {
        "today": today,
        "active": series[-1],
        "changes": month_changes(terms, today),
        "batches": batch_numbers(),
        "chart": _chart(series, first),
    }


def batch_numbers() -> list[dict]:
    """Per batch, newest first: codes issued, redeemed and revoked."""
    batches = CodeBatch.objects.select_related("plan").annotate(
        issued=Count("codes"),
        redeemed=Count("codes", filter=Q(codes__redeemed_at__isnull=False)),
        revoked=Count("codes", filter=Q(codes__revoked_at__isnull=False)),
    )
    return [
        {
            "batch": b,
            "issued": b.issued,
            "redeemed": b.redeemed,
            "revoked": b.issued - b.redeemed if b.revoked_at else b.revoked,
        }
        for b in batches.order_by("-created_at")
    ]


def _chart(series: list[int], first: date) -> dict:
    """A line of active members per day, as SVG points (no script: the page's CSP)."""
    top = max(max(series), 1)
    step = CHART_WIDTH / max(len(series) - 1, 1)
    points = " ".join(
        f"{i * step:.1f},{CHART_HEIGHT - value / top * (CHART_HEIGHT - 10):.1f}"
        for i, value in enumerate(series)
    )
    return {
        "points": points,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "top": top,
        "first": first,
        "days": len(series),
    }
