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
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import Copy
from gaoku.copies.services import plan_slots
from gaoku.core.excerpt import Alignment, align, fold
from gaoku.core.fingerprint import VersionCode, read_marks, strip_marks
from gaoku.core.fingerprint.accusation import Suspect, accuse, marks_bound
from gaoku.core.fingerprint.reading import Observation, read_wordings
from gaoku.core.readers import read_bytes
from gaoku.errors import InvalidInput
from gaoku.library.models import MaterialVersion
from gaoku.library.selectors import excerpt_sources
from gaoku.traces.models import Trace

NO_TEXT = "没有可以追查的文字：请粘贴文字或上传文件。"
TOO_LONG = "文字太长（{chars} 字），一次最多追查 {limit} 字。"
MAX_CHARS = 200_000
# Versions matching at least this share of the best match are scored too.
NEAR_TIE = 0.95


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
) -> Trace:
    """Trace a suspected copy and keep the trace; see the module docstring."""
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
    return trace


CONTRACT_KEYS = (
    "material",
    "version",
    "matched_chars",
    "candidates",
    "layers",
    "accused",
    "suspects",
)


def trace_document(trace: Trace) -> dict:
    """The trace's result as DESIGN.md's contract has it, for `gaoku trace` and the API."""
    return {key: trace.result[key] for key in CONTRACT_KEYS}


def trace_text(text: str, *, level: float) -> tuple[dict, MaterialVersion | None, list[int]]:
    """The trace result (DESIGN.md's JSON), the version found and the accused members' ids."""
    secret = fingerprint_secret()
    standings: dict[int, _Standing] = {}
    invisible = _invisible_layer(secret, text, level, standings)
    excerpt = fold(text)
    located = _locate(excerpt, invisible["versions"])
    version, alignment = located[0] if located else (None, None)
    # Every (version, member) pair scored counts in the union bound.
    issued = {v.pk: _latest_plans(v) for v, _ in located}
    candidates = sum(len(members) for members in issued.values())
    lexical: dict = {"slots_read": 0, "plans": 0, "versions": len(located)}
    for located_version, located_alignment in located:
        read, plans = _lexical_layer(
            secret,
            located_version,
            located_alignment,
            issued[located_version.pk],
            candidates,
            level,
            standings,
        )
        lexical["slots_read"] = max(lexical["slots_read"], read)
        lexical["plans"] += plans
    names = _usernames(standings)
    for entry in invisible["report"]["copies"]:
        entry["member"] = names[entry["member"]]
    accused = sorted(
        (s for s in standings.values() if s.bound <= level), key=lambda s: (s.bound, -s.bits)
    )
    suspects = sorted(
        (s for s in standings.values() if "lexical" in s.layers or s.bound <= level),
        key=lambda s: (-s.bits, s.member),
    )
    result = {
        "material": version.material_id if version else None,
        "version": version.number if version else None,
        "matched_chars": alignment.matched if alignment else 0,
        "candidates": candidates,
        "layers": {"invisible": invisible["report"], "lexical": lexical},
        "accused": [
            {
                "member": names[s.member],
                "score": round(s.bits, 2),
                "false_accusation_bound": s.bound,
            }
            for s in accused
        ],
        "suspects": [{"member": names[s.member], "score": round(s.bits, 2)} for s in suspects[:10]],
        # Beyond the contract (DESIGN.md): kept with the trace, shown on its page.
        "level": level,
        "excerpt_chars": len(excerpt.text),
        "accused_layers": {names[s.member]: sorted(s.layers) for s in accused},
        "evidence": {names[s.member]: s.evidence for s in accused if s.evidence},
        "evidence_versions": {names[s.member]: s.version for s in accused if s.evidence},
    }
    return result, version, [s.member for s in accused]


def _invisible_layer(secret: bytes, text: str, level: float, standings: dict) -> dict:
    readings = read_marks(secret, text)
    copies = Copy.objects.in_bulk([r.copy for r in readings])
    report, versions = [], []
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
        standing = standings.setdefault(copy.member_id, _Standing(copy.member_id))
        if bound <= level:
            standing.layers.add("invisible")
            standing.bound = min(standing.bound, bound)
    return {"report": {"copies": report}, "versions": versions}


def _locate(excerpt, marked_versions: list[int]) -> list[tuple[MaterialVersion, Alignment]]:
    """The versions the excerpt matches well enough, best first: the best one, and any that
    match nearly as well — versions of a material share most of their text, so an excerpt
    of the shared part cannot tell them apart, and the leaker may hold any of them."""
    found = {v.pk: v for v in excerpt_sources(excerpt.text)}
    for version in MaterialVersion.objects.filter(pk__in=marked_versions).select_related(
        "material"
    ):
        found.setdefault(version.pk, version)
    aligned = sorted(
        ((v, align(v.text, excerpt)) for v in found.values()),
        key=lambda pair: (-pair[1].matched, -pair[0].pk),
    )
    if not aligned or not aligned[0][1].found:
        return []
    best = aligned[0][1].matched
    return [(v, a) for v, a in aligned if a.matched >= NEAR_TIE * best]


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
    standings: dict,
) -> tuple[int, int]:
    """Score the members issued ``version``; the slots read and the plans scored."""
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
            _record(standings, suspect, code, observed, level, version.pk)
    return read, len(by_plan)


def _record(standings: dict, suspect: Suspect, code: VersionCode, observed, level, version) -> None:
    standing = standings.setdefault(suspect.member, _Standing(suspect.member))
    standing.layers.add("lexical" if suspect.stage == 1 else "lexical, joint decoding")
    standing.bits = max(standing.bits, suspect.bits)
    if suspect.bound <= level and suspect.bound < standing.bound:
        standing.bound = suspect.bound
        standing.evidence = _evidence(code, observed, suspect.member)
        standing.version = version


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
