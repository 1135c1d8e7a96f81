"""Requests in the admin: read them, with their votes; answers are given on the site."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gaoku.needs.models import Need


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "doc_type", "deadline", "votes", "state", "created_at")
    list_filter = ("state", "doc_type")
    search_fields = ("title", "occasion", "details")

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(n_votes=Count("votes"))

    @admin.display(description=_("votes"), ordering="n_votes")
    def votes(self, need: Need) -> int:
        return need.n_votes

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
