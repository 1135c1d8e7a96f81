"""Background jobs (work that outlives a request) and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One piece of background work as its user sees it: what was asked, how far it got,
    what came of it. The task queue (django-tasks) only carries the job's id; the job
    keeps its input until it succeeds, so a failed or interrupted job can run again."""

    class Kind(models.TextChoices):
        IMPORT = "import", _("Import")
        TRACE = "trace", _("Leak trace")
        CHECK = "check", _("Originality check")
        REINDEX = "reindex", _("Search reindex")
        REPORT = "report", _("Report of resale")
        CLEAN = "clean", _("Cleaning rules applied to the library")

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.QUEUED, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Touched by the worker while the job runs; a running job whose heartbeat stopped was
    # interrupted (the worker was killed) and is queued again (gaoku.ops.jobs.jobs_recover).
    heartbeat = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The folder under GAOKU_DATA/uploads/jobs/ holding the job's input files.
    inputs = models.CharField(max_length=64, blank=True)
    params = models.JSONField(default=dict)
    total = models.PositiveIntegerField(default=0)
    # One entry per input handled, written in the transaction that did the input's work,
    # so that a job run again after a crash goes on from where it stopped.
    items = models.JSONField(default=list)
    result = models.JSONField(default=dict)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)


class AppendOnly(Exception):
    """An audit entry was about to be changed or deleted."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("the audit log is append-only")

    def delete(self):
        raise AppendOnly("the audit log is append-only")


class AuditEntry(models.Model):
    """One action that touched access or evidence: who, what, when, from where.

    Append-only: rows are added by ``gaoku.ops.audit.audit_record`` and never changed or
    deleted through the ORM; on PostgreSQL a trigger refuses UPDATE and DELETE for every
    client (migration 0003). The actor is kept as a name, not a key, so that deleting an
    account never touches the log.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.CharField(_("actor"), max_length=150, null=True, blank=True)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    object = models.CharField(_("object"), max_length=200, blank=True)
    detail = models.JSONField(_("detail"), default=dict)
    # The client address of a web request, "cli:<user>" for a command, "worker" for a job.
    source = models.CharField(_("from"), max_length=100, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnly("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("the audit log is append-only")


class RateEvent(models.Model):
    """One use of a limited action (an upload, an originality check) by one account,
    counted by gaoku.ops.ratelimit; rows older than the longest window are dropped."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=20)
    at = models.DateTimeField(default=timezone.now)
    # Where from, for the limits that also hold per client address (wrong redeem codes,
    # reports): one person with many accounts.
    address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "action", "at"]),
            models.Index(fields=["address", "action", "at"]),
        ]
