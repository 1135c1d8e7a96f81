"""Events, follows, read marks and feed tokens."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gaoku.library.models import Material
from gaoku.members.models import Announcement


class Event(models.Model):
    """One thing published, written in the transaction that published it. Its id is the
    SSE event id: a reconnecting client sends the last one it saw and gets what followed.
    Never full text: a title, the type, the topics and a link."""

    class Kind(models.TextChoices):
        MATERIAL = "material.published", _("New material")
        VERSION = "version.published", _("New version")
        ANNOUNCEMENT = "announcement.published", _("Announcement")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    material = models.ForeignKey(
        Material, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(null=True, blank=True)
    announcement = models.OneToOneField(
        Announcement, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Which announcements page it belongs to; empty for materials (their titles are public).
    tier = models.CharField(max_length=10, blank=True)
    title = models.CharField(_("title"), max_length=200)
    doc_type = models.CharField(max_length=20, blank=True)
    level = models.CharField(max_length=20, blank=True)
    topics = models.JSONField(default=list)
    url = models.CharField(max_length=200)
    # A notice to one member (their membership ends soon, or has ended): nobody else's
    # stream, feed or group robot ever carries it. ``key`` makes it once only.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    key = models.CharField(max_length=80, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.title}"


class Follow(models.Model):
    """A topic, type or level a user follows."""

    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        TYPE = "type", _("Type")
        LEVEL = "level", _("Level")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    value = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "value"], name="live_follow_once")
        ]
        ordering = ["kind", "value"]


class Inbox(models.Model):
    """Per user: the last event read (the bell counts what came after), and the secret of
    the private Atom feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    read_up_to = models.BigIntegerField(default=0)
    feed_token = models.CharField(max_length=43, unique=True, default=secrets.token_urlsafe)


class Webhook(models.Model):
    """An outgoing webhook: a group robot or a generic receiver, and the events it gets
    (every material's, or only those of some topics or types; announcements of its tier)."""

    class Kind(models.TextChoices):
        STANDARD = "standard", "Standard Webhooks"
        DINGTALK = "dingtalk", _("DingTalk robot")
        FEISHU = "feishu", _("Feishu/Lark robot")
        WECOM = "wecom", _("WeCom robot")
        ONEBOT = "onebot", _("QQ group (OneBot)")

    name = models.CharField(_("name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    url = models.URLField(_("address"), max_length=500)
    # The signing secret (DingTalk 加签, Feishu 签名校验, Standard Webhooks whsec_…) or the
    # OneBot access token; WeCom's key is part of its address.
    secret = models.CharField(_("secret"), max_length=200, blank=True)
    previous_secret = models.CharField(max_length=200, blank=True)
    rotated_at = models.DateTimeField(null=True, blank=True)
    target = models.CharField(_("QQ group"), max_length=30, blank=True)
    tier = models.CharField(
        _("announcements of"),
        max_length=10,
        choices=Announcement.Tier.choices,
        default=Announcement.Tier.FREE,
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    types = models.JSONField(_("types"), default=list, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return self.name or f"{self.get_kind_display()} #{self.pk}"


class Delivery(models.Model):
    """One event for one webhook: sent (maybe within a digest), waiting, or given up."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    state = models.CharField(
        _("state"), max_length=8, choices=State.choices, default=State.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_at = models.DateTimeField(_("next try"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    response = models.TextField(_("response"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-id"]
