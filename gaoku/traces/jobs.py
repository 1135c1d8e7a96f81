"""The trace job: a scan or a photo to trace (read by OCR, which may take minutes) is
traced in the worker, whether it came from the trace page or the API."""

from __future__ import annotations

import io

from django.contrib.auth.models import AbstractBaseUser

from gaoku.core.readers import may_need_ocr
from gaoku.ops.jobs import JobInput, job_item_add, job_submit
from gaoku.ops.models import Job
from gaoku.traces.models import Trace
from gaoku.traces.services import trace_run


def trace_start(
    *,
    by: AbstractBaseUser,
    channel: str,
    text: str = "",
    data: bytes | None = None,
    filename: str = "",
) -> Trace | Job:
    """The trace of ``text`` or a file, run now; or, for a file that may need OCR, the job
    that runs it in the worker."""
    if data and may_need_ocr(data, filename):
        return job_submit(
            kind=Job.Kind.TRACE,
            by=by,
            params={"channel": channel},
            files=[(filename, io.BytesIO(data))],
        )
    return trace_run(by=by, channel=channel, text=text, data=data, filename=filename)


def trace_job_run(job: Job, inputs: list[JobInput]) -> None:
    for item in inputs[len(job.items) :]:
        trace_run(
            by=job.created_by,
            operator=job.params.get("operator", ""),
            channel=job.params.get("channel", "web"),
            data=item.read(),
            filename=item.name,
            recorded=lambda trace, name=item.name: job_item_add(
                job, {"name": name, "trace": trace.pk}
            ),
        )
