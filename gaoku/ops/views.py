"""The page that follows a background job, and its retry button."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gaoku.errors import Forbidden, GaokuError, NotFound
from gaoku.ops.jobs import job_get, job_retry
from gaoku.ops.models import Job


def _job(request: HttpRequest, pk: int) -> Job:
    try:
        return job_get(pk, user=request.user)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    except Forbidden as exc:
        raise PermissionDenied(exc.message) from exc


@login_required
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    if job.kind == Job.Kind.TRACE and job.state == Job.State.DONE and job.items:
        return redirect("traces:detail", pk=job.items[-1]["trace"])
    if job.kind == Job.Kind.CHECK and job.state == Job.State.DONE and job.result:
        return redirect(f"{reverse('search:check')}?job={job.pk}")
    return render(request, "ops/job.html", {"job": job, "done": len(job.items)})


@require_POST
@login_required
def job_retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    try:
        job_retry(job)
    except GaokuError as exc:
        messages.error(request, exc.message)
    return redirect("ops:job", pk=job.pk)
