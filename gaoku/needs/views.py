"""Request pages: the list (searchable, by votes or deadline), posting, voting, and the
editors' answers. Each validates, calls a service, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gaoku.accounts.lockout import client_address
from gaoku.errors import GaokuError, InvalidInput, NotFound
from gaoku.library.selectors import material_get
from gaoku.needs.forms import AnswerForm, NeedForm
from gaoku.needs.models import Need
from gaoku.needs.selectors import SORTS, need_get, need_list, voted
from gaoku.needs.services import need_answer, need_decline, need_post, need_vote

DECIDE = "needs.change_need"
NO_MATERIAL = "请填写资料编号或资料页地址，或写明理由后婉拒。"


def need_list_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    state = request.GET.get("state", "open")
    sort = request.GET.get("sort", "votes")
    sort = sort if sort in SORTS else "votes"
    page = Paginator(need_list(q=q, state=state, sort=sort), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "needs/list.html",
        {
            "page": page,
            "q": q,
            "state": state if state in Need.State.values else "",
            "sort": sort,
            "states": Need.State.choices,
            "voted": voted(request.user, [n.pk for n in page]),
        },
    )


@login_required
def need_new(request: HttpRequest) -> HttpResponse:
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            need = need_post(
                author=request.user, address=client_address(request), **form.cleaned_data
            )
        except GaokuError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Posted. Others can now add their vote."))
            return redirect("needs:detail", pk=need.pk)
    return render(request, "needs/new.html", {"form": form})


def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(pk)
    return render(
        request,
        "needs/detail.html",
        {
            "need": need,
            "voted": need.pk in voted(request.user, [need.pk]),
            "form": AnswerForm() if request.user.has_perm(DECIDE) else None,
        },
    )


@require_POST
@login_required
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(pk)
    try:
        now = need_vote(need=need, user=request.user)
    except GaokuError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Vote added.") if now else _("Vote taken back."))
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/needs/") else "needs:detail", pk=need.pk)


@require_POST
@permission_required(DECIDE)
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(pk)
    form = AnswerForm(request.POST)
    try:
        if not form.is_valid():
            raise InvalidInput(NO_MATERIAL)
        note = form.cleaned_data["note"]
        if request.POST.get("action") == "decline":
            need_decline(need=need, by=request.user, reason=note)
            messages.success(request, _("Declined; the requester and voters are told why."))
        else:
            material_id = form.material_id()
            if material_id is None:
                raise InvalidInput(NO_MATERIAL)
            need_answer(need=need, material=material_get(material_id), by=request.user, note=note)
            messages.success(request, _("Answered; the requester and voters are told."))
    except GaokuError as exc:
        messages.error(request, exc.message)
    return redirect("needs:detail", pk=need.pk)


def _need(pk: int) -> Need:
    try:
        return need_get(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
