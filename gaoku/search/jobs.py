"""Search's jobs: the whole index rebuilt from the database, and a scanned draft read for
the originality check."""

from __future__ import annotations

from gaoku.ops.jobs import JobInput, job_result_set
from gaoku.ops.models import Job
from gaoku.search.selectors import draft_read
from gaoku.search.services import search_reindex


def reindex_job_run(job: Job, inputs: list[JobInput]) -> None:
    job_result_set(job, {"indexed": search_reindex()})


def check_job_run(job: Job, inputs: list[JobInput]) -> None:
    """Read a draft (a scan: OCR) for the originality check; the check itself runs when the
    member opens the result, against the library as it is then."""
    item = inputs[0]
    job_result_set(job, {"text": draft_read(data=item.read(), filename=item.name)})
