"""Library selectors: the reads that views, the CLI and services share."""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from gaoku.core.calendar import Calendar, calendar, parse_calendar
from gaoku.core.cleaning import (
    MAX_WRAPPER_LINE,
    RECURRING_IN,
    Rule,
    compile_patterns,
    line_shape,
    rule_regex,
)
from gaoku.core.cleaning.batch import ImportBatch
from gaoku.core.ingest import PreparedText
from gaoku.core.similarity import MIN_SHARED, SIMILAR_THRESHOLD, similarity
from gaoku.core.staleness import stale_references
from gaoku.errors import NotFound
from gaoku.library.models import (
    CalendarVersion,
    CleaningPattern,
    ExcerptKey,
    KeptLine,
    LineSighting,
    Material,
    MaterialVersion,
    SketchValue,
    Topic,
)

MATERIAL_NOT_FOUND = "资料 {id} 不存在。"
# Keys asked of the database at once: well under every backend's limit on parameters.
_KEYS_PER_QUERY = 500
# A key that this many versions hold is a stock phrase: it locates nothing.
_COMMON_KEY = 50
VERSION_NOT_FOUND = "资料 {id} 没有第 {number} 版。"
# Near-duplicate candidates compared in full, best sketch overlap first.
_CANDIDATES = 5


def cleaning_patterns_enabled() -> list[Rule]:
    """The editable boilerplate rules, compiled."""
    rules = CleaningPattern.objects.filter(enabled=True).values_list("pattern", "kind")
    return compile_patterns(rule_regex(pattern, kind) for pattern, kind in rules)


def recurring_wrapper_lines(
    candidates: list[str],
    batch: ImportBatch | None = None,
    text: str = "",
    besides: Material | None = None,
) -> frozenset[str]:
    """Those of a text's learnable lines whose shape RECURRING_IN other materials of the
    library hold (gaoku.core.cleaning.line_shape), counting with them the documents of
    the text's ``batch`` not yet imported, unless an editor kept that shape. The text's
    own material (``besides``: the one it is a version of) is no other holder."""
    shapes = {line: line_shape(line) for line in candidates}
    wanted = set(shapes.values())
    sightings = LineSighting.objects.filter(shape__in=wanted)
    if besides is not None:
        sightings = sightings.exclude(material=besides)
    held = Counter(dict(_materials_holding(sightings).values_list("shape", "materials")))
    if batch is not None:
        held.update(batch.held_elsewhere(text, wanted))
    kept = set(KeptLine.objects.filter(shape__in=wanted).values_list("shape", flat=True))
    return frozenset(
        line for line, shape in shapes.items() if held[shape] >= RECURRING_IN and shape not in kept
    )


def _materials_holding(sightings: QuerySet) -> QuerySet:
    """The line shapes of ``sightings``, with how many materials hold each (``materials``)."""
    return sightings.values("shape").annotate(materials=Count("material", distinct=True))


def _recurring_shapes() -> QuerySet:
    """The line shapes the library takes for a source's wrapper, with how many materials
    hold each (``materials``)."""
    unkept = LineSighting.objects.exclude(shape__in=KeptLine.objects.values("shape"))
    return _materials_holding(unkept).filter(materials__gte=RECURRING_IN)


@dataclass(frozen=True)
class LearnedLine:
    shape: str  # the line, its numbers as # (gaoku.core.cleaning.line_shape)
    materials: int  # how many materials hold it
    kept: bool  # an editor said it is the documents' own


def learned_lines(limit: int = 300) -> list[LearnedLine]:
    """What the library has learned as wrapper, most widely held first, and after it the
    lines editors kept as the documents' own."""
    learned = [
        LearnedLine(row["shape"], row["materials"], kept=False)
        for row in _recurring_shapes().order_by("-materials", "shape")[:limit]
    ]
    kept = KeptLine.objects.order_by("shape").values_list("shape", flat=True)
    sightings = LineSighting.objects.filter(shape__in=kept)
    held = dict(_materials_holding(sightings).values_list("shape", "materials"))
    return learned + [LearnedLine(shape, held.get(shape, 0), kept=True) for shape in kept]


@dataclass(frozen=True)
class RuleHit:
    material: int
    title: str
    line: str
    removed: bool  # already removed at import, or a line of the text the rule would cut


