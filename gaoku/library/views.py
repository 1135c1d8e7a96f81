"""Library pages: catalogue, reader, import. Each validates, calls a service, renders."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gaoku.accounts.lockout import client_address
from gaoku.copies.keys import FingerprintKeyError
from gaoku.copies.selectors import localise_form
from gaoku.copies.services import copy_notice, reading_text
from gaoku.core.calendar import shipped_text
from gaoku.core.diff import Row, version_changes
from gaoku.core.staleness import stale_references
from gaoku.core.text import paragraphs
from gaoku.errors import GaokuError, NotFound
from gaoku.library.forms import DraftChoiceForm, ImportForm, VersionLineForm
from gaoku.library.models import DocType, MaterialVersion
from gaoku.library.selectors import (
    calendar_current,
    calendar_history,
    kept_lines,
    material_get,
    material_list,
    stale_dashboard,
    topic_list,
    version_get,
    version_list,
)
from gaoku.library.services import (
    calendar_save,
    import_draft_resolve,
    kept_line_remove,
    material_refresh,
    metadata_to_json,
    removed_line_restore,
)
from gaoku.live.selectors import followed_values
from gaoku.members.selectors import (
    Entitlement,
    ReaderText,
    entitlement_get,
    is_favourite,
    newer_than_taken,
    reader_preview,
)
from gaoku.ops.jobs import job_list, job_submit
from gaoku.ops.models import Job
from gaoku.ops.ratelimit import RateLimited, rate_spend
from gaoku.site.redirects import posted_next

PAGE_SIZE = 24
logger = logging.getLogger(__name__)


def catalogue(request: HttpRequest) -> HttpResponse:
    doc_type = request.GET.get("type") or None
    topic = request.GET.get("topic") or None
    page = Paginator(material_list(doc_type=doc_type, topic=topic), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    entitlement = entitlement_get(request.user)
    return render(
        request,
        "library/catalogue.html",
        {
            "page": page,
            # The topics' names are read here once: through the template, each row's
            # related manager would cost more than the rest of the row.
            "rows": [(m, entitlement.covers(m), [t.name for t in m.topics.all()]) for m in page],
            "doc_types": DocType.choices,
            "topics": topic_list(),
            "selected_type": doc_type,
            "selected_topic": topic,
            "followed": followed_values(request.user),
        },
    )


def reader(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        material = material_get(pk)
        version = version_get(material, request.GET.get("v"))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    entitlement = entitlement_get(request.user)
    shown = _shown(request, entitlement, version)
    rows = _paragraph_rows(shown.text, version.part_spans)
    stale = (
        stale_references(version.text, timezone.localdate(), cal=calendar_current())
        if shown.full
        else []
    )
    return render(
        request,
        "library/reader.html",
        {
            "material": material,
            "version": version,
            "versions": version_list(material),
            "outline": shown.outline,
            "paragraphs": rows,
            # Parts a preview shows link to their heading; the others to the paywall.
            "shown_parts": {row["part"] for row in rows if row["part"]},
            "full": shown.full,
            "notice": copy_notice(request.user) if shown.full else "",
            "entitlement": entitlement,
            "followed": followed_values(request.user),
            "favourite": is_favourite(request.user, material),
            "taken": newer_than_taken(request.user, material),
            # Positions are the version's; only whoever reads the full text sees them.
            "stale": stale,
            "localise": localise_form(request.user, version, stale) if shown.full else None,
        },
    )


def _shown(request: HttpRequest, entitlement: Entitlement, version: MaterialVersion) -> ReaderText:
    """What of ``version`` the user reads (a reading, counted): the full text as their own
    copy, or the preview — with the reason said — when it cannot be shown."""
    try:
        return reading_text(
            user=request.user,
            entitlement=entitlement,
            version=version,
            address=client_address(request),
        )
    except FingerprintKeyError as exc:
        # Full text is shown only fingerprinted: without the key, the preview.
        logger.error("full text of version %s not shown: %s", version.pk, exc)
        messages.error(request, _("The full text cannot be shown right now; please try later."))
    except RateLimited as exc:  # the member's readings are used up: the preview, and when
        messages.error(request, exc.message)
    return reader_preview(version)


@permission_required("library.add_calendarversion")
def calendar_page(request: HttpRequest) -> HttpResponse:
    """Admins edit the political calendar in force (the shipped one to start from); an
    edit that does not parse is shown again with the line that is wrong."""
    text = request.POST.get("text", "")
    if request.method == "POST":
        if request.POST.get("action") == "shipped":
            text = shipped_text()
        try:
            calendar_save(text=text, by=request.user)
        except GaokuError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Saved; imports and the staleness check use it now."))
            return redirect("library:calendar")
    history = calendar_history()
    current = calendar_current()
    return render(
        request,
        "library/calendar.html",
        {
            "text": text or (history[0].text if history else shipped_text()),
            "history": history,
            "entries": len(current.entries),
            "names": len(current.names()),
        },
    )


def changes(request: HttpRequest, pk: int) -> HttpResponse:
    """Two versions of a material side by side, what changed marked (from ``?from=`` to
    ``?to=``; by default the version before the current one and the current one). Shown
    only to whoever reads both in full, each as their own copy (two readings)."""
    try:
        material = material_get(pk)
        new = version_get(material, request.GET.get("to"))
        old = version_get(material, request.GET.get("from") or max(new.number - 1, 1))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    versions = version_list(material)
    context = {"material": material, "old": old, "new": new, "versions": versions, "rows": None}
    if request.user.has_perm("library.add_material"):
        context["kept_lines"] = kept_lines(material.current)
    entitlement = entitlement_get(request.user)
    if old.number != new.number and entitlement.covers(material):
        old_shown, new_shown = _shown(request, entitlement, old), _shown(request, entitlement, new)
        if old_shown.full and new_shown.full:
            rows = version_changes(old.text, new.text, old_shown.text, new_shown.text)
            context.update(
                rows=_blocks(rows),
                counts=Counter(row.kind for row in rows),
                notice=copy_notice(request.user),
            )
    return render(request, "library/changes.html", context)


def _blocks(rows: list[Row]) -> list[dict]:
    """Rows with each run of unchanged paragraphs gathered into one (shown folded)."""
    blocks: list[dict] = []
    for row in rows:
        if row.kind == "same" and blocks and blocks[-1]["kind"] == "same":
            blocks[-1]["rows"].append(row)
        else:
            blocks.append({"kind": row.kind, "rows": [row]})
    return blocks


def _paragraph_rows(text: str, spans: list[list[int]]) -> list[dict]:
    """Paragraphs with the part they start, for anchors and heading style."""
    starts = {start: n for n, (start, _end) in enumerate(spans, 1)}
    return [{"text": p, "part": starts.get(i)} for i, p in enumerate(paragraphs(text))]


@permission_required("library.add_material")
def import_page(request: HttpRequest) -> HttpResponse:
    """Files are stored and imported in the background; the job's page follows them."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["uploads"]
        try:
            rate_spend(request.user, "upload", len(uploads))
        except GaokuError as exc:
            form.add_error(None, exc.message)
        else:
            job = job_submit(
                kind=Job.Kind.IMPORT,
                by=request.user,
                params={"metadata": metadata_to_json(form.metadata())},
                files=[(upload.name, upload) for upload in uploads],
            )
            return redirect("ops:job", pk=job.pk)
    recent = job_list(user=request.user, kind=Job.Kind.IMPORT)
    return render(request, "library/import.html", {"form": form, "recent": recent})


