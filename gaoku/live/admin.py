"""Events in the admin: read-only (they are written by what publishes)."""

from __future__ import annotations

from django.contrib import admin

from gaoku.live.models import Event
from gaoku.ops.admin import ReadOnlyAdmin


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("pk", "kind", "title", "doc_type", "tier", "at")
    list_filter = ("kind",)
    search_fields = ("title",)
