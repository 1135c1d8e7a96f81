"""Library services: importing materials and their versions.

Every write goes through here, one transaction per material, so a failed import leaves
nothing behind. The pure steps (reading, cleaning, parsing) are the core's; this module
decides what the library does with their result.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from gaoku.copies.tasks import slot_plan_task
from gaoku.core.calendar import parse_calendar
from gaoku.core.cleaning import Rule, learnable_lines, line_shape
from gaoku.core.cleaning.batch import ImportBatch
from gaoku.core.cleaning.reasons import EDITOR, PATTERN
from gaoku.core.ingest import (
    PreparedText,
    prepare_text,
    remove_lines,
    restore_line,
    sighted_lines,
)
from gaoku.core.readers import ReadResult, read_bytes
from gaoku.core.similarity import content_hash
from gaoku.core.staleness import StaleReference, stale_references
from gaoku.core.structure import document_type
from gaoku.core.text import normalize
from gaoku.errors import InvalidInput, NotFound
from gaoku.library.models import (
    CalendarVersion,
    DocType,
    ExcerptKey,
    ImportDraft,
    KeptLine,
    LineSighting,
    Material,
    MaterialVersion,
    SketchValue,
    Topic,
)
from gaoku.library.selectors import (
    MATERIAL_NOT_FOUND,
    calendar_current,
    cleaning_patterns_enabled,
    recurring_wrapper_lines,
    rule_matches,
    similar_version_find,
    stored_source_hashes,
    version_get,
)
from gaoku.live.services import material_event_publish
from gaoku.ops.audit import audit_record
from gaoku.ops.tasks import task_enqueue
from gaoku.search.services import search_index_update

OnSimilar = Literal["version", "new", "ask"]
DRAFT_GONE = "这份待定导入已经处理过了。"
CALENDAR_EMPTY = "日历里没有任何条目。"


@dataclass(frozen=True)
class ImportMetadata:
    """What the editor says about a material; unset fields are inferred or left empty."""

    doc_type: str | None = None
    topics: tuple[str, ...] = ()
    published: datetime.date | None = None
    level: str = ""
    occasion: str = ""
    note: str = ""  # what a new version changed, for members


@dataclass(frozen=True)
class Source:
    """Where a text came from."""

    name: str
    format: str = ""
    encoding: str = ""


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did.

    ``status`` is ``created`` (a new material), ``new_version`` (the next version of a
    similar material), ``unchanged`` (the same text is already in the library) or
    ``draft`` (similar to ``similar_to``; waiting for an editor's choice).
    """

    status: Literal["created", "new_version", "unchanged", "draft"]
    prepared: PreparedText
    version: MaterialVersion | None = None
    similar_to: Material | None = None
    similarity: float | None = None
    draft: ImportDraft | None = field(default=None)


def material_import(
    *,
    data: bytes,
    name: str,
    metadata: ImportMetadata = ImportMetadata(),
    on_similar: OnSimilar = "version",
    user: AbstractBaseUser | None = None,
    patterns: Sequence[Rule] | None = None,
) -> ImportOutcome:
    """Import one file's bytes as a material or as a new version of a similar one.

    Raises:
        ImportRejected: the file cannot be read, or holds no text once cleaned.
    """
    read = read_bytes(data, name=name, max_bytes=settings.GAOKU_MAX_IMPORT_BYTES)
    return read_result_import(read, name, metadata, on_similar, user, patterns)


def read_result_import(
    read: ReadResult,
    name: str,
    metadata: ImportMetadata,
    on_similar: OnSimilar,
    user: AbstractBaseUser | None,
    patterns: Sequence[Rule] | None,
    batch: ImportBatch | None = None,
) -> ImportOutcome:
    """``material_import`` for a file already read (a background import reads it first,
    outside any transaction)."""
    return text_import(
        raw=read.text,
        source=Source(name=name, format=read.format, encoding=read.encoding or ""),
        metadata=metadata,
        on_similar=on_similar,
        user=user,
        patterns=patterns,
        batch=batch,
    )


