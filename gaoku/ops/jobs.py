"""Background jobs: work too long for a request (a scanned import, a trace of a photo, a
reindex) runs in `gaoku worker`, and its user follows it on a status page.

A job is submitted with its input files, which are written under
``GAOKU_DATA/uploads/jobs/<folder>/`` before the job's row is, so that no file is written
inside a database transaction; the row and its task (django-tasks) are written together.
The task carries only the job's id. What a job's runner does for each input it commits
together with the input's entry in ``Job.items``, so a job that runs again after its
worker was killed goes on from the first input not done, and leaves no half-written rows.
A job that fails keeps its input and its reason, and can be retried.

Runners live beside the work they do (``RUNNERS``): each takes the job and its inputs.
"""

from __future__ import annotations

import logging
import secrets
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from gaoku.errors import Forbidden, GaokuError, InvalidInput, NotFound
from gaoku.ops.audit import audit_source_set
from gaoku.ops.models import Job

logger = logging.getLogger(__name__)

RUNNERS = {
    Job.Kind.IMPORT: "gaoku.library.jobs.import_job_run",
    Job.Kind.TRACE: "gaoku.traces.jobs.trace_job_run",
    Job.Kind.CHECK: "gaoku.search.jobs.check_job_run",
    Job.Kind.REINDEX: "gaoku.search.jobs.reindex_job_run",
    Job.Kind.REPORT: "gaoku.reports.jobs.report_job_run",
    Job.Kind.CLEAN: "gaoku.library.jobs.rules_apply_job_run",
}
# A running job whose heartbeat is older than this lost its worker.
STALE_AFTER = timedelta(seconds=60)
# A job interrupted this many times is failed rather than run again: its input may be
# what kills the worker.
MAX_ATTEMPTS = 3
# How long the text read from a member's draft (an originality check of a scan) is kept.
DRAFTS_KEPT = timedelta(hours=1)
INTERNAL = "后台任务意外失败（已记入日志，编号 {job}）。可以重试；若再次失败，请联系管理员。"
INTERRUPTED = "后台任务被中断了 {n} 次（进程被终止），已停止重试。"
NOT_RETRYABLE = "只有失败的任务可以重试。"
NOT_YOURS = "这不是您提交的任务。"
JOB_GONE = "没有这个后台任务。"


@dataclass(frozen=True)
class JobInput:
    name: str
    path: Path

    def read(self) -> bytes:
        """The file's bytes, one past the import limit at most (enough for a reader to
        refuse it as too large)."""
        with open(self.path, "rb") as handle:
            return handle.read(settings.GAOKU_MAX_IMPORT_BYTES + 1)


# The job the worker's thread is running now, for the heartbeat (gaoku.ops.worker).
running_job: int | None = None


def uploads_dir() -> Path:
    return settings.DATA_DIR / "uploads" / "jobs"


def job_submit(
    *,
    kind: Job.Kind,
    by: AbstractBaseUser | None,
    params: dict | None = None,
    files: Sequence[tuple[str, BinaryIO]] = (),
) -> Job:
    """Store the input files (name, readable), then write the job and its task in one
    transaction."""
    folder = secrets.token_hex(16) if files else ""
    names = []
    if files:
        target = uploads_dir() / folder
        target.mkdir(parents=True)
        for index, (name, source) in enumerate(files):
            with open(target / f"{index:04d}", "wb") as sink:
                shutil.copyfileobj(source, sink)
            names.append(name[:255])
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind,
                created_by=by if by is not None and by.is_authenticated else None,
                inputs=folder,
                params={**(params or {}), "files": names},
                total=len(names) or 1,
            )
            _enqueue(job)
    except BaseException:
        if folder:
            shutil.rmtree(uploads_dir() / folder, ignore_errors=True)
        raise
    return job


def _enqueue(job: Job) -> None:
    from gaoku.ops.tasks import job_task, task_enqueue

    # Empty until the task is queued: a job left so after a crash is queued again.
    job.task_id = ""
    job.save(update_fields=["task_id"])
    task_enqueue(job_task, job.pk, queued=lambda task_id: _task_queued(job, task_id))


def _task_queued(job: Job, task_id: str) -> None:
    job.task_id = task_id
    Job.objects.filter(pk=job.pk).update(task_id=task_id)


def job_inputs(job: Job) -> list[JobInput]:
    folder = uploads_dir() / job.inputs
    return [
        JobInput(name, folder / f"{index:04d}")
        for index, name in enumerate(job.params.get("files", []))
    ]


def job_get(job_id: int, *, user: AbstractBaseUser) -> Job:
    """A job its creator (or a superuser) may follow."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        raise NotFound(JOB_GONE)
    if job.created_by_id != user.pk and not user.is_superuser:
        raise Forbidden(NOT_YOURS)
    return job


def job_list(*, user: AbstractBaseUser, kind: Job.Kind, limit: int = 10) -> list[Job]:
    """The user's latest jobs of one kind, newest first."""
    return list(Job.objects.filter(created_by=user, kind=kind)[:limit])


