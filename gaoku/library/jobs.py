"""The import job: files uploaded on the import page, read (OCR and all) in the worker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from gaoku.core.cleaning import compile_patterns, rule_regex
from gaoku.core.readers import ReadResult
from gaoku.core.readers.kept import KeptReads
from gaoku.core.readers.packs import is_pack, unpack
from gaoku.errors import GaokuError, ImportRejected
from gaoku.library.selectors import materials_matching
from gaoku.library.serializers import import_outcome_to_dict
from gaoku.library.services import (
    ImportOutcome,
    import_batch,
    metadata_from_json,
    read_result_import,
    rule_apply,
)
from gaoku.ops.jobs import (
    JobInput,
    heartbeat_touch,
    job_item_add,
    job_result_set,
    job_submit,
    uploads_dir,
)
from gaoku.ops.models import Job
from gaoku.search.services import search_index_batched


def import_job_run(job: Job, inputs: list[JobInput]) -> None:
    """Import each file not yet done, the files of a zip pack among them. The files are
    one batch: all are read first (gaoku.core.cleaning.batch), then each file's import and
    its entry in the job commit together; reading (OCR may take minutes) happens outside
    any transaction, and what was read is kept beside the input, so a job run again after
    a crash reads nothing twice."""
    metadata = metadata_from_json(job.params.get("metadata", {}))
    pending = _unpacked(job, inputs)[len(job.items) :]
    kept = KeptReads(uploads_dir() / job.inputs / "reads")
    reads: list[ReadResult | GaokuError] = []
    for item in pending:
        reads.append(_read(item, kept))
        job_result_set(job, {"read": len(job.items) + len(reads)})
    batch = import_batch(read.text for read in reads if isinstance(read, ReadResult))
    with search_index_batched():
        for item, read in zip(pending, reads, strict=True):
            try:
                if isinstance(read, GaokuError):
                    raise read
                with transaction.atomic():
                    outcome = read_result_import(
                        read, item.name, metadata, "ask", job.created_by, None, batch
                    )
                    job_item_add(job, _item(item.name, outcome))
            except GaokuError as exc:
                job_item_add(job, {"name": item.name, "error": exc.message})


@dataclass(frozen=True)
class _File:
    name: str
    path: Path | None  # None: it cannot be read, for ``error``
    error: str = ""


def _unpacked(job: Job, inputs: list[JobInput]) -> list[_File]:
    """The job's files, each zip pack's entries in its place (gaoku.core.readers.packs).
    Entries are written beside the inputs once, then listed in the job in one update, so
    that a job run again after a crash finds them as they were."""
    folder = uploads_dir() / job.inputs
    if "unpacked" not in job.params:
        files = []
        for number, item in enumerate(inputs):
            if not is_pack(item.path):
                files.append({"name": item.name, "file": item.path.name})
                continue
            entries = unpack(item.path, max_bytes=settings.GAOKU_MAX_IMPORT_BYTES, name=item.name)
            try:
                for index, entry in enumerate(entries):  # one entry's bytes in memory at a time
                    if entry.error is not None:
                        files.append({"name": entry.name, "error": entry.error.message})
                        continue
                    target = folder / f"{number:04d}-{index:04d}"
                    target.write_bytes(entry.data)
                    files.append({"name": entry.name, "file": target.name})
            except GaokuError as exc:  # the pack as a whole: checked before any entry is read
                files.append({"name": item.name, "error": exc.message})
        job.params = {**job.params, "unpacked": files}
        job.total = len(files)
        job.save(update_fields=["params", "total"])
    return [
        _File(f["name"], folder / f["file"] if "file" in f else None, f.get("error", ""))
        for f in job.params["unpacked"]
    ]


def _read(item: _File, kept: KeptReads) -> ReadResult | GaokuError:
    if item.path is None:
        return ImportRejected(item.error)
    try:
        return kept.read_path(item.path, max_bytes=settings.GAOKU_MAX_IMPORT_BYTES)
    except GaokuError as exc:
        return exc


def _item(name: str, outcome: ImportOutcome) -> dict:
    entry = {
        "name": name,
        "status": outcome.status,
        "removals": outcome.prepared.removals,
        **import_outcome_to_dict(outcome),
    }
    if outcome.status == "draft":
        entry["draft"] = outcome.draft.pk
        entry["similar_to"] = {"material": outcome.similar_to.pk, "title": outcome.similar_to.title}
        entry["similarity"] = outcome.similarity
    return entry


def rules_apply_submit(
    *, rules: Sequence[tuple[str, str]], user: AbstractBaseUser, note: str = ""
) -> Job:
    """Queue editors' rules (pattern, kind) to be applied to the materials already in the
    library; ``note`` says where the editor asked for it."""
    return job_submit(
        kind=Job.Kind.CLEAN,
        by=user,
        params={"rules": [list(rule) for rule in rules], "note": note},
    )


def rules_apply_job_run(job: Job, inputs: list[JobInput]) -> None:
    """Give every material whose current text holds a line the job's rules match its
    next version without those lines. Which materials is decided once, on the first
    run; each material's version and its entry in the job commit together, so a job run
    again after a crash goes on from the first material not done."""
    rules = compile_patterns(rule_regex(pattern, kind) for pattern, kind in job.params["rules"])
    if "materials" not in job.result:
        found = materials_matching(rules)
        job.total = len(found)
        job.save(update_fields=["total"])
        job_result_set(job, {"materials": found})
    done = {item["material"] for item in job.items}
    with search_index_batched():
        for material_id in job.result["materials"]:
            if material_id in done:
                continue
            heartbeat_touch(job.pk)
            try:
                with transaction.atomic():
                    entry = rule_apply(material_id=material_id, rules=rules, user=job.created_by)
                    job_item_add(job, entry)
            except GaokuError as exc:
                job_item_add(job, {"material": material_id, "lines": [], "error": exc.message})
