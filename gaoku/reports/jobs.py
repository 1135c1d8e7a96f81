"""The report job: each piece of a report's evidence traced in the worker (a photo or a
scan is read by OCR, which may take minutes), then the leak named."""

from __future__ import annotations

from gaoku.errors import GaokuError
from gaoku.ops.jobs import JobInput, job_item_add
from gaoku.ops.models import Job
from gaoku.reports.models import Report
from gaoku.reports.services import report_traced
from gaoku.traces.services import trace_run


def report_job_run(job: Job, inputs: list[JobInput]) -> None:
    report = Report.objects.get(pk=job.params["report"])
    for item in inputs[len(job.items) :]:
        try:
            trace_run(
                by=None,
                operator=f"举报 #{report.pk}",
                channel="rep",
                data=item.read(),
                filename=item.name,
                recorded=lambda trace, name=item.name: _note(job, report, name, trace),
            )
        except GaokuError as exc:
            # Evidence that cannot be read (empty, corrupt, no text) is noted, and the
            # rest is still traced.
            job_item_add(job, {"name": item.name, "error": exc.message})
    report_traced(report)


def _note(job: Job, report: Report, name: str, trace) -> None:
    report.traces.add(trace)
    job_item_add(job, {"name": name, "trace": trace.pk})