def cleaning_rule_preview(pattern: str, kind: str, *, limit: int = 200) -> list[RuleHit]:
    """What a rule would remove across the library: the lines of current texts it
    matches (text a member reads, which the rule cuts when it is applied to the library,
    and from future imports of the same wording) and the lines already removed at import
    that it matches.

    Raises:
        InvalidInput: the pattern is not a valid regular expression.
    """
    rules = compile_patterns([rule_regex(pattern, kind)])
    hits: list[RuleHit] = []
    for material in Material.objects.filter(current__isnull=False).select_related("current"):
        version = material.current
        lines = version.text.split("\n")
        for index in rule_matches(version, rules):
            hits.append(RuleHit(material.pk, material.title, lines[index], False))
        for line in version.removed_lines:
            if any(rule.search(line) for rule in rules):
                hits.append(RuleHit(material.pk, material.title, line, True))
        if len(hits) >= limit:
            break
    return hits[:limit]


def kept_lines(version: MaterialVersion) -> list[tuple[int, str]]:
    """The lines of a version's text that an editor or a rule may remove as a page's
    (index into its lines, line): short enough for a page's line, never the title,
    which is the document's."""
    title = version.outline.get("title", "")
    return [
        (index, line)
        for index, line in enumerate(version.text.split("\n"))
        if line and line != title and len(line) <= MAX_WRAPPER_LINE
    ]


def rule_matches(version: MaterialVersion, rules: Sequence[Rule]) -> list[int]:
    """The lines of a version's text (indexes into its lines) that one of ``rules``
    matches, as an import would remove them."""
    return [
        index for index, line in kept_lines(version) if any(rule.search(line) for rule in rules)
    ]


def materials_matching(rules: Sequence[Rule]) -> list[int]:
    """The materials whose current text holds a line that one of ``rules`` matches."""
    return [
        material.pk
        for material in Material.objects.filter(current__isnull=False)
        .select_related("current")
        .only("pk", "current", "current__text", "current__outline")
        .order_by("pk")
        .iterator(chunk_size=200)
        if rule_matches(material.current, rules)
    ]


def stored_source_hashes(hashes: Iterable[str]) -> set[str]:
    """Those of ``hashes`` (texts as read from files, gaoku.core.similarity.content_hash)
    that a stored version was imported from."""
    hashes = list(hashes)
    found: set[str] = set()
    for start in range(0, len(hashes), _KEYS_PER_QUERY):
        chunk = hashes[start : start + _KEYS_PER_QUERY]
        versions = MaterialVersion.objects.filter(source_hash__in=chunk)
        found.update(versions.values_list("source_hash", flat=True))
    return found


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


def excerpt_hits(keys: list[tuple[int, int]]) -> dict[int, list[int]]:
    """Version → the positions (as given with each key) of ``keys`` the version holds.

    ``keys`` are :func:`gaoku.core.excerpt.keys_at`'s: key and folded input position.
    """
    positions: dict[int, list[int]] = defaultdict(list)
    for key, position in keys:
        positions[key].append(position)
    values = list(positions)
    hits: dict[int, list[int]] = defaultdict(list)
    for chunk in range(0, len(values), _KEYS_PER_QUERY):
        asked = ExcerptKey.objects.filter(value__in=values[chunk : chunk + _KEYS_PER_QUERY])
        common = (
            asked.values("value").annotate(n=Count("id")).filter(n__gt=_COMMON_KEY).values("value")
        )
        rows = asked.exclude(value__in=common).values_list("version_id", "value")
        for version, value in rows:
            hits[version] += positions[value]
    return dict(hits)


# What a catalogue row does not show of the current version: the largest columns, not read
# for a list unless asked for.
_VERSION_BODY = (
    "current__text",
    "current__outline",
    "current__part_spans",
    "current__placeholders",
    "current__dated_references",
    "current__removed_lines",
)


def material_list(
    *, doc_type: str | None = None, topic: str | None = None, with_text: bool = False
) -> QuerySet[Material]:
    """Materials with a current version, newest first, optionally filtered; the current
    version's text and outline only ``with_text``."""
    qs = Material.objects.filter(current__isnull=False).select_related("current")
    if not with_text:
        qs = qs.defer(*_VERSION_BODY)
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
    material = material_list(with_text=True).filter(pk=material_id).first()
    if material is None:
        raise NotFound(MATERIAL_NOT_FOUND.format(id=material_id))
    return material


