"""The reindex job: the whole search index rebuilt from the database, in the worker."""

from __future__ import annotations

from gaoku.ops.jobs import JobInput, job_result_set
from gaoku.ops.models import Job
from gaoku.search.services import search_reindex


def reindex_job_run(job: Job, inputs: list[JobInput]) -> None:
    job_result_set(job, {"indexed": search_reindex()})
