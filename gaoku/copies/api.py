"""JSON API for copies: take a copy of a material, list one's own downloads."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from ninja import Field, Query, Router, Schema
from ninja.security import django_auth

from gaoku.accounts.lockout import client_address
from gaoku.copies.models import Channel
from gaoku.copies.selectors import copy_history
from gaoku.copies.services import copy_issue
from gaoku.library.selectors import material_get

router = Router(tags=["copies"])


class CopyRequest(Schema):
    format: Literal["txt", "docx", "pdf"]
    version: int | None = Field(None, ge=1, le=10**9)


class HistoryFilters(Schema):
    limit: int = Field(50, ge=1, le=500)


class CopyOut(Schema):
    id: int
    material: int
    title: str
    version: int
    format: str
    channel: str
    created_at: datetime


@router.post(
    "/materials/{material_id}/copies",
    auth=django_auth,
    response={200: bytes},
    summary="Take a fresh fingerprinted copy (the file itself)",
)
def copy_take(request: HttpRequest, material_id: int, body: CopyRequest) -> HttpResponse:
    issued = copy_issue(
        user=request.auth,
        material=material_get(material_id),
        version_number=body.version,
        fmt=body.format,
        address=client_address(request),
        channel=Channel.API,
    )
    response = HttpResponse(issued.content, content_type=issued.content_type)
    response["Content-Disposition"] = content_disposition_header(True, issued.filename)
    response["X-Gaoku-Copy"] = str(issued.copy.pk)
    return response


@router.get("/me/copies", auth=django_auth, response=list[CopyOut], summary="My downloads")
def my_copies(request: HttpRequest, filters: Query[HistoryFilters]) -> list[dict]:
    return [
        {
            "id": c.pk,
            "material": c.version.material_id,
            "title": c.version.material.title,
            "version": c.version.number,
            "format": c.format,
            "channel": c.channel,
            "created_at": c.created_at,
        }
        for c in copy_history(request.auth)[: filters.limit]
    ]
