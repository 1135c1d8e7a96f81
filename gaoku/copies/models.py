"""Issuance records and the slot plans they were made with.

A copy's wordings are recomputed from the server's fingerprint key, the version and the
member, so a ``Copy`` row is all that is kept per member. Plans are frozen: a copy points
at the plan revision it was made with, and a change (an editor rejecting a slot, a new
lexicon group) makes a new revision instead of editing an old one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gaoku.library.models import Material, MaterialVersion


class Format(models.TextChoices):
    TXT = "txt", "TXT"
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"
    # The full text shown on the reader page and in the API's material: one per member,
    # version and plan revision, made when they first read it.
    VIEW = "view", _("reading")


class Channel(models.TextChoices):
    WEB = "web", _("web")
    API = "api", _("API")
    CLI = "cli", _("command line")
    VIEW = "view", _("reading")


class SlotPlan(models.Model):
    """The slots the copies of a version use, as selected at one moment."""

    version = models.ForeignKey(
        MaterialVersion, on_delete=models.PROTECT, related_name="slot_plans"
    )
    revision = models.PositiveIntegerField(_("revision"))
    basis = models.CharField(max_length=64)
    slots = models.JSONField(_("slots"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("slot plan")
        verbose_name_plural = _("slot plans")
        constraints = [
            models.UniqueConstraint(fields=["version", "revision"], name="plan_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.version} r{self.revision}"


class SlotRejection(models.Model):
    """A slot an editor ruled out for a version: copies made after it never use it."""

    version = models.ForeignKey(
        MaterialVersion, on_delete=models.CASCADE, related_name="slot_rejections"
    )
    key = models.CharField(_("slot"), max_length=300)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rejected_at = models.DateTimeField(_("rejected"), default=timezone.now)

    class Meta:
        verbose_name = _("rejected slot")
        verbose_name_plural = _("rejected slots")
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="rejection_unique")]


class EditorVariant(models.Model):
    """A group of interchangeable wordings an editor wrote in, in the lexicon's syntax."""

    line = models.CharField(_("wordings"), max_length=200, unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("editor's variant")
        verbose_name_plural = _("editors' variants")
        ordering = ["line"]

    def __str__(self) -> str:
        return self.line


class Copy(models.Model):
    """One download: who took which version, in which format, when and from where."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="copies",
        verbose_name=_("member"),
    )
    version = models.ForeignKey(MaterialVersion, on_delete=models.PROTECT, related_name="copies")
    plan = models.ForeignKey(SlotPlan, on_delete=models.PROTECT, related_name="copies")
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    # A localised copy's answers and the day they were applied (gaoku.core.localize), so
    # that the copy can be drawn again exactly, as a trace's evidence.
    localisation = models.JSONField(_("localisation"), default=dict, blank=True)

    class Meta:
        verbose_name = _("copy")
        verbose_name_plural = _("copies")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["version", "member"])]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "version", "plan"],
                condition=models.Q(channel="view"),
                name="one_reading_copy_per_plan",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.version} → {self.member}"


class CopyRefusal(models.Model):
    """A download that was refused, and why."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    material = models.ForeignKey(Material, on_delete=models.SET_NULL, null=True, related_name="+")
    version_number = models.PositiveIntegerField(_("version"), null=True)
    format = models.CharField(_("format"), max_length=4)
    reason = models.CharField(_("reason"), max_length=20)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        verbose_name = _("refused download")
        verbose_name_plural = _("refused downloads")
        ordering = ["-created_at", "-id"]


class FingerprintKey(models.Model):
    """A digest of the fingerprint key the copies are made with (one row).

    Written by ``gaoku init`` when it creates or first meets the key, so that a lost or
    replaced key is noticed before it silently makes every issued copy untraceable.
    """

    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fingerprint key")
        verbose_name_plural = _("fingerprint key")


class Reading(models.Model):
    """One showing of a full text to a member (the reader page, the API): how fast and
    from where an account reads is how sharing and scraping show (gaoku.core.signals)."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(MaterialVersion, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    client_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        indexes = [models.Index(fields=["member", "at"])]