def import_batch(texts: Iterable[str]) -> ImportBatch:
    """The batch of one import's texts (gaoku.core.cleaning.batch). Those the library holds
    already, as read from their files (an import run again after a crash, a distributor's
    pack imported again with new files in it), are counted by its sightings alone."""
    by_hash = {content_hash(normalize(text)): text for text in texts}
    batch = ImportBatch(by_hash.values())
    for stored in stored_source_hashes(by_hash):
        batch.imported(by_hash[stored])
    return batch


def text_import(
    *,
    raw: str,
    source: Source,
    metadata: ImportMetadata = ImportMetadata(),
    on_similar: OnSimilar = "version",
    version_of: Material | None = None,
    user: AbstractBaseUser | None = None,
    patterns: Sequence[Rule] | None = None,
    batch: ImportBatch | None = None,
) -> ImportOutcome:
    """Import a text already read from its file (see ``material_import``), one of a
    ``batch`` read together when given: its other documents teach this one their
    source's wrapper as the library's do."""
    text = normalize(raw)
    rules = patterns if patterns is not None else cleaning_patterns_enabled()
    lines = learnable_lines(text)
    cal = calendar_current()

    known = recurring_wrapper_lines(lines, batch, text, besides=version_of)
    prepared = prepare_text(raw, rules, known=known, cal=cal)
    similarity = None
    if version_of is None and on_similar != "new" and not _stored(prepared):
        found = similar_version_find(prepared)
        if found is not None:
            version_of, similarity = found[0].material, found[1]
            # Its own material's sightings are no other holder of its lines: cleaned
            # again without them, a file imported twice is found unchanged.
            own = recurring_wrapper_lines(lines, batch, text, besides=version_of)
            if own != known:
                prepared = prepare_text(raw, rules, known=own, cal=cal)
    try:
        outcome = _import_prepared(
            prepared,
            raw,
            content_hash(text),
            source,
            metadata,
            on_similar,
            version_of,
            similarity,
            user,
        )
    except IntegrityError:
        # A concurrent import stored the same text between our check and our insert.
        existing = MaterialVersion.objects.filter(content_hash=prepared.content_hash).first()
        if existing is None:
            raise
        outcome = ImportOutcome("unchanged", prepared, version=existing)
    if batch is not None and outcome.version is not None:
        # Its lines are the library's sightings now, or were already (a draft's are not).
        batch.imported(text)
    return outcome


@transaction.atomic
def _import_prepared(
    prepared: PreparedText,
    raw: str,
    source_hash: str,  # of the text as read (MaterialVersion.source_hash)
    source: Source,
    metadata: ImportMetadata,
    on_similar: OnSimilar,
    version_of: Material | None,
    similarity: float | None,
    user: AbstractBaseUser | None,
) -> ImportOutcome:
    existing = MaterialVersion.objects.filter(content_hash=prepared.content_hash).first()
    if existing is not None:
        return ImportOutcome("unchanged", prepared, version=existing)
    if version_of is not None and on_similar == "ask":
        draft = ImportDraft.objects.create(
            similar_to=version_of,
            similarity=similarity or 0.0,
            source_name=source.name[:255],
            source_format=source.format,
            source_encoding=source.encoding,
            raw_text=raw,
            metadata=metadata_to_json(metadata),
            created_by=user,
        )
        return ImportOutcome("draft", prepared, None, version_of, similarity, draft)
    if version_of is not None:
        version = _version_add(version_of, prepared, source, source_hash, user, note=metadata.note)
        _import_audit("version.add", version, source, user)
        material_event_publish(version)
        return ImportOutcome("new_version", prepared, version, version_of, similarity)
    material = Material.objects.create(
        title=prepared.outline.title[:200],
        doc_type=metadata.doc_type or document_type(prepared.outline) or DocType.OTHER,
        level=metadata.level,
        occasion=metadata.occasion,
        published=metadata.published or timezone.localdate(),
    )
    material.topics.set(topics_ensure(metadata.topics))
    version = _version_add(material, prepared, source, source_hash, user, note=metadata.note)
    _import_audit("material.import", version, source, user)
    material_event_publish(version)
    return ImportOutcome("created", prepared, version)


