"""Requests as the list and a request's page show them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Q, QuerySet

from gaoku.errors import NotFound
from gaoku.needs.models import Need, Vote

NEED_NOT_FOUND = "没有编号为 {id} 的需求。"
SORTS = ("votes", "deadline", "new")


def need_list(*, q: str = "", state: str = "open", sort: str = "votes") -> QuerySet[Need]:
    """Requests in ``state`` ("" for all) matching every word of ``q`` in their title,
    occasion, level or lines, with their votes counted: the most votes first, the nearest
    deadline first, or the newest first."""
    needs = Need.objects.select_related("answer").annotate(n_votes=Count("votes"))
    if state in Need.State.values:
        needs = needs.filter(state=state)
    for word in q.split()[:8]:
        needs = needs.filter(
            Q(title__icontains=word)
            | Q(occasion__icontains=word)
            | Q(level__icontains=word)
            | Q(details__icontains=word)
        )
    by_deadline = F("deadline").asc(nulls_last=True)
    order = {
        "deadline": [by_deadline, "-n_votes", "-created_at"],
        "new": ["-created_at"],
    }.get(sort, ["-n_votes", by_deadline, "-created_at"])
    return needs.order_by(*order)


def need_get(need_id: int) -> Need:
    """A request with its votes counted.

    Raises:
        NotFound: no such request.
    """
    found = (
        Need.objects.select_related("author", "answer", "answered_by")
        .annotate(n_votes=Count("votes"))
        .filter(pk=need_id)
        .first()
    )
    if found is None:
        raise NotFound(NEED_NOT_FOUND.format(id=need_id))
    return found


def voted(user: AbstractBaseUser, need_ids: list[int]) -> set[int]:
    """Which of the requests the user voted for."""
    if not user.is_authenticated:
        return set()
    return set(
        Vote.objects.filter(user=user, need_id__in=need_ids).values_list("need_id", flat=True)
    )
