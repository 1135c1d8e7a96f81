"""Member pages: the account page, the plans page, the tiers' announcements, and keeping a
material among one's favourites."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gaoku.accounts.lockout import client_address
from gaoku.copies.selectors import copy_history
from gaoku.errors import GaokuError, NotFound
from gaoku.library.selectors import material_get
from gaoku.live.selectors import follows_of
from gaoku.live.services import inbox_ensure
from gaoku.members.codes import code_redeem
from gaoku.members.models import Announcement
from gaoku.members.numbers import operator_numbers
from gaoku.members.selectors import (
    announcement_get,
    announcement_list,
    announcement_tiers,
    entitlement_get,
    favourites_of,
    plan_list,
    subscription_history,
    suspension_open,
)
from gaoku.members.services import favourite_toggle, profile_ensure

# The account page lists this many of the member's latest downloads.
HISTORY_ROWS = 50


@login_required
def account(request: HttpRequest) -> HttpResponse:
    copies = copy_history(request.user)
    return render(
        request,
        "members/account.html",
        {
            "entitlement": entitlement_get(request.user),
            "profile": profile_ensure(request.user),
            "subscriptions": subscription_history(request.user).order_by("-start"),
            "copies": copies[:HISTORY_ROWS],
            "copies_total": copies.count(),
            "follows": follows_of(request.user),
            "favourites": favourites_of(request.user),
            "feed_token": inbox_ensure(request.user).feed_token,
            "suspension": suspension_open(request.user),
        },
    )


def plans(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "members/plans.html",
        {
            "plans": plan_list(),
            "entitlement": entitlement_get(request.user),
            # How to buy, in the operator's words (the same as the renewal reminder's).
            "renewal_note": settings.GAOKU_RENEWAL_NOTE,
            "renewal_url": settings.GAOKU_RENEWAL_URL,
        },
    )


def announcements(request: HttpRequest, tier: str = Announcement.Tier.FREE) -> HttpResponse:
    if tier not in Announcement.Tier.values:
        raise Http404
    entitlement = entitlement_get(request.user)
    allowed = tier in announcement_tiers(entitlement)
    return render(
        request,
        "members/announcements.html",
        {
            "tier": tier,
            "tiers": Announcement.Tier.choices,
            "allowed": allowed,
            "announcements": announcement_list(entitlement, tier=tier)[:50] if allowed else [],
        },
    )


def announcement(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = announcement_get(entitlement_get(request.user), pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(request, "members/announcement.html", {"item": item})


@require_POST
@login_required
def favourite(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep a material in one's favourites, or drop it, and go back to it."""
    try:
        material = material_get(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    favourite_toggle(user=request.user, material_id=material.pk)
    return redirect("library:reader", pk=material.pk)


@require_POST
@login_required
def redeem(request: HttpRequest) -> HttpResponse:
    """Redeem a code on the account page; what it gave, or why not, is said there."""
    code_redeem_message(request, request.POST.get("code", ""))
    return redirect("members:account")


def code_redeem_message(request: HttpRequest, code: str) -> None:
    """Redeem ``code`` for the signed-in user and say, as a message, what it gave or why
    not (the account page and registration share it)."""
    try:
        subscription = code_redeem(user=request.user, code=code, address=client_address(request))
    except GaokuError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Code redeemed: %(plan)s from %(start)s to %(last)s.")
            % {
                "plan": subscription.plan.name if subscription.plan else "",
                "start": subscription.start,
                "last": subscription.last_day,
            },
        )


@permission_required("members.view_subscription")
def numbers(request: HttpRequest) -> HttpResponse:
    """The operator's numbers: codes per batch, members active, joins, renewals, lapses."""
    return render(request, "members/numbers.html", operator_numbers())