def _stored(prepared: PreparedText) -> bool:
    return MaterialVersion.objects.filter(content_hash=prepared.content_hash).exists()


def _import_audit(
    action: str, version: MaterialVersion, source: Source, user: AbstractBaseUser | None
) -> None:
    audit_record(
        action,
        actor=user,
        object=f"material:{version.material_id}",
        detail={"version": version.number, "title": version.material.title, "file": source.name},
    )


def _version_add(
    material: Material,
    prepared: PreparedText,
    source: Source,
    source_hash: str,
    user: AbstractBaseUser | None,
    *,
    note: str = "",
) -> MaterialVersion:
    # Lock the material so two imports cannot take the same version number.
    material = Material.objects.select_for_update().get(pk=material.pk)
    last = material.versions.order_by("-number").values_list("number", flat=True).first()
    version = MaterialVersion.objects.create(
        material=material,
        number=(last or 0) + 1,
        text=prepared.text,
        content_hash=prepared.content_hash,
        chars=prepared.chars,
        outline=prepared.outline.to_dict(),
        part_spans=[[p.start, p.end] for p in prepared.outline.parts],
        placeholders=list(prepared.placeholders),
        dated_references=list(prepared.dated_references),
        removed_lines=list(prepared.removed_lines),
        removed_positions=list(prepared.removed_positions),
        removal_reasons=list(prepared.removal_reasons),
        source_name=source.name[:255],
        source_format=source.format,
        source_encoding=source.encoding,
        source_hash=source_hash,
        note=note.strip()[:200],
        created_by=user,
    )
    SketchValue.objects.bulk_create(SketchValue(version=version, value=v) for v in prepared.sketch)
    ExcerptKey.objects.bulk_create(
        ExcerptKey(version=version, value=v) for v in prepared.locator_keys
    )
    material.current = version
    material.title = prepared.outline.title[:200]
    material.save(update_fields=["current", "title", "updated_at"])
    _sightings_record(material, prepared)
    search_index_update(material=material)
    task_enqueue(slot_plan_task, version.pk)
    return version


NOT_REMOVED = "第 {number} 版导入时没有删去这一行：{line}"
NO_POSITIONS = (
    "第 {number} 版导入时没有记下删去的各行在文中的位置，无法改动；请改好原文件后重新导入。"
)
SUPERSEDED = "资料 {id} 已有更新的第 {current} 版，这一行不在它删去的行里。"
SAME_TEXT = "改后的正文与资料 {id} 的第 {number} 版相同，不再另存。"
PUT_BACK_NOTE = "放回导入时删去的一行：{line}"


