"""Reads for the trace pages: recent traces, and one accused member's copy beside the excerpt."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.models import Copy
from gaoku.copies.services import copy_worded
from gaoku.core.excerpt import align, diff_pieces, fold, nfkc
from gaoku.core.fingerprint import strip_marks
from gaoku.errors import NotFound
from gaoku.library.models import Material
from gaoku.traces.models import Trace

TRACE_NOT_FOUND = "追查记录 {id} 不存在。"


def trace_list() -> QuerySet[Trace]:
    return Trace.objects.select_related("material", "version", "ran_by").prefetch_related("accused")


def trace_get(pk: int) -> Trace:
    trace = trace_list().filter(pk=pk).first()
    if trace is None:
        raise NotFound(TRACE_NOT_FOUND.format(id=pk))
    return trace


def segment_rows(trace: Trace) -> list[dict]:
    """The trace's segments with their materials' titles and the text of each stretch."""
    segments = trace.result.get("segments", [])
    titles = dict(
        Material.objects.filter(pk__in=[s["material"] for s in segments]).values_list("pk", "title")
    )
    return [
        segment
        | {
            "title": titles.get(segment["material"], ""),
            "text": strip_marks(trace.text[segment["start"] : segment["end"]]),
        }
        for segment in segments
    ]


def member_copy_beside(trace: Trace, username: str) -> list[tuple[str, str, str]]:
    """The stretch of the member's copy the excerpt covers, diffed against the excerpt.

    The copy is recomputed from the key, as it was issued (marks aside): the member's
    wordings under the plan of their latest copy of the version. Both sides are compared
    in NFKC, so that full- and half-width punctuation — a leaker's usual reformatting —
    do not hide the differences that matter.
    """
    member = get_user_model().objects.filter(username=username).first()
    version_id = trace.result.get("evidence_versions", {}).get(username, trace.version_id)
    copy = (
        Copy.objects.filter(version_id=version_id, member=member)
        .select_related("plan", "version")
        .first()
        if member and version_id
        else None
    )
    if copy is None:
        return []
    text = nfkc(copy_worded(fingerprint_secret(), copy))
    excerpt = nfkc(strip_marks(_evidence_stretch(trace, username)))
    own, seen = fold(text), fold(excerpt)
    alignment = align(own, seen)
    if alignment.end <= alignment.start:
        return []
    first, last = alignment.excerpt_span(alignment.start, alignment.end)
    source = text[own.positions[alignment.start] : own.positions[alignment.end - 1] + 1]
    shown = excerpt[seen.positions[first] : seen.positions[max(last - 1, first)] + 1]
    return diff_pieces(source, shown)


def _evidence_stretch(trace: Trace, username: str) -> str:
    """The stretch of the traced text the member's evidence was read from: in a
    compilation, their segment only."""
    span = trace.result.get("evidence_spans", {}).get(username)
    if not span:
        return trace.text
    folded = fold(trace.text)
    start, end = span
    return trace.text[folded.original(start, len(trace.text)) : folded.positions[end - 1] + 1]
