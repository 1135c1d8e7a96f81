"""Downloads, and the editors' slot review page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gaoku.accounts.lockout import client_address
from gaoku.copies.keys import FingerprintKeyError
from gaoku.copies.models import Channel
from gaoku.copies.selectors import slot_review, variant_list
from gaoku.copies.services import (
    CopyRefused,
    copy_issue,
    slot_reject,
    slot_restore,
    variant_add,
    variant_remove,
)
from gaoku.core.localize import Localisation
from gaoku.errors import InvalidInput, NotFound
from gaoku.library.selectors import material_get, version_get, version_list
from gaoku.ops.ratelimit import RateLimited

REVIEW_PERMISSION = "copies.add_slotrejection"


@require_POST
def download(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue a fresh copy; a POST, so that link prefetchers never make copies."""
    try:
        material = material_get(pk)
        issued = copy_issue(
            user=request.user,
            material=material,
            version_number=request.POST.get("v") or None,
            fmt=request.POST.get("format", ""),
            address=client_address(request),
            channel=Channel.WEB,
            localisation=localisation_from_post(request.POST),
        )
    except NotFound as exc:
        raise Http404(exc.message) from exc
    except (CopyRefused, InvalidInput, FingerprintKeyError, RateLimited) as exc:
        context = {"material": material, "message": exc.message, "reason": exc.code}
        return render(request, "copies/refused.html", context, status=exc.status)
    response = HttpResponse(issued.content, content_type=issued.content_type)
    response["Content-Disposition"] = content_disposition_header(True, issued.filename)
    response["Cache-Control"] = "no-store"
    return response


def localisation_from_post(post: QueryDict) -> Localisation | None:
    """The localisation form's answers (the reader page), or None for a plain download:
    the placeholders' tokens and fillings in order, the year, the references to update."""
    tokens, fillings = post.getlist("fill_token"), post.getlist("fill")
    fills = {t: f for t, f in zip(tokens, fillings, strict=False) if t and f.strip()}
    year = post.get("year", "").strip()
    asked = Localisation(
        fills=fills,
        year=int(year) if year.isdigit() and len(year) <= 4 else None,
        updates=frozenset(post.getlist("update")),
    )
    return asked or None


@permission_required(REVIEW_PERMISSION)
def slots(request: HttpRequest, pk: int) -> HttpResponse:
    """Every slot of a version highlighted; editors reject slots and add wordings here."""
    try:
        material = material_get(pk)
        version = version_get(material, request.GET.get("v") or request.POST.get("v"))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    if request.method == "POST":
        _slots_action(request, version)
        return redirect(f"{reverse('copies:slots', args=[pk])}?v={version.number}")
    return render(
        request,
        "copies/slots.html",
        {
            "material": material,
            "version": version,
            "versions": version_list(material),
            "review": slot_review(version),
            "variants": variant_list(),
        },
    )


def _slots_action(request: HttpRequest, version) -> None:
    action = request.POST.get("action")
    if key := request.POST.get("reject"):
        slot_reject(version=version, key=key[:300], by=request.user)
    elif key := request.POST.get("restore"):
        slot_restore(version=version, key=key, by=request.user)
    elif action == "add-variant":
        try:
            variant_add(line=request.POST.get("line", ""), note="", by=request.user)
        except InvalidInput as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Wording group added."))
    elif action == "remove-variant" and request.POST.get("variant", "").isdigit():
        variant_remove(pk=int(request.POST["variant"]))