@transaction.atomic
def removed_line_restore(
    *, material_id: int, number: int, index: int, line: str, user: AbstractBaseUser
) -> MaterialVersion:
    """Put a line the import removed back where it stood, as the material's next version:
    an editor's correction of the cleaner. ``index`` numbers the removed lines of version
    ``number`` and ``line`` is the one it numbers there, as the editor saw it; after an
    earlier line was put back, that version's list still names the line, which the current
    version, read from the same file, has removed too.

    Raises:
        NotFound: no such material or version.
        InvalidInput: no such removed line, a version imported before positions were kept,
            or a newer version from another file.
    """
    material = Material.objects.select_for_update().filter(pk=material_id).first()
    if material is None:
        raise NotFound(MATERIAL_NOT_FOUND.format(id=material_id))
    version = version_get(material, number)
    if not 0 <= index < len(version.removed_lines) or version.removed_lines[index] != line:
        raise InvalidInput(NOT_REMOVED.format(number=version.number, line=line[:40]))
    if len(version.removed_positions) != len(version.removed_lines):
        raise InvalidInput(NO_POSITIONS.format(number=version.number))
    place = version.removed_positions[index]
    current = MaterialVersion.objects.get(pk=material.current_id)
    # The current version, read from the same file, has the line still removed there.
    same_file = bool(version.source_hash) and current.source_hash == version.source_hash
    removed = list(zip(current.removed_positions, current.removed_lines, strict=False))
    if not same_file or (place, line) not in removed:
        raise InvalidInput(SUPERSEDED.format(id=material.pk, current=current.number))
    prepared = restore_line(
        current.text,
        current.removed_lines,
        current.removed_positions,
        removed.index((place, line)),
        cal=calendar_current(),
        reasons=current.removal_reasons,
    )
    restored = _corrected(material, current, prepared, user, PUT_BACK_NOTE.format(line=line))
    audit_record(
        "version.restore_line",
        actor=user,
        object=f"material:{material.pk}",
        detail={"version": restored.number, "line": line},
    )
    if learnable_lines(line):
        # The editor says it is the documents' own: the library no longer learns it as
        # a source's wrapper (admin → 清理规则 lets it be learned again).
        learned_line_keep(shape=line_shape(line), user=user)
    material_event_publish(restored)
    return restored


NOT_KEPT = "第 {number} 版的正文里没有这一行：{line}"
NOT_CURRENT = "资料 {id} 已有更新的第 {current} 版；请在最新一版里删去这一行。"
TITLE_KEPT = "标题是文档自己的，不能当作页面的文字删去。"
REMOVE_NOTE = "删去导入时留下的页面文字：{line}"
RULE_NOTE = "按清理规则删去 {n} 行：{lines}"


@transaction.atomic
def kept_line_remove(
    *, material_id: int, number: int, index: int, line: str, user: AbstractBaseUser
) -> MaterialVersion:
    """Remove a line the import kept (a page's notice the cleaner took for the
    document's), as the material's next version: the inverse of removed_line_restore,
    so the line can be put back. ``index`` numbers the lines of version ``number``, the
    current one, and ``line`` is the one it numbers there, as the editor saw it.

    Raises:
        NotFound: no such material or version.
        InvalidInput: no such line, the title, a version that is no longer the current
            one, or a version imported before positions were kept.
    """
    material = Material.objects.select_for_update().filter(pk=material_id).first()
    if material is None:
        raise NotFound(MATERIAL_NOT_FOUND.format(id=material_id))
    version = version_get(material, number)
    if version.pk != material.current_id:
        current = MaterialVersion.objects.get(pk=material.current_id)
        raise InvalidInput(NOT_CURRENT.format(id=material.pk, current=current.number))
    lines = version.text.split("\n")
    if not 0 <= index < len(lines) or lines[index] != line:
        raise InvalidInput(NOT_KEPT.format(number=version.number, line=line[:40]))
    if line == version.outline.get("title"):
        raise InvalidInput(TITLE_KEPT)
    removed = _lines_removed(material, version, [index], user, REMOVE_NOTE.format(line=line))
    audit_record(
        "version.remove_line",
        actor=user,
        object=f"material:{material.pk}",
        detail={"version": removed.number, "line": line},
    )
    if learnable_lines(line):
        # The editor says it is a page's: the library may learn it again as wrapper.
        learned_line_release(shape=line_shape(line), user=user)
    return removed


