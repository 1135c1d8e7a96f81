"""Leak traces: every trace is kept with its input, its result and who ran it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gaoku.library.models import Material, MaterialVersion


class Trace(models.Model):
    """One run of the leak trace on a suspected copy."""

    # The account that ran it; from the command line, the operator named with --by, if any.
    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("run by"),
    )
    # Who ran it, in words that outlive accounts: a username, or the command line's user.
    operator = models.CharField(_("operator"), max_length=150)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=3)
    filename = models.CharField(_("file"), max_length=255, blank=True)
    input_format = models.CharField(_("input format"), max_length=10)
    ocr = models.BooleanField(_("read by OCR"), default=False)
    # The uploaded file as it came, so the trace can be re-examined later; null for pasted text.
    upload = models.BinaryField(null=True, blank=True)
    text = models.TextField(_("text traced"))
    material = models.ForeignKey(
        Material, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.ForeignKey(
        MaterialVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    matched_chars = models.PositiveIntegerField(_("matched characters"), default=0)
    candidates = models.PositiveIntegerField(_("candidates"), default=0)
    level = models.FloatField(_("false-accusation level"))
    result = models.JSONField(_("result"))
    accused = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("accused")
    )

    class Meta:
        verbose_name = _("leak trace")
        verbose_name_plural = _("leak traces")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk}"
