"""Library selectors: the reads that views, the CLI and services share."""

from __future__ import annotations

import re

from django.db.models import Count, Prefetch, QuerySet

from gaoku.core.cleaning import compile_patterns
from gaoku.core.excerpt import locator_keys
from gaoku.core.ingest import PreparedText
from gaoku.core.similarity import MIN_SHARED, SIMILAR_THRESHOLD, similarity
from gaoku.errors import NotFound
from gaoku.library.models import (
    CleaningPattern,
    ExcerptKey,
    Material,
    MaterialVersion,
    SketchValue,
    Topic,
)

MATERIAL_NOT_FOUND = "资料 {id} 不存在。"
# Keys looked up per excerpt: a whole document has hundreds; a few hundred locate it.
_EXCERPT_KEYS = 400
VERSION_NOT_FOUND = "资料 {id} 没有第 {number} 版。"
# Near-duplicate candidates compared in full, best sketch overlap first.
_CANDIDATES = 5


def cleaning_patterns_enabled() -> list[re.Pattern[str]]:
    """The editable boilerplate patterns, compiled."""
    return compile_patterns(
        CleaningPattern.objects.filter(enabled=True).values_list("pattern", flat=True)
    )


def similar_version_find(prepared: PreparedText) -> tuple[MaterialVersion, float] | None:
    """The stored version most similar to a prepared text, if at least SIMILAR_THRESHOLD."""
    candidates = (
        SketchValue.objects.filter(value__in=prepared.sketch)
        .values("version_id")
        .annotate(shared=Count("id"))
        .filter(shared__gte=MIN_SHARED)
        .order_by("-shared")[:_CANDIDATES]
    )
    ids = [row["version_id"] for row in candidates]
    best: tuple[MaterialVersion, float] | None = None
    for version in MaterialVersion.objects.filter(id__in=ids).select_related("material"):
        score = similarity(prepared.text, version.text)
        if score >= SIMILAR_THRESHOLD and (best is None or score > best[1]):
            best = (version, score)
    return best


def excerpt_sources(text: str, *, limit: int = 5) -> list[MaterialVersion]:
    """The versions that share the most locator keys with ``text``, best first.

    Two shared keys at least: one can be chance, two in one version rarely are.
    """
    keys = locator_keys(text)[:_EXCERPT_KEYS]
    rows = (
        ExcerptKey.objects.filter(value__in=keys)
        .values("version_id")
        .annotate(shared=Count("id"))
        .filter(shared__gte=2)
        .order_by("-shared", "-version_id")[:limit]
    )
    order = [row["version_id"] for row in rows]
    found = MaterialVersion.objects.filter(id__in=order).select_related("material")
    return sorted(found, key=lambda v: order.index(v.pk))


def material_list(*, doc_type: str | None = None, topic: str | None = None) -> QuerySet[Material]:
    """Materials with a current version, newest first, optionally filtered."""
    qs = Material.objects.filter(current__isnull=False).select_related("current")
    if doc_type:
        qs = qs.filter(doc_type=doc_type)
    if topic:
        qs = qs.filter(topics__name=topic)
    return qs.prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))


def material_get(material_id: int) -> Material:
    """One material with its current version and topics.

    Raises:
        NotFound: no such material, or it has no version yet.
    """
    material = material_list().filter(pk=material_id).first()
    if material is None:
        raise NotFound(MATERIAL_NOT_FOUND.format(id=material_id))
    return material


def version_get(material: Material, number: str | int | None) -> MaterialVersion:
    """The material's version ``number`` (as typed in a URL), or its current version.

    Raises:
        NotFound: no such version (or a number that is not one).
    """
    if number in (None, ""):
        return material.current
    found = None
    if re.fullmatch(r"[0-9]{1,9}", str(number)):
        found = material.versions.filter(number=int(number)).first()
    if found is None:
        raise NotFound(VERSION_NOT_FOUND.format(id=material.pk, number=number))
    return found


def facet_values() -> dict[str, list]:
    """The levels and publication years that materials have, for filter menus."""
    materials = Material.objects.filter(current__isnull=False)
    levels = materials.exclude(level="").values_list("level", flat=True).distinct()
    years = materials.filter(published__isnull=False).dates("published", "year", order="DESC")
    return {"levels": sorted(levels), "years": [d.year for d in years]}


def topic_list() -> QuerySet[Topic]:
    """Topics that tag at least one material, most used first."""
    return Topic.objects.annotate(n=Count("materials")).filter(n__gt=0).order_by("-n", "name")