def rule_apply(*, material_id: int, rules: Sequence[Rule], user: AbstractBaseUser | None) -> dict:
    """Remove from a material's current text the lines that editors' ``rules`` match (as
    an import would have), as its next version; what was done, for a job's entry.

    Raises:
        InvalidInput, ImportRejected: the text left would be stored already, or empty.
    """
    with transaction.atomic():
        material = Material.objects.select_for_update().filter(pk=material_id).first()
        if material is None or material.current_id is None:
            return {"material": material_id, "lines": []}
        version = MaterialVersion.objects.get(pk=material.current_id)
        indexes = rule_matches(version, rules)
        entry = {"material": material.pk, "title": material.title, "lines": []}
        if not indexes:
            return entry  # changed since the job looked, or by another job
        lines = version.text.split("\n")
        gone = [lines[i] for i in indexes]
        note = RULE_NOTE.format(n=len(gone), lines="；".join(gone))
        removed = _lines_removed(material, version, indexes, user, note, why=PATTERN)
        audit_record(
            "version.remove_lines",
            actor=user,
            object=f"material:{material.pk}",
            detail={"version": removed.number, "lines": gone},
        )
    return {**entry, "version": removed.number, "lines": gone}


def _lines_removed(
    material: Material,
    version: MaterialVersion,
    indexes: Sequence[int],
    user: AbstractBaseUser | None,
    note: str,
    why: str = EDITOR,
) -> MaterialVersion:
    """The next version of ``material``: ``version`` without its lines ``indexes``, each
    removed for ``why`` (gaoku.core.cleaning.reasons).
    It is a correction of the cleaner, not new writing, so followers hear nothing of it;
    a member who took the older version sees that a newer one exists on its page."""
    if len(version.removed_positions) != len(version.removed_lines):
        raise InvalidInput(NO_POSITIONS.format(number=version.number))
    prepared = remove_lines(
        version.text,
        version.removed_lines,
        version.removed_positions,
        set(indexes),
        cal=calendar_current(),
        reasons=version.removal_reasons,
        why=why,
    )
    return _corrected(material, version, prepared, user, note)


def _corrected(
    material: Material,
    version: MaterialVersion,
    prepared: PreparedText,
    user: AbstractBaseUser | None,
    note: str,
) -> MaterialVersion:
    """The next version of ``material``: an editor's correction of what the import made
    of ``version``'s file, read from the same file."""
    same = MaterialVersion.objects.filter(content_hash=prepared.content_hash).first()
    if same is not None:  # a text is stored once (the hash is unique)
        raise InvalidInput(SAME_TEXT.format(id=same.material_id, number=same.number))
    source = Source(version.source_name, version.source_format, version.source_encoding)
    return _version_add(material, prepared, source, version.source_hash, user, note=note)


def _sightings_record(material: Material, prepared: PreparedText) -> None:
    """Remember the material's learnable lines, kept or removed, so that a line other
    documents hold too is known as wrapper (see recurring_wrapper_lines)."""
    shapes = {line_shape(line) for line in sighted_lines(prepared)}
    LineSighting.objects.bulk_create(
        [LineSighting(shape=shape, material=material) for shape in shapes if len(shape) <= 200],
        ignore_conflicts=True,
    )


def learned_line_keep(*, shape: str, user: AbstractBaseUser) -> None:
    """Keep a learned line as the documents' own: later imports no longer remove it as
    their source's wrapper (what earlier imports removed stays as it was imported)."""
    _, created = KeptLine.objects.get_or_create(shape=shape[:200], defaults={"kept_by": user})
    if created:
        audit_record("cleaning.keep_line", actor=user, object=f"line:{shape}"[:200])


def learned_line_release(*, shape: str, user: AbstractBaseUser) -> None:
    """Let the library learn a kept line again."""
    deleted, _ = KeptLine.objects.filter(shape=shape).delete()
    if deleted:
        audit_record("cleaning.release_line", actor=user, object=f"line:{shape}"[:200])


def topics_ensure(names: Sequence[str]) -> list[Topic]:
    """The topics of these names, created where missing."""
    return [Topic.objects.get_or_create(name=n.strip()[:40])[0] for n in names if n.strip()]


