"""Report pages: a signed-in user files a report and follows it; admins review."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gaoku.accounts.lockout import client_address
from gaoku.errors import GaokuError, InvalidInput, NotFound
from gaoku.members.selectors import member_get
from gaoku.members.services import member_limit, member_suspend, member_warn
from gaoku.reports.forms import DecisionForm, LimitForm, ReportForm
from gaoku.reports.models import Report
from gaoku.reports.selectors import report_get, report_list, reports_of
from gaoku.reports.services import report_confirm, report_file, report_reject
from gaoku.reports.signals import account_signals, evidence_titles

REVIEW = "reports.change_report"


@login_required
def report_new(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report_file(
                reporter=request.user,
                where=data["where"],
                seller_contact=data["seller_contact"],
                text=data["text"],
                files=[(f.name, f) for f in data["files"]],
                address=client_address(request),
            )
        except GaokuError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Thank you. The evidence is being traced; an administrator will review it."),
            )
            return redirect("reports:mine")
    return render(request, "reports/new.html", {"form": form})


@login_required
def report_mine(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/mine.html", {"reports": reports_of(request.user)})


@permission_required(REVIEW)
def report_queue(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state") or None
    if state not in Report.State.values:
        state = None
    return render(
        request,
        "reports/queue.html",
        {"reports": report_list(state=state)[:200], "states": Report.State.choices, "state": state},
    )


@permission_required(REVIEW)
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report = report_get(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if form.cleaned_data["decision"] == "confirm":
                report_confirm(report=report, by=request.user, reason=reason)
                messages.success(
                    request, _("Confirmed: the reporter is rewarded and the member suspended.")
                )
            else:
                report_reject(report=report, by=request.user, reason=reason)
                messages.success(request, _("Rejected."))
        except GaokuError as exc:
            messages.error(request, exc.message)
        return redirect("reports:review", pk=report.pk)
    traces = report.traces.select_related("version__material").order_by("pk")
    return render(
        request, "reports/review.html", {"report": report, "traces": traces, "form": form}
    )


@permission_required(REVIEW)
def signals(request: HttpRequest) -> HttpResponse:
    """Accounts that look shared, sold or scraped, each finding with its evidence; an
    admin may suspend one from here."""
    if request.method == "POST":
        return _act_on_signals(request)
    days = 7 if request.GET.get("days") == "7" else 1
    rows = account_signals(days=days)
    titles = evidence_titles(rows)
    accounts = [
        {
            "row": row,
            "findings": [
                {
                    "finding": f,
                    "evidence": [
                        {"access": a, "title": titles.get(a.material, f"#{a.material}")}
                        for a in f.evidence
                    ],
                }
                for f in row.findings
            ],
        }
        for row in rows
    ]
    return render(request, "reports/signals.html", {"accounts": accounts, "days": days})


def _act_on_signals(request: HttpRequest) -> HttpResponse:
    """Warn, limit or suspend one account from the dashboard."""
    reason = request.POST.get("reason", "")
    try:
        member = member_get(request.POST.get("member", ""))
        action = request.POST.get("action")
        if action == "warn":
            member_warn(user=member, reason=reason, by=request.user)
            done = _("Warned; the member sees the warning in their notifications.")
        elif action == "limit":
            form = LimitForm(request.POST)
            if not form.is_valid():
                raise InvalidInput(_("Give the days and the daily numbers of the limit."))
            member_limit(user=member, reason=reason, by=request.user, **form.cleaned_data)
            done = _("Limited; the member is told the limit and when it ends.")
        else:
            member_suspend(user=member, reason=reason, by=request.user)
            done = _("Suspended; the member sees the reason on their account page.")
    except GaokuError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("reports:signals")