@require_POST
@permission_required("library.add_material")
def draft_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    form = DraftChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to add a version or to import a new material."))
        return redirect("library:import")
    try:
        outcome = import_draft_resolve(
            draft_id=pk, choice=form.cleaned_data["choice"], user=request.user
        )
    except GaokuError as exc:
        messages.error(request, exc.message)
        return redirect("library:import")
    messages.success(
        request,
        _("Imported as version %(version)d of material #%(material)d.")
        % {"version": outcome.version.number, "material": outcome.version.material_id},
    )
    return redirect("library:reader", pk=outcome.version.material_id)


@require_POST
@permission_required("library.add_material")
def line_put_back(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """An editor puts back a line the import removed (from the import job's results)."""
    return _line_corrected(
        request,
        pk,
        number,
        removed_line_restore,
        _("Choose a removed line to put back."),
        _("The line is back in the text: version %(version)d of material #%(material)d."),
    )


@require_POST
@permission_required("library.add_material")
def line_remove(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """An editor removes a line the import kept: a page's line, not the document's."""
    return _line_corrected(
        request,
        pk,
        number,
        kept_line_remove,
        _("Choose a line of the text to remove."),
        _("The line is removed: version %(version)d of material #%(material)d."),
    )


def _line_corrected(
    request: HttpRequest,
    pk: int,
    number: int,
    correct: Callable[..., MaterialVersion],
    unchosen: str,
    done: str,
) -> HttpResponse:
    """One line of version ``number`` corrected by ``correct`` (a service taking
    material_id, number, index, line and user), then back to where the editor was."""
    back = posted_next(request, reverse("library:changes", args=[pk]))
    form = VersionLineForm(request.POST)
    if not form.is_valid():
        messages.error(request, unchosen)
        return redirect(back)
    try:
        version = correct(
            material_id=pk,
            number=number,
            index=form.cleaned_data["index"],
            line=form.cleaned_data["line"],
            user=request.user,
        )
    except GaokuError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(request, done % {"version": version.number, "material": pk})
    return redirect(back)


@permission_required("library.add_material")
def stale_page(request: HttpRequest) -> HttpResponse:
    """Editors' dashboard: materials with out-of-date references, the most read first."""
    return render(request, "library/stale.html", {"rows": stale_dashboard()})


@require_POST
@permission_required("library.add_material")
def stale_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        outcome = material_refresh(material=material_get(pk), user=request.user)
    except GaokuError as exc:
        messages.error(request, exc.message)
        return redirect("library:stale")
    messages.success(
        request,
        _("Refreshed into version %(version)d; what needs rewriting is still marked.")
        % {"version": outcome.version.number},
    )
    return redirect(f"{reverse('library:reader', args=[pk])}?v={outcome.version.number}")