def import_draft_resolve(
    *, draft_id: int, choice: Literal["version", "new"], user: AbstractBaseUser
) -> ImportOutcome:
    """Import a draft as the next version of its similar material, or as a new material.

    Raises:
        NotFound: the draft was already resolved (a second click, another editor).
    """
    with transaction.atomic():
        draft = ImportDraft.objects.select_for_update().filter(pk=draft_id).first()
        if draft is None:
            raise NotFound(DRAFT_GONE)
        outcome = text_import(
            raw=draft.raw_text,
            source=Source(draft.source_name, draft.source_format, draft.source_encoding),
            metadata=metadata_from_json(draft.metadata),
            on_similar=choice,
            version_of=draft.similar_to if choice == "version" else None,
            user=user,
        )
        draft.delete()
    return outcome


def metadata_to_json(metadata: ImportMetadata) -> dict:
    return {
        "doc_type": metadata.doc_type,
        "topics": list(metadata.topics),
        "published": metadata.published.isoformat() if metadata.published else None,
        "level": metadata.level,
        "occasion": metadata.occasion,
        "note": metadata.note,
    }


def metadata_from_json(data: dict) -> ImportMetadata:
    published = data.get("published")
    return ImportMetadata(
        doc_type=data.get("doc_type"),
        topics=tuple(data.get("topics") or ()),
        published=datetime.date.fromisoformat(published) if published else None,
        level=data.get("level") or "",
        occasion=data.get("occasion") or "",
        note=data.get("note") or "",
    )


REFRESH_NOTHING = "这份资料没有可以直接替换的过时提法（需改写的请编辑后重新导入）。"


def material_refresh(
    *, material: Material, user: AbstractBaseUser, today: datetime.date | None = None
) -> ImportOutcome:
    """A new version of ``material`` with every stale reference that has a current
    wording replaced by it (十九大 → 二十大, 2020年 → 2026年); references flagged for
    rewriting (今年是…之年) are left for the editor.

    Raises:
        InvalidInput: nothing can be replaced.
    """
    version = material.current
    refs = [
        r
        for r in stale_references(
            version.text, today or timezone.localdate(), cal=calendar_current()
        )
        if r.suggestion
    ]
    if not refs:
        raise InvalidInput(REFRESH_NOTHING, code="nothing_to_refresh")
    text = version.text
    for ref in reversed(refs):
        text = text[: ref.start] + ref.suggestion + text[ref.end :]
    return text_import(
        raw=text,
        source=Source(name=f"refresh of v{version.number}", format="text"),
        metadata=ImportMetadata(note=_refresh_note(refs)),
        version_of=material,
        on_similar="version",
        user=user,
        patterns=(),
    )


def _refresh_note(refs: list[StaleReference]) -> str:
    """The note of a refreshed version: what was updated (更新过时提法：十九大→二十大、…)."""
    changes = "、".join(dict.fromkeys(f"{r.text}→{r.suggestion}" for r in refs))
    return f"更新过时提法：{changes}"[:200]


def calendar_save(*, text: str, by: AbstractBaseUser) -> CalendarVersion:
    """Put an admin's edit of the political calendar in force: import's finder and the
    staleness check read it from now on (copies already issued keep the calendar they
    were localised with). The earlier calendars stay as its history.

    Raises:
        InvalidInput: a line that is not an entry (which line, and why), or no entry.
    """
    text = text.replace("\r\n", "\n").strip() + "\n"
    try:
        parsed = parse_calendar(text)
    except ValueError as exc:
        raise InvalidInput(str(exc), code="calendar_invalid") from None
    if not parsed.entries:
        raise InvalidInput(CALENDAR_EMPTY, code="calendar_invalid")
    saved = CalendarVersion.objects.create(text=text, created_by=by)
    audit_record(
        "calendar.edit",
        actor=by,
        object=f"calendar:{saved.pk}",
        detail={"entries": len(parsed.entries)},
    )
    return saved
