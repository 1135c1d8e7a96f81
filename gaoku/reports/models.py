"""Reports of resale (举报倒卖): what a user saw, the trace of the evidence, the decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gaoku.library.models import MaterialVersion
from gaoku.members.models import Subscription, Suspension
from gaoku.traces.models import Trace


class Report(models.Model):
    """One report: submitted → traced → confirmed / rejected / duplicate."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted, being traced")
        TRACED = "traced", _("Traced, awaiting review")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")
        DUPLICATE = "duplicate", _("Already handled")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reports_filed",
        verbose_name=_("reporter"),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    where = models.CharField(_("where it was seen"), max_length=300)
    seller_contact = models.CharField(_("seller's contact"), max_length=200, blank=True)
    evidence_text = models.TextField(_("pasted evidence"), blank=True)
    evidence_files = models.JSONField(_("evidence files"), default=list, blank=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    traces = models.ManyToManyField(Trace, blank=True, related_name="reports")
    # The leak the evidence traces to: the version and the member its traces name first.
    version = models.ForeignKey(
        MaterialVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accused = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports_against",
        verbose_name=_("accused"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    grant = models.ForeignKey(
        Subscription, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    suspension = models.ForeignKey(
        Suspension, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk}"
