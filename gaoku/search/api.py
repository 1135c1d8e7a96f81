"""JSON API for search and the originality check, under the caller's entitlement."""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.security import django_auth

from gaoku.core.search import Filters
from gaoku.members.selectors import entitlement_get
from gaoku.ops.ratelimit import rate_spend
from gaoku.search.selectors import (
    check_document,
    draft_check,
    draft_read,
    search_document,
    search_run,
)

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str
    type: str | None = None
    topic: str | None = None
    level: str | None = None
    year: int | None = None
    sort: Literal["relevance", "date"] = "relevance"
    limit: int = 20
    offset: int = 0


class Result(Schema):
    material: int
    version: int
    title: str
    score: float
    snippet: str


class SearchOut(Schema):
    query: str
    total: int
    results: list[Result]


@router.get("", response=SearchOut, summary="Search the library (full text where entitled)")
def search(request: HttpRequest, params: Query[SearchParams]) -> dict:
    page = search_run(
        query=params.q,
        entitlement=entitlement_get(request.user),
        filters=Filters(
            doc_type=params.type, topic=params.topic, level=params.level, year=params.year
        ),
        sort=params.sort,
        limit=params.limit,
        offset=params.offset,
    )
    return search_document(page)


class CheckSourceOut(Schema):
    material: int
    version: int
    similarity: float


class CheckSentenceOut(Schema):
    text: str
    start: int
    end: int
    sources: list[CheckSourceOut]


class CheckOut(Schema):
    chars: int
    matched_share: float
    sentences: list[CheckSentenceOut]


@router.post(
    "/check",
    auth=django_auth,
    response=CheckOut,
    summary="Originality check of a draft (text, or a file upload); members",
)
def check(request: HttpRequest, text: Form[str] = "", file: File[UploadedFile] = None) -> dict:
    rate_spend(request.auth, "check")
    draft = draft_read(
        text=text,
        data=file.read(settings.GAOKU_MAX_IMPORT_BYTES + 1) if file else None,
        filename=file.name if file else "",
    )
    return check_document(draft_check(text=draft, entitlement=entitlement_get(request.auth)))
