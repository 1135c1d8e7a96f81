"""Live sharing in the admin: events (read-only), webhooks, and their deliveries with the
answer each receiver gave, any of which can be sent again."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gaoku.errors import GaokuError
from gaoku.live.models import Delivery, Event, Webhook
from gaoku.live.webhooks import deliveries_resend, webhook_rotate
from gaoku.ops.admin import ReadOnlyAdmin


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("pk", "kind", "title", "doc_type", "tier", "at")
    list_filter = ("kind",)
    search_fields = ("title",)


class DeliveryInline(admin.TabularInline):
    model = Delivery
    fields = ("event", "state", "attempts", "status", "sent_at", "next_at")
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ("-id",)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("event")


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "url", "tier", "enabled", "created_at")
    list_filter = ("kind", "enabled")
    fields = ("name", "kind", "url", "secret", "target", "tier", "topics", "types", "enabled")
    inlines = [DeliveryInline]
    actions = ("rotate",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description=_("Rotate the secret (Standard Webhooks)"))
    def rotate(self, request: HttpRequest, queryset) -> None:
        for webhook in queryset:
            try:
                webhook_rotate(webhook)
            except GaokuError as exc:
                self.message_user(request, f"{webhook}: {exc.message}", messages.ERROR)
            else:
                self.message_user(request, _("%(hook)s: new secret set.") % {"hook": webhook})


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("pk", "webhook", "event", "state", "attempts", "status", "sent_at")
    list_filter = ("state", "webhook")
    actions = ("resend",)

    @admin.action(description=_("Send again"))
    def resend(self, request: HttpRequest, queryset) -> None:
        count = deliveries_resend(list(queryset.values_list("pk", flat=True)))
        self.message_user(request, _("%(n)d deliveries queued again.") % {"n": count})
