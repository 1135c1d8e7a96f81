"""The import job: files uploaded on the import page, read (OCR and all) in the worker."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from gaoku.core.readers import read_path
from gaoku.errors import GaokuError
from gaoku.library.serializers import import_outcome_to_dict
from gaoku.library.services import ImportOutcome, metadata_from_json, read_result_import
from gaoku.ops.jobs import JobInput, job_item_add
from gaoku.ops.models import Job
from gaoku.search.services import search_index_batched


def import_job_run(job: Job, inputs: list[JobInput]) -> None:
    """Import each file not yet done. A file's import and its entry in the job commit
    together; reading it (OCR may take minutes) happens before, outside any transaction."""
    metadata = metadata_from_json(job.params.get("metadata", {}))
    with search_index_batched():
        for item in inputs[len(job.items) :]:
            try:
                read = read_path(item.path, max_bytes=settings.GAOKU_MAX_IMPORT_BYTES)
                with transaction.atomic():
                    outcome = read_result_import(
                        read, item.name, metadata, "ask", job.created_by, None
                    )
                    job_item_add(job, _item(item.name, outcome))
            except GaokuError as exc:
                job_item_add(job, {"name": item.name, "error": exc.message})


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
