"""The bell in the header: how many events the signed-in user has not read."""

from __future__ import annotations

from django.http import HttpRequest

from gaoku.live.selectors import unread_count


def bell(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread": lambda: unread_count(user)}
