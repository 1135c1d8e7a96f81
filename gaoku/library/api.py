"""JSON API for the library: the catalogue and the reader, under the reader's rule."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from gaoku.accounts.lockout import client_address
from gaoku.copies.services import copy_notice, reading_text
from gaoku.library.selectors import material_get, material_list, version_get
from gaoku.library.serializers import material_summary_to_dict, material_to_dict
from gaoku.members.selectors import entitlement_get

router = Router(tags=["materials"])


class Part(Schema):
    heading: str
    points: list[str]


class Outline(Schema):
    title: str
    salutation: str
    parts: list[Part]
    closing: str


class MaterialSummary(Schema):
    material: int
    title: str
    type: str
    topics: list[str]
    level: str
    occasion: str
    published: date | None
    version: int
    chars: int
    readable: bool


class VersionInfo(Schema):
    version: int
    chars: int
    created_at: str


class MaterialDetail(MaterialSummary):
    versions: list[VersionInfo]
    shown_version: int
    outline: Outline
    placeholders: list[str]
    dated_references: list[str]
    text: str
    full: bool
    notice: str


class MaterialPage(Schema):
    total: int
    materials: list[MaterialSummary]


class CatalogueFilters(Schema):
    type: str | None = None
    topic: str | None = None
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=1_000_000)


@router.get("/", response=MaterialPage, summary="The catalogue, newest first")
def materials(request: HttpRequest, filters: Query[CatalogueFilters]) -> dict:
    entitlement = entitlement_get(request.user)
    qs = material_list(doc_type=filters.type, topic=filters.topic)
    rows = qs[filters.offset : filters.offset + filters.limit]
    return {
        "total": qs.count(),
        "materials": [
            material_summary_to_dict(m) | {"readable": entitlement.covers(m)} for m in rows
        ],
    }


@router.get(
    "/{material_id}",
    response=MaterialDetail,
    summary="One material: outline, and its text as far as the caller is entitled",
    description=(
        "`full` is false when `text` is only the free preview. A full text is the "
        "caller's own fingerprinted copy, the same as the reader page shows them."
    ),
)
def material(request: HttpRequest, material_id: int, version: str | None = None) -> dict:
    found = material_get(material_id)
    shown_version = version_get(found, version)
    entitlement = entitlement_get(request.user)
    shown = reading_text(
        user=request.user,
        entitlement=entitlement,
        version=shown_version,
        address=client_address(request),
    )
    return material_to_dict(found, version=shown_version) | {
        "readable": entitlement.covers(found),
        "outline": shown.outline,
        "text": shown.text,
        "full": shown.full,
        "notice": copy_notice(request.user) if shown.full else "",
    }
