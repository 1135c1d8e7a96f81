"""JSON API for leak traces (admins): run a trace on text or a file, read a kept trace."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from gaoku.errors import Forbidden
from gaoku.ops.api import job_to_dict
from gaoku.ops.models import Job
from gaoku.ops.ratelimit import rate_spend
from gaoku.traces.jobs import trace_start
from gaoku.traces.selectors import trace_get
from gaoku.traces.services import trace_document

router = Router(tags=["traces"])
NOT_ALLOWED = "只有管理员可以追查泄露。"


def _require(request: HttpRequest, permission: str) -> None:
    if not request.auth.has_perm(permission):
        raise Forbidden(NOT_ALLOWED)


@router.post(
    "",
    auth=django_auth,
    response={200: dict, 202: dict},
    summary="Trace a suspected copy (text, or a file upload)",
    description=(
        "Text and digital files are traced at once (200, the trace). A scan or a photo is "
        'read by OCR in the background (202, `{"job": …}`): follow `GET /api/jobs/{id}`; '
        "when it is done, its `items` name the trace (`GET /api/traces/{id}`)."
    ),
)
def trace_create(
    request: HttpRequest, text: Form[str] = "", file: File[UploadedFile] = None
) -> Status:
    _require(request, "traces.add_trace")
    rate_spend(request.auth, "upload", 1 if file else 0)
    started = trace_start(
        by=request.auth,
        channel="api",
        text=text,
        data=file.read(settings.GAOKU_MAX_IMPORT_BYTES + 1) if file else None,
        filename=file.name if file else "",
    )
    if isinstance(started, Job):
        return Status(202, {"job": job_to_dict(started)})
    return Status(200, {"id": started.pk} | trace_document(started))


@router.get("/{trace_id}", auth=django_auth, summary="A kept trace")
def trace_read(request: HttpRequest, trace_id: int) -> dict:
    _require(request, "traces.view_trace")
    trace = trace_get(trace_id)
    return {"id": trace.pk} | trace_document(trace)
