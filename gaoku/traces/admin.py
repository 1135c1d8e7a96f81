"""Traces are records: the admin lists them and links to their page, never edits them."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gaoku.copies.admin import RecordAdmin
from gaoku.traces.models import Trace


@admin.register(Trace)
class TraceAdmin(RecordAdmin):
    list_display = ("id", "created_at", "operator", "channel", "material", "accused_list", "page")
    list_filter = ("channel", "created_at")
    search_fields = ("=id", "operator", "accused__username", "material__title")
    list_select_related = ("material",)
    date_hierarchy = "created_at"
    exclude = ("upload",)

    @admin.display(description=_("accused"))
    def accused_list(self, obj: Trace) -> str:
        return ", ".join(u.get_username() for u in obj.accused.all()) or "—"

    @admin.display(description=_("page"))
    def page(self, obj: Trace) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("traces:detail", args=[obj.pk]), _("open")
        )
