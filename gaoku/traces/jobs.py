"""The trace job: a file uploaded on the trace page (a scan or a photo is read by OCR,
which may take minutes) is traced in the worker."""

from __future__ import annotations

from gaoku.ops.jobs import JobInput, job_item_add
from gaoku.ops.models import Job
from gaoku.traces.services import trace_run


def trace_job_run(job: Job, inputs: list[JobInput]) -> None:
    for item in inputs[len(job.items) :]:
        trace_run(
            by=job.created_by,
            operator=job.params.get("operator", ""),
            channel="web",
            data=item.read(),
            filename=item.name,
            recorded=lambda trace, name=item.name: job_item_add(
                job, {"name": name, "trace": trace.pk}
            ),
        )
