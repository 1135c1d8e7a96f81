"""Requests (需求): what members need written, their votes, and the editors' answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gaoku.library.models import DocType, Material


class Need(models.Model):
    """A member's request for a material: the occasion, type and level, a deadline and a
    few lines; open until an editor answers it with a material or declines it."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ANSWERED = "answered", _("answered")
        DECLINED = "declined", _("declined")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="needs",
        verbose_name=_("posted by"),
    )
    title = models.CharField(_("what is needed"), max_length=100)
    occasion = models.CharField(_("occasion"), max_length=100, blank=True)
    doc_type = models.CharField(_("type"), max_length=20, choices=DocType.choices, blank=True)
    level = models.CharField(_("level"), max_length=20, blank=True)
    deadline = models.DateField(_("needed by"), null=True, blank=True)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    answer = models.ForeignKey(
        Material,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered with"),
    )
    answer_version = models.PositiveIntegerField(null=True, blank=True)
    answer_note = models.CharField(_("editor's note"), max_length=300, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        indexes = [models.Index(fields=["state", "deadline"])]

    def __str__(self) -> str:
        return self.title


class Vote(models.Model):
    """A member's "I need this too" on a request; one each."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["need", "user"], name="one_vote_each")]
