"""The renewal reminder at the top of every page, with the operator's instructions, and
the operator's contact in every page's footer."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from gaoku.members.selectors import renewal_notice


def renewal(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "renewal": lambda: renewal_notice(user),
        "renewal_note": settings.GAOKU_RENEWAL_NOTE,
        "renewal_url": settings.GAOKU_RENEWAL_URL,
    }


def operator_contact(request: HttpRequest) -> dict:
    return {"operator_contact": settings.GAOKU_CONTACT}
