"""The search page (a query, filters, highlighted results) and the originality check."""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gaoku.core.readers import may_need_ocr
from gaoku.errors import GaokuError, NotFound
from gaoku.library.models import DocType
from gaoku.library.selectors import facet_values, topic_list
from gaoku.members.selectors import entitlement_get
from gaoku.ops.jobs import job_get, job_submit
from gaoku.ops.models import Job
from gaoku.ops.ratelimit import rate_spend
from gaoku.search.forms import CheckForm, SearchForm
from gaoku.search.selectors import check_permitted, draft_check, draft_read, search_run

PAGE_SIZE = 20
DRAFT_GONE = "这份草稿的识别结果已删除（保留一小时）或还没有读完。"


def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context = {
        "form": form,
        "doc_types": DocType.choices,
        "topics": topic_list(),
        "facets": facet_values(),
    }
    if form.is_bound and not form.is_valid():
        context["error"] = next(iter(form.errors.values()))[0]
    elif form.is_valid() and form.cleaned_data["q"].strip():
        page_number = form.cleaned_data["page"] or 1
        try:
            page = search_run(
                query=form.cleaned_data["q"],
                entitlement=entitlement_get(request.user),
                filters=form.filters(),
                sort=form.cleaned_data["sort"] or "relevance",
                limit=PAGE_SIZE,
                offset=(page_number - 1) * PAGE_SIZE,
            )
        except GaokuError as exc:
            context["error"] = exc.message
        else:
            last = max(1, -(-page.total // PAGE_SIZE))
            context |= {
                "page": page,
                "page_number": page_number,
                "previous": page_number - 1 if page_number > 1 else None,
                "next": page_number + 1 if page_number < last else None,
                "last": last,
                "query_string": _without_page(request),
            }
    return render(request, "search/search.html", context)


def _without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def check_page(request: HttpRequest) -> HttpResponse:
    form = CheckForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    entitlement = entitlement_get(request.user)
    if request.method == "GET" and request.GET.get("job", "").isdigit():
        # A scanned draft read in the background: checked now, against today's library.
        try:
            job = job_get(int(request.GET["job"]), user=request.user)
            text = job.result.get("text")
            if not text:
                raise NotFound(DRAFT_GONE)
            context["report"] = draft_check(text=text, entitlement=entitlement)
        except GaokuError as exc:
            context["error"] = exc.message
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_permitted(entitlement)
            rate_spend(request.user, "check")
            data = upload.read(settings.GAOKU_MAX_IMPORT_BYTES + 1) if upload else None
            if data and may_need_ocr(data, upload.name):
                files = [(upload.name, io.BytesIO(data))]
                job = job_submit(kind=Job.Kind.CHECK, by=request.user, files=files)
                return redirect("ops:job", pk=job.pk)
            text = draft_read(
                text=form.cleaned_data["text"], data=data, filename=upload.name if upload else ""
            )
            context["report"] = draft_check(text=text, entitlement=entitlement)
        except GaokuError as exc:
            context["error"] = exc.message
    elif form.is_bound:
        context["error"] = next(iter(form.errors.values()))[0]
    return render(request, "search/check.html", context)
