"""Leak traces: from a suspected copy to its material version and the member who leaked it.

``trace_run`` is the one way a trace is made — the admin page, the JSON API and
``gaoku trace`` all call it. The steps are the core's (DESIGN.md, "Fingerprints"):

1. read the input: pasted text, or a file through the importers' readers (TXT, DOCX,
   PDF, and images or scanned PDFs through OCR);
2. read the invisible layer: copy ids whose keyed tag checks out;
3. locate the version: the library's excerpt keys give a few candidates, alignment picks
   the one the excerpt matches best;
4. read the lexical layer at the slots of the plans the version's copies were made with,
   and score only the members who were issued that version;
5. accuse only below the configured level (``GAOKU_TRACE_LEVEL``); the bound is derived in
   :mod:`gaoku.core.fingerprint.accusation` and covers every candidate together.

The trace is stored with its input, result and who ran it, in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import Copy
from gaoku.copies.services import plan_slots
from gaoku.core.excerpt import Alignment, Folded, fold, keys_at
from gaoku.core.fingerprint import VersionCode, read_marks, strip_marks
from gaoku.core.fingerprint.accusation import Suspect, accuse, marks_bound
from gaoku.core.fingerprint.reading import Observation, read_wordings
from gaoku.core.readers import read_bytes
from gaoku.core.segments import Segment, find_segments
from gaoku.errors import InvalidInput
from gaoku.library.models import MaterialVersion
from gaoku.library.selectors import excerpt_hits
from gaoku.ops.audit import audit_record
from gaoku.traces.models import Trace

NO_TEXT = "没有可以追查的文字：请粘贴文字或上传文件。"
TOO_LONG = "文字太长（{chars} 字），一次最多追查 {limit} 字。"
MAX_CHARS = 200_000


@dataclass(frozen=True)
class TraceInput:
    text: str
    filename: str = ""
    format: str = "text"
    ocr: bool = False
    upload: bytes | None = None


@dataclass
class _Standing:
    """Everything known about one member in a trace."""

    member: int
    bits: float = 0.0
    bound: float = 1.0
    layers: set[str] = field(default_factory=set)
    evidence: list[dict] = field(default_factory=list)
    version: int | None = None  # the version whose wordings the evidence is about
    span: tuple[int, int] | None = None  # the input stretch (folded) the evidence is from


def trace_input_read(
    *, text: str | None = None, data: bytes | None = None, filename: str = ""
) -> TraceInput:
    """The text to trace, from pasted text or a file's bytes.

    Raises InvalidInput when there is nothing to trace or too much, ImportRejected (with
    the readers' message) for a file that cannot be read.
    """
    if data:
        result = read_bytes(data, name=filename, max_bytes=settings.GAOKU_MAX_IMPORT_BYTES)
        source = TraceInput(result.text, filename[:255], result.format, result.ocr, data)
    else:
        source = TraceInput(text or "")
    if not strip_marks(source.text).strip():
        raise InvalidInput(NO_TEXT, code="no_text")
    if len(source.text) > MAX_CHARS:
        raise InvalidInput(TOO_LONG.format(chars=len(source.text), limit=MAX_CHARS))
    return source


def trace_run(
    *,
    by: AbstractBaseUser | None,
    operator: str = "",
    channel: str,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "",
    recorded: Callable[[Trace], None] | None = None,
) -> Trace:
    """Trace a suspected copy and keep the trace; see the module docstring.

    ``recorded`` runs in the transaction that keeps the trace (a background job notes
    the trace there, so that a job run again never traces twice)."""
    source = trace_input_read(text=text, data=data, filename=filename)
    level = settings.GAOKU_TRACE_LEVEL
    result, version, accused = trace_text(source.text, level=level)
    with transaction.atomic():
        trace = Trace.objects.create(
            ran_by=by,
            operator=(by.get_username() if by else operator)[:150],
            channel=channel,
            filename=source.filename,
            input_format=source.format,
            ocr=source.ocr,
            upload=source.upload,
            text=source.text,
            material=version.material if version else None,
            version=version,
            matched_chars=result["matched_chars"],
            candidates=result["candidates"],
            level=level,
            result=result,
        )
        trace.accused.set(accused)
        audit_record(
            "trace.run",
            actor=by or operator or None,
            object=f"trace:{trace.pk}",
            detail={
                "material": trace.material_id,
                "version": version.number if version else None,
                "accused": [entry["member"] for entry in result["accused"]],
                "file": source.filename,
            },
        )
        if recorded is not None:
            recorded(trace)
    return trace


CONTRACT_KEYS = (
    "material",
    "version",
    "matched_chars",
    "candidates",
    "layers",
    "accused",
    "suspects",
    "segments",
)


def trace_document(trace: Trace) -> dict:
    """The trace's result as DESIGN.md's contract has it, for `gaoku trace` and the API."""
    return {key: trace.result[key] for key in CONTRACT_KEYS if key in trace.result}


@dataclass
class _SegmentTrace:
    """One located stretch of the input, traced on its own."""

    segment: Segment
    versions: list[MaterialVersion]
    candidates: int = 0
    slots_read: int = 0
    plans: int = 0
    standings: dict[int, _Standing] = field(default_factory=dict)


def trace_text(text: str, *, level: float) -> tuple[dict, MaterialVersion | None, list[int]]:
    """The trace result (DESIGN.md's JSON), the version found and the accused members' ids.

    Every segment of the input (:mod:`gaoku.core.segments`) is traced on its own at
    ``level / len(segments)``, so that the whole trace keeps its guarantee: a member's
    bound is the segment's bound times the number of segments.
    """
    secret = fingerprint_secret()
    standings: dict[int, _Standing] = {}
    invisible = _invisible_layer(secret, text, level, standings)
    excerpt = fold(text)
    traced = [
        _segment_trace(secret, segment, versions, level, len(segments))
        for segments, versions in [_segments(excerpt, invisible["versions"])]
        for segment in segments
    ]
    for part in traced:
        for standing in part.standings.values():
            _merge(standings, standing)
    names = _usernames(standings)
    for entry in invisible["report"]["copies"]:
        entry["member"] = names[entry["member"]]
    best = max(traced, key=lambda part: part.segment.best.matched, default=None)
    version = best.versions[0] if best else None
    accused = _accused(standings.values(), level)
    result = {
        "material": version.material_id if version else None,
        "version": version.number if version else None,
        "matched_chars": sum(part.segment.best.matched for part in traced),
        "candidates": sum(part.candidates for part in traced),
        "layers": {
            "invisible": invisible["report"],
            "lexical": {
                "slots_read": sum(part.slots_read for part in traced),
                "plans": sum(part.plans for part in traced),
                "versions": sum(len(part.versions) for part in traced),
            },
        },
        "accused": _accused_rows(accused, names),
        "suspects": _suspect_rows(standings.values(), level, names),
        "segments": [
            _segment_row(part, excerpt, len(text), invisible, level, names) for part in traced
        ],
        # Beyond the contract (DESIGN.md): kept with the trace, shown on its page.
        "level": level,
        "excerpt_chars": len(excerpt.text),
        "accused_layers": {names[s.member]: sorted(s.layers) for s in accused},
        "evidence": {names[s.member]: s.evidence for s in accused if s.evidence},
        "evidence_versions": {names[s.member]: s.version for s in accused if s.evidence},
        "evidence_spans": {names[s.member]: s.span for s in accused if s.evidence},
    }
    return result, version, [s.member for s in accused]


def _segments(
    excerpt: Folded, marked_versions: list[int]
) -> tuple[list[Segment], dict[int, MaterialVersion]]:
    """The input's segments, and the versions they name."""
    hits = excerpt_hits(keys_at(excerpt))
    wanted = set(hits) | set(marked_versions)
    versions = MaterialVersion.objects.select_related("material").in_bulk(wanted)
    folded = {pk: fold(version.text) for pk, version in versions.items()}
    # A short input may hold too few keys; its marks still say which version to try.
    whole = [v for v in set(marked_versions) if v in folded and v not in hits]
    found = find_segments(
        excerpt, {v: p for v, p in hits.items() if v in folded}, folded.__getitem__, whole=whole
    )
    return found, versions


def _segment_trace(
    secret: bytes,
    segment: Segment,
    versions: dict[int, MaterialVersion],
    level: float,
    segments: int,
) -> _SegmentTrace:
    part = _SegmentTrace(segment, [versions[m.source] for m in segment.matches])
    # Every (version, member) pair scored in this segment counts in its union bound.
    issued = {v.pk: _latest_plans(v) for v in part.versions}
    part.candidates = sum(len(members) for members in issued.values())
    span = (segment.start, segment.end)
    for match, version in zip(segment.matches, part.versions, strict=True):
        read, plans = _lexical_layer(
            secret,
            version,
            match.alignment,
            issued[version.pk],
            part.candidates,
            level,
            segments,
            part.standings,
            span,
        )
        part.slots_read = max(part.slots_read, read)
        part.plans += plans
    return part


def _merge(standings: dict[int, _Standing], standing: _Standing) -> None:
    into = standings.setdefault(standing.member, _Standing(standing.member))
    into.bits = max(into.bits, standing.bits)
    into.layers |= standing.layers
    if standing.bound < into.bound:
        into.bound = standing.bound
        if standing.evidence:
            into.evidence, into.version, into.span = (
                standing.evidence,
                standing.version,
                standing.span,
            )


def _accused(standings, level: float) -> list[_Standing]:
    return sorted((s for s in standings if s.bound <= level), key=lambda s: (s.bound, -s.bits))


def _accused_rows(accused: list[_Standing], names: dict[int, str]) -> list[dict]:
    return [
        {"member": names[s.member], "score": round(s.bits, 2), "false_accusation_bound": s.bound}
        for s in accused
    ]


def _suspect_rows(standings, level: float, names: dict[int, str]) -> list[dict]:
    ranked = sorted(
        (s for s in standings if "lexical" in s.layers or s.bound <= level),
        key=lambda s: (-s.bits, s.member),
    )
    return [{"member": names[s.member], "score": round(s.bits, 2)} for s in ranked[:10]]


def _segment_row(
    part: _SegmentTrace,
    excerpt: Folded,
    length: int,
    invisible: dict,
    level: float,
    names: dict[int, str],
) -> dict:
    """A segment as the contract has it; start and end are positions in the input."""
    standings = {m: _copy_standing(s) for m, s in part.standings.items()}
    ids = {v.pk for v in part.versions}
    for member, version, bound in invisible["readings"]:
        if version in ids and bound <= level:
            standing = standings.setdefault(member, _Standing(member))
            standing.layers.add("invisible")
            standing.bound = min(standing.bound, bound)
    version = part.versions[0]
    return {
        "start": excerpt.original(part.segment.start, length),
        "end": excerpt.positions[part.segment.end - 1] + 1,
        "material": version.material_id,
        "version": version.number,
        "matched_chars": part.segment.best.matched,
        "candidates": part.candidates,
        "accused": _accused_rows(_accused(standings.values(), level), names),
        "suspects": _suspect_rows(standings.values(), level, names),
    }


def _copy_standing(standing: _Standing) -> _Standing:
    return _Standing(standing.member, standing.bits, standing.bound, set(standing.layers))


def _invisible_layer(secret: bytes, text: str, level: float, standings: dict) -> dict:
    readings = read_marks(secret, text)
    copies = Copy.objects.in_bulk([r.copy for r in readings])
    report, versions, named = [], [], []
    for reading in readings:
        copy = copies.get(reading.copy)
        if copy is None:
            continue  # a valid tag for a copy id never issued: impossible without the key
        bound = marks_bound(reading)
        report.append(
            {
                "copy": copy.pk,
                "member": copy.member_id,
                "version": copy.version_id,
                "support": reading.support,
                "false_bound": bound,
            }
        )
        versions.append(copy.version_id)
        named.append((copy.member_id, copy.version_id, bound))
        standing = standings.setdefault(copy.member_id, _Standing(copy.member_id))
        if bound <= level:
            standing.layers.add("invisible")
            standing.bound = min(standing.bound, bound)
    return {"report": {"copies": report}, "versions": versions, "readings": named}


def _latest_plans(version: MaterialVersion) -> dict[int, int]:
    """Member → the plan of their latest copy of ``version``: each is scored once, so."""
    latest: dict[int, int] = {}
    for member, plan in (
        Copy.objects.filter(version=version)
        .order_by("created_at", "id")
        .values_list("member_id", "plan_id")
    ):
        latest[member] = plan
    return latest


def _lexical_layer(
    secret: bytes,
    version: MaterialVersion,
    alignment: Alignment,
    latest: dict[int, int],
    candidates: int,
    level: float,
    segments: int,
    standings: dict,
    span: tuple[int, int],
) -> tuple[int, int]:
    """Score the members issued ``version``; the slots read and the plans scored. With
    several segments each is tested at ``level / segments``: bounds count ``segments``
    times."""
    by_plan: dict[int, list[int]] = defaultdict(list)
    for member, plan in latest.items():
        by_plan[plan].append(member)
    read = 0
    plans = {p.pk: p for p in version.slot_plans.filter(pk__in=by_plan)}
    for plan_id, members in sorted(by_plan.items()):
        slots = plan_slots(plans[plan_id])
        code = VersionCode.build(secret, version.pk, slots)
        observed = read_wordings(alignment, slots)
        read = max(read, len(observed))
        members.sort()
        accusation = accuse(code, observed, members, candidates=candidates, level=level)
        for suspect in accusation.suspects + accusation.accused:
            _record(standings, suspect, code, observed, level, segments, (version.pk, span))
    return read, len(by_plan)


def _record(
    standings: dict,
    suspect: Suspect,
    code: VersionCode,
    observed,
    level: float,
    segments: int,
    where: tuple[int, tuple[int, int]],
) -> None:
    standing = standings.setdefault(suspect.member, _Standing(suspect.member))
    standing.layers.add("lexical" if suspect.stage == 1 else "lexical, joint decoding")
    standing.bits = max(standing.bits, suspect.bits)
    bound = min(1.0, suspect.bound * segments)
    if bound <= level and bound < standing.bound:
        standing.bound = bound
        standing.evidence = _evidence(code, observed, suspect.member)
        standing.version, standing.span = where


def _evidence(code: VersionCode, observed: list[Observation], member: int) -> list[dict]:
    """Per slot read: its wordings, the one seen, and the member's."""
    own = code.wordings(member)
    return [
        {
            "slot": code.slots[o.index].key,
            "wordings": list(code.slots[o.index].variants),
            "seen": o.wording,
            "member": own[o.index],
        }
        for o in observed
    ]


def _usernames(standings: dict) -> dict[int, str]:
    users = get_user_model().objects.filter(pk__in=list(standings))
    return {u.pk: u.get_username() for u in users}