def job_execute(job_id: int) -> None:
    """Run a job (the task's body). A job already finished, or running elsewhere with a
    live heartbeat, is left alone: a task delivered twice does the work once."""
    global running_job
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished or (job.state == Job.State.RUNNING and not _stale(job)):
            return
        if job.attempts >= MAX_ATTEMPTS:
            _finish(job, Job.State.FAILED, INTERRUPTED.format(n=job.attempts))
            return
        now = timezone.now()
        job.state, job.heartbeat, job.attempts = Job.State.RUNNING, now, job.attempts + 1
        job.started_at = job.started_at or now
        job.save(update_fields=["state", "heartbeat", "attempts", "started_at"])
    running_job = job.pk
    audit_source_set("worker")
    try:
        runner: Callable[[Job, list[JobInput]], None] = import_string(RUNNERS[job.kind])
        runner(job, job_inputs(job))
    except GaokuError as exc:
        _finish(job, Job.State.FAILED, exc.message)
    except Exception:
        logger.exception("background job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.State.FAILED, INTERNAL.format(job=job.pk))
    else:
        _finish(job, Job.State.DONE)
        if job.inputs:
            shutil.rmtree(uploads_dir() / job.inputs, ignore_errors=True)
    finally:
        running_job = None


def _finish(job: Job, state: Job.State, error: str = "") -> None:
    if state == Job.State.FAILED:
        logger.warning("background job %s (%s) failed: %s", job.pk, job.kind, error)
    job.state, job.error, job.finished_at = state, error, timezone.now()
    job.save(update_fields=["state", "error", "finished_at"])


def job_item_add(job: Job, item: dict) -> None:
    """Record one input as done; call it in the transaction that did the input's work."""
    job.items = [*job.items, item]
    job.heartbeat = timezone.now()
    job.save(update_fields=["items", "heartbeat"])


def job_result_set(job: Job, result: dict) -> None:
    job.result = result
    job.save(update_fields=["result"])


def job_retry(job: Job) -> Job:
    """Queue a failed job again, from the first input it did not finish."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.state != Job.State.FAILED:
            raise InvalidInput(NOT_RETRYABLE, code="not_retryable")
        if job.inputs and not (uploads_dir() / job.inputs).is_dir():
            raise InvalidInput("这个任务的输入文件已经不在了，无法重试。", code="input_gone")
        job.state, job.error, job.finished_at, job.attempts = Job.State.QUEUED, "", None, 0
        job.save(update_fields=["state", "error", "finished_at", "attempts"])
        _enqueue(job)
    return job


def heartbeat_touch(job_id: int) -> None:
    Job.objects.filter(pk=job_id, state=Job.State.RUNNING).update(heartbeat=timezone.now())


def jobs_recover() -> int:
    """Queue again every running job whose worker stopped beating (killed midway), and
    every queued job whose task never reached the queue (Redis: the process died between
    the job's commit and its task)."""
    recovered = 0
    lost = Job.objects.filter(
        state=Job.State.QUEUED, task_id="", created_at__lt=timezone.now() - STALE_AFTER
    ).values_list("pk", flat=True)
    for job_id in lost:
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=job_id)
            if job.state == Job.State.QUEUED and not job.task_id:
                logger.warning("background job %s had no task; queued again", job.pk)
                _enqueue(job)
                recovered += 1
    stale = Job.objects.filter(
        state=Job.State.RUNNING, heartbeat__lt=timezone.now() - STALE_AFTER
    ).values_list("pk", flat=True)
    for job_id in stale:
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=job_id)
            if job.state != Job.State.RUNNING or not _stale(job):
                continue
            logger.warning("background job %s lost its worker; queued again", job.pk)
            job.state = Job.State.QUEUED
            job.save(update_fields=["state"])
            _enqueue(job)
            recovered += 1
    return recovered


def jobs_expire() -> int:
    """Forget what originality-check jobs read, an hour after they finished: a member's
    draft is not kept (its file goes when the job is done, its text here)."""
    expired = 0
    old = Job.objects.filter(
        kind=Job.Kind.CHECK, finished_at__lt=timezone.now() - DRAFTS_KEPT
    ).exclude(result={}, inputs="")
    for job in old:
        if job.inputs:
            shutil.rmtree(uploads_dir() / job.inputs, ignore_errors=True)
        job.result, job.inputs = {}, ""
        job.save(update_fields=["result", "inputs"])
        expired += 1
    return expired


def _stale(job: Job) -> bool:
    return job.heartbeat is None or job.heartbeat < timezone.now() - STALE_AFTER