def version_get(material: Material, number: str | int | None) -> MaterialVersion:
    """The material's version ``number`` (as typed in a URL), or its current version.

    Raises:
        NotFound: no such version (or a number that is not one).
    """
    if number in (None, ""):
        found = material.current
    else:
        found = None
        if re.fullmatch(r"[0-9]{1,9}", str(number)):
            found = material.versions.filter(number=int(number)).first()
        if found is None:
            raise NotFound(VERSION_NOT_FOUND.format(id=material.pk, number=number))
    found.material = material  # read once, with its topics, not again through the version
    return found


def version_list(material: Material) -> QuerySet[MaterialVersion]:
    """The material's versions, oldest first, as a list of them shows them: without their
    texts, which a long material's versions would make the largest read of a page."""
    return material.versions.only(
        "id", "material_id", "number", "chars", "created_at", "note"
    ).order_by("number")


def facet_values() -> dict[str, list]:
    """The levels and publication years that materials have, for filter menus."""
    materials = Material.objects.filter(current__isnull=False)
    levels = materials.exclude(level="").values_list("level", flat=True).distinct()
    years = materials.filter(published__isnull=False).dates("published", "year", order="DESC")
    return {"levels": sorted(levels), "years": [d.year for d in years]}


def topic_list() -> QuerySet[Topic]:
    """Topics that tag at least one material, most used first."""
    return Topic.objects.annotate(n=Count("materials")).filter(n__gt=0).order_by("-n", "name")


_calendars: dict[int, Calendar] = {}


def calendar_version_id() -> int | None:
    """The id of the calendar an admin saved last (None: the shipped one is in force)."""
    return CalendarVersion.objects.order_by("-pk").values_list("pk", flat=True).first()


def calendar_current() -> Calendar:
    """The site's political calendar: the one an admin saved last, or the shipped one.
    Each process parses a saved calendar once (one small query tells whether it is new),
    so every server process and worker follows an edit at its next question."""
    return calendar_of(calendar_version_id())


def calendar_of(version_id: int | None) -> Calendar:
    """A saved calendar by its id (None, or one since removed: the shipped calendar)."""
    if version_id is None:
        return calendar()
    if version_id not in _calendars:
        if len(_calendars) > 8:
            _calendars.clear()
        saved = CalendarVersion.objects.filter(pk=version_id).values_list("text", flat=True)
        text = saved.first()
        _calendars[version_id] = calendar() if text is None else parse_calendar(text)
    return _calendars[version_id]


def calendar_history(limit: int = 10) -> list[CalendarVersion]:
    return list(CalendarVersion.objects.select_related("created_by").order_by("-pk")[:limit])


def material_staleness(
    material: Material, *, today: datetime.date | None = None, cal: Calendar | None = None
) -> dict:
    """The stale references of a material's current version on ``today``, judged with
    ``cal`` (default: the site's calendar) (DESIGN.md: gaoku stale)."""
    version = material.current
    found = stale_references(
        version.text, today or timezone.localdate(), cal=cal or calendar_current()
    )
    return {
        "material": material.pk,
        "version": version.number,
        "stale": [ref.to_dict() for ref in found],
    }


def stale_materials(*, today: datetime.date | None = None) -> list[dict]:
    """Every material with at least one stale reference, newest first."""
    cal = calendar_current()
    rows = (material_staleness(m, today=today, cal=cal) for m in material_list(with_text=True))
    return [row for row in rows if row["stale"]]


@dataclass(frozen=True)
class StaleRow:
    material: Material
    stale: list[dict]
    readers: int

    @property
    def replaceable(self) -> int:
        return sum(1 for ref in self.stale if ref["suggestion"])


def stale_dashboard(*, today: datetime.date | None = None) -> list[StaleRow]:
    """Stale materials for editors, the most read first (members who took a copy or read
    the full text of any of its versions)."""
    readers = dict(
        Material.objects.annotate(n=Count("versions__copies__member", distinct=True))
        .filter(n__gt=0)
        .values_list("pk", "n")
    )
    rows = [
        StaleRow(m, material_staleness(m, today=today)["stale"], readers.get(m.pk, 0))
        for m in material_list(with_text=True)
    ]
    return sorted((r for r in rows if r.stale), key=lambda r: (-r.readers, -r.material.pk))
