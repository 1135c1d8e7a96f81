"""The leak-trace pages, for admins: run a trace, read a trace."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gaoku.errors import GaokuError, NotFound
from gaoku.ops.models import Job
from gaoku.ops.ratelimit import rate_spend
from gaoku.traces.forms import TraceForm
from gaoku.traces.jobs import trace_start
from gaoku.traces.selectors import member_copy_beside, segment_rows, trace_get, trace_list

RECENT = 20


@permission_required("traces.add_trace")
def trace_new(request: HttpRequest) -> HttpResponse:
    form = TraceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        data = upload.read() if upload else None
        name = upload.name if upload else ""
        try:
            rate_spend(request.user, "upload", 1 if upload else 0)
            started = trace_start(
                by=request.user,
                channel="web",
                text=form.cleaned_data.get("text"),
                data=data,
                filename=name,
            )
        except GaokuError as exc:
            form.add_error(None, exc.message)
        else:
            if isinstance(started, Job):  # a scan or a photo, read and traced in the worker
                return redirect("ops:job", pk=started.pk)
            return redirect("traces:detail", pk=started.pk)
    recent = trace_list()[:RECENT] if request.user.has_perm("traces.view_trace") else []
    return render(request, "traces/new.html", {"form": form, "recent": recent})


@permission_required("traces.view_trace")
def trace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        trace = trace_get(pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    result = trace.result
    accused = [
        {
            **entry,
            "layers": result.get("accused_layers", {}).get(entry["member"], []),
            "evidence": [
                {
                    "wordings": [w or "∅" for w in item["wordings"]],
                    "seen": item["wordings"][item["seen"]] or "∅",
                    "own": item["wordings"][item["member"]] or "∅",
                    "match": item["seen"] == item["member"],
                }
                for item in result.get("evidence", {}).get(entry["member"], [])
            ],
            "beside": member_copy_beside(trace, entry["member"]),
        }
        for entry in result["accused"]
    ]
    return render(
        request,
        "traces/detail.html",
        {"trace": trace, "result": result, "accused": accused, "segments": segment_rows(trace)},
    )
